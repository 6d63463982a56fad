//! UAX #29 sentence segments, as unicode-segmentation's `split_sentence_bound_indices`
//! gives them, without running its state machine over the whole text.
//!
//! # Why
//! The full pass costs about 240 instructions per byte (a table lookup and a state update
//! per character) and was the slowest stage of the pipeline. Almost all of that work
//! confirms that there is no boundary inside a run of words.
//!
//! # How
//! In unicode-segmentation's implementation a boundary inside the text comes only from SB4
//! (right after a `Sep`, CR or LF) or SB11 (after `SATerm Close* Sp* ParaSep?`, with
//! `Extend`/`Format` characters transparent). Either way a *terminator* (`STerm`, `ATerm`,
//! `Sep`, CR, LF) comes before the boundary with no ASCII letter in between, and the
//! boundary is at most at the first ASCII letter after it. So we look for terminators
//! with a byte scan and run the original segmenter on a small window around each:
//! from the last ASCII letter before it to the first ASCII letter after it, inclusive.
//!
//! A window gives the same decisions as the full pass at every position strictly inside:
//! - its first character is an ASCII letter, whose state part (`UpperLower`) is never
//!   collapsed, skipped or looked through by any rule (SB7–SB11 look back only through
//!   `Close`, `Sp` and `ParaSep` parts), so what came before it cannot matter;
//! - its last character is an ASCII letter, where SB8's look-ahead stops at the latest,
//!   so cutting the text after it cannot matter either.
//!
//! Windows at the very start or end of the text simply extend to it. Non-ASCII characters
//! count as possible terminators unless they are alphabetic or among a few frequent marks
//! ([`crate::text::may_end_sentence`]); a test checks that claim against unicode-segmentation
//! for every Unicode scalar value.
//!
//! The positions of the possible terminators come either from a byte scan ([`segments`]) or
//! from the tokenizer, which meets every character anyway ([`segments_at`]).

use unicode_segmentation::UnicodeSegmentation;

use crate::text::may_end_sentence as may_terminate;

/// The bytes that may start a terminator (see [`crate::text::may_end_sentence`]): `.`, `!`,
/// `?`, CR, LF and the lead bytes of multi-byte characters, which are decoded and checked.
const MAY_START_TERMINATOR: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    let mut b = 0xC0;
    while b < 256 {
        table[b] = true;
        b += 1;
    }
    table
};

/// The segments of `text` exactly as `text.split_sentence_bound_indices()` yields them:
/// `(offset, segment)` pairs, in order, covering `text`.
#[cfg(test)]
fn segments(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    pieces(text, scanned_boundaries(text))
}

/// [`segments`] from [`listed_boundaries`].
#[cfg(test)]
fn segments_at<'t>(
    text: &'t str,
    terminators: &[usize],
    offset: usize,
) -> impl Iterator<Item = (usize, &'t str)> + 't {
    pieces(text, listed_boundaries(text, terminators, offset))
}

/// The segments of `text` between `breaks` (see [`boundaries`]): `(offset, segment)` pairs.
pub(super) fn pieces(text: &str, breaks: Vec<usize>) -> impl Iterator<Item = (usize, &str)> + '_ {
    (0..breaks.len()).map(move |k| {
        let end = breaks.get(k + 1).copied().unwrap_or(text.len());
        (breaks[k], &text[breaks[k]..end])
    })
}

/// The UAX #29 boundaries of `text` (see [`boundaries`]), its possible terminators found by
/// a byte scan.
pub(super) fn scanned_boundaries(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    // Straight to the next byte that may start a terminator.
    boundaries(text, |i| {
        bytes[i..]
            .iter()
            .position(|&b| MAY_START_TERMINATOR[usize::from(b)])
            .map(|skip| i + skip)
    })
}

/// [`scanned_boundaries`], with the possible terminators given: `terminators` holds, in
/// ascending order, `offset` plus the position in `text` of every character of `text` that
/// [`crate::text::may_end_sentence`] accepts (and may hold other character positions), as
/// the tokenizer's [`crate::text::tokens::Lexed::terminators`] does for a text that holds
/// `text` at `offset`.
pub(super) fn listed_boundaries(text: &str, terminators: &[usize], offset: usize) -> Vec<usize> {
    let first = terminators.partition_point(|&at| at < offset);
    let last = terminators.partition_point(|&at| at < offset + text.len());
    let mut listed = terminators[first..last].iter().map(|&at| at - offset);
    boundaries(text, |i| listed.find(|&at| at >= i))
}

/// Every boundary of `text` except its end: 0 (for a non-empty text) and the boundaries
/// inside, ascending. `next_candidate(i)` is the first position at or after `i` that may
/// start a terminator (every position where [`MAY_START_TERMINATOR`] holds and
/// [`may_terminate`] accepts the character, perhaps more), or `None`.
fn boundaries(text: &str, mut next_candidate: impl FnMut(usize) -> Option<usize>) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut breaks = Vec::new();
    if text.is_empty() {
        return breaks;
    }
    breaks.push(0);
    // The window being grown, if any: `start..end`, both at char boundaries.
    let mut window: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        match next_candidate(i) {
            Some(at) if at < bytes.len() => i = at,
            _ => break,
        }
        let b = bytes[i];
        let (is_terminator, width) = if b < 0x80 {
            (MAY_START_TERMINATOR[usize::from(b)], 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (may_terminate(c), c.len_utf8())
        };
        if !is_terminator {
            i += width;
            continue;
        }
        // Last ASCII letter before the terminator (or the text start). Never looks back
        // past the current window's last character, which is an ASCII letter.
        let floor = window.map_or(0, |(_, end)| end - 1);
        let start = bytes[floor..i]
            .iter()
            .rposition(u8::is_ascii_alphabetic)
            .map_or(floor, |p| floor + p);
        // First ASCII letter after it, included (or the text end).
        let end = bytes[i..]
            .iter()
            .position(u8::is_ascii_alphabetic)
            .map_or(bytes.len(), |p| i + p + 1);
        window = match window {
            Some((ws, we)) if start < we => Some((ws, end)),
            other => {
                if let Some((ws, we)) = other {
                    window_breaks(text, ws, we, &mut breaks);
                }
                Some((start, end))
            }
        };
        i = end;
    }
    if let Some((ws, we)) = window {
        window_breaks(text, ws, we, &mut breaks);
    }
    breaks
}

/// Appends the boundaries strictly inside `start..end` found by the original segmenter.
fn window_breaks(text: &str, start: usize, end: usize, breaks: &mut Vec<usize>) {
    let before = breaks.len();
    if usual_sentence_end(&text.as_bytes()[start..end], breaks) {
        for at in &mut breaks[before..] {
            *at += start;
        }
        return;
    }
    breaks.extend(
        text[start..end]
            .split_sentence_bound_indices()
            .map(|(offset, _)| start + offset)
            .filter(|&at| at > start),
    );
}

/// The boundaries of the usual sentence and paragraph ends, worked out here because starting
/// the segmenter costs far more: appends the boundaries inside `window` (offsets into it) and
/// returns true, or returns false for another kind of window, left to the segmenter.
///
/// The windows handled start and end with an ASCII letter (as every window inside the text
/// does), and between them hold:
/// - a terminator, closing marks, one or more spaces, opening marks (`x. Y`, `x.” “Y`,
///   `x? y`): after `.` (ATerm) SB8 joins when the letter is lower case and SB11 breaks
///   after the spaces when it is upper case; after `!` or `?` (STerm) SB11 always breaks
///   there. SB9 and SB10 join inside `Close* Sp*`, and the space rules out SB7 (`x.Y`).
/// - an optional terminator, closing marks, one or more line feeds, opening marks
///   (`x.\n\nY`, `x.”\n\n“Y`, `x\ny`): SB11 (after a terminator) or SB4 breaks after
///   the first line feed, and SB4 after each further one.
///
/// The marks are `"`, `'`, `(`, `)`, `‘`, `’`, `“` and `”`, all SentenceBreak=Close.
fn usual_sentence_end(window: &[u8], breaks: &mut Vec<usize>) -> bool {
    let [first, inner @ .., last] = window else {
        return false;
    };
    if !first.is_ascii_alphabetic() || !last.is_ascii_alphabetic() {
        return false;
    }
    let (term, rest) = match inner {
        [t @ (b'.' | b'!' | b'?'), tail @ ..] => (Some(*t), tail),
        _ => (None, inner),
    };
    let rest = skip_marks(rest);
    // Offset in `window` of the start of a suffix of `inner`.
    let offset = |suffix: &[u8]| window.len() - 1 - suffix.len();
    let spaces = rest.iter().take_while(|&&b| b == b' ').count();
    let newlines = rest.iter().take_while(|&&b| b == b'\n').count();
    if spaces > 0 {
        let Some(term) = term else { return false };
        let after = &rest[spaces..];
        if !skip_marks(after).is_empty() {
            return false;
        }
        if term != b'.' || last.is_ascii_uppercase() {
            breaks.push(offset(after));
        }
        true
    } else if newlines > 0 {
        if !skip_marks(&rest[newlines..]).is_empty() {
            return false;
        }
        let at = offset(rest);
        breaks.extend((1..=newlines).map(|k| at + k));
        true
    } else {
        false
    }
}

/// `bytes` without its leading quote marks and brackets (see [`usual_sentence_end`]).
fn skip_marks(mut bytes: &[u8]) -> &[u8] {
    loop {
        bytes = match bytes {
            [b'"' | b'\'' | b'(' | b')', tail @ ..] => tail,
            [0xE2, 0x80, 0x98 | 0x99 | 0x9C | 0x9D, tail @ ..] => tail,
            _ => return bytes,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_reference(text: &str) {
        let fast: Vec<_> = segments(text).collect();
        let reference: Vec<_> = text.split_sentence_bound_indices().collect();
        assert_eq!(fast, reference, "text: {text:?}");
        assert_eq!(lexed(text), reference, "text: {text:?}");
    }

    /// [`segments_at`] on `text` as a piece of a longer text, with the tokenizer's
    /// terminators of that text.
    fn lexed(text: &str) -> Vec<(usize, &str)> {
        let whole = format!("x. {text}. Next");
        let offset = "x. ".len();
        let terminators = crate::text::tokens::lex(&whole).terminators;
        segments_at(text, &terminators, offset).collect()
    }

    #[test]
    fn prose_and_edges() {
        for text in [
            "",
            ".",
            "a",
            "Hello. World",
            "Mr. Smith said “Hi!” and left.\n\nThen “Why?” he asked.",
            "e.g. this\r\nthat\u{2029}other. 3.5 is U.S. law... Yes?! No.)  “Ok.”  Next",
            "...   ...",
            "a\u{0301}. \u{0301}B",
            "word. \u{200B}Next",
            "\n\n\n",
            "x.\u{0085}y",
        ] {
            same_as_reference(text);
        }
    }

    #[test]
    fn usual_sentence_ends_match_the_segmenter() {
        for text in [
            "said. Next",
            "said. next",
            "said! next",
            "said? Next",
            "said.” Next",
            "said.” next",
            "said.’” He",
            "said.)  next",
            "said.\"   Then",
            "said.' then",
            "said?” he",
            "said.”Next",
            "said.  ” Next",
            "a.b",
            "end.\n\nNext",
            "end.”\n\n“Next",
            "end\n\nnext",
            "end!\nnext",
            "end. “Next",
            "end. ‘next",
            "end? (Next",
            "end.’ \"next",
            "end.) \n\nNext",
            "end.\r\nNext",
        ] {
            same_as_reference(text);
        }
        let ends = |w: &[u8]| {
            let mut breaks = Vec::new();
            usual_sentence_end(w, &mut breaks).then_some(breaks)
        };
        assert_eq!(ends(b"d.\xE2\x80\x9D H"), Some(vec![6]));
        assert_eq!(ends(b"d.\xE2\x80\x9D h"), Some(vec![]));
        assert_eq!(ends(b"d. \xE2\x80\x9CH"), Some(vec![3]));
        assert_eq!(ends(b"d.\n\nH"), Some(vec![3, 4]));
        assert_eq!(ends(b"d\nh"), Some(vec![2]));
        assert_eq!(ends(b"d.\xE2\x80\x9DH"), None);
        assert_eq!(ends(b"d. \nH"), None);
        assert_eq!(ends(b"d H"), None);
    }

    /// The bundled corpus, whole documents and all of them joined into one text.
    #[test]
    fn same_segments_on_the_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut all = String::new();
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let path = entry.expect("corpus entry").into_path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("corpus text");
                same_as_reference(&text);
                all.push_str(&text);
            }
        }
        same_as_reference(&all);
    }

    /// Every character claimed not to be a terminator really creates no boundary after it.
    #[test]
    fn non_terminators_never_end_a_segment() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if may_terminate(c) {
                continue;
            }
            let text = format!("a{c} B");
            assert_eq!(
                text.split_sentence_bound_indices().count(),
                1,
                "{c:?} (U+{:04X}) ends a segment",
                c as u32
            );
        }
    }

    /// Every character, in contexts that exercise SB4–SB11, against the full pass.
    #[test]
    fn every_character_in_context() {
        let mut text = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for pattern in ["a{} B", "x.{}b ", "Q?{}\" Z", "m{}{}\n", "r. {}.a"] {
                text.push_str(&pattern.replace("{}", c.encode_utf8(&mut [0; 4])));
            }
            if text.len() > 4096 {
                same_as_reference(&text);
                text.clear();
            }
        }
        same_as_reference(&text);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Strings over an alphabet rich in the characters the rules treat specially.
        #[test]
        fn matches_full_pass(
            text in "[aZ5 .!?\n\r\t,;:'\"()\u{201C}\u{201D}\u{2019}\u{0301}\u{200B}\u{00A0}\u{0085}\u{2029}\u{3002}\u{2026}\u{0964}é€-]{0,40}"
        ) {
            let fast: Vec<_> = segments(&text).collect();
            let reference: Vec<_> = text.split_sentence_bound_indices().collect();
            proptest::prop_assert_eq!(&fast, &reference);
            proptest::prop_assert_eq!(lexed(&text), reference);
        }

        #[test]
        fn matches_full_pass_on_any_string(text in proptest::prelude::any::<String>()) {
            let fast: Vec<_> = segments(&text).collect();
            let reference: Vec<_> = text.split_sentence_bound_indices().collect();
            proptest::prop_assert_eq!(&fast, &reference);
            proptest::prop_assert_eq!(lexed(&text), reference);
        }
    }
}
