//! What the event loop does for `update` beyond the state: the clipboard sequence (OSC 52, the way
//! lazygit and helix copy over SSH) and opening a source in the browser.

use super::app::App;
use super::strings;
use base64::Engine;

/// The OSC 52 sequence that puts `text` on the terminal's clipboard. The text travels base64
/// encoded, so nothing in it reaches the terminal as a control character.
pub fn osc52(text: &str) -> String {
    let data = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{data}\x07")
}

/// Opens an http(s) address with the platform's opener (`update` has refused anything else);
/// the footer says if it could not.
pub fn open_url(app: &mut App, url: &str) {
    if let Err(e) = open::that_detached(url) {
        app.message = Some(strings::open_failed(url, &e.to_string()));
    }
}
