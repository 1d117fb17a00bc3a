//! `parallax completions`, `parallax man` and `parallax config`: the shell completion scripts
//! and the manual page, generated from the command line's own definition so they never drift
//! from it, and the config file's default, path and check.

use super::Failure;
use crate::cli::Cli;
use clap::CommandFactory;
use std::io::Write;

/// Writes the completion script for `shell`. It is made in memory first: clap_complete panics
/// when its writer fails (a closed pipe, a full disk), and a failed write here is reported as
/// every other command reports one.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<(), Failure> {
    let mut cmd = without_hidden_options(Cli::command());
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "parallax", &mut script);
    if shell == clap_complete::Shell::Bash {
        let mut takes_paths = Vec::new();
        with_positionals(&cmd, "parallax", &mut takes_paths);
        script = mend_bash(&String::from_utf8_lossy(&script), &takes_paths).into_bytes();
    }
    out.write_all(&script)?;
    Ok(())
}

/// The names bash's script gives the commands that take an argument of their own (a path, a
/// shell): `parallax`, `parallax__subcmd__show`, `parallax__subcmd__import__subcmd__csv`.
fn with_positionals(cmd: &clap::Command, name: &str, out: &mut Vec<String>) {
    if cmd.get_positionals().next().is_some() {
        out.push(name.to_owned());
    }
    for sub in cmd.get_subcommands() {
        with_positionals(sub, &format!("{name}__subcmd__{}", sub.get_name()), out);
    }
}

/// Bash's script as clap_complete writes it, mended where a bash user meets it:
/// - in a command that takes an argument of its own (`takes_paths`, by the script's names),
///   its first argument, and any not after an option, offered the options alone when nothing
///   was typed, so Tab typed `-` where a dispute's path goes: there only the command's
///   subcommands or values are offered, and with none bash completes file names (a command
///   of options alone, `man`, still offers them);
/// - a file name with a space (`file one.json`, after `-o`) was offered as two words.
fn mend_bash(script: &str, takes_paths: &[String]) -> String {
    const FIRST: &str = "if [[ ${cur} == -* || ${COMP_CWORD} -eq ";
    const OFFER: &str = r#"COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )"#;
    const FILES: &str = r#"COMPREPLY=($(compgen -f "${cur}"))"#;
    let mut out = String::with_capacity(script.len() + 4096);
    let mut after_esac = false;
    let mut mend = false;
    for line in script.lines() {
        let indent = &line[..line.len() - line.trim_start().len()];
        let trimmed = line.trim_start();
        // A command's own case in the script: `parallax__subcmd__show)`.
        if let Some(name) = trimmed.strip_suffix(')')
            && name.starts_with("parallax")
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            mend = takes_paths.iter().any(|t| t == name);
        }
        if !mend && trimmed != FILES {
            out.push_str(line);
        } else if trimmed.starts_with(FIRST) {
            out.push_str(&format!("{indent}if [[ ${{cur}} == -* ]] ; then"));
        } else if after_esac && trimmed == OFFER {
            out.push_str(&format!(
                "{indent}local words=() word; for word in ${{opts}}; do [[ ${{word}} == -* ]] || words+=(\"${{word}}\"); done\n\
                 {indent}COMPREPLY=( $(compgen -W \"${{words[*]}}\" -- \"${{cur}}\") )"
            ));
        } else if trimmed == FILES {
            out.push_str(&format!(
                "{indent}local IFS=$'\\n'; compopt -o filenames 2>/dev/null\n\
                 {indent}COMPREPLY=($(compgen -f -- \"${{cur}}\"))"
            ));
        } else {
            out.push_str(line);
        }
        out.push('\n');
        after_esac = trimmed == "esac";
    }
    out
}

/// The command line without the options a command hides: clap_complete offers hidden options
/// too, and `search --query` (which `search` refuses: its query is the last argument) was
/// offered by every shell. A command holding one is remade from its visible arguments.
fn without_hidden_options(mut cmd: clap::Command) -> clap::Command {
    let hiding: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| s.get_arguments().any(clap::Arg::is_hide_set))
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in hiding {
        cmd = cmd.mut_subcommand(&name, |s| {
            let mut fresh = clap::Command::new(s.get_name().to_owned());
            if let Some(about) = s.get_about() {
                fresh = fresh.about(about.clone());
            }
            fresh.args(s.get_arguments().filter(|a| !a.is_hide_set()).cloned())
        });
    }
    cmd
}

/// Writes the manual page, section 1: the synopsis, the options, and every command; with a
/// folder, writes it there with one page per command and subcommand (`parallax-show.1`,
/// `parallax-import-csv.1`), the pages its SUBCOMMANDS section refers to, and says so. The pages
/// are written as exports are: only over regular files, an existing page only with `force`, and
/// each atomically, after every target was checked.
pub fn man(
    dir: Option<&std::path::Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let Some(dir) = dir else {
        // Without the `help` subcommand, as the pages of a folder are made: the page names no
        // `parallax-help(1)`, which is never generated.
        let mut page = Vec::new();
        clap_mangen::Man::new(Cli::command().disable_help_subcommand(true)).render(&mut page)?;
        page.extend_from_slice(main_page_sections().as_bytes());
        page.extend_from_slice(MAIN_PAGE_END.as_bytes());
        out.write_all(&ascii_roff(&page))?;
        return Ok(());
    };
    if !dir.is_dir() {
        let (what, todo) = if dir.symlink_metadata().is_ok() {
            ("is not a folder", "name a folder with --dir")
        } else {
            (
                "does not exist",
                "create it first (mkdir -p) or name another with --dir",
            )
        };
        // A write that cannot be made, as for `export -o` into a missing folder (exit 1).
        return Err(Failure::Output(format!(
            "{} {what}; {todo}",
            crate::export::shown_path(dir)
        )));
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    man_pages(cmd, &mut pages)?;
    // A page's place taken by a FIFO or a device, or a page there already: said as the pages'
    // own problem (`man` takes a folder, never a file's name).
    let own = |e: crate::export::ExportError| match e {
        crate::export::ExportError::NotAFile { .. } => {
            Failure::Output(format!("{e}; remove it, or name another folder with --dir"))
        }
        crate::export::ExportError::Exists { path } => Failure::Output(format!(
            "{path} already exists; give --force to replace the pages, or choose another folder with --dir"
        )),
        e => e.into(),
    };
    for (name, _) in &pages {
        crate::export::check_target(&dir.join(name), force).map_err(own)?;
    }
    let prepared = pages
        .iter()
        .map(|(name, page)| crate::export::prepare_bytes(&dir.join(name), page, force))
        .collect::<Result<Vec<_>, _>>()
        .map_err(own)?;
    for page in prepared {
        page.persist()?;
    }
    let shown = crate::export::shown_path(dir);
    // Said on stderr, as `export` and `new` say what they wrote: stdout is for the page.
    writeln!(
        err,
        "parallax: wrote {} manual pages into {shown}",
        pages.len()
    )?;
    Ok(())
}

/// What only the main page says, after clap's sections: the screen's keys, from the tables
/// the screen itself reads (so the page never drifts from them), and the files the program
/// reads and writes besides the narratives.
fn main_page_sections() -> String {
    use roff::{Roff, bold, roman};
    let mut page = Roff::new();
    page.control("SH", ["KEYS"]).text([roman(
        "With no command, parallax opens the comparison screen. These are its keys by \
         default, by where they act; the help (? or F1) lists those in force where it is \
         opened. The [keys] section of the config file can change the keys of the comparison, \
         the row in full, the help, the party picker, the link choice and the load problems.",
    )]);
    for (place, table) in crate::tui::bindings::every_table() {
        // One line per key, as a terminal's help shows them: `.PD 0` drops the blank lines.
        page.control("SS", [place]).control("PD", ["0"]);
        for binding in table {
            page.control("TP", ["12"])
                .text([bold(crate::tui::keymap::labels(binding))])
                .text([roman(binding.help)]);
        }
        page.control("PD", [] as [&str; 0]);
    }
    page.control("SH", ["FILES"]);
    for (file, what) in FILES {
        page.control("TP", [] as [&str; 0])
            .text([bold(*file)])
            .text([roman(*what)]);
    }
    page.to_roff()
}

/// The files besides the narratives, as the README names them.
const FILES: &[(&str, &str)] = &[
    (
        "~/.config/parallax/config.toml",
        "The config file on Linux (under $XDG_CONFIG_HOME when set; on macOS in \
         ~/Library/Application Support/parallax, on Windows in %APPDATA%\\parallax): theme, \
         keys, export defaults. parallax config --default prints a commented one, parallax config \
         checks it, and $PARALLAX_CONFIG names another.",
    ),
    (
        ".parallax-dismissed.json",
        "Beside a dispute's side files: the suggested matches dismissed there (x on the screen, \
         parallax dismiss), so none is suggested again. Delete it to see them all again.",
    ),
];

/// What every page says after clap's sections: the exit codes and the environment, which the
/// command line's definition does not hold (the README says the same).
const MAIN_PAGE_END: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
All is well.
.TP
\fB1\fR
The input has errors (or warnings, under \fB\-\-strict\fR) or a write failed; for \fBsearch\fR and \fBmatch\fR, only that nothing was found.
.TP
\fB2\fR
A usage error: an unknown flag, an unknown party, a bad value; for \fBsearch\fR and \fBmatch\fR, any failure too (input with errors, a write that failed), as grep's, so a script tells no hits from no search.
.TP
\fB128\fR + \fIn\fR
The screen was ended by signal \fIn\fR (143 for SIGTERM), after restoring the terminal.
.SH ENVIRONMENT
.TP
\fBPARALLAX_CONFIG\fR
The config file to read instead of the platform's (\fBparallax config \-\-path\fR prints which).
.TP
\fBNO_COLOR\fR
Set to any non\-empty value: no colour on the screen.
.TP
\fBVISUAL\fR, \fBEDITOR\fR
The editor \fBE\fR opens a claim's file in (else \fBvi\fR).
"#;

/// The manual pages of `cmd` and of each of its commands, depth first (as clap_mangen's
/// `generate_to` names and orders them), each as its file name and its text.
fn man_pages(cmd: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> Result<(), Failure> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
        man_pages(sub, pages)?;
    }
    let main = cmd.get_name() == "parallax";
    let man = clap_mangen::Man::new(cmd);
    let mut page = Vec::new();
    man.render(&mut page)?;
    if main {
        page.extend_from_slice(main_page_sections().as_bytes());
    }
    // Every command exits with the same codes and reads the same environment.
    page.extend_from_slice(MAIN_PAGE_END.as_bytes());
    pages.push((man.get_filename(), ascii_roff(&page)));
    Ok(())
}

/// A page with every character beyond ASCII written as roff's escape for it (`…` as
/// `\[u2026]`): groff run without `preconv` reads its input as Latin-1 and warns of "invalid
/// input character" at a raw `…`, where `man` would have shown it.
fn ascii_roff(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out.into_bytes()
}

/// `parallax config`: the commented default (`--default`), the file's path (`--path`), or, with
/// neither, a check of the file in force.
pub fn config(default: bool, path: bool, out: &mut dyn Write) -> Result<(), Failure> {
    if default {
        out.write_all(crate::config::DEFAULT.as_bytes())?;
        return Ok(());
    }
    let Some(file) = crate::config::path() else {
        return Err(Failure::Usage(
            "this system has no config folder; set PARALLAX_CONFIG to a file".to_owned(),
        ));
    };
    let shown = crate::export::shown_path(&file);
    if path {
        writeln!(out, "{shown}")?;
        return Ok(());
    }
    let check = crate::tui::bindings::problems;
    let config = crate::config::load_checking(&check).map_err(|e| Failure::Input(e.to_string()))?;
    crate::tui::bindings::keymap(&config.keys, &file).map_err(|e| Failure::Input(e.to_string()))?;
    if file.exists() {
        writeln!(out, "{shown}: ok")?;
        // Valid, but the export dialog would refuse to write there: said now, not at Enter.
        if let Some(folder) = config.export.folder().filter(|f| !f.is_dir()) {
            let what = if folder.exists() {
                "is no folder"
            } else {
                "does not exist"
            };
            writeln!(
                out,
                "note: [export] folder {} {what}; the screen's export dialog writes nothing there until it is a folder",
                crate::export::shown_path(&folder)
            )?;
        }
    } else if std::fs::symlink_metadata(&file)
        .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
    {
        // A folder on its way may not be entered: whether a file is there cannot be known.
        writeln!(
            out,
            "{shown}: a folder on this path may not be entered, so no file there can be read; the defaults are in force"
        )?;
    } else {
        writeln!(
            out,
            "{shown}: no such file; the defaults are in force (`{}` writes one)",
            crate::config::write_command(&file)
        )?;
    }
    Ok(())
}

/// Checks the config file in force for the screen, which uses every section of it: a file that
/// cannot be read or is not valid (an unknown setting, a key that is no key, a key clash) stops
/// it with a usage error, rather than let it run with a setting the user did not mean. Returns
/// it, so the screen does not read it again. The commands that read no setting never read the
/// file, so a mistake in it does not break `completions` in a shell's startup file.
pub fn check_config() -> Result<crate::config::Config, Failure> {
    let check = crate::tui::bindings::problems;
    let config = crate::config::load_checking(&check).map_err(|e| Failure::Usage(e.to_string()))?;
    if let Some(file) = crate::config::path() {
        crate::tui::bindings::keymap(&config.keys, &file)
            .map_err(|e| Failure::Usage(e.to_string()))?;
    }
    Ok(config)
}

/// The config file's `[export]` for `parallax export`, which uses no other section: a mistake
/// there (or a file that cannot be read) stops the export with a usage error; one in `[theme]` or
/// `[keys]` is the screen's, and `parallax config` names it.
pub fn export_config() -> Result<crate::config::ExportConfig, Failure> {
    crate::config::load_export().map_err(|e| Failure::Usage(e.to_string()))
}
