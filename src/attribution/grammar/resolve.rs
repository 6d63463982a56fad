//! Resolving a speaker phrase to a name: an entity's canonical name, a pronoun's
//! antecedent, a definite description's referent, or the phrase itself.

use std::ops::Range;

use super::np::{NpKind, SpeakerNp};
use crate::attribution::context::Context;
use crate::attribution::finding::{Finding, ResolvedSpeaker, MAX_SUBJECT_SENTENCES};

impl<'t> Context<'t> {
    /// Resolves a speaker phrase to a name: the entity's canonical name, a pronoun's
    /// antecedent, or the phrase itself.
    pub fn resolve(&self, np: &SpeakerNp) -> ResolvedSpeaker {
        let trimmed = self.without_opener(np);
        let np = trimmed.as_ref().unwrap_or(np);
        let entity = match np.kind {
            NpKind::Name => np.entity,
            // "it said" speaks for an organisation or a document, never for a person.
            NpKind::Pronoun(_) if self.is(np.tokens.start, "it") => None,
            NpKind::Pronoun(g) => self
                .subject_antecedent(np.range.start, g)
                .or_else(|| self.mentions.antecedent(np.range.start, g)),
            NpKind::Description => {
                // "the senator" is the senator named earlier; "a senator" is someone new.
                let definite = self.is(np.tokens.start, "the");
                let head = self.word(np.tokens.end - 1);
                definite
                    .then(|| self.mentions.described(np.range.start, head))
                    .flatten()
            }
            NpKind::Organisation => None,
            // The author of an op-ed or a letter is not named in the text: "I" stays as
            // written and never takes an earlier third person as its antecedent.
            NpKind::FirstPerson => None,
        };
        let name = match entity {
            Some(e) => self.mentions.entities[e].name.clone(),
            None if matches!(np.kind, NpKind::Pronoun(_)) && self.is(np.tokens.start, "it") => self
                .organisation_named_near(np.range.start)
                .unwrap_or_else(|| self.text[np.range.clone()].to_string()),
            None => self.text[np.range.clone()].to_string(),
        };
        ResolvedSpeaker {
            name,
            mention: np.range.clone(),
            tokens: np.tokens.clone(),
            kind: np.kind,
            entity,
        }
    }

    /// The person a pronoun of gender `g` at byte `at` refers to when a sentence close before
    /// it names one: the nearest compatible person named outside quotes before it in its own
    /// sentence, else the first in the sentence before, and so on for
    /// [`MAX_SUBJECT_SENTENCES`] sentences. The first person a sentence names is most often its
    /// subject, and news introduces a speaker as the subject of the sentence before the quote
    /// (`Eswar Prasad, a professor, said the talks had stalled. “…,” he said.`); the nearest
    /// person is often an object or a name in passing (`the president`, `Buckley's
    /// performance`). A person whose name says no gender is compatible with any pronoun.
    fn subject_antecedent(&self, at: usize, g: crate::mentions::lexicon::Gender) -> Option<usize> {
        use crate::mentions::lexicon::Gender;
        use crate::mentions::MentionKind;
        let s = self.sentence_at(at);
        let list = &self.mentions.list;
        // A possessive or an object ("Critics questioned her support") refers past the
        // subject of its own clause: only a subject pronoun looks in its own sentence.
        let subject_pronoun = matches!(
            crate::text::ascii_lower(
                &self.text[at..self.text[at..]
                    .find(|c: char| !c.is_alphabetic())
                    .map_or(self.text.len(), |n| at + n)]
            )
            .as_ref(),
            "he" | "she" | "they"
        );
        let first = usize::from(!subject_pronoun);
        for back in first..=MAX_SUBJECT_SENTENCES.min(s) {
            let sentence = &self.sentences[s - back];
            let end = if back == 0 { at } else { sentence.end };
            let from = list.partition_point(|m| m.range().start < sentence.start);
            let to = list.partition_point(|m| m.range().start < end);
            let persons = list[from..to]
                .iter()
                .filter(|m| m.kind == MentionKind::Person && !m.in_quote)
                .filter_map(|m| m.entity());
            // In the pronoun's own sentence the nearest clause's subject is the nearest
            // person ("Luca tends the vines; Paolo the cellar and, he says, …").
            let persons: Vec<usize> = if back == 0 {
                persons.rev().collect()
            } else {
                persons.collect()
            };
            if let Some(e) = persons.into_iter().find(|&e| {
                let eg = self.mentions.entities[e].gender;
                g == Gender::Unknown || eg == Gender::Unknown || eg == g
            }) {
                return Some(e);
            }
        }
        None
    }

    /// The phrase without a conjunction or subordinator that opens it ("But multiple
    /// friends of the author", "Although representatives of the family"): a speaker finder
    /// that reads back to the start of a clause takes the word in; it is no part of the
    /// speaker. `None` when nothing is to be trimmed.
    fn without_opener(&self, np: &SpeakerNp) -> Option<SpeakerNp> {
        let first = np.tokens.start;
        if np.tokens.len() < 2
            || !self.tokens[first].is_word()
            || !super::np::opens_clause(&crate::text::ascii_lower(self.word(first)))
        {
            return None;
        }
        let start = (first + 1..np.tokens.end).find(|&t| self.tokens[t].is_word())?;
        Some(SpeakerNp {
            range: self.tokens[start].start()..np.range.end,
            tokens: start..np.tokens.end,
            kind: np.kind,
            entity: np.entity,
        })
    }

    /// The organisation an "it said" at byte `at` speaks for: the last one named outside
    /// quotes in the same sentence or the one before. None when there is no such name (then
    /// "it" stays as written).
    fn organisation_named_near(&self, at: usize) -> Option<String> {
        let s = self.sentence_at(at);
        let from = self.sentences[s.saturating_sub(1)].start;
        let end = self.mentions.list.partition_point(|m| m.range().start < at);
        self.mentions.list[..end]
            .iter()
            .rev()
            .take_while(|m| m.range().start >= from)
            .find(|m| m.kind == crate::mentions::MentionKind::Organisation && !m.in_quote)
            .map(|m| self.text[m.range()].to_string())
    }

    /// A finding for `np` with cue token range `cue` (inclusive first, exclusive end).
    pub fn finding(&self, np: &SpeakerNp, cue: Range<usize>, confidence: f64) -> Finding {
        let cue_bytes = if cue.is_empty() {
            None
        } else {
            Some(self.tokens[cue.start].start()..self.tokens[cue.end - 1].end())
        };
        Finding {
            speaker: Some(self.resolve(np)),
            cue: cue_bytes,
            confidence,
        }
    }
}
