//! A normalised view of a text, with a map of its offsets back to the original.
//!
//! Two things written into a text change how it reads without changing what it says:
//! HTML character references left by scraping (`&quot;`, `&#8220;`, `&rsquo;`, `&nbsp;`) and
//! decomposed accents (Unicode NFD: `E` followed by U+0301 instead of `É`). [`View::of`]
//! writes a copy in which each reference is the character it stands for and the text is in
//! NFC, so that quote marks, apostrophes, spaces and names are seen as such; the stages run
//! on the copy, and [`View::to_original`] takes each of their byte spans back to the text
//! as it was given. Ordinary text (no `&` that starts a reference, already NFC) gets no
//! view at all: [`View::of`] returns `None` after two scans, and no stage pays more.
//!
//! Both steps are linear in the text. The map is a list of the replaced pieces (one per
//! reference, one per character sequence that NFC changed), searched by binary search; a
//! span edge inside a replaced piece widens to the piece's edge, so spans always lie on the
//! original's character boundaries and hold what the view's span held.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Longest entity name of `data/html_entities.txt` (`thinsp`, `permil`), with room: a name
/// is read no further than this past its `&`, so a stray `&` costs a few bytes.
const MAX_ENTITY_NAME: usize = 8;
/// Most digits of a numeric reference (`&#1114111;`, `&#x10FFFF;`).
const MAX_REFERENCE_DIGITS: usize = 7;

/// The named references of `data/html_entities.txt`.
static NAMED: LazyLock<HashMap<&'static str, char>> = LazyLock::new(|| {
    include_str!("../../data/html_entities.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (name, hex) = l.split_once('\t')?;
            let c = char::from_u32(u32::from_str_radix(hex.trim(), 16).ok()?)?;
            Some((name.trim(), c))
        })
        .collect()
});

/// One replaced piece: `view` in the view stands for `original` in the text it was made
/// from. Between pieces the two texts are the same bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    view: Range<usize>,
    original: Range<usize>,
}

/// The offsets of one rewriting step: its pieces in order.
#[derive(Debug, Clone, Default)]
struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// Offset `at` of the rewritten text in the text before the step; inside a piece, its
    /// start (`widen_to_end` false) or its end (true).
    fn back(&self, at: usize, widen_to_end: bool) -> usize {
        let i = self.pieces.partition_point(|p| p.view.start <= at);
        let Some(p) = i.checked_sub(1).map(|i| &self.pieces[i]) else {
            return at;
        };
        if at == p.view.start {
            p.original.start
        } else if at < p.view.end {
            if widen_to_end {
                p.original.end
            } else {
                p.original.start
            }
        } else {
            p.original.end + (at - p.view.end)
        }
    }
}

/// The text as the stages read it, with the way back to the original.
#[derive(Debug, Clone)]
pub struct View {
    /// The normalised text.
    pub text: String,
    /// References read, when there were any.
    references: Option<OffsetMap>,
    /// NFC applied after the references, when it changed anything.
    nfc: Option<OffsetMap>,
}

impl View {
    /// The normalised view of `text`, or `None` when it would be `text` itself.
    pub fn of(text: &str) -> Option<View> {
        let decoded = decode_references(text);
        let after_references = decoded.as_ref().map_or(text, |(t, _)| t.as_str());
        let composed = compose(after_references);
        if decoded.is_none() && composed.is_none() {
            return None;
        }
        let (decoded_text, references) = match decoded {
            Some((t, map)) => (t, Some(map)),
            None => (String::new(), None),
        };
        let (text, nfc) = match composed {
            Some((t, map)) => (t, Some(map)),
            None => (decoded_text, None),
        };
        Some(View {
            text,
            references,
            nfc,
        })
    }

    /// Byte offset `at` of the view in the original text; an offset inside a replaced
    /// piece goes to the piece's start.
    pub fn start_in_original(&self, at: usize) -> usize {
        self.back(at, false)
    }

    /// Byte offset `at` of the view in the original text; an offset inside a replaced
    /// piece goes to the piece's end.
    pub fn end_in_original(&self, at: usize) -> usize {
        self.back(at, true)
    }

    /// A byte span of the view as the span of the original text that holds the same
    /// characters (widened to whole replaced pieces).
    pub fn to_original(&self, span: &Range<usize>) -> Range<usize> {
        let start = self.start_in_original(span.start);
        let end = self.end_in_original(span.end).max(start);
        start..end
    }

    fn back(&self, at: usize, widen_to_end: bool) -> usize {
        let at = self.nfc.as_ref().map_or(at, |m| m.back(at, widen_to_end));
        self.references
            .as_ref()
            .map_or(at, |m| m.back(at, widen_to_end))
    }
}

/// The character an HTML reference stands for, and the reference's length, when `bytes`
/// (which starts with `&`) opens one: `&name;` for the names of `data/html_entities.txt`,
/// `&#NNNN;` and `&#xHHHH;`.
fn reference_at(bytes: &[u8]) -> Option<(char, usize)> {
    let body = bytes.get(1..)?;
    if let Some(number) = body.strip_prefix(b"#") {
        let (radix, digits) = match number.first() {
            Some(b'x' | b'X') => (16, &number[1..]),
            _ => (10, number),
        };
        let len = digits
            .iter()
            .take(MAX_REFERENCE_DIGITS + 1)
            .take_while(|b| b.is_ascii_hexdigit() && (radix == 16 || b.is_ascii_digit()))
            .count();
        if len == 0 || len > MAX_REFERENCE_DIGITS || digits.get(len) != Some(&b';') {
            return None;
        }
        let value = u32::from_str_radix(std::str::from_utf8(&digits[..len]).ok()?, radix).ok()?;
        let c = windows_1252(value).or_else(|| char::from_u32(value))?;
        // NUL and the other C0 controls but tab and line breaks stand for nothing readable.
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            return None;
        }
        let prefix = 2 + usize::from(radix == 16);
        return Some((c, prefix + len + 1));
    }
    let len = body
        .iter()
        .take(MAX_ENTITY_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 || len > MAX_ENTITY_NAME || body.get(len) != Some(&b';') {
        return None;
    }
    let name = std::str::from_utf8(&body[..len]).ok()?;
    NAMED.get(name).map(|&c| (c, len + 2))
}

/// Numeric references 128 to 159 name C1 controls, but pages that use them mean the
/// characters of Windows-1252 at those places (`&#147;` is “), as the HTML standard reads
/// them.
fn windows_1252(value: u32) -> Option<char> {
    const TABLE: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    let i = usize::try_from(value.checked_sub(0x80)?).ok()?;
    TABLE.get(i).copied().filter(|c| !c.is_control())
}

/// `text` with its HTML references read, and their pieces; `None` when it holds none.
fn decode_references(text: &str) -> Option<(String, OffsetMap)> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut map = OffsetMap::default();
    let mut copied = 0;
    for amp in memchr::memchr_iter(b'&', bytes) {
        if amp < copied {
            continue;
        }
        let Some((c, len)) = reference_at(&bytes[amp..]) else {
            continue;
        };
        if out.is_empty() {
            out.reserve(text.len());
        }
        out.push_str(&text[copied..amp]);
        let start = out.len();
        out.push(c);
        map.pieces.push(Piece {
            view: start..out.len(),
            original: amp..amp + len,
        });
        copied = amp + len;
    }
    if map.pieces.is_empty() {
        return None;
    }
    out.push_str(&text[copied..]);
    Some((out, map))
}

/// True when NFC never joins `c` to the characters before it, and `c` does not reorder
/// with them: a starter whose NFC quick-check answer is Yes (a Maybe marks exactly the
/// characters that may be the second part of a composition; a No, one that decomposes).
/// Tested in this module against every composition Unicode defines.
fn starts_segment(c: char) -> bool {
    // The quote marks and dashes of news text are answered before the Unicode tables.
    c.is_ascii()
        || nfc_starter(c)
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// [`is_nfc_quick`] over `text`, reading only its non-ASCII runs: an ASCII character is
/// NFC and a starter, so it resets the check's state, and each run between ASCII bytes can
/// be checked alone. Most news text is ASCII but for its quotation marks.
fn nfc_quick_check(text: &str) -> IsNormalized {
    let bytes = text.as_bytes();
    let mut result = IsNormalized::Yes;
    let mut at = 0;
    while let Some(start) = super::next_non_ascii(bytes, at) {
        // UTF-8 never puts an ASCII byte inside a multi-byte character: the run ends on a
        // character boundary.
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |n| start + n);
        let run = &text[start..end];
        if run.chars().all(nfc_starter) {
            at = end;
            continue;
        }
        match is_nfc_quick(run.chars()) {
            IsNormalized::No => return IsNormalized::No,
            IsNormalized::Maybe => result = IsNormalized::Maybe,
            IsNormalized::Yes => {}
        }
        at = end;
    }
    result
}

/// True for the characters of news text's usual non-ASCII runs (Latin-1 and Latin
/// Extended-A letters and signs, the dashes, quote marks and other General Punctuation but
/// the spaces), which are NFC starters: canonical combining class 0 and NFC quick-check
/// Yes, so that a run made of them alone is NFC whatever comes before it (a test checks
/// each one). Answered without the Unicode tables.
fn nfc_starter(c: char) -> bool {
    matches!(u32::from(c), 0xA0..=0x17F | 0x2010..=0x2027 | 0x2030..=0x205E)
}

/// `text` in NFC, and the pieces NFC changed; `None` when it is NFC already.
fn compose(text: &str) -> Option<(String, OffsetMap)> {
    if nfc_quick_check(text) == IsNormalized::Yes {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    let mut segment = String::new();
    // Text up to `copied` is in `out`; what follows is copied in one piece when a segment
    // changes, or at the end, so that a long document with one segment to change is not
    // rebuilt a character at a time.
    let mut copied = 0;
    // Segments: a starter with the characters that may compose or reorder with it. Each is
    // normalised alone, which gives the same text as normalising the whole.
    let mut flush = |piece: Range<usize>, out: &mut String, copied: &mut usize| {
        let original = &text[piece.clone()];
        let mut chars = original.chars();
        let first = chars.next();
        let plain = original.len() == 1
            || (chars.next().is_none()
                && (first.is_some_and(nfc_starter)
                    || is_nfc_quick(original.chars()) == IsNormalized::Yes));
        if !plain {
            segment.clear();
            segment.extend(original.nfc());
            if segment != original {
                out.push_str(&text[*copied..piece.start]);
                let view_start = out.len();
                out.push_str(&segment);
                map.pieces.push(Piece {
                    view: view_start..out.len(),
                    original: piece.clone(),
                });
                *copied = piece.end;
            }
        }
    };
    // An ASCII character is a segment of its own, or the starter of the combining marks
    // after it: only the runs of non-ASCII characters, each with the ASCII character
    // before it, can hold a segment to change.
    let bytes = text.as_bytes();
    let mut at = 0;
    // The ASCII stretches between runs are passed eight bytes at a time.
    while let Some(first) = super::next_non_ascii(bytes, at) {
        let run = first.saturating_sub(1).max(at);
        let end = bytes[first..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |n| first + n);
        // A run of the usual starters (quote marks, dashes, Latin-1 letters) holds no
        // segment to change: each of its characters, and the ASCII one before it, is a
        // segment of its own that NFC leaves as it is.
        if text[first..end].chars().all(nfc_starter) {
            at = end;
            continue;
        }
        let mut start = run;
        for (i, c) in text[run..end].char_indices() {
            let i = run + i;
            if i > start && starts_segment(c) {
                flush(start..i, &mut out, &mut copied);
                start = i;
            }
        }
        flush(start..end, &mut out, &mut copied);
        at = end;
    }
    out.push_str(&text[copied..]);
    (!map.pieces.is_empty()).then_some((out, map))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Checking the non-ASCII runs alone answers as checking the whole text.
        #[test]
        fn quick_check_by_runs_is_the_whole_check(
            text in "[a. \u{301}\u{327}\u{300}e\u{e9}\u{201c}\u{1100}\u{1161}\u{ac00}\u{11a8}\u{212b}\u{f900}]{0,12}"
        ) {
            proptest::prop_assert_eq!(nfc_quick_check(&text), is_nfc_quick(text.chars()));
        }
    }

    #[test]
    fn nfc_starters_are_starters_with_quick_check_yes() {
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| nfc_starter(c))
        {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    fn view(text: &str) -> View {
        View::of(text).unwrap_or_else(|| panic!("no view of {text:?}"))
    }

    #[test]
    fn ordinary_text_has_no_view() {
        for text in [
            "",
            "Plain ASCII, & an ampersand; AT&T.",
            "“Déjà vu,” Élodie said.",
            "&unknown; &#; &#x; &#xZZ; &amp",
        ] {
            assert!(View::of(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn references_are_read_and_spans_go_back() {
        let text = "&quot;Hi,&quot; she said. It&rsquo;s &#8220;fine&#x201D;&nbsp;now &amp; then.";
        let v = view(text);
        assert_eq!(v.text, "\"Hi,\" she said. It’s “fine”\u{a0}now & then.");
        let hi = v.text.find("Hi,").unwrap();
        assert_eq!(&text[v.to_original(&(hi..hi + 3))], "Hi,");
        let fine = v.text.find("fine").unwrap();
        assert_eq!(&text[v.to_original(&(fine..fine + 4))], "fine");
        // A span holding a reference holds it whole in the original.
        let its = v.text.find("It’s").unwrap();
        assert_eq!(
            &text[v.to_original(&(its..its + "It’s".len()))],
            "It&rsquo;s"
        );
        let quoted = v.text.find('“').unwrap();
        let closed = v.text.find('”').unwrap() + '”'.len_utf8();
        assert_eq!(
            &text[v.to_original(&(quoted..closed))],
            "&#8220;fine&#x201D;"
        );
        assert_eq!(v.to_original(&(0..v.text.len())), 0..text.len());
    }

    #[test]
    fn numeric_references_in_the_windows_1252_range_mean_its_characters() {
        assert_eq!(view("&#147;Yes&#148;").text, "“Yes”");
        assert_eq!(view("don&#146;t").text, "don’t");
        // Out of range or a control: left as written.
        assert!(View::of("&#1114112; &#0; &#x110000; &#27;").is_none());
    }

    #[test]
    fn decomposed_text_is_composed() {
        let text = "E\u{301}lodie Martin said: \u{201c}Bonjour.\u{201d}";
        let v = view(text);
        assert_eq!(v.text, "Élodie Martin said: “Bonjour.”");
        let name = 0..v.text.find(" said").unwrap();
        assert_eq!(&text[v.to_original(&name)], "E\u{301}lodie Martin");
        // An offset inside a composed character is no boundary of the view; the edges of
        // the piece map to the edges in the original.
        assert_eq!(v.start_in_original(0), 0);
        assert_eq!(v.end_in_original('É'.len_utf8()), 3);
        assert_eq!(v.start_in_original('É'.len_utf8() + 1), 4);
    }

    #[test]
    fn references_and_decomposition_together() {
        let text = "Rene&#769;e &amp; Zoe\u{308} &ldquo;won&rdquo;.";
        let v = view(text);
        assert_eq!(v.text, "Renée & Zoë “won”.");
        let renee = 0..v.text.find(' ').unwrap();
        assert_eq!(&text[v.to_original(&renee)], "Rene&#769;e");
        let won = v.text.find("won").unwrap();
        assert_eq!(&text[v.to_original(&(won..won + 3))], "won");
    }

    /// Every character that composes with the one before it, or decomposes into one that
    /// does or that is no starter, is kept inside a segment: segmenting is safe for all of
    /// Unicode, not only for the cases tested above.
    #[test]
    fn segments_never_split_a_composition() {
        let mut seconds = std::collections::HashSet::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut parts = Vec::new();
            unicode_normalization::char::decompose_canonical(c, |d| parts.push(d));
            // A primary composite (not excluded from composition): its last part joins the
            // composed rest.
            if let Some((&last, rest)) = parts.split_last().filter(|(_, r)| !r.is_empty()) {
                let rest: String = rest.iter().collect::<String>().nfc().collect();
                let mut rest = rest.chars();
                if let (Some(first), None) = (rest.next(), rest.next()) {
                    if unicode_normalization::char::compose(first, last) == Some(c) {
                        seconds.insert(last);
                    }
                }
            }
        }
        assert!(seconds.contains(&'\u{301}') && seconds.contains(&'\u{1161}'));
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if !starts_segment(c) {
                continue;
            }
            assert!(!seconds.contains(&c), "{c:?} U+{:04X}", c as u32);
            let mut first = None;
            unicode_normalization::char::decompose_canonical(c, |d| {
                first.get_or_insert(d);
            });
            let first = first.unwrap_or(c);
            assert_eq!(canonical_combining_class(first), 0, "U+{:04X}", c as u32);
            assert!(!seconds.contains(&first), "U+{:04X}", c as u32);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn view_is_nfc_and_maps_back(
            text in "[aEe &;#x0-9quotmp\u{301}\u{308}\u{323}\u{1100}\u{1161}\u{11a8}\u{ac00}\u{212b}\u{e9}\u{201c}]{0,30}"
        ) {
            if let Some(v) = View::of(&text) {
                proptest::prop_assert!(unicode_normalization::is_nfc(&v.text));
                let whole = v.to_original(&(0..v.text.len()));
                proptest::prop_assert_eq!(whole, 0..text.len());
                for (i, _) in v.text.char_indices() {
                    let start = v.start_in_original(i);
                    let end = v.end_in_original(i);
                    proptest::prop_assert!(text.is_char_boundary(start));
                    proptest::prop_assert!(text.is_char_boundary(end));
                    proptest::prop_assert!(start <= end);
                }
            } else {
                proptest::prop_assert!(unicode_normalization::is_nfc(&text));
            }
        }

        #[test]
        fn composed_segments_equal_composing_the_whole(text in proptest::prelude::any::<String>()) {
            let expected: String = text.nfc().collect();
            let got = compose(&text).map_or(text.clone(), |(t, _)| t);
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
