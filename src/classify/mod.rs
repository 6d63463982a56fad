//! Speech or not: tells quoted speech from titles, scare quotes, coined names and slogans,
//! and direct quotes from partial ones.
//!
//! Runs on the quoted passages no adjacent attribution rule claimed (a quote with a speaker
//! and a speech verb next to it is speech whatever it looks like). Hands on a reason for
//! each passage that is not speech, and the kind (direct or partial) of those that are.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::rule::cue_head;
use crate::lexicon::class::{
    FUNCTION_WORD, NAMING_PREFIX, NAMING_WORD, PASSAGE_DETERMINER, TITLE_PREPOSITION,
    TITLE_SMALL_WORD,
};
use crate::lexicon::lookup;
use crate::mentions::lexicon::{lexicon, CueClass};
use crate::output::QuoteKind;
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

/// Longest passage (in words) that can be a title.
pub const MAX_TITLE_WORDS: usize = 14;

/// The first `max` words of a passage: runs of letters and digits with inner apostrophes
/// and hyphens. The checks below only need to know whether a passage has more words than a
/// few, so they stop there rather than split whole quotations.
///
/// The pieces between characters that are neither letters, digits, apostrophes nor hyphens,
/// each without the apostrophes and hyphens at its ends, in one pass that decodes only the
/// characters beyond ASCII.
fn words(text: &str, max: usize) -> Vec<&str> {
    let mut found = Vec::with_capacity(max.min(MAX_TITLE_WORDS + 1));
    if max == 0 {
        return found;
    }
    let bytes = text.as_bytes();
    // The first and the end of the last letter or digit of the current piece.
    let mut piece: Option<(usize, usize)> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits, one test a byte.
            let start = i;
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            piece = Some((piece.map_or(start, |(first, _)| first), i));
            continue;
        }
        let (alnum, joins, width) = if b.is_ascii() {
            (false, b == b'\'' || b == b'-', 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c == '’', c.len_utf8())
        };
        if alnum {
            piece = Some((piece.map_or(i, |(first, _)| first), i + width));
        } else if !joins {
            if let Some((first, end)) = piece.take() {
                found.push(&text[first..end]);
                if found.len() == max {
                    return found;
                }
            }
        }
        i += width;
    }
    if let Some((first, end)) = piece {
        found.push(&text[first..end]);
    }
    found
}

/// The first words of a passage's content, one more than a title may have
/// (`MAX_TITLE_WORDS + 1`): what [`name_reason`] and [`non_speech_reason`] read of it, split
/// once for both.
pub fn passage_words<'t>(ctx: &Context<'t>, c: &Candidate) -> Vec<&'t str> {
    words(&ctx.text[c.content.clone()], MAX_TITLE_WORDS + 1)
}

fn ends_with_terminal(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c: char| crate::attribution::grammar::np::is_quote_mark(c) || c == ')')
        .ends_with(['.', '!', '?', '…'])
}

fn is_capitalised_word(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// True when a naming word stands right before the opening mark; such a passage is not
/// speech even when a speech verb is near (checked before any attribution rule).
pub fn introduced_as_name(ctx: &Context, c: &Candidate) -> bool {
    let t = c.before.end;
    t > c.before.start && ctx.tokens[t - 1].is_word() && ctx.classes(t - 1) & NAMING_PREFIX != 0
}

/// Most words of a passage that reads as a name when it modifies the noun after it ("the
/// “one country, two systems” formula").
pub const MAX_MODIFIER_WORDS: usize = 6;

/// Tokens before the opening mark, and after the closing one, searched for a cue that makes
/// a title-case passage someone's words (`said, “Get Out Now,”`; `“Never Again,” she said`;
/// `added the words, “Good Night.”`).
const TITLE_CUE_WINDOW: usize = 4;

/// Most words before a passage read to tell whether it stands in a title-case line.
const MAX_HEADLINE_WORDS: usize = 16;

/// Why the passage is a name, a title or a term whatever speech verb stands near it, or
/// `None`: checked before any attribution rule.
///
/// - `naming-phrase`: a naming word right before it (`the so-called “…”`, `dubbed ‘…’`);
/// - `title-case`: every word capitalised (small words aside), inside the writer's sentence
///   and with no cue just before or after it (`films such as “Mary Poppins” and
///   “Bambi.”`, `an episode of “Night Court,”`);
/// - `compound-modifier`: a short passage between a determiner or a possessive and the noun
///   it modifies (`the “Meth. We're on it.” campaign`, `a “skinny” trade deal`,
///   `the “Pose” actor`).
///
/// `ws` are the passage's [`passage_words`].
pub fn name_reason(ctx: &Context, c: &Candidate, ws: &[&str]) -> Option<&'static str> {
    if introduced_as_name(ctx, c) {
        return Some("naming-phrase");
    }
    let content = &ctx.text[c.content.clone()];
    if embedded_title(ctx, c, ws) {
        return Some("title-case");
    }
    // Inside a reported clause a quoted word or two before a noun may be the speaker's
    // (`said he will bring a “common-sense” approach`): after a verb that reports a clause
    // it is left to the attribution rules. A longer quoted modifier is a set phrase (`the
    // “one country, two systems” formula`).
    // A verb of calling just before it makes the quote its speaker's description of
    // something (`what Turnbull called North Korea's “reckless, provocative” actions`).
    let cue_near = (c
        .before
        .start
        .max(c.before.end.saturating_sub(TITLE_CUE_WINDOW))..c.before.end)
        .any(|t| {
            ctx.tokens[t].is_word() && (is_calling(ctx.word(t)) || is_describing(ctx.word(t)))
        });
    if modifies_next_noun(ctx, c, content, ws.len(), MAX_MODIFIER_WORDS)
        && determined(ctx, c)
        && !cue_near
        && (ws.len() > MAX_SPEAKERS_MODIFIER_WORDS
            || !(c.before.clone()).any(|t| ctx.cue_flag(t) == 2))
    {
        return Some("compound-modifier");
    }
    if named_just_before(ctx, c) {
        return Some("naming-phrase");
    }
    if used_as_subject(ctx, c, content) || used_as_noun(ctx, c, content, ws.len()) {
        return Some("quoted-subject");
    }
    None
}

/// Most words of a quoted noun after a determiner (`the “reset”`).
const MAX_QUOTED_NOUN_WORDS: usize = 3;

/// True for a word or three in lower case after a determiner that the writer's sentence
/// goes on from with a verb or a relative pronoun: the marks set apart a term used as a
/// noun (`when the “reset” proved to be …`, `a “clean-up campaign” which acted as …`),
/// not words someone said.
/// `word_count` is the number of words of the passage, or more than
/// [`MAX_QUOTED_NOUN_WORDS`].
fn used_as_noun(ctx: &Context, c: &Candidate, content: &str, word_count: usize) -> bool {
    if word_count == 0
        || word_count > MAX_QUOTED_NOUN_WORDS
        || !content.starts_with(char::is_lowercase)
        || content
            .trim_end()
            .ends_with(|ch: char| !ch.is_alphanumeric())
        || !determined(ctx, c)
    {
        return false;
    }
    let after = c.after.start;
    after < c.after.end && ctx.tokens[after].is_word() && !ctx.is_cue(after) && {
        let w = ascii_lower(ctx.word(after));
        matches!(
            w.as_str(),
            "is" | "was" | "are" | "were" | "has" | "had" | "which" | "that" | "who"
        ) || (w.len() > 4 && w.ends_with("ed"))
    }
}

/// Most words of a quoted modifier that may be a speaker's own word inside a reported
/// clause.
const MAX_SPEAKERS_MODIFIER_WORDS: usize = 2;

/// Most words of a short sentence that names what the quote after it is ("The tagline?",
/// "Its motto:").
const MAX_NAMING_SENTENCE_WORDS: usize = 8;

/// True when the quote opens its sentence right after a short sentence ending in "?" or
/// ":" that holds a naming word: `The new slogan? “Drive calm.”`, `The tagline? “…”`.
fn named_just_before(ctx: &Context, c: &Candidate) -> bool {
    if !c.before.is_empty() || c.sentence == 0 {
        return false;
    }
    let prev = ctx.sentence_tokens(c.sentence - 1);
    let Some(last) = (prev.clone())
        .rev()
        .find(|&t| ctx.tokens[t].kind != TokenKind::Break)
    else {
        return false;
    };
    if !(ctx.is_punct(last, '?') || ctx.is_punct(last, ':')) {
        return false;
    }
    let words: Vec<usize> = prev.filter(|&t| ctx.tokens[t].is_word()).collect();
    words.len() <= MAX_NAMING_SENTENCE_WORDS
        && words.iter().any(|&t| ctx.classes(t) & NAMING_WORD != 0)
}

/// True when the quote opens its sentence and a verb follows it straight away, with no
/// comma inside the closing mark: the quoted words are the sentence's subject, a name or a
/// slogan (`“Drive calm” is rolling out on billboards`), not someone's words introduced
/// by an attribution (`“We will,” she said`), unless a cue follows in the sentence (`“No”
/// was all she said`).
fn used_as_subject(ctx: &Context, c: &Candidate, content: &str) -> bool {
    if !c.before.is_empty() || content.trim_end().ends_with([',', '?', '!']) {
        return false;
    }
    let after = c.after.start;
    after < c.after.end
        && ctx.tokens[after].is_word()
        && matches!(
            ascii_lower(ctx.word(after)).as_str(),
            "is" | "was" | "are" | "were" | "has" | "had" | "have" | "became" | "becomes"
        )
        && !(c.after.clone()).any(|t| ctx.is_cue(t))
}

/// True for a title-case passage inside the writer's sentence, away from any cue.
/// `ws` holds the passage's first words, one more than a title may have.
fn embedded_title(ctx: &Context, c: &Candidate, ws: &[&str]) -> bool {
    if ws.is_empty() || ws.len() > MAX_TITLE_WORDS || !title_case(ws) {
        return false;
    }
    // A passage that opens its sentence or follows a colon stands as an utterance.
    if c.before.is_empty() || ctx.is_punct(c.before.end - 1, ':') {
        return false;
    }
    // In a headline every word is capitalised: `Senator Calls Plan ‘Dead On Arrival’`.
    if in_headline(ctx, c) {
        return false;
    }
    // A title after a preposition names something (`said on “Night Court”`), and one after
    // "called" is what something is called (`a script called “Wild Rose,”`): no cue near
    // them makes them speech.
    let last = c.before.end - 1;
    if ctx.classes(last) & TITLE_PREPOSITION != 0 {
        return true;
    }
    let cue_before = (c
        .before
        .start
        .max(c.before.end.saturating_sub(TITLE_CUE_WINDOW))..c.before.end)
        .any(|t| ctx.is_cue(t) && !is_calling(ctx.word(t)));
    let cue_after =
        (c.after.start..c.after.end.min(c.after.start + TITLE_CUE_WINDOW)).any(|t| ctx.is_cue(t));
    !cue_before && !cue_after
}

/// True when the passage stands in a title-case line (a headline), where capitals say
/// nothing: at least two words before it in its sentence, all of them capitalised or small
/// words of titles.
fn in_headline(ctx: &Context, c: &Candidate) -> bool {
    let before: Vec<&str> = (c.before.clone())
        .filter(|&t| ctx.tokens[t].is_word())
        .map(|t| ctx.word(t))
        .take(MAX_HEADLINE_WORDS + 1)
        .collect();
    (2..=MAX_HEADLINE_WORDS).contains(&before.len()) && title_case(&before)
}

/// True for a form of "call" (naming, not saying, before a title).
fn is_calling(word: &str) -> bool {
    matches!(
        ascii_lower(word).as_str(),
        "call" | "calls" | "called" | "calling"
    )
}

/// True for a form of "describe" or "characterize".
fn is_describing(word: &str) -> bool {
    let w = ascii_lower(word);
    w.starts_with("describ") || w.starts_with("characteriz") || w.starts_with("characteris")
}

/// True when every word is capitalised, but for small words after the first.
fn title_case(ws: &[&str]) -> bool {
    ws.iter().enumerate().all(|(i, w)| {
        is_capitalised_word(w) || (i > 0 && lookup(w).lower() & TITLE_SMALL_WORD != 0)
    })
}

/// True when a determiner or a possessive stands right before the opening mark, or before
/// one capitalised word before it (`a Washington “wise man” icon`). "That" is left out:
/// before a quote it is most often the conjunction, `said that “…” remains`.
fn determined(ctx: &Context, c: &Candidate) -> bool {
    let is_determiner = |t: usize| {
        if ctx.tokens[t].kind == TokenKind::Possessive {
            return true;
        }
        if !ctx.tokens[t].is_word() {
            return false;
        }
        ctx.classes(t) & PASSAGE_DETERMINER != 0 && !ctx.is(t, "that")
    };
    let t = c.before.end;
    if t == c.before.start {
        return false;
    }
    is_determiner(t - 1)
        || (t - 1 > c.before.start
            && ctx.tokens[t - 1].is_word()
            && is_capitalised_word(ctx.word(t - 1))
            && is_determiner(t - 2))
}

/// True when a passage of at most `max_words` words is followed by a lower-case word that it
/// modifies: a noun ("approach", "campaign"), not a function word that continues the
/// sentence ("a “no-brainer” to prosecute") or a cue. A passage that ends with a comma, a
/// semicolon or a colon ends a phrase of the sentence (`as a “strong leader,” comparing`).
/// `word_count` is the number of words of the passage, or more than `max_words`.
fn modifies_next_noun(
    ctx: &Context,
    c: &Candidate,
    content: &str,
    word_count: usize,
    max_words: usize,
) -> bool {
    if word_count > max_words || content.trim_end().ends_with([',', ';', ':']) {
        return false;
    }
    let after = c.after.start;
    after < c.after.end
        && ctx.tokens[after].is_word()
        && ctx
            .word(after)
            .chars()
            .next()
            .is_some_and(|ch| ch.is_lowercase())
        && !ctx.is_cue(after)
        && ctx.classes(after) & FUNCTION_WORD == 0
}

/// Why the passage is not speech, judged from its own shape and its neighbours, or `None`.
/// `ws` are the passage's [`passage_words`]: enough to tell whether there are more than
/// `MAX_TITLE_WORDS`.
pub fn non_speech_reason(ctx: &Context, c: &Candidate, ws: &[&str]) -> Option<&'static str> {
    let content = &ctx.text[c.content.clone()];
    if ws.is_empty() {
        return Some("no-words");
    }
    // Introduced as a name: “the so-called ‘…’”, “a book titled ‘…’”.
    let mut t = c.before.end;
    let mut looked = 0;
    while t > c.before.start && looked < 3 {
        t -= 1;
        if !ctx.tokens[t].is_word() {
            continue;
        }
        looked += 1;
        if ctx.classes(t) & NAMING_WORD != 0 {
            return Some("naming-phrase");
        }
        if ctx.classes(t) & PASSAGE_DETERMINER == 0 && !ctx.is(t, "as") {
            break;
        }
    }
    let terminal = ends_with_terminal(content);
    if !terminal && ws.len() <= MAX_TITLE_WORDS && ws.len() >= 2 && title_case(ws) {
        return Some("title-case");
    }
    None
}

/// Why a passage attributed through the cue `cue` (a byte range) is not speech:
/// `thought-cue` when the cue is a verb of thinking (`Dana thinks ferrets are “adorable”`)
/// and no verb of saying stands around the passage in its attribution (`Lee said she hopes
/// the vote “sends a message”` quotes what Lee said), else `None`.
pub fn not_said_by_cue(
    ctx: &Context,
    c: &Candidate,
    cue: &std::ops::Range<usize>,
) -> Option<&'static str> {
    if lexicon().cue_class(cue_head(ctx.text, cue)) != Some(CueClass::Thought)
        || in_headline(ctx, c)
    {
        return None;
    }
    // "our worst fears": a determiner or a possessive shortly before makes the word a noun.
    let t = ctx.token_at(cue.start);
    if (t.saturating_sub(2)..t).any(|u| {
        ctx.tokens[u].kind == TokenKind::Possessive || ctx.classes(u) & PASSAGE_DETERMINER != 0
    }) {
        return None;
    }
    let said = (c.before.clone())
        .chain(c.after.clone())
        .any(|t| ctx.is_cue(t) && lexicon().cue_class(ctx.word(t)) == Some(CueClass::Speech));
    (!said).then_some("thought-cue")
}

/// Why a passage that no rule attributed is not speech, from its shape: a single
/// capitalised word (a coined term) or a modifier between a determiner and a noun. Checked
/// only after the context rules, since a reported clause may quote such words.
pub fn soft_non_speech_reason(ctx: &Context, c: &Candidate) -> Option<&'static str> {
    let content = &ctx.text[c.content.clone()];
    let ws = words(content, 2);
    let terminal = ends_with_terminal(content);
    if ws.len() == 1 && !terminal && is_capitalised_word(ws[0]) && !c.before.is_empty() {
        return Some("coined-term");
    }
    // A longer modifier: “the ‘you will like it’ approach”.
    let word_count = || words(content, MAX_TITLE_WORDS + 1).len();
    if determined(ctx, c)
        && modifies_next_noun(ctx, c, content, word_count(), MAX_TITLE_WORDS)
        && !terminal
    {
        return Some("compound-modifier");
    }
    None
}

/// True when an unattributed passage still reads as an utterance: it stands alone (or after
/// a colon), starts with a capital and is a sentence rather than a fragment.
pub fn is_utterance(ctx: &Context, c: &Candidate) -> bool {
    let content = &ctx.text[c.content.clone()];
    let stands_alone = c.before.is_empty() || ctx.is_punct(c.before.end - 1, ':');
    if !stands_alone {
        return false;
    }
    let ws = words(content, 5);
    let starts_upper = content
        .chars()
        .find(|ch| ch.is_alphanumeric())
        .is_some_and(|ch| ch.is_uppercase());
    starts_upper && (ws.len() >= 5 || (ws.len() >= 2 && ends_with_terminal(content)))
}

/// Direct when the passage stands as the speaker's own sentence (alone, or after a colon or
/// an attribution), partial when it is a fragment inside the writer's sentence.
pub fn kind(ctx: &Context, c: &Candidate) -> QuoteKind {
    if c.before.is_empty() {
        return QuoteKind::Direct;
    }
    let last = c.before.end - 1;
    if ctx.is_punct(last, ':') {
        return QuoteKind::Direct;
    }
    let starts_upper = ctx.text[c.content.clone()]
        .chars()
        .find(|ch| ch.is_alphanumeric())
        .is_some_and(|ch| ch.is_uppercase());
    let after_attribution = ctx.is_punct(last, ',') || ctx.is_cue(last);
    if starts_upper && after_attribution {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words as `str::split` and `trim_matches` give them: the oracle for [`words`].
    fn reference_words(text: &str, max: usize) -> Vec<&str> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .take(max)
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn words_split_like_str_split(
            text in "[aZ5 .,'\u{2019}\u{2014}\u{201c}\u{e9}\u{c9}\u{3a3}\u{301}\u{2160}-]{0,40}",
            max in 0usize..8
        ) {
            proptest::prop_assert_eq!(words(&text, max), reference_words(&text, max));
        }

        #[test]
        fn words_of_any_string(text in proptest::prelude::any::<String>(), max in 0usize..20) {
            proptest::prop_assert_eq!(words(&text, max), reference_words(&text, max));
        }
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            words("“Don’t -- re-elect ’em,” 'Bob' said-", 10),
            ["Don’t", "re-elect", "em", "Bob", "said"]
        );
        assert_eq!(words("one two three", 2), ["one", "two"]);
    }
}
