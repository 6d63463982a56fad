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

use super::grammar::clause::MIN_CLAUSE_WORDS;
use super::grammar::np::NpKind;
use super::grammar::words::is_time_word;
use crate::attribution::context::Context;
use crate::attribution::finding::{IndirectFinding, ResolvedSpeaker};
use crate::lexicon::class::{
    ADVERBIAL_OPENER, ASIDE_OPENER, BEFORE_PARTICIPLE, CLAUSE_ADVERB, CLAUSE_OPENER,
    CUE_DETERMINER, DEFINITE, EVIDENCE_NOUN, FINITE_VERB, INNER_JOINER, NOT_NAME_PART, NOT_PAST_ED,
    PARTICIPLE_AUXILIARY, POSTMODIFIER_OPENER, QUANTITY, SPEAKER_NOUN, SUBJECT_PREPOSITION,
    UNNAMED_BODY,
};
use crate::lexicon::lookup;
use crate::mentions::lexicon::lexicon;
use crate::output::QuoteClass;
use crate::text::tokens::{first_at_or_after, TokenKind};
use crate::text::{ascii_lower, AsciiLower};

/// Words after which the finite verb of a clause must come: "the new tariffs on steel
/// WILL …" has its verb sixth.
pub const MAX_SUBJECT_WORDS: usize = 8;

/// Tokens before a cue searched for a negation or a refusal ("declined to say", "did not
/// say", "would not reveal").
const MAX_NEGATION_TOKENS: usize = 3;

/// What becomes of an indirect finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    /// Reported, as this class.
    Report(QuoteClass),
    /// Not reported, and why: `not-a-speaker`, `writer's-voice` (speech in the text's own
    /// "I" or "we"), `no-clause` (a date, a place, a word or two), `no-verb` (the cue word
    /// is a noun or an adjective: "its promising design"), `unresolved-description` ("the
    /// company said" where nothing names the company), `misresolved-pronoun` (a plural
    /// "they" given to one name).
    Drop(&'static str),
}

/// What becomes of a finding of class `class` (see the module documentation).
pub fn judge(ctx: &Context, found: &IndirectFinding, class: QuoteClass) -> Judgement {
    // A transcript turn is a paragraph its label gives to a speaker (ATT014 decides it).
    if found.verbatim {
        return Judgement::Report(class);
    }
    if let Some(speaker) = &found.finding.speaker {
        if !is_speaker(ctx, speaker) || inner_fragment(ctx, found, speaker) {
            return Judgement::Drop("not-a-speaker");
        }
        if class == QuoteClass::Speech {
            if is_first_person(ctx, speaker) {
                return Judgement::Drop("writer's-voice");
            }
            if unresolved_description(ctx, speaker) {
                return Judgement::Drop("unresolved-description");
            }
            if misresolved_pronoun(ctx, speaker) {
                return Judgement::Drop("misresolved-pronoun");
            }
            // "according to prison records", "Poll: …": what evidence or a label says.
            if evidence_source(ctx, found, speaker) || label_not_person(ctx, found, speaker) {
                return Judgement::Report(QuoteClass::Evidential);
            }
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
            && ctx.classes(t - 1) & CUE_DETERMINER != 0
        {
            return Judgement::Drop("no-verb");
        }
    }
    if class != QuoteClass::Speech {
        return Judgement::Report(class);
    }
    if let Some(speaker) = &found.finding.speaker {
        if participle_after_subject(ctx, found, speaker) {
            return Judgement::Drop("no-verb");
        }
        if cut_source(ctx, found, speaker) {
            return Judgement::Drop("not-a-speaker");
        }
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
            || crate::attribution::rule::cue_head(ctx.text, cue).eq_ignore_ascii_case("according")
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
    let lower = |t: usize| ascii_lower(ctx.word(t));
    // A verb or an adverb inside the phrase shows it runs into its clause ("Andrew also
    // spent 45 seconds", "The weather should ease by Thursday", "The company flatly").
    let runs_on = words.iter().skip(1).any(|&t| {
        let (written, w) = (ctx.word(t), lower(t));
        let lower_case = written.starts_with(|c: char| c.is_lowercase());
        ctx.classes(t) & CLAUSE_ADVERB != 0
            || (lower_case && is_finite_verb(&w))
            || (lower_case && w.len() > 4 && w.ends_with("ly") && !is_speaker_noun(&w))
    });
    // A phrase that ends in "to" is the start of a verb phrase ("His refusal to").
    if runs_on || lower(words[words.len() - 1]) == "to" {
        return false;
    }
    // The end of a longer name: "Prevention" of "the Center for Disease Control and
    // Prevention", "Verse" of "Chapter & Verse". One word only: "Matthew Dixon and Brent
    // Adamson show" names a second person.
    if tokens.start >= 2 && words.len() == 1 {
        let joiner = &ctx.text[ctx.tokens[tokens.start - 1].range()];
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
                && ctx.classes(words[0]) & QUANTITY != 0
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
                .find(|&t| ctx.classes(t) & POSTMODIFIER_OPENER != 0)
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
                        || is_speaker_noun(&w)
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
    let at = ctx.tokens[t].start();
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
            mention_at(ctx, t).is_some_and(|m| match m.kind {
                MentionKind::Person | MentionKind::Organisation => true,
                // "Graham said": a name that is the whole phrase; not "Blood" of "Blood
                // tests revealed".
                MentionKind::Proper => m.tokens().len() > 1 || m.tokens() == *phrase,
                _ => false,
            })
        }
}

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

/// True when the speaker phrase is cut from a longer phrase, which is the real subject: a
/// joiner of `data/inner_joiners.txt` between it and a word before it ("authorities in Beijing
/// announced" names no Beijing), or, for one capitalised word that is no person's name, a
/// capitalised word right before it that is no title ("European Union" read as "Union",
/// "BMJ Case Reports" as "Case").
fn inner_fragment(ctx: &Context, found: &IndirectFinding, speaker: &ResolvedSpeaker) -> bool {
    let tokens = token_range(ctx, &speaker.mention);
    let start = tokens.start;
    // A joiner that is the cue ("fell in the latest survey") joins nothing.
    let joiner_is_cue = found
        .finding
        .cue
        .as_ref()
        .is_some_and(|cue| cue.contains(&ctx.tokens[start.saturating_sub(1)].start()));
    if start >= 2
        && !joiner_is_cue
        && ctx.tokens[start - 1].is_word()
        && ctx.tokens[start - 2].is_word()
        && ctx.classes(start - 1) & INNER_JOINER != 0
    {
        return true;
    }
    // "Businesses and residents … say": the first of two joined subjects.
    let end = tokens.end;
    if end + 1 < ctx.tokens.len()
        && ctx.tokens[end].is_word()
        && matches!(ctx.word(end), "and" | "&")
        && ctx.tokens[end + 1].is_word()
        && !ctx.is_cue(end + 1)
    {
        return true;
    }
    let single = tokens.len() == 1 && ctx.tokens[start].is_word();
    if single && start >= 1 && ctx.tokens[start - 1].is_word() && !speaker.name.contains(' ') {
        let before = ctx.word(start - 1);
        return before.starts_with(|c: char| c.is_uppercase())
            && ctx.word(start).starts_with(|c: char| c.is_uppercase())
            && !lexicon().is_title(before)
            && ctx.classes(start - 1) & NOT_NAME_PART == 0;
    }
    false
}

/// True when the speaker is a description of one the text names ("the company", "The
/// utility", "his office", "Both men") that nothing resolved to a name: a quote database
/// would show "the company" as the speaker, so the report is left out where the text names
/// a body before it. Roles ("the spokesman", "the mayor"), plural heads ("the unions", "his
/// doctors") and bodies that go unnamed ("the police") stay.
fn unresolved_description(ctx: &Context, speaker: &ResolvedSpeaker) -> bool {
    let Some((first_token, first, head)) = plain_description(ctx, speaker) else {
        return false;
    };
    if ctx.classes(first_token) & DEFINITE == 0 {
        return false;
    }
    if lookup(&head).has(UNNAMED_BODY) {
        return false;
    }
    if first == "both" {
        return true;
    }
    // A role ("the spokesman", "the mayor") says who speaks; a body or a document ("the
    // company", "the report") says it only where the text names no body before it.
    let person_role = lexicon().is_role_noun(&head) && !lexicon().is_source_noun(&head);
    is_singular(&head) && !person_role && names_body_before(ctx, first_token)
}

/// True for a noun that does not look plural ("company", "press"; not "unions").
fn is_singular(noun: &str) -> bool {
    !noun.ends_with('s') || noun.ends_with("ss")
}

/// A speaker that nothing resolved and that is a plain description of two to four words,
/// all in lower case after the first ("the company", "The utility", "his office"; a clause
/// opener before it left out: "once the man"): its first word token, and its first and
/// last words in lower case.
fn plain_description(ctx: &Context, speaker: &ResolvedSpeaker) -> Option<(usize, String, String)> {
    let mention = &ctx.text[speaker.mention.clone()];
    if speaker.entity.is_some() || speaker.name != mention {
        return None;
    }
    let words: Vec<usize> = token_range(ctx, &speaker.mention)
        .filter(|&t| ctx.tokens[t].is_word())
        .skip_while(|&t| super::grammar::np::opens_clause(&ascii_lower(ctx.word(t))))
        .collect();
    if !(2..=4).contains(&words.len())
        || words[1..]
            .iter()
            .any(|&t| !ctx.word(t).starts_with(|c: char| c.is_lowercase()))
    {
        return None;
    }
    let lower = |t: usize| ascii_lower(ctx.word(t)).to_string();
    Some((words[0], lower(words[0]), lower(words[words.len() - 1])))
}

/// The body that a singular description of a body points back at in the commonest shapes
/// of news: a report before its attribution whose subject names the body ("Harlow Foods
/// will close six shops, the company said"), or a sentence opened by the description after
/// one whose subject names it ("Harlow Foods … . The company said …"). The subject is an
/// organisation, or a name of two words or more that is no person's nor a place's, within
/// the first three tokens. `None` otherwise: a body named elsewhere is a guess.
pub fn description_referent(ctx: &Context, found: &IndirectFinding) -> Option<String> {
    use crate::mentions::MentionKind;
    let speaker = found.finding.speaker.as_ref()?;
    let cue = found.finding.cue.as_ref()?;
    if found.lead.is_some() {
        return None;
    }
    // The subject to look at: the content's, when the content comes first; else the
    // subject of the sentence before, when the description opens its own sentence ("Harlow
    // Foods will close six shops. The company said it would …").
    let subject_from = if found.content.end <= cue.start {
        token_range(ctx, &found.content).start
    } else {
        let sentence = ctx.sentence_at(speaker.mention.start);
        let opens = token_range(ctx, &ctx.sentences[sentence]).start
            == token_range(ctx, &speaker.mention).start;
        if sentence == 0 || !opens {
            return None;
        }
        token_range(ctx, &ctx.sentences[sentence - 1]).start
    };
    let (_, first, head) = plain_description(ctx, speaker)?;
    if first != "the" || !lexicon().is_source_noun(&head) || !is_singular(&head) {
        return None;
    }
    let list = &ctx.mentions.list;
    let is_body = |m: &crate::mentions::Mention| {
        !m.in_quote
            && match m.kind {
                MentionKind::Organisation => true,
                MentionKind::Proper => {
                    m.tokens().len() > 1 && !lexicon().is_place(&ctx.text[m.range()])
                }
                _ => false,
            }
    };
    let i = list.partition_point(|m| m.tokens().start < subject_from);
    list.get(i)
        .filter(|m| is_body(m) && m.tokens().start < subject_from + 3)
        .map(|m| ctx.text[m.range()].to_string())
}

/// True when a mention of an organisation or another capitalised name that is no person's
/// stands before token `t`: the body a description points back at.
fn names_body_before(ctx: &Context, t: usize) -> bool {
    use crate::mentions::MentionKind;
    ctx.mentions
        .list
        .iter()
        .take_while(|m| m.tokens().end <= t)
        .any(|m| match m.kind {
            MentionKind::Organisation => true,
            // One capitalised word may only open its sentence ("Sales of the book fell");
            // an acronym ("PG&E") or two words name something.
            MentionKind::Proper => {
                m.tokens().len() > 1 || {
                    let w = ctx.word(m.tokens().start);
                    w.len() > 1 && !w.chars().any(char::is_lowercase)
                }
            }
            _ => false,
        })
}

/// True when the cue is a word in -ing right after its speaker with no auxiliary and no
/// comma between: "One Napa County reporting station" holds a modifier, not a verb (",
/// saying …" and "is saying" are verbs).
fn participle_after_subject(
    ctx: &Context,
    found: &IndirectFinding,
    speaker: &ResolvedSpeaker,
) -> bool {
    let Some(cue) = &found.finding.cue else {
        return false;
    };
    let t = first_at_or_after(&ctx.tokens, cue.start);
    let tokens = token_range(ctx, &speaker.mention);
    // The noun it modifies comes right after it ("reporting station hasn't …"); "with Audi
    // suggesting that …" reports a clause.
    let noun_next = t + 1 < ctx.tokens.len()
        && ctx.tokens[t + 1].is_word()
        && ctx.word(t + 1).starts_with(|c: char| c.is_lowercase())
        && ctx.classes(t + 1) & CLAUSE_OPENER == 0;
    t > 0
        && tokens.end == t
        && noun_next
        && ascii_lower(ctx.word(t)).ends_with("ing")
        && ctx.classes(t - 1) & PARTICIPLE_AUXILIARY == 0
}

/// True when "according to" names a source cut from its phrase: a word outside the content
/// follows the speaker with no comma between ("according to a report in the Ledger of
/// Leeds, …" read as "a report"; "according to a group representing farmers").
fn cut_source(ctx: &Context, found: &IndirectFinding, speaker: &ResolvedSpeaker) -> bool {
    let Some(cue) = &found.finding.cue else {
        return false;
    };
    if !crate::attribution::rule::cue_head(ctx.text, cue).eq_ignore_ascii_case("according") {
        return false;
    }
    // "according to Sui Lin of the Ledger": a person's full name stands on its own.
    let tokens = token_range(ctx, &speaker.mention);
    if speaker.name.contains(' ') && names_person(ctx, &tokens) {
        return false;
    }
    let end = tokens.end;
    end < ctx.tokens.len()
        && ctx.tokens[end].is_word()
        && !found.content.contains(&ctx.tokens[end].start())
}

/// True for "according to" data or records: the speaker phrase's last word, or the noun
/// after its possessive ("according to the researchers' calculations"), is a noun of
/// `data/evidence_nouns.txt`.
fn evidence_source(ctx: &Context, found: &IndirectFinding, speaker: &ResolvedSpeaker) -> bool {
    let Some(cue) = &found.finding.cue else {
        return false;
    };
    if !crate::attribution::rule::cue_head(ctx.text, cue).eq_ignore_ascii_case("according") {
        return false;
    }
    let tokens = token_range(ctx, &speaker.mention);
    let Some(last) = tokens.clone().rev().find(|&t| ctx.tokens[t].is_word()) else {
        return false;
    };
    let mut head = last;
    let after = tokens.end;
    if after + 1 < ctx.tokens.len()
        && (ctx.tokens[after].kind == TokenKind::Possessive
            || ctx.is_punct(after, '\'')
            || ctx.is_punct(after, '\u{2019}'))
        && ctx.tokens[after + 1].is_word()
    {
        head = after + 1;
    }
    lookup(&ascii_lower(ctx.word(head))).has(EVIDENCE_NOUN)
}

/// True for a report whose cue is a colon after a label that is no person's name with a
/// given name ("Poll: …", "Internal memo: …", a team's name over its notes): a headline's
/// or a section's label, not someone's words.
fn label_not_person(ctx: &Context, found: &IndirectFinding, speaker: &ResolvedSpeaker) -> bool {
    found
        .finding
        .cue
        .as_ref()
        .is_some_and(|cue| &ctx.text[cue.clone()] == ":")
        && !(names_person(ctx, &token_range(ctx, &speaker.mention))
            && speaker
                .name
                .split_whitespace()
                .next()
                .is_some_and(|first| lexicon().given_name(first).is_some()))
}

/// True when a person's name (a mention of kind `Person`) covers the first word of
/// `tokens`.
fn names_person(ctx: &Context, tokens: &Range<usize>) -> bool {
    mention_at(ctx, tokens.start).is_some_and(|m| m.kind == crate::mentions::MentionKind::Person)
}

/// The mention that holds token `t`, if any. The mentions are in text order: the one that
/// may hold it is the last that starts at or before it.
fn mention_at<'c>(ctx: &'c Context, t: usize) -> Option<&'c crate::mentions::Mention> {
    let list = &ctx.mentions.list;
    let i = list.partition_point(|m| m.tokens().start <= t);
    list[..i].last().filter(|m| m.tokens().contains(&t))
}

/// True for a pronoun resolved to what it cannot be: a plural "they" resolved to one name
/// ("Holcomb and the leaders … they said" given to the one named last; "they note" given
/// to a city) is a guess, and a wrong speaker is worse than none; "he" or "she" resolved
/// to a place or a body missed the person.
fn misresolved_pronoun(ctx: &Context, speaker: &ResolvedSpeaker) -> bool {
    let mention = &ctx.text[speaker.mention.clone()];
    let resolved = speaker.entity.is_some() || speaker.name != mention;
    match contracted_base(ctx, speaker).as_str() {
        "they" => resolved,
        // "he" or "she" resolved to a place or a body: the person was not found.
        "he" | "she" => speaker.entity.is_none() && speaker.name != mention,
        _ => false,
    }
}

/// Dashes that set off a writer's aside.
const DASHES: [char; 3] = ['—', '–', '―'];

/// Where the reported words end when the writer goes on after them in the same sentence:
/// at a semicolon ("Lee says the family was devout; his own stories mocked it"), or at a
/// dash that no second dash closes and that opens a clause of the writer's ("the approach
/// worked — and in some cases it did").
/// Only for content after its cue (content before the attribution ends at the
/// attribution); `None` when the content runs to its end, or when fewer than
/// `MIN_CLAUSE_WORDS` words would be left.
pub fn aside_start(ctx: &Context, found: &IndirectFinding) -> Option<usize> {
    let cue = found.finding.cue.as_ref()?;
    if found.content.start < cue.end || found.verbatim {
        return None;
    }
    let tokens = token_range(ctx, &found.content);
    let is_dash =
        |t: usize| matches!(ctx.tokens[t].kind, TokenKind::Punct(c) if DASHES.contains(&c));
    let dashes = tokens.clone().filter(|&t| is_dash(t)).count();
    // After the dash the writer goes on with a clause of their own ("— and", "— which");
    // a short contrast ("— not policy") is still the speaker's.
    let aside = |t: usize| {
        t + 1 < tokens.end && ctx.tokens[t + 1].is_word() && ctx.classes(t + 1) & ASIDE_OPENER != 0
    };
    let cut = tokens
        .clone()
        .find(|&t| ctx.is_punct(t, ';') || (dashes == 1 && is_dash(t) && aside(t)))?;
    let end = ctx.tokens[cut].start();
    let text = ctx.text[found.content.start..end].trim_end();
    let words = crate::attribution::words::word_count(text, MIN_CLAUSE_WORDS);
    (words >= MIN_CLAUSE_WORDS).then_some(found.content.start + text.len())
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
    // Back over the words right before the cue, never past punctuation: in "The ferry
    // will close in May, according to Lee" neither "May" nor a modal of the content before
    // the comma negates the cue. Written in lower case, so the month is no modal.
    (t.saturating_sub(MAX_NEGATION_TOKENS)..t)
        .rev()
        .take_while(|&u| ctx.tokens[u].is_word())
        .any(|u| {
            matches!(
                ctx.word(u),
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
                    | "Not"
                    | "Never"
            ) || ctx.word(u).ends_with("n't")
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

/// The shape of the content made of `tokens` (indices into the context's tokens).
fn clause_shape(ctx: &Context, tokens: &[usize]) -> Shape {
    // Lower-cased on the stack (`AsciiLower`): no allocation per word of the content.
    let words: Vec<(usize, AsciiLower<'_>)> = tokens
        .iter()
        .filter(|&&t| ctx.tokens[t].is_word())
        .map(|&t| (t, ascii_lower(ctx.word(t))))
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
    if !possessive && (is_time_word(first) || ctx.classes(*first_token) & ADVERBIAL_OPENER != 0) {
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
    if ctx.classes(*first_token) & CLAUSE_OPENER != 0 {
        // "reported Wednesday that the air quality": a short content whose "that" no verb
        // follows is cut off, no clause.
        if *first == "that" && words.len() <= MAX_CUT_THAT_WORDS {
            let rest = &words[1..];
            let verb =
                (rest.iter().enumerate()).any(|(i, (t, w))| is_finite(ctx, rest, i, *t, w, false));
            if !verb {
                return Shape::Phrase;
            }
        }
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
        .any(|(_, w)| is_finite_verb(w));
    let opens_phrase = *first == "to" || (gerund && !listed_verb);
    match verb_at {
        // "The hard part, as Vell points out, IS that …": the subject stands before the
        // attribution, and an auxiliary or a copula opens the rest.
        Some(0) if is_finite_verb(first) => Shape::Clause,
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

/// Longest content opened by "that" checked for a verb: a longer one is taken as a clause
/// whatever its verb (the finite-verb list is not complete).
const MAX_CUT_THAT_WORDS: usize = 4;

/// True when the `i`-th word `w` (token `t`) of `words` is a finite verb: a form of
/// `data/finite_verbs.txt`, a word in -ed, a contraction, or a lower-case word right
/// after a subject pronoun ("they show"); capitalised past the first word only in a
/// `headline`.
fn is_finite(
    ctx: &Context,
    words: &[(usize, AsciiLower<'_>)],
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
    is_finite_verb(w)
        || (w.len() > 4
            && w.ends_with("ed")
            && !w.ends_with("eed")
            && ctx.classes(t) & NOT_PAST_ED == 0
            && (i == 0 || ctx.classes(words[i - 1].0) & BEFORE_PARTICIPLE == 0)
            // "the allegations in a statement shared …": after a prepositional phrase a
            // word in -ed is a participle of its noun.
            && !words[..i]
                .iter()
                .skip(1)
                .any(|&(u, _)| ctx.classes(u) & SUBJECT_PREPOSITION != 0))
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

/// True for a finite verb form of `data/finite_verbs.txt`, as written (the list is in lower
/// case).
fn is_finite_verb(word: &str) -> bool {
    lookup(word).has(FINITE_VERB)
}

/// True for a noun of `data/speaker_nouns.txt` (bodies and people in general), as written.
fn is_speaker_noun(word: &str) -> bool {
    lookup(word).has(SPEAKER_NOUN)
}
