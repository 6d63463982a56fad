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

pub mod context;
pub mod gate;
pub mod np;
pub mod rules;

use std::cell::OnceCell;
use std::ops::Range;

pub use context::{Candidate, Context};
use np::{NpKind, SpeakerNp};

use crate::mentions::lexicon::{lexicon, CueClass};
use crate::output::QuoteClass;

/// When a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// On each quote, looking at the quote's sentence only; before the non-speech checks.
    Adjacent,
    /// On quotes no adjacent rule attributed, with the document's earlier decisions.
    Context,
    /// On sentences without quotes: finds indirect speech.
    Indirect,
    /// On the pieces of a quotation that runs over several paragraphs or pieces, once the
    /// other rules have decided: `history` holds the decided pieces of the same quotation
    /// (at most [`MAX_QUOTATION_PIECES`] on each side of the candidate, itself included).
    Quotation,
}

/// Most pieces of a quotation on each side of a piece that a [`Phase::Quotation`] rule is
/// shown: a long quotation costs linear time, and its speaker is rarely further away.
pub const MAX_QUOTATION_PIECES: usize = 16;

/// A speaker resolved to a name.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedSpeaker {
    /// Canonical name (for an unresolved pronoun or a description, the mention itself).
    pub name: String,
    /// Byte range of the mention that decided it.
    pub mention: Range<usize>,
    /// Token range of the mention.
    pub tokens: Range<usize>,
    /// What kind of phrase the mention is.
    pub kind: NpKind,
    /// The person entity, when known.
    pub entity: Option<usize>,
}

/// Sentences before a pronoun's own searched for the person it refers to by
/// `Context::subject_antecedent`.
pub const MAX_SUBJECT_SENTENCES: usize = 2;

/// What a rule found for one quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The speaker, if the rule names one.
    pub speaker: Option<ResolvedSpeaker>,
    /// Byte range of the cue.
    pub cue: Option<Range<usize>>,
    /// How sure the rule is, in [0, 1].
    pub confidence: f64,
}

/// Indirect speech found by an [`Phase::Indirect`] rule.
#[derive(Debug, Clone, PartialEq)]
pub struct IndirectFinding {
    /// Byte range of the reported content.
    pub content: Range<usize>,
    /// Byte range of the content's part before its attribution, when the attribution
    /// interrupts it ("The plan, a source said, is to …": "The plan"); `content` is then
    /// the part after it.
    pub lead: Option<Range<usize>>,
    /// Speaker and cue.
    pub finding: Finding,
    /// True for speech set out verbatim without quote marks (a transcript turn). Its kind
    /// is still `indirect` (the schema's kinds follow the quote marks); it holds its whole
    /// paragraph, so other indirect findings inside it are dropped.
    pub verbatim: bool,
}

/// A piece of speech already decided, for the context rules.
#[derive(Debug, Clone)]
pub struct Decided {
    /// Byte range of the content.
    pub content: Range<usize>,
    /// Byte range of the whole item (marks included).
    pub outer: Range<usize>,
    /// Its speaker.
    pub speaker: Option<ResolvedSpeaker>,
    /// Byte range of its cue, when the rule read one.
    pub cue: Option<Range<usize>>,
    /// The rule that decided it.
    pub rule: &'static str,
    /// The confidence of that decision (0 for speech no rule attributed).
    pub confidence: f64,
    /// Its words, lower-cased, for the rules that compare wording: computed on first use
    /// and kept, since only the rules for still undecided passages ever read them.
    pub words: OnceCell<LowerWords>,
}

impl Decided {
    /// The words of its content in `text`, lower-cased (see [`lowercase_words`]).
    pub fn words(&self, text: &str) -> &LowerWords {
        self.words
            .get_or_init(|| lowercase_words(&text[self.content.clone()]))
    }
}

/// Words lower-cased into one buffer: two allocations per passage instead of one per word.
#[derive(Debug, Clone, Default)]
pub struct LowerWords {
    /// The text lower-cased in ASCII, then the non-ASCII words lower-cased in full.
    buf: String,
    /// Each word's range in `buf`.
    spans: Vec<Range<usize>>,
}

impl LowerWords {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Word `i`.
    pub fn get(&self, i: usize) -> &str {
        &self.buf[self.spans[i].clone()]
    }
}

/// Number of [`lowercase_words`] of a text, counting no further than `max`.
pub fn word_count(text: &str, max: usize) -> usize {
    WordRuns::new(text).take(max).count()
}

/// The words of a text, lower-cased: runs of letters and digits.
pub fn lowercase_words(text: &str) -> LowerWords {
    // The whole text lower-cased in ASCII at once (a vectorised pass): an ASCII word is then
    // the same range of the copy, with no copy of its own.
    let mut buf = text.to_ascii_lowercase();
    // About one word per five bytes of prose: growing the list word by word cost more than
    // the words themselves.
    let mut spans = Vec::with_capacity(text.len() / 5 + 1);
    for (range, ascii) in WordRuns::new(text) {
        if ascii {
            spans.push(range);
        } else {
            // Each word on its own, as `str::to_lowercase` treats a final sigma by its
            // context; the ASCII case above gives the same string without the tables.
            let start = buf.len();
            buf.push_str(&text[range].to_lowercase());
            spans.push(start..buf.len());
        }
    }
    LowerWords { buf, spans }
}

/// The maximal runs of letters and digits ([`crate::text::is_alnum`]) of a text, as byte
/// ranges with whether the run is all ASCII: the non-empty pieces of
/// `text.split(|c| !is_alnum(c))`, found a byte at a time where the text is ASCII.
struct WordRuns<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> WordRuns<'t> {
    fn new(text: &'t str) -> Self {
        WordRuns { text, at: 0 }
    }

    /// Whether the char at byte `i` (a char boundary before the end) is a letter or a
    /// digit, and its width in bytes.
    #[inline]
    fn alnum_at(&self, i: usize) -> (bool, usize) {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            return (b.is_ascii_alphanumeric(), 1);
        }
        let c = self.text[i..].chars().next().unwrap_or(' ');
        (crate::text::is_alnum(c), c.len_utf8())
    }
}

impl Iterator for WordRuns<'_> {
    type Item = (Range<usize>, bool);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        // Skip to the first letter or digit: ASCII bytes that are neither are passed over
        // a byte at a time, other characters decoded.
        let start = loop {
            self.at += bytes
                .get(self.at..)?
                .iter()
                .position(|b| b.is_ascii_alphanumeric() || !b.is_ascii())?;
            let (alnum, width) = self.alnum_at(self.at);
            if alnum {
                break self.at;
            }
            self.at += width;
        };
        let mut ascii = true;
        loop {
            self.at += bytes[self.at..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - self.at);
            // The end of the text or of the word (an ASCII byte that is no letter or digit).
            if bytes.get(self.at).is_none_or(u8::is_ascii) {
                break;
            }
            let (alnum, width) = self.alnum_at(self.at);
            if !alnum {
                break;
            }
            ascii = false;
            self.at += width;
        }
        Some((start..self.at, ascii))
    }
}

/// Static facts about a rule.
pub trait RuleInfo {
    /// Stable ID, never reused (`ATT001`).
    fn id(&self) -> &'static str;
    /// Kebab-case name that says what it matches.
    fn name(&self) -> &'static str;
    /// The rule's doc comment.
    fn doc(&self) -> &'static str;
    /// When it runs.
    fn phase(&self) -> Phase;
    /// What its findings attribute when their cue does not say otherwise (see
    /// [`finding_class`]).
    fn class(&self) -> QuoteClass;
}

/// An attribution rule.
pub trait Rule: RuleInfo + Sync {
    /// For [`Phase::Adjacent`] and [`Phase::Context`] rules: the speaker of candidate `c`,
    /// given the speech decided earlier in the document (`history`, in text order). For
    /// [`Phase::Quotation`] rules, `history` holds the decided pieces of `c`'s quotation.
    fn attribute(&self, _ctx: &Context, _c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        None
    }

    /// For [`Phase::Indirect`] rules: indirect speech in sentence `s`.
    fn indirect(&self, _ctx: &Context, _s: usize) -> Option<IndirectFinding> {
        None
    }

    /// For [`Phase::Indirect`] rules: every piece of indirect speech in sentence `s`, in the
    /// order found. Rules that report once per sentence keep the default, which gives
    /// [`Rule::indirect`]'s finding.
    fn indirect_all(&self, ctx: &Context, s: usize, out: &mut Vec<IndirectFinding>) {
        out.extend(self.indirect(ctx, s));
    }

    /// What a finding of this rule with cue `cue` (a byte range of `text`) attributes: the
    /// rule's class, refined by the cue ([`class_by_cue`]).
    fn class_of(&self, text: &str, cue: Option<&Range<usize>>) -> QuoteClass {
        class_by_cue(self.class(), text, cue)
    }
}

/// Declares a rule unit: the struct with its doc comment, and [`RuleInfo`] from it.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident { id: $id:literal, name: $kebab:literal, phase: $phase:ident }
    ) => {
        $crate::attribution::declare_rule! {
            $(#[doc = $doc])*
            pub struct $name { id: $id, name: $kebab, phase: $phase, class: Speech }
        }
    };
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal, name: $kebab:literal, phase: $phase:ident, class: $class:ident
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;
        impl $crate::attribution::RuleInfo for $name {
            fn id(&self) -> &'static str { $id }
            fn name(&self) -> &'static str { $kebab }
            fn doc(&self) -> &'static str { concat!($($doc, "\n"),*) }
            fn phase(&self) -> $crate::attribution::Phase { $crate::attribution::Phase::$phase }
            fn class(&self) -> $crate::output::QuoteClass { $crate::output::QuoteClass::$class }
        }
    };
}
pub(crate) use declare_rule;

/// Every rule, in the order the sieve tries them.
pub static RULES: &[&dyn Rule] = &[
    // A quoted transcript turn names its speaker in its label, whatever follows it.
    &rules::att016_quoted_turn::QuotedTurn,
    &rules::att001_quote_name_cue::QuoteNameCue,
    &rules::att002_quote_cue_name::QuoteCueName,
    &rules::att003_name_cue_quote::NameCueQuote,
    &rules::att004_pronoun_cue::PronounCue,
    &rules::att005_in_their_words::InTheirWords,
    &rules::att006_according_to::AccordingTo,
    &rules::att011_quote_dash_name::QuoteDashName,
    &rules::att012_colon_subject::ColonSubject,
    &rules::att007_sentence_cue::SentenceCue,
    &rules::att010_repeats_attributed_words::RepeatsAttributedWords,
    &rules::att008_introduced_before::IntroducedBefore,
    &rules::att009_continues_speaker::ContinuesSpeaker,
    &rules::att013_subject_partial::SubjectPartial,
    // Once every quote is decided, the pieces of one quotation take one speaker.
    &rules::att015_same_quotation::SameQuotation,
    &rules::att017_quotation_after_portrait::QuotationAfterPortrait,
    // A transcript turn ("BANKOLE: …", "A: …") is one speaker's paragraph, whatever verbs
    // it holds; "According to X, …" frames the whole sentence: both go before the verb rules.
    &rules::att014_transcript_turn::TranscriptTurn,
    &rules::ind004_according_to_clause::AccordingToClause,
    // A trailing attribution ("…, the report said") claims its whole clause before IND001
    // reads a verb inside it ("Many found it odd, Ray said"); IND001's reports inside that
    // clause stand beside it, cut at its end.
    &rules::ind003_clause_name_cue::ClauseNameCue,
    &rules::ind001_name_cue_that::NameCueThat,
    &rules::ind002_as_name_cue::AsNameCue,
    &rules::ind005_parenthetical_name_cue::ParentheticalNameCue,
    &rules::ind006_stance_verb::StanceVerb,
    &rules::ind007_participle_clause::ParticipleClause,
    &rules::ind008_headline_colon::HeadlineColon,
    &rules::ind009_asked_question::AskedQuestion,
    &rules::ind010_poll_in::PollIn,
    &rules::ind011_possessive_stance::PossessiveStance,
    &rules::ind013_stance_phrase::StancePhrase,
    &rules::ind014_headline_verb::HeadlineVerb,
    // Hedges and expectations without a source come last: a clause another rule reports
    // is left to it.
    &rules::ind012_unsourced_evidential::UnsourcedEvidential,
];

/// The class of a finding of a rule of class `base` whose cue is the byte range `cue` of
/// `text`: a rule of speech (IND001's "said that", IND003's trailing "…, she said") gives
/// way to its cue's class when the cue is a verb of thinking ("believes", "hopes") or of
/// evidence ("records show", "the study found"); other classes stand.
pub fn class_by_cue(base: QuoteClass, text: &str, cue: Option<&Range<usize>>) -> QuoteClass {
    if base != QuoteClass::Speech {
        return base;
    }
    match cue.and_then(|cue| lexicon().cue_class(cue_head(text, cue))) {
        Some(CueClass::Thought) => QuoteClass::Thought,
        Some(CueClass::Evidential) => QuoteClass::Evidential,
        Some(CueClass::Speech) | None => QuoteClass::Speech,
    }
}

/// The first word of a cue: the verb of one of several words ("pointed out", "according
/// to").
pub fn cue_head<'t>(text: &'t str, cue: &Range<usize>) -> &'t str {
    text[cue.clone()]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

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

impl<'t> Context<'t> {
    /// Resolves a speaker phrase to a name: the entity's canonical name, a pronoun's
    /// antecedent, or the phrase itself.
    pub fn resolve(&self, np: &SpeakerNp) -> ResolvedSpeaker {
        let trimmed = self.without_opener(np);
        let np = trimmed.as_ref().unwrap_or(np);
        let entity = match np.kind {
            NpKind::Name => np.entity,
            // "it said" speaks for an organisation or a document, never for a person.
            NpKind::Pronoun(_) if self.is(np.tokens.start, "it") => None,
            NpKind::Pronoun(g) => self
                .subject_antecedent(np.range.start, g)
                .or_else(|| self.mentions.antecedent(np.range.start, g)),
            NpKind::Description => {
                // "the senator" is the senator named earlier; "a senator" is someone new.
                let definite = self.is(np.tokens.start, "the");
                let head = self.word(np.tokens.end - 1);
                definite
                    .then(|| self.mentions.described(np.range.start, head))
                    .flatten()
            }
            NpKind::Organisation => None,
            // The author of an op-ed or a letter is not named in the text: "I" stays as
            // written and never takes an earlier third person as its antecedent.
            NpKind::FirstPerson => None,
        };
        let name = match entity {
            Some(e) => self.mentions.entities[e].name.clone(),
            None if matches!(np.kind, NpKind::Pronoun(_)) && self.is(np.tokens.start, "it") => self
                .organisation_named_near(np.range.start)
                .unwrap_or_else(|| self.text[np.range.clone()].to_string()),
            None => self.text[np.range.clone()].to_string(),
        };
        ResolvedSpeaker {
            name,
            mention: np.range.clone(),
            tokens: np.tokens.clone(),
            kind: np.kind,
            entity,
        }
    }

    /// The person a pronoun of gender `g` at byte `at` refers to when a sentence close before
    /// it names one: the nearest compatible person named outside quotes before it in its own
    /// sentence, else the first in the sentence before, and so on for
    /// [`MAX_SUBJECT_SENTENCES`] sentences. The first person a sentence names is most often its
    /// subject, and news introduces a speaker as the subject of the sentence before the quote
    /// (`Eswar Prasad, a professor, said the talks had stalled. “…,” he said.`); the nearest
    /// person is often an object or a name in passing (`the president`, `Buckley's
    /// performance`). A person whose name says no gender is compatible with any pronoun.
    fn subject_antecedent(&self, at: usize, g: crate::mentions::lexicon::Gender) -> Option<usize> {
        use crate::mentions::lexicon::Gender;
        use crate::mentions::MentionKind;
        let s = self.sentence_at(at);
        let list = &self.mentions.list;
        // A possessive or an object ("Critics questioned her support") refers past the
        // subject of its own clause: only a subject pronoun looks in its own sentence.
        let subject_pronoun = matches!(
            crate::text::ascii_lower(
                &self.text[at..self.text[at..]
                    .find(|c: char| !c.is_alphabetic())
                    .map_or(self.text.len(), |n| at + n)]
            )
            .as_ref(),
            "he" | "she" | "they"
        );
        let first = usize::from(!subject_pronoun);
        for back in first..=MAX_SUBJECT_SENTENCES.min(s) {
            let sentence = &self.sentences[s - back];
            let end = if back == 0 { at } else { sentence.end };
            let from = list.partition_point(|m| m.range.start < sentence.start);
            let to = list.partition_point(|m| m.range.start < end);
            let persons = list[from..to]
                .iter()
                .filter(|m| m.kind == MentionKind::Person && !m.in_quote)
                .filter_map(|m| m.entity);
            // In the pronoun's own sentence the nearest clause's subject is the nearest
            // person ("Luca tends the vines; Paolo the cellar and, he says, …").
            let persons: Vec<usize> = if back == 0 {
                persons.rev().collect()
            } else {
                persons.collect()
            };
            if let Some(e) = persons.into_iter().find(|&e| {
                let eg = self.mentions.entities[e].gender;
                g == Gender::Unknown || eg == Gender::Unknown || eg == g
            }) {
                return Some(e);
            }
        }
        None
    }

    /// The phrase without a conjunction or subordinator that opens it ("But multiple
    /// friends of the author", "Although representatives of the family"): a speaker finder
    /// that reads back to the start of a clause takes the word in; it is no part of the
    /// speaker. `None` when nothing is to be trimmed.
    fn without_opener(&self, np: &SpeakerNp) -> Option<SpeakerNp> {
        let first = np.tokens.start;
        if np.tokens.len() < 2
            || !self.tokens[first].is_word()
            || !np::opens_clause(&crate::text::ascii_lower(self.word(first)))
        {
            return None;
        }
        let start = (first + 1..np.tokens.end).find(|&t| self.tokens[t].is_word())?;
        Some(SpeakerNp {
            range: self.tokens[start].range.start..np.range.end,
            tokens: start..np.tokens.end,
            kind: np.kind,
            entity: np.entity,
        })
    }

    /// The organisation an "it said" at byte `at` speaks for: the last one named outside
    /// quotes in the same sentence or the one before. None when there is no such name (then
    /// "it" stays as written).
    fn organisation_named_near(&self, at: usize) -> Option<String> {
        let s = self.sentence_at(at);
        let from = self.sentences[s.saturating_sub(1)].start;
        let end = self.mentions.list.partition_point(|m| m.range.start < at);
        self.mentions.list[..end]
            .iter()
            .rev()
            .take_while(|m| m.range.start >= from)
            .find(|m| m.kind == crate::mentions::MentionKind::Organisation && !m.in_quote)
            .map(|m| self.text[m.range.clone()].to_string())
    }

    /// A finding for `np` with cue token range `cue` (inclusive first, exclusive end).
    pub fn finding(&self, np: &SpeakerNp, cue: Range<usize>, confidence: f64) -> Finding {
        let cue_bytes = if cue.is_empty() {
            None
        } else {
            Some(self.tokens[cue.start].range.start..self.tokens[cue.end - 1].range.end)
        };
        Finding {
            speaker: Some(self.resolve(np)),
            cue: cue_bytes,
            confidence,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The words as `str::split` on non-alphanumerics gives them: the oracle for [`WordRuns`].
    fn reference_words(text: &str) -> Vec<String> {
        text.split(|c: char| !crate::text::is_alnum(c))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    fn words_of(text: &str) -> Vec<String> {
        let words = lowercase_words(text);
        (0..words.len()).map(|i| words.get(i).to_string()).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn lowercase_words_split_like_str_split(
            text in "[aZ5 .,'\u{2019}\u{2014}\u{201c}\u{e9}\u{c9}\u{3a3}\u{3c3}\u{3b1}\u{301}-]{0,40}"
        ) {
            proptest::prop_assert_eq!(words_of(&text), reference_words(&text));
            proptest::prop_assert_eq!(word_count(&text, 5), reference_words(&text).len().min(5));
        }

        #[test]
        fn lowercase_words_on_any_string(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(words_of(&text), reference_words(&text));
        }
    }

    #[test]
    fn lowercase_words_keep_a_final_sigma_per_word() {
        assert_eq!(
            words_of("ΟΔΟΣ, Don’t STOP—now"),
            ["\u{3bf}\u{3b4}\u{3bf}\u{3c2}", "don", "t", "stop", "now"]
        );
    }

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
