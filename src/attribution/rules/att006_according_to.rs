//! ATT006 according-to.

use super::indirect::word_count;
use crate::attribution::np::SpeakerNp;
use crate::attribution::{declare_rule, Candidate, Context, Decided, Finding, Rule};
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # ATT006 according-to
    ///
    /// ## What it matches
    /// A quote in a sentence with "according to" and a speaker, before the quote
    /// (`According to Smith, the plan is “dead on arrival.”`) or right after it
    /// (`“…,” according to a spokesman.`). Right after the quote, any source phrase names
    /// whoever put the words out (`“…,” according to the news outlet.`).
    ///
    /// ## Why
    /// "According to" attributes without a speech verb.
    ///
    /// ## Example
    /// `“It is over,” according to Mathews.` → Mathews.
    ///
    /// ## Does not match
    /// Before the quote, "according to" followed by something that is no speaker
    /// (`According to the article, … “…”`: the article reports, it does not speak the
    /// quoted words); `according to plan`.
    ///
    /// ## Known false positives
    /// A sentence that attributes a fact, not the quoted words, to the source.
    pub struct AccordingTo { id: "ATT006", name: "according-to", phase: Adjacent }
}

/// The speaker after an "according to" at token `t`, not reaching `limit`.
pub fn according_to_at(ctx: &Context, t: usize, limit: usize) -> Option<SpeakerNp> {
    if !(ctx.is(t, "according") && ctx.is(t + 1, "to")) {
        return None;
    }
    ctx.np_starting_at(t + 2, limit)
}

/// Most words of a source phrase that is no speaker ("a CNN/WMUR poll", "recent data from
/// comScore").
pub const MAX_SOURCE_WORDS: usize = 10;

/// "according to plan", "according to the rules": conformity, not a source.
fn is_conformity(word: &str) -> bool {
    matches!(
        word,
        "plan"
            | "plans"
            | "schedule"
            | "script"
            | "form"
            | "rules"
            | "rule"
            | "tradition"
            | "custom"
            | "protocol"
            | "expectations"
            | "procedure"
            | "design"
            | "size"
            | "age"
            | "type"
            | "need"
            | "needs"
            | "merit"
            | "instructions"
    )
}

/// True when a conformity word heads the phrase `r` ("according to plan", "according to the
/// party's rules": among its first two words, or anywhere in three words or fewer).
/// "According to the initial schedule published Thursday" cites a document.
pub fn heads_conformity(ctx: &Context, r: std::ops::Range<usize>) -> bool {
    let words = word_count(ctx, r.clone());
    r.filter(|&u| ctx.tokens[u].is_word())
        .enumerate()
        .any(|(i, u)| (i < 2 || words <= 3) && is_conformity(&ascii_lower(ctx.word(u))))
}

/// The source named after "according to" at token `t` when it is no speaker phrase: the
/// words up to the next comma, dash or the end of the sentence.
pub fn source_phrase(ctx: &Context, t: usize, end: usize) -> Option<SpeakerNp> {
    source_phrase_of(ctx, t, end, MAX_SOURCE_WORDS)
}

/// [`source_phrase`] with at most `max_words` words: a sentence that opens with "According
/// to" closes the phrase with its comma, so it may be longer ("According to early results of
/// exit polls conducted for the networks by Edison Research, …").
pub fn source_phrase_of(
    ctx: &Context,
    t: usize,
    end: usize,
    max_words: usize,
) -> Option<SpeakerNp> {
    if !(ctx.is(t, "according") && ctx.is(t + 1, "to")) {
        return None;
    }
    let start = t + 2;
    let mut k = start;
    while k < end
        && (ctx.tokens[k].is_word()
            || matches!(
                ctx.tokens[k].kind,
                TokenKind::Possessive | TokenKind::Punct('/' | '.' | '-' | '&')
            ))
    {
        k += 1;
    }
    // A period ends the sentence, unless a word follows it ("F.A.A. records").
    while k > start && !ctx.tokens[k - 1].is_word() {
        k -= 1;
    }
    let words = word_count(ctx, start..k);
    if words == 0 || words > max_words {
        return None;
    }
    if heads_conformity(ctx, start..k) {
        return None;
    }
    Some(ctx.description(start..k))
}

impl Rule for AccordingTo {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let after = super::patterns::after_start(ctx, c);
        let source = |t: usize, end: usize| {
            according_to_at(ctx, t, end).or_else(|| source_phrase(ctx, t, end))
        };
        if let Some(np) = source(after, c.after.end) {
            return Some(ctx.finding(&np, after..after + 2, 0.85));
        }
        for t in c.before.clone() {
            // Before the quote only a speaker counts: "According to the article, the
            // campaigns are based on aspirations like “drive business performance”" is no
            // quote of the article's.
            if let Some(np) = according_to_at(ctx, t, c.before.end) {
                return Some(ctx.finding(&np, t..t + 2, 0.75));
            }
        }
        None
    }
}
