//! ATT004 pronoun-cue.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::NpKind;
use crate::attribution::grammar::shapes::{after_cue_name, after_name_cue, before_cue};
use crate::attribution::rule::{declare_rule, Rule};

declare_rule! {
    /// # ATT004 pronoun-cue
    ///
    /// ## What it matches
    /// A quote attributed to a pronoun in any of the adjacent positions: `“…,” he said`,
    /// `“…,” said she`, `She added: “…”`. The pronoun is resolved to the nearest earlier
    /// person outside quotes whose gender does not contradict it. "It" right before its verb
    /// (`“…,” it said`, `“…,” it added`) speaks for a body or a document: it is resolved to an
    /// organisation named outside quotes in the same sentence or the one before, and stays
    /// "it" otherwise.
    ///
    /// ## Why
    /// After the first quote, news names a speaker by pronoun; the speaker is whoever the
    /// pronoun refers to.
    ///
    /// ## Example
    /// `Scott Guthrie spoke to us. “It works,” he said.` → Scott Guthrie.
    ///
    /// ## Does not match
    /// First-person pronouns (I, we): the author, not a source.
    ///
    /// ## Known false positives
    /// A pronoun whose antecedent is not the nearest compatible person (two men in one
    /// paragraph); the mention span stays right even then.
    pub struct PronounCue { id: "ATT004", name: "pronoun-cue", phase: Adjacent }
}

impl Rule for PronounCue {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let (np, cue) = after_name_cue(ctx, c)
            .or_else(|| after_cue_name(ctx, c))
            .or_else(|| before_cue(ctx, c))?;
        if !matches!(np.kind, NpKind::Pronoun(_)) {
            return None;
        }
        let mut finding = ctx.finding(&np, cue..cue + 1, 0.85);
        if finding.speaker.as_ref().is_some_and(|s| s.entity.is_none()) {
            finding.confidence = 0.5;
        }
        Some(finding)
    }
}
