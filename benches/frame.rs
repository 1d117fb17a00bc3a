//! One frame of the comparison screen (200×60, TestBackend) for the bundled dispute and for a
//! synthetic dispute of 100,000 claims: the view lays out only what is visible, so the two should
//! cost about the same. A synthetic dispute of 100 claims fills the screen the way the big one
//! does, so it isolates the cost of size from the cost of what is on screen. The timeline cases
//! check that the chart adds no work once closed (its counts live in its modal only), and what
//! a frame with it open costs.
//! Before criterion runs, a plain pass draws the bundled and the two synthetic screens in turn
//! (A B C A B C …) and prints each median and its ratio to the bundled frame: interleaved, the
//! three share whatever else the machine is doing.

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::load;
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Rounds of the interleaved pass.
const ROUNDS: usize = 300;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// Draws each app in turn, `ROUNDS` times, and prints each median and its ratio to the first.
fn interleaved(terminal: &mut Terminal<TestBackend>, apps: &[(&str, &App)]) {
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(ROUNDS); apps.len()];
    for _ in 0..ROUNDS {
        for ((_, app), t) in apps.iter().zip(&mut times) {
            let start = Instant::now();
            terminal
                .draw(|f| view::draw(f, black_box(app)))
                .map(|_| ())
                .unwrap_or_else(|_| panic!("draw"));
            t.push(start.elapsed());
        }
    }
    let medians: Vec<Duration> = times.into_iter().map(median).collect();
    let base = medians.first().copied().unwrap_or_default().as_secs_f64();
    for ((name, _), m) in apps.iter().zip(&medians) {
        eprintln!(
            "interleaved: {name}: median {:.0} µs, {:.2}× the bundled frame",
            m.as_secs_f64() * 1e6,
            m.as_secs_f64() / base
        );
    }
}
/// The synthetic dispute, loaded through the real loader.
fn synthetic(claims: usize) -> parallax::format::Dispute {
    synth::dispute(claims).unwrap_or_else(|| panic!("the synthetic dispute loads"))
}

fn ready(dispute: parallax::format::Dispute) -> App {
    let mut app = App::new(dispute, 0, 1, Theme::colored());
    update(
        &mut app,
        Action::Resize {
            width: 200,
            height: 60,
        },
    );
    // Somewhere in the middle, in the comparison, as an analyst would be.
    update(&mut app, Action::PageDown);
    update(&mut app, Action::NextPane);
    update(&mut app, Action::Down);
    app
}

fn frame(c: &mut Criterion) {
    let mut terminal =
        Terminal::new(TestBackend::new(200, 60)).unwrap_or_else(|_| panic!("terminal"));
    let bundled = ready(
        load::load_bundled()
            .dispute
            .unwrap_or_else(|| panic!("bundled dispute")),
    );
    let small = ready(synthetic(100));
    let big = ready(synthetic(100_000));
    interleaved(
        &mut terminal,
        &[
            ("bundled", &bundled),
            ("100 claims", &small),
            ("100000 claims", &big),
        ],
    );
    c.bench_function("frame 200x60, bundled dispute", |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::draw(f, black_box(&bundled)))
                .map(|_| ())
                .unwrap_or_else(|_| panic!("draw"));
        })
    });
    // The same screen after `T` and `Esc`: the chart was built and closed.
    let fresh = || {
        ready(
            load::load_bundled()
                .dispute
                .unwrap_or_else(|| panic!("bundled dispute")),
        )
    };
    let mut closed = fresh();
    update(&mut closed, Action::Timeline);
    update(&mut closed, Action::Back);
    assert!(closed.modals.is_empty(), "the timeline is closed");
    // Closed, it leaves nothing behind: the frame is the very one drawn before it opened.
    let drawn = |app: &App| {
        let mut t = Terminal::new(TestBackend::new(200, 60)).unwrap_or_else(|_| panic!("terminal"));
        t.draw(|f| view::draw(f, app))
            .unwrap_or_else(|_| panic!("draw"));
        t.backend().buffer().clone()
    };
    assert_eq!(drawn(&bundled), drawn(&closed), "the same frame");
    c.bench_function("frame 200x60, bundled, timeline opened and closed", |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::draw(f, black_box(&closed)))
                .map(|_| ())
                .unwrap_or_else(|_| panic!("draw"));
        })
    });
    // The baseline again, so that the order of the cases does not pass for a difference.
    c.bench_function("frame 200x60, bundled dispute, again", |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::draw(f, black_box(&bundled)))
                .map(|_| ())
                .unwrap_or_else(|_| panic!("draw"));
        })
    });
    let mut open = fresh();
    update(&mut open, Action::Timeline);
    c.bench_function("frame 200x60, bundled, timeline open", |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::draw(f, black_box(&open)))
                .map(|_| ())
                .unwrap_or_else(|_| panic!("draw"));
        })
    });
    c.bench_function("frame 200x60, 100 claims", |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::draw(f, black_box(&small)))
                .map(|_| ())
                .unwrap_or_else(|_| panic!("draw"));
        })
    });
    c.bench_function("frame 200x60, 100000 claims", |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::draw(f, black_box(&big)))
                .map(|_| ())
                .unwrap_or_else(|_| panic!("draw"));
        })
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
