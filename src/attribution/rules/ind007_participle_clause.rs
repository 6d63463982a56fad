//! IND007 participle-clause.

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{content_end, report, sentence_body};
use crate::attribution::grammar::np::{NpKind, SpeakerNp};
use crate::attribution::grammar::stance::stance_at;
use crate::attribution::grammar::words::{auxiliary, Auxiliary};
use crate::attribution::rule::Wake;
use crate::attribution::rule::{class_by_cue, cue_head};
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::{CUE, STANCE_VERB, WAKE_WORD};
use crate::lexicon::{self, class};
use crate::output::QuoteClass;
use crate::text::ascii_lower;

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
    /// reporting or stance verb (`The departments declined to comment, saying …`). The
    /// content runs from after the participle (and its particle) to the end of the clause,
    /// as for IND006 (the shared `indirect::content_end`: it stops before "and" or "but"
    /// where a second attributing verb follows).
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
    /// Without a comma, a stance participle right after a group or a named body reads as the
    /// group's stance: `A super PAC supporting Marco Rubio led the spending.` → "A super
    /// PAC", content "Marco Rubio".
    ///
    /// ## Does not match
    /// Other participles with no comma before them (`a tweet calling for calm`), a sentence with no
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
        .find(|&t| ctx.is_cue(t) && !ctx.in_quote(t))?;
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
        .find(|&t| !ctx.in_quote(t) && (ctx.is_cue(t) || stance_at(ctx, t, comma).is_some()))?;
    let end = ctx.skip_adverbs_backward(verb, start);
    ctx.subject_before(end, start)
        .or_else(|| ctx.sentence_subject(start, end))
        .filter(|np| !ctx.has_quote(np.tokens.clone()))
}

/// Participles that, right after a noun, give the stance of what the noun names ("the
/// super PAC supporting Rubio", "voters opposing the levy").
fn is_stance_participle(w: &str) -> bool {
    STANCE_PARTICIPLES.contains(&w)
}

/// The participles of taking sides that describe the group before them, as written.
const STANCE_PARTICIPLES: [&str; 6] = [
    "supporting",
    "backing",
    "opposing",
    "endorsing",
    "favoring",
    "favouring",
];

/// "A super PAC supporting Marco Rubio's campaign led the spending": the phrase before a
/// stance participle holds the stance, the participle's object is the content.
fn reduced_relative(ctx: &Context, r: std::ops::Range<usize>, k: usize) -> Option<IndirectFinding> {
    if !is_stance_participle(ctx.word(k)) || k + 1 >= r.end || !ctx.tokens[k + 1].is_word() {
        return None;
    }
    let np = ctx.np_simple_ending_at(k, r.start)?;
    // A group or a named body: "super PACs", "those" are; a lone singular noun ("a tweet
    // supporting …") is not, nor is anything in quote marks.
    let group = match np.kind {
        NpKind::Description => {
            np.tokens.len() > 1 || ascii_lower(ctx.word(np.tokens.end - 1)).ends_with('s')
        }
        NpKind::Name | NpKind::Organisation => true,
        NpKind::Pronoun(_) | NpKind::FirstPerson => false,
    };
    if !group || ctx.has_quote(np.tokens.clone()) {
        return None;
    }
    let start = k + 1;
    // The participle's object ends where the sentence's own verb begins ("… supporting the
    // dam marched to the town hall"): a past form, an auxiliary or a cue.
    let end = content_end(ctx, start, r.end);
    let end = (start + 1..end)
        .find(|&t| {
            let w = ctx.word(t);
            ctx.tokens[t].is_word()
                && w.as_bytes()[0].is_ascii_lowercase()
                && (w.ends_with("ed")
                    || ctx.is_cue(t)
                    || auxiliary(w).is_some_and(|a| a != Auxiliary::Adverb))
        })
        .unwrap_or(end);
    let end = ctx.end_before_quoted_tail(start, end)?;
    if end <= start {
        return None;
    }
    Some(report(ctx, &np, k..k + 1, start..end))
}

impl Rule for ParticipleClause {
    /// The participle is a cue or a stance verb (no verb that speaks only with its particle
    /// ends in "-ing"), or a stance participle of [`STANCE_PARTICIPLES`], each a stance verb or
    /// a wake word.
    fn wake(&self) -> Wake {
        Wake::words(CUE | STANCE_VERB | WAKE_WORD)
    }

    /// A stance participle ("calling for a ban", "urging calm") reports a stance; a verb of
    /// saying ("adding that …") speech, of thinking a thought.
    fn class_of(&self, text: &str, cue: Option<&std::ops::Range<usize>>) -> QuoteClass {
        match cue {
            Some(cue)
                if lexicon::lookup(&ascii_lower(cue_head(text, cue))).has(class::STANCE_VERB) =>
            {
                QuoteClass::Stance
            }
            _ => class_by_cue(QuoteClass::Speech, text, cue),
        }
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = sentence_body(ctx, s)?;
        for k in r.start + 1..r.end {
            if ctx.in_quote(k) || !ctx.tokens[k].is_word() || !ctx.word(k).ends_with("ing") {
                continue;
            }
            if !ctx.is_punct(k - 1, ',') {
                // "a super PAC supporting Marco Rubio": a participle right after the group
                // it describes.
                if let Some(found) = reduced_relative(ctx, r.clone(), k) {
                    return Some(found);
                }
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
            let Some(end) = ctx.end_before_quoted_tail(start, end) else {
                continue;
            };
            if end <= start {
                continue;
            }
            return Some(report(ctx, &np, k..cue_last + 1, start..end));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::context::SentenceWords;

    #[test]
    fn every_stance_participle_wakes_the_rule() {
        for w in STANCE_PARTICIPLES {
            let held = SentenceWords {
                classes: lexicon::lookup(w).classes(),
                marks: 0,
            };
            assert!(ParticipleClause.wake().wakes(held), "{w:?}");
        }
    }
}
