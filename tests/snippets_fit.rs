//! A snippet never panics and never takes more columns than it is given, whatever the text
//! (wide characters, combining marks, emoji sequences) and wherever its match is.

use parallax::query::highlight::{grapheme_ranges, snippet, snippet_text};
use parallax::text::width;
use proptest::prelude::*;

/// Pieces a text is made of: Latin words, Chinese and Japanese, accents that combine, emoji
/// joined into one picture, and spaces and newlines.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "ceasefire",
        " ",
        "\n",
        "调停",
        "和平",
        "カタカナ",
        "e\u{301}",
        "n\u{303}o",
        "👩\u{200d}👩\u{200d}👧",
        "🇮🇳",
        "Ω",
        "—",
        "a",
    ])
}

proptest! {
    #[test]
    fn snippets_fit_their_columns(
        pieces in prop::collection::vec(piece(), 0..120),
        at in 0usize..2000,
        room in 1usize..120,
    ) {
        let text: String = pieces.concat();
        let at = at.min(text.len());
        let plain = snippet_text(&text, at, room);
        prop_assert!(width(&plain) <= room.max(3), "{} columns for {room}: {plain:?}", width(&plain));
        // The match: whole grapheme clusters (as a search highlights them), from the char at
        // or before byte `at`, three chars long.
        let first = text.char_indices().take_while(|&(b, _)| b <= at).count().saturating_sub(1);
        let matched = grapheme_ranges(&text, &[first, first + 1, first + 2]);
        let focus = matched.first().map_or(0, |r| r.start);
        let pieces = snippet(&text, &matched, focus, room);
        let shown: usize = pieces.iter().map(|(p, _)| width(p)).sum();
        prop_assert!(shown <= room.max(3), "{shown} columns for {room}: {pieces:?}");
        // A text that fits is shown whole, without a mark.
        if width(&text) <= room {
            prop_assert_eq!(plain, text.replace('\n', " "));
        }
    }
}
