//! `parallax import csv|claimreview`: reads claims from other tools and writes a new dispute
//! folder, reporting every record it could not use.

use super::Failure;
use crate::cli::{ImportArgs, ImportCommand};
use crate::format::{ID_RULE, is_id};
use crate::import::{Builder, claimreview, csv};
use std::io::Write;

/// Runs an import; the problems and what was written go to `err`.
pub fn import(command: &ImportCommand, err: &mut dyn Write) -> Result<(), Failure> {
    let args = match command {
        ImportCommand::Csv(args) | ImportCommand::ClaimReview { args, .. } => args,
    };
    // `-o -` means standard output to `export`; an import makes a folder of files.
    if args.out.as_os_str() == "-" {
        return Err(Failure::Usage(
            "an import writes a folder of files, not standard output: give the folder to make \
             with -o (for example -o my-dispute)"
                .to_owned(),
        ));
    }
    // Usage errors, and a folder a new dispute cannot go into, are said before thousands of
    // records are read.
    super::refuse_hidden_folder("-o", &args.out)?;
    let title = args
        .title
        .as_deref()
        .map(super::checked_title)
        .transpose()?;
    crate::create::check_folder_free(&args.out).map_err(|e| Failure::Input(e.to_string()))?;
    let mut builder = Builder::default();
    builder.reviews = matches!(command, ImportCommand::ClaimReview { .. });
    // The files that gave neither a record nor a problem (a header row alone), to be named.
    let mut empty: Vec<String> = Vec::new();
    // A file named twice (`a.csv a.csv`, by two paths or a hard link: one device and inode)
    // is read once, and that is said: read twice, its claims would merge with themselves unsaid.
    let mut seen: Vec<(u64, u64)> = Vec::new();
    for path in &args.files {
        let name = crate::export::shown_path(path);
        if let Ok(meta) = std::fs::metadata(path) {
            use std::os::unix::fs::MetadataExt;
            let real = (meta.dev(), meta.ino());
            if seen.contains(&real) {
                writeln!(
                    err,
                    "parallax: {name} is given more than once; it is read once"
                )?;
                continue;
            }
            seen.push(real);
        }
        let before = (builder.records_read(), builder.problems.len());
        let bytes = crate::load::read_regular(path, args.read.max_file_size).map_err(|e| {
            Failure::Input(format!(
                "cannot read {name}: {}",
                crate::load::read_failure(path, &e)
            ))
        })?;
        match command {
            ImportCommand::Csv(_) => {
                csv::read(&bytes, &name, &mut builder)
                    .map_err(|e| Failure::Input(e.to_string()))?;
            }
            ImportCommand::ClaimReview { sides, topic, .. } => {
                // A byte order mark (Windows Notepad writes one) is skipped, as the loader and
                // `import csv` skip it: serde_json reads it as a value that is not JSON.
                let bytes = bytes
                    .strip_prefix(crate::load::BOM.as_bytes())
                    .unwrap_or(&bytes);
                let sides = side_map(sides)?;
                if !is_id(topic) {
                    return Err(Failure::Usage(format!(
                        "--topic `{}` is not an id; use {ID_RULE}",
                        crate::text::clean(topic).text
                    )));
                }
                encoding_of(bytes, &name)?;
                let options = claimreview::Options {
                    sides: &sides,
                    topic,
                };
                // A saved fact-check page: its JSON-LD blocks, read as one list of documents.
                if let Some(blocks) = claimreview::json_ld_blocks(bytes) {
                    if blocks.is_empty() {
                        return Err(Failure::Input(format!(
                            "{name}: an HTML page with no JSON-LD block (`<script \
                             type=\"application/ld+json\">`), so no ClaimReview to read; save the \
                             page's ClaimReview JSON in a .json file and import that"
                        )));
                    }
                    let mut documents = Vec::new();
                    for (line, block) in blocks {
                        let value: serde_json::Value =
                            serde_json::from_slice(block).map_err(|e| {
                                // serde_json's place is the block's: the page's line is said.
                                let words = e.to_string();
                                let words = words.rsplit_once(" at line ").map_or(&*words, |w| w.0);
                                Failure::Input(format!(
                                    "{name}:{}: the JSON-LD block is not JSON: {words}; mend \
                                     the page or save its JSON in a .json file",
                                    line + e.line().saturating_sub(1)
                                ))
                            })?;
                        claimreview::repeated_keys(block, &name, &mut builder);
                        match value {
                            serde_json::Value::Array(items) => documents.extend(items),
                            other => documents.push(other),
                        }
                    }
                    let value = serde_json::Value::Array(documents);
                    claimreview::read(&value, &name, &options, &mut builder);
                    if (builder.records_read(), builder.problems.len()) == before {
                        empty.push(name);
                    }
                    continue;
                }
                let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
                    let text = String::from_utf8_lossy(bytes);
                    let column = crate::load::char_column(&text, e.line(), e.column());
                    // serde_json's own words end with its byte column: the place is said first.
                    let words = e.to_string();
                    let words = words.rsplit_once(" at line ").map_or(&*words, |(w, _)| w);
                    // What to do: a table is for `import csv`; a JSON file, to be mended.
                    let starts_json = bytes
                        .iter()
                        .find(|b| !b.is_ascii_whitespace())
                        .is_some_and(|b| matches!(b, b'{' | b'['));
                    let advice = if starts_json {
                        "; mend the file where it says (a ClaimReview document or a Fact Check \
                         API answer is JSON), or export it again"
                    } else {
                        "; `import claimreview` reads ClaimReview JSON: for a table of claims \
                         (CSV), use `parallax import csv`"
                    };
                    // Not JSON at all (a table): serde_json's words (`expected value`) say
                    // nothing to the analyst; its first characters say what it is.
                    if !starts_json {
                        let first = text.trim_start().lines().next().unwrap_or_default();
                        let start: String = first.chars().take(40).collect();
                        let more = if start.len() < first.len() { "…" } else { "" };
                        return Failure::Input(format!(
                            "{name}: not JSON (it begins `{}{more}`){advice}",
                            crate::text::quote(&start)
                        ));
                    }
                    Failure::Input(format!(
                        "{name}:{}:{column}: not JSON: {words}{advice}",
                        e.line()
                    ))
                })?;
                claimreview::repeated_keys(bytes, &name, &mut builder);
                claimreview::read(&value, &name, &options, &mut builder);
            }
        }
        if (builder.records_read(), builder.problems.len()) == before {
            empty.push(name);
        }
    }
    // Named among the problems while another file gave something; with none that did, the
    // error that no claim was read names them all.
    if empty.len() < args.files.len() {
        let claim = match command {
            ImportCommand::Csv(_) => "a header row alone, or blank rows",
            ImportCommand::ClaimReview { .. } => "no ClaimReview in it",
        };
        for file in empty {
            builder.problems.push(crate::import::Problem {
                file,
                at: String::new(),
                reason: format!("the file holds no claim ({claim}); nothing was read from it"),
            });
        }
    }
    // A mapping that matched no claimant is most likely a misspelt name: said, not ignored.
    if let ImportCommand::ClaimReview { sides, .. } = command {
        for claimreview::SideOf {
            claimant: name, id, ..
        } in side_map(sides)?
        {
            if !builder.claimants.contains(&name.to_lowercase()) {
                let mut seen: Vec<&str> = builder.claimants.iter().map(String::as_str).collect();
                seen.sort_unstable();
                let more = seen.len().saturating_sub(5);
                let listed = seen.iter().take(5).copied().collect::<Vec<_>>().join(", ");
                writeln!(
                    err,
                    "parallax: --side {}={id}: no review's claimant is called that, so it was not used (claimants, any case: {}{})",
                    crate::text::clean(&name).text,
                    crate::text::clean(&listed).text,
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    }
                )?;
            }
        }
    }
    // `--id` and `--title`, else what a `dispute` record of the claims table gave.
    let id = match (&args.id, builder.dispute_id()) {
        (None, Some(id)) => id.to_owned(),
        _ => dispute_id(args)?,
    };
    let title = title
        .map(str::to_owned)
        .or_else(|| builder.dispute_title().map(str::to_owned))
        .unwrap_or_else(|| id.clone());
    let (draft, problems) = builder.finish(&id, crate::text::clean(&title).text.trim());
    draft
        .check_sides_free(&args.out)
        .map_err(|e| Failure::Input(e.to_string()))?;
    let given: Vec<String> = args
        .files
        .iter()
        .map(|p| crate::export::shown_path(p))
        .collect();
    report_problems(&problems, &given, err)?;
    let claims: usize = draft
        .sides
        .iter()
        .flat_map(|s| &s.topics)
        .map(|t| t.claims.len())
        .sum();
    if draft.sides.len() < 2 {
        let check = match command {
            ImportCommand::Csv(_) => "check the `side` column: it names each claim's party",
            ImportCommand::ClaimReview { .. } => {
                "each claimant, a review's `itemReviewed.author`, makes a side; map claimants \
                 to sides with --side CLAIMANT=ID"
            }
        };
        if draft.sides.is_empty() {
            return Err(Failure::Input(if problems.is_empty() {
                no_claim(command, &args.files)
            } else {
                "no claim in the input could be used; the problems above say why".to_owned()
            }));
        }
        return Err(Failure::Input(format!(
            "the input holds claims of {} side(s); a dispute needs two or more ({check})",
            draft.sides.len()
        )));
    }
    if args.strict && !problems.is_empty() {
        return Err(Failure::Input(format!(
            "{} problem(s) listed above; nothing was written (--strict). Fix them in the input, \
             or import without --strict to keep what could be read",
            problems.len()
        )));
    }
    crate::cleanup::remove_on_signal()?;
    let written = draft.write(&args.out)?;
    if let Some(kept) = written.kept_notice() {
        writeln!(err, "parallax: {kept}")?;
    }
    writeln!(
        err,
        "parallax: imported {claims} claim(s) of {} sides into {}; {} problem(s){}",
        draft.sides.len(),
        crate::export::shown_path(&args.out),
        problems.len(),
        if problems.is_empty() {
            ""
        } else {
            " listed above"
        }
    )?;
    // What the files say when loaded (a rebuttal of a claim no row holds, claims without a
    // source), so the import's count is not taken for a clean bill.
    if !written.warnings.is_empty() {
        let total: usize = written.warnings.iter().map(|(_, n)| n).sum();
        let codes: Vec<String> = written
            .warnings
            .iter()
            .map(|(code, n)| format!("{n} {code}"))
            .collect();
        writeln!(
            err,
            "parallax: the files load with {total} warning(s) ({}); `{}` lists them",
            codes.join(", "),
            crate::load::validate_command(std::slice::from_ref(&args.out))
        )?;
    }
    Ok(())
}

/// Why nothing was imported from files that gave no claim and no problem (a header row alone, a
/// `claims: []`): the files named, and what a claim is in their format.
fn no_claim(command: &ImportCommand, files: &[std::path::PathBuf]) -> String {
    let more = files.len().saturating_sub(5);
    let mut named: Vec<String> = files
        .iter()
        .take(5)
        .map(|p| crate::export::shown_path(p))
        .collect();
    if more > 0 {
        named.push(format!("and {more} more"));
    }
    let (these, hold) = if files.len() == 1 {
        ("the file", "holds")
    } else {
        ("the files", "hold")
    };
    let claim = match command {
        ImportCommand::Csv(_) => {
            "each row under the header is a claim: write one with its side, topic and text"
        }
        ImportCommand::ClaimReview { .. } => {
            "a claim is a ClaimReview with its `claimReviewed`, or an entry of the Fact Check \
             API's `claims[]`"
        }
    };
    format!("{}: {these} {hold} no claim; {claim}", named.join(", "))
}

/// How many times one reason is said in full before the rest like it are only counted.
const SAID_IN_FULL: usize = 3;

/// The problems in record order, each kind of reason said in full at most [`SAID_IN_FULL`]
/// times, then one line counting the rest: an export of thousands of reviews with one flaw in
/// common says so in a few lines, not thousands. Reasons that differ only in the values they
/// quote are one kind (109 dates written `4/22/2025`, `5/1/2025`… are one line, not one a
/// value).
fn report_problems(
    problems: &[crate::import::Problem],
    files: &[String],
    err: &mut dyn Write,
) -> std::io::Result<()> {
    // In the order of each file's places (a problem found once every record was read, as a
    // rebuttal pointed at another side, or a review's, at its record's place), `files` in the
    // order given; places alike keep the order they were found in.
    let order: std::collections::HashMap<&str, usize> = files
        .iter()
        .enumerate()
        .rev()
        .map(|(i, f)| (f.as_str(), i))
        .collect();
    let mut problems: Vec<&crate::import::Problem> = problems.iter().collect();
    problems.sort_by_cached_key(|p| (order.get(p.file.as_str()), numbers_in(&p.at)));
    // How many of each kind there are, first: a kind of one more than is said in full is said
    // whole, each in its place (the fourth was said after every other problem, out of order).
    let kinds: Vec<String> = problems.iter().map(|p| kind_of(&p.reason)).collect();
    let mut total: std::collections::HashMap<(&str, &str), usize> = Default::default();
    for (p, kind) in problems.iter().zip(&kinds) {
        *total.entry((p.file.as_str(), kind.as_str())).or_default() += 1;
    }
    let mut said: Vec<Kind<'_>> = Vec::new();
    for (p, kind) in problems.into_iter().zip(&kinds) {
        let whole = total.get(&(p.file.as_str(), kind.as_str())) == Some(&(SAID_IN_FULL + 1));
        match said
            .iter_mut()
            .find(|k| k.file == p.file && k.kind == *kind)
        {
            Some(k) => {
                k.count += 1;
                k.varies |= k.first != p.reason;
                if k.count <= SAID_IN_FULL || whole {
                    writeln!(err, "parallax: {p}")?;
                } else {
                    k.places.push(&p.at);
                }
            }
            None => {
                said.push(Kind {
                    file: &p.file,
                    kind: kind.clone(),
                    first: &p.reason,
                    varies: false,
                    count: 1,
                    places: Vec::new(),
                });
                writeln!(err, "parallax: {p}")?;
            }
        }
    }
    // One more than said in full was said in its place: a line either way, and that one says
    // where.
    for k in said.into_iter().filter(|k| k.count > SAID_IN_FULL + 1) {
        let reason = if k.varies { k.kind.as_str() } else { k.first };
        writeln!(
            err,
            "parallax: {}: {} more like this ({}): {}",
            crate::text::inline(k.file),
            k.count - SAID_IN_FULL,
            crate::text::inline(&places(&k.places)),
            crate::text::inline(reason)
        )?;
    }
    Ok(())
}

/// One kind of problem of one file, as [`report_problems`] counts it.
struct Kind<'p> {
    file: &'p str,
    /// The reason with its quoted values masked ([`kind_of`]).
    kind: String,
    /// The first reason of the kind, said whole when no later one quotes other values.
    first: &'p str,
    varies: bool,
    count: usize,
    /// Where the problems not said in full are.
    places: Vec<&'p str>,
}

/// The numbers in a problem's place, to order places by: `line 12` before `line 100`,
/// `@graph[2]` before `@graph[10]`.
fn numbers_in(at: &str) -> Vec<u64> {
    at.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// The places of problems counted, not said: lines as runs (`lines 4, 7-9, 12`), at most
/// [`PLACES_SAID`] of them, then how many more; other places as given.
fn places(at: &[&str]) -> String {
    const PLACES_SAID: usize = 8;
    let lines: Option<Vec<u64>> = at
        .iter()
        .map(|a| a.strip_prefix("line ").and_then(|n| n.parse().ok()))
        .collect();
    let shown: Vec<String> = match lines {
        Some(mut lines) => {
            lines.dedup();
            let mut runs: Vec<(u64, u64)> = Vec::new();
            for n in lines {
                match runs.last_mut() {
                    Some((_, end)) if *end + 1 == n => *end = n,
                    _ => runs.push((n, n)),
                }
            }
            runs.iter()
                .map(|&(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}-{b}")
                    }
                })
                .collect()
        }
        None => at.iter().map(|a| (*a).to_owned()).collect(),
    };
    let more = shown.len().saturating_sub(PLACES_SAID);
    let mut said = shown
        .iter()
        .take(PLACES_SAID)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if lines_said(at) {
        let one = shown.len() == 1 && !shown.iter().any(|s| s.contains('-'));
        said.insert_str(0, if one { "line " } else { "lines " });
    }
    if more > 0 {
        said.push_str(&format!(" and {more} more"));
    }
    said
}

/// Whether every place is a line (`line 4`), said once as `lines` before their numbers.
fn lines_said(at: &[&str]) -> bool {
    at.iter().all(|a| {
        a.strip_prefix("line ")
            .is_some_and(|n| n.parse::<u64>().is_ok())
    })
}

/// A reason with each value it quotes (between backticks) written `…`: what problems of one
/// kind share.
fn kind_of(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len());
    for (i, part) in reason.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts are quoted values (a reason's backticks come in pairs).
        out.push_str(if i % 2 == 1 { "…" } else { part });
    }
    out
}

/// The dispute's id: `--id`, else made from the output folder's name.
fn dispute_id(args: &ImportArgs) -> Result<String, Failure> {
    match &args.id {
        Some(id) if is_id(id) => Ok(id.clone()),
        Some(id) => Err(Failure::Usage(format!(
            "--id `{}` is not an id; use {ID_RULE}",
            crate::text::clean(id).text
        ))),
        None => {
            let id = crate::create::id_of_folder(&args.out);
            if id.is_empty() {
                Err(Failure::Usage(
                    "cannot make an id from the folder's name; give one with --id".to_owned(),
                ))
            } else {
                Ok(id)
            }
        }
    }
}

/// The `--side CLAIMANT=ID[:NAME]` mappings, checked. Claimants mapped to one side share its
/// name: one given by any of them names the side for all (two different names are refused).
fn side_map(given: &[String]) -> Result<Vec<claimreview::SideOf>, Failure> {
    let mut sides: Vec<claimreview::SideOf> = given
        .iter()
        .map(|s| {
            let shown = crate::text::clean(s).text;
            let Some((claimant, side)) = s
                .rsplit_once('=')
                .filter(|(claimant, _)| !claimant.trim().is_empty())
            else {
                return Err(Failure::Usage(format!(
                    "--side {shown}: write the claimant's name and a side id as CLAIMANT=ID, or CLAIMANT=ID:NAME to name the party (for example \"Narendra Modi=india:India\")"
                )));
            };
            let (id, name) = match side.split_once(':') {
                Some((id, name)) => (id.trim(), Some(name.trim())),
                None => (side.trim(), None),
            };
            if !is_id(id) {
                return Err(Failure::Usage(format!(
                    "--side {shown}: `{}` is not a side id; use {ID_RULE} (for example \"Narendra Modi=india\")",
                    crate::text::clean(id).text
                )));
            }
            if name.is_some_and(str::is_empty) {
                return Err(Failure::Usage(format!(
                    "--side {shown}: the party's name after `:` is empty; write CLAIMANT=ID:NAME, or leave `:` out to name the party by its id"
                )));
            }
            Ok(claimreview::SideOf {
                claimant: claimant.trim().to_owned(),
                id: id.to_owned(),
                name: name.map(str::to_owned),
            })
        })
        .collect::<Result<_, _>>()?;
    // A claimant put on two sides: which one is meant cannot be told.
    for (i, (side, flag)) in sides.iter().zip(given).enumerate() {
        if let Some((first, first_flag)) = sides
            .iter()
            .zip(given)
            .take(i)
            .find(|(s, _)| s.claimant.to_lowercase() == side.claimant.to_lowercase())
            && first.id != side.id
        {
            return Err(Failure::Usage(format!(
                "--side {}: the claimant is put on the side `{}` by --side {} already; give each claimant one side",
                crate::text::clean(flag).text,
                first.id,
                crate::text::clean(first_flag).text
            )));
        }
    }
    let mut names: Vec<(String, String, &String)> = Vec::new();
    for (side, flag) in sides.iter().zip(given) {
        let Some(name) = &side.name else { continue };
        match names.iter().find(|(id, _, _)| *id == side.id) {
            // The same name in another case is one name, as the rows' names are.
            Some((_, other, first)) if other.to_lowercase() != name.to_lowercase() => {
                return Err(Failure::Usage(format!(
                    "--side {}: the side `{}` is named `{}` by --side {}; give its name once, or the same name",
                    crate::text::clean(flag).text,
                    side.id,
                    crate::text::clean(other).text,
                    crate::text::clean(first).text
                )));
            }
            Some(_) => {}
            None => names.push((side.id.clone(), name.clone(), flag)),
        }
    }
    for side in &mut sides {
        if side.name.is_none() {
            side.name = names
                .iter()
                .find(|(id, _, _)| *id == side.id)
                .map(|(_, name, _)| name.clone());
        }
    }
    Ok(sides)
}

/// A ClaimReview file that is no JSON text to read, said as `import csv` says it: empty, a
/// workbook or compressed, UTF-16, or not UTF-8 (at the first byte that is not, and what most likely wrote it).
fn encoding_of(bytes: &[u8], name: &str) -> Result<(), Failure> {
    let failure = |at: String, why: &str, todo: &str| {
        Failure::Input(format!("{at}: {why}, so nothing was imported; {todo}"))
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(failure(
            name.to_owned(),
            "the file is empty",
            "a ClaimReview file holds a JSON object or a list of them",
        ));
    }
    if let Some(what) = crate::import::Packed::of(bytes) {
        let todo = match what {
            crate::import::Packed::Gzip => {
                "decompress it first (gunzip FILE) and import the JSON it gives"
            }
            crate::import::Packed::Zip => {
                "a workbook of claims imports with `parallax import csv`, saved as \"CSV UTF-8\" \
                 (a zip of ClaimReview files: unzip it first and import the JSON files it holds)"
            }
            crate::import::Packed::OldExcel => {
                "a workbook of claims imports with `parallax import csv`, saved as \"CSV UTF-8\""
            }
        };
        return Err(failure(
            name.to_owned(),
            &format!("this is {}, not JSON text", what.what()),
            todo,
        ));
    }
    if crate::text::is_utf16(bytes) {
        return Err(failure(
            name.to_owned(),
            "the file is UTF-16 text (Windows' \"Unicode\"), not UTF-8",
            "save it as UTF-8 and import that",
        ));
    }
    if let Some((line, column, byte)) = crate::text::not_utf8(bytes) {
        return Err(failure(
            format!("{name}:{line}:{column}"),
            &format!("the byte {byte:#04X} is not UTF-8 text (Windows-1252 most likely)"),
            "save the file as UTF-8 and import that",
        ));
    }
    Ok(())
}
