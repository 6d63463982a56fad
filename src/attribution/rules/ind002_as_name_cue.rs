//! IND002 as-name-cue.

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{bytes, plain_sentence, word_count, MIN_CLAUSE_WORDS};
use crate::attribution::grammar::np::{NpKind, SpeakerNp};
use crate::attribution::grammar::words::is_dash;
use crate::attribution::grammar::words::starts_upper;
use crate::attribution::rule::{declare_rule, Rule, Wake};
use crate::lexicon::class::{CUE, WAKE_WORD};
use crate::text::ascii_lower;
use std::ops::Range;

declare_rule! {
    /// # IND002 as-name-cue
    ///
    /// ## What it matches
    /// A sentence that attributes its own claim with a parenthetical "as SPEAKER VERB":
    /// `Success in the cloud is, as Kevin Turner made very clear, non-negotiable.`,
    /// `As Smith put it, the deal is dead.`, `The law, as the judge noted, is clear.` A
    /// name may carry its organisation after "of" (`as Smith of the Herald points out`), an
    /// aside between dashes (`As the Post — no friend of his — observed, …`), and a source
    /// in capitals the mention finder does not know is a source (`However, as POLITICO has
    /// reported, …`). A passive phrase that opens the sentence or follows a comma names its
    /// source after "by" (`As reported by the Journal, …`). The content is the sentence
    /// without the "as" phrase when that phrase opens it (`As Smith put it, the deal is
    /// dead.` → "the deal is dead") or closes it (`…, as the Ledger reported last week.`),
    /// and the whole sentence when it stands inside. A verb with an object of its own after
    /// it makes "as" a conjunction of time (`as lawmakers accused each other of …`), which
    /// reports nothing; a time phrase, a phrase of place or medium and the one told may
    /// follow the verb.
    ///
    /// ## Why
    /// The writer states the claim in their own words and credits a source for it.
    ///
    /// ## Example
    /// `Success in the cloud is as Kevin Turner made very clear is non-negotiable.` →
    /// Kevin Turner.
    ///
    /// ## Does not match
    /// "as" followed by a clause that is not about speech (`as Smith walked in`); a
    /// passive "as … by" inside a clause (`a mission as declared by the president`, a
    /// comparison).
    ///
    /// ## Known false positives
    /// "as X said he would" (a comparison, not a source).
    pub struct AsNameCue { id: "IND002", name: "as-name-cue", phase: Indirect }
}

/// Length of the speech phrase at `t` ("said", "made very clear", "put it", "pointed out").
fn speech_phrase(ctx: &Context, t: usize, end: usize) -> usize {
    if t >= end {
        return 0;
    }
    if ctx.is_cue(t) {
        return if ctx.is(t + 1, "out") { 2 } else { 1 };
    }
    if ctx.is(t, "made") || ctx.is(t, "makes") {
        for (n, u) in (t + 1..end.min(t + 4)).enumerate() {
            if ctx.is(u, "clear") {
                return n + 2;
            }
        }
    }
    if ctx.is(t, "put") && ctx.is(t + 1, "it") {
        return 2;
    }
    if (ctx.is(t, "pointed") || ctx.is(t, "points")) && ctx.is(t + 1, "out") {
        return 2;
    }
    0
}

/// Longest aside between dashes inside the "as" phrase.
pub const MAX_ASIDE_TOKENS: usize = 16;

/// "as POLITICO has reported": a word in capitals (a newsroom's own spelling) that the
/// mention finder does not know, as the speaker, at token `t`.
fn acronym(ctx: &Context, t: usize, end: usize) -> Option<SpeakerNp> {
    if t >= end || !ctx.tokens[t].is_word() {
        return None;
    }
    let w = ctx.word(t);
    (w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase())).then(|| ctx.description(t..t + 1))
}

/// Most words of a source's name that the mention finder does not know ("Western Ledger
/// Online").
pub const MAX_SOURCE_WORDS: usize = 4;

/// The capitalised words from token `t` (after an optional "the") up to a comma: a source
/// named after "by" that the mention finder does not know.
fn capitalised_run(ctx: &Context, t: usize, end: usize) -> Option<SpeakerNp> {
    let first = t + usize::from(ctx.is(t, "the"));
    let mut u = first;
    while u < end
        && u < first + MAX_SOURCE_WORDS
        && ctx.tokens[u].is_word()
        && starts_upper(ctx.word(u))
    {
        u += 1;
    }
    (u > first && u < end && ctx.is_punct(u, ',')).then(|| ctx.description(first..u))
}

/// "As reported by the Journal, …", "as first noted by Smith": a passive speech verb after
/// the "as" at token `t` and its source after "by". The phrase must end at a comma (or the
/// sentence) so that the rest is the claim.
fn passive_source(ctx: &Context, t: usize, r: Range<usize>) -> Option<IndirectFinding> {
    // The phrase opens the sentence or follows a comma: "… a mission as declared by the
    // president" is a comparison.
    if t > r.start && !ctx.is_punct(t - 1, ',') {
        return None;
    }
    let v = ctx.skip_adverbs_forward(t + 1, r.end);
    if v >= r.end || !ctx.is_cue(v) || !ctx.word(v).ends_with("ed") || !ctx.is(v + 1, "by") {
        return None;
    }
    let np = ctx
        .np_starting_at(v + 2, r.end)
        .or_else(|| capitalised_run(ctx, v + 2, r.end))?;
    let close = np.tokens.end;
    if close >= r.end
        || !ctx.is_punct(close, ',')
        || word_count(ctx, r.clone()) < MIN_CLAUSE_WORDS + 4
    {
        return None;
    }
    Some(IndirectFinding {
        content: bytes(ctx, r),
        lead: None,
        finding: ctx.finding(&np, v..v + 1, 0.75),
        verbatim: false,
    })
}

impl Rule for AsNameCue {
    /// A cue ("as Ray reported", "as reported by Ray"), or a verb of its phrases that is no
    /// cue ("made clear", "put it", "pointed out": `data/wake_words.txt`).
    fn wake(&self) -> Wake {
        Wake::words(CUE | WAKE_WORD)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = plain_sentence(ctx, s)?;
        for t in r.clone() {
            if !ctx.is(t, "as") {
                continue;
            }
            if let Some(found) = passive_source(ctx, t, r.clone()) {
                return Some(found);
            }
            let Some(np) = ctx
                .np_starting_at(t + 1, r.end)
                .or_else(|| acronym(ctx, t + 1, r.end))
            else {
                continue;
            };
            if matches!(np.kind, NpKind::Pronoun(_)) && t != r.start {
                // "as he said" inside a sentence is mostly a comparison.
                continue;
            }
            // "as Ardith Vell of the Herald points out": a name's organisation after "of".
            let mut k = np.tokens.end;
            if np.kind == NpKind::Name && k + 1 < r.end && ctx.is(k, "of") {
                if let Some(org) = ctx.np_starting_at(k + 1, r.end) {
                    k = org.tokens.end;
                }
            }
            // "As the Post — even the devil can quote statistics — observed": an aside
            // between dashes.
            if is_dash(ctx, k) {
                if let Some(close) =
                    (k + 1..r.end.min(k + MAX_ASIDE_TOKENS)).find(|&u| is_dash(ctx, u))
                {
                    k = close + 1;
                }
            }
            let k = ctx.skip_adverbs_forward(k, r.end);
            let len = speech_phrase(ctx, k, r.end);
            if len == 0 || word_count(ctx, r.clone()) < MIN_CLAUSE_WORDS + 3 {
                continue;
            }
            // "as Smith said he would": a comparison, not a source.
            if ctx.is(k + len, "he") || ctx.is(k + len, "she") || ctx.is(k + len, "they") {
                continue;
            }
            // "as lawmakers accused each other of …", "As the White House hints at …": a verb
            // with an object of its own makes "as" a conjunction of time, not a source. Only a
            // time phrase may follow the source's verb before the comma or the sentence end.
            let phrase_end = (k + len..r.end)
                .find(|&u| ctx.is_punct(u, ',') || is_dash(ctx, u))
                .unwrap_or(r.end);
            // The first word after the verb tells: a determiner or a pronoun opens an object;
            // a preposition, a time phrase ("as Breitbart reported a few days later") or the
            // rest of the claim ("as Turner made very clear is non-negotiable") do not, and
            // nor does the one told ("As Clinton told the Daily News, …").
            let told = matches!(
                ascii_lower(ctx.word(k + len - 1)).as_str(),
                "told" | "tells" | "tell"
            );
            let object = k + len < phrase_end && !told && {
                let w = ascii_lower(ctx.word(k + len));
                ctx.tokens[k + len].is_word()
                    && crate::lexicon::holds(crate::lexicon::List::ObjectOpeners, &w)
                    || w == "a" && !ctx.is(k + len + 1, "few")
            };
            if object {
                continue;
            }
            // The claim is the sentence without its "as" phrase: after the phrase's comma
            // when it opens the sentence ("As Ray reported, the plan …"), before its comma
            // when it closes it ("The plan …, as Ray reported last week").
            let content = if t == r.start {
                match (k + len..r.end).find(|&u| ctx.is_punct(u, ',')) {
                    Some(c) if word_count(ctx, c + 1..r.end) >= MIN_CLAUSE_WORDS => c + 1..r.end,
                    _ => r.clone(),
                }
            } else if ctx.is_punct(t - 1, ',')
                && word_count(ctx, r.start..t - 1) >= MIN_CLAUSE_WORDS
                && !(k + len..r.end).any(|u| ctx.is_punct(u, ','))
            {
                r.start..t - 1
            } else {
                r.clone()
            };
            return Some(IndirectFinding {
                content: bytes(ctx, content),
                lead: None,
                finding: ctx.finding(&np, k..k + len, 0.75),
                verbatim: false,
            });
        }
        None
    }
}
