//! Plain-text rendering of evaluations and diffs, aligned for a terminal.

use std::fmt::Write;

use super::diff::{Change, ChangeKind, DiffReport};
use super::score::{ErrorEntry, Summary};
use crate::output::QuoteKind;

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

fn kinds_list(kinds: &[QuoteKind]) -> String {
    kinds
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// The summary as an aligned table.
pub fn summary_text(s: &Summary) -> String {
    let mut o = String::new();
    // Writing to a String cannot fail, hence the ignored results.
    let _ = writeln!(
        o,
        "documents: {}  (without prediction: {}, predictions for unknown ids: {})",
        s.documents, s.documents_without_prediction, s.unknown_prediction_documents
    );
    let _ = writeln!(
        o,
        "kinds: {}{}",
        kinds_list(&s.kinds),
        if s.exhaustive { "  (exhaustive)" } else { "" }
    );
    let _ = writeln!(
        o,
        "gold quotes: {} ({} optional)  non-speech passages: {}  predictions: {} ({} unjudged indirect, {} more fragments of found quotes)",
        s.gold_quotes,
        s.gold_optional,
        s.gold_non_speech,
        s.predictions,
        s.unjudged_predictions,
        s.fragments_of_found
    );
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{:<12} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}",
        "", "precision", "recall", "F1", "TP", "FP", "FN"
    );
    for (label, p) in [("detection", &s.detection), ("end-to-end", &s.end_to_end)] {
        let _ = writeln!(
            o,
            "{:<12} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}",
            label,
            num(p.precision),
            num(p.recall),
            num(p.f1),
            p.tp,
            p.fp,
            p.fn_
        );
    }
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "attribution accuracy: {}  ({} right of {} judged)",
        num(s.attribution.accuracy),
        s.attribution.right,
        s.attribution.judged
    );
    let _ = writeln!(
        o,
        "non-speech reported:  {} of {}",
        s.non_speech_reported, s.gold_non_speech
    );
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{:<10} {:>7} {:>9} {:>7} {:>7} {:>7}",
        "kind", "gold", "optional", "found", "missed", "recall"
    );
    for k in &s.by_kind {
        let _ = writeln!(
            o,
            "{:<10} {:>7} {:>9} {:>7} {:>7} {:>7}",
            k.kind.as_str(),
            k.gold,
            k.optional,
            k.found,
            k.missed,
            num(k.recall)
        );
    }
    if !s.by_rule.is_empty() {
        let width = s
            .by_rule
            .iter()
            .map(|r| r.rule.chars().count())
            .max()
            .unwrap_or(0)
            .max(4);
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{:<width$} {:>7} {:>7} {:>7} {:>8} {:>7}",
            "rule", "matched", "judged", "right", "accuracy", "FP"
        );
        for r in &s.by_rule {
            let _ = writeln!(
                o,
                "{:<width$} {:>7} {:>7} {:>7} {:>8} {:>7}",
                r.rule,
                r.matched,
                r.judged,
                r.right,
                num(r.accuracy),
                r.false_positives
            );
        }
    }
    o
}

/// One line per error: label, document, span, kind, context, expected → predicted speaker, rule.
pub fn errors_text(errors: &[ErrorEntry]) -> String {
    let mut o = String::new();
    for e in errors {
        let expected = if e.expected.is_empty() {
            "-".to_string()
        } else {
            e.expected.join(" | ")
        };
        let _ = writeln!(
            o,
            "{:<15} {} {}..{} {:<8} |{}|  speaker: {} → {}  rule: {}",
            e.error.as_str(),
            e.doc,
            e.span.start,
            e.span.end,
            e.kind,
            e.context,
            expected,
            e.predicted.as_deref().unwrap_or("-"),
            e.rule.as_deref().unwrap_or("-")
        );
    }
    o
}

fn excerpt(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() > 60 {
        flat.chars().take(59).chain(['…']).collect()
    } else {
        flat
    }
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("-")
}

fn change_line(id: &str, c: &Change) -> String {
    let span = c.span();
    let head = match c.change {
        ChangeKind::Gained => '+',
        ChangeKind::Lost => '-',
        ChangeKind::Changed => '~',
    };
    let mut line = format!(
        "{head} {id} {}..{} {:?}",
        span.start,
        span.end,
        excerpt(&c.text)
    );
    match c.change {
        ChangeKind::Gained => {
            let _ = write!(
                line,
                "  speaker: {}  rule: {}",
                opt(&c.new_speaker),
                opt(&c.new_rule)
            );
        }
        ChangeKind::Lost => {
            let _ = write!(
                line,
                "  speaker: {}  rule: {}",
                opt(&c.old_speaker),
                opt(&c.old_rule)
            );
        }
        ChangeKind::Changed => {
            if c.reattributed {
                let _ = write!(
                    line,
                    "  speaker: {} → {}",
                    opt(&c.old_speaker),
                    opt(&c.new_speaker)
                );
            }
            if c.rule_changed {
                let _ = write!(line, "  rule: {} → {}", opt(&c.old_rule), opt(&c.new_rule));
            }
            if c.kind_changed {
                let kind = |k: Option<QuoteKind>| k.map_or("-", QuoteKind::as_str);
                let _ = write!(line, "  kind: {} → {}", kind(c.old_kind), kind(c.new_kind));
            }
        }
    }
    line
}

/// One line per change, then the totals.
pub fn diff_text(d: &DiffReport) -> String {
    let mut o = String::new();
    for doc in &d.documents {
        if let Some(side) = &doc.missing_in {
            let _ = writeln!(o, "! {} missing in the {side} run", doc.id);
        }
        for c in &doc.changes {
            let _ = writeln!(o, "{}", change_line(&doc.id, c));
        }
    }
    let t = &d.totals;
    let _ = writeln!(
        o,
        "documents: {} ({} changed)  quotes: {} → {}",
        t.documents, t.documents_changed, t.old_quotes, t.new_quotes
    );
    let _ = writeln!(
        o,
        "gained: {}  lost: {}  re-attributed: {}  rule changed: {}  kind changed: {}",
        t.gained, t.lost, t.reattributed, t.rule_changed, t.kind_changed
    );
    o
}
