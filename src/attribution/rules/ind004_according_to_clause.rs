//! IND004 according-to-clause.

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{
    bytes, indirect_confidence, opens_appositive, sentence_body, word_count, MIN_CLAUSE_WORDS,
};
use crate::attribution::grammar::np::NpKind;
use crate::attribution::grammar::sources::{according_to_at, source_phrase, source_phrase_of};
use crate::attribution::rule::{declare_rule, Rule, Wake};
use crate::lexicon::class::WAKE_WORD;

declare_rule! {
    /// # IND004 according-to-clause
    ///
    /// ## What it matches
    /// A sentence attributed with "according to": `According to Smith, the plan is dead.`
    /// or `The plan is dead, according to two officials.` The content is the clause. In the
    /// middle of a clause (`Donations, according to the campaign, have doubled.`) the parts
    /// before and after are reported apart, as IND003 and IND005 do; an opening
    /// prepositional phrase is no part (`At the root of it, according to Ruiz, a former
    /// mediator, was a missed payment.`: the part after the appositive). Before `, and` or
    /// `, but` the attribution closes the clause before it. Without a comma before it
    /// (`… by 120 delegates according to a count by the AP`) the source must cite someone: a
    /// name, a capitalised word or a document (`data/source_nouns.txt`). A sentence that
    /// opens with "According to" may name a longer source, up to its comma.
    ///
    /// ## Why
    /// "According to" is the standard way to credit a claim to a source.
    ///
    /// ## Example
    /// `According to the campaign's spokesman, the rally was cancelled.` → "the campaign's
    /// spokesman".
    ///
    /// A source that is no speaker is still the source the sentence cites: `The senator
    /// leads by ten points, according to a CNN poll.` → "a CNN poll" (a noun phrase up to the
    /// next comma, at most [`crate::attribution::grammar::sources::MAX_SOURCE_WORDS`] words).
    ///
    /// ## Does not match
    /// Idioms of conformity (`according to plan`, `according to the rules`), and a measure
    /// without a comma before it (`assigned according to seniority`), and a phrase set off
    /// after a reporting verb (`The Courier reported, according to sources, Vell tried …`:
    /// the clause is the Courier's report, IND001's).
    ///
    /// ## Known false positives
    /// A name that is a place or product the mention finder took for a name.
    pub struct AccordingToClause { id: "IND004", name: "according-to-clause", phase: Indirect }
}

/// ", Maria Chen," right after a description: the name it stands for.
fn appositive_name(
    ctx: &Context,
    t: usize,
    end: usize,
) -> Option<crate::attribution::grammar::np::SpeakerNp> {
    if !ctx.is_punct(t, ',') {
        return None;
    }
    let name = ctx.np_starting_at(t + 1, end)?;
    let closes = name.tokens.end < end && ctx.is_punct(name.tokens.end, ',');
    (name.kind == NpKind::Name && name.entity.is_some() && closes).then_some(name)
}

/// Most words of the source phrase of a sentence that opens with "According to" (a comma
/// closes it).
const MAX_OPENING_SOURCE_WORDS: usize = 20;

/// True when the clause at `t` is joined to the one before by a conjunction ("…, according to
/// the agency, and there were …"): the attribution closes the clause before.
fn opens_coordinated_clause(ctx: &Context, t: usize) -> bool {
    t < ctx.tokens.len()
        && matches!(
            crate::text::ascii_lower(ctx.word(t)).as_str(),
            "and" | "but" | "while" | "though" | "although" | "yet" | "so" | "whereas"
        )
}

/// True when a source phrase without a comma before it ("… by 271 delegates according to a
/// count by the AP") reads as a source, not a measure ("ranked according to income"): it
/// names someone, or it is a capitalised name or a document (`data/source_nouns.txt`).
fn is_cited_source(ctx: &Context, np: &crate::attribution::grammar::np::SpeakerNp) -> bool {
    matches!(np.kind, NpKind::Name | NpKind::Pronoun(_))
        || np.tokens.clone().any(|u| {
            ctx.tokens[u].is_word()
                && (crate::attribution::grammar::words::starts_upper(ctx.word(u))
                    || crate::mentions::lexicon::lexicon()
                        .is_source_noun(&crate::text::ascii_lower(ctx.word(u))))
        })
}

/// Most words of an appositive that [`indefinite_appositive`] recognises.
const MAX_APPOSITIVE_WORDS: usize = 6;

/// ", a former mediator, was …": a short indefinite phrase between commas, after which the
/// clause goes on with a lower-case word (its verb), describes the source.
/// ", the company's vice president for operations," after a person's name: a phrase of a
/// few words with a role noun in it, set off by commas, with the clause after it.
fn role_appositive(
    ctx: &Context,
    np: &crate::attribution::grammar::np::SpeakerNp,
    t: usize,
    end: usize,
) -> bool {
    if np.kind != NpKind::Name {
        return false;
    }
    let Some(c) = (t..end).find(|&u| ctx.is_punct(u, ',')) else {
        return false;
    };
    word_count(ctx, t..c) <= MAX_APPOSITIVE_WORDS
        && word_count(ctx, c + 1..end) >= MIN_CLAUSE_WORDS
        && (t..c).any(|u| {
            ctx.tokens[u].is_word()
                && crate::mentions::lexicon::lexicon()
                    .is_role_noun(&crate::text::ascii_lower(ctx.word(u)))
        })
}

fn indefinite_appositive(ctx: &Context, t: usize, end: usize) -> bool {
    if t >= end
        || !matches!(
            crate::text::ascii_lower(ctx.word(t)).as_str(),
            "a" | "an" | "another"
        )
    {
        return false;
    }
    let Some(c) = (t..end).find(|&u| ctx.is_punct(u, ',')) else {
        return false;
    };
    c + 1 < end
        && word_count(ctx, t..c) <= MAX_APPOSITIVE_WORDS
        && ctx.word(c + 1).starts_with(|ch: char| ch.is_lowercase())
        && !opens_coordinated_clause(ctx, c + 1)
        && !matches!(
            crate::text::ascii_lower(ctx.word(c + 1)).as_str(),
            "the" | "a" | "an" | "who" | "which" | "that"
        )
}

impl Rule for AccordingToClause {
    /// Every report stands on "according to": "according" is a wake word
    /// (`data/wake_words.txt`).
    fn wake(&self) -> Wake {
        Wake::words(WAKE_WORD)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let mut out = Vec::new();
        self.indirect_all(ctx, s, &mut out);
        out.into_iter().next()
    }

    /// "The deficit, according to the budget office, will grow by 2030": the part before and
    /// the part after are reported apart, as IND003 and IND005 do for "A, the mayor said, B".
    fn indirect_all(&self, ctx: &Context, s: usize, out: &mut Vec<IndirectFinding>) {
        let Some(r) = sentence_body(ctx, s) else {
            return;
        };
        // "(According to the police, …)": the clause starts at the first word.
        let first = (r.start..r.end)
            .find(|&u| ctx.tokens[u].is_word())
            .unwrap_or(r.start);
        let clause = |content: std::ops::Range<usize>| {
            word_count(ctx, content.clone()) >= MIN_CLAUSE_WORDS
                && !ctx.has_speech_quote(content.clone())
        };
        for t in r.clone() {
            let np = if t == first {
                according_to_at(ctx, t, r.end)
                    .or_else(|| source_phrase_of(ctx, t, r.end, MAX_OPENING_SOURCE_WORDS))
            } else {
                according_to_at(ctx, t, r.end).or_else(|| source_phrase(ctx, t, r.end))
            };
            let Some(np) = np else {
                continue;
            };
            let confidence = indirect_confidence(&np);
            let finding = ctx.finding(&np, t..t + 2, confidence);
            // According to X, NAME, CLAUSE: the appositive name is the source.
            let (np, finding) = match appositive_name(ctx, np.tokens.end, r.end) {
                Some(name) => {
                    let f = ctx.finding(&name, t..t + 2, confidence);
                    (name, f)
                }
                None => (np, finding),
            };
            let report = |content: std::ops::Range<usize>| IndirectFinding {
                content: bytes(ctx, content),
                lead: None,
                finding: finding.clone(),
                verbatim: false,
            };
            // According to X, CLAUSE
            if t == first {
                let mut c = np.tokens.end;
                while c < r.end && !ctx.is_punct(c, ',') {
                    c += 1;
                }
                // "According to Chen, the firm's vice president, the cuts …": past the
                // appositive.
                if c + 1 < r.end
                    && (opens_appositive(ctx, c + 1, r.end)
                        || indefinite_appositive(ctx, c + 1, r.end)
                        || role_appositive(ctx, &np, c + 1, r.end)
                        || participle_appositive(ctx, c + 1, r.end))
                {
                    if let Some(next) = (c + 1..r.end).find(|&u| ctx.is_punct(u, ',')) {
                        c = next;
                    }
                }
                if c + 1 < r.end && clause(c + 1..r.end) {
                    out.push(report(c + 1..r.end));
                }
                return;
            }
            let comma_before = ctx.is_punct(t - 1, ',');
            let before = r.start..if comma_before { t - 1 } else { t };
            let mut after = (np.tokens.end + 1).min(r.end)..r.end;
            // "according to Ross, a former envoy, was …": past the appositive.
            if ctx.is_punct(np.tokens.end, ',')
                && (opens_appositive(ctx, after.start, r.end)
                    || indefinite_appositive(ctx, after.start, r.end))
            {
                if let Some(c) = (after.start..r.end).find(|&u| ctx.is_punct(u, ',')) {
                    after = c + 1..r.end;
                }
            }
            let after_is_clause = ctx.is_punct(after.start - 1, ',')
                && word_count(ctx, after.clone()) >= MIN_CLAUSE_WORDS
                && !opens_appositive(ctx, after.start, r.end);
            // CLAUSE, according to X, and CLAUSE: the attribution closes the first clause.
            if after_is_clause && opens_coordinated_clause(ctx, after.start) {
                if clause(before.clone()) {
                    out.push(report(before));
                }
                return;
            }
            // "Politico reported, according to sources, Hale tried …": the part before is a
            // report's subject and verb, and the clause after it is that report's (IND001's).
            if comma_before && before.end > before.start && ctx.is_indirect_cue(before.end - 1) {
                return;
            }
            // CLAUSE, according to X[, CLAUSE]
            if comma_before {
                if after_is_clause {
                    if word_count(ctx, before.clone()) > 0
                        && !ctx.has_speech_quote(before.clone())
                        && !crate::attribution::grammar::words::opens_adverbial(
                            &crate::text::ascii_lower(ctx.word(before.start)),
                        )
                    {
                        out.push(report(before));
                    }
                    if clause(after.clone()) {
                        out.push(report(after));
                    }
                } else if clause(before.clone()) {
                    out.push(report(before));
                }
                return;
            }
            // CLAUSE according to X: only a source that cites someone.
            if is_cited_source(ctx, &np)
                && !crate::attribution::grammar::sources::heads_conformity(ctx, np.tokens.clone())
                && clause(before.clone())
            {
                out.push(report(before));
                return;
            }
        }
    }
}

/// ", published in a journal, …" after the source: a past participle and a preposition open a
/// phrase that describes the source, not the reported clause ("According to the study,
/// published in BMJ Case Reports, the man had …").
fn participle_appositive(ctx: &Context, t: usize, end: usize) -> bool {
    t + 1 < end
        && ctx.tokens[t].is_word()
        && {
            let w = ctx.word(t);
            w.len() >= 5 && w.ends_with("ed") && w.starts_with(|c: char| c.is_ascii_lowercase())
        }
        && ctx.classes(t + 1) & crate::lexicon::class::SUBJECT_PREPOSITION != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::context::SentenceWords;

    #[test]
    fn according_wakes_the_rule_in_any_case() {
        for w in ["according", "According", "ACCORDING"] {
            let held = SentenceWords {
                classes: crate::lexicon::lookup(w).classes(),
                marks: 0,
            };
            assert!(AccordingToClause.wake().wakes(held), "{w:?}");
        }
        let held = SentenceWords {
            classes: crate::lexicon::lookup("accorded").classes(),
            marks: 0,
        };
        assert!(!AccordingToClause.wake().wakes(held));
    }
}
