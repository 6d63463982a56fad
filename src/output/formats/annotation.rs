//! W3C Web Annotation Data Model (JSON-LD), one annotation per quote, as annotation tools
//! such as Hypothesis read them.
//!
//! Each annotation targets the document (its `url` metadata field when it has one, else its
//! id) with two selectors that each find the quote again: a `TextQuoteSelector` (the quote
//! with up to [`CONTEXT_CHARS`] code points before and after it) and a
//! `TextPositionSelector` (code-point offsets, end exclusive). The bodies say who spoke:
//! one `describing` body in words, and `tagging` bodies `speaker:…`, `kind:…`, `rule:…`.
//! The same facts, typed, are under the extension key `whosaid` (with the document id and
//! its metadata), for readers of plain JSON; JSON-LD processors leave it out, as it is not
//! in the annotation context.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Map, Value};

use crate::output::{Document, Quote};

use super::{meta_text, META_FIELDS};

/// The JSON-LD context of every annotation.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// How many code points of context the `TextQuoteSelector` gives on each side.
pub const CONTEXT_CHARS: usize = 32;

/// Characters left as they are in the document id part of an annotation's URN: RFC 3986
/// unreserved characters, plus `/` and `:` so paths stay readable.
const URN_KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/')
    .remove(b':');

/// The stable id of the annotation of the quote at code points `start..end` of document
/// `doc_id`: `urn:whosaid:<doc_id, percent-encoded>#<start>-<end>`.
pub fn annotation_id(doc_id: &str, start: usize, end: usize) -> String {
    format!(
        "urn:whosaid:{}#{start}-{end}",
        utf8_percent_encode(doc_id, URN_KEEP)
    )
}

/// The last `n` code points of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ if n == 0 => "",
        _ => s,
    }
}

/// The first `n` code points of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The annotation of one quote of `doc`, whose text is `text`.
pub fn annotation(doc: &Document, text: &str, quote: &Quote) -> Value {
    let (start, end) = (quote.byte_span.start, quote.byte_span.end);
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let exact = text.get(start..end).unwrap_or(&quote.text);
    let url = doc
        .meta
        .as_ref()
        .and_then(|m| m.get("url"))
        .and_then(Value::as_str);
    let speaker = quote.speaker.as_ref().map(|s| s.name.as_str());

    let mut description = match speaker {
        Some(name) => format!("{name}: {} quote", quote.kind.as_str()),
        None => format!("unattributed {} quote", quote.kind.as_str()),
    };
    let mut evidence = Vec::new();
    if let Some(rule) = &quote.rule {
        evidence.push(format!("rule {rule}"));
    }
    if let Some(cue) = &quote.cue {
        evidence.push(format!("cue “{}”", cue.text));
    }
    evidence.push(format!("confidence {}", quote.confidence));
    description.push_str(&format!(" ({})", evidence.join(", ")));

    let mut bodies = vec![json!({
        "type": "TextualBody",
        "purpose": "describing",
        "format": "text/plain",
        "value": description,
    })];
    let mut tags = Vec::new();
    if let Some(name) = speaker {
        tags.push(format!("speaker:{name}"));
    }
    tags.push(format!("kind:{}", quote.kind.as_str()));
    if let Some(rule) = &quote.rule {
        tags.push(format!("rule:{rule}"));
    }
    bodies.extend(
        tags.into_iter()
            .map(|t| json!({"type": "TextualBody", "purpose": "tagging", "value": t})),
    );

    let meta: Map<String, Value> = META_FIELDS
        .iter()
        .filter_map(|f| {
            Some((
                f.to_string(),
                Value::String(meta_text(doc.meta.as_ref(), f)?),
            ))
        })
        .collect();

    json!({
        "@context": CONTEXT,
        "id": annotation_id(&doc.id, quote.span.start, quote.span.end),
        "type": "Annotation",
        "motivation": "describing",
        "body": bodies,
        "target": {
            "source": url.unwrap_or(&doc.id),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": exact,
                    "prefix": last_chars(before, CONTEXT_CHARS),
                    "suffix": first_chars(after, CONTEXT_CHARS),
                },
                {
                    "type": "TextPositionSelector",
                    "start": quote.span.start,
                    "end": quote.span.end,
                },
            ],
        },
        "whosaid": {
            "document": doc.id,
            "meta": meta,
            "kind": quote.kind.as_str(),
            "speaker": quote.speaker.as_ref().map(|s| json!({"name": s.name, "mention": s.mention})),
            "cue": quote.cue.as_ref().map(|c| c.text.as_str()),
            "rule": quote.rule,
            "confidence": quote.confidence,
        },
    })
}

/// The annotations of every quote of `doc`, one JSON object a line, each line ended;
/// empty for a document without quotes.
pub fn lines(doc: &Document, text: &str) -> String {
    let mut out = String::new();
    for quote in &doc.quotes {
        out.push_str(&annotation(doc, text, quote).to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_cut_at_code_points() {
        assert_eq!(last_chars("aé€z", 2), "€z");
        assert_eq!(last_chars("aé", 5), "aé");
        assert_eq!(last_chars("abc", 0), "");
        assert_eq!(first_chars("aé€z", 2), "aé");
        assert_eq!(first_chars("a", 5), "a");
    }

    #[test]
    fn ids_are_urns_with_the_document_id_encoded() {
        assert_eq!(
            annotation_id("corpus/a b#1.txt", 3, 9),
            "urn:whosaid:corpus/a%20b%231.txt#3-9"
        );
    }
}
