//! The program's code has no import circle: reading the `use` lines (and the paths written out
//! in full) of every file, its folders depend on each other one way only, and under `src/tui`
//! so do its modules. A modal plugged in the wrong way round (its state importing `App`, `App`
//! importing a view) fails here with the circle spelled out. Paths are read from `crate::tui`
//! (or `crate`), `super`, `self`, a module's own children (`pub use app::App`, `help::Help`)
//! and aliases; comments are left out.

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
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
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
fn base(here: &Module, start: &str, top: &str) -> Option<Module> {
    if start == top {
        return Some(Vec::new());
    }
    if start == "self" {
        return Some(here.clone());
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
/// level: `a::{b, c::d}` gives `a::b` and `a::c::d`. A path that goes on to a type, a function
/// in caps, a glob or a macro (`super::App`, `state::*`) names the module it stopped in.
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
        // A word that only begins like the start (`superseded` in a message) is no path.
        if !start.ends_with("::") && rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        // `crate::{a, b::c}`: the group right after a start that ends in `::`.
        if let Some(group) = rest.strip_prefix('{').filter(|_| start.ends_with("::")) {
            let end = group.find('}').unwrap_or(group.len());
            out.extend(
                group[..end]
                    .split(',')
                    .map(str::trim)
                    .filter(|item| item.starts_with(is_ident_start))
                    .map(str::to_owned),
            );
            continue;
        }
        let mut path = String::new();
        let mut chars = rest.char_indices().peekable();
        let mut stopped = false;
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
                        } else if !item.is_empty() {
                            out.push(path.clone());
                        }
                    }
                    path.clear();
                    break;
                }
                if !after.starts_with(is_ident_start) {
                    stopped = true;
                    break;
                }
                path.push_str("::");
            } else if c.is_alphanumeric() || c == '_' {
                path.push(c);
            } else {
                break;
            }
        }
        if !path.is_empty() || stopped {
            out.push(path);
        }
    }
    out
}

type Edges = BTreeMap<Module, BTreeSet<Module>>;

/// What each module under `dir` (`src/tui`, named `crate::tui` in paths) imports from the
/// others. The binary's `main.rs` is a crate of its own and is left out.
fn imports(dir: &str, top: &str) -> Edges {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut all = Vec::new();
    files(&root, &mut all);
    all.retain(|f| f != &root.join("main.rs"));
    assert!(all.len() > 20, "{dir} has its files");
    let known: BTreeSet<Module> = all.iter().map(|f| module_of(&root, f)).collect();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for file in &all {
        let here = module_of(&root, file);
        let text = std::fs::read_to_string(file).expect("readable");
        // Unit tests inside a file may reach anywhere; comments name paths without using them.
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or("")
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        let code = code.as_str();
        let mut found: Vec<Module> = Vec::new();
        let mut aliases: BTreeMap<String, Module> = BTreeMap::new();
        // A module's children are named from it without a prefix (`use state::Files`).
        let children: Vec<String> = known
            .iter()
            .filter(|m| m.len() == here.len() + 1 && m.starts_with(&here))
            .filter_map(|m| m.last().cloned())
            .collect();
        let mut starts: Vec<(String, Module)> =
            [top, "super::super::super", "super::super", "super", "self"]
                .iter()
                .filter_map(|s| base(&here, s, top).map(|b| ((*s).to_owned(), b)))
                .collect();
        starts.extend(children.iter().map(|c| (c.clone(), here.clone())));
        for (start, b) in &starts {
            let own = !start.contains("::") && start != "super" && start != "self" && start != top;
            // `crate` is read only where a path goes on from it (`crate::load`, not `crates`).
            let needle = if start == top {
                format!("{top}::")
            } else {
                start.clone()
            };
            for p in paths_after(code, &needle) {
                let mut segs = segments(&p);
                // `super::super::x` is read by the longer start, not as `super` then `super::x`.
                if segs.first().is_some_and(|s| s == "super") {
                    continue;
                }
                if own {
                    segs.insert(0, start.clone());
                }
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
    edges
}

/// A circle in `edges`, spelled out, if there is one.
fn circle(edges: &Edges, top: &str) -> Option<String> {
    fn visit(
        m: &Module,
        edges: &Edges,
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
    edges.keys().find_map(|m| {
        visit(m, edges, &mut Vec::new(), &mut done).map(|c| {
            c.iter()
                .map(|m| {
                    [top]
                        .into_iter()
                        .chain(m.iter().map(String::as_str))
                        .collect::<Vec<_>>()
                        .join("::")
                })
                .collect::<Vec<_>>()
                .join(" → ")
        })
    })
}

#[test]
fn the_screen_modules_have_no_import_circle() {
    let edges = imports("src/tui", "crate::tui");
    if let Some(c) = circle(&edges, "tui") {
        panic!("import circle: {c}");
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
    assert!(reaches(&["app"], &["state"]));
    // …and the paths named from a module's own children.
    assert!(reaches(&[], &["app"]));
    assert!(reaches(&["state"], &["state", "help"]));
}

/// Nor do its folders: read a folder as one module (`modal::search::update` as `modal`, then as
/// `modal::search`), and still nothing depends on itself. A modal's state sits below `App`,
/// which holds it, and its update and view above, so no folder is both above and below another.
#[test]
fn the_screen_folders_have_no_import_circle() {
    let edges = imports("src/tui", "crate::tui");
    for depth in 1..=2 {
        let folder = |m: &Module| -> Module { m.iter().take(depth).cloned().collect() };
        let mut folders: Edges = BTreeMap::new();
        for (from, tos) in &edges {
            let deps = folders.entry(folder(from)).or_default();
            deps.extend(tos.iter().map(folder).filter(|t| *t != folder(from)));
        }
        if let Some(c) = circle(&folders, "tui") {
            panic!("import circle between folders: {c}");
        }
    }
}

/// The whole program's folders read the same way (`load`, `query`, `tui`, `edit`, each as one
/// module): the core below the screen, and no two parts of the core above each other. The
/// screen's own modules and folders are checked above.
#[test]
fn the_program_folders_have_no_import_circle() {
    let edges = imports("src", "crate");
    let folder = |m: &Module| -> Module { m.iter().take(1).cloned().collect() };
    let mut folders: Edges = BTreeMap::new();
    for (from, tos) in &edges {
        let deps = folders.entry(folder(from)).or_default();
        deps.extend(tos.iter().map(folder).filter(|t| *t != folder(from)));
    }
    if let Some(c) = circle(&folders, "crate") {
        panic!("import circle between folders: {c}");
    }
    let reaches = |from: &str, to: &str| {
        folders
            .get(&vec![from.to_owned()])
            .is_some_and(|d| d.contains(&vec![to.to_owned()]))
    };
    // It sees real dependencies: the screen reads the core, an edit writes atomically as an
    // export does.
    assert!(reaches("tui", "query"));
    assert!(reaches("edit", "export"));
    assert!(reaches("commands", "tui"));
}

/// The screen sits below the commands: nothing under `src/tui` reads the command line or a
/// command (`crate::cli`, `crate::commands`). Opening the screen from its arguments is the
/// command `commands::open`; it was `tui::open`, and with `commands::help` reading the screen's
/// key bindings the two layers imported each other.
#[test]
fn the_screen_imports_no_command() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut all = Vec::new();
    files(&root, &mut all);
    assert!(all.len() > 50, "{}", all.len());
    for file in all {
        let code = std::fs::read_to_string(&file).unwrap_or_default();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            assert!(
                !line.contains("crate::cli") && !line.contains("crate::commands"),
                "{}: {line}",
                file.display()
            );
        }
    }
}
