//! ATT006 according-to.

use crate::attribution::np::SpeakerNp;
use crate::attribution::{declare_rule, Candidate, Context, Decided, Finding, Rule};

declare_rule! {
    /// # ATT006 according-to
    ///
    /// ## What it matches
    /// A quote in a sentence with "according to" and a speaker, before the quote
    /// (`According to Smith, the plan is “dead on arrival.”`) or right after it
    /// (`“…,” according to a spokesman.`).
    ///
    /// ## Why
    /// "According to" attributes without a speech verb.
    ///
    /// ## Example
    /// `“It is over,” according to Mathews.` → Mathews.
    ///
    /// ## Does not match
    /// "According to" followed by something that is no speaker (`according to the article`,
    /// `according to plan`).
    ///
    /// ## Known false positives
    /// A sentence that attributes a fact, not the quoted words, to the source.
    pub struct AccordingTo { id: "ATT006", name: "according-to", phase: Adjacent }
}

/// The speaker after an "according to" at token `t`, not reaching `limit`.
pub fn according_to_at(ctx: &Context, t: usize, limit: usize) -> Option<SpeakerNp> {
    if !(ctx.is(t, "according") && ctx.is(t + 1, "to")) {
        return None;
    }
    ctx.np_starting_at(t + 2, limit)
}

impl Rule for AccordingTo {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let after = super::patterns::after_start(ctx, c);
        if let Some(np) = according_to_at(ctx, after, c.after.end) {
            return Some(ctx.finding(&np, after..after + 2, 0.85));
        }
        for t in c.before.clone() {
            if let Some(np) = according_to_at(ctx, t, c.before.end) {
                return Some(ctx.finding(&np, t..t + 2, 0.75));
            }
        }
        None
    }
}
