//! The JSON text of a [`Document`], written directly: the hot path of `whosaid extract`'s
//! JSON Lines output.
//!
//! The output is byte for byte what `serde_json::to_string` gives for the same document (a
//! property test holds the two together): keys are constants written as they are, numbers
//! are formatted by the crates serde_json uses (`itoa`, `zmij`), and only the text fields
//! are escaped, by a scan that copies clean runs whole and looks at eight bytes at a time.
//! Every struct is taken apart field by field, so a field added to the schema without a
//! place here fails to compile.

use std::cell::RefCell;

use serde_json::{Map, Value};

use super::{
    Cue, Document, NonSpeech, Part, Quote, QuoteClass, QuoteKind, Span, Speaker, SpeakerSummary,
};

/// Most bytes the per-thread buffer of [`to_json_line`] keeps between records: a record
/// larger than this takes the buffer with it, so one huge document does not leave its
/// size behind in every thread for the rest of the run.
pub const KEPT_BUFFER_BYTES: usize = 4 << 20;

/// The record of `doc` as one line of JSON (without its line end).
///
/// Writes into a buffer kept per thread, so records grow it once rather than each its own
/// string, and returns a copy of just the right size (or, for a record over
/// [`KEPT_BUFFER_BYTES`], the buffer itself).
pub fn to_json_line(doc: &Document) -> String {
    thread_local! {
        static BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            buffer.clear();
            buffer.reserve(size_estimate(doc));
            write_document(&mut buffer, doc);
            if buffer.capacity() > KEPT_BUFFER_BYTES {
                std::mem::take(&mut *buffer)
            } else {
                buffer.as_str().to_owned()
            }
        }
        // Only reached if writing a record ever started another on the same thread.
        Err(_) => {
            let mut out = String::new();
            write_document(&mut out, doc);
            out
        }
    })
}

/// Bytes of JSON that a quote's keys, numbers and names take at most, in practice (a quote
/// with a lead, a speaker and a cue takes about 450 beside its texts).
const QUOTE_BYTES_ESTIMATE: usize = 640;

/// A generous estimate of the size of `doc`'s JSON text, reserved before it is written: a
/// long document's record is then written into one buffer, rather than copied into one
/// twice as large each time it fills (the copy and the new buffer, together, at the
/// moment the output peaks). Room reserved and not written costs address space only.
fn size_estimate(doc: &Document) -> usize {
    // Texts twice over: room for their escapes.
    let text = |s: &str| 2 * s.len();
    let quotes: usize = doc
        .quotes
        .iter()
        .map(|q| {
            QUOTE_BYTES_ESTIMATE
                + text(&q.text)
                + q.lead.as_ref().map_or(0, |l| text(&l.text))
                + q.speaker
                    .as_ref()
                    .map_or(0, |s| text(&s.name) + text(&s.mention))
                + q.cue.as_ref().map_or(0, |c| text(&c.text))
        })
        .sum();
    let speakers: usize = doc
        .speakers
        .iter()
        .map(|s| 64 + text(&s.name) + s.aliases.iter().map(|a| 4 + text(a)).sum::<usize>())
        .sum();
    let non_speech: usize = doc
        .non_speech
        .iter()
        .flatten()
        .map(|n| 160 + text(&n.text) + n.reason.len())
        .sum();
    256 + text(&doc.id) + quotes + speakers + non_speech
}

/// Appends the JSON text of `doc` to `out`, as `serde_json::to_string` writes it.
pub fn write_document(out: &mut String, doc: &Document) {
    let Document {
        id,
        schema_version,
        meta,
        quotes,
        speakers,
        non_speech,
    } = doc;
    out.push_str("{\"id\":");
    write_str(out, id);
    out.push_str(",\"schema_version\":");
    write_u64(out, u64::from(*schema_version));
    if let Some(meta) = meta {
        out.push_str(",\"meta\":");
        write_object(out, meta);
    }
    out.push_str(",\"quotes\":");
    write_list(out, quotes, write_quote);
    out.push_str(",\"speakers\":");
    write_list(out, speakers, write_speaker_summary);
    if let Some(non_speech) = non_speech {
        out.push_str(",\"non_speech\":");
        write_list(out, non_speech, write_non_speech);
    }
    out.push('}');
}

fn write_list<T>(out: &mut String, items: &[T], write_item: fn(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_item(out, item);
    }
    out.push(']');
}

fn write_quote(out: &mut String, quote: &Quote) {
    let Quote {
        text,
        kind,
        class,
        span,
        byte_span,
        lead,
        sentence,
        speaker,
        cue,
        rule,
        confidence,
    } = quote;
    out.push_str("{\"text\":");
    write_str(out, text);
    out.push_str(kind_json(*kind));
    out.push_str(class_json(*class));
    write_spans(out, span, byte_span);
    if let Some(lead) = lead {
        out.push_str(",\"lead\":");
        write_part(out, lead);
    }
    out.push_str(",\"sentence\":");
    write_u64(out, *sentence as u64);
    out.push_str(",\"speaker\":");
    match speaker {
        Some(speaker) => write_speaker(out, speaker),
        None => out.push_str("null"),
    }
    out.push_str(",\"cue\":");
    match cue {
        Some(cue) => write_cue(out, cue),
        None => out.push_str("null"),
    }
    out.push_str(",\"rule\":");
    match rule {
        Some(rule) => write_str(out, rule),
        None => out.push_str("null"),
    }
    out.push_str(",\"confidence\":");
    write_f64(out, *confidence);
    out.push('}');
}

/// The `kind` field of a quote, key and value (the names serde gives the variants).
fn kind_json(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => ",\"kind\":\"direct\"",
        QuoteKind::Partial => ",\"kind\":\"partial\"",
        QuoteKind::Indirect => ",\"kind\":\"indirect\"",
    }
}

/// The `class` field of a quote, key and value.
fn class_json(class: QuoteClass) -> &'static str {
    match class {
        QuoteClass::Speech => ",\"class\":\"speech\"",
        QuoteClass::Thought => ",\"class\":\"thought\"",
        QuoteClass::Stance => ",\"class\":\"stance\"",
        QuoteClass::Evidential => ",\"class\":\"evidential\"",
    }
}

fn write_part(out: &mut String, part: &Part) {
    let Part {
        text,
        span,
        byte_span,
    } = part;
    out.push_str("{\"text\":");
    write_str(out, text);
    write_spans(out, span, byte_span);
    out.push('}');
}

fn write_speaker(out: &mut String, speaker: &Speaker) {
    let Speaker {
        name,
        mention,
        span,
        byte_span,
    } = speaker;
    out.push_str("{\"name\":");
    write_str(out, name);
    out.push_str(",\"mention\":");
    write_str(out, mention);
    write_spans(out, span, byte_span);
    out.push('}');
}

fn write_cue(out: &mut String, cue: &Cue) {
    let Cue {
        text,
        span,
        byte_span,
    } = cue;
    out.push_str("{\"text\":");
    write_str(out, text);
    write_spans(out, span, byte_span);
    out.push('}');
}

fn write_speaker_summary(out: &mut String, summary: &SpeakerSummary) {
    let SpeakerSummary {
        name,
        aliases,
        quotes,
    } = summary;
    out.push_str("{\"name\":");
    write_str(out, name);
    out.push_str(",\"aliases\":");
    write_list(out, aliases, |out, alias| write_str(out, alias));
    out.push_str(",\"quotes\":");
    write_u64(out, *quotes as u64);
    out.push('}');
}

fn write_non_speech(out: &mut String, passage: &NonSpeech) {
    let NonSpeech {
        text,
        span,
        byte_span,
        reason,
    } = passage;
    out.push_str("{\"text\":");
    write_str(out, text);
    write_spans(out, span, byte_span);
    out.push_str(",\"reason\":");
    write_str(out, reason);
    out.push('}');
}

/// `,"span":{…},"byte_span":{…}`, the two ranges every located text carries (the keys
/// written in as few pieces as they can be: each piece is a copy of its own).
fn write_spans(out: &mut String, span: &Span, byte_span: &Span) {
    let (
        Span { start, end },
        Span {
            start: byte_start,
            end: byte_end,
        },
    ) = (span, byte_span);
    out.push_str(",\"span\":{\"start\":");
    write_u64(out, *start as u64);
    out.push_str(",\"end\":");
    write_u64(out, *end as u64);
    out.push_str("},\"byte_span\":{\"start\":");
    write_u64(out, *byte_start as u64);
    out.push_str(",\"end\":");
    write_u64(out, *byte_end as u64);
    out.push('}');
}

#[inline]
fn write_u64(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// A float as serde_json writes it: the shortest text that reads back the same, `null`
/// for NaN and the infinities.
fn write_f64(out: &mut String, x: f64) {
    if x.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(x));
    } else {
        out.push_str("null");
    }
}

/// Metadata as serde_json writes a `Map`: fields in their order, no spaces.
fn write_object(out: &mut String, map: &Map<String, Value>) {
    out.push('{');
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(out, key);
        out.push(':');
        write_value(out, value);
    }
    out.push('}');
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => {
            // serde_json writes a number as it holds it: unsigned, negative, or float.
            if let Some(u) = n.as_u64() {
                write_u64(out, u);
            } else if let Some(i) = n.as_i64() {
                out.push_str(itoa::Buffer::new().format(i));
            } else {
                write_f64(out, n.as_f64().unwrap_or(f64::NAN));
            }
        }
        Value::String(s) => write_str(out, s),
        Value::Array(items) => write_list(out, items, write_value),
        Value::Object(map) => write_object(out, map),
    }
}

/// Eight copies of `byte` in a word.
const fn repeat(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// Whether any of the eight bytes of `word` is a control character, `"` or `\`: the bytes
/// JSON escapes. Exact for the word as a whole (Mycroft's zero-byte test; a byte below 0x20
/// is one whose subtraction from 0x20 borrows), which is all the scan needs.
fn needs_escape(word: u64) -> bool {
    const HIGH: u64 = repeat(0x80);
    let control = word.wrapping_sub(repeat(0x20));
    let quote = (word ^ repeat(b'"')).wrapping_sub(repeat(0x01));
    let backslash = (word ^ repeat(b'\\')).wrapping_sub(repeat(0x01));
    (control | quote | backslash) & !word & HIGH != 0
}

/// The escape of one byte that needs one, as serde_json writes it.
fn push_escape(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        b'\n' => "\\n",
        b'\t' => "\\t",
        b'\r' => "\\r",
        0x08 => "\\b",
        0x0C => "\\f",
        _ => {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
            return;
        }
    };
    out.push_str(short);
}

/// `s` as a JSON string: quoted, with `"`, `\` and the control characters escaped and every
/// other character (U+007F, U+2028 and all non-ASCII included) as it is.
pub fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    // `clean` is where the run not yet copied starts; it and every escape are at ASCII
    // bytes, so the runs are whole characters.
    let (mut clean, mut at) = (0, 0);
    while at < bytes.len() {
        if let Some(word) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            if !needs_escape(word) {
                at += 8;
                continue;
            }
        }
        let end = (at + 8).min(bytes.len());
        for (i, &byte) in bytes[at..end].iter().enumerate() {
            if byte < 0x20 || byte == b'"' || byte == b'\\' {
                out.push_str(&s[clean..at + i]);
                push_escape(out, byte);
                clean = at + i + 1;
            }
        }
        at = end;
    }
    out.push_str(&s[clean..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> String {
        let mut out = String::new();
        write_str(&mut out, s);
        out
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        // guards: every byte that needs an escape, at every place in a word and across
        // words, and the characters JSON allows as they are (DEL, U+2028, non-ASCII).
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("\u{2028}\u{2029}é“quoted”\u{FEFF}😀");
        for s in [
            "",
            "plain",
            "exactly8",
            "\"",
            "a\"b\\c\nd",
            "\u{1}\u{1f}\u{b}\u{7f}",
            "long clean run then a quote at the end\"",
            "“Ça va,” she said.\r\n\tNext\u{8}\u{c}",
            all.as_str(),
        ] {
            assert_eq!(json(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
        for at in 0..20 {
            for special in ['"', '\\', '\n', '\u{0}', '\u{1f}', ' ', '\u{7f}', 'é'] {
                let s: String = "x".repeat(at) + &special.to_string() + "yyyyyyyyy";
                assert_eq!(json(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
    }

    #[test]
    fn the_escape_test_misses_no_byte() {
        // guards: a byte needing an escape hidden in a word the scan skips.
        for byte in 0u8..=255 {
            for place in 0..8 {
                let mut word = [b'a'; 8];
                word[place] = byte;
                let escaped = byte < 0x20 || byte == b'"' || byte == b'\\';
                if escaped {
                    assert!(
                        needs_escape(u64::from_le_bytes(word)),
                        "{byte:#x} at {place}"
                    );
                }
            }
        }
        assert!(!needs_escape(u64::from_le_bytes(*b"clean ok")));
        assert!(!needs_escape(u64::from_le_bytes([
            0xE2, 0x80, 0x9C, 0x7F, 0x20, 0x21, 0x23, 0x5D
        ])));
    }

    #[test]
    fn records_around_one_over_the_kept_size_are_whole() {
        // guards: a record larger than the kept buffer hands the buffer over; the records
        // after it, smaller and larger, are written from an empty one.
        let doc = |text: String| Document {
            id: "d".to_string(),
            schema_version: 2,
            meta: None,
            quotes: Vec::new(),
            speakers: vec![SpeakerSummary {
                name: text,
                aliases: Vec::new(),
                quotes: 1,
            }],
            non_speech: None,
        };
        for size in [10, KEPT_BUFFER_BYTES + 1, 3, KEPT_BUFFER_BYTES * 2, 0] {
            let doc = doc("\"é\n".repeat(size / 4 + 1));
            assert_eq!(to_json_line(&doc), serde_json::to_string(&doc).unwrap());
        }
    }

    #[test]
    fn floats_and_metadata_as_serde_json_writes_them() {
        for x in [
            0.0,
            -0.0,
            1.0,
            0.5,
            0.1 + 0.2,
            1e-7,
            1e21,
            123456.789,
            f64::MIN_POSITIVE,
        ] {
            let mut out = String::new();
            write_f64(&mut out, x);
            assert_eq!(out, serde_json::to_string(&x).unwrap(), "{x}");
        }
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut out = String::new();
            write_f64(&mut out, x);
            assert_eq!(out, "null");
        }
        let meta: Map<String, Value> = serde_json::from_str(
            r#"{"z": 1, "a": [-3, 18446744073709551615, 2.50, 1e300, true, null, {}],
                "nested": {"k\"": "v\n", "e": []}, "f": false}"#,
        )
        .unwrap();
        let mut out = String::new();
        write_object(&mut out, &meta);
        assert_eq!(out, serde_json::to_string(&meta).unwrap());
    }
}
