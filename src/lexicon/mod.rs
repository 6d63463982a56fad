//! Every word list of `data/`, merged into one table, and one lookup per word.
//!
//! This is the bottom layer of the attribution side: it imports only `crate::text` (for
//! tokens), and every later stage (mentions, the non-speech checks, the shared context, the
//! rules) asks it "is this word in list X" instead of keeping word lists of its own.
//!
//! # The one format
//! Each list is a plain text file in `data/`, compiled in with `include_str!`:
//!
//! ```text
//! # A comment line: where the words come from, what they are for.
//! word
//! word<TAB>attributes
//! two words
//! ```
//!
//! One entry a line; blank lines and lines starting with `#` are skipped. An entry may hold
//! spaces (a multi-word place, title or role: "New York", "Prime Minister"). Anything after
//! the first tab is the entry's attributes, words separated by spaces, whose meaning the
//! list's header states (a cue's tags `indirect thought`, a stance verb's particle `for`,
//! an evidential word's class `[seem]`). A list with an attribute per entry may list a word
//! on several lines.
//!
//! # The table
//! Every entry of every list goes into one table, keyed by the entry in lower case. A key's
//! [`WordId`] is its place in the table; its [`WordInfo::classes`] say which lists hold the
//! word. Each list has its own reading of case ([`Case`]): cues are matched in any case,
//! given names and titles only as written, stance verbs only in lower case. So a key keeps,
//! besides the classes of its case-blind lists, the forms its case-exact lists wrote, and a
//! lookup compares the word with those few forms after its one hash.
//!
//! Multi-word entries sit in the same table under their whole text ("new york"): a token is
//! never one, and [`lookup`] of a phrase's text answers for the phrase.
//!
//! [`words`] looks up every word token of a document once; the stages read the classes of a
//! token from that array with a bit test.

use std::sync::LazyLock;

// Read-only table of short keys, looked up for every word: foldhash is several times
// cheaper than the default SipHash, and the keys are our own lists, so its weaker
// resistance to crafted collisions does not matter.
use foldhash::HashMap;

use crate::text::tokens::Token;

/// Bits of [`WordInfo::classes`]: the lists a word is in, as written.
pub mod class {
    /// A given name (`data/given_names_*.txt`), as written.
    pub const GIVEN_NAME: u64 = 1 << 0;
    /// A given name of `data/given_names_male.txt`.
    pub const GIVEN_MALE: u64 = 1 << 1;
    /// A given name of `data/given_names_female.txt`.
    pub const GIVEN_FEMALE: u64 = 1 << 2;
    /// A given name of `data/given_names_unisex.txt`.
    pub const GIVEN_UNISEX: u64 = 1 << 3;
    /// A title before a name (`data/titles.txt`), as written: "Sen.", "President".
    pub const TITLE: u64 = 1 << 4;
    /// A title with its first letter in lower case ("senator" for "Senator"): a role.
    pub const TITLE_LOWER: u64 = 1 << 5;
    /// A role noun (`data/role_nouns.txt` and `data/source_nouns.txt`, with the head noun
    /// of each multi-word entry), as written.
    pub const ROLE_NOUN: u64 = 1 << 6;
    /// A role noun of more than two letters with an `s` added ("authors").
    pub const ROLE_PLURAL: u64 = 1 << 7;
    /// A source noun (`data/source_nouns.txt`, with head nouns), as written.
    pub const SOURCE_NOUN: u64 = 1 << 8;
    /// A source noun of more than two letters with an `s` added.
    pub const SOURCE_PLURAL: u64 = 1 << 9;
    /// A word that marks an organisation (`data/org_words.txt`), as written.
    pub const ORG_WORD: u64 = 1 << 10;
    /// A capitalised word that is no part of a name (`data/non_name_capitalised.txt`).
    pub const NON_NAME: u64 = 1 << 11;
    /// A place (`data/places.txt`), as written.
    pub const PLACE: u64 = 1 << 12;
    /// A speech cue (`data/cues.txt`), in any case.
    pub const CUE: u64 = 1 << 13;
    /// A cue tagged `indirect`: it also introduces reported speech.
    pub const CUE_INDIRECT: u64 = 1 << 14;
    /// A cue tagged `question`.
    pub const CUE_QUESTION: u64 = 1 << 15;
    /// A cue tagged `thought`.
    pub const CUE_THOUGHT: u64 = 1 << 16;
    /// A cue tagged `evidential`.
    pub const CUE_EVIDENTIAL: u64 = 1 << 17;
    /// A verb of knowing or feeling (`data/thought_verbs.txt`), in any ASCII case.
    pub const THOUGHT_VERB: u64 = 1 << 18;
    /// A stance verb form (`data/stance_verbs.txt`), in lower case only.
    pub const STANCE_VERB: u64 = 1 << 19;
    /// A stance noun (`data/stance_nouns.txt`), in lower case only.
    pub const STANCE_NOUN: u64 = 1 << 20;
    /// An evidential word (`data/evidential_cues.txt`), in lower case only.
    pub const EVIDENTIAL: u64 = 1 << 21;
    /// A word that may stay in lower case in a title (`data/title_small_words.txt`), in any case.
    pub const TITLE_SMALL_WORD: u64 = 1 << 22;
    /// A word that introduces a name before a quoted passage (`data/naming_words.txt`), in any ASCII case.
    pub const NAMING_WORD: u64 = 1 << 23;
    /// A word that continues a sentence after a quoted passage (`data/function_words.txt`), in any ASCII case.
    pub const FUNCTION_WORD: u64 = 1 << 24;
    /// A determiner before a quoted passage (`data/passage_determiners.txt`), in any ASCII case.
    pub const PASSAGE_DETERMINER: u64 = 1 << 25;
    /// A word right before a quoted name (`data/naming_prefixes.txt`), in any ASCII case.
    pub const NAMING_PREFIX: u64 = 1 << 26;
    /// A preposition before a quoted title (`data/title_prepositions.txt`), in any ASCII case.
    pub const TITLE_PREPOSITION: u64 = 1 << 27;
    /// A finite verb form (`data/finite_verbs.txt`), as written.
    pub const FINITE_VERB: u64 = 1 << 28;
    /// A noun that may head a described speaker (`data/speaker_nouns.txt`), as written.
    pub const SPEAKER_NOUN: u64 = 1 << 29;
    /// A noun of data and records (`data/evidence_nouns.txt`), as written.
    pub const EVIDENCE_NOUN: u64 = 1 << 30;
    /// A word that labels a heading, not a speaker (`data/heading_labels.txt`), as written.
    pub const HEADING_LABEL: u64 = 1 << 31;
    /// The head of a stance phrase (`data/stance_heads.txt`), in any ASCII case.
    pub const STANCE_HEAD: u64 = 1 << 32;
    /// A word before a name or role that does not change who it is
    /// (`data/speaker_premodifiers.txt`), in any ASCII case.
    pub const SPEAKER_PREMODIFIER: u64 = 1 << 33;
    /// A determiner or quantifier that opens a speaker phrase (`data/speaker_determiners.txt`),
    /// in any ASCII case.
    pub const SPEAKER_DETERMINER: u64 = 1 << 34;
    /// A word that no speaker phrase holds (`data/speaker_stop_words.txt`), in any ASCII case.
    pub const SPEAKER_STOP_WORD: u64 = 1 << 35;
    /// A word that may stand between a speaker and a cue (`data/cue_adverbs.txt`), in any
    /// ASCII case.
    pub const CUE_ADVERB: u64 = 1 << 36;
    /// A determiner or possessive pronoun before a cue word in -ing or -ed (`data/cue_determiners.txt`), in any ASCII case.
    pub const CUE_DETERMINER: u64 = 1 << 37;
    /// A word that opens a clause or an indirect question (`data/clause_openers.txt`), in any ASCII case.
    pub const CLAUSE_OPENER: u64 = 1 << 38;
    /// An adverb that shows a speaker phrase runs on into its clause (`data/clause_adverbs.txt`), in any ASCII case.
    pub const CLAUSE_ADVERB: u64 = 1 << 39;
    /// A word that opens what follows a speaker phrase's head (`data/postmodifier_openers.txt`), in any ASCII case.
    pub const POSTMODIFIER_OPENER: u64 = 1 << 40;
    /// A quantity that stands for people (`data/quantities.txt`), in any ASCII case.
    pub const QUANTITY: u64 = 1 << 41;
    /// A word that joins a speaker phrase into a longer phrase (`data/inner_joiners.txt`), in any ASCII case.
    pub const INNER_JOINER: u64 = 1 << 42;
    /// A capitalised word before a name that is no part of it (`data/not_name_parts.txt`), as written.
    pub const NOT_NAME_PART: u64 = 1 << 43;
    /// A determiner of a description that points back (`data/definite_determiners.txt`), in any ASCII case.
    pub const DEFINITE: u64 = 1 << 44;
    /// The head of a description that names no one the text would name (`data/unnamed_bodies.txt`), in any ASCII case.
    pub const UNNAMED_BODY: u64 = 1 << 45;
    /// An auxiliary that makes a cue in -ing a verb (`data/participle_auxiliaries.txt`), in any ASCII case.
    pub const PARTICIPLE_AUXILIARY: u64 = 1 << 46;
    /// A word that opens the writer's own clause after a dash (`data/aside_openers.txt`), in any ASCII case.
    pub const ASIDE_OPENER: u64 = 1 << 47;
    /// A word that opens an adverbial, not a clause (`data/adverbial_openers.txt`), in any ASCII case.
    pub const ADVERBIAL_OPENER: u64 = 1 << 48;
    /// A word in -ed that is no past form (`data/not_past_ed.txt`), in any ASCII case.
    pub const NOT_PAST_ED: u64 = 1 << 49;
    /// A preposition that opens a phrase inside a subject (`data/subject_prepositions.txt`), in any ASCII case.
    pub const SUBJECT_PREPOSITION: u64 = 1 << 50;
    /// A word after which a word in -ed is no finite verb (`data/before_participle.txt`), in any ASCII case.
    pub const BEFORE_PARTICIPLE: u64 = 1 << 51;
    /// A word that may open a sentence before its subject (`data/sentence_openers.txt`), in any ASCII case.
    pub const SENTENCE_OPENER: u64 = 1 << 52;
    /// A word that makes a phrase more than a speaker label (`data/not_in_labels.txt`), in any ASCII case.
    pub const NOT_IN_LABEL: u64 = 1 << 53;
    /// A word that announces a quote and its speaker (`data/announcing_nouns.txt`), in any ASCII case.
    pub const ANNOUNCING_NOUN: u64 = 1 << 54;
    /// A word after a speech verb that opens what was said (`data/opens_content.txt`), in any ASCII case.
    pub const OPENS_CONTENT: u64 = 1 << 55;
    /// A word that cannot open the adjective after "appear", "look" or "sound"
    /// (`data/complement_blockers.txt`), in any ASCII case.
    pub const COMPLEMENT_BLOCKER: u64 = 1 << 56;
    /// A noun that names a poll or a survey (`data/poll_nouns.txt`), in any ASCII case.
    pub const POLL_NOUN: u64 = 1 << 57;
    /// A word that opens the question an opening "Asked …" reports
    /// (`data/question_openers.txt`), in any ASCII case.
    pub const QUESTION_OPENER: u64 = 1 << 58;
    /// A word a rule in Rust looks for as it is, which wakes that rule
    /// (`data/wake_words.txt`), in any ASCII case.
    pub const WAKE_WORD: u64 = 1 << 59;
    /// A cue tagged `inverts`: it may stand before its speaker ("…, said Smith").
    pub const CUE_INVERTS: u64 = 1 << 60;
}

/// How a list reads the case of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Only as written in the list.
    Exact,
    /// In any case: the word lower-cased (Unicode) equals the entry.
    Any,
    /// In any ASCII case: the word with its ASCII letters lower-cased equals the entry.
    AnyAscii,
}

/// A word list of `data/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    /// `data/stance_verbs.txt`: attributes say what must follow the verb.
    StanceVerbs,
    /// `data/stance_nouns.txt`: the attribute is the word that must follow the noun.
    StanceNouns,
    /// `data/evidential_cues.txt`: the attribute is the word's class.
    EvidentialCues,
    /// `data/stance_heads.txt`: the attributes say what the word takes after it.
    StanceHeads,
    /// `data/stance_phrase_words.txt`: the attribute is the word's part in a stance phrase
    /// (`linking`, `degree`, `concern`). Asked in lower case, by [`attrs`] only: no class bit.
    StancePhraseWords,
    /// `data/object_openers.txt`: words that open a verb's object. Asked in lower case, by
    /// [`holds`] only: no class bit.
    ObjectOpeners,
    /// `data/headline_small_words.txt`: words a title-case headline leaves in lower case.
    /// Asked as written, by [`holds`] only: no class bit.
    HeadlineSmallWords,
}

/// The id of a word of the lexicon; [`WordId::NONE`] for a word in no list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct WordId(pub u32);

impl WordId {
    /// The id of every word that no list holds.
    pub const NONE: WordId = WordId(0);
}

/// What the lexicon knows of one word.
///
/// Kept for every token of a document, so in 12 bytes: the class bits are held as two
/// 32-bit halves, which a `u64` field would pad to 16.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordInfo {
    /// The word's id: equal for words equal in lower case.
    pub id: WordId,
    /// The [`class`] bits of the lists that hold the word as written: low and high half.
    classes: [u32; 2],
}

impl WordInfo {
    /// A word in no list.
    pub const NONE: WordInfo = WordInfo {
        id: WordId::NONE,
        classes: [0; 2],
    };

    /// The word `id`, in the lists of the [`class`] bits `classes` as written.
    #[inline]
    pub fn new(id: WordId, classes: u64) -> WordInfo {
        WordInfo {
            id,
            // The halves of a 64-bit number: the truncation is the point.
            classes: [classes as u32, (classes >> 32) as u32],
        }
    }

    /// The [`class`] bits of the lists that hold the word as written.
    #[inline]
    pub fn classes(&self) -> u64 {
        u64::from(self.classes[0]) | (u64::from(self.classes[1]) << 32)
    }

    /// True when the word, as written, is in one of the lists of `classes`.
    #[inline]
    pub fn has(&self, classes: u64) -> bool {
        self.classes() & classes != 0
    }

    /// The [`class`] bits of the lists that hold the word lower-cased: a property of the
    /// word's id, so it is read from the table rather than kept in every token's info (a
    /// long document has millions of tokens).
    #[inline]
    pub fn lower(&self) -> u64 {
        TABLE.entries[self.id.0 as usize].as_lower
    }
}

/// One key of the table.
#[derive(Default)]
struct Entry {
    /// The key: the entry in lower case.
    key: Box<[u8]>,
    /// The key as [`chunks`] (for a key of at most [`STACK_WORD`] bytes).
    chunks: [u64; CHUNKS],
    /// Classes of the lists read in any case.
    any_case: u64,
    /// Classes of the lists read in any ASCII case (none for a word beyond ASCII).
    any_ascii: u64,
    /// The forms the case-exact lists wrote, with their classes.
    forms: Vec<(Box<str>, u64)>,
    /// The classes of the key itself, as written: of a word in lower case.
    as_lower: u64,
    /// The classes of the key with its first letter in upper case ("Said", "John").
    as_capital: u64,
}

/// The merged lexicon.
struct Table {
    keys: HashMap<Box<[u8]>, u32>,
    /// Open addressing over [`Table::entries`] by [`hash`] of the key: the ids, 0 for an
    /// empty slot. A word's hash is taken while it is lower-cased, in one pass.
    slots: Box<[u32]>,
    /// By [`WordId`]; entry 0 stands for no word.
    entries: Vec<Entry>,
    /// Shapes of the keys (see [`shape`]): most words of no list fail this test and are
    /// never lower-cased or hashed.
    shapes: Box<[u64; SHAPE_COUNT / 64]>,
    /// The attributes of each line of the lists with attributes, by word, one map for each
    /// [`List`].
    attrs: [HashMap<&'static str, Vec<&'static str>>; LISTS_WITH_ATTRS],
}

/// Number of [`List`]s.
const LISTS_WITH_ATTRS: usize = 7;

/// Number of distinct [`shape`]s.
const SHAPE_COUNT: usize = 1 << 15;

/// Shape of a non-empty word: first and last byte (either ASCII case) and length, folded
/// into 15 bits. Words equal but for ASCII case have one shape.
#[inline]
fn shape(word: &[u8]) -> usize {
    let (first, last) = (word[0], word[word.len() - 1]);
    (usize::from(first & 31) << 10) | (usize::from(last & 31) << 5) | (word.len() & 31)
}

/// The entries of a list in the one format: the entry and its attributes (empty when it
/// has none), comments and blank lines skipped.
pub fn entries(list: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    list.lines().filter_map(|line| {
        let (entry, attrs) = line.split_once('\t').unwrap_or((line, ""));
        let entry = entry.trim();
        (!entry.is_empty() && !entry.starts_with('#')).then(|| (entry, attrs.trim()))
    })
}

/// The entries of a list without their attributes.
pub fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    entries(list).map(|(entry, _)| entry)
}

impl Table {
    fn entry(&mut self, word: &str) -> &mut Entry {
        let key = word.to_lowercase().into_bytes().into_boxed_slice();
        let next = self.entries.len() as u32;
        let id = *self.keys.entry(key.clone()).or_insert(next);
        if id == next {
            self.entries.push(Entry {
                chunks: chunks(&key).unwrap_or_default(),
                key,
                ..Entry::default()
            });
        }
        &mut self.entries[id as usize]
    }

    fn add(&mut self, word: &str, case: Case, classes: u64) {
        let entry = self.entry(word);
        match case {
            Case::Any => entry.any_case |= classes,
            Case::AnyAscii => entry.any_ascii |= classes,
            Case::Exact => match entry.forms.iter_mut().find(|(f, _)| &**f == word) {
                Some((_, c)) => *c |= classes,
                None => entry.forms.push((word.into(), classes)),
            },
        }
    }

    fn build() -> Table {
        use class::*;
        let mut t = Table {
            keys: HashMap::default(),
            slots: Box::new([]),
            entries: vec![Entry::default()],
            shapes: Box::new([0; SHAPE_COUNT / 64]),
            attrs: Default::default(),
        };
        let exact = |t: &mut Table, list: &'static str, classes: u64| {
            for w in words(list) {
                t.add(w, Case::Exact, classes);
            }
        };
        exact(
            &mut t,
            include_str!("../../data/given_names_male.txt"),
            GIVEN_NAME | GIVEN_MALE,
        );
        exact(
            &mut t,
            include_str!("../../data/given_names_female.txt"),
            GIVEN_NAME | GIVEN_FEMALE,
        );
        exact(
            &mut t,
            include_str!("../../data/given_names_unisex.txt"),
            GIVEN_NAME | GIVEN_UNISEX,
        );
        for title in words(include_str!("../../data/titles.txt")) {
            t.add(title, Case::Exact, TITLE);
            // "the senator": a title in lower case is a role noun. Only the first letter is
            // lowered, and a word with another capital is read as a role as written.
            let b = title.as_bytes();
            if b[0].is_ascii_uppercase()
                && b.len() > 2
                && !b[1..].iter().any(u8::is_ascii_uppercase)
            {
                let lowered = format!("{}{}", char::from(b[0].to_ascii_lowercase()), &title[1..]);
                t.add(&lowered, Case::Exact, TITLE_LOWER);
            }
        }
        // A multi-word role ("chief economist") also lends its head noun ("economist"); a
        // source noun is a role noun too.
        let roles = words(include_str!("../../data/role_nouns.txt"));
        let sources = words(include_str!("../../data/source_nouns.txt"));
        for (word, classes) in roles
            .map(|w| (w, ROLE_NOUN))
            .chain(sources.map(|w| (w, ROLE_NOUN | SOURCE_NOUN)))
        {
            for w in [word, word.rsplit(' ').next().unwrap_or(word)] {
                t.add(w, Case::Exact, classes);
                if w.len() > 2 {
                    let plural = ((classes & SOURCE_NOUN) * (SOURCE_PLURAL / SOURCE_NOUN))
                        | ((classes & ROLE_NOUN) * (ROLE_PLURAL / ROLE_NOUN));
                    t.add(&format!("{w}s"), Case::Exact, plural);
                }
            }
        }
        exact(&mut t, include_str!("../../data/org_words.txt"), ORG_WORD);
        exact(
            &mut t,
            include_str!("../../data/non_name_capitalised.txt"),
            NON_NAME,
        );
        exact(&mut t, include_str!("../../data/places.txt"), PLACE);
        exact(
            &mut t,
            include_str!("../../data/finite_verbs.txt"),
            FINITE_VERB,
        );
        exact(
            &mut t,
            include_str!("../../data/speaker_nouns.txt"),
            SPEAKER_NOUN,
        );
        exact(
            &mut t,
            include_str!("../../data/evidence_nouns.txt"),
            EVIDENCE_NOUN,
        );
        exact(
            &mut t,
            include_str!("../../data/heading_labels.txt"),
            HEADING_LABEL,
        );
        for (cue, tags) in entries(include_str!("../../data/cues.txt")) {
            let mut classes = CUE;
            for tag in tags.split_whitespace() {
                classes |= match tag {
                    "indirect" => CUE_INDIRECT,
                    "question" => CUE_QUESTION,
                    "thought" => CUE_THOUGHT,
                    "evidential" => CUE_EVIDENTIAL,
                    "inverts" => CUE_INVERTS,
                    _ => 0,
                };
            }
            t.add(&cue.to_lowercase(), Case::Any, classes);
        }
        for verb in words(include_str!("../../data/thought_verbs.txt")) {
            t.add(verb, Case::AnyAscii, THOUGHT_VERB);
        }
        let cased: [(&'static str, Case, u64); 33] = [
            (
                include_str!("../../data/title_small_words.txt"),
                Case::Any,
                TITLE_SMALL_WORD,
            ),
            (
                include_str!("../../data/naming_words.txt"),
                Case::AnyAscii,
                NAMING_WORD,
            ),
            (
                include_str!("../../data/function_words.txt"),
                Case::AnyAscii,
                FUNCTION_WORD,
            ),
            (
                include_str!("../../data/passage_determiners.txt"),
                Case::AnyAscii,
                PASSAGE_DETERMINER,
            ),
            (
                include_str!("../../data/naming_prefixes.txt"),
                Case::AnyAscii,
                NAMING_PREFIX,
            ),
            (
                include_str!("../../data/title_prepositions.txt"),
                Case::AnyAscii,
                TITLE_PREPOSITION,
            ),
            (
                include_str!("../../data/speaker_premodifiers.txt"),
                Case::AnyAscii,
                SPEAKER_PREMODIFIER,
            ),
            (
                include_str!("../../data/speaker_determiners.txt"),
                Case::AnyAscii,
                SPEAKER_DETERMINER,
            ),
            (
                include_str!("../../data/speaker_stop_words.txt"),
                Case::AnyAscii,
                SPEAKER_STOP_WORD,
            ),
            (
                include_str!("../../data/cue_adverbs.txt"),
                Case::AnyAscii,
                CUE_ADVERB,
            ),
            (
                include_str!("../../data/cue_determiners.txt"),
                Case::AnyAscii,
                CUE_DETERMINER,
            ),
            (
                include_str!("../../data/clause_openers.txt"),
                Case::AnyAscii,
                CLAUSE_OPENER,
            ),
            (
                include_str!("../../data/clause_adverbs.txt"),
                Case::AnyAscii,
                CLAUSE_ADVERB,
            ),
            (
                include_str!("../../data/postmodifier_openers.txt"),
                Case::AnyAscii,
                POSTMODIFIER_OPENER,
            ),
            (
                include_str!("../../data/quantities.txt"),
                Case::AnyAscii,
                QUANTITY,
            ),
            (
                include_str!("../../data/inner_joiners.txt"),
                Case::AnyAscii,
                INNER_JOINER,
            ),
            (
                include_str!("../../data/not_name_parts.txt"),
                Case::Exact,
                NOT_NAME_PART,
            ),
            (
                include_str!("../../data/definite_determiners.txt"),
                Case::AnyAscii,
                DEFINITE,
            ),
            (
                include_str!("../../data/unnamed_bodies.txt"),
                Case::AnyAscii,
                UNNAMED_BODY,
            ),
            (
                include_str!("../../data/complement_blockers.txt"),
                Case::AnyAscii,
                COMPLEMENT_BLOCKER,
            ),
            (
                include_str!("../../data/poll_nouns.txt"),
                Case::AnyAscii,
                POLL_NOUN,
            ),
            (
                include_str!("../../data/question_openers.txt"),
                Case::AnyAscii,
                QUESTION_OPENER,
            ),
            (
                include_str!("../../data/participle_auxiliaries.txt"),
                Case::AnyAscii,
                PARTICIPLE_AUXILIARY,
            ),
            (
                include_str!("../../data/aside_openers.txt"),
                Case::AnyAscii,
                ASIDE_OPENER,
            ),
            (
                include_str!("../../data/adverbial_openers.txt"),
                Case::AnyAscii,
                ADVERBIAL_OPENER,
            ),
            (
                include_str!("../../data/not_past_ed.txt"),
                Case::AnyAscii,
                NOT_PAST_ED,
            ),
            (
                include_str!("../../data/subject_prepositions.txt"),
                Case::AnyAscii,
                SUBJECT_PREPOSITION,
            ),
            (
                include_str!("../../data/before_participle.txt"),
                Case::AnyAscii,
                BEFORE_PARTICIPLE,
            ),
            (
                include_str!("../../data/sentence_openers.txt"),
                Case::AnyAscii,
                SENTENCE_OPENER,
            ),
            (
                include_str!("../../data/not_in_labels.txt"),
                Case::AnyAscii,
                NOT_IN_LABEL,
            ),
            (
                include_str!("../../data/announcing_nouns.txt"),
                Case::AnyAscii,
                ANNOUNCING_NOUN,
            ),
            (
                include_str!("../../data/opens_content.txt"),
                Case::AnyAscii,
                OPENS_CONTENT,
            ),
            (
                include_str!("../../data/wake_words.txt"),
                Case::AnyAscii,
                WAKE_WORD,
            ),
        ];
        for (list, case, classes) in cased {
            for word in words(list) {
                t.add(word, case, classes);
            }
        }
        let with_attrs: [(List, &'static str, Case, u64); LISTS_WITH_ATTRS] = [
            (
                List::StanceVerbs,
                include_str!("../../data/stance_verbs.txt"),
                Case::Exact,
                STANCE_VERB,
            ),
            (
                List::StanceNouns,
                include_str!("../../data/stance_nouns.txt"),
                Case::Exact,
                STANCE_NOUN,
            ),
            (
                List::EvidentialCues,
                include_str!("../../data/evidential_cues.txt"),
                Case::Exact,
                EVIDENTIAL,
            ),
            (
                List::StanceHeads,
                include_str!("../../data/stance_heads.txt"),
                Case::AnyAscii,
                STANCE_HEAD,
            ),
            // Lists a rule asks about by the word's text, not through the token's classes.
            (
                List::StancePhraseWords,
                include_str!("../../data/stance_phrase_words.txt"),
                Case::Exact,
                0,
            ),
            (
                List::ObjectOpeners,
                include_str!("../../data/object_openers.txt"),
                Case::Exact,
                0,
            ),
            (
                List::HeadlineSmallWords,
                include_str!("../../data/headline_small_words.txt"),
                Case::Exact,
                0,
            ),
        ];
        for (list, source, case, classes) in with_attrs {
            for (word, attrs) in entries(source) {
                if classes != 0 {
                    t.add(word, case, classes);
                }
                t.attrs[list as usize].entry(word).or_default().push(attrs);
            }
        }
        // The two forms nearly every word is written in are answered without comparing
        // forms: its lower-case form and its capitalised form.
        for (key, &id) in &t.keys {
            let s = shape(key);
            t.shapes[s / 64] |= 1 << (s % 64);
            let capital: Vec<u8> = key
                .iter()
                .enumerate()
                .map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { *b })
                .collect();
            let entry = &mut t.entries[id as usize];
            let any = entry.any_case | entry.any_ascii;
            entry.as_lower = any | entry.classes_of(key);
            entry.as_capital = any | entry.classes_of(&capital);
        }
        // At most a quarter full: a word not in the table meets an empty slot soon.
        let size = (t.entries.len() * 4).next_power_of_two();
        let mut slots = vec![0u32; size].into_boxed_slice();
        for (id, entry) in t.entries.iter().enumerate().skip(1) {
            let mut slot = slot_of(hash(&entry.key), size);
            while slots[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = id as u32;
        }
        t.slots = slots;
        t
    }

    /// The id of the entry for which `is_key` holds, starting at the slot of `hash`.
    #[inline]
    fn find(&self, hash: u64, is_key: impl Fn(&Entry) -> bool) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(hash, self.slots.len());
        loop {
            let id = self.slots[slot];
            if id == 0 {
                return None;
            }
            if is_key(&self.entries[id as usize]) {
                return Some(id);
            }
            slot = (slot + 1) & mask;
        }
    }
}

impl Entry {
    /// The classes of the case-exact forms equal to `word`.
    fn classes_of(&self, word: &[u8]) -> u64 {
        self.forms
            .iter()
            .filter(|(form, _)| form.as_bytes() == word)
            .fold(0, |all, (_, classes)| all | classes)
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(Table::build);

/// Number of 8-byte chunks of a word of at most [`STACK_WORD`] bytes.
const CHUNKS: usize = STACK_WORD / 8;

/// The high bit of every byte of a chunk.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// A word of at most [`STACK_WORD`] bytes as little-endian 8-byte chunks, zero-padded;
/// `None` for a longer word.
fn chunks(bytes: &[u8]) -> Option<[u64; CHUNKS]> {
    let mut out = [0u64; CHUNKS];
    if bytes.len() > STACK_WORD {
        return None;
    }
    for (c, piece) in out.iter_mut().zip(bytes.chunks(8)) {
        *c = chunk(piece);
    }
    Some(out)
}

/// Up to 8 bytes as a little-endian integer, zero-padded.
#[inline]
fn chunk(piece: &[u8]) -> u64 {
    piece
        .iter()
        .rev()
        .fold(0, |acc, &b| (acc << 8) | u64::from(b))
}

/// One chunk into a running hash.
#[inline]
fn hash_step(hash: u64, chunk: u64) -> u64 {
    (hash ^ chunk).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The hash of a key: its zero-padded 8-byte chunks (all [`CHUNKS`] of a short key), one
/// multiplication each.
fn hash(key: &[u8]) -> u64 {
    match chunks(key) {
        Some(chunks) => hash_chunks(&chunks),
        None => key.chunks(8).fold(0, |h, piece| hash_step(h, chunk(piece))),
    }
}

/// [`hash`] of a short key's chunks.
#[inline]
fn hash_chunks(chunks: &[u64; CHUNKS]) -> u64 {
    chunks.iter().fold(0, |h, &c| hash_step(h, c))
}

/// The bytes of `chunk` (all below 0x80) that are ASCII capitals, as their high bits.
#[inline]
fn capitals(chunk: u64) -> u64 {
    // No byte carries into the next: each is below 0x80, plus at most 0x3f.
    let from_a = chunk.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let past_z = chunk.wrapping_add(0x2525_2525_2525_2525);
    from_a & !past_z & HIGH_BITS
}

/// The slot of a table of `size` (a power of two) where a key hashed `hash` is first sought.
#[inline]
fn slot_of(hash: u64, size: usize) -> usize {
    ((hash ^ (hash >> 32)) as usize) & (size - 1)
}

/// Longest word lower-cased in a stack buffer rather than a new `String`.
const STACK_WORD: usize = 32;

/// What the lexicon knows of `word` (one word or a multi-word entry's text).
#[inline]
pub fn lookup(word: &str) -> WordInfo {
    let table = &*TABLE;
    let bytes = word.as_bytes();
    if bytes.is_empty() {
        return WordInfo::NONE;
    }
    // An ASCII word lower-cases to a word of the same shape; other words may not.
    let s = shape(bytes);
    if table.shapes[s / 64] & (1 << (s % 64)) == 0 && word.is_ascii() {
        return WordInfo::NONE;
    }
    lookup_in(table, word)
}

/// [`lookup`] past its shape test: an ASCII word is lower-cased and hashed eight bytes at
/// a time.
#[inline(never)]
fn lookup_in(table: &Table, word: &str) -> WordInfo {
    let bytes = word.as_bytes();
    if bytes.len() > STACK_WORD {
        return lookup_slow(table, word);
    }
    let mut raw = [0u64; CHUNKS];
    for (c, piece) in raw.iter_mut().zip(bytes.chunks(8)) {
        *c = chunk(piece);
    }
    if raw.iter().fold(0, |all, c| all | c) & HIGH_BITS != 0 {
        return lookup_slow(table, word);
    }
    found(table, raw, bytes)
}

/// The [`WordInfo`] of an ASCII word of at most [`STACK_WORD`] bytes, given as its chunks.
#[inline(always)]
fn found(table: &Table, raw: [u64; CHUNKS], bytes: &[u8]) -> WordInfo {
    let caps = raw.map(capitals);
    let any_capital = caps.iter().fold(0, |all, c| all | c) != 0;
    // Only the first byte a capital: "Said", "John".
    let capitalised = caps[0] == 0x80 && caps[1..].iter().all(|&c| c == 0);
    // 0x80 >> 2 is the case bit of an ASCII letter.
    let mut lower = raw;
    for (l, c) in lower.iter_mut().zip(caps) {
        *l |= c >> 2;
    }
    let len = bytes.len();
    let same = |e: &Entry| {
        e.key.len() == len && e.chunks.iter().zip(&lower).fold(0, |d, (a, b)| d | (a ^ b)) == 0
    };
    let Some(id) = table.find(hash_chunks(&lower), same) else {
        return WordInfo::NONE;
    };
    let entry = &table.entries[id as usize];
    let classes = if !any_capital {
        entry.as_lower
    } else if capitalised {
        entry.as_capital
    } else {
        entry.any_case | entry.any_ascii | entry.classes_of(bytes)
    };
    WordInfo::new(WordId(id), classes)
}

/// [`lookup`] of a word beyond ASCII or longer than [`STACK_WORD`].
fn lookup_slow(table: &Table, word: &str) -> WordInfo {
    let ascii = word.is_ascii();
    let key = if ascii {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    };
    let Some(id) = table.find(hash(key.as_bytes()), |e| *e.key == *key.as_bytes()) else {
        return WordInfo::NONE;
    };
    let entry = &table.entries[id as usize];
    WordInfo::new(
        WordId(id),
        entry.any_case
            | if ascii { entry.any_ascii } else { 0 }
            | entry.classes_of(word.as_bytes()),
    )
}

/// The attributes of each line of `list` that holds `word` exactly as written (empty when
/// none does).
pub fn attrs(list: List, word: &str) -> &'static [&'static str] {
    TABLE.attrs[list as usize]
        .get(word)
        .map_or(&[], |a| a.as_slice())
}

/// True when list `list` holds `word` exactly as given (its attributes aside).
pub fn holds(list: List, word: &str) -> bool {
    TABLE.attrs[list as usize].contains_key(word)
}

/// True when list `list` holds `word` exactly as given with attribute `attr` on one of its
/// lines.
pub fn has_attr(list: List, word: &str, attr: &str) -> bool {
    attrs(list, word)
        .iter()
        .any(|a| a.split_whitespace().any(|x| x == attr))
}

/// What the lexicon knows of each token of `text`: [`WordInfo::NONE`] for a token that is
/// no word. One lookup per word, for every later stage.
pub fn words_of(text: &str, tokens: &[Token]) -> Vec<WordInfo> {
    let table = &*TABLE;
    let bytes = text.as_bytes();
    tokens
        .iter()
        .map(|t| {
            if !t.is_word() {
                return WordInfo::NONE;
            }
            // Most words are ASCII of at most 8 bytes: read as one chunk of the text.
            let r = t.range();
            if r.len() <= 8 && r.start + 8 <= bytes.len() {
                if let Ok(eight) = <[u8; 8]>::try_from(&bytes[r.start..r.start + 8]) {
                    let keep = u64::MAX >> ((8 - r.len()) * 8);
                    let c = u64::from_le_bytes(eight) & keep;
                    if c & HIGH_BITS == 0 && c != 0 {
                        return found(table, [c, 0, 0, 0], &bytes[r]);
                    }
                }
            }
            lookup(&text[t.range()])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::class::*;
    use super::*;

    #[test]
    fn word_info_is_twelve_bytes_and_reads_its_lower_case_classes_by_id() {
        // One for every token of a document: a long document has millions.
        assert_eq!(std::mem::size_of::<WordInfo>(), 12);
        assert_eq!(WordInfo::NONE.lower(), 0);
        // Class bits of both halves come back as they went in.
        let both = CUE_DETERMINER | CUE;
        assert!(CUE_DETERMINER > u64::from(u32::MAX));
        let info = WordInfo::new(WordId(7), both);
        assert_eq!(info.classes(), both);
        assert!(info.has(CUE_DETERMINER) && info.has(CUE));
        let said = lookup("Said");
        assert!(said.lower() & CUE != 0);
        assert_eq!(said.lower(), lookup("said").lower());
    }

    #[test]
    fn format_splits_entry_and_attributes_and_skips_comments() {
        let list = "# a comment\n\nword\nplan\t[to]\ncall\tfor \n  New York  \n";
        let got: Vec<_> = entries(list).collect();
        assert_eq!(
            got,
            [
                ("word", ""),
                ("plan", "[to]"),
                ("call", "for"),
                ("New York", "")
            ]
        );
    }

    #[test]
    fn lists_asked_by_text_hold_their_words_as_written() {
        assert!(holds(List::ObjectOpeners, "those"));
        // "a" is the rule's to judge ("a few days later").
        assert!(!holds(List::ObjectOpeners, "a"));
        assert!(holds(List::HeadlineSmallWords, "against"));
        assert!(!holds(List::HeadlineSmallWords, "Against"));
        assert!(has_attr(List::StancePhraseWords, "’s", "linking"));
        assert!(has_attr(List::StancePhraseWords, "quite", "degree"));
        assert!(!has_attr(List::StancePhraseWords, "quite", "linking"));
        assert!(has_attr(List::StancePhraseWords, "doubts", "concern"));
    }

    #[test]
    fn each_tag_of_a_cue_sets_its_class() {
        let all = CUE | CUE_INDIRECT | CUE_QUESTION | CUE_INVERTS;
        assert_eq!(lookup("asked").classes() & all, all);
        assert!(lookup("Wrote").has(CUE_INVERTS));
        // A verb that takes an object never stands before its speaker.
        assert_eq!(lookup("praised").classes() & CUE_INVERTS, 0);
        let evidential = CUE_EVIDENTIAL | CUE_INVERTS;
        assert_eq!(lookup("concluded").classes() & evidential, evidential);
    }

    #[test]
    fn each_list_reads_case_its_own_way() {
        // Cues in any case.
        assert!(lookup("said").has(CUE | CUE_INDIRECT));
        assert!(lookup("SAID").has(CUE));
        // Given names and titles only as written.
        assert!(lookup("John").has(GIVEN_NAME | GIVEN_MALE));
        assert!(!lookup("john").has(GIVEN_NAME));
        assert!(lookup("john").lower() & GIVEN_NAME == 0);
        assert!(lookup("Sen.").has(TITLE));
        assert!(lookup("senator").has(TITLE_LOWER));
        // Stance verbs only in lower case.
        assert!(lookup("wants").has(STANCE_VERB));
        assert!(!lookup("Wants").has(STANCE_VERB));
        assert!(lookup("Wants").lower() & STANCE_VERB != 0);
        // Thought verbs in any ASCII case.
        assert!(lookup("Knows").has(THOUGHT_VERB));
    }

    #[test]
    fn lists_of_the_later_stages_read_case_as_their_headers_say() {
        // Any ASCII case.
        assert!(lookup("Dubbed").has(NAMING_WORD));
        assert!(lookup("WHICH").has(FUNCTION_WORD));
        assert!(lookup("His").has(PASSAGE_DETERMINER));
        // As written.
        assert!(lookup("would").has(FINITE_VERB));
        assert!(!lookup("Would").has(FINITE_VERB));
        assert!(lookup("UPDATE").has(HEADING_LABEL));
        assert!(!lookup("Update").has(HEADING_LABEL));
        // In any case, through the word lower-cased.
        assert!(lookup("OF").lower() & TITLE_SMALL_WORD != 0);
    }

    #[test]
    fn speaker_phrase_lists_read_any_ascii_case() {
        assert!(lookup("Former").has(SPEAKER_PREMODIFIER));
        assert!(lookup("SEVERAL").has(SPEAKER_DETERMINER));
        assert!(!lookup("my").has(SPEAKER_DETERMINER));
        assert!(lookup("Whose").has(SPEAKER_STOP_WORD));
        assert!(lookup("Onstage").has(COMPLEMENT_BLOCKER));
        assert!(!lookup("relaxed").has(COMPLEMENT_BLOCKER));
        assert!(lookup("Polls").has(POLL_NOUN));
        assert!(!lookup("pollster").has(POLL_NOUN));
        assert!(lookup("Whether").has(QUESTION_OPENER));
        assert!(lookup("Reportedly").has(CUE_ADVERB));
        assert!(!lookup("quickly").has(CUE_ADVERB));
    }

    #[test]
    fn lists_of_the_indirect_checks_read_case_as_their_headers_say() {
        // Any ASCII case.
        assert!(lookup("Whether").has(CLAUSE_OPENER));
        assert!(lookup("YOUR").has(CUE_DETERMINER));
        assert!(lookup("flat-out").has(CLAUSE_ADVERB));
        assert!(lookup("Across").has(POSTMODIFIER_OPENER));
        assert!(lookup("Several").has(QUANTITY));
        assert!(lookup("police").has(UNNAMED_BODY));
        assert!(lookup("Kept").has(PARTICIPLE_AUXILIARY));
        assert!(lookup("Whereas").has(ASIDE_OPENER));
        assert!(lookup("Amid").has(ADVERBIAL_OPENER));
        assert!(lookup("sacred").has(NOT_PAST_ED));
        assert!(lookup("Into").has(SUBJECT_PREPOSITION));
        assert!(lookup("newly").has(BEFORE_PARTICIPLE));
        assert!(lookup("Both").has(DEFINITE));
        assert!(lookup("And").has(INNER_JOINER));
        // As written: capitalised openers, days and months.
        assert!(lookup("Monday").has(NOT_NAME_PART));
        assert!(lookup("The").has(NOT_NAME_PART));
        assert!(!lookup("the").has(NOT_NAME_PART));
        assert!(!lookup("MAY").has(NOT_NAME_PART));
    }

    #[test]
    fn lists_of_the_quote_rules_read_any_ascii_case() {
        assert!(lookup("Instead").has(SENTENCE_OPENER));
        assert!(lookup("AGAINST").has(NOT_IN_LABEL));
        assert!(lookup("Quoting").has(ANNOUNCING_NOUN));
        assert!(lookup("Because").has(OPENS_CONTENT));
        assert!(!lookup("which").has(OPENS_CONTENT));
    }

    #[test]
    fn one_id_for_words_equal_in_lower_case() {
        assert_eq!(lookup("Said").id, lookup("said").id);
        assert_ne!(lookup("said").id, WordId::NONE);
        assert_eq!(lookup("xqzv"), WordInfo::NONE);
    }

    #[test]
    fn plurals_and_head_nouns_of_roles() {
        assert!(lookup("spokesman").has(ROLE_NOUN));
        assert!(lookup("officials").has(ROLE_NOUN | ROLE_PLURAL));
        assert!(lookup("economist").has(ROLE_NOUN));
        assert!(lookup("company").has(SOURCE_NOUN));
    }

    #[test]
    fn multi_word_entries_answer_for_their_text() {
        assert!(lookup("New York").has(PLACE));
        assert!(!lookup("new york").has(PLACE));
        assert!(!lookup("New").has(PLACE));
    }

    #[test]
    fn attributes_by_list_and_word() {
        assert!(attrs(List::StanceVerbs, "plans").contains(&"[to]"));
        assert!(attrs(List::StanceNouns, "call").contains(&"for"));
        assert!(attrs(List::EvidentialCues, "seems").contains(&"[seem]"));
        assert!(attrs(List::StanceVerbs, "Plans").is_empty());
        assert_eq!(attrs(List::StanceHeads, "critical"), ["of"]);
    }

    #[test]
    fn stance_heads_read_any_ascii_case() {
        assert!(lookup("confident").has(STANCE_HEAD));
        assert!(lookup("cONFIDENT").has(STANCE_HEAD));
        assert!(lookup("Pointed").has(STANCE_HEAD));
        assert!(!lookup("confidence").has(STANCE_HEAD));
    }
}
