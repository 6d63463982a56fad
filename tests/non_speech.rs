//! Quoted passages that are not speech (titles, names, terms, quoted words after a verb of
//! thinking) and near-misses that are: `tests/fixtures/non_speech.txt`, each case run through
//! the whole pipeline with `--explain`.

use whosaid::output::Document;
use whosaid::Config;

#[derive(Debug)]
enum Expect {
    NotSpeech(String),
    Speech,
}

fn cases() -> Vec<(usize, String, Expect)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/non_speech.txt");
    let src = std::fs::read_to_string(path).expect("the fixture file exists");
    let mut section = None;
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || (line.starts_with('#') && !line.starts_with("##")) {
            continue;
        }
        match line {
            "## not speech" => section = Some(false),
            "## speech" => section = Some(true),
            _ => {
                let text = |t: &str| t.trim().replace("\\n", "\n");
                let case = match (section, line.split_once(" => ")) {
                    (Some(false), Some((t, reason))) => {
                        (text(t), Expect::NotSpeech(reason.trim().to_string()))
                    }
                    (Some(true), None) => (text(line), Expect::Speech),
                    _ => panic!("non_speech.txt:{}: malformed case {line:?}", i + 1),
                };
                out.push((i + 1, case.0, case.1));
            }
        }
    }
    out
}

/// The first quoted passage's fate: `Ok(true)` reported as a quote, `Err(reason)` not
/// speech, `Ok(false)` neither.
fn fate(doc: &Document) -> Result<bool, String> {
    let first_quote = doc
        .quotes
        .iter()
        .find(|q| q.kind != whosaid::output::QuoteKind::Indirect);
    let first_ns = doc.non_speech.as_ref().and_then(|n| n.first());
    match (first_quote, first_ns) {
        (Some(q), Some(n)) if n.byte_span.start < q.byte_span.start => Err(n.reason.clone()),
        (Some(_), _) => Ok(true),
        (None, Some(n)) => Err(n.reason.clone()),
        (None, None) => Ok(false),
    }
}

#[test]
fn non_speech_fixtures() {
    let config = Config {
        explain: true,
        ..Config::default()
    };
    let cases = cases();
    assert!(cases.len() >= 10, "too few cases");
    let mut failures = Vec::new();
    for (line, text, expect) in &cases {
        let doc = whosaid::extract("case", text, &config);
        let got = fate(&doc);
        let ok = match expect {
            Expect::NotSpeech(reason) => got.as_ref().err() == Some(reason),
            Expect::Speech => got == Ok(true),
        };
        if !ok {
            failures.push(format!(
                "line {line}: {text:?}: expected {expect:?}, got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
