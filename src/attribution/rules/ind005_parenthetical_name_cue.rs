//! IND005 parenthetical-name-cue.

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{
    bytes, has_indirect_cue, opens_appositive, plain_sentence, report, word_count, MIN_CLAUSE_WORDS,
};
use crate::attribution::grammar::shapes::skip_appositive;
use crate::attribution::rule::Wake;
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::CUE_INDIRECT;
use crate::text::ascii_lower;

declare_rule! {
    /// # IND005 parenthetical-name-cue
    ///
    /// ## What it matches
    /// An attribution set off by commas inside the reported sentence: `Even if the venture
    /// fails, Mr. Morgan said, he has already done the work.`, `The plan, officials said, is
    /// dead.` The content is the clause after the attribution, with what stands before the
    /// attribution as its lead ("The plan" | "is dead"); or the clause before it, when nothing
    /// follows, or when what follows an inverted attribution describes the speaker: `…,
    /// said Ann Lee, a debt expert who has written on it.`).
    ///
    /// ## Why
    /// Reporters interrupt a paraphrase with its source as often as they put the source
    /// first or last.
    ///
    /// ## Example
    /// `The bridge, the mayor said, will reopen in May.` → "the mayor", content "will reopen
    /// in May", lead "The bridge".
    ///
    /// ## Does not match
    /// An attribution at the very start (IND001) or end (IND003) of the sentence.
    ///
    /// ## Known false positives
    /// A list of names followed by a verb between commas.
    pub struct ParentheticalNameCue { id: "IND005", name: "parenthetical-name-cue", phase: Indirect }
}

impl Rule for ParentheticalNameCue {
    /// The attribution between the commas holds a cue that reports speech.
    fn wake(&self) -> Wake {
        Wake::words(CUE_INDIRECT)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = plain_sentence(ctx, s)?;
        if !has_indirect_cue(ctx, r.clone()) {
            return None;
        }
        for open in r.clone() {
            if !ctx.is_punct(open, ',') {
                continue;
            }
            let t = open + 1;
            // ", NAME [appositive] said," or ", said NAME,"
            let inverted = ctx.is_indirect_cue(t);
            let (np, cue) = if inverted {
                match ctx.np_starting_at(t + 1, r.end) {
                    Some(np) => (np, t),
                    None => continue,
                }
            } else {
                let Some(np) = ctx.np_starting_at(t, r.end) else {
                    continue;
                };
                let k = skip_appositive(ctx, np.tokens.end, r.end);
                // ", a source close to the mayor said,": how the source knows.
                let k =
                    crate::attribution::grammar::shapes::skip_source_postmodifier(ctx, k, r.end);
                let k = ctx.skip_adverbs_forward(k, r.end);
                if !ctx.is_indirect_cue(k) {
                    continue;
                }
                (np, k)
            };
            let close = cue.max(np.tokens.end - 1) + 1;
            if close >= r.end || !ctx.is_punct(close, ',') {
                continue;
            }
            let after = close + 1..r.end;
            let before = r.start..open;
            // ", said Ann Lee, a debt expert who …": after an inverted attribution, a phrase
            // that opens with an article describes the speaker.
            let described = inverted
                && (matches!(
                    ascii_lower(ctx.word(after.start)).as_str(),
                    "a" | "an" | "the"
                ) || ctx
                    .tokens
                    .get(after.start + 1)
                    .is_some_and(|t| t.kind == crate::text::tokens::TokenKind::Possessive));
            // "…, the commission said, according to Reuters": a second attribution; "…, Lee
            // said, offering an example": a participle of the attribution's own. Neither
            // continues the content.
            let first_after = ascii_lower(ctx.word(after.start));
            let no_continuation = first_after == "according"
                || (first_after.ends_with("ing") && first_after.len() > 4);
            let (content, lead) = if word_count(ctx, after.clone()) >= MIN_CLAUSE_WORDS
                && !described
                && !no_continuation
                && !opens_appositive(ctx, after.start, r.end)
            {
                // What stands before the attribution is the content's lead.
                let lead = (before.start < before.end).then(|| bytes(ctx, before));
                (after, lead)
            } else if word_count(ctx, before.clone()) >= MIN_CLAUSE_WORDS {
                (before, None)
            } else {
                continue;
            };
            let mut found = report(ctx, &np, cue..cue + 1, content);
            found.lead = lead;
            return Some(found);
        }
        None
    }
}
