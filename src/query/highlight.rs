//! Highlights: matchers report char indices; a view needs byte ranges over whole grapheme
//! clusters, so that a combining mark is never drawn apart from its letter. Also the one-line
//! snippet that `search` prints and a results list can draw.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Byte ranges of `text` covering every grapheme cluster that holds a matched char (`chars` are
/// char indices, in any order). Adjacent clusters merge into one range; ranges are sorted.
pub fn grapheme_ranges(text: &str, chars: &[usize]) -> Vec<Range<usize>> {
    let mut marked: Vec<usize> = chars.to_vec();
    marked.sort_unstable();
    marked.dedup();
    let mut out: Vec<Range<usize>> = Vec::new();
    if text.is_ascii() {
        // Cleaned ASCII text holds no CR, so every byte is a cluster of its own.
        for c in marked.into_iter().filter(|&c| c < text.len()) {
            match out.last_mut() {
                Some(last) if last.end == c => last.end = c + 1,
                _ => out.push(c..c + 1),
            }
        }
        return out;
    }
    let mut next = marked.iter().peekable();
    let mut char_at = 0;
    for (byte, g) in text.grapheme_indices(true) {
        let count = g.chars().count();
        let end_char = char_at + count;
        let mut hit = false;
        while let Some(&&c) = next.peek() {
            if c >= end_char {
                break;
            }
            hit |= c >= char_at;
            next.next();
        }
        if hit {
            let range = byte..byte + g.len();
            match out.last_mut() {
                Some(last) if last.end == byte => last.end = range.end,
                _ => out.push(range),
            }
        }
        char_at = end_char;
    }
    out
}

/// Merges byte ranges from several terms into sorted, non-overlapping ranges.
pub fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// `text` cut into pieces, each marked true when highlighted; ready for a ratatui `Line` of
/// `Span`s. Ranges must be sorted, non-overlapping and on char boundaries (as
/// [`grapheme_ranges`] gives them); a bad range is ignored rather than panicking.
pub fn segments(text: &str, ranges: &[Range<usize>]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(inside)) = (text.get(at..r.start), text.get(r.start..r.end)) else {
            continue;
        };
        if !before.is_empty() {
            out.push((before.to_owned(), false));
        }
        if !inside.is_empty() {
            out.push((inside.to_owned(), true));
        }
        at = r.end;
    }
    if let Some(rest) = text.get(at..)
        && !rest.is_empty()
    {
        out.push((rest.to_owned(), false));
    }
    out
}

/// A one-line excerpt of `text` of at most about `max_chars` chars around byte `focus` (where
/// the best match starts, see [`super::Pattern::focus`]), with `…` where it was cut; newlines
/// become spaces. Returned as [`segments`].
pub fn snippet(
    text: &str,
    ranges: &[Range<usize>],
    focus: usize,
    max_chars: usize,
) -> Vec<(String, bool)> {
    let flat = flatten(text);
    let Some(w) = window(&flat, focus, max_chars) else {
        return segments(&flat, ranges);
    };
    let inner: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.end > w.from && r.start < w.to)
        .map(|r| r.start.max(w.from) - w.from..r.end.min(w.to) - w.from)
        .collect();
    let mut out = Vec::new();
    if w.cut_start {
        out.push(("…".to_owned(), false));
    }
    out.extend(segments(flat.get(w.from..w.to).unwrap_or_default(), &inner));
    if w.cut_end {
        out.push(("…".to_owned(), false));
    }
    out
}

/// The text of [`snippet`] alone, without highlights, around byte `first` (where the best
/// match starts): what a plain line prints.
pub fn snippet_text(text: &str, first: usize, max_chars: usize) -> String {
    let flat = flatten(text);
    let Some(w) = window(&flat, first, max_chars) else {
        return flat.into_owned();
    };
    let mut out = String::with_capacity(w.to - w.from + 6);
    if w.cut_start {
        out.push('…');
    }
    out.push_str(flat.get(w.from..w.to).unwrap_or_default());
    if w.cut_end {
        out.push('…');
    }
    out
}

/// `text` with newlines as spaces (both one byte, so byte ranges still hold).
fn flatten(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\n') {
        std::borrow::Cow::Owned(text.replace('\n', " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Where an excerpt of a flattened text is cut: byte offsets, and whether it lost its start
/// or its end.
struct Window {
    from: usize,
    to: usize,
    cut_start: bool,
    cut_end: bool,
}

/// The excerpt of `flat` that, with a `…` at each end it lost, takes at most `max_chars`
/// columns (a wide character, as in Chinese or Japanese, takes two), starting about a quarter of
/// its width before the cluster holding byte `first`; `None` when the whole text fits.
fn window(flat: &str, first: usize, max_chars: usize) -> Option<Window> {
    // The columns before each cluster, with its first byte; in ASCII text every byte is one
    // cluster of one column.
    let clusters: Vec<(usize, usize)> = if flat.is_ascii() {
        Vec::new()
    } else {
        let mut columns = 0;
        let mut clusters: Vec<(usize, usize)> = flat
            .grapheme_indices(true)
            .map(|(b, g)| {
                let at = (columns, b);
                columns += crate::text::width(g);
                at
            })
            .collect();
        clusters.push((columns, flat.len()));
        // A marker of a hidden character is cut nowhere: its boundaries inside go.
        let markers: Vec<Range<usize>> = crate::text::markers(flat).collect();
        if !markers.is_empty() {
            clusters.retain(|&(_, b)| {
                let next = markers.partition_point(|m| m.end <= b);
                markers.get(next).is_none_or(|m| m.start >= b)
            });
        }
        clusters
    };
    let ascii = clusters.is_empty();
    let total = clusters.last().map_or(flat.len(), |c| c.0);
    if total <= max_chars {
        return None;
    }
    // The `…` that mark a cut take a column each: the excerpt and its marks fit `max_chars`.
    let room = max_chars.saturating_sub(2).max(1);
    // The columns before the match, and the window's first and last column.
    let before = if ascii {
        first.min(flat.len())
    } else {
        clusters
            .iter()
            .find(|&&(_, b)| b >= first)
            .map_or(0, |c| c.0)
    };
    let end = (before.saturating_sub(room / 4) + room).min(total);
    let start = end.saturating_sub(room);
    // In columns, to cluster boundaries: the first cluster at or after `start`, the last
    // boundary at or before `end`.
    let (from, to, from_col, to_col) = if ascii {
        (start, end, start, end)
    } else {
        let i = clusters.partition_point(|c| c.0 < start);
        let j = clusters
            .partition_point(|c| c.0 <= end)
            .saturating_sub(1)
            .max(i);
        let (a, b) = (clusters.get(i), clusters.get(j));
        (
            a.map_or(flat.len(), |c| c.1),
            b.map_or(flat.len(), |c| c.1),
            a.map_or(total, |c| c.0),
            b.map_or(total, |c| c.0),
        )
    };
    let (from, to) = at_words(flat, (from, to), first);
    Some(Window {
        from,
        to,
        cut_start: from_col > 0,
        cut_end: to_col < total,
    })
}

/// The longest word an excerpt's end moves off, in bytes: a longer one is cut.
const WORD_MOVE: usize = 24;

/// An excerpt's ends moved off the middle of a word or a number, so `…` never stands against
/// part of one (`…000 Oregonians` for 29,000, `rose 2…` for 22 percent): its start to the next
/// word, its end to the last whole one, as long as the match at `first` stays inside. A word
/// of more than [`WORD_MOVE`] bytes is still cut, so the excerpt keeps its length.
fn at_words(flat: &str, (from, to): (usize, usize), first: usize) -> (usize, usize) {
    // A number's separators and a word's apostrophe or hyphen belong to it.
    let wordish = |c: char| c.is_alphanumeric() || matches!(c, ',' | '.' | '\'' | '’' | '-');
    let inside = |at: usize| {
        let before = flat.get(..at).and_then(|s| s.chars().next_back());
        let after = flat.get(at..).and_then(|s| s.chars().next());
        before.is_some_and(wordish) && after.is_some_and(wordish)
    };
    // The length of the word around byte `at`.
    let word_at = |at: usize| {
        let begin = flat
            .get(..at)
            .and_then(|s| s.rfind(char::is_whitespace))
            .map_or(0, |w| w + 1);
        let finish = flat
            .get(at..)
            .and_then(|s| s.find(char::is_whitespace))
            .map_or(flat.len(), |w| at + w);
        finish - begin
    };
    let mut start = from;
    if inside(from)
        && word_at(from) <= WORD_MOVE
        && let Some(gap) = flat.get(from..to).and_then(|s| s.find(char::is_whitespace))
        && from + gap < first
    {
        start = from + gap + 1;
    }
    // Nor a space against it.
    while start < first && flat.get(start..).is_some_and(|s| s.starts_with(' ')) {
        start += 1;
    }
    let mut end = to;
    if inside(to)
        && word_at(to) <= WORD_MOVE
        && let Some(gap) = flat
            .get(start..to)
            .and_then(|s| s.rfind(char::is_whitespace))
        && start + gap > first.max(start)
    {
        end = start + gap;
    }
    while end > start.max(first + 1) && flat.get(..end).is_some_and(|s| s.ends_with(' ')) {
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_starts_and_ends_at_whole_words_and_numbers() {
        let text = "Officials said that 29,000 Oregonians, almost 5 percent of the state, \
                    lost their cover when premiums rose 22 percent in a single year of reform.";
        for (focus, max) in [
            ("almost", 40),
            ("premiums", 30),
            ("percent of", 26),
            ("rose", 44),
        ] {
            let first = text.find(focus).expect("in the text");
            let s = snippet_text(text, first, max);
            assert!(s.contains(focus.split(' ').next().unwrap_or(focus)), "{s}");
            let inner = s.trim_start_matches('…').trim_end_matches('…');
            let (head, tail) = (inner.split(' ').next(), inner.split(' ').next_back());
            for piece in [head, tail].into_iter().flatten() {
                let bare = piece.trim_matches(|c: char| !c.is_alphanumeric());
                assert!(
                    bare.is_empty() || text.split([' ', ',', '.']).any(|w| w == bare),
                    "{focus}: `{piece}` is part of a word in {s:?}"
                );
            }
            assert!(!s.starts_with("… ") && !s.ends_with(" …"), "{s:?}");
        }
    }

    #[test]
    fn combining_marks_highlight_with_their_letter() {
        // "nai" + U+0308 + "ve": the match on 'i' (char 2) covers the mark too (bytes 2..5).
        let text = "nai\u{308}ve";
        assert_eq!(grapheme_ranges(text, &[2]), vec![2..5]);
        assert_eq!(grapheme_ranges(text, &[0, 1, 2, 4, 5]), vec![0..7]);
    }

    #[test]
    fn segments_split_at_ranges() {
        assert_eq!(
            segments("Café au lait", std::slice::from_ref(&(0..5))),
            vec![("Café".to_owned(), true), (" au lait".to_owned(), false)]
        );
    }

    /// A wide character takes two columns: a snippet of Chinese text fits the columns it is
    /// given, with its `…`, as one of Latin text does.
    #[test]
    fn snippets_never_cut_a_marker() {
        // `clean` shows a hidden character as a marker: an excerpt holds all of it or none.
        let text = format!("{} ⟨U+FEFF⟩ {}", "word ".repeat(12), "more ".repeat(12));
        for max in 8..40 {
            for first in (0..text.len()).filter(|&b| text.is_char_boundary(b)) {
                let s = snippet_text(&text, first, max);
                assert_eq!(
                    s.contains('⟨') || s.contains('⟩') || s.contains("U+"),
                    s.contains("⟨U+FEFF⟩"),
                    "{max} columns from byte {first}: {s}"
                );
            }
        }
    }

    #[test]
    fn snippets_of_wide_characters_fit_their_columns() {
        let text = format!("{} 调停 {}", "调查".repeat(60), "和平".repeat(60));
        let at = text.find("调停").unwrap_or(0);
        let s = snippet(
            &text,
            std::slice::from_ref(&(at..at + "调停".len())),
            at,
            40,
        );
        let columns: usize = s.iter().map(|(p, _)| crate::text::width(p)).sum();
        assert!((38..=40).contains(&columns), "{columns} columns: {s:?}");
        assert!(s.iter().any(|(p, hit)| *hit && p == "调停"), "{s:?}");
        assert_eq!(s.first().map(|p| p.0.as_str()), Some("…"));
        assert_eq!(s.last().map(|p| p.0.as_str()), Some("…"));
        let plain = snippet_text(&text, at, 100);
        assert!(crate::text::width(&plain) <= 100, "{plain}");
        assert!(plain.contains("调停"), "{plain}");
    }

    #[test]
    fn snippets_cut_around_the_first_match() {
        let text = format!("{} needle {}", "a".repeat(100), "b".repeat(100));
        let at = text.find("needle").unwrap_or(0);
        let s = snippet(&text, std::slice::from_ref(&(at..at + 6)), at, 40);
        assert_eq!(s.first().map(|p| p.0.as_str()), Some("…"));
        assert!(s.iter().any(|(p, hit)| *hit && p == "needle"));
        // Both marks included, the snippet fits the room it was given, and it ends in `…`.
        let chars: usize = s.iter().map(|(p, _)| p.chars().count()).sum();
        assert_eq!(chars, 40);
        assert_eq!(s.last().map(|p| p.0.as_str()), Some("…"));
        let plain = snippet_text(&text, at, 40);
        assert_eq!(plain.chars().count(), 40);
        assert!(plain.starts_with('…') && plain.ends_with('…'), "{plain}");
    }
}
