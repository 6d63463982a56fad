//! List markers (`1.`, `2)`, `a.`, `1.)`, `(iv)`, `• 9.`) for SEN010: parsing one, and
//! cutting a run of items written on one line (`1) Open it 2) Close it`) into sentences.

use std::ops::Range;

/// Longest list marker token, bullet included (`⁃100.)`).
pub(crate) const MAX_MARKER_BYTES: usize = 12;
/// Longest sentence so far in which a next item is looked for at each boundary: keeps the
/// rescans of one sentence linear (items on one line are short).
pub(crate) const MAX_INLINE_LIST_BYTES: usize = 1024;

/// What numbers a list: digits, a letter, or a Roman numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Digits,
    Lower,
    Upper,
    RomanLower,
    RomanUpper,
}

/// How the number is closed: `1.`, `1)`, `1.)`, `(1)` or `[1]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Period,
    Paren,
    PeriodParen,
    Enclosed,
}

/// One list marker. A single letter that is also a Roman numeral (`i.`, `V.`) is read both
/// ways: `alt` holds the Roman reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    kind: Kind,
    value: u32,
    alt: Option<(Kind, u32)>,
    style: Style,
    /// A bullet before the number (`•`, `⁃`), attached or followed by a space.
    bullet: Option<char>,
}

impl Marker {
    /// True when `self` is the next item after `earlier` (`2.` after `1.`, `b)` after `a)`).
    fn next_after(&self, earlier: &Marker) -> bool {
        if self.style != earlier.style {
            return false;
        }
        let readings = |m: &Marker| [Some((m.kind, m.value)), m.alt];
        readings(self).into_iter().flatten().any(|(kind, value)| {
            readings(earlier)
                .into_iter()
                .flatten()
                .any(|(k, v)| k == kind && value == v + 1)
        })
    }

    /// Lists whose items may follow one another on a line: numbered, lower-case letters,
    /// bullets. A capital letter and a period (`A. Smith`, `B. Jones`) is too often an
    /// initial to be looked for inside a sentence.
    fn may_run_inline(&self) -> bool {
        self.bullet.is_some()
            || matches!(self.kind, Kind::Digits | Kind::Lower | Kind::RomanLower)
            || self.style != Style::Period
    }
}

pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '·' | '*' | '-' | '–')
}

/// The list marker at the start of `s` and its length, when it is followed by whitespace or
/// ends `s`. A bullet may stand before the number, attached (`⁃9.`) or with one space
/// (`• 9.`).
pub(crate) fn parse(s: &str) -> Option<(Marker, usize)> {
    if !may_start_marker(s.as_bytes()) {
        return None;
    }
    let mut at = 0;
    let mut bullet = None;
    if let Some(c) = s.chars().next().filter(|&c| is_bullet(c)) {
        bullet = Some(c);
        at += c.len_utf8();
        if s[at..].starts_with(' ') {
            at += 1;
        }
    }
    let bytes = s.as_bytes();
    let closer = match bytes.get(at) {
        Some(b'(') => Some(b')'),
        Some(b'[') => Some(b']'),
        _ => None,
    };
    if closer.is_some() {
        at += 1;
    }
    let body_start = at;
    while at < bytes.len() && bytes[at].is_ascii_alphanumeric() && at - body_start < 5 {
        at += 1;
    }
    let body = &s[body_start..at];
    let style = if let Some(closer) = closer {
        (bytes.get(at) == Some(&closer)).then_some(Style::Enclosed)?
    } else {
        match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b'.'), Some(b')')) => Style::PeriodParen,
            (Some(b'.'), _) => Style::Period,
            (Some(b')'), _) => Style::Paren,
            _ => return None,
        }
    };
    at += match style {
        Style::PeriodParen => 2,
        _ => 1,
    };
    if at > MAX_MARKER_BYTES || !s[at..].chars().next().is_none_or(char::is_whitespace) {
        return None;
    }
    let (kind, value, alt) = number(body)?;
    Some((
        Marker {
            kind,
            value,
            alt,
            style,
            bullet,
        },
        at,
    ))
}

/// A first test on the leading bytes, which rejects almost every sentence start (`The`,
/// `“We`, `2016`) before [`parse`] decodes anything.
#[inline]
fn may_start_marker(bytes: &[u8]) -> bool {
    match bytes.first() {
        Some(b) if b.is_ascii_alphabetic() => {
            let letters = bytes
                .iter()
                .take(6)
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            matches!(bytes.get(letters), Some(b'.' | b')'))
        }
        Some(b) if b.is_ascii_digit() => {
            let digits = bytes
                .iter()
                .take(4)
                .take_while(|b| b.is_ascii_digit())
                .count();
            digits <= 3 && matches!(bytes.get(digits), Some(b'.' | b')'))
        }
        Some(b'(' | b'[' | b'*' | b'-') => true,
        // `•`, `⁃`, `‣`, `◦`, `▪`, `–` and `·` start with these bytes.
        Some(0xE2 | 0xC2) => true,
        _ => false,
    }
}

/// A number's kind and value, and its Roman reading if it has one.
type Reading = (Kind, u32, Option<(Kind, u32)>);

/// The reading of a marker's number: 1–3 digits, one letter, or a Roman numeral.
fn number(body: &str) -> Option<Reading> {
    let bytes = body.as_bytes();
    if (1..=3).contains(&bytes.len()) && bytes.iter().all(u8::is_ascii_digit) {
        return Some((Kind::Digits, body.parse().ok()?, None));
    }
    let roman = roman(body);
    match bytes {
        [c] if c.is_ascii_lowercase() => Some((
            Kind::Lower,
            u32::from(c - b'a') + 1,
            roman.map(|v| (Kind::RomanLower, v)),
        )),
        [c] if c.is_ascii_uppercase() => Some((
            Kind::Upper,
            u32::from(c - b'A') + 1,
            roman.map(|v| (Kind::RomanUpper, v)),
        )),
        _ => {
            let value = roman?;
            let kind = if bytes[0].is_ascii_lowercase() {
                Kind::RomanLower
            } else {
                Kind::RomanUpper
            };
            Some((kind, value, None))
        }
    }
}

/// The value of a Roman numeral below 40 written in one case (`iv`, `XII`).
fn roman(body: &str) -> Option<u32> {
    const NUMERALS: [&str; 39] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi",
        "xxvii", "xxviii", "xxix", "xxx", "xxxi", "xxxii", "xxxiii", "xxxiv", "xxxv", "xxxvi",
        "xxxvii", "xxxviii", "xxxix",
    ];
    let same_case = body.bytes().all(|b| b.is_ascii_lowercase())
        || body.bytes().all(|b| b.is_ascii_uppercase());
    if !same_case {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    NUMERALS
        .iter()
        .position(|&n| n == lower)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// True when `left` (the sentence so far) is nothing but a list marker (`2.`, `• 10.`,
/// `B.`, `1.)`), or [`ends_with_later_marker`]: the next piece belongs to it.
pub(crate) fn joins_next(left: &str) -> bool {
    match parse(left) {
        Some((_, len)) if len == left.len() => true,
        Some((first, _)) => ends_with_later_marker(left, first),
        None => false,
    }
}

#[cfg(test)]
fn marker_only(left: &str) -> bool {
    parse(left).is_some_and(|(_, len)| len == left.len())
}

/// True when the sentence so far starts with a list marker and its last token is the next
/// marker of the same list (`1. The first item 2.`): the item that follows belongs to it,
/// and [`cut_items`] cuts the sentence before that marker.
fn ends_with_later_marker(left: &str, first: Marker) -> bool {
    if left.len() > MAX_INLINE_LIST_BYTES || !first.may_run_inline() {
        return false;
    }
    let mut last_item = None;
    walk_items(left, first, |_, item_start| last_item = Some(item_start));
    last_item.is_some_and(|start| {
        parse(&left[start..]).is_some_and(|(_, len)| start + len == left.len())
    })
}

/// Cuts `range` of `text`, a sentence, before each next item of the list it starts with
/// (`1) Open it 2) Close it` → `1) Open it`, `2) Close it`), handing the pieces to `out`.
/// A bulleted list is cut before each bullet of the same kind. Only a sentence that starts
/// with a marker is scanned, token by token.
pub(crate) fn cut_items(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let sentence = &text[range.clone()];
    let Some((first, _)) = parse(sentence).filter(|(m, _)| m.may_run_inline()) else {
        out.push(range);
        return;
    };
    let mut start = range.start;
    walk_items(sentence, first, |before_end, item_start| {
        out.push(start..range.start + before_end);
        start = range.start + item_start;
    });
    out.push(start..range.end);
}

/// Calls `on_item(end of the text before, start of the item)` for each next item of the
/// list that `s` starts with (`first`), in order.
fn walk_items(s: &str, first: Marker, mut on_item: impl FnMut(usize, usize)) {
    let mut current = first;
    let mut at = 0;
    loop {
        let rest = &s[at..];
        let Some((gap, space)) = rest.char_indices().find(|(_, c)| c.is_whitespace()) else {
            break;
        };
        let before_end = at + gap;
        let next = s[before_end + space.len_utf8()..].trim_start();
        if next.is_empty() {
            break;
        }
        let token_start = s.len() - next.len();
        match parse(next) {
            Some((m, _)) if m.next_after(&current) => {
                current = m;
                on_item(before_end, token_start);
            }
            Some((m, _)) if m.bullet.is_some() && m.bullet == first.bullet => {
                current = m;
                on_item(before_end, token_start);
            }
            _ => {}
        }
        at = token_start;
    }
}

/// SEN010 inside a UAX #29 segment: after a sentence end at `period`, a list marker in
/// brackets written in lower case (`(a)`, `[z]`, `(vii)`), then a capital, starts a new
/// item, which UAX #29 does not see (the lower-case letter reads as a continuation). Returns
/// where the sentence ends and the item starts.
pub(crate) fn bracketed_item_after(text: &str, period: usize) -> Option<(usize, usize)> {
    let start = period + 2;
    let rest = text.get(start..)?;
    if !text[..period].ends_with(|c: char| c.is_alphanumeric() || c == ')') {
        return None;
    }
    let (marker, len) = parse(rest)?;
    let next = rest[len..].trim_start_matches(' ');
    let capital = next.starts_with(|c: char| c.is_uppercase());
    (marker.style == Style::Enclosed && marker.bullet.is_none() && capital)
        .then_some((period + 1, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        cut_items(text, 0..text.len(), &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn markers_parse() {
        for marker in [
            "1.", "12)", "3.)", "(iv)", "a.", "B)", "• 9.", "⁃10.", "xii.",
        ] {
            assert!(marker_only(marker), "{marker}");
        }
        for not in ["1999.", "ab.", "1.5", "(1999)", "Mr.", "I", "1"] {
            assert!(!marker_only(not), "{not}");
        }
    }

    #[test]
    fn items_on_one_line_are_cut() {
        assert_eq!(
            cut("1) Pick a date 2) Book a room 3) Tell us"),
            ["1) Pick a date", "2) Book a room", "3) Tell us"]
        );
        assert_eq!(cut("a. Red b. Blue"), ["a. Red", "b. Blue"]);
        assert_eq!(cut("• 4. Tea • 5. Milk"), ["• 4. Tea", "• 5. Milk"]);
        // Not the next number, or not the same closing: no cut.
        assert_eq!(cut("1. He paid 5. Then"), ["1. He paid 5. Then"]);
        assert_eq!(cut("1) He read 2. Then"), ["1) He read 2. Then"]);
        // A capital letter and a period is an initial inside a sentence.
        assert_eq!(cut("A. Lee met B. Cole"), ["A. Lee met B. Cole"]);
    }

    #[test]
    fn later_markers_end_a_sentence_so_far() {
        assert!(joins_next("1. Pick a date 2."));
        assert!(joins_next("a. Red b."));
        assert!(joins_next("2."));
        assert!(!joins_next("He won 2."));
        assert!(!joins_next("1. He paid 5."));
        assert!(!joins_next("A. Lee met B."));
    }
}
