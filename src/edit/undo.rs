//! Taking back a link that was written (the screen's `u` after an accept): each file it wrote
//! gets back the bytes it held before, and a manifest it created goes, so the folder is as it
//! was, byte for byte.
//!
//! Only what the link changed is kept, not the files: a link changes a few lines of files that
//! may hold hundreds of megabytes, so each file keeps the span where its bytes before and after
//! differ, and a fingerprint of its bytes after. The link is taken back only while every file
//! still holds exactly what it wrote; a file changed since (an edit, another link) is not
//! written over.

use super::{EditError, Plan, Workspace, Write, lock};
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};

/// A committed link, as far as taking it back needs.
#[derive(Debug, Clone)]
pub struct Undo {
    /// The paths the dispute was opened from before the link (a manifest the link created
    /// became the path the dispute is opened by).
    paths: Vec<PathBuf>,
    /// Each file the link wrote.
    files: Vec<Change>,
    /// The point the link gave the two claims (for what the screen says).
    pub point: String,
    hasher: foldhash::quality::RandomState,
}

/// What a link did to one file.
#[derive(Debug, Clone)]
struct Change {
    path: PathBuf,
    /// The file's length and hash after the link.
    after: (usize, u64),
    /// What it held before: a span of it, or nothing (the link created it).
    before: Option<Span>,
}

/// The bytes before a write, as the span where they differ from the bytes after.
#[derive(Debug, Clone)]
struct Span {
    /// Where the two first differ.
    at: usize,
    /// How many bytes of the file after stand in place of `was`.
    replaced: usize,
    /// The bytes before, from `at`, that the write replaced.
    was: Vec<u8>,
}

impl Undo {
    /// What to keep of `plan`, just committed, to take it back; `paths` are the workspace's
    /// paths before the commit.
    pub fn of(paths: &[PathBuf], plan: &Plan) -> Undo {
        let hasher = foldhash::quality::RandomState::default();
        let files = plan
            .writes
            .iter()
            .map(|w| Change {
                path: w.path.clone(),
                after: (w.after.len(), hasher.hash_one(&w.after)),
                before: w.before.as_deref().map(|b| span(b, &w.after)),
            })
            .collect();
        Undo {
            paths: paths.to_vec(),
            files,
            point: plan.point.clone(),
            hasher,
        }
    }

    /// The files the link replaced, as named.
    pub fn replaced(&self) -> impl Iterator<Item = &Path> {
        self.files
            .iter()
            .filter(|c| c.before.is_some())
            .map(|c| c.path.as_path())
    }

    /// The file the link created (a manifest), if it made one.
    pub fn created(&self) -> Option<&Path> {
        self.files
            .iter()
            .find(|c| c.before.is_none())
            .map(|c| c.path.as_path())
    }
}

/// The span where `before` and `after` differ: their common start and end left out.
fn span(before: &[u8], after: &[u8]) -> Span {
    let at = before.iter().zip(after).take_while(|(a, b)| a == b).count();
    let room = before.len().min(after.len()) - at;
    let end = before
        .iter()
        .rev()
        .zip(after.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    Span {
        at,
        replaced: after.len() - at - end,
        was: before
            .get(at..before.len() - end)
            .unwrap_or_default()
            .to_vec(),
    }
}

/// True when `a` and `b` name one file (`alpha.json` and `./alpha.json`: a dispute reloaded
/// through the manifest a link created names its sides from the manifest's folder).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || (a.file_name() == b.file_name()
            && super::same_folder(&super::parent(a), &super::parent(b)))
}

/// Takes back the link `undo` kept, in the files as `ws` read them now: checks that each file
/// it wrote holds what it wrote (refused with [`EditError::Changed`] otherwise), checks that the
/// files as they were load, then writes them back atomically and removes a manifest the link
/// created. `held` is the dispute folder's lock, taken before `ws` was read. Returns the
/// workspace as it now is, to reload from.
pub fn take_back(
    mut ws: Workspace,
    undo: &Undo,
    held: &lock::FolderLock,
) -> Result<Workspace, EditError> {
    let mut writes = Vec::new();
    let mut created = None;
    for change in &undo.files {
        let name = || change.path.display().to_string();
        let file = ws
            .manifest
            .iter_mut()
            .chain(ws.sides.iter_mut())
            .find(|f| same_file(&f.path, &change.path))
            .ok_or_else(|| EditError::Changed(format!("{} (it is no longer read)", name())))?;
        let now = &file.bytes;
        if (now.len(), undo.hasher.hash_one(now)) != change.after {
            return Err(EditError::Changed(name()));
        }
        match &change.before {
            None => created = Some(change.path.clone()),
            Some(s) => {
                let head = now.get(..s.at).unwrap_or_default();
                let tail = now.get(s.at + s.replaced..).unwrap_or_default();
                let was = [head, &s.was, tail].concat();
                writes.push(Write {
                    path: file.path.clone(),
                    before: Some(std::mem::replace(&mut file.bytes, was.clone())),
                    after: was,
                });
            }
        }
    }
    // The files as they were, loaded before anything is replaced.
    let made = created.as_ref().and_then(|path| {
        let m = ws.manifest.take_if(|m| same_file(&m.path, path))?;
        Some(m.bytes)
    });
    if created.is_some() {
        ws.paths.clone_from(&undo.paths);
        // Side files named one by one keep the names they were opened by.
        if undo.paths.iter().all(|p| !p.is_dir()) {
            for side in &mut ws.sides {
                if let Some(named) = undo
                    .paths
                    .iter()
                    .find(|p| p.file_name() == side.path.file_name())
                {
                    side.path.clone_from(named);
                }
            }
        }
    }
    ws.reload()?;
    let plan = Plan {
        writes,
        point: undo.point.clone(),
        topic: String::new(),
        new_point: false,
        moved: None,
        unlisted: Vec::new(),
    };
    super::commit(&plan, held)?;
    if let (Some(path), Some(bytes)) = (created, made) {
        // Still what the link wrote (checked again: the side files were written since).
        let still = crate::load::read_regular(&path, bytes.len() as u64).is_ok_and(|b| b == bytes);
        if !still {
            return Err(EditError::Write(format!(
                "{} changed on disk while the link was taken back: the side files are as they \
                 were, and it was kept; delete it if it holds nothing of yours",
                path.display()
            )));
        }
        std::fs::remove_file(&path).map_err(|e| EditError::Io(path.display().to_string(), e))?;
    }
    Ok(ws)
}

#[cfg(test)]
mod tests {
    use super::span;

    /// The span found puts the bytes before back, wherever the two differ.
    #[test]
    fn a_span_puts_the_bytes_before_back() {
        for (before, after) in [
            ("abc", "abXc"),
            ("abc", "abc"),
            ("", "new"),
            ("aaaa", "aa"),
            ("aa", "aaaa"),
            ("head middle tail", "head other tail"),
        ] {
            let s = span(before.as_bytes(), after.as_bytes());
            let a = after.as_bytes();
            let back = [&a[..s.at], &s.was[..], &a[s.at + s.replaced..]].concat();
            assert_eq!(back, before.as_bytes(), "{before:?} -> {after:?}");
        }
    }
}
