//! The command line, as clap parses it. Raw flags only: `crate::commands` turns them into checked
//! values (a loaded dispute, a pair of sides) before anything runs.

use crate::format::{Date, Rating, RelationKind, SourceKind};
use crate::query::{AnsweredBy, CommonGround, Filter, MatcherKind};
use clap::{Args, Parser, Subcommand, ValueHint};
use std::path::PathBuf;

/// Compare two parties' competing narratives side by side.
#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    // Usage lines say `parallax` whatever the binary was called or copied as (`./base`).
    bin_name = "parallax",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; with none, open the comparison in the terminal UI.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the terminal UI.
    #[command(flatten)]
    pub open: OpenArgs,
}

/// Where the dispute comes from.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// A dispute folder, its dispute.json, or two or more side files. With none, the dispute
    /// bundled in the program (India and Pakistan, 2025).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How much of the disk the loader may read.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Refuse any input file larger than this (bytes, or with a unit: 500K, 64M, 2G; binary
    /// units).
    #[arg(long, value_name = "SIZE", default_value = "1G", value_parser = parse_size, value_hint = ValueHint::Other)]
    pub max_file_size: u64,
}

impl Default for ReadArgs {
    fn default() -> Self {
        ReadArgs {
            max_file_size: crate::load::DEFAULT_MAX_FILE,
        }
    }
}

/// Which two sides are compared.
#[derive(Debug, Clone, Default, Args)]
pub struct PairArgs {
    /// The party shown on the left (a party id; default: the first side).
    #[arg(long, value_name = "ID", value_hint = ValueHint::Other, value_parser = id_arg)]
    pub left: Option<String>,
    /// The party shown on the right (a party id; default: the next side).
    #[arg(long, value_name = "ID", value_hint = ValueHint::Other, value_parser = id_arg)]
    pub right: Option<String>,
}

/// Options of the terminal UI.
#[derive(Debug, Clone, Args)]
pub struct OpenArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub pair: PairArgs,
    /// Do not capture the mouse, so the terminal's own text selection works.
    #[arg(long)]
    pub no_mouse: bool,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files against the format and report every error and warning.
    Validate {
        #[command(flatten)]
        input: InputArgs,
        /// Treat warnings as failures (exit 1).
        #[arg(long)]
        strict: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the topics with claims per side, rows answered by both sides or one, and rows of
    /// common ground.
    Topics {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        pair: PairArgs,
        /// Print instead the claims of every side by assessment rating, and by who made the
        /// assessments (every side: not with --left or --right).
        #[arg(long, conflicts_with_all = ["left", "right"])]
        ratings: bool,
        /// Count only what had been said by this date (YYYY, YYYY-MM or YYYY-MM-DD; a month
        /// counts to its end); undated claims are kept. Not with --ratings.
        #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "ratings", value_hint = ValueHint::Other)]
        as_of: Option<Date>,
        /// Print the topics as JSON: ids, titles and counts. Not with --ratings.
        #[arg(long, conflicts_with = "ratings")]
        json: bool,
        /// Total width of the table in columns, 40 to 1000 (default: the terminal's; piped,
        /// $COLUMNS, else 100): long titles and party names are cut with `…` to fit; ids and counts
        /// are never cut, so a narrow table can come out wider. Not with --ratings, whose
        /// tables keep every name whole.
        #[arg(long, value_name = "N", value_hint = ValueHint::Other, conflicts_with = "ratings", value_parser = parse_width)]
        width: Option<usize>,
    },
    /// Print the comparison as plain text, two columns side by side.
    Show {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        pair: PairArgs,
        /// Total width in columns, 40 to 1000 (default: the terminal's; piped, $COLUMNS, else
        /// 100).
        #[arg(long, value_name = "N", value_hint = ValueHint::Other, value_parser = parse_width)]
        width: Option<usize>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Search every claim; print the hits best first, one per line (exit 1 when none).
    ///
    /// Terms separated by spaces must all match. A plain word matches the start of a word, or
    /// within a typo or two; `"a phrase"` the words in sequence; `'word` a substring; `^word` a
    /// field that starts with it, `word$` one that ends with it; `!word` must not match; an
    /// upper-case letter makes a term case-sensitive. Searches the claims of every side unless --left/--right or a row filter
    /// (--one-sided, --both-sides, --common-ground, --no-common-ground) picks one comparison.
    #[command(
        override_usage = "parallax search [OPTIONS] [PATH]... <QUERY>",
        mut_arg("query", |a| a.hide(true))
    )]
    Search {
        /// The dispute (a folder, its dispute.json, or side files; none: the bundled dispute),
        /// then what to search for, last.
        // Read as given, an empty one too: an empty query (a script's unset variable) is
        // said to hold no term, as a blank one is, not "a value is required".
        #[arg(
            value_name = "PATH... QUERY",
            required = true,
            num_args = 1..,
            value_parser = clap::builder::TypedValueParser::map(
                clap::builder::OsStringValueParser::new(),
                PathBuf::from
            )
        )]
        args: Vec<PathBuf>,
        #[command(flatten)]
        pair: PairArgs,
        #[command(flatten)]
        filter: FilterArgs,
        /// Print the hits as a JSON array.
        #[arg(long)]
        json: bool,
        /// Print how each hit ranked before its field: typos, words apart, whole words.
        #[arg(long)]
        score: bool,
        /// Accepted and ignored, for scripts written when parallax kept a search cache: every
        /// search reads the files.
        #[arg(long, hide = true)]
        no_cache: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Suggest matches between claims nobody linked: for each left claim without a counterpart,
    /// the right claims or point rows that answer it, best first, with reasons (exit 1 when
    /// none).
    ///
    /// Dismissed suggestions (kept in .parallax-dismissed.json beside the dispute) are left out.
    Match {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        pair: PairArgs,
        /// Only the suggestions one of whose claims the filters keep (`--topic`, `--query`…).
        #[command(flatten)]
        filter: FilterArgs,
        /// Only suggestions scoring at least this (0 to 1; below 0.1 they share little).
        #[arg(long, value_name = "S", default_value_t = 0.1, value_hint = ValueHint::Other, allow_negative_numbers = true, value_parser = parse_score)]
        min_score: f32,
        /// At most this many suggestions for each left claim.
        #[arg(long, value_name = "K", default_value_t = 3, value_hint = ValueHint::Other, value_parser = parse_count)]
        limit: usize,
        /// Print the suggestions as JSON: {"suggestions": [...]}, each with both claims' texts.
        #[arg(long)]
        json: bool,
        /// Under each suggestion, the two claims' texts (one line each, cut at 160 chars), to
        /// judge it without looking the ids up.
        #[arg(long)]
        texts: bool,
        /// Every suggestion by score, best first, rather than grouped by left claim in the
        /// dispute's order: the strongest to review first.
        #[arg(long)]
        best_first: bool,
    },
    /// Give two claims of different parties a common point, as accepting a suggestion does: the
    /// point one of them has, or a new one whose question goes into the manifest (created
    /// beside side files that have none).
    #[command(override_usage = "parallax link [OPTIONS] <LEFT_ID> <RIGHT_ID> [PATH]...")]
    Link {
        /// The left claim's id.
        #[arg(value_name = "LEFT_ID", value_hint = ValueHint::Other)]
        left: String,
        /// The right claim's id.
        #[arg(value_name = "RIGHT_ID", value_hint = ValueHint::Other)]
        right: String,
        /// The question of a new point (default: a neutral question to edit later).
        #[arg(long, value_name = "Q", value_hint = ValueHint::Other)]
        question: Option<String>,
        /// Write nothing: say what would be linked and show each file's change as a diff.
        #[arg(long)]
        dry_run: bool,
        /// The dispute folder, its dispute.json, or its side files.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Dismiss a suggested match, so neither `match` nor the screen suggests it again: it is
    /// kept in .parallax-dismissed.json beside the dispute, as `x` on the screen keeps it.
    #[command(override_usage = "parallax dismiss [OPTIONS] <LEFT_ID> <RIGHT_ID> [PATH]...")]
    Dismiss {
        /// The left claim's id.
        #[arg(value_name = "LEFT_ID", value_hint = ValueHint::Other)]
        left: String,
        /// The right claim's id.
        #[arg(value_name = "RIGHT_ID", value_hint = ValueHint::Other)]
        right: String,
        /// Dismiss joining the right claim's point row (a suggestion `match` prints with
        /// `[point P]`) rather than the pair.
        #[arg(long)]
        row: bool,
        /// Write nothing: say what would be dismissed and show the file's change as a diff.
        #[arg(long)]
        dry_run: bool,
        /// Take the dismissal back: out of .parallax-dismissed.json, so the pair can be
        /// suggested again.
        #[arg(long)]
        undo: bool,
        /// The dispute folder, its dispute.json, or its side files.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Export the comparison to Markdown, CSV, JSON or a self-contained HTML page.
    Export(ExportArgs),
    /// Count each side's claims per day (per week, month or year over a long span), with assessment
    /// dates.
    Timeline(TimelineArgs),
    /// Start a dispute: write a folder with a manifest and one empty side file per party.
    New(NewArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    ///
    /// bash: `source <(parallax completions bash)`; zsh: `parallax completions zsh >
    /// ~/.zfunc/_parallax`; fish: `parallax completions fish > ~/.config/fish/completions/parallax.fish`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `parallax man > parallax.1`, or `parallax man | man -l -`;
    /// with --dir, write it and a page per command (parallax-show.1, …) into a folder.
    Man {
        /// Write parallax.1 and one page per command (the pages parallax.1 refers to) into
        /// this folder, for example ~/.local/share/man/man1.
        #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
        dir: Option<std::path::PathBuf>,
        /// Replace pages already in the folder (only regular files are ever replaced).
        #[arg(long, requires = "dir")]
        force: bool,
    },
    /// Check the config file, print its path, or print a commented default one.
    Config {
        /// Print a commented default config file.
        #[arg(long, conflicts_with = "path")]
        default: bool,
        /// Print where the config file is read from.
        #[arg(long)]
        path: bool,
    },
    /// Import claims into a new dispute folder: from a spreadsheet (CSV) or fact-checks
    /// (ClaimReview JSON-LD).
    #[command(subcommand)]
    Import(ImportCommand),
}

/// What `parallax import` reads.
#[derive(Debug, Clone, Subcommand)]
pub enum ImportCommand {
    /// One claim per row; a header row names the columns (side, topic, text, …), in any order.
    ///
    /// The columns side, topic and text are required; the others (speaker, date, rating,
    /// source_url, …: the README lists them all) are optional.
    Csv(ImportArgs),
    /// schema.org ClaimReview JSON-LD (one review, a list, an @graph; or a fact-check page saved
    /// as HTML, which holds it), or the JSON of the Google Fact Check Tools API (`claims[]`).
    #[command(name = "claimreview")]
    ClaimReview {
        #[command(flatten)]
        args: ImportArgs,
        /// The side of a claimant, as CLAIMANT=ID (its party named by the id in words), or
        /// CLAIMANT=ID:NAME (repeat for more); other claimants get a side of their own, named
        /// after them.
        #[arg(long = "side", value_name = "CLAIMANT=ID[:NAME]", value_hint = ValueHint::Other)]
        sides: Vec<String>,
        /// The topic the claims go in.
        #[arg(long, value_name = "ID", default_value = "fact-checks", value_hint = ValueHint::Other)]
        topic: String,
    },
}

/// Options every import shares.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The files to read.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// The folder to write the dispute to (it may exist; no file in it is replaced); its name is the dispute's id
    /// unless --id.
    #[arg(long, short = 'o', visible_alias = "output", value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub out: PathBuf,
    /// The dispute's title (default: for `import csv`, the title of the table's `dispute`
    /// record, if it has one; else its id).
    #[arg(long, value_name = "TITLE", value_hint = ValueHint::Other)]
    pub title: Option<String>,
    /// The dispute's id (default: for `import csv`, the id of the table's `dispute` record, if
    /// it has one; else made from the folder's name).
    #[arg(long, value_name = "ID", value_hint = ValueHint::Other)]
    pub id: Option<String>,
    /// Write nothing, and exit 1, when any record has a problem (a value left out, a row not
    /// used): for a pipeline that must not lose data quietly.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Options of `parallax new`.
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The folder to create (it may exist; no file in it is replaced); its name is the dispute's id unless --id.
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: PathBuf,
    /// The dispute's neutral title.
    #[arg(long, value_name = "TITLE", value_hint = ValueHint::Other)]
    pub title: String,
    /// A party, as its id and name (`india:India`); two or more, left to right.
    #[arg(long = "side", value_name = "ID:NAME", required = true, value_hint = ValueHint::Other)]
    pub sides: Vec<String>,
    /// The dispute's id (default: made from the folder's name).
    #[arg(long, value_name = "ID", value_hint = ValueHint::Other)]
    pub id: Option<String>,
}

/// What `parallax export` writes: a comparison in one of the comparison formats, or every
/// claim of the dispute in a claims format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The comparison as GitHub-flavoured Markdown.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// The comparison as CSV, one record per claim pairing of a row.
    Csv,
    /// The comparison as JSON (`parallax-export/1`).
    Json,
    /// The comparison as one self-contained HTML page.
    Html,
    /// Every claim of every side as the claims table that `parallax import csv` reads.
    ClaimsCsv,
    /// One schema.org ClaimReview (JSON-LD) per assessed claim.
    #[value(name = "claimreview")]
    ClaimReview,
}

impl ExportFormat {
    /// The name `--format` takes for it.
    pub fn name(self) -> String {
        clap::ValueEnum::to_possible_value(&self)
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }

    /// The comparison format, for the four that export a comparison.
    pub fn comparison(self) -> Option<crate::export::Format> {
        use crate::export::Format;
        match self {
            ExportFormat::Markdown => Some(Format::Markdown),
            ExportFormat::Csv => Some(Format::Csv),
            ExportFormat::Json => Some(Format::Json),
            ExportFormat::Html => Some(Format::Html),
            ExportFormat::ClaimsCsv | ExportFormat::ClaimReview => None,
        }
    }

    /// The kind of file it writes, as a file name's extension tells it (claims CSV is CSV,
    /// ClaimReview is JSON).
    pub fn file_kind(self) -> crate::export::Format {
        use crate::export::Format;
        match self {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Csv | ExportFormat::ClaimsCsv => Format::Csv,
            ExportFormat::Json | ExportFormat::ClaimReview => Format::Json,
            ExportFormat::Html => Format::Html,
        }
    }

    /// The format a comparison format names.
    pub fn from_comparison(f: crate::export::Format) -> ExportFormat {
        use crate::export::Format;
        match f {
            Format::Markdown => ExportFormat::Markdown,
            Format::Csv => ExportFormat::Csv,
            Format::Json => ExportFormat::Json,
            Format::Html => ExportFormat::Html,
        }
    }

    /// The format a file's name says, if any: its extension, and for the claims formats the
    /// name an export into a folder gives them (`india-pakistan-2025-claims.csv`,
    /// `…-claimreview.json`; `claims.csv` or `x_claims.csv` too).
    pub fn from_path(path: &std::path::Path) -> Option<ExportFormat> {
        let kind = crate::export::Format::from_path(path)?;
        let stem = path.file_stem()?.to_str()?.to_ascii_lowercase();
        let named = |what: &str| {
            stem.strip_suffix(what)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(['-', '_', '.', ' ']))
        };
        Some(match kind {
            crate::export::Format::Csv if named("claims") => ExportFormat::ClaimsCsv,
            crate::export::Format::Json if named("claimreview") => ExportFormat::ClaimReview,
            _ => ExportFormat::from_comparison(kind),
        })
    }
}

/// Options of `parallax timeline`.
#[derive(Debug, Clone, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub pair: PairArgs,
    /// Count one topic only (a topic id, or its whole title in any case).
    #[arg(long, value_name = "ID", value_hint = ValueHint::Other)]
    pub topic: Option<String>,
    /// Count only what had been said, and the assessments made, by this date (YYYY, YYYY-MM
    /// or YYYY-MM-DD; a month counts to its end).
    #[arg(long, value_name = "DATE", value_parser = parse_date, value_hint = ValueHint::Other)]
    pub as_of: Option<Date>,
    /// Print the counts as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Options of `parallax export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub pair: PairArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// The format (default: from the output file's extension).
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    /// With --format claimreview: the http(s) page the reviews are published on; a review
    /// whose assessment cites no web page gets this page's address with `#CLAIM-ID`.
    #[arg(long, value_name = "URL", value_parser = parse_page)]
    pub review_url: Option<String>,
    /// The file to write; `-` or none for standard output.
    #[arg(long, short = 'o', visible_alias = "out", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Begin a CSV with a byte order mark, so Excel reads it as UTF-8 (without one it reads
    /// accents and non-Latin text as its ANSI code page). CSV formats only.
    #[arg(long)]
    pub bom: bool,
}

/// Filters and search, shared by every command that shows claims. Repeated flags, or values
/// separated by commas, are alternatives; different flags must all hold.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Keep the claims of these parties (party ids).
    #[arg(long = "party", value_name = "ID", value_delimiter = ',', value_hint = ValueHint::Other, value_parser = id_arg)]
    pub parties: Vec<String>,
    /// Keep these topics (topic ids).
    #[arg(long = "topic", value_name = "ID", value_delimiter = ',', value_hint = ValueHint::Other)]
    pub topics: Vec<String>,
    /// Keep claims made by this speaker (the whole name, any case; repeat for more).
    #[arg(long = "speaker", value_name = "NAME", value_hint = ValueHint::Other)]
    pub speakers: Vec<String>,
    /// Keep claims citing this outlet (its whole name, any case; repeat for more).
    #[arg(long = "source", value_name = "OUTLET", value_hint = ValueHint::Other)]
    pub sources: Vec<String>,
    /// Keep claims citing a source of this kind: official, news, opinion, fact-check, social,
    /// academic, other.
    #[arg(long = "kind", value_name = "KIND", value_delimiter = ',', value_parser = Choices::new(kind_names, parse_kind), hide_possible_values = true)]
    pub kinds: Vec<SourceKind>,
    /// Keep claims citing a source affiliated with this party id, or `independent`.
    #[arg(long = "affiliation", value_name = "ID", value_delimiter = ',', value_hint = ValueHint::Other, value_parser = id_arg)]
    pub affiliations: Vec<String>,
    /// Keep claims with this tag.
    #[arg(long = "tag", value_name = "TAG", value_delimiter = ',', value_hint = ValueHint::Other)]
    pub tags: Vec<String>,
    /// Keep claims assessed with this rating: unverified, corroborated, disputed, refuted,
    /// retracted, or `none` for claims without an assessment.
    #[arg(long = "rating", value_name = "RATING", value_delimiter = ',', value_parser = Choices::new(rating_names, parse_rating), hide_possible_values = true)]
    pub ratings: Vec<RatingChoice>,
    /// Keep claims whose date reaches this date or later (YYYY, YYYY-MM or YYYY-MM-DD; a claim
    /// dated `2025` reaches every day of 2025); undated claims are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date, value_hint = ValueHint::Other)]
    pub since: Option<Date>,
    /// Keep claims whose date reaches this date or earlier (YYYY, YYYY-MM or YYYY-MM-DD; a
    /// claim dated `2025` reaches 2025-01-01); undated claims are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date, value_hint = ValueHint::Other)]
    pub until: Option<Date>,
    /// Keep rows that only one of the two sides answers.
    #[arg(long, conflicts_with = "both_sides")]
    pub one_sided: bool,
    /// Keep rows that both sides answer.
    #[arg(long)]
    pub both_sides: bool,
    /// Keep claims that cite no source (with --untrusted or --weak-sources: claims with
    /// either mark).
    #[arg(long)]
    pub unsourced: bool,
    /// Keep claims whose text held control, bidirectional or invisible characters (with
    /// --unsourced or --weak-sources: claims with either mark).
    #[arg(long)]
    pub untrusted: bool,
    /// Keep claims resting only on sources rated low or partisan (a source's `reliability`;
    /// with --unsourced or --untrusted: claims with either mark).
    #[arg(long)]
    pub weak_sources: bool,
    /// Keep claims that relate to another party's claim this way: contradicts (`rebuts`
    /// counts), reframes, concedes, agrees.
    #[arg(long = "relation", value_name = "KIND", value_delimiter = ',', value_parser = Choices::new(relation_names, parse_relation), hide_possible_values = true)]
    pub relations: Vec<RelationKind>,
    /// Keep only the rows where the two sides agree (common ground).
    #[arg(long, conflicts_with = "no_common_ground")]
    pub common_ground: bool,
    /// Hide the rows where the two sides agree.
    #[arg(long)]
    pub no_common_ground: bool,
    /// Show only what had been said by this date (YYYY, YYYY-MM or YYYY-MM-DD; a month counts
    /// to its end); undated claims are kept and marked undated, an assessment made later is
    /// left out and marked, a source published later is marked.
    #[arg(long, value_name = "DATE", value_parser = parse_date, value_hint = ValueHint::Other)]
    pub as_of: Option<Date>,
    /// Search the claims and keep only rows with a hit (same syntax as `parallax search`).
    #[arg(long, value_name = "QUERY", value_hint = ValueHint::Other, allow_hyphen_values = true)]
    pub query: Option<String>,
    /// The fuzzy matcher: nucleo or skim.
    #[arg(long, value_name = "NAME", default_value = "nucleo", value_parser = Choices::new(matcher_names, parse_matcher), hide_possible_values = true)]
    pub matcher: MatcherKind,
}

/// A `--rating` value: a rating, or `none` for "no assessment".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingChoice(pub Option<Rating>);

impl FilterArgs {
    /// The filter these flags ask for (party and topic ids are checked later, against the
    /// loaded dispute).
    pub fn filter(&self) -> Filter {
        Filter {
            parties: self.parties.clone(),
            topics: self.topics.clone(),
            speakers: self.speakers.clone(),
            outlets: self.sources.clone(),
            kinds: self.kinds.clone(),
            affiliations: self.affiliations.clone(),
            tags: self.tags.clone(),
            ratings: self.ratings.iter().map(|r| r.0).collect(),
            since: self.since,
            until: self.until,
            answered: match (self.both_sides, self.one_sided) {
                (true, _) => Some(AnsweredBy::Both),
                (false, true) => Some(AnsweredBy::OneSided),
                (false, false) => None,
            },
            unsourced: self.unsourced,
            untrusted: self.untrusted,
            weak_sources: self.weak_sources,
            relations: self.relations.clone(),
            common: match (self.common_ground, self.no_common_ground) {
                (true, _) => Some(CommonGround::Only),
                (false, true) => Some(CommonGround::Hide),
                (false, false) => None,
            },
            as_of: self.as_of,
        }
    }
}

/// A value parser for an option with a fixed set of values: `parse` reads a value (with its
/// own aliases and error message), `names` lists the values for shell completion. It lives here
/// so the core types (`Rating`, `SourceKind`, …) need no clap trait.
#[derive(Clone)]
struct Choices<T> {
    names: fn() -> Vec<&'static str>,
    parse: fn(&str) -> Result<T, String>,
}

impl<T> Choices<T> {
    fn new(names: fn() -> Vec<&'static str>, parse: fn(&str) -> Result<T, String>) -> Self {
        Choices { names, parse }
    }
}

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for Choices<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        // A plain function's parser: the same message as before, naming the option.
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.names)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

fn kind_names() -> Vec<&'static str> {
    SourceKind::ALL.iter().map(|k| k.as_str()).collect()
}

fn rating_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Rating::ALL.iter().map(|r| r.as_str()).collect();
    names.push("none");
    names
}

fn relation_names() -> Vec<&'static str> {
    RelationKind::ALL.iter().map(|k| k.as_str()).collect()
}

fn matcher_names() -> Vec<&'static str> {
    MatcherKind::ALL.iter().map(|m| m.as_str()).collect()
}

fn parse_kind(s: &str) -> Result<SourceKind, String> {
    SourceKind::parse(&s.to_ascii_lowercase()).ok_or_else(|| {
        let all: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind; choose one of: {}", all.join(", "))
    })
}

fn parse_relation(s: &str) -> Result<RelationKind, String> {
    let s = s.to_ascii_lowercase();
    // `rebuts`, the format's own link, counts as contradicts, as the help says.
    let s = if s == "rebuts" { "contradicts" } else { &s };
    RelationKind::parse(s).ok_or_else(|| {
        let all: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown relation; choose one of: {}", all.join(", "))
    })
}

fn parse_rating(s: &str) -> Result<RatingChoice, String> {
    let s = s.to_ascii_lowercase();
    if s == "none" {
        return Ok(RatingChoice(None));
    }
    Rating::parse(&s)
        .map(|r| RatingChoice(Some(r)))
        .ok_or_else(|| {
            let all: Vec<&str> = Rating::ALL.iter().map(|r| r.as_str()).collect();
            format!("unknown rating; choose one of: {}, none", all.join(", "))
        })
}

/// A party, topic or affiliation id as given: ids are lower case in every file (the format's
/// rule), so `--party India` can only mean `india`.
fn id_arg(s: &str) -> Result<String, String> {
    Ok(s.to_ascii_lowercase())
}

fn parse_date(s: &str) -> Result<Date, String> {
    // Each message says what is wrong: the forms, or why the day is no day of the calendar.
    s.parse::<Date>().map_err(|e| e.to_string())
}

/// A size in bytes: a number, optionally followed by K, M, G or T (powers of 1024; `KiB`, `MB`
/// and lower case are read the same).
/// A count (columns, suggestions): a whole number, said so in words rather than in Rust's.
fn parse_count(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let t = t.strip_prefix('+').unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err("expected a whole number, such as 100".to_owned());
    }
    t.parse::<usize>()
        .map_err(|_| format!("expected a whole number up to {}", usize::MAX))
}

/// A width in columns: a whole number; one too large to count is said too wide, with the
/// range, as a number within counting is by `show` and `topics` (it said "up to
/// 18446744073709551615").
fn parse_width(s: &str) -> Result<usize, String> {
    let t = s.trim().trim_start_matches('+');
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) && t.parse::<usize>().is_err() {
        return Err(format!(
            "too wide; give a width from {} to {} columns",
            crate::plain::MIN_WIDTH,
            crate::plain::MAX_WIDTH
        ));
    }
    parse_count(s)
}

/// A score: a decimal number (`0.2`), said so in words rather than in Rust's.
fn parse_score(s: &str) -> Result<f32, String> {
    s.trim()
        .parse::<f32>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| "expected a number from 0 to 1, such as 0.2".to_owned())
}

fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let shift = match unit
        .trim()
        .to_ascii_lowercase()
        .trim_end_matches(['b', 'i'])
    {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        "t" => 40,
        _ => {
            return Err(format!(
                "`{s}` is not a size; write bytes, or a number with K, M, G or T"
            ));
        }
    };
    let not_a_size = || format!("`{s}` is not a size; write bytes, or a number with K, M, G or T");
    // Digits too many to count are a size too large, not a typo.
    let too_large = || {
        format!(
            "`{s}` is too large a size to count; no file is that large (1T is more than enough)"
        )
    };
    match number.parse::<u64>() {
        Ok(n) => n.checked_mul(1u64 << shift).ok_or_else(too_large),
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => Err(too_large()),
        Err(_) => Err(not_a_size()),
    }
}

fn parse_matcher(s: &str) -> Result<MatcherKind, String> {
    s.to_ascii_lowercase()
        .parse()
        .map_err(|_| "unknown matcher; choose one of: nucleo, skim".to_owned())
}

/// A page's address as `--review-url` takes it: http or https only, hidden characters
/// percent-encoded (as a source's url is).
fn parse_page(s: &str) -> Result<String, String> {
    if let Some(problem) = crate::load::url_problem(s) {
        let (message, expected) = problem.describe(s);
        return Err(format!(
            "{message}: give the address of the page the reviews are published on ({expected})"
        ));
    }
    if let Some(at) = s.find('#') {
        return Err(format!(
            "the address ends in a fragment, `{}`: each review's url is the page and `#` its \
             claim's id; give the page without it",
            crate::text::quote(&s[at..])
        ));
    }
    Ok(crate::text::escape_url(s).text)
}
