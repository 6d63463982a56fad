//! IND012 unsourced-evidential.

use std::ops::Range;

use crate::attribution::context::Context;
use crate::attribution::finding::{Finding, IndirectFinding};
use crate::attribution::grammar::clause::content_end;
use crate::attribution::grammar::clause::{bytes, plain_sentence, word_count, MIN_CLAUSE_WORDS};
use crate::attribution::grammar::subject::{auxiliaries_before, subject_start};
use crate::attribution::grammar::words::Auxiliary;
use crate::attribution::rule::Wake;
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::COMPLEMENT_BLOCKER;
use crate::lexicon::class::EVIDENTIAL;
use crate::lexicon::{self, List};
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # IND012 unsourced-evidential
    ///
    /// ## What it matches
    /// A clause that the writer hedges or presents as expected without naming whose view it
    /// is, with a word of `data/evidential_cues.txt`:
    /// - a linking verb: `The plan seems doomed.`, `Okafor appeared to lose the thread.`,
    ///   `The race has seemed close for weeks.`, `It looks like a stalemate.`, `It appears
    ///   that …` ("appear" needs "to" and a verb, "like", "as if" or an adjective after it;
    ///   "look" and "sound" need "like", "as if" or an adjective; a bare "look" also a modal
    ///   or "do" before it);
    /// - a passive of expecting, believing or reporting after a form of "be": `The bill is
    ///   widely expected to pass.`, `She is said to be furious.`, `He was seen as a
    ///   moderate.`, `The site was deemed unsafe.`; "seen as", "viewed as", "regarded as"
    ///   also without "be" (`a state seen as critical`, `Lee, regarded as a moderate, …`);
    /// - an adverb between the subject and its verb: `Okafor reportedly left the party.`,
    ///   `The funds were allegedly diverted.`
    ///
    /// The content is the whole proposition, from the start of its subject (after a comma,
    /// a conjunction, a reporting verb or the sentence start; a relative "which", "who" or
    /// "that" stays in; a parenthetical between commas is stepped over to the subject
    /// before it) to the end of its clause, as for IND006, or a comma before "however"; a
    /// clause opened by "as", "when", "because", "which" … ends at its comma. The cue is the
    /// evidential word, which interrupts the content: the subject is the content's lead and
    /// what follows the cue its text (`The ferry service` | `to resume in March`), except
    /// when the subject is an "it" that stands for the clause (`It seems the vote failed`),
    /// and an opening phrase of time or place is no part of the lead (`On Friday she` →
    /// `she`). Nobody is named as the speaker: the writer states the hedge, the
    /// source is left out. One exception: "seem to" or "appear to" before a verb of saying,
    /// thinking or stance (`Okafor seemed to suggest that …`) hedges the subject's own act,
    /// so a subject that is a name, an organisation, a pronoun or a description is the
    /// speaker, with cue "seemed to suggest" and what follows the verb as content (as IND001
    /// would report it).
    ///
    /// ## Why
    /// Political news states as much by hedging and expectation as by quoting: PolNeAR
    /// annotates these as attributions without a source, and a reader of the extracted
    /// statements wants to know that "the bill is expected to pass" is a forecast, not a
    /// fact. A quote database that wants speech only leaves this rule out.
    ///
    /// ## Example
    /// `The ferry service is expected to resume in March.` → nobody, cue "expected", lead
    /// "The ferry service", content "to resume in March".
    ///
    /// ## Does not match
    /// Physical appearance (`Okafor appeared on television`, `appeared in court`), looking
    /// and sounding as actions (`looked into the case`, `sounded the alarm`), "is expected"
    /// with no infinitive (`a ruling is expected Monday`), a passive with an agent (`is
    /// expected by analysts to …`: someone holds the view), an infinitive or gerund (`trying
    /// to appear calm`, `on being viewed as`), a noun (`a look`, `his weary look`), an adverb
    /// inside a noun phrase (`the allegedly stolen files`), "apparently" (measured on
    /// PolNeAR: as many false as true findings), title-case headings, questions, sentences
    /// with quote marks (the quote rules read those), and clauses another indirect rule
    /// already reports (the rule runs last).
    ///
    /// ## Known false positives
    /// An adjective test without a tagger: `appeared Monday` is skipped, but a noun after
    /// "looked" or "sounded" (`sounded retreat`) may pass; a literal resemblance (`the heap
    /// looked like a whale`) is read as a hedge; an opening phrase without a comma stays in
    /// the content (`On Friday she sounded relieved`).
    pub struct UnsourcedEvidential {
        id: "IND012", name: "unsourced-evidential", phase: Indirect, class: Evidential
    }
}

/// What must stand around an evidential word (`data/evidential_cues.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// "seem": anything may follow.
    Seem,
    /// "appear": "to" and a verb, "like", "as if", or an adjective.
    Appear,
    /// "look", "sound": "like", "as if", or an adjective.
    Look,
    /// A passive participle before "to" and a verb.
    To,
    /// A passive participle before "to be" or "to have".
    ToBe,
    /// A passive participle before "as".
    As,
    /// A passive participle before its complement.
    Complement,
    /// An adverb before the verb.
    Adverb,
}

/// The class of an evidential word by its attribute in `data/evidential_cues.txt`.
fn class_of(attr: &str) -> Option<Class> {
    Some(match attr {
        "[seem]" => Class::Seem,
        "[appear]" => Class::Appear,
        "[look]" => Class::Look,
        "[to]" => Class::To,
        "[to-be]" => Class::ToBe,
        "[as]" => Class::As,
        "[complement]" => Class::Complement,
        "[adverb]" => Class::Adverb,
        _ => return None,
    })
}

/// Most intensifiers and "-ly" adverbs before the adjective after "appear", "look" or
/// "sound" ("looked visibly shaken", "seemed far more relaxed").
const MAX_INTENSIFIERS: usize = 2;

/// True when the word at `t` cannot open the adjective after "appear", "look" or "sound"
/// (`data/complement_blockers.txt`, and days and times): "appeared on television", "looked
/// into the case", "sounded the alarm".
fn blocks_complement(ctx: &Context, t: usize) -> bool {
    ctx.classes(t) & COMPLEMENT_BLOCKER != 0
        || crate::attribution::grammar::words::is_time_word(&ascii_lower(ctx.word(t)))
}

/// Words that only strengthen the adjective after them ("seemed far more relaxed"); `w` is
/// the word at `t`, lower-cased.
fn is_intensifier(ctx: &Context, t: usize, w: &str) -> bool {
    matches!(
        w,
        "more" | "less" | "most" | "very" | "so" | "too" | "quite" | "rather" | "far" | "much"
    ) || (w.len() > 4 && w.ends_with("ly") && !blocks_complement(ctx, t))
}

/// Determiners and possessives: before an evidential verb form they make it a noun ("a
/// look", "his looks").
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
    )
}

/// True when token `t` is a lower-case word (a verb or adjective may stand there; a name
/// may not).
fn lower_word(ctx: &Context, t: usize, end: usize) -> bool {
    t < end
        && ctx.tokens[t].is_word()
        && ctx
            .word(t)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_lowercase)
}

/// True when an infinitive's verb stands at `t` ("to concede", not "to the crowd").
fn infinitive_verb(ctx: &Context, t: usize, end: usize) -> bool {
    lower_word(ctx, t, end) && {
        let w = ascii_lower(ctx.word(t));
        !is_determiner(&w)
            && !blocks_complement(ctx, t)
            && !crate::attribution::grammar::np::is_number(&w)
    }
}

/// True when "as if" or "as though" opens at `t`.
fn as_if(ctx: &Context, t: usize) -> bool {
    ctx.is(t, "as") && (ctx.is(t + 1, "if") || ctx.is(t + 1, "though"))
}

/// True when an adjective (or "like", "as if") may follow the linking verb at `t`.
fn adjective_follows(ctx: &Context, t: usize, end: usize) -> bool {
    if ctx.is(t, "like") || as_if(ctx, t) {
        return t + 1 < end;
    }
    for u in t..t + MAX_INTENSIFIERS + 1 {
        if !lower_word(ctx, u, end) {
            return false;
        }
        let w = ascii_lower(ctx.word(u));
        if blocks_complement(ctx, u) || is_determiner(&w) {
            return false;
        }
        if !is_intensifier(ctx, u, &w) {
            return true;
        }
    }
    false
}

/// Verbs after "seem to" that make the subject a source of its own: "seemed to suggest
/// that …", "appears to want …" (IND001 and IND006 read those).
fn reports_own_view(ctx: &Context, t: usize) -> bool {
    ctx.is_indirect_cue(t) || ctx.is_thought_verb(t) || ctx.is_stance_verb(t)
}

/// An evidential cue in use.
struct Cue {
    /// The token after the cue's last word.
    end: usize,
    /// Where its subject ends.
    subject_end: usize,
    /// A participle after a comma, with no "be" ("Scalia, regarded as the court's anchor,
    /// …"): the content is the participle's phrase.
    reduced: bool,
}

/// The evidential cue at token `k`. `None` when the word is not used as a hedge here.
fn cue_at(ctx: &Context, k: usize, r: &Range<usize>) -> Option<Cue> {
    // A word listed twice takes its last line's class.
    let class = lexicon::attrs(List::EvidentialCues, ctx.word(k))
        .iter()
        .rev()
        .find_map(|a| class_of(a.split_whitespace().next()?))?;
    let end = r.end;
    let (subject_end, nearest_at) = auxiliaries_before(ctx, k, r.start);
    if subject_end <= r.start {
        return None;
    }
    let before = ascii_lower(ctx.word(subject_end - 1));
    // "a look", "his looks": a noun; "to appear", "to be seen as": an infinitive with its
    // subject elsewhere.
    if ctx.tokens[subject_end - 1].kind == TokenKind::Possessive
        || is_determiner(&before)
        || before == "to"
    {
        return None;
    }
    let nearest = nearest_at.map(|(aux, _)| aux);
    // "on being viewed as": a gerund, whose subject is not the words before it.
    let being = nearest_at.is_some_and(|(_, t)| ctx.is(t, "being"));
    if being && nearest_at.is_some_and(|(_, t)| t == subject_end) {
        return None;
    }
    let next = k + 1;
    if next >= end {
        return None;
    }
    let ok = match class {
        Class::Seem | Class::Appear | Class::Look => {
            // "is sound", "was looking": not the linking verb.
            if nearest == Some(Auxiliary::Be) {
                return None;
            }
            if ctx.is(next, "to") {
                // "seemed to suggest that …": the subject speaks for itself.
                class != Class::Look && infinitive_verb(ctx, next + 1, end)
            } else {
                match class {
                    Class::Seem => ctx.tokens[next].is_word(),
                    // "it appears that …"
                    Class::Appear if before == "it" && ctx.is(next, "that") => true,
                    // "shell-shocked look stirs": a bare "look" is a noun unless a modal
                    // or "do" stands before it, or "like" after it.
                    Class::Look if ctx.is(k, "look") && nearest != Some(Auxiliary::Modal) => {
                        ctx.is(next, "like") || as_if(ctx, next)
                    }
                    _ => adjective_follows(ctx, next, end),
                }
            }
        }
        // "a state seen as critical", "Scalia, regarded as …": a participle with no "be".
        Class::As if nearest.is_none() && subject_end == k => {
            ctx.is(next, "as") && ctx.tokens.get(next + 1).is_some_and(|t| t.is_word())
        }
        Class::To | Class::ToBe | Class::As | Class::Complement => {
            if nearest != Some(Auxiliary::Be) {
                return None;
            }
            match class {
                Class::To => ctx.is(next, "to") && infinitive_verb(ctx, next + 1, end),
                Class::ToBe => {
                    ctx.is(next, "to") && (ctx.is(next + 1, "be") || ctx.is(next + 1, "have"))
                }
                Class::As => {
                    ctx.is(next, "as") && ctx.tokens.get(next + 1).is_some_and(|t| t.is_word())
                }
                _ => {
                    // "is being considered for the post": a decision, not a view.
                    !being
                        && ((ctx.is(next, "to") && ctx.is(next + 1, "be"))
                            || (lower_word(ctx, next, end) && {
                                let w = ascii_lower(ctx.word(next));
                                !blocks_complement(ctx, next)
                                    || matches!(w.as_str(), "a" | "an" | "the" | "one")
                            }))
                }
            }
        }
        Class::Adverb => {
            // "the allegedly stolen files", "a patch of seemingly worthless ground", "…,
            // reportedly, …": not before a verb.
            lower_word(ctx, next, end)
                && ctx.tokens[k - 1].is_word()
                && !blocks_complement(ctx, k - 1)
        }
    };
    ok.then_some(Cue {
        end: next,
        subject_end,
        reduced: class == Class::As && nearest.is_none() && ctx.is_punct(k - 1, ','),
    })
}

impl Rule for UnsourcedEvidential {
    /// Every hedge starts at an evidential word.
    fn wake(&self) -> Wake {
        Wake::words(EVIDENTIAL)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        crate::attribution::rule::first_finding(self, ctx, s)
    }

    /// Every hedged clause of the sentence: "The bill seems doomed, but the vote is expected
    /// to be close" gives two.
    fn indirect_all(&self, ctx: &Context, s: usize, out: &mut Vec<IndirectFinding>) {
        let Some(r) = plain_sentence(ctx, s) else {
            return;
        };
        // Most sentences hold no evidential word: one scan of the per-token flags.
        let mut from = r.start;
        while let Some(k) = ctx.next_evidential(from, r.end) {
            from = k + 1;
            if ctx.in_quote(k) {
                continue;
            }
            let Some(cue) = cue_at(ctx, k, &r) else {
                continue;
            };
            let (cue_end, subject_end) = (cue.end, cue.subject_end);
            let found = if cue.reduced {
                Some((k, true))
            } else {
                subject_start(ctx, subject_end, r.start)
            };
            let Some((start, subordinate)) = found else {
                continue;
            };
            if start > subject_end {
                continue;
            }
            let mut end = content_end(ctx, cue_end, r.end);
            // "This looks obvious, however I doubt …": a sentence adverb after a comma
            // opens the writer's next clause.
            if let Some(comma) = (cue_end..end).find(|&t| {
                ctx.is_punct(t, ',') && (ctx.is(t + 1, "however") || ctx.is(t + 1, "though"))
            }) {
                end = comma;
            }
            if subordinate {
                // "50,000" holds no clause comma: the one that counts has a space after it.
                let clause_comma = |t: usize| {
                    ctx.is_punct(t, ',')
                        && ctx
                            .tokens
                            .get(t + 1)
                            .is_none_or(|n| n.start() > ctx.tokens[t].end())
                };
                if let Some(comma) = (cue_end..end).find(|&t| clause_comma(t)) {
                    end = comma;
                }
            }
            if word_count(ctx, start..end) < MIN_CLAUSE_WORDS || ctx.has_speech_quote(start..end) {
                continue;
            }
            // "Okafor seemed to suggest that …": the hedge is the writer's, the suggestion
            // the subject's, who is then the speaker.
            let holder = (ctx.is(cue_end, "to") && reports_own_view(ctx, cue_end + 1))
                .then(|| ctx.np_starting_at(start, subject_end))
                .flatten()
                .filter(|np| np.tokens.end == subject_end && !ctx.is(np.tokens.start, "it"));
            // Its content is then what follows the verb, as IND001 and IND006 report it.
            // Otherwise the hedge interrupts its content: the subject before it is the
            // content's lead, what follows the cue its text ("The fight is expected | to be
            // costly").
            // "It seems …", "it sure looks …", "By Monday it appeared …" hold no lead: "it"
            // stands for the clause. A
            // conjunction before the subject is no part of it.
            let lead_start = if ctx.is(start, "and") || ctx.is(start, "but") {
                start + 1
            } else {
                start
            };
            // "On Friday she sounded …", "By midnight the count looked …": an opening
            // phrase of time or place is no part of the lead, which is the subject alone.
            let opener = ascii_lower(ctx.word(lead_start));
            let lead_start = if lead_start + 1 < subject_end
                && (crate::attribution::grammar::words::opens_adverbial(&opener)
                    || crate::attribution::grammar::words::is_time_word(&opener))
            {
                ctx.np_ending_before(subject_end, lead_start + 1)
                    .map_or(subject_end, |np| np.tokens.start)
            } else {
                lead_start
            };
            let has_lead = lead_start < subject_end
                && cue_end < end
                && !ctx.is(subject_end - 1, "it")
                && !(ctx.is(lead_start, "it") && subject_end - lead_start <= 2);
            let (finding, start, lead) = match holder {
                Some(np) if word_count(ctx, cue_end + 2..end) >= MIN_CLAUSE_WORDS => {
                    (ctx.finding(&np, k..cue_end + 2, 0.6), cue_end + 2, None)
                }
                _ => (
                    Finding {
                        speaker: None,
                        cue: Some(bytes(ctx, k..k + 1)),
                        confidence: 0.6,
                    },
                    if has_lead { cue_end } else { start },
                    has_lead.then(|| bytes(ctx, lead_start..subject_end)),
                ),
            };
            out.push(IndirectFinding {
                content: bytes(ctx, start..end),
                lead,
                finding,
                verbatim: false,
            });
            from = from.max(end);
        }
    }
}
