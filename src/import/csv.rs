//! The claims table as CSV: read by `parallax import csv` (the dialects spreadsheets write:
//! comma, semicolon or tab, a byte-order mark, CRLF, quoted newlines; columns found by their header
//! name, in any order) and written by `parallax export --format claims-csv`.

use super::record::{Col, Kind, Record, guard, header_key, unguard};
use super::{Builder, Problem};
use crate::format::{Dispute, ManifestTopic, Side};

/// Why a CSV file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The header lacks columns every claim needs: all of them are named at once, with the
    /// column each header cell parallax does not read was likely meant as.
    #[error(
        "{file}: line {header}: the header has no {} column{}; name the columns in the header row (side, topic, text, …; see the README)",
        either(missing),
        guesses(unknown)
    )]
    MissingColumns {
        /// The file, as given.
        file: String,
        /// The header's line: 1, or after a `sep=` line and blank lines.
        header: usize,
        /// The names of the columns missing.
        missing: Vec<&'static str>,
        /// Each header cell parallax does not read, as shown, with the column it is nearest.
        unknown: Vec<(String, Option<&'static str>)>,
    },
    /// The header lacks columns every claim needs, but a row soon below it names them all: a
    /// title or notes above the table, as a sheet often has.
    #[error(
        "{file}: line {header}: the header has no {} column, but line {below} names them all: the header seems to be line {below}; delete the lines above it",
        either(missing)
    )]
    HeaderBelow {
        /// The file, as given.
        file: String,
        /// The line read as the header.
        header: usize,
        /// The line that names every column needed.
        below: u64,
        /// The names of the columns the header lacks.
        missing: Vec<&'static str>,
    },
    /// The file is JSON, not a table.
    #[error(
        "{file}: this is JSON, not a table of claims: ClaimReview (a fact-checker's page or the Fact Check API) imports with `parallax import claimreview`, and parallax's own side files need no import (open them as they are)"
    )]
    Json {
        /// The file, as given.
        file: String,
    },
    /// The file is a comparison as `export -f csv` writes it (two sides a row), which is not a
    /// table of claims.
    #[error(
        "{file}: line {header}: this is a comparison as `parallax export -f csv` writes it (left_claim, right_claim, …), not a table of claims; `parallax export -f claims-csv` writes one that import reads back"
    )]
    Comparison {
        /// The file, as given.
        file: String,
        /// The header's line: 1, or after a `sep=` line and blank lines.
        header: usize,
    },
    /// The file has no header row.
    #[error("{file}: the file is empty; the first row names the columns")]
    Empty {
        /// The file, as given.
        file: String,
    },
    /// The file is a workbook or compressed, no text at all.
    #[error(
        "{file}: this is {}, not CSV text, so nothing was imported; {}", what.what(), packed_advice(*what)
    )]
    Packed {
        /// The file, as given.
        file: String,
        /// What it is.
        what: super::Packed,
    },
    /// The file is UTF-16 (Excel's "Unicode Text"), which begins with a byte-order mark
    /// `FF FE` or `FE FF`.
    #[error(
        "{file}: the file is UTF-16 text (as Excel's \"Unicode Text\" saves it), so nothing was imported; save the file as \"CSV UTF-8\" and import that"
    )]
    Utf16 {
        /// The file, as given.
        file: String,
    },
    /// The file is not UTF-8 (most often Windows-1252, which Excel writes for "CSV (Comma
    /// delimited)"): refused whole, since a guess at its encoding could change its words.
    #[error(
        "{file}: line {line}, column {column}: the byte {byte:#04X} is not UTF-8 text (Excel's \"CSV (Comma delimited)\" saves Windows-1252), so nothing was imported; save the file as \"CSV UTF-8\" and import that"
    )]
    NotUtf8 {
        /// The file, as given.
        file: String,
        /// The line of the first byte that is not UTF-8, from 1.
        line: usize,
        /// Its column in characters, from 1, as an editor counts them.
        column: usize,
        /// The byte.
        byte: u8,
    },
    /// A quoted cell that is never closed: the csv crate would read every row after it as the
    /// cell's text.
    #[error(
        "{file}: {opened}: this `\"` opens a quoted cell that is never closed, so the rows after it would be read as its text and nothing was imported; end the cell with a `\"`, and write a quote inside a quoted cell as two (`\"\"`)"
    )]
    UnclosedQuote {
        /// The file, as given.
        file: String,
        /// Where the cell's opening quote is.
        opened: Place,
    },
    /// A quoted cell that goes on after the quote that closes it (`"He said "no" twice`): the
    /// csv crate would drop that quote and keep the next as text.
    #[error(
        "{file}: {at}: this `\"` closes the quoted cell that opens at {opened}, but the cell goes on after it (`{next}`), so nothing was imported; write a quote inside a quoted cell as two (`\"He said \"\"no\"\" twice\"`)"
    )]
    QuoteInQuotedCell {
        /// The file, as given.
        file: String,
        /// Where the cell's opening quote is.
        opened: Place,
        /// Where the quote that closes it is.
        at: Place,
        /// What follows that quote, as shown.
        next: String,
    },
}

/// What a guarded cell's text begins with, as a problem names it: `=`, `a tab`.
fn guarded_start(text: &str) -> String {
    match text.trim_start_matches(' ').chars().next() {
        Some('\t') if text.starts_with('\t') => "a tab".to_owned(),
        Some('\r') if text.starts_with('\r') => "a carriage return".to_owned(),
        Some(c) if text.starts_with(' ') => format!("spaces and {c}"),
        Some(c) => c.to_string(),
        None => String::new(),
    }
}

/// How many rows below a header missing columns are looked at for the header meant.
const HEADER_BELOW: usize = 5;

/// Names as a list to choose from: `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` ``.
fn either(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// What a header missing columns holds instead: each cell parallax does not read, with the
/// column it likely meant (` (`Txt`: did you mean `text`?; `Mood` is no column parallax
/// knows)`), or nothing when every cell is a column.
fn guesses(unknown: &[(String, Option<&str>)]) -> String {
    if unknown.is_empty() {
        return String::new();
    }
    let said: Vec<String> = unknown
        .iter()
        .map(|(cell, near)| match near {
            Some(col) => format!("`{cell}`: did you mean `{col}`?"),
            None => format!("`{cell}` is no column parallax knows"),
        })
        .collect();
    format!(" ({})", said.join("; "))
}

/// What to do with a file that is no text to read as a table.
fn packed_advice(what: super::Packed) -> &'static str {
    match what {
        super::Packed::Gzip => "decompress it first (gunzip FILE) and import the file it gives",
        super::Packed::Zip => {
            "open it in the spreadsheet, save the sheet as \"CSV UTF-8\" and import that (a zip of CSV files: unzip it first)"
        }
        super::Packed::OldExcel => {
            "open it in the spreadsheet, save the sheet as \"CSV UTF-8\" and import that"
        }
    }
}

/// True when the bytes are JSON (or meant to be: broken, or with comments), not a table: they
/// open with `{` or `[`, as no header row does. Checked before any quote is read (a JSON string
/// ending in a comma, `"one, two,"`, read as CSV was taken for a bad quote).
fn is_json(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| matches!(b, b'{' | b'['))
}

/// The delimiter of a file: of the comma, the semicolon (as spreadsheets write where the comma
/// is the decimal mark) and the tab (Excel's "Text (Tab delimited)", a copy from a sheet), the
/// one the header row (the first line that is not blank) holds most of; a comma when none.
fn delimiter(bytes: &[u8]) -> u8 {
    let header = bytes
        .split(|&b| b == b'\n' || b == b'\r')
        .find(|line| !line.iter().all(u8::is_ascii_whitespace))
        .unwrap_or(bytes);
    let count = |c: u8| header.iter().filter(|&&b| b == c).count();
    let mut best = b',';
    for c in [b';', b'\t'] {
        if count(c) > count(best) {
            best = c;
        }
    }
    best
}

/// The delimiter a first line such as `sep=;` names (Excel writes it, and reads it, so that a
/// table opens in columns whatever the machine's list separator), with where the table starts:
/// at that line's end, its newline kept so that every line keeps its number.
fn sep_line(text: &str) -> Option<(u8, usize)> {
    let rest = text
        .strip_prefix("sep=")
        .or_else(|| text.strip_prefix("SEP="))?;
    let end = rest.find(['\r', '\n']).map_or(text.len(), |n| n + 4);
    let line = rest.get(..end - 4)?;
    let &delimiter = line.as_bytes().first()?;
    // The line as a sheet may save it back: a delimiter per empty cell after the first.
    let named =
        matches!(delimiter, b',' | b';' | b'\t' | b'|') && line.bytes().all(|b| b == delimiter);
    named.then_some((delimiter, end))
}

/// A place in the file: its 1-based line and column (in characters, as an editor counts them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// A quote the csv crate would read without complaint but not as the writer meant: the file is
/// refused with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
enum BadQuote {
    /// A quoted cell opens and the file ends before it closes: every row after it would be read
    /// as the cell's text.
    Unclosed { opened: Place },
    /// A quote ends a quoted cell (opened at `opened`), and the cell goes on with `next`: the
    /// quote was meant as text, and would be dropped.
    GoesOn {
        opened: Place,
        at: Place,
        next: char,
    },
}

/// What a scan of the quotes found: the first quote that makes the file unreadable as meant,
/// and the quotes kept as written inside cells that do not begin with one (each with whether
/// only spaces come before it in its cell).
#[derive(Debug, Default, PartialEq, Eq)]
struct Quotes {
    bad: Option<BadQuote>,
    literal: Vec<(Place, bool)>,
}

/// Scans the quotes of CSV text with `delimiter` as the csv crate reads them (a cell is quoted
/// when its first character is `"`; inside, `""` is a quote; a record ends at `\n`, `\r` or
/// `\r\n`, and so does a line of the places found), for what the crate takes without an error but not as written: a quoted cell never
/// closed, a quoted cell that goes on after its closing quote (spaces before the next delimiter
/// aside), and quotes inside a cell that is not quoted (which it keeps as text).
fn scan_quotes(text: &str, delimiter: u8) -> Quotes {
    #[derive(Clone, Copy)]
    enum State {
        /// At the start of a cell.
        Start,
        /// In a cell that is not quoted; `blank` while only spaces came.
        Plain { blank: bool, quoted: bool },
        /// In a quoted cell opened at the place.
        Quoted(Place),
        /// Just after a quote in a quoted cell: it ends the cell or, doubled, is a quote.
        Closing { opened: Place, at: Place },
        /// After a quoted cell's closing quote and spaces.
        Closed { opened: Place, at: Place },
    }
    let delimiter = char::from(delimiter);
    let mut found = Quotes::default();
    let mut state = State::Start;
    let mut here = Place { line: 1, column: 1 };
    for (i, c) in text.char_indices() {
        let ends = c == delimiter || c == '\n' || c == '\r';
        state = match state {
            State::Start if c == '"' => State::Quoted(here),
            State::Start if ends => State::Start,
            State::Start => State::Plain {
                blank: c == ' ' || c == '\t',
                quoted: false,
            },
            State::Plain { .. } if ends => State::Start,
            State::Plain { blank, quoted } => {
                if c == '"' && !quoted {
                    found.literal.push((here, blank));
                }
                State::Plain {
                    blank: blank && (c == ' ' || c == '\t'),
                    quoted: quoted || c == '"',
                }
            }
            State::Quoted(opened) if c == '"' => State::Closing { opened, at: here },
            State::Quoted(opened) => State::Quoted(opened),
            State::Closing { opened, .. } if c == '"' => State::Quoted(opened),
            State::Closing { .. } | State::Closed { .. } if ends => State::Start,
            State::Closing { opened, at } | State::Closed { opened, at }
                if c == ' ' || c == '\t' =>
            {
                State::Closed { opened, at }
            }
            State::Closing { opened, at } | State::Closed { opened, at } => {
                found.bad = Some(BadQuote::GoesOn {
                    opened,
                    at,
                    next: c,
                });
                return found;
            }
        };
        if crate::text::ends_line(text.as_bytes(), i) {
            here.line += 1;
            here.column = 1;
        } else {
            here.column += 1;
        }
    }
    if let State::Quoted(opened) = state {
        found.bad = Some(BadQuote::Unclosed { opened });
    }
    found
}

/// Numbers records by the line they start on, counted from the bytes as an editor counts lines
/// ([`crate::text::ends_line`]): with CRLF line ends the csv crate's own count is one short,
/// and its position is the LF ending the line before; with CR alone it counts one line.
/// Records come in order, so each count goes on from the last (one pass over the file).
struct Lines<'b> {
    bytes: &'b [u8],
    /// The byte counted up to, and the line it is on.
    at: usize,
    line: u64,
}

impl<'b> Lines<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        Lines {
            bytes,
            at: 0,
            line: 1,
        }
    }

    fn of(&mut self, at: Option<&csv::Position>) -> u64 {
        let Some(at) = at else { return 0 };
        let bytes = self.bytes;
        let mut start = usize::try_from(at.byte())
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.at {
            (self.at, self.line) = (0, 1);
        }
        let ends = (self.at..start).filter(|&i| crate::text::ends_line(bytes, i));
        self.line += ends.count() as u64;
        self.at = start;
        self.line
    }
}

/// Reads one CSV file into `builder`. Every record that cannot be used, every unknown column,
/// every value in a column its record does not read, and every quote kept as text becomes a
/// problem with its line; only a file that is not UTF-8 text (UTF-16, JSON, a workbook or a
/// compressed file is named as such), one
/// whose quotes would change its rows (a quoted cell never closed, or going on after its
/// closing quote), or one without the needed columns, fails, before any record is read.
pub fn read(bytes: &[u8], file: &str, builder: &mut Builder) -> Result<(), CsvError> {
    if let Some(what) = super::Packed::of(bytes) {
        return Err(CsvError::Packed {
            file: file.to_owned(),
            what,
        });
    }
    if crate::text::is_utf16(bytes) {
        return Err(CsvError::Utf16 {
            file: file.to_owned(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    // JSON given for a table: ClaimReview has its own import, a dispute needs none.
    if is_json(bytes) {
        return Err(CsvError::Json {
            file: file.to_owned(),
        });
    }
    // Lines ended by CR alone (an old Mac's "CSV (Macintosh)"): no LF anywhere.
    let cr_only = memchr::memchr(b'\n', bytes).is_none();
    let Ok(text) = std::str::from_utf8(bytes) else {
        let (line, column, byte) = crate::text::not_utf8(bytes).unwrap_or((1, 1, 0));
        return Err(CsvError::NotUtf8 {
            file: file.to_owned(),
            line,
            column,
            byte,
        });
    };
    let (delimiter, text, bytes) = match sep_line(text) {
        Some((delimiter, start)) => {
            let rest = text.get(start..).unwrap_or_default();
            (delimiter, rest, rest.as_bytes())
        }
        None => (delimiter(bytes), text, bytes),
    };
    let quotes = scan_quotes(text, delimiter);
    match quotes.bad {
        Some(BadQuote::Unclosed { opened }) => {
            return Err(CsvError::UnclosedQuote {
                file: file.to_owned(),
                opened,
            });
        }
        Some(BadQuote::GoesOn { opened, at, next }) => {
            return Err(CsvError::QuoteInQuotedCell {
                file: file.to_owned(),
                opened,
                at,
                next: crate::text::clean(&next.to_string()).text,
            });
        }
        None => {}
    }
    let mut literal = quotes.literal.into_iter().peekable();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(bytes);
    let mut lines = Lines::new(bytes);
    let headers = match reader.headers() {
        Ok(h) if !h.is_empty() => h.clone(),
        Ok(_) => {
            return Err(CsvError::Empty {
                file: file.to_owned(),
            });
        }
        Err(e) => {
            builder.problems.push(Problem {
                file: file.to_owned(),
                at: format!("line {}", lines.of(e.position()).max(1)),
                reason: format!("the header row cannot be read: {e}"),
            });
            return Err(CsvError::Empty {
                file: file.to_owned(),
            });
        }
    };
    // The header's line: blank lines before it (and a `sep=` line) are skipped, and counted.
    let header = usize::try_from(lines.of(headers.position())).unwrap_or(usize::MAX);
    let header_at = format!("line {header}");
    // The column a cell parallax does not read was likely meant as, unless the header has it.
    let present: Vec<Col> = headers.iter().filter_map(Col::from_header).collect();
    let near = |cell: &str| Col::near_header(cell).filter(|c| !present.contains(c));
    let read: Vec<Option<Col>> = headers.iter().map(Col::from_header).collect();
    // The cell that gives a column two cells name (`claim` and `text`): the one written with
    // the column's own name, wherever it stands, over another name for it; else the first.
    let giver = |c: Col| {
        let named = || read.iter().enumerate().filter(move |(_, r)| **r == Some(c));
        named()
            .find(|&(i, _)| headers.get(i).is_some_and(|h| header_key(h) == c.name()))
            .or_else(|| named().next())
            .map(|(i, _)| i)
    };
    let mut columns: Vec<Option<Col>> = Vec::with_capacity(headers.len());
    // Each column's name as the header writes it, to name it in a problem.
    let mut names: Vec<String> = Vec::with_capacity(headers.len());
    for (i, name) in headers.iter().enumerate() {
        let col = read.get(i).copied().flatten();
        let shown = crate::text::quote(name.trim());
        names.push(shown.clone());
        match col {
            None if name.trim().is_empty() => {}
            None => builder.problems.push(Problem {
                file: file.to_owned(),
                at: header_at.clone(),
                reason: match near(name) {
                    Some(col) => format!(
                        "the column `{shown}` is not one parallax knows; ignored (did you mean `{}`?)",
                        col.name()
                    ),
                    None => format!("the column `{shown}` is not one parallax knows; ignored"),
                },
            }),
            Some(c) => {
                let used = giver(c).unwrap_or(i);
                if used != i {
                    let kept = headers.get(used).map_or("", |h| h.trim());
                    let kept = crate::text::quote(kept);
                    let (first, second) = if used < i {
                        (kept.as_str(), shown.as_str())
                    } else {
                        (shown.as_str(), kept.as_str())
                    };
                    let which = if kept == shown {
                        "the first is used".to_owned()
                    } else if used > i {
                        format!("`{kept}`, the column's own name, is used and `{shown}` ignored")
                    } else {
                        format!("`{kept}`, the first, is used and `{shown}` ignored")
                    };
                    builder.problems.push(Problem {
                        file: file.to_owned(),
                        at: header_at.clone(),
                        reason: format!(
                            "the columns `{first}` and `{second}` both name `{}`; {which}: delete one of them or give it another name",
                            c.name()
                        ),
                    });
                }
            }
        }
        columns.push(col.filter(|&c| giver(c) == Some(i)));
    }
    let missing: Vec<&'static str> = [Col::Side, Col::Topic, Col::Text]
        .into_iter()
        .filter(|needed| !columns.contains(&Some(*needed)))
        .map(Col::name)
        .collect();
    if !missing.is_empty() {
        if names.iter().any(|n| n == "left_claim") && names.iter().any(|n| n == "right_claim") {
            return Err(CsvError::Comparison {
                file: file.to_owned(),
                header,
            });
        }
        // A title or a note above the table (`My fact-check sheet,,`): a row soon below that
        // names every column needed is the header meant.
        let below = reader
            .records()
            .take(HEADER_BELOW)
            .flatten()
            .find_map(|row| {
                let named: Vec<Col> = row.iter().filter_map(Col::from_header).collect();
                [Col::Side, Col::Topic, Col::Text]
                    .iter()
                    .all(|c| named.contains(c))
                    .then(|| lines.of(row.position()))
            });
        if let Some(below) = below {
            return Err(CsvError::HeaderBelow {
                file: file.to_owned(),
                header,
                below,
                missing,
            });
        }
        let unknown = headers
            .iter()
            .zip(&names)
            .filter(|(cell, shown)| !shown.is_empty() && Col::from_header(cell).is_none())
            .map(|(cell, shown)| (shown.clone(), near(cell).map(Col::name)))
            .collect();
        return Err(CsvError::MissingColumns {
            file: file.to_owned(),
            header,
            missing,
            unknown,
        });
    }
    // A file claims-csv wrote (its header whole, in its order) guards a cell a spreadsheet would
    // read as a formula with a `'`, taken off here. In another file the `'` is taken off too (a
    // export's columns may have been trimmed), but said: it may be the text's own.
    let is_export = |columns: &[Option<Col>]| columns.iter().copied().eq(Col::ALL.map(Some));
    let mut exported = is_export(&columns);
    // The header in force, and where it is: a header again in another order takes over.
    let mut header_at = header_at;
    let mut current = headers.clone();
    let mut current_keys: Vec<String> = headers.iter().map(header_key).collect();
    for result in reader.records() {
        match result {
            Ok(row) => {
                let line = lines.of(row.position());
                let at = format!("line {line}");
                // The quotes kept as text up to this row's first line, in the order of the file.
                while let Some((place, blank)) =
                    literal.next_if(|(p, _)| u64::try_from(p.line).unwrap_or(u64::MAX) <= line)
                {
                    builder.problems.push(literal_quote(file, place, blank));
                }
                // A row of empty cells, however many (`,,,`, a tab-separated row emptied), is a
                // blank line: nothing is said of it.
                if row.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                // The header row again, as two tables joined into one (`cat`) give it: no
                // record (its `side` cell made a party "side").
                if row.len() == current.len()
                    && row
                        .iter()
                        .zip(&current)
                        .all(|(cell, name)| header_key(cell) == header_key(name))
                {
                    builder.problems.push(Problem {
                        file: file.to_owned(),
                        at,
                        reason: format!(
                            "the header row again (as two tables joined into one give it); \
                             skipped, and the rows after it read by the header of {header_at}"
                        ),
                    });
                    continue;
                }
                // A header in another order (tables joined whose columns were ordered
                // otherwise): every cell names a column, the three a claim needs among them.
                // Its rows are read by it; read by the first header, a row made a party of
                // its `side` cell's word.
                if let Some(order) = another_header(&row, &current_keys) {
                    names = row.iter().map(|c| crate::text::quote(c.trim())).collect();
                    current_keys = row.iter().map(header_key).collect();
                    current = row.clone();
                    columns = order;
                    exported = is_export(&columns);
                    builder.problems.push(Problem {
                        file: file.to_owned(),
                        at: at.clone(),
                        reason: format!(
                            "a header row with its columns in another order than the header of \
                             {header_at} (as two tables joined into one give it); skipped, and \
                             the rows after it read by it"
                        ),
                    });
                    header_at = at;
                    continue;
                }
                let mut record = Record::default();
                for (i, (cell, col)) in row.iter().zip(&columns).enumerate() {
                    if let Some(col) = col {
                        // A cell written on several lines by a spreadsheet on Windows, or on
                        // an old Mac (CR alone, in a file of CR line ends only: elsewhere a
                        // lone CR is a character of the text, flagged as such on load).
                        let read = unguard(cell);
                        // `''=x`, as the problem advises, keeps one without a word.
                        if !exported && read.len() != cell.len() && !read.starts_with('\'') {
                            builder.problems.push(Problem {
                                file: file.to_owned(),
                                at: at.clone(),
                                reason: format!(
                                    "the {} cell begins with ' before {}: the ' is taken off, as \
                                     claims-csv marks a cell a spreadsheet would read as a \
                                     formula; write '' to keep one",
                                    col.name(),
                                    guarded_start(read)
                                ),
                            });
                        }
                        let cell = read;
                        if cell.contains('\r') {
                            let cell = cell.replace("\r\n", "\n");
                            record.set(
                                *col,
                                if cr_only {
                                    cell.replace('\r', "\n")
                                } else {
                                    cell
                                },
                            );
                        } else {
                            record.set(*col, cell);
                        }
                    } else if !cell.trim().is_empty() && names.get(i).is_some_and(String::is_empty)
                    {
                        // A named column parallax does not know was reported with the header;
                        // a nameless one (a stray comma) only when it holds something.
                        builder.problems.push(Problem {
                            file: file.to_owned(),
                            at: at.clone(),
                            reason: format!(
                                "column {} has no name in the header, so `{}` is not read; name the column",
                                i + 1,
                                crate::text::quote(cell.trim())
                            ),
                        });
                    }
                }
                unread_cells(&record, &columns, &names, row.len(), file, &at, builder);
                if row.len() > columns.len() {
                    builder.problems.push(Problem {
                        file: file.to_owned(),
                        at: at.clone(),
                        reason: format!(
                            "{} cells where the header names {}; the extra cells are ignored",
                            row.len(),
                            columns.len()
                        ),
                    });
                }
                builder.add(&record, file, &at);
            }
            Err(e) => {
                builder.problems.push(Problem {
                    file: file.to_owned(),
                    at: format!("line {}", lines.of(e.position())),
                    reason: format!("cannot be read ({e}); skipped"),
                });
            }
        }
    }
    for (place, blank) in literal {
        builder.problems.push(literal_quote(file, place, blank));
    }
    Ok(())
}

/// The columns a row names when it is a header other than the one in force, whose cells are
/// `ours` as [`header_key`] writes them (the same names in another order, or other names of
/// columns parallax knows): each of its cells blank, one of `ours`, or a column parallax knows, with `side`, `topic` and `text` among them. A column
/// named twice is read from its first cell, as a first header's duplicate is by default.
fn another_header(row: &csv::StringRecord, ours: &[String]) -> Option<Vec<Option<Col>>> {
    let mut columns: Vec<Option<Col>> = Vec::with_capacity(row.len());
    for cell in row {
        let col = Col::from_header(cell);
        if col.is_none() && !cell.trim().is_empty() && !ours.contains(&header_key(cell)) {
            return None;
        }
        columns.push(col.filter(|c| !columns.contains(&Some(*c))));
    }
    [Col::Side, Col::Topic, Col::Text]
        .iter()
        .all(|c| columns.contains(&Some(*c)))
        .then_some(columns)
}

/// The problem of a quote kept as text in a cell that does not begin with one; `blank` when
/// only spaces come before it, a quoted cell most likely meant.
fn literal_quote(file: &str, place: Place, blank: bool) -> Problem {
    let reason = if blank {
        "the cell begins with a space before its `\"`, so it is not a quoted cell: its quotes are kept as text and a delimiter in it ends the cell; to quote the cell, take out the space before the `\"`"
    } else {
        "a `\"` in a cell that does not begin with one is kept as text; to quote the cell, begin and end it with `\"` and write each quote inside it as two (`\"\"`)"
    };
    Problem {
        file: file.to_owned(),
        at: place.to_string(),
        reason: reason.to_owned(),
    }
}

/// Reports the cells of a row its kind of record does not read (left out), and a row shorter
/// than the header when a cell it lacks is one its kind needs (a short row is common in CSV
/// written by hand, and fine while only optional cells are missing). A row of an unknown kind
/// is skipped whole, and reported so by the builder.
fn unread_cells(
    record: &Record,
    columns: &[Option<Col>],
    names: &[String],
    cells: usize,
    file: &str,
    at: &str,
    builder: &mut Builder,
) {
    let kind = record.kind();
    if kind == Kind::Unknown || record.is_empty() {
        return;
    }
    let with_side = record.get(Col::Side).is_some();
    let has_id = record.get(Col::Id).is_some();
    let problem = |reason: String| Problem {
        file: file.to_owned(),
        at: at.to_owned(),
        reason,
    };
    for (col, name) in columns.iter().zip(names).take(cells) {
        let Some(col) = *col else { continue };
        let Some(value) = record.get(col) else {
            continue;
        };
        if !kind.reads(col, with_side) {
            let shown = crate::text::ellipsis(&crate::text::clean(value.trim()).text, 40);
            builder.problems.push(problem(format!(
                "the column `{name}` does not apply to a {} row; its value `{}` is left out",
                kind.name(),
                shown.trim_end()
            )));
        }
    }
    let missing: Vec<String> = columns
        .iter()
        .zip(names)
        .skip(cells)
        .filter(|(col, _)| col.is_some_and(|c| kind.needs(c, has_id)))
        .map(|(_, name)| format!("`{name}`"))
        .collect();
    if !missing.is_empty() {
        builder.problems.push(problem(format!(
            "{cells} cells where the header names {}: no cell for {}",
            columns.len(),
            missing.join(", ")
        )));
    }
}

/// A record of a kind, its `record` cell set.
fn record(kind: Kind) -> Record {
    let mut r = Record::default();
    r.set(Col::Record, kind.name());
    r
}

/// The records that carry what no claim does, ahead of every side: the dispute, its sides, the
/// manifest's topics and points, each handed to `emit` as it is made.
fn head<E>(dispute: &Dispute, emit: &mut impl FnMut(&Record) -> Result<(), E>) -> Result<(), E> {
    let mut r = record(Kind::Dispute);
    r.set(Col::Id, &dispute.id);
    r.set(Col::Title, &dispute.title);
    r.set(Col::Summary, dispute.summary.as_deref().unwrap_or(""));
    if let Some(p) = &dispute.period {
        r.set(
            Col::PeriodFrom,
            p.from.map(|d| d.to_string()).unwrap_or_default(),
        );
        r.set(
            Col::PeriodTo,
            p.to.map(|d| d.to_string()).unwrap_or_default(),
        );
    }
    emit(&r)?;
    for side in &dispute.sides {
        let mut r = record(Kind::Side);
        r.set(Col::Side, &side.party.id);
        r.set(Col::SideName, &side.party.name);
        r.set(Col::Summary, side.party.summary.as_deref().unwrap_or(""));
        emit(&r)?;
    }
    for t in &dispute.manifest_topics {
        let mut r = record(Kind::Topic);
        r.set(Col::Topic, &t.id);
        r.set(Col::TopicTitle, &t.title);
        r.set(Col::Summary, t.summary.as_deref().unwrap_or(""));
        emit(&r)?;
        for p in &t.points {
            let mut r = record(Kind::Point);
            r.set(Col::Topic, &t.id);
            r.set(Col::Point, &p.id);
            r.set(Col::Question, p.question.as_deref().unwrap_or(""));
            emit(&r)?;
        }
    }
    Ok(())
}

/// The records of one side ahead of its claims: its sources and its topics, each handed to
/// `emit` as it is made.
fn side_head<E>(
    dispute: &Dispute,
    side: &Side,
    emit: &mut impl FnMut(&Record) -> Result<(), E>,
) -> Result<(), E> {
    for s in &side.sources {
        let mut r = record(Kind::Source);
        r.set(Col::Side, &side.party.id);
        source_cells(&mut r, s);
        emit(&r)?;
    }
    for t in &side.topics {
        let mut r = record(Kind::Topic);
        r.set(Col::Side, &side.party.id);
        r.set(Col::Topic, &t.id);
        let neutral = dispute.manifest_topic(&t.id).map_or(&t.title, |m| &m.title);
        r.set(Col::TopicTitle, neutral);
        r.set(Col::SideTopicTitle, &t.title);
        emit(&r)?;
    }
    Ok(())
}

/// A source's cells: its id and everything it holds.
fn source_cells(r: &mut Record, s: &crate::format::Source) {
    r.set(Col::SourceId, &s.id);
    r.set(Col::SourceOutlet, &s.outlet);
    r.set(Col::SourceTitle, s.title.as_deref().unwrap_or(""));
    r.set(Col::SourceUrl, s.url.as_deref().unwrap_or(""));
    r.set(
        Col::SourceDate,
        s.date.map(|d| d.to_string()).unwrap_or_default(),
    );
    r.set(Col::SourceAuthor, s.author.as_deref().unwrap_or(""));
    r.set(Col::SourceKind, s.kind.map_or("", |k| k.as_str()));
    r.set(
        Col::SourceAffiliation,
        s.affiliation.as_deref().unwrap_or(""),
    );
    if let Some(rel) = &s.reliability {
        r.set(Col::SourceReliability, rel.rating.as_str());
        r.set(
            Col::SourceReliabilityNote,
            rel.note.as_deref().unwrap_or(""),
        );
    }
}

/// Writes the whole dispute as the claims table: first the records of the dispute, its sides,
/// topics and points; then, side by side, its sources and topics, and every claim: the claim's
/// record with its first source, then a record per further source (and per source of its
/// assessment) that repeats only the side and the id. Every source is named by its id. Each
/// record goes to `out` as it is made, so the table is never held whole.
pub fn write(dispute: &Dispute, out: &mut dyn std::io::Write) -> Result<(), csv::Error> {
    let mut w = crate::export::csv_writer(out);
    w.write_record(Col::ALL.iter().map(|c| c.name()))?;
    // Cell by cell, each guarded in place: a claim's text is not copied again to be written.
    let write = |w: &mut csv::Writer<&mut dyn std::io::Write>, r: &Record| {
        for c in Col::ALL {
            w.write_field(guard(r.get(c).unwrap_or("")).as_bytes())?;
        }
        w.write_record(None::<&[u8]>)
    };
    head(dispute, &mut |r| write(&mut w, r))?;
    // Each manifest topic's questions by point id, looked up per claim.
    let questions: Vec<_> = dispute
        .manifest_topics
        .iter()
        .map(ManifestTopic::questions_by_point)
        .collect();
    for side in &dispute.sides {
        side_head(dispute, side, &mut |r| write(&mut w, r))?;
        for topic in &side.topics {
            let at = dispute.manifest_topic_index(&topic.id);
            let neutral = at.and_then(|i| dispute.manifest_topics.get(i));
            let questions = at.and_then(|i| questions.get(i));
            for claim in &topic.claims {
                let mut first = record(Kind::Claim);
                first.set(Col::Side, &side.party.id);
                first.set(Col::SideName, &side.party.name);
                first.set(Col::Topic, &topic.id);
                first.set(Col::TopicTitle, neutral.map_or(&topic.title, |t| &t.title));
                first.set(Col::SideTopicTitle, &topic.title);
                if let Some(p) = &claim.point {
                    first.set(Col::Point, p.as_str());
                    let question = questions.and_then(|q| q.get(p.as_str()).copied().flatten());
                    first.set(Col::Question, question.unwrap_or(""));
                }
                first.set(Col::Id, claim.id.as_str());
                first.set(Col::Text, &claim.text);
                first.set(Col::Speaker, claim.speaker.as_deref().unwrap_or(""));
                first.set(
                    Col::Date,
                    claim.date.map(|d| d.to_string()).unwrap_or_default(),
                );
                first.set(Col::Tags, claim.tags.join(" "));
                first.set(Col::Rebuts, claim.rebuts.join(" "));
                let relations: Vec<String> = claim
                    .relations
                    .iter()
                    .map(|r| format!("{}:{}", r.kind.as_str(), r.to))
                    .collect();
                first.set(Col::Relations, relations.join(" "));
                if let Some(a) = &claim.assessment {
                    first.set(Col::Rating, a.rating.as_str());
                    first.set(Col::Note, a.note.as_deref().unwrap_or(""));
                    first.set(Col::By, a.by.as_deref().unwrap_or(""));
                }
                let mut cites: Vec<(&str, usize, Option<&str>, Option<&str>)> = claim
                    .sources
                    .iter()
                    .map(|s| ("claim", s.index, s.quote(), s.locator()))
                    .collect();
                if let Some(a) = &claim.assessment {
                    cites.extend(a.indices.iter().map(|&i| ("assessment", i, None, None)));
                }
                if cites.is_empty() {
                    write(&mut w, &first)?;
                }
                // The first cite goes on the claim's own record (moved, not copied: its text
                // may be the size of a report).
                let mut first = Some(first);
                for (role, index, quote, locator) in cites {
                    let mut r = first.take().unwrap_or_else(|| {
                        let mut r = record(Kind::Claim);
                        r.set(Col::Side, &side.party.id);
                        r.set(Col::Id, claim.id.as_str());
                        r
                    });
                    if let Some(s) = side.sources.get(index) {
                        r.set(Col::SourceRole, role);
                        source_cells(&mut r, s);
                        r.set(Col::SourceQuote, quote.unwrap_or(""));
                        r.set(Col::SourceLocator, locator.unwrap_or(""));
                    }
                    write(&mut w, &r)?;
                }
            }
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Place {
        Place { line, column }
    }

    #[test]
    fn well_quoted_text_has_no_quote_problem() {
        for (text, delimiter) in [
            ("a,\"b, c\",\"He said \"\"no\"\"\"\n", b','),
            ("a;\"two\r\nlines\";x\r\n\"\"\r\n", b';'),
            ("a\t\"x\ty\"\t\"\"\n", b'\t'),
            ("\"spaces after\"  ,x\n\"end\"", b','),
            ("", b','),
        ] {
            assert_eq!(scan_quotes(text, delimiter), Quotes::default(), "{text:?}");
        }
    }

    #[test]
    fn a_quoted_cell_never_closed_is_found_where_it_opens() {
        let found = scan_quotes("side,text\nå,\"open\nb,more\n", b',');
        assert_eq!(found.bad, Some(BadQuote::Unclosed { opened: at(2, 3) }));
        // A doubled quote at the end does not close it.
        let found = scan_quotes("a,\"x\"\"", b',');
        assert_eq!(found.bad, Some(BadQuote::Unclosed { opened: at(1, 3) }));
    }

    #[test]
    fn a_quoted_cell_that_goes_on_after_its_quote_is_found() {
        let found = scan_quotes("a,b\r\nx,\"He said \"no\" twice\r\n", b',');
        assert_eq!(
            found.bad,
            Some(BadQuote::GoesOn {
                opened: at(2, 3),
                at: at(2, 12),
                next: 'n'
            })
        );
        // Across lines: the quote that closes is where the cell was meant to end.
        let found = scan_quotes("a\n\"one\ntwo\" x\n", b',');
        assert_eq!(
            found.bad,
            Some(BadQuote::GoesOn {
                opened: at(2, 1),
                at: at(3, 4),
                next: 'x'
            })
        );
        // The delimiter is the file's: with tabs, a comma after the quote goes on.
        assert!(scan_quotes("\"a\",b\n", b'\t').bad.is_some());
        assert!(scan_quotes("\"a\"\tb\n", b'\t').bad.is_none());
    }

    #[test]
    fn a_quote_in_a_cell_not_quoted_is_kept_and_noted_once_per_cell() {
        let found = scan_quotes("a,5\" \"pipe\",  \"b\n", b',');
        assert_eq!(found.bad, None);
        assert_eq!(found.literal, [(at(1, 4), false), (at(1, 15), true)]);
    }
}
