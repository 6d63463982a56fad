//! Quoted passages: finding quote marks and pairing them.
//!
//! Marks are paired by type (“…”, ‘…’, "…", '…', «…», „…“), never by counting. Hands on every
//! quoted passage with the byte ranges of its marks and content, its nesting depth and the
//! passage that encloses it.
//!
//! Two stages: `marks` finds each mark and reads its surroundings (is it an apostrophe, may
//! it open, may it close), `pairing` pairs marks of the same family with a bounded stack.
//!
//! Decisions where the rules of typography leave room:
//! - Any line break of the text it is given ends a paragraph (plain-text articles often put
//!   one paragraph per line); blank lines between paragraphs are simply empty paragraphs.
//!   The pipeline gives it the reading view of `text::layout`, in which the line breaks of
//!   hard-wrapped text are spaces, so a quotation runs over wrapped lines.
//! - A quotation over several paragraphs is reported as its pieces, one per paragraph, linked
//!   by [`QuotedPassage::previous_piece`]: each piece ends at the end of its paragraph (trailing
//!   space excluded), before the next paragraph's opening mark; only the last has a closer.
//!   The multi-paragraph convention applies to a passage opened at the start of its paragraph
//!   (only whitespace before it), after a short lead-in ending with a colon (`Mathews said:
//!   “…`) or after a sentence end (`…,” she said. “…`), when the next non-blank paragraph
//!   starts with a mark of the same family.
//! - A flattened quotation (paragraphs joined into one, opening marks kept): a mark of the
//!   family of the passage still open, after one of its sentences ends and a space, opens the
//!   quotation's next piece (`He declared. “A, B. “C, D. “E, F.” The bill …` gives three
//!   pieces); the last piece, when its closer is missing, ends at the paragraph end. A quote
//!   nested in one of its own family after a sentence end (`"A. "B." C."`) reads the same
//!   way. Straight single marks never start pieces.
//! - A “ followed by a space still opens (`“ I love it”`); the space is no part of the words,
//!   and only a ” closes such a quote, so stray spaced marks never pair among themselves.
//! - A passage may nest inside one of its own family when its opener is unmistakable
//!   (`“a “b” c”`); if the outer one never closes it is dropped and the inner one survives.
//! - Marks deeper than [`MAX_NESTING`] are plain characters; their closers are matched to them
//!   and ignored too.
//! - A quote paragraph with a forgotten closer is recovered (`close: None`) for every family
//!   except straight singles, which are too often apostrophes (`'Twas`) to trust unclosed.
//! - Two curly single marks typed for a double one (`‘‘Yes,’’`) are that double mark.
//! - A ’ never opens (’Twas, ’em, ’90s are far more common than a ’ typed for ‘), and a ‘ or '
//!   before digits, `n’` or a few elided words (‘Tis, 'em, 'cause) never opens.
//! - `''` never opens a straight single (TeX-style double marks, runs of apostrophes).
//! - The low single mark ‚ and Swedish »…» are not paired.

mod marks;
mod pairing;

pub use marks::is_quote_char as is_quote_mark;

use std::ops::Range;

/// The family of marks a passage was opened with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkStyle {
    /// “…” (and the mis-typed ”…”).
    CurlyDouble,
    /// ‘…’.
    CurlySingle,
    /// "…".
    StraightDouble,
    /// '…'.
    StraightSingle,
    /// «…» or »…«.
    Guillemet,
    /// ‹…› or ›…‹. Added to the skeleton's list: single guillemets are a family of their own
    /// and must not close a «.
    SingleGuillemet,
    /// „…“ or „…”.
    LowDouble,
}

/// One quoted passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedPassage {
    /// Byte range of the opening mark.
    pub open: Range<usize>,
    /// Byte range of the closing mark; `None` when the passage was never closed and was
    /// recovered by ending it at the end of its paragraph.
    pub close: Option<Range<usize>>,
    /// Byte range of the content between the marks, without spaces typed right after a “
    /// (`“ I love it”`); for a piece of a quotation that goes on
    /// in a next piece, from its opening mark to the end of its paragraph or to the next
    /// piece's opening mark, trailing space excluded.
    pub content: Range<usize>,
    /// Which marks opened it.
    pub style: MarkStyle,
    /// 0 for a top-level passage, 1 inside another passage, and so on.
    pub depth: usize,
    /// Index (in the returned list) of the passage that encloses this one.
    pub parent: Option<usize>,
    /// Index (in the returned list) of the previous piece of the same quotation, for a
    /// quotation that runs over several paragraphs (`“A.\n\n“B.”`) or that reaches whosaid
    /// with its paragraphs flattened (`“A. “B.”`). The pieces have the same depth and parent;
    /// every piece but the last has `close: None`.
    pub previous_piece: Option<usize>,
}

/// Deepest nesting kept: marks that would open an eighth level inside seven open passages
/// are treated as plain characters, which bounds the work per closing mark.
pub const MAX_NESTING: usize = 8;

/// Finds every quoted passage in `text`, ordered by the start of the opening mark.
///
/// Runs in time linear in the length of `text` and never fails: unbalanced marks are dropped
/// or, for a quote paragraph whose closer is missing, ended at the end of the paragraph.
pub fn scan(text: &str) -> Vec<QuotedPassage> {
    pairing::scan(text)
}

/// [`scan`], finding the marks among the positions the tokenizer listed while it read
/// `text` (`lexed` must be [`crate::text::tokens::lex`]`(text)`) instead of reading the
/// whole text again. The same passages as [`scan`].
pub fn scan_lexed(text: &str, lexed: &crate::text::tokens::Lexed) -> Vec<QuotedPassage> {
    pairing::scan_listed(text, &lexed.quote_candidates)
}

#[cfg(test)]
mod tests {
    fn same_as_scan(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let lexed = crate::text::tokens::lex(text);
        proptest::prop_assert_eq!(super::scan_lexed(text, &lexed), super::scan(text));
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The tokenizer's candidates give the passages of the byte scan.
        #[test]
        fn lexed_scan_is_the_same(
            text in "[aZs ,.:'\"\u{2018}\u{2019}\u{201c}\u{201d}\u{201e}\u{ab}\u{bb}\u{2039}\u{203a}\u{a0}\u{2014}\n\r]{0,40}"
        ) {
            same_as_scan(&text)?;
        }

        #[test]
        fn lexed_scan_is_the_same_on_any_string(text in proptest::prelude::any::<String>()) {
            same_as_scan(&text)?;
        }
    }

    #[test]
    fn lexed_scan_is_the_same_on_the_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in walkdir::WalkDir::new(dir) {
            let path = entry.expect("corpus entry").into_path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("corpus text");
                let lexed = crate::text::tokens::lex(&text);
                assert_eq!(
                    super::scan_lexed(&text, &lexed),
                    super::scan(&text),
                    "{}",
                    path.display()
                );
            }
        }
    }
}
