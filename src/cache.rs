//! A cache of the search index of large disputes, so that `parallax search` does not parse and
//! check megabytes of JSON again while nothing has changed.
//!
//! Only a load without errors is cached, only for disputes of at least [`MIN_BYTES`] of JSON, and
//! only what `search` needs: the index of searchable fields, the ids that name a hit, and the
//! number of warnings. An entry can never be wrong:
//! - it is used only while every file it was built from has the same **content** (an xxh3 hash
//!   of its bytes: hashing 33 MB takes a few milliseconds), every folder named the same JSON
//!   files, and the program the same version; size and modification time decide nothing;
//! - it carries a checksum of itself and is refused when the checksum does not match;
//! - its text must be as loading leaves it (cleaned: no control, bidirectional or invisible
//!   characters), else it is refused;
//! - only regular files of bounded size are read, the entry and the files hashed alike, so a
//!   pipe, a device or a link to one is never opened.
//!
//! A file modified during the load (or in the second before it) is not cached, since it may
//! have changed while it was read. The cache lives in `$PARALLAX_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/parallax`, else `~/.cache/parallax`. Any problem with it (unreadable,
//! corrupt, not writable) only means the files are read as usual.

use crate::format::{ClaimAt, Dispute};
use crate::query::Index;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Disputes smaller than this load faster than a cache entry could be checked and read.
pub const MIN_BYTES: u64 = 1 << 20;

/// The largest entry read: far above the index of any dispute the loader accepts.
const MAX_ENTRY: u64 = 1 << 31;

/// What every entry starts with; the layout number changes whenever the entry's layout does,
/// or what it holds would differ (06: words split as UAX #29 splits ASCII text too; 07: texts
/// cleaned with more invisible characters marked, and a letter-opened string sequence as
/// `⟨U+0090⟩`; 08: names and titles read as one line, more format controls marked; 09: the
/// claims' ids, which a term typed whole finds; 10: a soft hyphen left out of words as the
/// zero-width characters are).
const MAGIC: &[u8; 8] = b"plxidx11";

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
                        .map(|t| t.claims.iter().map(|c| c.id.to_string()).collect())
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
            get(self.parties.get(at.side())),
            get(self.topics.get(at.side()).and_then(|t| t.get(at.topic()))),
            get(self
                .claims
                .get(at.side())
                .and_then(|t| t.get(at.topic()))
                .and_then(|c| c.get(at.claim()))),
        )
    }

    /// True when every id is as loading leaves text (nothing to clean).
    fn clean(&self) -> bool {
        let all = self
            .parties
            .iter()
            .chain(self.topics.iter().flatten())
            .chain(self.claims.iter().flatten().flatten());
        all.into_iter().all(|s| crate::text::is_clean(s))
    }
}

/// What an entry was built from: a file and the hash of its bytes, or a folder and the JSON
/// files in it (a file added to or removed from the folder changes what a load reads).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
enum Source {
    File { path: PathBuf, hash: u128 },
    Folder { path: PathBuf, files: Vec<String> },
}

impl Source {
    fn file(path: &Path) -> Option<Source> {
        Some(Source::File {
            path: path.to_path_buf(),
            hash: xxhash_rust::xxh3::xxh3_128(&read_regular(path, crate::load::DEFAULT_MAX_FILE)?),
        })
    }

    fn folder(path: &Path) -> Option<Source> {
        let mut files: Vec<String> = std::fs::read_dir(path)
            .ok()?
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".json"))
            .collect();
        files.sort_unstable();
        Some(Source::Folder {
            path: path.to_path_buf(),
            files,
        })
    }

    /// The same source as it is now on disk.
    fn now(&self) -> Option<Source> {
        match self {
            Source::File { path, .. } => Source::file(path),
            Source::Folder { path, .. } => Source::folder(path),
        }
    }
}

/// One cache entry: what it was built from, and what `search` needs.
#[derive(Serialize, Deserialize)]
struct Entry {
    version: String,
    inputs: Vec<PathBuf>,
    sources: Vec<Source>,
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

/// Reads a regular file of at most `max` bytes by the loader's rule (a folder, a pipe, a device
/// or a link to one is refused before it is opened); any refusal only means no cache.
fn read_regular(path: &Path, max: u64) -> Option<Vec<u8>> {
    crate::load::read_regular(path, max).ok()
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
    let key = postcard::to_allocvec(inputs).ok()?;
    let hash = xxhash_rust::xxh3::xxh3_64(&key);
    Some(folder()?.join(format!("search-{hash:016x}.bin")))
}

/// The folders whose JSON files a load reads: a folder named, or the folder of a
/// `dispute.json` named (a manifest without `sides` reads every file there).
fn folders(inputs: &[PathBuf]) -> Vec<PathBuf> {
    inputs
        .iter()
        .filter_map(|p| {
            if p.is_dir() {
                Some(p.clone())
            } else if p.file_name().is_some_and(|n| n == crate::load::MANIFEST) {
                p.parent().map(Path::to_path_buf)
            } else {
                None
            }
        })
        .collect()
}

/// An entry's bytes: the magic, the checksum of the body, the body.
fn seal(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 24);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_128(body).to_le_bytes());
    out.extend_from_slice(body);
    out
}

/// The body of an entry's bytes, when its magic and checksum hold.
fn unseal(bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (sum, body) = rest.split_at_checked(16)?;
    let sum = u128::from_le_bytes(sum.try_into().ok()?);
    (xxhash_rust::xxh3::xxh3_128(body) == sum).then_some(body)
}

/// Entries kept: the most recently used [`KEEP`], none unused for longer than [`MAX_AGE`]. Each
/// holds a dispute's texts, and a folder searched once and deleted since names no entry anyone
/// would read again.
const KEEP: usize = 8;
/// See [`KEEP`]: 30 days.
const MAX_AGE: Duration = Duration::from_secs(30 * 24 * 60 * 60);
/// A temporary file of a write that never finished (the process killed) is deleted after a day.
const TEMP_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// Deletes the entries past [`KEEP`] (by when each was last used: its modification time) or
/// older than [`MAX_AGE`], and leftover temporary files, in `folder`; never `kept`, the entry
/// just written. Only regular files with an entry's or a temporary file's name are touched.
fn prune(folder: &Path, kept: &Path) {
    let Ok(dir) = std::fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    let age = |t: SystemTime| now.duration_since(t).unwrap_or_default();
    let mut found: Vec<(SystemTime, PathBuf)> = Vec::new();
    for e in dir.filter_map(Result::ok) {
        // The entry's own type: a link is not followed, and not deleted.
        let Some(modified) = e
            .file_type()
            .ok()
            .filter(std::fs::FileType::is_file)
            .and_then(|_| e.metadata().ok()?.modified().ok())
        else {
            continue;
        };
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(".tmp") {
            if age(modified) > TEMP_AGE {
                let _ = std::fs::remove_file(e.path());
            }
        } else if name.starts_with("search-") && name.ends_with(".bin") && e.path() != kept {
            found.push((modified, e.path()));
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (i, (modified, path)) in found.into_iter().enumerate() {
        if i + 1 >= KEEP || age(modified) > MAX_AGE {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The entry for these paths, when it exists, is intact, and nothing it was built from has
/// changed. An entry used is marked so (its modification time), so [`prune`] keeps the
/// entries in use.
pub fn read(paths: &[PathBuf]) -> Option<Cached> {
    let inputs = inputs(paths)?;
    let path = entry_path(&inputs)?;
    let bytes = read_regular(&path, MAX_ENTRY)?;
    let entry: Entry = postcard::from_bytes(unseal(&bytes)?).ok()?;
    let fresh = entry.version == env!("CARGO_PKG_VERSION")
        && entry.inputs == inputs
        && entry.sources.iter().all(|s| s.now().as_ref() == Some(s))
        && entry.names.clean()
        && entry.index.is_clean();
    if fresh {
        let _ = std::fs::File::options()
            .append(true)
            .open(&path)
            .and_then(|f| f.set_modified(SystemTime::now()));
    }
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
    let Some(files) = files
        .iter()
        .map(|f| PathBuf::from(f).canonicalize().ok())
        .collect::<Option<Vec<_>>>()
    else {
        return;
    };
    let metas: Option<Vec<std::fs::Metadata>> =
        files.iter().map(|f| std::fs::metadata(f).ok()).collect();
    let Some(metas) = metas else {
        return;
    };
    if metas.iter().map(std::fs::Metadata::len).sum::<u64>() < MIN_BYTES {
        return;
    }
    let settled = started.checked_sub(Duration::from_secs(1));
    let recent = |m: &std::fs::Metadata| {
        m.modified()
            .ok()
            .zip(settled)
            .is_none_or(|(t, limit)| t >= limit)
    };
    if metas.iter().any(recent) {
        return;
    }
    let (Some(inputs), Some(folder)) = (inputs(paths), folder()) else {
        return;
    };
    let sources: Option<Vec<Source>> = folders(&inputs)
        .iter()
        .map(|p| Source::folder(p))
        .chain(files.iter().map(|p| Source::file(p)))
        .collect();
    let (Some(sources), Some(target)) = (sources, entry_path(&inputs)) else {
        return;
    };
    #[derive(Serialize)]
    struct EntryRef<'a> {
        version: &'a str,
        inputs: &'a [PathBuf],
        sources: &'a [Source],
        warnings: usize,
        names: &'a Names,
        index: &'a Index,
    }
    let names = Names::of(dispute);
    let entry = EntryRef {
        version: env!("CARGO_PKG_VERSION"),
        inputs: &inputs,
        sources: &sources,
        warnings,
        names: &names,
        index,
    };
    let Ok(body) = postcard::to_allocvec(&entry) else {
        return;
    };
    if std::fs::create_dir_all(&folder).is_err() {
        return;
    }
    if let Ok(mut tmp) = tempfile::NamedTempFile::new_in(&folder)
        && tmp.write_all(&seal(&body)).is_ok()
        && tmp.persist(&target).is_ok()
    {
        prune(&folder, &target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_entry_opens_and_any_flipped_bit_is_refused() {
        let sealed = seal(b"the body of an entry");
        assert_eq!(unseal(&sealed), Some(b"the body of an entry".as_slice()));
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            if let Some(b) = bad.get_mut(i) {
                *b ^= 0x10;
            }
            assert_eq!(unseal(&bad), None, "byte {i}");
        }
        assert_eq!(unseal(&sealed[..10]), None);
    }
}
