//! The accept dialog: the two claims, the question being typed, what accepting writes.

use crate::text;
use crate::tui::app::App;
use crate::tui::state::Modal;
use crate::tui::state::accept::Accept;
use crate::tui::strings;
use crate::tui::theme::Pane;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Lines the explanation of what Enter writes may take; the last ends in `…` when cut.
pub const WHAT_LINES: usize = 5;

/// Where the dialog sits in `main`, and what Enter writes, wrapped to its inner width: two
/// borders, seven lines (the ids, each claim's opening words, a blank, the question, the
/// relation's two), and those lines,
/// at most [`WHAT_LINES`], so the dialog is as tall as it needs. Found once a frame.
pub fn layout(app: &App, a: &Accept, main: Rect) -> (Rect, Vec<String>) {
    let width = 72.min(main.width.saturating_sub(4));
    let said = text::wrap_at_most(
        &what(app, a),
        usize::from(width.saturating_sub(2)),
        WHAT_LINES,
    );
    let height = 9 + u16::try_from(said.len()).unwrap_or(0);
    (crate::tui::layout::centered(main, width, height), said)
}

/// Draws the dialog over `main`.
pub fn draw(frame: &mut Frame, app: &App, a: &Accept, main: Rect) {
    let (area, said_of_enter) = layout(app, a, main);
    let theme = app.theme;
    let inner = crate::tui::widgets::popup(frame, theme, area, strings::ACCEPT_TITLE, false);
    let width = usize::from(inner.width);
    let label = "Question  ";
    let (mut question, cursor) = a
        .question
        .spans(width.saturating_sub(label.len()), theme.heading());
    question.insert(0, Span::styled(label, theme.heading()));
    // Each line with how much it matters: on a short screen the least give way first, and
    // the question typed, the relation and a row marked common ground stay longest.
    let link = theme.line(crate::layout::LineKind::Link);
    let ids = Line::raw(text::ellipsis(
        &format!(
            "{} ⟷ {}",
            text::clean(&a.left).text,
            text::clean(&a.right).text
        ),
        width,
    ));
    let mut lines: Vec<(u8, Line)> = vec![
        (3, ids),
        (6, opening(app, &a.left, Pane::Left, width)),
        (6, opening(app, &a.right, Pane::Right, width)),
        (1, Line::raw("")),
        (10, Line::from(question)),
    ];
    // The relation names both claims by id: too long for a line, it takes the blank line
    // under it too rather than lose the second id.
    let said = text::wrap_at_most(&strings::accept_relation(relation(a).as_deref()), width, 2);
    lines.extend((0..2).map(|i| {
        said.get(i).map_or((0, Line::default()), |l| {
            (if i == 0 { 8 } else { 7 }, Line::styled(l.clone(), link))
        })
    }));
    // What Enter writes, wrapped: it names a point, which may be long.
    let full = lines.len() + said_of_enter.len();
    lines.extend(
        said_of_enter
            .into_iter()
            .map(|l| (4, Line::styled(l, theme.dim()))),
    );
    let room = usize::from(inner.height);
    if full > room {
        // Too short for all: what Enter writes goes whole, before the claims' lines, but a
        // row that will show as common ground is still said, on lines of its own.
        lines.retain(|(p, _)| *p != 4);
        let (main, common) = what_parts(app, a);
        lines.extend(
            text::wrap_at_most(&main, width, WHAT_LINES)
                .into_iter()
                .map(|l| (4, Line::styled(l, theme.dim()))),
        );
        if common {
            lines.extend(
                text::wrap(strings::ACCEPT_COMMON.trim(), width)
                    .into_iter()
                    .map(|l| (9, Line::styled(l, theme.warning()))),
            );
        }
        // The lines that matter most first, each kept while there is room (what Enter writes
        // as one, whole or not at all), in their order.
        let mut order: Vec<usize> = (0..lines.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(lines.get(i).map_or(0, |(p, _)| *p)));
        let what: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].0 == 4).collect();
        let mut keep = vec![false; lines.len()];
        let mut used = 0;
        for i in order {
            let group = if lines[i].0 == 4 { &what[..] } else { &[i][..] };
            if !keep[i] && used + group.len() <= room {
                for &j in group {
                    keep[j] = true;
                }
                used += group.len();
            }
        }
        let mut kept = keep.into_iter();
        lines.retain(|_| kept.next().unwrap_or(false));
    }
    let at = lines.iter().position(|(p, _)| *p == 10).unwrap_or(0);
    let lines: Vec<Line> = lines.into_iter().map(|(_, l)| l).collect();
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + u16::try_from(label.len() + cursor).unwrap_or(0);
    let y = inner.y + u16::try_from(at).unwrap_or(0);
    if x < inner.x + inner.width && y < inner.y + inner.height {
        super::super::place_cursor(
            frame,
            app,
            |m| matches!(m, Modal::Accept(_)),
            Position::new(x, y),
        );
    }
}

/// What Enter writes, and whether [`strings::ACCEPT_COMMON`] follows it.
fn what_parts(app: &App, a: &Accept) -> (String, bool) {
    let what = what(app, a);
    match what.strip_suffix(strings::ACCEPT_COMMON) {
        Some(main) => (main.to_owned(), true),
        None => (what, false),
    }
}

/// True when the row accepting makes will show as common ground (both claims corroborated, or
/// one agreeing with the other), which marks the sides as agreeing.
fn common(app: &App, a: &Accept) -> bool {
    let at = |id: &str| app.dispute.find_claim(id);
    matches!((at(&a.left), at(&a.right)), (Some(left), Some(right))
        if crate::compare::pair_agrees(&app.dispute, left, right, a.relation))
}

/// A claim as the dialog names it beside its id, so the pair accepted is the pair read: its
/// party, speaker and opening words on one line (`Alpha · Mayor Varga: “The gates were…`), the
/// party and speaker in the side's colour. They take at most a third of the line, the speaker
/// alone when both do not fit (the left claim is always first), so long names leave the claim
/// its words: at 80 columns `Democratic Party speakers · American Bridge 21St Century` left it
/// ten letters.
fn opening(app: &App, id: &str, pane: Pane, width: usize) -> Line<'static> {
    let Some((at, claim)) = app
        .dispute
        .find_claim(id)
        .and_then(|at| Some((at, app.dispute.claim(at)?)))
    else {
        return Line::default();
    };
    let budget = (width / 3).max(12);
    let party = app.party(at.side());
    let who = match claim.speaker.as_deref() {
        Some(s) => {
            let speaker = text::one_line(&text::clean(s).text);
            let both = format!("{party} · {speaker}");
            if text::width(&both) <= budget {
                both
            } else {
                text::ellipsis(&speaker, budget).trim_end().to_owned()
            }
        }
        None => text::ellipsis(party, budget).trim_end().to_owned(),
    };
    // The opening words only: a claim may hold a whole report.
    let head: String = claim.text.chars().take(width + 1).collect();
    let said = text::one_line(&text::clean(&head).text);
    let rest = width.saturating_sub(text::width(&who));
    Line::from(vec![
        Span::styled(who, app.theme.party(pane)),
        Span::styled(
            text::ellipsis(&format!(": “{said}”"), rest),
            app.theme.dim(),
        ),
    ])
}

/// The chosen relation as a sentence of the two ids (`east-1 concedes west-2`); `None`: none.
fn relation(a: &Accept) -> Option<String> {
    let (from_left, kind) = a.relation?;
    let (from, to) = if from_left {
        (&a.left, &a.right)
    } else {
        (&a.right, &a.left)
    };
    Some(format!(
        "{} {} {}",
        text::clean(from).text,
        kind.verb(),
        text::clean(to).text
    ))
}

/// What Enter writes: joining the point that already asks the question typed, or a new point.
fn what(app: &App, a: &Accept) -> String {
    let topic = app
        .dispute
        .find_claim(&a.left)
        .map(|at| app.dispute.ids(at).1);
    let point =
        topic.and_then(|topic| crate::edit::point_asking(&app.dispute, topic, a.question.text()));
    let placeholder_again = topic.is_some_and(|topic| {
        crate::edit::placeholder_asked(&app.dispute, topic)
            && crate::edit::is_placeholder(a.question.text())
    });
    match point {
        Some(p) => strings::accept_joins(&text::clean(&p).text),
        None if placeholder_again => strings::ACCEPT_PLACEHOLDER_AGAIN.to_owned(),
        None => {
            let mut what = if app.dispute.has_manifest {
                strings::ACCEPT_WHAT.to_owned()
            } else {
                strings::ACCEPT_WHAT_NEW_MANIFEST.to_owned()
            };
            // A topic laid out packed (no point row yet) is laid out anew: said before it is.
            let packed = app.current_topic().is_some_and(|t| {
                t.rows
                    .iter()
                    .any(|r| r.kind == crate::compare::RowKind::Packed)
            });
            if packed {
                what.push_str(strings::ACCEPT_UNPACKS);
            }
            if common(app, a) {
                what.push_str(strings::ACCEPT_COMMON);
            }
            what
        }
    }
}
