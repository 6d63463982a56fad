//! IND001 name-cue-that.

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{
    bytes, interrupted_lead, opening_clause_end, opens_clause_without_that,
    opens_participle_clause, report, sentence_body, word_count, MIN_CLAUSE_WORDS,
};
use crate::attribution::grammar::complement::{
    clause_end, clause_start, next_report, object_small_clause, only_time,
    opens_with_named_subject, opens_with_subject_pronoun,
};
use crate::attribution::grammar::np::{is_number, NpKind};
use crate::attribution::grammar::shapes::comma_in_closing_mark;
use crate::attribution::grammar::subject::{
    before_auxiliaries, before_catenative, before_progressive, determined_phrase,
    subject_before_quoted_appositive, subject_ending_at,
};
use crate::attribution::rule::{declare_rule, Rule, Wake};
use crate::lexicon::class::{CUE_INDIRECT, THOUGHT_VERB};
use crate::text::ascii_lower;

declare_rule! {
    /// # IND001 name-cue-that
    ///
    /// ## What it matches
    /// Indirect speech whose clause holds no quoted speech: a speaker (name, pronoun,
    /// organisation, description or a quantity of people: `52 percent of voters`, `most`,
    /// `nearly half`; with an optional appositive, also between dashes: `The judge -- who had
    /// clashed with the mayor -- said …`, `Many nurses — including aides — said …`, or after
    /// the subject that opens the sentence: `Even the fiercest critics, like Ostrova, say …`;
    /// a floating `all` or `both` may follow it: `The delegates all said …`), a
    /// reporting verb, and a
    /// reported clause: `Mich Mathews, Microsoft's senior vice president, said that the
    /// process will take ten years.`, `Smith told reporters on Monday that …`,
    /// `He said the plan would fail.` The content is the clause ("that" included). The
    /// subject may follow an opening phrase and its comma (`Until the plant closed, most of
    /// them said …`), be the phrase a relative "who" stands for (`Canova, who said he would
    /// not run, left.`, `voters who said the economy …`: the clause ends with the relative,
    /// and after a restrictive "who" it must open plainly), or be the subject of a first,
    /// coordinated verb (`The spokesman declined to comment but said …`, `Pryce offered him a
    /// job, then says …`, also after an opening phrase or "But": `In a statement, the
    /// governor blasted Congress and said …`), or the
    /// subject of a verb whose "to" infinitive the reporting verb is (`Hale continued to say
    /// …`, `the senator went on to argue that …`, `Hale has refused to say whether …`: the
    /// speaker ends before "continued", "went on", "refused" and their auxiliaries). A short
    /// adverbial may stand between the verb and the clause (`said Monday the plan …`, `said
    /// on Friday he …`, `said in hindsight it …`: a prepositional phrase only up to a subject
    /// pronoun, since where its nouns end is not known otherwise; `has said for weeks he …`),
    /// and a longer phrase of place, time or medium before "that" (`noted in a guest column in
    /// Sunday's Ledger that …`; a "that" with a verb right after it is a relative). A phrase
    /// set off by commas or dashes may follow the verb (`said on the radio, where he is a
    /// host, that …`, `said — on the app, as it happens — that …`, `reported, according to
    /// two sources, Vell tried …`) when "that", a subject pronoun or a named subject follows
    /// it. After the one told, a few plain words may come before the clause's subject
    /// pronoun (`told the Ledger of Newark last week she …`; not past "as", "when" …); after
    /// the one asked, a request starts at its infinitive (`asks her assistant to print …`).
    /// An approximate quantity opens a clause (`said about half of the rise …`); "it"
    /// with no verb after it is an object, not a clause (`found it offensive`). A clause stops where a
    /// direct quote with its own cue begins (`…, but added: “…”`), where a second report
    /// begins (`… but said …`, `…, and most voters said …`, `… and suspected that …`, `…
    /// but he hasn't endorsed her`: "and" or "but" before an attributing verb of the same
    /// subject or a new one), which is reported too (up to four reports a sentence), at a
    /// contrast after a comma (`…, while critics doubted it`), where
    /// a participle of a cue or stance verb follows a comma (`…, pointing to the polls`:
    /// IND007's), or, when the verb stands in a clause that opens the sentence (`Even as
    /// she accused the council of bias, the mayor …`), at the comma that closes that clause.
    /// Quotes elsewhere in the sentence do not stop a report: in the subject's appositive or
    /// relative clause (`Hale, the coder known as “Wren,” said …`, `Hale, who calls it a
    /// “fraud,” said …`), in a trailing part with a cue of its own that the clause ends before
    /// (`…, which he described as “…”`, `… — which she added “…”`), after a colon or a dash
    /// when the quote has its own attribution (`…: “…,” he predicted.`, `… — “…,” she said —
    /// …`), or in the main clause after a "who says" relative (`Hale, who says …, wrote that it
    /// “will fail”`: the relative is reported), and a participle may follow a quote whose comma
    /// stands inside its closing mark (`Hale mocked the “king of debt,” noting that …`).
    /// Verbs of knowing and feeling (`data/thought_verbs.txt`: knows, feels, remembers …)
    /// report only a clause that "that" or a subject pronoun opens.
    ///
    /// ## Why
    /// Reported speech is most of what news attributes, and this is its plainest form.
    ///
    /// ## Example
    /// `Officials said the bridge would reopen in May.` → "officials", content "the bridge
    /// would reopen in May".
    ///
    /// ## Does not match
    /// Questions, a clause that holds quoted speech (a partial quote, which the quote rules
    /// report: `Smith said the plan “will fail”`, also a colon and a quote without its own
    /// attribution, which completes the clause), a verb followed by an object that is no
    /// clause (`Smith said goodbye`).
    ///
    /// ## Known false positives
    /// "said" in its adjective sense (`the said property`) after a name-like word. A clause
    /// cut before a relative clause with a cue and a quote that the clause goes on after
    /// (`said the plan, which critics described as “a gift,” would fail` reports "the plan").
    pub struct NameCueThat { id: "IND001", name: "name-cue-that", phase: Indirect }
}

/// Most reports IND001 finds in one sentence.
const MAX_REPORTS_PER_SENTENCE: usize = 4;

impl Rule for NameCueThat {
    /// Every report starts at a verb [`Context::next_report_verb`] finds: a cue that reports
    /// speech or a verb of knowing or feeling.
    fn wake(&self) -> Wake {
        Wake::words(CUE_INDIRECT | THOUGHT_VERB)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = sentence_body(ctx, s)?;
        find_from(ctx, r.clone(), r.start).map(|(found, _)| found)
    }

    /// "Comey has said that he makes recommendations, but Lewandowski said he does not":
    /// after each report, the search goes on after its cue, so a report inside a report
    /// ("Smith said Jones argued the deal was off") nests in it.
    fn indirect_all(&self, ctx: &Context, s: usize, out: &mut Vec<IndirectFinding>) {
        let Some(r) = sentence_body(ctx, s) else {
            return;
        };
        let mut from = r.start;
        for _ in 0..MAX_REPORTS_PER_SENTENCE {
            let Some((found, cue)) = find_from(ctx, r.clone(), from) else {
                return;
            };
            out.push(found);
            from = cue + 1;
        }
    }
}

/// The first report whose cue stands at or after token `from` in the sentence body `r`,
/// and the token of its cue.
fn find_from(
    ctx: &Context,
    r: std::ops::Range<usize>,
    from: usize,
) -> Option<(IndirectFinding, usize)> {
    {
        let mut next = from;
        while let Some(k) = ctx.next_report_verb(next, r.end) {
            next = k + 1;
            let thought = !ctx.is_indirect_cue(k) && ctx.is_thought_verb(k);
            // "the Death in Custody Reporting Act": a capitalised "-ing" word inside the
            // sentence belongs to a name.
            if k > r.start
                && ctx.word(k).ends_with("ing")
                && crate::attribution::grammar::words::starts_upper(ctx.word(k))
            {
                continue;
            }
            if ctx.in_quote(k) {
                continue;
            }
            // The clause first (and what a verb of knowing needs of it): it is cheaper to
            // find than the subject, and without it there is no report.
            let Some(start) = clause_start(ctx, k, r.end) else {
                continue;
            };
            // "charged the officer with murder" is an act of law: "charged" reports only a
            // clause that "that" opens.
            if matches!(
                ascii_lower(ctx.word(k)).as_str(),
                "charged" | "charges" | "charging"
            ) && !ctx.is(start, "that")
            {
                continue;
            }
            if thought
                && !(ctx.is(start, "that")
                    || opens_with_subject_pronoun(ctx, start)
                    || opens_with_named_subject(ctx, start))
            {
                continue;
            }
            // "found it offensive": "it" is the verb's object, no clause follows.
            if object_small_clause(ctx, start) {
                continue;
            }
            // ", saying that …", ", adding …": a participle reports the sentence's subject.
            // The comma may stand inside a quote's closing mark ("… “a success,” adding …").
            let participle = ctx.word(k).ends_with("ing")
                && k > r.start
                && (ctx.is_punct(k - 1, ',') || comma_in_closing_mark(ctx, k, r.start));
            let subject_end = ctx.skip_adverbs_backward(k, r.start);
            // "is warning voters that …", "has been saying …", "keeps saying …": the subject
            // of a progressive stands before its auxiliaries. (Without them the "-ing" verb
            // follows its own subject: "with most voters saying …", "… and saying …".)
            let subject_end = if ctx.word(k).ends_with("ing") && !participle {
                before_progressive(ctx, subject_end, r.start).unwrap_or(subject_end)
            } else {
                subject_end
            };
            // "did not say", "has long argued", "herself has proposed", "in 2001 found":
            // auxiliaries, negation and a time phrase stand between subject and verb. A
            // passive ("was told that …") reports for no subject before it.
            let subject_end = if participle {
                subject_end
            } else {
                match before_auxiliaries(ctx, subject_end, r.start, k) {
                    Some(t) => t,
                    None => continue,
                }
            };
            // "I still don't know who …": a negated verb of knowing reports nothing.
            let knowing = ctx.is_thought_verb(k)
                || matches!(ascii_lower(ctx.word(k)).as_str(), "know" | "knows" | "knew");
            if knowing
                && (subject_end..k).any(|t| {
                    let w = ascii_lower(ctx.word(t));
                    w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
                })
            {
                continue;
            }
            let subject_end = before_catenative(ctx, subject_end, r.start);
            // "Lee (D-Ore.), Ray (D-Ohio) and Dunn (D-N.J.) all suggested": a floating "all"
            // or "both" after the subject.
            let subject_end = if subject_end >= r.start + 2
                && matches!(
                    ascii_lower(ctx.word(subject_end - 1)).as_str(),
                    "all" | "both"
                )
                && ctx.tokens[subject_end - 1].is_word()
                && (ctx.is_punct(subject_end - 2, ')')
                    || ctx
                        .np_ending_before(subject_end - 1, r.start)
                        .is_some_and(|np| np.kind == NpKind::Description))
            {
                subject_end - 1
            } else {
                subject_end
            };
            // "…, then says …" joins a second verb as "and" does.
            let coordinated = subject_end > r.start
                && (ctx.is(subject_end - 1, "and")
                    || ctx.is(subject_end - 1, "but")
                    || ctx.is_punct(subject_end - 1, ',') && ctx.is(subject_end, "then"));
            // "Canova, who said he would not run, left": the clause ends with the relative.
            let relative = subject_end >= r.start + 3
                && ctx.is(subject_end - 1, "who")
                && ctx.is_punct(subject_end - 2, ',');
            // "the 30 percent of voters who said …", "experts who say …": the phrase before a
            // restrictive "who" speaks; the clause ends with the relative.
            let restrictive = subject_end >= r.start + 2
                && ctx.is(subject_end - 1, "who")
                && !ctx.is_punct(subject_end - 2, ',');
            // "… by stressing that …", "after saying that …": a gerund after such a
            // preposition reports for the sentence's opening subject, if it is a plain one.
            // After "for", "of", "to" … ("criticized Rubio for saying", "accused him of
            // saying", "In addition to saying") its subject is unknown: nothing is reported.
            let before_gerund =
                (!participle && ctx.word(k).ends_with("ing") && subject_end > r.start)
                    .then(|| ascii_lower(ctx.word(subject_end - 1)));
            let gerund_speaker = match before_gerund.as_deref() {
                // "criticized Rubio for saying that …": the object before "for" or "of",
                // when it is a name, speaks.
                Some(w @ ("for" | "of" | "to" | "about" | "from" | "on" | "with")) => Some(
                    matches!(w, "for" | "of")
                        .then(|| ctx.np_ending_before(subject_end - 1, r.start))
                        .flatten()
                        .filter(|np| {
                            matches!(np.kind, NpKind::Name | NpKind::Organisation)
                                && np.tokens.end + 1 == subject_end
                        }),
                ),
                Some(w) if crate::attribution::grammar::clause::takes_subject_gerund(w) => {
                    Some(ctx.np_starting_at(r.start, subject_end - 1).filter(|np| {
                        matches!(
                            np.kind,
                            NpKind::Name | NpKind::Pronoun(_) | NpKind::Organisation
                        )
                    }))
                }
                _ => None,
            };
            if let Some(np) = gerund_speaker {
                let Some(np) = np else {
                    continue;
                };
                let Some(end) = clause_end(ctx, start, r.end) else {
                    continue;
                };
                let end = next_report(ctx, start, end);
                if word_count(ctx, start..end) < MIN_CLAUSE_WORDS {
                    continue;
                }
                return Some((report(ctx, &np, k..k + 1, start..end), k));
            }
            let np = if participle {
                // "On Monday, the governor signed the bill, saying …": past an opening phrase.
                ctx.np_starting_at(r.start, k).or_else(|| {
                    let after = crate::attribution::grammar::shapes::after_opening_participle(
                        ctx, r.start, k,
                    );
                    (after > r.start)
                        .then(|| ctx.np_starting_at(after, k))
                        .flatten()
                })
            } else if coordinated {
                ctx.coordinated_subject(r.start, subject_end)
            } else {
                let before_who = if restrictive {
                    ctx.quantity_phrase(subject_end - 1, r.start, true)
                        .or_else(|| ctx.subject_before(subject_end - 1, r.start))
                        .or_else(|| determined_phrase(ctx, subject_end - 1, r.start))
                } else {
                    None
                };
                before_who.or_else(|| subject_ending_at(ctx, subject_end, r.start))
            };
            let relative = relative || restrictive;
            let np = np.filter(|np| !ctx.has_quote(np.tokens.clone()));
            let np = np.or_else(|| {
                (!participle && !coordinated)
                    .then(|| subject_before_quoted_appositive(ctx, subject_end, r.start))
                    .flatten()
            });
            let Some(np) = np else {
                continue;
            };
            // "a gap that experts say …", "argued that officials say …": "that" before a
            // plural is no determiner of it.
            let np = if np.kind == NpKind::Description
                && np.tokens.len() > 1
                && ctx.is(np.tokens.start, "that")
                && ctx.word(np.tokens.end - 1).ends_with('s')
            {
                ctx.description(np.tokens.start + 1..np.tokens.end)
            } else {
                np
            };
            if matches!(np.kind, NpKind::Description) && np.tokens.len() == 1 {
                // A bare role noun ("sources said") is fine only when plural or a known speaker.
                let w = ctx.word(np.tokens.start);
                if !w.ends_with('s') && !ctx.is_quantity(np.tokens.start) {
                    continue;
                }
            }
            // "4,051 pledged delegates": after a bare number the "verb" may be an adjective;
            // only a clause that opens plainly ("that", a pronoun, a determiner, a name) is
            // reported. So too after a restrictive "who" ("partners who expect form …").
            let number = np.kind == NpKind::Description && is_number(ctx.word(np.tokens.end - 1));
            if (number || restrictive)
                && !(ctx.is(start, "that") || opens_clause_without_that(ctx, start))
            {
                continue;
            }
            // The relative's clause ends at its comma, before any quote the sentence goes on
            // to ("Graham, who says …, tweeted that it “will not work”").
            let relative_end = relative
                .then(|| (start..r.end).find(|&t| ctx.is_punct(t, ',')))
                .flatten();
            let Some(end) = clause_end(ctx, start, relative_end.unwrap_or(r.end)) else {
                continue;
            };
            let mut end = next_report(ctx, start, end);
            // "…, pointing to the polls": a participle of its own starts IND007's report.
            if let Some(p) = (start + 1..end).find(|&t| opens_participle_clause(ctx, t)) {
                if word_count(ctx, start..p - 1) >= MIN_CLAUSE_WORDS {
                    end = p - 1;
                }
            }
            // "Even as he accused the office of bias, Gorman declined …": the opening clause
            // ends there.
            if let Some(close) = opening_clause_end(ctx, &r, k).filter(|&c| c > start) {
                end = end.min(close);
            }
            if word_count(ctx, start..end) < MIN_CLAUSE_WORDS || only_time(ctx, start..end) {
                continue;
            }
            let lead = (!participle && !coordinated)
                .then(|| interrupted_lead(ctx, &r, &np, k, start))
                .flatten();
            // "The rules, which he said make it easy, were changed": a relative's content
            // ends at its comma.
            let end = match &lead {
                Some(l) if ctx.is_punct(l.start.saturating_sub(1), ',') && l.len() == 1 => {
                    (start..end).find(|&t| ctx.is_punct(t, ',')).unwrap_or(end)
                }
                _ => end,
            };
            let mut found = report(ctx, &np, k..k + 1, start..end);
            found.lead = lead.map(|l| bytes(ctx, l));
            return Some((found, k));
        }
        None
    }
}
