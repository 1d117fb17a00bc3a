//! One writer at a time in a dispute folder. Two `parallax link` or `dismiss` commands run at
//! once (or one beside the screen) would each read the files, then each write its own change
//! over the other's: a dismissal lost, or side files holding one link and the manifest another.
//! A writer so holds an advisory lock on the folder itself (no lock file is left in the
//! analyst's folder) from before it reads until it has written; another parallax waits for it.
//! An editor takes no such lock: a file an editor saves is caught by the check that it has not
//! changed since it was read.

use super::EditError;
use std::fs::{File, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a command waits for another writer to finish before giving up.
pub const WAIT: Duration = Duration::from_secs(30);

/// The lock of one folder, held until dropped.
#[derive(Debug)]
pub struct FolderLock {
    _held: Option<File>,
}

impl FolderLock {
    /// True when another parallax holds the lock of `folder` right now: a writer about to wait
    /// for it can say so first. Takes nothing (a lock got here is let go at once).
    pub fn busy(folder: &Path) -> bool {
        File::open(folder)
            .is_ok_and(|file| matches!(file.try_lock(), Err(TryLockError::WouldBlock)))
    }

    /// Takes the lock of `folder`, waiting while another parallax holds it (a command), or not
    /// at all (`patient: false`: the screen, whose keys must not queue up behind a wait). Where
    /// a folder cannot be opened to lock (a system without locks on folders), nothing is locked.
    pub fn take(folder: &Path, patient: bool) -> Result<FolderLock, EditError> {
        let Ok(file) = File::open(folder) else {
            return Ok(FolderLock { _held: None });
        };
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(FolderLock { _held: Some(file) }),
                Err(TryLockError::WouldBlock) if !patient => {
                    return Err(EditError::Write(format!(
                        "another parallax is writing in {} right now; try again in a moment",
                        crate::export::shown_path(folder)
                    )));
                }
                Err(TryLockError::WouldBlock) if start.elapsed() < WAIT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(EditError::Write(format!(
                        "another parallax has been writing in {} for {} s; wait for it to \
                         finish and try again",
                        crate::export::shown_path(folder),
                        WAIT.as_secs()
                    )));
                }
                // Locks unsupported here (a network file system without them): go on unlocked.
                Err(TryLockError::Error(_)) => return Ok(FolderLock { _held: None }),
            }
        }
    }
}
