//! The parallax binary: parses the command line, dispatches, and maps the outcome to an exit
//! code (0 all well, 1 bad input or a failed write, 2 a usage error). A closed pipe is a clean exit.
#![forbid(unsafe_code)]

use clap::Parser;
use parallax::cli::{self, Cli, Command};
use parallax::commands::{self, Failure};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// mimalloc: loading a large dispute makes millions of small allocations, and the system
/// allocator roughly doubles the load time (see BENCHMARKS.md). Built without transparent huge
/// pages (`no_thp`): with them every touched 2 MiB is resident, a third more peak memory. Its v2
/// line (`v2`) hands freed memory back after 10 ms where v3 waits a second, so a side file's
/// bytes, freed once the file is checked, are not still counted while `show` compares.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Words other tools use for what a command does, as a bare word given where no such file is:
/// the command suggested (`parallax stats` read `stats` as a dispute path).
const OTHER_WORDS: &[(&str, &str)] = &[
    ("stats", "topics"),
    ("stat", "topics"),
    ("summary", "topics"),
    ("count", "topics"),
    ("counts", "topics"),
    ("list", "topics"),
    ("diff", "show"),
    ("compare", "show"),
    ("print", "show"),
    ("grep", "search"),
    ("find", "search"),
    ("query", "search"),
    ("check", "validate"),
    ("lint", "validate"),
    ("verify", "validate"),
    ("suggest", "match"),
    ("init", "new"),
    ("create", "new"),
];

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return command_line_error(e),
    };
    let mut out = io::BufWriter::new(commands::Stdout(commands::RawStdout::new()));
    let mut err = io::stderr();
    // `config` reports a bad file itself (exit 1); the commands that use a setting (export its
    // `[export]`, the screen every section) read the file and stop on a mistake in what they
    // use (exit 2); the rest never read it.
    // `search` and `match` exit 1 when they find nothing, as grep does; so their failures (files
    // with errors, a write that failed) exit 2, as grep's do, for a script to tell them apart.
    let finds = matches!(
        cli.command,
        Some(Command::Search { .. } | Command::Match { .. })
    );
    // A path forgotten in a folder of the analyst's own dispute: said before the bundled one is
    // read (`search` says it once its query and paths are told apart).
    let given = match &cli.command {
        Some(
            Command::Validate { input, .. }
            | Command::Topics { input, .. }
            | Command::Show { input, .. }
            | Command::Match { input, .. },
        ) => Some(input.paths.as_slice()),
        Some(Command::Link { paths, .. } | Command::Dismiss { paths, .. }) => {
            Some(paths.as_slice())
        }
        Some(Command::Export(args)) => Some(args.input.paths.as_slice()),
        Some(Command::Timeline(args)) => Some(args.input.paths.as_slice()),
        _ => None,
    };
    if let Some(paths) = given {
        let _ = commands::note_bundled(paths, &mut err);
    }
    let result = match cli.command {
        Some(Command::Validate {
            input,
            strict,
            json,
        }) => commands::validate(&input, strict, json, &mut out).map(|ok| ok as u8 ^ 1),
        Some(Command::Topics {
            input,
            pair,
            ratings,
            as_of,
            json,
            width,
        }) => {
            let options = commands::TopicsOptions {
                ratings,
                as_of,
                json,
                width,
            };
            commands::topics(&input, &pair, options, &mut out, &mut err).map(|()| 0)
        }
        Some(Command::Show {
            input,
            pair,
            width,
            filter,
        }) => commands::show(&input, &pair, width, &filter, &mut out, &mut err).map(|()| 0),
        Some(Command::Search {
            args,
            pair,
            filter,
            json,
            score,
            no_cache: _,
            read,
        }) => {
            let opts = commands::SearchOptions {
                json,
                score,
                typed_options: typed_options("search"),
            };
            commands::search(
                cli::InputArgs { paths: args, read },
                &pair,
                &filter,
                opts,
                &mut out,
                &mut err,
            )
            .map(|found| u8::from(!found))
        }
        Some(Command::Match {
            input,
            pair,
            filter,
            min_score,
            limit,
            json,
            texts,
            best_first,
        }) => commands::matches(
            &input,
            &pair,
            &filter,
            (min_score, limit),
            commands::MatchOutput {
                json,
                texts,
                best_first,
            },
            &mut out,
            &mut err,
        )
        .map(|found| u8::from(!found)),
        Some(Command::Link {
            left,
            right,
            question,
            dry_run,
            paths,
            read,
        }) => {
            let wanted = commands::Link {
                left: &left,
                right: &right,
                question: question.as_deref(),
                dry_run,
                max_file: read.max_file_size,
            };
            commands::link(&wanted, &paths, &mut out).map(|()| 0)
        }
        Some(Command::Dismiss {
            left,
            right,
            row,
            dry_run,
            undo,
            paths,
            read,
        }) => commands::dismiss(
            (&left, &right),
            commands::DismissOptions {
                row,
                dry_run,
                undo,
                max_file: read.max_file_size,
            },
            &paths,
            &mut out,
        )
        .map(|()| 0),
        Some(Command::Export(args)) => commands::help::export_config().and_then(|config| {
            commands::export::export(&args, &config, &mut out, &mut err).map(|()| 0)
        }),
        Some(Command::Import(command)) => commands::import::import(&command, &mut err).map(|()| 0),
        Some(Command::Completions { shell }) => {
            commands::help::completions(shell, &mut out).map(|()| 0)
        }
        Some(Command::Config { default, path }) => {
            commands::help::config(default, path, &mut out).map(|()| 0)
        }
        Some(Command::Man { dir, force }) => {
            commands::help::man(dir.as_deref(), force, &mut out, &mut err).map(|()| 0)
        }
        Some(Command::Timeline(args)) => {
            commands::timeline::timeline(&args, &mut out, &mut err).map(|()| 0)
        }
        Some(Command::New(args)) => commands::new::new(&args, &mut err).map(|()| 0),
        None => {
            // `parallax --max-file-size 1M validate DIR`: an option before the command makes
            // the command's name a path to open. Said as such, whether or not a terminal.
            // Only a path that does not exist is looked up, and the commands are made once.
            let missing: Vec<&std::path::Path> = cli
                .open
                .input
                .paths
                .iter()
                .filter(|p| p.symlink_metadata().is_err())
                .map(std::path::PathBuf::as_path)
                .collect();
            let commands: Vec<String> = if missing.is_empty() {
                Vec::new()
            } else {
                <Cli as clap::CommandFactory>::command()
                    .get_subcommands()
                    .filter(|c| !c.is_hide_set())
                    .map(|c| c.get_name().to_owned())
                    .collect()
            };
            let words = || missing.iter().filter_map(|p| p.to_str());
            let named = words().find(|w| commands.iter().any(|c| c == w));
            // A bare word, a letter or two from a command's name, in any case (`SHOW`): a
            // command mistyped.
            let near = words()
                .filter(|w| w.len() >= 3 && !w.contains(['/', '.']))
                .find_map(|w| {
                    let lower = w.to_lowercase();
                    // Another tool's word for a command (`stats`, `diff`, `lint`) first: `lint`
                    // is a letter from `link`, and means `validate`.
                    OTHER_WORDS
                        .iter()
                        .find(|(other, _)| *other == lower)
                        .map(|&(_, c)| c)
                        .or_else(|| {
                            commands
                                .iter()
                                .map(|c| (strsim::osa_distance(&lower, c), c.as_str()))
                                .filter(|&(d, _)| d <= 2)
                                .min()
                                .map(|(_, c)| c)
                        })
                        .map(|c| (w, c))
                });
            // After `--` every word is a path, as asked: a command's name there is no file.
            let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
            let after_dashes = |name: &str| {
                let dashes = args.iter().position(|a| a == "--");
                let word = args.iter().position(|a| a == name);
                matches!((dashes, word), (Some(d), Some(w)) if d < w)
            };
            if let Some(name) = named.filter(|n| after_dashes(n)) {
                Err(Failure::Input(format!(
                    "{name}: no such file or folder (after `--` every word is a path; to run \
                     the command, leave out the `--`: parallax {name} [OPTIONS] ...)"
                )))
            } else if let Some(name) = named {
                Err(Failure::Usage(format!(
                    "`{name}` was read as a dispute path, because an option came before it; put \
                     the options after the command (parallax {name} [OPTIONS] ...)"
                )))
            } else if let Some((word, command)) = near {
                Err(Failure::Usage(format!(
                    "`{}` is neither a command nor a file or folder here; did you mean \
                     `parallax {command}`? (`parallax --help` lists the commands)",
                    parallax::text::one_line(word)
                )))
            } else if let Some(path) = missing.first() {
                Err(Failure::Input(format!(
                    "{}: no such file or folder; give a dispute's folder, its dispute.json or \
                     its side files (`parallax --help` lists the commands)",
                    parallax::text::one_line(&path.to_string_lossy())
                )))
            } else {
                // The screen's settings first: a mistake in them is said wherever it runs.
                // No terminal at all is said before TERM=dumb: setting TERM would not help then.
                commands::help::check_config().and_then(|config| {
                    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
                        Err(Failure::Usage(
                            "the comparison screen needs a terminal; to print the comparison, use `parallax show`".to_owned(),
                        ))
                    } else if dumb_terminal() {
                        Err(Failure::Usage(DUMB_TERMINAL.to_owned()))
                    } else {
                        // The screen lives on, its workers idle between jobs: what they free
                        // goes back to the OS at once, not at their next job (see alloc/).
                        parallax_alloc::purge_at_free();
                        parallax::commands::open::open(&cli.open, &config, &mut err).map(|()| 0)
                    }
                })
            }
        }
    };
    let result = result.and_then(|code| out.flush().map(|()| code).map_err(Failure::from));
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "parallax: {e}");
            ExitCode::from(match e {
                Failure::Usage(_) => 2,
                Failure::Input(_) | Failure::Output(_) | Failure::Io(_) if finds => 2,
                Failure::Input(_) | Failure::Output(_) | Failure::Io(_) => 1,
            })
        }
    }
}

/// Why the screen does not open where `TERM=dumb`: it draws with escape sequences, which such a
/// terminal (Emacs's shell, a CI log) shows as garbage.
const DUMB_TERMINAL: &str = "the comparison screen needs a terminal that takes escape sequences, \
     and TERM=dumb says this one does not (it would show them as garbage); to print the \
     comparison, use `parallax show`, or if the terminal can take them, set TERM to its type \
     (TERM=xterm-256color parallax)";

/// True when `TERM` is `dumb`: a terminal that moves no cursor and shows escape sequences raw.
fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|t| t == "dumb")
}

/// The arguments after `parallax`, as typed, for the messages that quote them back: read with
/// `args_os`, since `args` panics on one that is not UTF-8 (a Latin-1 file name).
fn typed_args() -> Vec<String> {
    std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

/// The options given to `command` as typed, each with its value (`--left democrat`,
/// `--as-of=2025`), without the paths and the query, in their order: what a command suggested
/// in place of the one given keeps. Which options take a value is clap's to say.
fn typed_options(command: &str) -> Vec<String> {
    let cli = <Cli as clap::CommandFactory>::command();
    let Some(sub) = cli.find_subcommand(command) else {
        return Vec::new();
    };
    let args = typed_args();
    let Some(at) = args.iter().position(|a| a == command) else {
        return Vec::new();
    };
    let takes_value = |flag: &str| {
        sub.get_arguments().any(|a| {
            let named = match flag.strip_prefix("--") {
                Some(long) => a.get_long() == Some(long),
                None => flag
                    .strip_prefix('-')
                    .and_then(|s| s.chars().next())
                    .is_some_and(|c| a.get_short() == Some(c)),
            };
            named && a.get_action().takes_values()
        })
    };
    let mut kept = Vec::new();
    let mut rest = args.iter().skip(at + 1);
    while let Some(a) = rest.next() {
        if a == "--" {
            break;
        }
        if !a.starts_with('-') || a == "-" {
            continue;
        }
        kept.push(a.clone());
        if !a.contains('=')
            && takes_value(a)
            && let Some(value) = rest.next()
        {
            kept.push(value.clone());
        }
    }
    kept
}

/// For an option the command does not take but others do (`timeline --since`), which commands
/// take it: clap's own tip, `use '-- --since'`, would pass it on as a path. The screen
/// (`parallax [PATH]`) is one of them (`show --no-mouse`), and `--version` is parallax's own
/// (clap's tip for it, `a similar argument exists: '--relation'`, read as if that were needed).
fn option_of_other_commands(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let flag = arg.split('=').next()?;
    let cli = <Cli as clap::CommandFactory>::command();
    // The command as typed, down to a subcommand (`import csv`): each argument that names a
    // subcommand of the one before.
    let mut used = &cli;
    let mut path = Vec::new();
    for a in typed_args() {
        if let Some(sub) = used.get_subcommands().find(|c| c.get_name() == a) {
            used = sub;
            path.push(sub.get_name().to_owned());
        }
    }
    if path.is_empty() {
        return None;
    }
    let name = path.join(" ");
    if flag == "--version" || flag == "-V" {
        return Some(format!(
            "{flag} is an option of parallax itself, not of `parallax {name}`: `parallax \
             --version` prints the version"
        ));
    }
    let long = flag.strip_prefix("--")?;
    let takes = |c: &clap::Command| {
        c.get_arguments().any(|a| {
            a.get_long() == Some(long) || a.get_all_aliases().is_some_and(|v| v.contains(&long))
        })
    };
    // Every command that takes it, by its full name (`import claimreview`).
    fn each<'c>(c: &'c clap::Command, name: String, out: &mut Vec<(String, &'c clap::Command)>) {
        for sub in c.get_subcommands().filter(|s| !s.is_hide_set()) {
            let full = format!("{name}{}", sub.get_name());
            each(sub, format!("{full} "), out);
            out.push((full, sub));
        }
    }
    let mut all = Vec::new();
    each(&cli, String::new(), &mut all);
    let others: Vec<String> = all
        .into_iter()
        .filter(|(_, c)| takes(c))
        .map(|(n, _)| n)
        .collect();
    // The screen's own options (`--no-mouse`), or options it shares (`--left`).
    let screen = takes(&cli).then(|| format!("the screen: `parallax [PATH] {flag}`"));
    if (others.is_empty() && screen.is_none()) || takes(used) {
        return None;
    }
    let whose = match (others.join(", "), screen) {
        (others, None) => others,
        (others, Some(screen)) if others.is_empty() => screen,
        (others, Some(screen)) => format!("{others} and of {screen}"),
    };
    // Its own option of a name like it (`export --out`: `--output`), else clap's guess.
    let like = used
        .get_arguments()
        .filter_map(clap::Arg::get_long)
        .find(|l| l.starts_with(long) || long.starts_with(l))
        .map(|l| format!("--{l}"))
        .or_else(|| match e.get(ContextKind::SuggestedArg) {
            Some(ContextValue::String(s)) => Some(s.clone()),
            _ => None,
        });
    let instead = like.map_or_else(String::new, |l| format!("; here, did you mean {l}?"));
    Some(format!(
        "`parallax {name}` takes no {flag}; it is an option of {whose}{instead} (`parallax \
         {name} --help` lists the options of {name})"
    ))
}

/// For `parallax import claims.csv -o x`, a file given where the kind of import goes: the
/// command with the import its name says reads it (clap's tip named `claimreview` for any word
/// alike, a table too).
fn import_without_kind(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::InvalidSubcommand {
        return None;
    }
    let Some(ContextValue::String(word)) = e.get(ContextKind::InvalidSubcommand) else {
        return None;
    };
    let args = typed_args();
    let at = args.iter().position(|a| a == "import")?;
    // The word right after `import`: a file, not an option's value.
    if args.get(at + 1) != Some(word) {
        return None;
    }
    let lower = word.to_lowercase();
    let ends = |exts: &[&str]| exts.iter().any(|x| lower.ends_with(x));
    let (kind, note) = if ends(&[".csv", ".tsv"]) {
        ("csv", "")
    } else if ends(&[".json", ".jsonld", ".html", ".htm"]) {
        (
            "claimreview",
            " (for ClaimReview; parallax's own side files need no import: open them as they are)",
        )
    } else {
        return None;
    };
    let rest: Vec<String> = args
        .iter()
        .skip(at + 1)
        .map(|a| shell_words::quote(&parallax::text::one_line(a)).into_owned())
        .collect();
    Some(format!(
        "`{}` is a file, not a kind of import; say which import reads it: `parallax import {kind} {}`{note}",
        parallax::text::one_line(word),
        rest.join(" ")
    ))
}

/// clap's own message about the command line (or its help), as clap prints it; but when an
/// argument holds a character that must never reach the terminal (an escape sequence pasted in,
/// a bidirectional control) or a line break, clap would echo it raw, or strip it and quote another value: then
/// the message is clap's for the arguments with each such character shown as a marker, as every
/// other message shows it.
fn command_line_error(e: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    // `parallax help --help` (or `-h`) asks for the help of help: the commands' list, as
    // `parallax help` gives it (clap took `--help` for the name of a command).
    if e.kind() == ErrorKind::InvalidSubcommand
        && matches!(typed_args().as_slice(), [help, flag] if help == "help" && (flag == "--help" || flag == "-h"))
        && let Err(help) = Cli::try_parse_from(["parallax", "--help"])
    {
        return help_or_version(&help);
    }
    if e.kind() == ErrorKind::UnknownArgument
        && let Some(ContextValue::String(invalid)) = e.get(ContextKind::InvalidArg)
        && let Some(said) = commands::dash_query(&typed_args(), invalid, &typed_options("search"))
    {
        let _ = writeln!(io::stderr(), "error: {said}");
        return ExitCode::from(2);
    }
    if let Some(said) = option_of_other_commands(&e) {
        let _ = writeln!(io::stderr(), "error: {said}");
        return ExitCode::from(2);
    }
    if let Some(said) = import_without_kind(&e) {
        let _ = writeln!(io::stderr(), "error: {said}");
        return ExitCode::from(2);
    }
    let mut hidden = false;
    let shown: Vec<std::ffi::OsString> = std::env::args_os()
        .map(|a| match a.to_str() {
            // A line break or a tab too: clap would quote the value over two lines.
            Some(s) if s.contains(['\n', '\t']) || !parallax::text::clean(s).flagged.is_empty() => {
                hidden = true;
                parallax::text::one_line(s).into()
            }
            _ => a,
        })
        .collect();
    if hidden && e.use_stderr() {
        if let Err(shown) = Cli::try_parse_from(shown) {
            shown.exit()
        }
        // The markers made the arguments good: clap's words, in plain text, cleaned.
        let _ = write!(
            io::stderr(),
            "{}",
            parallax::text::clean(&e.render().to_string()).text
        );
        return ExitCode::from(2);
    }
    if !e.use_stderr() {
        return help_or_version(&e);
    }
    e.exit()
}

/// `--help` and `--version` (of parallax or a command), printed as clap prints them; but a
/// failed write is said and ends with exit 1, as every other command's output does (clap's own
/// `exit` drops the error and exits 0). A closed pipe is a clean exit, as elsewhere.
fn help_or_version(e: &clap::Error) -> ExitCode {
    // A terminal takes clap's colours; anything else the text, through the descriptor itself,
    // so a closed standard output is said (see `commands::RawStdout`).
    let printed = if io::stdout().is_terminal() {
        e.print().and_then(|()| io::stdout().flush())
    } else {
        let mut out = commands::RawStdout::new();
        write!(out, "{}", e.render()).and_then(|()| out.flush())
    };
    match printed {
        Ok(()) => ExitCode::SUCCESS,
        Err(failed) if failed.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(failed) => {
            let _ = writeln!(io::stderr(), "parallax: {}", commands::stdout_error(failed));
            ExitCode::from(1)
        }
    }
}
