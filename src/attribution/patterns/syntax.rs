//! Reading a pattern file: its blocks (`pattern`, `replace`, `disable`), their keys, and the
//! template of each `match` line, with the line and column of every mistake.
//!
//! The format is described for users in `docs/patterns.md`; in short:
//!
//! ```text
//! # A comment.
//! pattern HOUSE01 name-tells-colon-quote
//!   kind       direct
//!   match      $SPEAKER{name|org|desc} $CUE{tells|told} _{1,4} : $QUOTE
//!   about      A speaker tells someone, a colon, then the quote.
//!   example    Jones told the crowd at the rally: “We will win.”
//!     speaker  Jones
//!     quote    We will win.
//!   counter    Jones, who told the crowd: “We will win.”
//! disable ATT007
//! ```

use std::fmt;

/// A mistake in a pattern file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// The file, as the user named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for PatternError {}

/// Where something stands in the file: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// What a pattern reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A quoted passage (`$QUOTE`) and its speaker.
    Direct,
    /// Reported speech without quote marks (`$CLAUSE`) and its speaker.
    Indirect,
}

/// One example of a pattern: a sentence it must attribute, and what it must find.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The sentence (or short text).
    pub text: String,
    /// The speaker's name as reported.
    pub speaker: Option<String>,
    /// The quoted passage's text (direct) or the reported content (indirect).
    pub quote: Option<String>,
    /// The cue's text.
    pub cue: Option<String>,
    /// Where the example stands.
    pub pos: Pos,
}

/// A `pattern` or `replace` block, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternDef {
    /// Its ID.
    pub id: String,
    /// Its kebab-case name.
    pub name: String,
    /// True for a `replace` block: it takes the place of the rule with its ID.
    pub replaces: bool,
    /// What it reports.
    pub kind: Kind,
    /// Its templates, in the order they are tried: the first that matches gives the finding.
    pub matches: Vec<MatchLine>,
    /// The class of what it reports (`speech` unless `class` says otherwise).
    pub class: crate::output::QuoteClass,
    /// For an indirect pattern: only sentences without a quote mark (`sentences
    /// without-quotes`), not every sentence.
    pub without_quotes: bool,
    /// For an indirect pattern: only the first sentence of a line (`sentences first-of-line`).
    pub first_of_line: bool,
    /// How sure a finding is, in (0, 1], where the `match` line that found it does not say
    /// (a `confidence` line before the first `match` line).
    pub confidence: Option<f64>,
    /// How sure a finding is when its speaker resolves to no one named in the text (a
    /// pronoun without an antecedent), whatever line found it.
    pub confidence_unresolved: Option<f64>,
    /// What it matches, in words.
    pub about: String,
    /// Why it is right.
    pub why: String,
    /// What it may get wrong.
    pub false_positives: String,
    /// Sentences it must attribute.
    pub examples: Vec<Example>,
    /// Sentences it must not attribute.
    pub counters: Vec<Example>,
    /// Where its header stands.
    pub pos: Pos,
}

/// One `match` line of a pattern, and the `confidence` line that follows it, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchLine {
    /// The template, parsed.
    pub template: Node,
    /// The template as written.
    pub source: String,
    /// Where the template stands (the `match` line's value).
    pub pos: Pos,
    /// How sure a finding of this template is, in (0, 1].
    pub confidence: Option<f64>,
}

/// A whole file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileDef {
    /// Its `pattern` and `replace` blocks, in order.
    pub patterns: Vec<PatternDef>,
    /// The IDs its `disable` lines name, with where each stands.
    pub disabled: Vec<(String, Pos)>,
}

/// A node of a template.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// One token that passes a test.
    Token(Test),
    /// The speaker: a noun phrase of one of these kinds.
    Speaker(SpeakerKinds),
    /// The speaker: the words the inner node matches, read as a description ("in the latest
    /// county poll").
    SpeakerWords(Box<Node>),
    /// The cue: what the inner node matches.
    Cue(Box<Node>),
    /// The quoted passage being attributed.
    Quote,
    /// The reported content: at least three words, no quote mark.
    Clause,
    /// The reported content: what the inner node matches, if it holds at least three words.
    ClauseWords(Box<Node>),
    /// The content's lead: what the inner node matches ("The bridge" of "The bridge, the
    /// mayor said, will reopen"), none when it matches no token.
    Lead(Box<Node>),
    /// Matches no token, and only where none of these sequences of token tests matches the
    /// tokens that follow (`(?! a | an | _ 's)`).
    NotAhead(Vec<Vec<Test>>),
    /// The start of the sentence (or of the words before the quote).
    Start,
    /// The end of the sentence (or of the words after the quote), before its closing
    /// punctuation.
    End,
    /// Words the grammar reads as one piece, skipped if they stand here (none needed).
    Skip(Skip),
    /// One node after another.
    Seq(Vec<Node>),
    /// The first of these that matches.
    Alt(Vec<Node>),
    /// The node repeated, as often as it can (`max` `None`: without bound).
    Repeat {
        /// What is repeated.
        node: Box<Node>,
        /// Fewest times.
        min: u32,
        /// Most times.
        max: Option<u32>,
        /// As few times as lead to a match (`*?`, `{0,9}?`), not as many.
        lazy: bool,
    },
}

/// Most ways a `(?! … )` spells out.
pub const MAX_AHEAD_WAYS: usize = 16;

/// Most tokens of one way of a `(?! … )`.
pub const MAX_AHEAD_TOKENS: usize = 4;

/// The sequences of token tests `node` matches, if it holds tokens only (words, classes,
/// marks, groups and choices of them), in few enough ways of few enough tokens.
fn token_sequences(node: &Node) -> Option<Vec<Vec<Test>>> {
    let ways = match node {
        Node::Token(t) => vec![vec![t.clone()]],
        Node::Seq(items) => {
            let mut ways = vec![Vec::new()];
            for item in items {
                let tails = token_sequences(item)?;
                ways = ways
                    .iter()
                    .flat_map(|w: &Vec<Test>| {
                        tails.iter().map(move |tail| {
                            let mut w = w.clone();
                            w.extend(tail.iter().cloned());
                            w
                        })
                    })
                    .collect();
                if ways.len() > MAX_AHEAD_WAYS {
                    return None;
                }
            }
            ways
        }
        Node::Alt(alts) => {
            let mut ways = Vec::new();
            for alt in alts {
                ways.extend(token_sequences(alt)?);
            }
            ways
        }
        _ => return None,
    };
    (ways.len() <= MAX_AHEAD_WAYS
        && ways
            .iter()
            .all(|w| !w.is_empty() && w.len() <= MAX_AHEAD_TOKENS))
    .then_some(ways)
}

/// What a `~name` item skips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A speaker's appositive (", a senator from Ohio,") or short parenthetical ("(R-Utah)"),
    /// as the built-in rules read one after a name.
    Appositive,
    /// A short parenthetical: "(R-Utah)", "(D-Md.)".
    Parenthetical,
    /// Up to two words that may stand between a speaker and a cue ("also", "later").
    Adverbs,
    /// How a source knows, after its description: "close to the mayor", "familiar with
    /// the plans", "briefed on the talks".
    SourcePostmodifier,
}

/// The `~` items, their names and what they skip, for the docs and error messages.
pub const SKIPS: &[(&str, Skip)] = &[
    ("appositive", Skip::Appositive),
    ("parenthetical", Skip::Parenthetical),
    ("adverbs", Skip::Adverbs),
    ("source-postmodifier", Skip::SourcePostmodifier),
];

/// A test on one token.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// A word, in any case (stored in lower case).
    Word(String),
    /// One punctuation character.
    Punct(char),
    /// Any dash: —, –, ―, or a hyphen standing alone.
    Dash,
    /// A possessive `’s`.
    Possessive,
    /// Any word.
    AnyWord,
    /// Any token at all (the items of `...`).
    AnyToken,
    /// A word that does not pass the test (`!@speech`, `!said`).
    NotWord(Box<Test>),
    /// A token (word or punctuation) that does not pass the test (`!,`: no comma).
    NotToken(Box<Test>),
    /// A word of a class (`@name`).
    Class(Class),
}

/// A class of words a template names with `@`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Words of these lexicon lists (the bits of [`crate::lexicon::class`]).
    Lexicon(u64),
    /// A speech cue as the rules read it (`said`, `told`, `shot back`).
    Speech,
    /// A cue that reports speech (`said`, `argued`), not only introduces a quote.
    Report,
    /// A word that may stand between a speaker and a cue (`also`, `later`, `repeatedly`).
    Adverb,
    /// A word starting with a capital letter.
    Capitalised,
    /// A number.
    Number,
    /// A word of five letters or more ending in "-ing" (a participle: "offering").
    Ing,
    /// The first word of a phrase that describes the one just named, as the rules read one
    /// after an attribution: "who", "which", or a name or description that ends the
    /// sentence or goes on with a comma, "at", "of", "for", "with", "in", "who" or "that"
    /// ("director of the project").
    AppositiveStart,
    /// A word that labels a heading, in any case (`data/heading_labels.txt`: "UPDATE",
    /// "Analysis").
    HeadingLabel,
    /// A word the speaker finder reads as a role noun once lower-cased, in any case
    /// ("Historians", "Poll").
    RoleNounAnyCase,
}

/// Which kinds of noun phrase a `$SPEAKER` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeakerKinds {
    /// A person's or an unknown proper name.
    pub name: bool,
    /// An organisation.
    pub org: bool,
    /// A description ("a campaign spokesman").
    pub desc: bool,
    /// A third-person pronoun.
    pub pronoun: bool,
    /// "I" or "we" in the text's own voice.
    pub first: bool,
    /// A name and the words its possessive governs, before a speech verb ("Powell’s office
    /// said"), read as a description.
    pub possessive: bool,
    /// A plain phrase opened by "the", "a", "an" or "one" that runs up to a speech verb ("the
    /// man shouted"), read where the phrase finder finds no speaker.
    pub generic: bool,
    /// Up to three capitalised words that are no pronoun, read as a name where no other
    /// kind is found ("said Baron", a name the mention finder does not know).
    pub capitalised: bool,
    /// A short run of words naming where something was put out ("the news outlet", "F.A.A.
    /// records"), read as a description where no other kind is found: what "according to"
    /// names after a quote.
    pub source: bool,
    /// A third-person pronoun that owns what follows ("his", "her", "their": "in his
    /// words"), resolved like a subject pronoun.
    pub possessive_pronoun: bool,
    /// A person's name the document knows (resolved to someone it names), not any proper
    /// name.
    pub known_name: bool,
}

impl SpeakerKinds {
    /// Names, organisations and descriptions: what a bare `$SPEAKER` accepts.
    pub const DEFAULT: SpeakerKinds = SpeakerKinds {
        name: true,
        org: true,
        desc: true,
        pronoun: false,
        first: false,
        possessive: false,
        generic: false,
        capitalised: false,
        source: false,
        possessive_pronoun: false,
        known_name: false,
    };

    /// True when only pronouns are asked for (third-person, first-person or possessive).
    pub fn only_pronouns(&self) -> bool {
        (self.pronoun || self.first || self.possessive_pronoun)
            && !(self.name
                || self.known_name
                || self.org
                || self.desc
                || self.possessive
                || self.generic
                || self.capitalised
                || self.source)
    }

    /// True when a kind the phrase finder reads is asked for.
    pub fn wants_phrase(&self) -> bool {
        self.name
            || self.known_name
            || self.org
            || self.desc
            || self.pronoun
            || self.first
            || self.possessive
    }
}

/// The `@` classes, their names and what they are, for the docs and error messages.
pub const CLASSES: &[(&str, &str)] = &[
    (
        "speech",
        "a speech cue as the rules read it (said, told, shot back)",
    ),
    (
        "report",
        "a cue that also reports speech (said, argued, warned)",
    ),
    (
        "adverb",
        "a word between a speaker and a cue (also, later, repeatedly)",
    ),
    ("capitalised", "a word starting with a capital letter"),
    ("number", "a number"),
    (
        "ing",
        "a word of five letters or more ending in -ing (offering, adding)",
    ),
    (
        "appositive_start",
        "the first word of a phrase describing the one just named (who, which, director of …)",
    ),
    (
        "heading_labels",
        "data/heading_labels.txt, in any case (UPDATE, Analysis)",
    ),
    (
        "role_nouns_any_case",
        "a role noun as the speaker finder reads one (data/role_nouns.txt, data/source_nouns.txt, plurals), in any case",
    ),
    ("cues", "data/cues.txt"),
    ("thought_verbs", "data/thought_verbs.txt"),
    ("stance_verbs", "data/stance_verbs.txt"),
    ("stance_nouns", "data/stance_nouns.txt"),
    ("evidential_cues", "data/evidential_cues.txt"),
    (
        "role_nouns",
        "data/role_nouns.txt and data/source_nouns.txt",
    ),
    ("source_nouns", "data/source_nouns.txt"),
    ("speaker_nouns", "data/speaker_nouns.txt"),
    ("titles", "data/titles.txt"),
    ("org_words", "data/org_words.txt"),
    ("places", "data/places.txt"),
    ("given_names", "data/given_names_*.txt"),
    ("function_words", "data/function_words.txt"),
    ("finite_verbs", "data/finite_verbs.txt"),
    ("evidence_nouns", "data/evidence_nouns.txt"),
    ("poll_nouns", "data/poll_nouns.txt"),
    ("question_openers", "data/question_openers.txt"),
];

fn class_named(name: &str) -> Option<Class> {
    use crate::lexicon::class::*;
    Some(match name {
        "speech" => Class::Speech,
        "report" => Class::Report,
        "adverb" => Class::Adverb,
        "capitalised" => Class::Capitalised,
        "number" => Class::Number,
        "ing" => Class::Ing,
        "appositive_start" => Class::AppositiveStart,
        "heading_labels" => Class::HeadingLabel,
        "role_nouns_any_case" => Class::RoleNounAnyCase,
        "cues" => Class::Lexicon(CUE),
        "thought_verbs" => Class::Lexicon(THOUGHT_VERB),
        "stance_verbs" => Class::Lexicon(STANCE_VERB),
        "stance_nouns" => Class::Lexicon(STANCE_NOUN),
        "evidential_cues" => Class::Lexicon(EVIDENTIAL),
        "role_nouns" => Class::Lexicon(ROLE_NOUN | ROLE_PLURAL),
        "source_nouns" => Class::Lexicon(SOURCE_NOUN | SOURCE_PLURAL),
        "speaker_nouns" => Class::Lexicon(SPEAKER_NOUN),
        "titles" => Class::Lexicon(TITLE),
        "org_words" => Class::Lexicon(ORG_WORD),
        "places" => Class::Lexicon(PLACE),
        "given_names" => Class::Lexicon(GIVEN_NAME),
        "function_words" => Class::Lexicon(FUNCTION_WORD),
        "finite_verbs" => Class::Lexicon(FINITE_VERB),
        "evidence_nouns" => Class::Lexicon(EVIDENCE_NOUN),
        "poll_nouns" => Class::Lexicon(POLL_NOUN),
        "question_openers" => Class::Lexicon(QUESTION_OPENER),
        _ => return None,
    })
}

/// Most `match` lines one pattern may hold.
pub const MAX_MATCH_LINES: usize = 8;

/// Most times a counted repetition (`{m,n}`) may repeat.
pub const MAX_COUNT: u32 = 16;

/// Reads a pattern file, without checking what its templates hold (see
/// [`super::parse_file`]). `file` names it in errors.
pub fn read_file(source: &str, file: &str) -> Result<FileDef, PatternError> {
    let err = |line: usize, column: usize, message: String| PatternError {
        file: file.to_string(),
        line,
        column,
        message,
    };
    let mut out = FileDef::default();
    let mut current: Option<Draft> = None;
    for (n, raw) in source.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end();
        let content = line.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.chars().count() - content.chars().count();
        let (key, value, value_col) = split_key(content, indent);
        if indent == 0 {
            if let Some(d) = current.take() {
                out.patterns.push(d.finish(file)?);
            }
            match key {
                "pattern" | "replace" => {
                    let mut words = value.split_whitespace();
                    let (Some(id), Some(name), None) = (words.next(), words.next(), words.next())
                    else {
                        return Err(err(
                            line_no,
                            value_col,
                            format!("expected an ID and a kebab-case name after `{key}`, as in `{key} HOUSE01 name-cue-quote`"),
                        ));
                    };
                    check_id(id).map_err(|m| err(line_no, value_col, m))?;
                    let name_col = value_col + value.find(name).unwrap_or(0);
                    if !name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                        || !name
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        return Err(err(
                            line_no,
                            name_col,
                            format!("expected a kebab-case name (lower-case letters, digits and `-`), found `{name}`"),
                        ));
                    }
                    current = Some(Draft::new(
                        id,
                        name,
                        key == "replace",
                        Pos {
                            line: line_no,
                            column: 1,
                        },
                    ));
                }
                "disable" => {
                    if value.is_empty() {
                        return Err(err(
                            line_no,
                            value_col,
                            "expected the IDs of the rules to disable after `disable`".into(),
                        ));
                    }
                    let mut col = value_col;
                    let mut rest = value;
                    while !rest.is_empty() {
                        let id_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
                        let id = &rest[..id_len];
                        check_id(id).map_err(|m| err(line_no, col, m))?;
                        out.disabled.push((
                            id.to_string(),
                            Pos {
                                line: line_no,
                                column: col,
                            },
                        ));
                        let after = &rest[id_len..];
                        let trimmed = after.trim_start();
                        col += id.chars().count() + (after.len() - trimmed.len());
                        rest = trimmed;
                    }
                }
                _ => {
                    return Err(err(
                        line_no,
                        1,
                        format!("expected `pattern`, `replace` or `disable` at the start of a line, found `{key}` (a pattern's keys are indented)"),
                    ))
                }
            }
            continue;
        }
        let Some(d) = current.as_mut() else {
            return Err(err(
                line_no,
                indent + 1,
                "expected `pattern ID name` before an indented line".into(),
            ));
        };
        let at = Pos {
            line: line_no,
            column: value_col,
        };
        if value.is_empty() {
            return Err(err(
                line_no,
                value_col,
                format!("expected a value after `{key}`"),
            ));
        }
        match key {
            "kind" => {
                d.kind = Some(match value {
                    "direct" => Kind::Direct,
                    "indirect" => Kind::Indirect,
                    _ => {
                        return Err(err(
                            line_no,
                            value_col,
                            format!("expected `direct` or `indirect`, found `{value}`"),
                        ))
                    }
                })
            }
            "match" => {
                if d.matches.len() == MAX_MATCH_LINES {
                    return Err(err(
                        line_no,
                        indent + 1,
                        format!("a pattern has at most {MAX_MATCH_LINES} `match` lines"),
                    ));
                }
                let node = Template::new(value, line_no, value_col, file).parse()?;
                d.matches.push(MatchLine {
                    template: node,
                    source: value.to_string(),
                    pos: at,
                    confidence: None,
                });
            }
            "sentences" => {
                // Conditions on the sentences read, separated by spaces.
                let mut col = value_col;
                for word in value.split(' ') {
                    match word {
                        "any" => {}
                        "without-quotes" => d.without_quotes = true,
                        "first-of-line" => d.first_of_line = true,
                        "" => {}
                        _ => {
                            return Err(err(
                                line_no,
                                col,
                                format!("expected `any`, `without-quotes` or `first-of-line`, found `{word}`"),
                            ))
                        }
                    }
                    col += word.chars().count() + 1;
                }
            }
            "class" => {
                use crate::output::QuoteClass;
                d.class = match value {
                    "speech" => QuoteClass::Speech,
                    "thought" => QuoteClass::Thought,
                    "stance" => QuoteClass::Stance,
                    "evidential" => QuoteClass::Evidential,
                    _ => {
                        return Err(err(
                            line_no,
                            value_col,
                            format!("expected `speech`, `thought`, `stance` or `evidential`, found `{value}`"),
                        ))
                    }
                }
            }
            "confidence" | "confidence-unresolved" => {
                let c: f64 = value.parse().map_err(|_| {
                    err(
                        line_no,
                        value_col,
                        format!("expected a number in (0, 1], found `{value}`"),
                    )
                })?;
                if !(c > 0.0 && c <= 1.0) {
                    return Err(err(
                        line_no,
                        value_col,
                        format!("expected a number in (0, 1], found `{value}`"),
                    ));
                }
                // After a `match` line it is that line's; before any, every line's.
                let slot = match (key, d.matches.last_mut()) {
                    ("confidence-unresolved", _) => &mut d.confidence_unresolved,
                    (_, Some(m)) => &mut m.confidence,
                    (_, None) => &mut d.confidence,
                };
                if slot.is_some() {
                    return Err(err(
                        line_no,
                        indent + 1,
                        if key == "confidence" {
                            "a second `confidence` for the same `match` line (a `confidence` line belongs to the `match` line above it)".into()
                        } else {
                            "a second `confidence-unresolved` line".into()
                        },
                    ));
                }
                *slot = Some(c);
            }
            "about" => push_text(&mut d.about, value),
            "why" => push_text(&mut d.why, value),
            "false-positive" => push_text(&mut d.false_positives, value),
            "example" | "counter" => {
                let e = Example {
                    text: value.to_string(),
                    speaker: None,
                    quote: None,
                    cue: None,
                    pos: at,
                };
                if key == "example" {
                    d.examples.push(e);
                    d.last_is_example = true;
                } else {
                    d.counters.push(e);
                    d.last_is_example = false;
                }
            }
            "speaker" | "quote" | "content" | "cue" => {
                let Some(e) = d.examples.last_mut().filter(|_| d.last_is_example) else {
                    return Err(err(
                        line_no,
                        indent + 1,
                        format!("expected an `example` line before `{key}`"),
                    ));
                };
                let slot = match key {
                    "speaker" => &mut e.speaker,
                    "cue" => &mut e.cue,
                    _ => &mut e.quote,
                };
                *slot = Some(value.to_string());
            }
            _ => {
                return Err(err(
                    line_no,
                    indent + 1,
                    format!("unknown key `{key}`; expected one of kind, match, class, sentences, confidence, confidence-unresolved, about, why, false-positive, example, speaker, quote, content, cue, counter"),
                ))
            }
        }
    }
    if let Some(d) = current.take() {
        out.patterns.push(d.finish(file)?);
    }
    Ok(out)
}

/// Checks a rule ID: a capital letter, then capitals and digits, 2 to 12 in all.
fn check_id(id: &str) -> Result<(), String> {
    let ok = (2..=12).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_uppercase())
        && id
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "expected a rule ID (a capital letter, then capitals and digits, 2 to 12 in all, as `HOUSE01`), found `{id}`"
        ))
    }
}

fn push_text(to: &mut String, value: &str) {
    if !to.is_empty() {
        to.push(' ');
    }
    to.push_str(value);
}

/// The first word of a line's content, the rest trimmed, and the rest's 1-based column.
fn split_key(content: &str, indent: usize) -> (&str, &str, usize) {
    let key_len = content.find(char::is_whitespace).unwrap_or(content.len());
    let (key, rest) = content.split_at(key_len);
    let value = rest.trim_start();
    let col = indent + 1 + key.chars().count() + (rest.chars().count() - value.chars().count());
    (key, value, col)
}

/// A pattern block being read.
struct Draft {
    id: String,
    name: String,
    replaces: bool,
    kind: Option<Kind>,
    matches: Vec<MatchLine>,
    class: crate::output::QuoteClass,
    without_quotes: bool,
    first_of_line: bool,
    confidence: Option<f64>,
    confidence_unresolved: Option<f64>,
    about: String,
    why: String,
    false_positives: String,
    examples: Vec<Example>,
    counters: Vec<Example>,
    last_is_example: bool,
    pos: Pos,
}

impl Draft {
    fn new(id: &str, name: &str, replaces: bool, pos: Pos) -> Draft {
        Draft {
            id: id.to_string(),
            name: name.to_string(),
            replaces,
            kind: None,
            matches: Vec::new(),
            class: crate::output::QuoteClass::Speech,
            without_quotes: false,
            first_of_line: false,
            confidence: None,
            confidence_unresolved: None,
            about: String::new(),
            why: String::new(),
            false_positives: String::new(),
            examples: Vec::new(),
            counters: Vec::new(),
            last_is_example: false,
            pos,
        }
    }

    fn finish(self, file: &str) -> Result<PatternDef, PatternError> {
        let err = |pos: Pos, message: String| PatternError {
            file: file.to_string(),
            line: pos.line,
            column: pos.column,
            message,
        };
        let Some(kind) = self.kind else {
            return Err(err(
                self.pos,
                format!(
                    "pattern {} has no `kind` line; expected `kind direct` or `kind indirect`",
                    self.id
                ),
            ));
        };
        if self.matches.is_empty() {
            return Err(err(
                self.pos,
                format!("pattern {} has no `match` line", self.id),
            ));
        }
        if self.examples.is_empty() {
            return Err(err(
                self.pos,
                format!(
                    "pattern {} has no `example` line; every pattern shows a sentence it attributes",
                    self.id
                ),
            ));
        }
        if kind == Kind::Direct && (self.without_quotes || self.first_of_line) {
            return Err(err(
                self.pos,
                format!(
                    "pattern {}: a direct pattern reads its quote's sentence; `sentences` is for indirect patterns",
                    self.id
                ),
            ));
        }
        if kind == Kind::Direct && self.class != crate::output::QuoteClass::Speech {
            return Err(err(
                self.pos,
                format!(
                    "pattern {}: a direct pattern reports speech; `class` is for indirect patterns",
                    self.id
                ),
            ));
        }
        Ok(PatternDef {
            id: self.id,
            name: self.name,
            replaces: self.replaces,
            kind,
            matches: self.matches,
            class: self.class,
            without_quotes: self.without_quotes,
            first_of_line: self.first_of_line,
            confidence: self.confidence,
            confidence_unresolved: self.confidence_unresolved,
            about: self.about,
            why: self.why,
            false_positives: self.false_positives,
            examples: self.examples,
            counters: self.counters,
            pos: self.pos,
        })
    }
}

/// The reader of one template.
struct Template<'a> {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
    file: &'a str,
}

/// Characters with a meaning of their own in a template; `\` makes one a punctuation mark.
const OPERATORS: &str = "()|?*+{}$@\\_~!";

impl<'a> Template<'a> {
    fn new(source: &str, line: usize, column: usize, file: &'a str) -> Self {
        Template {
            chars: source.chars().collect(),
            at: 0,
            line,
            column,
            file,
        }
    }

    fn error(&self, at: usize, message: String) -> PatternError {
        PatternError {
            file: self.file.to_string(),
            line: self.line,
            column: self.column + at,
            message,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn parse(mut self) -> Result<Node, PatternError> {
        let node = self.alternatives()?;
        self.skip_space();
        if let Some(c) = self.peek() {
            return Err(self.error(self.at, format!("unexpected `{c}`: a `)` without its `(`")));
        }
        Ok(node)
    }

    /// `seq | seq | …` up to a `)` or the end.
    fn alternatives(&mut self) -> Result<Node, PatternError> {
        let mut alts = vec![self.sequence()?];
        while self.peek() == Some('|') {
            self.at += 1;
            alts.push(self.sequence()?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Seq(Vec::new()))
        } else {
            Node::Alt(alts)
        })
    }

    fn sequence(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None | Some(')') | Some('|') => break,
                _ => {
                    let start = self.at;
                    let atom = self.atom()?;
                    items.push(self.postfix(atom, start)?);
                }
            }
        }
        if items.is_empty() {
            return Err(self.error(
                self.at,
                "expected a token, a slot or a group here (an empty alternative matches nothing)"
                    .into(),
            ));
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Node::Seq(Vec::new()))
        } else {
            Node::Seq(items)
        })
    }

    fn postfix(&mut self, mut node: Node, start: usize) -> Result<Node, PatternError> {
        loop {
            let (min, max) = match self.peek() {
                Some('?') => (0, Some(1)),
                Some('*') => (0, None),
                Some('+') => (1, None),
                Some('{') => {
                    let open = self.at;
                    let (min, max) = self.counts()?;
                    if max.is_some_and(|m| m < min) || max == Some(0) {
                        return Err(
                            self.error(open, "expected `{m,n}` with 0 ≤ m ≤ n and n ≥ 1".into())
                        );
                    }
                    let lazy = self.lazy_mark();
                    node = Node::Repeat {
                        node: Box::new(node),
                        min,
                        max,
                        lazy,
                    };
                    continue;
                }
                _ => return Ok(node),
            };
            if matches!(node, Node::Repeat { .. }) {
                return Err(self.error(
                    self.at,
                    "a repetition of a repetition: put the inner one in parentheses".into(),
                ));
            }
            let _ = start;
            self.at += 1;
            let lazy = self.lazy_mark();
            node = Node::Repeat {
                node: Box::new(node),
                min,
                max,
                lazy,
            };
        }
    }

    /// Reads the `?` that makes the repetition just read lazy, if it stands here.
    fn lazy_mark(&mut self) -> bool {
        let lazy = self.peek() == Some('?');
        if lazy {
            self.at += 1;
        }
        lazy
    }

    /// `{n}` or `{m,n}` after a node; the reader stands on `{`.
    fn counts(&mut self) -> Result<(u32, Option<u32>), PatternError> {
        let open = self.at;
        let close = self.chars[open..]
            .iter()
            .position(|&c| c == '}')
            .map(|p| open + p)
            .ok_or_else(|| self.error(open, "expected `}` to close `{`".into()))?;
        let inner: String = self.chars[open + 1..close].iter().collect();
        let number = |s: &str| -> Result<u32, PatternError> {
            let n: u32 = s.trim().parse().map_err(|_| {
                self.error(
                    open + 1,
                    format!("expected a count as `{{n}}` or `{{m,n}}`, found `{{{inner}}}`"),
                )
            })?;
            if n > MAX_COUNT {
                return Err(self.error(
                    open + 1,
                    format!("a count is at most {MAX_COUNT}, found {n}"),
                ));
            }
            Ok(n)
        };
        let (min, max) = match inner.split_once(',') {
            Some((a, b)) => (number(a)?, Some(number(b)?)),
            None => {
                let n = number(&inner)?;
                (n, Some(n))
            }
        };
        self.at = close + 1;
        Ok((min, max))
    }

    fn word_at(&self, from: usize) -> (String, usize) {
        let mut end = from;
        while self
            .chars
            .get(end)
            .is_some_and(|&c| c.is_alphanumeric() || c == '_' || c == '-' || c == '\'' || c == '’')
        {
            end += 1;
        }
        (self.chars[from..end].iter().collect(), end)
    }

    fn atom(&mut self) -> Result<Node, PatternError> {
        let start = self.at;
        let Some(c) = self.peek() else {
            return Err(self.error(start, "expected a token".into()));
        };
        match c {
            '(' if self.chars[start..].starts_with(&['(', '?', '!']) => {
                self.at += 3;
                let inner = self.alternatives()?;
                if self.peek() != Some(')') {
                    return Err(self.error(start, "expected `)` to close this `(?!`".into()));
                }
                self.at += 1;
                let ways = token_sequences(&inner).ok_or_else(|| {
                    self.error(
                        start,
                        format!("`(?! … )` holds words, classes, marks and `_`, in at most {MAX_AHEAD_WAYS} ways of at most {MAX_AHEAD_TOKENS} tokens"),
                    )
                })?;
                Ok(Node::NotAhead(ways))
            }
            '(' => {
                self.at += 1;
                let inner = self.alternatives()?;
                if self.peek() != Some(')') {
                    return Err(self.error(start, "expected `)` to close this `(`".into()));
                }
                self.at += 1;
                // A group is one node: `(_?)*` repeats the group.
                Ok(match inner {
                    Node::Repeat { .. } => Node::Seq(vec![inner]),
                    other => other,
                })
            }
            '$' => self.slot(),
            '~' => {
                let (name, end) = self.word_at(start + 1);
                let skip = SKIPS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, s)| *s)
                    .ok_or_else(|| {
                        let names: Vec<&str> = SKIPS.iter().map(|(n, _)| *n).collect();
                        self.error(
                            start,
                            format!("unknown item `~{name}`; the items are ~{}", names.join(", ~")),
                        )
                    })?;
                self.at = end;
                Ok(Node::Skip(skip))
            }
            '@' => {
                let (name, end) = self.word_at(start + 1);
                let class = class_named(&name).ok_or_else(|| {
                    let names: Vec<&str> = CLASSES.iter().map(|(n, _)| *n).collect();
                    self.error(
                        start,
                        format!(
                            "unknown class `@{name}`; the classes are {}",
                            names.join(", ")
                        ),
                    )
                })?;
                self.at = end;
                Ok(Node::Token(Test::Class(class)))
            }
            '_' => {
                self.at += 1;
                if self.peek().is_some_and(|c| c.is_alphanumeric()) {
                    return Err(self.error(start, "`_` is any word; a word cannot start with `_`".into()));
                }
                Ok(Node::Token(Test::AnyWord))
            }
            '.' if self.chars[start..].starts_with(&['.', '.', '.']) => {
                self.at += 3;
                // `...?`: as few tokens as lead to a match.
                let lazy = self.lazy_mark();
                Ok(Node::Repeat {
                    node: Box::new(Node::Token(Test::AnyToken)),
                    min: 0,
                    max: None,
                    lazy,
                })
            }
            '!' => {
                self.at += 1;
                let inner_start = self.at;
                match self.atom()? {
                    Node::Token(t @ (Test::Word(_) | Test::Class(_))) => {
                        Ok(Node::Token(Test::NotWord(Box::new(t))))
                    }
                    Node::Token(t @ (Test::Punct(_) | Test::Dash | Test::Possessive)) => {
                        Ok(Node::Token(Test::NotToken(Box::new(t))))
                    }
                    _ => Err(self.error(
                        inner_start,
                        "expected a word, a `@class` or a punctuation mark after `!` (`!@speech`: a word that is no speech verb; `!,`: a token that is no comma)".into(),
                    )),
                }
            }
            '\\' => {
                let Some(&p) = self.chars.get(start + 1) else {
                    return Err(self.error(start, "expected a character after `\\`".into()));
                };
                self.at += 2;
                Ok(Node::Token(Test::Punct(p)))
            }
            _ if c.is_alphanumeric() || c == '\'' || c == '’' => {
                let (word, end) = self.word_at(start);
                self.at = end;
                if word == "'s" || word == "’s" {
                    return Ok(Node::Token(Test::Possessive));
                }
                if !word.chars().any(char::is_alphanumeric) {
                    return Err(self.error(start, format!("expected a word, found `{word}`")));
                }
                Ok(Node::Token(Test::Word(word.to_lowercase())))
            }
            _ if crate::quotes::is_quote_mark(c) => Err(self.error(
                start,
                format!("a quote mark (`{c}`) cannot be matched by itself; `$QUOTE` is the quoted passage with its marks"),
            )),
            _ if OPERATORS.contains(c) => Err(self.error(
                start,
                format!("unexpected `{c}`; write `\\{c}` for the punctuation mark"),
            )),
            _ => {
                self.at += 1;
                Ok(Node::Token(if c == '—' {
                    Test::Dash
                } else {
                    Test::Punct(c)
                }))
            }
        }
    }

    fn slot(&mut self) -> Result<Node, PatternError> {
        let start = self.at;
        let mut end = start + 1;
        while self.chars.get(end).is_some_and(|c| c.is_ascii_uppercase()) {
            end += 1;
        }
        let name: String = self.chars[start + 1..end].iter().collect();
        self.at = end;
        match name.as_str() {
            "QUOTE" => Ok(Node::Quote),
            "CLAUSE" => {
                if self.peek() == Some('(') {
                    let inner = self.atom()?;
                    return Ok(Node::ClauseWords(Box::new(inner)));
                }
                Ok(Node::Clause)
            }
            "LEAD" => {
                if self.peek() != Some('(') {
                    return Err(self.error(
                        end,
                        "expected `(` after $LEAD: `$LEAD(…)` is what the group matches".into(),
                    ));
                }
                let inner = self.atom()?;
                Ok(Node::Lead(Box::new(inner)))
            }
            "START" => Ok(Node::Start),
            "END" => Ok(Node::End),
            "SPEAKER" => {
                if self.peek() == Some('(') {
                    let inner = self.atom()?;
                    return Ok(Node::SpeakerWords(Box::new(inner)));
                }
                if self.peek() != Some('{') {
                    return Ok(Node::Speaker(SpeakerKinds::DEFAULT));
                }
                let close = self.chars[end..]
                    .iter()
                    .position(|&c| c == '}')
                    .map(|p| end + p)
                    .ok_or_else(|| self.error(end, "expected `}` to close `{`".into()))?;
                let mut kinds = SpeakerKinds {
                    name: false,
                    org: false,
                    desc: false,
                    pronoun: false,
                    first: false,
                    possessive: false,
                    generic: false,
                    capitalised: false,
                    source: false,
                    possessive_pronoun: false,
                    known_name: false,
                };
                let inner: String = self.chars[end + 1..close].iter().collect();
                let mut from = end + 1;
                for raw in inner.split(['|', ',']) {
                    let k = raw.trim();
                    // Where this kind stands, for the error.
                    let at = from + raw.chars().take_while(|c| c.is_whitespace()).count();
                    from += raw.chars().count() + 1;
                    match k {
                        "name" => kinds.name = true,
                        "org" => kinds.org = true,
                        "desc" => kinds.desc = true,
                        "pronoun" => kinds.pronoun = true,
                        "first" => kinds.first = true,
                        "possessive" => kinds.possessive = true,
                        "generic" => kinds.generic = true,
                        "capitalised" => kinds.capitalised = true,
                        "source" => kinds.source = true,
                        "possessive-pronoun" => kinds.possessive_pronoun = true,
                        "known-name" => kinds.known_name = true,
                        _ => {
                            return Err(self.error(
                                at,
                                format!("unknown speaker kind `{k}`; expected name, known-name, org, desc, pronoun, first, possessive, generic, capitalised, source or possessive-pronoun, separated by `|`"),
                            ))
                        }
                    }
                }
                self.at = close + 1;
                Ok(Node::Speaker(kinds))
            }
            "CUE" => match self.peek() {
                Some('{') => {
                    let close = self.chars[end..]
                        .iter()
                        .position(|&c| c == '}')
                        .map(|p| end + p)
                        .ok_or_else(|| self.error(end, "expected `}` to close `{`".into()))?;
                    let mut alts = Vec::new();
                    let mut at = end + 1;
                    while at < close {
                        while at < close && (self.chars[at] == '|' || self.chars[at].is_whitespace())
                        {
                            at += 1;
                        }
                        if at >= close {
                            break;
                        }
                        let item_start = at;
                        let class = self.chars[at] == '@';
                        let (w, e) = self.word_at(if class { at + 1 } else { at });
                        if w.is_empty() {
                            return Err(self.error(
                                item_start,
                                "expected a word or an `@class` inside `$CUE{…}`".into(),
                            ));
                        }
                        alts.push(if class {
                            let c = class_named(&w).ok_or_else(|| {
                                self.error(item_start, format!("unknown class `@{w}`"))
                            })?;
                            Node::Token(Test::Class(c))
                        } else {
                            Node::Token(Test::Word(w.to_lowercase()))
                        });
                        at = e;
                    }
                    if alts.is_empty() {
                        return Err(self.error(end, "expected words or classes inside `$CUE{…}`".into()));
                    }
                    self.at = close + 1;
                    Ok(Node::Cue(Box::new(if alts.len() == 1 {
                        alts.pop().unwrap_or(Node::Token(Test::Class(Class::Speech)))
                    } else {
                        Node::Alt(alts)
                    })))
                }
                Some('(') => {
                    let inner = self.atom()?;
                    Ok(Node::Cue(Box::new(inner)))
                }
                _ => Ok(Node::Cue(Box::new(Node::Token(Test::Class(Class::Speech))))),
            },
            _ => Err(self.error(
                start,
                format!("unknown slot `${name}`; expected $SPEAKER, $CUE, $QUOTE, $CLAUSE, $LEAD, $START or $END"),
            )),
        }
    }
}
