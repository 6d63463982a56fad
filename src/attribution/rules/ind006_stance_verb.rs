//! IND006 stance-verb.

use std::ops::Range;

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{content_end, opening_clause_end, report, sentence_body};
use crate::attribution::grammar::np::{NpKind, SpeakerNp};
use crate::attribution::grammar::stance::stance_at;
use crate::attribution::grammar::subject::{
    after_relative_time, auxiliaries_before, is_preposition, joined_subject, opens_its_clause,
    reduced_relative, restrictive_antecedent, subject_ending_at,
};
use crate::attribution::grammar::words::{auxiliary, Auxiliary};
use crate::attribution::rule::Wake;
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::STANCE_VERB;
use crate::text::ascii_lower;

declare_rule! {
    /// # IND006 stance-verb
    ///
    /// ## What it matches
    /// A stance, wish, intention or topic attributed to the subject of a verb from
    /// `data/stance_verbs.txt`, with what follows the verb as content: `Sanders wants a
    /// higher minimum wage.`, `The group called for a boycott of the speech.`, `She plans to
    /// vote in the primary.`, `Mook refused to speculate.`, and praise, blame or a
    /// characterisation (`Tovey praised the crews.`, `Kell accused the board of hiding the
    /// audit.`, `Varga portrayed the levy as a gift.`), and a reporting verb with a noun
    /// phrase for object (`Dahl announced a plan to rebuild the wall.`, `cited a poll`; not
    /// "to", "for", "it", "them", "that" or "this" right after it;
    /// `warned of`, `complained about`, `wrote about` too), and a verb with particles of its
    /// own (`railed against the levy`, `sided with the crews`, `threw her support behind
    /// Dahl`, an adverb in "-ly" perhaps before them: `spoke warmly of`). The subject is
    /// found as for IND001 (a name, organisation, pronoun or description, perhaps after an
    /// opening phrase or before a coordinated verb);
    /// auxiliaries and negation may stand between it and the verb (`did not endorse`,
    /// `hasn't endorsed`, `has long opposed`). Two phrases joined by "and" hold the stance
    /// together (`Norway and Peru support the rebels`). A quantity of people that opens its
    /// clause takes the plural verb (`Most oppose the cuts`, `about 4 in 10 want a
    /// change`). A gerund after "by", "after", "while" … is the opening subject's (`Kell won
    /// by attacking the levy`). In a relative clause (`Dahl, who on Tuesday endorsed the levy,
    /// left`, `the board, which backed Dahl, …`, `voters who support the ban are …`, `cities
    /// that oppose the rule`) and after the phrase an "-ing" verb qualifies (`groups backing
    /// the plan have …`, `those supporting the ban`) the phrase before holds the stance and
    /// the content ends at the comma, the main clause's auxiliary or its verb of saying. A
    /// relative that fronts the verb's object (`the ferry, which she has vowed to protect,`)
    /// is the content's lead; a free "what" clause (`sold what Ostrander wanted to sell`)
    /// names a thing and reports nothing.
    /// Otherwise the content runs to the end of the clause: the sentence end, a semicolon,
    /// colon, dash or bracket, a comma before a new clause (`, which …`, `, saying …`, `, pointing to …`), "and" or "but"
    /// before a second attributing verb of the same subject or of a new one (`wants the
    /// votes and Okafor wants …`, `backed the levy and has repeatedly opposed …`, each
    /// reported), or, when the verb stands in a clause that opens the sentence (`As
    /// Ostrander attacked the budget, the crowd …`), the comma that closes that clause.
    ///
    /// ## Why
    /// News attributes positions as often as words: who supports, opposes, wants or calls
    /// for what. These are attributions in the sense of the PolNeAR annotation (thoughts,
    /// beliefs and intentions included), and a reader of a quote database wants to filter
    /// them by rule, so they have their own ID.
    ///
    /// ## Example
    /// `Christie endorsed Trump last week.` → "Christie", cue "endorsed", content "Trump
    /// last week".
    ///
    /// ## Does not match
    /// The verb used as a noun (`his support among women`, `the plans to rally`), a base form
    /// after a singular name (`Republican support remains`), the passive (`was rejected by`,
    /// `is expected to win`), verbs inside quote marks, questions, a verb with nothing after
    /// it (`He refused.`), and content that holds quoted speech (the quote rules report it).
    ///
    /// ## Known false positives
    /// A noun that looks like a verb after a capitalised phrase the mention finder took for a
    /// name (`Senate Republicans plan …` is right, `Union Station plans` is not).
    pub struct StanceVerb { id: "IND006", name: "stance-verb", phase: Indirect, class: Stance }
}

/// The form of a stance verb, which decides what may stand before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "support": after a modal, or a plural subject.
    Base,
    /// "supports": right after its subject.
    ThirdPerson,
    /// "supported", "sought": after its subject or "have"; after "be" it is a passive.
    Past,
    /// "supporting": after "be".
    Progressive,
}

fn form(lower: &str) -> Form {
    if lower.ends_with("ing") {
        Form::Progressive
    } else if lower.ends_with("ed")
        || matches!(
            lower,
            "sought" | "spoke" | "saw" | "cast" | "took" | "threw" | "went"
        )
    {
        Form::Past
    } else if lower.ends_with('s') {
        Form::ThirdPerson
    } else {
        Form::Base
    }
}

/// The subject of the verb at `k` in sentence body `r`, with the verb's auxiliaries
/// stepped over; `None` for a passive, or a base form no plural subject or auxiliary
/// licenses.
fn subject(ctx: &Context, r: &Range<usize>, k: usize) -> Option<(SpeakerNp, Bound)> {
    let form = form(&ascii_lower(ctx.word(k)));
    // Step back over auxiliaries and adverbs; the nearest verbal one must suit the form.
    let (subject_end, nearest) = auxiliaries_before(ctx, k, r.start);
    let nearest = nearest.map(|(aux, _)| aux);
    // "Sanders, who on Tuesday endorsed Clinton, …": a time phrase after the relative.
    let subject_end = after_relative_time(ctx, subject_end, r.start).unwrap_or(subject_end);
    // "a super PAC backing Bush", "those supporting Clinton": an "-ing" verb right after a
    // phrase, with no auxiliary or comma, qualifies that phrase, which holds the stance.
    if form == Form::Progressive && nearest.is_none() && subject_end == k {
        // "Kell won the race by attacking the levy": a gerund after a preposition, for a
        // plain subject that opens the sentence.
        if k > r.start
            && crate::attribution::grammar::clause::takes_subject_gerund(&ascii_lower(
                ctx.word(k - 1),
            ))
        {
            return ctx
                .np_starting_at(r.start, k - 1)
                .filter(|np| {
                    matches!(
                        np.kind,
                        NpKind::Name | NpKind::Pronoun(_) | NpKind::Organisation
                    )
                })
                .map(|np| (np, Bound::Main));
        }
        return reduced_relative(ctx, r, k).map(|np| (np, Bound::Relative));
    }
    let licensed = match (form, nearest) {
        (Form::Base, Some(Auxiliary::Modal)) => true,
        (Form::Base, None) => true, // needs a plural subject: checked below
        (Form::ThirdPerson, None) => true,
        (Form::Past, None | Some(Auxiliary::Have)) => true,
        (Form::Progressive, Some(Auxiliary::Be)) => true,
        _ => false,
    };
    if !licensed {
        return None;
    }
    // "his support", "the plans to rally", "Trump's plan": the verb is a noun.
    if subject_end == k && k > r.start {
        let prev = ctx.tokens[k - 1].kind;
        if prev == crate::text::tokens::TokenKind::Possessive
            || matches!(
                ascii_lower(ctx.word(k - 1)).as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
            )
        {
            return None;
        }
    }
    // "… and defended Cruz", "… and has repeatedly opposed the tax": the first verb's
    // subject.
    let coordinated =
        subject_end > r.start && (ctx.is(subject_end - 1, "and") || ctx.is(subject_end - 1, "but"));
    // "Sanders, who endorsed Clinton, …", "the union, which backed Dahl, …": the relative's
    // clause ends at its comma. "voters who support Dahl are …", "cities that oppose the
    // rule": a restrictive relative, whose phrase holds the stance.
    let relative = subject_end > r.start + 1
        && matches!(
            ascii_lower(ctx.word(subject_end - 1)).as_str(),
            "who" | "which" | "that"
        );
    let who = relative && ctx.is_punct(subject_end - 2, ',');
    let restrictive = relative && !who && ctx.tokens[subject_end - 2].is_word();
    let np = if coordinated {
        ctx.coordinated_subject(r.start, subject_end)
    } else if restrictive {
        restrictive_antecedent(ctx, r, subject_end - 1)
    } else {
        subject_ending_at(ctx, subject_end, r.start)
            // "critics on the left, who accused …": the phrase before the comma.
            .or_else(|| {
                who.then(|| {
                    ctx.np_ending_before(subject_end - 2, r.start)
                        .or_else(|| ctx.sentence_subject(r.start, subject_end - 2))
                })
                .flatten()
            })
    }?;
    // "Norway and Peru support …": two phrases joined by "and" hold the stance together,
    // and take the plural verb.
    let (np, joined) = match joined_subject(ctx, r, &np) {
        Some(both) if !coordinated && !restrictive => (both, true),
        _ => (np, false),
    };
    if ctx.has_quote(np.tokens.clone()) {
        return None;
    }
    // "which Beijing has vowed to ignore": the object went to the front, and is the
    // content's lead.
    let fronted = crate::attribution::grammar::clause::object_fronted(ctx, &np, r.start);
    // "what Microsoft wanted to sell" names a thing, not a stance: only a relative after
    // its noun ("the ferry, which she has vowed to protect") fronts a stance's object.
    if fronted
        && !matches!(
            ascii_lower(ctx.word(np.tokens.start - 1)).as_str(),
            "which" | "whom"
        )
    {
        return None;
    }
    let last = ascii_lower(ctx.word(np.tokens.end - 1));
    // "Most oppose …", "4 in 10 want …", "1 percent support …", "Two-thirds back …": a
    // quantity of people, which agrees with a plural verb.
    // It opens its clause ("garners 41 percent support" is a noun), is no single "one", and
    // no preposition follows the verb ("5 percent support among women" is a noun too).
    let quantity = matches!(np.kind, NpKind::Description | NpKind::Name)
        && last != "one"
        && (restrictive || opens_its_clause(ctx, r, np.tokens.start))
        && !(k + 1 < r.end && is_preposition(&ascii_lower(ctx.word(k + 1))))
        && (ctx
            .quantity_phrase(np.tokens.end, np.tokens.start, true)
            .is_some_and(|q| q.tokens == np.tokens)
            || last
                .rsplit('-')
                .next()
                .is_some_and(|w| matches!(w, "thirds" | "quarters" | "fifths")));
    let plural = quantity
        || joined
        || match np.kind {
            NpKind::Pronoun(_) => last == "they",
            NpKind::Description => last.ends_with('s'),
            // "Officials support …", "Republicans see …": a capitalised plural role noun that
            // the mention finder took for a name is a plural subject.
            NpKind::Name => {
                np.tokens.len() == 1
                    && last.ends_with('s')
                    && crate::mentions::lexicon::lexicon().is_role_noun(&last)
            }
            NpKind::Organisation => false,
            // "I" and "we" take the base form: "I think", "we know".
            NpKind::FirstPerson => true,
        };
    // "Trump support" is no clause: a base form with no modal needs a plural subject.
    if form == Form::Base && nearest.is_none() && !plural && !coordinated {
        return None;
    }
    // "Republican voters supports" does not agree: "supports" is a noun there.
    if form == Form::ThirdPerson && plural {
        return None;
    }
    // A bare singular role noun ("spokesman wants") is a headline fragment.
    if np.kind == NpKind::Description && np.tokens.len() == 1 && !last.ends_with('s') && !quantity {
        return None;
    }
    let bound = if fronted {
        Bound::Fronted
    } else if who || restrictive {
        Bound::Relative
    } else {
        Bound::Main
    };
    Some((np, bound))
}

/// Where the clause of a stance verb stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// The sentence's own clause: the content runs to the clause's end.
    Main,
    /// A relative clause ("…, who endorsed Clinton, …") or a phrase an "-ing" verb
    /// qualifies ("a super PAC backing Bush, …"): the content ends at the next comma.
    Relative,
    /// A relative clause whose object went to the front ("which he describes as his second
    /// home"): the relative pronoun is the content's lead, and the content ends at the next
    /// comma.
    Fronted,
}

impl Rule for StanceVerb {
    /// Every report is a stance verb's.
    fn wake(&self) -> Wake {
        Wake::words(STANCE_VERB)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        crate::attribution::rule::first_finding(self, ctx, s)
    }

    /// Every stance verb of the sentence with a subject: "Reid blasted Rubio and defended
    /// Cruz" gives two.
    fn indirect_all(&self, ctx: &Context, s: usize, out: &mut Vec<IndirectFinding>) {
        let Some(r) = sentence_body(ctx, s) else {
            return;
        };
        for k in r.clone() {
            // Most words are no stance verb: the per-token flag says so before any call.
            if !ctx.is_stance_verb(k) || ctx.in_quote(k) || !ctx.tokens[k].is_word() {
                continue;
            }
            let Some((cue_last, start)) = stance_at(ctx, k, r.end) else {
                continue;
            };
            // "the plan backed by Democrats": a passive participle.
            if ctx.is(start, "by") {
                continue;
            }
            let Some((np, bound)) = subject(ctx, &r, k) else {
                continue;
            };
            let mut end = content_end(ctx, start, r.end);
            // "said he had offered extra pay and that the union …": a second "that" clause
            // belongs to the verb of saying around the stance, not to its object.
            if let Some(stop) = (start + 1..end.saturating_sub(1))
                .find(|&t| (ctx.is(t, "and") || ctx.is(t, "but")) && ctx.is(t + 1, "that"))
            {
                end = stop;
            }
            if bound == Bound::Fronted {
                if let Some(comma) = (start..end).find(|&t| ctx.is_punct(t, ',')) {
                    end = comma;
                }
            }
            if bound == Bound::Relative {
                // "…, who endorsed Clinton, left", "groups backing Bush have been …": the
                // comma or the main clause's auxiliary ends the relative.
                // "voters who want to be heard": not a verb after "to". "… who endorsed Lee
                // said": a verb of saying is the main clause's too.
                if let Some(stop) = (start + 1..end).find(|&t| {
                    ctx.is_punct(t, ',')
                        || ctx.tokens[t].is_word()
                            && !crate::mentions::is_capitalised(ctx.word(t))
                            && !ctx.is(t - 1, "to")
                            && (ctx.is_cue(t)
                                || auxiliary(ctx.word(t)).is_some_and(|a| a != Auxiliary::Adverb))
                }) {
                    end = stop;
                    // "who endorsed Kasich and is now …": not the "and" before it.
                    while end > start + 1
                        && (ctx.is(end - 1, "and")
                            || ctx.is(end - 1, "but")
                            || ctx.is(end - 1, "or"))
                    {
                        end -= 1;
                    }
                }
            }
            // "As Voss attacked Hanley, the crowd chanted": the opening clause ends there.
            if let Some(close) = opening_clause_end(ctx, &r, k).filter(|&c| c > start) {
                end = end.min(close);
            }
            // A quote in a trailing part with its own cue (", which he called “…”") ends the
            // content; one inside it is a partial quote, for the quote rules.
            let Some(end) = ctx.end_before_quoted_tail(start, end) else {
                continue;
            };
            if end <= start {
                continue;
            }
            let mut found = report(ctx, &np, k..cue_last + 1, start..end);
            if bound == Bound::Fronted {
                let relative = np.tokens.start - 1;
                found.lead = Some(crate::attribution::grammar::clause::bytes(
                    ctx,
                    relative..relative + 1,
                ));
            }
            out.push(found);
        }
    }
}
