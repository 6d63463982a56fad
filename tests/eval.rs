//! Integration tests of the accuracy measurement: library scoring on hand-written fixtures, and
//! the `eval` and `diff` commands of the built binary.
//!
//! Fixture walk-through (tests/fixtures/eval): gold has four documents with ten speech quotes
//! (two optional) and one non-speech passage; predictions cover a, b, c and an unknown id.
//! - a: direct hit right by name; "miracle cure" reported (non-speech); a partial found with a
//!   span three times too long (loose overlap); an indirect found with the wrong speaker.
//! - b: direct right by last word ("Jones’s"); optional direct right by speaker-span overlap;
//!   partial without gold speaker (not judged); an extra indirect (unjudged: no gold indirect).
//! - c: a 21-code-point prediction inside a 52-code-point direct quote (strict overlap fails:
//!   miss plus false positive); direct right by mention; an optional partial left unfound.
//! - d: no prediction record; its direct quote is a miss.

use std::path::{Path, PathBuf};
use std::process::Command;

use whosaid::eval::gold::{parse_gold_line, read_documents, read_gold};
use whosaid::eval::score::{speaker_right, ErrorKind};
use whosaid::eval::{evaluate, EvalOptions, Evaluation, GoldKind};
use whosaid::output::{QuoteKind, Span, Speaker};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/eval")
        .join(name)
}

fn run_fixture(opts: &EvalOptions) -> Evaluation {
    let gold = read_gold(&fixture("gold.jsonl")).unwrap();
    let pred = read_documents(&fixture("pred.jsonl")).unwrap();
    evaluate(&gold, &pred, opts)
}

fn bin(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn gold_reader_maps_kinds_speakers_and_trims_marks() {
    let gold = read_gold(&fixture("gold.jsonl")).unwrap();
    assert_eq!(gold.len(), 4);
    let a = &gold[0];
    // The `other` entry is dropped; `mixed` becomes partial.
    assert_eq!(a.quotes.len(), 4);
    assert_eq!(a.quotes[1].kind, GoldKind::NonSpeech);
    assert_eq!(a.quotes[2].kind, GoldKind::Speech(QuoteKind::Partial));
    // A speaker given as one string becomes a one-element list; null becomes empty.
    assert_eq!(a.quotes[2].speakers, vec!["Jones".to_string()]);
    assert!(gold[1].quotes[2].speakers.is_empty());
    assert!(gold[1].quotes[1].optional);
    // d's gold span includes its quote marks, PolNeAR style; they are trimmed off.
    assert_eq!(gold[3].quotes[0].span, Span { start: 21, end: 38 });
}

#[test]
fn malformed_gold_line_names_file_and_line() {
    let err = read_gold(&fixture("bad-gold.jsonl")).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("bad-gold.jsonl:2:"), "{msg}");
}

#[test]
fn gold_text_mismatch_is_an_error() {
    let line = r#"{"id":"x","text":"é \"ab\"","quotes":[{"start":3,"end":5,"text":"b\"","kind":"direct","speaker":null}]}"#;
    assert!(parse_gold_line(line).is_err());
    let ok = line.replace(r#""start":3,"end":5"#, r#""start":4,"end":6"#);
    assert!(parse_gold_line(&ok).is_ok(), "code points, not bytes");
}

#[test]
fn out_of_range_span_is_an_error() {
    let line = r#"{"id":"x","text":"abc","quotes":[{"start":1,"end":9,"kind":"direct"}]}"#;
    assert!(parse_gold_line(line).unwrap_err().contains("outside"));
}

#[test]
fn detection_counts_all_kinds() {
    let s = run_fixture(&EvalOptions::default()).summary;
    assert_eq!(s.documents, 4);
    assert_eq!(s.documents_without_prediction, 1);
    assert_eq!(s.unknown_prediction_documents, 1);
    assert_eq!(s.gold_quotes, 10);
    assert_eq!(s.gold_optional, 2);
    assert_eq!(s.gold_non_speech, 1);
    assert_eq!(s.predictions, 10);
    assert_eq!(s.unjudged_predictions, 1);
    assert_eq!((s.detection.tp, s.detection.fp, s.detection.fn_), (7, 2, 2));
    assert!(close(s.detection.precision, 7.0 / 9.0));
    assert!(close(s.detection.recall, 7.0 / 9.0));
    assert!(close(s.detection.f1, 7.0 / 9.0));
    assert_eq!(s.non_speech_reported, 1);
}

#[test]
fn attribution_and_end_to_end() {
    let s = run_fixture(&EvalOptions::default()).summary;
    // Judged: a×3, b×2 (b's partial has no gold speaker), c×1. Wrong: a's indirect.
    assert_eq!((s.attribution.judged, s.attribution.right), (6, 5));
    // End-to-end hits: the five right speakers plus the unjudged partial.
    assert_eq!(
        (s.end_to_end.tp, s.end_to_end.fp, s.end_to_end.fn_),
        (6, 3, 3)
    );
    assert!(close(s.end_to_end.precision, 6.0 / 9.0));
}

#[test]
fn recall_by_kind() {
    let s = run_fixture(&EvalOptions::default()).summary;
    let k: Vec<_> = s
        .by_kind
        .iter()
        .map(|k| (k.kind, k.gold, k.optional, k.found, k.missed))
        .collect();
    assert_eq!(
        k,
        vec![
            (QuoteKind::Direct, 6, 1, 4, 2),
            (QuoteKind::Partial, 3, 1, 2, 0),
            (QuoteKind::Indirect, 1, 0, 1, 0),
        ]
    );
}

#[test]
fn per_rule_breakdown() {
    let s = run_fixture(&EvalOptions::default()).summary;
    let r: Vec<_> = s
        .by_rule
        .iter()
        .map(|r| {
            (
                r.rule.as_str(),
                r.matched,
                r.judged,
                r.right,
                r.false_positives,
            )
        })
        .collect();
    assert_eq!(
        r,
        vec![
            ("(none)", 1, 0, 0, 0),
            ("R1", 3, 3, 3, 1),
            ("R2", 1, 1, 1, 1),
            ("R3", 1, 1, 0, 0),
            ("R4", 1, 1, 1, 0),
        ]
    );
}

#[test]
fn exhaustive_makes_unmatched_indirect_a_false_positive() {
    let s = run_fixture(&EvalOptions {
        kinds: None,
        exhaustive: true,
    })
    .summary;
    assert_eq!(s.unjudged_predictions, 0);
    assert_eq!(s.detection.fp, 3);
    assert!(s
        .by_rule
        .iter()
        .any(|r| r.rule == "R5" && r.false_positives == 1));
}

#[test]
fn errors_list_every_kind_of_error_in_order() {
    let e = run_fixture(&EvalOptions::default()).errors;
    let got: Vec<_> = e
        .iter()
        .map(|e| (e.doc.as_str(), e.error, e.span.start))
        .collect();
    assert_eq!(
        got,
        vec![
            ("a", ErrorKind::NonSpeechReported, 62),
            ("a", ErrorKind::WrongSpeaker, 149),
            ("c", ErrorKind::Miss, 1),
            ("c", ErrorKind::FalsePositive, 11),
            ("d", ErrorKind::Miss, 21),
        ]
    );
    assert_eq!(e[1].expected, vec!["Officials".to_string()]);
    assert_eq!(e[1].predicted.as_deref(), Some("Jones"));
    assert_eq!(e[1].rule.as_deref(), Some("R3"));
    assert!(e[0].context.contains("[miracle cure]"), "{}", e[0].context);
}

#[test]
fn kinds_filter_direct() {
    let s = run_fixture(&EvalOptions {
        kinds: Some(vec![QuoteKind::Direct]),
        exhaustive: false,
    })
    .summary;
    assert_eq!(s.gold_quotes, 6);
    assert_eq!(s.predictions, 6);
    assert_eq!((s.detection.tp, s.detection.fp, s.detection.fn_), (4, 2, 2));
    // "miracle cure" was predicted as direct, so it still counts.
    assert_eq!(s.non_speech_reported, 1);
    assert_eq!(s.by_kind.len(), 1);
}

#[test]
fn kinds_filter_partial_drops_other_predictions() {
    let s = run_fixture(&EvalOptions {
        kinds: Some(vec![QuoteKind::Partial]),
        exhaustive: false,
    })
    .summary;
    assert_eq!(s.gold_quotes, 3);
    assert_eq!(s.predictions, 2);
    assert_eq!((s.detection.tp, s.detection.fp, s.detection.fn_), (2, 0, 0));
    assert_eq!(s.non_speech_reported, 0);
    assert!(close(s.detection.f1, 1.0));
}

fn gold_quote(speakers: &[&str], spans: &[(usize, usize)]) -> whosaid::eval::GoldQuote {
    whosaid::eval::GoldQuote {
        span: Span { start: 0, end: 10 },
        kind: GoldKind::Speech(QuoteKind::Direct),
        speakers: speakers.iter().map(|s| s.to_string()).collect(),
        speaker_spans: spans
            .iter()
            .map(|&(start, end)| Span { start, end })
            .collect(),
        optional: false,
    }
}

fn speaker(name: &str, mention: &str, span: (usize, usize)) -> Speaker {
    Speaker {
        name: name.to_string(),
        mention: mention.to_string(),
        span: Span {
            start: span.0,
            end: span.1,
        },
        byte_span: Span {
            start: span.0,
            end: span.1,
        },
    }
}

#[test]
fn speaker_matching_rules() {
    let g = gold_quote(&["Scott Guthrie", "a Microsoft executive"], &[(50, 57)]);
    // Same name, case and spacing aside.
    assert!(speaker_right(
        &g,
        Some(&speaker("scott  GUTHRIE", "x", (0, 1)))
    ));
    // Same last word, possessive stripped.
    assert!(speaker_right(&g, Some(&speaker("Guthrie’s", "x", (0, 1)))));
    assert!(speaker_right(
        &g,
        Some(&speaker("Mr. Guthrie,", "x", (0, 1)))
    ));
    // Mention equals an accepted name.
    assert!(speaker_right(
        &g,
        Some(&speaker("Bill Gates", "a Microsoft executive", (0, 1)))
    ));
    // Span overlap.
    assert!(speaker_right(
        &g,
        Some(&speaker("Bill Gates", "he", (55, 58)))
    ));
    // None of these.
    assert!(!speaker_right(
        &g,
        Some(&speaker("Bill Gates", "he", (57, 60)))
    ));
    assert!(!speaker_right(&g, Some(&speaker("Scott", "Scott", (0, 1)))));
    assert!(!speaker_right(&g, None));
}

#[test]
fn cli_table_and_json() {
    let (code, out, _) = bin(&[
        "eval",
        "--gold",
        "tests/fixtures/eval/gold.jsonl",
        "tests/fixtures/eval/pred.jsonl",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("detection"), "{out}");
    assert!(out.contains("0.778"), "{out}");

    let (code, out, _) = bin(&[
        "eval",
        "--json",
        "--gold",
        "tests/fixtures/eval/gold.jsonl",
        "tests/fixtures/eval/pred.jsonl",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["detection"]["tp"], 7);
    assert_eq!(v["detection"]["fn"], 2);
    assert_eq!(v["non_speech_reported"], 1);
    // Key order is the declaration order, so scripts and diffs see stable output.
    let keys: Vec<_> = v.as_object().unwrap().keys().take(3).cloned().collect();
    assert_eq!(
        keys,
        [
            "documents",
            "documents_without_prediction",
            "unknown_prediction_documents"
        ]
    );
}

#[test]
fn cli_errors_listing() {
    let (code, out, _) = bin(&[
        "eval",
        "--errors",
        "--gold",
        "tests/fixtures/eval/gold.jsonl",
        "tests/fixtures/eval/pred.jsonl",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<_> = out.lines().filter(|l| l.contains("  speaker: ")).collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(
        lines[0].starts_with("non-speech      a 62..74"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("Officials → Jones"), "{}", lines[1]);
    assert!(
        lines[4].starts_with("miss            d 21..38"),
        "{}",
        lines[4]
    );
}

#[test]
fn cli_kinds_flag() {
    let (code, out, _) = bin(&[
        "eval",
        "--json",
        "--kinds",
        "partial",
        "--gold",
        "tests/fixtures/eval/gold.jsonl",
        "tests/fixtures/eval/pred.jsonl",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["kinds"], serde_json::json!(["partial"]));
    assert_eq!(v["detection"]["tp"], 2);
}

#[test]
fn cli_min_f1_exit_codes() {
    let args = |x: &'static str| {
        vec![
            "eval",
            "--gold",
            "tests/fixtures/eval/gold.jsonl",
            "tests/fixtures/eval/pred.jsonl",
            "--min-f1",
            x,
        ]
    };
    let (code, _, err) = bin(&args("0.8"));
    assert_eq!(code, 1);
    assert!(err.contains("below"), "{err}");
    let (code, _, _) = bin(&args("0.7"));
    assert_eq!(code, 0);
}

#[test]
fn cli_io_and_parse_errors_exit_2() {
    let (code, _, err) = bin(&["eval", "--gold", "tests/fixtures/eval/missing.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.jsonl"), "{err}");
    let (code, _, err) = bin(&["eval", "--gold", "tests/fixtures/eval/bad-gold.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("bad-gold.jsonl:2:"), "{err}");
    let (code, _, _) = bin(&["eval"]);
    assert_eq!(code, 2);
}

#[test]
fn cli_eval_without_predictions_runs_the_extractor() {
    // Whatever the extractor finds, every gold document gets a prediction record.
    let (code, out, _) = bin(&["eval", "--json", "--gold", "tests/fixtures/eval/gold.jsonl"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"], 4);
    assert_eq!(v["documents_without_prediction"], 0);
}

#[test]
fn diff_library_totals() {
    let old = read_documents(&fixture("old.jsonl")).unwrap();
    let new = read_documents(&fixture("new.jsonl")).unwrap();
    let d = whosaid::eval::diff::diff(&old, &new);
    let t = &d.totals;
    assert_eq!(
        (t.documents, t.documents_changed, t.old_quotes, t.new_quotes),
        (4, 4, 10, 11)
    );
    assert_eq!(
        (
            t.gained,
            t.lost,
            t.reattributed,
            t.rule_changed,
            t.kind_changed
        ),
        (2, 1, 1, 1, 1)
    );
    assert_eq!(d.documents[3].missing_in.as_deref(), Some("old"));
    // Same input twice: nothing changes.
    let same = whosaid::eval::diff::diff(&old, &old);
    assert!(same.documents.is_empty());
    assert_eq!(same.totals.gained + same.totals.lost, 0);
}

#[test]
fn cli_diff_lines() {
    let (code, out, _) = bin(&[
        "diff",
        "tests/fixtures/eval/old.jsonl",
        "tests/fixtures/eval/new.jsonl",
    ]);
    assert_eq!(code, 0);
    let changes: Vec<_> = out
        .lines()
        .filter(|l| l.starts_with(['+', '-', '~']))
        .collect();
    assert_eq!(changes.len(), 5, "{out}");
    assert!(changes[0].starts_with("~ a 13..45"), "{}", changes[0]);
    assert!(changes[0].contains("Smith → Jones"));
    assert!(changes[0].contains("R1 → R6"));
    assert!(changes[1].starts_with("- a 62..74"));
    assert!(changes[2].contains("partial → direct"));
    assert!(out.contains("gained: 2  lost: 1  re-attributed: 1  rule changed: 1  kind changed: 1"));

    let (code, out, _) = bin(&[
        "diff",
        "--json",
        "tests/fixtures/eval/old.jsonl",
        "tests/fixtures/eval/new.jsonl",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["totals"]["gained"], 2);
    assert_eq!(v["documents"][0]["changes"][0]["change"], "changed");
}

// guards: two predicted fragments inside one gold reported clause are one hit and one
// uncounted fragment, never a false positive; a fragment outside it still is one.
#[test]
fn extra_fragments_inside_a_found_partial_are_not_false_positives() {
    let text = "Cruz called Trump a \"liar\" and a \"bully\" on Monday. Later he \"left\".";
    let line = serde_json::json!({
        "id": "f",
        "text": text,
        "quotes": [{"start": 12, "end": 41, "text": &text[12..41], "kind": "mixed",
                    "speaker": "Cruz", "speaker_spans": [], "optional": false}],
    })
    .to_string();
    let gold = vec![parse_gold_line(&line).unwrap()];
    let quote = |s: usize, e: usize| unattributed(text, s..e, QuoteKind::Partial);
    let doc = document(vec![quote(21, 25), quote(34, 39), quote(62, 66)]);
    let s = evaluate(&gold, &[doc], &EvalOptions::default()).summary;
    assert_eq!((s.detection.tp, s.detection.fp, s.detection.fn_), (1, 1, 0));
    assert_eq!(s.fragments_of_found, 1);
}

// guards: a quote's lead (the part of its content before an interrupting attribution) is
// scored as a prediction of its own: it finds the gold's first part, and counts as a false
// positive where the gold has no such part.
#[test]
fn a_lead_is_scored_as_a_prediction_of_its_own() {
    let text = "The plan, a source said, is to cut taxes. The vote, an aide said, is off.";
    let line = serde_json::json!({
        "id": "f",
        "text": text,
        "quotes": [
            {"start": 0, "end": 8, "text": &text[0..8], "kind": "indirect",
             "speaker": "a source", "speaker_spans": [], "optional": false},
            {"start": 24, "end": 40, "text": &text[24..40], "kind": "indirect",
             "speaker": "a source", "speaker_spans": [], "optional": false},
            {"start": 66, "end": 72, "text": &text[66..72], "kind": "indirect",
             "speaker": "an aide", "speaker_spans": [], "optional": false},
        ],
    })
    .to_string();
    let gold = vec![parse_gold_line(&line).unwrap()];
    let quote = |s: usize, e: usize, lead: std::ops::Range<usize>| whosaid::output::Quote {
        lead: Some(whosaid::output::Part {
            text: text[lead.clone()].to_string(),
            span: span(lead.clone()),
            byte_span: span(lead),
        }),
        ..unattributed(text, s..e, QuoteKind::Indirect)
    };
    let doc = document(vec![quote(24, 40, 0..8), quote(66, 72, 42..50)]);
    let s = evaluate(&gold, &[doc], &EvalOptions::default()).summary;
    // "The plan" and both texts are found; the second lead, "The vote", is no gold part.
    assert_eq!((s.detection.tp, s.detection.fp, s.detection.fn_), (3, 1, 0));
}

fn span(r: std::ops::Range<usize>) -> Span {
    Span {
        start: r.start,
        end: r.end,
    }
}

/// A predicted quote of `text[r]` (ASCII, so code points and bytes agree) with no speaker.
fn unattributed(text: &str, r: std::ops::Range<usize>, kind: QuoteKind) -> whosaid::output::Quote {
    whosaid::output::Quote {
        text: text[r.clone()].to_string(),
        kind,
        class: whosaid::output::QuoteClass::Speech,
        span: span(r.clone()),
        byte_span: span(r),
        lead: None,
        sentence: 0,
        speaker: None,
        cue: None,
        rule: None,
        confidence: 0.5,
    }
}

/// The prediction for the gold document "f".
fn document(quotes: Vec<whosaid::output::Quote>) -> whosaid::output::Document {
    whosaid::output::Document {
        id: "f".into(),
        schema_version: whosaid::output::SCHEMA_VERSION,
        meta: None,
        quotes,
        speakers: vec![],
        non_speech: None,
    }
}

// guards: gold kept apart from its texts (`--texts`) scores the same as gold that holds them.
#[test]
fn cli_texts_fill_in_gold_without_text() {
    let dir = std::env::temp_dir().join(format!("whosaid-eval-texts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gold = std::fs::read_to_string("tests/fixtures/eval/gold.jsonl").unwrap();
    let (mut bare, mut texts) = (String::new(), String::new());
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let mut doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = doc.as_object_mut().unwrap().remove("text").unwrap();
        texts += &serde_json::json!({"id": doc["id"], "text": text, "url": "u"}).to_string();
        texts.push('\n');
        bare += &doc.to_string();
        bare.push('\n');
    }
    let (bare_path, texts_path) = (dir.join("bare.jsonl"), dir.join("texts.jsonl"));
    std::fs::write(&bare_path, bare).unwrap();
    std::fs::write(&texts_path, texts).unwrap();
    let pred = "tests/fixtures/eval/pred.jsonl";
    let (code, whole, _) = bin(&[
        "eval",
        "--json",
        "--gold",
        "tests/fixtures/eval/gold.jsonl",
        pred,
    ]);
    assert_eq!(code, 0);
    let (code, apart, _) = bin(&[
        "eval",
        "--json",
        "--gold",
        bare_path.to_str().unwrap(),
        "--texts",
        texts_path.to_str().unwrap(),
        pred,
    ]);
    assert_eq!(code, 0);
    assert_eq!(whole, apart);
    // Without the texts, the message says what is missing.
    let (code, _, err) = bin(&["eval", "--gold", bare_path.to_str().unwrap(), pred]);
    assert_eq!(code, 2);
    assert!(err.contains("no --texts file"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

// guards: `eval --include speech` leaves predictions of other classes out of the score; the
// default counts every class.
#[test]
fn cli_include_filters_predictions_by_class() {
    let dir = std::env::temp_dir().join(format!("whosaid-eval-include-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = "Lee opposes the toll on the bridge.";
    let gold = serde_json::json!({"id": "f", "text": text, "quotes": []});
    let mut stance = unattributed(text, 12..34, QuoteKind::Indirect);
    stance.class = whosaid::output::QuoteClass::Stance;
    let (gold_path, pred_path) = (dir.join("gold.jsonl"), dir.join("pred.jsonl"));
    std::fs::write(&gold_path, gold.to_string() + "\n").unwrap();
    let pred = serde_json::to_string(&document(vec![stance])).unwrap();
    std::fs::write(&pred_path, pred + "\n").unwrap();
    let fp = |extra: &[&str]| {
        let mut args = vec![
            "eval",
            "--json",
            "--exhaustive",
            "--gold",
            gold_path.to_str().unwrap(),
            pred_path.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let (code, out, err) = bin(&args);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["detection"]["fp"].as_u64().unwrap()
    };
    assert_eq!(fp(&[]), 1);
    assert_eq!(fp(&["--include", "speech"]), 0);
    assert_eq!(fp(&["--include", "stance"]), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}
