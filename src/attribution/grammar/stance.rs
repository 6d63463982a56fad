//! Stance verbs in use: what a verb of `data/stance_verbs.txt` needs after it (an object,
//! its particles, an infinitive, "as") and where its content starts. IND006 reports the
//! stance; IND007 and the clause reader ask whether a word is one in use.

use crate::attribution::context::Context;
use crate::lexicon::{self, List};
use crate::text::ascii_lower;

/// What must follow a stance verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follows {
    /// Anything: the content starts right after the verb.
    Object,
    /// These particles, one word or more, which belong to the cue ("called for", "spoke out
    /// against", "took aim at").
    Particle(&'static str),
    /// An infinitive; "to" opens the content ("refused to sign").
    Infinitive,
    /// An object and "as" ("sees Netanyahu as a hard-liner"): the content starts after the
    /// verb.
    As,
}

/// Most tokens from a stance verb to the "as" its [`Follows::As`] entry needs.
const MAX_AS_DISTANCE: usize = 10;

/// What the attributes of a line of `data/stance_verbs.txt` ask to follow the verb.
fn follows(attrs: &'static str) -> Follows {
    match attrs {
        "" => Follows::Object,
        "[to]" => Follows::Infinitive,
        "[as]" => Follows::As,
        particles => Follows::Particle(particles),
    }
}

/// How the stance verb at token `k` is used, if it is one: the cue's last token and where the
/// content starts.
pub(crate) fn stance_at(ctx: &Context, k: usize, end: usize) -> Option<(usize, usize)> {
    if !ctx.is_stance_verb(k) {
        return None;
    }
    for &attrs in lexicon::attrs(List::StanceVerbs, ctx.word(k)) {
        match follows(attrs) {
            Follows::Object => {
                // "backed out", "supported in 2007" (the object went elsewhere): no object.
                // A reporting verb ("announced", "cited") takes a noun phrase here: not "to
                // Bloomberg", "for months", "it on television".
                let reporting = ctx.is_indirect_cue(k)
                    && k + 1 < end
                    && matches!(
                        ascii_lower(ctx.word(k + 1)).as_str(),
                        "to" | "for" | "it" | "them" | "that" | "this"
                    );
                if k + 1 < end
                    && ctx.tokens[k + 1].is_word()
                    && !ctx.is_indirect_cue(k + 1)
                    && !opens_no_object(ctx.word(k + 1))
                    && !reporting
                {
                    return Some((k, k + 1));
                }
            }
            Follows::Particle(p) => {
                // Written in lower case: "called On the Campaign Trail" is a title. An adverb
                // in "-ly" may stand before the particles ("spoke passionately about").
                let mut t = k + 1;
                if t + 1 < end
                    && ctx.tokens[t].is_word()
                    && ctx.word(t).len() > 4
                    && ctx.word(t).ends_with("ly")
                    && ctx.word(t).starts_with(|c: char| c.is_ascii_lowercase())
                {
                    t += 1;
                }
                let mut all = true;
                for word in p.split_whitespace() {
                    if t >= end || ctx.word(t) != word {
                        all = false;
                        break;
                    }
                    t += 1;
                }
                if all && t < end && ctx.tokens[t].is_word() {
                    return Some((t - 1, t));
                }
            }
            Follows::Infinitive => {
                if k + 2 < end && ctx.is(k + 1, "to") && ctx.tokens[k + 2].is_word() {
                    return Some((k, k + 1));
                }
            }
            Follows::As => {
                let upto = end.min(k + 2 + MAX_AS_DISTANCE);
                if k + 1 < end
                    && ctx.tokens[k + 1].is_word()
                    && (k + 2..upto).any(|t| ctx.is(t, "as"))
                {
                    return Some((k, k + 1));
                }
            }
        }
    }
    None
}

/// Words after a verb that show it has no object of its own: a particle ("backed out") or
/// the start of an adverbial ("supported in 2007", "opposed Monday the …"). "to" and "for"
/// may open content ("wants to …", "advocated for …"), and so may "this", "last" ("backed
/// this plan") and the sentence adverbs "too", "also", "then".
fn opens_no_object(word: &str) -> bool {
    let w = ascii_lower(word);
    let w = w.as_str();
    crate::attribution::grammar::words::is_time_word(w)
        || (crate::attribution::grammar::words::opens_adverbial(w)
            && !matches!(w, "to" | "for" | "this" | "last" | "too" | "also" | "then"))
        || matches!(
            w,
            "out" | "up" | "down" | "off" | "away" | "back" | "over" | "around" | "since" | "until"
        )
}
