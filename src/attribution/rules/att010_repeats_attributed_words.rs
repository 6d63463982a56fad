//! ATT010 repeats-attributed-words.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::rule::{declare_rule, Rule};
use crate::attribution::words::lowercase_words_within;

declare_rule! {
    /// # ATT010 repeats-attributed-words
    ///
    /// ## What it matches
    /// A quoted fragment whose words (case, punctuation and quote marks ignored; a word may
    /// be a shorter form of the other, as "get" of "getting") appear in the same order in an
    /// earlier quote that has a speaker. The fragment inherits that speaker.
    ///
    /// ## Why
    /// Writers quote a speaker's words again later ("super, super happy"), without a new
    /// attribution.
    ///
    /// ## Example
    /// `“… your customers super, super happy,” Guthrie said. … customers are “super, super
    /// happy,” we …` → Scott Guthrie for the second.
    ///
    /// ## Does not match
    /// A one-word fragment; a fragment with any word not in the earlier quote
    /// (“super, super bankrupt”).
    ///
    /// ## Known false positives
    /// A common phrase that two speakers both used.
    pub struct RepeatsAttributedWords { id: "ATT010", name: "repeats-attributed-words", phase: Context }
}

/// Longest fragment (in words) the rule compares.
pub const MAX_REPEAT_WORDS: usize = 40;
/// How many words of earlier quotes and reports the rule compares against, at most, per
/// fragment: a writer repeats a speaker's words within a few paragraphs of them, and 400
/// words of quoted and reported speech span several paragraphs of a news story. Every
/// earlier quote looked at counts one word at least, so a long run of quotes without a
/// speaker (a flattened quotation of thousands of pieces) is not read again for each.
pub const MAX_REPEAT_SCAN_WORDS: usize = 400;

fn same_word(a: &str, b: &str) -> bool {
    // Words are never empty, and equal or prefix words share their first byte: most pairs
    // differ there, so test it before comparing whole words.
    if a.as_bytes().first() != b.as_bytes().first() {
        return false;
    }
    a == b || (a.len().min(b.len()) >= 3 && (a.starts_with(b) || b.starts_with(a)))
}

impl Rule for RepeatsAttributedWords {
    fn attribute(&self, ctx: &Context, c: &Candidate, history: &[Decided]) -> Option<Finding> {
        // Most passages are too long to compare: turned away once their words are counted,
        // before any lower-casing.
        let fragment = lowercase_words_within(&ctx.text[c.content.clone()], MAX_REPEAT_WORDS)?;
        if fragment.len() < 2 {
            return None;
        }
        let mut budget = MAX_REPEAT_SCAN_WORDS;
        for d in history.iter().rev() {
            if budget == 0 {
                break;
            }
            budget -= 1;
            let Some(speaker) = &d.speaker else { continue };
            // The passage itself, or one that holds it (a quote inside a transcript turn or
            // a reported clause), is no earlier use of the words.
            if d.content().start <= c.content.start && c.content.end <= d.content().end {
                continue;
            }
            let earlier = d.words(ctx.text);
            if earlier.len() > budget {
                break;
            }
            budget -= earlier.len();
            let n = fragment.len();
            // Only where the first words' keys agree can the words be the same
            // (`words::word_key`): one comparison of numbers turns most places away.
            let first = fragment.keys()[0];
            let found = earlier.len() >= n
                && earlier.keys()[..=earlier.len() - n]
                    .iter()
                    .enumerate()
                    .any(|(s, &key)| {
                        key == first
                            && (0..n).all(|k| same_word(earlier.get(s + k), fragment.get(k)))
                    });
            if found {
                return Some(Finding {
                    speaker: Some(speaker.clone()),
                    cue: None,
                    confidence: 0.7,
                });
            }
        }
        None
    }
}
