//! The speech gate: what an indirect finding must be to be reported, and as what.
//!
//! The indirect rules read attributions widely, the way PolNeAR annotates them. What
//! whosaid reports as speech is shown to readers as someone's words, so every indirect
//! finding is judged once more here, after the rules and before the output:
//!
//! - **A speaker must be a speaker**, whatever the class: a person, an organisation, a
//!   described source whose head is a role or source noun ("a spokesman", "officials", "the
//!   report") or a pronoun. Not a phrase opened by a conjunction or a preposition ("And
//!   earlier work on the vaccine", "Despite parliamentary reports"), not a name that runs
//!   into lower-case words ("March 3 after the vote"), not a place after a comma ("…
//!   Center in Greenbelt, Maryland, has confirmed"), not a party label ("R-Texas"), not an
//!   "it" that names nothing. A finding without one of these is dropped.
//! - **Speech must carry a clause.** A verb of saying with a noun phrase for its object
//!   reports an act or a position, not words (`Audi revealed its new model`, `China
//!   denounced the ruling`, `she urged the council to wait`): such a finding is a stance.
//!   One whose content has no verb and opens with a time word or a preposition (`Patrick
//!   said Tuesday night in Columbia`) is dropped.
//! - **Unsaid speech is no speech**: a negated, refused or hypothetical verb of saying
//!   ("declined to say when", "did not reveal", "critics may argue") reports a stance.
//! - **The writer's own voice is not a quotation**: "I" and "we" outside quote marks report
//!   no one's quoted words, so such a finding is not speech (it stays in the other classes).

use std::ops::Range;
use std::sync::LazyLock;

use foldhash::HashSet;

use super::np::NpKind;
use super::rules::indirect::{is_time_word, MIN_CLAUSE_WORDS};
use super::{Context, IndirectFinding, ResolvedSpeaker};
use crate::mentions::lexicon::{entries, lexicon};
use crate::output::QuoteClass;
use crate::text::ascii_lower;
use crate::text::tokens::{first_at_or_after, TokenKind};

/// Words after which the finite verb of a clause must come: "the new tariffs on steel
/// WILL …" has its verb sixth.
pub const MAX_SUBJECT_WORDS: usize = 8;

/// Tokens before a cue searched for a negation or a refusal ("declined to say", "did not
/// say", "would not reveal").
const MAX_NEGATION_TOKENS: usize = 3;

/// The finite verb forms of `data/finite_verbs.txt`.
static FINITE_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/finite_verbs.txt")).collect());

/// Determiners and possessive pronouns: after one, a cue word is a noun or an adjective.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your",
];

/// Words that open a clause or an indirect question: what follows is reported words.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "whether", "if", "how", "why", "what", "when", "where", "who", "which",
];

/// Adverbs that end no speaker phrase ("The founder always …" read as a speaker).
const ADVERBS: &[&str] = &[
    "always", "also", "still", "never", "just", "even", "already", "only", "often", "again",
    "somehow", "now", "later", "once", "cannot", "flat-out", "flatly",
];

/// What becomes of an indirect finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    /// Reported, as this class.
    Report(QuoteClass),
    /// Not reported, and why: `not-a-speaker`, `writer's-voice` (speech in the text's own
    /// "I" or "we"), `no-clause` (a date, a place, a word or two), `no-verb` (the cue word
    /// is a noun or an adjective: "its promising design").
    Drop(&'static str),
}

/// What becomes of a finding of class `class` (see the module documentation).
pub fn judge(ctx: &Context, found: &IndirectFinding, class: QuoteClass) -> Judgement {
    // A transcript turn is a paragraph its label gives to a speaker (ATT014 decides it).
    if found.verbatim {
        return Judgement::Report(class);
    }
    if let Some(speaker) = &found.finding.speaker {
        if !is_speaker(ctx, speaker) {
            return Judgement::Drop("not-a-speaker");
        }
        if class == QuoteClass::Speech && is_first_person(ctx, speaker) {
            return Judgement::Drop("writer's-voice");
        }
    }
    // "its promising design": a cue in -ing or -ed right after a determiner or a possessive
    // pronoun is an adjective, no verb. Noun cues ("their call for a recount") are meant to
    // stand there, and "she's said" holds an auxiliary, so neither is looked at.
    if let Some(cue) = &found.finding.cue {
        let t = first_at_or_after(&ctx.tokens, cue.start);
        let cue_word = ascii_lower(ctx.word(t));
        if t > 0
            && (cue_word.ends_with("ing") || cue_word.ends_with("ed"))
            && ctx.tokens[t - 1].is_word()
            && DETERMINERS.contains(&ascii_lower(ctx.word(t - 1)).as_ref())
        {
            return Judgement::Drop("no-verb");
        }
    }
    if class != QuoteClass::Speech {
        return Judgement::Report(class);
    }
    if found
        .finding
        .cue
        .as_ref()
        .is_some_and(|cue| negated(ctx, cue))
    {
        return Judgement::Report(QuoteClass::Stance);
    }
    // Content that its attribution interrupts is judged whole: "Costs rose sharply,
    // officials said, after the supplier collapsed".
    let mut tokens: Vec<usize> = found
        .lead
        .as_ref()
        .map(|lead| token_range(ctx, lead).collect())
        .unwrap_or_default();
    tokens.extend(token_range(ctx, &found.content));
    // Content before its attribution ("The plant employs 1,100 people, the firm said"),
    // around it or after "according to X," is the sentence itself, never a verb's object:
    // three words of it or more that are no date or place are a clause.
    let main_clause = found.finding.cue.as_ref().is_some_and(|cue| {
        found.content.end <= cue.start
            || (found.content.start <= cue.start && cue.end <= found.content.end)
            || crate::attribution::cue_head(ctx.text, cue).eq_ignore_ascii_case("according")
    });
    match clause_shape(ctx, &tokens) {
        // A word or two of it ("Donations, according to the campaign, have doubled") is
        // no report of its own.
        Shape::Phrase if main_clause => {
            let words = tokens.iter().filter(|&&t| ctx.tokens[t].is_word()).count();
            if words >= MIN_CLAUSE_WORDS {
                Judgement::Report(QuoteClass::Speech)
            } else {
                Judgement::Drop("no-clause")
            }
        }
        Shape::Clause => Judgement::Report(QuoteClass::Speech),
        Shape::Phrase => Judgement::Report(QuoteClass::Stance),
        Shape::Adverbial => Judgement::Drop("no-clause"),
    }
}

/// The tokens of a byte range.
fn token_range(ctx: &Context, bytes: &Range<usize>) -> Range<usize> {
    first_at_or_after(&ctx.tokens, bytes.start)..first_at_or_after(&ctx.tokens, bytes.end)
}

/// True when the phrase can be a speaker (see the module documentation).
pub fn is_speaker(ctx: &Context, speaker: &ResolvedSpeaker) -> bool {
    let tokens = token_range(ctx, &speaker.mention);
    let words: Vec<usize> = tokens
        .clone()
        .filter(|&t| ctx.tokens[t].is_word())
        .collect();
    if words.is_empty() {
        return false;
    }
    let lower = |t: usize| ascii_lower(ctx.word(t)).to_string();
    // A verb or an adverb inside the phrase shows it runs into its clause ("Andrew also
    // spent 45 seconds", "The weather should ease by Thursday", "The company flatly").
    let runs_on = words.iter().skip(1).any(|&t| {
        let (written, w) = (ctx.word(t), lower(t));
        let lower_case = written.starts_with(|c: char| c.is_lowercase());
        ADVERBS.contains(&w.as_str())
            || (lower_case && FINITE_VERBS.contains(w.as_str()))
            || (lower_case
                && w.len() > 4
                && w.ends_with("ly")
                && !SPEAKER_NOUNS.contains(w.as_str()))
    });
    // A phrase that ends in "to" is the start of a verb phrase ("His refusal to").
    if runs_on || lower(words[words.len() - 1]) == "to" {
        return false;
    }
    // The end of a longer name: "Prevention" of "the Center for Disease Control and
    // Prevention", "Verse" of "Chapter & Verse". One word only: "Matthew Dixon and Brent
    // Adamson show" names a second person.
    if tokens.start >= 2 && words.len() == 1 {
        let joiner = &ctx.text[ctx.tokens[tokens.start - 1].range.clone()];
        let before = tokens.start - 2;
        if matches!(joiner, "and" | "&" | "of" | "for")
            && ctx.tokens[before].is_word()
            && ctx.word(before).starts_with(|c: char| c.is_uppercase())
            && ctx.word(words[0]).starts_with(|c: char| c.is_uppercase())
        {
            return false;
        }
    }
    // "He's claiming …", "they've said": a pronoun with its auxiliary.
    if matches!(
        contracted_base(ctx, speaker).as_str(),
        "he" | "she" | "they"
    ) {
        return true;
    }
    match speaker.kind {
        NpKind::FirstPerson => true,
        // "it" stays as written only when no organisation near it gave it a name.
        NpKind::Pronoun(_) => !speaker.name.eq_ignore_ascii_case("it"),
        NpKind::Description | NpKind::Name | NpKind::Organisation => {
            let mention = &ctx.text[speaker.mention.clone()];
            // "Greenbelt, Maryland": a place after a comma after a capitalised word.
            let closes_address = tokens.start > 1
                && ctx.is_punct(tokens.start - 1, ',')
                && ctx.tokens[tokens.start - 2].is_word()
                && ctx
                    .word(tokens.start - 2)
                    .starts_with(|c: char| c.is_uppercase());
            if is_party_label(mention) {
                return false;
            }
            // A country or a city speaks for its government ("Pyongyang said"), but a place
            // after a comma closes an address ("the center in Greenbelt, Maryland, said").
            if lexicon().is_place(mention) {
                return !closes_address;
            }
            // "Most said …", "Several oppose …": a quantity of people opening the phrase.
            if (words.len() == 1 || lower(words[1]) == "of")
                && QUANTITIES.contains(&lower(words[0]).as_str())
            {
                return true;
            }
            // "Those in favor of the plan", "those close to him": people, but "those facts"
            // are facts.
            if lower(words[0]) == "those"
                && words.get(1).is_none_or(|&t| {
                    matches!(
                        lower(t).as_str(),
                        "in" | "who"
                            | "close"
                            | "familiar"
                            | "with"
                            | "opposed"
                            | "involved"
                            | "at"
                            | "on"
                            | "from"
                            | "of"
                    )
                })
            {
                return true;
            }
            // After a possessive, the head is what speaks: "the company's spokesman" may,
            // "the researchers' work" may not.
            let head_from = tokens
                .clone()
                .rev()
                .find(|&t| ctx.tokens[t].kind == TokenKind::Possessive)
                .map_or(tokens.start, |p| p + 1);
            // The head stands before any prepositional phrase or relative clause: "The buzz
            // on social media" is a buzz.
            let head_to = words
                .iter()
                .copied()
                .filter(|&t| t > head_from)
                .find(|&t| POSTMODIFIER_OPENERS.contains(&lower(t).as_str()))
                .unwrap_or(usize::MAX);
            // A name, a role, a source or a group of people: "Ann Lee", "WHO", "a
            // spokesman", "the report", "people familiar with the talks". Not a thing ("The
            // scan", "Those facts") or an adjective ("The biggest"); a capital that only
            // opens the sentence says nothing.
            words
                .iter()
                .filter(|&&t| t >= head_from && t < head_to)
                .any(|&t| {
                    let w = lower(t);
                    (is_proper(ctx, t, &tokens) && !matches!(w.as_str(), "the" | "a" | "an"))
                        || lexicon().is_role_noun(&w)
                        || lexicon().is_source_noun(&w)
                        || SPEAKER_NOUNS.contains(w.as_str())
                        || names_an_agent(&w)
                })
        }
    }
}

/// True for a noun that names a person by what they do: "an architect", "environmentalists",
/// "a historian", "the bartender" (the suffixes of agents: -er, -or, -ist, -ian, -ant; not
/// "-ment").
fn names_an_agent(w: &str) -> bool {
    let singular = w.strip_suffix('s').unwrap_or(w);
    singular.len() > 4
        && ["er", "or", "ist", "ian", "ant"]
            .iter()
            .any(|suffix| singular.ends_with(suffix))
}

/// True when word token `t` of the speaker phrase `phrase` is capitalised for a name, not
/// only because it opens its sentence: capitalised inside the sentence, or covered by a
/// person's or an organisation's name, or by a name that is the whole phrase or has two
/// words or more.
fn is_proper(ctx: &Context, t: usize, phrase: &Range<usize>) -> bool {
    let word = ctx.word(t);
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let at = ctx.tokens[t].range.start;
    let sentence_start = ctx.sentences[ctx.sentence_at(at)].start;
    let opens_sentence =
        !(sentence_start..at).any(|b| ctx.text.as_bytes()[b].is_ascii_alphanumeric());
    !opens_sentence
        || word.len() > 1 && word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        || {
            // The mentions are in text order: the one that may hold token `t` is the last
            // that starts at or before it. A person, an organisation, or a name of two
            // words or more ("Blood tests": one capitalised word opening a sentence is none).
            use crate::mentions::MentionKind;
            let list = &ctx.mentions.list;
            let i = list.partition_point(|m| m.tokens.start <= t);
            i > 0 && list[i - 1].tokens.contains(&t) && {
                let m = &list[i - 1];
                match m.kind {
                    MentionKind::Person | MentionKind::Organisation => true,
                    // "Graham said": a name that is the whole phrase; not "Blood" of "Blood
                    // tests revealed".
                    MentionKind::Proper => m.tokens.len() > 1 || m.tokens == *phrase,
                    _ => false,
                }
            }
        }
}

/// Words that open what follows a speaker phrase's head: a prepositional phrase or a
/// relative clause ("people familiar WITH the talks", "the buzz ON social media").
const POSTMODIFIER_OPENERS: &[&str] = &[
    "of", "on", "in", "at", "with", "from", "for", "about", "by", "to", "who", "that", "which",
    "whose", "under", "over", "across", "around", "near",
];

/// Quantities that stand for people when they open a speaker phrase alone or before "of"
/// ("Most said …", "most of them said …", "Several of the captains").
const QUANTITIES: &[&str] = &[
    "most", "all", "both", "several", "few", "none", "each", "many", "some", "half",
];

/// The nouns of `data/speaker_nouns.txt`: bodies and people in general.
static SPEAKER_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/speaker_nouns.txt")).collect());

/// True for "I" and "we" in the text's own voice, contracted too ("We've", "we’ll").
fn is_first_person(ctx: &Context, speaker: &ResolvedSpeaker) -> bool {
    if speaker.kind == NpKind::FirstPerson {
        return true;
    }
    matches!(contracted_base(ctx, speaker).as_str(), "i" | "we" | "let")
}

/// The speaker phrase in lower case up to an apostrophe: "we" for "We've", "he" for "He’s".
fn contracted_base(ctx: &Context, speaker: &ResolvedSpeaker) -> String {
    let mention = ascii_lower(&ctx.text[speaker.mention.clone()]).to_string();
    mention
        .split(['\'', '\u{2019}'])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// "R-Texas", "D-N.Y.", "I-Vt.": the party and state after a legislator's name.
fn is_party_label(mention: &str) -> bool {
    let b = mention.as_bytes();
    b.len() >= 4 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// True when a negation, a refusal or a modal stands right before the cue: "did not say",
/// "declined to say", "never said", "critics may argue" (nothing was said yet).
fn negated(ctx: &Context, cue: &Range<usize>) -> bool {
    let t = first_at_or_after(&ctx.tokens, cue.start);
    (t.saturating_sub(MAX_NEGATION_TOKENS)..t).any(|u| {
        ctx.tokens[u].is_word()
            && matches!(
                ascii_lower(ctx.word(u)).as_str(),
                "not"
                    | "never"
                    | "declined"
                    | "declines"
                    | "refused"
                    | "refuses"
                    | "refusal"
                    | "may"
                    | "might"
                    | "could"
                    | "would"
                    | "should"
            )
            || ctx.word(u).ends_with("n't")
            || ctx.word(u).ends_with("n’t")
    })
}

/// What a report's content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A clause: opened by "that" or a question word, or a subject and a finite verb.
    Clause,
    /// A noun phrase, an infinitive or a gerund: the object of an act, not words.
    Phrase,
    /// No verb at all, opened by a time word or a preposition: a date or a place.
    Adverbial,
}

/// Words that open an adverbial, not a clause, when they open a report's content ("said
/// Tuesday night in Columbia", "tweeted soon after the hearing").
const ADVERBIAL_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "according",
    "meanwhile",
    "soon",
    "since",
    "until",
    "amid",
    "following",
    "later",
    "earlier",
];

/// The shape of the content made of `tokens` (indices into the context's tokens).
fn clause_shape(ctx: &Context, tokens: &[usize]) -> Shape {
    let words: Vec<(usize, String)> = tokens
        .iter()
        .filter(|&&t| ctx.tokens[t].is_word())
        .map(|&t| (t, ascii_lower(ctx.word(t)).to_string()))
        .collect();
    let Some((first_token, first)) = words.first() else {
        return Shape::Adverbial;
    };
    // "But the valley is not doomed": a conjunction that opens the content is no part of it.
    if matches!(first.as_str(), "and" | "but" | "or" | "nor" | "so" | "yet") {
        return clause_shape(ctx, &tokens[1..]);
    }
    // "Thursday's protests" is a noun phrase, not a time.
    let possessive = ctx
        .tokens
        .get(first_token + 1)
        .is_some_and(|t| t.kind == TokenKind::Possessive);
    if !possessive && (is_time_word(first) || ADVERBIAL_OPENERS.contains(&first.as_str())) {
        // A fronted adverbial ends at its comma, and the clause follows ("At the time, there
        // were …"); without one the content is a time or a place ("Tuesday in Columbia").
        let limit = words.get(MAX_SUBJECT_WORDS).map_or(usize::MAX, |w| w.0);
        return match tokens
            .iter()
            .position(|&t| t < limit && ctx.is_punct(t, ','))
        {
            Some(comma) => clause_shape(ctx, &tokens[comma + 1..]),
            None => Shape::Adverbial,
        };
    }
    // A word or two ("the turnout", "That") is an object, not what someone said.
    if words.len() < MIN_CLAUSE_WORDS {
        return Shape::Phrase;
    }
    if CLAUSE_OPENERS.contains(&first.as_str()) {
        return Shape::Clause;
    }
    // In a title-case headline ("Okafor Says Bridge Will Reopen") verbs are capitalised too.
    let headline = words
        .iter()
        .filter(|(t, _)| ctx.word(*t).starts_with(|c: char| c.is_uppercase()))
        .count()
        * 2
        > words.len();
    let verb_at = words
        .iter()
        .take(MAX_SUBJECT_WORDS + 1)
        .enumerate()
        .find(|&(i, (t, w))| is_finite(ctx, &words, i, *t, w, headline))
        .map(|(i, _)| i);
    // An infinitive, or a gerund with no verb of the list after it: "being logged off the
    // service" is a phrase, "Selling a product is difficult" a clause.
    let gerund = first.ends_with("ing") && first.len() > 4;
    let listed_verb = words
        .iter()
        .skip(1)
        .take(MAX_SUBJECT_WORDS)
        .any(|(_, w)| FINITE_VERBS.contains(w.as_str()));
    let opens_phrase = first == "to" || (gerund && !listed_verb);
    match verb_at {
        // "The hard part, as Vell points out, IS that …": the subject stands before the
        // attribution, and an auxiliary or a copula opens the rest.
        Some(0) if FINITE_VERBS.contains(first.as_str()) => Shape::Clause,
        Some(i) if !opens_phrase && i > 0 => {
            // A relative pronoun before the verb makes the words a noun phrase with its
            // relative clause ("wait times that exceeded two hours").
            let relative = words[1..i]
                .iter()
                .any(|(_, w)| matches!(w.as_str(), "that" | "which" | "who" | "whom"));
            if relative {
                Shape::Phrase
            } else {
                Shape::Clause
            }
        }
        _ => Shape::Phrase,
    }
}

/// Words in -ed that are no past forms ("speed", "hundred", "sacred"; "-eed" words are left
/// out as a class: "speed", "need", "indeed").
const NOT_PAST_ED: &[&str] = &[
    "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "ragged", "crooked", "jagged",
    "beloved", "wretched", "rabid", "kilted", "bed", "embed",
];

/// Prepositions that open a phrase inside a subject.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "of", "for", "with", "from", "by", "about", "into", "over", "under",
];

/// Words after which a word in -ed is an adjective or a participle, not a finite verb ("than
/// expected results", "the infected areas", "a well-funded campaign").
const BEFORE_PARTICIPLE: &[&str] = &[
    "the", "a", "an", "than", "as", "more", "most", "less", "least", "very", "so", "too", "well",
    "its", "their", "his", "her", "our", "my", "your", "this", "these", "those", "of", "for",
    "with", "by", "in", "on", "at", "from", "to", "and", "or", "be", "been", "being", "newly",
];

/// True when the `i`-th word `w` (token `t`) of `words` is a finite verb: a form of
/// `data/finite_verbs.txt`, a word in -ed, a contraction, or a lower-case word right
/// after a subject pronoun ("they show"); capitalised past the first word only in a
/// `headline`.
fn is_finite(
    ctx: &Context,
    words: &[(usize, String)],
    i: usize,
    t: usize,
    w: &str,
    headline: bool,
) -> bool {
    if !headline && !ctx.word(t).starts_with(|c: char| c.is_lowercase()) && i > 0 {
        return false;
    }
    // After "to" a verb is an infinitive.
    if i > 0 && words[i - 1].1 == "to" {
        return false;
    }
    FINITE_VERBS.contains(w)
        || (w.len() > 4
            && w.ends_with("ed")
            && !w.ends_with("eed")
            && !NOT_PAST_ED.contains(&w)
            && (i == 0 || !BEFORE_PARTICIPLE.contains(&words[i - 1].1.as_str()))
            // "the allegations in a statement shared …": after a prepositional phrase a
            // word in -ed is a participle of its noun.
            && !words[..i]
                .iter()
                .skip(1)
                .any(|(_, w)| PREPOSITIONS.contains(&w.as_str())))
        || w.ends_with("n't")
        || w.ends_with("n’t")
        || [
            "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d",
        ]
        .iter()
        .any(|end| w.ends_with(end) && w.len() > end.len() + 1)
        || (i > 0
            && matches!(
                words[i - 1].1.as_str(),
                "he" | "she" | "it" | "they" | "we" | "i" | "you"
            ))
}
