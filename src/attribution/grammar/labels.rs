//! Speaker labels of transcripts (`BANKOLE:`, `MR. TRUMP:`, `Q:`), shared by the rules that
//! read turns: ATT014 (turns as paragraphs) and ATT016 (turns set in quote marks).

use std::ops::Range;

use crate::attribution::context::Context;
use crate::attribution::finding::Finding;
use crate::attribution::grammar::np::{NpKind, SpeakerNp};
use crate::mentions::MentionKind;

/// Most words of a speaker label ("SEN. ELIZABETH WARREN").
pub const MAX_LABEL_WORDS: usize = 4;

/// Most mentions and persons looked at to name a label: a transcript names its speakers
/// early, and every turn looks, so the look must be bounded.
pub const MAX_LABEL_LOOKUP: usize = 500;

/// Words that label a heading or a link, not a speaker (`data/heading_labels.txt`).
pub(crate) fn is_heading_label(word: &str) -> bool {
    crate::lexicon::lookup(word).has(crate::lexicon::class::HEADING_LABEL)
}

/// A word of a speaker label: capitals, with inner periods or apostrophes ("MR.", "O'BRIEN").
fn is_label_word(w: &str) -> bool {
    let letters = w.bytes().filter(u8::is_ascii_alphabetic).count();
    letters >= 2
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b'.' | b'\'' | b'-'))
}

/// The label that opens at token `t`, before token `end`: the label's tokens and the
/// colon's token. Words in capitals (not heading words), or a lone `Q` or `A`.
pub(crate) fn label_from(ctx: &Context, t: usize, end: usize) -> Option<(Range<usize>, usize)> {
    let mut k = t;
    let mut words = 0;
    while k < end && words <= MAX_LABEL_WORDS {
        if ctx.is_punct(k, ':') {
            break;
        }
        let tok = &ctx.tokens[k];
        let w = ctx.word(k);
        let single = words == 0 && (w == "Q" || w == "A");
        if tok.is_word() && (single || (is_label_word(w) && !is_heading_label(w))) {
            words += 1;
        } else if !ctx.is_punct(k, '.') || words == 0 {
            return None;
        }
        k += 1;
    }
    (words > 0 && k < end && ctx.is_punct(k, ':')).then_some((t..k, k))
}

/// True when `label` is a lone `Q` or `A`.
pub(crate) fn is_question_or_answer(ctx: &Context, label: &Range<usize>) -> bool {
    label.len() == 1 && matches!(ctx.word(label.start), "Q" | "A")
}

/// The person a label in capitals stands for: the entity whose name ends in the label's
/// last word ("BANKOLE" → "Olusegun Bankole").
pub(crate) fn entity_of_label(ctx: &Context, label: &Range<usize>) -> Option<usize> {
    let last = ctx.word(label.end - 1).trim_end_matches('.').as_bytes();
    ctx.mentions
        .entities
        .iter()
        .take(MAX_LABEL_LOOKUP)
        .position(|e| last_word_is(&e.name, last))
}

/// True when the last space-separated word of `name` is `word` (a word without spaces),
/// ASCII case ignored: `name` ends with it, after a space or as a whole. Compared by bytes
/// at the end, without splitting the name (every turn of a transcript asks this of up to
/// [`MAX_LABEL_LOOKUP`] names).
fn last_word_is(name: &str, word: &[u8]) -> bool {
    let name = name.as_bytes();
    let Some(start) = name.len().checked_sub(word.len()) else {
        return false;
    };
    name[start..].eq_ignore_ascii_case(word) && (start == 0 || name[start - 1] == b' ')
}

/// The fullest name the document writes for a label in capitals that is no known person:
/// a capitalised name ending in the label's last word ("Hanna Virtanen" for "VIRTANEN").
fn name_of_label(ctx: &Context, label: &Range<usize>) -> Option<String> {
    let last = ctx.word(label.end - 1).trim_end_matches('.');
    ctx.mentions
        .list
        .iter()
        .take(MAX_LABEL_LOOKUP)
        .filter(|m| {
            matches!(m.kind, MentionKind::Person | MentionKind::Proper)
                && !m.in_quote
                && m.tokens().len() >= 2
        })
        .find(|m| ctx.word(m.tokens().end - 1).eq_ignore_ascii_case(last))
        .map(|m| ctx.text[m.range()].to_string())
}

/// The speaker of a turn labelled with a name in capitals (`label`, its colon at token
/// `colon`): the person whose surname it is when the document names them, else the fullest
/// name the document writes for it, else the label as written. `entity` overrides the
/// person (the interviewee of an `A:` turn).
pub(crate) fn label_finding(
    ctx: &Context,
    label: &Range<usize>,
    colon: usize,
    entity: Option<Option<usize>>,
) -> Finding {
    let named = entity.is_none();
    let entity = entity.unwrap_or_else(|| entity_of_label(ctx, label));
    let np = SpeakerNp {
        range: ctx.tokens[label.start].start()..ctx.tokens[label.end - 1].end(),
        tokens: label.clone(),
        kind: NpKind::Name,
        entity,
    };
    let confidence = if entity.is_some() { 0.8 } else { 0.6 };
    let mut finding = ctx.finding(&np, colon..colon + 1, confidence);
    if entity.is_none() && named {
        if let (Some(name), Some(speaker)) = (name_of_label(ctx, label), finding.speaker.as_mut()) {
            speaker.name = name;
        }
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// As the last piece of `str::rsplit(' ')` compared with `eq_ignore_ascii_case`.
        #[test]
        fn last_word_as_by_rsplit(name in "[aB \u{e9}\u{c9}]{0,8}", word in "[aAbB\u{e9}]{0,3}") {
            let expected = name
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(&word));
            proptest::prop_assert_eq!(last_word_is(&name, word.as_bytes()), expected);
        }
    }

    #[test]
    fn last_word_of_names() {
        assert!(last_word_is("Olusegun Bankole", b"BANKOLE"));
        assert!(last_word_is("Bankole", b"bankole"));
        assert!(!last_word_is("Olusegun Bankole", b"OLE"));
        assert!(!last_word_is("Ole", b"Bankole"));
    }
}
