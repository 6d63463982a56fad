//! ATT009 continues-speaker.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::rule::{declare_rule, Rule, RuleInfo};
use crate::mentions::MentionKind;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # ATT009 continues-speaker
    ///
    /// ## What it matches
    /// A quote that opens its sentence with no speaker of its own, when the previous piece
    /// of speech (a quote or indirect speech with a speaker) ends in the same or the
    /// previous paragraph, and no other person is named between the two; or when one
    /// paragraph of the writer's stands between them that is about the speaker (names them,
    /// or opens with a "he" or "she" that resolves to them) and does not end in a colon.
    ///
    /// A run of such quotes continues the same speaker, quote after quote (each is the
    /// previous piece of speech of the next), until another speaker is named or attributed
    /// in between. The confidence falls along the run ([`CARRIED_CONFIDENCE`]: 0.65, 0.6,
    /// 0.55, then 0.5), so a reader can tell a speaker carried over from one read next to
    /// the quote, and how far it was carried.
    ///
    /// ## Why
    /// News continues a speaker's words in the next sentence or paragraph without
    /// repeating the attribution: `Mathews said that it will take ten years. “I know that
    /// sounds like an incredible amount of time …”`, or sets a statement out as several
    /// quoted paragraphs after `Lee told the Courier:`.
    ///
    /// ## Example
    /// `“We will win,” Smith said. “And we will win big.”` → Smith for the second quote.
    ///
    /// ## Does not match
    /// A quote after a paragraph that names someone else, after a paragraph that does not
    /// name the speaker, after more than one paragraph or a long stretch of the author's own
    /// text, or after a report of a question (`Lee asked the mayor about the pier.`: the
    /// quote is the answer).
    ///
    /// ## Known false positives
    /// An unattributed quote from a new, unnamed source right after another speaker's quote.
    pub struct ContinuesSpeaker { id: "ATT009", name: "continues-speaker", phase: Context }
}

/// Most words of the author's own text between the previous speech and the quote.
pub const MAX_CONTINUATION_GAP_WORDS: usize = 40;

/// Confidence of a speaker carried over, by how many quotes it has already been carried
/// without a new attribution: the first quote after an attributed one 0.65, the next 0.6,
/// then 0.55, and 0.5 from the fourth on. Each is below the rules that read a named
/// speaker next to the quote (0.75 to 0.95) and ATT008's introductions (0.7 to 0.8), and
/// above an unattributed quote (0.4).
pub const CARRIED_CONFIDENCE: [f64; 4] = [0.65, 0.6, 0.55, 0.5];

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
        let before = history
            .iter()
            .rposition(|d| d.outer().end <= c.outer.start)?;
        let prev = &history[before];
        let speaker = prev.speaker.clone()?;
        // After a report of a question ("Lee asked the mayor about the pier."), the quote
        // is the answer: someone else's. (A quoted question may be followed by its asker's
        // own answer: “Why now?” she asked. “Because …”.)
        let asked = prev
            .cue()
            .is_some_and(|cue| crate::mentions::lexicon::lexicon().is_question_cue(&ctx.text[cue]));
        if asked && prev.content() == prev.outer() {
            return None;
        }
        let from = ctx.token_at(prev.outer().end);
        let to = c.before.end;
        let mut breaks = 0;
        let mut words = 0;
        for t in from..to {
            match ctx.tokens[t].kind {
                TokenKind::Break => breaks += 1,
                TokenKind::Word if !ctx.in_quote(t) => words += 1,
                _ => {}
            }
        }
        if breaks > 2 || words > MAX_CONTINUATION_GAP_WORDS {
            return None;
        }
        // Nobody else named in between; names inside the previous speech's own attribution
        // sentence ("…,” said Sosa, who backs Mr. Cruz.) do not count.
        let closing = ctx.sentence_at(prev.outer().end.saturating_sub(1));
        let start = ctx
            .sentences
            .get(closing)
            .map_or(prev.outer().end, |s| s.end.max(prev.outer().end));
        let list = &ctx.mentions.list;
        let first = list.partition_point(|m| m.range().start < start);
        let end = list.partition_point(|m| m.range().start < c.outer.start);
        let between = &list[first..end.max(first)];
        let others = between.iter().any(|m| {
            let named = m.kind == MentionKind::Person
                || (m.kind == MentionKind::Proper && m.tokens().len() >= 2);
            !m.in_quote && named && (m.entity().is_none() || m.entity() != speaker.entity)
        });
        if others {
            return None;
        }
        // A whole paragraph of the writer's between the two: only one about the speaker,
        // who is named in it or is the "he" or "she" it opens with, and not one that ends in
        // a colon (an introduction ATT008 could not read is of something else: "… on its
        // website, which says:").
        if breaks == 2 {
            let entity = speaker.entity?;
            let last = (from..to)
                .rev()
                .find(|&t| ctx.tokens[t].kind != TokenKind::Break);
            if last.is_some_and(|t| ctx.is_punct(t, ':')) {
                return None;
            }
            // (A single name the mention finder left without a person, "Oakes has
            // coached …", counts when it is one of the speaker's forms.)
            let forms = &ctx.mentions.entities[entity].forms;
            let named = between.iter().any(|m| {
                !m.in_quote
                    && (m.entity() == Some(entity)
                        || (m.kind == MentionKind::Proper
                            && forms.iter().any(|f| *f == ctx.text[m.range()])))
            });
            let pronoun = between.iter().any(|m| {
                let first_in_paragraph = m.tokens().start > 0
                    && ctx.tokens[m.tokens().start - 1].kind == TokenKind::Break;
                match m.kind {
                    MentionKind::Pronoun(gender) if first_in_paragraph && !m.in_quote => {
                        ctx.mentions.antecedent(m.range().start, gender) == Some(entity)
                    }
                    _ => false,
                }
            });
            if !(named || pronoun) {
                return None;
            }
        }
        // How far the speaker has been carried: the pieces this rule gave the speaker
        // right before, counted up to the last step of the table.
        let carried = history[..=before]
            .iter()
            .rev()
            .take(CARRIED_CONFIDENCE.len() - 1)
            .take_while(|d| d.rule == self.id())
            .count();
        Some(Finding {
            speaker: Some(speaker),
            cue: None,
            confidence: CARRIED_CONFIDENCE[carried],
        })
    }
}
