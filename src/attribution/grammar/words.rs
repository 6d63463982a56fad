//! Word classes the grammar asks of one word: dashes, auxiliaries, adverbials, verbs that
//! take an addressee, capitalised words. The lowest file of the grammar: it imports no
//! other.

use crate::attribution::context::Context;
use crate::text::ascii_lower;
use crate::text::tokens::TokenKind;

/// True for the dashes that can separate a quote from its attribution.
pub fn is_dash(ctx: &Context, t: usize) -> bool {
    ctx.tokens
        .get(t)
        .is_some_and(|tok| matches!(tok.kind, TokenKind::Punct('—' | '–' | '-' | '―')))
}

/// Most auxiliaries, adverbs and negations between a subject and its verb ("did not
/// publicly endorse", "has long opposed").
pub const MAX_AUXILIARIES: usize = 4;

/// What a word between a subject and its verb is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Auxiliary {
    /// A form of "be": a progressive before "-ing", a passive before "-ed".
    Be,
    /// A form of "have": a perfect, before a past participle only.
    Have,
    /// A modal or "do": before a base form only.
    Modal,
    /// An adverb or negation, which changes nothing ("not", "long", "publicly").
    Adverb,
}

/// What `word` is when it stands between a subject and its verb, if it may.
pub(crate) fn auxiliary(word: &str) -> Option<Auxiliary> {
    let w = ascii_lower(word);
    match w.as_str() {
        "is" | "are" | "was" | "were" | "been" | "being" | "be" | "’s" | "'s" | "’re" | "'re" => {
            Some(Auxiliary::Be)
        }
        "has" | "have" | "had" | "’ve" | "'ve" => Some(Auxiliary::Have),
        "will" | "would" | "could" | "should" | "may" | "might" | "must" | "can" | "cannot"
        | "did" | "does" | "do" | "’ll" | "'ll" | "’d" | "'d" => Some(Auxiliary::Modal),
        "not" | "never" | "also" | "still" | "long" | "now" | "already" | "even" | "only"
        | "just" => Some(Auxiliary::Adverb),
        // "hasn't endorsed" is a perfect, "isn't backing" a progressive: the contraction
        // keeps its verb's kind.
        _ if w.ends_with("n’t") || w.ends_with("n't") => {
            let stem = w.trim_end_matches("n’t").trim_end_matches("n't");
            match stem {
                "has" | "have" | "had" => Some(Auxiliary::Have),
                "is" | "are" | "was" | "were" => Some(Auxiliary::Be),
                _ => Some(Auxiliary::Modal),
            }
        }
        // "Kelly", "Connolly": a capitalised "-ly" word is a name.
        _ if w.len() > 4
            && w.ends_with("ly")
            && !crate::attribution::grammar::words::starts_upper(word) =>
        {
            Some(Auxiliary::Adverb)
        }
        _ => None,
    }
}

/// Words that open an adverbial phrase after a reporting verb ("said on Monday", "told
/// reporters by phone", "said last week that …"), as opposed to the reported clause itself.
pub fn opens_adverbial(w: &str) -> bool {
    is_time_word(w)
        || matches!(
            w,
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "last"
                | "this"
                | "via"
                | "through"
                | "by"
                | "to"
                | "for"
                | "from"
                | "with"
                | "when"
                | "while"
                | "as"
                | "too"
                | "also"
                | "then"
        )
}

/// Reporting verbs that take an addressee before their clause ("assured workers that …").
pub(crate) fn takes_addressee(word: &str) -> bool {
    matches!(
        ascii_lower(word).as_str(),
        "assured"
            | "assures"
            | "reminded"
            | "reminds"
            | "warned"
            | "warns"
            | "informed"
            | "informs"
            | "promised"
            | "promises"
            | "convinced"
            | "persuaded"
            | "notified"
            | "advised"
            | "advises"
            | "reassured"
            | "urged"
            | "showed"
            | "shows"
            | "warning"
            | "reminding"
            | "assuring"
            | "informing"
            | "promising"
            | "urging"
            | "telling"
    )
}

/// True when the word starts with a capital: "Kelly", "Connolly" are names, never adverbs
/// by their "-ly" (a sentence-opening adverb stands before a comma, not before a cue).
pub fn starts_upper(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
}

/// Time words that stand alone as an adverbial after a verb ("said Monday the …",
/// "supported yesterday the …").
pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "tonight"
            | "earlier"
            | "later"
            | "recently"
            | "again"
            | "repeatedly"
            | "privately"
            | "publicly"
    )
}

/// First words of a phrase that sets the scene of a quote rather than reporting speech: a
/// preposition, a time word, a question put to the speaker. Such a phrase is no speaker and no
/// role word before a name, and a clause it opens frames the sentence rather than reports.
pub fn opens_scene(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "for"
            | "from"
            | "with"
            | "by"
            | "since"
            | "until"
            | "through"
            | "over"
            | "under"
            | "about"
            | "just"
            | "hours"
            | "days"
            | "later"
            | "earlier"
            | "asked"
            | "holding"
            | "speaking"
            | "outside"
            | "inside"
            | "near"
            | "across"
            | "behind"
            | "within"
            | "amid"
            | "among"
            | "following"
            | "when"
            | "while"
            | "as"
            | "once"
            | "afterward"
            | "afterwards"
            | "meanwhile"
            | "yesterday"
            | "today"
            | "tonight"
    )
}
