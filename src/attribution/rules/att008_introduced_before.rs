//! ATT008 introduced-before.

use crate::attribution::{declare_rule, Candidate, Context, Decided, Finding, Rule};
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # ATT008 introduced-before
    ///
    /// ## What it matches
    /// A quote that opens its sentence (often its paragraph) right after a sentence that
    /// introduces it: one that ends in a colon and has a speaker and a speech verb
    /// (`Mathews put it this way:` / `He told the committee:`), or one that announces "a
    /// quote from", "the words of", "remarks by" someone (`Here is a quote from Steve Jobs.`).
    ///
    /// ## Why
    /// Long quotes are often set as their own paragraph after an introduction.
    ///
    /// ## Example
    /// `One point is a quote from Steve Jobs.\n\n“You’ve got to start with the customer …”`
    /// → Steve Jobs.
    ///
    /// ## Does not match
    /// A previous sentence that itself holds a quote (ATT009 continues that speaker), or one
    /// that merely mentions a person.
    ///
    /// ## Known false positives
    /// An introduction of a document rather than a speaker (`a quote from the report:`).
    pub struct IntroducedBefore { id: "ATT008", name: "introduced-before", phase: Context }
}

const ANNOUNCING_NOUNS: &[&str] = &[
    "quote",
    "quotes",
    "quoted",
    "quoting",
    "words",
    "remarks",
    "comments",
    "statement",
    "saying",
    "line",
    "message",
    "answer",
    "response",
];

impl Rule for IntroducedBefore {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        if !c.before.is_empty() || c.sentence == 0 {
            return None;
        }
        let prev = ctx.sentence_tokens(c.sentence - 1);
        if prev.is_empty() || ctx.has_quote(prev.clone()) {
            return None;
        }
        // The introduction must end right before the quote: at most one paragraph between.
        let gap = ctx.tokens[prev.end..c.before.end]
            .iter()
            .filter(|t| t.kind == TokenKind::Break)
            .count();
        if gap > 1 {
            return None;
        }
        let last = prev.end - 1;
        if ctx.is_punct(last, ':') {
            for k in (prev.start..last).rev() {
                // "put it this way:", "put it bluntly:" speak as a cue does.
                let put_it = ctx.is(k, "put") && ctx.is(k + 1, "it");
                if !ctx.is_cue(k) && !put_it {
                    continue;
                }
                let subject_end = ctx.skip_adverbs_backward(k, prev.start);
                if let Some(np) = ctx
                    .np_ending_before(subject_end, prev.start)
                    .or_else(|| ctx.np_starting_at(k + 1, last))
                {
                    return Some(ctx.finding(&np, k..k + 1, 0.8));
                }
            }
        }
        // "a quote from NAME", "the words of NAME", "quoting NAME"
        for k in prev.clone() {
            let w = ascii_lower(ctx.word(k));
            if !ctx.tokens[k].is_word() || !ANNOUNCING_NOUNS.contains(&w.as_str()) {
                continue;
            }
            let mut t = k + 1;
            if ctx.is(t, "from") || ctx.is(t, "by") || ctx.is(t, "of") {
                t += 1;
            } else if !(w == "quoted" || w == "quoting") {
                continue;
            }
            if let Some(np) = ctx.np_starting_at(t, prev.end) {
                return Some(ctx.finding(&np, k..t, 0.75));
            }
        }
        None
    }
}
