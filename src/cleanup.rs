//! Temporary files that must not outlive an interrupted run. A writer records each temporary
//! file here while it exists (and a command that writes several files, each of them until the
//! last is in place); the binary calls [`remove_on_signal`] before a command that writes, and on
//! SIGINT, SIGTERM or SIGHUP those files are removed before the process ends as the signal asks.
//!
//! The record is taken under one lock from the file's creation to its registration (and from
//! its rename to its removal from the record), and the handler takes the same lock, so no
//! temporary file can slip between a signal and the cleanup.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files that exist right now.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The record, held while a temporary file is created or renamed into place.
pub struct Pending(MutexGuard<'static, Vec<PathBuf>>);

/// Takes the record. Hold it across creating a temporary file and calling [`Pending::add`],
/// and across renaming it into place and calling [`Pending::forget`].
pub fn lock() -> Pending {
    Pending(
        PENDING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()),
    )
}

impl Pending {
    /// Records a temporary file that now exists.
    pub fn add(&mut self, path: &Path) {
        self.0.push(path.to_path_buf());
    }

    /// Forgets a temporary file that was renamed into place or deleted.
    pub fn forget(&mut self, path: &Path) {
        self.0.retain(|p| p != path);
    }
}

/// Installs, once, a handler for SIGINT, SIGTERM and SIGHUP that removes every recorded file,
/// then ends the process as the signal would have. A no-op where there are no such signals.
pub fn remove_on_signal() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        use std::sync::Once;
        static INSTALLED: Once = Once::new();
        let mut result = Ok(());
        INSTALLED.call_once(|| {
            // SIGHUP too: a closed terminal or a dropped SSH session sends it.
            result = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]).map(
                |mut signals| {
                    std::thread::spawn(move || {
                        if let Some(signal) = signals.forever().next() {
                            let mut pending = lock();
                            // Every file first, then the folders (only folders the run made,
                            // deepest first, and only if nothing else is in them).
                            let folders: Vec<PathBuf> = pending
                                .0
                                .drain(..)
                                .filter(|path| std::fs::remove_file(path).is_err())
                                .collect();
                            for folder in folders {
                                let _ = std::fs::remove_dir(folder);
                            }
                            // Ends the process (the lock stays taken, so no new file appears).
                            let _ = signal_hook::low_level::emulate_default_handler(signal);
                            std::process::exit(128 + signal);
                        }
                    });
                },
            );
        });
        result
    }
    #[cfg(not(unix))]
    Ok(())
}
