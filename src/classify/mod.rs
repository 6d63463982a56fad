//! Speech or not: tells quoted speech from titles, scare quotes, coined names and slogans,
//! and direct quotes from partial ones.
//!
//! Runs on the quoted passages no adjacent attribution rule claimed (a quote with a speaker
//! and a speech verb next to it is speech whatever it looks like). Hands on a reason for
//! each passage that is not speech, and the kind (direct or partial) of those that are.

use crate::attribution::{Candidate, Context};
use crate::output::QuoteKind;
use crate::text::ascii_lower;

/// Longest passage (in words) that can be a title.
pub const MAX_TITLE_WORDS: usize = 14;

/// Words that may stay lower case in a title ("A New Age of Trust in the Cloud").
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "at", "by", "from", "vs",
    "as", "into", "is", "nor", "but", "per", "via",
];

/// Words before a passage that introduce a name, not speech ("so-called", "titled").
const NAMING_WORDS: &[&str] = &[
    "called",
    "titled",
    "entitled",
    "dubbed",
    "named",
    "nicknamed",
    "labeled",
    "labelled",
    "branded",
    "so-called",
    "term",
    "terms",
    "word",
    "words",
    "phrase",
    "phrases",
    "slogan",
    "motto",
    "hashtag",
    "label",
    "name",
    "nickname",
    "known",
    "coined",
    "headline",
    "headlined",
    "book",
    "film",
    "movie",
    "song",
    "album",
    "show",
    "series",
    "article",
    "column",
    "blog",
    "post",
    "essay",
    "report",
    "campaign",
    "program",
    "programme",
];

/// Words that continue a sentence after a passage rather than being modified by it.
const FUNCTION_WORDS: &[&str] = &[
    "to", "and", "or", "but", "that", "which", "who", "for", "in", "on", "of", "with", "as", "by",
    "at", "from", "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "because", "if", "when", "while", "than", "then",
    "so", "since", "about", "into", "over", "after", "before",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your",
];

/// The first `max` words of a passage: runs of letters and digits with inner apostrophes
/// and hyphens. The checks below only need to know whether a passage has more words than a
/// few, so they stop there rather than split whole quotations.
fn words(text: &str, max: usize) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(max)
        .collect()
}

fn ends_with_terminal(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c: char| crate::attribution::np::is_quote_mark(c) || c == ')')
        .ends_with(['.', '!', '?', '…'])
}

fn is_capitalised_word(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Words that, right before the opening mark, make the passage a name whatever speech verb
/// is near: "the so-called “community partners”", "a scheme dubbed ‘Project Lantern’".
// "called" is left out: "Trump called “the worst deal ever”" reports his words.
const NAMING_PREFIXES: &[&str] = &[
    "so-called",
    "titled",
    "entitled",
    "dubbed",
    "nicknamed",
    "labeled",
    "labelled",
    "branded",
    "termed",
    "coined",
];

/// True when a naming word stands right before the opening mark; such a passage is not
/// speech even when a speech verb is near (checked before any attribution rule).
pub fn introduced_as_name(ctx: &Context, c: &Candidate) -> bool {
    let t = c.before.end;
    t > c.before.start
        && ctx.tokens[t - 1].is_word()
        && NAMING_PREFIXES.contains(&ascii_lower(ctx.word(t - 1)).as_str())
}

/// Why the passage is not speech, judged from its own shape and its neighbours, or `None`.
pub fn non_speech_reason(ctx: &Context, c: &Candidate) -> Option<&'static str> {
    let content = &ctx.text[c.content.clone()];
    // Enough words to tell whether there are more than MAX_TITLE_WORDS.
    let ws = words(content, MAX_TITLE_WORDS + 1);
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
        let w = ascii_lower(ctx.word(t));
        if NAMING_WORDS.contains(&w.as_str()) {
            return Some("naming-phrase");
        }
        if !DETERMINERS.contains(&w.as_str()) && w != "as" {
            break;
        }
    }
    let terminal = ends_with_terminal(content);
    if !terminal && ws.len() <= MAX_TITLE_WORDS {
        let all_caps = ws.iter().enumerate().all(|(i, w)| {
            is_capitalised_word(w)
                || (i > 0 && TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        });
        if all_caps && ws.len() >= 2 {
            return Some("title-case");
        }
    }
    None
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
    // A modifier: “the ‘Challenger Sale’ technique”, “the ‘you will like it’ approach”.
    let before_det = c.before.end > c.before.start
        && ctx.tokens[c.before.end - 1].is_word()
        && DETERMINERS.contains(&ascii_lower(ctx.word(c.before.end - 1)).as_str());
    let after = c.after.start;
    let after_lower_word = after < c.after.end
        && ctx.tokens[after].is_word()
        && ctx
            .word(after)
            .chars()
            .next()
            .is_some_and(|ch| ch.is_lowercase())
        && !ctx.is_cue(after);
    // The word after must be a noun the passage modifies ("approach", "technique"), not a
    // function word that continues the sentence ("a “no-brainer” to prosecute").
    let modifies =
        after_lower_word && !FUNCTION_WORDS.contains(&ascii_lower(ctx.word(after)).as_str());
    if before_det && modifies && !terminal {
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
