//! ATT008 introduced-before.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::{NpKind, SpeakerNp};
use crate::attribution::grammar::shapes::after_opening_participle;
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::{ANNOUNCING_NOUN, OPENS_CONTENT};
use crate::mentions::lexicon::CueClass;
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # ATT008 introduced-before
    ///
    /// ## What it matches
    /// A quote that opens its sentence (often its paragraph) right after a sentence that
    /// introduces it: one that ends in a colon and has a speaker and a speech verb
    /// (`Mathews put it this way:` / `He told the committee:`; confidence 0.8), one that
    /// announces "a quote from", "the words of", "remarks by" someone (`Here is a quote
    /// from Steve Jobs.`; 0.75), or one that only attributes and ends in a full stop: its
    /// subject, a verb of speech, and at most a few words saying to whom, where or when
    /// (`Lee Haskins, the union's branch secretary, told the Evening Courier.`, `Ines Dahl
    /// said in a statement on Friday.`; 0.7). The quoted paragraphs after the first then
    /// continue the speaker (ATT009).
    ///
    /// ## Why
    /// Long quotes are often set as their own paragraph after an introduction, and wire
    /// and regional copy often attributes a whole run of quoted paragraphs with one
    /// sentence before them.
    ///
    /// ## Example
    /// `One point is a quote from Steve Jobs.\n\n“You’ve got to start with the customer …”`
    /// → Steve Jobs.
    ///
    /// ## Does not match
    /// A previous sentence that itself holds a quote (ATT009 continues that speaker), or one
    /// that merely mentions a person. A full-stop sentence that reports speech itself
    /// (`Lee said that …`, `Lee said she would wait.`: ATT009 continues its speaker), that
    /// attributes the quote before it (`“…” Lee said.`), whose verb is passive (`Lee was
    /// told.`), asks (tagged `question` in `data/cues.txt`: after `Lee asked the mayor.`
    /// the quote is the answer) or reports a thought.
    ///
    /// ## Known false positives
    /// An introduction of a document rather than a speaker (`a quote from the report:`). A
    /// full-stop sentence whose verb is the speaker's, followed by someone else's quote
    /// (`Lee spoke first.` then the next speaker's words with no attribution).
    pub struct IntroducedBefore { id: "ATT008", name: "introduced-before", phase: Context }
}

impl Rule for IntroducedBefore {
    fn attribute(&self, ctx: &Context, c: &Candidate, history: &[Decided]) -> Option<Finding> {
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
        // "Lee told the Evening Courier.", "Lee said in a statement.": a sentence that only
        // attributes, its speech given in the paragraphs after it. Not one right after a
        // quote, which attributes that quote (“…” Lee said.), nor one whose report another
        // rule read (in `history`): ATT009 continues those.
        let span = ctx.tokens[prev.start].start()..ctx.tokens[last].end();
        let after_quote = prev.start > 0 && ctx.in_quote(prev.start - 1);
        // `history` is in text order: the item before the sentence and those starting in it.
        let first = history.partition_point(|d| d.outer().start < span.start);
        let reported = history[first.saturating_sub(1)..]
            .iter()
            .take_while(|d| d.outer().start < span.end)
            .any(|d| span.start < d.outer().end);
        if ctx.is_punct(last, '.') && !after_quote && !reported {
            if let Some((np, cue)) = attribution_only(ctx, prev.start, last) {
                return Some(ctx.finding(&np, cue..cue + 1, 0.7));
            }
        }
        // "a quote from NAME", "the words of NAME", "quoting NAME"
        for k in prev.clone() {
            if ctx.classes(k) & ANNOUNCING_NOUN == 0 {
                continue;
            }
            let w = ascii_lower(ctx.word(k));
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

/// Most words after the speech verb of a sentence that only attributes ("told the Evening
/// Courier on Monday", "said in a statement").
pub const MAX_INTRODUCTION_TAIL_WORDS: usize = 8;

/// The speaker and cue of the sentence `start..last` (`last` its full stop) when it only
/// attributes: its subject (at its start, or after an opening phrase and its comma; an
/// appositive may follow the name), then a verb of speech that is neither passive ("was
/// told") nor one of asking (tagged `question` in `data/cues.txt`: the quote after "Lee
/// asked the mayor." is the mayor's answer) nor of thought or evidence, then at most
/// [`MAX_INTRODUCTION_TAIL_WORDS`] words that say to whom, where or when, and nothing
/// that opens a clause of its own (no "that", no pronoun, no second speech verb).
fn attribution_only(ctx: &Context, start: usize, last: usize) -> Option<(SpeakerNp, usize)> {
    let lex = crate::mentions::lexicon::lexicon();
    let cue = (start..last).find(|&k| ctx.is_cue(k))?;
    let speech = lex.cue_class(ctx.word(cue)) == Some(CueClass::Speech);
    if !speech || lex.is_question_cue(ctx.word(cue)) {
        return None;
    }
    let subject_end = ctx.skip_adverbs_backward(cue, start);
    if subject_end > start && is_be_form(ctx.word(subject_end - 1)) {
        return None;
    }
    let np = ctx.np_ending_before(subject_end, start)?;
    let opening = after_opening_participle(ctx, start, cue);
    let person_like = matches!(np.kind, NpKind::Name | NpKind::Description);
    if !person_like || (np.tokens.start != start && np.tokens.start != opening) {
        return None;
    }
    let tail = cue + 1..last;
    let mut words = 0;
    for t in tail {
        let tok = &ctx.tokens[t];
        if !(tok.is_word() || tok.kind == TokenKind::Possessive || ctx.is_punct(t, ',')) {
            return None;
        }
        if !tok.is_word() {
            continue;
        }
        words += 1;
        if words > MAX_INTRODUCTION_TAIL_WORDS
            || ctx.is_cue(t)
            || ctx.classes(t) & OPENS_CONTENT != 0
            || crate::mentions::pronoun(ctx.word(t)).is_some()
        {
            return None;
        }
    }
    Some((np, cue))
}

/// A form of "be", which makes the speech verb after it passive ("was told").
fn is_be_form(word: &str) -> bool {
    matches!(
        ascii_lower(word).as_str(),
        "is" | "was" | "were" | "are" | "be" | "been" | "being"
    )
}
