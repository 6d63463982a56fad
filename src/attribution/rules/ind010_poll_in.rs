//! IND010 poll-in.

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{report, sentence_body, word_count, MIN_CLAUSE_WORDS};
use crate::attribution::grammar::words::is_dash;
use crate::attribution::rule::Wake;
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::WAKE_WORD;

declare_rule! {
    /// # IND010 poll-in
    ///
    /// ## What it matches
    /// A finding credited to a poll or survey by "in": `In the latest CNN poll, Clinton leads
    /// by five points.`, `Trump leads Cruz by 9 points in the RealClearPolitics average of
    /// recent polls.`, `He fell to 10 percent in a Fox News survey released Wednesday.` The
    /// source is the poll phrase from after "in" to the comma or the sentence end; the
    /// content is the rest of the sentence (after the comma for an opening phrase, before
    /// "in" for a closing one).
    ///
    /// ## Why
    /// Poll results are attributions like "according to a poll", written with "in".
    ///
    /// ## Example
    /// `In a Monmouth University poll released Monday, Okafor led by six points.` → "a
    /// Monmouth University poll released Monday", content "Okafor led by six points".
    ///
    /// ## Does not match
    /// A poll phrase in the middle of the sentence (`her lead in the polls grew`), one that is
    /// not the sentence's frame ("in the polls ahead of the primary, which …"), a content of
    /// fewer than three words, a sentence with quote marks in its content.
    ///
    /// ## Known false positives
    /// A sentence about the poll itself (`Errors were found in the poll.`).
    pub struct PollIn { id: "IND010", name: "poll-in", phase: Indirect, class: Evidential }
}

/// Most words between "in" and the poll noun ("in the latest Washington Post-ABC News
/// poll").
const MAX_POLL_PHRASE_TOKENS: usize = 10;

/// Most words after the poll noun in a closing phrase ("released Wednesday", "of New
/// Hampshire polls").
const MAX_POLL_TAIL_TOKENS: usize = 8;

/// The nouns that name a poll, in any ASCII case.
const POLL_NOUNS: [&str; 5] = ["poll", "polls", "survey", "surveys", "polling"];

/// Nouns that name a poll.
fn is_poll_noun(w: &str) -> bool {
    POLL_NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n))
}

/// The poll noun of a phrase that starts after "in" at `t`, not reaching `end`.
fn poll_noun(ctx: &Context, t: usize, end: usize) -> Option<usize> {
    (t..end.min(t + MAX_POLL_PHRASE_TOKENS))
        .take_while(|&u| !ctx.is_punct(u, ',') && !ctx.in_quote[u] && !ctx.is_cue(u))
        .find(|&u| ctx.tokens[u].is_word() && is_poll_noun(ctx.word(u)))
}

impl Rule for PollIn {
    /// The phrase names a poll: each of [`POLL_NOUNS`] is a wake word.
    fn wake(&self) -> Wake {
        Wake::words(WAKE_WORD)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = sentence_body(ctx, s)?;
        // Most sentences name no poll: a substring search turns them away before any
        // token is read.
        let text = &ctx.text[ctx.tokens[r.start].start()..ctx.tokens[r.end - 1].end()];
        if !(text.contains("oll") || text.contains("urvey")) {
            return None;
        }
        // "In the latest CNN poll, …": the opening phrase.
        if ctx.is(r.start, "in") {
            if let Some(noun) = poll_noun(ctx, r.start + 1, r.end) {
                let comma = (noun + 1..r.end.min(noun + 1 + MAX_POLL_TAIL_TOKENS))
                    .find(|&u| ctx.is_punct(u, ','))?;
                let content = comma + 1..r.end;
                if word_count(ctx, content.clone()) < MIN_CLAUSE_WORDS
                    || ctx.has_speech_quote(content.clone())
                {
                    return None;
                }
                let np = ctx.description(r.start + 1..comma);
                return Some(report(ctx, &np, r.start..r.start + 1, content));
            }
        }
        // "… in the RealClearPolitics average of recent polls.": the closing phrase, after
        // which only a few words follow.
        let lowest = r
            .end
            .saturating_sub(MAX_POLL_PHRASE_TOKENS + MAX_POLL_TAIL_TOKENS);
        for t in (r.start + MIN_CLAUSE_WORDS..r.end).filter(|&t| t >= lowest) {
            if !ctx.is(t, "in") || ctx.in_quote[t] {
                continue;
            }
            let Some(noun) = poll_noun(ctx, t + 1, r.end) else {
                continue;
            };
            // The phrase closes the sentence: "… in the polls, the campaign said" is framed
            // by something else.
            let close = r.end;
            if close - noun > MAX_POLL_TAIL_TOKENS
                || (noun + 1..close).any(|u| ctx.is_punct(u, ',') || is_dash(ctx, u))
            {
                continue;
            }
            let content = r.start..t;
            if word_count(ctx, content.clone()) < MIN_CLAUSE_WORDS
                || ctx.has_speech_quote(content.clone())
            {
                return None;
            }
            let np = ctx.description(t + 1..close);
            return Some(report(ctx, &np, t..t + 1, content));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::context::SentenceWords;

    #[test]
    fn every_poll_noun_wakes_the_rule_in_any_ascii_case() {
        for noun in POLL_NOUNS {
            let capital = format!("{}{}", noun[..1].to_ascii_uppercase(), &noun[1..]);
            for w in [noun.to_string(), capital, noun.to_ascii_uppercase()] {
                assert!(is_poll_noun(&w));
                let held = SentenceWords {
                    classes: crate::lexicon::lookup(&w).classes(),
                    marks: 0,
                };
                assert!(PollIn.wake().wakes(held), "{w:?}");
            }
        }
    }
}
