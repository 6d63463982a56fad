//! The questions mentions and rules ask of the word lists, answered from the merged
//! lexicon ([`crate::lexicon`]): one lookup per question, or none when the caller holds the
//! token's [`WordInfo`] already.

use crate::lexicon::class::*;
use crate::lexicon::{lookup, WordInfo};

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

/// The word lists of `data/` as mentions and rules ask of them: a view of
/// [`crate::lexicon`].
pub struct Lexicon;

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

/// The shared lexicon.
pub fn lexicon() -> &'static Lexicon {
    &Lexicon
}

impl Lexicon {
    /// The gender of a given name, when it is one.
    pub fn given_name(&self, word: &str) -> Option<Gender> {
        given_gender(lookup(word))
    }

    /// True for a title that marks the following name as a person (Mr., Sen., President).
    pub fn is_title(&self, word: &str) -> bool {
        is_title(word, lookup(word))
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
        lookup(word).has(SOURCE_NOUN | SOURCE_PLURAL)
    }

    /// True for a role noun ("spokesman", "officials", "executive"), compared in lower case.
    pub fn is_role_noun(&self, word: &str) -> bool {
        is_role_noun(word, lookup(word))
    }

    /// True for a word that marks a capitalised phrase as an organisation.
    pub fn is_org_word(&self, word: &str) -> bool {
        lookup(word).has(ORG_WORD)
    }

    /// True for a capitalised word that is not part of a person's name (The, But, Monday).
    pub fn is_non_name(&self, word: &str) -> bool {
        lookup(word).has(NON_NAME)
    }

    /// True for a place name.
    pub fn is_place(&self, phrase: &str) -> bool {
        lookup(phrase).has(PLACE)
    }

    /// For a speech cue word (any case): `Some(true)` when it also introduces indirect
    /// speech, `Some(false)` when it is a cue for quotes only, `None` when it is no cue.
    pub fn cue(&self, word: &str) -> Option<bool> {
        let info = lookup(word);
        info.has(CUE).then(|| info.has(CUE_INDIRECT))
    }

    /// What a cue word (any case) reports: `None` for a word that is no cue of
    /// `data/cues.txt` and no verb of `data/thought_verbs.txt`.
    pub fn cue_class(&self, word: &str) -> Option<CueClass> {
        let lower = lookup(word).lower();
        if lower & THOUGHT_VERB != 0 {
            Some(CueClass::Thought)
        } else if lower & CUE == 0 {
            None
        } else if lower & CUE_THOUGHT != 0 {
            Some(CueClass::Thought)
        } else if lower & CUE_EVIDENTIAL != 0 {
            Some(CueClass::Evidential)
        } else {
            Some(CueClass::Speech)
        }
    }

    /// True for a cue that asks rather than says (tagged `question` in `data/cues.txt`:
    /// "asked", "pressed"), in any ASCII case.
    pub fn is_question_cue(&self, word: &str) -> bool {
        word.is_ascii() && lookup(word).has(CUE_QUESTION)
    }
}

/// The gender of the given name `info` is, when it is one: a name on both the male and the
/// female list, or on the unisex list, has none.
pub fn given_gender(info: WordInfo) -> Option<Gender> {
    if !info.has(GIVEN_NAME) {
        return None;
    }
    Some(
        match (
            info.has(GIVEN_UNISEX),
            info.has(GIVEN_MALE),
            info.has(GIVEN_FEMALE),
        ) {
            (false, true, false) => Gender::Male,
            (false, false, true) => Gender::Female,
            _ => Gender::Unknown,
        },
    )
}

/// True for a title, `info` being the word's [`WordInfo`]: as listed, or listed without the
/// word's final periods ("Sen." for "Sen").
pub fn is_title(word: &str, info: WordInfo) -> bool {
    info.has(TITLE) || (word.ends_with('.') && lookup(word.trim_end_matches('.')).has(TITLE))
}

/// True for a role noun ("spokesman", "officials", "executive", "the senator"), `info`
/// being the word's [`WordInfo`].
pub fn is_role_noun(word: &str, info: WordInfo) -> bool {
    // As listed, or the plural of a listed role ("the authors", "organizers").
    if info.has(ROLE_NOUN | ROLE_PLURAL) {
        return true;
    }
    // An age stands for a person: "said the 46-year-old", "two 20-year-olds".
    if word.ends_with("-year-old") || word.ends_with("-year-olds") {
        return true;
    }
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        return info.lower() & ROLE_NOUN != 0;
    }
    // A title written in lower case is a role: "the inspector", "the senator".
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_ascii_lowercase() && word.len() > 2 => info.has(TITLE_LOWER),
        Some(first) if first.is_lowercase() && word.len() > 2 => {
            let title: String = first.to_uppercase().chain(chars).collect();
            lookup(&title).has(TITLE)
        }
        _ => false,
    }
}
