//! ATT005 in-their-words.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::{NpKind, SpeakerNp};
use crate::attribution::rule::{declare_rule, Rule};
use crate::mentions::MentionKind;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # ATT005 in-their-words
    ///
    /// ## What it matches
    /// A quote in a sentence that opens with "In his/her/their words", "In Smith's words" or
    /// "In the words of Smith": `In his words, it’s all about “getting laser-focused …”`.
    ///
    /// ## Why
    /// The phrase names the speaker without a speech verb; a possessive pronoun is resolved
    /// like a subject pronoun.
    ///
    /// ## Example
    /// `Scott Guthrie built Azure. In his words, it’s all about “customer needs.”` → Scott Guthrie.
    ///
    /// ## Does not match
    /// "In other words" and "in my words" (the author).
    ///
    /// ## Known false positives
    /// A possessive pronoun whose antecedent is not the nearest compatible person.
    pub struct InTheirWords { id: "ATT005", name: "in-their-words", phase: Adjacent }
}

impl Rule for InTheirWords {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let b = c.before.clone();
        for t in b.clone() {
            if !ctx.is(t, "in") {
                continue;
            }
            // In the words of NAME
            if ctx.is(t + 1, "the") && ctx.is(t + 2, "words") && ctx.is(t + 3, "of") {
                let np = ctx.np_starting_at(t + 4, b.end)?;
                return Some(ctx.finding(&np, t..t + 4, 0.85));
            }
            // In NAME’s words
            if t + 3 <= b.end
                && ctx.tokens[t + 2].kind == TokenKind::Possessive
                && ctx.is(t + 3, "words")
            {
                let np = ctx.np_simple_ending_at(t + 2, t + 1)?;
                return Some(ctx.finding(&np, t..t + 4, 0.85));
            }
            // In his words
            if ctx.is(t + 2, "words") {
                let m = ctx.mentions.starting_at(t + 1)?;
                if let MentionKind::Pronoun(g) = m.kind {
                    let np = SpeakerNp {
                        range: m.range.clone(),
                        tokens: m.tokens.clone(),
                        kind: NpKind::Pronoun(g),
                        entity: None,
                    };
                    return Some(ctx.finding(&np, t..t + 3, 0.8));
                }
            }
        }
        None
    }
}
