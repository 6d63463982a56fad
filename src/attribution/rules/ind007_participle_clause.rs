//! IND007 participle-clause.

use super::ind006_stance_verb::{content_end, stance_at};
use super::indirect::{report, sentence_body};
use crate::attribution::np::{NpKind, SpeakerNp};
use crate::attribution::{declare_rule, Context, IndirectFinding, Rule};

declare_rule! {
    /// # IND007 participle-clause
    ///
    /// ## What it matches
    /// A participle clause after a comma whose verb is a cue (`data/cues.txt`) or a stance
    /// verb (`data/stance_verbs.txt`): `“We make mistakes,” Johnson said in Concord,
    /// referring to a town hall.`, `Trump spoke for an hour, calling for a ban on imports.`,
    /// `Smith said the deal was dead, adding that talks would resume.` The speaker is the
    /// one of the attribution just before the comma (`Johnson said`, `said Johnson`), or
    /// else the subject that opens the sentence, or else the subject of the sentence's first
    /// reporting or stance verb (`The departments declined to comment, saying …`). The content runs from after the participle
    /// (and its particle) to the end of the clause, as for IND006.
    ///
    /// ## Why
    /// Reporters hang a second statement on an attribution with a participle ("…, adding
    /// …", "…, citing …"), most often after a direct quote, where the rules for plain
    /// sentences do not look.
    ///
    /// ## Example
    /// `“It will pass,” Ms. Okafor said, citing support from both parties.` → "Ms. Okafor",
    /// cue "citing", content "support from both parties".
    ///
    /// ## Does not match
    /// A participle with no comma before it (`a tweet calling for calm`), a sentence with no
    /// speaker at its start or attribution before the comma, content holding quoted speech.
    ///
    /// ## Known false positives
    /// A participle that modifies the object rather than the subject (`He met the mayor,
    /// calling for calm` is ambiguous in English too).
    pub struct ParticipleClause { id: "IND007", name: "participle-clause", phase: Indirect }
}

/// Most tokens between an attribution's cue and the comma before the participle ("Johnson
/// said in Concord on Monday, …").
const MAX_TRAILING_TOKENS: usize = 6;

/// The speaker of the attribution that ends just before the comma at `comma`: "Johnson
/// said [in Concord]," or "said Johnson,".
fn attribution_before(ctx: &Context, floor: usize, comma: usize) -> Option<SpeakerNp> {
    let lowest = comma.saturating_sub(MAX_TRAILING_TOKENS + 1).max(floor);
    let cue = (lowest..comma)
        .rev()
        .find(|&t| ctx.is_cue(t) && !ctx.in_quote[t])?;
    let np = ctx
        .np_ending_before(ctx.skip_adverbs_backward(cue, floor), floor)
        .or_else(|| ctx.np_starting_at(cue + 1, comma))?;
    (!ctx.has_quote(np.tokens.clone())).then_some(np)
}

/// The subject of the main clause before the comma at `comma`, found through its first
/// reporting or stance verb: "The departments declined to comment, saying …" →
/// "The departments".
fn main_subject(ctx: &Context, start: usize, comma: usize) -> Option<SpeakerNp> {
    let verb = (start + 1..comma)
        .find(|&t| !ctx.in_quote[t] && (ctx.is_cue(t) || stance_at(ctx, t, comma).is_some()))?;
    let end = ctx.skip_adverbs_backward(verb, start);
    ctx.subject_before(end, start)
        .or_else(|| ctx.sentence_subject(start, end))
        .filter(|np| !ctx.has_quote(np.tokens.clone()))
}

impl Rule for ParticipleClause {
    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = sentence_body(ctx, s)?;
        for k in r.start + 1..r.end {
            if !ctx.is_punct(k - 1, ',') || ctx.in_quote[k] || !ctx.tokens[k].is_word() {
                continue;
            }
            if !ctx.word(k).ends_with("ing") {
                continue;
            }
            let (cue_last, start) = if let Some((last, start)) = stance_at(ctx, k, r.end) {
                (last, start)
            } else if ctx.is_cue(k)
                && k + 1 < r.end
                && ctx.tokens[k + 1].is_word()
                // "adding to his lead": not speech.
                && !ctx.is(k + 1, "to")
            {
                (k, k + 1)
            } else {
                continue;
            };
            let comma = k - 1;
            let Some(np) = attribution_before(ctx, r.start, comma)
                .or_else(|| {
                    // An opening phrase that runs over a verb is a clause, not a subject.
                    ctx.np_starting_at(r.start, comma).filter(|np| {
                        !np.tokens
                            .clone()
                            .any(|t| ctx.is_cue(t) || stance_at(ctx, t, comma).is_some())
                    })
                })
                .or_else(|| main_subject(ctx, r.start, comma))
            else {
                continue;
            };
            if np.kind == NpKind::Description && np.tokens.len() == 1 {
                continue;
            }
            let end = content_end(ctx, start, r.end);
            if end <= start || ctx.has_speech_quote(start..end) {
                continue;
            }
            return Some(report(ctx, &np, k..cue_last + 1, start..end));
        }
        None
    }
}
