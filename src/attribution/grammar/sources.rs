//! Cited sources: the speaker or source phrase after "according to", and the
//! conformity phrases that cite nothing ("according to plan").

use crate::attribution::context::Context;
use crate::attribution::grammar::clause::word_count;
use crate::attribution::grammar::np::SpeakerNp;
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

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
    source_words(ctx, t + 2, end, max_words)
}

/// The words from `start` that name a source, up to `end` and at most `max_words` of them
/// ("the news outlet", "F.A.A. records", "Smith's office"): words, possessives and the marks
/// inside a name (`/`, `.`, `-`, `&`), read as a description. None when there are none, too
/// many, or they name a conformity ("according to plan").
pub fn source_words(
    ctx: &Context,
    start: usize,
    end: usize,
    max_words: usize,
) -> Option<SpeakerNp> {
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

/// Most words of a plain source phrase ("Election Commission records"): such a phrase is
/// read only right before a final verb, and a longer run there is a clause.
pub const MAX_PLAIN_SOURCE_WORDS: usize = 4;

/// "…, new fundraising reports show.", "…, Election Commission records show.": a few
/// words from token `t` ending in a plural noun, then the verb, which ends the sentence at
/// `end`. Names no list knows and plain plurals (records, filings, reports) are sources
/// only here, where nothing can follow them.
pub fn plain_source(ctx: &Context, t: usize, end: usize) -> Option<(SpeakerNp, usize, usize)> {
    let k = end.checked_sub(1)?;
    if k <= t
        || k > t + MAX_PLAIN_SOURCE_WORDS
        || !ctx.is_indirect_cue(k)
        || !ctx.word(k - 1).ends_with('s')
    {
        return None;
    }
    // The noun may itself be a cue word ("reports show").
    let plain = (t..k).all(|u| {
        let w = ctx.word(u);
        let lw = ascii_lower(w);
        ctx.tokens[u].is_word()
            && (u + 1 == k || !ctx.is_cue(u))
            && crate::mentions::pronoun(w).is_none()
            && crate::attribution::grammar::words::auxiliary(w).is_none()
            && !crate::attribution::grammar::words::opens_scene(&lw)
            && !matches!(
                lw.as_str(),
                "and" | "or" | "but" | "of" | "to" | "that" | "which" | "who" | "it" | "this"
            )
    });
    plain.then(|| (ctx.description(t..k), k, k + 1))
}
