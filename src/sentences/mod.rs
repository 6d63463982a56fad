//! Sentence boundaries.
//!
//! Starts from unicode-segmentation's UAX #29 sentence boundaries and corrects them with our
//! own rules (abbreviations, initials, numbers, quotes, headings). Hands on a list of byte
//! ranges, one per sentence, in text order; together with the gaps between them they
//! reconstruct the text exactly.
//!
//! PLACEHOLDER: raw UAX #29 with trimming; the corrected splitter replaces this.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into sentences, returned as trimmed, non-empty, ordered byte ranges.
pub fn split(text: &str) -> Vec<Range<usize>> {
    text.split_sentence_bound_indices()
        .map(|(start, s)| crate::text::trim_range(text, start..start + s.len()))
        .filter(|r| !r.is_empty())
        .collect()
}
