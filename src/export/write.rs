//! Atomic writes of an export: the bytes go to a temporary file in the target's folder, which is
//! renamed into place only when complete. A failure never leaves half a file and never touches an
//! existing one; without `force` an existing file is refused, checked by the rename itself
//! (no window between a check and the write). Only a regular file is ever replaced: a FIFO or a
//! device (`/dev/null`) is refused even with `force`.
//!
//! The temporary file is named `.parallax-export-<pid>-<random>.tmp`. It is removed on SIGINT
//! and SIGTERM (see [`crate::cleanup`]); one left by a process killed outright (SIGKILL, a crash)
//! is removed by the next export into the same folder once its process is gone.

use super::{ExportError, folder_of, shown_path};
use crate::cleanup;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The start of every temporary file's name.
const TEMP_PREFIX: &str = ".parallax-export-";
/// The end of every temporary file's name.
const TEMP_SUFFIX: &str = ".tmp";
/// Where the process that wrote a leftover cannot be asked about, the age after which it is
/// taken for abandoned.
const ABANDONED_AFTER: Duration = Duration::from_secs(3600);

/// Checks that an export may go to `path`: its folder exists and is not read-only, it is not a
/// folder, it is a new path or a regular file (also through a symbolic link), without `force` it
/// does not exist, and a file it would replace is not read-only.
/// The CLI calls it before the work of an export; [`write_file`] calls it again.
pub fn check_target(path: &Path, force: bool) -> Result<(), ExportError> {
    // Through a symbolic link, the file it points to is replaced: its folder is the one checked.
    let resolved = through_link(path);
    let path = resolved.as_path();
    let folder = folder_of(path);
    // `notes/` where notes is a file: named as the file it is.
    let typed = path.as_os_str().to_string_lossy();
    let bare = Path::new(typed.trim_end_matches('/'));
    if typed.ends_with('/') && bare.is_file() {
        return Err(ExportError::FileForFolder {
            path: shown_path(path),
            file: shown_path(bare),
        });
    }
    // A file where a folder of the path should be: creating the folder cannot help.
    if let Some(file) = folder
        .ancestors()
        .find(|a| a.exists())
        .filter(|a| !a.is_dir())
    {
        return Err(ExportError::FileForFolder {
            path: shown_path(path),
            file: shown_path(file),
        });
    }
    if !folder.is_dir() {
        return Err(no_folder(path));
    }
    // `-o notes/` where no notes is: the system's "Not a directory" would not say why.
    if typed.ends_with('/') && !bare.exists() {
        return Err(ExportError::FolderNamed {
            path: shown_path(path),
            folder: shown_path(bare),
        });
    }
    if path.is_dir() {
        return Err(ExportError::Write {
            path: shown_path(path),
            reason: "it is a folder; give a file name".to_owned(),
        });
    }
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(ExportError::NotAFile {
            path: shown_path(path),
            what: kind_of(&meta.file_type()),
        });
    }
    // The rename would replace the file whatever its mode: a file its owner made read-only is
    // not to be changed behind their back (nor by root, who may write anything). Said before
    // it exists: asking whether to replace it (or to give --force) could not help.
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Err(ExportError::ReadOnly {
            path: shown_path(path),
        });
    }
    // And a file this user may not write whatever its mode says (another's file in a shared
    // folder, an immutable one): opened for appending, and closed unwritten, to ask the system.
    if std::fs::metadata(path).is_ok_and(|m| m.is_file())
        && std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .is_err_and(|e| e.kind() == io::ErrorKind::PermissionDenied)
    {
        return Err(ExportError::NotPermitted {
            path: shown_path(path),
        });
    }
    // So too a folder made read-only: a new file in it, or the one written beside a file to
    // replace it, would get around its mode (root may write anything; `x` on the screen wrote
    // the dismissals into a read-only dispute folder).
    if std::fs::metadata(&folder).is_ok_and(|m| m.permissions().readonly()) {
        return Err(ExportError::PermissionDenied {
            path: shown_path(path),
        });
    }
    if !force && path.symlink_metadata().is_ok() {
        return Err(ExportError::Exists {
            path: shown_path(path),
        });
    }
    Ok(())
}

/// The file a write of `path` replaces: through a symbolic link, the file it points to (the link
/// stays); through one whose file is not there yet, the path it names, which the write creates
/// (it was refused as a file that exists, and `--force` replaced the link); else `path` itself.
pub fn through_link(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    // Link by link, as the kernel follows them (it gives up after 40).
    for _ in 0..40 {
        if !at
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            return at;
        }
        if let Ok(real) = std::fs::canonicalize(&at) {
            return real;
        }
        let Ok(to) = std::fs::read_link(&at) else {
            return at;
        };
        // A relative link is read from its own folder; `join` keeps an absolute one as it is.
        at = at
            .parent()
            .map_or_else(|| to.clone(), |folder| folder.join(&to));
    }
    at
}

/// Names what a path that is not a regular file is, for the message that refuses it.
fn kind_of(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    let _ = file_type;
    "not a regular file"
}

/// Removes temporary files that an export killed outright left in `folder`: those whose process
/// is gone or, where that cannot be told, that are older than [`ABANDONED_AFTER`]. Only regular
/// files with the export's own name pattern are touched; a failure to remove one is ignored.
fn remove_leftovers(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let can_ask = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(stem) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let pid = stem
            .split_once('-')
            .and_then(|(p, _)| p.parse::<u32>().ok());
        let abandoned = match pid {
            Some(pid) if pid == std::process::id() => false,
            Some(pid) if can_ask => !Path::new("/proc").join(pid.to_string()).exists(),
            _ => meta
                .modified()
                .ok()
                .and_then(|m| SystemTime::now().duration_since(m).ok())
                .is_some_and(|age| age > ABANDONED_AFTER),
        };
        if abandoned {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` atomically. Without `force`, an existing file is refused with
/// [`ExportError::Exists`] (the TUI asks, then calls again with `force`).
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    prepare_bytes(path, bytes, force)?.persist().map(|_| ())
}

/// [`prepare`] with `bytes` as the content.
pub fn prepare_bytes(path: &Path, bytes: &[u8], force: bool) -> Result<Prepared, ExportError> {
    prepare(path, force, |w| {
        w.write_all(bytes).map_err(|e| error(path, e))
    })
}

/// As [`write_file`], with the content written by `fill` as it is made (an export streams into
/// the temporary file instead of being held whole); returns the number of bytes written. A write
/// that fails inside `fill` is reported as the write's own failure (disk full, permission).
pub fn write_file_with(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<u64, ExportError> {
    prepare(path, force, fill)?.persist()
}

/// A file written in full beside its target (and synced), not yet renamed over it: what
/// [`prepare`] makes. Several can be prepared, checked, then renamed one after another, so the
/// time between a last check of the targets and the renames is a few milliseconds, not the
/// writing of megabytes. Dropped unrenamed, the temporary file is deleted.
pub struct Prepared {
    tmp: Option<tempfile::NamedTempFile>,
    tmp_path: PathBuf,
    path: PathBuf,
    force: bool,
    size: u64,
}

impl Prepared {
    /// Renames the written file over its target (without `force`, only where none exists).
    pub fn persist(mut self) -> Result<u64, ExportError> {
        let mut pending = cleanup::lock();
        let result = match self.tmp.take() {
            Some(tmp) => {
                let persisted = if self.force {
                    tmp.persist(&self.path)
                } else {
                    tmp.persist_noclobber(&self.path)
                };
                // On failure the temporary file is dropped with the error, which deletes it.
                persisted
                    .map(|_| self.size)
                    .map_err(|e| error(&self.path, e.error))
            }
            None => Ok(self.size),
        };
        pending.forget(&self.tmp_path);
        result
    }
}

impl Drop for Prepared {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let mut pending = cleanup::lock();
            drop(tmp);
            pending.forget(&self.tmp_path);
        }
    }
}

/// Writes a temporary file beside `path` with what `fill` writes, synced, ready to be renamed
/// over it by [`Prepared::persist`].
pub fn prepare(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<Prepared, ExportError> {
    check_target(path, force)?;
    // Through a symbolic link, the file it points to is replaced, and the link stays.
    let resolved = through_link(path);
    let path = resolved.as_path();
    let folder = folder_of(path);
    remove_leftovers(&folder);
    let fail = |e: io::Error| error(path, e);
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Keep a replaced file's permissions; a new file gets what the umask leaves of read and
        // write for all, as an editor makes one (group-writable in a team's folder).
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    // Created and recorded under one lock, so a signal cannot come between the two.
    let mut tmp = {
        let mut pending = cleanup::lock();
        let tmp = builder.tempfile_in(&folder).map_err(fail)?;
        pending.add(tmp.path());
        tmp
    };
    #[cfg(unix)]
    if let Ok(replaced) = std::fs::metadata(path) {
        keep_owner_and_mode(tmp.as_file(), &replaced);
        keep_attributes(tmp.as_file(), path);
    }
    let tmp_path = tmp.path().to_path_buf();
    let mut counted = Counted::new(io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut()));
    let filled = fill(&mut counted).and_then(|()| counted.flush().map_err(|e| error(path, e)));
    let (size, failed) = (counted.written, counted.failed.take());
    drop(counted);
    let written = match (filled, failed) {
        (Ok(()), _) => tmp.as_file().sync_all().map_err(fail),
        (Err(_), Some(e)) => Err(fail(e)),
        (Err(e), None) => Err(e),
    };
    let prepared = Prepared {
        tmp: Some(tmp),
        tmp_path,
        path: path.to_path_buf(),
        force,
        size,
    };
    // On failure the temporary file goes with `prepared`.
    written.map(|()| prepared)
}

/// The files a dispute read from `paths` is made of: its side files, and in each folder named
/// its manifest and its dismissals; what an export must never replace (none for the bundled
/// dispute, read from no path).
pub fn dispute_files(
    dispute: &crate::format::Dispute,
    paths: &[std::path::PathBuf],
) -> Vec<PathBuf> {
    // The bundled dispute (no path) lives in the program: its files' names are no files here.
    if paths.is_empty() {
        return Vec::new();
    }
    let mut files: Vec<PathBuf> = dispute
        .sides
        .iter()
        .map(|s| PathBuf::from(&s.file))
        .collect();
    for p in paths {
        if p.is_dir() {
            files.push(p.join(crate::load::MANIFEST));
            files.push(p.join(crate::format::DISMISSALS_FILE));
        } else {
            files.push(p.clone());
            // Beside side files named one by one, a manifest is not read now, but would be
            // when the folder is opened: an export there would stand in for it.
            let folder = crate::export::folder_of(p);
            files.push(folder.join(crate::load::MANIFEST));
            files.push(folder.join(crate::format::DISMISSALS_FILE));
        }
    }
    files
}

/// Refuses a target that is one of `inputs` (the same file, by whatever path or link): an
/// export never replaces the files it was made from.
pub fn check_not_input(path: &Path, inputs: &[PathBuf]) -> Result<(), ExportError> {
    let Some(target) = resolved(path) else {
        return Ok(());
    };
    if inputs
        .iter()
        .filter_map(|i| resolved(i))
        .any(|i| i == target)
    {
        return Err(ExportError::OwnFile {
            path: shown_path(path),
        });
    }
    Ok(())
}

/// Refuses text of the format `kind` that is not JSON under a `.json` name in a folder the
/// dispute was read from that holds no manifest: every `*.json` there is read as a side (a JSON
/// export is known and skipped), so the folder would no longer load.
pub fn check_not_read_as_side(
    path: &Path,
    kind: super::Format,
    inputs: &[PathBuf],
) -> Result<(), ExportError> {
    let json_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    // The manifest's and the dismissals' own names are refused as the dispute's files are
    // (`check_not_input`), which says what they would become; not as sides.
    let own_name = path
        .file_name()
        .is_some_and(|n| n == crate::load::MANIFEST || n == crate::format::DISMISSALS_FILE);
    if kind == super::Format::Json || !json_name || own_name {
        return Ok(());
    }
    let Some(here) = resolved(path).and_then(|p| p.parent().map(Path::to_path_buf)) else {
        return Ok(());
    };
    for input in inputs {
        let folder = if input.is_dir() {
            input.clone()
        } else {
            folder_of(input)
        };
        if !folder.join(crate::load::MANIFEST).exists()
            && std::fs::canonicalize(&folder).is_ok_and(|f| f == here)
        {
            return Err(ExportError::ReadAsSide {
                path: shown_path(path),
                folder: shown_path(&folder),
                kind: kind.extension(),
            });
        }
    }
    Ok(())
}

/// Where `path` is, links and `..` resolved: the file itself, or when it does not exist yet its
/// folder's place and its name (a dispute's manifest or dismissals may not exist yet, and an
/// export written there would become them).
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(f) if !f.as_os_str().is_empty() => f,
        _ => Path::new("."),
    };
    std::fs::canonicalize(folder).ok().map(|f| f.join(name))
}

/// Gives the new file the owner, group and mode of the one it replaces, as far as the user may:
/// the mode asked for when the file was made was narrowed by the umask (a group-writable
/// file shared by a team came back writable by its owner alone), and a file written by another
/// user (or by root) would change hands. What cannot be kept (another owner, for a user) stays
/// as made.
#[cfg(unix)]
fn keep_owner_and_mode(file: &std::fs::File, replaced: &std::fs::Metadata) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    // The owner first: a change of owner may clear the set-id bits the mode then restores.
    if fchown(file, Some(replaced.uid()), Some(replaced.gid())).is_err() {
        let _ = fchown(file, None, Some(replaced.gid()));
    }
    let _ = file.set_permissions(std::fs::Permissions::from_mode(replaced.mode() & 0o7777));
}

/// Gives the new file the extended attributes of the one it replaces: its access control list
/// (`system.posix_acl_access`, the write access a team's colleagues were given with `setfacl`)
/// and the rest, as far as the file system and the user allow; one that cannot be set (an
/// attribute only root may write) stays unset, as the file would after `cp`.
#[cfg(unix)]
fn keep_attributes(file: &std::fs::File, replaced: &Path) {
    use xattr::FileExt;
    let Ok(names) = xattr::list_deref(replaced) else {
        return;
    };
    for name in names {
        if let Ok(Some(value)) = xattr::get_deref(replaced, &name) {
            let _ = file.set_xattr(&name, &value);
        }
    }
}

/// A writer that counts what it wrote and keeps its first failure (as kind and words), so a
/// failure inside a renderer (which reports it as an encoding error) is reported as the write's.
pub struct Counted<W> {
    inner: W,
    written: u64,
    failed: Option<io::Error>,
}

impl<W: Write> Counted<W> {
    /// Counts the writes to `inner`.
    pub fn new(inner: W) -> Self {
        Counted {
            inner,
            written: 0,
            failed: None,
        }
    }

    /// The bytes written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// The first write that failed, if any.
    pub fn take_failure(&mut self) -> Option<io::Error> {
        self.failed.take()
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.inner.write(buf) {
            Ok(n) => {
                self.written += n as u64;
                Ok(n)
            }
            Err(e) => {
                if self.failed.is_none() {
                    self.failed = Some(io::Error::new(e.kind(), e.to_string()));
                }
                Err(e)
            }
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().inspect_err(|e| {
            if self.failed.is_none() {
                self.failed = Some(io::Error::new(e.kind(), e.to_string()));
            }
        })
    }
}

/// The error for a file whose folder is not there: names the first folder of its path that
/// is missing, the one to create.
fn no_folder(path: &Path) -> ExportError {
    let folder = folder_of(path);
    let missing = folder
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
        .last()
        .unwrap_or(&folder);
    ExportError::NoFolder {
        path: shown_path(path),
        folder: shown_path(missing),
        // `-o "~/x.md"`: a `~` quoted reaches parallax as it is; no folder `~` is wanted.
        make: if missing.file_name().is_some_and(|n| n == "~") {
            "the shell reads `~` as your home folder only unquoted: give the path without quotes \
             (~/report.md) or with $HOME,"
        } else if missing == folder.as_path() {
            "create it first"
        } else {
            "create it and the folders under it first (mkdir -p)"
        },
    }
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
        io::ErrorKind::NotFound => no_folder(Path::new(&path)),
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

    #[test]
    fn a_leftover_of_a_dead_process_goes_and_one_of_a_live_process_stays() {
        let dir = tempfile::tempdir().unwrap();
        // No process has an id this high (Linux's largest is 4194304).
        let dead = dir.path().join(".parallax-export-4294967-abc123.tmp");
        let mine = dir.path().join(format!(
            ".parallax-export-{}-abc123.tmp",
            std::process::id()
        ));
        let other = dir.path().join("notes.tmp");
        for p in [&dead, &mine, &other] {
            std::fs::write(p, b"x").unwrap();
        }
        write_file(&dir.path().join("out.md"), b"x", false).unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists(), "the dead process's leftover is removed");
        }
        assert!(mine.exists(), "a live export's file is kept");
        assert!(other.exists(), "other files are never touched");
    }
}
