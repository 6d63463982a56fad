//! ATT009 continues-speaker.

use crate::attribution::{declare_rule, Candidate, Context, Decided, Finding, Rule};
use crate::mentions::MentionKind;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # ATT009 continues-speaker
    ///
    /// ## What it matches
    /// A quote that opens its sentence with no speaker of its own, when the previous piece
    /// of speech (a quote or indirect speech with a speaker) ends in the same or the
    /// previous paragraph, and no other person is named between the two.
    ///
    /// ## Why
    /// News continues a speaker's words in the next sentence or paragraph without
    /// repeating the attribution: `Mathews said that it will take ten years. “I know that
    /// sounds like an incredible amount of time …”`.
    ///
    /// ## Example
    /// `“We will win,” Smith said. “And we will win big.”` → Smith for the second quote.
    ///
    /// ## Does not match
    /// A quote after a paragraph that names someone else, or after more than one paragraph
    /// break or a long stretch of the author's own text.
    ///
    /// ## Known false positives
    /// An unattributed quote from a new, unnamed source right after another speaker's quote.
    pub struct ContinuesSpeaker { id: "ATT009", name: "continues-speaker", phase: Context }
}

/// Most words of the author's own text between the previous speech and the quote.
pub const MAX_CONTINUATION_GAP_WORDS: usize = 40;

impl Rule for ContinuesSpeaker {
    fn attribute(&self, ctx: &Context, c: &Candidate, history: &[Decided]) -> Option<Finding> {
        if !c.before.is_empty() {
            return None;
        }
        // A speech verb right after the quote means it has an attribution of its own that
        // the adjacent rules could not read; continuing the last speaker would be a guess.
        let after = c.after.start..c.after.end.min(c.after.start + 4);
        if after.clone().any(|t| ctx.is_cue(t)) {
            return None;
        }
        let prev = history
            .iter()
            .rev()
            .find(|d| d.outer.end <= c.outer.start)?;
        let speaker = prev.speaker.clone()?;
        let from = ctx.token_at(prev.outer.end);
        let to = c.before.end;
        let mut breaks = 0;
        let mut words = 0;
        for t in from..to {
            match ctx.tokens[t].kind {
                TokenKind::Break => breaks += 1,
                TokenKind::Word if !ctx.in_quote[t] => words += 1,
                _ => {}
            }
        }
        if breaks > 1 || words > MAX_CONTINUATION_GAP_WORDS {
            return None;
        }
        // Nobody else named in between; names inside the previous speech's own attribution
        // sentence ("…,” said Sosa, who backs Mr. Cruz.) do not count.
        let closing = ctx.sentence_at(prev.outer.end.saturating_sub(1));
        let start = ctx
            .sentences
            .get(closing)
            .map_or(prev.outer.end, |s| s.end.max(prev.outer.end));
        let others = ctx
            .mentions
            .list
            .iter()
            .skip_while(|m| m.range.start < start)
            .take_while(|m| m.range.start < c.outer.start)
            .any(|m| {
                let named = m.kind == MentionKind::Person
                    || (m.kind == MentionKind::Proper && m.tokens.len() >= 2);
                !m.in_quote && named && (m.entity.is_none() || m.entity != speaker.entity)
            });
        if others {
            return None;
        }
        Some(Finding {
            speaker: Some(speaker),
            cue: None,
            confidence: 0.65,
        })
    }
}
