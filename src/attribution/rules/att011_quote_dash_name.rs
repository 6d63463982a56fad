//! ATT011 quote-dash-name.

use super::patterns::is_dash;
use crate::attribution::np::NpKind;
use crate::attribution::{declare_rule, Candidate, Context, Decided, Finding, Rule};

declare_rule! {
    /// # ATT011 quote-dash-name
    ///
    /// ## What it matches
    /// A quote followed by a dash and a name that ends the line or the sentence, the way
    /// epigraphs and pull quotes are signed: `“Stay hungry, stay foolish.” — Steve Jobs`.
    ///
    /// ## Why
    /// Blogs and features sign quotes this way, with no speech verb at all.
    ///
    /// ## Example
    /// `“Design is how it works.” – Steve Jobs, 2003` → Steve Jobs.
    ///
    /// ## Does not match
    /// A dash followed by more of the author's sentence (`“…” — Jobs never said that`).
    ///
    /// ## Known false positives
    /// A dash followed by a name that is the subject of an aside without a verb.
    pub struct QuoteDashName { id: "ATT011", name: "quote-dash-name", phase: Adjacent }
}

impl Rule for QuoteDashName {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let t = c.after.start;
        if t >= c.after.end || !is_dash(ctx, t) {
            return None;
        }
        let np = ctx.np_starting_at(t + 1, c.after.end)?;
        if np.kind != NpKind::Name {
            return None;
        }
        // The name must end the attribution: nothing but a comma, a date or a stop after it.
        let rest = np.tokens.end;
        let ends = rest >= c.after.end
            || ctx.is_punct(rest, ',')
            || ctx.is_punct(rest, '.')
            || ctx.is_punct(rest, '(');
        ends.then(|| ctx.finding(&np, 0..0, 0.8))
    }
}
