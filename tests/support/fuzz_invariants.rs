//! Invariant checks shared by the cargo-fuzz targets (`fuzz/fuzz_targets/`) and by
//! `tests/fuzz_regressions.rs`, which replays every saved crashing input through them.
//! Each check panics with a message naming the broken invariant.

#![allow(dead_code)]

use std::ops::Range;

use whosaid::output::{Document, Span};
use whosaid::Config;

/// Code-point offset of byte offset `byte`, counted the slow way.
fn chars_before(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// The byte span lies in `text` on char boundaries, re-finds `expected` and agrees with the
/// code-point span.
fn check_span(text: &str, what: &str, span: &Span, byte_span: &Span, expected: &str) {
    let (b0, b1) = (byte_span.start, byte_span.end);
    assert!(
        b0 <= b1 && b1 <= text.len(),
        "{what}: byte span {b0}..{b1} not inside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(b0) && text.is_char_boundary(b1),
        "{what}: byte span {b0}..{b1} not on char boundaries"
    );
    assert_eq!(&text[b0..b1], expected, "{what}: text[byte_span] differs");
    assert_eq!(
        (span.start, span.end),
        (chars_before(text, b0), chars_before(text, b1)),
        "{what}: code-point span disagrees with byte span {b0}..{b1}"
    );
}

/// Runs `whosaid::extract` with `explain` on and checks every output invariant.
pub fn check_extract(text: &str) -> Document {
    let config = Config {
        explain: true,
        include: whosaid::output::Classes::ALL,
        ..Config::default()
    };
    let doc = whosaid::extract("fuzz", text, &config);
    let sentences = whosaid::sentences::split(text).len();
    let mut last_start = 0;
    for (i, q) in doc.quotes.iter().enumerate() {
        let what = format!("quote {i}");
        check_span(text, &what, &q.span, &q.byte_span, &q.text);
        assert!(
            q.byte_span.start >= last_start,
            "{what}: quotes not ordered by start"
        );
        last_start = q.byte_span.start;
        // One passage is one report, however many rules or cues read it.
        assert!(
            !doc.quotes[..i]
                .iter()
                .any(|p| p.kind == q.kind && p.byte_span == q.byte_span),
            "{what}: reported twice with the same span"
        );
        if let Some(s) = &q.speaker {
            check_span(
                text,
                &format!("{what} speaker"),
                &s.span,
                &s.byte_span,
                &s.mention,
            );
            assert!(!s.name.is_empty(), "{what}: empty speaker name");
        }
        if let Some(c) = &q.cue {
            check_span(text, &format!("{what} cue"), &c.span, &c.byte_span, &c.text);
        }
        if let Some(rule) = &q.rule {
            assert!(
                whosaid::attribution::rule(rule).is_some(),
                "{what}: unregistered rule {rule}"
            );
        }
        assert!(
            (0.0..=1.0).contains(&q.confidence),
            "{what}: confidence {} outside [0, 1]",
            q.confidence
        );
        assert!(
            q.sentence < sentences || (sentences == 0 && q.sentence == 0),
            "{what}: sentence {} but only {sentences} sentences",
            q.sentence
        );
    }
    for (i, n) in doc.non_speech.iter().flatten().enumerate() {
        check_span(
            text,
            &format!("non_speech {i}"),
            &n.span,
            &n.byte_span,
            &n.text,
        );
    }
    for s in &doc.speakers {
        let count = doc
            .quotes
            .iter()
            .filter(|q| q.speaker.as_ref().is_some_and(|sp| sp.name == s.name))
            .count();
        assert_eq!(count, s.quotes, "speaker {:?}: wrong quote count", s.name);
    }
    let first = serde_json::to_vec(&doc).expect("serialise");
    let second = serde_json::to_vec(&doc).expect("serialise");
    assert_eq!(first, second, "serialising twice gave different bytes");
    let again = serde_json::to_vec(&whosaid::extract("fuzz", text, &config)).expect("serialise");
    assert_eq!(first, again, "extracting twice gave different output");
    doc
}

fn check_range(text: &str, what: &str, r: &Range<usize>) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what}: range {r:?} not inside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what}: range {r:?} not on char boundaries"
    );
}

/// Checks `whosaid::sentences::split`: ordered, non-overlapping, non-empty, trimmed ranges on
/// char boundaries with only whitespace around and between them.
pub fn check_sentences(text: &str) -> Vec<Range<usize>> {
    let sentences = whosaid::sentences::split(text);
    let mut prev_end = 0;
    for (i, r) in sentences.iter().enumerate() {
        let what = format!("sentence {i}");
        check_range(text, &what, r);
        assert!(r.start < r.end, "{what}: empty range {r:?}");
        assert!(
            r.start >= prev_end,
            "{what}: {r:?} overlaps or precedes the previous one"
        );
        let s = &text[r.clone()];
        assert_eq!(s.trim(), s, "{what}: {r:?} not trimmed");
        let gap = &text[prev_end..r.start];
        assert!(
            gap.chars().all(char::is_whitespace),
            "{what}: non-whitespace {gap:?} before it"
        );
        prev_end = r.end;
    }
    let tail = &text[prev_end..];
    assert!(
        tail.chars().all(char::is_whitespace),
        "non-whitespace {tail:?} after the last sentence"
    );
    sentences
}

/// Checks `whosaid::quotes::scan`: ranges in the text on char boundaries, ordered by the
/// opening mark, content between the marks, children inside their parent's content, depth =
/// parent's depth + 1, the pieces of a quotation side by side and unclosed but the last.
pub fn check_quotes(text: &str) -> Vec<whosaid::quotes::QuotedPassage> {
    let passages = whosaid::quotes::scan(text);
    for (i, p) in passages.iter().enumerate() {
        let what = format!("passage {i}");
        check_range(text, &format!("{what} open"), &p.open);
        check_range(text, &format!("{what} content"), &p.content);
        assert!(p.open.start < p.open.end, "{what}: empty opening mark");
        assert!(
            p.open.end <= p.content.start,
            "{what}: content starts before the opening mark ends"
        );
        if let Some(c) = &p.close {
            check_range(text, &format!("{what} close"), c);
            assert!(c.start < c.end, "{what}: empty closing mark");
            assert!(
                p.content.end <= c.start,
                "{what}: content ends after the closing mark starts"
            );
        }
        if i > 0 {
            assert!(
                passages[i - 1].open.start <= p.open.start,
                "{what}: not ordered by open.start"
            );
        }
        if let Some(j) = p.previous_piece {
            assert!(j < i, "{what}: previous piece {j} not before it");
            let prev = &passages[j];
            assert!(prev.close.is_none(), "{what}: previous piece {j} is closed");
            assert_eq!(
                (prev.depth, prev.parent),
                (p.depth, p.parent),
                "{what}: previous piece {j} at another level"
            );
            assert!(
                prev.content.end <= p.open.start,
                "{what}: previous piece {j} overlaps it"
            );
        }
        match p.parent {
            None => assert_eq!(p.depth, 0, "{what}: no parent but depth {}", p.depth),
            Some(j) => {
                assert!(j < passages.len(), "{what}: parent {j} out of range");
                assert!(j != i, "{what}: its own parent");
                let parent = &passages[j];
                assert_eq!(
                    p.depth,
                    parent.depth + 1,
                    "{what}: depth is not parent's depth + 1"
                );
                let outer_end = p.close.as_ref().map_or(p.content.end, |c| c.end);
                assert!(
                    parent.content.start <= p.open.start && outer_end <= parent.content.end,
                    "{what}: {}..{outer_end} not inside parent {j}'s content {:?}",
                    p.open.start,
                    parent.content
                );
            }
        }
    }
    passages
}

/// Words, names, speech verbs, marks and spacing that the structured generator strings
/// together so the fuzzer reaches the attribution rules, which random bytes rarely do.
const VOCAB: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "‚",
    "``",
    "''",
    "“",
    "”",
    "\"",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{A0}",
    "\u{200B}",
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    "…",
    "...",
    " — ",
    "—",
    "-",
    "(",
    ")",
    "said",
    "says",
    "told",
    "told reporters",
    "added",
    "asked",
    "according to",
    "In his words",
    "a quote from",
    "put it this way",
    "as",
    "that",
    "he",
    "she",
    "they",
    "it",
    "I",
    "we",
    "his",
    "her",
    "Mr.",
    "Mrs.",
    "Dr.",
    "Sen.",
    "Rep.",
    "Gen.",
    "U.S.",
    "Inc.",
    "e.g.",
    "No.",
    "J.",
    "K.",
    "p.m.",
    "Dana Whitlock",
    "Whitlock",
    "Scott Guthrie",
    "Guthrie",
    "Oakes",
    "Smith",
    "a spokesman",
    "the company",
    "officials",
    "former",
    "called",
    "a",
    "the",
    "plan",
    "is",
    "was",
    "dead",
    "not",
    "so-called",
    "a book titled",
    "We",
    "It",
    "The",
    "3.5",
    "10",
    "’90s",
    "Let’s",
    "can’t",
    "'em",
    "café",
    "日本語",
    "😀",
    "é",
    "-- ",
    "http://x.com/a.b",
    "x@y.z",
    "1.",
    "- ",
    "* ",
    "\u{2009}",
    "\u{FEFF}",
    "\r",
    // Stance verbs, participles, questions and headline labels (IND006–IND009).
    "wants",
    "called for",
    "plans to",
    "endorsed",
    "supports",
    "sees",
    ", referring to",
    "Asked",
    "by",
    "whether",
    "Historians:",
];

/// The text a fuzz input stands for. Input starting with 0xFF (never valid UTF-8) is decoded
/// by the structured generator: each further byte picks a [`VOCAB`] entry (low 7 bits), and a
/// set high bit adds a space after it. Any other input is used as is when it is valid UTF-8
/// and skipped (`None`) when it is not.
pub fn fuzz_text(data: &[u8]) -> Option<String> {
    match data.split_first() {
        Some((0xFF, rest)) => {
            let mut text = String::new();
            for &b in rest {
                text.push_str(VOCAB[usize::from(b & 0x7F) % VOCAB.len()]);
                if b & 0x80 != 0 {
                    text.push(' ');
                }
            }
            Some(text)
        }
        _ => std::str::from_utf8(data).ok().map(str::to_string),
    }
}

/// The JSON Lines reader on one record: no panic; a record that serde_json reads as an
/// object with a string `text` gives that text and the id a reader expects (a string id, a
/// number's decimal form, or `source:line`); an object without a string text is refused; an
/// error record keeps the record's own id, or the line's when it has none.
pub fn check_jsonl(record: &str) {
    let parsed = whosaid::input::parse_jsonl("fuzz.jsonl", 7, record);
    let value: Option<serde_json::Value> = serde_json::from_str(record).ok();
    let object = value.as_ref().and_then(|v| v.as_object());
    match (&parsed, object.and_then(|o| o.get("text"))) {
        (Ok(doc), Some(serde_json::Value::String(text))) => {
            assert_eq!(
                &doc.text, text,
                "text differs from serde_json's for {record:?}"
            );
            let id = match object.and_then(|o| o.get("id")) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => "fuzz.jsonl:7".to_string(),
            };
            assert_eq!(doc.id, id, "id differs for {record:?}");
            assert!(
                !doc.meta.contains_key("text") && !doc.meta.contains_key("id"),
                "id or text left in the metadata of {record:?}"
            );
        }
        (Err(_), Some(serde_json::Value::String(_))) => {
            panic!("a record serde_json reads, with a string text, was refused: {record:?}")
        }
        (Ok(_), _) if object.is_some() => {
            panic!("an object without a string text was accepted: {record:?}")
        }
        // An error record keeps the record's own id when it has one (even an empty one),
        // else the line's.
        (Err((id, _)), _) => {
            let expected = match object.and_then(|o| o.get("id")) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ if object.is_some() => "fuzz.jsonl:7".to_string(),
                _ => return,
            };
            assert_eq!(id, &expected, "error record id for {record:?}");
        }
        // Valid JSON that serde_json cannot hold as a value (nested deeper than its limit, a
        // number beyond f64) may still give a document: the metadata field that holds it is
        // dropped with a warning, the text kept.
        (Ok(_), _) => {}
    }
}

/// Invented documents for [`fuzz_database`]: enough rows for every query shape to reach
/// SQLite's matcher and ranking, with FTS5 operator words in the text.
const DB_TEXTS: &[&str] = &[
    "“The ferry is late again,” said Ann Lee, a harbour pilot. “We will sail at noon.”",
    "Taxpayers are “tired of waiting,” the mayor said on Monday. “It’s not a levy, it’s a fee.”",
    "“Nobody NEAR the river AND the bridge (or the road) was told,” Omar Diaz said.",
];

/// A database built from [`DB_TEXTS`] in a new directory under `dir`.
pub fn fuzz_database(dir: &std::path::Path) -> whosaid::db::Database {
    use whosaid::db::build::{Entry, Settings};
    std::fs::create_dir_all(dir).expect("database directory");
    let mut db = whosaid::db::Database::open(dir.join("fuzz.sqlite")).expect("open database");
    let settings = Settings::default();
    let entries: Vec<Entry> = DB_TEXTS
        .iter()
        .enumerate()
        .map(|(i, text)| Entry::extract(&format!("doc-{i}"), text, None, &settings))
        .collect();
    db.write_batch(&entries, |_| {})
        .expect("write the documents");
    db.consolidate().expect("consolidate");
    db
}

/// `db search` and `db speaker` on any string a user may type: no panic and no SQLite error
/// (the FTS5 query built from user text is always valid), balanced double quotes in the
/// query.
pub fn check_db_query(db: &whosaid::db::Database, text: &str) {
    if let Some(query) = whosaid::db::query::fts_query(text) {
        assert_eq!(
            query.matches('"').count() % 2,
            0,
            "unbalanced quotes in {query:?} from {text:?}"
        );
    }
    if let Err(e) = db.search(text, 10) {
        panic!("search {text:?}: {e}");
    }
    if let Err(e) = db.speaker(text) {
        panic!("speaker {text:?}: {e}");
    }
}
