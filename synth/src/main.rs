//! `generate`: writes a synthetic dispute for benchmarks and scripts.
//!
//! `cargo run --release -p parallax-synth -- --claims N --out DIR` writes `dispute.json`,
//! `left.json` and `right.json` of about N claims; `--shape` picks a stress shape instead.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut claims = 100_000usize;
    let mut out: Option<PathBuf> = None;
    let mut shape: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--claims", Some(n)) => match n.parse() {
                Ok(n) => claims = n,
                Err(_) => return usage(&format!("`{n}` is not a number")),
            },
            ("--out", Some(dir)) => out = Some(PathBuf::from(dir)),
            ("--shape", Some(s)) => shape = Some(s),
            _ => return usage(&format!("unexpected `{arg}`")),
        }
    }
    let Some(out) = out else {
        return usage("--out DIR is required");
    };
    let files = match shape.as_deref() {
        None => synth::generate(claims),
        Some(name) => match synth::Shape::from_name(name) {
            Some(shape) => synth::stress(shape, claims),
            None => return usage(&format!("unknown shape `{name}`")),
        },
    };
    if let Err(e) = synth::write(&out, &files) {
        eprintln!("generate: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!("wrote a dispute of size {claims} to {}", out.display());
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "generate: {problem}\nusage: generate [--claims N] [--shape {}] --out DIR",
        synth::Shape::NAMES.join("|")
    );
    ExitCode::from(2)
}
