//! ATT013 subject-partial.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::NpKind;
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::SENTENCE_OPENER;

declare_rule! {
    /// # ATT013 subject-partial
    ///
    /// ## What it matches
    /// A quoted fragment inside a sentence whose subject is a person (a name, he, she, they,
    /// or a role) followed by a verb that is not in the cue list: `He also seeks “a permanent
    /// injunction”`, `Huckabee is labeling the move “an abuse of power.”`. The subject is the
    /// speaker.
    ///
    /// ## Why
    /// Writers weave a person's words into their own account of what that person did; the
    /// quoted words belong to the sentence's subject far more often than to anyone else.
    ///
    /// ## Example
    /// `Sanders also seeks “a political revolution.”` → Sanders.
    ///
    /// ## Does not match
    /// A quote that stands alone (the continuation rules handle it); a sentence whose subject
    /// is no person (`The plan was “a disaster”`); a sentence with a speech verb (ATT007).
    ///
    /// ## Known false positives
    /// A scare quote in a sentence about a person (`Trump visited the “swing” states`).
    pub struct SubjectPartial { id: "ATT013", name: "subject-partial", phase: Context }
}

impl Rule for SubjectPartial {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let b = c.before.clone();
        if b.is_empty() {
            return None;
        }
        let mut t = b.start;
        while t < b.end && (ctx.is_punct(t, ',') || ctx.classes(t) & SENTENCE_OPENER != 0) {
            t += 1;
        }
        let np = ctx.np_starting_at(t, b.end)?;
        // Organisations were tried as subjects too: as many scare quotes as quotes followed.
        let person = np.entity.is_some()
            || matches!(np.kind, NpKind::Description)
            || matches!(np.kind, NpKind::Pronoun(_)) && !ctx.is(np.tokens.start, "it");
        if !person {
            return None;
        }
        // The subject is followed by its verb: a lower-case word, after at most two adverbs.
        let v = ctx.skip_adverbs_forward(np.tokens.end, b.end);
        let verb = v < b.end
            && ctx.tokens[v].is_word()
            && ctx.word(v).chars().next().is_some_and(char::is_lowercase);
        verb.then(|| ctx.finding(&np, 0..0, 0.5))
    }
}
