//! IND008 headline-colon.

use crate::attribution::context::mark;
use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{report, sentence_body, word_count, MIN_CLAUSE_WORDS};
use crate::attribution::grammar::labels::is_heading_label;
use crate::attribution::grammar::np::NpKind;
use crate::attribution::rule::Wake;
use crate::attribution::rule::{declare_rule, Rule};
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # IND008 headline-colon
    ///
    /// ## What it matches
    /// A line that opens with a speaker and a colon and goes on with what they said, the
    /// way headlines and summaries attribute a claim: `Sanders: Clinton Email Story Has
    /// Moved`, `Judicial Watch: State Department Hid Key Email`, `Poll: Trump Ties Clinton
    /// in Three-Way Race`. The speaker is the whole phrase before the colon: a name, an
    /// organisation or a description (`Historians`, `Poll`); the content is the rest of the
    /// sentence.
    ///
    /// ## Why
    /// Headline style drops the verb of saying; the colon stands for it.
    ///
    /// ## Example
    /// `Mayor Okafor: Bridge Will Reopen in May` → "Mayor Okafor", content "Bridge Will
    /// Reopen in May".
    ///
    /// ## Does not match
    /// A colon inside a line, heading words (`UPDATE:`, `SEE:`; `data/heading_labels.txt`),
    /// a phrase that is no speaker (`Editor's note:`), content with quote marks (the quote
    /// rules read `Smith: “…”`), content of fewer than three words, transcript turns
    /// (ATT014's).
    ///
    /// ## Known false positives
    /// A section label that is also a role noun (`Analysis: …`).
    pub struct HeadlineColon { id: "IND008", name: "headline-colon", phase: Indirect }
}

/// Longest description before a headline's colon ("AP-GfK Poll", "Senate Democrats").
const MAX_HEADLINE_SPEAKER_WORDS: usize = 4;

/// A headline capitalises its words: "Historians", "New Poll" end in a role noun once
/// lower-cased.
fn capitalised_description(
    ctx: &Context,
    start: usize,
    colon: usize,
) -> Option<crate::attribution::grammar::np::SpeakerNp> {
    if colon - start > MAX_HEADLINE_SPEAKER_WORDS
        || !(start..colon).all(|t| ctx.tokens[t].is_word())
    {
        return None;
    }
    let head = crate::text::ascii_lower(ctx.word(colon - 1));
    crate::mentions::lexicon::lexicon()
        .is_role_noun(&head)
        .then(|| ctx.description(start..colon))
}

impl Rule for HeadlineColon {
    /// The name and its claim are joined by a colon, in the first sentence of a line.
    fn wake(&self) -> Wake {
        Wake::marks(mark::COLON).and(mark::LINE_START)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = sentence_body(ctx, s)?;
        // The line's first sentence only.
        if r.start > 0 && ctx.tokens[r.start - 1].kind != TokenKind::Break {
            return None;
        }
        let colon = (r.start..r.end.min(r.start + 8)).find(|&t| ctx.is_punct(t, ':'))?;
        if colon == r.start || is_heading_label(&ctx.word(r.start).to_uppercase()) {
            return None;
        }
        // A person, an organisation or a description: not a place heading a list
        // ("Nevada: …") or a pronoun.
        let np = ctx
            .np_starting_at(r.start, colon)
            .filter(|np| {
                np.tokens.end == colon
                    && (np.entity.is_some()
                        || matches!(np.kind, NpKind::Organisation | NpKind::Description))
            })
            .or_else(|| capitalised_description(ctx, r.start, colon))?;
        let content = colon + 1..r.end;
        if word_count(ctx, content.clone()) < MIN_CLAUSE_WORDS || ctx.has_quote(content.clone()) {
            return None;
        }
        Some(report(ctx, &np, colon..colon + 1, content))
    }
}
