//! ATT003 name-cue-quote.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::NpKind;
use crate::attribution::grammar::shapes::before_cue;
use crate::attribution::rule::{declare_rule, Rule};

declare_rule! {
    /// # ATT003 name-cue-quote
    ///
    /// ## What it matches
    /// A speaker and a speech verb before the quote, in the same sentence, with at most a
    /// few words between the verb and the opening mark: `Mathews said: “…”`,
    /// `Smith told reporters on Monday, “…”`, `said Mathews: “…”`, `Smith added that “…”`.
    /// A participle after a comma speaks for the sentence's subject, past an opening phrase
    /// (`Back in 1999, Smith praised him, telling CNBC: “…”` → Smith); the one addressed
    /// after "told", "telling", "asked" is never the speaker.
    ///
    /// ## Why
    /// The introduced quote: the speaker is named first and the quote follows.
    ///
    /// ## Example
    /// `In a sidebar, Mathews said: “The area that we are investing in …”` → Mich Mathews.
    ///
    /// ## Does not match
    /// A pronoun speaker (`He said: “…”`: ATT004); a verb more than five words before the
    /// quote (ATT007 looks at the whole sentence).
    ///
    /// ## Known false positives
    /// A speech verb whose subject is not the quote's speaker: `Smith said Jones called it
    /// “a farce”` gives Smith.
    pub struct NameCueQuote { id: "ATT003", name: "name-cue-quote", phase: Adjacent }
}

impl Rule for NameCueQuote {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let (np, cue) = before_cue(ctx, c)?;
        if matches!(np.kind, NpKind::Pronoun(_)) {
            return None;
        }
        Some(ctx.finding(&np, cue..cue + 1, 0.9))
    }
}
