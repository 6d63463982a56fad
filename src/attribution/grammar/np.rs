//! Speaker noun phrases next to a cue: a name, a pronoun, or a description ("a spokesman").
//!
//! The rules call these finders with the token position where a speaker would stand; they
//! return the phrase and what kind of speaker it is, without any parser: names come from
//! [`crate::mentions`], descriptions end in a role noun from `data/role_nouns.txt`.

use crate::attribution::grammar::words::is_dash;
use crate::text::ascii_lower;
use std::ops::Range;

use super::words::starts_upper;
use crate::attribution::context::Context;
use crate::lexicon::class::{
    CUE_ADVERB, SPEAKER_DETERMINER, SPEAKER_PREMODIFIER, SPEAKER_STOP_WORD,
};
use crate::lexicon::lookup;
use crate::mentions::lexicon::lexicon;
use crate::mentions::MentionKind;
use crate::text::tokens::TokenKind;

/// Longest appositive between a name and its cue ("Smith, a senator from Ohio, said").
pub const MAX_APPOSITIVE_TOKENS: usize = 40;
/// Longest description phrase ("a senior White House spokesman").
pub const MAX_DESCRIPTION_TOKENS: usize = 7;
/// Longest sentence-opening subject accepted before a speech verb.
pub const MAX_SUBJECT_TOKENS: usize = 12;
/// Most tokens from a sentence's subject to a second, coordinated speech verb ("The
/// spokesman refused to answer questions but said …").
pub const MAX_COORDINATED_TOKENS: usize = 60;
/// Longest plain phrase accepted as a speaker right before a speech verb ("the man").
pub const MAX_GENERIC_TOKENS: usize = 3;
/// How many modifier words may stand before the name a speaker phrase ends in.
pub const MAX_PREMODIFIER_TOKENS: usize = 5;
/// Most plain modifier words before a role noun in a description without a determiner
/// ("presidential campaign spokesman").
pub const MAX_ROLE_MODIFIERS: usize = 3;
/// Most words of the group after a quantity's "of" ("52 percent of registered voters").
pub const MAX_QUANTITY_GROUP_TOKENS: usize = 4;
/// Most commas looked back over for the name an appositive describes.
pub const MAX_APPOSITIVE_COMMAS: usize = 4;
/// Longest parenthetical after a name ("Jason Chaffetz (R-Utah) said").
pub const MAX_PARENTHETICAL_TOKENS: usize = 8;

pub use crate::attribution::finding::NpKind;

/// A speaker phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerNp {
    /// Byte range of the phrase.
    pub range: Range<usize>,
    /// Token range of the phrase.
    pub tokens: Range<usize>,
    /// What it names.
    pub kind: NpKind,
    /// The person entity, for names of persons.
    pub entity: Option<usize>,
}

/// Conjunctions and subordinators that open a clause, never a speaker phrase ("But", "And",
/// "Although", "Before", "Despite").
pub fn opens_clause(lower: &str) -> bool {
    matches!(
        lower,
        "and"
            | "but"
            | "or"
            | "so"
            | "yet"
            | "then"
            | "although"
            | "though"
            | "before"
            | "after"
            | "despite"
            | "when"
            | "while"
            | "because"
            | "since"
            | "unless"
            | "whereas"
            | "meanwhile"
            | "however"
            | "once"
    )
}

/// Words that may stand between a speaker and a cue: "Smith also said", "he has said".
/// The words of `data/cue_adverbs.txt`, and a word in lower case that ends in "-ly" (not
/// "-ily", of more than four letters) or in "-edly".
pub fn is_cue_adverb(word: &str) -> bool {
    lookup(word).has(CUE_ADVERB) || is_ly_adverb(word)
}

/// The adverbs of [`is_cue_adverb`] that no list holds: a word in lower case in "-ly" (not
/// "-ily", of more than four letters) or in "-edly".
fn is_ly_adverb(word: &str) -> bool {
    let w = ascii_lower(word);
    !starts_upper(word)
        && (w.len() > 4 && w.ends_with("ly") && !w.ends_with("ily") || w.ends_with("edly"))
}

impl<'t> Context<'t> {
    /// True when token `i` is a speech cue word.
    pub fn is_cue(&self, i: usize) -> bool {
        self.cue_flag(i) != 0
    }

    /// True when token `i` is a cue that can introduce reported speech ("said", "argued").
    pub fn is_indirect_cue(&self, i: usize) -> bool {
        self.cue_flag(i) == 2
    }

    fn np_from_mention(&self, t: usize, ending: bool) -> Option<SpeakerNp> {
        let m = if ending {
            self.mentions.ending_at(t)?
        } else {
            self.mentions.starting_at(t)?
        };
        if m.in_quote {
            return None;
        }
        let kind = match m.kind {
            MentionKind::Person | MentionKind::Proper => NpKind::Name,
            MentionKind::Organisation => NpKind::Organisation,
            MentionKind::Pronoun(g) => {
                // Only subject forms name a speaker: "he said", not "his said"; "it" only
                // right before its verb and after a sentence start or a closing quote ("“…,”
                // it said", "It said …": a body or a document), not inside a report ("her
                // campaign said it expected …").
                let w = self.word(m.tokens().start);
                let t = m.tokens().start;
                let it_cue = ascii_lower(w) == "it"
                    && {
                        // "It said", "It has refused": its verb after at most two auxiliaries.
                        let mut v = m.tokens().end;
                        while v < self.tokens.len()
                            && v < m.tokens().end + 2
                            && self.tokens[v].is_word()
                            && crate::attribution::grammar::words::auxiliary(self.word(v)).is_some()
                        {
                            v += 1;
                        }
                        v < self.tokens.len() && (self.is_cue(v) || self.is_stance_verb(v))
                    }
                    && (t == 0
                        || !self.tokens[t - 1].is_word()
                        || matches!(ascii_lower(self.word(t - 1)).as_str(), "and" | "but"));
                if !matches!(ascii_lower(w).as_str(), "he" | "she" | "they") && !it_cue {
                    return None;
                }
                NpKind::Pronoun(g)
            }
            MentionKind::FirstPerson => {
                // Subject forms only: "I think", "we know", never "my" or "our".
                if !matches!(self.word(m.tokens().start), "I" | "we" | "We") {
                    return None;
                }
                // Beside quote marks "I" may be a quoted speaker's own voice carried on
                // ("But then I ask the people, ‘…’"), whose quote has its named speaker:
                // the author speaks only in sentences of their own.
                let s = self.sentence_at(m.range().start);
                if self.has_quote(self.sentence_tokens(s)) {
                    return None;
                }
                NpKind::FirstPerson
            }
        };
        Some(SpeakerNp {
            range: m.range(),
            tokens: m.tokens(),
            kind,
            entity: m.entity(),
        })
    }

    /// A description phrase whose head (a role noun) is token `head`, extended backwards
    /// over modifiers and a determiner, not before `floor`.
    fn description_ending_at(&self, head: usize, floor: usize) -> Option<SpeakerNp> {
        let lex = lexicon();
        if !self.tokens[head].is_word() || !lex.is_role_noun(self.word(head)) {
            return None;
        }
        let mut start = head;
        while start > floor && head - start + 1 < MAX_DESCRIPTION_TOKENS {
            let prev = start - 1;
            let t = &self.tokens[prev];
            if t.kind == TokenKind::Possessive || self.is_bare_possessive(prev, floor) {
                start = prev;
                continue;
            }
            if !t.is_word() {
                break;
            }
            if self.classes(prev) & SPEAKER_DETERMINER != 0 {
                start = prev;
                break;
            }
            if self.classes(prev) & SPEAKER_STOP_WORD != 0 || self.is_cue(prev) {
                break;
            }
            start = prev;
        }
        Some(self.description(start..head + 1))
    }

    /// The speaker phrase that ends just before token `end` (so at `end - 1`), looking over
    /// an appositive between commas; not before token `floor`.
    pub fn np_ending_before(&self, end: usize, floor: usize) -> Option<SpeakerNp> {
        if end == 0 || end <= floor {
            return None;
        }
        let last = end - 1;
        if self.is_punct(last, ')') {
            // "Jason Chaffetz (R-Utah) said": step back over the parenthetical.
            let lowest = last.saturating_sub(MAX_PARENTHETICAL_TOKENS).max(floor);
            match (lowest..last).rev().find(|&k| self.is_punct(k, '(')) {
                Some(open) if open > floor => return self.np_ending_before(open, floor),
                _ => return None,
            }
        }
        // "Jason Sims — a teacher from Mount Pleasant — says": an appositive between dashes
        // leads back to the name before it. "The justice -- who had clashed with him --
        // said", "Many speakers at the service — including pastors — said": a parenthetical
        // between dashes after the subject that opens the sentence or its clause.
        if is_dash(self, last) {
            let close = self.dash_run_start(last, floor);
            let lowest = close.saturating_sub(MAX_APPOSITIVE_TOKENS).max(floor);
            let open = (lowest..close).rev().find(|&k| {
                is_dash(self, k)
                    || self.is_punct(k, '.')
                    || self.tokens[k].kind == TokenKind::Break
                    || self.is_cue(k)
            })?;
            if !is_dash(self, open) || open <= floor {
                return None;
            }
            let open = self.dash_run_start(open, floor);
            if open <= floor || !self.tokens[open - 1].is_word() {
                return None;
            }
            // "an interview with the Daily News -- in which … -- raised": a name after a
            // preposition is no subject.
            return self
                .subject_before(open, floor)
                .filter(|np| !self.follows_preposition(np.tokens.start, floor))
                .or_else(|| self.sentence_subject(floor, open))
                .or_else(|| self.subject_after_boundary(floor, open));
        }
        if self.is_punct(last, ',') {
            // "Its managing director, Adebayo Okonkwo, put it": the name is the appositive.
            if let Some(np) = self.np_from_mention(last.saturating_sub(1), true) {
                let opens = np.tokens.start > floor && self.is_punct(np.tokens.start - 1, ',');
                if np.kind == NpKind::Name && opens {
                    return Some(np);
                }
            }
            // "Mich Mathews, Microsoft's senior vice president of corporate marketing, said"
            // "Paul Porter, a driver from Ava, Mo., who is a member, said", "Rep. Ann Lee
            // (D-Md.), chair of the panel, said": past the first comma, only a person or an
            // organisation that opens the sentence or follows a comma is the speaker.
            let lowest = last.saturating_sub(MAX_APPOSITIVE_TOKENS).max(floor);
            let mut k = last;
            let mut commas = 0;
            // "…, saying": a participle after the comma reports the sentence's subject.
            let verb = self.skip_adverbs_forward(end, self.tokens.len());
            let participle_follows = self
                .tokens
                .get(verb)
                .is_some_and(|t| t.is_word() && ascii_lower(self.word(verb)).ends_with("ing"));
            let mut fallback = None;
            while k > lowest {
                k -= 1;
                let t = &self.tokens[k];
                if t.kind == TokenKind::Punct(',') {
                    commas += 1;
                    let np = if k > floor && self.is_punct(k - 1, ')') {
                        let low = (k - 1).saturating_sub(MAX_PARENTHETICAL_TOKENS).max(floor);
                        (low..k - 1)
                            .rev()
                            .find(|&o| self.is_punct(o, '('))
                            .and_then(|o| self.np_simple_ending_at(o, floor))
                    } else {
                        self.np_simple_ending_at(k, floor)
                    };
                    // "a baker from Dover, who …": a place after a preposition is no speaker.
                    let after_preposition = np
                        .as_ref()
                        .is_some_and(|np| self.follows_preposition(np.tokens.start, floor));
                    // "Even the field's biggest hawks, like Lee and Ray, say": the subject
                    // that opens the sentence, before an appositive of any kind; not an
                    // opening adverbial ("In 2016, Lee endorsed Ray, saying …").
                    // "Others, however, say", "Most, in fact, said": a quantity that speaks.
                    if commas == 1 && np.is_none() && !participle_follows {
                        // It opens the sentence: "Woodrow Lee, 58, said" has an age there.
                        if let Some(q) = self
                            .quantity_ending_at(k, floor)
                            .filter(|q| q.tokens.start == floor && !is_number(self.word(k - 1)))
                        {
                            return Some(q);
                        }
                    }
                    if commas == 1 && np.is_none() && !participle_follows {
                        if let Some(subject) = self
                            .sentence_subject(floor, k)
                            .filter(|np| !self.opens_adverbial_phrase(np.tokens.start))
                        {
                            // "The museum's curator, Dr. Ada Obi, said": a name the mention
                            // finder does not know, set off by the commas, speaks.
                            let name = (k + 1..last).all(|t| {
                                self.is_punct(t, '.')
                                    || self.tokens[t].is_word()
                                        && crate::mentions::is_capitalised(self.word(t))
                            }) && last > k + 2;
                            if name {
                                return Some(self.description(k + 1..last));
                            }
                            return Some(subject);
                        }
                    }
                    if commas == 1 && np.is_some() {
                        if !after_preposition {
                            return np;
                        }
                        // "Sen. Ann Lee of Texas, the No. 2 Republican, said": the person the
                        // preposition follows; "Officials at the agency, a division of …": a
                        // description, unless a name stands before it.
                        let owner = np
                            .as_ref()
                            .and_then(|np| self.preposition_before(np.tokens.start, floor))
                            .and_then(|p| self.np_simple_ending_at(p, floor))
                            .filter(|o| !self.follows_preposition(o.tokens.start, floor));
                        match owner {
                            Some(o) if o.kind == NpKind::Name && o.entity.is_some() => {
                                return Some(o);
                            }
                            Some(o) if o.kind == NpKind::Description => fallback = Some(o),
                            _ => fallback = np.clone(),
                        }
                    }
                    // "Sen. Marco Rubio, R-Fla., who …, said": a title may stand before it.
                    let opens_clause = |np: &SpeakerNp| {
                        np.tokens.start == floor
                            || self.is_punct(np.tokens.start - 1, ',')
                            || (floor..np.tokens.start).all(|t| {
                                self.tokens[t].is_word() && lexicon().is_title(self.word(t))
                                    || self.is_punct(t, '.')
                            })
                    };
                    if let Some(np) = np.filter(|np| {
                        matches!(np.kind, NpKind::Name | NpKind::Organisation) && opens_clause(np)
                    }) {
                        return Some(np);
                    }
                    if commas == MAX_APPOSITIVE_COMMAS {
                        return fallback;
                    }
                    continue;
                }
                // "Ava, Mo., who …", "Chris Lee, R-N.Y., said": the period of an abbreviation
                // before a comma (of a capitalised word or of one with periods inside); "the
                // No. 2 Republican": one that no capital follows.
                let abbreviation = t.kind == TokenKind::Punct('.')
                    && k > floor
                    && self.tokens[k - 1].is_word()
                    && if self.is_punct(k + 1, ',') {
                        let w = self.word(k - 1);
                        crate::mentions::is_capitalised(w) || starts_upper(w) && w.contains('.')
                    } else {
                        self.tokens[k + 1].is_word() && !starts_upper(self.word(k + 1))
                    };
                // "Barkley, who said he votes Democratic, said …": a relative clause's own verb.
                let relative_cue = k > floor && self.is(k - 1, "who");
                if matches!(t.kind, TokenKind::Break)
                    || matches!(t.kind, TokenKind::Punct(c) if is_quote_mark(c) || c == '.')
                        && !abbreviation
                    || self.is_cue(k) && !relative_cue
                {
                    return fallback;
                }
            }
            return fallback;
        }
        self.np_simple_ending_at(end, floor)
    }

    /// True when the phrase that starts at token `t` is the object of a preposition, with
    /// perhaps "the" or a title between ("with the Daily News", "of Governor Pell").
    fn follows_preposition(&self, t: usize, floor: usize) -> bool {
        self.preposition_before(t, floor).is_some()
    }

    /// The preposition whose object is the phrase that starts at token `t`: see
    /// [`Context::follows_preposition`].
    fn preposition_before(&self, t: usize, floor: usize) -> Option<usize> {
        let lex = lexicon();
        let mut t = t;
        let mut n = 0;
        while t > floor
            && n < 3
            && (self.is(t - 1, "the")
                || self.tokens[t - 1].is_word() && lex.is_title(self.word(t - 1)))
        {
            t -= 1;
            n += 1;
        }
        (t > floor
            && matches!(
                ascii_lower(self.word(t - 1)).as_str(),
                "in" | "of"
                    | "from"
                    | "at"
                    | "for"
                    | "with"
                    | "by"
                    | "on"
                    | "near"
                    | "across"
                    | "against"
            ))
        .then(|| t - 1)
    }

    /// True when token `t` is an apostrophe that makes the plural or the name in "s" before
    /// it possessive ("Sanders' campaign", "the voters’ choice"): a lower-case word follows.
    pub(crate) fn is_bare_possessive(&self, t: usize, floor: usize) -> bool {
        matches!(self.tokens[t].kind, TokenKind::Punct('\'' | '\u{2019}'))
            && t > floor
            && self.tokens[t - 1].is_word()
            && self.word(t - 1).ends_with('s')
            && self.tokens.get(t + 1).is_some_and(|n| n.is_word())
            && !starts_upper(self.word(t + 1))
    }

    /// True when the word at token `t` opens an adverbial phrase or clause, not a subject
    /// ("In 2016", "During the debate", "Hours later", "Speaking on Monday").
    fn opens_adverbial_phrase(&self, t: usize) -> bool {
        let w = ascii_lower(self.word(t));
        w.ends_with("ing")
            || matches!(
                w.as_str(),
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "since"
                    | "when"
                    | "while"
                    | "as"
                    | "if"
                    | "because"
                    | "although"
                    | "though"
                    | "back"
                    | "for"
                    | "by"
                    | "with"
                    | "from"
                    | "over"
                    | "under"
                    | "until"
                    | "despite"
                    | "like"
                    | "unlike"
                    | "amid"
                    | "among"
                    | "about"
                    | "following"
                    | "earlier"
                    | "later"
                    | "hours"
                    | "days"
                    | "weeks"
                    | "months"
                    | "years"
                    | "first"
                    | "then"
                    | "now"
                    | "still"
                    | "yet"
                    | "so"
                    | "and"
                    | "but"
                    | "or"
                    | "to"
                    | "of"
                    | "once"
                    | "meanwhile"
                    | "however"
                    | "instead"
                    | "indeed"
                    | "also"
                    | "again"
                    | "last"
                    | "this"
                    | "next"
            )
    }

    /// The first dash of the run of dashes that ends at token `t` ("--" is two tokens), not
    /// before `floor`.
    fn dash_run_start(&self, mut t: usize, floor: usize) -> usize {
        while t > floor && is_dash(self, t - 1) {
            t -= 1;
        }
        t
    }

    /// The speaker phrase whose last token is `end - 1`, without appositive.
    pub fn np_simple_ending_at(&self, end: usize, floor: usize) -> Option<SpeakerNp> {
        if end == 0 || end <= floor {
            return None;
        }
        let last = end - 1;
        self.np_from_mention(last, true)
            .or_else(|| self.description_ending_at(last, floor))
    }

    /// A plain definite or indefinite phrase, "the man", "one voter", "a woman in the crowd"
    /// is too loose to be a speaker on its own; right before a speech verb it is one. Returns
    /// the phrase that starts at `start` when a cue follows it directly.
    pub fn generic_np_before_cue(&self, start: usize, limit: usize) -> Option<(SpeakerNp, usize)> {
        if start >= limit || !self.tokens.get(start)?.is_word() {
            return None;
        }
        let first = ascii_lower(self.word(start));
        if !matches!(first.as_str(), "the" | "a" | "an" | "one") {
            return None;
        }
        let mut t = start + 1;
        while t < limit && t <= start + MAX_GENERIC_TOKENS {
            if self.is_cue(t) {
                if t == start + 1 {
                    return None;
                }
                let head = t - 1;
                let np = self.description(start..head + 1);
                return Some((np, t));
            }
            let tok = &self.tokens[t];
            if !(tok.is_word() || tok.kind == TokenKind::Possessive)
                || self.classes(t) & SPEAKER_STOP_WORD != 0
            {
                return None;
            }
            t += 1;
        }
        None
    }

    /// A description ("a campaign spokesman", "a CNN poll") over the non-empty token range
    /// `tokens`.
    pub fn description(&self, tokens: Range<usize>) -> SpeakerNp {
        SpeakerNp {
            range: self.tokens[tokens.start].start()..self.tokens[tokens.end - 1].end(),
            tokens,
            kind: NpKind::Description,
            entity: None,
        }
    }

    /// The role noun that ends a run of at most [`MAX_ROLE_MODIFIERS`] plain words starting
    /// at token `t` ("campaign spokesman", "election officials", "officials"), before
    /// `limit`: the words are lower case (the first may be capitalised, "Trump campaign
    /// aides" read from "Trump") and no function words or cues.
    pub fn role_after(&self, t: usize, limit: usize) -> Option<usize> {
        let lex = lexicon();
        let mut u = t;
        while u < limit && u < t + MAX_ROLE_MODIFIERS + 1 {
            let tok = &self.tokens[u];
            if tok.kind == TokenKind::Possessive && u > t {
                u += 1;
                continue;
            }
            if !tok.is_word() || self.is_cue(u) {
                return None;
            }
            let w = self.word(u);
            let lower = w.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
            let capital_first = u == t && w.chars().next().is_some_and(char::is_uppercase);
            if !(lower || capital_first) {
                return None;
            }
            if lower && lex.is_role_noun(w) {
                return Some(u);
            }
            if self.classes(u) & (SPEAKER_STOP_WORD | SPEAKER_DETERMINER) != 0
                || self.is_cue_adverb_at(u)
                || crate::mentions::pronoun(w).is_some()
            {
                return None;
            }
            u += 1;
        }
        None
    }

    /// The speaker phrase that starts at token `start`, not reaching `limit`.
    pub fn np_starting_at(&self, start: usize, limit: usize) -> Option<SpeakerNp> {
        if start >= limit {
            return None;
        }
        let lex = lexicon();
        let mut t = start;
        // "said Sen. Smith": step over a title.
        if self.tokens[t].is_word() && lex.is_title(self.word(t)) && t + 1 < limit {
            if let Some(np) = self.np_from_mention(t + 1, false) {
                return Some(np);
            }
        }
        // "former Rep. George Miller", "Army Capt. Christian Pardo", "Utah governor Mike
        // Leavitt": a person named within a few modifier words is the speaker.
        let mut u = t;
        if matches!(ascii_lower(self.word(t)).as_str(), "the" | "a" | "an") {
            u += 1;
        }
        while u < limit && u < t + MAX_PREMODIFIER_TOKENS {
            if let Some(m) = self.mentions.starting_at(u) {
                // "Trump campaign spokesman Jason Miller": a name that modifies a role is
                // not the speaker; the name after the role may be.
                if m.kind == MentionKind::Person
                    && !m.in_quote
                    && self.role_after(m.tokens().end, limit).is_none()
                {
                    return self.np_from_mention(u, false);
                }
            }
            let tok = &self.tokens[u];
            let w = self.word(u);
            // "U.S. District Judge …": the period of an abbreviation.
            let abbreviation_period = tok.kind == TokenKind::Punct('.')
                && u > t
                && self.tokens[u - 1].is_word()
                && self.word(u - 1).contains('.');
            let modifier = tok.kind == TokenKind::Possessive
                || abbreviation_period
                || (tok.is_word()
                    && !self.is_cue(u)
                    // The capital first, cheapest: names make most of these runs.
                    && (w.chars().next().is_some_and(char::is_uppercase)
                        || self.classes(u) & SPEAKER_PREMODIFIER != 0
                        || lex.is_title(w)
                        || lex.is_role_noun(w)));
            if !modifier {
                break;
            }
            u += 1;
        }
        if let Some(np) = self.np_from_mention(t, false) {
            // "Clinton aides", "Obama administration officials": the name modifies a role.
            let modifies_role = matches!(np.kind, NpKind::Name | NpKind::Organisation)
                && self.role_after(np.tokens.end, limit).is_some();
            if np.tokens.end <= limit && !modifies_role {
                return Some(np);
            }
        }
        // "former Gov. Smith" reads past "former"; "campaign aides" keeps its modifier.
        if self.classes(t) & SPEAKER_PREMODIFIER != 0
            && t + 1 < limit
            && (lex.is_title(self.word(t + 1)) || self.role_after(t, limit).is_none())
        {
            return self.np_starting_at(t + 1, limit);
        }
        // "the Daily Caller", "The Hill": a determiner before a name.
        let first = ascii_lower(self.word(t));
        if matches!(first.as_str(), "the" | "a" | "an") && t + 1 < limit {
            if let Some(np) = self.np_from_mention(t + 1, false) {
                if matches!(np.kind, NpKind::Name | NpKind::Organisation)
                    && np.tokens.end <= limit
                    && self.role_after(np.tokens.end, limit).is_none()
                {
                    return Some(np);
                }
            }
        }
        // A description: up to a role noun head, then the longest run of role nouns. Without
        // a determiner, a few plain modifier words may lead to the head ("election
        // officials", "Trump campaign aides").
        if !self.tokens[t].is_word() {
            return None;
        }
        let modifier_led =
            self.classes(t) & SPEAKER_DETERMINER == 0 && !lex.is_role_noun(self.word(t));
        if modifier_led && self.role_after(t, limit).is_none() {
            return None;
        }
        let mut head = None;
        while t < limit && t < start + MAX_DESCRIPTION_TOKENS {
            let tok = &self.tokens[t];
            if tok.kind == TokenKind::Possessive {
                t += 1;
                continue;
            }
            if !tok.is_word() || self.is_cue(t) {
                break;
            }
            if lex.is_role_noun(self.word(t)) {
                head = Some(t);
            } else if head.is_some() {
                break;
            }
            t += 1;
        }
        let head = head?;
        // "spokesman Sean Spicer": the name after the role is the speaker.
        if let Some(np) = self.np_from_mention(head + 1, false) {
            if np.kind == NpKind::Name && np.tokens.end <= limit {
                return Some(np);
            }
        }
        // "The authority's planning chief, Henrik Lund, defended …": so is a person's name
        // set off by commas right after it.
        if head + 2 < limit && self.is_punct(head + 1, ',') {
            if let Some(np) = self.np_from_mention(head + 2, false) {
                let closed = np.tokens.end < limit && self.is_punct(np.tokens.end, ',');
                if np.entity.is_some() && closed {
                    return Some(np);
                }
            }
        }
        Some(self.description(start..head + 1))
    }

    /// The speaker of a speech verb whose subject ends at `end`: the phrase right before it,
    /// unless that phrase is the object of a preposition ("Shoppers in Leeds told us"), in
    /// which case the sentence-opening subject that holds it.
    pub fn subject_before(&self, end: usize, floor: usize) -> Option<SpeakerNp> {
        let np = self.np_ending_before(end, floor);
        // "Voters in Iowa", "Officials at the port authority", "the office of Gov. Lee".
        let in_pp = np
            .as_ref()
            .is_some_and(|np| self.follows_preposition(np.tokens.start, floor));
        if in_pp {
            // "Anja Lenz of the Valley Alliance said": the person the preposition follows,
            // when the subject opens with them ("Supporters of Lee said" is no report of Lee's).
            let owner = np
                .as_ref()
                .and_then(|np| self.preposition_before(np.tokens.start, floor))
                // A preposition that opens the text has no owner before it.
                .filter(|&p| p > floor)
                .and_then(|p| self.np_from_mention(p - 1, true))
                .filter(|o| {
                    let opens = (floor..o.tokens.start)
                        .rev()
                        .find(|&t| self.is_punct(t, ','))
                        .map_or(floor, |c| c + 1);
                    // A person, or a name of two words the lexicon does not know.
                    o.kind == NpKind::Name
                        && (o.entity.is_some() || o.tokens.len() >= 2)
                        && self
                            .np_starting_at(opens, end)
                            .is_some_and(|n| n.tokens == o.tokens)
                });
            if owner.is_some() {
                return owner;
            }
            // "the 40 percent of residents": the quantity that holds the group.
            let of = np
                .as_ref()
                .is_some_and(|np| self.is(np.tokens.start - 1, "of"));
            if let Some(q) = of.then(|| self.quantity_ending_at(end, floor)).flatten() {
                return Some(q);
            }
            if let Some(subject) = self.sentence_subject(floor, end) {
                return Some(subject);
            }
        }
        // "52 percent of voters said", "most said", "one in four said".
        let part_of = np
            .as_ref()
            .is_none_or(|np| np.kind == NpKind::Description && np.tokens.start > floor && in_pp);
        if part_of {
            if let Some(q) = self.quantity_ending_at(end, floor) {
                return Some(q);
            }
        }
        np
    }

    /// A quantity of people that speaks as a group, ending at token `end - 1`: "52 percent",
    /// "most", "nearly half", "one in four", "a majority of Americans", "most of them". It
    /// must open its clause: the word before it is no preposition, name or pronoun.
    pub fn quantity_ending_at(&self, end: usize, floor: usize) -> Option<SpeakerNp> {
        self.quantity_phrase(end, floor, false)
    }

    /// [`Context::quantity_ending_at`]; `relative` when a "who" follows the phrase, which
    /// then may stand anywhere ("among the 40 percent of residents who said …").
    pub fn quantity_phrase(&self, end: usize, floor: usize, relative: bool) -> Option<SpeakerNp> {
        if end == 0 || end <= floor {
            return None;
        }
        let last = end - 1;
        let mut head = last;
        // "… of voters", "… of them": the group after "of", a few plain words.
        let lowest = last.saturating_sub(MAX_QUANTITY_GROUP_TOKENS).max(floor);
        if let Some(of) = (lowest..=last).rev().find(|&k| self.is(k, "of")) {
            let plain = (of + 1..end).all(|k| {
                let t = &self.tokens[k];
                t.kind == TokenKind::Possessive
                    || (t.is_word()
                        && !self.is_cue(k)
                        && !self.word(k).contains(['’', '\''])
                        && !matches!(
                            ascii_lower(self.word(k)).as_str(),
                            "that"
                                | "which"
                                | "who"
                                | "whom"
                                | "and"
                                | "or"
                                | "but"
                                | "it"
                                | "while"
                                | "when"
                                | "as"
                                | "if"
                                | "since"
                                | "because"
                                | "i"
                                | "we"
                                | "you"
                                | "he"
                                | "she"
                                | "they"
                        ))
            });
            if !plain || of == floor || of + 1 == end {
                return None;
            }
            head = of - 1;
        }
        if !self.is_quantity(head) {
            return None;
        }
        let mut start = head;
        let w = ascii_lower(self.word(head));
        if w == "percent" || w == "%" {
            if start == floor || !is_number(self.word(start - 1)) {
                return None;
            }
            start -= 1;
        }
        // "one in four", "two out of three"
        if start >= floor + 2 && self.is(start - 1, "in") && is_number(self.word(start - 2)) {
            start -= 2;
        }
        let mut n = 0;
        while start > floor && n < 3 {
            let before = ascii_lower(self.word(start - 1));
            if matches!(
                before.as_str(),
                "nearly"
                    | "about"
                    | "almost"
                    | "roughly"
                    | "only"
                    | "just"
                    | "over"
                    | "some"
                    | "a"
                    | "the"
                    | "than"
                    | "around"
                    | "fully"
                    | "barely"
                    | "but"
            ) && self.tokens[start - 1].is_word()
            {
                start -= 1;
                n += 1;
            } else {
                break;
            }
        }
        // "more than half", "all but two": the word the "than" or "but" needs.
        if start > floor && (self.is(start, "than") || self.is(start, "but")) {
            let before = ascii_lower(self.word(start - 1));
            if !matches!(before.as_str(), "more" | "less" | "fewer" | "all") {
                return None;
            }
            start -= 1;
        } else if self.is(start, "than") || self.is(start, "but") {
            return None;
        }
        if start > floor && !relative {
            let t = &self.tokens[start - 1];
            let before = self.word(start - 1);
            let blocked = t.is_word()
                && (self.classes(start - 1) & SPEAKER_STOP_WORD != 0
                    && !matches!(
                        ascii_lower(before).as_str(),
                        "and"
                            | "but"
                            | "that"
                            | "which"
                            | "where"
                            | "while"
                            | "when"
                            | "because"
                            | "as"
                            | "if"
                    )
                    || crate::mentions::pronoun(before).is_some()
                    || crate::mentions::is_capitalised(before)
                    || matches!(ascii_lower(before).as_str(), "among" | "about" | "than"));
            if blocked || t.kind == TokenKind::Possessive {
                return None;
            }
        }
        Some(self.description(start..end))
    }

    /// True when token `t` counts people: a number (not a year), "percent", or a word such
    /// as "most", "half", "majority".
    pub fn is_quantity(&self, t: usize) -> bool {
        let tok = &self.tokens[t];
        if tok.kind == TokenKind::Punct('%') {
            return true;
        }
        if !tok.is_word() {
            return false;
        }
        let w = self.word(t);
        if is_number(w) {
            let year = w.len() == 4
                && w.bytes().all(|b| b.is_ascii_digit())
                && (w.starts_with("19") || w.starts_with("20"));
            return !year;
        }
        matches!(
            ascii_lower(w).as_str(),
            "percent"
                | "most"
                | "many"
                | "some"
                | "few"
                | "half"
                | "majority"
                | "minority"
                | "plurality"
                | "third"
                | "thirds"
                | "quarter"
                | "quarters"
                | "others"
                | "several"
                | "both"
                | "dozens"
                | "hundreds"
                | "thousands"
        )
    }

    /// The subject that opens a sentence and runs up to the verb at `verb`: "The deputy head
    /// of China's delegation to the forum said …", "People with direct knowledge of the talks
    /// said …". Only used right before a speech verb; at most [`MAX_SUBJECT_TOKENS`] words,
    /// no commas, no clause words.
    pub fn sentence_subject(&self, start: usize, verb: usize) -> Option<SpeakerNp> {
        self.subject_phrase(start, verb, false)
    }

    /// The subject of a speech verb in a clause that follows a comma or dash inside the
    /// sentence: "Until the plant closed, most of them said …", "…, critics in both parties
    /// say …". Like [`Context::sentence_subject`], and it may also open with a lower-case
    /// determiner or quantifier.
    pub fn clause_subject(&self, start: usize, verb: usize) -> Option<SpeakerNp> {
        self.subject_phrase(start, verb, true)
    }

    fn subject_phrase(&self, start: usize, verb: usize, in_clause: bool) -> Option<SpeakerNp> {
        if start >= verb || verb - start > MAX_SUBJECT_TOKENS {
            return None;
        }
        let first = self.word(start);
        let opens = first.chars().next().is_some_and(char::is_uppercase)
            || (in_clause
                && (self.classes(start) & SPEAKER_DETERMINER != 0
                    || matches!(
                        ascii_lower(first).as_str(),
                        "all" | "each" | "every" | "none" | "half" | "dozens" | "hundreds"
                    )));
        if !opens || !self.tokens[start].is_word() {
            return None;
        }
        for t in start..verb {
            let tok = &self.tokens[t];
            let ok = match tok.kind {
                TokenKind::Word => {
                    let w = ascii_lower(self.word(t));
                    // "One of the things I’ve always found": a first-person clause.
                    let first_person = ["i’", "i'", "we’", "we'", "you’", "you'"]
                        .iter()
                        .any(|p| w.starts_with(p));
                    !self.is_cue(t)
                        && !first_person
                        && !matches!(
                            w.as_str(),
                            "that"
                                | "which"
                                | "if"
                                | "when"
                                | "because"
                                | "while"
                                | "is"
                                | "was"
                                | "are"
                                | "were"
                                | "has"
                                | "have"
                                | "had"
                                | "will"
                                | "would"
                                | "i"
                                | "we"
                                | "you"
                        )
                }
                TokenKind::Possessive => true,
                TokenKind::Punct(c) => c == '-' || c == '\u{2019}' || c == '\'',
                TokenKind::Break => false,
            };
            if !ok {
                return None;
            }
        }
        // A lone capitalised word is a name the mention finder did not know, or a sentence
        // adverb ("Meanwhile said" does not occur); require a noun phrase of two words or a
        // known mention.
        if verb - start == 1 && self.mentions.starting_at(start).is_none() {
            return None;
        }
        // "Cruz on Tuesday said", "Jeb Bush in a blog post said": a person and a phrase of
        // time or place; the person speaks.
        let person = self.np_starting_at(start, verb).filter(|np| {
            np.kind == NpKind::Name
                && np.entity.is_some()
                && np.tokens.end < verb
                && self.tokens[np.tokens.end].is_word()
                && matches!(
                    ascii_lower(self.word(np.tokens.end)).as_str(),
                    "in" | "on" | "at" | "during" | "after" | "before" | "last" | "this" | "of"
                )
        });
        if person.is_some() {
            return person;
        }
        Some(self.description(start..verb))
    }

    /// The subject of a verb at `verb` in a clause that opens after the sentence's last comma
    /// or dash: "Until the plant closed, most of them said …"; "Canova, who said …" (the
    /// relative pronoun stands for the phrase before its comma).
    pub fn subject_after_boundary(&self, start: usize, verb: usize) -> Option<SpeakerNp> {
        let lowest = verb.saturating_sub(MAX_SUBJECT_TOKENS + 1).max(start);
        let boundary = (lowest..verb).rev().find(|&t| {
            self.is_punct(t, ',')
                || self.is_punct(t, ';')
                || crate::attribution::grammar::words::is_dash(self, t)
        })?;
        if boundary + 2 == verb && self.is(boundary + 1, "who") {
            return self
                .np_ending_before(boundary, start)
                .filter(|np| {
                    matches!(
                        np.kind,
                        NpKind::Name | NpKind::Organisation | NpKind::Description
                    )
                })
                .or_else(|| self.determined_phrase_ending_at(boundary, start));
        }
        self.clause_subject(boundary + 1, verb)
    }

    /// A plain phrase of a determiner and a few words that ends at token `end - 1`, not
    /// before `floor`: "a young child" (of "…, a young child, who said …", where "who"
    /// makes a person of any noun).
    fn determined_phrase_ending_at(&self, end: usize, floor: usize) -> Option<SpeakerNp> {
        let lowest = end.saturating_sub(MAX_GENERIC_TOKENS + 1).max(floor);
        let mut t = end;
        while t > lowest {
            t -= 1;
            let tok = &self.tokens[t];
            if !tok.is_word() || self.is_cue(t) {
                return None;
            }
            let w = ascii_lower(self.word(t));
            // "Democrats across the country, who …": a definite phrase after a preposition is
            // a place or a thing; "from a young child, who …" brings in a person.
            if matches!(w.as_str(), "a" | "an" | "the" | "one" | "another") {
                let placed = w == "the" && self.follows_preposition(t, floor);
                return (t + 1 < end && !placed).then(|| self.description(t..end));
            }
            if self.classes(t) & SPEAKER_STOP_WORD != 0 || starts_upper(self.word(t)) {
                return None;
            }
        }
        None
    }

    /// The subject of a speech verb that is the second of two coordinated verbs: "The spokesman
    /// refused to answer questions but said …" → "The spokesman".
    pub fn coordinated_subject(&self, start: usize, verb: usize) -> Option<SpeakerNp> {
        // "Lee offered him a job, then says …": a comma and "then" join the verbs too.
        let joined = verb >= start + 3
            && (self.is(verb - 1, "and")
                || self.is(verb - 1, "but")
                || self.is_punct(verb - 1, ',') && self.is(verb, "then"));
        if !joined {
            return None;
        }
        // "But the court overruled and said …": a conjunction that opens the sentence.
        let start = if matches!(self.word(start), "But" | "Yet") && !self.is_punct(start + 1, ',') {
            start + 1
        } else {
            start
        };
        // The first verb phrase is short: this bounds the look-back on long sentences.
        if verb - start > MAX_COORDINATED_TOKENS {
            return None;
        }
        // "In a statement, Gov. Ann Lee blasted Congress and said …": the subject may follow
        // an opening phrase and its comma.
        let np = self.np_starting_at(start, verb - 1).or_else(|| {
            let opener_end = verb.min(start + MAX_SUBJECT_TOKENS);
            let comma = (start + 1..opener_end).find(|&t| self.is_punct(t, ','))?;
            self.np_starting_at(comma + 1, verb - 1)
        })?;
        let between = np.tokens.end..verb - 1;
        // A verb phrase stands between the subject and the conjunction, without a clause break.
        (!between.is_empty()
            && !(between.clone())
                .any(|t| self.tokens[t].kind == TokenKind::Break || self.is_punct(t, ';')))
        .then_some(np)
    }

    /// A name the mention finder did not know, over the capitalised words `tokens`
    /// ("Seaman", "Judicial Watch"): a speaker of its own, resolved by its text.
    pub fn name_phrase(&self, tokens: Range<usize>) -> SpeakerNp {
        SpeakerNp {
            range: self.tokens[tokens.start].start()..self.tokens[tokens.end - 1].end(),
            tokens,
            kind: NpKind::Name,
            entity: None,
        }
    }

    /// [`is_cue_adverb`] of token `t`, from the classes the lexicon gave it.
    pub fn is_cue_adverb_at(&self, t: usize) -> bool {
        self.classes(t) & CUE_ADVERB != 0 || is_ly_adverb(self.word(t))
    }

    /// Skips cue adverbs forward from `t` ("also", "later", "has"), at most two.
    pub fn skip_adverbs_forward(&self, mut t: usize, limit: usize) -> usize {
        let mut n = 0;
        while t < limit && n < 2 && self.tokens[t].is_word() && self.is_cue_adverb_at(t) {
            t += 1;
            n += 1;
        }
        t
    }

    /// Skips cue adverbs backward: returns the index one past the last non-adverb before `t`.
    pub fn skip_adverbs_backward(&self, mut t: usize, floor: usize) -> usize {
        let mut n = 0;
        while t > floor && n < 2 && self.tokens[t - 1].is_word() && self.is_cue_adverb_at(t - 1) {
            t -= 1;
            n += 1;
        }
        t
    }
}

pub use crate::quotes::is_quote_mark;

/// True for a number written in digits ("52", "1,200", "3.5", "52%") or in words up to
/// twenty, and the tens.
pub fn is_number(w: &str) -> bool {
    let digits = w.trim_end_matches('%');
    if !digits.is_empty()
        && digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return true;
    }
    matches!(
        ascii_lower(w).as_str(),
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "fifteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
    )
}

/// Most lower-case role words before a person's name ("lobbyist and strategist Ann Ray"):
/// more lower-case words before a name are a clause, not its title.
pub const MAX_ROLE_WORDS: usize = 4;

/// The person named after a few lower-case role words from token `t` ("lobbyist Ann Ray",
/// "lobbyist and strategist Ann Ray"), before `end`: role words that no list holds still
/// lead to the name, which is the speaker. "and" may join two of them but not open them.
pub fn role_led_name(ctx: &Context, t: usize, end: usize) -> Option<SpeakerNp> {
    let mut u = t;
    while u < end && u < t + MAX_ROLE_WORDS {
        let w = ctx.word(u);
        // "GOP strategist": an acronym may modify a role.
        let acronym = w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase());
        if !ctx.tokens[u].is_word() || !(acronym || w.bytes().all(|b| b.is_ascii_lowercase())) {
            break;
        }
        if ctx.is_cue(u)
            || (u == t && w == "and")
            || w.ends_with("ing")
            || crate::mentions::pronoun(w).is_some()
            || super::words::auxiliary(w).is_some()
        {
            return None;
        }
        if w != "and"
            && (super::words::opens_scene(w)
                || matches!(
                    w,
                    "the" | "a" | "an" | "to" | "of" | "or" | "but" | "that" | "who" | "which"
                ))
        {
            return None;
        }
        u += 1;
    }
    if u == t || u >= end || ctx.is(u - 1, "and") {
        return None;
    }
    let m = ctx.mentions.starting_at(u)?;
    if m.kind != MentionKind::Person || m.in_quote {
        return None;
    }
    ctx.np_starting_at(u, end)
        .filter(|np| np.kind == NpKind::Name && np.tokens.start == u)
}
