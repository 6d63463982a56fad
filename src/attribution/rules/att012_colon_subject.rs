//! ATT012 colon-subject.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::NpKind;
use crate::attribution::grammar::shapes::speaker_label;
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::SENTENCE_OPENER;

declare_rule! {
    /// # ATT012 colon-subject
    ///
    /// ## What it matches
    /// A quote introduced by a colon in its own sentence, without a speech verb next to it:
    /// the speaker is the name right before the colon (`Michael McDonald: “…”`, a headline
    /// or a transcript; also after a few modifier words, `Republican pollster Ann Lee: “…”`,
    /// but not past a preposition), or a label that names a person, as in a speech list
    /// (`Best director Ann Lee: “…”`, `- Lifetime award winner Ann Lee: “…”`, `Ann Lee, best
    /// score: “…”`, `Ann Lee (lifetime award): “…”`: a few plain words and the name, no verb,
    /// no preposition), or else the subject that opens the sentence (`President Obama is
    /// rolling out a new message: “It's about me.”`, `She offered this sound bite: “…”`).
    ///
    /// ## Why
    /// A colon hands the sentence over to the quote; the sentence's subject is the one who
    /// says it.
    ///
    /// ## Example
    /// `She is sure that jail will only make him louder: “They're creating a monster.”` → she.
    ///
    /// ## Does not match
    /// A sentence whose subject is no person (`The sign read: “Keep out.”`), or one that
    /// opens with a quote of its own.
    ///
    /// ## Known false positives
    /// A sentence whose subject introduces someone else's words (`Smith recalled his
    /// father's advice: “…”` gives Smith).
    pub struct ColonSubject { id: "ATT012", name: "colon-subject", phase: Adjacent }
}

impl Rule for ColonSubject {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let b = c.before.clone();
        if b.is_empty() || !ctx.is_punct(b.end - 1, ':') {
            return None;
        }
        let colon = b.end - 1;
        // The name right before the colon.
        if let Some(np) = ctx.np_simple_ending_at(colon, b.start) {
            if np.kind == NpKind::Name && np.tokens.start == b.start {
                return Some(ctx.finding(&np, colon..colon + 1, 0.75));
            }
        }
        // A label naming the speaker, as in a speech list ("Best director Ann Lee: “…”").
        if let Some(np) = speaker_label(ctx, b.start, colon) {
            return Some(ctx.finding(&np, colon..colon + 1, 0.75));
        }
        // The subject that opens the sentence.
        let mut t = b.start;
        while t < colon && (ctx.is_punct(t, ',') || ctx.classes(t) & SENTENCE_OPENER != 0) {
            t += 1;
        }
        let np = ctx.np_starting_at(t, colon)?;
        // "Republican pollster Daron Shaw: “…”", "Gallup's Jeffrey M. Jones: “…”": a named
        // person after a few modifiers, right before the colon, is the whole introduction.
        // Not past a preposition ("CNN President On Trump: ‘…’" quotes the president).
        let plain_modifiers = (t..np.tokens.start).all(|u| {
            !matches!(
                crate::text::ascii_lower(ctx.word(u)).as_str(),
                "on" | "of" | "in" | "for" | "to" | "at" | "with" | "by" | "about" | "from"
            )
        });
        if np.tokens.end == colon && np.kind == NpKind::Name && plain_modifiers {
            return Some(ctx.finding(&np, colon..colon + 1, 0.75));
        }
        // A single capitalised word opening the sentence is as likely an adverb ("Roughly
        // translated: …") as a name: only persons, pronouns and descriptions count.
        let person = np.entity.is_some();
        if !(person || matches!(np.kind, NpKind::Pronoun(_) | NpKind::Description)) {
            return None;
        }
        // The subject must be followed by its verb, not be part of a longer phrase.
        let next = np.tokens.end;
        if next >= colon || !ctx.tokens[next].is_word() {
            return None;
        }
        Some(ctx.finding(&np, colon..colon + 1, 0.7))
    }
}
