//! ATT017 quotation-after-portrait.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::{NpKind, SpeakerNp};
use crate::attribution::rule::{declare_rule, Rule};
use crate::mentions::MentionKind;
use crate::text::layout::starts_label;
use crate::text::tokens::TokenKind;

declare_rule! {
    /// # ATT017 quotation-after-portrait
    ///
    /// ## What it matches
    /// A quotation of several pieces (paragraphs that each open with a quote mark, or
    /// paragraphs flattened into one) that no rule attributed in any piece, when it opens
    /// its sentence right after text about one person: in the sentences before it in its
    /// paragraph and in the paragraph before, at most [`MAX_PORTRAIT_SENTENCES`] of them,
    /// with no quoted speech among them (a quoted title may stand there), exactly one person is named, or, when nobody is, the
    /// sentence just before opens with "he" or "she" that resolves to a person. Every piece
    /// gets that person.
    ///
    /// ## Why
    /// Profiles and features introduce a speaker with a sentence about them and then let
    /// them talk for several paragraphs without a speech verb: `Solberg, now 70, was at the
    /// wheel beside him.` / `“My father didn’t say a word …` / `“People were cheering …`.
    ///
    /// ## Example
    /// `Ines Varga has run the ferry for thirty years.\n\n“The river is quieter now.\n\n“I
    /// miss the noise.”` → Ines Varga for both pieces.
    ///
    /// ## Does not match
    /// A single-paragraph quote (ATT008 and ATT009 read what comes before those); a
    /// quotation any piece of which a rule attributed (ATT015 shares that speaker); text
    /// before it naming two people, or holding a quote; a quotation whose pieces open with
    /// speaker labels.
    ///
    /// ## Known false positives
    /// A quotation from a document or a person not yet named, after a paragraph about
    /// someone else (`The mayor read the letter aloud. “Dear council, …`).
    pub struct QuotationAfterPortrait {
        id: "ATT017", name: "quotation-after-portrait", phase: Quotation
    }
}

/// Most sentences before the quotation read for the person it is about.
pub const MAX_PORTRAIT_SENTENCES: usize = 4;

/// Confidence of the speaker: a reading of the context, not of a speech verb.
const CONFIDENCE: f64 = 0.5;

/// True when a line break lies between sentences `k` and `k + 1`.
fn paragraph_between(ctx: &Context, k: usize) -> bool {
    let from = ctx.token_at(ctx.sentences[k].end);
    let to = ctx.token_at(ctx.sentences[k + 1].start);
    ctx.tokens[from..to]
        .iter()
        .any(|t| t.kind == TokenKind::Break)
}

impl Rule for QuotationAfterPortrait {
    fn attribute(&self, ctx: &Context, c: &Candidate, pieces: &[Decided]) -> Option<Finding> {
        let first = ctx.quotation_of(c.passage)?;
        if pieces
            .iter()
            .any(|d| d.speaker.is_some() || starts_label(&ctx.text[d.content()]))
        {
            return None;
        }
        let open = ctx.passages[first].open.start;
        let s = ctx.sentence_at(open);
        let opens_sentence = ctx
            .sentences
            .get(s)
            .is_some_and(|r| ctx.text[r.start.min(open)..open].trim().is_empty());
        if !opens_sentence || s == 0 {
            return None;
        }
        // The sentences before it in its paragraph and in the paragraph before.
        let mut from = s;
        let mut paragraphs = 0;
        while from > 0 && s - from < MAX_PORTRAIT_SENTENCES {
            if paragraph_between(ctx, from - 1) {
                paragraphs += 1;
                if paragraphs > 1 {
                    break;
                }
            }
            from -= 1;
        }
        let start = ctx.sentences[from].start;
        let end = ctx.sentences[s - 1].end;
        let (t0, t1) = (ctx.token_at(start), ctx.token_at(end));
        // A title or a name in marks ("the novel “The Salt Bazaar”") is no one's speech.
        if ctx.has_speech_quote(t0..t1) {
            return None;
        }
        let mut person: Option<(usize, std::ops::Range<usize>)> = None;
        let list = &ctx.mentions.list;
        let first = list.partition_point(|m| m.range().start < start);
        for m in list[first..].iter().take_while(|m| m.range().start < end) {
            if m.in_quote || m.kind != MentionKind::Person {
                continue;
            }
            let entity = m.entity()?;
            match &person {
                Some((e, _)) if *e != entity => return None,
                _ => person = Some((entity, m.range())),
            }
        }
        if let Some((entity, range)) = person {
            let np = SpeakerNp {
                tokens: ctx.token_at(range.start)..ctx.token_at(range.end),
                range,
                kind: NpKind::Name,
                entity: Some(entity),
            };
            return Some(ctx.finding(&np, 0..0, CONFIDENCE));
        }
        // Nobody named: "She began with the numbers." before the quotation.
        let before = ctx.sentence_tokens(s - 1);
        let np = ctx.np_starting_at(before.start, before.end)?;
        if !matches!(np.kind, NpKind::Pronoun(_)) || np.tokens.start != before.start {
            return None;
        }
        let finding = ctx.finding(&np, 0..0, CONFIDENCE);
        finding
            .speaker
            .as_ref()
            .is_some_and(|s| s.entity.is_some())
            .then_some(finding)
    }
}
