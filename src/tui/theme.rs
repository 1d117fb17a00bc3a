//! The one source of colours and emphasis. Every style the UI uses comes from here, so NO_COLOR and
//! the 16-colour palette are honoured everywhere. Selection and emphasis always carry a modifier
//! (bold, reverse, underline) too, so nothing depends on colour alone; the two parties are blue and
//! yellow, which colour-blind readers tell apart.

use crate::format::Rating;
use crate::layout::LineKind;
use ratatui::style::{Color, Modifier, Style};

/// Which of the two compared sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The left side.
    Left,
    /// The right side.
    Right,
}

/// The palette: colour, or modifiers only when NO_COLOR is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    /// The two parties' colours (the config file's `[theme]` may change them).
    left: Color,
    right: Color,
}

impl Theme {
    fn with(color: bool) -> Theme {
        Theme {
            color,
            left: Color::LightBlue,
            right: Color::Yellow,
        }
    }

    /// The theme with the parties' colours of the config file, where it sets them.
    pub fn configured(self, config: &crate::config::ThemeConfig) -> Theme {
        let colour = |c: crate::config::Colour| match c {
            crate::config::Colour::Named(i) => Color::Indexed(i),
            crate::config::Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
        };
        Theme {
            left: config.left.map_or(self.left, colour),
            right: config.right.map_or(self.right, colour),
            ..self
        }
    }

    /// Colours unless NO_COLOR is set to a non-empty value (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::with(!no_color)
    }

    /// The coloured theme.
    pub fn colored() -> Theme {
        Theme::with(true)
    }

    /// The theme without colour.
    pub fn plain() -> Theme {
        Theme::with(false)
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// A party's name and legend: blue for the left, yellow for the right, always bold.
    pub fn party(self, pane: Pane) -> Style {
        match pane {
            Pane::Left => self.fg(self.left),
            Pane::Right => self.fg(self.right),
        }
        .add_modifier(Modifier::BOLD)
    }

    /// The dispute's title.
    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Quiet text: counts, hints, separators.
    pub fn dim(self) -> Style {
        self.fg(Color::Gray)
    }

    /// The border of a region; the focused one is bold and coloured.
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    /// The selected entry of a list, or the selected row's heading: reverse video and bold.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A row's heading (its question).
    pub fn heading(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A suggested row's heading: set apart from a linked row's by colour and italics (and, for
    /// no colour at all, by its `≈ suggested` marker).
    pub fn suggested(self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::ITALIC)
    }

    /// A common-ground row's heading (the sides agree): green and bold, with its `≡` mark for no
    /// colour at all.
    pub fn common(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    /// The date in force in the header: reverse video, so it is seen even without colour.
    pub fn as_of(self) -> Style {
        self.fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// A line of a claim, by what it shows.
    pub fn line(self, kind: LineKind) -> Style {
        match kind {
            LineKind::Text | LineKind::Gap => Style::new(),
            LineKind::Speaker => self.dim().add_modifier(Modifier::ITALIC),
            LineKind::Sources => self.fg(Color::Green),
            LineKind::Assessment(rating) => self.rating(rating),
            LineKind::Link => self.fg(Color::Magenta).add_modifier(Modifier::BOLD),
            LineKind::Silent | LineKind::Standing => self.dim().add_modifier(Modifier::ITALIC),
        }
    }

    /// An assessment's rating: refuted and retracted stand out most.
    pub fn rating(self, rating: Rating) -> Style {
        let base = match rating {
            Rating::Refuted | Rating::Retracted => self.fg(Color::LightRed),
            Rating::Disputed => self.fg(Color::LightMagenta),
            Rating::Corroborated => self.fg(Color::Green),
            Rating::Unverified => self.dim(),
        };
        base.add_modifier(Modifier::BOLD)
    }

    /// A warning: a one-sided topic, a claim that held hidden characters, a message.
    pub fn warning(self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    /// The characters a search matched: bold and underlined (so they show without colour), and
    /// magenta.
    pub fn matched(self) -> Style {
        self.fg(Color::LightMagenta)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The hit last jumped or stepped to, in the comparison: reverse video.
    pub fn current_hit(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A key's name in the footer and help.
    pub fn key(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}
