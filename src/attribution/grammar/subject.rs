//! The subject of a verb: where it ends before the verb (past auxiliaries, negation, a time
//! phrase, a catenative verb or a progressive's "be") and the phrases that speak for it when
//! no plain subject stands there (the phrase before a restrictive "who", the one before an
//! appositive that ends in a quote). The rules find a verb; these finders say whose it is.

use std::ops::Range;

use crate::attribution::context::Context;
use crate::attribution::grammar::clause::{is_subordinator, word_count};
use crate::attribution::grammar::np::{
    is_cue_adverb, is_number, is_quote_mark, NpKind, SpeakerNp, MAX_APPOSITIVE_TOKENS,
};
use crate::attribution::grammar::words::{
    auxiliary, is_dash, is_time_word, Auxiliary, MAX_AUXILIARIES,
};
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

/// Steps back from token `end` (a verb) over the auxiliaries and adverbs right before it, at
/// most [`MAX_AUXILIARIES`] ("has long been", "did not", "will probably"): where they start,
/// and the nearest one that is no adverb, with its token ("been" in "has long been widely
/// expected"). The subject ends where they start, and the nearest auxiliary tells a passive
/// or a progressive from a plain verb and licenses a base form after a modal, so every
/// finder of a verb's subject starts here.
pub(crate) fn auxiliaries_before(
    ctx: &Context,
    end: usize,
    floor: usize,
) -> (usize, Option<(Auxiliary, usize)>) {
    let mut t = end;
    let mut nearest = None;
    while t > floor && end - t < MAX_AUXILIARIES && ctx.tokens[t - 1].is_word() {
        let Some(aux) = auxiliary(ctx.word(t - 1)) else {
            break;
        };
        if nearest.is_none() && aux != Auxiliary::Adverb {
            nearest = Some((aux, t - 1));
        }
        t -= 1;
    }
    (t, nearest)
}

/// The subject that ends at token `end`, not before `floor`: the speaker phrase right before
/// it ("the mayor's office said"), else the subject that opens the sentence past a phrase
/// or clause before it ("In a statement, the mayor …"), else the one after a clause boundary
/// ("…, but most voters want …"). The one order in which the rules of indirect speech and
/// stance look for a subject, so that they agree on who speaks.
pub fn subject_ending_at(ctx: &Context, end: usize, floor: usize) -> Option<SpeakerNp> {
    ctx.subject_before(end, floor)
        .or_else(|| ctx.sentence_subject(floor, end))
        .or_else(|| ctx.subject_after_boundary(floor, end))
}

/// Most words between a determiner and the restrictive "who" after its phrase: a longer
/// run of lower-case words is no longer one short phrase.
pub const MAX_DETERMINED_TOKENS: usize = 4;

/// The phrase that ends before token `end` and opens with an article or "those", over a few
/// lower-case words ("an architect who said …", "the engineers who say …"): the one a
/// restrictive "who" speaks for when no role noun or name marks it.
pub fn determined_phrase(ctx: &Context, end: usize, floor: usize) -> Option<SpeakerNp> {
    let lowest = end.saturating_sub(MAX_DETERMINED_TOKENS + 1).max(floor);
    let mut t = end;
    while t > lowest {
        t -= 1;
        let w = ctx.word(t);
        if !ctx.tokens[t].is_word() || !w.starts_with(char::is_lowercase) || ctx.is_cue(t) {
            return None;
        }
        if matches!(ascii_lower(w).as_str(), "a" | "an" | "the" | "those") {
            return (t + 1 < end).then(|| ctx.description(t..end));
        }
    }
    None
}

/// Where the subject of the verb at `k` ends, given that the words right before the verb
/// end at `end`: before the auxiliaries, negation, sentence adverbs, a floating "both" or
/// "all", a reflexive ("herself") and a time phrase ("on Sunday", "in 2001", "last week")
/// between them ("Officials did not say", "Lawmakers have not yet said", "Clinton herself
/// has proposed", "a panel in 2001 found"). `None` for a passive ("were told that …"), whose
/// subject is no speaker. The speaker is the phrase before all of these, so a subject
/// finder starts from here.
pub fn before_auxiliaries(ctx: &Context, end: usize, floor: usize, k: usize) -> Option<usize> {
    let skippable = |t: usize| {
        let w = ascii_lower(ctx.word(t));
        ctx.tokens[t].is_word()
            && (auxiliary(&w).is_some()
                || matches!(
                    w.as_str(),
                    "both"
                        | "all"
                        | "yet"
                        | "first"
                        | "herself"
                        | "himself"
                        | "themselves"
                        | "itself"
                )
                || is_cue_adverb(&w))
    };
    let mut t = end;
    let mut passive = false;
    let mut steps = 0;
    while t > floor && steps < MAX_AUXILIARIES + 2 {
        // "he's said": the "’s" of "has" after a pronoun.
        let contracted = ctx.tokens[t - 1].kind == TokenKind::Possessive
            && t - 1 > floor
            && matches!(
                ascii_lower(ctx.word(t - 2)).as_str(),
                "he" | "she" | "it" | "who" | "that"
            );
        if contracted {
            t -= 1;
            steps += 1;
            continue;
        }
        if skippable(t - 1) {
            passive |= auxiliary(ctx.word(t - 1)) == Some(Auxiliary::Be);
            t -= 1;
            steps += 1;
            continue;
        }
        match time_phrase_before(ctx, t, floor) {
            Some(u) if u < t => {
                t = u;
                steps += 1;
            }
            _ => break,
        }
    }
    if passive && !ctx.word(k).ends_with("ing") {
        return None;
    }
    Some(if t > floor { t } else { end })
}

/// Where a time phrase that ends at `end` starts ("on Sunday", "in 2001", "in March", "last
/// week", "earlier this month"), if one does: such a phrase may stand between a subject
/// and its verb ("a panel in 2001 found") and is no part of the subject.
pub fn time_phrase_before(ctx: &Context, end: usize, floor: usize) -> Option<usize> {
    if end < floor + 3 || !ctx.tokens[end - 1].is_word() {
        return None;
    }
    let last = ascii_lower(ctx.word(end - 1));
    let year = last.len() == 4 && last.bytes().all(|b| b.is_ascii_digit());
    let unit = matches!(
        last.as_str(),
        "week" | "month" | "year" | "weekend" | "night" | "morning" | "afternoon" | "evening"
    );
    let day = is_time_word(&last)
        || matches!(
            last.as_str(),
            "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        )
        || matches!(
            last.as_str(),
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        );
    let before = ascii_lower(ctx.word(end - 2));
    match before.as_str() {
        "on" | "in" if year || day => Some(end - 2),
        "last" | "this" | "next" if unit => {
            // "earlier this month"
            let e = end - 2;
            Some(
                if e > floor + 1
                    && matches!(ascii_lower(ctx.word(e - 1)).as_str(), "earlier" | "later")
                {
                    e - 1
                } else {
                    e
                },
            )
        }
        _ => None,
    }
}

/// Where the subject of a progressive ends, given the "-ing" verb's auxiliaries end at
/// `end`: before "is", "are", "was", "has been" … ("Trump is warning", "she has been
/// saying"), or before a verb that takes an "-ing" form ("keeps saying", "continued
/// arguing"). `None` when neither stands there. Without either, an "-ing" verb follows its
/// own subject ("with most voters saying …") and the finder is not needed.
pub fn before_progressive(ctx: &Context, end: usize, floor: usize) -> Option<usize> {
    let (t, nearest) = auxiliaries_before(ctx, end, floor);
    let nearest = nearest.map(|(aux, _)| aux);
    if nearest == Some(Auxiliary::Be) {
        return (t > floor).then_some(t);
    }
    let aspectual = end > floor + 1
        && matches!(
            ascii_lower(ctx.word(end - 1)).as_str(),
            "keeps"
                | "keep"
                | "kept"
                | "continues"
                | "continued"
                | "continue"
                | "started"
                | "starts"
                | "began"
                | "begins"
                | "stopped"
        );
    (nearest.is_none() && aspectual).then(|| ctx.skip_adverbs_backward(end - 1, floor))
}

/// Verbs that take a reporting verb as their "to" infinitive ("continued to say", "refused
/// to say whether", "tried to explain that"): their subject is the report's.
pub fn is_catenative(word: &str) -> bool {
    matches!(
        ascii_lower(word).as_str(),
        "continue"
            | "continues"
            | "continued"
            | "continuing"
            | "refuse"
            | "refuses"
            | "refused"
            | "decline"
            | "declines"
            | "declined"
            | "begin"
            | "begins"
            | "began"
            | "begun"
            | "start"
            | "starts"
            | "started"
            | "try"
            | "tries"
            | "tried"
            | "want"
            | "wants"
            | "wanted"
            | "appear"
            | "appears"
            | "appeared"
            | "seem"
            | "seems"
            | "seemed"
            | "seek"
            | "seeks"
            | "sought"
            | "attempt"
            | "attempts"
            | "attempted"
            | "hasten"
            | "hastened"
            | "rush"
            | "rushed"
            // "are more likely to say", "was quick to point out", "is unwilling to say".
            | "likely"
            | "unlikely"
            | "willing"
            | "unwilling"
            | "eager"
            | "quick"
            | "able"
            | "unable"
    )
}

/// Where the subject of the verb before token `end` ends when that verb is the infinitive of
/// a catenative verb ("Hale continued to say", "the senator went on to argue", "Hale has
/// repeatedly refused to say"): before the catenative verb and its auxiliaries. Otherwise
/// `end`.
pub fn before_catenative(ctx: &Context, end: usize, floor: usize) -> usize {
    if end < floor + 3 || !ctx.is(end - 1, "to") {
        return end;
    }
    let mut t = end - 1;
    // "went on to argue", "goes on to say".
    if ctx.is(t - 1, "on")
        && t >= floor + 3
        && matches!(
            ascii_lower(ctx.word(t - 2)).as_str(),
            "went" | "goes" | "go" | "gone" | "going"
        )
    {
        t -= 2;
    } else if is_catenative(ctx.word(t - 1)) {
        t -= 1;
    } else {
        return end;
    }
    let mut n = 0;
    while t > floor && n < MAX_AUXILIARIES && ctx.tokens[t - 1].is_word() {
        let degree = matches!(
            ascii_lower(ctx.word(t - 1)).as_str(),
            "more" | "less" | "most" | "least" | "much" | "far" | "very"
        );
        if auxiliary(ctx.word(t - 1)).is_none() && !degree {
            break;
        }
        t -= 1;
        n += 1;
    }
    let t = ctx.skip_adverbs_backward(t, floor);
    if t > floor {
        t
    } else {
        end
    }
}

/// The speaker before an appositive or relative clause that ends in a quote with the
/// closing comma inside its marks, right before the verb at `end`: "Lehel, the hacker known
/// as “Guccifer,” stated …", "Hale, who calls the plan a “fraud,” said …". The quote is no
/// part of the report; the phrase before the appositive's comma speaks.
pub fn subject_before_quoted_appositive(
    ctx: &Context,
    end: usize,
    floor: usize,
) -> Option<SpeakerNp> {
    if end < floor + 3
        || !ctx.in_quote(end - 1)
        || ctx.tokens[end - 1].is_word()
        || !ctx.is_punct(end - 2, ',')
    {
        return None;
    }
    let open = (floor..end).rev().find(|&t| !ctx.in_quote(t))? + 1;
    let lowest = open.saturating_sub(MAX_APPOSITIVE_TOKENS).max(floor);
    let comma = (lowest..open)
        .rev()
        .find(|&t| ctx.is_punct(t, ',') || ctx.in_quote(t))?;
    if !ctx.is_punct(comma, ',') || word_count(ctx, comma + 1..open) == 0 {
        return None;
    }
    // An appositive or a "who" clause, not a report of its own ("In a statement, Kerr said:
    // “…,” adding …", "Kerr insisted that he “…,” claiming …").
    let relative = ctx.is(comma + 1, "who");
    let reports = (comma + 1..open).any(|t| {
        ctx.is(t, "that") || ctx.is_punct(t, ':') || (!relative && ctx.is_indirect_cue(t))
    });
    if reports {
        return None;
    }
    ctx.subject_before(comma, floor)
        .filter(|np| np.tokens.end == comma && !ctx.has_quote(np.tokens.clone()))
}

/// The phrase a restrictive relative pronoun at `rel` follows ("voters who support Dahl",
/// "cities that oppose the rule", "the 40 percent of residents who want …"): a description,
/// organisation or name right before it; none after a verb ("argued that backing …").
pub fn restrictive_antecedent(ctx: &Context, r: &Range<usize>, rel: usize) -> Option<SpeakerNp> {
    // "heated over who supported …": a question word after a preposition or verb.
    let before = ascii_lower(ctx.word(rel - 1));
    if is_preposition(&before) || auxiliary(&before).is_some() {
        return None;
    }
    let np = ctx
        .np_ending_before(rel, r.start)
        .or_else(|| ctx.sentence_subject(r.start, rel))?;
    // "More than half of the respondents who …": the quantity holds the stance.
    if let Some(q) = ctx
        .quantity_phrase(rel, r.start, true)
        .filter(|q| q.tokens.start < np.tokens.start)
    {
        return Some(q);
    }
    // "For those companies that want …": an opening adverbial is no phrase of its own.
    if is_preposition(&ascii_lower(ctx.word(np.tokens.start)))
        || np.tokens.end != rel
        || !matches!(
            np.kind,
            NpKind::Description | NpKind::Organisation | NpKind::Name
        )
    {
        return None;
    }
    Some(np)
}

/// The phrase "A and B" when `np` is B and A, a name, organisation or description, stands
/// right before its "and" ("Norway and Peru", "the union and its allies"), with nothing but
/// the start of the clause before A. Two phrases joined so speak together and take a
/// plural verb.
pub fn joined_subject(ctx: &Context, r: &Range<usize>, np: &SpeakerNp) -> Option<SpeakerNp> {
    let and = np.tokens.start.checked_sub(1)?;
    if and <= r.start || !ctx.is(and, "and") {
        return None;
    }
    let first = ctx.np_ending_before(and, r.start)?;
    let plain = matches!(
        first.kind,
        NpKind::Name | NpKind::Organisation | NpKind::Description
    ) && matches!(
        np.kind,
        NpKind::Name | NpKind::Organisation | NpKind::Description
    );
    (plain && first.tokens.end == and && opens_its_clause(ctx, r, first.tokens.start))
        .then(|| ctx.description(first.tokens.start..np.tokens.end))
}

/// True when the phrase at `t` opens its clause: at the start of the body, after a
/// punctuation mark or after a conjunction ("while 5 percent prefer …", "and most oppose …").
pub fn opens_its_clause(ctx: &Context, r: &Range<usize>, t: usize) -> bool {
    t <= r.start || !ctx.tokens[t - 1].is_word() || {
        let w = ascii_lower(ctx.word(t - 1));
        matches!(w.as_str(), "and" | "but" | "that" | "so") || is_subordinator(&w)
    }
}

/// Prepositions that show a word before them is a noun ("support among women") or a
/// question word after them ("over who supported"), so neither is a verb and its subject.
pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "among"
            | "against"
            | "of"
            | "for"
            | "from"
            | "in"
            | "on"
            | "with"
            | "across"
            | "over"
            | "about"
            | "to"
            | "by"
            | "at"
            | "into"
    )
}

/// When a time phrase stands between a relative "who" and its verb, whose auxiliaries
/// start at `end` ("who on Tuesday endorsed", "who last week backed", "who earlier
/// opposed"): the token after "who".
pub fn after_relative_time(ctx: &Context, end: usize, floor: usize) -> Option<usize> {
    let time = |t: usize| {
        let w = ascii_lower(ctx.word(t));
        is_time_word(&w)
            || matches!(
                w.as_str(),
                "on" | "last" | "this" | "week" | "month" | "year" | "in"
            )
            || is_number(&w)
    };
    let mut t = end;
    while t > floor && end - t < 3 && ctx.tokens[t - 1].is_word() && time(t - 1) {
        t -= 1;
    }
    (t < end && t > floor && ctx.is(t - 1, "who")).then_some(t)
}

/// Most tokens of a description that an "-ing" verb qualifies: a longer run is more likely a
/// clause of its own ("the report cheered Democrats backing …") than one noun phrase.
pub const MAX_QUALIFIED_TOKENS: usize = 5;

/// The phrase an "-ing" verb at `k` qualifies, right before it (a reduced relative clause): a description, an
/// organisation or a name ("a super PAC backing Bush", "Syrian hackers backing Assad",
/// "those supporting Clinton"); not after a comma (a participle clause, IND007's).
pub fn reduced_relative(ctx: &Context, r: &Range<usize>, k: usize) -> Option<SpeakerNp> {
    if k <= r.start || !ctx.tokens[k - 1].is_word() {
        return None;
    }
    if ascii_lower(ctx.word(k - 1)) == "those" {
        return Some(ctx.description(k - 1..k));
    }
    let np = ctx.np_ending_before(k, r.start)?;
    let plain = match np.kind {
        NpKind::Description => {
            // A determiner or a plural: "a super PAC", "hackers" (not "is", "will"); a few
            // words, none of them a verb's past form ("the report cheered Democrats").
            let last = ascii_lower(ctx.word(np.tokens.end - 1));
            (np.tokens.len() > 1 || last.ends_with('s'))
                && np.tokens.len() <= MAX_QUALIFIED_TOKENS
                && !np.tokens.clone().any(|t| ctx.word(t).ends_with("ed"))
        }
        NpKind::Organisation | NpKind::Name => true,
        _ => false,
    };
    (plain && np.tokens.end == k).then_some(np)
}

/// Most words [`subject_start`] scans back from a verb's auxiliaries for the start of its
/// subject: a subject longer than that is more likely a clause the scan should not cross.
pub const MAX_SCANNED_SUBJECT_TOKENS: usize = 20;

/// Words that open a clause of their own, which the subject does not reach back over:
/// the subject starts after them.
fn bounds_subject(w: &str) -> bool {
    matches!(w, "that" | "but" | "yet" | "so")
        || (is_subordinator(w) && !matches!(w, "where" | "wherever"))
}

/// Why the backward scan for a subject stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// At the floor (the sentence start).
    Floor,
    /// After a comma.
    Comma,
    /// After other punctuation, a reporting verb or a clause word other than those below.
    Boundary,
    /// After "that".
    That,
    /// After "and" or "but": the subject may be the previous clause's.
    Conjunction,
    /// After a subordinator ("as", "when", "because" …) or at a relative ("which",
    /// "who"): its clause ends at its comma.
    Subordinator,
}

/// Scans back from `subject_end` for the start of the subject: where it starts and why the
/// scan stopped there; `None` past [`MAX_SCANNED_SUBJECT_TOKENS`].
fn scan_subject(ctx: &Context, subject_end: usize, floor: usize) -> Option<(usize, Stop)> {
    let lowest = floor.max(subject_end.saturating_sub(MAX_SCANNED_SUBJECT_TOKENS));
    let mut t = subject_end;
    while t > floor {
        let p = t - 1;
        match ctx.tokens[p].kind {
            TokenKind::Word => {
                let w = ascii_lower(ctx.word(p));
                // "the event, which is expected to draw …": the relative stands for the
                // subject and stays in; its clause ends at its comma.
                if matches!(w.as_str(), "which" | "who") {
                    return Some((p, Stop::Subordinator));
                }
                if w == "what" {
                    return Some((p, Stop::Boundary));
                }
                if w == "that" {
                    return Some((t, Stop::That));
                }
                if matches!(w.as_str(), "and" | "but") && (t == subject_end || p == floor) {
                    return Some((t, Stop::Conjunction));
                }
                // "Clinton and Sanders seem …": "and" joins the subject.
                if w != "and" {
                    if is_subordinator(&w) {
                        return Some((t, Stop::Subordinator));
                    }
                    if bounds_subject(&w) || ctx.is_indirect_cue(p) || ctx.is_thought_verb(p) {
                        return Some((t, Stop::Boundary));
                    }
                }
            }
            TokenKind::Possessive => {}
            TokenKind::Punct(',') => return Some((t, Stop::Comma)),
            TokenKind::Punct(c)
                if matches!(c, ';' | ':' | '(' | ')') || is_quote_mark(c) || is_dash(ctx, p) =>
            {
                return Some((t, Stop::Boundary));
            }
            _ => {}
        }
        if p < lowest {
            return None;
        }
        t = p;
    }
    Some((t, Stop::Floor))
}

/// Most tokens of a parenthetical between a subject and its verb ("Clinton, casting herself
/// as a champion of working people, appeared to …").
pub const MAX_SUBJECT_PARENTHETICAL_TOKENS: usize = 25;

/// Where the subject that ends at `subject_end` starts, and whether a subordinator opens its
/// clause; `None` when no subject is found within [`MAX_SCANNED_SUBJECT_TOKENS`]. "The
/// central bank, which has held rates near zero, is expected to act": the subject starts at
/// "The". Unlike [`subject_ending_at`], which asks for a speaker phrase, this takes any words
/// (a subject that is no speaker may still hold a hedged view: "The plan seems doomed").
pub fn subject_start(ctx: &Context, subject_end: usize, floor: usize) -> Option<(usize, bool)> {
    let (start, stop) = scan_subject(ctx, subject_end, floor)?;
    if start < subject_end {
        return Some((start, stop == Stop::Subordinator));
    }
    match stop {
        // "a role that is expected to …", "That looks unlikely.": "that" is the subject.
        Stop::That => Some((subject_end - 1, false)),
        // "… is a Republican, but has reportedly been critical": the subject is the
        // previous clause's; the content is the predicate.
        Stop::Conjunction => Some((subject_end, false)),
        // "The central bank, which has held rates near zero, is expected to act": the
        // subject stands before the parenthetical, which stays in the content.
        Stop::Comma => {
            let comma = subject_end - 1;
            let lowest = floor.max(comma.saturating_sub(MAX_SUBJECT_PARENTHETICAL_TOKENS));
            let open = (lowest..comma).rev().find(|&u| ctx.is_punct(u, ','))?;
            if ctx.has_quote(open..comma) {
                return None;
            }
            let (start, stop) = scan_subject(ctx, open, floor)?;
            (start < open).then_some((start, stop == Stop::Subordinator))
        }
        _ => None,
    }
}
