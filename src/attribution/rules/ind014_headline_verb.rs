//! IND014 headline-verb.

use crate::attribution::context::mark;
use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{report, sentence_body, word_count};
use crate::attribution::grammar::labels::is_heading_label;
use crate::attribution::grammar::np::{NpKind, SpeakerNp};
use crate::attribution::rule::Wake;
use crate::attribution::rule::{class_by_cue, cue_head, declare_rule, Rule};
use crate::lexicon::class::{CUE, STANCE_VERB};
use crate::mentions::lexicon::lexicon;
use crate::mentions::MentionKind;
use crate::output::QuoteClass;
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # IND014 headline-verb
    ///
    /// ## What it matches
    /// A line of its own in title case whose verb is a capitalised reporting verb
    /// (`data/cues.txt`) or stance verb (`data/stance_verbs.txt`) in its third-person -s
    /// form, with a subject of capitalised words before it and the rest of the line after
    /// it: `Mayor Okafor Says Bridge Will Reopen`, `Senator Vance Vows To Cut Fees`,
    /// `Teachers Union Backs Levy`. The speaker is the subject (a name resolves like any
    /// name; otherwise a description ending in a role noun, or the capitalised words as
    /// written), after a comma when an opening phrase comes first (`Railing Against Fees,
    /// Okafor Vows …`); the content is the rest of the line.
    ///
    /// ## Why
    /// Headlines capitalise every word, so the verb rules, which read lower-case verbs,
    /// miss the verb; and a headline is where a report's main claim is attributed first.
    ///
    /// ## Example
    /// `Okafor Says Bridge Will Reopen in May` → "Okafor", content "Bridge Will Reopen in
    /// May".
    ///
    /// ## Does not match
    /// A line with a lower-case word other than a short function word (`of`, `to`, `the`
    /// …: it is no headline), a line that is not the whole paragraph, a verb that is the
    /// first word (`Says Who`), a verb form without the -s (`Trump Support Grows`: no verb
    /// in the lists ends so), a pronoun subject (`If He Wants …`), a subject past five
    /// words or holding punctuation other than a full stop, content of
    /// fewer than two words or with quote marks, heading words (`UPDATE`).
    ///
    /// ## Known false positives
    /// A plural noun spelled like a verb after a name (`Pruitt Calls Go Unanswered`).
    pub struct HeadlineVerb { id: "IND014", name: "headline-verb", phase: Indirect }
}

/// Most words before the verb: "Conservative Icon Dana Whitfield".
const MAX_SUBJECT_WORDS: usize = 5;

/// Most words in a headline.
const MAX_HEADLINE_WORDS: usize = 20;

/// Words a title-case headline leaves in lower case (`data/headline_small_words.txt`).
fn is_small_word(w: &str) -> bool {
    crate::lexicon::holds(crate::lexicon::List::HeadlineSmallWords, w)
}

/// True when the words of `r` are in title case: each opens with a capital or a digit, or
/// is a short function word; the first opens with a capital.
fn is_title_case(ctx: &Context, r: std::ops::Range<usize>) -> bool {
    let mut words = 0;
    for t in r.clone() {
        if !ctx.tokens[t].is_word() {
            continue;
        }
        words += 1;
        let w = ctx.word(t);
        // The "s" of "He’s", "Trump’s" is no word of its own.
        if t > r.start
            && !ctx.tokens[t - 1].is_word()
            && matches!(w, "s" | "t" | "re" | "ll" | "ve" | "d" | "m")
        {
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        let ok =
            first.is_uppercase() || first.is_ascii_digit() || (t != r.start && is_small_word(w));
        if !ok || words > MAX_HEADLINE_WORDS {
            return false;
        }
    }
    words >= 3
}

/// True when token `t` is a capitalised -s form of a reporting or stance verb.
fn is_headline_verb(ctx: &Context, t: usize) -> bool {
    let w = ctx.word(t);
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) || !w.ends_with('s') || w.ends_with("ss") {
        return false;
    }
    let lower = ascii_lower(w);
    crate::lexicon::lookup(&lower).has(CUE | STANCE_VERB)
}

/// The speaker phrase of words `start..verb`: the mention ending before the verb (a name or
/// an organisation), a description ending in a role noun, or else the capitalised words
/// themselves, as written ("Bellwether County").
fn subject(ctx: &Context, start: usize, verb: usize) -> Option<SpeakerNp> {
    if let Some(m) = ctx.mentions.ending_at(verb - 1) {
        let kind = match m.kind {
            MentionKind::Person | MentionKind::Proper => Some(NpKind::Name),
            MentionKind::Organisation => Some(NpKind::Organisation),
            // "If He Wants …": a pronoun in a headline has no antecedent yet.
            MentionKind::Pronoun(_) | MentionKind::FirstPerson => return None,
        };
        if let Some(kind) = kind.filter(|_| m.tokens().start >= start && !m.in_quote) {
            return Some(SpeakerNp {
                range: m.range(),
                tokens: m.tokens(),
                kind,
                entity: m.entity(),
            });
        }
    }
    let head = ascii_lower(ctx.word(verb - 1));
    if lexicon().is_role_noun(&head) {
        return Some(ctx.description(start..verb));
    }
    let capitalised = (start..verb).all(|t| {
        !ctx.tokens[t].is_word() || crate::attribution::grammar::words::starts_upper(ctx.word(t))
    });
    capitalised.then(|| SpeakerNp {
        range: ctx.tokens[start].start()..ctx.tokens[verb - 1].end(),
        tokens: start..verb,
        kind: NpKind::Name,
        entity: None,
    })
}

impl Rule for HeadlineVerb {
    /// The sentence is a whole line. (Its capitalised verb, "Endorses", is a stance verb
    /// only in lower case: the classes as written cannot wake the rule.)
    fn wake(&self) -> Wake {
        Wake::marks(mark::LINE)
    }

    /// A verb of saying reports speech ("Clinton Says …"); a stance verb a stance
    /// ("Conservative Icon Endorses Cruz").
    fn class_of(&self, text: &str, cue: Option<&std::ops::Range<usize>>) -> QuoteClass {
        match cue {
            Some(cue) if lexicon().cue_class(cue_head(text, cue)).is_some() => {
                class_by_cue(QuoteClass::Speech, text, Some(cue))
            }
            _ => QuoteClass::Stance,
        }
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = sentence_body(ctx, s)?;
        // A whole line: the sentence starts and ends it.
        if r.start > 0 && ctx.tokens[r.start - 1].kind != TokenKind::Break {
            return None;
        }
        let end = ctx.sentence_tokens(s).end;
        if end < ctx.tokens.len() && ctx.tokens[end].kind != TokenKind::Break {
            return None;
        }
        // Cheap first: most lines are prose, not title case.
        if !is_title_case(ctx, r.clone()) || is_heading_label(&ctx.word(r.start).to_uppercase()) {
            return None;
        }
        // The subject may follow an opening phrase: "Railing Against Fees, Okafor Vows …".
        let verb = (r.start + 1..r.end).find(|&t| is_headline_verb(ctx, t))?;
        let start = (r.start..verb)
            .rev()
            .find(|&t| ctx.is_punct(t, ','))
            .map_or(r.start, |t| t + 1);
        if verb == start
            || verb - start > MAX_SUBJECT_WORDS
            || !(start..verb).all(|t| ctx.tokens[t].is_word() || ctx.is_punct(t, '.'))
        {
            return None;
        }
        let np = subject(ctx, start, verb)?;
        let content = verb + 1..r.end;
        if word_count(ctx, content.clone()) < 2 || ctx.has_quote(content.clone()) {
            return None;
        }
        Some(report(ctx, &np, verb..verb + 1, content))
    }
}
