//! `parallax new`: starts a dispute folder with a manifest and one empty side file per party.

use super::Failure;
use crate::cli::NewArgs;
use crate::create::{CreateError, Draft, make_id};
use crate::format::{FORMAT, ID_RULE, Party, Side, is_id};
use crate::load::MANIFEST;
use std::io::Write;

impl From<CreateError> for Failure {
    fn from(e: CreateError) -> Self {
        Failure::Output(e.to_string())
    }
}

/// Checks the parties given as `ID:NAME`: ids valid and distinct, names not empty, two or more.
fn parties(given: &[String]) -> Result<Vec<Party>, Failure> {
    let mut parties: Vec<Party> = Vec::new();
    for s in given {
        let shown = crate::text::one_line(s);
        let Some((id, name)) = s.split_once(':') else {
            return Err(Failure::Usage(format!(
                "--side {shown}: write the party's id and name as ID:NAME (for example india:India)"
            )));
        };
        let (id, name) = (id.trim(), name.trim());
        super::refuse_hidden(&format!("--side {shown}"), name, "party's name")?;
        if !is_id(id) {
            let example = make_id(id, 128);
            return Err(Failure::Usage(format!(
                "--side {shown}: `{}` is not an id; use {ID_RULE}{}",
                crate::text::quote(id),
                if example.is_empty() {
                    String::new()
                } else {
                    format!(" (for example `{example}`)")
                }
            )));
        }
        if format!("{id}.json") == MANIFEST {
            return Err(Failure::Usage(format!(
                "--side {shown}: the id `{id}` would name the side file {MANIFEST}, the manifest's; choose another"
            )));
        }
        if name.is_empty() {
            return Err(Failure::Usage(format!(
                "--side {shown}: give the party's name after the colon"
            )));
        }
        if parties.iter().any(|p| p.id == id) {
            return Err(Failure::Usage(format!(
                "--side {shown}: the id `{id}` is given twice; each party needs its own"
            )));
        }
        parties.push(Party {
            id: id.to_owned(),
            name: crate::text::clean(name).text,
            summary: None,
        });
    }
    if parties.len() < 2 {
        return Err(Failure::Usage(
            "a dispute needs two or more parties: give --side ID:NAME at least twice".to_owned(),
        ));
    }
    Ok(parties)
}

/// Writes the new dispute folder; says on `err` what was written and what to do next.
pub fn new(args: &NewArgs, err: &mut dyn Write) -> Result<(), Failure> {
    super::refuse_hidden_folder("the folder", &args.dir)?;
    // A file where the folder goes, or a dispute there already: said before anything is made.
    crate::create::check_folder_free(&args.dir).map_err(|e| Failure::Input(e.to_string()))?;
    let id = match &args.id {
        Some(id) if is_id(id) => id.clone(),
        Some(id) => {
            return Err(Failure::Usage(format!(
                "--id `{}` is not an id; use {ID_RULE}",
                crate::text::quote(id)
            )));
        }
        None => {
            let id = crate::create::id_of_folder(&args.dir);
            if id.is_empty() {
                return Err(Failure::Usage(
                    "cannot make an id from the folder's name; give one with --id".to_owned(),
                ));
            }
            id
        }
    };
    let title = super::checked_title(&args.title)?;
    let mut draft = Draft::new(&id, &crate::text::clean(title).text);
    for party in parties(&args.sides)? {
        draft.sides.push(Side {
            format: FORMAT.to_owned(),
            dispute: id.clone(),
            file: format!("{}.json", party.id),
            party,
            sources: Vec::new(),
            topics: Vec::new(),
        });
    }
    crate::cleanup::remove_on_signal()?;
    let written = draft.write(&args.dir)?;
    for path in &written.paths {
        writeln!(err, "parallax: wrote {}", crate::export::shown_path(path))?;
    }
    if let Some(kept) = written.kept_notice() {
        writeln!(err, "parallax: {kept}")?;
    }
    writeln!(
        err,
        "parallax: add topics and claims (see \"Writing a new dispute\" in the README), then run `parallax validate {}`",
        // Quoted as a shell needs it (a folder `n 1`), so the command can be pasted.
        crate::text::shell_path(&crate::export::shown_path(&args.dir))
    )?;
    Ok(())
}
