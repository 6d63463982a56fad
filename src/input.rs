//! Turning raw input into documents: bytes to text, JSON Lines records to (id, text, meta).
//!
//! Every failure is a typed [`Error`] that names the document and, where it applies, the
//! byte offset or the JSONL line; the CLI turns it into an error record and goes on.

use std::borrow::Cow;
use std::fmt;

/// Default largest document accepted, in bytes.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// Largest document whosaid reads whatever `--max-bytes` says: tokens keep 32-bit byte
/// offsets ([`crate::text::tokens::MAX_TEXT_BYTES`]), and the text extraction reads is the
/// document after Unicode composition (NFC), which can be up to three times as long in UTF-8.
pub const MAX_DOCUMENT_BYTES: usize = crate::text::tokens::MAX_TEXT_BYTES / 3;
const _: () = assert!(MAX_DOCUMENT_BYTES * 3 <= crate::text::tokens::MAX_TEXT_BYTES);

/// Accepts a document of `len` bytes, or says why not: over `max_bytes` (`--max-bytes`), or
/// over [`MAX_DOCUMENT_BYTES`] when `max_bytes` is higher (a saturated `--max-bytes`).
pub fn check_size(id: &str, len: usize, max_bytes: usize) -> Result<(), Error> {
    if len > max_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!("{id}: {len} bytes is over the limit of {max_bytes} bytes (--max-bytes)"),
        ));
    }
    if len > MAX_DOCUMENT_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!(
                "{id}: {len} bytes is over the largest document whosaid reads \
                 ({MAX_DOCUMENT_BYTES} bytes)"
            ),
        ));
    }
    Ok(())
}

/// What went wrong with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not valid UTF-8 (and `lossy` was off).
    InvalidUtf8,
    /// The bytes hold NUL characters: a binary file, not text.
    Binary,
    /// The document is larger than the size limit.
    TooLarge,
    /// A UTF-16 file (by its byte-order mark) that does not decode.
    InvalidUtf16,
    /// A file or directory could not be read.
    Io,
    /// A JSON Lines record is not valid JSON or not a JSON object.
    MalformedJson,
    /// A JSON Lines record has no `text` field.
    MissingText,
    /// A JSON Lines record's `text` is not a string.
    TextNotString,
    /// A JSON Lines record repeats the id of an earlier record.
    DuplicateId,
    /// A bug inside whosaid stopped this document (the others go on).
    Internal,
}

impl ErrorKind {
    /// The kind's name in error records (snake case).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidUtf8 => "invalid_utf8",
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::InvalidUtf16 => "invalid_utf16",
            ErrorKind::Io => "io",
            ErrorKind::MalformedJson => "malformed_json",
            ErrorKind::MissingText => "missing_text",
            ErrorKind::TextNotString => "text_not_string",
            ErrorKind::DuplicateId => "duplicate_id",
            ErrorKind::Internal => "internal",
        }
    }
}

/// A document that could not be processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// A message that names the document and where the fault is.
    pub message: String,
}

impl Error {
    /// A new error.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.message)
    }
}

impl std::error::Error for Error {}

/// How to decode bytes.
#[derive(Debug, Clone, Copy)]
pub struct DecodeOptions {
    /// Replace invalid UTF-8 with U+FFFD instead of failing; spans then refer to the
    /// replaced text.
    pub lossy: bool,
    /// Largest document accepted, in bytes.
    pub max_bytes: usize,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            lossy: false,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Decodes a document's bytes: UTF-8 (a BOM is dropped), or UTF-16 with a BOM.
///
/// Offsets in the output refer to the returned text (after the BOM).
pub fn decode<'b>(id: &str, bytes: &'b [u8], opts: &DecodeOptions) -> Result<Cow<'b, str>, Error> {
    check_size(id, bytes.len(), opts.max_bytes)?;
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(id, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(id, rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Some(at) = memchr::memchr(0, bytes) {
        return Err(Error::new(
            ErrorKind::Binary,
            format!("{id}: NUL byte at byte offset {at}; looks like a binary file"),
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) if opts.lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(e) => Err(Error::new(
            ErrorKind::InvalidUtf8,
            format!(
                "{id}: invalid UTF-8 at byte offset {} (use --lossy to replace invalid bytes)",
                e.valid_up_to()
            ),
        )),
    }
}

fn decode_utf16<'b>(
    id: &str,
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
) -> Result<Cow<'b, str>, Error> {
    if bytes.len() % 2 != 0 {
        return Err(Error::new(
            ErrorKind::InvalidUtf16,
            format!("{id}: UTF-16 text with an odd number of bytes"),
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: Result<String, _> = char::decode_utf16(units).collect();
    text.map(Cow::Owned).map_err(|e| {
        Error::new(
            ErrorKind::InvalidUtf16,
            format!(
                "{id}: unpaired UTF-16 surrogate {:#06x}",
                e.unpaired_surrogate()
            ),
        )
    })
}

/// A document read from a JSON Lines record.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonDoc {
    /// Its id (`id` field; a number is turned into its decimal form).
    pub id: String,
    /// Its text.
    pub text: String,
    /// The other fields, untouched, in input order.
    pub meta: serde_json::Map<String, serde_json::Value>,
}

/// The key under which a JSON Lines record's metadata lists the fields dropped because serde
/// cannot hold their values (nested deeper than 128 levels, a number beyond `f64`).
pub const META_WARNINGS: &str = "whosaid_warnings";

/// The fields of a JSON object, each kept as its JSON text, in order (a repeated key keeps
/// its first place and its last value, as `serde_json::Map` does).
struct RawFields(Vec<(String, Box<serde_json::value::RawValue>)>);

impl<'de> serde::Deserialize<'de> for RawFields {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = RawFields;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawFields, A::Error> {
                let mut fields: Vec<(String, Box<serde_json::value::RawValue>)> = Vec::new();
                while let Some((key, value)) =
                    map.next_entry::<String, Box<serde_json::value::RawValue>>()?
                {
                    match fields.iter_mut().find(|(k, _)| *k == key) {
                        Some(field) => field.1 = value,
                        None => fields.push((key, value)),
                    }
                }
                Ok(RawFields(fields))
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

/// A record that is valid JSON but not a `serde_json::Value`, read field by field: the fields
/// serde cannot hold are dropped and named under [`META_WARNINGS`]. `None` when the record is
/// no JSON object or its `id` or `text` is among them.
fn fields_one_by_one(record: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let RawFields(fields) = serde_json::from_str(record).ok()?;
    let mut map = serde_json::Map::new();
    let mut warnings = Vec::new();
    for (key, raw) in fields {
        match serde_json::from_str(raw.get()) {
            Ok(value) => {
                map.insert(key, value);
            }
            Err(_) if key == "id" || key == "text" => return None,
            Err(e) => warnings.push(serde_json::Value::String(format!(
                "field `{key}` dropped: {}",
                e.to_string().split(" at line ").next().unwrap_or_default()
            ))),
        }
    }
    if !warnings.is_empty() {
        map.insert(
            META_WARNINGS.to_string(),
            serde_json::Value::Array(warnings),
        );
    }
    Some(map)
}

/// A JSON Lines record as it is parsed: `id` and `text` apart, the other fields in order.
/// Only the metadata and the id become `serde_json::Value`s; the text is read straight into
/// its string (borrowed from the record when it holds no escape).
enum Record<'a> {
    /// A JSON object.
    Object {
        id: Option<serde_json::Value>,
        text: Option<TextValue<'a>>,
        meta: serde_json::Map<String, serde_json::Value>,
    },
    /// Valid JSON that is no object.
    NotObject,
}

/// The value of a record's `text` field.
enum TextValue<'a> {
    Str(Cow<'a, str>),
    NotString,
}

/// Reads a value that is not wanted as a `serde_json::Value` would be read, so it meets
/// the same limits (nesting depth, number range) and gives the same errors.
fn read_as_value<'de, D: serde::Deserializer<'de>>(value: D) -> Result<(), D::Error> {
    <serde_json::Value as serde::Deserialize>::deserialize(value).map(drop)
}

/// The visitor methods for values other than the wanted kind: each is read as a
/// `serde_json::Value` would be, and yields `$other`.
macro_rules! other_values {
    ($other:expr) => {
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            read_as_value(serde::de::value::SeqAccessDeserializer::new(seq))?;
            Ok($other)
        }
    };
}

impl<'de> serde::Deserialize<'de> for TextValue<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> serde::de::Visitor<'de> for Text {
            type Value = TextValue<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                s: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(TextValue::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(TextValue::Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Self::Value, E> {
                Ok(TextValue::Str(Cow::Owned(s)))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                read_as_value(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(TextValue::NotString)
            }
            other_values!(TextValue::NotString);
        }
        deserializer.deserialize_any(Text)
    }
}

impl<'de> serde::Deserialize<'de> for Record<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = Record<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let (mut id, mut text, mut meta) = (None, None, serde_json::Map::new());
                // A repeated key keeps its first place and its last value, as in a
                // `serde_json::Map`.
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "id" => id = Some(map.next_value()?),
                        "text" => text = Some(map.next_value()?),
                        _ => {
                            meta.insert(key, map.next_value()?);
                        }
                    }
                }
                Ok(Record::Object { id, text, meta })
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Record::NotObject)
            }
            other_values!(Record::NotObject);
        }
        deserializer.deserialize_any(Fields)
    }
}

/// Parses one JSON Lines record. `line` is the 1-based line number, `source` the file name,
/// both used in error messages and, when the record has no id, as its id.
pub fn parse_jsonl(source: &str, line: usize, record: &str) -> Result<JsonDoc, (String, Error)> {
    let fallback_id = || format!("{source}:{line}");
    let (id, text, meta) = match serde_json::from_str::<Record>(record) {
        Ok(Record::Object { id, text, meta }) => (id, text, meta),
        Ok(Record::NotObject) => {
            return Err((
                fallback_id(),
                Error::new(
                    ErrorKind::MalformedJson,
                    format!("{source} line {line}: a record must be a JSON object"),
                ),
            ))
        }
        // Valid JSON that serde cannot hold as a value (nested too deep, a number beyond
        // f64) costs the field that holds it, not the document.
        Err(e) => match fields_one_by_one(record) {
            Some(mut map) => {
                let id = map.shift_remove("id");
                let text = map.shift_remove("text").map(|text| match text {
                    serde_json::Value::String(text) => TextValue::Str(Cow::Owned(text)),
                    _ => TextValue::NotString,
                });
                (id, text, map)
            }
            None => {
                return Err((
                    fallback_id(),
                    Error::new(
                        ErrorKind::MalformedJson,
                        format!("{source} line {line}: not valid JSON: {e}"),
                    ),
                ))
            }
        },
    };
    let id = match id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id(),
    };
    match text {
        Some(TextValue::Str(text)) => Ok(JsonDoc {
            id,
            text: text.into_owned(),
            meta,
        }),
        Some(TextValue::NotString) => Err((
            id.clone(),
            Error::new(
                ErrorKind::TextNotString,
                format!("{source} line {line} (id {id}): `text` is not a string"),
            ),
        )),
        None => Err((
            id.clone(),
            Error::new(
                ErrorKind::MissingText,
                format!("{source} line {line} (id {id}): no `text` field"),
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How records were read before [`parse_jsonl`] read them field by field: the whole
    /// record as a `serde_json::Value`. The reference the differential test holds it to.
    /// `line` is the 1-based line number, `source` the file name,
    /// both used in error messages and, when the record has no id, as its id.
    fn parse_jsonl_via_value(
        source: &str,
        line: usize,
        record: &str,
    ) -> Result<JsonDoc, (String, Error)> {
        let fallback_id = format!("{source}:{line}");
        let value: serde_json::Value = match serde_json::from_str(record) {
            Ok(value) => value,
            // Valid JSON that serde cannot hold as a value (nested too deep, a number beyond
            // f64) costs the field that holds it, not the document.
            Err(e) => match fields_one_by_one(record) {
                Some(map) => serde_json::Value::Object(map),
                None => {
                    return Err((
                        fallback_id,
                        Error::new(
                            ErrorKind::MalformedJson,
                            format!("{source} line {line}: not valid JSON: {e}"),
                        ),
                    ))
                }
            },
        };
        let serde_json::Value::Object(mut map) = value else {
            return Err((
                fallback_id,
                Error::new(
                    ErrorKind::MalformedJson,
                    format!("{source} line {line}: a record must be a JSON object"),
                ),
            ));
        };
        let id = match map.shift_remove("id") {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => fallback_id,
        };
        match map.shift_remove("text") {
            Some(serde_json::Value::String(text)) => Ok(JsonDoc {
                id,
                text,
                meta: map,
            }),
            Some(_) => Err((
                id.clone(),
                Error::new(
                    ErrorKind::TextNotString,
                    format!("{source} line {line} (id {id}): `text` is not a string"),
                ),
            )),
            None => Err((
                id.clone(),
                Error::new(
                    ErrorKind::MissingText,
                    format!("{source} line {line} (id {id}): no `text` field"),
                ),
            )),
        }
    }

    #[test]
    fn bom_is_dropped_and_utf16_decoded() {
        let opts = DecodeOptions::default();
        assert_eq!(decode("d", b"\xEF\xBB\xBFhi", &opts).unwrap(), "hi");
        assert_eq!(decode("d", b"\xFF\xFEh\0i\0", &opts).unwrap(), "hi");
        assert_eq!(decode("d", b"\xFE\xFF\0h\0i", &opts).unwrap(), "hi");
    }

    #[test]
    fn faults_are_named() {
        let opts = DecodeOptions::default();
        let e = decode("doc.txt", b"ab\xFFcd", &opts).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidUtf8);
        assert!(e.message.contains("doc.txt") && e.message.contains("offset 2"));
        let e = decode("bin", b"ab\0cd", &opts).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Binary);
        let lossy = DecodeOptions {
            lossy: true,
            ..opts
        };
        assert_eq!(decode("d", b"a\xFFb", &lossy).unwrap(), "a\u{FFFD}b");
        let small = DecodeOptions {
            max_bytes: 3,
            ..opts
        };
        assert_eq!(
            decode("d", b"abcd", &small).unwrap_err().kind,
            ErrorKind::TooLarge
        );
    }

    // guards: a document too long for the tokens' 32-bit offsets reaching extraction when
    // `--max-bytes` is saturated (checked on lengths: no 4 GiB allocation).
    #[test]
    fn no_limit_still_stops_at_the_largest_document() {
        assert_eq!(check_size("d", MAX_DOCUMENT_BYTES, usize::MAX), Ok(()));
        let e = check_size("big.txt", MAX_DOCUMENT_BYTES + 1, usize::MAX).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert!(e.message.starts_with("big.txt: ") && e.message.contains("largest document"));
        let e = check_size("d", usize::MAX, usize::MAX).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        // Under a smaller `--max-bytes`, that limit is the one named.
        let e = check_size("d", 11, 10).unwrap_err();
        assert!(e.message.contains("(--max-bytes)"));
    }

    /// Both readers on one record: the same document, or the same error, message and all.
    fn reads_as_via_value(record: &str) {
        assert_eq!(
            parse_jsonl("in", 9, record),
            parse_jsonl_via_value("in", 9, record),
            "{record}"
        );
    }

    #[test]
    fn field_by_field_reads_as_the_whole_value_did() {
        // guards: reading `id` and `text` apart changing what a record means: repeated keys,
        // escaped keys, ids of every type, texts that are no string, records that are no
        // object, malformed JSON and the values serde cannot hold.
        let nested = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let owned = [
            format!(r#"{{"id": "d", "nested": {}, "text": "t"}}"#, nested(127)),
            format!(
                r#"{{"id": "d", "nested": {}, "text": "t", "u": 1}}"#,
                nested(200)
            ),
            format!(r#"{{"id": "d", "text": {}}}"#, nested(127)),
            format!(r#"{{"id": "d", "text": {}}}"#, nested(200)),
            format!(r#"{{"id": {}, "text": "t"}}"#, nested(200)),
            nested(200),
            nested(20),
        ];
        let records = [
            r#"{"id": 7, "url": "u", "text": "t"}"#,
            r#"{"text": "a\nb \"q\" \u00e9 \ud83d\ude00", "id": "x", "z": [1, {"a": null}], "url": "u"}"#,
            r#"{"id": "a", "url": 1, "text": "t", "url": 2, "id": "b"}"#,
            r#"{"text": "first", "text": 5}"#,
            r#"{"text": 5, "text": "second"}"#,
            r#"{"t\u0065xt": "escaped key", "\u0069d": "i"}"#,
            r#"{"id": null, "text": "t"}"#,
            r#"{"id": [1], "text": "t"}"#,
            r#"{"id": 1.50, "text": "t"}"#,
            r#"{"id": -3, "text": "t"}"#,
            r#"{"id": 18446744073709551616, "text": "t"}"#,
            r#"{"id": 1e999999, "text": "t"}"#,
            r#"{"score": 1e999999, "text": "t", "url": "u"}"#,
            r#"{"text": {"a": [1]}}"#,
            r#"{"text": [1, 2]}"#,
            r#"{"text": null}"#,
            r#"{"text": true, "id": "x"}"#,
            r#"{"text": "t", "whosaid_warnings": 1}"#,
            r#"{}"#,
            r#"[1, 2]"#,
            r#"[{"text": "t"}]"#,
            r#""text""#,
            "3",
            "-1.5",
            "null",
            "true",
            "{oops",
            r#"{"text": "t""#,
            r#"{"text": "t"} x"#,
            r#"{"text": "t",}"#,
            "{\"text\": \"raw \u{1} control\"}",
            r#"{"text": "bad \q escape"}"#,
            r#"{"text": "lone \ud800 surrogate"}"#,
            r#"{"a" 1, "text": "t"}"#,
            r#"{1: 2}"#,
            "",
            "   ",
            r#" {"text" : "spaced" } "#,
        ];
        for record in owned.iter().map(String::as_str).chain(records) {
            reads_as_via_value(record);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn random_records_read_as_via_value(
            fields in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["id", "text", "url", "t\\u0065xt", "meta"]),
                    proptest::sample::select(vec![
                        "\"s\"", "\"a\\n\\\"b\\\" \\u00e9\"", "\"\u{201c}q\u{201d}\"", "7", "-2",
                        "1.50", "1e999999", "null", "true", "[1, [2, {}]]", "{\"k\": \"v\"}",
                        "[[[[[[[[[[1]]]]]]]]]]", "\"\\ud800\"", "[1,", "}", "\"open",
                    ]),
                ),
                0..5,
            ),
            cut in proptest::option::of(0usize..80),
        ) {
            let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
            let mut record = format!("{{{}}}", body.join(", "));
            if let Some(cut) = cut {
                let mut at = cut.min(record.len());
                while !record.is_char_boundary(at) {
                    at -= 1;
                }
                record.truncate(at);
            }
            proptest::prop_assert_eq!(
                parse_jsonl("in", 9, &record),
                parse_jsonl_via_value("in", 9, &record),
                "{}", record
            );
        }
    }

    #[test]
    fn jsonl_records() {
        let d = parse_jsonl("in", 1, r#"{"id": 7, "url": "u", "text": "t"}"#).unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("7", "t"));
        assert_eq!(d.meta.len(), 1);
        let (id, e) = parse_jsonl("in", 3, r#"{"id": "x"}"#).unwrap_err();
        assert_eq!((id.as_str(), e.kind), ("x", ErrorKind::MissingText));
        let (id, e) = parse_jsonl("in", 4, "{oops").unwrap_err();
        assert_eq!((id.as_str(), e.kind), ("in:4", ErrorKind::MalformedJson));
        let (_, e) = parse_jsonl("in", 5, r#"{"text": 5}"#).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TextNotString);
    }
}
