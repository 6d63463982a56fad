//! Words of a passage, lower-cased into one buffer, for the rules that compare wording.

use std::ops::Range;

/// Words lower-cased into one buffer: two allocations per passage instead of one per word.
#[derive(Debug, Clone, Default)]
pub struct LowerWords {
    /// The text lower-cased in ASCII, then the non-ASCII words lower-cased in full.
    buf: String,
    /// Each word's range in `buf`.
    spans: Vec<Range<usize>>,
    /// Each word's [`word_key`].
    keys: Vec<u32>,
}

impl LowerWords {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Word `i`.
    pub fn get(&self, i: usize) -> &str {
        &self.buf[self.spans[i].clone()]
    }

    /// The [`word_key`] of every word, in order.
    pub fn keys(&self) -> &[u32] {
        &self.keys
    }
}

/// A word's first three bytes (fewer for a shorter word, the rest zero) as one number: two
/// words that are equal, or of which one is the start of the other and both have three bytes
/// or more, have the same key. A comparison of keys turns most pairs of words away at once.
pub fn word_key(word: &str) -> u32 {
    match *word.as_bytes() {
        [] => 0,
        [a] => u32::from(a),
        [a, b] => u32::from(a) | u32::from(b) << 8,
        [a, b, c, ..] => u32::from(a) | u32::from(b) << 8 | u32::from(c) << 16,
    }
}

/// Number of [`lowercase_words`] of a text, counting no further than `max`.
pub fn word_count(text: &str, max: usize) -> usize {
    WordRuns::new(text).take(max).count()
}

/// The words of a text, lower-cased: runs of letters and digits.
pub fn lowercase_words(text: &str) -> LowerWords {
    lowercase_words_within(text, usize::MAX).unwrap_or_default()
}

/// [`lowercase_words`] of a text of at most `max` words, or `None` for a text of more: the
/// words are found first, so a longer text is turned away before anything is copied.
pub fn lowercase_words_within(text: &str, max: usize) -> Option<LowerWords> {
    // About one word per five bytes of prose: growing the list word by word cost more than
    // the words themselves.
    let mut spans = Vec::with_capacity((text.len() / 5 + 1).min(max.saturating_add(1)));
    // The words beyond ASCII, rare in news text.
    let mut wide = Vec::new();
    for (range, ascii) in WordRuns::new(text) {
        if spans.len() == max {
            return None;
        }
        if !ascii {
            wide.push(spans.len());
        }
        spans.push(range);
    }
    // The whole text lower-cased in ASCII at once (a vectorised pass): an ASCII word is then
    // the same range of the copy, with no copy of its own.
    let mut buf = text.to_ascii_lowercase();
    for k in wide {
        // Each word on its own, as `str::to_lowercase` treats a final sigma by its context;
        // the ASCII case above gives the same string without the tables.
        let start = buf.len();
        buf.push_str(&text[spans[k].clone()].to_lowercase());
        spans[k] = start..buf.len();
    }
    let keys = spans.iter().map(|r| word_key(&buf[r.clone()])).collect();
    Some(LowerWords { buf, spans, keys })
}

/// What a byte says of the word it is in: [`ASCII_OTHER`], [`ASCII_ALNUM`] or [`NOT_ASCII`]
/// (the first byte of a character that must be decoded, or a continuation byte).
static BYTE_CLASS: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            ASCII_ALNUM
        } else {
            ASCII_OTHER
        };
        b += 1;
    }
    table
};
/// An ASCII byte that is no letter or digit.
const ASCII_OTHER: u8 = 0;
/// An ASCII letter or digit.
const ASCII_ALNUM: u8 = 1;
/// A byte of a character beyond ASCII.
const NOT_ASCII: u8 = 2;

/// The maximal runs of letters and digits ([`crate::text::is_alnum`]) of a text, as byte
/// ranges with whether the run is all ASCII: the non-empty pieces of
/// `text.split(|c| !is_alnum(c))`, read a byte at a time through [`BYTE_CLASS`] where the
/// text is ASCII.
struct WordRuns<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> WordRuns<'t> {
    fn new(text: &'t str) -> Self {
        WordRuns { text, at: 0 }
    }

    /// Whether the char beyond ASCII at byte `i` (a char boundary) is a letter or a digit,
    /// and its width in bytes.
    #[cold]
    fn wide_alnum_at(&self, i: usize) -> (bool, usize) {
        let c = self.text[i..].chars().next().unwrap_or(' ');
        (crate::text::is_alnum(c), c.len_utf8())
    }
}

impl Iterator for WordRuns<'_> {
    type Item = (Range<usize>, bool);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        // Skip to the first letter or digit: ASCII bytes that are neither are passed over
        // a byte at a time, other characters decoded.
        let start = loop {
            match BYTE_CLASS[usize::from(*bytes.get(i)?)] {
                ASCII_OTHER => i += 1,
                ASCII_ALNUM => break i,
                _ => {
                    let (alnum, width) = self.wide_alnum_at(i);
                    if alnum {
                        break i;
                    }
                    i += width;
                }
            }
        };
        let mut ascii = true;
        while let Some(&b) = bytes.get(i) {
            match BYTE_CLASS[usize::from(b)] {
                ASCII_ALNUM => i += 1,
                ASCII_OTHER => break,
                _ => {
                    let (alnum, width) = self.wide_alnum_at(i);
                    if !alnum {
                        break;
                    }
                    // A word that starts beyond ASCII is marked by this too.
                    ascii = false;
                    i += width;
                }
            }
        }
        self.at = i;
        Some((start..i, ascii))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words as `str::split` on non-alphanumerics gives them: the oracle for [`WordRuns`].
    fn reference_words(text: &str) -> Vec<String> {
        text.split(|c: char| !crate::text::is_alnum(c))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    fn words_of(text: &str) -> Vec<String> {
        let words = lowercase_words(text);
        (0..words.len()).map(|i| words.get(i).to_string()).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Words that are equal, or of which one starts the other with three bytes or more
        /// in both, share their key (ATT010 compares keys before words).
        #[test]
        fn word_keys_agree_where_words_match(
            a in "[ab\u{e9}]{1,6}",
            b in "[ab\u{e9}]{1,6}"
        ) {
            let matching = a == b
                || (a.len().min(b.len()) >= 3 && (a.starts_with(&b) || b.starts_with(&a)));
            if matching {
                proptest::prop_assert_eq!(word_key(&a), word_key(&b));
            }
        }

        #[test]
        fn lowercase_words_split_like_str_split(
            text in "[aZ5 .,'\u{2019}\u{2014}\u{201c}\u{e9}\u{c9}\u{3a3}\u{3c3}\u{3b1}\u{301}-]{0,40}"
        ) {
            proptest::prop_assert_eq!(words_of(&text), reference_words(&text));
            proptest::prop_assert_eq!(word_count(&text, 5), reference_words(&text).len().min(5));
            for max in 0..4 {
                let within = lowercase_words_within(&text, max)
                    .map(|w| (0..w.len()).map(|i| w.get(i).to_string()).collect::<Vec<_>>());
                let all = reference_words(&text);
                proptest::prop_assert_eq!(within, (all.len() <= max).then_some(all));
            }
        }

        #[test]
        fn lowercase_words_on_any_string(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(words_of(&text), reference_words(&text));
        }
    }

    #[test]
    fn lowercase_words_keep_a_final_sigma_per_word() {
        assert_eq!(
            words_of("ΟΔΟΣ, Don’t STOP—now"),
            ["\u{3bf}\u{3b4}\u{3bf}\u{3c2}", "don", "t", "stop", "now"]
        );
    }
}
