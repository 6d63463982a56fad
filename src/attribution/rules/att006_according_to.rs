//! ATT006 according-to.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::sources::{according_to_at, source_phrase};
use crate::attribution::rule::{declare_rule, Rule};

declare_rule! {
    /// # ATT006 according-to
    ///
    /// ## What it matches
    /// A quote in a sentence with "according to" and a speaker, before the quote
    /// (`According to Smith, the plan is “dead on arrival.”`) or right after it
    /// (`“…,” according to a spokesman.`). Right after the quote, any source phrase names
    /// whoever put the words out (`“…,” according to the news outlet.`).
    ///
    /// ## Why
    /// "According to" attributes without a speech verb.
    ///
    /// ## Example
    /// `“It is over,” according to Mathews.` → Mathews.
    ///
    /// ## Does not match
    /// Before the quote, "according to" followed by something that is no speaker
    /// (`According to the article, … “…”`: the article reports, it does not speak the
    /// quoted words); `according to plan`.
    ///
    /// ## Known false positives
    /// A sentence that attributes a fact, not the quoted words, to the source.
    pub struct AccordingTo { id: "ATT006", name: "according-to", phase: Adjacent }
}

impl Rule for AccordingTo {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let after = crate::attribution::grammar::shapes::after_start(ctx, c);
        let source = |t: usize, end: usize| {
            according_to_at(ctx, t, end).or_else(|| source_phrase(ctx, t, end))
        };
        if let Some(np) = source(after, c.after.end) {
            return Some(ctx.finding(&np, after..after + 2, 0.85));
        }
        for t in c.before.clone() {
            // Before the quote only a speaker counts: "According to the article, the
            // campaigns are based on aspirations like “drive business performance”" is no
            // quote of the article's.
            if let Some(np) = according_to_at(ctx, t, c.before.end) {
                return Some(ctx.finding(&np, t..t + 2, 0.75));
            }
        }
        None
    }
}
