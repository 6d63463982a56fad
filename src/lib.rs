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
///
/// # Panics
///
/// When `text` is longer than [`input::MAX_DOCUMENT_BYTES`] (1,431,655,765 bytes), the
/// largest document whose byte offsets whosaid can keep: rather than give wrong spans.
/// [`try_extract`] returns an error instead, for a text of any size.
pub fn extract(id: &str, text: &str, config: &Config) -> Document {
    if let Err(e) = check_length(id, text.len()) {
        panic!("{e}");
    }
    pipeline::run(id, text, config)
}

/// [`extract`], or for a text longer than [`input::MAX_DOCUMENT_BYTES`] the `too_large`
/// error that the command line writes as the document's error record.
pub fn try_extract(id: &str, text: &str, config: &Config) -> Result<Document, input::Error> {
    check_length(id, text.len())?;
    Ok(pipeline::run(id, text, config))
}

/// Accepts a text of `len` bytes for extraction, or says why not (see [`extract`]).
fn check_length(id: &str, len: usize) -> Result<(), input::Error> {
    input::check_size(id, len, usize::MAX)
}

/// The sentences of one document, as `whosaid sentences` prints them.
///
/// # Panics
///
/// When `text` is longer than [`input::MAX_DOCUMENT_BYTES`], as [`extract`] does.
pub fn sentences(id: &str, text: &str) -> output::SentencesRecord {
    if let Err(e) = check_length(id, text.len()) {
        panic!("{e}");
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_over_the_largest_document_is_refused_by_its_length() {
        assert_eq!(check_length("d", input::MAX_DOCUMENT_BYTES), Ok(()));
        let e = check_length("big", input::MAX_DOCUMENT_BYTES + 1).unwrap_err();
        assert_eq!(e.kind, input::ErrorKind::TooLarge);
        assert!(
            e.message.starts_with("big: 1431655766 bytes"),
            "{}",
            e.message
        );
        let e = check_length("d", usize::MAX).unwrap_err();
        assert_eq!(e.kind, input::ErrorKind::TooLarge);
    }

    #[test]
    fn try_extract_of_a_text_within_the_limit_is_extract() {
        let text = "“It will rain,” Dana Ortiz said. She added: “Bring a coat.”";
        let config = Config::default();
        let tried = try_extract("d", text, &config).expect("a short text is accepted");
        assert_eq!(tried, extract("d", text, &config));
        assert_eq!(tried.quotes.len(), 2);
    }
}
