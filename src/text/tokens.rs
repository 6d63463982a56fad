//! Word tokens with byte ranges.
//!
//! A word is a run of letters and digits (and the combining marks that accent them) with the
//! connectors that belong inside words:
//! apostrophes (don’t, O’Regan), hyphens (laser-focused), periods between letters
//! (U.S., Microsoft.com) and the period of an initial or title (J., Mr.). A possessive ’s is
//! split off into its own token so that "Guthrie’s" yields the name "Guthrie".

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

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Its kind.
    pub kind: TokenKind,
}

impl Token {
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

/// Splits `text` into tokens. Spaces are dropped; line breaks become one [`TokenKind::Break`].
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
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
        if crate::text::is_alnum(c) {
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
                    end = after;
                    continue;
                }
                break;
            }
            // The period of an initial or a title belongs to it.
            if bytes.get(end) == Some(&b'.') && keeps_period(&text[i..end]) {
                end += 1;
            }
            pos = end;
            tokens.push(Token {
                range: i..end,
                kind: TokenKind::Word,
            });
        } else if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            while let Some(d) = char_at(text, pos) {
                if d == '\n' || d == '\r' || crate::text::is_space(d) {
                    pos += d.len_utf8();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                range: i..pos,
                kind: TokenKind::Break,
            });
        } else if c.is_whitespace() {
            continue;
        } else if is_apostrophe(c)
            && tokens
                .last()
                .is_some_and(|t: &Token| t.is_word() && t.range.end == i)
        {
            // ’s after a word, or a lone ’ after a plural ending in s.
            let after = pos;
            let s_follows = matches!(bytes.get(after), Some(b's') | Some(b'S'))
                && !char_at(text, after + 1).is_some_and(crate::text::is_alnum);
            if s_follows {
                pos = after + 1;
                tokens.push(Token {
                    range: i..after + 1,
                    kind: TokenKind::Possessive,
                });
            } else {
                tokens.push(Token {
                    range: i..after,
                    kind: TokenKind::Punct(c),
                });
            }
        } else {
            tokens.push(Token {
                range: i..pos,
                kind: TokenKind::Punct(c),
            });
        }
    }
    tokens
}

/// Index of the first token that starts at or after byte `at` (binary search).
pub fn first_at_or_after(tokens: &[Token], at: usize) -> usize {
    tokens.partition_point(|t| t.range.start < at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The previous, char-by-char tokenizer: the oracle for the fast one.
    fn reference(text: &str) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(text.len() / 5);
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
                tokens.push(Token {
                    range: i..end,
                    kind: TokenKind::Word,
                });
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
                tokens.push(Token {
                    range: i..end,
                    kind: TokenKind::Break,
                });
            } else if c.is_whitespace() {
                continue;
            } else if is_apostrophe(c)
                && tokens
                    .last()
                    .is_some_and(|t: &Token| t.is_word() && t.range.end == i)
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
                    tokens.push(Token {
                        range: i..after + 1,
                        kind: TokenKind::Possessive,
                    });
                } else {
                    tokens.push(Token {
                        range: i..after,
                        kind: TokenKind::Punct(c),
                    });
                }
            } else {
                tokens.push(Token {
                    range: i..i + c.len_utf8(),
                    kind: TokenKind::Punct(c),
                });
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

    #[test]
    fn same_tokens_on_the_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in walkdir::WalkDir::new(dir) {
            let path = entry.expect("corpus entry").into_path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("corpus text");
                assert_eq!(tokenize(&text), reference(&text), "{}", path.display());
            }
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.range]).collect()
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

    #[test]
    fn line_breaks_collapse() {
        let t = tokenize("a\n\n  b");
        assert_eq!(t.len(), 3);
        assert_eq!(t[1].kind, TokenKind::Break);
    }
}
