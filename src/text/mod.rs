//! Offsets into the original text.
//!
//! Every stage works on byte ranges (`Range<usize>`) into the untouched input. Only the
//! output stage converts them to Unicode code-point offsets, through [`CharOffsets`], which
//! answers each conversion in constant time after one linear pass over the text. The stages
//! read the text through [`layout::reading_view`], which has the same offsets as the input
//! (wrapped lines joined by spaces, byte for byte).

pub mod layout;
pub mod tokens;
pub mod view;

use std::ops::Range;

/// `char::is_alphanumeric`, without the Unicode tables for General Punctuation (U+2000 to
/// U+206F: ’ “ ” — …), which holds no letter or digit and most of the non-ASCII characters
/// of news text; the tables cost hundreds of instructions a lookup.
pub fn is_alnum(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// `char::is_alphabetic`, short-cut like [`is_alnum`].
pub fn is_alpha(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphabetic()
}

/// True for a character that continues a word it follows: a letter or a digit, or a
/// combining mark (the accents of decomposed text, "E\u{301}", and the marks no precomposed
/// letter holds: the tone marks of Yoruba "ọ̀", the vowel signs of Indic scripts).
pub fn continues_word(c: char) -> bool {
    is_alnum(c) || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))
}

/// Whether `c` may be a UAX #29 `STerm`, `ATerm` or `Sep` character, or a CR or LF: a
/// character after which a sentence boundary may come. Conservative: `true` is safe (the
/// splitter then asks unicode-segmentation); a test in `sentences` checks every `false`
/// against unicode-segmentation for every Unicode scalar value.
pub fn may_end_sentence(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '.' | '!' | '?' | '\n' | '\r');
    }
    // Frequent non-alphabetic, non-ASCII characters of English prose that are none of
    // `STerm`, `ATerm` or `Sep` (quotes, dashes, currency, spaces), answered before the
    // Unicode tables are asked.
    let never = matches!(
        c,
        '\u{2018}'
            | '\u{2019}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2026}'
            | '\u{00A0}'
            | '\u{00A3}'
            | '\u{20AC}'
            | '\u{00B0}'
            | '\u{00A9}'
            | '\u{00AE}'
            | '\u{2122}'
            | '\u{00B7}'
            | '\u{2022}'
            | '\u{2032}'
            | '\u{2033}'
            | '\u{00BD}'
            | '\u{00BC}'
            | '\u{00BE}'
            | '\u{2009}'
            | '\u{202F}'
    );
    !(never || is_alpha(c))
}

/// The position of the first non-ASCII byte of `bytes` at or after `from`, read eight bytes
/// at a time: most of a news text is ASCII.
pub(crate) fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let high = u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080;
        if high != 0 {
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    bytes
        .get(at..)?
        .iter()
        .position(|b| !b.is_ascii())
        .map(|skip| at + skip)
}

/// Longest word [`ascii_lower`] keeps on the stack.
const INLINE_WORD: usize = 24;

/// A word lower-cased as by `str::to_ascii_lowercase`, without a heap allocation when it is
/// short: the rules compare words with their lists this way many times per token.
pub enum AsciiLower<'w> {
    /// The word itself, which has no upper-case ASCII letter (the usual case: no copy).
    Same(&'w str),
    /// A short word, lower-cased on the stack: a string copied from a string and changed
    /// in place, so it is never validated as UTF-8 again (as a byte buffer would be at each
    /// look).
    Inline(arrayvec::ArrayString<INLINE_WORD>),
    /// A long word.
    Long(String),
}

impl AsciiLower<'_> {
    /// The lower-cased word.
    pub fn as_str(&self) -> &str {
        match self {
            AsciiLower::Same(s) => s,
            AsciiLower::Inline(s) => s,
            AsciiLower::Long(s) => s,
        }
    }
}

impl std::ops::Deref for AsciiLower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for AsciiLower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// `word` lower-cased in ASCII (see [`AsciiLower`]).
pub fn ascii_lower(word: &str) -> AsciiLower<'_> {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return AsciiLower::Same(word);
    }
    match arrayvec::ArrayString::from(word) {
        Ok(mut short) => {
            short.make_ascii_lowercase();
            AsciiLower::Inline(short)
        }
        Err(_) => AsciiLower::Long(word.to_ascii_lowercase()),
    }
}

/// Block size of the [`CharOffsets`] checkpoint table, in bytes. Small, because each
/// conversion counts up to a block's bytes and a document has many spans to convert, while
/// the table costs only one `usize` per block.
const CHECKPOINT_EVERY: usize = 64;

/// Converts byte offsets into code-point offsets for one text.
///
/// Built in one pass; a conversion counts the characters of at most one block.
#[derive(Debug, Clone)]
pub struct CharOffsets<'t> {
    text: &'t str,
    /// `checkpoints[i]` = number of chars in `text[..i * CHECKPOINT_EVERY]`.
    checkpoints: Vec<usize>,
    ascii: bool,
}

impl<'t> CharOffsets<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let ascii = bytes.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(bytes.len() / CHECKPOINT_EVERY + 1);
            let mut chars = 0;
            for block in bytes.chunks(CHECKPOINT_EVERY) {
                checkpoints.push(chars);
                chars += count_chars(block);
            }
            checkpoints.push(chars);
        }
        CharOffsets {
            text,
            checkpoints,
            ascii,
        }
    }

    /// The code-point offset of byte offset `byte` (which must lie on a char boundary).
    pub fn char_at(&self, byte: usize) -> usize {
        debug_assert!(self.text.is_char_boundary(byte));
        if self.ascii {
            return byte;
        }
        let block = byte / CHECKPOINT_EVERY;
        let start = block * CHECKPOINT_EVERY;
        self.checkpoints[block] + count_chars(&self.text.as_bytes()[start..byte])
    }

    /// Converts a byte range into a code-point range.
    pub fn span(&self, bytes: &Range<usize>) -> Range<usize> {
        self.char_at(bytes.start)..self.char_at(bytes.end)
    }
}

/// Number of chars in a UTF-8 byte slice that starts on a char boundary.
fn count_chars(bytes: &[u8]) -> usize {
    // Every char has exactly one byte that is not a continuation byte (0b10xx_xxxx).
    // Counted in `u8` lanes over pieces of at most 255 bytes, which the compiler turns
    // into wide vector adds; a `usize` count per byte is several times slower.
    bytes
        .chunks(255)
        .map(|piece| {
            let n = piece
                .iter()
                .fold(0u8, |n, &b| n.wrapping_add(u8::from((b as i8) >= -0x40)));
            usize::from(n)
        })
        .sum()
}

/// True for the characters we treat as horizontal space: ASCII space and tab, NBSP and the
/// other Unicode space separators.
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || (c != '\n' && c != '\r' && c.is_whitespace())
}

/// True when `text[..at]` ends a paragraph: a blank line (two line breaks with only spaces
/// between) or the start of the text.
pub fn paragraph_starts_at(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let mut newlines = 0;
    for c in before.chars().rev() {
        match c {
            '\n' => newlines += 1,
            '\r' => {}
            c if is_space(c) => {}
            _ => return newlines >= 1,
        }
    }
    true
}

/// Trims spaces (not only ASCII) from both ends of a byte range of `text`.
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    if start > end {
        start..start
    } else {
        start..end
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn combining_marks_continue_words() {
        for c in ['a', '7', '\u{301}', '\u{300}', '\u{94d}'] {
            assert!(super::continues_word(c), "{c:?}");
        }
        for c in [' ', '.', '\'', '’', '“', '-'] {
            assert!(!super::continues_word(c), "{c:?}");
        }
    }

    #[test]
    fn general_punctuation_has_no_letters_or_digits() {
        for c in ('\u{2000}'..='\u{206F}').chain(['a', 'Z', '7', 'é', '٣', '中', '’', ' ']) {
            assert_eq!(super::is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(super::is_alpha(c), c.is_alphabetic(), "{c:?}");
        }
    }

    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The word-at-a-time scan finds what a byte-at-a-time one finds, from any start.
        #[test]
        fn next_non_ascii_as_byte_by_byte(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    3 => proptest::prelude::Just(b'a'),
                    1 => proptest::prelude::any::<u8>(),
                ],
                0..40,
            ),
            from in 0usize..41,
        ) {
            let from = from.min(bytes.len());
            let expected = bytes[from..].iter().position(|b| !b.is_ascii()).map(|p| from + p);
            proptest::prop_assert_eq!(next_non_ascii(&bytes, from), expected);
        }
    }

    #[test]
    fn ascii_lower_as_to_ascii_lowercase() {
        let exactly_inline = "A".repeat(INLINE_WORD);
        let longer = "B".repeat(INLINE_WORD + 1);
        for word in [
            "",
            "said",
            "Said",
            "McCAIN",
            "Élan",
            "ÉLAN",
            &exactly_inline,
            &longer,
        ] {
            assert_eq!(
                ascii_lower(word).as_str(),
                word.to_ascii_lowercase(),
                "{word:?}"
            );
        }
        assert!(matches!(ascii_lower("said"), AsciiLower::Same(_)));
        assert!(matches!(
            ascii_lower(&exactly_inline),
            AsciiLower::Inline(_)
        ));
        assert!(matches!(ascii_lower(&longer), AsciiLower::Long(_)));
    }

    #[test]
    fn ascii_offsets_are_bytes() {
        let offsets = CharOffsets::new("hello world");
        assert_eq!(offsets.span(&(6..11)), 6..11);
    }

    #[test]
    fn multibyte_offsets_count_code_points() {
        let text = "“Hi,” she said — ok. ".repeat(100);
        let offsets = CharOffsets::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(offsets.char_at(byte), text[..byte].chars().count());
        }
        assert_eq!(offsets.char_at(text.len()), text.chars().count());
    }

    #[test]
    fn trim_handles_nbsp() {
        let text = "\u{a0} a b \u{a0}";
        let r = trim_range(text, 0..text.len());
        assert_eq!(&text[r], "a b");
    }
}
