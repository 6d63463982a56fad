//! ATT015 same-quotation.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding, Phase};
use crate::attribution::rule::{declare_rule, Rule};
use crate::text::layout::starts_label;

declare_rule! {
    /// # ATT015 same-quotation
    ///
    /// ## What it matches
    /// A piece of a quotation that runs over several paragraphs (`“A.\n\n“B.\n\n“C.”`, a
    /// new opening mark at each paragraph and one closing mark at the end) or that reaches
    /// whosaid with its paragraphs flattened into one (`“A. “B. “C.”`), once every quote has
    /// been decided: a piece that no rule of its own sentence (ATT001–ATT006, ATT011,
    /// ATT012, ATT016) attributed takes the speaker of the piece whose attribution is surest
    /// (the highest confidence; the earliest among equals), when that speaker is another.
    /// Each piece stays a quote of its own.
    ///
    /// ## Why
    /// The opening mark that starts each paragraph of a long quotation (and the closing mark
    /// only at its end) says one person goes on speaking. News attributes such a quotation
    /// once, in its first or its last piece; the other pieces, read alone, look unattributed
    /// or seem to continue whoever spoke before.
    ///
    /// ## Example
    /// `“The pier is safe for now.\n\n“We found the money for the repairs,” said Lena Ortiz.`
    /// → Lena Ortiz for the first piece.
    ///
    /// ## Does not match
    /// A quote that is a whole quotation of its own; a piece attributed in its own sentence
    /// (`“A,” Lee said. “B,” Ruiz said.`: two speakers stand); a quotation whose pieces open
    /// with speaker labels (`"PENCE: Well, look …`, a transcript set in quote marks, ATT016),
    /// which changes speakers from piece to piece.
    ///
    /// ## Known false positives
    /// Two quotations by different speakers that read as one because the first lacks its
    /// closing mark and the second starts a sentence (`“A. “B,” Jones said.`).
    pub struct SameQuotation { id: "ATT015", name: "same-quotation", phase: Quotation }
}

/// Highest confidence of a speaker carried from another piece.
const MAX_CONFIDENCE: f64 = 0.8;

/// True when `d` was decided by a rule that reads the quote's own sentence.
fn own_sentence(d: &Decided) -> bool {
    d.phase == Some(Phase::Adjacent)
}

impl Rule for SameQuotation {
    fn attribute(&self, ctx: &Context, c: &Candidate, pieces: &[Decided]) -> Option<Finding> {
        ctx.quotation_of(c.passage)?;
        if pieces.iter().any(|d| starts_label(&ctx.text[d.content()])) {
            return None;
        }
        let own = pieces.iter().find(|d| d.outer() == c.outer);
        if own.is_some_and(own_sentence) {
            return None;
        }
        let source = pieces
            .iter()
            .filter(|d| d.outer() != c.outer && d.speaker.is_some())
            .fold(None::<&Decided>, |best, d| match best {
                Some(b) if b.confidence >= d.confidence => Some(b),
                _ => Some(d),
            })?;
        if let Some(own) = own.filter(|o| o.speaker.is_some()) {
            let same =
                own.speaker.as_ref().map(|s| &s.name) == source.speaker.as_ref().map(|s| &s.name);
            if same || own.confidence > source.confidence {
                return None;
            }
        }
        Some(Finding {
            speaker: source.speaker.clone(),
            cue: None,
            confidence: source.confidence.min(MAX_CONFIDENCE),
        })
    }
}
