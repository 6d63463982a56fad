//! The word lists of `data/`, loaded once.
//!
//! Each list is a plain text file, one entry a line, `#` starts a comment line. They are
//! compiled into the binary with `include_str!`, so whosaid needs no data files at run time.

// Read-only tables of short keys, looked up for nearly every token: foldhash is several
// times cheaper than the default SipHash, and the keys are our own word lists, so its weaker
// resistance to crafted collisions does not matter.
use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

/// Gender of a given name or title, as far as a word list can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Male name or title.
    Male,
    /// Female name or title.
    Female,
    /// Used for both, or not known.
    Unknown,
}

/// All word lists.
pub struct Lexicon {
    given_names: HashMap<&'static str, Gender>,
    given_shapes: Shapes,
    titles: WordSet,
    role_nouns: WordSet,
    /// Role nouns of speakers that are not people (`data/source_nouns.txt`).
    source_nouns: WordSet,
    org_words: WordSet,
    non_name: WordSet,
    places: WordSet,
    cues: HashMap<String, bool>,
    cue_shapes: Shapes,
    /// The cues tagged `thought` or `evidential` in `data/cues.txt`, and the verbs of
    /// `data/thought_verbs.txt`, in lower case.
    cue_classes: HashMap<String, CueClass>,
    /// The cues tagged `question` in `data/cues.txt` ("asked", "pressed"), in lower case.
    question_cues: HashSet<String>,
}

/// What a cue word reports, by its tag in `data/cues.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Words said or written ("said", "wrote", "announced"): untagged cues.
    Speech,
    /// What someone thinks, believes or feels ("believes", "hopes"; tag `thought`, and
    /// every verb of `data/thought_verbs.txt`).
    Thought,
    /// What evidence shows ("records show", "the study found"; tag `evidential`).
    Evidential,
}

/// Shape of a non-empty word: first and last byte (either ASCII case) and length, folded
/// into 15 bits. Equal words have equal shapes, and so do words that differ only in ASCII
/// case.
#[inline]
fn shape(word: &[u8]) -> usize {
    let (first, last) = (word[0], word[word.len() - 1]);
    (usize::from(first & 31) << 10) | (usize::from(last & 31) << 5) | (word.len() & 31)
}

/// The [`shape`]s of a list's entries as a bit set. Nearly every lookup is for a word that
/// is not on the list, and most such words are ruled out by one bit test, before hashing.
pub(crate) struct Shapes(Box<[u64; 512]>);

impl Shapes {
    pub(crate) fn of<'a>(keys: impl Iterator<Item = &'a str>) -> Self {
        let mut bits = Box::new([0u64; 512]);
        for key in keys.filter(|k| !k.is_empty()) {
            let s = shape(key.as_bytes());
            bits[s / 64] |= 1 << (s % 64);
        }
        Shapes(bits)
    }

    /// False when no entry can equal `word` (or `word` in another ASCII case).
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        self.may_hold_bytes(word.as_bytes())
    }

    /// [`Shapes::may_hold`] for the bytes of a word.
    #[inline]
    pub(crate) fn may_hold_bytes(&self, word: &[u8]) -> bool {
        if word.is_empty() {
            return true;
        }
        let s = shape(word);
        self.0[s / 64] & (1 << (s % 64)) != 0
    }
}

/// Number of distinct [`shape`]s.
const SHAPE_COUNT: usize = 1 << 15;

/// The [`shape`]s of several lists at once: for each shape, one bit per list that has an
/// entry of that shape. One table lookup turns most words away from all the lists.
pub(crate) struct ShapeTable(Box<[u8; SHAPE_COUNT]>);

impl ShapeTable {
    /// A table of no lists.
    pub(crate) fn new() -> Self {
        ShapeTable(Box::new([0; SHAPE_COUNT]))
    }

    /// Adds the list of `keys` as `bit`.
    pub(crate) fn add<'a>(&mut self, keys: impl Iterator<Item = &'a str>, bit: u8) {
        for key in keys.filter(|k| !k.is_empty()) {
            self.0[shape(key.as_bytes())] |= bit;
        }
    }

    /// The bits of the lists that may hold `word` (in another ASCII case too); all bits for
    /// an empty word, which has no shape.
    #[inline]
    pub(crate) fn may_hold(&self, word: &[u8]) -> u8 {
        if word.is_empty() {
            return u8::MAX;
        }
        self.0[shape(word)]
    }
}

/// A word list with its [`Shapes`].
struct WordSet {
    words: HashSet<&'static str>,
    shapes: Shapes,
}

impl WordSet {
    fn contains(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.words.contains(word)
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let words: HashSet<&'static str> = iter.into_iter().collect();
        let shapes = Shapes::of(words.iter().copied());
        WordSet { words, shapes }
    }
}

/// The entries of a word list in `data/`: one a line, comments (`#`) and blank lines
/// skipped, anything after a tab (a tag) dropped.
pub(crate) fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|l| l.split('\t').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut given_names = HashMap::default();
    for n in entries(include_str!("../../data/given_names_unisex.txt")) {
        given_names.insert(n, Gender::Unknown);
    }
    for n in entries(include_str!("../../data/given_names_male.txt")) {
        given_names.entry(n).or_insert(Gender::Male);
    }
    for n in entries(include_str!("../../data/given_names_female.txt")) {
        given_names
            .entry(n)
            .and_modify(|g| {
                if *g == Gender::Male {
                    *g = Gender::Unknown
                }
            })
            .or_insert(Gender::Female);
    }
    let mut cues = HashMap::default();
    let mut cue_classes = HashMap::default();
    let mut question_cues = HashSet::default();
    for line in include_str!("../../data/cues.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let mut parts = line.split('\t');
        let word = parts.next().unwrap_or("").trim().to_lowercase();
        let tags: Vec<&str> = parts.flat_map(str::split_whitespace).collect();
        let class = if tags.contains(&"thought") {
            CueClass::Thought
        } else if tags.contains(&"evidential") {
            CueClass::Evidential
        } else {
            CueClass::Speech
        };
        cue_classes.insert(word.clone(), class);
        if tags.contains(&"question") {
            question_cues.insert(word.clone());
        }
        cues.insert(word, tags.contains(&"indirect"));
    }
    for verb in entries(include_str!("../../data/thought_verbs.txt")) {
        cue_classes.insert(verb.to_string(), CueClass::Thought);
    }
    let cue_shapes = Shapes::of(cues.keys().map(String::as_str));
    Lexicon {
        given_shapes: Shapes::of(given_names.keys().copied()),
        given_names,
        titles: entries(include_str!("../../data/titles.txt")).collect(),
        // A multi-word role ("chief economist") also lends its head noun ("economist").
        role_nouns: entries(include_str!("../../data/role_nouns.txt"))
            .chain(entries(include_str!("../../data/source_nouns.txt")))
            .flat_map(|e| [e, e.rsplit(' ').next().unwrap_or(e)])
            .collect(),
        source_nouns: entries(include_str!("../../data/source_nouns.txt"))
            .flat_map(|e| [e, e.rsplit(' ').next().unwrap_or(e)])
            .collect(),
        org_words: entries(include_str!("../../data/org_words.txt")).collect(),
        non_name: entries(include_str!("../../data/non_name_capitalised.txt")).collect(),
        places: entries(include_str!("../../data/places.txt")).collect(),
        cues,
        cue_shapes,
        cue_classes,
        question_cues,
    }
});

/// Longest word re-cased in a stack buffer rather than a new `String`.
const STACK_WORD: usize = 32;

/// `word` with each byte mapped by `f`, in `buf`, when it is ASCII and fits.
fn recased<'b>(word: &str, buf: &'b mut [u8; STACK_WORD], f: fn(u8) -> u8) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, b) in buf.iter_mut().zip(word.bytes()) {
        *d = f(b);
    }
    std::str::from_utf8(&buf[..word.len()]).ok()
}

/// `word` with its first byte (an ASCII letter) upper-cased, in `buf`, when it fits.
fn recased_first<'b>(word: &str, buf: &'b mut [u8; STACK_WORD]) -> Option<&'b str> {
    if word.len() > buf.len() {
        return None;
    }
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf[0] = buf[0].to_ascii_uppercase();
    std::str::from_utf8(&buf[..word.len()]).ok()
}

/// The shared lexicon.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// The gender of a given name, when it is one.
    pub fn given_name(&self, word: &str) -> Option<Gender> {
        if !self.given_shapes.may_hold(word) {
            return None;
        }
        self.given_names.get(word).copied()
    }

    /// True for a title that marks the following name as a person (Mr., Sen., President).
    pub fn is_title(&self, word: &str) -> bool {
        // Without a final period the trimmed word is the word itself: one lookup does.
        self.titles.contains(word)
            || (word.ends_with('.') && self.titles.contains(word.trim_end_matches('.')))
    }

    /// Gender implied by a title (Mr. → male, Mrs./Ms. → female).
    pub fn title_gender(&self, word: &str) -> Gender {
        match word.trim_end_matches('.') {
            "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Congressman" | "Councilman"
            | "Chairman" | "Father" | "Fr" | "Brother" => Gender::Male,
            "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess" | "Congresswoman"
            | "Councilwoman" | "Chairwoman" | "Sister" => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    /// True for a role noun of a speaker that is not a person: a body ("company",
    /// "campaign") or a document ("poll", "records"), singular or plural, in lower case.
    pub fn is_source_noun(&self, word: &str) -> bool {
        self.source_nouns.contains(word)
            || word
                .strip_suffix('s')
                .is_some_and(|singular| singular.len() > 2 && self.source_nouns.contains(singular))
    }

    /// True for a role noun ("spokesman", "officials", "executive"), compared in lower case.
    pub fn is_role_noun(&self, word: &str) -> bool {
        if self.role_nouns.contains(word) {
            return true;
        }
        // An age stands for a person: "said the 46-year-old", "two 20-year-olds".
        if word.ends_with("-year-old") || word.ends_with("-year-olds") {
            return true;
        }
        // A plural of a listed role ("the authors", "organizers").
        if let Some(singular) = word.strip_suffix('s') {
            if singular.len() > 2 && self.role_nouns.contains(singular) {
                return true;
            }
        }
        // Short ASCII words are re-cased on the stack: this runs for most tokens.
        let mut buf = [0u8; STACK_WORD];
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            if let Some(lower) = recased(word, &mut buf, |b| b.to_ascii_lowercase()) {
                return self.role_nouns.contains(lower);
            }
            return self.role_nouns.contains(word.to_lowercase().as_str());
        }
        // A title written in lower case is a role: "the inspector", "the senator".
        let mut chars = word.chars();
        match chars.next() {
            // The title has the word's shape, so most words need no title form at all.
            Some(first) if first.is_ascii_lowercase() && word.len() > 2 => {
                if !self.titles.shapes.may_hold(word) {
                    return false;
                }
                // Only the first byte changes, so the rest may be any UTF-8.
                match recased_first(word, &mut buf) {
                    Some(title) => self.titles.contains(title),
                    None => {
                        let title: String = first.to_uppercase().chain(chars).collect();
                        self.titles.contains(title.as_str())
                    }
                }
            }
            Some(first) if first.is_lowercase() && word.len() > 2 => {
                let title: String = first.to_uppercase().chain(chars).collect();
                self.titles.contains(title.as_str())
            }
            _ => false,
        }
    }

    /// True for a word that marks a capitalised phrase as an organisation.
    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    /// True for a capitalised word that is not part of a person's name (The, But, Monday).
    pub fn is_non_name(&self, word: &str) -> bool {
        self.non_name.contains(word)
    }

    /// True for a place name.
    pub fn is_place(&self, phrase: &str) -> bool {
        self.places.contains(phrase)
    }

    /// For a speech cue word (any case): `Some(true)` when it also introduces indirect
    /// speech, `Some(false)` when it is a cue for quotes only, `None` when it is no cue.
    // Inlined, so that the usual answer (an ASCII word of a shape no cue has) costs no
    // call; the rest is in `cue_lookup`. Context asks this of every token.
    #[inline]
    pub fn cue(&self, word: &str) -> Option<bool> {
        // An ASCII word lower-cases to an ASCII word of the same shape, so a shape no cue
        // has rules it out. (Other words lower-case to other lengths and bytes: no filter.)
        if !self.cue_shapes.may_hold(word) && word.is_ascii() {
            return None;
        }
        self.cue_lookup(word)
    }

    /// False when [`Lexicon::cue`] is `None` for the word with these bytes, decided from
    /// the bytes alone (without making a `&str` of them).
    #[inline]
    pub fn may_be_cue(&self, word: &[u8]) -> bool {
        self.cue_shapes.may_hold_bytes(word) || !word.is_ascii()
    }

    /// What a cue word (any case) reports: `None` for a word that is no cue of
    /// `data/cues.txt` and no verb of `data/thought_verbs.txt`.
    pub fn cue_class(&self, word: &str) -> Option<CueClass> {
        self.cue_classes.get(word.to_lowercase().as_str()).copied()
    }

    /// True for a cue that asks rather than says (tagged `question` in `data/cues.txt`:
    /// "asked", "pressed"), in any case.
    pub fn is_question_cue(&self, word: &str) -> bool {
        self.question_cues
            .contains(crate::text::ascii_lower(word).as_str())
    }

    /// [`Lexicon::cue`] past its shape filter.
    #[inline(never)]
    fn cue_lookup(&self, word: &str) -> Option<bool> {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.cues.get(word).copied();
        }
        // Lower-case short ASCII words on the stack: this runs for every capitalised token.
        let mut buf = [0u8; 24];
        if word.len() <= buf.len() && word.is_ascii() {
            for (d, b) in buf.iter_mut().zip(word.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            let lower = std::str::from_utf8(&buf[..word.len()]).ok()?;
            return self.cues.get(lower).copied();
        }
        self.cues.get(word.to_lowercase().as_str()).copied()
    }
}
