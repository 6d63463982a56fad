//! Speaker candidates: names, pronouns and organisations, grouped into entities.
//!
//! Takes the tokens of a document and the quoted passages (so that mentions inside quotes
//! are known as such), finds runs of capitalised words and classifies them (person,
//! organisation, other proper name), finds pronouns, and groups the person mentions of one
//! document into entities: "Scott Guthrie", "Guthrie" and "Mr. Guthrie" become one entity
//! whose canonical name is the fullest form. Hands on [`Mentions`].

pub mod lexicon;

use std::ops::Range;

use crate::lexicon::class::{
    CUE, GIVEN_NAME, NON_NAME, ORG_WORD, PLACE, SOURCE_NOUN, SOURCE_PLURAL,
};
use crate::lexicon::{lookup, WordInfo};
use crate::text::tokens::{Token, TokenKind};
use lexicon::{given_gender, is_role_noun, is_title, lexicon, Gender};

/// How many person mentions a pronoun looks back over to find its antecedent.
pub const MAX_ANTECEDENT_LOOKBACK: usize = 40;
/// Most mentions of any kind read back when looking for those persons.
pub const MAX_MENTION_LOOKBACK: usize = 400;
/// How many of the nearest persons a pronoun searches for one of its own gender first.
pub const MAX_PREFERRED_GENDER_LOOKBACK: usize = 4;
/// How many words before a name (or in an appositive after it) are read for its roles.
pub const MAX_ROLE_TOKENS: usize = 4;
/// How many tokens a capitalised name run may have at most; longer runs are headings.
pub const MAX_NAME_TOKENS: usize = 6;

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A person's name (with a given name, a title or a role before it, or used as a speaker).
    Person,
    /// An organisation's name (Microsoft Corp., the Democratic Party).
    Organisation,
    /// A capitalised name of unknown kind.
    Proper,
    /// A third-person pronoun (he, she, they), with its gender.
    Pronoun(Gender),
    /// I, we: the author or the speaker of a quote.
    FirstPerson,
}

/// One mention. Its offsets are 32-bit, as tokens' are (a document has at most
/// [`crate::text::tokens::MAX_TEXT_BYTES`] bytes): a long document has many mentions, and
/// the record takes 28 bytes instead of 56.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte offset of the mention's first byte (titles excluded), see [`Mention::range`].
    start: u32,
    /// Byte offset just past its last byte.
    end: u32,
    /// Index of its first token, see [`Mention::tokens`].
    first_token: u32,
    /// Index just past its last token.
    end_token: u32,
    /// The entity it belongs to (persons only), see [`Mention::entity`].
    entity: Option<u32>,
    /// Its kind.
    pub kind: MentionKind,
    /// True when the mention lies inside a quoted passage.
    pub in_quote: bool,
}

impl Mention {
    /// A mention of `kind` over the bytes `range` and the tokens `tokens` of a text of at
    /// most [`crate::text::tokens::MAX_TEXT_BYTES`] bytes, of no entity yet, outside quotes.
    fn new(range: Range<usize>, tokens: Range<usize>, kind: MentionKind) -> Mention {
        debug_assert!(range.end <= crate::text::tokens::MAX_TEXT_BYTES);
        Mention {
            start: range.start as u32,
            end: range.end as u32,
            first_token: tokens.start as u32,
            end_token: tokens.end as u32,
            entity: None,
            kind,
            in_quote: false,
        }
    }

    /// Byte range of the mention (titles excluded).
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Token indices of the mention.
    #[inline]
    pub fn tokens(&self) -> Range<usize> {
        self.first_token as usize..self.end_token as usize
    }

    /// The entity it belongs to (persons only): an index into [`Mentions::entities`].
    #[inline]
    pub fn entity(&self) -> Option<usize> {
        self.entity.map(|e| e as usize)
    }

    /// Makes the mention one of entity `e`.
    fn set_entity(&mut self, e: usize) {
        self.entity = Some(e as u32);
    }
}

/// A person of the document.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Canonical name: the fullest form used.
    pub name: String,
    /// Every form used, in order of first appearance (the canonical name included).
    pub forms: Vec<String>,
    /// Gender as far as names and titles tell.
    pub gender: Gender,
    /// Role nouns and titles the document gives the person, in lower case ("senator",
    /// "inspector", "director"), so that "the senator" can be resolved to them.
    pub roles: Vec<String>,
}

/// All mentions of one document.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    /// Mentions in text order.
    pub list: Vec<Mention>,
    /// Person entities.
    pub entities: Vec<Entity>,
}

/// True for a word that starts with a capital letter and is not an all-capitals acronym.
// Inlined: this runs for every word token, and most are ruled out by their first byte.
#[inline]
pub fn is_capitalised(word: &str) -> bool {
    // Most tokens start with an ASCII byte, which is upper case exactly when it is A to Z:
    // decided without decoding a character.
    if word
        .as_bytes()
        .first()
        .is_some_and(|b| !b.is_ascii_uppercase() && b.is_ascii())
    {
        return false;
    }
    capitalised_past_first_byte(word)
}

/// [`is_capitalised`] for a word that starts with A to Z, a non-ASCII character or nothing.
#[inline(never)]
fn capitalised_past_first_byte(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // "CEO", "HIRE", "U.S": acronyms and shouting are not names; "O’Regan", "McDonald" are:
    // a name has a small letter, or only the one capital.
    if word.is_ascii() {
        // For ASCII, alphabetic and upper case are A-Z and a-z; a small letter mostly comes
        // second ("John"), so the test usually ends there.
        let bytes = word.as_bytes();
        return bytes.iter().any(u8::is_ascii_lowercase)
            || bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() == 1;
    }
    // Counted in one pass without collecting the letters: this runs for every token.
    let (mut letters, mut all_upper) = (0usize, true);
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        all_upper &= c.is_uppercase();
    }
    !(letters >= 2 && all_upper) || (letters == 1 && word.ends_with('.'))
}

/// "FBI", "CNN", "NAACP": two to six capital letters.
/// Auxiliaries, negation and a few adverbs that stand between a subject and its verb.
fn is_auxiliary(word: &str) -> bool {
    let w = crate::text::ascii_lower(word);
    matches!(
        w.as_str(),
        "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "were"
            | "are"
            | "will"
            | "would"
            | "did"
            | "does"
            | "do"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "not"
            | "also"
            | "never"
            | "later"
            | "previously"
    ) || w.ends_with("n't")
        || w.ends_with("n’t")
}

fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// "G.K.", "J.R.R.": two or more initials with their periods.
fn is_dotted_initials(word: &str) -> bool {
    let Some(body) = word.strip_suffix('.') else {
        return false;
    };
    body.len() >= 3
        && body.len() <= 8
        && body.split('.').all(|part| {
            let b = part.as_bytes();
            b.len() == 1 && b[0].is_ascii_uppercase()
        })
}

/// True when the capitalised cue word at token `k`, inside the run of capitalised words
/// `start..run_end`, is a surname: it ends the run and follows a given name, perhaps with a
/// middle initial ("Ian Read said", "Anna M. Warned"). A cue that opens a headline's next
/// capitalised word ("Hillary Says Trump …") still splits the run.
fn surname_cue(
    text: &str,
    tokens: &[Token],
    words: &[WordInfo],
    start: usize,
    k: usize,
    run_end: usize,
) -> bool {
    if k + 1 != run_end || k == start {
        return false;
    }
    let word = |i: usize| &text[tokens[i].range()];
    let mut given = k - 1;
    if given > start && word(given).len() == 2 && word(given).ends_with('.') {
        given -= 1;
    }
    words[given].has(GIVEN_NAME)
}

fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van"
            | "von"
            | "der"
            | "da"
            | "di"
            | "la"
            | "le"
            | "bin"
            | "al"
            | "del"
            | "dos"
            | "du"
            | "ter"
            | "ten"
            | "el"
            | "ibn"
    )
}

/// Pronoun gender for a subject or possessive pronoun.
// Inlined: this runs for every word token, and most are ruled out by `PRONOUN_LENGTHS`.
#[inline]
pub fn pronoun(word: &str) -> Option<MentionKind> {
    let bytes = word.as_bytes();
    if bytes
        .first()
        .is_some_and(|&first| may_be_pronoun(first, bytes.len()))
    {
        pronoun_of(word)
    } else {
        None
    }
}

/// False when no word of `len` bytes starting with byte `first` is a pronoun.
#[inline]
fn may_be_pronoun(first: u8, len: usize) -> bool {
    len < 8
        && PRONOUN_LENGTHS
            .get(usize::from(first))
            .is_some_and(|lengths| lengths & (1 << len) != 0)
}

/// Every word [`pronoun`] knows (`pronoun_of` lists them again with their kinds).
const PRONOUNS: [&str; 26] = [
    "he", "He", "him", "his", "His", "himself", "she", "She", "her", "Her", "hers", "herself",
    "they", "They", "them", "their", "Their", "it", "It", "I", "we", "We", "my", "My", "our",
    "Our",
];

/// For each ASCII first byte, a bit for each length (1 to 7 bytes) of a [`PRONOUNS`] word
/// that starts with it: a word with no such bit is no pronoun.
const PRONOUN_LENGTHS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut i = 0;
    while i < PRONOUNS.len() {
        let w = PRONOUNS[i].as_bytes();
        table[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    table
};

/// [`pronoun`] past its filter.
#[inline(never)]
fn pronoun_of(word: &str) -> Option<MentionKind> {
    Some(match word {
        "he" | "He" | "him" | "his" | "His" | "himself" => MentionKind::Pronoun(Gender::Male),
        "she" | "She" | "her" | "Her" | "hers" | "herself" => MentionKind::Pronoun(Gender::Female),
        "they" | "They" | "them" | "their" | "Their" | "it" | "It" => {
            MentionKind::Pronoun(Gender::Unknown)
        }
        "I" | "we" | "We" | "my" | "My" | "our" | "Our" => MentionKind::FirstPerson,
        _ => return None,
    })
}

fn normalise_name(text: &str, tokens: &[Token], range: &Range<usize>) -> String {
    let mut out = String::new();
    for t in &tokens[range.clone()] {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[t.range()]);
    }
    out
}

impl Mentions {
    /// Finds the mentions in `text`. `quoted` lists the byte ranges of quoted passages.
    // Index loops: entries are rewritten while their neighbours are read.
    #[allow(clippy::needless_range_loop)]
    pub fn find(
        text: &str,
        tokens: &[Token],
        words: &[WordInfo],
        quoted: &[Range<usize>],
    ) -> Mentions {
        // Roughly one mention per eight tokens in news prose: fewer regrowths on the way.
        let mut list: Vec<Mention> = Vec::with_capacity(tokens.len() / 8 + 4);
        let mut genders: Vec<Gender> = Vec::with_capacity(tokens.len() / 8 + 4);
        let word = |i: usize| &text[tokens[i].range()];
        let is_word = |i: usize| tokens[i].is_word();

        let mut i = 0;
        while i < tokens.len() {
            if !is_word(i) {
                i += 1;
                continue;
            }
            // Both tests below start with the word's first byte and length, which rule out
            // most words without slicing the text.
            let first = text.as_bytes().get(tokens[i].start()).copied().unwrap_or(0);
            let maybe_pronoun = may_be_pronoun(first, tokens[i].len());
            if !maybe_pronoun && first.is_ascii() && !first.is_ascii_uppercase() {
                // Not capitalised either (see `is_capitalised`).
                i += 1;
                continue;
            }
            let w = word(i);
            if let Some(kind) = maybe_pronoun.then(|| pronoun_of(w)).flatten() {
                list.push(Mention::new(tokens[i].range(), i..i + 1, kind));
                genders.push(match kind {
                    MentionKind::Pronoun(g) => g,
                    _ => Gender::Unknown,
                });
                i += 1;
                continue;
            }
            // Dotted initials open a name only before a capitalised word ("G.K. Butterfield";
            // not "the U.S. said").
            let initials_before_name = is_dotted_initials(w)
                && i + 1 < tokens.len()
                && is_word(i + 1)
                && is_capitalised(word(i + 1));
            if !is_capitalised(w) && !initials_before_name {
                // An acronym right next to a speech cue names an organisation: "the FBI
                // said", "CNN reported", "said MWW".
                // "the FBI has said", "CNN did not report": auxiliaries may stand between.
                let mut v = i + 1;
                while v < tokens.len() && v < i + 4 && is_word(v) && is_auxiliary(word(v)) {
                    v += 1;
                }
                let next_is_cue = v < tokens.len() && words[v].has(CUE);
                let prev_is_cue = i > 0 && words[i - 1].has(CUE);
                // "the F.B.I. has said": an acronym with periods too, of three letters or more
                // ("the U.S. said" stays a place).
                let dotted = is_dotted_initials(w) && w.bytes().filter(|&b| b != b'.').count() >= 3;
                if (is_acronym(w) || dotted) && (next_is_cue || prev_is_cue) {
                    list.push(Mention::new(
                        tokens[i].range(),
                        i..i + 1,
                        MentionKind::Organisation,
                    ));
                    genders.push(Gender::Unknown);
                }
                i += 1;
                continue;
            }
            // A run of capitalised words, particles inside it allowed.
            let mut j = i + 1;
            while j < tokens.len() && is_word(j) {
                let next = word(j);
                // "Vann R. Newkirk II", "Henry Ford III": a numeral closes a full name.
                let numeral = j >= i + 2 && matches!(next, "II" | "III" | "IV");
                if is_capitalised(next) || numeral {
                    j += 1;
                } else if is_particle(next)
                    && j + 1 < tokens.len()
                    && is_word(j + 1)
                    && is_capitalised(word(j + 1))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let run_end = j;
            // Split the run at words that are never part of a name, and read titles.
            let mut start = i;
            let mut title_gender = None;
            let mut k = i;
            while k <= run_end {
                // "Mr. King", "Ms. Bishop": after an honorific the next word is a surname,
                // whatever else it can be.
                let after_honorific = k > i && start == k && is_honorific(word(k - 1));
                let cue = k < run_end && words[k].has(CUE);
                let splits_here = k == run_end
                    || (!after_honorific
                        && (words[k].has(NON_NAME) || is_title(word(k), words[k]) || cue)
                        && !(cue && surname_cue(text, tokens, words, start, k, run_end)));
                if splits_here {
                    if start < k {
                        let before_role = start > 0
                            && is_word(start - 1)
                            && is_role_noun(word(start - 1), words[start - 1]);
                        if let Some((kind, gender)) =
                            classify_run(text, tokens, words, start..k, title_gender, before_role)
                        {
                            list.push(Mention::new(
                                tokens[start].start()..tokens[k - 1].end(),
                                start..k,
                                kind,
                            ));
                            genders.push(gender);
                        }
                    }
                    if k < run_end && is_title(word(k), words[k]) {
                        title_gender = Some(lexicon().title_gender(word(k)));
                    } else {
                        title_gender = None;
                    }
                    start = k + 1;
                }
                k += 1;
            }
            i = run_end;
        }

        // Mark mentions inside quotes (both lists are in text order).
        let mut q = 0;
        for m in &mut list {
            while q < quoted.len() && quoted[q].end <= m.range().start {
                q += 1;
            }
            m.in_quote = q < quoted.len() && quoted[q].start <= m.range().start;
        }

        // A proper name right next to a speech cue is a person: "Mathews said", "said Mathews".
        for idx in 0..list.len() {
            if list[idx].kind != MentionKind::Proper || list[idx].in_quote {
                continue;
            }
            let r = list[idx].tokens();
            let next_is_cue = words.get(r.end).is_some_and(|w| w.has(CUE));
            let prev_is_cue = r.start > 0 && words[r.start - 1].has(CUE);
            if next_is_cue || prev_is_cue {
                list[idx].kind = MentionKind::Person;
            }
        }

        // `ending_at` and `starting_at` search the list by its token ranges.
        debug_assert!(
            list.windows(2)
                .all(|w| w[0].tokens().end <= w[1].tokens().start),
            "mentions in text order, never overlapping"
        );
        let mut mentions = Mentions {
            list,
            entities: Vec::new(),
        };
        mentions.group_entities(text, tokens, words, &genders);
        mentions.collect_roles(text, tokens, words);
        mentions
    }

    /// Groups person mentions into entities; single names join the full name they end
    /// (or, for a given name, start) with.
    #[allow(clippy::needless_range_loop)]
    fn group_entities(
        &mut self,
        text: &str,
        tokens: &[Token],
        words: &[WordInfo],
        genders: &[Gender],
    ) {
        // Per-document maps of names, probed for every mention: a fast hasher (see lexicon.rs).
        use foldhash::HashMap;
        let lex = lexicon();
        let mut by_full: HashMap<String, usize> = HashMap::default();
        // Surname → entities with that surname, in order of first mention.
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
        // First word → entities of two-word names: a surname written first ("Wu Mingzhe",
        // then "Wu") is found here when no entity has the word as its last name.
        let mut by_first_of_two: HashMap<String, Vec<usize>> = HashMap::default();

        // First the multi-word names, so a surname used before the full name still joins it.
        // Multi-word proper names of unknown kind, by last word: "Mich Mathews" becomes a
        // person when "Mathews" is later used as one.
        let mut proper_by_last: HashMap<&str, usize> = HashMap::default();
        // Two-word proper names of unknown kind set off by a comma ("Wu Mingzhe, 34, a
        // nurse"), by first word: the comma of an appositive, which title-case headlines
        // ("Okafor Wins …") and names of places ("Costa Rica") rarely have, is the little
        // evidence of a person there is.
        let mut proper_by_first_of_two: HashMap<&str, usize> = HashMap::default();
        for idx in 0..self.list.len() {
            let m = &self.list[idx];
            if m.kind == MentionKind::Proper && m.tokens().len() >= 2 && !m.in_quote {
                proper_by_last
                    .entry(&text[tokens[surname_token(text, tokens, &m.tokens())].range()])
                    .or_insert(idx);
                let appositive = tokens
                    .get(m.tokens().end)
                    .is_some_and(|t| t.kind == TokenKind::Punct(','));
                if m.tokens().len() == 2 && appositive && !lex.is_place(&text[m.range()]) {
                    proper_by_first_of_two
                        .entry(&text[tokens[m.tokens().start].range()])
                        .or_insert(idx);
                }
            }
            if m.kind != MentionKind::Person || m.tokens().len() < 2 {
                continue;
            }
            let full = normalise_name(text, tokens, &m.tokens());
            let entity = *by_full.entry(full.clone()).or_insert_with(|| {
                let first = &text[tokens[m.tokens().start].range()];
                let gender = match genders[idx] {
                    Gender::Unknown => {
                        given_gender(words[m.tokens().start]).unwrap_or(Gender::Unknown)
                    }
                    g => g,
                };
                self.entities.push(Entity {
                    name: full.clone(),
                    forms: vec![full.clone()],
                    gender,
                    roles: Vec::new(),
                });
                let e = self.entities.len() - 1;
                let last =
                    text[tokens[surname_token(text, tokens, &m.tokens())].range()].to_string();
                by_last.entry(last).or_default().push(e);
                by_first.entry(first.to_string()).or_default().push(e);
                if m.tokens().len() == 2 && !first.ends_with('.') {
                    by_first_of_two
                        .entry(first.to_string())
                        .or_default()
                        .push(e);
                }
                e
            });
            self.list[idx].set_entity(entity);
        }

        // Single words: a known surname (Guthrie), a known given name (Steve), or a new person.
        for idx in 0..self.list.len() {
            let m = self.list[idx].clone();
            if m.tokens().len() != 1 || matches!(m.kind, MentionKind::Pronoun(_)) {
                continue;
            }
            if matches!(m.kind, MentionKind::FirstPerson | MentionKind::Organisation) {
                continue;
            }
            let w: &str = &text[m.range()];
            // A surname (the last word of a full name) or a given name (the first word); else,
            // when no name of the document ends in the word, the first word of a two-word
            // name: the surname of a name written surname first ("Wu Mingzhe" … "Wu
            // said"), which no list of given names knows. Only a word already read as a
            // person's (next to a speech verb, after a title) is taken so: "Mae-Lin
            // Corwen" … "Mae-Lin’s way" may be a given name no list knows, in a place
            // where a name of anything may stand.
            let person = m.kind == MentionKind::Person;
            let surname_first = person && !by_last.contains_key(w);
            let candidates = by_last
                .get(w)
                .or_else(|| given_gender(words[m.tokens().start]).and_then(|_| by_first.get(w)))
                .or_else(|| by_first_of_two.get(w).filter(|_| surname_first));
            let mut chosen =
                candidates.and_then(|es| nearest_entity(es, &self.list, m.range().start));
            // A surname used alone ("Nwosu learned …") after a full name of unknown kind
            // ("Amara Nwosu") makes both a person.
            // Only a surname in subject position counts ("Nwosu learned"), not one after a
            // preposition or article ("the success of Azure"), which is how products and
            // places are mentioned.
            let t0 = m.tokens().start;
            let after_function_word = t0 > 0
                && tokens[t0 - 1].is_word()
                && matches!(
                    text[tokens[t0 - 1].range()].to_ascii_lowercase().as_str(),
                    "of" | "in"
                        | "on"
                        | "at"
                        | "for"
                        | "with"
                        | "from"
                        | "to"
                        | "by"
                        | "the"
                        | "a"
                        | "an"
                        | "about"
                        | "into"
                        | "over"
                        | "under"
                        | "than"
                        | "like"
                );
            let subject_like = m.kind == MentionKind::Person || !after_function_word;
            if chosen.is_none()
                && subject_like
                && matches!(m.kind, MentionKind::Person | MentionKind::Proper)
            {
                // The same for a two-word name of unknown kind written surname first, when
                // no name ends in the word ("Wu Mingzhe, 34, a nurse" … "Wu said").
                let earlier = proper_by_last
                    .get(w)
                    .or_else(|| {
                        surname_first
                            .then(|| proper_by_first_of_two.get(w))
                            .flatten()
                    })
                    .filter(|&&p| self.list[p].range().start < m.range().start);
                if let Some(&p) = earlier {
                    chosen = Some(self.promote(p, text, tokens));
                    by_last
                        .entry(w.to_string())
                        .or_default()
                        .push(chosen.unwrap_or(0));
                }
            }
            match (chosen, m.kind) {
                (Some(e), _) => {
                    self.list[idx].kind = MentionKind::Person;
                    self.list[idx].set_entity(e);
                    if !self.entities[e].forms.iter().any(|f| f == w) {
                        self.entities[e].forms.push(w.to_string());
                    }
                    if self.entities[e].gender == Gender::Unknown {
                        self.entities[e].gender = genders[idx];
                    }
                }
                (None, MentionKind::Person) => {
                    let e = *by_full.entry(w.to_string()).or_insert_with(|| {
                        self.entities.push(Entity {
                            name: w.to_string(),
                            forms: vec![w.to_string()],
                            gender: match genders[idx] {
                                Gender::Unknown => {
                                    given_gender(words[t0]).unwrap_or(Gender::Unknown)
                                }
                                g => g,
                            },
                            roles: Vec::new(),
                        });
                        self.entities.len() - 1
                    });
                    self.list[idx].set_entity(e);
                }
                _ => {}
            }
        }
    }

    /// Records the roles and titles written next to each person's mentions: before the name
    /// ("Detective Inspector Roisin Kavanagh", "managing director, Adebayo Okonkwo") and in an
    /// appositive after it ("Okafor, the board's chair,").
    fn collect_roles(&mut self, text: &str, tokens: &[Token], words: &[WordInfo]) {
        let role_of = |t: usize| -> Option<String> {
            let tok = &tokens[t];
            if !tok.is_word() {
                return None;
            }
            let w = &text[tok.range()];
            // "Chen, the company's vice president": "company" is not Chen's role, or "the
            // company said" would mean Chen.
            if words[t].lower() & (SOURCE_NOUN | SOURCE_PLURAL) != 0 {
                return None;
            }
            if is_role_noun(w, words[t]) || is_title(w, words[t]) {
                Some(title_noun(w))
            } else {
                None
            }
        };
        for idx in 0..self.list.len() {
            let m = &self.list[idx];
            let Some(e) = m.entity() else { continue };
            let mut roles = Vec::new();
            // Before the name, over an optional comma.
            let mut t = m.tokens().start;
            if t > 0 && tokens[t - 1].kind == TokenKind::Punct(',') {
                t -= 1;
            }
            for k in (t.saturating_sub(MAX_ROLE_TOKENS)..t).rev() {
                match role_of(k) {
                    Some(r) => roles.push(r),
                    None if tokens[k].is_word() && is_capitalised(&text[tokens[k].range()]) => {}
                    None => break,
                }
            }
            // In an appositive after the name.
            let after = m.tokens().end;
            if tokens
                .get(after)
                .is_some_and(|t| t.kind == TokenKind::Punct(','))
            {
                let end = (after + 1 + MAX_ROLE_TOKENS * 2).min(tokens.len());
                for (k, tok) in tokens.iter().enumerate().take(end).skip(after + 1) {
                    if matches!(tok.kind, TokenKind::Punct(_) | TokenKind::Break) {
                        break;
                    }
                    if let Some(r) = role_of(k) {
                        roles.push(r);
                    }
                }
            }
            let entity = &mut self.entities[e];
            for r in roles {
                if !entity.roles.contains(&r) {
                    entity.roles.push(r);
                }
            }
        }
    }

    /// The person a definite description refers to ("the senator", "the inspector"): the
    /// nearest earlier person outside quotes whose roles include the description's head noun.
    pub fn described(&self, before: usize, head: &str) -> Option<usize> {
        let head = head.to_lowercase();
        self.persons_before(before)
            .find(|&e| self.entities[e].roles.contains(&head))
    }

    /// The entities of the person mentions outside quotes before byte `before`, nearest
    /// first, at most [`MAX_ANTECEDENT_LOOKBACK`] of them.
    fn persons_before(&self, before: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.list.partition_point(|m| m.range().start < before);
        self.list[..end]
            .iter()
            .rev()
            // Bounded in mentions of any kind too: a document with no person in it must
            // not be read back to its start for every pronoun or description.
            .take(MAX_MENTION_LOOKBACK)
            .filter(|m| m.kind == MentionKind::Person && !m.in_quote)
            .take(MAX_ANTECEDENT_LOOKBACK)
            .filter_map(Mention::entity)
    }

    /// Turns proper-name mention `idx` into a person with an entity of its own.
    fn promote(&mut self, idx: usize, text: &str, tokens: &[Token]) -> usize {
        let m = &self.list[idx];
        let full = normalise_name(text, tokens, &m.tokens());
        self.entities.push(Entity {
            name: full.clone(),
            forms: vec![full],
            gender: Gender::Unknown,
            roles: Vec::new(),
        });
        let e = self.entities.len() - 1;
        self.list[idx].kind = MentionKind::Person;
        self.list[idx].set_entity(e);
        e
    }

    /// The mention that ends exactly at token `t` (inclusive end index), if any.
    ///
    /// The mentions are found left to right and never overlap, so their token ranges
    /// both start and end in increasing order: a binary search, where a table of one entry
    /// per token would hold 8 bytes per token of a long document.
    pub fn ending_at(&self, t: usize) -> Option<&Mention> {
        let i = self.list.partition_point(|m| m.tokens().end <= t);
        self.list.get(i).filter(|m| m.tokens().end == t + 1)
    }

    /// The mention that starts exactly at token `t`, if any (a binary search, as in
    /// [`Mentions::ending_at`]).
    pub fn starting_at(&self, t: usize) -> Option<&Mention> {
        let i = self.list.partition_point(|m| m.tokens().start < t);
        self.list.get(i).filter(|m| m.tokens().start == t)
    }

    /// The person a pronoun of `gender` at byte `before` most likely refers to: the nearest
    /// earlier person mention outside quotes whose gender does not contradict it.
    ///
    /// A person whose gender is known to match is preferred over a nearer one of unknown
    /// gender when it is among the [`MAX_PREFERRED_GENDER_LOOKBACK`] nearest persons.
    pub fn antecedent(&self, before: usize, gender: Gender) -> Option<usize> {
        let persons = || self.persons_before(before);
        if gender != Gender::Unknown {
            let matching = persons()
                .take(MAX_PREFERRED_GENDER_LOOKBACK)
                .find(|&e| self.entities[e].gender == gender);
            if matching.is_some() {
                return matching;
            }
        }
        persons().find(|&e| {
            let g = self.entities[e].gender;
            gender == Gender::Unknown || g == Gender::Unknown || g == gender
        })
    }
}

/// The noun a title stands for, in lower case ("Sen." → "senator").
fn title_noun(word: &str) -> String {
    let w = word.trim_end_matches('.');
    match w {
        "Sen" => "senator",
        "Rep" => "congressman",
        "Gov" => "governor",
        "Dr" => "doctor",
        "Gen" => "general",
        "Prof" => "professor",
        "Lt" => "lieutenant",
        "Col" => "colonel",
        "Capt" => "captain",
        "Sgt" => "sergeant",
        "Det" => "detective",
        "Insp" => "inspector",
        "Supt" => "superintendent",
        "Pres" => "president",
        "Atty" => "attorney",
        _ => return w.to_lowercase(),
    }
    .to_string()
}

/// Of the entities sharing a name, the one mentioned last before `at`, else the first.
fn nearest_entity(entities: &[usize], list: &[Mention], at: usize) -> Option<usize> {
    if entities.len() == 1 {
        return entities.first().copied();
    }
    // The list is in text order: the mentions before `at` are a prefix of it.
    let before = list.partition_point(|m| m.range().start < at);
    list[..before]
        .iter()
        .rev()
        .filter_map(|m| m.entity())
        .find(|e| entities.contains(e))
        .or_else(|| entities.first().copied())
}

/// Decides what a capitalised run is; `None` for places and single non-names.
/// The token of a full name's surname: its last word, or the one before a generational
/// suffix ("Harry Hurt Jr.", "Vann R. Newkirk II" → "Hurt", "Newkirk").
fn surname_token(text: &str, tokens: &[Token], name: &Range<usize>) -> usize {
    let last = name.end - 1;
    let suffix = matches!(
        &text[tokens[last].range()],
        "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV"
    );
    if suffix && last > name.start + 1 {
        last - 1
    } else {
        last
    }
}

/// A title that stands only before a surname ("Mr.", "Sen."): the word after it is a name.
fn is_honorific(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Miss" | "Mx" | "Dr" | "Sen" | "Rep" | "Gov" | "Prof" | "Rev"
    )
}

fn classify_run(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    run: Range<usize>,
    title: Option<Gender>,
    after_role_noun: bool,
) -> Option<(MentionKind, Gender)> {
    if run.len() > MAX_NAME_TOKENS {
        return None;
    }
    if infos[run.clone()].iter().any(|w| w.has(ORG_WORD)) {
        return Some((MentionKind::Organisation, Gender::Unknown));
    }
    let given = given_gender(infos[run.start]);
    if let Some(g) = title {
        return Some((MentionKind::Person, g));
    }
    // A run of one word is its own phrase, whose classes are known.
    let place = if run.len() == 1 {
        infos[run.start].has(PLACE)
    } else {
        let phrase = &text[tokens[run.start].start()..tokens[run.end - 1].end()];
        lookup(phrase).has(PLACE)
    };
    if place {
        // Kept as a name of unknown kind: "Israel said" is Rep. Steve Israel.
        return Some((MentionKind::Proper, Gender::Unknown));
    }
    if let Some(g) = given {
        // A given name alone at the start of a sentence can be an ordinary word; a given
        // name followed by a surname, or alone elsewhere, is a person.
        return Some((MentionKind::Person, g));
    }
    if after_role_noun && run.len() >= 2 {
        return Some((MentionKind::Person, Gender::Unknown));
    }
    Some((MentionKind::Proper, Gender::Unknown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn find(text: &str) -> Mentions {
        let tokens = tokenize(text);
        Mentions::find(text, &tokens, &crate::lexicon::words_of(text, &tokens), &[])
    }

    #[test]
    fn a_mention_record_is_28_bytes() {
        // A long document holds about one mention for every 40 bytes of text.
        assert_eq!(std::mem::size_of::<Mention>(), 28);
    }

    #[test]
    fn a_mention_gives_back_its_ranges_and_entity() {
        let text = "Scott Guthrie said it. Guthrie left.";
        let m = find(text);
        let first = &m.list[0];
        assert_eq!(&text[first.range()], "Scott Guthrie");
        assert_eq!(first.tokens(), 0..2);
        let last = m
            .list
            .iter()
            .rfind(|x| &text[x.range()] == "Guthrie")
            .unwrap();
        assert_eq!(last.entity(), first.entity());
        assert!(first.entity().is_some());
    }

    #[test]
    fn pronoun_filter_keeps_every_pronoun() {
        for w in PRONOUNS {
            assert!(pronoun(w).is_some(), "{w}");
        }
        assert_eq!(pronoun("Himself"), None);
        assert_eq!(pronoun("the"), None);
        assert_eq!(pronoun(""), None);
    }

    /// The filtered lookup agrees with the plain one on every word of the corpus and on
    /// near misses of every pronoun.
    #[test]
    fn pronoun_filter_changes_no_answer() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut words: Vec<String> = Vec::new();
        for entry in walkdir::WalkDir::new(dir) {
            let path = entry.expect("corpus entry").into_path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("corpus text");
                words.extend(tokenize(&text).iter().map(|t| text[t.range()].to_string()));
            }
        }
        for w in PRONOUNS {
            words.extend([
                w.to_uppercase(),
                w.to_lowercase(),
                format!("{w}s"),
                w[1..].into(),
            ]);
        }
        assert!(words.len() > 5000);
        for w in &words {
            assert_eq!(pronoun(w), pronoun_of(w), "{w}");
        }
    }

    #[test]
    fn capitalised_words() {
        for (w, expected) in [
            ("Guthrie", true),
            ("O’Regan", true),
            ("McDonald", true),
            ("J.", true),
            ("Élodie", true),
            ("CEO", false),
            ("U.S", false),
            ("guthrie", false),
            ("élodie", false),
            ("", false),
            ("1999", false),
        ] {
            assert_eq!(is_capitalised(w), expected, "{w}");
        }
    }

    /// [`is_capitalised`] as it was written before its ASCII short cut: the oracle.
    fn capitalised_by_counting(word: &str) -> bool {
        let Some(first) = word.chars().next() else {
            return false;
        };
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let all_upper = word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        first.is_uppercase()
            && (!(letters >= 2 && all_upper) || (letters == 1 && word.ends_with('.')))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn capitalised_as_by_counting(word in "[AZaz.'’\u{c9}\u{e9}5-]{0,8}") {
            proptest::prop_assert_eq!(is_capitalised(&word), capitalised_by_counting(&word));
        }
    }

    #[test]
    fn surname_joins_full_name() {
        let m = find("Microsoft executive Scott Guthrie spoke. Later Guthrie said no.");
        let guthrie: Vec<_> = m
            .list
            .iter()
            .filter(|m| m.kind == MentionKind::Person)
            .collect();
        assert_eq!(guthrie.len(), 2);
        assert_eq!(guthrie[0].entity(), guthrie[1].entity());
        assert_eq!(
            m.entities[guthrie[0].entity().unwrap()].name,
            "Scott Guthrie"
        );
    }

    // guards: a generational suffix is no surname; the surname before it joins the full name.
    #[test]
    fn surname_before_a_suffix_joins_full_name() {
        for text in [
            "The author Harry Hurt Jr. spoke. Later Hurt said no.",
            "The author Harry Hurt III spoke. Later Hurt said no.",
        ] {
            let m = find(text);
            let hurt: Vec<_> = m
                .list
                .iter()
                .filter(|m| m.kind == MentionKind::Person)
                .collect();
            assert_eq!(hurt.len(), 2, "{text}");
            assert_eq!(hurt[0].entity(), hurt[1].entity(), "{text}");
            assert!(m.entities[hurt[0].entity().unwrap()]
                .name
                .starts_with("Harry Hurt"));
        }
    }

    #[test]
    fn word_after_honorific_is_a_surname() {
        // "King" and "Bishop" are titles elsewhere; after "Mr."/"Ms." they are names.
        for (text, name) in [
            ("Mr. King said no.", "King"),
            ("Ms. Bishop said no.", "Bishop"),
        ] {
            let m = find(text);
            let person = m.list.iter().find(|m| m.kind == MentionKind::Person);
            let person = person.unwrap_or_else(|| panic!("no person in {text:?}"));
            assert_eq!(&text[person.range()], name);
        }
    }

    #[test]
    fn acronym_next_to_a_cue_is_an_organisation() {
        let text = "The FBI said it had closed the case, but the CIA kept quiet.";
        let m = find(text);
        let orgs: Vec<&str> = m
            .list
            .iter()
            .filter(|m| m.kind == MentionKind::Organisation)
            .map(|m| &text[m.range()])
            .collect();
        assert_eq!(orgs, ["FBI"]);
    }

    #[test]
    fn dotted_initials_open_a_name_but_not_an_acronym() {
        let text = "Rep. G.K. Butterfield spoke after the U.S. said no.";
        let m = find(text);
        let names: Vec<&str> = m.list.iter().map(|m| &text[m.range()]).collect();
        assert!(names.contains(&"G.K. Butterfield"), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with("U.S")), "{names:?}");
    }

    #[test]
    fn proper_name_next_to_cue_is_person() {
        let m = find("Mathews said it works.");
        assert_eq!(m.list[0].kind, MentionKind::Person);
    }

    #[test]
    fn pronoun_resolves_to_last_compatible_person() {
        let text = "Hillary Clinton met Donald Trump. He said no.";
        let m = find(text);
        let he = text.find("He").unwrap();
        let e = m.antecedent(he, Gender::Male).unwrap();
        assert_eq!(m.entities[e].name, "Donald Trump");
        let e = m.antecedent(he, Gender::Female).unwrap();
        assert_eq!(m.entities[e].name, "Hillary Clinton");
    }

    // guards: a product mentioned after a preposition is not a surname ("success of Azure").
    #[test]
    fn surname_reuse_needs_subject_position() {
        let m = find("Microsoft Azure grew. The success of Azure is clear.");
        assert!(m.entities.is_empty(), "{:?}", m.entities);
        let m = find("Amara Nwosu runs it. Nwosu learned of the plan.");
        assert_eq!(m.entities.len(), 1);
        assert_eq!(m.entities[0].name, "Amara Nwosu");
    }

    /// The entity name of the mention whose text is `word` (the first such).
    fn entity_of<'m>(m: &'m Mentions, text: &str, word: &str) -> Option<&'m str> {
        let mention = m.list.iter().find(|x| &text[x.range()] == word)?;
        mention.entity().map(|e| m.entities[e].name.as_str())
    }

    #[test]
    fn a_surname_written_first_joins_the_full_name() {
        // A person by the title before it; by the comma of an appositive, once "Wu" is
        // a person's (next to a speech verb).
        for text in [
            "Professor Wu Mingzhe spoke. Later Wu said no.",
            "Wu Mingzhe, a nurse, spoke. Later Wu said no.",
        ] {
            let m = find(text);
            assert_eq!(entity_of(&m, text, "Wu"), Some("Wu Mingzhe"), "{text}");
        }
    }

    // guards: the first word of a two-word name is no surname when a name ends in it, nor
    // where nothing says it is a person's; nor is a headline's first word.
    #[test]
    fn a_first_word_is_a_surname_only_when_nothing_else_claims_it() {
        let text = "Wu Mingzhe, a nurse, spoke. Then Lisa Wu left. Wu said no.";
        assert_eq!(entity_of(&find(text), text, "Wu"), Some("Lisa Wu"));
        let text = "Professor Mae-Lin Corwen sang. The crowd loved Mae-Lin’s voice.";
        assert_eq!(entity_of(&find(text), text, "Mae-Lin"), None);
        let text = "Okafor Wins\n\nOkafor said no.";
        let m = find(text);
        let second = m.list.iter().rfind(|x| &text[x.range()] == "Okafor");
        let entity = second
            .and_then(|x| x.entity())
            .map(|e| m.entities[e].name.as_str());
        assert_eq!(entity, Some("Okafor"));
    }

    // guards: a pronoun prefers a near person of its own gender over a nearer unknown one.
    #[test]
    fn pronoun_prefers_known_gender() {
        let text = "Scott Smith met Mich Mathews. Mathews said hello. Then he left.";
        let m = find(text);
        let e = m
            .antecedent(text.find("he left").unwrap(), Gender::Male)
            .unwrap();
        assert_eq!(m.entities[e].name, "Scott Smith");
    }

    // guards: "the inspector" is the inspector named earlier, via the title before the name.
    #[test]
    fn definite_description_finds_titled_person() {
        let text = "Detective Inspector Roisin Kavanagh arrived. Later the inspector spoke.";
        let m = find(text);
        let e = m
            .described(text.find("the inspector").unwrap(), "inspector")
            .unwrap();
        assert_eq!(m.entities[e].name, "Roisin Kavanagh");
        assert!(m.described(text.len(), "senator").is_none());
    }

    // guards: roles in an appositive after the name count too.
    #[test]
    fn appositive_roles_are_collected() {
        let m = find("Walter Brennan, the state senator, visited.");
        assert!(m.entities[0].roles.contains(&"senator".to_string()));
    }
}
