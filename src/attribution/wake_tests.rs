//! Tests of the wake declarations of the rules (`Rule::wake`, src/attribution/rule.rs): a
//! rule is asked only about the sentences that hold its words, and skipping the others
//! changes no finding (each rule alone on its fixtures, all rules on every fixture, the
//! corpus and invented documents, compared with every rule awake).

use std::cell::Cell;
use std::path::Path;

use crate::attribution::context::{mark, Context};
use crate::attribution::finding::{Finding, IndirectFinding};
use crate::attribution::rule::{
    declare_rule, indirect_when_awake, with_all_awake, Rule, RuleInfo, Wake,
};
use crate::attribution::rules::{indirect_of, RULES};
use crate::lexicon::class::{CUE_INDIRECT, STANCE_VERB};
use crate::output::Classes;
use crate::Config;

/// The context the pipeline builds for `text` (without its normalised view).
fn context_of(text: &str) -> Context<'_> {
    Context::analyse(text, indirect_of)
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
    let all = with_all_awake(|| serde_json::to_string(&crate::extract("t", text, config))).unwrap();
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

/// A verb that speaks only with its particle ("shot back", "cut in") is a cue of its
/// sentence although no list holds it: a rule woken by cues is asked about that sentence.
#[test]
fn a_cue_made_by_its_particle_wakes_the_rules_of_cues() {
    let text = "Ines Dahl shot back that the harbour plan was dead. The ferry ran late.";
    let ctx = context_of(text);
    let s = (0..ctx.sentences.len())
        .find(|&s| ctx.text[ctx.sentences[s].clone()].contains("shot back"))
        .expect("the sentence");
    let shot = (0..ctx.tokens.len())
        .find(|&t| ctx.word(t) == "shot")
        .expect("the verb");
    assert!(ctx.is_cue(shot), "the particle makes \"shot\" a cue");
    assert!(Wake::words(crate::lexicon::class::CUE).wakes(ctx.sentence_words(s)));
}

/// Whether each sentence of `text` wakes the built-in pattern `id`.
fn woken_by_pattern(id: &str, text: &str) -> Vec<bool> {
    let pattern = crate::attribution::patterns::builtin()
        .iter()
        .find(|p| p.id() == id)
        .expect("a built-in pattern");
    let ctx = context_of(text);
    (0..ctx.sentences.len())
        .map(|s| pattern.wake().wakes(ctx.sentence_words(s)))
        .collect()
}

/// An indirect pattern whose every template needs a cue that reports (`$CUE{@report}`)
/// sleeps in a sentence without one, as a rule in Rust woken by `CUE_INDIRECT` does.
#[test]
fn an_indirect_pattern_wakes_by_its_cue_class() {
    let text =
        "The bridge, the mayor said, will reopen in May. The bridge, built in 1931, will reopen.";
    assert_eq!(woken_by_pattern("IND005", text), [true, false]);
}

/// A pattern whose trigger is a colon and that reads only the first sentence of a line
/// wakes by those marks.
#[test]
fn a_pattern_wakes_by_its_colon_at_a_line_start() {
    let text = "Okafor: Bridge Will Reopen\n\nThe plan: reopen it. Ray spoke: the ferry runs.\n\nThe ferry runs.";
    assert_eq!(woken_by_pattern("IND008", text), [true, true, false, false]);
}
