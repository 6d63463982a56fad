//! ATT007 sentence-cue.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::NpKind;
use crate::attribution::grammar::shapes::after_opening_participle;
use crate::attribution::rule::{declare_rule, Rule};

declare_rule! {
    /// # ATT007 sentence-cue
    ///
    /// ## What it matches
    /// A quote in a sentence that has, outside any quote, a speech verb with its subject
    /// before it (`Trump said the plan was “a total disaster” and would end.`) or after it
    /// (`The plan was “a total disaster” and “sad,” Trump told reporters.` for the first
    /// fragment). The nearest such cue to the quote wins. The subject may be the phrase
    /// that opens the sentence (`Voters in the rural north described it as “…”`, `The ad
    /// called it “…”`), follow an opening phrase and its comma, be the phrase a relative
    /// "who" stands for (`…, Dana Ruiz, who called the plan “…”`), or belong to a first,
    /// coordinated verb (`The mayor stayed silent but called the plan “…”`; an opening
    /// participle phrase is no subject: `Smiling, the mayor waved and then boomed, “…”`).
    ///
    /// ## Why
    /// Partial quotes sit inside the reporter's paraphrase of what the speaker said; the
    /// paraphrase's speech verb names the speaker of the quoted words too.
    ///
    /// ## Example
    /// `Smith said the deal was “dead on arrival” in the Senate.` → Smith.
    ///
    /// ## Does not match
    /// A sentence whose only cue is inside a quote.
    ///
    /// ## Known false positives
    /// A scare quote in a sentence that happens to report speech about something else.
    pub struct SentenceCue { id: "ATT007", name: "sentence-cue", phase: Context }
}

/// Most cues of the quote's sentence tried, nearest first: a sentence of many quotes and
/// cues would otherwise try every cue for every quote.
const MAX_SENTENCE_CUES: usize = 16;

impl Rule for SentenceCue {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let open = c.before.end;
        let sentence = ctx.sentence_tokens(c.sentence);
        let floor = c.before.start;
        let end = c.after.end.max(sentence.end.min(ctx.tokens.len()));
        // Candidate cues outside quotes, nearest to the quote first.
        let cues = ctx.cues_nearest(floor..end, open, MAX_SENTENCE_CUES);
        let outside = |np: &crate::attribution::grammar::np::SpeakerNp| {
            !np.tokens.clone().any(|t| ctx.in_quote(t))
        };
        for k in cues {
            // "Perez hammered Trump, calling him a “train wreck”": a participle after a comma
            // reports the words of the sentence's subject, not of the word before it.
            let participle = ctx.word(k).ends_with("ing");
            let after_comma = k > floor
                && (ctx.is_punct(k - 1, ',')
                    || ["while", "after", "before", "by", "when"]
                        .iter()
                        .any(|w| ctx.is(k - 1, w))
                    || matches!(ctx.tokens[k - 1].kind,
                        crate::text::tokens::TokenKind::Punct(c) if crate::attribution::grammar::np::is_quote_mark(c)));
            if participle && after_comma {
                let start = after_opening_participle(ctx, floor, k);
                if let Some(np) = ctx.np_starting_at(start, k).filter(outside) {
                    return Some(ctx.finding(&np, k..k + 1, 0.65));
                }
                continue;
            }
            let subject_end = ctx.skip_adverbs_backward(k, floor);
            // Inversion ("…, said Smith.") only where the speaker closes the clause.
            let inverted = || {
                let np = ctx.np_starting_at(k + 1, end).filter(outside)?;
                let closes = np.tokens.end >= end
                    || matches!(
                        ctx.tokens[np.tokens.end].kind,
                        crate::text::tokens::TokenKind::Punct(_)
                    );
                let after_break = k > floor
                    && matches!(
                        ctx.tokens[k - 1].kind,
                        crate::text::tokens::TokenKind::Punct(_)
                    );
                (closes && after_break).then_some(np)
            };
            // The subject may also open the sentence, follow an opening phrase or a relative
            // "who", or belong to a first, coordinated verb ("Cruz, also a hopeful, called
            // the KKK “abhorrent”", "…, who criticized Sanders for “misrepresenting …”").
            let coordinated = subject_end > floor
                && (ctx.is(subject_end - 1, "and") || ctx.is(subject_end - 1, "but"));
            let np = if coordinated {
                let start = after_opening_participle(ctx, floor, subject_end);
                ctx.coordinated_subject(start, subject_end).filter(outside)
            } else {
                ctx.np_ending_before(subject_end, floor)
                    .filter(outside)
                    .or_else(inverted)
                    .or_else(|| {
                        let start = after_opening_participle(ctx, floor, subject_end);
                        ctx.sentence_subject(start, subject_end).filter(outside)
                    })
                    .or_else(|| {
                        ctx.subject_after_boundary(floor, subject_end)
                            .filter(outside)
                    })
            };
            if let Some(np) = np {
                let confidence = if matches!(np.kind, NpKind::Pronoun(_)) {
                    0.6
                } else {
                    0.7
                };
                return Some(ctx.finding(&np, k..k + 1, confidence));
            }
        }
        None
    }
}
