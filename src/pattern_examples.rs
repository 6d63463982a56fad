//! Running the examples of attribution patterns (`whosaid test-patterns`). A pattern's
//! examples are its tests: each example must be attributed by the pattern (with
//! the speaker, quote and cue it states), each counter-example must not. Every example runs
//! through the whole pipeline with only its pattern switched on, so it shows what a user
//! gets: the checks every finding passes (is the speaker a speaker, is the quote speech)
//! apply.

use std::fmt::Write as _;

use crate::attribution::patterns::syntax::{Example, Kind};
use crate::attribution::patterns::PatternRule;
use crate::attribution::rule::RuleInfo;
use crate::attribution::ruleset::RuleSet;
use crate::output::{Classes, Quote};
use crate::Config;

/// What became of one example.
#[derive(Debug, Clone)]
pub struct Outcome<'p> {
    /// The pattern.
    pub rule: &'p PatternRule,
    /// The example.
    pub example: &'p Example,
    /// True for a counter-example (the pattern must not fire).
    pub counter: bool,
    /// What the pattern found in it, if anything.
    pub found: Option<Quote>,
    /// Why it failed; `None` when it passed.
    pub failure: Option<String>,
}

impl Outcome<'_> {
    /// True when the example passed.
    pub fn passed(&self) -> bool {
        self.failure.is_none()
    }
}

/// Runs every example and counter-example of `rule`, within the rules of `set`.
pub fn run<'p>(set: &'static RuleSet, rule: &'p PatternRule) -> Vec<Outcome<'p>> {
    let config = Config {
        explain: false,
        only_rules: Some(vec![rule.id().to_string()]),
        include: Classes::ALL,
        rules: Some(set),
    };
    let found = |text: &str| -> Option<Quote> {
        crate::extract("example", text, &config)
            .quotes
            .into_iter()
            .find(|q| q.rule.as_deref() == Some(rule.id()))
    };
    let mut out = Vec::new();
    for e in &rule.def.examples {
        let q = found(&e.text);
        let failure = match &q {
            None => Some(format!("{} attributes nothing here", rule.id())),
            Some(q) => mismatch(e, q),
        };
        out.push(Outcome {
            rule,
            example: e,
            counter: false,
            found: q,
            failure,
        });
    }
    for e in &rule.def.counters {
        let q = found(&e.text);
        let failure = q.as_ref().map(|q| {
            format!(
                "counter-example, but {} attributes “{}” to {}",
                rule.id(),
                q.text,
                q.speaker.as_ref().map_or("nobody", |s| s.name.as_str())
            )
        });
        out.push(Outcome {
            rule,
            example: e,
            counter: true,
            found: q,
            failure,
        });
    }
    out
}

/// How `q` differs from what example `e` expects.
fn mismatch(e: &Example, q: &Quote) -> Option<String> {
    let mut wrong = Vec::new();
    if let Some(want) = &e.speaker {
        let (name, mention) = q
            .speaker
            .as_ref()
            .map_or(("", ""), |s| (s.name.as_str(), s.mention.as_str()));
        if want != name && want != mention {
            wrong.push(format!("speaker “{want}” expected, found “{name}”"));
        }
    }
    if let Some(want) = &e.quote {
        if *want != q.text {
            wrong.push(format!("quote “{want}” expected, found “{}”", q.text));
        }
    }
    if let Some(want) = &e.cue {
        let cue = q.cue.as_ref().map_or("", |c| c.text.as_str());
        if want != cue {
            wrong.push(format!("cue “{want}” expected, found “{cue}”"));
        }
    }
    (!wrong.is_empty()).then(|| wrong.join("; "))
}

/// The report of `outcomes`, for people: each example's sentence with carets under what
/// the pattern found, then a summary line.
pub fn render(outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        let r = o.rule;
        let what = if o.counter {
            "counter-example"
        } else {
            "example"
        };
        let _ = writeln!(
            out,
            "{} {} {} {}:{}: {what}",
            if o.passed() { "PASS" } else { "FAIL" },
            r.id(),
            r.name(),
            r.file,
            o.example.pos.line
        );
        let _ = writeln!(out, "  | {}", o.example.text);
        if let Some(q) = &o.found {
            let _ = writeln!(
                out,
                "  | {} {}",
                carets(q.span.start, q.span.end, '^'),
                if r.kind == Kind::Direct {
                    "quote"
                } else {
                    "content"
                }
            );
            if let Some(s) = &q.speaker {
                let _ = writeln!(
                    out,
                    "  | {} speaker: {}",
                    carets(s.span.start, s.span.end, '-'),
                    s.name
                );
            }
            if let Some(c) = &q.cue {
                let _ = writeln!(out, "  | {} cue", carets(c.span.start, c.span.end, '~'));
            }
        }
        if let Some(f) = &o.failure {
            let _ = writeln!(out, "  = {f}");
        }
        out.push('\n');
    }
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    let patterns = {
        let mut ids: Vec<&str> = outcomes.iter().map(|o| o.rule.id()).collect();
        ids.dedup();
        ids.len()
    };
    let _ = writeln!(
        out,
        "{} {} of {patterns} {}: {} passed, {failed} failed",
        outcomes.len(),
        plural(outcomes.len(), "example", "examples"),
        plural(patterns, "pattern", "patterns"),
        outcomes.len() - failed,
    );
    out
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Spaces up to character `start`, then `mark` up to `end`.
fn carets(start: usize, end: usize, mark: char) -> String {
    let mut s = " ".repeat(start);
    s.extend(std::iter::repeat_n(mark, end.saturating_sub(start).max(1)));
    s
}
