//! The output schema: what `whosaid extract` prints, one [`Document`] per input document.
//!
//! Field order is fixed by the struct declarations, so the same input always serialises to
//! the same bytes. Every `span` is in Unicode code points and every `byte_span` in bytes,
//! both end-exclusive, into the original text.

pub mod formats;
pub mod json;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Version of this schema; bumped on any change to the meaning or shape of a field.
pub const SCHEMA_VERSION: u32 = 2;

/// An end-exclusive offset range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// First offset.
    pub start: usize,
    /// One past the last offset.
    pub end: usize,
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span {
            start: r.start,
            end: r.end,
        }
    }
}

/// The extraction result for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// The document id: the path as given, or the `id` field of a JSONL record.
    pub id: String,
    /// Version of this schema.
    pub schema_version: u32,
    /// Fields that came with a JSONL input record (other than `id` and `text`), untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    /// Every quote found, in text order.
    pub quotes: Vec<Quote>,
    /// The speakers of the quotes, in order of their first quote.
    pub speakers: Vec<SpeakerSummary>,
    /// Quoted passages judged not to be speech, with the reason (only with `--explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_speech: Option<Vec<NonSpeech>>,
}

/// What kind of reported speech a quote is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A quoted passage of speech or writing.
    Direct,
    /// A quoted fragment inside the author's own sentence.
    Partial,
    /// Speech without quote marks: reported speech ("X said that …") or a transcript turn
    /// ("BANKOLE: …", rule ATT014), whose words are verbatim.
    Indirect,
}

impl QuoteKind {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// What a quote attributes: someone's words, or something else the writer attributes.
///
/// Quoted passages (`direct`, `partial`) are always speech; reports without quote marks are
/// speech when a verb or noun of saying or writing carries them ("said that", "according
/// to", "in a statement"), and otherwise a thought, a stance or an evidential.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum QuoteClass {
    /// What someone said or wrote: "Lee said the plan is dead", "according to the mayor, …".
    Speech,
    /// What someone thinks, believes, knows, feels, hopes or fears: "Lee believes the plan
    /// is dead".
    Thought,
    /// A position, wish, intention or characterisation: "Lee opposes the plan", "the bank
    /// agreed to lend $2 billion", "her call for a recount".
    Stance,
    /// What evidence or an unnamed source indicates, not anyone's words: a hedge or an
    /// expectation ("the bill is expected to pass", "she reportedly left"), or a finding
    /// ("records show that …", "a poll found …", "in the latest poll, Lee leads").
    Evidential,
}

impl QuoteClass {
    /// Every class, in order.
    pub const ALL: [QuoteClass; 4] = [
        QuoteClass::Speech,
        QuoteClass::Thought,
        QuoteClass::Stance,
        QuoteClass::Evidential,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteClass::Speech => "speech",
            QuoteClass::Thought => "thought",
            QuoteClass::Stance => "stance",
            QuoteClass::Evidential => "evidential",
        }
    }

    /// The class with this JSON name.
    pub fn parse(name: &str) -> Option<QuoteClass> {
        QuoteClass::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// A set of [`QuoteClass`]es: which findings an extraction reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Classes(u8);

impl Classes {
    /// Speech only: what a quote database wants, and the default.
    pub const SPEECH: Classes = Classes(1);
    /// Every class.
    pub const ALL: Classes = Classes(0b1111);

    /// The set holding `class` alone.
    pub fn of(class: QuoteClass) -> Classes {
        Classes(1 << class as u8)
    }

    /// The set with `class` added.
    pub fn with(self, class: QuoteClass) -> Classes {
        Classes(self.0 | Classes::of(class).0)
    }

    /// True when the set holds `class`.
    pub fn contains(self, class: QuoteClass) -> bool {
        self.0 & Classes::of(class).0 != 0
    }

    /// Reads a comma-separated list of class names, or `all`. Speech is always in the
    /// set: `thought,stance` means speech, thoughts and stances.
    pub fn parse(list: &str) -> Result<Classes, String> {
        let mut set = Classes::SPEECH;
        for name in list.split(',').map(str::trim) {
            set = match name {
                "all" => Classes::ALL,
                _ => match QuoteClass::parse(name) {
                    Some(c) => set.with(c),
                    None => {
                        return Err(format!(
                            "unknown class {name:?}: expected speech, thought, stance, evidential or all"
                        ))
                    }
                },
            };
        }
        Ok(set)
    }
}

impl Default for Classes {
    fn default() -> Self {
        Classes::SPEECH
    }
}

/// One quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// The quoted text, without its outer quote marks (for indirect speech, the reported clause).
    pub text: String,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Speech, or the thought, stance or evidential a report without quote marks attributes
    /// (only speech unless the extraction was asked for more).
    pub class: QuoteClass,
    /// Code-point range of `text`.
    pub span: Span,
    /// Byte range of `text`.
    pub byte_span: Span,
    /// Reported content that its own attribution interrupts has two parts: `text` is the
    /// part after the attribution, and this the part before it ("The plan, a source said, is
    /// to cut taxes": lead "The plan", text "is to cut taxes"; "Twitter is widely seen as a
    /// news site": lead "Twitter", text "as a news site"). Absent for other quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Part>,
    /// Index of the sentence the quote starts in.
    pub sentence: usize,
    /// Who said it, when a rule found out.
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase that links quote and speaker.
    pub cue: Option<Cue>,
    /// The ID of the attribution rule that decided the speaker (or found the indirect quote).
    pub rule: Option<String>,
    /// How sure the deciding rule is, in [0, 1].
    pub confidence: f64,
}

/// A part of a quote's content that stands apart from its `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Part {
    /// The part as written.
    pub text: String,
    /// Code-point range of `text`.
    pub span: Span,
    /// Byte range of `text`.
    pub byte_span: Span,
}

/// The speaker of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Speaker {
    /// Canonical name: the fullest name used for this speaker in the document.
    pub name: String,
    /// The mention that decided the attribution, as written ("he", "Guthrie", "a spokesman").
    pub mention: String,
    /// Code-point range of `mention`.
    pub span: Span,
    /// Byte range of `mention`.
    pub byte_span: Span,
}

/// The cue (speech verb or phrase) of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cue {
    /// The cue as written.
    pub text: String,
    /// Code-point range of `text`.
    pub span: Span,
    /// Byte range of `text`.
    pub byte_span: Span,
}

/// One speaker of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SpeakerSummary {
    /// Canonical name.
    pub name: String,
    /// Other ways the document refers to the speaker, in order of appearance.
    pub aliases: Vec<String>,
    /// Number of quotes attributed to the speaker.
    pub quotes: usize,
}

/// A quoted passage that is not speech (scare quote, title, coined name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NonSpeech {
    /// The passage without its marks.
    pub text: String,
    /// Code-point range of `text`.
    pub span: Span,
    /// Byte range of `text`.
    pub byte_span: Span,
    /// Why it is not speech.
    pub reason: String,
}

/// What `whosaid sentences` prints for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SentencesRecord {
    /// The document id.
    pub id: String,
    /// Its sentences, in order.
    pub sentences: Vec<SentenceOut>,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SentenceOut {
    /// The sentence text.
    pub text: String,
    /// Code-point range.
    pub span: Span,
    /// Byte range.
    pub byte_span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_parse_adds_to_speech() {
        // guards: speech is always reported; the others only when named, or with `all`.
        let set = Classes::parse("stance").unwrap();
        assert!(set.contains(QuoteClass::Speech) && set.contains(QuoteClass::Stance));
        assert!(!set.contains(QuoteClass::Thought) && !set.contains(QuoteClass::Evidential));
        let all = Classes::parse("all").unwrap();
        assert!(QuoteClass::ALL.iter().all(|&c| all.contains(c)));
        assert_eq!(Classes::parse("speech").unwrap(), Classes::SPEECH);
        assert_eq!(Classes::parse(" thought , evidential ").unwrap(), {
            Classes::SPEECH
                .with(QuoteClass::Thought)
                .with(QuoteClass::Evidential)
        });
        assert_eq!(Classes::default(), Classes::SPEECH);
    }

    #[test]
    fn classes_parse_rejects_unknown_names() {
        for bad in ["", "stances", "speech,", "Speech"] {
            assert!(Classes::parse(bad).is_err(), "{bad:?}");
        }
    }
}
