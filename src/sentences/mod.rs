//! Sentence boundaries.
//!
//! Starts from unicode-segmentation's UAX #29 sentence boundaries and corrects them with our
//! own rules (abbreviations, initials, numbers, quotes, headings), listed in [`RULES`].
//! Hands on a list of byte ranges, one per sentence, in text order; together with the gaps
//! between them (whitespace only) they reconstruct the text exactly.
//!
//! # How
//! 1. The text is cut into chunks only inside very long runs of spaces or punctuation (see
//!    [`MAX_RUN_CHARS`]); unicode-segmentation's rule SB8 rescans such a run at every
//!    character, which would be quadratic. Normal prose is one chunk.
//!    The UAX #29 segments of a chunk come from `uax.rs`, which gives exactly
//!    unicode-segmentation's segments but runs it only on small windows around possible
//!    sentence terminators.
//! 2. Each UAX #29 segment is trimmed; SEN011 (after a `…`), SEN015 (`world.Today`),
//!    SEN012 (`word. . . . The`) and SEN010 (`here. (b) The`) may cut it further.
//! 3. At every boundary between two consecutive pieces, the rules decide whether to keep
//!    it or to join the pieces. Each rule looks at a bounded window (named constants in
//!    `rules.rs`), so the whole pass is linear in the input.
//!
//! # Decisions
//! - The pipeline (and `whosaid sentences`) splits the reading view of `text::layout`, in
//!   which the line breaks of hard-wrapped prose are already spaces; [`split`] itself sees
//!   every line break it is given.
//! - A single line break left in the text does not end a sentence when the next line starts
//!   in lower case or the line ends with a comma or a function word (SEN009); otherwise a
//!   line break ends a sentence, as in UAX #29 (headings, list items).
//! - When unsure we keep a sentence whole: a missed boundary costs less downstream than a
//!   name or a quotation cut in two.
//!
//! # Known limitations
//! - A capitalised word after an abbreviation that may end a sentence (`U.S.`, `Inc.`) or
//!   after initials ends the sentence only if it is a typical sentence start (a closed
//!   list in `rules.rs`): `He moved to the U.S. Microsoft hired him.` stays one sentence.
//! - Outside a document the layout reads as hard-wrapped, a line that continues with a
//!   capitalised word (`met with Port\nAuthority officials`) is cut unless the line ends
//!   with a comma or a function word.
//! - Inside runs of more than [`MAX_RUN_CHARS`] non-letters (long space or digit runs),
//!   boundaries are approximated, not exactly UAX #29's.

mod abbreviations;
mod lists;
mod rules;
mod uax;

use std::ops::Range;

use rules::{Boundary, Origin};

/// Longest run of characters other than letters, sentence punctuation and line breaks fed
/// to UAX #29 in one piece. After a period, unicode-segmentation's SB8 rescans at every
/// following space or closing quote everything up to the next letter, so both runs are
/// cut every `MAX_RUN_CHARS` characters to keep the pass linear (at most
/// `MAX_RUN_CHARS` rescanned characters per character).
pub const MAX_RUN_CHARS: usize = 32;

/// One correction rule of the splitter, for listing (e.g. by the CLI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceRule {
    /// Stable identifier, `SEN` and three digits.
    pub id: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// One-line description.
    pub summary: &'static str,
}

/// All correction rules, in ID order. Their documentation is on the functions in
/// `src/sentences/rules.rs`.
pub const RULES: &[SentenceRule] = &[
    SentenceRule {
        id: rules::TITLE,
        name: "title-abbreviation",
        summary: "Titles such as Mr., Dr., Gen. never end a sentence.",
    },
    SentenceRule {
        id: rules::INNER,
        name: "inner-abbreviation",
        summary: "Abbreviations such as e.g., i.e., vs., cf. never end a sentence.",
    },
    SentenceRule {
        id: rules::BEFORE_NUMBER,
        name: "abbreviation-before-number",
        summary: "A listed abbreviation followed by a digit (No. 10, p. 5, Sept. 11) is joined.",
    },
    SentenceRule {
        id: rules::ENDING,
        name: "ending-abbreviation",
        summary: "U.S., Inc., p.m., months... end a sentence only before a typical sentence start.",
    },
    SentenceRule {
        id: rules::INITIALS,
        name: "initials",
        summary: "Initials (J. K. Rowling, J.R.R. Tolkien) are joined to the name.",
    },
    SentenceRule {
        id: rules::LOWERCASE_CONTINUATION,
        name: "lowercase-continuation",
        summary: "No boundary before a lower-case word (“Why?” he asked.).",
    },
    SentenceRule {
        id: rules::QUOTE_SPEAKER,
        name: "quote-then-speaker",
        summary: "A quoted ?/! followed by a name and a speech verb stays one sentence.",
    },
    SentenceRule {
        id: rules::NO_SPACE,
        name: "no-space-boundary",
        summary: "No boundary without whitespace (URLs, e-mail addresses, Yahoo!News).",
    },
    SentenceRule {
        id: rules::WRAPPED_LINE,
        name: "wrapped-line",
        summary: "A single line break inside hard-wrapped prose does not end a sentence.",
    },
    SentenceRule {
        id: rules::LIST_ITEM,
        name: "list-items",
        summary: "List markers stay with their item; a new list item, on a new line or not, starts a sentence.",
    },
    SentenceRule {
        id: rules::UNICODE_ELLIPSIS,
        name: "unicode-ellipsis-end",
        summary: "A boundary after … followed by a capitalised new sentence.",
    },
    SentenceRule {
        id: rules::SPACED_ELLIPSIS,
        name: "spaced-ellipsis",
        summary: "A spaced ... or . . . is an elision inside a sentence; . . . . ends one.",
    },
    SentenceRule {
        id: rules::PARAGRAPH_BREAK,
        name: "paragraph-break",
        summary: "A blank line always ends a sentence; no join crosses it.",
    },
    SentenceRule {
        id: rules::CITATION,
        name: "citation-after-quote",
        summary: "A short source in parentheses after a closing quote (“…” (Lee 55).) is joined.",
    },
    SentenceRule {
        id: rules::NO_SPACE_END,
        name: "no-space-sentence-end",
        summary: "A period between a word and a capitalised word with no space (world.Today) ends a sentence.",
    },
];

/// Splits `text` into sentences, returned as trimmed, non-empty, ordered byte ranges.
///
/// Never panics; linear in the length of `text`.
pub fn split(text: &str) -> Vec<Range<usize>> {
    split_from(text, None)
}

/// [`split`], starting from the possible sentence ends that the tokenizer listed while it
/// read `text` (`lexed` must be [`crate::text::tokens::lex`]`(text)`) instead of reading the
/// whole text again. The same sentences as [`split`].
pub fn split_lexed(text: &str, lexed: &crate::text::tokens::Lexed) -> Vec<Range<usize>> {
    split_from(text, Some(&lexed.terminators))
}

/// [`split`], with the possible terminators of `text` listed or, for `None`, found by a
/// byte scan.
fn split_from(text: &str, terminators: Option<&[usize]>) -> Vec<Range<usize>> {
    let mut builder = Builder {
        text,
        sentences: Vec::new(),
        current: None,
        pending: None,
    };
    let ellipsis = memchr::memmem::Finder::new("…");
    let mut ellipses = ellipsis.find_iter(text.as_bytes()).peekable();
    let mut periods = memchr::memchr_iter(b'.', text.as_bytes()).peekable();
    // The cuts inside the current segment, `(left_end, right_start)`, in order.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut chunk_start = 0;
    for chunk_end in seams(text).chain(std::iter::once(text.len())) {
        let chunk = &text[chunk_start..chunk_end];
        let breaks = match terminators {
            Some(listed) => uax::listed_boundaries(chunk, listed, chunk_start),
            None => uax::scanned_boundaries(chunk),
        };
        for (i, (offset, segment)) in uax::pieces(chunk, breaks).enumerate() {
            let origin = if i == 0 && chunk_start > 0 {
                Origin::Seam
            } else {
                Origin::Uax
            };
            let start = chunk_start + offset;
            let range = crate::text::trim_range(text, start..start + segment.len());
            if range.is_empty() {
                builder.pending = Some(builder.origin(origin));
                continue;
            }
            let origin = builder.origin(origin);
            builder.pending = None;
            cuts.clear();
            period_cuts(text, &range, &mut periods, &mut cuts);
            let mut piece_start = range.start;
            let mut pending_cuts = cuts.iter().copied().peekable();
            while let Some(&at) = ellipses.peek() {
                if at >= range.end {
                    break;
                }
                ellipses.next();
                if at < piece_start {
                    continue;
                }
                while let Some(&(left_end, right_start)) = pending_cuts.peek() {
                    if left_end > at {
                        break;
                    }
                    pending_cuts.next();
                    if left_end > piece_start && right_start < range.end {
                        builder.piece(piece_start..left_end, origin);
                        builder.forced();
                        piece_start = right_start;
                    }
                }
                if let Some((left_end, right_start)) = rules::ellipsis_break(text, at, piece_start)
                {
                    if right_start < range.end {
                        builder.piece(piece_start..left_end, origin);
                        piece_start = right_start;
                        builder.forced();
                    }
                }
            }
            for (left_end, right_start) in pending_cuts {
                if left_end > piece_start && right_start < range.end {
                    builder.piece(piece_start..left_end, origin);
                    builder.forced();
                    piece_start = right_start;
                }
            }
            builder.piece(piece_start..range.end, origin);
        }
        chunk_start = chunk_end;
    }
    builder.finish()
}

/// The cuts that periods inside `range` (a trimmed UAX #29 segment) call for, appended to
/// `cuts` in order: a sentence end with no space after it (SEN015), an elision opening the
/// next sentence (SEN012) and a bracketed list item after a sentence end (SEN010). Takes
/// the periods before `range.end` from `periods`; most are followed by a space and a word,
/// and cost two byte tests.
fn period_cuts(
    text: &str,
    range: &Range<usize>,
    periods: &mut std::iter::Peekable<impl Iterator<Item = usize>>,
    cuts: &mut Vec<(usize, usize)>,
) {
    let bytes = text.as_bytes();
    while let Some(&at) = periods.peek() {
        if at >= range.end {
            break;
        }
        periods.next();
        if at < range.start || at + 2 >= range.end {
            continue;
        }
        let cut = match (bytes[at + 1], bytes[at + 2]) {
            (next, _) if next.is_ascii_uppercase() => {
                rules::no_space_sentence_end(text, at).then_some((at + 1, at + 1))
            }
            (b' ', b'(' | b'[') => lists::bracketed_item_after(text, at),
            (b' ', b'.') => rules::ellipsis_after_period(text, at),
            _ => None,
        };
        if let Some(cut) = cut {
            if cuts.last().is_none_or(|&(_, right)| cut.0 >= right) {
                cuts.push(cut);
            }
        }
    }
}

/// Positions where the text is cut before UAX #29 sees it: inside runs longer than
/// [`MAX_RUN_CHARS`] of characters that do not stop unicode-segmentation's SB8 look-ahead
/// (everything but letters, sentence punctuation and line breaks). Usually none in prose.
///
/// Such a run has more than [`MAX_RUN_CHARS`] bytes without an ASCII letter, so only
/// stretches like that are walked character by character; elsewhere one byte in
/// `MAX_RUN_CHARS + 1` is read (see [`long_stretches`]).
fn seams(text: &str) -> impl Iterator<Item = usize> + '_ {
    long_stretches(text.as_bytes()).flat_map(move |(from, to)| seams_in(text, from, to))
}

/// The stretches `from..to` of more than [`MAX_RUN_CHARS`] bytes that hold no ASCII letter,
/// each preceded by an ASCII letter or the text start, in order. Probes the last byte of
/// each possible stretch first: when it is a letter, no stretch starts before it.
fn long_stretches(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        // `from` is 0 or follows an ASCII letter.
        while from + MAX_RUN_CHARS < bytes.len() {
            let window = &bytes[from..=from + MAX_RUN_CHARS];
            match window.iter().rposition(u8::is_ascii_alphabetic) {
                Some(letter) => from += letter + 1,
                None => {
                    let to = bytes[from..]
                        .iter()
                        .position(u8::is_ascii_alphabetic)
                        .map_or(bytes.len(), |p| from + p);
                    let stretch = (from, to);
                    from = to + 1;
                    return Some(stretch);
                }
            }
        }
        None
    })
}

/// The seams inside `text[from..to]`, which starts where the run count is zero (after an ASCII
/// letter or at the text start). [`seams`] passes only stretches with no ASCII letter; over
/// the whole text this is the one-pass version, the oracle of the tests.
fn seams_in(text: &str, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = from;
    std::iter::from_fn(move || {
        while i < to {
            let b = bytes[i];
            let at = i;
            let extends = if b < 0x80 {
                i += 1;
                !(b.is_ascii_alphabetic() || matches!(b, b'.' | b'?' | b'!' | b'\n' | b'\r'))
            } else {
                let c = text[at..].chars().next().unwrap_or('a');
                i += c.len_utf8();
                !(crate::text::is_alpha(c) || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'))
            };
            if !extends {
                run = 0;
                continue;
            }
            run += 1;
            if run > MAX_RUN_CHARS {
                run = 1;
                return Some(at);
            }
        }
        None
    })
}

/// Accumulates pieces into sentences, asking the rules at each boundary.
struct Builder<'t> {
    text: &'t str,
    sentences: Vec<Range<usize>>,
    current: Option<Range<usize>>,
    /// Origin of the boundary before the next piece when whitespace-only segments came
    /// between: any UAX #29 boundary among them counts as one.
    pending: Option<Origin>,
}

impl Builder<'_> {
    fn origin(&self, origin: Origin) -> Origin {
        match self.pending {
            Some(Origin::Uax) => Origin::Uax,
            _ => origin,
        }
    }

    /// Ends the current sentence unconditionally (SEN011 has decided).
    fn forced(&mut self) {
        if let Some(current) = self.current.take() {
            lists::cut_items(self.text, current, &mut self.sentences);
        }
    }

    fn piece(&mut self, piece: Range<usize>, origin: Origin) {
        debug_assert!(!piece.is_empty());
        let Some(current) = self.current.as_mut() else {
            self.current = Some(piece);
            return;
        };
        let decision = rules::decide(&Boundary {
            text: self.text,
            sentence_start: current.start,
            left_end: current.end,
            right_start: piece.start,
            origin,
        });
        if decision.joins() {
            current.end = piece.end;
        } else {
            let done = std::mem::replace(current, piece);
            lists::cut_items(self.text, done, &mut self.sentences);
        }
    }

    fn finish(mut self) -> Vec<Range<usize>> {
        self.forced();
        self.sentences
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn sentences(text: &str) -> Vec<&str> {
        let ranges = split(text);
        let lexed = crate::text::tokens::lex(text);
        assert_eq!(split_lexed(text, &lexed), ranges, "{text:?}");
        ranges.into_iter().map(|r| &text[r]).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The tokenizer's terminators give the same sentences as the byte scan, long runs
        /// (seams) included.
        #[test]
        fn lexed_split_is_the_same(
            parts in proptest::collection::vec(
                ("[ 9.!?,\n\u{a0}\u{2014}\u{2026}\u{201c}\u{201d}\u{3002}]{0,40}", "[aZ]{0,3}|Mr|U\\.S|No"), 0..10)
        ) {
            let text: String = parts.into_iter().map(|(run, letters)| run + &letters).collect();
            let lexed = crate::text::tokens::lex(&text);
            proptest::prop_assert_eq!(split_lexed(&text, &lexed), split(&text));
        }

        #[test]
        fn lexed_split_is_the_same_on_any_string(text in proptest::prelude::any::<String>()) {
            let lexed = crate::text::tokens::lex(&text);
            proptest::prop_assert_eq!(split_lexed(&text, &lexed), split(&text));
        }
    }

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for rule in RULES {
            assert!(ids.insert(rule.id), "duplicate id {}", rule.id);
            assert!(names.insert(rule.name), "duplicate name {}", rule.name);
            assert!(rule.id.len() == 6 && rule.id.starts_with("SEN"));
            assert!(rule.id[3..].bytes().all(|b| b.is_ascii_digit()));
            assert!(rule
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-'));
            assert!(!rule.summary.is_empty());
        }
        let mut sorted: Vec<_> = RULES.iter().map(|r| r.id).collect();
        sorted.sort_unstable();
        assert_eq!(sorted, RULES.iter().map(|r| r.id).collect::<Vec<_>>());
    }

    #[test]
    fn unicode_ellipsis_adds_a_boundary() {
        assert_eq!(
            sentences("I waited… Then I left."),
            ["I waited…", "Then I left."]
        );
    }

    #[test]
    fn long_runs_are_cut_but_behave() {
        let text = format!("He left.{}Then she came.", " ".repeat(1000));
        assert_eq!(sentences(&text), ["He left.", "Then she came."]);
        let text = format!("He left{}and she came.", " ".repeat(1000));
        assert_eq!(sentences(&text), [text.as_str()]);
        let text = format!("He left.{}and she came.", " ".repeat(1000));
        assert_eq!(sentences(&text), [text.as_str()]);
    }

    /// The one-pass version of [`seams`], the oracle: every character of the text walked.
    fn seams_reference(text: &str) -> impl Iterator<Item = usize> + '_ {
        seams_in(text, 0, text.len())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Texts rich in long runs of spaces, digits and marks, with letters between.
        #[test]
        fn seams_as_the_one_pass_version(
            parts in proptest::collection::vec(
                ("[ 9.,\n\u{a0}\u{2014}\u{e9}\u{2028}]{0,80}", "[aZ]{0,2}"), 0..8)
        ) {
            let text: String = parts.into_iter().map(|(run, letters)| run + &letters).collect();
            let fast: Vec<usize> = seams(&text).collect();
            let reference: Vec<usize> = seams_reference(&text).collect();
            proptest::prop_assert_eq!(fast, reference);
        }

        #[test]
        fn seams_as_the_one_pass_version_on_any_string(text in proptest::prelude::any::<String>()) {
            let fast: Vec<usize> = seams(&text).collect();
            let reference: Vec<usize> = seams_reference(&text).collect();
            proptest::prop_assert_eq!(fast, reference);
        }
    }

    #[test]
    fn seams_only_in_long_runs() {
        assert_eq!(seams("a b c. d e f").count(), 0);
        let text = format!("a{}b", " ".repeat(3 * MAX_RUN_CHARS));
        assert_eq!(seams(&text).count(), 2);
    }
}
