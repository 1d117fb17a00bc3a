//! `parallax generate` (hidden): writes a synthetic dispute for benchmarks.

use super::Failure;
use std::io::Write;
use std::path::Path;

/// Writes the files of [`crate::synth::generate`] into `out`.
pub fn generate(claims: usize, out: &Path, log: &mut dyn Write) -> Result<(), Failure> {
    std::fs::create_dir_all(out)?;
    for (name, text) in crate::synth::generate(claims) {
        std::fs::write(out.join(&name), text)?;
    }
    writeln!(
        log,
        "wrote a dispute of {claims} claims to {}",
        out.display()
    )?;
    Ok(())
}
