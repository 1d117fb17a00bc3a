//! A cache of the search index of large disputes, so that `parallax search` does not parse and
//! check megabytes of JSON again while nothing has changed.
//!
//! Only a load without errors is cached, only for disputes of at least [`MIN_BYTES`] of JSON, and
//! only what `search` needs: the index of searchable fields, the ids that name a hit, and the
//! number of warnings. Files modified during the load (or in the second before it) are not
//! cached, since they may have changed while they were read. An entry is used only while every file it was built from has the same size
//! and modification time, every folder named on the command line the same modification time (a
//! file added or removed), and the program the same version; otherwise the files are read again
//! and the entry replaced. The cache lives in `$PARALLAX_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/parallax`, else `~/.cache/parallax`. Any problem with it (unreadable, corrupt,
//! not writable) only means the files are read as usual.

use crate::format::{ClaimAt, Dispute};
use crate::query::Index;
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Disputes smaller than this load faster than a cache entry could be checked and read.
pub const MIN_BYTES: u64 = 1 << 20;

/// Changes whenever the entry's layout changes, so an older program's entries are never misread.
const LAYOUT: u32 = 1;

/// The names a hit is printed with: party, topic and claim ids, by position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Names {
    parties: Vec<String>,
    topics: Vec<Vec<String>>,
    claims: Vec<Vec<Vec<String>>>,
}

impl Names {
    /// The ids of every side, topic and claim of a dispute.
    pub fn of(dispute: &Dispute) -> Names {
        Names {
            parties: dispute.sides.iter().map(|s| s.party.id.clone()).collect(),
            topics: dispute
                .sides
                .iter()
                .map(|s| s.topics.iter().map(|t| t.id.clone()).collect())
                .collect(),
            claims: dispute
                .sides
                .iter()
                .map(|s| {
                    s.topics
                        .iter()
                        .map(|t| t.claims.iter().map(|c| c.id.clone()).collect())
                        .collect()
                })
                .collect(),
        }
    }

    /// The party, topic and claim ids of a claim ("?" where a position is unknown).
    pub fn place(&self, at: ClaimAt) -> (&str, &str, &str) {
        fn get(v: Option<&String>) -> &str {
            v.map_or("?", String::as_str)
        }
        (
            get(self.parties.get(at.side)),
            get(self.topics.get(at.side).and_then(|t| t.get(at.topic))),
            get(self
                .claims
                .get(at.side)
                .and_then(|t| t.get(at.topic))
                .and_then(|c| c.get(at.claim))),
        )
    }
}

/// What identifies one file's content without reading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    path: PathBuf,
    len: u64,
    modified_ns: u128,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified_ns = meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos();
        Some(Stamp {
            path: path.to_path_buf(),
            len: meta.len(),
            modified_ns,
        })
    }
}

/// One cache entry: what it was built from, and what `search` needs.
#[derive(Serialize, Deserialize)]
struct Entry {
    layout: u32,
    version: String,
    inputs: Vec<PathBuf>,
    stamps: Vec<Stamp>,
    warnings: usize,
    names: Names,
    index: Index,
}

/// A usable cache entry.
pub struct Cached {
    /// The search index of the dispute.
    pub index: Index,
    /// The ids that name a hit.
    pub names: Names,
    /// How many warnings the load reported.
    pub warnings: usize,
}

/// The cache folder, from the environment.
fn folder() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    env("PARALLAX_CACHE_DIR")
        .or_else(|| env("XDG_CACHE_HOME").map(|p| p.join("parallax")))
        .or_else(|| env("HOME").map(|p| p.join(".cache").join("parallax")))
}

/// The command line's paths, made absolute, which name the entry.
fn inputs(paths: &[PathBuf]) -> Option<Vec<PathBuf>> {
    paths.iter().map(|p| p.canonicalize().ok()).collect()
}

/// The entry's file: named by a hash of the inputs, so each dispute has one entry.
fn entry_path(inputs: &[PathBuf]) -> Option<PathBuf> {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    inputs.hash(&mut h);
    Some(folder()?.join(format!("search-{:016x}.bin", h.finish())))
}

/// The files read and the folders they were found in: a folder named, or the
/// folder of a `dispute.json` named (a folder's time changes when a file is added, removed or
/// renamed in it, and a manifest without `sides` reads every file there).
fn watched(inputs: &[PathBuf], files: &[PathBuf]) -> Vec<PathBuf> {
    let folders = inputs.iter().filter_map(|p| {
        if p.is_dir() {
            Some(p.clone())
        } else if p.file_name().is_some_and(|n| n == crate::load::MANIFEST) {
            p.parent().map(Path::to_path_buf)
        } else {
            None
        }
    });
    folders.chain(files.iter().cloned()).collect()
}

/// The entry for these paths, when it exists and nothing it was built from has changed.
pub fn read(paths: &[PathBuf]) -> Option<Cached> {
    let inputs = inputs(paths)?;
    let bytes = std::fs::read(entry_path(&inputs)?).ok()?;
    let entry: Entry = postcard::from_bytes(&bytes).ok()?;
    let fresh = entry.layout == LAYOUT
        && entry.version == env!("CARGO_PKG_VERSION")
        && entry.inputs == inputs
        && entry
            .stamps
            .iter()
            .all(|s| Stamp::of(&s.path).as_ref() == Some(s));
    fresh.then_some(Cached {
        index: entry.index,
        names: entry.names,
        warnings: entry.warnings,
    })
}

/// Keeps the index of a dispute loaded without errors from `files`, when it is large enough to
/// be worth it. `started` is when the load began: a file modified since then (or in the second
/// before, within the clock's reach) may have changed while it was read, so nothing is kept.
/// Best effort: a failure leaves no entry, or the previous one, intact.
pub fn write(
    paths: &[PathBuf],
    files: &[String],
    started: SystemTime,
    dispute: &Dispute,
    index: &Index,
    warnings: usize,
) {
    let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    let Some(files) = files
        .iter()
        .map(|f| f.canonicalize().ok())
        .collect::<Option<Vec<_>>>()
    else {
        return;
    };
    let size: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    if size < MIN_BYTES {
        return;
    }
    let (Some(inputs), Some(folder)) = (inputs(paths), folder()) else {
        return;
    };
    let (Some(stamps), Some(target)) = (
        watched(&inputs, &files)
            .iter()
            .map(|p| Stamp::of(p))
            .collect::<Option<Vec<_>>>(),
        entry_path(&inputs),
    ) else {
        return;
    };
    let settled = started
        .checked_sub(Duration::from_secs(1))
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|t| t.as_nanos());
    if settled.is_none_or(|limit| stamps.iter().any(|s| s.modified_ns >= limit)) {
        return;
    }
    #[derive(Serialize)]
    struct EntryRef<'a> {
        layout: u32,
        version: &'a str,
        inputs: &'a [PathBuf],
        stamps: &'a [Stamp],
        warnings: usize,
        names: &'a Names,
        index: &'a Index,
    }
    let names = Names::of(dispute);
    let entry = EntryRef {
        layout: LAYOUT,
        version: env!("CARGO_PKG_VERSION"),
        inputs: &inputs,
        stamps: &stamps,
        warnings,
        names: &names,
        index,
    };
    let Ok(bytes) = postcard::to_allocvec(&entry) else {
        return;
    };
    if std::fs::create_dir_all(&folder).is_err() {
        return;
    }
    if let Ok(mut tmp) = tempfile::NamedTempFile::new_in(&folder)
        && tmp.write_all(&bytes).is_ok()
    {
        let _ = tmp.persist(&target);
    }
}
