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
pub mod ind005_parenthetical_name_cue;
pub mod ind006_stance_verb;
pub mod ind007_participle_clause;
pub mod ind008_headline_colon;
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
    Slot::Code(&ind005_parenthetical_name_cue::ParentheticalNameCue),
    Slot::Code(&ind006_stance_verb::StanceVerb),
    Slot::Code(&ind007_participle_clause::ParticipleClause),
    Slot::Code(&ind008_headline_colon::HeadlineColon),
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
    use std::cell::Cell;
    use std::collections::HashSet;
    use std::path::Path;

    use crate::attribution::context::{mark, Context};
    use crate::attribution::finding::Finding;
    use crate::attribution::rule::{declare_rule, indirect_when_awake, with_all_awake, Wake};
    use crate::lexicon::class::{CUE_INDIRECT, STANCE_VERB};
    use crate::mentions::Mentions;
    use crate::output::Classes;
    use crate::Config;

    /// The context the pipeline builds for `text` (without its normalised view).
    fn context_of(text: &str) -> Context<'_> {
        let lexed = crate::text::tokens::lex(text);
        let sentences = crate::sentences::split_lexed(text, &lexed);
        let passages = crate::quotes::scan_lexed(text, &lexed);
        let tokens = lexed.tokens;
        let quoted: Vec<_> = passages
            .iter()
            .filter(|p| p.depth == 0)
            .map(|p| p.open.start..p.close.as_ref().map_or(p.content.end, |c| c.end))
            .collect();
        let words = crate::lexicon::words_of(text, &tokens);
        let mentions = Mentions::find(text, &tokens, &words, &quoted);
        Context::new(
            text,
            tokens,
            words,
            sentences,
            passages,
            mentions,
            indirect_of,
        )
    }

    declare_rule! {
        /// # TST001 counting
        /// A rule for the tests of the driver: it reports every sentence it is asked about
        /// and counts the times it is asked.
        pub struct Counting { id: "TST001", name: "counting", phase: Indirect }
    }

    thread_local! {
        static ASKED: Cell<usize> = const { Cell::new(0) };
        static WAKE: Cell<Option<Wake>> = const { Cell::new(None) };
    }

    impl Rule for Counting {
        fn wake(&self) -> Wake {
            WAKE.with(Cell::get).unwrap_or(Wake::ALWAYS)
        }

        fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
            ASKED.with(|a| a.set(a.get() + 1));
            Some(IndirectFinding {
                content: ctx.sentences[s].clone(),
                lead: None,
                finding: Finding {
                    speaker: None,
                    cue: None,
                    confidence: 1.0,
                },
                verbatim: false,
            })
        }
    }

    /// The sentences of `text` the counting rule, woken by `wake`, is asked about (by
    /// their first word), and how many times it is asked.
    fn asked(text: &str, wake: Wake) -> (Vec<&str>, usize) {
        WAKE.with(|w| w.set(Some(wake)));
        ASKED.with(|a| a.set(0));
        let ctx = context_of(text);
        let mut out = Vec::new();
        for s in 0..ctx.sentences.len() {
            indirect_when_awake(&Counting, &ctx, s, &mut out);
        }
        let firsts = out
            .iter()
            .map(|f| text[f.content.clone()].split(' ').next().unwrap_or(""))
            .collect();
        (firsts, ASKED.with(Cell::get))
    }

    #[test]
    fn a_rule_is_asked_only_about_the_sentences_that_wake_it() {
        let text = "Roads reopened. Traffic was light: few cars came. Officials said the bridge \
                    would reopen.\nResidents: the detour is too long.\nThe council backs the \
                    plan. It meets Monday.";
        let every = vec!["Roads", "Traffic", "Officials", "Residents:", "The", "It"];
        // Without a declaration, every sentence.
        assert_eq!(asked(text, Wake::ALWAYS), (every.clone(), 6));
        // A cue that reports speech: "said" only.
        assert_eq!(
            asked(text, Wake::words(CUE_INDIRECT)),
            (vec!["Officials"], 1)
        );
        assert_eq!(asked(text, Wake::words(STANCE_VERB)), (vec!["The"], 1));
        // A colon; a colon in a sentence that starts a line; a whole line.
        assert_eq!(
            asked(text, Wake::marks(mark::COLON)),
            (vec!["Traffic", "Residents:"], 2)
        );
        assert_eq!(
            asked(text, Wake::marks(mark::COLON).and(mark::LINE_START)),
            (vec!["Residents:"], 1)
        );
        assert_eq!(
            asked(text, Wake::marks(mark::LINE)),
            (vec!["Residents:"], 1)
        );
        // The test switch wakes every rule.
        assert_eq!(
            with_all_awake(|| asked(text, Wake::marks(mark::COLON))),
            (every, 6)
        );
    }

    /// The texts of the rule fixtures (`tests/rules/`), as the fixture runner reads them,
    /// with the rules each runs alongside.
    fn fixture_texts(path: &Path) -> (Vec<String>, Vec<String>) {
        let source = std::fs::read_to_string(path).unwrap();
        let mut with = Vec::new();
        let mut texts = Vec::new();
        for line in source.lines().map(str::trim) {
            if let Some(ids) = line.strip_prefix("@with:") {
                with.extend(ids.split(',').map(|id| id.trim().to_string()));
            } else if !line.is_empty() && !line.starts_with('#') {
                let text = line.split(" => ").next().unwrap_or(line);
                texts.push(unescape(text));
            }
        }
        (with, texts)
    }

    /// A fixture line's text: `\\n` a newline, `\\\\` a backslash.
    fn unescape(line: &str) -> String {
        let mut out = String::with_capacity(line.len());
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('\\') => out.push('\\'),
                Some(other) => out.extend(['\\', other]),
                None => out.push('\\'),
            }
        }
        out
    }

    /// Every `.txt` file under `dir`.
    fn texts_under(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                texts_under(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    /// Asserts that `text` gives the same output with the rules woken by their words as
    /// with every rule asked about every sentence.
    fn same_awake_or_not(text: &str, config: &Config, what: &str) {
        let woken = serde_json::to_string(&crate::extract("t", text, config)).unwrap();
        let all =
            with_all_awake(|| serde_json::to_string(&crate::extract("t", text, config))).unwrap();
        assert_eq!(woken, all, "{what}: waking changes the output of {text:?}");
    }

    #[test]
    fn wakes_are_necessary_conditions_of_every_finding() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let all_classes = |only: Option<Vec<String>>| Config {
            include: Classes::ALL,
            only_rules: only,
            ..Config::default()
        };
        let mut every_text = Vec::new();
        // Each rule with a wake alone on its own fixture (no other rule's finding hides a
        // difference), then every rule on every fixture.
        for r in RULES.iter().filter(|r| r.wake() != Wake::ALWAYS) {
            let (with, texts) =
                fixture_texts(&root.join("tests/rules").join(format!("{}.txt", r.id())));
            assert!(texts.len() >= 5, "{}: {} cases", r.id(), texts.len());
            let only: Vec<String> = std::iter::once(r.id().to_string()).chain(with).collect();
            for text in &texts {
                same_awake_or_not(text, &all_classes(Some(only.clone())), r.id());
            }
        }
        for entry in std::fs::read_dir(root.join("tests/rules")).unwrap() {
            every_text.extend(fixture_texts(&entry.unwrap().path()).1);
        }
        texts_under(&root.join("corpus"), &mut every_text);
        // Line starts the wakes read from tokens, and the rules from the text: indented
        // lines, CRLF line ends, a line of spaces between paragraphs.
        every_text.extend(
            [
                "Dr. Ada Moss studies ice.\n\n  LEHTO: Why ice?\n\n\tMOSS: Because it moves. It \
                 always has.",
                "Ada Moss studies ice.\r\n\r\nLEHTO: Why ice?\r\n \r\nMOSS: Because it moves.",
                "Q: How did you start?\n   A: By accident, one winter.\nThe lab opened later.",
                "   Senator Ray: The levy will pass this spring\nThe vote is on Friday.",
                "  Mayor Vows Bridge Will Reopen\n\nThe bridge closed in May.",
                "WASHINGTON (AP) — Officials Say The Bridge Will Reopen\nIt closed in May.",
            ]
            .map(String::from),
        );
        for text in &every_text {
            same_awake_or_not(text, &all_classes(None), "all rules");
        }
    }

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
