//! IND001 name-cue-that.

use super::indirect::{bytes, indirect_confidence, sentence_body, word_count, MIN_CLAUSE_WORDS};
use crate::attribution::np::NpKind;
use crate::attribution::{declare_rule, Context, IndirectFinding, Rule};
use crate::mentions::MentionKind;
use crate::text::ascii_lower;

declare_rule! {
    /// # IND001 name-cue-that
    ///
    /// ## What it matches
    /// Indirect speech in a sentence without quote marks: a speaker (name, pronoun,
    /// organisation or description, with an optional appositive), a reporting verb, and a
    /// reported clause: `Mich Mathews, Microsoft's senior vice president, said that the
    /// process will take ten years.`, `Smith told reporters on Monday that …`,
    /// `He said the plan would fail.` The content is the clause ("that" included).
    ///
    /// ## Why
    /// Reported speech is most of what news attributes, and this is its plainest form.
    ///
    /// ## Example
    /// `Officials said the bridge would reopen in May.` → "officials", content "the bridge
    /// would reopen in May".
    ///
    /// ## Does not match
    /// Questions, sentences with quote marks (the quote rules handle them), a verb followed
    /// by an object that is no clause (`Smith said goodbye`).
    ///
    /// ## Known false positives
    /// "said" in its adjective sense (`the said property`) after a name-like word.
    pub struct NameCueThat { id: "IND001", name: "name-cue-that", phase: Indirect }
}

/// Words that can open a reported clause without "that".
fn opens_clause(ctx: &Context, t: usize) -> bool {
    let w = ascii_lower(ctx.word(t));
    if matches!(
        w.as_str(),
        "he" | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "there"
            | "this"
            | "these"
            | "those"
            | "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "no"
            | "all"
            | "some"
            | "many"
            | "most"
            | "nobody"
            | "everyone"
            | "someone"
            | "people"
            | "whether"
            | "why"
            | "what"
            | "how"
            | "who"
            | "when"
            | "where"
    ) {
        return true;
    }
    ctx.mentions.starting_at(t).is_some_and(|m| {
        matches!(
            m.kind,
            MentionKind::Person | MentionKind::Organisation | MentionKind::Proper
        )
    })
}

/// The start of the reported clause after the cue at `k`, not past `end`.
fn clause_start(ctx: &Context, k: usize, end: usize) -> Option<usize> {
    let mut t = k + 1;
    // "told reporters", "told the committee": step over the addressee.
    if ctx.word(k).eq_ignore_ascii_case("told") || ctx.word(k).eq_ignore_ascii_case("tells") {
        // "told a Wall Street Journal lunch group that …": the clause starts at "that".
        if let Some(u) = (t..end.min(t + 8)).find(|&u| ctx.is(u, "that")) {
            return Some(u);
        }
        if let Some(np) = ctx.np_starting_at(t, end) {
            t = np.tokens.end;
        } else {
            let mut n = 0;
            while t < end && n < 3 && ctx.tokens[t].is_word() {
                t += 1;
                n += 1;
            }
        }
    }
    if t >= end {
        return None;
    }
    if ctx.is(t, "that") {
        return Some(t);
    }
    // "said in a statement on Monday that …": look a little further for "that".
    for u in t..end.min(t + 8) {
        if ctx.is(u, "that") {
            let w = ascii_lower(ctx.word(t));
            let leads_phrase = matches!(
                w.as_str(),
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "last"
                    | "earlier"
                    | "this"
                    | "yesterday"
                    | "today"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "repeatedly"
                    | "later"
                    | "privately"
                    | "publicly"
                    | "recently"
                    | "then"
                    | "also"
                    | "again"
            );
            return leads_phrase.then_some(u);
        }
    }
    if opens_clause(ctx, t) {
        return Some(t);
    }
    // "Mr. Morgan said, he has …": a comma between the verb and its clause.
    if ctx.is_punct(t, ',') && t + 1 < end && opens_clause(ctx, t + 1) {
        return Some(t + 1);
    }
    // Any other word but a preposition or particle starts a bare clause ("said Iran
    // cheated", "argued tariffs would hurt").
    let w = ascii_lower(ctx.word(t));
    let bare = ctx.tokens[t].is_word()
        && !matches!(
            w.as_str(),
            "to" | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "about"
                | "during"
                | "after"
                | "before"
                | "of"
                | "by"
                | "from"
                | "so"
                | "yes"
                | "no"
                | "nothing"
                | "something"
                | "goodbye"
                | "hello"
                | "thanks"
                | "more"
                | "little"
                | "much"
                | "as"
                | "up"
                | "out"
                | "off"
                | "over"
                | "into"
                | "through"
                | "against"
                | "without"
                | "via"
                | "like"
        )
        && !ctx.is_cue(t);
    bare.then_some(t)
}

impl Rule for NameCueThat {
    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = sentence_body(ctx, s)?;
        for k in r.clone() {
            if !ctx.is_indirect_cue(k) {
                continue;
            }
            if ctx.in_quote[k] {
                continue;
            }
            // ", saying that …", ", adding …": a participle reports the sentence's subject.
            let participle =
                ctx.word(k).ends_with("ing") && k > r.start && ctx.is_punct(k - 1, ',');
            let subject_end = ctx.skip_adverbs_backward(k, r.start);
            let np = if participle {
                ctx.np_starting_at(r.start, k)
            } else {
                ctx.subject_before(subject_end, r.start)
                    .or_else(|| ctx.sentence_subject(r.start, subject_end))
            };
            let Some(np) = np.filter(|np| !ctx.has_quote(np.tokens.clone())) else {
                continue;
            };
            if matches!(np.kind, NpKind::Description) && np.tokens.len() == 1 {
                // A bare role noun ("sources said") is fine only when plural or a known speaker.
                let w = ctx.word(np.tokens.start);
                if !w.ends_with('s') {
                    continue;
                }
            }
            let Some(start) = clause_start(ctx, k, r.end) else {
                continue;
            };
            if word_count(ctx, start..r.end) < MIN_CLAUSE_WORDS
                || ctx.has_speech_quote(start..r.end)
            {
                continue;
            }
            let confidence = indirect_confidence(&np);
            return Some(IndirectFinding {
                content: bytes(ctx, start..r.end),
                finding: ctx.finding(&np, k..k + 1, confidence),
            });
        }
        None
    }
}
