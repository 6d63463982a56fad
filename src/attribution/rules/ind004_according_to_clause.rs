//! IND004 according-to-clause.

use super::att006_according_to::{according_to_at, source_phrase};
use super::indirect::{
    bytes, indirect_confidence, opens_appositive, sentence_body, word_count, MIN_CLAUSE_WORDS,
};
use crate::attribution::np::NpKind;
use crate::attribution::{declare_rule, Context, IndirectFinding, Rule};

declare_rule! {
    /// # IND004 according-to-clause
    ///
    /// ## What it matches
    /// A sentence attributed with "according to": `According to Smith, the plan is dead.`
    /// or `The plan is dead, according to two officials.` The content is the clause.
    ///
    /// ## Why
    /// "According to" is the standard way to credit a claim to a source.
    ///
    /// ## Example
    /// `According to the campaign's spokesman, the rally was cancelled.` → "the campaign's
    /// spokesman".
    ///
    /// A source that is no speaker is still the source the sentence cites: `The senator
    /// leads by ten points, according to a CNN poll.` → "a CNN poll" (a noun phrase up to the
    /// next comma, at most [`super::att006_according_to::MAX_SOURCE_WORDS`] words).
    ///
    /// ## Does not match
    /// Idioms of conformity (`according to plan`, `according to the rules`).
    ///
    /// ## Known false positives
    /// A name that is a place or product the mention finder took for a name.
    pub struct AccordingToClause { id: "IND004", name: "according-to-clause", phase: Indirect }
}

/// ", Maria Chen," right after a description: the name it stands for.
fn appositive_name(
    ctx: &Context,
    t: usize,
    end: usize,
) -> Option<crate::attribution::np::SpeakerNp> {
    if !ctx.is_punct(t, ',') {
        return None;
    }
    let name = ctx.np_starting_at(t + 1, end)?;
    let closes = name.tokens.end < end && ctx.is_punct(name.tokens.end, ',');
    (name.kind == NpKind::Name && name.entity.is_some() && closes).then_some(name)
}

impl Rule for AccordingToClause {
    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        // Most sentences have no "according": one substring search rules them out.
        let bytes_of_sentence = ctx.sentences.get(s)?;
        if !ctx.text[bytes_of_sentence.start..bytes_of_sentence.end].contains("ccording to") {
            return None;
        }
        let r = sentence_body(ctx, s)?;
        for t in r.clone() {
            let Some(np) = according_to_at(ctx, t, r.end).or_else(|| source_phrase(ctx, t, r.end))
            else {
                continue;
            };
            let confidence = indirect_confidence(&np);
            let finding = ctx.finding(&np, t..t + 2, confidence);
            // According to X, NAME, CLAUSE: the appositive name is the source.
            let (np, finding) = match appositive_name(ctx, np.tokens.end, r.end) {
                Some(name) => {
                    let f = ctx.finding(&name, t..t + 2, confidence);
                    (name, f)
                }
                None => (np, finding),
            };
            // According to X, CLAUSE
            if t == r.start {
                let mut c = np.tokens.end;
                while c < r.end && !ctx.is_punct(c, ',') {
                    c += 1;
                }
                if c + 1 < r.end
                    && word_count(ctx, c + 1..r.end) >= MIN_CLAUSE_WORDS
                    && !ctx.has_speech_quote(c + 1..r.end)
                {
                    return Some(IndirectFinding {
                        content: bytes(ctx, c + 1..r.end),
                        finding,
                        verbatim: false,
                    });
                }
                return None;
            }
            // CLAUSE, according to X[, CLAUSE]
            if t > r.start && ctx.is_punct(t - 1, ',') {
                let after = (np.tokens.end + 1).min(r.end);
                let content = if ctx.is_punct(np.tokens.end, ',')
                    && word_count(ctx, after..r.end) >= MIN_CLAUSE_WORDS
                    && !opens_appositive(ctx, after, r.end)
                {
                    after..r.end
                } else {
                    r.start..t - 1
                };
                if word_count(ctx, content.clone()) >= MIN_CLAUSE_WORDS
                    && !ctx.has_speech_quote(content.clone())
                {
                    return Some(IndirectFinding {
                        content: bytes(ctx, content),
                        finding,
                        verbatim: false,
                    });
                }
            }
        }
        None
    }
}
