//! The direct JSON writer of extract records (`output::json`) writes what serde_json writes,
//! byte for byte: on random documents whose strings hold control characters, quotes,
//! backslashes, non-ASCII text and U+2028, with and without every optional part, and on the
//! records of real extractions.

use proptest::prelude::*;
use serde_json::{Map, Value};
use whosaid::output::json::{to_json_line, write_document};
use whosaid::output::{
    Cue, Document, NonSpeech, Part, Quote, QuoteClass, QuoteKind, Span, Speaker, SpeakerSummary,
};

/// Strings biased to what JSON escapes or lets through: every control character, `"`,
/// `\`, DEL, U+2028/U+2029, curly quotes, multibyte letters, and runs long enough to fill
/// whole words of the writer's scan.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z ,.]{0,12}",
        2 => prop::char::range('\u{0}', '\u{1f}').prop_map(String::from),
        1 => Just("\"".to_string()),
        1 => Just("\\".to_string()),
        1 => Just("\u{7f}".to_string()),
        1 => Just("\u{2028}\u{2029}".to_string()),
        1 => Just("\u{201c}Yes,\u{201d} she said.".to_string()),
        1 => Just("é😀\u{FEFF}".to_string()),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

fn span() -> impl Strategy<Value = Span> {
    (any::<usize>(), any::<usize>()).prop_map(|(start, end)| Span { start, end })
}

fn part() -> impl Strategy<Value = Part> {
    (text(), span(), span()).prop_map(|(text, span, byte_span)| Part {
        text,
        span,
        byte_span,
    })
}

fn confidence() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0..=1.0f64,
        1 => prop::sample::select(vec![0.0, 1.0, 0.95, 0.1 + 0.2, 1e-9, f64::NAN, f64::INFINITY]),
        1 => any::<f64>(),
    ]
}

fn quote() -> impl Strategy<Value = Quote> {
    let kind = prop::sample::select(vec![
        QuoteKind::Direct,
        QuoteKind::Partial,
        QuoteKind::Indirect,
    ]);
    let class = prop::sample::select(QuoteClass::ALL.to_vec());
    let speaker =
        (text(), text(), span(), span()).prop_map(|(name, mention, span, byte_span)| Speaker {
            name,
            mention,
            span,
            byte_span,
        });
    let cue = part().prop_map(|p| Cue {
        text: p.text,
        span: p.span,
        byte_span: p.byte_span,
    });
    (
        (text(), kind, class, span(), span()),
        prop::option::of(part()),
        any::<usize>(),
        prop::option::of(speaker),
        prop::option::of(cue),
        prop::option::of(text()),
        confidence(),
    )
        .prop_map(
            |(
                (text, kind, class, span, byte_span),
                lead,
                sentence,
                speaker,
                cue,
                rule,
                confidence,
            )| {
                Quote {
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
                }
            },
        )
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN and the infinities become null
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..4)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

fn document() -> impl Strategy<Value = Document> {
    let meta = prop::option::of(
        prop::collection::vec((text(), json_value()), 0..4)
            .prop_map(|fields| fields.into_iter().collect::<Map<String, Value>>()),
    );
    let summary = (text(), prop::collection::vec(text(), 0..3), any::<usize>()).prop_map(
        |(name, aliases, quotes)| SpeakerSummary {
            name,
            aliases,
            quotes,
        },
    );
    let non_speech = (part(), text()).prop_map(|(p, reason)| NonSpeech {
        text: p.text,
        span: p.span,
        byte_span: p.byte_span,
        reason,
    });
    (
        text(),
        any::<u32>(),
        meta,
        prop::collection::vec(quote(), 0..4),
        prop::collection::vec(summary, 0..3),
        prop::option::of(prop::collection::vec(non_speech, 0..3)),
    )
        .prop_map(
            |(id, schema_version, meta, quotes, speakers, non_speech)| Document {
                id,
                schema_version,
                meta,
                quotes,
                speakers,
                non_speech,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn direct_writer_matches_serde_json(doc in document()) {
        let expected = serde_json::to_string(&doc).unwrap();
        let mut written = String::new();
        write_document(&mut written, &doc);
        prop_assert_eq!(&written, &expected);
        // The per-thread buffer gives the same text, also after a longer record.
        prop_assert_eq!(to_json_line(&doc), expected);
    }
}

#[test]
fn extracted_records_match_serde_json() {
    // guards: the writer on what the pipeline really makes, speakers, cues, leads and all.
    let text = "Dana Whitlock runs the mill. \u{201c}We are \"laser-focused\",\u{201d} Whitlock \
                said.\n\nThe plan, a spokesman said, is to cut costs.\tOfficials believe the \
                mill will close.\u{2028}\u{201c}Never,\u{201d} said Oakes.";
    let config = whosaid::Config {
        explain: true,
        include: whosaid::output::Classes::ALL,
        ..Default::default()
    };
    let mut doc = whosaid::extract("doc \"1\"", text, &config);
    assert!(doc.quotes.len() >= 2 && doc.non_speech.is_some(), "{doc:?}");
    assert_eq!(to_json_line(&doc), serde_json::to_string(&doc).unwrap());
    doc.meta = Some(serde_json::from_str(r#"{"url": "u", "n": [1.5, -2, {"a": null}]}"#).unwrap());
    assert_eq!(to_json_line(&doc), serde_json::to_string(&doc).unwrap());
}
