//! The detail view: the selected row in full. For each claim its speaker, date, tags, assessment
//! and note, rebuttal links, and every source with all it records.

use crate::format::{Claim, ClaimAt};
use crate::layout;
use crate::plain;
use crate::text;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::layout::{Regions, inset};
use crate::tui::state::detail::Detail;
use crate::tui::strings::{self, field};
use crate::tui::theme::Pane;
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// The detail view's lines, and the line each claim starts on.
#[derive(Debug, Default)]
pub struct Content {
    /// Every line, wrapped to the view's width.
    pub lines: Vec<Line<'static>>,
    /// The first line of each claim, in the row's order (left side first).
    pub starts: Vec<usize>,
}

impl Content {
    fn push(&mut self, indent: usize, s: &str, style: Style, width: usize) {
        let pad = " ".repeat(indent);
        for line in text::wrap(s, width.saturating_sub(indent).max(1)) {
            self.lines.push(Line::styled(format!("{pad}{line}"), style));
        }
    }

    /// A claim's text, at most [`layout::SCREEN_TEXT_LINES`] lines of it, then what was cut.
    fn claim_text(&mut self, indent: usize, s: &str, width: usize, cut_style: Style) {
        let pad = " ".repeat(indent);
        let most = layout::SCREEN_TEXT_LINES;
        let mut given = 0;
        let cut = text::wrap_lines("", s, width.saturating_sub(indent).max(1), |line| {
            if given >= most {
                return std::ops::ControlFlow::Break(());
            }
            given += 1;
            self.lines.push(Line::raw(format!("{pad}{line}")));
            std::ops::ControlFlow::Continue(())
        });
        if let Some(from) = cut {
            let note = layout::cut_note(s.get(from..).unwrap_or_default());
            self.push(indent, &note, cut_style, width);
        }
    }

    fn field(&mut self, label: &str, value: Option<&str>, style: Style, width: usize) {
        if let Some(v) = value {
            self.push(4, &format!("{label}: {v}"), style, width);
        }
    }
}

/// Lays out the detail of `d` at `width` columns.
pub fn content(app: &App, d: Detail, width: usize) -> Content {
    let mut c = Content::default();
    let Some(topic) = app.shown().topics.get(d.topic) else {
        return c;
    };
    let Some(row) = topic.rows.get(d.row) else {
        return c;
    };
    let theme = app.theme;
    c.push(0, &plain::row_heading(row), theme.heading(), width);
    c.push(
        0,
        &format!("{}: {}", field::TOPIC, topic.title),
        theme.dim(),
        width,
    );
    for (i, at) in row.claims().enumerate() {
        let Some(claim) = app.dispute.claim(at) else {
            continue;
        };
        c.lines.push(Line::raw(""));
        c.starts.push(c.lines.len());
        let label = layout::label(row, at).unwrap_or_default();
        let place = (d.topic, d.row);
        claim_block(
            &mut c,
            app,
            (at, place, &label),
            claim,
            i == d.cursor,
            width,
        );
    }
    c
}

fn claim_block(
    c: &mut Content,
    app: &App,
    (at, place, label): (ClaimAt, (usize, usize), &str),
    claim: &Claim,
    selected: bool,
    width: usize,
) {
    let theme = app.theme;
    let pane = if at.side() == app.cmp.left {
        Pane::Left
    } else {
        Pane::Right
    };
    let marker = if selected { "▶ " } else { "  " };
    let heading = format!(
        "{marker}{}",
        strings::claim_heading(app.party(at.side()), &claim.id, label)
    );
    let style = if selected {
        theme.party(pane).patch(theme.selected())
    } else {
        theme.party(pane)
    };
    c.lines
        .push(Line::styled(text::ellipsis(&heading, width), style));
    c.claim_text(
        2,
        &claim.text,
        width,
        theme.line(layout::LineKind::Standing),
    );
    let plain = Style::new();
    c.field(field::SPEAKER, claim.speaker.as_deref(), plain, width);
    let date = claim.date.map(|d| d.to_string());
    c.field(field::DATE, date.as_deref(), plain, width);
    let shown = app.shown();
    let standing = theme.line(layout::LineKind::Standing);
    if let Some(s) = layout::standing_line(shown.standing(at, claim)) {
        c.push(4, &s, standing, width);
    }
    if !claim.tags.is_empty() {
        c.field(field::TAGS, Some(&claim.tags.join(", ")), plain, width);
    }
    // As of a date, an assessment made later is not shown, only marked.
    let assessed = shown.assessed(&app.dispute, at, claim);
    if let Some(a) = assessed.shown() {
        let s = layout::assessment_line(a.rating, a.by.as_deref(), a.note.as_deref());
        c.field(field::ASSESSMENT, Some(&s), theme.rating(a.rating), width);
        if !a.sources.is_empty() {
            let ids = a.sources.join(", ");
            c.field(field::ASSESSMENT_SOURCES, Some(&ids), theme.dim(), width);
        }
    }
    if let Some(s) = layout::assessed_line(assessed) {
        c.push(4, &s, standing, width);
    }
    if !claim.flagged.is_empty() {
        let points: Vec<String> = claim.flagged.iter().map(|&p| text::code_point(p)).collect();
        c.push(4, &strings::flagged(&points), theme.warning(), width);
    }
    for (kind, target) in claim.links() {
        let s = layout::relation_with_id(&app.dispute, app.shown(), Some(place), kind, target);
        c.push(4, &s, theme.line(layout::LineKind::Link), width);
    }
    // The links other claims make to this one: an answer from another topic is otherwise
    // seen only from the answer.
    for &(source, kind) in app.dispute.links_to(&claim.id) {
        let Some(id) = app.dispute.claim(source).map(|c| c.id.as_str()) else {
            continue;
        };
        if let Some(s) = layout::incoming_with_id(&app.dispute, app.shown(), Some(place), kind, id)
        {
            c.push(4, &s, theme.line(layout::LineKind::Link), width);
        }
    }
    // Offered only when a link leads to a claim of the compared sides (`r` on one to a side
    // not compared only says so).
    if selected
        && crate::tui::modal::links::update::leads_to_compared(app, at)
        && let Some(hint) = strings::follow_hint(
            &app.keymap
                .key_for(super::bindings::BINDINGS, false, Action::FollowRebuttal),
            &app.keymap
                .key_for(super::bindings::BINDINGS, false, Action::JumpBack),
        )
    {
        c.push(6, &hint, theme.dim(), width);
    }
    let Some(side) = app.dispute.sides.get(at.side()) else {
        return;
    };
    if claim.sources.is_empty() {
        c.push(4, strings::UNSOURCED, theme.warning(), width);
        return;
    }
    c.push(4, strings::SOURCES, theme.title(), width);
    for (n, r) in claim.sources.iter().enumerate() {
        let Some(s) = side.sources.get(r.index) else {
            continue;
        };
        let outlet = format!("{}. {}", n + 1, s.outlet);
        c.push(
            6,
            &layout::cited_tag(&outlet, shown.published_later(s.date)),
            theme.line(layout::LineKind::Sources),
            width,
        );
        let mut f = |label: &str, value: Option<&str>| {
            if let Some(v) = value {
                c.push(9, &format!("{label}: {v}"), plain, width);
            }
        };
        f(field::TITLE, s.title.as_deref());
        f(field::AUTHOR, s.author.as_deref());
        f(field::DATE, s.date.map(|d| d.to_string()).as_deref());
        f(field::KIND, s.kind.map(|k| k.as_str()));
        f(field::AFFILIATION, s.affiliation.as_deref());
        let reliability = s.reliability.as_ref().map(|r| match &r.note {
            Some(note) => format!("{}: {note}", r.rating.as_str()),
            None => r.rating.as_str().to_owned(),
        });
        f(field::RELIABILITY, reliability.as_deref());
        f(field::URL, s.url.as_deref());
        f(field::QUOTE, r.quote().map(|q| format!("“{q}”")).as_deref());
        f(field::LOCATOR, r.locator());
    }
}

/// Draws the detail view over the topic list and the comparison.
pub fn draw(frame: &mut Frame, app: &App, d: Detail, regions: &Regions) {
    let inner = inset(regions.main);
    let content = content(app, d, usize::from(inner.width));
    // Lines out of sight are counted on the bottom border, so nothing is cut without a sign.
    let height = usize::from(inner.height);
    let below = content.lines.len().saturating_sub(d.scroll + height);
    let hidden = strings::hidden_lines(d.scroll.min(content.lines.len()), below);
    let block = Block::bordered()
        .title_bottom(Line::styled(hidden.unwrap_or_default(), app.theme.warning()).right_aligned())
        .title(format!(" {} ", strings::DETAIL_TITLE))
        .title(crate::tui::widgets::position(
            d.cursor,
            content.starts.len(),
        ))
        .border_style(app.theme.border(true));
    frame.render_widget(block, regions.main);
    let shown: Vec<Line> = content
        .lines
        .into_iter()
        .skip(d.scroll)
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
