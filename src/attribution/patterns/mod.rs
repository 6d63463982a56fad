//! Rules as data: attribution patterns written in plain text (`data/patterns/*.pat` for the
//! built-in ones, any file a user gives with `--patterns`), compiled once into programs over
//! tokens.
//!
//! A pattern is a template over slots and word classes: `$QUOTE , $SPEAKER $CUE` reads
//! “…,” Smith said. Direct patterns (holding `$QUOTE`) run with the adjacent rules on each
//! quote, over the words of its sentence; indirect patterns (holding `$CLAUSE`) run with the
//! indirect rules on each sentence, around its quoted speech. Their findings pass the same checks
//! as the built-in rules' (is the speaker a speaker, is the quote speech). The language is
//! described for users in `docs/patterns.md`.

pub mod compile;
pub mod syntax;

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use compile::{find, Match, Program, Window};
pub use syntax::{FileDef, Kind, PatternDef, PatternError, Pos};

/// Reads a pattern file and checks each template (its slots, its repetitions, its size).
/// `file` names it in errors, which give the line and column of the mistake.
pub fn parse_file(source: &str, file: &str) -> Result<FileDef, PatternError> {
    let defs = syntax::read_file(source, file)?;
    for def in &defs.patterns {
        for m in &def.matches {
            compile::check(&m.template, def.kind).map_err(|message| PatternError {
                file: file.to_string(),
                line: m.pos.line,
                column: m.pos.column,
                message,
            })?;
        }
    }
    Ok(defs)
}

use crate::attribution::context::{mark, Candidate, Context};
use crate::attribution::finding::{Decided, Finding, IndirectFinding, Phase};
use crate::attribution::grammar::clause::{
    bytes, indirect_confidence, plain_sentence, sentence_body,
};
use crate::attribution::rule::{Rule, RuleInfo, Wake};
use crate::lexicon::class;
use crate::output::QuoteClass;

/// Most tokens of a sentence an indirect pattern reads: a longer sentence (a list flattened
/// into one, a table) is not read, so that a pattern's memory stays bounded.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Confidence of a direct pattern's finding when its file does not say.
pub const DEFAULT_DIRECT_CONFIDENCE: f64 = 0.9;

/// Confidence of an indirect pattern's finding that names no speaker, when its file does not
/// say: as sure as of a pronoun's.
pub const UNSOURCED_CONFIDENCE: f64 = 0.6;

/// A compiled pattern: a rule like the others.
#[derive(Debug)]
pub struct PatternRule {
    id: &'static str,
    name: &'static str,
    doc: &'static str,
    /// What it reports.
    pub kind: Kind,
    class: QuoteClass,
    /// Its programs, tried in order, each with its confidence.
    programs: Vec<(Program, Option<f64>)>,
    /// For each program, the first program with the same [`Program::scan_scope`]: programs
    /// of one scan group scan a window once.
    scan_groups: Vec<usize>,
    /// The pattern as written.
    pub def: PatternDef,
    /// The file it comes from.
    pub file: String,
}

impl PatternRule {
    /// Compiles a checked definition read from `file`.
    pub fn new(def: PatternDef, file: &str) -> PatternRule {
        let programs: Vec<(Program, Option<f64>)> = def
            .matches
            .iter()
            .map(|m| {
                (
                    compile::compile(&m.template),
                    m.confidence.or(def.confidence),
                )
            })
            .collect();
        let scan_groups = programs
            .iter()
            .enumerate()
            .map(|(i, (p, _))| {
                (0..i)
                    .find(|&j| programs[j].0.scan_scope() == p.scan_scope())
                    .unwrap_or(i)
            })
            .collect();
        PatternRule {
            id: intern(&def.id),
            name: intern(&def.name),
            doc: intern(&doc_of(&def, file)),
            kind: def.kind,
            class: def.class,
            programs,
            scan_groups,
            def,
            file: file.to_string(),
        }
    }
}

impl PatternRule {
    /// `finding` with the pattern's `confidence-unresolved` when its speaker resolves to no
    /// one.
    fn unresolved(&self, mut finding: Finding) -> Finding {
        if let Some(c) = self.def.confidence_unresolved {
            if finding.speaker.as_ref().is_some_and(|s| s.entity.is_none()) {
                finding.confidence = c;
            }
        }
        finding
    }

    /// The match of the first of the pattern's templates that matches in `window`, with
    /// that template's confidence.
    fn first_match(&self, ctx: &Context, window: &Window) -> Option<(Match, Option<f64>)> {
        // Templates of one pattern often share their trigger and sequence: a window is
        // scanned once for them.
        let mut last = None;
        let mut groups = self.programs.iter().zip(&self.scan_groups);
        groups.find_map(|((program, confidence), &group)| {
            if !program.start_may_match(ctx, window) {
                return None;
            }
            let may = match last {
                Some((g, may)) if g == group => may,
                _ => program.scan_may_match(ctx, window),
            };
            last = Some((group, may));
            if !may {
                return None;
            }
            find(ctx, program, window).map(|m| (m, *confidence))
        })
    }
}

impl RuleInfo for PatternRule {
    fn id(&self) -> &'static str {
        self.id
    }
    fn name(&self) -> &'static str {
        self.name
    }
    fn doc(&self) -> &'static str {
        self.doc
    }
    fn phase(&self) -> Phase {
        match self.kind {
            Kind::Direct => Phase::Adjacent,
            Kind::Indirect => Phase::Indirect,
        }
    }
    fn class(&self) -> QuoteClass {
        self.class
    }
}

impl Rule for PatternRule {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        if self.kind != Kind::Direct {
            return None;
        }
        let window = Window {
            before: c.before.clone(),
            after: Some(c.after.clone()),
        };
        let (m, confidence) = self.first_match(ctx, &window)?;
        // A direct template holds its speaker on every way through it (checked).
        let finding = ctx.finding(
            m.speaker.as_ref()?,
            m.cue,
            confidence.unwrap_or(DEFAULT_DIRECT_CONFIDENCE),
        );
        Some(self.unresolved(finding))
    }

    /// An indirect pattern whose every template needs a word of a lexicon class (its
    /// trigger) wakes only for a sentence that holds one.
    fn wake(&self) -> Wake {
        if self.kind != Kind::Indirect {
            return Wake::ALWAYS;
        }
        // The first sentence of a line holds the mark of a line's start.
        let line = if self.def.first_of_line {
            mark::LINE_START
        } else {
            0
        };
        let (mut bits, mut marks) = (0, 0);
        for (program, _) in &self.programs {
            match &program.trigger {
                Some(syntax::Test::Class(syntax::Class::Lexicon(b))) => bits |= b,
                // A cue is a word of the cue list, or a verb with its particle, which the
                // sentence's classes count as one; a cue that reports is in the list.
                Some(syntax::Test::Class(syntax::Class::Speech)) => bits |= class::CUE,
                Some(syntax::Test::Class(syntax::Class::Report)) => bits |= class::CUE_INDIRECT,
                Some(syntax::Test::Punct(':')) => marks |= mark::COLON,
                _ => return Wake::ALWAYS,
            }
        }
        Wake::words(bits).or_marks(marks).and(line)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        if self.kind != Kind::Indirect {
            return None;
        }
        let body = if self.def.without_quotes {
            plain_sentence(ctx, s)?
        } else {
            sentence_body(ctx, s)?
        };
        if body.len() > MAX_SENTENCE_TOKENS {
            return None;
        }
        // The first sentence of a line: at the start of the text or after a line break.
        if self.def.first_of_line
            && body.start > 0
            && ctx.tokens[body.start - 1].kind != crate::text::tokens::TokenKind::Break
        {
            return None;
        }
        let window = Window {
            before: body,
            after: None,
        };
        let (m, confidence) = self.first_match(ctx, &window)?;
        let finding = match &m.speaker {
            Some(np) => self.unresolved(ctx.finding(
                np,
                m.cue.clone(),
                confidence.unwrap_or_else(|| indirect_confidence(np)),
            )),
            None => Finding {
                speaker: None,
                cue: (!m.cue.is_empty()).then(|| bytes(ctx, m.cue.clone())),
                confidence: confidence.unwrap_or(UNSOURCED_CONFIDENCE),
            },
        };
        Some(IndirectFinding {
            content: bytes(ctx, m.clause),
            lead: m.lead.map(|r| bytes(ctx, r)),
            finding,
            verbatim: false,
        })
    }
}

/// Keeps one copy of each distinct string for the life of the process: rule IDs, names
/// and docs are `&'static str` everywhere, and a pattern file read again (a Python caller
/// passing the same file to every call) adds nothing.
fn intern(s: &str) -> &'static str {
    static SEEN: LazyLock<Mutex<HashMap<String, &'static str>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&s) = seen.get(s) {
        return s;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    seen.insert(s.to_string(), leaked);
    leaked
}

/// The doc `whosaid rule ID` prints for a pattern, with the headings of a rule's doc.
fn doc_of(def: &PatternDef, file: &str) -> String {
    let templates: Vec<String> = def
        .matches
        .iter()
        .map(|m| format!("    {}", m.source))
        .collect();
    // What the `sentences` line says, if anything.
    let mut reads = Vec::new();
    if def.first_of_line {
        reads.push("the first sentence of a line");
    }
    if def.without_quotes {
        reads.push("sentences without quote marks");
    }
    let reads = if reads.is_empty() {
        String::new()
    } else {
        format!("\n\nReads only {}.", reads.join(", and only "))
    };
    let mut doc = format!(
        "# {} {}\n\nA pattern of {file} (line {}), {}.\n\n{}{reads}\n\n## What it matches\n{}\n\n## Why\n{}\n\n## Example\n",
        def.id,
        def.name,
        def.pos.line,
        match def.kind {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
        },
        templates.join("\n"),
        or_none(&def.about),
        or_none(&def.why),
    );
    for e in &def.examples {
        doc.push_str(&format!("`{}`", e.text));
        if let Some(s) = &e.speaker {
            doc.push_str(&format!(" → {s}"));
        }
        doc.push('\n');
    }
    doc.push_str("\n## Does not match\n");
    if def.counters.is_empty() {
        doc.push_str("(no counter-example given)\n");
    }
    for e in &def.counters {
        doc.push_str(&format!("`{}`\n", e.text));
    }
    doc.push_str(&format!(
        "\n## Known false positives\n{}\n",
        or_none(&def.false_positives)
    ));
    doc
}

fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "(not stated)"
    } else {
        s
    }
}

/// The built-in pattern files, compiled into the binary.
pub const BUILTIN_FILES: &[(&str, &str)] = &[(
    "data/patterns/builtin.pat",
    include_str!("../../../data/patterns/builtin.pat"),
)];

/// The built-in patterns, compiled once.
pub fn builtin() -> &'static [PatternRule] {
    static BUILTIN: LazyLock<Vec<PatternRule>> = LazyLock::new(|| {
        BUILTIN_FILES
            .iter()
            .flat_map(|(name, source)| {
                // The built-in files are checked by a test; a mistake there is a bug of
                // the build, not of the user's input.
                let file = parse_file(source, name)
                    .unwrap_or_else(|e| panic!("built-in pattern file: {e}"));
                file.patterns
                    .into_iter()
                    .map(|def| PatternRule::new(def, name))
                    .collect::<Vec<_>>()
            })
            .collect()
    });
    &BUILTIN
}
