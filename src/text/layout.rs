//! Line layout: which line breaks end a paragraph and which only wrap a line.
//!
//! Plain text reaches whosaid in two layouts that look alike byte for byte. Most news text
//! puts one paragraph on each line (with or without blank lines between). Hard-wrapped text
//! (wire copy, e-mail, plain-text archives, books) breaks every paragraph into lines of a
//! fixed width, so a single line break may fall inside a sentence or a quotation. This stage
//! reads the text's own shape and decides, for every single line break (one that separates
//! two non-blank lines), whether it is *soft* (a wrapped line: read as a space) or *hard* (a
//! paragraph or line end, as every line break used to be).
//!
//! It hands on [`reading_view`]: the text with each soft line break replaced by as many
//! spaces as it has bytes. The view has the same length and the same offsets as the
//! original, so every span computed on it points into the original text; only what is
//! reported (`text` of a quote, a mention) is cut from the original.
//!
//! # Decisions
//! - A blank line always ends a paragraph; only single line breaks are judged.
//! - A break is always hard before a list item (`- `, `• `, `1. `, `b) `), before a
//!   transcript label (`Q: `, `BANKOLE: `, `Tom Reyes: `) in a document with at least
//!   [`MIN_LABEL_LINES`] of them, and, in a hard-wrapped document, before an indented line
//!   (a paragraph's first line in books and wire copy without blank lines).
//! - In any document, a break is soft when the line ends inside a sentence and the next one
//!   goes on in lower case (`We will win this` / `election,`), when the line ends with a
//!   comma, a dash or a function word (`the`, `of`, `and` …) and the next starts with a
//!   letter or digit, and when a quotation opened at the end of a line is closed on the next
//!   line (or a few lines on) with no quote mark between (`blah "Hello,` / `I am the second
//!   line.` / `I am the last." more`).
//! - A document is hard-wrapped when at least half of its single line breaks (and at least
//!   [`MIN_WRAPPED_BREAKS`]) fall where a line-filling program would have broken: the next
//!   line's first word would not have fitted on the line within the document's width, the
//!   longest line (at most [`MAX_WRAP_WIDTH`] characters) that a non-blank line follows.
//!   There, such breaks are soft too; a line that stops short of the width before a
//!   capitalised word (a paragraph end, a heading, a list) keeps its break.
//! - One-paragraph-per-line news has lines far longer than any wrap width and ends its
//!   lines with sentences: it keeps every break.
//!
//! Linear in the text: every line is looked at a bounded number of times.

use std::borrow::Cow;
use std::ops::Range;

/// Widest line of a hard-wrapped document, in characters (wire copy, e-mail and plain-text
/// books wrap at 60 to 80; one-paragraph-per-line news runs to hundreds).
pub const MAX_WRAP_WIDTH: usize = 100;
/// Narrowest width read as a wrap width: narrower lines are lists or verse.
pub const MIN_WRAP_WIDTH: usize = 30;
/// Fewest line-filling breaks that make a document hard-wrapped.
pub const MIN_WRAPPED_BREAKS: usize = 3;
/// Most lines a quotation opened at the end of a line may run over, without any quote mark
/// on the lines between, and still be read as wrapped (outside a hard-wrapped document).
pub const MAX_QUOTE_WRAP_LINES: usize = 8;
/// Fewest lines opening with a label (`Q:`, `BANKOLE:`) that make a document a transcript,
/// whose labelled lines always start a new paragraph.
pub const MIN_LABEL_LINES: usize = 2;
/// Most words of a transcript label before its colon (`Mr. Tom Reyes:`).
const MAX_LABEL_WORDS: usize = 4;
/// Longest transcript label, in bytes.
const MAX_LABEL_BYTES: usize = 40;
/// Longest word looked at at the end of a line or the start of the next one, in bytes.
const MAX_WORD_BYTES: usize = 32;

/// One line of the text.
#[derive(Debug, Clone)]
struct Line {
    /// Byte range of the line's content, without its line break.
    content: Range<usize>,
    /// Byte range of the line break after it (empty for the last line).
    brk: Range<usize>,
    /// Characters of the content without trailing spaces, counted no further than
    /// `MAX_WRAP_WIDTH + 1`: a wider line is too wide for any wrap width, whatever its length.
    width: usize,
    /// Leading spaces and tabs (a tab counts as one).
    indent: usize,
    /// Only spaces.
    blank: bool,
}

/// Characters of `line`, or `MAX_WRAP_WIDTH + 1` for any line wider than that. A line of
/// `4 * (MAX_WRAP_WIDTH + 1)` bytes or more is that wide (a character takes four bytes at
/// most) and is not counted at all: one paragraph per line runs to hundreds of characters.
fn capped_width(line: &str) -> usize {
    const CAP: usize = MAX_WRAP_WIDTH + 1;
    if line.len() >= 4 * CAP {
        CAP
    } else {
        line.chars().count().min(CAP)
    }
}

/// The lines of `text`, split at `\n`, `\r\n` and `\r`.
fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let brk_end = match bytes.get(end) {
            None => end,
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
        };
        let content = &text[start..end];
        let trimmed = content.trim_end();
        let indent = content
            .bytes()
            .take_while(|&b| b == b' ' || b == b'\t')
            .count();
        out.push(Line {
            content: start..end,
            brk: end..brk_end,
            width: capped_width(trimmed),
            indent,
            blank: trimmed.trim_start().is_empty(),
        });
        if brk_end >= bytes.len() {
            break;
        }
        start = brk_end;
    }
    out
}

/// The byte ranges of the soft line breaks of `text` (see the module documentation), in
/// order.
pub fn soft_breaks(text: &str) -> Vec<Range<usize>> {
    // Most documents have no single line break at all: one paragraph per line with blank
    // lines between, or a single paragraph.
    if !has_single_break(text.as_bytes()) {
        return Vec::new();
    }
    let lines = lines(text);
    let labels = lines
        .iter()
        .filter(|l| !l.blank && starts_label(&text[l.content.clone()]))
        .take(MIN_LABEL_LINES)
        .count()
        >= MIN_LABEL_LINES;
    let width = wrap_width(text, &lines);
    let mut soft = vec![false; lines.len()];
    quotes_across_lines(text, &lines, labels, &mut soft);
    for i in 0..lines.len().saturating_sub(1) {
        let (line, next) = (&lines[i], &lines[i + 1]);
        if line.blank || next.blank || soft[i] {
            continue;
        }
        let left = text[line.content.clone()].trim_end();
        let right = &text[next.content.clone()];
        if hard_before(right, labels) {
            continue;
        }
        let right = right.trim_start();
        let local = (ends_inside_sentence(left) && starts_lowercase_word(right))
            || (ends_with_connector(left) && right.starts_with(|c: char| super::is_alnum(c)));
        let wrapped = width.is_some_and(|w| {
            let min_indent = line.indent.min(next.indent);
            next.indent <= min_indent + 1 && line.width + 1 + first_word_width(right) > w
        });
        soft[i] = local || wrapped;
    }
    lines
        .iter()
        .zip(&soft)
        .filter(|(l, &s)| s && !l.brk.is_empty())
        .map(|(l, _)| l.brk.clone())
        .collect()
}

/// `text` with its soft line breaks (see [`soft_breaks`]) replaced by spaces, byte for
/// byte: same length, same offsets. Borrowed when there is none.
pub fn reading_view(text: &str) -> Cow<'_, str> {
    let soft = soft_breaks(text);
    if soft.is_empty() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(join_soft_breaks(text.to_string(), soft))
}

/// [`reading_view`] of a text the caller owns, made in place: no second copy of a text
/// that is already one (the normalised view of a long document).
pub fn reading_view_of(text: String) -> String {
    let soft = soft_breaks(&text);
    join_soft_breaks(text, soft)
}

/// `text` with the line breaks `soft` (byte ranges of ASCII line breaks) made spaces.
fn join_soft_breaks(text: String, soft: Vec<Range<usize>>) -> String {
    if soft.is_empty() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for r in soft {
        for b in &mut bytes[r] {
            *b = b' ';
        }
    }
    // Only ASCII line-break bytes became ASCII spaces: still UTF-8, so the lossy branch
    // (which would copy) is never taken.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// True when some line break separates two non-blank lines.
fn has_single_break(bytes: &[u8]) -> bool {
    // Runs every document, most of which have no line break but blank lines: jump from
    // break to break and look only at the start of the text between them.
    let mut seen_text = false;
    let mut breaks = 0;
    let mut at = 0;
    loop {
        let next = memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        if bytes[at..next].iter().any(|&b| b != b' ' && b != b'\t') {
            if seen_text && breaks == 1 {
                return true;
            }
            seen_text = true;
            breaks = 0;
        }
        if next == bytes.len() {
            return false;
        }
        at = next + 1;
        if bytes[next] == b'\r' && bytes.get(at) == Some(&b'\n') {
            at += 1;
        }
        breaks += 1;
    }
}

/// The document's wrap width when it is hard-wrapped (see the module documentation).
fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    let followed = || {
        lines
            .windows(2)
            .filter(|w| !w[0].blank && !w[1].blank)
            .map(|w| (&w[0], &w[1]))
    };
    let width = followed()
        .map(|(l, _)| l.width)
        .filter(|&w| w <= MAX_WRAP_WIDTH)
        .max()?;
    if width < MIN_WRAP_WIDTH {
        return None;
    }
    let (mut breaks, mut filling, mut too_wide) = (0, 0, 0);
    for (l, next) in followed() {
        breaks += 1;
        if l.width > width {
            too_wide += 1;
        } else if l.width + 1 + first_word_width(text[next.content.clone()].trim_start()) > width {
            filling += 1;
        }
    }
    // A few long lines (a URL, a table row) do not undo the profile; many do.
    let wrapped = filling >= MIN_WRAPPED_BREAKS && 2 * filling >= breaks && 10 * too_wide <= breaks;
    wrapped.then_some(width)
}

/// Marks as soft the breaks a quotation runs over: from a line that stops inside a sentence
/// and whose last double quote mark opens, over lines without any double mark, to a line whose first double mark closes one
/// of the same family. Each line is passed over at most once.
fn quotes_across_lines(text: &str, lines: &[Line], labels: bool, soft: &mut [bool]) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let content = text[lines[i].content.clone()].trim_end();
        // The quotation must stop inside a sentence at the line end: a line that ends a
        // sentence inside an unclosed quotation may be a quote paragraph whose closer was
        // put after the signature on the next line ("… in the fall." / "Jane Roe, mayor.\"").
        let Some(family) = (!lines[i].blank && ends_inside_sentence(content))
            .then(|| open_at_end(content))
            .flatten()
        else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        let mut closed = false;
        while j < lines.len() && j - i <= MAX_QUOTE_WRAP_LINES {
            let line = &lines[j];
            let content = &text[line.content.clone()];
            if line.blank || hard_before(content, labels) {
                break;
            }
            match first_double_mark(content) {
                None => j += 1,
                Some((f, closes)) => {
                    closed = closes && f == family;
                    break;
                }
            }
        }
        if closed {
            for s in &mut soft[i..j] {
                *s = true;
            }
        }
        i = j.max(i + 1);
    }
}

/// A double quote mark's family, for pairing across lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Curly,
    Straight,
    Guillemet,
}

/// The double quote marks of `line` in order: (family, true for a closer). A straight mark
/// closes after a letter or punctuation (not a digit: 5'10") when no letter or digit follows,
/// and opens after a space, a bracket or a dash before a non-space; other straight marks are
/// skipped.
///
/// Jumps from one byte that may start a double mark (`"`, and the lead bytes 0xE2 of “ „ ”
/// and 0xC2 of « ») to the next; a line is read character by character only around them.
fn double_marks(line: &str) -> impl Iterator<Item = (Family, bool)> + '_ {
    let bytes = line.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(skip) = memchr::memchr3(b'"', 0xE2, 0xC2, &bytes[from..]) {
            let at = from + skip;
            // `"` and lead bytes: `at` is a character boundary.
            let c = line[at..].chars().next()?;
            from = at + c.len_utf8();
            if !matches!(c, '“' | '„' | '”' | '«' | '»' | '"') {
                continue;
            }
            let before = line[..at].chars().next_back();
            let after = line[from..].chars().next();
            let space_before = before.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
            let space_after = after.is_none_or(char::is_whitespace);
            let found = match c {
                '“' | '„' => Some((Family::Curly, false)),
                // A ” typed for a “: only when it clearly starts a word.
                '”' => Some((
                    Family::Curly,
                    !(space_before && after.is_some_and(char::is_alphabetic)),
                )),
                '«' => Some((Family::Guillemet, false)),
                '»' => Some((Family::Guillemet, true)),
                '"' if space_before && !space_after => Some((Family::Straight, false)),
                '"' if !space_before
                    && !before.is_some_and(|p| p.is_ascii_digit())
                    && !after.is_some_and(char::is_alphanumeric) =>
                {
                    Some((Family::Straight, true))
                }
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
        None
    })
}

/// The family of a quotation still open at the end of `line`: its last double mark opens.
fn open_at_end(line: &str) -> Option<Family> {
    match double_marks(line).last()? {
        (family, false) => Some(family),
        (_, true) => None,
    }
}

/// The first double mark of `line`, if any.
fn first_double_mark(line: &str) -> Option<(Family, bool)> {
    double_marks(line).next()
}

/// True when a line break before `line` always ends a paragraph: a list item, or a
/// transcript label in a document that has them.
fn hard_before(line: &str, labels: bool) -> bool {
    let line = line.trim_start();
    starts_list_item(line) || (labels && starts_label(line))
}

/// True when `line` (after its indentation) opens with a speaker label and a colon: one to
/// [`MAX_LABEL_WORDS`] capitalised words (`Q:`, `BANKOLE:`, `Tom Reyes:`, `Mr. Lee:`).
pub fn starts_label(line: &str) -> bool {
    let line = line.trim_start();
    let Some(colon) = line
        .get(..line.len().min(MAX_LABEL_BYTES))
        .and_then(|l| l.find(':'))
    else {
        return false;
    };
    if !line[colon + 1..].starts_with(char::is_whitespace) && colon + 1 < line.len() {
        return false;
    }
    let label = &line[..colon];
    let mut words = 0;
    for word in label.split(' ') {
        words += 1;
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
        if !capitalised || words > MAX_LABEL_WORDS {
            return false;
        }
    }
    true
}

/// True when `line` starts with a bullet or a numbered or lettered marker followed by a space.
pub fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('•' | '-' | '*' | '–' | '·' | '▪' | '◦') => {
            matches!(chars.next(), Some(c) if c == ' ' || c == '\t')
        }
        Some(c) if c.is_ascii_lowercase() => {
            let rest = &line.as_bytes()[1..];
            rest.len() >= 2 && matches!(rest[0], b'.' | b')') && matches!(rest[1], b' ' | b'\t')
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &line.as_bytes()[digits..];
            digits <= 3
                && rest.len() >= 2
                && matches!(rest[0], b'.' | b')')
                && matches!(rest[1], b' ' | b'\t')
        }
        _ => false,
    }
}

/// Closing marks and brackets that may follow a sentence's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '*' | '_'
    )
}

/// True when `line` (trimmed at its end) stops inside a sentence: its last character, past
/// closing marks and brackets, is no sentence or clause end (`. ? ! … : ;`).
pub fn ends_inside_sentence(line: &str) -> bool {
    let last = line.trim_end_matches(is_closer).chars().next_back();
    last.is_some_and(|c| !matches!(c, '.' | '?' | '!' | '…' | ':' | ';'))
}

/// True when `line` starts with a word written all in lower case (`election,`, not `iPhone`).
fn starts_lowercase_word(line: &str) -> bool {
    let word: &str = first_word(line);
    word.starts_with(char::is_lowercase) && !word.chars().any(char::is_uppercase)
}

/// The first run of non-space characters of `line`, at most [`MAX_WORD_BYTES`] long.
fn first_word(line: &str) -> &str {
    let end = line
        .char_indices()
        .find(|&(i, c)| c.is_whitespace() || i >= MAX_WORD_BYTES)
        .map_or(line.len(), |(i, _)| i);
    &line[..end]
}

/// Characters of the first word of `line`.
fn first_word_width(line: &str) -> usize {
    first_word(line).chars().count()
}

/// True when `line` ends with a comma, a dash or a hyphen, or a [`connector_word`]: it cannot
/// end a paragraph.
pub fn ends_with_connector(line: &str) -> bool {
    if line.ends_with([',', '-', '–', '—']) {
        return true;
    }
    let start = line
        .char_indices()
        .rev()
        .take_while(|&(i, c)| super::is_alpha(c) && line.len() - i <= MAX_WORD_BYTES)
        .last()
        .map_or(line.len(), |(i, _)| i);
    (start == 0 || line[..start].ends_with(char::is_whitespace)) && connector_word(&line[start..])
}

/// Function words that never end a sentence, written in lower case: a line that ends with
/// one goes on in the next line.
pub fn connector_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "and"
            | "or"
            | "but"
            | "that"
            | "as"
            | "is"
            | "was"
            | "are"
            | "were"
            | "his"
            | "her"
            | "their"
            | "its"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_width_counts_characters_up_to_the_cap() {
        let cap = MAX_WRAP_WIDTH + 1;
        let cases = [
            String::new(),
            "a".repeat(cap - 1),
            "a".repeat(cap),
            "a".repeat(4 * cap + 7),
            "é".repeat(cap + 3),
            // Four-byte characters on both sides of the bytes bound.
            "😀".repeat(cap - 1),
            "😀".repeat(cap - 1) + "abc",
            "😀".repeat(cap),
            "é".repeat(2 * cap),
        ];
        for line in &cases {
            assert_eq!(
                capped_width(line),
                line.chars().count().min(cap),
                "{} bytes",
                line.len()
            );
        }
    }

    /// [`double_marks`] read character by character, as it was written first.
    fn double_marks_charwise(line: &str) -> Vec<(Family, bool)> {
        let mut out = Vec::new();
        let mut prev: Option<char> = None;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            let before = prev.replace(c);
            let after = chars.peek().copied();
            let space_before = before.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
            let space_after = after.is_none_or(char::is_whitespace);
            let found = match c {
                '“' | '„' => Some((Family::Curly, false)),
                '”' => Some((
                    Family::Curly,
                    !(space_before && after.is_some_and(char::is_alphabetic)),
                )),
                '«' => Some((Family::Guillemet, false)),
                '»' => Some((Family::Guillemet, true)),
                '"' if space_before && !space_after => Some((Family::Straight, false)),
                '"' if !space_before
                    && !before.is_some_and(|p| p.is_ascii_digit())
                    && !after.is_some_and(char::is_alphanumeric) =>
                {
                    Some((Family::Straight, true))
                }
                _ => None,
            };
            out.extend(found);
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn double_marks_as_charwise(
            line in "[a5 (\"\u{201c}\u{201d}\u{201e}\u{ab}\u{bb}\u{2014}\u{2019}\u{a0}\u{e9}-]{0,30}"
        ) {
            proptest::prop_assert_eq!(double_marks(&line).collect::<Vec<_>>(), double_marks_charwise(&line));
        }

        #[test]
        fn double_marks_as_charwise_on_any_string(line in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(double_marks(&line).collect::<Vec<_>>(), double_marks_charwise(&line));
        }
    }

    /// [`has_single_break`] read byte by byte, as it was written first.
    fn has_single_break_bytewise(bytes: &[u8]) -> bool {
        let (mut seen_text, mut breaks, mut i) = (false, 0, 0);
        while i < bytes.len() {
            match bytes[i] {
                b'\n' | b'\r' => {
                    if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    breaks += 1;
                }
                b' ' | b'\t' => {}
                _ => {
                    if seen_text && breaks == 1 {
                        return true;
                    }
                    seen_text = true;
                    breaks = 0;
                }
            }
            i += 1;
        }
        false
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Jumping from break to break finds what reading every byte finds.
        #[test]
        fn single_break_by_jumps_is_bytewise(text in "[a \t\n\r]{0,16}") {
            proptest::prop_assert_eq!(
                has_single_break(text.as_bytes()),
                has_single_break_bytewise(text.as_bytes())
            );
        }
    }

    fn soft(text: &str) -> Vec<&str> {
        soft_breaks(text)
            .into_iter()
            .map(|r| &text[r.start.saturating_sub(6)..r.start])
            .collect()
    }

    #[test]
    fn one_paragraph_per_line_keeps_every_break() {
        let text = "The council met on Monday to vote on the budget for next year.\n\
                    “We will not raise taxes,” the mayor said after the vote.\n\
                    The opposition walked out before the end of the meeting.\n";
        assert!(soft(text).is_empty());
        assert_eq!(reading_view(text), text);
    }

    #[test]
    fn local_signals_join_lines_anywhere() {
        // guards: a lower-case continuation after a line that stops mid-sentence.
        assert_eq!(
            soft("\"We will win this\nelection,\" Smith said."),
            ["n this"]
        );
        // guards: a comma before, a quotation closed two lines on.
        assert_eq!(
            soft("Words blah \"Hello,\nI am the second line.\nI am the last.\" more words"),
            ["Hello,", " line."]
        );
        // guards: a function word before a capitalised word.
        assert_eq!(soft("He met with the\nBoard on Friday."), ["th the"]);
        // guards: a capitalised line after a full sentence stays apart.
        assert!(soft("He left.\nThen she came.").is_empty());
        // guards: a heading before lower case that is a brand, not a continuation.
        assert!(soft("New phones\niPhone sales rose.").is_empty());
    }

    #[test]
    fn quotes_across_lines_need_a_closer_first() {
        // guards: a forgotten closer does not pull in the next paragraph's quote.
        assert!(soft("He said “hello and left.\nShe said “bye” later.").is_empty());
        // guards: the multi-paragraph convention (next line opens) keeps its breaks.
        assert!(soft("“One.\n“Two.\n“Three.”").is_empty());
        // guards: a straight mark after a digit is an inch mark, not a closer.
        assert!(soft("He said \"we will fight.\nThe 6'2\" center agreed.").is_empty());
    }

    #[test]
    fn hard_wrapped_document() {
        let text = "The harbour board voted on Tuesday to close the old ferry pier at the\n\
                    end of the summer, ending a service that has run since 1921. The\n\
                    Board said repairs would cost more than a new pier.\n\
                    \x20   Residents who use the ferry every day were not pleased. Many of\n\
                    them said they had not been told.\n";
        assert_eq!(soft(text), ["at the", "1. The", "any of"]);
    }

    #[test]
    fn lists_and_transcripts_keep_their_breaks() {
        let text = "Stop lying\nShow humility\nFill in the gaps in his policy proposals\n";
        assert!(soft(text).is_empty());
        let text = "Q: What did you do after the\nA: I went home and slept.\nQ: Why?\n";
        assert!(soft(text).is_empty());
        let text = "SMITH: We will win this election and we will\nwin it with working \
                    people.\nJONES: That is not what the polls say.\n";
        assert_eq!(soft(text), ["e will"]);
        assert!(soft("Buy the\n- milk").is_empty());
    }

    #[test]
    fn labels() {
        assert!(starts_label("Q: Why?"));
        assert!(starts_label("BANKOLE: We left."));
        assert!(starts_label("Tom Reyes: I was there."));
        assert!(!starts_label("Smith said: we left."));
        assert!(!starts_label("The time is 10:30 now."));
        assert!(!starts_label("http://example.com"));
    }

    #[test]
    fn crlf_breaks_become_two_spaces() {
        let text = "it would\r\nappeal the ruling.";
        let view = reading_view(text);
        assert_eq!(view, "it would  appeal the ruling.");
        assert_eq!(view.len(), text.len());
    }
}
