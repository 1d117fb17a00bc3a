//! The HTML export's timelines: inline SVG (no script), one for the whole comparison and one per
//! topic, with the counts `parallax timeline` prints; drawn by headless Chromium, the left
//! party's bars above the axis and the right party's below.

mod common;

use parallax::compare::Comparison;
use parallax::export::{self, Format};
use parallax::query::Filter;
use parallax::timeline::{MAX_DAYS, Timeline};

const FIXTURE: &str = "tests/fixtures/relations";

fn page(as_of: Option<&str>) -> String {
    let dispute = common::dispute(FIXTURE);
    let cmp = Comparison::new(&dispute, 0, 1);
    let filter = Filter {
        as_of: as_of.and_then(|d| d.parse().ok()),
        ..Filter::default()
    };
    let shown = filter.apply(&dispute, &cmp);
    let bytes = export::render(Format::Html, &dispute, &shown, None, &[]).expect("renders");
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn the_page_carries_one_svg_timeline_per_topic_and_one_for_all_without_script() {
    let html = page(None);
    assert_eq!(html.matches("<svg ").count(), 3, "all, then the two topics");
    assert!(!html.contains("<script"));
    let dispute = common::dispute(FIXTURE);
    let cmp = Comparison::new(&dispute, 0, 1);
    let all = Timeline::new(&dispute, &cmp, MAX_DAYS);
    let bars: usize = all
        .bins
        .iter()
        .map(|b| usize::from(b.left > 0) + usize::from(b.right > 0))
        .sum();
    let (header, _) = html.split_once("<main>").expect("a main part");
    assert_eq!(
        header.matches("<rect ").count(),
        bars,
        "one bar per side and day with claims"
    );
    assert!(
        header.contains("2025-03-02: East 2"),
        "each bar says its count"
    );
    // One mark a bar with assessments, however many were made in it, each named in its tooltip.
    let mut marked: Vec<usize> = all
        .assessments
        .iter()
        .filter_map(|a| all.bin_of(a.date))
        .collect();
    marked.sort_unstable();
    marked.dedup();
    assert_eq!(header.matches("class=\"mark\"").count(), marked.len());
    for a in &all.assessments {
        assert!(
            header.contains(&format!("{}: {}", a.date, a.claim)),
            "{}",
            a.claim
        );
    }
    assert!(header.contains("Undated, not on the axis: East 1, West 0"));
}

#[test]
fn a_page_of_one_topic_draws_its_timeline_once() {
    let dispute = common::dispute(FIXTURE);
    let cmp = Comparison::new(&dispute, 0, 1);
    let first = cmp.topics.first().expect("a topic").id.clone();
    let one = Filter {
        topics: vec![first.to_string()],
        ..Filter::default()
    };
    let shown = one.apply(&dispute, &cmp);
    assert_eq!(shown.topics.len(), 1);
    let bytes = export::render(Format::Html, &dispute, &shown, None, &[]).expect("renders");
    let html = String::from_utf8(bytes).expect("UTF-8");
    assert_eq!(
        html.matches("<svg ").count(),
        1,
        "the page's chart, not twice"
    );
}

#[test]
fn the_date_in_force_is_a_dashed_line() {
    let html = page(Some("2025-03-10"));
    assert!(html.contains("class=\"asof\""));
    assert!(html.contains("dashed: as of 2025-03-10"));
    assert!(!page(None).contains("class=\"asof\""));
    // The line stands after the bar of its date, crossing no bar.
    let number = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        let rest = tag.get(at..).expect("a value");
        rest.split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .expect("a number")
    };
    let svg = html.split("</svg>").next().expect("a chart");
    let line = svg.split("<line class=\"asof\"").nth(1).expect("the line");
    let x = number(line, "x1");
    let mut before = 0;
    for rect in svg.split("<rect ").skip(1) {
        let (left, width) = (number(rect, "x"), number(rect, "width"));
        assert!(
            left + width <= x || left >= x,
            "a bar from {left} to {} crosses the line at {x}",
            left + width
        );
        before += usize::from(left < x);
    }
    assert!(before > 0, "bars stand before the line");
}

#[test]
fn chromium_draws_the_left_bars_above_the_right_ones() {
    let html = page(None);
    // Only the first timeline, on its own page, so the parties' colours come from its bars.
    let (head, rest) = html.split_once("<body>").expect("a body");
    let start = rest
        .find("<figure class=\"timeline\">")
        .expect("a timeline");
    let end = rest[start..].find("</figure>").expect("its end") + start + "</figure>".len();
    let alone = format!("{head}<body>{}</body></html>", &rest[start..end]);
    let Some((w, _, pixels)) = common::chromium_pixels(&alone, 900, 400) else {
        return;
    };
    let rows_of = |rgb: [u8; 3]| -> Vec<usize> {
        pixels
            .iter()
            .enumerate()
            .filter(|(_, p)| **p == rgb)
            .map(|(i, _)| i / w as usize)
            .collect()
    };
    let (blue, orange) = (rows_of([0x00, 0x72, 0xb2]), rows_of([0xe6, 0x9f, 0x00]));
    assert!(
        blue.len() > 50,
        "the left party's bars are drawn ({} pixels)",
        blue.len()
    );
    assert!(
        orange.len() > 50,
        "the right party's bars are drawn ({} pixels)",
        orange.len()
    );
    let lowest_blue = blue.iter().max().copied().unwrap_or(0);
    let highest_orange = orange.iter().min().copied().unwrap_or(0);
    assert!(
        lowest_blue < highest_orange,
        "left bars (down to row {lowest_blue}) sit above right ones (from row {highest_orange})"
    );
}

#[test]
fn under_a_date_range_the_bars_count_what_the_last_bar_shows_as_of_its_day() {
    // The bundled dispute until 10 May: claims dated only "2025-05" reach into the range, and
    // the as-of date a bar sets counts a month from its last day. The bars' counts must be what
    // the comparison holds as of the last bar's day, or choosing that bar hides claims it counted.
    let app = common::bundled(80, 24);
    let dispute = &app.dispute;
    let cmp = Comparison::new(dispute, 0, 1);
    let until = Filter {
        until: "2025-05-10".parse().ok(),
        ..Filter::default()
    };
    let shown = until.apply(dispute, &cmp);
    let chart = Timeline::new(dispute, &shown, MAX_DAYS);
    let last = chart.bins.last().expect("bars");
    let counted: usize = chart.bins.iter().map(|b| b.left + b.right).sum();
    let as_of = Filter {
        as_of: Some(last.end),
        ..until
    };
    let dated = as_of
        .apply(dispute, &cmp)
        .topics
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| r.claims())
        .filter(|&at| dispute.claim(at).is_some_and(|c| c.date.is_some()))
        .count();
    assert_eq!(counted, dated, "as of {}", last.end);
}

/// The page of a folder at `dir`, as `parallax export -f html` writes it.
fn page_of(dir: &std::path::Path) -> String {
    let loaded = parallax::load::load_paths(&[dir.to_path_buf()]);
    let dispute = loaded.dispute.expect("loads");
    let cmp = Comparison::new(&dispute, 0, 1);
    let bytes = export::render(Format::Html, &dispute, &cmp, None, &[]).expect("renders");
    String::from_utf8(bytes).expect("UTF-8")
}

/// With no dated claim there is no chart, and the page says so with the undated counts (it
/// said nothing, so the undated claims were never mentioned); an assessment dated by its
/// sources still has its mark, on an axis of its own.
#[test]
fn a_page_without_dates_says_why_it_has_no_timeline() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = common::copy_fixture("relations", tmp.path(), "relations");
    common::each_claim(&dir, |c| {
        c.as_object_mut().map(|o| o.remove("date"));
    });
    let html = page_of(&dir);
    assert!(
        html.contains("<title>2025-03-03: e-start corroborated</title>"),
        "{html}"
    );
    common::each_claim(&dir, |c| {
        c.as_object_mut().map(|o| o.remove("assessment"));
    });
    let html = page_of(&dir);
    assert!(!html.contains("<svg"), "no chart");
    assert!(
        html.contains(
            "No claim here has a date, so there is no timeline. Undated, not on the axis: East 8, West 5"
        ),
        "{html}"
    );
}

/// Every claim said on one day: the chart's one bar is dated once, not at both ends of its axis.
#[test]
fn a_chart_of_one_day_names_the_day_once() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = common::copy_fixture("relations", tmp.path(), "relations");
    common::each_claim(&dir, |c| {
        if let Some(o) = c.as_object_mut() {
            o.insert("date".into(), "2025-03-10".into());
            o.remove("assessment");
        }
    });
    let html = page_of(&dir);
    let (chart, _) = html.split_once("</svg>").expect("a chart");
    assert_eq!(chart.matches(">2025-03-10</text>").count(), 1, "{chart}");
}

/// The page of the relations fixture with East's claim of April 2025 dated `date` instead.
fn page_with_east_dated(date: &str) -> String {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = common::copy_fixture("relations", tmp.path(), "relations");
    common::rewrite(
        &dir.join("east.json"),
        r#""date": "2025-04""#,
        &format!(r#""date": "{date}""#),
    );
    page_of(&dir)
}

/// Many bars (a claim of 1930 among dates of 2025: 96 years, a bar each) stay inside the
/// chart, each at least a unit wide.
#[test]
fn many_bars_stay_inside_the_chart() {
    let html = page_with_east_dated("1930-04");
    assert!(html.contains("1930"), "the year 1930 is on the axis");
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).expect("the attribute") + name.len() + 3;
        tag[at..]
            .split('"')
            .next()
            .expect("a value")
            .parse()
            .expect("a number")
    };
    let rects: Vec<&str> = html.split("<rect ").skip(1).collect();
    assert!(!rects.is_empty());
    for r in rects {
        let (x, w) = (attr(r, "x"), attr(r, "width"));
        assert!(
            x >= 0.0 && x + w <= 720.0 + 1e-6,
            "outside: x {x} width {w}"
        );
        assert!(w >= 1.0, "too thin to see: {w}");
    }
}

/// A claim dated centuries from the rest (a mistyped year) is no bar of the page's timeline
/// (its axis would run over eighteen centuries) and its caption counts it.
#[test]
fn a_mistyped_year_is_counted_in_the_caption_not_drawn() {
    let html = page_with_east_dated("0205-04");
    let (header, _) = html.split_once("<main>").expect("a main part");
    assert!(!header.contains("0205"), "no bar of the year 0205");
    assert!(
        header.contains(
            "Dated over 100 years from the rest (a mistyped year?), not on the axis: East 1, West 0"
        ),
        "{header}"
    );
}

/// The page's chart can be read without hovering: the scale gives the tallest bar's count above
/// and below the axis, dates stand between the ends, and a bar in which several assessments were
/// made has one mark with their count (seven marks drawn on one spot read as one).
#[test]
fn the_chart_has_a_scale_dates_between_the_ends_and_one_counted_mark_a_bar() {
    let dispute = parallax::load::load_bundled()
        .dispute
        .expect("the bundled dispute loads");
    let cmp = Comparison::new(&dispute, 0, 1);
    let all = Timeline::new(&dispute, &cmp, MAX_DAYS);
    let bytes = export::render(Format::Html, &dispute, &cmp, None, &[]).expect("renders");
    let html = String::from_utf8(bytes).expect("UTF-8");
    let start = html.find("<svg ").expect("a chart");
    let svg = &html[start..start + html[start..].find("</svg>").expect("its end")];
    let texts: Vec<(&str, &str)> = svg
        .split("<text ")
        .skip(1)
        .filter_map(|t| t.split_once('>'))
        .filter_map(|(attrs, rest)| Some((attrs, rest.split_once("</text>")?.0)))
        .collect();
    let peak = all.peak().to_string();
    let scale = texts.iter().filter(|(_, t)| *t == peak).count();
    assert_eq!(
        scale, 2,
        "the tallest count above and below the axis: {texts:?}"
    );
    let dates: Vec<&str> = texts
        .iter()
        .filter(|(a, t)| !a.contains("marks") && t.contains('-'))
        .map(|(_, t)| *t)
        .collect();
    assert!(dates.len() >= 4, "{dates:?}");
    // A caption explains `▲` where its chart draws one, and only there.
    let mut unmarked = 0;
    for figure in html.split("<figure class=\"timeline\">").skip(1) {
        let figure = &figure[..figure.find("</figure>").expect("its end")];
        let Some((caption, svg)) = figure.split_once("<svg ") else {
            continue;
        };
        let marked = svg.contains("class=\"mark\"");
        unmarked += usize::from(!marked);
        assert_eq!(caption.contains('▲'), marked, "{caption}");
    }
    assert!(unmarked > 0, "a chart without an assessment");
    // Every chart's dates, each said once, in order (a chart of two days said its last twice).
    for chart in html.split("<svg ").skip(1) {
        let chart = &chart[..chart.find("</svg>").expect("its end")];
        let said: Vec<&str> = chart
            .split("<text ")
            .skip(1)
            .filter(|t| !t.contains("class=\"marks\""))
            .filter_map(|t| t.split_once('>')?.1.split_once("</text>").map(|(d, _)| d))
            .filter(|d| d.contains('-'))
            .collect();
        assert!(said.windows(2).all(|w| w[0] < w[1]), "{said:?}");
    }
    let mut per_bin: std::collections::BTreeMap<usize, usize> = Default::default();
    for a in &all.assessments {
        if let Some(i) = all.bin_of(a.date) {
            *per_bin.entry(i).or_default() += 1;
        }
    }
    assert!(
        per_bin.values().any(|&n| n > 1),
        "a bar with several assessments"
    );
    assert_eq!(svg.matches("class=\"mark\"").count(), per_bin.len());
    let mut counted: Vec<String> = texts
        .iter()
        .filter(|(a, _)| a.contains("class=\"marks\""))
        .map(|(_, t)| t.to_string())
        .collect();
    let mut expected: Vec<String> = per_bin
        .values()
        .filter(|&&n| n > 1)
        .map(|n| n.to_string())
        .collect();
    counted.sort();
    expected.sort();
    assert_eq!(counted, expected);
}
