//! `parallax search`: the query pipeline's hits, best first, as plain lines or JSON. Like grep,
//! it exits 1 when nothing matches.

use super::{Failure, open_from, open_loaded, pair};
use crate::format::{ClaimAt, Dispute};
use crate::load;

/// Names a hit: its party, topic and claim ids.
type Place<'a> = dyn Fn(ClaimAt) -> (&'a str, &'a str, &'a str) + Sync + 'a;
use crate::cli::{FilterArgs, InputArgs, PairArgs};
use crate::compare::Comparison;
use crate::query::{self, Focused, Hit, Pattern, Query, Score, highlight};
use crate::text;
use rayon::prelude::*;
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write;
use std::ops::Deref;

/// How many chars of a field a plain line shows around the first match.
const SNIPPET_CHARS: usize = 100;

#[derive(Serialize)]
struct JsonHit<'a> {
    party: &'a str,
    topic: &'a str,
    /// The claim; for a topic-level hit, the first of the claims it stands for.
    claim: &'a str,
    /// For a hit in a point's question, the point (the claims it stands for are that point's).
    #[serde(skip_serializing_if = "Option::is_none")]
    point: Option<&'a str>,
    /// How many claims the hit stands for (more than 1 only for a topic-level hit).
    claims: usize,
    /// The rank, packed (higher first): `typos`, `apart` and `exact` in one number.
    score: u32,
    /// Typos the hit needed; more than 0: it matched only through a typo.
    typos: u8,
    /// How far apart the terms stood (in words; 64 for each found in another field).
    apart: u8,
    /// How many terms matched whole words exactly.
    exact: u8,
    field: &'a str,
    text: &'a str,
    /// Byte ranges of `text` to highlight, whole grapheme clusters.
    matches: Vec<[usize; 2]>,
}

/// How `search` prints, from its flags.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A JSON array instead of lines.
    pub json: bool,
    /// Each line carries its score.
    pub score: bool,
    /// The options given, as typed (`--left`, `democrat`), so a command suggested in place of
    /// the one given keeps them.
    pub typed_options: Vec<String>,
}

/// Prints the hits; returns whether there was any. `input.paths` are the paths, then the query.
pub fn search(
    mut input: InputArgs,
    pair_args: &PairArgs,
    filter_args: &FilterArgs,
    opts: Options,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<bool, Failure> {
    let query_os = input
        .paths
        .pop()
        .ok_or_else(|| Failure::Usage("give a query to search for".to_owned()))?;
    let query_text = query_os
        .to_str()
        .ok_or_else(|| Failure::Usage("the query is not valid UTF-8 text".to_owned()))?;
    if filter_args.query.is_some() {
        return Err(Failure::Usage(
            "`search` takes its query as the last argument, not --query".to_owned(),
        ));
    }
    // `parallax search PATH` with the query forgotten: the path would be searched for as text.
    // A side file is never a query (`parallax search a.json b.json c.json` searched b and c
    // for the text `c.json`); a folder is only when no argument before it names a dispute
    // already: `parallax search strike strike` searches the folder `strike` for the word.
    // A folder is taken for a dispute only when it holds JSON (`docs` or `cache` in the current
    // folder is still a word to search for).
    let dispute_path = |path: &std::path::Path| json_file(path) || dispute_folder(path);
    // Words before the query that name nothing on disk (`parallax search united states`): the
    // query's own words, given unquoted. Said, rather than read as missing files (exit 1).
    let (words, paths): (Vec<&std::path::PathBuf>, Vec<&std::path::PathBuf>) =
        input.paths.iter().partition(|p| looks_like_a_word(p));
    let words: Vec<String> = words
        .iter()
        .map(|p| text::clean(&p.to_string_lossy()).text)
        .collect();
    let shown_paths: Vec<String> = paths
        .iter()
        .map(|p| text::clean(&p.to_string_lossy()).text)
        .collect();
    let command = |query: &str| {
        let mut parts = vec!["parallax search".to_owned()];
        parts.extend(opts.typed_options.iter().map(|o| option_word(o)));
        parts.extend(shown_paths.iter().map(|p| text::shell_path(p)));
        parts.push(shell_query(query));
        parts.join(" ")
    };
    if input.paths.iter().any(|p| p.as_os_str().is_empty()) {
        // `parallax search "$DIR" words` with DIR unset.
        return Err(Failure::Usage(
            "an empty argument stands where a dispute's path goes (before the query): leave \
             it out to search the bundled dispute, or give the path"
                .to_owned(),
        ));
    }
    if !words.is_empty() && !json_file(&query_os) && !dispute_folder(&query_os) {
        let query = [words.join(" "), text::clean(query_text).text].join(" ");
        let first = words.first().map(String::as_str).unwrap_or_default();
        return Err(Failure::Usage(format!(
            "`{first}` is not a file or folder here. To search for several words, quote them \
             together: {}; if `{first}` is a dispute, check its path",
            command(&query)
        )));
    }
    if !words.is_empty() && paths.is_empty() && dispute_path(&query_os) {
        // `parallax search ceasefire liar`: the dispute named after the query.
        let shown = text::clean(query_text).text;
        let options: String = opts
            .typed_options
            .iter()
            .map(|o| format!("{} ", option_word(o)))
            .collect();
        return Err(Failure::Usage(format!(
            "`{shown}` is a dispute path, not a query, and `{}` is not a file or folder here: \
             name the dispute first, then the query: parallax search {options}{} {}",
            words.first().map(String::as_str).unwrap_or_default(),
            shell_words::quote(&shown),
            shell_query(&words.join(" "))
        )));
    }
    if json_file(&query_os)
        || (dispute_folder(&query_os) && !input.paths.iter().any(|p| dispute_path(p)))
    {
        let shown = text::clean(query_text).text;
        // Every path given, so the command suggested runs as it is.
        let all: Vec<String> = input
            .paths
            .iter()
            .map(|p| text::clean(&p.to_string_lossy()).text)
            .chain([shown.clone()])
            .map(|p| text::shell_path(&p))
            .collect();
        return Err(Failure::Usage(format!(
            "`{shown}` is a dispute path, not a query: give what to search for after it \
             (parallax search {} QUERY); to search for this text itself, quote it as an \
             exact term: parallax search {}",
            all.join(" "),
            shell_query(&format!("'{shown}"))
        )));
    }
    // A dispute's path mistyped as the only argument (`liar/nope.json`): said, not searched
    // for as text in the bundled dispute, with an exit of 1 that a script takes for "no hits".
    // After a dispute's path, such text is a query (`./democrat` found 649 of LIAR's claims).
    // So is a file of another kind named alone (`parallax search notes.txt`, `c.bash`), which
    // searched the bundled dispute for its name and found nothing. A folder holding no JSON is
    // still a word (see `dispute_folder`).
    if input.paths.is_empty() {
        let shown = text::clean(query_text).text;
        let said = if missing_path(&query_os) {
            format!(
                "`{shown}` looks like a path, and no such file or folder is here: check it, and"
            )
        } else if std::fs::metadata(&query_os).is_ok_and(|m| !m.is_dir()) {
            format!(
                "`{shown}` is a file here, not a dispute (side files and manifests are .json \
                 files), and no query follows it:"
            )
        } else {
            String::new()
        };
        if !said.is_empty() {
            return Err(Failure::Usage(format!(
                "{said} give what to search for after the dispute (parallax search DISPUTE \
                 QUERY); to search for this text itself, quote it as an exact term: parallax \
                 search {}",
                shell_query(&format!("'{shown}"))
            )));
        }
    }
    // fzf's OR: not a search of ours. Said, rather than searched for as text with every other
    // term required (which found nothing, or a phrase, without a word).
    if query::pattern::has_or_bar(query_text) {
        let words: Vec<&str> = query_text.split_whitespace().collect();
        let alternatives: Vec<String> = words
            .split(|t| *t == "|")
            .map(|alt| text::clean(&alt.join(" ")).text)
            .collect();
        let what = if alternatives.iter().any(|a| a.is_empty() || a.contains('"')) {
            // Nothing on one side of a bar, or quotes a suggestion would break: no suggestion.
            "Search for each alternative on its own; to find a bar as text, quote it: '|".to_owned()
        } else {
            format!(
                "Search for each alternative on its own: {}",
                alternatives
                    .iter()
                    .map(|a| command(a))
                    .collect::<Vec<_>>()
                    .join(", then ")
            )
        };
        return Err(Failure::Usage(format!("{}. {what}", query::hints::OR_BAR)));
    }
    let input = &input;
    if query_text.is_empty() {
        // A script's unset variable (`parallax search "$Q"`).
        return Err(Failure::Usage(
            "the query is empty: give the words to search for, last".to_owned(),
        ));
    }
    if query::pattern::parse(query_text).is_empty() {
        return Err(Failure::Usage(format!(
            "the query `{}` holds no term to search for",
            text::quote(query_text)
        )));
    }
    super::note_bundled(&input.paths, err)?;
    let one_comparison = pair_args.left.is_some()
        || pair_args.right.is_some()
        || filter_args.one_sided
        || filter_args.both_sides
        || filter_args.common_ground
        || filter_args.no_common_ground;
    let plain = !one_comparison && !input.paths.is_empty() && filter_args.filter().is_empty();
    // One side file named on its own is searched as a dispute of one side: a search compares
    // nothing, unless a pair or a filter of rows asks for a comparison.
    let alone = !one_comparison && load::one_side_file(&input.paths);
    // A plain search reads the files first and rules out a query that none of them can hold,
    // before paying for a load (see `query::prefilter`).
    let gathered = plain.then(|| {
        let g = load::gather_at_once(&input.paths, input.read.max_file_size);
        if alone { g.alone() } else { g }
    });
    // `None` too when a file was refused (over --max-file-size, not a regular file): then the
    // pre-check does not answer, and the load reports the refusal.
    let bytes = gathered.as_ref().and_then(load::Gathered::bytes);
    // A speaker's name or a tag in a field prefix is looked up in the dispute: it is loaded.
    let speaker = query::hints::asks_the_dispute(query_text);
    if let Some(bytes) = &bytes
        && !speaker
        && !query::prefilter::may_match(&query::pattern::parse(query_text), bytes)
    {
        let pattern = Pattern::new(query_text, filter_args.matcher);
        let none = |_| ("", "", "");
        report::<&str>(
            None,
            &none,
            &pattern,
            &[],
            &[],
            query_text,
            opts.json,
            opts.score,
            out,
            err,
        )?;
        writeln!(
            err,
            "parallax: no file holds it, so the files were not checked for problems (`{}` \
             checks them)",
            crate::load::validate_command(&input.paths)
        )?;
        return Ok(false);
    }
    drop(bytes);
    let (dispute, _, _) = match &gathered {
        Some(g) => open_from(on_its_own(g.load(), alone), &input.paths, err)?,
        None if alone => {
            let g = load::gather(&input.paths, input.read.max_file_size).alone();
            open_from(on_its_own(g.into_loaded(), true), &input.paths, err)?
        }
        None => open_loaded(input, err)?,
    };
    // The dispute owns its text: the files' bytes can go before the search allocates its own.
    // Until the hits are ranked, what is freed goes back to the OS at once (see
    // `parallax_alloc`): the bytes were read on other threads, which would hand them back only
    // at their next allocation, under the ranking's own memory. The load before, and the
    // output after, which free and allocate again much, run with the default.
    let eager = parallax_alloc::PurgeAtFree::begin();
    drop(gathered);
    let place = |at| dispute.ids(at);
    // Hits with copied texts and hits with the dispute's own: `report` takes either.
    macro_rules! report {
        ($pattern:expr, $hits:expr, $labels:expr) => {
            report(
                Some(&dispute),
                &place,
                $pattern,
                $hits,
                $labels,
                query_text,
                opts.json,
                opts.score,
                out,
                err,
            )
        };
    }
    let found = if one_comparison {
        let (left, right) = pair(&dispute, pair_args)?;
        let cmp = Comparison::new(&dispute, left, right);
        let filter = super::filter(filter_args, &dispute, Some(&cmp))?;
        // A filter of rows compares two parties: when no one chose them, say which, as the
        // other parties' claims are not searched.
        let chose = pair_args.left.is_some() || pair_args.right.is_some();
        if !chose && dispute.sides.len() > 2 {
            let flag = [
                (filter_args.one_sided, "--one-sided"),
                (filter_args.both_sides, "--both-sides"),
                (filter_args.common_ground, "--common-ground"),
                (filter_args.no_common_ground, "--no-common-ground"),
            ]
            .into_iter()
            .find_map(|(on, flag)| on.then_some(flag))
            .unwrap_or("a filter of rows");
            let id = |i: usize| dispute.sides.get(i).map_or("", |s| s.party.id.as_str());
            writeln!(
                err,
                "parallax: searched {} ⟷ {} only: {flag} judges the rows of two parties \
                 (choose them with --left and --right)",
                id(left),
                id(right)
            )?;
        }
        let q = Query {
            filter,
            search: Some(query_text.to_owned()),
            // Only the ranked hits are printed: no narrowed comparison is needed.
            narrow: false,
        };
        let outcome = query::apply(&dispute, &cmp, &q, filter_args.matcher);
        let hits: Vec<Hit> = outcome.ranked().into_iter().map(|(h, _)| h).collect();
        drop(eager);
        let Some(pattern) = &outcome.pattern else {
            return Ok(false);
        };
        report!(pattern, &hits, &q.filter.describe())?
    } else {
        let filter = super::filter(filter_args, &dispute, None)?;
        let pattern = Pattern::new(query_text, filter_args.matcher);
        // Searched once: no index is built (see `query::oneshot`), and each hit's text is
        // the dispute's own string.
        let related = filter.related(&dispute);
        let hits = query::oneshot::rank(&pattern, &dispute, |at, c| {
            filter.keeps_claim(&dispute, &related, at, c)
        });
        drop(eager);
        let found = report!(&pattern, &hits, &filter.describe())?;
        std::mem::forget(hits);
        found
    };
    // `search` is a one-shot command and the process ends next: its hundreds of thousands of
    // allocations are left to the OS instead of being freed one by one (as rustc does with its
    // arenas). This is a measurable part of a search over a large dispute.
    std::mem::forget(dispute);
    Ok(found)
}

/// A side file searched on its own (`alone`): what says nothing about the file alone is not
/// counted among its warnings, as `validate` of the file leaves it out
/// ([`load::Report::set_aside_other_sides`]).
fn on_its_own(mut loaded: load::Loaded, alone: bool) -> load::Loaded {
    if alone {
        loaded.report.set_aside_other_sides();
    }
    loaded
}

/// A query that starts with `-` (`parallax search liar "-obama taxes"`), which the command line
/// reads as an option: what to say instead of clap's tip (`use '-- -o'`, its first letter only),
/// given the arguments after `parallax`, the options given to `search` as typed (with their
/// values; see [`Options::typed_options`]) and the option clap could not place (`-o`). None
/// unless the command is `search` and one argument after it starts with that option. The
/// command suggested runs as it is: the options first, then the paths, then the query after
/// `--`, with the words given unquoted after it (`search -x ceasefire`) as part of it, as
/// `search` takes words that name nothing on disk.
pub fn dash_query(args: &[String], invalid: &str, options: &[String]) -> Option<String> {
    let at = args.iter().position(|a| a == "search")?;
    if invalid.starts_with("--") || args.iter().take(at).any(|a| !a.starts_with('-')) {
        return None;
    }
    let (i, query) = args
        .iter()
        .enumerate()
        .skip(at + 1)
        .find(|(_, a)| a.starts_with(invalid) && !a.starts_with("--"))?;
    let shown = |a: &str| text::clean(&text::one_line(a)).text;
    // The arguments after `search` that are no option: paths, and the query's words.
    let mut options_left = options.iter().peekable();
    let mut kept = Vec::new();
    let mut paths = Vec::new();
    let mut words = Vec::new();
    for (j, a) in args.iter().enumerate().skip(at + 1) {
        if options_left.peek().is_some_and(|o| *o == a) {
            options_left.next();
            if j != i {
                kept.push(option_word(a));
                continue;
            }
        }
        if j == i || looks_like_a_word(std::path::Path::new(a)) {
            words.push(a.as_str());
        } else if a != "--" {
            paths.push(text::shell_path(&shown(a)));
        }
    }
    let joined = words.join(" ");
    let mut parts = vec!["parallax".to_owned()];
    parts.extend(args.iter().take(at + 1).map(|a| option_word(a)));
    parts.extend(kept);
    parts.extend(paths);
    parts.push(shell_query(&shown(&joined)));
    let how = if joined.starts_with('-') {
        "put `--` before it"
    } else {
        "quote it with the words before it"
    };
    let mut said = format!(
        "`{}` starts with `-`, so it was read as an option, and `parallax search` has no \
         option `{invalid}`; to search for it, {how}: {}",
        shown(query),
        parts.join(" ")
    );
    // A spaced `|` is refused once the query is given after `--`, with the reason.
    for hint in query::hints::all_but_or_bar(&joined, None) {
        said.push_str("\nparallax: ");
        said.push_str(&hint);
    }
    Some(said)
}

/// An option given (or its value) as one shell word: as typed when it holds nothing a shell
/// reads (`--as-of=2025`, `democrat`), else quoted.
fn option_word(option: &str) -> String {
    let shown = text::clean(&text::one_line(option)).text;
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_=.,:/@%+".contains(c);
    if !shown.is_empty() && shown.chars().all(plain) {
        shown
    } else {
        shell_words::quote(&shown).into_owned()
    }
}

/// A query as the last word of a command a message suggests: in double quotes, as a user
/// writes one, unless it holds what a shell reads inside them (`"`, `$`, `` ` ``, `\`, `!`):
/// then quoted as `shell_words` quotes (single quotes); after `--` when it starts with `-`,
/// which the command line would read as an option. So the command suggested runs as shown.
fn shell_query(s: &str) -> String {
    let quoted = if s.contains(['"', '$', '`', '\\', '!']) {
        shell_words::quote(s).into_owned()
    } else {
        format!("\"{s}\"")
    };
    if s.starts_with('-') {
        format!("-- {quoted}")
    } else {
        quoted
    }
}

/// True for an argument that names nothing on disk and does not look like a path (no folder
/// separator, no `.json`): a word of the query given unquoted, or a mistyped dispute name.
fn looks_like_a_word(path: &std::path::Path) -> bool {
    let s = path.to_string_lossy();
    !s.contains(std::path::MAIN_SEPARATOR)
        && !s.contains('/')
        && path.extension().is_none_or(|e| e != "json")
        && std::fs::symlink_metadata(path).is_err()
}

/// True for what reads as a path to a file or folder that is not there: a `.json` name, a
/// path from the root, the home or this folder (`/`, `~/`, `./`, `../`), or one inside a
/// folder that exists (`liar/nope`). `24/7` and `and/or` are words, and `'nope.json` a term.
fn missing_path(path: &std::path::Path) -> bool {
    let s = path.to_string_lossy();
    // A term with an operator (`'nope.json`), or words, is a query.
    if s.starts_with(['\'', '!', '^', '"']) || s.contains(char::is_whitespace) {
        return false;
    }
    let pathlike = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || ["/", "~/", "./", "../"].iter().any(|p| s.starts_with(p))
        || (s.contains('/')
            && path
                .parent()
                .is_some_and(|p| !p.as_os_str().is_empty() && p.is_dir()));
    pathlike && std::fs::symlink_metadata(path).is_err()
}

/// True for a `.json` file: a side file or a manifest, never a query.
fn json_file(path: &std::path::Path) -> bool {
    // The name first: it costs no look at the disk.
    path.extension().is_some_and(|e| e == "json") && path.is_file()
}

/// True for a folder that could be a dispute: one holding a `.json` file (its manifest or a
/// side file). Only its first thousand entries are looked at.
fn dispute_folder(path: &std::path::Path) -> bool {
    path.is_dir()
        && std::fs::read_dir(path)
            .is_ok_and(|entries| entries.take(1000).flatten().any(|e| json_file(&e.path())))
}

/// Prints the hits as lines or JSON, or says on stderr that nothing matched; returns whether
/// anything did.
#[allow(clippy::too_many_arguments)]
fn report<'a, T: Deref<Target = str> + Focused + Sync>(
    dispute: Option<&'a Dispute>,
    place: &Place<'a>,
    pattern: &Pattern,
    hits: &[Hit<T>],
    labels: &[String],
    query_text: &str,
    json: bool,
    score: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<bool, Failure> {
    if json {
        write_json(dispute, place, pattern, hits, out)?;
    } else {
        write_lines(place, pattern, hits, score, out)?;
    }
    // The hits are out before they are counted: a count of hits that could not be written
    // (`> /dev/full`) would be said beside the error.
    out.flush()?;
    if !hits.is_empty() {
        writeln!(err, "{}", summary(hits))?;
    }
    if hits.is_empty() {
        let with = if labels.is_empty() {
            String::new()
        } else {
            format!(" under the filters ({})", labels.join(" · "))
        };
        // `taxes|jobs`: a bar inside a term is text (a spaced bar was refused as fzf's OR).
        let bar = if query_text.contains('|') {
            "; a `|` is searched as text (fzf's OR is not supported: search for each alternative on its own)"
        } else {
            ""
        };
        // One line, whatever a label quotes (an outlet holding a line break).
        let line = format!("no claim matches `{}`{with}{bar}", text::quote(query_text));
        writeln!(err, "parallax: {}", text::inline(&line))?;
    }
    // Syntax of other search engines, which reads here as words to find.
    for hint in crate::query::hints::all(query_text, dispute) {
        writeln!(err, "parallax: {hint}")?;
    }
    Ok(!hits.is_empty())
}

/// The hits a worker builds the lines of into one string.
const BLOCK: usize = 1024;

/// The blocks built at once, on every core, and written before the next are built: enough to
/// keep both cores busy, few enough that the lines waiting to be written stay small.
const BATCH: usize = 4;

/// One line per hit: `party  topic  claim-id  field: snippet`, columns aligned, the score
/// (with `--score`) before the field. A topic-level hit names its first claim and says how many
/// claims it stands for: `framing (12 claims): …`.
fn write_lines<'a, T: Deref<Target = str> + Focused + Sync>(
    place: &Place<'a>,
    pattern: &Pattern,
    hits: &[Hit<T>],
    score: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    // The columns' widths, on every core (there may be 100,000 hits); each hit's ids are
    // found again as its line is built, not kept for every hit at once.
    let (pw, tw, cw) = hits
        .par_iter()
        .map(|h| {
            let (p, t, c) = place(h.claim);
            (text::width(p), text::width(t), text::width(c))
        })
        .reduce(
            || (0, 0, 0),
            |a, b| (a.0.max(b.0), a.1.max(b.1), a.2.max(b.2)),
        );
    let sw = if score {
        hits.iter()
            .map(|h| Score::of(h.score).to_string().len())
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    // Snippets cost a highlight each: build the lines on every core, a block of them into one
    // string, and write a batch of blocks in order before the next is built.
    for hits in hits.chunks(BATCH * BLOCK) {
        write_blocks(place, pattern, hits, [pw, tw, cw, sw], score, out)?;
    }
    Ok(())
}

/// Builds and writes the lines of [`write_lines`] for some of its hits: `widths` are the
/// columns' (party, topic, claim, score).
fn write_blocks<'a, T: Deref<Target = str> + Focused + Sync>(
    place: &Place<'a>,
    pattern: &Pattern,
    hits: &[Hit<T>],
    widths: [usize; 4],
    score: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let [pw, tw, cw, sw] = widths;
    let blocks: Vec<String> = hits
        .par_chunks(BLOCK)
        .map_init(
            || pattern.highlighter(),
            |highlighter, hits| {
                let mut block = String::new();
                for hit in hits {
                    let (party, topic, claim) = place(hit.claim);
                    // Plain lines show no highlight: the best match only places the window of a
                    // long field, and a field that fits whole needs none. The one-shot search
                    // knows the place already for a query of one term.
                    let first = if hit.text.len() > SNIPPET_CHARS {
                        hit.text
                            .focused()
                            .or_else(|| highlighter.focus(hit.field, &hit.text))
                            .unwrap_or(0)
                    } else {
                        0
                    };
                    // Ids are checked at load (FORMAT.md), so they are safe to print; padded
                    // by width.
                    for (id, w) in [(party, pw), (topic, tw), (claim, cw)] {
                        block.push_str(id);
                        block.extend(std::iter::repeat_n(' ', w - text::width(id).min(w) + 2));
                    }
                    if score {
                        let _ = write!(block, "{:<sw$}  ", Score::of(hit.score).to_string());
                    }
                    block.push_str(hit.field.as_str());
                    if hit.is_topic_level() {
                        let _ = write!(block, " ({})", claims_count(hit.claims));
                    }
                    block.push_str(": ");
                    block.push_str(&highlight::snippet_text(&hit.text, first, SNIPPET_CHARS));
                    block.push('\n');
                }
                block
            },
        )
        .collect();
    for block in blocks {
        out.write_all(block.as_bytes())?;
    }
    Ok(())
}

/// "1 claim", "12 claims".
fn claims_count(n: usize) -> String {
    if n == 1 {
        "1 claim".to_owned()
    } else {
        format!("{n} claims")
    }
}

/// The summary on stderr: how many claims matched through their own fields (and how many of
/// those only through a typo), and how many topic-level hits stand for claims found only
/// through their topic or point.
fn summary<T>(hits: &[Hit<T>]) -> String {
    let (topic, own): (Vec<&Hit<T>>, Vec<&Hit<T>>) = hits.iter().partition(|h| h.is_topic_level());
    let mut s = match own.len() {
        0 => "parallax: no claim matches through its own fields".to_owned(),
        1 => "parallax: 1 claim matches".to_owned(),
        n => format!("parallax: {n} claims match"),
    };
    let typos = own.iter().filter(|h| h.typos > 0).count();
    if typos > 0 {
        s.push_str(&format!(" ({typos} only through a typo)"));
    }
    if !topic.is_empty() {
        let folded: usize = topic.iter().map(|h| h.claims).sum();
        let n = topic.len();
        s.push_str(&format!(
            "; {n} topic-level hit{} (a topic's title or framing, a point's question) for \
             {folded}{} claim{}",
            if n == 1 { "" } else { "s" },
            if own.is_empty() { "" } else { " more" },
            if folded == 1 { "" } else { "s" }
        ));
    }
    s
}

fn write_json<'a, T: Deref<Target = str>>(
    dispute: Option<&'a Dispute>,
    place: &Place<'a>,
    pattern: &Pattern,
    hits: &[Hit<T>],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut highlighter = pattern.highlighter();
    let docs: Vec<JsonHit> = hits
        .iter()
        .map(|hit| {
            let (party, topic, claim) = place(hit.claim);
            let parts = Score::of(hit.score);
            let point = dispute
                .filter(|_| hit.field == query::Field::Question)
                .and_then(|d| d.claim(hit.claim)?.point.as_deref());
            JsonHit {
                party,
                topic,
                claim,
                point,
                claims: hit.claims,
                score: hit.score,
                typos: hit.typos,
                apart: parts.apart,
                exact: parts.exact,
                field: hit.field.as_str(),
                text: &hit.text,
                matches: highlighter
                    .field(hit.field, &hit.text)
                    .into_iter()
                    .map(|r| [r.start, r.end])
                    .collect(),
            }
        })
        .collect();
    crate::text::write_json(&mut *out, &docs).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}
