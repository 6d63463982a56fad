//! What rules find and decide: a finding (speaker, cue, confidence), indirect speech, a
//! speaker resolved to a name, speech already decided, and when each rule runs.

use std::cell::OnceCell;
use std::ops::Range;

use super::words::{lowercase_words, LowerWords};
use crate::mentions::lexicon::Gender;

/// When a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// On each quote, looking at the quote's sentence only; before the non-speech checks.
    Adjacent,
    /// On quotes no adjacent rule attributed, with the document's earlier decisions.
    Context,
    /// On sentences without quotes: finds indirect speech.
    Indirect,
    /// On the pieces of a quotation that runs over several paragraphs or pieces, once the
    /// other rules have decided: `history` holds the decided pieces of the same quotation
    /// (at most [`MAX_QUOTATION_PIECES`] on each side of the candidate, itself included).
    Quotation,
}

/// Most pieces of a quotation on each side of a piece that a [`Phase::Quotation`] rule is
/// shown: a long quotation costs linear time, and its speaker is rarely further away.
pub const MAX_QUOTATION_PIECES: usize = 16;

/// What kind of speaker a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    /// A person's or an unknown proper name.
    Name,
    /// An organisation.
    Organisation,
    /// A third-person pronoun.
    Pronoun(Gender),
    /// A description ending in a role noun: "a campaign spokesman", "officials".
    Description,
    /// "I" or "we" in the text's own voice (an op-ed, a letter, a column): the author, who
    /// is not named, so it never resolves to a person.
    FirstPerson,
}

/// A speaker resolved to a name.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedSpeaker {
    /// Canonical name (for an unresolved pronoun or a description, the mention itself).
    pub name: String,
    /// Byte range of the mention that decided it.
    pub mention: Range<usize>,
    /// Token range of the mention.
    pub tokens: Range<usize>,
    /// What kind of phrase the mention is.
    pub kind: NpKind,
    /// The person entity, when known.
    pub entity: Option<usize>,
}

/// Sentences before a pronoun's own searched for the person it refers to by
/// `Context::subject_antecedent`.
pub const MAX_SUBJECT_SENTENCES: usize = 2;

/// What a rule found for one quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The speaker, if the rule names one.
    pub speaker: Option<ResolvedSpeaker>,
    /// Byte range of the cue.
    pub cue: Option<Range<usize>>,
    /// How sure the rule is, in [0, 1].
    pub confidence: f64,
}

/// Indirect speech found by an [`Phase::Indirect`] rule.
#[derive(Debug, Clone, PartialEq)]
pub struct IndirectFinding {
    /// Byte range of the reported content.
    pub content: Range<usize>,
    /// Byte range of the content's part before its attribution, when the attribution
    /// interrupts it ("The plan, a source said, is to …": "The plan"); `content` is then
    /// the part after it.
    pub lead: Option<Range<usize>>,
    /// Speaker and cue.
    pub finding: Finding,
    /// True for speech set out verbatim without quote marks (a transcript turn). Its kind
    /// is still `indirect` (the schema's kinds follow the quote marks); it holds its whole
    /// paragraph, so other indirect findings inside it are dropped.
    pub verbatim: bool,
}

/// A piece of speech already decided, for the context rules.
///
/// A long document's history holds hundreds of thousands of these when its memory peaks:
/// the byte ranges are kept as 32-bit offsets (a text whosaid reads is shorter than
/// [`crate::text::tokens::MAX_TEXT_BYTES`]) and read through [`Decided::content`],
/// [`Decided::outer`] and [`Decided::cue`].
#[derive(Debug, Clone)]
pub struct Decided {
    content: Range<u32>,
    outer: Range<u32>,
    cue: Option<Range<u32>>,
    /// Its speaker.
    pub speaker: Option<ResolvedSpeaker>,
    /// The rule that decided it.
    pub rule: &'static str,
    /// When that rule runs (`None` for speech no rule attributed).
    pub phase: Option<Phase>,
    /// The confidence of that decision (0 for speech no rule attributed).
    pub confidence: f64,
    /// Its words, lower-cased, for the rules that compare wording: computed on first use
    /// and kept, since only the rules for still undecided passages ever read them. Boxed:
    /// only the few records whose words are kept pay for them (8 bytes a record, not 72).
    pub words: OnceCell<Box<LowerWords>>,
}

/// A byte range of a text whosaid reads, in 32 bits.
fn narrow(r: &Range<usize>) -> Range<u32> {
    r.start as u32..r.end as u32
}

fn widen(r: &Range<u32>) -> Range<usize> {
    r.start as usize..r.end as usize
}

impl Decided {
    /// A record of speech with content `content` (byte range), the whole item `outer`
    /// (marks included), its speaker, its cue's byte range when the rule read one, the
    /// rule that decided it (`""` and `None` for speech no rule attributed) and its
    /// confidence.
    pub fn new(
        content: &Range<usize>,
        outer: &Range<usize>,
        speaker: Option<ResolvedSpeaker>,
        cue: Option<&Range<usize>>,
        rule: &'static str,
        phase: Option<Phase>,
        confidence: f64,
    ) -> Decided {
        Decided {
            content: narrow(content),
            outer: narrow(outer),
            cue: cue.map(narrow),
            speaker,
            rule,
            phase,
            confidence,
            words: OnceCell::new(),
        }
    }

    /// Byte range of the content.
    pub fn content(&self) -> Range<usize> {
        widen(&self.content)
    }

    /// Byte range of the whole item (marks included).
    pub fn outer(&self) -> Range<usize> {
        widen(&self.outer)
    }

    /// Byte range of its cue, when the rule read one.
    pub fn cue(&self) -> Option<Range<usize>> {
        self.cue.as_ref().map(widen)
    }

    /// The words of its content in `text`, lower-cased (see [`lowercase_words`]).
    pub fn words(&self, text: &str) -> &LowerWords {
        self.words
            .get_or_init(|| Box::new(lowercase_words(&text[self.content()])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decided_record_is_small_and_keeps_its_ranges() {
        // The history of a long document holds one per piece of speech.
        assert!(std::mem::size_of::<Decided>() <= 144);
        let d = Decided::new(
            &(3..9),
            &(2..10),
            None,
            Some(&(12..16)),
            "ATT001",
            None,
            0.5,
        );
        assert_eq!(
            (d.content(), d.outer(), d.cue()),
            (3..9, 2..10, Some(12..16))
        );
    }
}
