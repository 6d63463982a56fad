//! Finding quote-mark characters and reading the context around each one.
//!
//! The scanner is byte-driven: only `"`, `'`, line breaks and the lead bytes of the
//! multi-byte marks (0xE2 for “”‘’„‹›, 0xC2 for «») can start something interesting, so a
//! 256-entry table lets the hot loop skip ordinary prose one byte at a time without decoding.

/// A quote-mark character, before any decision about its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// “ U+201C.
    LeftDouble,
    /// ” U+201D.
    RightDouble,
    /// ‘ U+2018.
    LeftSingle,
    /// ’ U+2019.
    RightSingle,
    /// „ U+201E.
    LowDouble,
    /// " U+0022.
    StraightDouble,
    /// ' U+0027.
    StraightSingle,
    /// « U+00AB.
    LeftGuillemet,
    /// » U+00BB.
    RightGuillemet,
    /// ‹ U+2039.
    LeftSingleGuillemet,
    /// › U+203A.
    RightSingleGuillemet,
}

/// Byte classes of the hot loop.
const PLAIN: u8 = 0;
const LINE_BREAK: u8 = 1;
const CANDIDATE: u8 = 2;

static CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    t[b'\n' as usize] = LINE_BREAK;
    t[b'\r' as usize] = LINE_BREAK;
    t[b'"' as usize] = CANDIDATE;
    t[b'\'' as usize] = CANDIDATE;
    t[0xE2] = CANDIDATE;
    t[0xC2] = CANDIDATE;
    t
};

/// What the byte scanner found next.
pub(crate) enum Found {
    /// A quote mark at `pos`, `len` bytes long.
    Mark(usize, usize, Mark),
    /// A line break (`\n`, `\r` or `\r\n`) spanning `start..end`.
    Break(usize, usize),
    /// Nothing more.
    End,
}

/// Finds the next quote mark or line break at or after `pos`.
pub(crate) fn next_event(bytes: &[u8], mut pos: usize) -> (Found, usize) {
    while pos < bytes.len() {
        let b = bytes[pos];
        match CLASS[b as usize] {
            PLAIN => pos += 1,
            LINE_BREAK => {
                let end = if b == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
                    pos + 2
                } else {
                    pos + 1
                };
                return (Found::Break(pos, end), end);
            }
            _ => {
                if let Some((len, mark)) = decode(bytes, pos) {
                    return (Found::Mark(pos, len, mark), pos + len);
                }
                pos += 1;
            }
        }
    }
    (Found::End, pos)
}

/// [`next_event`], looking only at the positions of `candidates` from index `*cursor` on
/// (ascending positions, among them every byte the hot loop of [`next_event`] stops at:
/// [`crate::text::tokens::Lexed::quote_candidates`] lists them); moves `*cursor` past the
/// positions looked at. Calls must ask for ascending `pos`.
pub(crate) fn next_listed_event(
    bytes: &[u8],
    pos: usize,
    candidates: &[usize],
    cursor: &mut usize,
) -> (Found, usize) {
    while let Some(&at) = candidates.get(*cursor) {
        *cursor += 1;
        if at < pos {
            continue;
        }
        let Some(&b) = bytes.get(at) else { break };
        match CLASS[b as usize] {
            PLAIN => {}
            LINE_BREAK => {
                let end = if b == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                    at + 2
                } else {
                    at + 1
                };
                return (Found::Break(at, end), end);
            }
            _ => {
                if let Some((len, mark)) = decode(bytes, at) {
                    return (Found::Mark(at, len, mark), at + len);
                }
            }
        }
    }
    (Found::End, bytes.len())
}

fn decode(bytes: &[u8], pos: usize) -> Option<(usize, Mark)> {
    match bytes[pos] {
        b'"' => Some((1, Mark::StraightDouble)),
        // Two straight singles are the typewriter form of a double mark (''Yes,'' he said).
        b'\''
            if bytes.get(pos + 1) == Some(&b'\'')
                && bytes.get(pos + 2) != Some(&b'\'')
                && (pos == 0 || bytes[pos - 1] != b'\'') =>
        {
            Some((2, Mark::StraightDouble))
        }
        b'\'' => Some((1, Mark::StraightSingle)),
        0xC2 => match bytes.get(pos + 1)? {
            0xAB => Some((2, Mark::LeftGuillemet)),
            0xBB => Some((2, Mark::RightGuillemet)),
            _ => None,
        },
        0xE2 => {
            if *bytes.get(pos + 1)? != 0x80 {
                return None;
            }
            // Two single marks typed for a double one, as scraped text often has them
            // (‘‘Yes,’’ he said): the pair is one mark.
            let doubled = |third: u8| {
                let mark = [0xE2, 0x80, third];
                bytes.get(pos + 3..pos + 6) == Some(&mark[..])
                    && bytes.get(pos + 6..pos + 9) != Some(&mark[..])
                    && (pos < 3 || bytes[pos - 3..pos] != mark)
            };
            match bytes.get(pos + 2)? {
                0x98 if doubled(0x98) => return Some((6, Mark::LeftDouble)),
                0x99 if doubled(0x99) && pos > 0 && !bytes[pos - 1].is_ascii_whitespace() => {
                    return Some((6, Mark::RightDouble))
                }
                _ => {}
            }
            let m = match bytes.get(pos + 2)? {
                0x9C => Mark::LeftDouble,
                0x9D => Mark::RightDouble,
                0x98 => Mark::LeftSingle,
                0x99 => Mark::RightSingle,
                0x9E => Mark::LowDouble,
                0xB9 => Mark::LeftSingleGuillemet,
                0xBA => Mark::RightSingleGuillemet,
                _ => return None,
            };
            Some((3, m))
        }
        _ => None,
    }
}

/// True for every character whosaid treats as a quote mark (or an apostrophe lookalike).
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{201A}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// Treats the edge of the text like whitespace: a mark at the start of a line behaves as one
/// after a space.
pub(crate) fn is_space(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace(),
    }
}

/// Characters after which a mark may open a passage: the brief's "start of text, whitespace,
/// an opening bracket or dash, or another mark".
pub(crate) fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/')
                || is_quote_char(c)
        }
    }
}

/// Words that lose their first letters to an apostrophe often enough that a ‘ or ' before
/// them is more likely the apostrophe than a quote (‘Tis the season, 'em, 'cause).
const ELIDED_WORDS: [&str; 6] = ["tis", "twas", "twere", "em", "cause", "til"];

fn starts_elided_word(after: &str) -> bool {
    let word_len = after
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(i, _)| i);
    let word = &after[..word_len];
    word.len() <= 5 && ELIDED_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The context of one mark, read once so every rule can look at it cheaply.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte offset of the mark.
    pub pos: usize,
    /// Byte offset just after the mark.
    pub end: usize,
    /// Which character it is.
    pub mark: Mark,
    /// Character before the mark (`None` at the start of the text).
    pub prev: Option<char>,
    /// Character after the mark (`None` at the end of the text).
    pub next: Option<char>,
    /// Preceded by start/space/bracket/dash/mark and followed by a non-space.
    pub clear_opener: bool,
    /// Preceded by a non-space and followed by a non-alphanumeric (or the end).
    pub closer_ctx: bool,
    /// For ’ and ': it is an apostrophe by the local rules (possessive rule not included).
    pub apostrophe: bool,
    /// For ’ and ': shaped like a plural possessive (`s’ word`), decided later with lookahead.
    pub possessive_shape: bool,
    /// For ‘ and ': shaped like the start of an elision (`‘90s`, `‘n’`), so it never opens.
    pub elision_start: bool,
}

impl Token {
    /// Reads the context of the mark at `pos..end`.
    pub(crate) fn read(text: &str, pos: usize, end: usize, mark: Mark) -> Token {
        let before = &text[..pos];
        let after = &text[end..];
        let prev = before.chars().next_back();
        let mut it = after.chars();
        let next = it.next();
        let next2 = it.next();
        let next3 = it.next();
        let clear_opener = opens_after(prev) && !is_space(next);
        let closer_ctx = !is_space(prev) && !next.is_some_and(char::is_alphanumeric);
        let mut apostrophe = false;
        let mut possessive_shape = false;
        let mut elision_start = false;
        // A combining mark belongs to the letter before it: the ’ of "Adébáyọ̀’s" follows
        // a word.
        let alnum = |c: Option<char>| c.is_some_and(crate::text::continues_word);
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let apos_like = |c: Option<char>| matches!(c, Some('\'' | '\u{2018}' | '\u{2019}'));
        let is_n = |c: Option<char>| matches!(c, Some('n' | 'N'));
        if matches!(mark, Mark::RightSingle | Mark::StraightSingle) {
            // A ’ inside a word (it’s, O’Regan) or before digits (’90s) is never a closer,
            // nor is one opening an elided word after a space (’em, the first ’ of ’n’).
            apostrophe =
                (alnum(prev) && alnum(next)) || digit(next) || (is_space(prev) && alnum(next));
            // The second mark of rock ’n’ roll.
            if !apostrophe && is_n(prev) {
                let mut back = before.chars().rev();
                back.next();
                let p2 = back.next();
                let p3 = back.next();
                if apos_like(p2) && is_space(p3) && is_space(next) {
                    apostrophe = true;
                }
            }
            possessive_shape = matches!(prev, Some('s'))
                && next == Some(' ')
                && next2.is_some_and(char::is_lowercase);
        }
        if matches!(mark, Mark::LeftSingle | Mark::StraightSingle) {
            elision_start = digit(next)
                || (is_n(next) && apos_like(next2) && is_space(next3))
                || starts_elided_word(after);
        }
        Token {
            pos,
            end,
            mark,
            prev,
            next,
            clear_opener,
            closer_ctx,
            apostrophe,
            possessive_shape,
            elision_start,
        }
    }

    /// A ’ or ' that could close a single-quoted passage even without the possessive rule's
    /// benefit of the doubt: used as the "better closing candidate" of that rule.
    pub(crate) fn strong_single_closer(&self) -> bool {
        self.closer_ctx && !self.apostrophe && !self.possessive_shape
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token of the first mark in `text`.
    fn first(text: &str) -> Token {
        let mut pos = 0;
        loop {
            match next_event(text.as_bytes(), pos) {
                (Found::Mark(s, len, mark), _) => return Token::read(text, s, s + len, mark),
                (Found::Break(_, e), _) => pos = e,
                (Found::End, _) => panic!("no mark in {text:?}"),
            }
        }
    }

    #[test]
    fn decodes_every_mark_and_skips_lookalike_bytes() {
        // guards: — (E2 80 94), … (E2 80 A6) and NBSP (C2 A0) share lead bytes with marks.
        let text = "—…\u{a0}“”‘’„\"'«»‹›";
        let mut pos = 0;
        let mut seen = Vec::new();
        while let (Found::Mark(_, _, m), np) = next_event(text.as_bytes(), pos) {
            seen.push(m);
            pos = np;
        }
        use Mark::*;
        assert_eq!(
            seen,
            [
                LeftDouble,
                RightDouble,
                LeftSingle,
                RightSingle,
                LowDouble,
                StraightDouble,
                StraightSingle,
                LeftGuillemet,
                RightGuillemet,
                LeftSingleGuillemet,
                RightSingleGuillemet
            ]
        );
    }

    #[test]
    fn doubled_curly_singles_are_one_double_mark() {
        // guards: ‘‘…’’ typed for “…”; a run of three is left alone.
        let marks = |text: &str| {
            let mut pos = 0;
            let mut seen = Vec::new();
            while let (Found::Mark(_, len, m), np) = next_event(text.as_bytes(), pos) {
                seen.push((m, len));
                pos = np;
            }
            seen
        };
        assert_eq!(
            marks("‘‘Yes,’’ he said"),
            [(Mark::LeftDouble, 6), (Mark::RightDouble, 6)]
        );
        assert_eq!(marks("a’’’ b").len(), 3);
        assert_eq!(marks(" ’’x").len(), 2);
    }

    #[test]
    fn line_breaks_include_crlf_as_one() {
        // guards: \r\n is one break, so CRLF text has no phantom empty paragraphs.
        let (f, next) = next_event(b"ab\r\ncd", 0);
        assert!(matches!(f, Found::Break(2, 4)));
        assert_eq!(next, 4);
        assert!(matches!(next_event(b"a\rb", 0).0, Found::Break(1, 2)));
    }

    #[test]
    fn apostrophe_shapes() {
        // guards: the local apostrophe rules for ’ and '.
        for text in [
            "it’s",
            "O’Regan",
            "don't",
            "[It's]",
            " ’90s",
            "in ’em",
            "rock ’n’ roll",
        ] {
            assert!(first(text).apostrophe, "{text}");
        }
        // guards: the second mark of ’n’ is an apostrophe too.
        let text = "rock ’n’ roll";
        let second = text.find("n’").unwrap() + 1;
        assert!(Token::read(text, second, second + 3, Mark::RightSingle).apostrophe);
        for text in ["end’ he", "end.’", "happy, ’ he", "x’”"] {
            assert!(!first(text).apostrophe, "{text}");
        }
    }

    #[test]
    fn possessive_and_elision_shapes() {
        // guards: s’ + space + lowercase is only a possessive shape; the decision needs lookahead.
        assert!(first("students’ books").possessive_shape);
        assert!(!first("students’ Books").possessive_shape);
        assert!(!first("student’ books").possessive_shape);
        // guards: ‘90s and ‘n’ never open.
        assert!(first(" ‘90s").elision_start);
        assert!(first("rock ‘n’ roll").elision_start);
        assert!(first("'90s").elision_start);
        assert!(!first(" ‘now").elision_start);
        // guards: a few common elided words.
        assert!(first("‘Tis the season").elision_start);
        assert!(first("kill 'em all").elision_start);
        assert!(!first("‘Tissue paper’").elision_start);
    }

    #[test]
    fn opener_and_closer_context() {
        // guards: the brief's opener/closer contexts for straight marks.
        assert!(first("\"a").clear_opener);
        assert!(first(" \"a").clear_opener);
        assert!(first("(\"a").clear_opener);
        assert!(first("—\"a").clear_opener);
        let text = "“'a";
        assert!(Token::read(text, 3, 4, Mark::StraightSingle).clear_opener);
        assert!(!first("a\"b").clear_opener);
        assert!(!first("5\"").clear_opener);
        assert!(first("a\" b").closer_ctx);
        assert!(first("a.\"").closer_ctx);
        assert!(first("a\")").closer_ctx);
        assert!(!first("a\"b").closer_ctx);
        assert!(!first(" \"b").closer_ctx);
    }
}
