//! The rules, one file each, and the registry that orders them ([`RULES`]). A rule imports
//! the grammar, the context and the rule trait, never another rule.

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

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use crate::attribution::context::Context;
use crate::attribution::finding::{IndirectFinding, Phase};
use crate::attribution::patterns::{self, parse_file, PatternError, PatternRule};
use crate::attribution::rule::{Rule, RuleInfo};

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
    Slot::Code(&att004_pronoun_cue::PronounCue),
    Slot::Code(&att005_in_their_words::InTheirWords),
    Slot::Code(&att006_according_to::AccordingTo),
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
    Slot::Code(&ind005_parenthetical_name_cue::ParentheticalNameCue),
    Slot::Code(&ind006_stance_verb::StanceVerb),
    Slot::Code(&ind007_participle_clause::ParticipleClause),
    Slot::Code(&ind008_headline_colon::HeadlineColon),
    Slot::Code(&ind009_asked_question::AskedQuestion),
    Slot::Code(&ind010_poll_in::PollIn),
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
fn insert_after_phase<T>(rules: &mut Vec<T>, rule: T, phase: impl Fn(&T) -> Phase) {
    let p = phase(&rule);
    let at = rules
        .iter()
        .rposition(|r| phase(r) == p)
        .map_or(rules.len(), |i| i + 1);
    rules.insert(at, rule);
}

/// Pattern files: each a name for messages and the file's text.
type Files = Vec<(String, String)>;

/// Where a rule of a [`RuleSet`] comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A built-in rule (in Rust or a built-in pattern).
    Builtin,
    /// A pattern of a user's file, added after the built-in rules of its phase.
    Added(String),
    /// A pattern of a user's file that took a built-in rule's place.
    Replaced(String),
}

/// The rules one extraction runs, in order: the built-in ones, or those with a user's
/// patterns added, replacing or disabling some.
pub struct RuleSet {
    rules: Vec<(&'static dyn Rule, Origin)>,
    /// IDs of the built-in rules the user's files disabled.
    disabled: Vec<&'static str>,
    /// The patterns of the user's files, in file order.
    patterns: Vec<&'static PatternRule>,
}

impl std::fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleSet")
            .field(
                "rules",
                &self.rules.iter().map(|(r, _)| r.id()).collect::<Vec<_>>(),
            )
            .field("disabled", &self.disabled)
            .finish()
    }
}

impl RuleSet {
    /// The built-in rules.
    pub fn builtin() -> &'static RuleSet {
        static SET: LazyLock<RuleSet> = LazyLock::new(|| RuleSet {
            rules: RULES.iter().map(|&r| (r, Origin::Builtin)).collect(),
            disabled: Vec::new(),
            patterns: Vec::new(),
        });
        &SET
    }

    /// The built-in rules with the patterns of `files` (each a name for messages and the
    /// file's text): a `pattern` is added after the built-in rules of its phase, a `replace`
    /// takes the place of the rule with its ID, a `disable` line takes rules out. The same
    /// files give the same set, compiled once for the life of the process.
    pub fn with_files(files: &[(String, String)]) -> Result<&'static RuleSet, PatternError> {
        static SETS: LazyLock<Mutex<HashMap<Files, &'static RuleSet>>> =
            LazyLock::new(|| Mutex::new(HashMap::new()));
        if let Some(&set) = SETS.lock().unwrap_or_else(|e| e.into_inner()).get(files) {
            return Ok(set);
        }
        let set: &'static RuleSet = Box::leak(Box::new(RuleSet::build(files)?));
        SETS.lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(files.to_vec(), set);
        Ok(set)
    }

    fn build(files: &[(String, String)]) -> Result<RuleSet, PatternError> {
        let mut rules: Vec<(&'static dyn Rule, Origin)> =
            RULES.iter().map(|&r| (r, Origin::Builtin)).collect();
        let mut disabled = Vec::new();
        let mut patterns = Vec::new();
        for (name, source) in files {
            let file = parse_file(source, name)?;
            let err = |pos: patterns::Pos, message: String| PatternError {
                file: name.clone(),
                line: pos.line,
                column: pos.column,
                message,
            };
            for def in file.patterns {
                let pos = def.pos;
                let existing = rules
                    .iter()
                    .position(|(r, _)| r.id().eq_ignore_ascii_case(&def.id));
                let rule: &'static PatternRule = Box::leak(Box::new(PatternRule::new(def, name)));
                patterns.push(rule);
                match (rule.def.replaces, existing) {
                    (false, Some(i)) => {
                        return Err(err(
                            pos,
                            format!(
                                "{} is already a rule ({}); write `replace {}` to take its place, or choose another ID",
                                rule.id(),
                                rules[i].0.name(),
                                rule.id()
                            ),
                        ))
                    }
                    (true, None) => {
                        return Err(err(
                            pos,
                            format!("no rule {} to replace; `whosaid rules` lists them", rule.id()),
                        ))
                    }
                    (true, Some(i)) => rules[i] = (rule, Origin::Replaced(name.clone())),
                    (false, None) => {
                        insert_after_phase(
                            &mut rules,
                            (rule, Origin::Added(name.clone())),
                            |(r, _)| r.phase(),
                        );
                    }
                }
            }
            for (id, pos) in file.disabled {
                let Some(i) = rules
                    .iter()
                    .position(|(r, _)| r.id().eq_ignore_ascii_case(&id))
                else {
                    return Err(err(
                        pos,
                        format!("no rule {id} to disable; `whosaid rules` lists them"),
                    ));
                };
                disabled.push(rules.remove(i).0.id());
            }
        }
        Ok(RuleSet {
            rules,
            disabled,
            patterns,
        })
    }

    /// The rules, in the order they are tried.
    pub fn rules(&self) -> impl Iterator<Item = &'static dyn Rule> + '_ {
        self.rules.iter().map(|(r, _)| *r)
    }

    /// The patterns of the user's files, in file order (a disabled one included).
    pub fn patterns(&self) -> impl Iterator<Item = &'static PatternRule> + '_ {
        self.patterns.iter().copied()
    }

    /// The rules with where each comes from.
    pub fn entries(&self) -> &[(&'static dyn Rule, Origin)] {
        &self.rules
    }

    /// IDs of the rules the user's files disabled.
    pub fn disabled(&self) -> &[&'static str] {
        &self.disabled
    }

    /// The rule with this ID (any case).
    pub fn rule(&self, id: &str) -> Option<&'static dyn Rule> {
        self.rules().find(|r| r.id().eq_ignore_ascii_case(id))
    }

    /// Checks rule IDs as [`check_rule_ids`] does, against this set.
    pub fn check_ids(&self, ids: &[String]) -> Result<(), String> {
        check_ids_in(self, ids)
    }
}

/// Checks the rule IDs that [`crate::Config::only_rules`] will hold (case-insensitive): an
/// error message when the list is empty, holds an empty ID or an ID no rule has, naming the
/// valid IDs.
pub fn check_rule_ids(ids: &[String]) -> Result<(), String> {
    check_ids_in(RuleSet::builtin(), ids)
}

fn check_ids_in(set: &RuleSet, ids: &[String]) -> Result<(), String> {
    let valid = || {
        let mut all: Vec<&str> = set.rules().map(|r| r.id()).collect();
        all.sort_unstable();
        all.join(", ")
    };
    if ids.iter().all(|id| id.trim().is_empty()) {
        return Err(format!("no rule ID given; the rules are {}", valid()));
    }
    let unknown: Vec<&str> = ids
        .iter()
        .map(|id| id.trim())
        .filter(|id| set.rule(id).is_none())
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
