//! Taking a claim out of the screen: `y` copies its text with its attribution, `Y` its id (both
//! through the terminal's clipboard, OSC 52), `o` opens its first source's address in the
//! browser. `update` only decides what and says so in the footer; the event loop does it.

use crate::format::ClaimAt;
use crate::layout;
use crate::tui::action::{Action, EditorAt, Outcome};
use crate::tui::app::App;
use crate::tui::modal::component::Step;
use crate::tui::strings::take as words;

/// The claim the comparison screen's `y`, `Y` and `o` act on: the search's current hit when it
/// is in the selected row, else the row's first claim.
pub fn selected_in_row(app: &App) -> Option<ClaimAt> {
    let row = app.current_row()?;
    if let Some(chosen) = chosen_in_row(app) {
        return Some(chosen);
    }
    let hit = app
        .search
        .current
        .and_then(|i| app.outcome.as_ref()?.order.get(i))
        .map(|h| h.claim)
        .filter(|c| row.claims().any(|x| x == *c));
    hit.or_else(|| row.claims().next())
}

/// The claim a link or a hit went to ([`App::chosen`]), when it is in the selected row.
pub fn chosen_in_row(app: &App) -> Option<ClaimAt> {
    let chosen = app.chosen?;
    app.current_row()?
        .claims()
        .any(|c| c == chosen)
        .then_some(chosen)
}

/// A claim's text with who said it, when, which party and its id: what `y` copies.
pub fn attributed(app: &App, at: ClaimAt) -> Option<String> {
    let claim = app.dispute.claim(at)?;
    let mut who = vec![app.party(at.side()).to_owned()];
    who.extend(claim.speaker.as_deref().map(str::to_owned));
    who.extend(claim.date.map(|d| d.to_string()));
    Some(format!(
        "“{}” — {} [{}]",
        claim.text,
        who.join(", "),
        claim.id
    ))
}

/// True when one of a claim's sources has an address (`o` opens it, or says why it will not).
pub fn has_address(app: &App, at: ClaimAt) -> bool {
    matches!(first_url(app, at), Ok(Some(_)))
}

/// The first address among a claim's sources, as written (web or not); `Err` without the claim.
fn first_url(app: &App, at: ClaimAt) -> Result<Option<&str>, ()> {
    let claim = app.dispute.claim(at).ok_or(())?;
    let side = app.dispute.sides.get(at.side()).ok_or(())?;
    Ok(claim
        .sources
        .iter()
        .find_map(|r| side.sources.get(r.index)?.url.as_deref()))
}

/// The first http(s) address among a claim's sources, or why there is none to open.
pub fn address(app: &App, at: ClaimAt) -> Result<String, String> {
    let url = first_url(app, at)
        .map_err(|()| words::NO_CLAIM.to_owned())?
        .ok_or_else(|| words::NO_URL.to_owned())?;
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    if !web || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(words::not_web(url));
    }
    Ok(url.to_owned())
}

/// `y`, `Y` or `o` on a claim (or on nothing selected): the footer says what happens.
pub fn take(app: &mut App, at: Option<ClaimAt>, action: Action) -> Step {
    let Some(at) = at else {
        app.message = Some(words::NO_CLAIM.to_owned());
        return Step::Stay;
    };
    let label = label_of(app, at);
    match action {
        Action::Copy => match attributed(app, at) {
            Some(text) => {
                app.message = Some(words::copied(&label));
                Step::Then(Outcome::Copy(text))
            }
            None => Step::Stay,
        },
        Action::CopyId => match app.dispute.claim(at).map(|c| c.id.to_string()) {
            Some(id) => {
                app.message = Some(words::copied_id(&id));
                Step::Then(Outcome::Copy(id))
            }
            None => Step::Stay,
        },
        Action::OpenSource => match address(app, at) {
            Ok(url) => {
                app.message = Some(words::opening(&url));
                Step::Then(Outcome::OpenUrl(url))
            }
            Err(why) => {
                app.message = Some(why);
                Step::Stay
            }
        },
        _ => Step::Stay,
    }
}

/// How the footer names a claim: its label in its row and its party.
fn label_of(app: &App, at: ClaimAt) -> String {
    let label = app
        .locate(at)
        .and_then(|(t, r, _)| app.shown().topics.get(t)?.rows.get(r))
        .and_then(|row| layout::label(row, at))
        .unwrap_or_default();
    format!("{} {label}", app.party(at.side()))
        .trim_end()
        .to_owned()
}

/// `E` on a claim: asks the event loop to open its side's file at the claim in the editor (the
/// loop finds its line in the file as it is then), or says why it cannot (the bundled dispute
/// has no file).
pub fn edit(app: &mut App, at: Option<ClaimAt>) -> Step {
    let Some(at) = at else {
        app.message = Some(words::NO_CLAIM.to_owned());
        return Step::Stay;
    };
    let file = match &app.suggest.files {
        Some(files) => files.sides.get(at.side()),
        None => None,
    };
    let Some(file) = file else {
        app.message = Some(if app.live.paths.is_empty() {
            crate::edit::EditError::Bundled.to_string()
        } else {
            words::NO_FILES.to_owned()
        });
        return Step::Stay;
    };
    Step::Then(Outcome::Editor {
        file: file.clone(),
        at: EditorAt::Pointer(format!("/topics/{}/claims/{}", at.topic(), at.claim())),
    })
}
