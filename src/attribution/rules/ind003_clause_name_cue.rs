//! IND003 clause-name-cue.

use super::indirect::{bytes, indirect_confidence, plain_sentence, word_count, MIN_CLAUSE_WORDS};
use super::patterns::skip_appositive;
use crate::attribution::{declare_rule, Context, IndirectFinding, Rule};

declare_rule! {
    /// # IND003 clause-name-cue
    ///
    /// ## What it matches
    /// A reported clause first, then a comma, the speaker and the reporting verb at the end
    /// of the sentence: `The plan is dead, Smith said.`, `The van was escorted, another
    /// source said on Monday.`, `Talks will resume, said a spokesman.`
    ///
    /// ## Why
    /// News puts the attribution after the claim as often as before it.
    ///
    /// ## Example
    /// `Clinton did not want the escort, the source added.` → "the source".
    ///
    /// ## Does not match
    /// An attribution followed by more than four words, or a clause of fewer than three words.
    ///
    /// ## Known false positives
    /// A list whose last item ends in a name and a verb.
    pub struct ClauseNameCue { id: "IND003", name: "clause-name-cue", phase: Indirect }
}

/// Most words allowed after the reporting verb ("said on Monday night").
pub const MAX_TRAILING_WORDS: usize = 4;

impl Rule for ClauseNameCue {
    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = plain_sentence(ctx, s)?;
        // The last comma of the sentence separates clause and attribution.
        let comma = (r.start..r.end).rev().find(|&t| ctx.is_punct(t, ','))?;
        if word_count(ctx, r.start..comma) < MIN_CLAUSE_WORDS {
            return None;
        }
        let t = comma + 1;
        let (np, cue) = if ctx.is_indirect_cue(t) {
            (ctx.np_starting_at(t + 1, r.end)?, t)
        } else {
            let np = ctx.np_starting_at(t, r.end)?;
            let k = skip_appositive(ctx, np.tokens.end, r.end);
            let k = ctx.skip_adverbs_forward(k, r.end);
            if !ctx.is_indirect_cue(k) {
                return None;
            }
            (np, k)
        };
        let tail_start = cue.max(np.tokens.end) + 1;
        if word_count(ctx, tail_start.min(r.end)..r.end) > MAX_TRAILING_WORDS {
            return None;
        }
        let confidence = indirect_confidence(&np);
        Some(IndirectFinding {
            content: bytes(ctx, r.start..comma),
            finding: ctx.finding(&np, cue..cue + 1, confidence),
        })
    }
}
