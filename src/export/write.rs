//! Atomic writes of an export: the bytes go to a temporary file in the target's folder, which is
//! renamed into place only when complete. A failure never leaves half a file and never touches an
//! existing one; without `force` an existing file is refused, checked by the rename itself
//! (no window between a check and the write).

use super::{ExportError, folder_of, shown_path};
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically. Without `force`, an existing file is refused with
/// [`ExportError::Exists`] (the TUI asks, then calls again with `force`).
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    let folder = folder_of(path);
    if !folder.is_dir() {
        return Err(ExportError::NoFolder {
            path: shown_path(path),
            folder: shown_path(&folder),
        });
    }
    if path.is_dir() {
        return Err(ExportError::Write {
            path: shown_path(path),
            reason: "it is a folder; give a file name".to_owned(),
        });
    }
    if !force && path.symlink_metadata().is_ok() {
        return Err(ExportError::Exists {
            path: shown_path(path),
        });
    }
    let fail = |e: io::Error| error(path, e);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".parallax-export-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Keep a replaced file's permissions; a new file is readable by all, like most editors'.
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(&folder).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.flush().map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    let persisted = if force {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    // On failure the temporary file is dropped with the error, which deletes it.
    persisted.map(|_| ()).map_err(|e| error(path, e.error))
}

/// Turns an I/O error into a message that names the path and what to do.
fn error(path: &Path, e: io::Error) -> ExportError {
    let path = shown_path(path);
    match e.kind() {
        io::ErrorKind::AlreadyExists => ExportError::Exists { path },
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            ExportError::PermissionDenied { path }
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => ExportError::DiskFull { path },
        io::ErrorKind::NotFound => ExportError::NoFolder {
            folder: shown_path(&folder_of(Path::new(&path))),
            path,
        },
        _ => ExportError::Write {
            path,
            reason: e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_no_temporary_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.md");
        write_file(&target, b"one", false).unwrap();
        assert!(matches!(
            write_file(&target, b"two", false),
            Err(ExportError::Exists { .. })
        ));
        write_file(&target, b"three", true).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"three");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the target remains");
    }
}
