//! The rules, one file each, and the registry that orders them ([`RULES`]). A rule imports
//! the grammar, the context and the rule trait, never another rule.

pub mod att003_name_cue_quote;
pub mod att007_sentence_cue;
pub mod att008_introduced_before;
pub mod att009_continues_speaker;
pub mod att010_repeats_attributed_words;
pub mod att011_quote_dash_name;
pub mod att012_colon_subject;
pub mod att013_subject_partial;
pub mod att014_transcript_turn;
pub mod att015_same_quotation;
pub mod att016_quoted_turn;
pub mod att017_quotation_after_portrait;
pub mod ind001_name_cue_that;
pub mod ind002_as_name_cue;
pub mod ind003_clause_name_cue;
pub mod ind004_according_to_clause;
pub mod ind006_stance_verb;
pub mod ind007_participle_clause;
pub mod ind011_possessive_stance;
pub mod ind012_unsourced_evidential;
pub mod ind013_stance_phrase;
pub mod ind014_headline_verb;

use std::sync::LazyLock;

use crate::attribution::context::Context;
use crate::attribution::finding::{IndirectFinding, Phase};
use crate::attribution::patterns;
use crate::attribution::rule::{indirect_when_awake, Rule, RuleInfo};

/// A place in the sieve: a rule in Rust, or a built-in pattern (`data/patterns/`) by ID.
enum Slot {
    Code(&'static dyn Rule),
    Pattern(&'static str),
}

/// Every built-in rule, in the order the sieve tries them.
static ORDER: &[Slot] = &[
    // A quoted transcript turn names its speaker in its label, whatever follows it.
    Slot::Code(&att016_quoted_turn::QuotedTurn),
    Slot::Pattern("ATT001"),
    Slot::Pattern("ATT002"),
    Slot::Code(&att003_name_cue_quote::NameCueQuote),
    Slot::Pattern("ATT004"),
    Slot::Pattern("ATT005"),
    Slot::Pattern("ATT006"),
    Slot::Code(&att011_quote_dash_name::QuoteDashName),
    Slot::Code(&att012_colon_subject::ColonSubject),
    Slot::Code(&att007_sentence_cue::SentenceCue),
    Slot::Code(&att010_repeats_attributed_words::RepeatsAttributedWords),
    Slot::Code(&att008_introduced_before::IntroducedBefore),
    Slot::Code(&att009_continues_speaker::ContinuesSpeaker),
    Slot::Code(&att013_subject_partial::SubjectPartial),
    // Once every quote is decided, the pieces of one quotation take one speaker.
    Slot::Code(&att015_same_quotation::SameQuotation),
    Slot::Code(&att017_quotation_after_portrait::QuotationAfterPortrait),
    // A transcript turn ("BANKOLE: …", "A: …") is one speaker's paragraph, whatever verbs
    // it holds; "According to X, …" frames the whole sentence: both go before the verb rules.
    Slot::Code(&att014_transcript_turn::TranscriptTurn),
    Slot::Code(&ind004_according_to_clause::AccordingToClause),
    // A trailing attribution ("…, the report said") claims its whole clause before IND001
    // reads a verb inside it ("Many found it odd, Ray said"); IND001's reports inside that
    // clause stand beside it, cut at its end.
    Slot::Code(&ind003_clause_name_cue::ClauseNameCue),
    Slot::Code(&ind001_name_cue_that::NameCueThat),
    Slot::Code(&ind002_as_name_cue::AsNameCue),
    Slot::Pattern("IND005"),
    Slot::Code(&ind006_stance_verb::StanceVerb),
    Slot::Code(&ind007_participle_clause::ParticipleClause),
    Slot::Pattern("IND008"),
    Slot::Pattern("IND009"),
    Slot::Pattern("IND010"),
    Slot::Code(&ind011_possessive_stance::PossessiveStance),
    Slot::Code(&ind013_stance_phrase::StancePhrase),
    Slot::Code(&ind014_headline_verb::HeadlineVerb),
    // Hedges and expectations without a source come last: a clause another rule reports
    // is left to it.
    Slot::Code(&ind012_unsourced_evidential::UnsourcedEvidential),
];

/// Every built-in rule, in the order the sieve tries them: the rules in Rust and the
/// built-in patterns in their places. A built-in pattern that [`ORDER`] does not name is
/// tried after the built-in rules of its phase, in file order, as a user's pattern is.
pub static RULES: LazyLock<Vec<&'static dyn Rule>> = LazyLock::new(|| {
    let builtin = patterns::builtin();
    let mut rules: Vec<&'static dyn Rule> = ORDER
        .iter()
        .map(|slot| match slot {
            Slot::Code(r) => *r,
            Slot::Pattern(id) => match builtin.iter().find(|p| p.id() == *id) {
                Some(p) => p as &'static dyn Rule,
                // Checked by a test: the order names only patterns that exist.
                None => panic!("the rule order names a built-in pattern {id} that no file holds"),
            },
        })
        .collect();
    for p in builtin {
        if !rules.iter().any(|r| r.id() == p.id()) {
            insert_after_phase(&mut rules, p, |r| r.phase());
        }
    }
    rules
});

/// Puts `rule` after the last rule of its phase in `rules` (at the end when none).
pub(crate) fn insert_after_phase<T>(rules: &mut Vec<T>, rule: T, phase: impl Fn(&T) -> Phase) {
    let p = phase(&rule);
    let at = rules
        .iter()
        .rposition(|r| phase(r) == p)
        .map_or(rules.len(), |i| i + 1);
    rules.insert(at, rule);
}

/// The rule with this ID.
pub fn rule(id: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.id().eq_ignore_ascii_case(id))
}

/// Adds to `out` what the indirect rule with ID `id` finds in sentence `s`: given to every
/// [`Context`], so that one rule asks another without importing it. Nothing for an unknown ID.
pub fn indirect_of(id: &str, ctx: &Context, s: usize, out: &mut Vec<IndirectFinding>) {
    if let Some(r) = rule(id) {
        indirect_when_awake(r, ctx, s, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for r in RULES.iter() {
            assert!(seen.insert(r.id()), "duplicate rule id {}", r.id());
            assert!(r.id().len() == 6, "{}", r.id());
            assert!(r.name().chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }

    #[test]
    fn every_rule_has_the_doc_headings() {
        for r in RULES.iter() {
            for heading in [
                "What it matches",
                "Why",
                "Example",
                "Does not match",
                "Known false positives",
            ] {
                assert!(
                    r.doc().contains(heading),
                    "rule {} lacks the doc heading {heading:?}",
                    r.id()
                );
            }
        }
    }
}
