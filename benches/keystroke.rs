//! One keystroke in the search line as the analyst feels it: `update` (edit, query pipeline,
//! results list) plus drawing the whole 200×60 screen on a `TestBackend`, while "ceasefire" is
//! typed one letter at a time. Criterion's figure is the mean per keystroke of each typed word;
//! before criterion runs, a plain pass prints the median of every single keystroke and of each
//! letter, since the first letter (a full scan) costs more than the later ones (narrowing).

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::format::Dispute;
use parallax::tui::text_field::Edit;
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const TYPED: &str = "ceasefire";
const ROUNDS: usize = 15;

fn app(dispute: Dispute, narrow: bool) -> App {
    let mut app = App::new(dispute, 0, 1, Theme::colored());
    update(
        &mut app,
        Action::Resize {
            width: 200,
            height: 60,
        },
    );
    // In the comparison, where `/` searches the claims (in the topic list it finds a topic).
    update(&mut app, Action::FocusComparison);
    app.query.narrow = narrow;
    app
}

/// Types the word and returns each keystroke's time; then leaves and clears the search.
fn type_word(app: &mut App, terminal: &mut Terminal<TestBackend>, narrow: bool) -> Vec<Duration> {
    update(app, Action::Search);
    let times = TYPED
        .chars()
        .map(|c| {
            let start = Instant::now();
            update(app, Action::Edit(Edit::Insert(c)));
            terminal
                .draw(|f| view::draw(f, app))
                .unwrap_or_else(|_| panic!("draw"));
            start.elapsed()
        })
        .collect();
    update(app, Action::Back);
    update(app, Action::Back);
    app.query.narrow = narrow;
    times
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn report(name: &str, app: &mut App, terminal: &mut Terminal<TestBackend>, narrow: bool) {
    let rounds: Vec<Vec<Duration>> = (0..ROUNDS)
        .map(|_| type_word(app, terminal, narrow))
        .collect();
    let all: Vec<Duration> = rounds.iter().flatten().copied().collect();
    let per_letter: Vec<String> = (0..TYPED.len())
        .map(|i| {
            let m = median(rounds.iter().filter_map(|r| r.get(i).copied()).collect());
            format!("{}={:.1}", &TYPED[..=i], m.as_secs_f64() * 1e3)
        })
        .collect();
    eprintln!(
        "{name}: median keystroke {:.2} ms over {} keystrokes; per prefix (ms): {}",
        median(all).as_secs_f64() * 1e3,
        ROUNDS * TYPED.len(),
        per_letter.join(" ")
    );
}

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(10);
    let mut terminal =
        Terminal::new(TestBackend::new(200, 60)).unwrap_or_else(|_| panic!("terminal"));
    let bundled = || {
        parallax::load::load_bundled()
            .dispute
            .unwrap_or_else(|| panic!("bundled dispute"))
    };
    let big = || synth::dispute(100_000).unwrap_or_else(|| panic!("synthetic"));
    let cases: [(&str, &dyn Fn() -> Dispute, bool); 4] = [
        ("bundled", &bundled, false),
        ("100000", &big, false),
        ("100000-narrowed", &big, true),
        ("bundled-narrowed", &bundled, true),
    ];
    for (name, dispute, narrow) in cases {
        let mut app = app(dispute(), narrow);
        report(name, &mut app, &mut terminal, narrow);
        group.bench_function(format!("type-ceasefire/{name}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let times = type_word(&mut app, &mut terminal, narrow);
                    total += times.iter().sum::<Duration>() / TYPED.len() as u32;
                }
                total
            })
        });
    }
    group.finish();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
