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
    boundaries(text, |i| next_possible_terminator(bytes, i))
}

/// The first position at or after `from` of a byte that may start a terminator
/// ([`MAY_START_TERMINATOR`]), read eight bytes at a time: most of a text is none.
fn next_possible_terminator(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `word` equal to `b`; a byte above an equal one may be
    // flagged too (the borrow of the subtraction), so only the lowest flag is exact.
    let equal = |word: u64, b: u8| {
        let diff = word ^ (ONES * u64::from(b));
        diff.wrapping_sub(ONES) & !diff & HIGH
    };
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(chunk);
        // Lead bytes of multi-byte characters: the two high bits set.
        let found = (word & (word << 1) & HIGH)
            | equal(word, b'.')
            | equal(word, b'!')
            | equal(word, b'?')
            | equal(word, b'\n')
            | equal(word, b'\r');
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    bytes
        .get(at..)?
        .iter()
        .position(|&b| MAY_START_TERMINATOR[usize::from(b)])
        .map(|skip| at + skip)
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
    let window = &text.as_bytes()[start..end];
    if usual_sentence_end(window, breaks) || (end == text.len() && usual_text_end(window, breaks)) {
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
/// Before the terminator of either shape may come:
/// - letters joined by periods (`U.S. Army`, `Ph.D. The`): no boundary among them, by SB7
///   (`x.Y`) or SB8 (`x.y`); a window that is nothing else (`t.c` of `Microsoft.com`) has
///   no boundary at all;
/// - ASCII characters other than letters, terminators and line breaks (`in 2015. The`,
///   `(AP). The`, `5%. But`, `said:\n\nThe`): no boundary falls among them, and no rule
///   looks back past a terminator through them (only SB7 looks back, and only when a
///   capital letter follows the terminator at once).
///
/// The spaces may be U+00A0 (Sp too); after the line feeds may come such plain characters
/// (`x.\n- Y`, `x\n    Y`). A period before a digit with only plain characters after it
/// (`5.5 million`) is no boundary (SB6).
///
/// The marks are `"`, `'`, `(`, `)`, `‘`, `’`, `“` and `”`, all SentenceBreak=Close.
fn usual_sentence_end(window: &[u8], breaks: &mut Vec<usize>) -> bool {
    let [first, inner @ .., last] = window else {
        return false;
    };
    if !first.is_ascii_alphabetic() || !last.is_ascii_alphabetic() {
        return false;
    }
    let mut inner = inner;
    while let [b'.', letter, tail @ ..] = inner {
        if !letter.is_ascii_alphabetic() {
            break;
        }
        inner = tail;
    }
    if inner == b"." {
        return true;
    }
    let plain = inner.iter().take_while(|&&b| is_plain(b)).count();
    let (term, rest) = match &inner[plain..] {
        [t @ (b'.' | b'!' | b'?'), tail @ ..] => (Some(*t), tail),
        other => (None, other),
    };
    // `5.5`, `$2.4 million`: SB6 joins a period to the digit after it, and nothing after
    // it can end a sentence before the letter.
    if term == Some(b'.')
        && rest.first().is_some_and(u8::is_ascii_digit)
        && rest.iter().all(|&b| is_plain(b))
    {
        return true;
    }
    let rest = skip_marks(rest);
    // Offset in `window` of the start of a suffix of `inner`.
    let offset = |suffix: &[u8]| window.len() - 1 - suffix.len();
    let space_len = spaces(rest);
    let newlines = rest.iter().take_while(|&&b| b == b'\n').count();
    if space_len > 0 {
        let Some(term) = term else { return false };
        let after = &rest[space_len..];
        if !skip_marks(after).is_empty() {
            return false;
        }
        if term != b'.' || last.is_ascii_uppercase() {
            breaks.push(offset(after));
        }
        true
    } else if newlines > 0 {
        // After the line feeds, no boundary before the letter unless a terminator comes.
        if !skip_marks(&rest[newlines..]).iter().all(|&b| is_plain(b)) {
            return false;
        }
        let at = offset(rest);
        breaks.extend((1..=newlines).map(|k| at + k));
        true
    } else {
        false
    }
}

/// The usual end of a text, handled like [`usual_sentence_end`]: a window that runs to the
/// text end with no letter after its first character, which is an ASCII letter, followed
/// by a terminator or not, closing marks and only line feeds (`x.\n`, `x.”`, `x\n\n`).
/// SB11 or SB4 breaks after each line feed; the one after the last is the text end.
fn usual_text_end(window: &[u8], breaks: &mut Vec<usize>) -> bool {
    let [first, inner @ ..] = window else {
        return false;
    };
    if !first.is_ascii_alphabetic() {
        return false;
    }
    let (term, rest) = match inner {
        [b'.' | b'!' | b'?', tail @ ..] => (true, tail),
        _ => (false, inner),
    };
    let rest = skip_marks(rest);
    if !rest.iter().all(|&b| b == b'\n') || (!term && rest.is_empty()) {
        return false;
    }
    let at = window.len() - rest.len();
    breaks.extend((1..rest.len()).map(|k| at + k));
    true
}

/// An ASCII character that is no letter, terminator or line break: no boundary comes after
/// it, and no rule looks back through it past a terminator (see [`usual_sentence_end`]).
fn is_plain(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_alphabetic() && !matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r')
}

/// Length of the run of spaces (` ` or U+00A0, both SentenceBreak=Sp) at the start of
/// `bytes`.
fn spaces(bytes: &[u8]) -> usize {
    let mut at = 0;
    loop {
        match bytes[at..] {
            [b' ', ..] => at += 1,
            [0xC2, 0xA0, ..] => at += 2,
            _ => return at,
        }
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
            "U.S. Army",
            "U.S. army",
            "the U.S.\n\nNext",
            "Microsoft.com is",
            "Ph.D. The",
            "e.g. this",
            "U.S.A. Next",
            "x.y.z",
            "in 2015. The",
            "in 2015! the",
            "by 5%. But",
            "(AP). The",
            "said (5).” Next",
            "pay $5,000.\n\nThen",
            "at 10:30. Then",
            "no. 5. Then",
            "it 3.5. Then",
            "to 5.\rNext",
            "said:\n\nThe",
            "end.\n- Next",
            "end\n    next",
            "a 9.9% rise",
            "a $2.4 million",
            "up 2.5. Then",
            "end.\u{a0}Next",
            "end. \u{a0}next",
            "end.\n",
            "end.”\n",
            "end.\n\n",
            "end\n",
            "end.",
            "end!\n\n\n",
            "x 5\nY",
            "it, \nthen",
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
        // Letters joined by periods, and plain characters before the terminator.
        assert_eq!(ends(b"U.S. A"), Some(vec![5]));
        assert_eq!(ends(b"U.S. a"), Some(vec![]));
        assert_eq!(ends(b"t.c"), Some(vec![]));
        assert_eq!(ends(b"U.S.A"), Some(vec![]));
        assert_eq!(ends(b"n 2015. T"), Some(vec![8]));
        assert_eq!(ends(b"n 2015? t"), Some(vec![8]));
        assert_eq!(ends(b"P). T"), Some(vec![4]));
        assert_eq!(ends(b"n 5.\n\nT"), Some(vec![5, 6]));
        assert_eq!(ends(b"n 5\nT"), Some(vec![4]));
        assert_eq!(ends(b"a:\n\nT"), Some(vec![3, 4]));
        assert_eq!(ends(b"d.\n- T"), Some(vec![3]));
        assert_eq!(ends(b"d.\xC2\xA0T"), Some(vec![4]));
        assert_eq!(ends(b"n 9.9% a"), Some(vec![]));
        assert_eq!(ends(b"n 9.9. A"), None);
        let text_end = |w: &[u8]| {
            let mut breaks = Vec::new();
            usual_text_end(w, &mut breaks).then_some(breaks)
        };
        assert_eq!(text_end(b"d.\n\n"), Some(vec![3]));
        assert_eq!(text_end(b"d."), Some(vec![]));
        assert_eq!(text_end(b"d.\xE2\x80\x9D\n"), Some(vec![]));
        assert_eq!(text_end(b"d\n"), Some(vec![]));
        assert_eq!(text_end(b"d"), None);
        assert_eq!(text_end(b"d. "), None);
        assert_eq!(ends(b"n 5. 6 T"), None);
        assert_eq!(ends(b"n \xC2\xA0. T"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The word-at-a-time scan finds what a byte-at-a-time one finds, from any start.
        #[test]
        fn next_possible_terminator_as_byte_by_byte(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just(b'a'),
                    proptest::prelude::Just(b'.'),
                    proptest::prelude::Just(b'!'),
                    proptest::prelude::Just(b'?'),
                    proptest::prelude::Just(b'\n'),
                    proptest::prelude::Just(b'\r'),
                    proptest::prelude::any::<u8>(),
                ],
                0..40,
            ),
            from in 0usize..41,
        ) {
            let from = from.min(bytes.len());
            let expected = bytes[from..]
                .iter()
                .position(|&b| MAY_START_TERMINATOR[usize::from(b)])
                .map(|p| from + p);
            proptest::prop_assert_eq!(next_possible_terminator(&bytes, from), expected);
        }
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
