//! ATT016 quoted-turn.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::labels::{is_question_or_answer, label_finding, label_from};
use crate::attribution::rule::{declare_rule, Rule};

declare_rule! {
    /// # ATT016 quoted-turn
    ///
    /// ## What it matches
    /// A quote whose words open with a speaker label in capitals and a colon (`"WALLACE:
    /// Let’s start with the news.`), in a document where at least two quotes open with
    /// labels of two different speakers: a transcript excerpt set in quote marks, a turn in
    /// each quoted paragraph. The speaker is the person whose surname the label is when the
    /// document names them, else the label as written (as for ATT014).
    ///
    /// ## Why
    /// Articles quote debate and interview transcripts paragraph by paragraph, each opening
    /// with its mark and its speaker's label; the label is the only attribution there is.
    ///
    /// ## Example
    /// `Governor Ada Pryce spoke to Tom Hale.\n\n"HALE: Will you run?\n\n"PRYCE: Not this
    /// year."` → Ada Pryce for the second quote.
    ///
    /// ## Does not match
    /// A single labelled quote (`"UPDATE: the vote was delayed"`), labels that are all one
    /// name, heading words (`data/heading_labels.txt`), labels in mixed case, and `Q:` /
    /// `A:` labels.
    ///
    /// ## Known false positives
    /// Quotes that each open with a word in capitals and a colon without being turns
    /// ("WARNING: …" and "NOTICE: …" quoted from two signs).
    pub struct QuotedTurn { id: "ATT016", name: "quoted-turn", phase: Adjacent }
}

/// Fewest quotes opening with labels that make a quoted transcript.
pub const MIN_QUOTED_TURNS: usize = 2;

/// The label that opens top-level passage `p`'s words, and its colon's token.
fn label_of(ctx: &Context, p: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let content = &ctx.passages[p].content;
    let (first, end) = (ctx.token_at(content.start), ctx.token_at(content.end));
    label_from(ctx, first, end).filter(|(label, _)| !is_question_or_answer(ctx, label))
}

/// True when at least [`MIN_QUOTED_TURNS`] top-level quotes open with labels, of two
/// different names.
pub(crate) fn quoted_transcript(ctx: &Context) -> bool {
    let mut first: Option<&str> = None;
    for p in (0..ctx.passages.len()).filter(|&p| ctx.passages[p].depth == 0) {
        let Some((label, _)) = label_of(ctx, p) else {
            continue;
        };
        let name = &ctx.text[ctx.tokens[label.start].start()..ctx.tokens[label.end - 1].end()];
        match first {
            None => first = Some(name),
            Some(f) if f != name => return true,
            Some(_) => {}
        }
    }
    false
}

impl Rule for QuotedTurn {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let (label, colon) = label_of(ctx, c.passage)?;
        if !*ctx.quoted_transcript.get_or_init(|| quoted_transcript(ctx)) {
            return None;
        }
        Some(label_finding(ctx, &label, colon, None))
    }
}
