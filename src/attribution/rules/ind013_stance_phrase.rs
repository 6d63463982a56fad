//! IND013 stance-phrase.

use std::ops::Range;

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{
    content_end, report, sentence_body, word_count, MIN_CLAUSE_WORDS,
};
use crate::attribution::grammar::np::{NpKind, SpeakerNp};
use crate::attribution::grammar::subject::{auxiliaries_before, subject_ending_at};
use crate::attribution::grammar::words::{auxiliary, Auxiliary};
use crate::attribution::rule::Wake;
use crate::attribution::rule::{cue_head, declare_rule, Rule};
use crate::lexicon::{self, class::STANCE_HEAD, List};
use crate::mentions::lexicon::{lexicon, CueClass};
use crate::output::QuoteClass;
use crate::text::ascii_lower;

declare_rule! {
    /// # IND013 stance-phrase
    ///
    /// ## What it matches
    /// A stance stated with an adjective after a linking verb, or with a fixed verb phrase,
    /// attributed to the subject: `Aldana is confident that the levy will pass.`, `The
    /// mayor was sure voters would agree.`, `Okafor is eager to debate.`, `The union has been
    /// critical of the plan.`, `Ruiz pointed out that the fund is empty.`, `She made it
    /// clear she would run.`, `They raised concerns about the cost.` Adjectives that take a
    /// clause (aware, confident, convinced, sure, worried …) report it when "that",
    /// "whether" or a subject opens it; adjectives of will (eager, willing, reluctant …)
    /// report an infinitive; adjectives with a preposition of their own (critical of, opposed
    /// to, worried about …) report its object, and the preposition belongs to the cue. The
    /// linking verb may be be, remain, seem, feel, grow or become, with auxiliaries and
    /// adverbs before and up to two adverbs after it (`has been deeply skeptical of`). The
    /// subject is found as for IND006; the content ends at the end of the clause as there.
    ///
    /// ## Why
    /// News reports attitudes as often with "is confident that" or "pointed out that" as
    /// with a verb of saying or thinking. They are attributions in PolNeAR's sense, with
    /// their own ID so that a quote database can leave them out.
    ///
    /// ## Example
    /// `Most donors remain hopeful that the senator will run.` → "Most donors", cue
    /// "hopeful", content "that the senator will run".
    ///
    /// ## Does not match
    /// "it" or "there" as the subject (`It is clear that …`: nobody's stance), an adjective
    /// with nothing it takes after it (`She was confident.`, `He is ready for dinner.`: "for"
    /// is not one of "ready"'s), questions, content with quoted speech.
    ///
    /// ## Known false positives
    /// A literal sense of an adjective of will: "ready" and "prepared" need a name or a
    /// pronoun for a subject (`The bridge is ready to open.` is left out), but `They were
    /// ready to leave.` reports.
    pub struct StancePhrase { id: "IND013", name: "stance-phrase", phase: Indirect, class: Stance }
}

/// What an adjective of stance takes after it: its attributes in `data/stance_heads.txt`.
struct Takes {
    /// A clause opened by "that", "whether" or a subject ("sure the plan works").
    clause: bool,
    /// An infinitive ("eager to debate").
    infinitive: bool,
    /// Prepositions whose object is the content ("critical of", "worried about"), among
    /// the attributes (the words not in brackets).
    preps: &'static str,
}

impl Takes {
    /// True when `word` (in lower case) is one of the prepositions.
    fn prep(&self, word: &str) -> bool {
        self.preps
            .split_whitespace()
            .any(|p| p == word && !p.starts_with('['))
    }
}

/// The adjective of stance `word` (in lower case) and what it takes; `None` for a word
/// that is none, or a verb of a fixed phrase (`[phrase]`).
fn adjective(word: &str) -> Option<Takes> {
    let attrs = *lexicon::attrs(List::StanceHeads, word).first()?;
    let has = |a: &str| attrs.split_whitespace().any(|x| x == a);
    (!has("[phrase]")).then(|| Takes {
        clause: has("[clause]"),
        infinitive: has("[infinitive]"),
        preps: attrs,
    })
}

/// A linking verb that an adjective of stance follows (`data/stance_phrase_words.txt`).
fn is_linking(word: &str) -> bool {
    lexicon::has_attr(List::StancePhraseWords, word, "linking")
}

/// Most adverbs between a linking verb and its adjective ("deeply skeptical", "not very
/// confident").
const MAX_DEGREE_WORDS: usize = 2;

/// Degree words and adverbs that may stand between a linking verb and its adjective
/// (`data/stance_phrase_words.txt`; an adverb as the grammar reads one between a subject and
/// its verb).
fn is_degree_word(word: &str) -> bool {
    lexicon::has_attr(List::StancePhraseWords, word, "degree")
        || auxiliary(word) == Some(Auxiliary::Adverb)
}

/// Nouns of concern after "raised" or "voiced" ("raised concerns about";
/// `data/stance_phrase_words.txt`).
fn is_concern_noun(word: &str) -> bool {
    lexicon::has_attr(List::StancePhraseWords, word, "concern")
}

/// Where the content starts after the stance phrase that ends before token `t` (a
/// preposition that it takes belongs to the cue, and its object may be one word): `None`
/// when nothing the phrase takes follows.
fn content_start(ctx: &Context, t: usize, end: usize, takes: &Takes) -> Option<Start> {
    if t >= end || !ctx.tokens[t].is_word() {
        return None;
    }
    let w = ascii_lower(ctx.word(t));
    if takes.clause && matches!(w.as_str(), "that" | "whether") {
        return Some(Start::Clause(t));
    }
    if takes.infinitive && w == "to" && t + 1 < end && ctx.tokens[t + 1].is_word() {
        return Some(Start::Clause(t));
    }
    if takes.prep(&w) {
        return Some(Start::Object(t + 1));
    }
    if takes.clause && crate::attribution::grammar::clause::opens_clause_without_that(ctx, t) {
        return Some(Start::Clause(t));
    }
    None
}

/// Where a stance phrase's content starts.
#[derive(Debug, Clone, Copy)]
enum Start {
    /// A clause or infinitive at this token, which the content opens with.
    Clause(usize),
    /// The object of the phrase's preposition at this token; the preposition is cue.
    Object(usize),
}

impl Start {
    fn token(self) -> usize {
        match self {
            Start::Clause(t) | Start::Object(t) => t,
        }
    }
}

/// The subject of the verb at token `k`, with auxiliaries and adverbs before it stepped
/// over; `None` for "it", "there" and subjects with quote marks.
fn subject(ctx: &Context, r: &Range<usize>, k: usize) -> Option<SpeakerNp> {
    let (subject_end, _) = auxiliaries_before(ctx, k, r.start);
    let np = subject_ending_at(ctx, subject_end, r.start)?;
    if ctx.has_quote(np.tokens.clone()) {
        return None;
    }
    let last = ascii_lower(ctx.word(np.tokens.end - 1));
    if matches!(np.kind, NpKind::Pronoun(_)) && matches!(last.as_str(), "it" | "there") {
        return None;
    }
    // "adding that small donors may be wary of …": "that" opens the clause, it is no
    // determiner of the subject.
    if ctx.is(np.tokens.start, "that") {
        return None;
    }
    // "what Microsoft wanted to sell": the object went to the front.
    if crate::attribution::grammar::clause::object_fronted(ctx, &np, r.start) {
        return None;
    }
    Some(np)
}

/// The stance phrase whose head (the adjective, or the verb of a fixed phrase) is at token
/// `k`: where its content starts, the range of its cue, and the token whose subject speaks
/// (the linking verb before an adjective, else the head).
fn phrase_at(
    ctx: &Context,
    k: usize,
    floor: usize,
    end: usize,
) -> Option<(Start, Range<usize>, usize)> {
    let word = ctx.word(k);
    // Written in lower case: a title-case headline ("… Is Willing To Bet …") is no sentence.
    if !word.as_bytes()[0].is_ascii_lowercase() || ctx.classes(k) & STANCE_HEAD == 0 {
        return None;
    }
    let lower = ascii_lower(word);
    let w = lower.as_str();
    if let Some(takes) = adjective(w) {
        // Back over degree words to the linking verb: "has been deeply skeptical of".
        let mut l = k;
        let mut degree = 0;
        while l > floor && degree <= MAX_DEGREE_WORDS {
            l -= 1;
            let before = ascii_lower(ctx.word(l));
            if is_linking(&before) {
                let start = content_start(ctx, k + 1, end, &takes)?;
                return Some((start, k..start.token().max(k + 1), l));
            }
            if !is_degree_word(&before) {
                return None;
            }
            degree += 1;
        }
        return None;
    }
    let clause_after = |t: usize| {
        let takes = Takes {
            clause: true,
            infinitive: false,
            preps: "",
        };
        content_start(ctx, t, end, &takes)
    };
    match w {
        // "pointed out that …"
        "pointed" | "points" if ctx.is(k + 1, "out") => Some((clause_after(k + 2)?, k..k + 2, k)),
        // "made clear that …", "made it clear …", "made the case that …"
        "made" | "makes" => {
            let cue_end = if ctx.is(k + 1, "clear") {
                k + 2
            } else if (ctx.is(k + 1, "it") && ctx.is(k + 2, "clear"))
                || (ctx.is(k + 1, "the") && ctx.is(k + 2, "case"))
            {
                k + 3
            } else {
                return None;
            };
            Some((clause_after(cue_end)?, k..cue_end, k))
        }
        // "raised concerns about …", "voiced doubts that …"
        "raised" | "raises" | "voiced" | "voices" => {
            if k + 2 >= end || !is_concern_noun(&ascii_lower(ctx.word(k + 1))) {
                return None;
            }
            let takes = Takes {
                clause: true,
                infinitive: false,
                preps: "about over for with regarding",
            };
            let start = content_start(ctx, k + 2, end, &takes)?;
            Some((start, k..start.token().max(k + 2), k))
        }
        _ => None,
    }
}

impl Rule for StancePhrase {
    /// Every phrase starts at a word of `data/stance_heads.txt`.
    fn wake(&self) -> Wake {
        Wake::words(STANCE_HEAD)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        crate::attribution::rule::first_finding(self, ctx, s)
    }

    /// A phrase whose verb is one of saying ("pointed out that") reports speech, one of
    /// thinking ("is worried that") a thought; the rest are stances.
    fn class_of(&self, text: &str, cue: Option<&Range<usize>>) -> QuoteClass {
        match cue.and_then(|cue| lexicon().cue_class(cue_head(text, cue))) {
            Some(CueClass::Speech) => QuoteClass::Speech,
            Some(CueClass::Thought) => QuoteClass::Thought,
            _ => QuoteClass::Stance,
        }
    }

    /// Every stance phrase of the sentence with a subject.
    fn indirect_all(&self, ctx: &Context, s: usize, out: &mut Vec<IndirectFinding>) {
        let Some(r) = sentence_body(ctx, s) else {
            return;
        };
        let mut k = r.start;
        while k < r.end {
            if !ctx.tokens[k].is_word() || ctx.in_quote(k) {
                k += 1;
                continue;
            }
            let Some((start, cue, verb)) = phrase_at(ctx, k, r.start, r.end) else {
                k += 1;
                continue;
            };
            let min_words = match start {
                Start::Clause(_) => MIN_CLAUSE_WORDS,
                Start::Object(_) => 1,
            };
            let start = start.token();
            let end = content_end(ctx, start, r.end);
            if start < end
                && word_count(ctx, start..end) >= min_words
                && !ctx.has_speech_quote(start..end)
            {
                // "The bridge is ready to open": readiness needs someone named.
                let ready = matches!(
                    ascii_lower(ctx.word(cue.start)).as_str(),
                    "ready" | "prepared"
                );
                if let Some(np) = subject(ctx, &r, verb)
                    .filter(|np| !ready || matches!(np.kind, NpKind::Name | NpKind::Pronoun(_)))
                {
                    out.push(report(ctx, &np, cue, start..end));
                    k = end;
                    continue;
                }
            }
            k += 1;
        }
    }
}
