//! The whole pipeline over `corpus/`: one JSON snapshot per text, in `snapshots/`.
//!
//! Snapshots are specifications: every one was read before it was accepted. Before each
//! snapshot the output's invariants are checked, so a snapshot can never record a broken
//! span.

use whosaid::output::Document;
use whosaid::Config;

/// Checks what must hold for any output, whatever the rules decide.
fn check_invariants(text: &str, doc: &Document) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_to_byte = |c: usize| chars.get(c).map_or(text.len(), |&(b, _)| b);
    let mut last = 0;
    for q in &doc.quotes {
        let (b, s) = (q.byte_span, q.span);
        assert!(b.start <= b.end && b.end <= text.len(), "{q:?}");
        assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
        assert_eq!(
            &text[b.start..b.end],
            q.text,
            "quote text must be its byte span"
        );
        assert_eq!(
            (char_to_byte(s.start), char_to_byte(s.end)),
            (b.start, b.end)
        );
        assert!(b.start >= last, "quotes in text order");
        last = b.start;
        assert!((0.0..=1.0).contains(&q.confidence));
        if let Some(rule) = &q.rule {
            assert!(
                whosaid::attribution::rule(rule).is_some(),
                "unregistered {rule}"
            );
        }
        if let Some(sp) = &q.speaker {
            assert_eq!(&text[sp.byte_span.start..sp.byte_span.end], sp.mention);
            let inside = sp.byte_span.start >= b.start && sp.byte_span.end <= b.end;
            assert!(
                !inside || q.kind == whosaid::output::QuoteKind::Indirect,
                "a speaker mention lies outside its quote: {q:?}"
            );
        }
        if let Some(cue) = &q.cue {
            assert_eq!(&text[cue.byte_span.start..cue.byte_span.end], cue.text);
        }
    }
}

#[test]
fn corpus_snapshots() {
    insta::glob!("../corpus", "**/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("corpus texts are UTF-8");
        let name = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let config = Config {
            explain: true,
            ..Config::default()
        };
        let doc = whosaid::extract(&name, &text, &config);
        check_invariants(&text, &doc);
        let again = whosaid::extract(&name, &text, &config);
        assert_eq!(
            serde_json::to_string(&doc).unwrap(),
            serde_json::to_string(&again).unwrap(),
            "same input, same bytes out"
        );
        insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false, sort_maps => true}, {
            insta::assert_json_snapshot!(doc);
        });
    });
}
