//! Helpers shared by the indirect-speech rules.

use std::ops::Range;

use super::stance::stance_at;
use super::words::{auxiliary, is_dash, Auxiliary, MAX_AUXILIARIES};
use crate::attribution::context::Context;
use crate::mentions::MentionKind;
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

/// Fewest words a reported clause must have.
pub const MIN_CLAUSE_WORDS: usize = 3;

/// Token range of sentence `s` without its final punctuation, or `None` when the sentence
/// holds a quote, is a question, or is empty.
pub fn plain_sentence(ctx: &Context, s: usize) -> Option<Range<usize>> {
    let (r, quoted) = body_entry(ctx, s)?;
    (!quoted).then_some(r)
}

/// Token range of sentence `s` without its final punctuation (quotes allowed), or `None`
/// for a question, an empty sentence, or one that runs over a line break.
pub fn sentence_body(ctx: &Context, s: usize) -> Option<Range<usize>> {
    body_entry(ctx, s).map(|(r, _)| r)
}

/// Sentence `s`'s body and whether it holds a quote, from the document's cache.
fn body_entry(ctx: &Context, s: usize) -> Option<(Range<usize>, bool)> {
    ctx.bodies
        .get_or_init(|| {
            (0..ctx.sentences.len())
                .map(|s| {
                    let r = compute_body(ctx, s)?;
                    let quoted = ctx.has_quote(r.clone());
                    Some((r, quoted))
                })
                .collect()
        })
        .get(s)
        .cloned()
        .flatten()
}

/// [`sentence_body`] worked out.
fn compute_body(ctx: &Context, s: usize) -> Option<Range<usize>> {
    let r = ctx.sentence_tokens(s);
    if r.is_empty() {
        return None;
    }
    let mut end = r.end;
    while end > r.start && !matches!(ctx.tokens[end - 1].kind, TokenKind::Word) {
        if ctx.is_punct(end - 1, '?') {
            return None;
        }
        end -= 1;
    }
    // A sentence that runs over a line break is a heading glued to text: skip it.
    if ctx.tokens[r.start..end]
        .iter()
        .any(|t| t.kind == TokenKind::Break)
    {
        return None;
    }
    let start = dateline_end(ctx, r.start, end).unwrap_or(r.start);
    (end > start).then_some(start..end)
}

/// Most tokens a dateline holds before its dash ("BEDFORD, N.H. (AP) —").
const MAX_DATELINE_TOKENS: usize = 10;

/// Where the text starts after a dateline that opens the sentence at `start`: a place in
/// capitals, perhaps a state and a news agency in parentheses, then a dash ("WASHINGTON (AP)
/// — Obama met survivors and said …", "MACAU (Reuters) – Adelson said …"). The rules read the
/// subject from the sentence start; the dateline is none.
fn dateline_end(ctx: &Context, start: usize, end: usize) -> Option<usize> {
    let first = ctx.word(start);
    let capitals = ctx.tokens[start].is_word()
        && first.len() >= 2
        && first
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-')
        && first.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !capitals {
        return None;
    }
    let limit = end.min(start + 1 + MAX_DATELINE_TOKENS);
    let dash = (start + 1..limit).find(|&t| is_dash(ctx, t))?;
    // Before the dash: capitalised words, commas and a parenthesised agency.
    let plain = (start + 1..dash).all(|t| {
        let w = ctx.word(t);
        match ctx.tokens[t].kind {
            TokenKind::Word => w.starts_with(char::is_uppercase),
            TokenKind::Punct(',' | '(' | ')' | '.') => true,
            _ => false,
        }
    });
    // "--" is two dashes; the text goes on with a capital or a quote mark.
    let body = if is_dash(ctx, dash + 1) {
        dash + 2
    } else {
        dash + 1
    };
    (plain
        && body < end
        && ctx.tokens[body].start() > ctx.tokens[dash].end()
        && !ctx.word(body).starts_with(char::is_lowercase))
    .then_some(body)
}

/// Byte range covering tokens `r`.
pub fn bytes(ctx: &Context, r: Range<usize>) -> Range<usize> {
    ctx.tokens[r.start].start()..ctx.tokens[r.end - 1].end()
}

/// Number of word tokens in `r`.
pub fn word_count(ctx: &Context, r: Range<usize>) -> usize {
    ctx.tokens[r].iter().filter(|t| t.is_word()).count()
}

/// How sure an indirect-speech rule is of its speaker: less for a pronoun, whose referent is
/// a guess.
pub fn indirect_confidence(np: &crate::attribution::grammar::np::SpeakerNp) -> f64 {
    if matches!(np.kind, crate::attribution::grammar::np::NpKind::Pronoun(_)) {
        0.6
    } else {
        0.7
    }
}

/// The finding of an indirect rule: `content` (tokens) reported by `np` with the cue at
/// token `cue`.
pub fn report(
    ctx: &Context,
    np: &crate::attribution::grammar::np::SpeakerNp,
    cue: Range<usize>,
    content: Range<usize>,
) -> crate::attribution::finding::IndirectFinding {
    crate::attribution::finding::IndirectFinding {
        content: bytes(ctx, content),
        lead: None,
        finding: ctx.finding(np, cue, indirect_confidence(np)),
        verbatim: false,
    }
}

/// The lead of content that its attribution interrupts, for a report whose speaker `np`
/// and cue (last token `cue_last`) stand inside sentence body `r` and whose content starts at
/// `start`: what stands before an attribution set off by commas ("Instead, she said, her boss
/// …": "Instead"), or the relative that fronts the content ("which he said make it easy":
/// "which"). `None` for other reports.
pub fn interrupted_lead(
    ctx: &Context,
    r: &Range<usize>,
    np: &crate::attribution::grammar::np::SpeakerNp,
    cue_last: usize,
    start: usize,
) -> Option<Range<usize>> {
    // "which Mr. Clarke says …": a title before the name belongs to the speaker.
    let mut first = np.tokens.start;
    while first > r.start
        && (ctx.is_punct(first - 1, '.')
            || ctx.tokens[first - 1].is_word()
                && crate::mentions::lexicon::lexicon().is_title(ctx.word(first - 1)))
    {
        first -= 1;
    }
    if first <= r.start || ctx.has_quote(r.start..first) {
        return None;
    }
    let parenthetical = ctx.is_punct(first - 1, ',')
        && start == cue_last + 2
        && ctx.is_punct(cue_last + 1, ',')
        && first - 1 > r.start;
    if parenthetical {
        return Some(r.start..first - 1);
    }
    // "a gap that experts say renders …": "that" after a noun is a relative too, not after
    // a verb that takes a clause ("argued that experts say …").
    let rel = ascii_lower(ctx.word(first - 1));
    let that_relative = rel == "that"
        && first - 1 > r.start
        && ctx.tokens[first - 2].is_word()
        && !ctx.is_cue(first - 2)
        && !ctx.is_stance_verb(first - 2)
        && !ctx.is_thought_verb(first - 2)
        && !matches!(
            ascii_lower(ctx.word(first - 2)).as_str(),
            "so" | "such" | "now" | "is" | "was" | "are" | "were" | "be" | "and" | "but"
        );
    let relative = start == cue_last + 1
        && (matches!(rel.as_str(), "which" | "what" | "whom" | "where") || that_relative);
    relative.then(|| first - 1..first)
}

/// True when some token of `r` is a reporting verb that takes a clause: the rules that need
/// one skip the other sentences before any phrase-finding.
pub fn has_indirect_cue(ctx: &Context, r: Range<usize>) -> bool {
    r.into_iter().any(|t| ctx.is_indirect_cue(t))
}

/// True when the words from token `t` describe the speaker just named rather than report
/// anything: "…, said Ann Lee, a senior analyst at the bank, who …", "…, according to the
/// Tax Center, a research group."
pub fn opens_appositive(ctx: &Context, t: usize, end: usize) -> bool {
    if t >= end {
        return false;
    }
    if ctx.is(t, "who") || ctx.is(t, "which") {
        return true;
    }
    ctx.np_starting_at(t, end).is_some_and(|np| {
        matches!(
            np.kind,
            crate::attribution::grammar::np::NpKind::Description
                | crate::attribution::grammar::np::NpKind::Name
        ) && (np.tokens.end >= end || ctx.is_punct(np.tokens.end, ',') || {
            let w = crate::text::ascii_lower(ctx.word(np.tokens.end));
            matches!(
                w.as_str(),
                "at" | "of" | "for" | "with" | "in" | "who" | "that"
            )
        })
    })
}

/// Words that can open a reported clause without "that" (IND001 reads them after its cue; IND013 after its
/// adjectives too: "sure the plan works").
pub(crate) fn opens_clause_without_that(ctx: &Context, t: usize) -> bool {
    let w = ascii_lower(ctx.word(t));
    if matches!(
        w.as_str(),
        "he" | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "there"
            | "this"
            | "these"
            | "those"
            | "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "no"
            | "all"
            | "some"
            | "many"
            | "most"
            | "nobody"
            | "everyone"
            | "someone"
            | "people"
            | "whether"
            | "why"
            | "what"
            | "how"
            | "who"
            | "when"
            | "where"
    ) {
        return true;
    }
    ctx.mentions.starting_at(t).is_some_and(|m| {
        matches!(
            m.kind,
            MentionKind::Person | MentionKind::Organisation | MentionKind::Proper
        )
    })
}

/// True when token `v` is a verb that attributes: a cue (of speech or of quotes: "and has
/// characterized him as …"), a verb of knowing or feeling, or a stance verb with what it
/// needs after it.
fn is_attributing_verb(ctx: &Context, v: usize, end: usize) -> bool {
    ctx.is_cue(v) || ctx.is_thought_verb(v) || stance_at(ctx, v, end).is_some()
}

/// True when the words from token `t`, just after "and" or "but", open a second report: the
/// same subject's second attributing verb, perhaps after auxiliaries ("and suspected that
/// …", "and has repeatedly characterized him as …"), or a new subject, a pronoun or a name,
/// with its own ("but he hasn't endorsed her", "and Ortelo wants …"). What follows belongs
/// to that report, not to the content before the conjunction.
pub fn opens_second_report(ctx: &Context, t: usize, end: usize) -> bool {
    let mut v = t;
    if v < end && is_subject_pronoun(ctx.word(v)) {
        v += 1;
    } else if let Some(np) = ctx.np_starting_at(v, end).filter(|np| {
        matches!(
            np.kind,
            crate::attribution::grammar::np::NpKind::Name
                | crate::attribution::grammar::np::NpKind::Organisation
        )
    }) {
        v = np.tokens.end;
    }
    let mut steps = 0;
    let mut passive_be = false;
    while v < end && steps < MAX_AUXILIARIES && ctx.tokens[v].is_word() {
        match auxiliary(ctx.word(v)) {
            None => break,
            Some(Auxiliary::Adverb) => {}
            Some(aux) => passive_be = aux == Auxiliary::Be,
        }
        v += 1;
        steps += 1;
    }
    // "and was told to prepare …": a passive reports nothing of the subject's; it goes on
    // with what the first verb reported.
    if passive_be && !ctx.word(v.min(end - 1)).ends_with("ing") {
        return false;
    }
    v < end && ctx.tokens[v].is_word() && is_attributing_verb(ctx, v, end)
}

/// Subject pronouns, which open a clause wherever they stand.
fn is_subject_pronoun(word: &str) -> bool {
    matches!(
        ascii_lower(word).as_str(),
        "he" | "she" | "they" | "we" | "i"
    )
}

/// True when token `t` is a participle of a cue or a stance verb right after a comma
/// ("…, pointing to the polls", "…, calling for a recount"): it opens a report of its own
/// (IND007's), where the content before it stops.
pub fn opens_participle_clause(ctx: &Context, t: usize) -> bool {
    t > 0
        && ctx.is_punct(t - 1, ',')
        && (ctx.is_cue(t) || ctx.is_stance_verb(t))
        && ctx.word(t).ends_with("ing")
}

/// Words that open a new clause after a comma, where the content stops.
fn opens_new_clause(ctx: &Context, t: usize) -> bool {
    ctx.is_indirect_cue(t)
        || opens_participle_clause(ctx, t)
        || matches!(
            ascii_lower(ctx.word(t)).as_str(),
            "which"
                | "who"
                | "whom"
                | "where"
                | "when"
                | "while"
                | "saying"
                | "adding"
                | "but"
                | "and"
                | "as"
                | "because"
                | "although"
                | "though"
                | "after"
                | "before"
                | "since"
                | "so"
                | "if"
                | "according"
                | "he"
                | "she"
                | "they"
                | "it"
        )
}

/// Where the content that starts at `start` ends, not past `end`: before a clause
/// boundary, or before "and" or "but" where a second report begins
/// ([`opens_second_report`]: "blasted Rubio and defended Cruz", "wants the votes and Ortelo
/// wants …").
pub fn content_end(ctx: &Context, start: usize, end: usize) -> usize {
    for t in start..end {
        let coordinated = t > start
            && t + 1 < end
            && (ctx.is(t, "and") || ctx.is(t, "but"))
            && opens_second_report(ctx, t + 1, end);
        if coordinated
            || ctx.is_punct(t, ';')
            || ctx.is_punct(t, ':')
            || ctx.is_punct(t, '(')
            || is_dash(ctx, t)
            || (ctx.is_punct(t, ',') && t + 1 < end && opens_new_clause(ctx, t + 1))
        {
            return t;
        }
    }
    end
}

/// Words that open an adverbial clause at the start of a sentence ("As Voss attacked
/// Hanley, the crowd …", "Even as he accused …, Gorman …", "Asked whether …, she …").
fn opens_subordinate_clause(w: &str) -> bool {
    (is_subordinator(w) && !matches!(w, "where" | "wherever" | "whenever"))
        || matches!(w, "even" | "asked")
}

/// Prepositions before a gerund whose subject is the sentence's opening subject ("won by
/// attacking the levy", "after saying that …", "opened the hearing by stressing that …");
/// not "for" or "of", whose gerund is mostly the object's ("praised Dahl for opposing …",
/// "accused him of saying …").
pub fn takes_subject_gerund(w: &str) -> bool {
    matches!(
        w,
        "by" | "after" | "before" | "without" | "while" | "since" | "upon" | "in"
    )
}

/// Subordinators: a clause they open ends at its comma ("As Okafor seemed tired, …").
pub fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "because"
            | "if"
            | "although"
            | "though"
            | "while"
            | "whereas"
            | "since"
            | "as"
            | "when"
            | "whenever"
            | "once"
            | "unless"
            | "until"
            | "after"
            | "before"
            | "whether"
            | "where"
            | "wherever"
    )
}

/// The comma that closes a subordinate clause opening the sentence body `r`, when the cue at
/// `cue` stands inside that clause: what the cue reports ends there, and the main clause
/// follows. The closing comma is the first one after which no appositive follows (`As Voss
/// attacked Hanley, a former mayor, the crowd …` closes at the second).
pub fn opening_clause_end(ctx: &Context, r: &Range<usize>, cue: usize) -> Option<usize> {
    if cue <= r.start || !opens_subordinate_clause(&ascii_lower(ctx.word(r.start))) {
        return None;
    }
    let close = (r.start + 1..r.end)
        .find(|&c| ctx.is_punct(c, ',') && !opens_appositive(ctx, c + 1, r.end))?;
    (close > cue).then_some(close)
}

/// True when the subject `np` stands after a word that fronted the verb's object ("what
/// Microsoft wanted to sell", "which the mayor was eager to sign"): the verb's content is
/// then what is left of that object, and the rules that need one report nothing.
pub fn object_fronted(
    ctx: &Context,
    np: &crate::attribution::grammar::np::SpeakerNp,
    floor: usize,
) -> bool {
    np.tokens.start > floor
        && matches!(
            ascii_lower(ctx.word(np.tokens.start - 1)).as_str(),
            "what" | "which" | "whom" | "whatever"
        )
}
