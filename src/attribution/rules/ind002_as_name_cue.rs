//! IND002 as-name-cue.

use super::indirect::{bytes, plain_sentence, word_count, MIN_CLAUSE_WORDS};
use crate::attribution::np::NpKind;
use crate::attribution::{declare_rule, Context, IndirectFinding, Rule};

declare_rule! {
    /// # IND002 as-name-cue
    ///
    /// ## What it matches
    /// A sentence that attributes its own claim with a parenthetical "as SPEAKER VERB":
    /// `Success in the cloud is, as Kevin Turner made very clear, non-negotiable.`,
    /// `As Smith put it, the deal is dead.`, `The law, as the judge noted, is clear.` A
    /// name may carry its organisation after "of" (`as Smith of the Herald points out`).
    /// The content is the whole sentence.
    ///
    /// ## Why
    /// The writer states the claim in their own words and credits a source for it.
    ///
    /// ## Example
    /// `Success in the cloud is as Kevin Turner made very clear is non-negotiable.` →
    /// Kevin Turner.
    ///
    /// ## Does not match
    /// "as" followed by a clause that is not about speech (`as Smith walked in`).
    ///
    /// ## Known false positives
    /// "as X said he would" (a comparison, not a source).
    pub struct AsNameCue { id: "IND002", name: "as-name-cue", phase: Indirect }
}

/// Length of the speech phrase at `t` ("said", "made very clear", "put it", "pointed out").
fn speech_phrase(ctx: &Context, t: usize, end: usize) -> usize {
    if t >= end {
        return 0;
    }
    if ctx.is_cue(t) {
        return if ctx.is(t + 1, "out") { 2 } else { 1 };
    }
    if ctx.is(t, "made") || ctx.is(t, "makes") {
        for (n, u) in (t + 1..end.min(t + 4)).enumerate() {
            if ctx.is(u, "clear") {
                return n + 2;
            }
        }
    }
    if ctx.is(t, "put") && ctx.is(t + 1, "it") {
        return 2;
    }
    if (ctx.is(t, "pointed") || ctx.is(t, "points")) && ctx.is(t + 1, "out") {
        return 2;
    }
    0
}

impl Rule for AsNameCue {
    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = plain_sentence(ctx, s)?;
        for t in r.clone() {
            if !ctx.is(t, "as") {
                continue;
            }
            let Some(np) = ctx.np_starting_at(t + 1, r.end) else {
                continue;
            };
            if matches!(np.kind, NpKind::Pronoun(_)) && t != r.start {
                // "as he said" inside a sentence is mostly a comparison.
                continue;
            }
            // "as Ardith Vell of the Herald points out": a name's organisation after "of".
            let mut k = np.tokens.end;
            if np.kind == NpKind::Name && k + 1 < r.end && ctx.is(k, "of") {
                if let Some(org) = ctx.np_starting_at(k + 1, r.end) {
                    k = org.tokens.end;
                }
            }
            let k = ctx.skip_adverbs_forward(k, r.end);
            let len = speech_phrase(ctx, k, r.end);
            if len == 0 || word_count(ctx, r.clone()) < MIN_CLAUSE_WORDS + 3 {
                continue;
            }
            // "as Smith said he would": a comparison, not a source.
            if ctx.is(k + len, "he") || ctx.is(k + len, "she") || ctx.is(k + len, "they") {
                continue;
            }
            return Some(IndirectFinding {
                content: bytes(ctx, r.clone()),
                finding: ctx.finding(&np, k..k + len, 0.75),
                verbatim: false,
            });
        }
        None
    }
}
