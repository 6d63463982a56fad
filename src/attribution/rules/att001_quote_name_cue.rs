//! ATT001 quote-name-cue.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::NpKind;
use crate::attribution::grammar::shapes::after_name_cue;
use crate::attribution::rule::{declare_rule, Rule};

declare_rule! {
    /// # ATT001 quote-name-cue
    ///
    /// ## What it matches
    /// A quote followed, in the same sentence, by a speaker named or described and then a
    /// speech verb: `“…,” Guthrie said`, `“…,” a White House spokesman said`,
    /// `“…,” Smith, a senator from Ohio, told reporters`, `“…,” Smith later added`.
    /// Up to three capitalised words right before a verb that ends the sentence name the
    /// speaker even when the mention finder does not know them, each being also a role, a
    /// title or a common word (`“…,” Seaman said.`, `“…,” Will wrote.`, `“…,” Read said.`).
    ///
    /// ## Why
    /// The most common attribution in news writing; the speaker stands right after the
    /// closing mark, so the evidence is unambiguous.
    ///
    /// ## Example
    /// `“We are laser-focused,” Guthrie said.` → Scott Guthrie (when the document named him
    /// in full earlier).
    ///
    /// ## Does not match
    /// A pronoun speaker (`“…,” he said`: ATT004); a verb first (`“…,” said Guthrie`: ATT002).
    ///
    /// ## Known false positives
    /// A name that is the object of a clause after the quote (`“…” Smith said nothing about`)
    /// when a speech verb follows it.
    pub struct QuoteNameCue { id: "ATT001", name: "quote-name-cue", phase: Adjacent }
}

impl Rule for QuoteNameCue {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let (np, cue) = after_name_cue(ctx, c)?;
        if matches!(np.kind, NpKind::Pronoun(_)) {
            return None;
        }
        Some(ctx.finding(&np, cue..cue + 1, 0.95))
    }
}
