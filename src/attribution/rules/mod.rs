//! The rules, one file each, and the registry that orders them ([`RULES`]). A rule imports
//! the grammar, the context and the rule trait, never another rule.

pub mod att001_quote_name_cue;
pub mod att002_quote_cue_name;
pub mod att003_name_cue_quote;
pub mod att004_pronoun_cue;
pub mod att005_in_their_words;
pub mod att006_according_to;
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
pub mod ind005_parenthetical_name_cue;
pub mod ind006_stance_verb;
pub mod ind007_participle_clause;
pub mod ind008_headline_colon;
pub mod ind009_asked_question;
pub mod ind010_poll_in;
pub mod ind011_possessive_stance;
pub mod ind012_unsourced_evidential;
pub mod ind013_stance_phrase;
pub mod ind014_headline_verb;

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::rule::Rule;

/// Every rule, in the order the sieve tries them.
pub static RULES: &[&dyn Rule] = &[
    // A quoted transcript turn names its speaker in its label, whatever follows it.
    &att016_quoted_turn::QuotedTurn,
    &att001_quote_name_cue::QuoteNameCue,
    &att002_quote_cue_name::QuoteCueName,
    &att003_name_cue_quote::NameCueQuote,
    &att004_pronoun_cue::PronounCue,
    &att005_in_their_words::InTheirWords,
    &att006_according_to::AccordingTo,
    &att011_quote_dash_name::QuoteDashName,
    &att012_colon_subject::ColonSubject,
    &att007_sentence_cue::SentenceCue,
    &att010_repeats_attributed_words::RepeatsAttributedWords,
    &att008_introduced_before::IntroducedBefore,
    &att009_continues_speaker::ContinuesSpeaker,
    &att013_subject_partial::SubjectPartial,
    // Once every quote is decided, the pieces of one quotation take one speaker.
    &att015_same_quotation::SameQuotation,
    &att017_quotation_after_portrait::QuotationAfterPortrait,
    // A transcript turn ("BANKOLE: …", "A: …") is one speaker's paragraph, whatever verbs
    // it holds; "According to X, …" frames the whole sentence: both go before the verb rules.
    &att014_transcript_turn::TranscriptTurn,
    &ind004_according_to_clause::AccordingToClause,
    // A trailing attribution ("…, the report said") claims its whole clause before IND001
    // reads a verb inside it ("Many found it odd, Ray said"); IND001's reports inside that
    // clause stand beside it, cut at its end.
    &ind003_clause_name_cue::ClauseNameCue,
    &ind001_name_cue_that::NameCueThat,
    &ind002_as_name_cue::AsNameCue,
    &ind005_parenthetical_name_cue::ParentheticalNameCue,
    &ind006_stance_verb::StanceVerb,
    &ind007_participle_clause::ParticipleClause,
    &ind008_headline_colon::HeadlineColon,
    &ind009_asked_question::AskedQuestion,
    &ind010_poll_in::PollIn,
    &ind011_possessive_stance::PossessiveStance,
    &ind013_stance_phrase::StancePhrase,
    &ind014_headline_verb::HeadlineVerb,
    // Hedges and expectations without a source come last: a clause another rule reports
    // is left to it.
    &ind012_unsourced_evidential::UnsourcedEvidential,
];

/// Checks the rule IDs that [`crate::Config::only_rules`] will hold (case-insensitive): an
/// error message when the list is empty, holds an empty ID or an ID no rule has, naming the
/// valid IDs.
pub fn check_rule_ids(ids: &[String]) -> Result<(), String> {
    let valid = || {
        let mut all: Vec<&str> = RULES.iter().map(|r| r.id()).collect();
        all.sort_unstable();
        all.join(", ")
    };
    if ids.iter().all(|id| id.trim().is_empty()) {
        return Err(format!("no rule ID given; the rules are {}", valid()));
    }
    let unknown: Vec<&str> = ids
        .iter()
        .map(|id| id.trim())
        .filter(|id| rule(id).is_none())
        .map(|id| if id.is_empty() { "''" } else { id })
        .collect();
    match unknown.as_slice() {
        [] => Ok(()),
        [one] => Err(format!("unknown rule ID {one}; the rules are {}", valid())),
        many => Err(format!(
            "unknown rule IDs {}; the rules are {}",
            many.join(", "),
            valid()
        )),
    }
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
        r.indirect_all(ctx, s, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.id()), "duplicate rule id {}", r.id());
            assert!(r.id().len() == 6, "{}", r.id());
            assert!(r.name().chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }

    #[test]
    fn every_rule_has_the_doc_headings() {
        for r in RULES {
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
