//! Problems found while loading: errors and warnings, each with where it is and what to do.

use serde::Serialize;
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file cannot be used; nothing of it is shown.
    Error,
    /// The file loads, but something deserves the author's attention.
    Warning,
}

/// What kind of problem: a stable name for scripts (`validate --json`) and tests.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::IntoStaticStr, strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Code {
    /// The file could not be read.
    Unreadable,
    /// The file is not UTF-8.
    NotUtf8,
    /// The file is not JSON.
    Syntax,
    /// `format` is not `parallax/1`.
    WrongFormat,
    /// A required field is absent.
    MissingField,
    /// A value has the wrong JSON type.
    WrongType,
    /// A value is not a valid id.
    BadId,
    /// A value is not a valid date.
    BadDate,
    /// An id appears twice where it must be unique.
    DuplicateId,
    /// A key appears twice in one JSON object.
    DuplicateKey,
    /// A second manifest was given.
    SecondManifest,
    /// A manifest's `sides` entry reaches outside the dispute folder.
    OutsideFolder,
    /// A claim or assessment cites a source id the file does not declare.
    UnknownSource,
    /// A url is not http or https.
    BadUrl,
    /// A text that must say something is empty.
    EmptyText,
    /// A value is not one of the allowed words.
    BadValue,
    /// Sides of different disputes were loaded together.
    DisputeMismatch,
    /// Two sides have the same party.
    DuplicateParty,
    /// Fewer than two sides could be loaded.
    TooFewSides,
    /// A field this version does not know.
    UnknownField,
    /// A claim cites no source.
    Unsourced,
    /// A `rebuts` id or a relation's `to` names no loaded claim of another party.
    UnresolvedRebuttal,
    /// An `affiliation` names no loaded party.
    UnknownAffiliation,
    /// A topic that the manifest does not list.
    TopicNotInManifest,
    /// A point that the manifest does not list.
    PointNotInManifest,
    /// Text holding control, bidirectional or invisible characters.
    UntrustedText,
    /// A claim links to one claim twice the same way, or both agrees with and contradicts it.
    RepeatedRelation,
    /// A file named twice (on the command line, or there and in the manifest's `sides`); it is
    /// read once.
    RepeatedFile,
    /// A side file in the dispute's folder that the manifest's `sides` does not list: it is not
    /// read.
    UnlistedSide,
    /// The dispute's period ends before it starts.
    ReversedPeriod,
    /// A point of the manifest still asks the placeholder question linking wrote.
    PlaceholderQuestion,
    /// A date whose year is far from the rest of the dispute's (a mistyped `0205` for 2025).
    UnlikelyDate,
    /// The dismissed suggestions kept beside the dispute cannot be read (`validate` only).
    BadDismissals,
    /// A dismissed suggestion names a claim the dispute no longer has (`validate` only).
    StaleDismissal,
}

impl Code {
    /// The code's stable name, as `validate` prints it.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem.
    pub code: Code,
    /// The file, as the user named it.
    pub file: String,
    /// A JSON pointer to the value, for everything but syntax and read errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The 1-based line, where the value could be found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The 1-based column, in characters, where the line is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What was expected, or what to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// The first use of what this problem repeats (a duplicate id): its file and pointer,
    /// whose line and column are said at the end of the message once the lines are found.
    #[serde(skip)]
    pub first: Option<(String, String)>,
}

impl Diagnostic {
    /// A problem at a JSON pointer; its line is filled in after the file is walked.
    pub fn at(
        severity: Severity,
        code: Code,
        file: &str,
        pointer: &str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            file: file.to_owned(),
            pointer: Some(pointer.to_owned()),
            line: None,
            column: None,
            message: message.into(),
            expected: None,
            first: None,
        }
    }

    /// Whether the diagnostic has a pointer whose line is still to be found in its file's text.
    pub fn needs_line(&self) -> bool {
        self.pointer.is_some() && self.line.is_none()
    }

    /// A problem with the whole file, or a syntax error at a line and column.
    pub fn in_file(severity: Severity, code: Code, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            file: file.to_owned(),
            pointer: None,
            line: None,
            column: None,
            message: message.into(),
            expected: None,
            first: None,
        }
    }

    /// Adds what was expected.
    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    /// Adds the first use of what this problem repeats, at `pointer` in `file`, to be said by
    /// its line and column (a pointer means little to a reader).
    pub fn first_at(mut self, file: &str, pointer: &str) -> Self {
        self.first = Some((file.to_owned(), pointer.to_owned()));
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error[code] at /pointer: message; expected ...`, one line, inert: a key or
    /// path holding control characters is shown with markers, like any untrusted text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clean = crate::text::inline;
        // A file name is a value, not prose: a line break in it is `␊`, as in a quoted value.
        write!(f, "{}", crate::text::one_line(&self.file))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {severity}[{}]", self.code.name())?;
        if let Some(pointer) = &self.pointer {
            let pointer = if pointer.is_empty() { "/" } else { pointer };
            write!(f, " at {}", clean(pointer))?;
        }
        write!(f, ": {}", clean(&self.message))?;
        if let Some(expected) = &self.expected {
            write!(f, "; expected {expected}")?;
        }
        Ok(())
    }
}

/// Every problem found in one load, in file order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// The problems.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// True when the only error is that too few sides loaded (one side file named alone):
    /// `validate` of that file checks it on its own and finds nothing, so it is no advice.
    pub fn lacks_only_sides(&self) -> bool {
        let mut errors = self.diagnostics.iter().filter(|d| d.is_error()).peekable();
        errors.peek().is_some() && errors.all(|d| d.code == Code::TooFewSides)
    }

    /// Sets aside what says nothing about one side file read on its own (`validate` or `search`
    /// of that file alone): its links to other sides' claims and its sources' affiliations with
    /// parties not loaded, which lead nowhere without those sides. Returns how many of each
    /// (links, affiliations) were set aside.
    pub fn set_aside_other_sides(&mut self) -> (usize, usize) {
        let (mut links, mut affiliations) = (0, 0);
        self.diagnostics.retain(|d| match d.code {
            Code::UnresolvedRebuttal => {
                links += 1;
                false
            }
            Code::UnknownAffiliation => {
                affiliations += 1;
                false
            }
            _ => true,
        });
        (links, affiliations)
    }

    /// True when nothing at all was found.
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }
}
