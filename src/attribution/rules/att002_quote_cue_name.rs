//! ATT002 quote-cue-name.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::NpKind;
use crate::attribution::grammar::shapes::after_cue_name;
use crate::attribution::rule::{declare_rule, Rule};

declare_rule! {
    /// # ATT002 quote-cue-name
    ///
    /// ## What it matches
    /// A quote followed by the speech verb and then the speaker (cue–name inversion):
    /// `“…,” said Guthrie`, `“…,” said Sen. Smith`, `“…,” says the company's chief executive`.
    /// Capitalised words that close the sentence, or that an appositive follows, are a name
    /// even when the mention finder does not know them (`“…,” said Baron.`: a title word;
    /// `“…,” said Will Doyle, a professor`: a modal).
    ///
    /// ## Why
    /// Inversion is the second most common form of attribution in news.
    ///
    /// ## Example
    /// `“It will take ten years,” said Mathews, who runs marketing.` → Mathews.
    ///
    /// ## Does not match
    /// A pronoun after the verb (`said he`: ATT004).
    ///
    /// ## Known false positives
    /// `“…,” said in a statement` followed by a name that is not the speaker.
    pub struct QuoteCueName { id: "ATT002", name: "quote-cue-name", phase: Adjacent }
}

impl Rule for QuoteCueName {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let (np, cue) = after_cue_name(ctx, c)?;
        if matches!(np.kind, NpKind::Pronoun(_)) {
            return None;
        }
        Some(ctx.finding(&np, cue..cue + 1, 0.95))
    }
}
