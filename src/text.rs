//! Untrusted text: cleaning strings from narrative files once, at load, and measuring them.
//!
//! Narrative files come from other people, some of them parties to the dispute. FORMAT.md's
//! "Untrusted text" rules say that control characters, whole escape sequences, bidirectional
//! controls and invisible characters never reach a terminal, and that they are replaced by a
//! visible marker rather than dropped. Cleaning happens once, when a file is loaded, so every
//! later consumer (TUI, `show`, search, export) sees the same inert text and the same offsets.

use std::borrow::Cow;
use std::ops::ControlFlow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The marker that stands for ESC, the start of an escape sequence.
pub const ESCAPE_MARKER: &str = "␛";

/// How many spaces a tab in a text becomes: tabs are laid out, never sent raw.
const TAB_SPACES: &str = "    ";

/// A string after cleaning, with the code points that had to be replaced.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// The text, safe to print anywhere; newlines are kept as `\n`.
    pub text: String,
    /// The distinct code points that were replaced by markers, in order of first appearance.
    pub flagged: Vec<char>,
}

/// True when a string needs no cleaning: printable ASCII and newlines only. Written without an
/// early exit so the compiler can check many bytes at once: every string of a file passes here.
fn is_plain(input: &str) -> bool {
    // One pass, without a branch per byte: the compiler checks many bytes at once.
    !input.bytes().fold(false, |bad, b| {
        bad | ((b < 0x20) & (b != b'\n')) | (b >= 0x7f)
    })
}

/// True for a character that cleaning replaces or lays out: controls (tab and CR too), DEL, the
/// Unicode line separators, and what [`is_hidden`] names.
fn needs_cleaning(c: char) -> bool {
    (c < ' ' && c != '\n') || c == '\u{7f}' || c == '\u{2028}' || c == '\u{2029}' || is_hidden(c)
}

/// True when cleaning would leave `input` as it is: text read back from elsewhere (a cache)
/// is checked with this before it is shown.
pub fn is_clean(input: &str) -> bool {
    is_plain(input)
        || !input.chars().any(needs_cleaning)
        || clean_if_needed(input).is_none_or(|c| c.text == input)
}

/// Cleans one string: see the module documentation.
///
/// Printable ASCII and newlines take a fast path that copies nothing but the string itself.
pub fn clean(input: &str) -> Cleaned {
    clean_if_needed(input).unwrap_or_else(|| Cleaned {
        text: input.to_owned(),
        flagged: Vec::new(),
    })
}

/// The cleaned string, or `None` when cleaning would leave `input` as it is (the common case
/// at load, in any script), so that the caller keeps what it has without a copy.
pub fn clean_if_needed(input: &str) -> Option<Cleaned> {
    if is_plain(input) || !input.chars().any(needs_cleaning) {
        return None;
    }
    let mut out = String::with_capacity(input.len() + 8);
    let mut flagged: Vec<char> = Vec::new();
    let flag = |c: char, flagged: &mut Vec<char>| {
        if !flagged.contains(&c) {
            flagged.push(c);
        }
    };
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str(TAB_SPACES),
            '\r' if chars.get(i) == Some(&'\n') => {}
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            // An emoji tag sequence (the flags of England, Scotland and Wales): the black flag,
            // tag letters naming the region, then CANCEL TAG. Kept whole, as the flag it draws;
            // tag characters anywhere else are hidden text.
            '\u{1f3f4}' => {
                out.push(c);
                let tags = chars
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|t| ('\u{e0020}'..='\u{e007e}').contains(*t))
                    .count();
                if tags > 0 && chars.get(i + tags) == Some(&'\u{e007f}') {
                    out.extend(chars.get(i..=i + tags).unwrap_or_default());
                    i += tags + 1;
                }
            }
            // ESC is marked, as the C1 controls are below; what follows stays in view as the
            // text it is (`␛[31m`, `␛]0;title␇`): without the ESC it is inert, and nothing the
            // file holds is hidden from the analyst (a terminal would swallow it).
            '\u{1b}' => {
                flag(c, &mut flagged);
                out.push_str(ESCAPE_MARKER);
            }
            c if (c as u32) < 0x20 => {
                flag(c, &mut flagged);
                // The Control Pictures block has a picture for every C0 control.
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?'));
            }
            '\u{7f}' => {
                flag(c, &mut flagged);
                out.push('␡');
            }
            c if is_hidden(c) => {
                flag(c, &mut flagged);
                push_marker(&mut out, c);
            }
            c => out.push(c),
        }
    }
    Some(Cleaned { text: out, flagged })
}

/// The most characters of a file's value that a message quotes whole.
pub const QUOTE_LIMIT: usize = 80;

/// A value from a file as a message quotes it: cleaned and on one line (see [`one_line`]), and
/// when longer than [`QUOTE_LIMIT`]
/// characters, cut there with `…` and its full length, so a message never grows with its input.
/// Characters are the ones a reader sees (grapheme clusters): a cut never parts a letter from
/// its accent or an emoji from its skin tone, and `é` written as `e` and an accent counts one.
pub fn quote(value: &str) -> String {
    if value.len() <= QUOTE_LIMIT {
        return one_line(value);
    }
    let cut = value
        .grapheme_indices(true)
        .nth(QUOTE_LIMIT)
        .map(|(at, _)| at);
    let Some(at) = cut else {
        return one_line(value);
    };
    // ASCII, as most ids and keys are, counts at once; other text by its clusters.
    let count = if value.is_ascii() {
        value.len()
    } else {
        value.graphemes(true).count()
    };
    format!(
        "{}… ({count} characters)",
        one_line(value.get(..at).unwrap_or_default())
    )
}

/// A path as one word of a command a message gives to paste into a shell: quoted as the shell
/// needs it (`'n 1'`), and after `./` when it starts with `-`, which the command would read as
/// an option (`-d x` gave `parallax validate '-d x'`, an error).
pub fn shell_path(path: &str) -> String {
    let path = if path.starts_with('-') {
        format!("./{path}")
    } else {
        path.to_owned()
    };
    shell_words::quote(&path).into_owned()
}

/// A value (an id, a path, a name) as a message quotes it: cleaned, and on one line, a line
/// break shown as `␊` and a tab as `␉` where they are (cleaning lays a tab out as spaces), so
/// `b␊x` is not read as `b x`. Prose, whose line breaks are layout, goes through [`inline`].
pub fn one_line(value: &str) -> String {
    clean(&value.replace('\t', "␉")).text.replace('\n', "␊")
}

/// A text cleaned for one line of a message: markers for what is hidden, and its line breaks
/// as spaces, so a value quoted from a file can never start a line of its own (a forged
/// `parallax: imported …` line).
pub fn inline(s: &str) -> String {
    clean(s).text.replace('\n', " ")
}

/// The first character that keeps a value a user gives (a question, a name) from being written
/// into the analyst's files as it is: a control or hidden character (its reader would flag it),
/// or a line break, tab or line/paragraph separator (a name or a question is one line).
pub fn not_one_line(value: &str) -> Option<char> {
    value
        .chars()
        .find(|&c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
        .or_else(|| clean(value).flagged.first().copied())
}

/// True for the code points FORMAT.md lists as never to reach a terminal, other than C0 and DEL:
/// C1 controls, bidirectional controls and invisible characters. Invisible, beyond FORMAT.md's
/// examples: the tag characters (U+E0000–U+E007F, which spell a whole hidden sentence in ASCII's
/// shape), the interlinear annotation marks (U+FFF9–U+FFFB, which terminals draw as boxes that
/// break a layout), the combining grapheme joiner, the Hangul and Khmer fillers, the Mongolian
/// vowel separator, the invisible operators (U+2061–U+2064), and the format controls of
/// musical notation (U+1D173–U+1D17A) and of shorthand (U+1BCA0–U+1BCA3): each shows nothing of
/// itself.
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}' | '\u{200f}' | '\u{061c}'
        | '\u{ad}'
        | '\u{e0000}'..='\u{e007f}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{2061}'..='\u{2064}'
        | '\u{034f}' | '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}'
        | '\u{17b4}' | '\u{17b5}' | '\u{180e}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{1bca0}'..='\u{1bca3}')
        || is_zero_width(c)
}

/// True when a text shows nothing: blanks, controls and hidden characters ([`is_hidden`])
/// only. Such a text is an empty one (a claim of a lone U+200B said nothing, yet loaded).
pub fn shows_nothing(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || c.is_control() || is_hidden(c))
}

/// A zero-width character: zero-width space and (non-)joiners, word joiner, byte order mark.
/// Hidden ([`is_hidden`]), and no part of a word to search (`query::words`).
pub fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// Makes a url inert: each bidirectional or invisible character (see [`is_hidden`]) is
/// percent-encoded, byte by byte of its UTF-8 (`U+202E` becomes `%E2%80%AE`). The result is
/// the same address to a browser, which encodes them so itself, but it shows everywhere what it
/// holds and cannot reorder or hide the text around it. `flagged` names the characters.
pub fn escape_url(url: &str) -> Cleaned {
    if url.is_ascii() || !url.chars().any(is_hidden) {
        return Cleaned {
            text: url.to_owned(),
            flagged: Vec::new(),
        };
    }
    let mut text = String::with_capacity(url.len() + 16);
    let mut flagged = Vec::new();
    for c in url.chars() {
        if is_hidden(c) {
            if !flagged.contains(&c) {
                flagged.push(c);
            }
            push_percent_encoded(&mut text, c);
        } else {
            text.push(c);
        }
    }
    Cleaned { text, flagged }
}

/// Writes `c` percent-encoded, a `%XX` per byte of its UTF-8 (`;` as `%3B`, U+202E as
/// `%E2%80%AE`): the one encoder behind urls made safe and lists kept unambiguous.
pub fn push_percent_encoded(out: &mut String, c: char) {
    let mut buf = [0; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        let _ = std::fmt::Write::write_fmt(out, format_args!("%{b:02X}"));
    }
}

/// Formats a code point the way markers and warnings name it, e.g. `U+202E`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// The byte spans of the markers [`clean`] puts in place of hidden characters (`⟨U+202E⟩`), in
/// order: an excerpt keeps each one whole.
pub fn markers(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    text.match_indices('⟨').filter_map(|(at, open)| {
        let hex = text.get(at + open.len()..)?.strip_prefix("U+")?;
        let digits = hex.bytes().take_while(u8::is_ascii_hexdigit).count();
        let close = hex.get(digits..)?.strip_prefix('⟩')?;
        (4..=6)
            .contains(&digits)
            .then(|| at..text.len() - close.len())
    })
}

fn push_marker(out: &mut String, c: char) {
    out.push('⟨');
    out.push_str(&code_point(c));
    out.push('⟩');
}

/// The number of terminal columns a cleaned string takes, measured by grapheme.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Wraps cleaned text to `width` columns, keeping the text's own line breaks.
///
/// Words longer than the width are broken; the result always has at least one line.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    wrap_each(s, width, |line| lines.push(line.to_owned()));
    lines
}

/// The largest char boundary of `s` at or before byte `at` (`str::floor_char_boundary`,
/// newer than the crate's minimum Rust): where a text may be cut at most `at` bytes in.
pub fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The longest piece of one paragraph that [`wrap_each`] wraps at once.
const WRAP_PIECE: usize = 1 << 16;

/// Gives `line` each line of [`wrap`] in order (at least one), holding none of them: a text of
/// millions of lines is laid out in the memory of one piece of it.
pub fn wrap_each(s: &str, width: usize, mut line: impl FnMut(&str)) {
    wrap_lines("", s, width, |l| {
        line(l);
        ControlFlow::Continue(())
    });
}

/// As [`wrap_each`] for `head` and `s` wrapped as one text (`head` joins the first paragraph of
/// `s`, as a label before a claim's text), until `line` says stop: then the byte offset in `s`
/// where the line it stopped at begins (0 for a line that begins in `head`); `None` when every
/// line was given. A text cut after a few lines is wrapped no further than that.
pub fn wrap_lines(
    head: &str,
    s: &str,
    width: usize,
    mut line: impl FnMut(&str) -> ControlFlow<()>,
) -> Option<usize> {
    let mut head = head;
    for paragraph in s.split('\n') {
        let cut = wrap_paragraph((head, paragraph), width, &mut line);
        if let Some(at) = cut {
            return Some(offset_in(s, paragraph).unwrap_or(0) + at);
        }
        head = "";
    }
    None
}

/// Wraps one paragraph (after `head`) a piece at a time, as [`wrap_lines`] gives it; the offset
/// in the paragraph of the line `line` stopped at. Lines are filled first-fit, so each line
/// depends only on the words from its start: every line of a piece but its last is a line of the
/// whole paragraph, and the next piece starts where that last line did.
fn wrap_paragraph(
    (mut head, p): (&str, &str),
    width: usize,
    line: &mut impl FnMut(&str) -> ControlFlow<()>,
) -> Option<usize> {
    let mut rest = p;
    let mut most = WRAP_PIECE;
    loop {
        let whole = rest.len() <= most;
        let cut = floor_boundary(rest, most);
        let (piece, _) = rest.split_at(cut);
        let joined = if head.is_empty() {
            Cow::Borrowed(piece)
        } else {
            Cow::Owned(format!("{head}{piece}"))
        };
        let lines = wrap_line(&joined, width);
        let done = p.len() - rest.len();
        // Where a line of this piece starts in the paragraph (0 within `head`).
        let start =
            |l: &str| offset_in(&joined, l).map_or(done, |at| done + at.saturating_sub(head.len()));
        // The lines given now, and where the next piece starts in this one: after them all
        // when the piece is the paragraph's end; else at its last line (none when the piece
        // made one line, a run of spaces: then a longer piece is tried).
        let (give, next) = if whole {
            (lines.len(), None)
        } else {
            match lines.split_last() {
                Some((last, before)) if !before.is_empty() => {
                    match offset_in(&joined, last).filter(|&at| at > head.len()) {
                        Some(at) => (before.len(), Some(at - head.len())),
                        None => (0, None),
                    }
                }
                _ => (0, None),
            }
        };
        for l in lines.iter().take(give) {
            if line(l).is_break() {
                return Some(start(l));
            }
        }
        match next {
            _ if whole => return None,
            Some(at) => {
                rest = rest.get(at..).unwrap_or_default();
                head = "";
                most = WRAP_PIECE;
            }
            None => most = most.saturating_mul(2),
        }
    }
}

/// One line (no `\n`) wrapped first-fit at `width` columns. Lines break at spaces (and between
/// the characters of scripts written without spaces, see [`words_of`]), never at a hyphen: a
/// date (2024-03-03), an id (in-pahalgam-attack) or a URL stays whole unless it alone is wider
/// than a line, when it is broken between graphemes. Spaces at a line's end are dropped.
///
/// textwrap's own `wrap` does the same, but it adds up the widths of characters where the
/// terminal (and ratatui) draws graphemes: `❤️`, a heart and a variation selector, counted one
/// column and is drawn in two, so a line of them ran past its pane and lost its end. Here each
/// word is measured by [`width`], and textwrap's first-fit places them.
fn wrap_line(line: &str, width: usize) -> Vec<&str> {
    let width = width.max(1);
    if line.len() < width {
        return vec![line.trim_end_matches(' ')];
    }
    let mut pieces: Vec<Piece<'_>> = Vec::new();
    for w in words_of(line) {
        let cols = self::width(w.word);
        if cols <= width {
            pieces.push(Piece {
                word: w.word,
                space: w.whitespace,
                cols,
            });
            continue;
        }
        let (mut start, mut used) = (0, 0);
        for (at, g) in w.word.grapheme_indices(true) {
            let cols = UnicodeWidthStr::width(g);
            if used > 0 && used + cols > width {
                pieces.push(Piece {
                    word: w.word.get(start..at).unwrap_or_default(),
                    space: "",
                    cols: used,
                });
                (start, used) = (at, 0);
            }
            used += cols;
        }
        pieces.push(Piece {
            word: w.word.get(start..).unwrap_or_default(),
            space: w.whitespace,
            cols: used,
        });
    }
    // The pieces are contiguous in `line`, so a line is a slice of it from its first piece to
    // its last (without the last one's spaces).
    let mut lines = Vec::new();
    let mut at = 0;
    for on in textwrap::wrap_algorithms::wrap_first_fit(&pieces, &[width as f64]) {
        let Some(last) = on.last() else {
            lines.push("");
            continue;
        };
        let len: usize = on.iter().map(|p| p.word.len() + p.space.len()).sum();
        lines.push(
            line.get(at..at + len - last.space.len())
                .unwrap_or_default(),
        );
        at += len;
    }
    if lines.is_empty() {
        lines.push("");
    }
    lines
}

/// A word as [`wrap_line`] places it: its text, the spaces after it, and its columns.
#[derive(Debug)]
struct Piece<'a> {
    word: &'a str,
    space: &'a str,
    cols: usize,
}

impl textwrap::core::Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.cols as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.space.len() as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The words of a line for wrapping: runs of text between spaces, as textwrap's `AsciiSpace`
/// finds them, except that a run beyond ASCII is cut further where Unicode's line breaking rules
/// (UAX #14) allow: between the characters of Chinese, Japanese and Korean, which put no spaces
/// between words, and between emoji, never inside one (a flag's two halves, a skin tone), so a
/// line fills up instead of a label standing alone above the text and a long run is never cut
/// through a character. A run of Latin letters, a URL or a date stays whole (UAX #14 finds no
/// break inside `café` or `naïve`), and no break follows a hyphen.
fn words_of(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    use textwrap::core::Word;
    // Most text: no wide character in it at all, so the words are the spaces' alone.
    if line.is_ascii() {
        return textwrap::WordSeparator::AsciiSpace.find_words(line);
    }
    Box::new(
        textwrap::WordSeparator::AsciiSpace
            .find_words(line)
            .flat_map(move |w| {
                // The word with its spaces, so the last piece keeps them.
                let whole = offset_in(line, w.word)
                    .and_then(|at| line.get(at..at + w.word.len() + w.whitespace.len()))
                    .filter(|_| !w.word.is_ascii());
                let Some(whole) = whole else {
                    return Pieces::One(Some(w));
                };
                let mut start = 0;
                let mut pieces = Vec::new();
                for (at, _) in unicode_linebreak::linebreaks(w.word) {
                    let before = w.word.get(..at).and_then(|b| b.chars().next_back());
                    let after = w.word.get(at..).and_then(|a| a.chars().next());
                    // A marker inside a word (`⟨U+202E⟩gnp.exe`) stays with its letters, as the
                    // hidden character it stands for did; beside an emoji it may break.
                    let glued = match (before, after) {
                        (Some('⟩'), Some(c)) | (Some(c), Some('⟨')) => c.is_alphanumeric(),
                        _ => false,
                    };
                    if at == 0 || at >= w.word.len() || before == Some('-') || glued {
                        continue;
                    }
                    if let Some(piece) = whole.get(start..at) {
                        pieces.push(Word::from(piece));
                        start = at;
                    }
                }
                pieces.push(Word::from(whole.get(start..).unwrap_or(whole)));
                Pieces::Many(pieces.into_iter())
            }),
    )
}

/// The pieces [`words_of`] makes of one word: most often the word itself, without a list.
enum Pieces<'a> {
    One(Option<textwrap::core::Word<'a>>),
    Many(std::vec::IntoIter<textwrap::core::Word<'a>>),
}

impl<'a> Iterator for Pieces<'a> {
    type Item = textwrap::core::Word<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Pieces::One(w) => w.take(),
            Pieces::Many(ws) => ws.next(),
        }
    }
}

/// Where `part`, a slice of `whole`, starts in it; `None` when it is not a slice of it.
fn offset_in(whole: &str, part: &str) -> Option<usize> {
    let at = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (at + part.len() <= whole.len()).then_some(at)
}

/// Pads or truncates a cleaned string to exactly `cols` columns, by grapheme.
pub fn fit(s: &str, cols: usize) -> String {
    let mut out = String::with_capacity(cols);
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = UnicodeWidthStr::width(g);
        if used + w > cols {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', cols - used));
    out
}

/// True when `bytes` are UTF-16 text: a UTF-16 byte order mark (Windows' "Unicode"), or an
/// ASCII first char written in two bytes, one of them zero (JSON and CSV begin with one).
pub fn is_utf16(bytes: &[u8]) -> bool {
    match bytes {
        [0xff, 0xfe, ..] | [0xfe, 0xff, ..] => true,
        [0, b, ..] | [b, 0, ..] => *b != 0 && b.is_ascii(),
        _ => false,
    }
}

/// True when the byte at `i` ends a line: a `\n`, or a `\r` not before a `\n` (old Mac files,
/// Excel's "CSV (Macintosh)", end lines with `\r` alone; `\r\n` is one end). Lines counted so
/// are the lines an editor shows.
pub fn ends_line(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// Where the bytes stop being UTF-8 text: the 1-based line and column (in characters) of the
/// first byte that is not, and that byte; `None` when the whole of `bytes` is UTF-8.
pub fn not_utf8(bytes: &[u8]) -> Option<(usize, usize, u8)> {
    let e = std::str::from_utf8(bytes).err()?;
    let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
    let ends = (0..good.len()).filter(|&i| ends_line(bytes, i));
    let line_start = ends.clone().next_back().map_or(0, |p| p + 1);
    let line = ends.count() + 1;
    let before = std::str::from_utf8(good.get(line_start..).unwrap_or_default())
        .map_or(0, |s| s.chars().count());
    let byte = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
    Some((line, before + 1, byte))
}

/// [`wrap`] in at most `most` lines: when more are needed, the last line holds as much of the
/// rest as fits, cut with `…`. The one rule for a text of any length given a few lines.
pub fn wrap_at_most(s: &str, width: usize, most: usize) -> Vec<String> {
    let mut lines = wrap(s, width);
    if lines.len() > most {
        let rest = lines.split_off(most.saturating_sub(1)).join(" ");
        if most > 0 {
            lines.push(ellipsis(&rest, width.max(1)).trim_end().to_owned());
        }
    }
    lines
}

/// Like [`fit`], but a string cut short ends in `…`, so nothing is cut without a sign.
pub fn ellipsis(s: &str, cols: usize) -> String {
    if width(s) <= cols {
        return fit(s, cols);
    }
    if cols == 0 {
        return String::new();
    }
    let mut out = fit(s, cols - 1).trim_end().to_owned();
    out.push('…');
    let used = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(used)));
    out
}

/// Writes `value` as serde_json's pretty JSON, with DEL and every character [`is_hidden`] names
/// written as a `\u` escape: the same JSON to any reader, and inert in a terminal (serde_json
/// writes U+009B, the one-byte start of a terminal's control sequence, and U+202E as they are;
/// a key of the file is quoted in `validate --json` as written).
pub fn write_json<W: std::io::Write, T: serde::Serialize + ?Sized>(
    out: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Inert::default());
    value.serialize(&mut ser)
}

/// serde_json's pretty formatter, escaping what must not reach a terminal raw.
#[derive(Default)]
struct Inert<'a>(serde_json::ser::PrettyFormatter<'a>);

impl serde_json::ser::Formatter for Inert<'_> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        if fragment.bytes().all(|b| b < 0x7f) {
            return w.write_all(fragment.as_bytes());
        }
        let mut units = [0u16; 2];
        for c in fragment.chars() {
            if c == '\u{7f}' || is_hidden(c) {
                for unit in c.encode_utf16(&mut units) {
                    write!(w, "\\u{unit:04x}")?;
                }
            } else {
                w.write_all(c.encode_utf8(&mut [0; 4]).as_bytes())?;
            }
        }
        Ok(())
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// The known name a misspelled `key` most likely meant (a side file's field, a table's
/// column): the nearest of `names` by edit distance (letters swapped count once, case is
/// ignored), when it is at most 1 for a name of up to 4 letters and at most 2 for a longer one.
pub fn nearest_name<'n>(names: &[&'n str], key: &str) -> Option<&'n str> {
    const MOST: usize = 2;
    // Ids of 40–50 letters are common (`tp-pahalgam-attack-trf-retraction`); a key longer than a
    // message quotes whole is no typo, and is not compared letter by letter.
    if key.len() > 80 {
        return None;
    }
    let key = key.to_lowercase();
    names
        .iter()
        .filter(|n| n.len().abs_diff(key.len()) <= MOST)
        .map(|n| (strsim::osa_distance(&key, n), *n))
        .filter(|&(d, n)| d <= if n.len() <= 4 { 1 } else { MOST })
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

/// [`nearest_name`] when no other name is as near: a guess among equals (`p4` for `p1`, `p2`
/// or `p3`) would be one at random, however it is said. A name that differs only in its
/// digits (`s1` for `s9`, `liar-339` for `liar-338`) is another of a numbered series, not the
/// one meant: citing it would be wrong, so it is not offered.
pub fn nearest_unique_name<'n>(names: &[&'n str], key: &str) -> Option<&'n str> {
    let found = nearest_name(names, key)?;
    let letters = |s: &str| {
        s.chars()
            .filter(|c| !c.is_ascii_digit())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    if letters(found) == letters(key) {
        return None;
    }
    let key = key.to_lowercase();
    let best = strsim::osa_distance(&key, found);
    let ties = names
        .iter()
        .filter(|n| n.len().abs_diff(key.len()) <= 2 && strsim::osa_distance(&key, n) == best)
        .count();
    (ties == 1).then_some(found)
}

/// [`nearest`] for a topic id: a list cut short says where every topic is listed.
pub fn nearest_topic(value: &str, ids: std::collections::BTreeSet<&str>) -> String {
    let said = nearest(value, ids);
    if said.ends_with("in all)") {
        format!("{said}; `parallax topics` lists them all")
    } else {
        said
    }
}

/// Names joined for one line, told apart by semicolons when one holds a comma (`Shehbaz
/// Sharif, Prime Minister; Vikram Misri, Foreign Secretary`), else by commas.
pub fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    let sep = if names.iter().any(|n| n.as_ref().contains(',')) {
        "; "
    } else {
        ", "
    };
    names
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(sep)
}

/// The values in use (or ids there are) nearest to a mistyped one, for a message: those that share its start or
/// hold it (ignoring case) first, then the rest in order, at most `MAX`.
pub fn nearest(value: &str, in_use: std::collections::BTreeSet<&str>) -> String {
    const MAX: usize = 12;
    if in_use.is_empty() {
        return "none is used".to_owned();
    }
    let fold = value.to_lowercase();
    // How like the value each one is: as a whole, or by its likest word ("Reutrs" is most
    // like "Reuters" and then "AsiaOne (Reuters)"), the likeliest first.
    // Those that begin as it does or hold it (whole, or by a word) come first.
    let head: String = fold.chars().take(3).collect();
    let likeness = |v: &str| {
        let v = v.to_lowercase();
        let words = || {
            v.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
        };
        let begins = std::iter::once(v.as_str()).chain(words()).any(|w| {
            w.starts_with(&head) || w.contains(&fold) || (w.len() > 2 && fold.contains(w))
        });
        let alike = words()
            .map(|w| strsim::jaro_winkler(&fold, w))
            .fold(strsim::jaro_winkler(&fold, &v), f64::max);
        (begins, alike)
    };
    let mut shown: Vec<((bool, f64), &str)> = in_use.iter().map(|&v| (likeness(v), v)).collect();
    // Stable: equally likely values keep their alphabetical order.
    shown.sort_by(|a, b| b.0.0.cmp(&a.0.0).then(b.0.1.total_cmp(&a.0.1)));
    let mut shown: Vec<&str> = shown.into_iter().map(|(_, v)| v).collect();
    let more = shown.len().saturating_sub(MAX);
    shown.truncate(MAX);
    let list = clean(&join_names(&shown)).text;
    if more > 0 {
        format!("those in use include: {list} … ({} in all)", more + MAX)
    } else {
        format!("choose one of: {list}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A typo gets the id it likely meant, however long; another of a numbered series does not.
    #[test]
    fn a_guess_is_a_typo_mended_not_another_of_a_series() {
        let long = "tp-pahalgam-attack-trf-retraction";
        assert_eq!(
            nearest_unique_name(&[long, "tp-other"], "tp-pahalgam-attack-trf-retractoin"),
            Some(long)
        );
        assert_eq!(nearest_unique_name(&["s1", "bbc"], "s9"), None);
        assert_eq!(nearest_unique_name(&["liar-339"], "liar-338"), None);
        assert_eq!(nearest_unique_name(&["src-1"], "scr-1"), Some("src-1"));
    }

    /// The lines textwrap's own `wrap` gives a paragraph wrapped whole, set up as
    /// [`wrap_line`] wraps: the same lines wherever each character's width is its grapheme's.
    fn whole(p: &str, width: usize) -> Vec<String> {
        let options = textwrap::Options::new(width.max(1))
            .break_words(true)
            .word_separator(textwrap::WordSeparator::Custom(words_of))
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        textwrap::wrap(p, options)
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    }

    /// An emoji drawn in two columns but made of a one-column character and a variation
    /// selector (`❤️`) counts two: every line fits its width and no word is lost (a line of
    /// them ran past the pane, whose edge cut its last words).
    #[test]
    fn emoji_with_a_variation_selector_count_as_drawn() {
        let p: String = (1..=40).map(|i| format!("w{i} ❤️ ⚖️ ")).collect();
        let p = p.trim_end();
        for cols in [1, 2, 5, 13, 38, 80] {
            let lines = wrap(p, cols);
            for l in &lines {
                assert!(width(l) <= cols.max(2), "{l:?} is wider than {cols}");
            }
            let words = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(words(&lines.join(" ")), words(p), "width {cols}");
        }
        assert_eq!(
            wrap("a ❤️ b ❤️ c", 6),
            ["a ❤️ b", "❤️ c"],
            "two columns each"
        );
    }

    #[test]
    fn a_paragraph_longer_than_a_piece_wraps_as_it_would_whole() {
        // Words of 1 to 30 letters (some wider than the line), two- and three-byte letters
        // (some two columns wide), single and repeated spaces, over several pieces.
        let letters = ['a', 'é', '語', 'b', 'c'];
        let (mut p, mut n) = (String::new(), 7u32);
        while p.len() < 5 * WRAP_PIECE {
            n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let len = (n >> 16) % 30 + 1;
            for i in 0..len {
                p.push(letters[((n >> 8) as usize + i as usize) % letters.len()]);
            }
            p.push_str(if n % 11 == 0 { "   " } else { " " });
        }
        for width in [1, 7, 24, 80] {
            let mut lines = Vec::new();
            wrap_each(&p, width, |l| lines.push(l.to_owned()));
            assert_eq!(lines, whole(&p, width), "width {width}");
        }
    }

    #[test]
    fn a_head_joins_the_first_paragraph_and_a_stop_says_where_the_rest_begins() {
        let long: String = (0..40_000).map(|i| format!("w{} ", i % 89)).collect();
        let s = format!("First words here.\n\n{long}\nLast paragraph, after the long one.");
        let all = wrap(&format!("L1 {s}"), 30);
        let mut given = Vec::new();
        let cut = wrap_lines("L1 ", &s, 30, |l| {
            given.push(l.to_owned());
            ControlFlow::Continue(())
        });
        assert_eq!((cut, &given), (None, &all), "every line, as if joined");
        // Stopped at line n: the text from the offset given wraps on from that line.
        for n in [0, 1, 2, 3, 500, all.len() - 1] {
            let mut count = 0;
            let cut = wrap_lines("L1 ", &s, 30, |_| {
                count += 1;
                if count > n {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            let at = cut.expect("stopped");
            if n == 0 {
                assert_eq!(at, 0, "the first line begins in the head");
            } else {
                let rest = s.get(at..).expect("an offset in the text");
                assert!(rest.starts_with(all[n].as_str()), "line {n}: {:?}", &all[n]);
            }
        }
    }

    #[test]
    fn a_run_of_spaces_longer_than_a_piece_wraps_as_it_would_whole() {
        let p = format!("start{}end of it", " ".repeat(3 * WRAP_PIECE));
        assert_eq!(wrap(&p, 10), whole(&p, 10));
    }

    #[test]
    fn a_text_given_a_few_lines_shows_what_fits_of_the_rest_on_the_last() {
        let s = "one two three four five six seven";
        assert_eq!(
            wrap_at_most(s, 9, 5),
            wrap(s, 9),
            "room for all: nothing is cut"
        );
        assert_eq!(wrap_at_most(s, 9, 2), ["one two", "three fo…"]);
        assert_eq!(wrap_at_most(s, 9, 1), ["one two…"]);
        assert!(wrap_at_most(s, 9, 0).is_empty());
    }

    #[test]
    fn long_values_are_quoted_short() {
        assert_eq!(quote("short"), "short");
        let long = "x".repeat(1000);
        let q = quote(&long);
        assert_eq!(q, format!("{}… (1000 characters)", "x".repeat(80)));
        // Characters as a reader counts them: `é` as `e` and an accent is one, never parted
        // (the cut left a bare `e` and counted 129 for 65).
        let accents = format!("a{}", "e\u{301}".repeat(64));
        assert_eq!(quote(&accents), accents);
        let longer = format!("a{}", "e\u{301}".repeat(90));
        assert_eq!(
            quote(&longer),
            format!("a{}… (91 characters)", "e\u{301}".repeat(79))
        );
        let thumbs = "👍🏽".repeat(90);
        assert_eq!(
            quote(&thumbs),
            format!("{}… (90 characters)", "👍🏽".repeat(80))
        );
    }

    #[test]
    fn clean_ascii_is_unchanged() {
        let c = clean("Plain text, with a newline\nhere.");
        assert_eq!(c.text, "Plain text, with a newline\nhere.");
        assert!(c.flagged.is_empty());
    }

    #[test]
    fn clean_text_in_any_script_is_unchanged() {
        let c = clean("Café — naïve “quote” 日本");
        assert_eq!(c.text, "Café — naïve “quote” 日本");
        assert!(c.flagged.is_empty());
        assert_eq!(clean_if_needed("Café — naïve “quote” 日本"), None);
    }

    #[test]
    fn an_escape_sequence_shows_its_escape_marked_and_the_rest_as_text() {
        let c = clean("a\u{1b}[31mred\u{1b}]0;title\u{7}b");
        assert_eq!(c.text, "a␛[31mred␛]0;title␇b");
        assert_eq!(c.flagged, vec!['\u{1b}', '\u{7}']);
    }

    /// A string sequence with no terminator would make a terminal swallow the rest of the
    /// string: here the rest is shown, so a side file cannot hide a sentence behind one.
    #[test]
    fn text_after_an_unterminated_string_sequence_is_not_hidden() {
        for intro in ["\u{1b}P", "\u{1b}]", "\u{1b}X", "\u{1b}^", "\u{1b}_"] {
            let c = clean(&format!("We never did.{intro} Actually we did."));
            assert!(
                c.text.starts_with("We never did.␛"),
                "{intro:?}: {}",
                c.text
            );
            assert!(
                c.text.ends_with(" Actually we did."),
                "{intro:?}: {}",
                c.text
            );
        }
        for intro in ['\u{90}', '\u{9d}', '\u{98}', '\u{9e}', '\u{9f}'] {
            let c = clean(&format!("We never did.{intro} Actually we did."));
            assert_eq!(
                c.text,
                format!("We never did.⟨{}⟩ Actually we did.", code_point(intro))
            );
            assert_eq!(c.flagged, vec![intro]);
        }
        // Terminated by ESC \ too: the payload between stays in view.
        let c = clean("x\u{1b}P1;2|secret\u{1b}\\y");
        assert_eq!(c.text, "x␛P1;2|secret␛\\y");
    }

    #[test]
    fn bidi_and_invisible_characters_are_named() {
        let c = clean("abc\u{202e}def\u{200b}");
        assert_eq!(c.text, "abc⟨U+202E⟩def⟨U+200B⟩");
        assert_eq!(c.flagged, vec!['\u{202e}', '\u{200b}']);
        // A sentence in tag characters shows as what it is, not as nothing ("Visible end").
        let tags: String = "HI"
            .chars()
            .map(|c| char::from_u32(0xe0000 + c as u32).unwrap_or('?'))
            .collect();
        let c = clean(&format!("Visible{tags} end"));
        assert_eq!(c.text, "Visible⟨U+E0048⟩⟨U+E0049⟩ end");
        // The flag of England is tag characters too, after its black flag: kept, as drawn.
        let england = "\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}";
        let c = clean(&format!("Go {england}!"));
        assert_eq!(
            (c.text.as_str(), c.flagged.len()),
            (format!("Go {england}!").as_str(), 0)
        );
        assert!(is_clean(&c.text) && not_one_line(&c.text).is_none());
        assert_eq!(
            clean("\u{1f3f4}\u{e0067}x").text,
            "\u{1f3f4}⟨U+E0067⟩x",
            "no CANCEL TAG"
        );
        for hidden in [
            '\u{fff9}',
            '\u{034f}',
            '\u{3164}',
            '\u{180e}',
            '\u{2062}',
            '\u{17b4}',
            '\u{1d173}',
            '\u{1bca0}',
        ] {
            assert!(!is_clean(&format!("a{hidden}b")), "{hidden:?}");
        }
    }

    #[test]
    fn hidden_characters_in_a_url_are_percent_encoded() {
        let c = escape_url("https://ex.org/\u{202e}fdp.exe\u{ad}?\u{feff}=1");
        assert_eq!(c.text, "https://ex.org/%E2%80%AEfdp.exe%C2%AD?%EF%BB%BF=1");
        assert_eq!(c.flagged, vec!['\u{202e}', '\u{ad}', '\u{feff}']);
        assert_eq!(
            escape_url("https://ex.org/café").text,
            "https://ex.org/café"
        );
    }

    #[test]
    fn c0_controls_become_control_pictures_and_tabs_spaces() {
        let c = clean("a\u{0}b\tc\r\nd\u{7f}");
        assert_eq!(c.text, "a␀b    c\nd␡");
        assert_eq!(c.flagged, vec!['\u{0}', '\u{7f}']);
    }

    #[test]
    fn c1_csi_is_marked_and_its_parameters_stay_in_view() {
        let c = clean("a\u{9b}2Jb");
        assert_eq!(c.text, "a⟨U+009B⟩2Jb");
    }

    #[test]
    fn width_counts_wide_graphemes() {
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(fit("日本語", 5), "日本 ");
    }

    #[test]
    fn a_cut_string_ends_in_an_ellipsis() {
        assert_eq!(ellipsis("abcdef", 4), "abc…");
        assert_eq!(ellipsis("ab", 4), "ab  ");
        assert_eq!(ellipsis("ab cdef", 4), "ab… ");
        assert_eq!(width(&ellipsis("日本語です", 5)), 5);
    }

    #[test]
    fn wrap_never_breaks_a_date_or_an_id_at_its_hyphens() {
        assert_eq!(
            wrap("[World Wire 2024-03-03]", 20),
            vec!["[World Wire", "2024-03-03]"]
        );
        assert_eq!(
            wrap("rebuts in-pahalgam-attack", 20),
            vec!["rebuts", "in-pahalgam-attack"]
        );
    }

    #[test]
    fn text_without_spaces_fills_its_lines_where_its_script_allows() {
        // Chinese: the label shares the first line, and no line opens on a comma or full stop.
        let zh = "双方应通过对话和协商解决分歧，维护地区和平与稳定。";
        let lines = wrap(&format!("L1 {zh}"), 12);
        assert_eq!(lines.first().map(String::as_str), Some("L1 双方应通"));
        assert!(lines.iter().all(|l| width(l) <= 12), "{lines:?}");
        assert!(
            lines.iter().all(|l| !l.starts_with(['，', '。'])),
            "{lines:?}"
        );
        assert_eq!(lines.concat(), format!("L1 {zh}"), "nothing lost");
        // Latin words, URLs and hyphenated ids beside them stay whole.
        // A marker inside a word stays with its letters.
        assert_eq!(
            wrap("and bidi ⟨U+202E⟩gnp.exe⟨U+202C⟩ end", 30),
            ["and bidi", "⟨U+202E⟩gnp.exe⟨U+202C⟩ end"]
        );
        assert_eq!(
            wrap("日本 https://example.org/a/b in-pahalgam-attack", 24),
            ["日本", "https://example.org/a/b", "in-pahalgam-attack"]
        );
    }

    #[test]
    fn an_emoji_sequence_breaks_between_its_emoji_never_inside_a_marker() {
        // A family emoji's joiners are markers (FORMAT.md): the sequence, one run without
        // spaces, used to be cut at the width, through a marker (`👧⟨U+200` | `D⟩👦`).
        let s = "Protesters waved 👍 and 👨⟨U+200D⟩👩⟨U+200D⟩👧⟨U+200D⟩👦 families with flags";
        for w in 10..40 {
            let lines = wrap(s, w);
            assert!(
                lines
                    .iter()
                    .all(|l| l.matches('⟨').count() == l.matches('⟩').count()),
                "{w}: {lines:?}"
            );
            assert_eq!(lines.concat().replace(' ', ""), s.replace(' ', ""));
        }
    }

    #[test]
    fn a_run_of_flags_wraps_between_flags() {
        // A flag is two code points: a run of them was cut between the two, and showed another
        // country's flag (🇳 then 🇮 reads as Nicaragua's); the label stood alone above it.
        let flags = format!("L1 {}", "🇮🇳".repeat(15));
        for w in [10, 20, 31] {
            let lines = wrap(&flags, w);
            assert!(lines[0].starts_with("L1 🇮🇳"), "{w}: {lines:?}");
            for l in &lines {
                let indicators = l
                    .chars()
                    .filter(|c| ('\u{1F1E6}'..='\u{1F1FF}').contains(c))
                    .count();
                assert_eq!(indicators % 2, 0, "{w}: a flag cut: {lines:?}");
                assert!(width(l) <= w, "{w}: {lines:?}");
            }
        }
    }

    #[test]
    fn wrap_keeps_line_breaks_and_breaks_long_words() {
        assert_eq!(wrap("ab cd\nef", 2), vec!["ab", "cd", "ef"]);
        assert_eq!(wrap("abcdef", 4), vec!["abcd", "ef"]);
        assert_eq!(wrap("", 4), vec![""]);
    }
}
