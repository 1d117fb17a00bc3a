//! `json-baseline`: parses each file named on the command line into a `serde_json::Value`, and
//! nothing else. The whole-process baseline that `scripts/bench-load.sh` sets `parallax validate`
//! against: the same files, the same allocator, read and parsed as plainly as serde_json allows.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let mut values = 0usize;
    for path in std::env::args_os().skip(1) {
        let parsed = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| {
                serde_json::from_slice::<serde_json::Value>(&b).map_err(|e| e.to_string())
            });
        match parsed {
            Ok(v) => values += usize::from(!v.is_null()),
            Err(e) => {
                eprintln!(
                    "json-baseline: {}: {e}",
                    std::path::Path::new(&path).display()
                );
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    println!("{values} files parsed");
    std::process::ExitCode::SUCCESS
}
