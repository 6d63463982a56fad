//! IND011 possessive-stance.

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::content_end;
use crate::attribution::grammar::clause::{report, sentence_body};
use crate::attribution::grammar::np::{NpKind, SpeakerNp};
use crate::attribution::rule::Wake;
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::STANCE_NOUN;
use crate::lexicon::{self, List};
use crate::mentions::MentionKind;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # IND011 possessive-stance
    ///
    /// ## What it matches
    /// A noun of `data/stance_nouns.txt` whose possessor holds the position, wish or claim it
    /// names: `Trump's call for a ban on imports`, `her support for the bill`, `the mayor's
    /// claim that the budget balanced`, `his refusal to testify`. The possessor (a name, an
    /// organisation, a description ending in "'s", or "his", "her", "their", "its") is the
    /// speaker, resolved as pronouns are; one adjective may stand between it and the noun
    /// (`his repeated calls for …`). The content is what follows the noun's word ("for",
    /// "of", "to", "that" …) to the end of the clause, as for IND006.
    ///
    /// ## Why
    /// News compresses attributed positions into noun phrases as often as into verbs.
    ///
    /// ## Example
    /// `Ostrander's call for a recount drew jeers.` → "Ostrander", cue "call for", content
    /// "a recount drew jeers" cut at the clause end.
    ///
    /// ## Does not match
    /// A noun without a possessor (`calls for a recount grew`: IND006 reads the verb), a
    /// noun whose following word is not its own (`his plan in May`), nouns inside quote
    /// marks, a content holding quoted speech.
    ///
    /// ## Known false positives
    /// The content runs on past the noun phrase into the sentence's verb when no comma or
    /// conjunction closes it ("… a recount drew jeers").
    pub struct PossessiveStance {
        id: "IND011", name: "possessive-stance", phase: Indirect, class: Stance
    }
}

/// The possessor that ends right before token `t` ("Trump's", "his"), not before `floor`.
fn possessor(ctx: &Context, t: usize, floor: usize) -> Option<SpeakerNp> {
    if t <= floor {
        return None;
    }
    let p = t - 1;
    if ctx.tokens[p].kind == TokenKind::Possessive {
        let np = ctx.np_simple_ending_at(p, floor)?;
        return matches!(
            np.kind,
            NpKind::Name | NpKind::Organisation | NpKind::Description
        )
        .then_some(np);
    }
    let w = ctx.word(p);
    let gender = match crate::mentions::pronoun(w) {
        Some(MentionKind::Pronoun(g))
            if matches!(w, "his" | "His" | "her" | "Her" | "their" | "Their") =>
        {
            g
        }
        _ => return None,
    };
    // "their" has no gender to find its antecedent by: it stays as written.
    let kind = if w.eq_ignore_ascii_case("their") {
        NpKind::Description
    } else {
        NpKind::Pronoun(gender)
    };
    Some(SpeakerNp {
        range: ctx.tokens[p].range(),
        tokens: p..t,
        kind,
        entity: None,
    })
}

impl Rule for PossessiveStance {
    /// Every report is a stance noun's.
    fn wake(&self) -> Wake {
        Wake::words(STANCE_NOUN)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        crate::attribution::rule::first_finding(self, ctx, s)
    }

    fn indirect_all(&self, ctx: &Context, s: usize, out: &mut Vec<IndirectFinding>) {
        let Some(r) = sentence_body(ctx, s) else {
            return;
        };
        for k in r.start + 1..r.end.saturating_sub(2) {
            if !ctx.is_stance_noun(k) || ctx.in_quote(k) {
                continue;
            }
            // Each line of the noun in `data/stance_nouns.txt` names a word that must follow.
            let Some(next) = lexicon::attrs(List::StanceNouns, ctx.word(k))
                .iter()
                .filter_map(|a| a.split_whitespace().next())
                .find(|&next| ctx.word(k + 1) == next)
            else {
                continue;
            };
            // "to" and "that" open the content; "for", "of", "on" … belong to the cue.
            let keeps_next = matches!(next, "to" | "that");
            // "his repeated calls for …": one adjective may stand before the noun.
            let np = possessor(ctx, k, r.start).or_else(|| {
                (k >= r.start + 2 && ctx.tokens[k - 1].is_word())
                    .then(|| possessor(ctx, k - 1, r.start))
                    .flatten()
            });
            let Some(np) = np.filter(|np| !ctx.has_quote(np.tokens.clone())) else {
                continue;
            };
            let (cue_end, start) = if keeps_next {
                (k + 1, k + 1)
            } else {
                (k + 2, k + 2)
            };
            if start >= r.end || !ctx.tokens[start].is_word() {
                continue;
            }
            let end = content_end(ctx, start, r.end);
            if end <= start || ctx.has_speech_quote(start..end) {
                continue;
            }
            out.push(report(ctx, &np, k..cue_end, start..end));
        }
    }
}
