//! Drawing the search: the panel over the comparison (the search line, the count, the hits with
//! their party, topic and a snippet whose matched characters are highlighted, or why nothing
//! matched), the header's search line, the footer's place among the hits, and the highlights of
//! matched characters in the comparison's panes.

use super::hits::{self as search, TOP, area};
use crate::format::ClaimAt;
use crate::layout::{Line as LaidLine, LineKind};
use crate::query::highlight;
use crate::query::{Field, Hit, HitAt, Results};
use crate::text;
use crate::tui::app::App;
use crate::tui::layout::Regions;
use crate::tui::state::Modal;
use crate::tui::state::search::Ranked;
use crate::tui::strings::search as words;
use crate::tui::theme::{Pane, Theme};
use ratatui::Frame;
use ratatui::layout::Position;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

/// Spans of `pieces` (text, highlighted) within `cols` columns, cut by grapheme; with `more`,
/// a cut ends in `…` (in the plain style) so a cut line never looks whole.
fn spans_within(
    pieces: Vec<(String, bool)>,
    cols: usize,
    plain: Style,
    marked: Style,
    more: bool,
) -> (Vec<Span<'static>>, usize) {
    let total: usize = pieces.iter().map(|(p, _)| text::width(p)).sum();
    if more && total > cols && cols > 0 {
        let (mut out, used) = spans_within(pieces, cols - 1, plain, marked, false);
        out.push(Span::styled("…", plain));
        return (out, used + 1);
    }
    let mut out = Vec::new();
    let mut used = 0;
    for (piece, hit) in pieces {
        let style = if hit { marked } else { plain };
        let w = text::width(&piece);
        if used + w <= cols {
            used += w;
            out.push(Span::styled(piece, style));
            continue;
        }
        let mut cut = String::new();
        for g in piece.graphemes(true) {
            let gw = text::width(g);
            if used + gw > cols {
                break;
            }
            cut.push_str(g);
            used += gw;
        }
        out.push(Span::styled(cut, style));
        break;
    }
    (out, used)
}

fn pane(app: &App, side: usize) -> Pane {
    if side == app.cmp.left {
        Pane::Left
    } else {
        Pane::Right
    }
}

/// The field to show for a hit not ranked yet: the first of the claim's fields with a highlight
/// (its text when none has), as the field's name (`None` for the text) and its text.
fn field_of(app: &App, o: &Results, at: ClaimAt) -> (Option<&'static str>, String) {
    let Some(claim) = app.dispute.claim(at) else {
        return (None, String::new());
    };
    if !o.highlight(&claim.text).is_empty() {
        return (None, claim.text.clone());
    }
    let side = app.dispute.sides.get(at.side());
    let sources = claim
        .sources
        .iter()
        .filter_map(|r| side?.sources.get(r.index));
    let mut others: Vec<(Field, &str)> = Vec::new();
    if let Some(s) = &claim.speaker {
        others.push((Field::Speaker, s));
    }
    others.extend(claim.tags.iter().map(|t| (Field::Tag, t.as_str())));
    for s in sources {
        others.push((Field::Outlet, &s.outlet));
        if let Some(t) = &s.title {
            others.push((Field::SourceTitle, t));
        }
    }
    if let Some(n) = claim.assessment.as_ref().and_then(|a| a.note.as_deref()) {
        others.push((Field::Note, n));
    }
    others
        .into_iter()
        .find(|(_, s)| !o.highlight(s).is_empty())
        .map_or((None, claim.text.clone()), |(f, s)| {
            (Some(f.as_str()), s.to_owned())
        })
}

/// The fewest columns a hit's topic title keeps before the speaker gives way.
const TOPIC_AT_LEAST: usize = 18;

/// One hit of the list: party and topic, then the snippet.
fn entry_lines(
    app: &App,
    o: &Results,
    at: HitAt,
    hit: Option<&Hit>,
    selected: bool,
    width: usize,
) -> [Line<'static>; 2] {
    let theme = app.theme;
    let marker = if selected { "▶ " } else { "  " };
    let party = app.party(at.claim.side()).to_owned();
    let topic = o
        .comparison
        .topics
        .get(at.topic)
        .map_or("", |t| t.title.as_str());
    let mut party_style = theme.party(pane(app, at.claim.side()));
    let mut rest_style = theme.dim();
    if selected {
        party_style = party_style.patch(theme.selected());
        rest_style = rest_style.patch(theme.selected());
    }
    // The row's number as the comparison shows it, the claim's label in it, and who made the
    // claim; a topic-level hit says which field and how many claims it stands for instead.
    let detail = match hit {
        Some(h) if h.is_topic_level() => words::topic_level(h.field.as_str(), h.claims),
        _ => {
            let speaker = app
                .dispute
                .claim(at.claim)
                .and_then(|c| c.speaker.as_deref());
            let label = o
                .comparison
                .topics
                .get(at.topic)
                .and_then(|t| t.rows.get(at.row))
                .and_then(|row| crate::layout::label(row, at.claim));
            words::row_and_speaker(at.row, label.as_deref(), speaker)
        }
    };
    // A long party name gives way to its id when the topic would keep little room
    // (`Democratic Party speakers` left `Health…` of the topic at 80 columns).
    let fixed = text::width(&format!("{marker}{party} ·  · {detail}"));
    let id = app.party_id(at.claim.side());
    let party = if width.saturating_sub(fixed) < 20 && !id.is_empty() && id.len() < party.len() {
        id.to_owned()
    } else {
        party
    };
    // The topic's title gives way first, so the row and speaker stay on a narrow screen; but
    // not below a few words (`The 10…` named no topic): the speaker's end gives way then.
    let fixed = text::width(&format!("{marker}{party} ·  · {detail}"));
    let least = text::width(topic).min(TOPIC_AT_LEAST);
    let topic = text::ellipsis(topic, width.saturating_sub(fixed).max(least));
    let topic = topic.trim_end();
    let head_pieces = vec![
        (format!("{marker}{party}"), true),
        (format!(" · {topic} · {detail}"), false),
    ];
    let (mut head, used) = spans_within(head_pieces, width, rest_style, party_style, true);
    if selected {
        head.push(Span::styled(
            " ".repeat(width.saturating_sub(used)),
            rest_style,
        ));
    }
    let (label, body) = match hit {
        Some(h) if h.field != Field::Text => (Some(h.field.as_str()), h.text.to_string()),
        Some(h) => (None, h.text.to_string()),
        None => field_of(app, o, at.claim),
    };
    let label = label.map(words::field).unwrap_or_default();
    let room = width.saturating_sub(4 + text::width(&label));
    let field = hit.map_or(Field::Text, |h| h.field);
    let ranges = o.highlight_field(field, &body);
    let pieces = highlight::snippet(&body, &ranges, o.focus(field, &body), room);
    let (mut snippet, _) = spans_within(pieces, room, Style::new(), theme.matched(), false);
    let mut line = vec![Span::raw("    "), Span::styled(label, theme.dim())];
    line.append(&mut snippet);
    [Line::from(head), Line::from(line)]
}

/// Draws the panel over the comparison while the search line is open.
pub fn draw(frame: &mut Frame, app: &App, regions: &Regions) {
    let theme = app.theme;
    // The cursor moves over the list's entries (claims found through one topic fold into one).
    let entries = search::list_len(app);
    // While parts of a long ranking come, the list holds the best so far, not every hit.
    let at = (entries > 0).then(|| match app.search.ranked {
        Ranked::Partial { .. } => Line::from(format!(
            " {}/{entries} {} ",
            app.search.cursor + 1,
            words::SO_FAR
        ))
        .right_aligned(),
        _ => crate::tui::widgets::position(app.search.cursor, entries),
    });
    let inner =
        crate::tui::widgets::popup_at(frame, app.theme, area(regions), words::TITLE, false, at);
    if inner.height < TOP || inner.width < 8 {
        return;
    }
    let width = usize::from(inner.width);
    let prompt = text::width(words::PROMPT);
    let (typed, column) = app.search.field.shown(width.saturating_sub(prompt + 1));
    let mut lines = vec![Line::from(vec![
        Span::styled(words::PROMPT, theme.title()),
        Span::raw(typed),
    ])];
    let query = app.search.text().trim();
    let hits = search::hits(app);
    let outcome = search::searched(app);
    let narrowed = if app.query.narrow {
        format!(" {}", words::NARROWED)
    } else {
        String::new()
    };
    let hint = |lines: &mut Vec<Line<'static>>, s: &str| {
        for l in text::wrap(s, width) {
            lines.push(Line::styled(l, theme.dim()));
        }
    };
    match outcome {
        _ if query.is_empty() => {
            lines.push(Line::raw(""));
            lines.push(Line::styled("─".repeat(width), theme.dim()));
            hint(&mut lines, words::START);
            hint(&mut lines, words::SYNTAX);
            hint(&mut lines, words::MARKS);
        }
        Some(o) if hits > 0 => {
            let order = match &app.search.ranked {
                _ if app.query_pending() => words::SEARCHING.to_owned(),
                Ranked::Ready(_) => words::RANKED.to_owned(),
                Ranked::Partial { done, of, .. } => words::ranking_part(*done, *of),
                Ranked::Pending => words::RANKING.to_owned(),
            };
            lines.push(Line::styled(
                text::ellipsis(
                    &{
                        let start = format!("{order}{narrowed} · ");
                        let room = width.saturating_sub(text::width(&start));
                        format!("{start}{}", words::found(&o.counts, room))
                    },
                    width,
                ),
                theme.dim(),
            ));
            let notes = search::notes(query, width);
            let noted = u16::try_from(notes.len()).unwrap_or(u16::MAX);
            for l in notes {
                lines.push(Line::styled(l, theme.warning()));
            }
            lines.push(Line::styled("─".repeat(width), theme.dim()));
            let (first, shown) = search::window(app, inner.height, usize::from(noted));
            for i in first..(first + shown).min(search::list_len(app)) {
                let Some((at, hit)) = search::entry(app, i) else {
                    break;
                };
                let selected = i == app.search.cursor;
                lines.extend(entry_lines(app, o, at, hit, selected, width));
            }
        }
        _ if app.query_pending() => {
            lines.push(Line::styled(
                text::ellipsis(words::SEARCHING, width),
                theme.dim(),
            ));
            lines.push(Line::styled("─".repeat(width), theme.dim()));
        }
        _ => {
            // Wrapped, not cut: why nothing matched is what the analyst needs to read.
            for l in text::wrap(&words::no_hit(query), width) {
                lines.push(Line::styled(l, theme.warning()));
            }
            // What a query in another engine's syntax finds here, and how to write it (the
            // line above says a spaced `|` is no OR).
            for note in crate::query::hints::all_but_or_bar(query, None) {
                for l in text::wrap(&note, width) {
                    lines.push(Line::styled(l, theme.warning()));
                }
            }
            lines.push(Line::styled("─".repeat(width), theme.dim()));
            hint(&mut lines, words::SYNTAX);
            hint(&mut lines, words::MARKS);
            if !app.query.filter.is_empty() {
                hint(&mut lines, words::WITH_FILTERS);
            }
            // A dispute of more sides: the others' claims are not searched here, as `parallax
            // search` would find them.
            let sides = app.dispute.sides.len();
            if sides > 2 {
                let key = app.keymap.key_for(
                    crate::tui::modal::screen::BINDINGS,
                    false,
                    crate::tui::action::Action::PickParties,
                );
                let (left, right) = (app.party(app.cmp.left), app.party(app.cmp.right));
                hint(&mut lines, &words::other_sides(left, right, sides, &key));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + u16::try_from(prompt + column).unwrap_or(inner.width);
    if x < inner.right() {
        super::super::place_cursor(
            frame,
            app,
            |m| matches!(m, Modal::Search(_)),
            Position::new(x, inner.y),
        );
    }
}

/// The header's line for the search in force, if any.
pub fn header_line(app: &App, width: usize) -> Option<Line<'static>> {
    let query = app.query.search.as_deref()?;
    // While the text as typed is searched, the counts on screen are the last text's: they are
    // not put beside the new text (and before the first answer there are none).
    let s = if app.query_pending() {
        words::header_searching(query.trim(), app.query.narrow, width)
    } else {
        let counts = search::searched(app)?.counts;
        words::header(query.trim(), &counts, app.query.narrow, width)
    };
    Some(Line::styled(text::ellipsis(&s, width), app.theme.title()))
}

/// True when the header has a search line.
pub fn in_header(app: &App) -> bool {
    app.query.search_text().is_some()
}

/// The footer's place among the hits (`hit 3/17`, or `17 hits` before stepping), if searching.
pub fn position(app: &App) -> Option<String> {
    if app.query_pending() && app.query.search.is_some() {
        return Some(words::SEARCHING.to_owned());
    }
    search::searched(app)?;
    Some(words::position(search::current(app), search::hits(app)))
}

/// The hit last jumped or stepped to.
pub fn current_claim(app: &App) -> Option<ClaimAt> {
    let o = search::searched(app)?;
    o.order.get(search::current(app)?).map(|h| h.claim)
}

/// A cell of the comparison's panes with the search's matched characters highlighted, when the
/// line belongs to a hit claim; `None` to draw it as usual.
pub fn cell(
    app: &App,
    theme: Theme,
    line: &LaidLine,
    width: usize,
    base: Style,
) -> Option<Vec<Span<'static>>> {
    let o = search::searched(app)?;
    let at = line.claim?;
    // A relation or standing line names another claim's party or a date, no field the search
    // looks through: a term it holds is no hit there.
    let searched = !matches!(
        line.kind,
        LineKind::Gap | LineKind::Silent | LineKind::Link | LineKind::Standing
    );
    if !searched || !o.is_hit(at) {
        return None;
    }
    let base = if current_claim(app) == Some(at) && line.kind == LineKind::Text {
        base.patch(theme.current_hit())
    } else {
        base
    };
    let ranges = o.highlight(&line.text);
    let pieces = highlight::segments(&line.text, &ranges);
    let (mut spans, used) = spans_within(pieces, width, base, base.patch(theme.matched()), false);
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    Some(spans)
}
