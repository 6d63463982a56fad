//! The complement of a reporting verb: where the reported clause after the verb starts
//! (past the one told or asked, an adverbial, a phrase set off by commas or dashes) and
//! where it ends (a second report, a direct quote with its own cue). A rule finds the verb
//! and its subject; this says which words it reports.

use std::ops::Range;

use crate::attribution::context::Context;
use crate::attribution::grammar::clause::{
    is_subordinator, opens_clause_without_that, opens_second_report, word_count, MIN_CLAUSE_WORDS,
};
use crate::attribution::grammar::np::{is_number, MAX_SUBJECT_TOKENS};
use crate::attribution::grammar::words::{
    auxiliary, is_dash, is_time_word, opens_adverbial, starts_upper, takes_addressee, Auxiliary,
};
use crate::mentions::MentionKind;
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

/// True when a person or organisation named at token `t` is the subject of a clause: its
/// verb follows as an auxiliary or modal ("Clinton knows Sanders will run to the end").
pub fn opens_with_named_subject(ctx: &Context, t: usize) -> bool {
    let Some(m) = ctx.mentions.starting_at(t) else {
        return false;
    };
    matches!(
        m.kind,
        MentionKind::Person | MentionKind::Organisation | MentionKind::Proper
    ) && m.tokens().end < ctx.tokens.len()
        && matches!(
            ascii_lower(ctx.word(m.tokens().end)).as_str(),
            "is" | "was"
                | "will"
                | "would"
                | "has"
                | "had"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
        )
}

/// True when "it" or "you" at token `t` is the object of a verb of knowing rather than the
/// subject of its clause: no verb follows ("found it offensive", "found you charming").
pub fn object_small_clause(ctx: &Context, t: usize) -> bool {
    (ctx.is(t, "it") || ctx.is(t, "you"))
        && ctx.tokens.get(t + 1).is_none_or(|tok| {
            tok.kind != TokenKind::Possessive
                && (!tok.is_word() || !(verb_like(ctx.word(t + 1)) || ctx.is(t + 1, "that")))
        })
}

/// True when `w` opens a phrase of place, time or medium after a reporting verb ("in a
/// column", "on CNN", "during the debate"), which may run long before the clause.
fn is_setting_preposition(w: &str) -> bool {
    is_time_word(w)
        || matches!(
            w,
            "in" | "on"
                | "at"
                | "during"
                | "via"
                | "through"
                | "over"
                | "before"
                | "after"
                | "last"
        )
}

/// True when token `u` is a dash that sets off a phrase ("reported on Tuesday — a
/// development that …"), not a hyphen inside a figure ("by 55%-41%").
fn spaced_dash(ctx: &Context, u: usize) -> bool {
    is_dash(ctx, u)
        && (!ctx.is_punct(u, '-') || u == 0 || ctx.tokens[u - 1].end() < ctx.tokens[u].start())
}

/// True when `w` can follow a subject pronoun as its verb: an auxiliary or adverb, a
/// lower-case "-ed" or "-s" form that is no adjective in "-ous", "-less" ("it works", "it
/// failed"), or a common irregular past ("it made", "it took").
fn verb_like(w: &str) -> bool {
    auxiliary(w).is_some()
        || !starts_upper(w)
            && (w.ends_with("ed")
                || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous")
                || matches!(
                    w,
                    "made"
                        | "took"
                        | "found"
                        | "meant"
                        | "sold"
                        | "got"
                        | "gave"
                        | "said"
                        | "went"
                        | "came"
                        | "thought"
                        | "knew"
                        | "kept"
                        | "left"
                        | "felt"
                        | "saw"
                        | "told"
                        | "became"
                        | "began"
                        | "brought"
                        | "ran"
                        | "won"
                        | "lost"
                        | "paid"
                        | "spent"
                        | "sent"
                        | "held"
                        | "then"
                        | "really"
                        | "actually"
                        | "always"
                        | "probably"
                        | "certainly"
                ))
}

/// True when token `t` is a subject pronoun ("she knows he lied"), which opens a clause
/// even where a plain word after a verb could be its object.
pub fn opens_with_subject_pronoun(ctx: &Context, t: usize) -> bool {
    matches!(
        ascii_lower(ctx.word(t)).as_str(),
        "he" | "she" | "they" | "we" | "i" | "it" | "there" | "you"
    )
}

/// Longest phrase set off by commas between a reporting verb and its clause ("says, win or
/// lose in Tuesday's primary, he's staying").
const MAX_INTERJECTED_TOKENS: usize = 12;

/// Most tokens between a verb with an addressee and the "that" of its clause ("assured
/// workers as recently as October that …").
const MAX_ADDRESSEE_TOKENS: usize = 8;

/// Most tokens between the one told and the subject pronoun of the clause ("told the Ledger
/// of Newark last week she …").
const MAX_AFTER_ADDRESSEE_TOKENS: usize = 6;

/// Most words for the one asked before the question ("asked the local growers how …").
const MAX_ASKED_TOKENS: usize = 4;

/// True when token `t` opens a reported question ("whether", "how", "why" …; not "who",
/// which after the one asked is a relative: "asked anyone who saw the van to call").
fn opens_question(ctx: &Context, t: usize) -> bool {
    matches!(
        ascii_lower(ctx.word(t)).as_str(),
        "whether" | "if" | "how" | "why" | "what" | "when" | "where"
    )
}

/// The start of the reported clause after the cue at `k`, not past `end`: "said that …",
/// "told reporters on Monday she …", "asked the growers whether …", "said Iran cheated".
/// `None` when what follows is no clause ("said goodbye", "know how best to …"): without a
/// clause there is no report, and this is cheaper to find than the subject.
pub fn clause_start(ctx: &Context, k: usize, end: usize) -> Option<usize> {
    let mut t = k + 1;
    // "said more than a million donors gave": a quantity opens the clause.
    if t + 1 < end
        && matches!(ascii_lower(ctx.word(t)).as_str(), "more" | "less" | "fewer")
        && ctx.is(t + 1, "than")
    {
        return Some(t);
    }
    // "said about half of the rise came from …": an approximate quantity opens the clause
    // ("about" is otherwise the topic: "said little about the plan").
    if t + 1 < end && approximates_quantity(ctx, t) {
        return Some(t);
    }
    // "know how best to engage customers": an ability, not a report.
    if t < end
        && ctx.is(t, "how")
        && matches!(ascii_lower(ctx.word(k)).as_str(), "know" | "knows" | "knew")
    {
        return None;
    }
    // "assured workers as recently as October that …", "warned voters that …": a verb
    // with an addressee reports the clause its "that" opens.
    if takes_addressee(ctx.word(k)) && !ctx.is(t, "that") {
        if let Some(u) = (t..end.min(t + MAX_ADDRESSEE_TOKENS)).find(|&u| ctx.is(u, "that")) {
            return Some(u);
        }
    }
    // "asked them how …", "asked the growers whether …": the question starts after the
    // one asked (a few words, no punctuation between).
    if t < end
        && matches!(
            ascii_lower(ctx.word(k)).as_str(),
            "asked" | "asks" | "ask" | "asking"
        )
        && !opens_question(ctx, t)
    {
        if let Some(q) = (t + 1..end.min(t + MAX_ASKED_TOKENS + 1))
            .take_while(|&u| ctx.tokens[u].is_word())
            .find(|&u| opens_question(ctx, u))
        {
            return Some(q);
        }
        // "asks her assistant to print out …": the request is the infinitive.
        if let Some(to) = (t + 1..end.min(t + MAX_ASKED_TOKENS + 1))
            .take_while(|&u| ctx.tokens[u].is_word() || ctx.tokens[u].kind == TokenKind::Possessive)
            .find(|&u| ctx.is(u, "to"))
        {
            // Short requests keep the one asked ("asked the court to intervene").
            let verb = to + 1 < end
                && ctx.tokens[to + 1].is_word()
                && !starts_upper(ctx.word(to + 1))
                && !matches!(
                    ascii_lower(ctx.word(to + 1)).as_str(),
                    "a" | "an" | "the" | "his" | "her" | "their" | "its" | "this" | "that"
                );
            if verb && to + 2 < end && ctx.tokens[to + 2].is_word() {
                return Some(to);
            }
        }
    }
    // "told reporters", "told the committee": step over the addressee.
    if ctx.word(k).eq_ignore_ascii_case("told") || ctx.word(k).eq_ignore_ascii_case("tells") {
        // "told a Wall Street Journal lunch group that …": the clause starts at "that".
        if let Some(u) = (t..end.min(t + MAX_THAT_TOKENS)).find(|&u| ctx.is(u, "that")) {
            return Some(u);
        }
        let object = |w: &str| matches!(w, "me" | "us" | "him" | "them" | "you");
        if t < end && object(ascii_lower(ctx.word(t)).as_str()) {
            // "told me he …": the one told is a pronoun ("her" may be a possessive: "told her
            // aides …", so it is read as a phrase first).
            t += 1;
        } else if let Some(np) = ctx.np_starting_at(t, end) {
            t = np.tokens.end;
            // "told the Ledger of Newark last week she would …": a few plain words after the
            // one told, then the clause's subject pronoun.
            if let Some(u) = (t..end.min(t + MAX_AFTER_ADDRESSEE_TOKENS))
                .take_while(|&u| {
                    ctx.tokens[u].is_word()
                        && !ctx.is_cue(u)
                        && !{
                            let w = ascii_lower(ctx.word(u));
                            is_subordinator(&w)
                                || matches!(
                                    w.as_str(),
                                    "who"
                                        | "which"
                                        | "whom"
                                        | "whose"
                                        | "and"
                                        | "or"
                                        | "but"
                                        | "to"
                                )
                        }
                })
                .find(|&u| u > t && opens_with_subject_pronoun(ctx, u) && !ctx.is(u, "you"))
            {
                return Some(u);
            }
        } else if t < end && ctx.is(t, "her") {
            t += 1;
        } else {
            // An addressee no finder knows ("told POLITICO they …"): up to three words,
            // not past the clause's own subject pronoun.
            let mut n = 0;
            while t < end
                && n < 3
                && ctx.tokens[t].is_word()
                && !(n > 0 && opens_with_subject_pronoun(ctx, t))
            {
                t += 1;
                n += 1;
            }
        }
    }
    if t >= end {
        return None;
    }
    if ctx.is(t, "that") {
        return Some(t);
    }
    // "said in a statement on Monday that …", "noted in a column in Sunday's Ledger that
    // …": look further for "that", over the words of one phrase.
    // Past its first few tokens the phrase must open with a preposition of place, time or
    // medium and go on in plain words. A "that" with a verb right after it is a relative
    // ("agreed to reclaim the land that had been ravaged").
    let first = ascii_lower(ctx.word(t));
    if opens_adverbial(&first) {
        let limit = if is_setting_preposition(&first) {
            end.min(t + MAX_ADVERBIAL_THAT_TOKENS)
        } else {
            end.min(t + MAX_THAT_TOKENS)
        };
        if let Some(u) = (t + 1..limit)
            .take_while(|&u| {
                let tok = &ctx.tokens[u];
                tok.kind != TokenKind::Break
                    && !spaced_dash(ctx, u)
                    && !ctx.is_cue(u)
                    && (u < t + MAX_THAT_TOKENS
                        || tok.is_word()
                        || tok.kind == TokenKind::Possessive
                        // "at a stop in Toledo, Ohio, that …": the commas of a place.
                        || tok.kind == TokenKind::Punct(',')
                            && crate::mentions::is_capitalised(ctx.word(u - 1))
                            && (crate::mentions::is_capitalised(ctx.word(u + 1))
                                || ctx.is(u + 1, "that")))
            })
            .find(|&u| ctx.is(u, "that") || first == "to" && u <= t + 4 && opens_question(ctx, u))
        {
            if !ctx.is(u, "that") {
                // "explained to CBS why …": the one told, then the question.
                return Some(u);
            }
            let relative = ctx.tokens.get(u + 1).is_some_and(|tok| {
                tok.is_word()
                    && (matches!(
                        auxiliary(ctx.word(u + 1)),
                        Some(Auxiliary::Be | Auxiliary::Have | Auxiliary::Modal)
                    ) || ctx.word(u + 1).ends_with("ed") && !starts_upper(ctx.word(u + 1)))
            });
            if !relative {
                return Some(u);
            }
        }
    }
    if let Some(u) = after_adverbial(ctx, t, end) {
        return Some(u);
    }
    if opens_clause_without_that(ctx, t) {
        return Some(t);
    }
    // "Mr. Morgan said, he has …": a comma between the verb and its clause.
    if ctx.is_punct(t, ',') && t + 1 < end && opens_clause_without_that(ctx, t + 1) {
        return Some(t + 1);
    }
    // "said on CNN, where he is a contributor, that …", "said — on Twitter, as it happens —
    // that …", "can now say, with hindsight, that …", "reported, according to sources, Hale
    // tried …": a phrase set off after the verb (or after an adverbial), then the clause.
    if let Some(u) = after_interjection(ctx, t, end) {
        return Some(u);
    }
    // "Rubio says, win or lose in Tuesday's primary, he's staying in the race": a phrase
    // between commas, then the clause's subject pronoun; the phrase belongs to the clause.
    if ctx.is_punct(t, ',') && t + 1 < end && ctx.tokens[t + 1].is_word() {
        let close = (t + 2..end.min(t + 2 + MAX_INTERJECTED_TOKENS))
            .find(|&u| ctx.is_punct(u, ',') || ctx.in_quote(u) || ctx.is_cue(u));
        if let Some(c) = close {
            if ctx.is_punct(c, ',') && c + 1 < end && opens_with_subject_pronoun(ctx, c + 1) {
                return Some(t + 1);
            }
        }
    }
    // Any other word but a preposition or particle starts a bare clause ("said Iran
    // cheated", "argued tariffs would hurt").
    let w = ascii_lower(ctx.word(t));
    let bare = ctx.tokens[t].is_word()
        && !matches!(
            w.as_str(),
            "to" | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "about"
                | "during"
                | "after"
                | "before"
                | "of"
                | "by"
                | "from"
                | "so"
                | "yes"
                | "no"
                | "nothing"
                | "something"
                | "goodbye"
                | "hello"
                | "thanks"
                | "more"
                | "little"
                | "much"
                | "as"
                | "up"
                | "out"
                | "off"
                | "over"
                | "into"
                | "through"
                | "against"
                | "without"
                | "via"
                | "like"
        )
        && !ctx.is_cue(t);
    bare.then_some(t)
}

/// Most tokens between a reporting verb and the "that" of its clause after any adverbial
/// ("said in a statement on Monday that …").
const MAX_THAT_TOKENS: usize = 8;

/// Most tokens between a reporting verb and the "that" of its clause when a prepositional
/// phrase stands between them ("noted in a guest column in Sunday's Ledger that …").
const MAX_ADVERBIAL_THAT_TOKENS: usize = 14;

/// True when token `t` opens an approximate quantity ("about half", "about 40 percent",
/// "nearly a third", "roughly 2,000").
fn approximates_quantity(ctx: &Context, t: usize) -> bool {
    if !matches!(
        ascii_lower(ctx.word(t)).as_str(),
        "about" | "nearly" | "almost" | "roughly" | "around" | "some" | "only" | "just"
    ) {
        return false;
    }
    let mut u = t + 1;
    if ctx.is(u, "a") || ctx.is(u, "one") {
        u += 1;
    }
    u < ctx.tokens.len()
        && ctx.tokens[u].is_word()
        && (is_number(ctx.word(u))
            || matches!(
                ascii_lower(ctx.word(u)).as_str(),
                "half" | "third" | "quarter" | "fifth" | "dozen" | "two-thirds" | "three-quarters"
            ))
}

/// The start of the clause after a phrase set off from the verb by commas or dashes, which
/// starts at `t` (or after a short adverbial there: "said on CNN, where …, that"): "said,
/// with the benefit of hindsight, that …", "said — on Twitter, as it happens — that …",
/// "reported, according to sources, Hale tried …". The phrase opens with a preposition,
/// an adverbial or "according", holds no cue or quote, and the clause after it opens with
/// "that" or, after commas, with a plain clause opener.
fn after_interjection(ctx: &Context, t: usize, end: usize) -> Option<usize> {
    let dash = is_dash(ctx, t);
    let open = if ctx.is_punct(t, ',') || dash {
        // "--" is two tokens.
        let mut o = t + 1;
        while dash && o < end && is_dash(ctx, o) {
            o += 1;
        }
        o
    } else if is_setting_preposition(&ascii_lower(ctx.word(t))) {
        // "said on CNN, where he is a contributor, that …": the adverbial runs to a comma.
        let comma = (t + 1..end.min(t + MAX_ADVERBIAL_TOKENS))
            .take_while(|&u| ctx.tokens[u].is_word() || ctx.is_punct(u, ','))
            .find(|&u| ctx.is_punct(u, ','))?;
        return after_interjection(ctx, comma, end).filter(|&u| ctx.is(u, "that"));
    } else {
        return None;
    };
    if open >= end || !ctx.tokens[open].is_word() {
        return None;
    }
    let first = ascii_lower(ctx.word(open));
    if !(opens_adverbial(&first)
        || matches!(
            first.as_str(),
            "according" | "where" | "who" | "which" | "with" | "without" | "despite" | "of"
        ))
    {
        return None;
    }
    let limit = end.min(open + 1 + MAX_INTERJECTED_TOKENS);
    let close = (open + 1..limit).find(|&u| {
        ctx.in_quote(u) || ctx.is_cue(u) || ctx.tokens[u].kind == TokenKind::Break || {
            if dash {
                is_dash(ctx, u)
            } else {
                ctx.is_punct(u, ',')
            }
        }
    })?;
    if ctx.in_quote(close) || ctx.is_cue(close) || ctx.tokens[close].kind == TokenKind::Break {
        return None;
    }
    let mut u = close + 1;
    while dash && u < end && is_dash(ctx, u) {
        u += 1;
    }
    if u >= end || ctx.in_quote(u) {
        return None;
    }
    // After the phrase, "the …" may be the verb's object ("confirmed, before millions of
    // viewers, the critiques …"), and a place name may go on a place ("at the Austin,
    // Texas, event"): only "that", a subject pronoun or a named speaker opens the clause.
    let named = ctx
        .mentions
        .starting_at(u)
        .is_some_and(|m| matches!(m.kind, MentionKind::Person | MentionKind::Organisation));
    (ctx.is(u, "that") || opens_with_subject_pronoun(ctx, u) || named).then_some(u)
}

/// Most tokens of an adverbial between a reporting verb and its clause ("said on Friday
/// he …", "said in a statement Thursday night they …").
const MAX_ADVERBIAL_TOKENS: usize = 7;

/// The start of a clause that follows a short adverbial after the verb at `t - 1`: "said
/// Monday the plan …" (a time word, then any clause opener), "said on Friday he met …",
/// "said in politics it takes time …" (a prepositional phrase, then a subject pronoun:
/// where a phrase of nouns ends is not known, but a pronoun cannot continue it).
fn after_adverbial(ctx: &Context, t: usize, end: usize) -> Option<usize> {
    let w = ascii_lower(ctx.word(t));
    if is_time_word(&w) {
        let u = t + 1;
        return (u < end && (ctx.is(u, "that") || opens_clause_without_that(ctx, u))).then_some(u);
    }
    // "has said for weeks he is …", "has argued for years that …": a span of time.
    if w == "for" {
        let mut u = t + 1;
        if u < end && (ctx.is(u, "several") || ctx.is(u, "many") || ctx.is(u, "some")) {
            u += 1;
        }
        let span = u < end
            && matches!(
                ascii_lower(ctx.word(u)).as_str(),
                "days" | "weeks" | "months" | "years" | "decades" | "hours" | "ages"
            );
        let v = u + 1;
        return (span && v < end && (ctx.is(v, "that") || opens_with_subject_pronoun(ctx, v)))
            .then_some(v);
    }
    if !matches!(
        w.as_str(),
        "in" | "on" | "at" | "during" | "after" | "before" | "from" | "via" | "through" | "over"
    ) {
        return None;
    }
    let limit = end.min(t + 1 + MAX_ADVERBIAL_TOKENS);
    for u in t + 1..limit {
        if !ctx.tokens[u].is_word() || ctx.is_cue(u) {
            return None;
        }
        if u > t + 1 && opens_with_subject_pronoun(ctx, u) && !ctx.is(u, "you") {
            return Some(u);
        }
        if matches!(
            ascii_lower(ctx.word(u)).as_str(),
            "which" | "who" | "whom" | "whose" | "where" | "when" | "that" | "and" | "or" | "but"
        ) {
            return None;
        }
    }
    None
}

/// Where the clause that starts at `start` gives way to a second report in the same
/// sentence, or `end`: a coordinated reporting verb (`he makes $41,000 a year and
/// questioned …`, `she had met him twice but said …`) or a new subject with its own verb
/// after a comma and a conjunction or a semicolon (`…, and more than four in ten said …`).
pub fn next_report(ctx: &Context, start: usize, end: usize) -> usize {
    let mut u = start + MIN_CLAUSE_WORDS;
    while u < end {
        let joins = ctx.is_punct(u, ';')
            || (matches!(
                ascii_lower(ctx.word(u)).as_str(),
                "and" | "but" | "while" | "whereas"
            ) && ctx.tokens[u].is_word());
        if !joins {
            u += 1;
            continue;
        }
        let after_comma = ctx.is_punct(u - 1, ',') || ctx.is_punct(u, ';');
        let cut = if after_comma {
            u - usize::from(!ctx.is_punct(u, ';'))
        } else {
            u
        };
        let v = ctx.skip_adverbs_forward(u + 1, end);
        // "… and questioned …", "… but said …": the subject's own second verb.
        let coordinated = v < end && ctx.is_indirect_cue(v) && ctx.word(v).ends_with("ed")
            || v < end && (ctx.is(v, "said") || ctx.is(v, "told"));
        // "… and suspected that …", "… but he hasn't endorsed her": a second attributing
        // verb, of the same subject or a new one.
        let second = !ctx.is_punct(u, ';')
            && !matches!(ascii_lower(ctx.word(u)).as_str(), "while" | "whereas")
            && opens_second_report(ctx, u + 1, end);
        // "…, and most voters said …": a new subject and its reporting verb.
        let new_subject = after_comma
            && (u + 2..end.min(u + 2 + MAX_SUBJECT_TOKENS)).any(|k| {
                ctx.is_indirect_cue(k)
                    && ctx
                        .subject_before(ctx.skip_adverbs_backward(k, u + 1), u + 1)
                        .is_some_and(|np| np.tokens.start == u + 1)
            });
        // "…, while critics disagreed": a contrast the writer adds.
        let contrast =
            after_comma && matches!(ascii_lower(ctx.word(u)).as_str(), "while" | "whereas");
        if (coordinated || second || new_subject || contrast)
            && word_count(ctx, start..cut) >= MIN_CLAUSE_WORDS
        {
            return cut;
        }
        u += 1;
    }
    end
}

/// Most tokens between a reported clause and a direct quote that a second cue introduces
/// ("…, but added, “…”").
const MAX_LINK_TOKENS: usize = 4;

/// Where the reported clause that starts at `start` ends: the sentence end, or, when the
/// sentence goes on to a direct quote with a cue of its own ("said it was too early, but
/// added: “I think …”"), before that link. `None` when the clause holds quoted speech of its
/// own (a partial quote, which the quote rules report).
pub fn clause_end(ctx: &Context, start: usize, end: usize) -> Option<usize> {
    // "…, adding that …": a participle of its own starts a second report.
    let end = (start + 1..end)
        .find(|&t| {
            ctx.is_punct(t - 1, ',') && ctx.is_indirect_cue(t) && ctx.word(t).ends_with("ing")
        })
        .map_or(end, |t| t - 1);
    let Some(q) = (start..end).find(|&t| ctx.has_speech_quote(t..t + 1)) else {
        return Some(end);
    };
    // The quote's own cue stands right before it, past a comma or colon, and is itself
    // joined to the clause by a comma or a conjunction ("…, adding: “…”", "… but added, “…”").
    let mut link = q;
    while link > start && q - link <= MAX_LINK_TOKENS && !ctx.tokens[link - 1].is_word() {
        link -= 1;
    }
    if link == start || link == q || !ctx.is_indirect_cue(link - 1) {
        return ctx.end_before_quoted_tail(start, end);
    }
    let link = link - 1;
    let joined = link > start
        && (ctx.is_punct(link - 1, ',')
            || matches!(
                ascii_lower(ctx.word(link - 1)).as_str(),
                "and" | "but" | "then"
            ));
    if !joined {
        // "said A, and when pressed, the mayor replied, “…”": the clause ends at the last
        // comma and conjunction (or semicolon) before the quote's own attribution.
        return (start + 1..link)
            .rev()
            .find(|&u| {
                ctx.is_punct(u, ';')
                    || (ctx.is_punct(u - 1, ',') && (ctx.is(u, "and") || ctx.is(u, "but")))
            })
            .map(|u| if ctx.is_punct(u, ';') { u } else { u - 1 })
            .filter(|&cut| word_count(ctx, start..cut) >= MIN_CLAUSE_WORDS)
            .or_else(|| ctx.end_before_quoted_tail(start, end));
    }
    let mut cut = link;
    while cut > start
        && (!ctx.tokens[cut - 1].is_word()
            || matches!(
                ascii_lower(ctx.word(cut - 1)).as_str(),
                "and" | "but" | "then"
            ))
    {
        cut -= 1;
    }
    (cut > start).then_some(cut)
}

/// True when the tokens `r` say only when ("a few days later", "two weeks ago"): what
/// follows "as Breitbart reported" there is no reported clause.
pub fn only_time(ctx: &Context, r: Range<usize>) -> bool {
    r.clone().all(|t| {
        let w = ascii_lower(ctx.word(t));
        is_time_word(&w)
            || is_number(&w)
            || matches!(
                w.as_str(),
                "a" | "few"
                    | "couple"
                    | "of"
                    | "day"
                    | "days"
                    | "week"
                    | "weeks"
                    | "month"
                    | "months"
                    | "year"
                    | "years"
                    | "hours"
                    | "ago"
                    | "last"
                    | "this"
            )
    })
}
