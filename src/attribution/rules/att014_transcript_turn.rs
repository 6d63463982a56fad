//! ATT014 transcript-turn.

use std::ops::Range;

use crate::attribution::context::mark;
use crate::attribution::context::{Context, TranscriptShape};
use crate::attribution::finding::{Finding, IndirectFinding};
use crate::attribution::grammar::labels::{label_finding, label_from, MAX_LABEL_LOOKUP};
use crate::attribution::rule::Wake;
use crate::attribution::rule::{declare_rule, Rule};
use crate::mentions::MentionKind;

declare_rule! {
    /// # ATT014 transcript-turn
    ///
    /// ## What it matches
    /// A paragraph that opens with a speaker label and a colon, in a document that is an
    /// interview transcript: `BANKOLE: Because nobody else was.`, `MR. TRUMP: We will
    /// win.`, or a question-and-answer pair, `Q: How did you start?` / `A: By accident.`
    /// The turn is the rest of the paragraph. Its words are verbatim, but it carries no
    /// quote marks, so its kind is `indirect`, as for all speech without marks (the gold
    /// format and PolNeAR read kinds the same way); the rule ID tells a turn apart. A label in capitals is the person whose surname it is when the
    /// document names them ("Dr. Olusegun Bankole"), else the label as written; `A` is the
    /// first person the document names before its first turn (the interviewee); `Q` is the
    /// interviewer, left without a name.
    ///
    /// ## Why
    /// Interviews and debate transcripts set out speech as turns, not as quotes: without
    /// this rule their words would not be found at all.
    ///
    /// ## Example
    /// `Dr. Olusegun Bankole studies light.\n\nVIRTANEN: Why?\n\nBANKOLE: Because nobody
    /// else was.` → "Olusegun Bankole" for the second turn.
    ///
    /// ## Does not match
    /// A single labelled paragraph (`Poll: Trump leads in Florida.` is a headline); labels
    /// that are all one name (`SEE: …` twice is a list of links) or heading words
    /// (`data/heading_labels.txt`: SEE, UPDATE, RELATED …); `Q:` without any `A:`; labels in
    /// mixed case (`Note: …`); labels longer than four words.
    ///
    /// ## Known false positives
    /// A document of several all-capital headings followed by colons ("UPDATE: …").
    pub struct TranscriptTurn { id: "ATT014", name: "transcript-turn", phase: Indirect }
}

/// Fewest labelled turns that make a document a transcript.
pub const MIN_TURNS: usize = 2;

/// The label that opens sentence `s` when the sentence starts a paragraph: the label's
/// tokens and the colon's token.
fn label_at(ctx: &Context, s: usize) -> Option<(Range<usize>, usize)> {
    let start = ctx.sentences.get(s)?.start;
    let opens_paragraph = ctx.text[..start]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| c == '\n' || c == '\r');
    if !opens_paragraph {
        return None;
    }
    let r = ctx.sentence_tokens(s);
    label_from(ctx, r.start, r.end)
}

/// The document's transcript shape, worked out once.
fn shape(ctx: &Context) -> TranscriptShape {
    *ctx.transcript.get_or_init(|| {
        let mut shape = TranscriptShape::default();
        let mut first_name: Option<&str> = None;
        let mut first_turn: Option<usize> = None;
        // A label ends at a colon: only the sentences that hold one are read.
        for s in
            (0..ctx.sentences.len()).filter(|&s| ctx.sentence_words(s).marks & mark::COLON != 0)
        {
            let Some((label, _)) = label_at(ctx, s) else {
                continue;
            };
            first_turn.get_or_insert(ctx.tokens[label.start].start());
            match ctx.word(label.start) {
                "Q" if label.len() == 1 => shape.question = true,
                "A" if label.len() == 1 => shape.answer = true,
                _ => {
                    let name =
                        &ctx.text[ctx.tokens[label.start].start()..ctx.tokens[label.end - 1].end()];
                    shape.named += 1;
                    match first_name {
                        None => first_name = Some(name),
                        Some(first) if first != name => shape.two_names = true,
                        Some(_) => {}
                    }
                }
            }
        }
        if shape.question && shape.answer {
            shape.interviewee = interviewee(ctx, first_turn.unwrap_or(0));
        }
        shape
    })
}

/// The interviewee of a question-and-answer transcript: the first person named before
/// the first turn.
fn interviewee(ctx: &Context, before: usize) -> Option<usize> {
    ctx.mentions
        .list
        .iter()
        .take_while(|m| m.range().start < before)
        .take(MAX_LABEL_LOOKUP)
        .find(|m| m.kind == MentionKind::Person && !m.in_quote && m.entity().is_some())
        .and_then(|m| m.entity())
}

impl Rule for TranscriptTurn {
    /// A colon ends the label, which opens a paragraph: only spaces and tabs stand between
    /// the line break (or the text's start) and the sentence, so no token does.
    fn wake(&self) -> Wake {
        Wake::marks(mark::COLON).and(mark::LINE_START)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let (label, colon) = label_at(ctx, s)?;
        let shape = shape(ctx);
        let word = ctx.word(label.start);
        let qa = label.len() == 1 && (word == "Q" || word == "A");
        let transcript = if qa {
            shape.question && shape.answer
        } else {
            shape.named >= MIN_TURNS && shape.two_names
        };
        if !transcript {
            return None;
        }
        // The turn runs to the end of its paragraph.
        let from = ctx.tokens.get(colon + 1)?.start();
        let end = ctx.text[from..]
            .find('\n')
            .map_or(ctx.text.len(), |i| from + i);
        let end = from + ctx.text[from..end].trim_end().len();
        if end <= from {
            return None;
        }
        let finding = if word == "Q" && qa {
            Finding {
                speaker: None,
                cue: Some(ctx.tokens[colon].range()),
                confidence: 0.5,
            }
        } else {
            label_finding(ctx, &label, colon, qa.then_some(shape.interviewee))
        };
        Some(IndirectFinding {
            content: from..end,
            lead: None,
            finding,
            verbatim: true,
        })
    }
}
