//! Token patterns shared by several rules: where the speaker and the cue stand around a quote.

use super::words::is_dash;
use crate::attribution::context::{Candidate, Context};
use crate::attribution::grammar::np::{is_quote_mark, NpKind, SpeakerNp, MAX_APPOSITIVE_TOKENS};
use crate::lexicon::class::NOT_IN_LABEL;
use crate::text::tokens::TokenKind;

/// How many words may stand between a cue and the quote it introduces
/// ("said in a statement: “…”").
pub const MAX_CUE_GAP_WORDS: usize = 5;

/// The first token after the closing mark, past one comma or dash.
pub fn after_start(ctx: &Context, c: &Candidate) -> usize {
    let t = c.after.start;
    if t < c.after.end && (ctx.is_punct(t, ',') || is_dash(ctx, t)) {
        t + 1
    } else {
        t
    }
}

/// Past an appositive that starts at `t` (", a senator from Ohio,"), or `t` itself. An
/// appositive may hold commas of its own ("now 81 and retired in Cambridge, Mass.,"): it ends
/// at the comma that a speech verb follows, else at its first comma.
pub fn skip_appositive(ctx: &Context, t: usize, end: usize) -> usize {
    // "Sen. Ann Lee (D-Md.) said": a short parenthetical after the name, then perhaps an
    // appositive.
    let mut t = t;
    if ctx.is_punct(t, '(') {
        let limit = end.min(t + 1 + crate::attribution::grammar::np::MAX_PARENTHETICAL_TOKENS);
        if let Some(close) = (t + 1..limit).find(|&k| ctx.is_punct(k, ')')) {
            t = close + 1;
        }
    }
    if !ctx.is_punct(t, ',') {
        return t;
    }
    let limit = end.min(t + 1 + MAX_APPOSITIVE_TOKENS);
    let mut first_comma = None;
    for k in t + 1..limit {
        match ctx.tokens[k].kind {
            TokenKind::Punct(',') => {
                let next = ctx.skip_adverbs_forward(k + 1, end);
                if next < end && ctx.is_cue(next) {
                    return k + 1;
                }
                first_comma.get_or_insert(k + 1);
            }
            // "Jeff Weaver, Sanders’ campaign manager, said": a possessive, not a quote.
            TokenKind::Punct(c) if is_quote_mark(c) && !ctx.is_bare_possessive(k, t) => break,
            TokenKind::Break => break,
            _ if ctx.is_cue(k) => break,
            _ => {}
        }
    }
    first_comma.unwrap_or(t)
}

/// Past a possessive and the words it governs ("Powell’s office", "Trump’s campaign
/// manager"), when a speech verb follows them: returns where the verb stands.
pub fn possessive_phrase_end(ctx: &Context, t: usize, end: usize) -> Option<usize> {
    if ctx.tokens.get(t)?.kind != TokenKind::Possessive {
        return None;
    }
    (t + 1..end.min(t + 5))
        .find(|&k| ctx.is_cue(k))
        .filter(|&k| {
            (t + 1..k)
                .all(|u| ctx.tokens[u].is_word() && !ctx.word(u).starts_with(char::is_uppercase))
                && k > t + 1
        })
}

/// Past a parenthetical that starts at `t` ("(R-Utah)"), or `t` itself.
pub fn skip_parenthetical(ctx: &Context, t: usize, end: usize) -> usize {
    if !ctx.is_punct(t, '(') {
        return t;
    }
    let limit = end.min(t + 1 + crate::attribution::grammar::np::MAX_PARENTHETICAL_TOKENS);
    (t + 1..limit)
        .find(|&k| ctx.is_punct(k, ')'))
        .map_or(t, |k| k + 1)
}

/// “…,” NAME [, appositive,] [adverb] CUE — returns the speaker and the cue token.
pub fn after_name_cue(ctx: &Context, c: &Candidate) -> Option<(SpeakerNp, usize)> {
    let end = c.after.end;
    let start = after_start(ctx, c);
    let Some(np) = ctx.np_starting_at(start, end) else {
        // “…,” the man shouted.
        return ctx
            .generic_np_before_cue(start, end)
            .or_else(|| capitalised_before_cue(ctx, start, end));
    };
    // “…,” Powell’s office said: the speaker is the whole phrase.
    if let Some(cue) = possessive_phrase_end(ctx, np.tokens.end, end) {
        let phrase = SpeakerNp {
            range: np.range.start..ctx.tokens[cue - 1].end(),
            tokens: np.tokens.start..cue,
            kind: crate::attribution::grammar::np::NpKind::Description,
            entity: None,
        };
        return Some((phrase, cue));
    }
    let k = skip_parenthetical(ctx, np.tokens.end, end);
    let k = skip_appositive(ctx, k, end);
    let k = ctx.skip_adverbs_forward(k, end);
    if k < end && ctx.is_cue(k) {
        return Some((np, k));
    }
    capitalised_before_cue(ctx, start, end)
}

/// “…,” CUE NAME — returns the speaker and the cue token.
pub fn after_cue_name(ctx: &Context, c: &Candidate) -> Option<(SpeakerNp, usize)> {
    let end = c.after.end;
    let k = after_start(ctx, c);
    if k >= end || !ctx.is_cue(k) {
        return None;
    }
    if let Some(np) = ctx.np_starting_at(k + 1, end) {
        return Some((np, k));
    }
    // “…,” said Baron.: capitalised words that close the sentence, or that an appositive
    // follows (“…,” said Will Doyle, a professor …), name the speaker.
    let run = capitalised_run(ctx, k + 1, end);
    let closes = closes_sentence(ctx, run.end, end)
        || (ctx.is_punct(run.end, ',') && run.end + 1 < end && {
            let next = crate::text::ascii_lower(ctx.word(run.end + 1));
            matches!(next.as_str(), "a" | "an" | "the" | "who")
        });
    (!run.is_empty() && closes).then(|| (ctx.name_phrase(run), k))
}

/// Most capitalised words taken for an unknown name next to a speech verb.
const MAX_UNKNOWN_NAME_TOKENS: usize = 3;

/// The capitalised words from `start` (at most [`MAX_UNKNOWN_NAME_TOKENS`], no pronoun, no
/// cue, no quote), up to `end`.
pub fn capitalised_run(ctx: &Context, start: usize, end: usize) -> std::ops::Range<usize> {
    let mut t = start;
    while t < end
        && t < start + MAX_UNKNOWN_NAME_TOKENS
        && ctx.tokens[t].is_word()
        && !ctx.in_quote(t)
        && crate::attribution::grammar::words::starts_upper(ctx.word(t))
        && crate::mentions::pronoun(ctx.word(t)).is_none()
        // "Read said": a cue word right before another cue is the name.
        && (!ctx.is_cue(t) || t + 1 < end && ctx.is_cue(t + 1))
    {
        t += 1;
    }
    start..t
}

/// True when nothing but punctuation stands from `t` to `end`.
fn closes_sentence(ctx: &Context, t: usize, end: usize) -> bool {
    (t..end).all(|u| !ctx.tokens[u].is_word())
}

/// “…,” NAME CUE where NAME is a run of capitalised words the mention finder did not take
/// for a name, and the verb ends the sentence: the speaker and the cue token.
/// Tried when the usual reading of the phrase finds no speaker.
fn capitalised_before_cue(ctx: &Context, start: usize, end: usize) -> Option<(SpeakerNp, usize)> {
    let run = capitalised_run(ctx, start, end);
    if run.is_empty() || run.end >= end || !ctx.is_cue(run.end) {
        return None;
    }
    closes_sentence(ctx, run.end + 1, end).then(|| (ctx.name_phrase(run.clone()), run.end))
}

/// NAME [adverb] CUE [a few words] [:|,] “…” or CUE NAME [:|,] “…” — the speaker and the cue.
pub fn before_cue(ctx: &Context, c: &Candidate) -> Option<(SpeakerNp, usize)> {
    let floor = c.before.start;
    let mut j = c.before.end;
    if j > floor && (ctx.is_punct(j - 1, ':') || ctx.is_punct(j - 1, ',') || is_dash(ctx, j - 1)) {
        j -= 1;
    }
    // Find the cue: the nearest one within a few words before the quote.
    let mut k = j;
    let mut words = 0;
    let cue = loop {
        if k == floor {
            return None;
        }
        k -= 1;
        let tok = &ctx.tokens[k];
        // "put it:" speaks like a cue ("as Cornyn put it: “…”").
        if ctx.is_cue(k) || (ctx.is(k, "put") && ctx.is(k + 1, "it")) {
            break k;
        }
        match tok.kind {
            TokenKind::Word | TokenKind::Possessive => words += 1,
            TokenKind::Punct(',') => {}
            _ => return None,
        }
        if words > MAX_CUE_GAP_WORDS {
            return None;
        }
    };
    // ", saying: “…”", ", telling reporters, “…”": a participle after a comma speaks for
    // the sentence's subject, not for the phrase before the comma.
    let participle = ctx.word(cue).ends_with("ing");
    if participle && cue > floor && ctx.is_punct(cue - 1, ',') {
        let subject = ctx
            .np_starting_at(after_opening_participle(ctx, floor, cue), cue)
            .filter(|np| !ctx.has_quote(np.tokens.clone()));
        if let Some(np) = subject {
            return Some((np, cue));
        }
    }
    // The speaker before the cue ("Mathews said:"), or after it ("said Mathews:").
    let subject_end = ctx.skip_adverbs_backward(cue, floor);
    if let Some(np) = ctx.subject_before(subject_end, floor) {
        return Some((np, cue));
    }
    // "The headline reads: “…”": a colon right after the verb hands the quote to the
    // sentence's subject, whatever its head noun.
    // "The ad claims “…”" as well.
    if cue + 1 == j {
        if let Some(np) = ctx.sentence_subject(floor, subject_end) {
            return Some((np, cue));
        }
    }
    // The inverted speaker must end the introduction: "said Mathews: “…”", not
    // "saying Murphy owes “…”" (there Murphy is the subject of the reported clause).
    // Without a comma, colon or dash before the quote ("King says Ali “talked the talk”"),
    // the phrase after the verb is the subject of the reported clause.
    let punctuated = j < c.before.end;
    // "telling CNBC: “…”", "told her supporters, “…”": the one addressed is no speaker, and
    // a participle has its subject before it.
    if participle || takes_addressee(ctx.word(cue)) {
        return None;
    }
    let np = ctx.np_starting_at(cue + 1, j)?;
    (np.tokens.end == j && punctuated).then_some((np, cue))
}

/// Speech verbs whose object is the one addressed ("told reporters", "asked the crowd",
/// and IND001's verbs that take an addressee before their clause: "assured workers").
fn takes_addressee(word: &str) -> bool {
    super::words::takes_addressee(word)
        || matches!(
            crate::text::ascii_lower(word).as_str(),
            "told" | "tell" | "tells" | "asked" | "ask" | "asks"
        )
}

/// Most tokens of a participle phrase that opens a sentence ("Smiling broadly throughout her
/// speech, …").
const MAX_OPENING_PARTICIPLE_TOKENS: usize = 12;

/// Where the subject starts when the sentence from `floor` opens with a participle phrase,
/// an adverb or a prepositional phrase and its comma ("Smiling broadly throughout her speech, Mrs. Clinton …
/// boomed", "Reached by phone, Bennett said …", "Hastily, …"): after the comma. Otherwise
/// `floor`.
pub fn after_opening_participle(ctx: &Context, floor: usize, limit: usize) -> usize {
    if floor >= limit || !ctx.tokens[floor].is_word() {
        return floor;
    }
    // A person's name may end so too ("Reed", "Kelly"): not one the document knows as a
    // person, and an "-ly" word only when it is no name at all.
    let w = ctx.word(floor);
    let mention = ctx.mentions.starting_at(floor);
    let person = mention.is_some_and(|m| m.entity().is_some());
    let participle = w.len() >= 5 && (w.ends_with("ing") || w.ends_with("ed")) && !person;
    let adverb = w.len() >= 5 && w.ends_with("ly") && mention.is_none();
    // "Back in 1999, …", "Early in his campaign, …", "In a statement, …".
    let lower = crate::text::ascii_lower(w);
    let phrase = super::words::opens_adverbial(&lower)
        || matches!(
            lower.as_str(),
            "back" | "early" | "late" | "since" | "until" | "despite"
        );
    if !(participle || adverb || phrase) {
        return floor;
    }
    (floor + 1..limit.min(floor + MAX_OPENING_PARTICIPLE_TOKENS))
        .find(|&t| ctx.is_punct(t, ','))
        .map_or(floor, |t| t + 1)
}

/// Most words of the phrase a source's postmodifier governs ("close to the campaign's
/// senior staff").
const MAX_POSTMODIFIER_TOKENS: usize = 8;

/// Where the words after a source's description end when they say how the source knows
/// ("a source close to him", "a person familiar with the plans", "officials briefed on the
/// talks", "people with knowledge of the deal"): the token after that phrase, for its verb
/// to follow. Otherwise `t`.
pub fn skip_source_postmodifier(ctx: &Context, t: usize, end: usize) -> usize {
    let opens = |a: &str, b: &str| ctx.is(t, a) && ctx.is(t + 1, b);
    let knows = opens("close", "to")
        || opens("familiar", "with")
        || opens("briefed", "on")
        || opens("knowledgeable", "about")
        || opens("involved", "in")
        || (opens("with", "knowledge") && ctx.is(t + 2, "of"));
    if !knows {
        return t;
    }
    let from = t + if ctx.is(t, "with") { 3 } else { 2 };
    (from..end.min(from + MAX_POSTMODIFIER_TOKENS + 1))
        .take_while(|&u| ctx.tokens[u].is_word() || ctx.tokens[u].kind == TokenKind::Possessive)
        .find(|&u| u > from && ctx.is_cue(u))
        .unwrap_or(t)
}

/// Most tokens of a label that names a speaker before a colon ("Best director Ann Lee:",
/// "Ann Lee (lifetime award):"), its list marker not counted.
pub const MAX_LABEL_TOKENS: usize = 10;

/// True when token `t` may stand in a speaker label: a word that is no cue, no pronoun and
/// none of `data/not_in_labels.txt`, or a possessive ("the festival's best actor").
fn label_word(ctx: &Context, t: usize) -> bool {
    let tok = &ctx.tokens[t];
    if tok.kind == TokenKind::Possessive {
        return true;
    }
    let w = ctx.word(t);
    tok.is_word()
        && !ctx.is_cue(t)
        && !ctx.in_quote(t)
        && crate::mentions::pronoun(w).is_none()
        && ctx.classes(t) & NOT_IN_LABEL == 0
}

/// The list marker that opens a line at token `t` ("-", "*", "•", "1.", "2)"): the token
/// after it, or `t`.
fn past_list_marker(ctx: &Context, t: usize, end: usize) -> usize {
    match ctx.tokens.get(t).map(|tok| tok.kind) {
        Some(TokenKind::Punct('-' | '*' | '•' | '–' | '—' | '·')) if t + 1 < end => t + 1,
        Some(TokenKind::Word)
            if t + 2 < end
                && ctx.word(t).bytes().all(|b| b.is_ascii_digit())
                && (ctx.is_punct(t + 1, '.') || ctx.is_punct(t + 1, ')')) =>
        {
            t + 2
        }
        _ => t,
    }
}

/// The person a label names when the label, from token `start` to the colon at `colon`,
/// is all that introduces a quote: an item of a speech list. After an optional list
/// marker, a person's name with a few plain words before it (`Best director Ann Lee:`,
/// `Lifetime award winner Ann Lee:`, `Best newcomer, Ann Lee:`) or an appositive after it
/// (`Ann Lee, best score:`, `Ann Lee (lifetime award):`), at most [`MAX_LABEL_TOKENS`]
/// tokens and none of them a cue, a pronoun or a word that opens a clause or a phrase
/// (`Lee on the verdict:` is a heading about Lee). The name must be a person's (a given
/// name, a title or role before it, or used as a speaker elsewhere) or a name of two words
/// or more that is no place's.
pub fn speaker_label(ctx: &Context, start: usize, colon: usize) -> Option<SpeakerNp> {
    let t = past_list_marker(ctx, start, colon);
    if colon <= t || colon - t > MAX_LABEL_TOKENS {
        return None;
    }
    // A person's name, or one of two words or more the mention finder could not place
    // ("Ilse Marquardt" with a given name no list knows), not a place's.
    let person = |np: &SpeakerNp| {
        np.kind == NpKind::Name
            && (np.entity.is_some()
                || (np.tokens.len() >= 2
                    && !crate::mentions::lexicon::lexicon().is_place(&ctx.text[np.range.clone()])))
    };
    // The name right before the colon, plain words (and a comma right before it) first.
    if let Some(np) = ctx.np_simple_ending_at(colon, t).filter(person) {
        let name = np.tokens.start;
        if (t..name).all(|u| label_word(ctx, u) || (u + 1 == name && ctx.is_punct(u, ','))) {
            return Some(np);
        }
    }
    // The name opening the label, then its appositive after a comma or in brackets.
    let m = ctx.mentions.starting_at(t)?;
    let np = ctx.np_simple_ending_at(m.tokens().end, t).filter(person)?;
    let mut u = np.tokens.end;
    let bracketed = ctx.is_punct(u, '(') && ctx.is_punct(colon - 1, ')');
    if !(bracketed || ctx.is_punct(u, ',')) {
        return None;
    }
    u += 1;
    let end = if bracketed { colon - 1 } else { colon };
    (u < end && (u..end).all(|k| label_word(ctx, k))).then_some(np)
}

/// True when token `k` follows a quote's closing mark with a comma just inside it
/// ("… “a success,” adding …"): American style puts the comma there, so the participle
/// after it opens a clause as it would after a plain comma.
pub fn comma_in_closing_mark(ctx: &Context, k: usize, floor: usize) -> bool {
    k >= floor + 2
        && ctx.in_quote(k - 1)
        && !ctx.in_quote(k)
        && !ctx.tokens[k - 1].is_word()
        && ctx.is_punct(k - 2, ',')
}
