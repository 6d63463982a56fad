//! The speech gate: `tests/fixtures/speech_gate.txt`, each sentence run through the whole
//! pipeline with every class included; the first indirect report's class is compared.

use whosaid::output::{Classes, QuoteKind};
use whosaid::Config;

#[test]
fn speech_gate_fixtures() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/speech_gate.txt"
    );
    let src = std::fs::read_to_string(path).expect("the fixture file exists");
    let config = Config {
        include: Classes::ALL,
        ..Config::default()
    };
    let mut cases = 0;
    let mut failures = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, expect) = line
            .split_once(" => ")
            .unwrap_or_else(|| panic!("speech_gate.txt:{}: no ` => `", i + 1));
        cases += 1;
        let doc = whosaid::extract("case", &text.replace("\\n", "\n"), &config);
        let got = doc
            .quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Indirect)
            .map_or("none", |q| q.class.as_str());
        if got != expect.trim() {
            failures.push(format!(
                "line {}: {text:?}: expected {expect}, got {got}",
                i + 1
            ));
        }
    }
    assert!(cases >= 10, "too few cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
