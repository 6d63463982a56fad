//! IND009 asked-question.

use crate::attribution::context::Context;
use crate::attribution::finding::{Finding, IndirectFinding};
use crate::attribution::grammar::clause::{
    bytes, report, sentence_body, word_count, MIN_CLAUSE_WORDS,
};
use crate::attribution::rule::Wake;
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::CUE_QUESTION;
use crate::text::ascii_lower;

declare_rule! {
    /// # IND009 asked-question
    ///
    /// ## What it matches
    /// The question put to the person a sentence then quotes or reports, in the participle
    /// that opens it: `Asked whether he would run again, Okafor said …`, `When asked about
    /// the budget, the mayor smiled.`, `Asked by a reporter if the deal was dead, she said
    /// …`. The content is the question, from its "whether", "if", "about" or wh-word to the
    /// comma; the speaker is the asker after "by", else nobody (the reporter, unnamed).
    ///
    /// ## Why
    /// News reports the questions behind answers this way; the question is reported speech
    /// too, and it tells a reader of the answer what it answers.
    ///
    /// ## Example
    /// `Asked by Matt Lauer whether she had practised the speech, she said no.` → "Matt
    /// Lauer", cue "Asked", content "whether she had practised the speech".
    ///
    /// ## Does not match
    /// "asked" with a subject before it (`Smith asked whether …` is IND001's), a participle
    /// with no question word (`Asked to leave, he stayed.`), a question of fewer than three
    /// words (`Asked about that, …`), a question that runs to the end of the sentence with
    /// no comma.
    ///
    /// ## Known false positives
    /// None known.
    pub struct AskedQuestion { id: "IND009", name: "asked-question", phase: Indirect }
}

/// Most tokens between "asked" (and its "by" phrase) and the question word ("Asked at a
/// briefing on Monday in Washington about …").
const MAX_LEAD_TOKENS: usize = 10;

/// Words that open the question.
fn opens_question(w: &str) -> bool {
    matches!(
        w,
        "whether"
            | "if"
            | "about"
            | "what"
            | "why"
            | "how"
            | "who"
            | "whom"
            | "which"
            | "when"
            | "where"
    )
}

impl Rule for AskedQuestion {
    /// "Asked" is a cue of questions.
    fn wake(&self) -> Wake {
        Wake::words(CUE_QUESTION)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = sentence_body(ctx, s)?;
        // "Asked …" or "When asked …" opens the sentence.
        let mut k = r.start;
        if ctx.is(k, "when") {
            k += 1;
        }
        if k >= r.end || !ctx.is(k, "asked") || ctx.in_quote[k] {
            return None;
        }
        // "Asked by Matt Lauer whether …": the asker.
        let mut t = k + 1;
        // An asker the phrase finders do not know ("by the committee") is left unnamed.
        let asker = if ctx.is(t, "by") {
            let np = ctx.np_starting_at(t + 1, r.end);
            t = np.as_ref().map_or(t + 1, |np| np.tokens.end);
            np
        } else {
            None
        };
        let lead_end = r.end.min(t + MAX_LEAD_TOKENS);
        let start = (t..lead_end)
            .take_while(|&u| !ctx.is_punct(u, ',') && !ctx.in_quote[u])
            .find(|&u| ctx.tokens[u].is_word() && opens_question(&ascii_lower(ctx.word(u))))?;
        let comma = (start..r.end).find(|&u| ctx.is_punct(u, ',') || ctx.in_quote[u])?;
        if !ctx.is_punct(comma, ',') || word_count(ctx, start..comma) < MIN_CLAUSE_WORDS {
            return None;
        }
        Some(match asker {
            Some(np) => report(ctx, &np, k..k + 1, start..comma),
            None => IndirectFinding {
                content: bytes(ctx, start..comma),
                lead: None,
                finding: Finding {
                    speaker: None,
                    cue: Some(bytes(ctx, k..k + 1)),
                    confidence: 0.6,
                },
                verbatim: false,
            },
        })
    }
}
