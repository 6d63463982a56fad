//! Attribution: the ordered sieve of rules that decides who said each quote, and the rules
//! that find indirect speech.
//!
//! Every rule is a unit in `rules/` with a stable ID, a kebab-case name and a doc comment
//! with fixed headings (What it matches / Why / Example / Does not match / Known false
//! positives). [`RULES`] lists them in the order they are tried. Rules of the
//! [`Phase::Adjacent`] phase look only at the quote's own sentence and run first; a quote
//! none of them attributes is then checked for non-speech (titles, scare quotes); the
//! [`Phase::Context`] rules then use the rest of the document (the previous sentence, the
//! previous speaker, earlier quotes). [`Phase::Indirect`] rules find reported speech
//! without quote marks, sentence by sentence.

pub mod arbitration;
pub mod context;
pub mod finding;
pub mod gate;
pub mod grammar;
pub mod patterns;
pub mod rule;
pub mod rules;
pub mod ruleset;
#[cfg(test)]
mod wake_tests;
pub mod words;

pub use context::{Candidate, Context};
pub use finding::{
    Decided, Finding, IndirectFinding, Phase, ResolvedSpeaker, MAX_QUOTATION_PIECES,
    MAX_SUBJECT_SENTENCES,
};
pub use rule::{class_by_cue, cue_head, Rule, RuleInfo};
pub use rules::{rule, RULES};
pub use ruleset::{check_rule_ids, Origin, RuleSet};
pub use words::{lowercase_words, word_count, LowerWords};
