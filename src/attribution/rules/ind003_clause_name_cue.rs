//! IND003 clause-name-cue.

use super::indirect::{
    has_indirect_cue, opens_adverbial, report, sentence_body, word_count, MIN_CLAUSE_WORDS,
};
use super::patterns::{is_dash, skip_appositive};
use crate::attribution::np::{NpKind, SpeakerNp, MAX_APPOSITIVE_TOKENS};
use crate::attribution::{declare_rule, Context, IndirectFinding, Rule};
use crate::text::ascii_lower;

declare_rule! {
    /// # IND003 clause-name-cue
    ///
    /// ## What it matches
    /// A reported clause first, then a comma (or dash), the speaker and the reporting verb:
    /// at the end of the sentence (`The plan is dead, Smith said.`, `The van was escorted,
    /// another source said on Monday.`, `Talks will resume, said a spokesman, the port's
    /// press officer.`) or as a parenthetical inside it (`There is no chance of violence,
    /// officials insist, because policing has changed.`, `The two nations, Xi said, now have
    /// a chance.`). The content is the part before the attribution; the part after it, when
    /// it is a clause, is IND001's (a discontinuous report comes out as two pieces, each
    /// with the same speaker). The sentence may go on to a quote (`The goal, he said, is
    /// “a durable truce.”`); then a part before the attribution that sets the scene (a
    /// prepositional or time phrase, `Asked whether …`), ends in a conjunction, or is the
    /// speaker's own phrase is not reported.
    ///
    /// ## Why
    /// News puts the attribution after the claim, or in the middle of it, as often as before
    /// it.
    ///
    /// ## Example
    /// `Clinton did not want the escort, the source added.` → "the source".
    ///
    /// ## Does not match
    /// A clause of fewer than three words; an attribution followed by a new clause (`After
    /// the debate, voters said they wanted change.` is IND001's) or by more than four words
    /// that do not open with a preposition or a time word.
    ///
    /// ## Known false positives
    /// A list whose last item ends in a name and a verb.
    pub struct ClauseNameCue { id: "IND003", name: "clause-name-cue", phase: Indirect }
}

/// Most words allowed after the reporting verb ("said on Monday night").
pub const MAX_TRAILING_WORDS: usize = 4;

/// Most commas and dashes of a sentence tried as the end of the fronted clause.
pub const MAX_SPLITS: usize = 8;

/// First words of a phrase that sets the scene of a quote rather than reporting speech: a
/// preposition, a time word, a question put to the speaker.
fn opens_scene(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "for"
            | "from"
            | "with"
            | "by"
            | "since"
            | "until"
            | "through"
            | "over"
            | "under"
            | "about"
            | "just"
            | "hours"
            | "days"
            | "later"
            | "earlier"
            | "asked"
            | "holding"
            | "speaking"
            | "outside"
            | "inside"
            | "near"
            | "across"
            | "behind"
            | "within"
            | "amid"
            | "among"
            | "following"
            | "when"
            | "while"
            | "as"
            | "once"
            | "afterward"
            | "afterwards"
            | "meanwhile"
            | "yesterday"
            | "today"
            | "tonight"
    )
}

/// The attribution that starts at token `t` ("Smith said", "said Smith", "Smith, a senator,
/// said"), up to `end`: the speaker phrase, the cue, and the first token after it.
fn attribution_at(ctx: &Context, t: usize, end: usize) -> Option<(SpeakerNp, usize, usize)> {
    if t >= end {
        return None;
    }
    if ctx.is_indirect_cue(t) {
        // "…, told reporters on Thursday": "told" takes its speaker before it, never after.
        if matches!(ascii_lower(ctx.word(t)).as_str(), "told" | "tells" | "tell") {
            return None;
        }
        // "said Katie Harbath, the firm's outreach director." : the appositive may close the
        // sentence.
        let np = ctx.np_starting_at(t + 1, end)?;
        let mut after = np.tokens.end;
        if after < end && ctx.is_punct(after, ',') && np.kind == NpKind::Name {
            let skipped = skip_appositive(ctx, after, end);
            after = if skipped > after {
                skipped
            } else if end - after <= MAX_APPOSITIVE_TOKENS && !(after..end).any(|k| ctx.is_cue(k)) {
                end
            } else {
                after
            };
        }
        return Some((np, t, after));
    }
    let np = ctx.np_starting_at(t, end)?;
    let k = skip_appositive(ctx, np.tokens.end, end);
    let k = ctx.skip_adverbs_forward(k, end);
    (k < end && ctx.is_indirect_cue(k)).then_some((np, k, k + 1))
}

impl Rule for ClauseNameCue {
    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = sentence_body(ctx, s)?;
        if !has_indirect_cue(ctx, r.clone()) {
            return None;
        }
        let quoted = ctx.has_quote(r.clone());
        // An attribution after a comma holds a cue: commas past the last one need no
        // phrase-finding.
        let last_cue = (r.start..r.end).rev().find(|&t| ctx.is_indirect_cue(t))?;
        let splits = (r.start..last_cue)
            .filter(|&t| ctx.is_punct(t, ',') || is_dash(ctx, t))
            .take(MAX_SPLITS);
        for comma in splits {
            if word_count(ctx, r.start..comma) < MIN_CLAUSE_WORDS
                || ctx.has_speech_quote(r.start..comma)
            {
                continue;
            }
            let Some((np, cue, after)) = attribution_at(ctx, comma + 1, r.end) else {
                continue;
            };
            // What follows the attribution: nothing, a few words ("on Monday"), or the rest
            // of a claim it interrupts (", Smith said, the plan …" — that part is IND001's).
            let told = matches!(
                ascii_lower(ctx.word(cue)).as_str(),
                "told" | "tells" | "tell"
            );
            let fits = after >= r.end
                || ctx.is_punct(after, ',')
                || is_dash(ctx, after)
                || ((told || opens_adverbial(&ascii_lower(ctx.word(after))))
                    && !(after..r.end).any(|k| ctx.is(k, "that"))
                    && (word_count(ctx, after..r.end) <= MAX_TRAILING_WORDS
                        || (after..r.end.min(after + MAX_TRAILING_WORDS + 2))
                            .any(|k| ctx.is_punct(k, ','))));
            if !fits {
                continue;
            }
            let content = r.start..comma;
            if ctx.has_speech_quote(content.clone()) {
                continue;
            }
            // In a sentence that goes on to a quote ("The goal, he said, is “…”"), the part
            // before the attribution is reported speech only when it is no scene-setting
            // phrase ("In a statement Thursday, he said, “…”") or question ("Asked whether
            // …, he replied, “…”").
            if quoted
                && (opens_scene(&ascii_lower(ctx.word(r.start)))
                    || matches!(
                        ascii_lower(ctx.word(comma - 1)).as_str(),
                        "ago" | "later" | "earlier" | "and" | "but" | "or"
                    )
                    // "Ed Rendell (D), a Clinton supporter, said": the speaker's own phrase.
                    || ctx
                        .np_starting_at(r.start, comma)
                        .is_some_and(|np| np.tokens.end + 1 >= comma))
            {
                continue;
            }
            return Some(report(ctx, &np, cue..cue + 1, content));
        }
        None
    }
}
