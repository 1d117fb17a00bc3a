//! The screen's code has no import circle: reading the `use` lines (and the paths written out
//! in full) of every file under `src/tui`, the modules depend on each other one way only. A modal
//! plugged in the wrong way round (its state importing `App`, `App` importing a view) fails here
//! with the circle spelled out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module a file under `src/tui` is: `modal/search/update.rs` is `modal::search::update`,
/// `modal/mod.rs` is `modal`, `mod.rs` the root.
fn module_of(root: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(root).unwrap_or(file);
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts
}

/// The segments of a path after a start (`crate::tui`, `super`, `super::super`, an alias).
fn segments(text: &str) -> Vec<String> {
    text.split("::")
        .map(|s| s.split_whitespace().next().unwrap_or("").to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The longest known module that a path of segments (under `tui`) starts with.
fn resolve(known: &BTreeSet<Module>, path: &[String]) -> Option<Module> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|m| known.contains(m))
}

/// Where a path starting with `start` begins, seen from `here`.
fn base(here: &Module, start: &str) -> Option<Module> {
    if start == "crate::tui" {
        return Some(Vec::new());
    }
    let ups = start.split("::").filter(|s| *s == "super").count();
    if ups == 0 || ups > here.len() {
        return None;
    }
    Some(here[..here.len() - ups].to_vec())
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_lowercase() || c == '_'
}

/// The paths written in `code` after `start` (e.g. `crate::tui`), with brace groups expanded one
/// level: `a::{b, c::d}` gives `a::b` and `a::c::d`.
fn paths_after(code: &str, start: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = code[from..].find(start) {
        let at = from + i;
        from = at + start.len();
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[from..];
        let mut path = String::new();
        let mut chars = rest.char_indices().peekable();
        while let Some((j, c)) = chars.next() {
            if c == ':' && rest[j..].starts_with("::") {
                chars.next();
                let after = &rest[j + 2..];
                if after.starts_with('{') {
                    let end = after.find('}').unwrap_or(after.len());
                    for item in after[1..end].split(',') {
                        let item = item.trim();
                        if item.starts_with(is_ident_start) {
                            out.push(format!("{path}::{item}"));
                        }
                    }
                    path.clear();
                    break;
                }
                if !after.starts_with(is_ident_start) {
                    break;
                }
                path.push_str("::");
            } else if c.is_alphanumeric() || c == '_' {
                path.push(c);
            } else {
                break;
            }
        }
        if !path.is_empty() {
            out.push(path);
        }
    }
    out
}

#[test]
fn the_screen_modules_have_no_import_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut all = Vec::new();
    files(&root, &mut all);
    assert!(all.len() > 20, "src/tui has its files");
    let known: BTreeSet<Module> = all.iter().map(|f| module_of(&root, f)).collect();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for file in &all {
        let here = module_of(&root, file);
        let text = std::fs::read_to_string(file).expect("readable");
        // Unit tests inside a file may reach anywhere.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let mut found: Vec<Module> = Vec::new();
        let mut aliases: BTreeMap<String, Module> = BTreeMap::new();
        for start in ["crate::tui", "super::super::super", "super::super", "super"] {
            let Some(b) = base(&here, start) else {
                continue;
            };
            for p in paths_after(code, start) {
                let segs = segments(&p);
                let full: Vec<String> = b.iter().cloned().chain(segs.iter().cloned()).collect();
                // `use x::y as z` and `use x::{self as z}`: `z::…` names module `x::y`.
                if let Some((_, alias)) = p.rsplit_once(" as ") {
                    let module = if segs.last().is_some_and(|s| s == "self") {
                        full[..full.len() - 1].to_vec()
                    } else {
                        full.clone()
                    };
                    if known.contains(&module) {
                        aliases.insert(alias.trim().to_owned(), module);
                    }
                } else if known.contains(&full) && !full.is_empty() {
                    aliases.insert(full[full.len() - 1].clone(), full.clone());
                }
                found.extend(resolve(&known, &full));
            }
        }
        for (alias, module) in &aliases {
            for p in paths_after(code, &format!("{alias}::")) {
                let full: Vec<String> = module.iter().cloned().chain(segments(&p)).collect();
                found.extend(resolve(&known, &full));
            }
        }
        let deps = edges.entry(here.clone()).or_default();
        deps.extend(found.into_iter().filter(|m| *m != here));
    }
    // Depth-first search for a circle.
    fn visit(
        m: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        stack: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
    ) -> Option<Vec<Module>> {
        if let Some(i) = stack.iter().position(|s| s == m) {
            let mut circle = stack[i..].to_vec();
            circle.push(m.clone());
            return Some(circle);
        }
        if done.contains(m) {
            return None;
        }
        stack.push(m.clone());
        for n in edges.get(m).into_iter().flatten() {
            if let Some(c) = visit(n, edges, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(m.clone());
        None
    }
    let mut done = BTreeSet::new();
    for m in edges.keys() {
        let circle = visit(m, &edges, &mut Vec::new(), &mut done);
        let names: Vec<String> = circle
            .unwrap_or_default()
            .iter()
            .map(|m| format!("tui::{}", m.join("::")))
            .collect();
        assert!(names.is_empty(), "import circle: {}", names.join(" → "));
    }
    // The check sees real dependencies: the loop reaches the modals, a modal reaches `App`.
    let reaches = |from: &[&str], to: &[&str]| {
        let from: Module = from.iter().map(|s| s.to_string()).collect();
        let to: Module = to.iter().map(|s| s.to_string()).collect();
        edges.get(&from).is_some_and(|d| d.contains(&to))
    };
    assert!(reaches(&["terminal"], &["update"]));
    assert!(reaches(&["modal", "search", "update"], &["app"]));
    assert!(reaches(
        &["modal", "comparison", "update"],
        &["modal", "detail", "update"]
    ));
    assert!(reaches(&["app"], &["modal"]));
}
