//! whosaid: a rule-based quote and attribution extractor for English prose.
//!
//! The pipeline, one module per stage, each working on byte ranges into the original text:
//! [`text::layout`] (which line breaks only wrap a line) → [`sentences`] → [`quotes`] →
//! [`lexicon`] (every word looked up once) → [`mentions`] → [`classify`] → [`attribution`] → [`output`].
//! [`extract`] runs all of it on one document.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod attribution;
pub mod classify;
pub mod db;
pub mod eval;
pub mod input;
pub mod lexicon;
pub mod mentions;
pub mod output;
pub mod pattern_examples;
pub mod quotes;
pub mod report;
pub mod sentences;
pub mod text;

mod pipeline;

pub use output::Document;

/// Options of one extraction.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Also list the quoted passages judged not to be speech, with the reason.
    pub explain: bool,
    /// When set, only the attribution rules with these IDs run (for testing one rule alone).
    /// An ID no rule has matches nothing: check the list with
    /// [`attribution::check_rule_ids`] first.
    pub only_rules: Option<Vec<String>>,
    /// Which classes of findings to report: speech only by default (quoted passages are
    /// always speech; reports without quote marks may be thoughts, stances or evidentials).
    pub include: output::Classes,
    /// The rules to run: the built-in ones when `None`, or a set with a user's patterns
    /// ([`attribution::RuleSet::with_files`]).
    pub rules: Option<&'static attribution::RuleSet>,
}

/// Extracts the quotes of one document. `id` is copied into the result.
pub fn extract(id: &str, text: &str, config: &Config) -> Document {
    pipeline::run(id, text, config)
}

/// The sentences of one document, as `whosaid sentences` prints them.
pub fn sentences(id: &str, text: &str) -> output::SentencesRecord {
    let offsets = text::CharOffsets::new(text);
    // Split as `extract` reads the text (see `text::view`), reported on the text as given.
    let view = text::view::View::of(text);
    let read = view.as_ref().map_or(text, |v| v.text.as_str());
    output::SentencesRecord {
        id: id.to_string(),
        sentences: sentences::split(&text::layout::reading_view(read))
            .into_iter()
            .map(|r| {
                let r = view.as_ref().map_or(r.clone(), |v| v.to_original(&r));
                output::SentenceOut {
                    text: text[r.clone()].to_string(),
                    span: offsets.span(&r).into(),
                    byte_span: r.into(),
                }
            })
            .collect(),
    }
}
