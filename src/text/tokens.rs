//! Word tokens with byte ranges.
//!
//! A word is a run of letters and digits (and the combining marks that accent them) with the
//! connectors that belong inside words:
//! apostrophes (don’t, O’Regan), hyphens (laser-focused), periods between letters
//! (U.S., Microsoft.com) and the period of an initial or title (J., Mr.). A possessive ’s is
//! split off into its own token so that "Guthrie’s" yields the name "Guthrie".
//!
//! [`lex`] hands on, with the tokens, the positions that the sentence splitter and the
//! quote scanner start from (possible sentence terminators, possible quote marks and line
//! breaks), recorded while the tokenizer meets each character anyway, so that neither stage
//! reads the whole text again.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word (letters, digits and inner connectors).
    Word,
    /// A possessive suffix: ’s, 's, or a lone ’ after a plural.
    Possessive,
    /// One punctuation or symbol character (quote marks included).
    Punct(char),
    /// One or more line breaks.
    Break,
}

/// The largest text [`lex`] reads: a token keeps its byte offsets in 32 bits. The input
/// layer turns a longer document into an error record before it reaches extraction
/// ([`crate::input::MAX_DOCUMENT_BYTES`]).
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// One token: 12 bytes, so that the token list of a long document costs about three
/// times its text rather than six.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of its first byte in the text.
    start: u32,
    /// Byte offset just past its last byte.
    end: u32,
    /// Its kind.
    pub kind: TokenKind,
}

impl Token {
    /// A token over the bytes `range` of a text of at most [`MAX_TEXT_BYTES`] bytes.
    #[inline]
    pub fn new(range: Range<usize>, kind: TokenKind) -> Token {
        debug_assert!(range.end <= MAX_TEXT_BYTES, "token past MAX_TEXT_BYTES");
        Token {
            start: range.start as u32,
            end: range.end as u32,
            kind,
        }
    }

    /// Byte range in the text.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Byte offset of its first byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past its last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Its length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// True for a token of no bytes (the tokenizer makes none).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True for a word token.
    pub fn is_word(&self) -> bool {
        // A discriminant test: cheaper than the derived `==`, which also compares the
        // `Punct` payload, and asked of nearly every token by every stage.
        matches!(self.kind, TokenKind::Word)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Titles and short forms whose final period belongs to the word.
fn keeps_period(word: &str) -> bool {
    let mut chars = word.chars();
    // An initial: one capital letter.
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    // Dotted initials: "G.K", "J.R.R" (the period of "G.K." belongs to the name).
    if word.len() <= 8
        && word.split('.').all(|part| {
            let mut cs = part.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_ascii_uppercase())
        })
    {
        return true;
    }
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Adm"
            | "Maj"
            | "Rev"
            | "Fr"
            | "St"
            | "Jr"
            | "Sr"
            | "Hon"
            | "Cmdr"
            | "Supt"
            | "Insp"
            | "Pres"
            | "Atty"
    )
}

/// `u8::is_ascii_alphanumeric` as a table: one load a byte in the tokenizer's inner loop.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// True when the comma at byte `at` separates thousands in a number ("2,400", "1,000,000"):
/// a digit before it, exactly three digits after it. It stays inside the number, so that
/// rules which read a comma as a clause boundary do not cut "more than 2,400 people" in two.
fn thousands_comma(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&b',')
        && at > 0
        && bytes[at - 1].is_ascii_digit()
        && bytes
            .get(at + 1..at + 4)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && !bytes.get(at + 4).is_some_and(u8::is_ascii_alphanumeric)
}

/// The char at byte `pos` of `text` (a char boundary), or `None` at the end.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[pos..].chars().next(),
        None => None,
    }
}

/// Bytes of text per token that [`lex`] reserves room for: fewer than prose takes.
const TOKEN_BYTES_ESTIMATE: usize = 4;

/// Splits `text` into tokens. Spaces are dropped; line breaks become one [`TokenKind::Break`].
pub fn tokenize(text: &str) -> Vec<Token> {
    lex(text).tokens
}

/// What one pass over a text finds: its tokens, and the positions the later stages start
/// from. Each list is ascending and holds the byte offsets of the first bytes of characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexed {
    /// The tokens, as [`tokenize`] gives them.
    pub tokens: Vec<Token>,
    /// Every character after which a sentence may end ([`crate::text::may_end_sentence`]:
    /// `.`, `!`, `?`, line breaks and the non-ASCII characters that may be UAX #29
    /// terminators), for the sentence splitter.
    pub terminators: Vec<usize>,
    /// Every `"`, `'`, CR and LF, and every character whose UTF-8 starts with the byte 0xC2
    /// (U+0080 to U+00BF: « ») or 0xE2 (U+2000 to U+2FFF: “ ” ‘ ’ „ ‹ ›), for the quote
    /// scanner, which finds its marks and line breaks among them.
    pub quote_candidates: Vec<usize>,
}

/// Flags of ASCII characters in [`Lexed`]'s lists.
const TERMINATOR: u8 = 1;
const QUOTE_CANDIDATE: u8 = 2;

static ASCII_LISTED: [u8; 128] = {
    let mut table = [0u8; 128];
    table[b'.' as usize] = TERMINATOR;
    table[b'!' as usize] = TERMINATOR;
    table[b'?' as usize] = TERMINATOR;
    table[b'\n' as usize] = TERMINATOR | QUOTE_CANDIDATE;
    table[b'\r' as usize] = TERMINATOR | QUOTE_CANDIDATE;
    table[b'"' as usize] = QUOTE_CANDIDATE;
    table[b'\'' as usize] = QUOTE_CANDIDATE;
    table
};

/// The position lists of [`Lexed`] while they are filled.
struct Listed {
    terminators: Vec<usize>,
    quote_candidates: Vec<usize>,
}

impl Listed {
    /// Records character `c` at byte `at` in the lists it belongs to. Called once for every
    /// character of the text but the ASCII letters, digits and spaces, none of which is
    /// listed.
    #[inline(always)]
    fn note(&mut self, at: usize, c: char) {
        if c.is_ascii() {
            let flags = ASCII_LISTED[c as usize];
            if flags & TERMINATOR != 0 {
                self.terminators.push(at);
            }
            if flags & QUOTE_CANDIDATE != 0 {
                self.quote_candidates.push(at);
            }
            return;
        }
        if crate::text::may_end_sentence(c) {
            self.terminators.push(at);
        }
        if matches!(u32::from(c), 0x80..=0xBF | 0x2000..=0x2FFF) {
            self.quote_candidates.push(at);
        }
    }
}

/// Splits `text` into tokens and lists the positions of [`Lexed`], in one pass.
pub fn lex(text: &str) -> Lexed {
    // News prose has a little more than one token per five bytes (0.205 on the corpus):
    // room for one per four bytes saves the list from doubling, and from the copy of a
    // document's worth of tokens that doubling makes (millions in a long document).
    let mut tokens = Vec::with_capacity(text.len() / TOKEN_BYTES_ESTIMATE);
    let mut listed = Listed {
        // Room for a sentence end every 32 bytes and as many quote marks, dashes and line
        // breaks: news text rarely needs more, so the lists are seldom moved while they grow.
        terminators: Vec::with_capacity(text.len() / 32),
        quote_candidates: Vec::with_capacity(text.len() / 32),
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(&first) = bytes.get(pos) {
        // A plain space: the most frequent byte that is no token (decided as below, where
        // it is not alphanumeric, no line break and whitespace).
        if first == b' ' {
            pos += 1;
            continue;
        }
        let c = if first < 0x80 {
            char::from(first)
        } else {
            text[pos..].chars().next().unwrap_or_default()
        };
        let i = pos;
        pos += c.len_utf8();
        // Every character is met once and noted (ASCII letters and digits need not be):
        // here, or in the loops below, which note the characters they take in.
        if crate::text::is_alnum(c) {
            if first >= 0x80 {
                listed.note(i, c);
            }
            let mut end = pos;
            loop {
                // Most of a word is ASCII letters and digits: skip them a byte at a time
                // before the general, char-by-char checks.
                end += bytes[end..]
                    .iter()
                    .position(|&b| !ASCII_ALNUM[usize::from(b)])
                    .unwrap_or(bytes.len() - end);
                let Some(d) = char_at(text, end) else { break };
                if d == ' ' {
                    // The usual end of a word: no letter, digit or connector.
                    break;
                }
                if crate::text::continues_word(d) {
                    listed.note(end, d);
                    end += d.len_utf8();
                    continue;
                }
                if thousands_comma(bytes, end) {
                    end += 1;
                    continue;
                }
                if !(d == '-' || d == '.' || d == '\u{2011}' || is_apostrophe(d)) {
                    break;
                }
                // A connector stays inside the word only when a letter or digit follows it.
                let after = end + d.len_utf8();
                let next_alnum = char_at(text, after).is_some_and(crate::text::is_alnum);
                if (d == '-' || d == '.' || d == '\u{2011}') && next_alnum {
                    listed.note(end, d);
                    end = after;
                    continue;
                }
                if is_apostrophe(d) && next_alnum {
                    // Split a possessive ’s (followed by a non-letter) off the word.
                    let is_possessive = matches!(bytes.get(after), Some(b's') | Some(b'S'))
                        && !char_at(text, after + 1).is_some_and(crate::text::is_alnum);
                    if is_possessive {
                        break;
                    }
                    listed.note(end, d);
                    end = after;
                    continue;
                }
                break;
            }
            // The period of an initial or a title belongs to it.
            if bytes.get(end) == Some(&b'.') && keeps_period(&text[i..end]) {
                listed.note(end, '.');
                end += 1;
            }
            pos = end;
            tokens.push(Token::new(i..end, TokenKind::Word));
        } else if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            listed.note(i, c);
            while let Some(d) = char_at(text, pos) {
                if d == '\n' || d == '\r' || crate::text::is_space(d) {
                    listed.note(pos, d);
                    pos += d.len_utf8();
                } else {
                    break;
                }
            }
            tokens.push(Token::new(i..pos, TokenKind::Break));
        } else if c.is_whitespace() {
            listed.note(i, c);
            continue;
        } else if is_apostrophe(c)
            && tokens
                .last()
                .is_some_and(|t: &Token| t.is_word() && t.end() == i)
        {
            // ’s after a word, or a lone ’ after a plural ending in s.
            listed.note(i, c);
            let after = pos;
            let s_follows = matches!(bytes.get(after), Some(b's') | Some(b'S'))
                && !char_at(text, after + 1).is_some_and(crate::text::is_alnum);
            if s_follows {
                pos = after + 1;
                tokens.push(Token::new(i..after + 1, TokenKind::Possessive));
            } else {
                tokens.push(Token::new(i..after, TokenKind::Punct(c)));
            }
        } else {
            listed.note(i, c);
            tokens.push(Token::new(i..pos, TokenKind::Punct(c)));
        }
    }
    Lexed {
        tokens,
        terminators: listed.terminators,
        quote_candidates: listed.quote_candidates,
    }
}

/// Index of the first token that starts at or after byte `at` (binary search).
pub fn first_at_or_after(tokens: &[Token], at: usize) -> usize {
    tokens.partition_point(|t| t.start() < at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The previous, char-by-char tokenizer: the oracle for the fast one.
    fn reference(text: &str) -> Vec<Token> {
        // News prose has a little more than one token per five bytes (0.205 on the corpus):
        // room for one per four bytes saves the list from doubling, and from the copy of a
        // document's worth of tokens that doubling makes (millions in a long document).
        let mut tokens = Vec::with_capacity(text.len() / TOKEN_BYTES_ESTIMATE);
        let bytes = text.as_bytes();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if crate::text::is_alnum(c) {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if crate::text::continues_word(d) {
                        end = j + d.len_utf8();
                        iter.next();
                        continue;
                    }
                    if thousands_comma(bytes, j) {
                        end = j + 1;
                        iter.next();
                        continue;
                    }
                    // A connector stays inside the word only when a letter or digit follows it.
                    let next = text[j + d.len_utf8()..].chars().next();
                    let next_alnum = next.is_some_and(crate::text::is_alnum);
                    if (d == '-' || d == '.' || d == '\u{2011}') && next_alnum {
                        end = j + d.len_utf8();
                        iter.next();
                        continue;
                    }
                    if is_apostrophe(d) && next_alnum {
                        // Split a possessive ’s (followed by a non-letter) off the word.
                        let after = j + d.len_utf8();
                        let is_possessive = matches!(bytes.get(after), Some(b's') | Some(b'S'))
                            && !text[after + 1..]
                                .chars()
                                .next()
                                .is_some_and(crate::text::is_alnum);
                        if is_possessive {
                            break;
                        }
                        end = j + d.len_utf8();
                        iter.next();
                        continue;
                    }
                    break;
                }
                // The period of an initial or a title belongs to it.
                if bytes.get(end) == Some(&b'.') && keeps_period(&text[i..end]) {
                    iter.next();
                    end += 1;
                }
                tokens.push(Token::new(i..end, TokenKind::Word));
            } else if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if d == '\n' || d == '\r' || crate::text::is_space(d) {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                tokens.push(Token::new(i..end, TokenKind::Break));
            } else if c.is_whitespace() {
                continue;
            } else if is_apostrophe(c)
                && tokens
                    .last()
                    .is_some_and(|t: &Token| t.is_word() && t.end() == i)
            {
                // ’s after a word, or a lone ’ after a plural ending in s.
                let after = i + c.len_utf8();
                let s_follows = matches!(bytes.get(after), Some(b's') | Some(b'S'))
                    && !text[after + 1..]
                        .chars()
                        .next()
                        .is_some_and(crate::text::is_alnum);
                if s_follows {
                    iter.next();
                    tokens.push(Token::new(i..after + 1, TokenKind::Possessive));
                } else {
                    tokens.push(Token::new(i..after, TokenKind::Punct(c)));
                }
            } else {
                tokens.push(Token::new(i..i + c.len_utf8(), TokenKind::Punct(c)));
            }
        }
        tokens
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn same_tokens_as_reference(
            text in "[aZs5 .,'\u{2019}\u{2011}\n\r\t\u{2028}\u{a0}\u{e9}\u{3b1}\u{301}\u{201c}-]{0,40}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text), reference(&text));
        }

        #[test]
        fn same_tokens_on_any_string(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(tokenize(&text), reference(&text));
        }
    }

    /// The lists of [`Lexed`] as their documentation defines them, character by character.
    fn listed_reference(text: &str) -> (Vec<usize>, Vec<usize>) {
        let terminators = text
            .char_indices()
            .filter(|&(_, c)| crate::text::may_end_sentence(c))
            .map(|(i, _)| i)
            .collect();
        let quote_candidates = text
            .char_indices()
            .filter(|&(i, c)| {
                matches!(c, '"' | '\'' | '\n' | '\r') || matches!(text.as_bytes()[i], 0xC2 | 0xE2)
            })
            .map(|(i, _)| i)
            .collect();
        (terminators, quote_candidates)
    }

    fn same_lists_as_reference(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let lexed = lex(text);
        let (terminators, quote_candidates) = listed_reference(text);
        proptest::prop_assert_eq!(lexed.terminators, terminators);
        proptest::prop_assert_eq!(lexed.quote_candidates, quote_candidates);
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Every character is noted where the tokenizer takes it in: inside words (connectors,
        /// combining marks, digits of other scripts), in line-break runs, after words.
        #[test]
        fn lists_every_listed_character(
            text in "[aZs5 .!?,'\"\u{2019}\u{2018}\u{201c}\u{2011}\n\r\t\u{2028}\u{85}\u{a0}\u{ab}\u{e9}\u{301}\u{663}\u{964}\u{3002}\u{2026}-]{0,40}"
        ) {
            same_lists_as_reference(&text)?;
        }

        #[test]
        fn lists_every_listed_character_of_any_string(text in proptest::prelude::any::<String>()) {
            same_lists_as_reference(&text)?;
        }
    }

    #[test]
    fn same_tokens_on_the_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in walkdir::WalkDir::new(dir) {
            let path = entry.expect("corpus entry").into_path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("corpus text");
                assert_eq!(tokenize(&text), reference(&text), "{}", path.display());
                let lexed = lex(&text);
                let (terminators, quote_candidates) = listed_reference(&text);
                assert_eq!(lexed.terminators, terminators, "{}", path.display());
                assert_eq!(
                    lexed.quote_candidates,
                    quote_candidates,
                    "{}",
                    path.display()
                );
            }
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|t| &text[t.range()])
            .collect()
    }

    #[test]
    fn splits_possessive_and_keeps_inner_connectors() {
        assert_eq!(
            words("Guthrie’s laser-focused U.S. plan, don’t."),
            [
                "Guthrie",
                "’s",
                "laser-focused",
                "U.S.",
                "plan",
                ",",
                "don’t",
                "."
            ]
        );
    }

    #[test]
    fn keeps_the_period_of_dotted_initials() {
        assert_eq!(words("G.K. Butterfield"), ["G.K.", "Butterfield"]);
        assert_eq!(words("J.R.R. Tolkien"), ["J.R.R.", "Tolkien"]);
        // A lower-case abbreviation is no initial.
        assert_eq!(words("e.g. this"), ["e.g", ".", "this"]);
    }

    #[test]
    fn keeps_initial_and_title_periods() {
        assert_eq!(
            words("Mr. George W. Bush said"),
            ["Mr.", "George", "W.", "Bush", "said"]
        );
    }

    #[test]
    fn a_thousands_comma_stays_inside_the_number() {
        assert_eq!(
            words("more than 2,400 or 1,000,000 people"),
            ["more", "than", "2,400", "or", "1,000,000", "people"]
        );
        // Not three digits after it, or a letter: a list, not one number.
        assert_eq!(words("1,2,3"), ["1", ",", "2", ",", "3"]);
        assert_eq!(words("in 2015,2016"), ["in", "2015", ",", "2016"]);
        assert_eq!(words("2,400a"), ["2", ",", "400a"]);
    }

    // guards: a decomposed accent or a tone mark stays inside its word ("E\u{301}lodie" was
    // the word "E" and a punctuation mark).
    #[test]
    fn combining_marks_stay_inside_words() {
        assert_eq!(
            words("E\u{301}lodie Adébáyọ̀’s plan"),
            ["E\u{301}lodie", "Adébáyọ̀", "’s", "plan"]
        );
        // A mark with no letter before it is no word.
        assert_eq!(words("\u{301}a"), ["\u{301}", "a"]);
    }

    // guards: the token list of a long document growing back to 24 bytes a token (a
    // `Range<usize>` and a kind), the largest holder of a one-document run's memory.
    #[test]
    fn a_token_is_twelve_bytes() {
        assert_eq!(std::mem::size_of::<TokenKind>(), 4);
        assert_eq!(std::mem::size_of::<Token>(), 12);
        let t = Token::new(3..7, TokenKind::Punct('’'));
        assert_eq!((t.range(), t.start(), t.end(), t.len()), (3..7, 3, 7, 4));
    }

    #[test]
    fn line_breaks_collapse() {
        let t = tokenize("a\n\n  b");
        assert_eq!(t.len(), 3);
        assert_eq!(t[1].kind, TokenKind::Break);
    }
}
