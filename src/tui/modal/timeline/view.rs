//! Drawing the timeline over the comparison: a legend, the left side's bars above the axis and
//! the right side's below (each in its party's colour, and in its own glyph for no colour), the
//! assessments as `⚑` on the axis, the bar of the date in force in reverse video, the dates at
//! the ends, what the selected bar holds, and the undated claims. A span wider than the screen
//! shows the bars around the selected one (the latest, when none is).

use crate::text;
use crate::timeline::{Bin, Bucket};
use crate::tui::app::App;
use crate::tui::state::timeline::Chart;
use crate::tui::strings::timeline as words;
use crate::tui::theme::{Pane, Theme};
use crate::tui::widgets::{popup_at, position};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The left side's bar, above the axis.
pub const LEFT_BAR: &str = "█";
/// The right side's bar, below the axis.
pub const RIGHT_BAR: &str = "▓";
/// An assessment on the axis.
pub const ASSESSED: &str = "⚑";
/// An empty cell in the selected bar's column.
pub const SELECTED_EMPTY: &str = "░";

/// Lines that are not bars: legend, axis, dates, the selected bar, the undated claims.
const FIXED_LINES: u16 = 5;

/// The first bar shown and how many, at `cols` columns: the selected bar stays in view, in
/// the middle where it can, so the bars beside it show too (the last bars with none selected).
pub fn window(bars: usize, cursor: Option<usize>, cols: usize) -> (usize, usize) {
    let shown = bars.min(cols.max(1));
    let first = match cursor {
        Some(c) => c.saturating_sub(shown / 2),
        None => bars,
    }
    .min(bars - shown);
    (first, shown)
}

/// The widest a bar is drawn, in columns: few bars spread over a wide screen (24 weekly bars
/// took 72 of 160 columns at 3; 13 took half of 150 at 6), yet two are not slabs.
const BAR_COLUMNS: usize = 12;

/// A bar's height in lines, out of `room`, against the chart's peak (never 0 for a count).
fn height(count: usize, peak: usize, room: usize) -> usize {
    if count == 0 || peak == 0 {
        0
    } else {
        (count * room).div_ceil(peak).clamp(1, room)
    }
}

/// Draws the timeline into `area` (the comparison's place; the topic list stays beside it).
pub fn draw(frame: &mut Frame, app: &App, chart: &Chart, area: Rect) {
    let theme = app.theme;
    let t = &chart.counts;
    let per = t.per();
    // Which bar is selected, among how many, as every list shows its position.
    let at = chart.cursor.map(|c| position(c, t.bins.len()));
    // The topic's title gives way (ending in `…`), never the bucket or the position: the
    // border holds two corners, the spaces around the title, and the position with a gap.
    let fixed = crate::text::width(&format!("{}:  · {per}", words::TITLE))
        + 4
        + at.as_ref().map_or(0, |l| l.width() + 1);
    let room = usize::from(area.width).saturating_sub(fixed);
    // Too narrow for the word "Timeline" and a readable topic: the topic keeps the room.
    let title = if room < 8 {
        let room = room + crate::text::width(words::TITLE) + 2;
        let topic = crate::text::ellipsis(&chart.title, room);
        format!("{} · {per}", topic.trim_end())
    } else {
        let topic = crate::text::ellipsis(&chart.title, room);
        format!("{}: {} · {per}", words::TITLE, topic.trim_end())
    };
    let inner = popup_at(frame, theme, area, &title, true, at);
    let width = usize::from(inner.width);
    let (left, right) = (app.party(app.cmp.left), app.party(app.cmp.right));
    if t.bins.is_empty() {
        // No chart: the panel has room to say why in full.
        let far = (t.far != [0, 0] || t.far_assessments != [0, 0])
            .then(|| words::far(left, t.far[0], right, t.far[1], t.far_assessments));
        // Dated claims all far off: the far line says why, not that nothing is dated.
        let none_dated = far.is_none().then(|| words::NO_DATES.to_owned());
        let why = [
            none_dated,
            Some(words::undated(
                left,
                t.undated[0],
                right,
                t.undated[1],
                t.undated_assessments,
            )),
            far,
        ]
        .into_iter()
        .flatten();
        // No legend: there are no bars for it to name.
        let lines: Vec<Line> = why
            .flat_map(|s| text::wrap(&s, width))
            .map(|l| Line::styled(l, theme.dim()))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    // `⚑` is explained only where the chart draws one.
    let per_bin = t.assessed_per_bin();
    let marked = per_bin.iter().any(|&n| n > 0);
    let mut lines = vec![legend(app, (left, right), t.peak(), marked, width)];
    // One scale for both parties: as many lines above the axis as below (an odd line left
    // blank), so equal counts stand equally tall. Short of two lines for bars, the undated
    // count and then the legend give theirs up: bars matter more than their captions.
    let mut room = usize::from(inner.height.saturating_sub(FIXED_LINES));
    let show_undated = room >= 2;
    room += usize::from(!show_undated);
    // Far-off and undated claims each on a line of their own, where the bars keep their
    // height: the line left blank by an odd room, or one of many.
    let two = show_undated && says_two(t) && (room % 2 == 1 || room >= 8);
    room -= usize::from(two);
    if room < 2 {
        lines.clear();
        room += 1;
    }
    let (above, below) = (room / 2, room / 2);
    let cols = (width / t.bins.len().max(1)).clamp(1, BAR_COLUMNS);
    let (first, shown) = window(t.bins.len(), chart.cursor, width / cols);
    let bins = &t.bins[first..first + shown];
    let assessed = |i: usize| per_bin.get(first + i).copied().unwrap_or(0);
    let peak = t.peak();
    let selected = |i: usize| chart.cursor == Some(first + i);
    // The selected bar's column: its empty cells shaded, so the column stands out without
    // hiding the bar (reversed, a full block reads as a gap); its axis cell reversed.
    // Bars three or more columns wide keep their last column empty, so neighbours read as
    // bars, not one block; the axis runs on unbroken.
    let gap = usize::from(cols >= 3);
    let cell = |s: &'static str, style: Style, i: usize| {
        let (s, style) = match s {
            _ if !selected(i) => (s, style),
            " " => (SELECTED_EMPTY, theme.dim()),
            LEFT_BAR | RIGHT_BAR => (s, style.add_modifier(Modifier::BOLD)),
            _ => (s, style.add_modifier(Modifier::REVERSED)),
        };
        let body = match s {
            "─" | ASSESSED => s.repeat(cols),
            _ => format!("{}{}", s.repeat(cols - gap), " ".repeat(gap)),
        };
        Span::styled(body, style)
    };
    let (lstyle, rstyle) = (theme.party(Pane::Left), theme.party(Pane::Right));
    for r in 0..above {
        let spans = bins
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let fill = height(b.left, peak, above) >= above - r;
                cell(if fill { LEFT_BAR } else { " " }, lstyle, i)
            })
            .collect::<Vec<_>>();
        lines.push(Line::from(spans));
    }
    let axis = (0..bins.len())
        .map(|i| {
            if assessed(i) > 0 {
                cell(ASSESSED, theme.warning(), i)
            } else {
                cell("─", theme.dim(), i)
            }
        })
        .collect::<Vec<_>>();
    lines.push(Line::from(axis));
    for r in 0..below {
        let spans = bins
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let fill = height(b.right, peak, below) > r;
                cell(if fill { RIGHT_BAR } else { " " }, rstyle, i)
            })
            .collect::<Vec<_>>();
        lines.push(Line::from(spans));
    }
    lines.push(ends(
        theme,
        (bins, t.bucket),
        cols,
        shown * cols,
        (first > 0, first + shown < t.bins.len()),
    ));
    lines.push(selection(app, chart, &per_bin, (left, right), width));
    if show_undated {
        lines.extend(undated(app, t, width, two));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Which party's bars stand above and which below, what marks an assessment, and the scale
/// (`peak`, the tallest bar's claims) when there is room for it.
fn legend(
    app: &App,
    (left, right): (&str, &str),
    peak: usize,
    marked: bool,
    width: usize,
) -> Line<'static> {
    let theme = app.theme;
    let marks = if marked {
        format!(" · {ASSESSED} {}", words::MARKS)
    } else {
        String::new()
    };
    let said = |l: &str, r: &str| {
        text::width(&format!(
            "{LEFT_BAR} {l} {} · {RIGHT_BAR} {r} {}{marks}",
            words::ABOVE,
            words::BELOW,
        ))
    };
    // Too wide for both names (the legend is all that says which party is above): the ids,
    // as the line under the chart says them; then the ids by their bars alone, without the
    // words (the bars say above and below); then each id cut to half the room left.
    let (l, r) = ids(app);
    if said(left, right) > width && said(l, r) > width {
        let bare = |l: &str, r: &str| format!("{LEFT_BAR} {l} · {RIGHT_BAR} {r}");
        let spare = width.saturating_sub(text::width(&bare("", ""))) / 2;
        let cut = |id: &str| text::ellipsis(id, spare.max(1)).trim_end().to_owned();
        let (l, r) = if text::width(&bare(l, r)) <= width {
            (l.to_owned(), r.to_owned())
        } else {
            (cut(l), cut(r))
        };
        let spans = vec![
            Span::styled(format!("{LEFT_BAR} {l}"), theme.party(Pane::Left)),
            Span::styled(" · ", theme.dim()),
            Span::styled(format!("{RIGHT_BAR} {r}"), theme.party(Pane::Right)),
        ];
        return clip(spans, width);
    }
    let (left, right) = if said(left, right) <= width {
        (left.to_owned(), right.to_owned())
    } else {
        (l.to_owned(), r.to_owned())
    };
    let mut spans = vec![
        Span::styled(format!("{LEFT_BAR} {left}"), theme.party(Pane::Left)),
        Span::styled(format!(" {} · ", words::ABOVE), theme.dim()),
        Span::styled(format!("{RIGHT_BAR} {right}"), theme.party(Pane::Right)),
        Span::styled(format!(" {}{marks}", words::BELOW), theme.dim()),
    ];
    // The scale whole or not at all: `tallest…` says nothing.
    let scale = format!(" · {}", words::tallest(peak));
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    if used + text::width(&scale) <= width {
        spans.push(Span::styled(scale, theme.dim()));
    }
    clip(spans, width)
}

/// The first shown bar's first day at the left, the last one's last day at the right, each
/// after or before an arrow when bars beyond it are out of view (`hidden`: left, right); between
/// them, each bar's date (`2025-05-05`, `2025-05`) under its first column where it fits with
/// a gap of two, so a wide chart is read without stepping along it.
fn ends(
    theme: Theme,
    (bins, bucket): (&[Bin], Bucket),
    cols: usize,
    width: usize,
    hidden: (bool, bool),
) -> Line<'static> {
    let (Some(a), Some(b)) = (bins.first(), bins.last()) else {
        return Line::raw("");
    };
    let (a, b) = (
        format!("{}{}", if hidden.0 { "◂ " } else { "" }, a.start),
        format!("{}{}", b.end, if hidden.1 { " ▸" } else { "" }),
    );
    let gap = width.saturating_sub(text::width(&a) + text::width(&b));
    if gap == 0 {
        return Line::styled(a, theme.dim());
    }
    let right_at = width - text::width(&b);
    // The columns written so far, counted as they are written (not measured again each bar:
    // this is drawn every frame). Dates are ASCII, a column a byte.
    let mut used = text::width(&a);
    let mut s = a;
    // The last bar's day is said at the right end already.
    let inner = bins.len().saturating_sub(1);
    for (i, bin) in bins.iter().enumerate().take(inner).skip(1) {
        let label = bucket.short(bin);
        let at = i * cols;
        if at >= used + 2 && at + label.len() + 2 <= right_at {
            s.push_str(&" ".repeat(at - used));
            s.push_str(&label);
            used = at + label.len();
        }
    }
    s.push_str(&" ".repeat(right_at.saturating_sub(used)));
    s.push_str(&b);
    Line::styled(s, theme.dim())
}

/// What the selected bar holds, or how to move along the chart.
/// `per_bin`: the assessments of each bar, counted once per frame by the caller.
fn selection(
    app: &App,
    chart: &Chart,
    per_bin: &[usize],
    (left, right): (&str, &str),
    width: usize,
) -> Line<'static> {
    let t = &chart.counts;
    let Some(b) = chart.cursor.and_then(|i| t.bins.get(i)) else {
        return Line::styled(text::ellipsis(words::HOW, width), app.theme.dim());
    };
    let n = chart
        .cursor
        .and_then(|i| per_bin.get(i).copied())
        .unwrap_or(0);
    let mut s = words::selected(&t.bucket.when(b), left, b.left, right, b.right, n);
    // Too wide (a week said `2025-05-05 to 2025-05-11`): the bar by its table name instead
    // (`week of 2025-05-05`), then the parties by their ids, so the counts are not cut.
    if text::width(&s) > width {
        let short = format!("{} {}", t.bucket.column(), t.bucket.short(b));
        s = words::selected(&short, left, b.left, right, b.right, n);
        if text::width(&s) > width {
            let (left, right) = ids(app);
            s = words::selected(&short, left, b.left, right, b.right, n);
        }
        // Narrower still: the bar's date and each count by its party's bar, as the legend
        // draws them (`2025-06-30: █ 0 ▓ 3`), so no count is cut.
        if text::width(&s) > width {
            s = format!(
                "{}: {LEFT_BAR} {} {RIGHT_BAR} {}",
                t.bucket.short(b),
                b.left,
                b.right
            );
            if n > 0 {
                s.push_str(&format!(" {ASSESSED} {n}"));
            }
        }
    }
    Line::styled(text::ellipsis(&s, width), app.theme.heading())
}

/// The two parties' ids: shorter than long names (`Democratic Party speakers`), where a line
/// would cut the right party's count.
fn ids(app: &App) -> (&str, &str) {
    (app.party_id(app.cmp.left), app.party_id(app.cmp.right))
}

/// The claims with no place on the axis: undated ones, and those dated too far from the rest
/// (said instead when every claim has a date, as they are the likelier mistake to fix).
fn undated(
    app: &App,
    t: &crate::timeline::Timeline,
    width: usize,
    two: bool,
) -> Vec<Line<'static>> {
    let n = t.undated;
    let far = t.far != [0, 0] || t.far_assessments != [0, 0];
    let none_undated = n == [0, 0] && t.undated_assessments == [0, 0];
    let said = |left: &str, right: &str| {
        let undated = words::undated(left, n[0], right, n[1], t.undated_assessments);
        let far_said = words::far(left, t.far[0], right, t.far[1], t.far_assessments);
        match (far, none_undated) {
            // Said in words, not as two zeros.
            (false, true) => vec![words::EVERY_CLAIM_DATED.to_owned()],
            (false, false) => vec![undated],
            (true, true) => vec![far_said],
            (true, false) => vec![far_said, undated],
        }
    };
    let fits = |lines: &[String]| lines.iter().all(|l| text::width(l) <= width);
    let (left, right) = (app.party(app.cmp.left), app.party(app.cmp.right));
    let mut said_now = said(left, right);
    let one = |lines: &[String]| lines.join(" · ");
    // The names while they fit, on one line or on two; else the ids.
    let names_fit = fits(&[one(&said_now)]) || (two && fits(&said_now));
    if !names_fit {
        let (left, right) = ids(app);
        said_now = said(left, right);
    }
    // Both on one line when they fit; else each on its own when there is room for two, so
    // the undated count is not cut off behind the far one.
    let lines = if fits(&[one(&said_now)]) || !two {
        vec![one(&said_now)]
    } else {
        said_now
    };
    lines
        .into_iter()
        .map(|l| Line::styled(text::ellipsis(&l, width), app.theme.dim()))
        .collect()
}

/// Whether the line under the chart says two things (far-off and undated claims), which two
/// lines say whole where one would cut the second.
fn says_two(t: &crate::timeline::Timeline) -> bool {
    (t.far != [0, 0] || t.far_assessments != [0, 0])
        && (t.undated != [0, 0] || t.undated_assessments != [0, 0])
}

/// Spans cut to `width` columns.
fn clip(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let mut used = 0;
    let mut out = Vec::new();
    for s in spans {
        let w = text::width(&s.content);
        if used + w <= width {
            used += w;
            out.push(s);
        } else {
            let rest = text::ellipsis(&s.content, width - used);
            out.push(Span::styled(rest, s.style));
            break;
        }
    }
    Line::from(out)
}
