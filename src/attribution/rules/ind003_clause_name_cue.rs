//! IND003 clause-name-cue.

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::{
    has_indirect_cue, report, sentence_body, word_count, MIN_CLAUSE_WORDS,
};
use crate::attribution::grammar::np::role_led_name;
use crate::attribution::grammar::np::{NpKind, SpeakerNp, MAX_APPOSITIVE_TOKENS};
use crate::attribution::grammar::shapes::skip_appositive;
use crate::attribution::grammar::sources::plain_source;
use crate::attribution::grammar::words::is_dash;
use crate::attribution::grammar::words::is_time_word;
use crate::attribution::grammar::words::opens_adverbial;
use crate::attribution::grammar::words::opens_scene;
use crate::attribution::rule::Wake;
use crate::attribution::rule::{declare_rule, Rule};
use crate::lexicon::class::{CUE_INDIRECT, CUE_INVERTS};
use crate::text::ascii_lower;

declare_rule! {
    /// # IND003 clause-name-cue
    ///
    /// ## What it matches
    /// A reported clause first, then a comma (or dash), the speaker and the reporting verb:
    /// at the end of the sentence (`The plan is dead, Smith said.`, `The van was escorted,
    /// another source said on Monday.`, `Talks will resume, said a spokesman, the port's
    /// press officer.`) or as a parenthetical inside it (`There is no chance of violence,
    /// officials insist, because policing has changed.`, `The two nations, Xi said, now have
    /// a chance.`). The content is the part before the attribution; the part after it, when
    /// it is a clause, is IND001's (a discontinuous report comes out as two pieces, each
    /// with the same speaker). The sentence may go on to a quote (`The goal, he said, is
    /// “a durable truce.”`); then a part before the attribution that sets the scene (a
    /// prepositional or time phrase, also after "But" or "And", `Asked whether …`), ends in
    /// a conjunction, or is the speaker's own phrase is not reported. The speaker may be a person named after a few
    /// lower-case role words (`…, said lobbyist and strategist Ann Ray.`, `…, planner Ines
    /// Dahl said.`) or a plain phrase right before the verb (`…, one slide says.`, `…, the
    /// memo said.`, a few plain words ending in a plural before a verb that ends the
    /// sentence: `…, new fundraising reports show.`, or a name set off after its role: `…, a spokeswoman, Ann Ray, said.`);
    /// only verbs of saying stand before their speaker (`said Smith`, `writes
    /// the author`: the cues tagged `inverts` in `data/cues.txt`). After the verb may come a few words (`on Monday`) or a longer phrase
    /// of where or when it was said (`…, Ray said in posing the question to the governor.`,
    /// `…, she wrote in a memo to staff.`) when the verb reports no clause of its own, or a
    /// colon that spells the claim out (`…, insiders said: …`).
    ///
    /// ## Why
    /// News puts the attribution after the claim, or in the middle of it, as often as before
    /// it.
    ///
    /// ## Example
    /// `Clinton did not want the escort, the source added.` → "the source".
    ///
    /// ## Does not match
    /// A clause of fewer than three words; an attribution followed by a new clause (`After
    /// the debate, voters said they wanted change.` is IND001's) or by more than four words
    /// that do not open with a preposition or a time word (up to twelve when they say where
    /// or when, and the part before the comma opens with no frame such as `Though …` or a
    /// time); a verb that takes an object before a name (`…, praised Ray for …`); a phrase
    /// of "a" and a participle (`…, a plan announced in May`).
    ///
    /// ## Known false positives
    /// A list whose last item ends in a name and a verb. A fronted phrase before a
    /// parenthetical attribution (`In some ways, the brothers noted, …`) is reported as it
    /// stands (PolNeAR's gold holds these phrases as part of the claim).
    pub struct ClauseNameCue { id: "IND003", name: "clause-name-cue", phase: Indirect }
}

/// Most words allowed after the reporting verb ("said on Monday night").
pub const MAX_TRAILING_WORDS: usize = 4;

/// Most commas and dashes of a sentence tried as the end of the fronted clause.
pub const MAX_SPLITS: usize = 8;

/// Most words of a trailing phrase that opens with a preposition or a time word ("said in
/// posing the question to the governor").
pub const MAX_TRAILING_PHRASE_WORDS: usize = 12;

/// True when the words from token `t` say where, when or how something was said ("in a
/// memo to staff", "during his speech", "on Saturday"), not what the verb takes ("called
/// for …", "promised to …").
fn opens_setting(ctx: &Context, t: usize) -> bool {
    let w = ascii_lower(ctx.word(t));
    // "reported at least six planes …": a quantity, the start of what was reported.
    if w == "at" && (ctx.is(t + 1, "least") || ctx.is(t + 1, "most")) {
        return false;
    }
    is_time_word(&w)
        || matches!(
            w.as_str(),
            "in" | "on" | "at" | "during" | "while" | "when" | "after" | "before" | "via"
        )
}

/// The token after the person or body told ("told the court", "told The Herald"), which
/// starts at token `t`; `t` itself when no such phrase starts there.
fn object_end(ctx: &Context, t: usize, end: usize) -> usize {
    if let Some(m) = ctx
        .mentions
        .starting_at(t)
        .filter(|m| m.tokens().end <= end)
    {
        return m.tokens().end;
    }
    // "the court", "reporters": a determiner and a noun, or a plain plural.
    let mut u = t + usize::from(matches!(
        ascii_lower(ctx.word(t)).as_str(),
        "the" | "a" | "an"
    ));
    while u < end && u < t + 3 && ctx.tokens[u].is_word() && !opens_setting(ctx, u) {
        u += 1;
    }
    u
}

/// First words of a sentence whose part before the comma frames the rest rather than
/// reports anything ("Though he had …, Ray said …", "For one thing, …", "Like Ray, …").
fn opens_frame(w: &str) -> bool {
    opens_scene(w)
        || matches!(
            w,
            "though" | "although" | "like" | "unlike" | "if" | "because" | "almost" | "but"
        )
}

/// True when IND001 reads a clause after the cue at token `cue` of sentence `s`.
fn reports_after(ctx: &Context, s: usize, cue: usize) -> bool {
    let mut found = Vec::new();
    ctx.indirect_of("IND001", s, &mut found);
    let at = ctx.tokens[cue].start();
    found
        .iter()
        .any(|f| f.finding.cue.as_ref().is_some_and(|c| c.start == at))
}

/// The attribution that starts at token `t` ("Smith said", "said Smith", "Smith, a senator,
/// said"), up to `end`: the speaker phrase, the cue, and the first token after it.
fn attribution_at(ctx: &Context, t: usize, end: usize) -> Option<(SpeakerNp, usize, usize)> {
    if t >= end {
        return None;
    }
    // "…, told reporters on Thursday": "told" takes its speaker before it, never after; so
    // do the verbs that take an object ("…, praised Ann Ray for …", "…, shows the poll"),
    // and a capital is a name ("…, Hope Ray said") or a headline's verb.
    if ctx.is_indirect_cue(t)
        && ctx.word(t).starts_with(|c: char| c.is_ascii_lowercase())
        && ctx.classes(t) & CUE_INVERTS != 0
    {
        // "said Katie Harbath, the firm's outreach director." : the appositive may close the
        // sentence. "said lobbyist Ann Ray": the name after role words closes it too.
        let role_led = role_led_name(ctx, t + 1, end)
            .filter(|np| np.tokens.end >= end || ctx.is_punct(np.tokens.end, ','));
        let np = role_led.or_else(|| ctx.np_starting_at(t + 1, end))?;
        // The speaker follows the cue: "said the plan had stalled under Governor Ann Ray"
        // names Ray in the clause, not as who spoke.
        if (t + 1..np.tokens.start).any(|k| {
            ctx.tokens[k].is_word()
                && (crate::attribution::grammar::words::auxiliary(&ascii_lower(ctx.word(k)))
                    .is_some()
                    || crate::attribution::grammar::words::opens_adverbial(&ascii_lower(
                        ctx.word(k),
                    )))
        }) {
            return None;
        }
        let mut after = np.tokens.end;
        if after < end && ctx.is_punct(after, ',') && np.kind == NpKind::Name {
            let skipped = skip_appositive(ctx, after, end);
            after = if skipped > after {
                skipped
            } else if end - after <= MAX_APPOSITIVE_TOKENS && !(after..end).any(|k| ctx.is_cue(k)) {
                end
            } else {
                after
            };
        }
        return Some((np, t, after));
    }
    // "…, a person familiar with the plans said", "…, people with knowledge of the talks
    // said": a few plain words, then how the source knows, then the verb.
    if let Some((_, k)) = (t + 1..end.min(t + 4))
        .take_while(|&p| ctx.tokens[p - 1].is_word() && !ctx.is_cue(p - 1))
        .find_map(|p| {
            let k = crate::attribution::grammar::shapes::skip_source_postmodifier(ctx, p, end);
            (k > p).then_some((p, k))
        })
    {
        if ctx.is_indirect_cue(k) && ctx.word(t).starts_with(char::is_lowercase) {
            // The speaker is the whole phrase: "people familiar with the talks".
            return Some((ctx.description(t..k), k, k + 1));
        }
    }
    let Some(np) = role_led_name(ctx, t, end).or_else(|| ctx.np_starting_at(t, end)) else {
        if let Some(found) = plain_source(ctx, t, end) {
            return Some(found);
        }
        // "…, one slide says", "…, the memo said": a plain phrase right before the verb.
        // After "a", a participle makes a reduced relative ("…, a plan announced in May",
        // "— a fact first reported by …"), not an attribution.
        let (np, k) = ctx.generic_np_before_cue(t, end)?;
        let participle = (ctx.is(t, "a") || ctx.is(t, "an"))
            && ctx.word(k).ends_with("ed")
            && !ctx.is(k, "said");
        return (ctx.is_indirect_cue(k) && !participle).then_some((np, k, k + 1));
    };
    let mut k = skip_appositive(ctx, np.tokens.end, end);
    // "…, a source close to him said": how the source knows stands before its verb.
    if np.kind == NpKind::Description {
        k = crate::attribution::grammar::shapes::skip_source_postmodifier(ctx, k, end);
    }
    // "a spokeswoman, Ann Ray, said": the name set off after its role closes with a comma.
    if np.tokens.start > t
        && k < end
        && ctx.is_punct(k, ',')
        && ctx.is_punct(np.tokens.start - 1, ',')
    {
        k += 1;
    }
    let k = ctx.skip_adverbs_forward(k, end);
    (k < end && ctx.is_indirect_cue(k)).then_some((np, k, k + 1))
}

impl Rule for ClauseNameCue {
    /// The attribution after the comma holds a cue that reports speech.
    fn wake(&self) -> Wake {
        Wake::words(CUE_INDIRECT)
    }

    fn indirect(&self, ctx: &Context, s: usize) -> Option<IndirectFinding> {
        let r = sentence_body(ctx, s)?;
        if !has_indirect_cue(ctx, r.clone()) {
            return None;
        }
        let quoted = ctx.has_quote(r.clone());
        // An attribution after a comma holds a cue: commas past the last one need no
        // phrase-finding.
        let last_cue = (r.start..r.end).rev().find(|&t| ctx.is_indirect_cue(t))?;
        let splits = (r.start..last_cue)
            .filter(|&t| ctx.is_punct(t, ',') || is_dash(ctx, t))
            .take(MAX_SPLITS);
        for comma in splits {
            if word_count(ctx, r.start..comma) < MIN_CLAUSE_WORDS
                || ctx.has_speech_quote(r.start..comma)
            {
                continue;
            }
            let Some((np, cue, after)) = attribution_at(ctx, comma + 1, r.end) else {
                continue;
            };
            // What follows the attribution: nothing, a few words ("on Monday"), or the rest
            // of a claim it interrupts (", Smith said, the plan …" — that part is IND001's).
            let told = matches!(
                ascii_lower(ctx.word(cue)).as_str(),
                "told" | "tells" | "tell"
            );
            let adverbial = after < r.end
                && (told || opens_adverbial(&ascii_lower(ctx.word(after))))
                && !(after..r.end).any(|k| ctx.is(k, "that"));
            let trailing = word_count(ctx, after..r.end);
            // "…, insiders said: the lead is large": what follows a colon spells it out.
            let fits = after >= r.end
                || ctx.is_punct(after, ',')
                || ctx.is_punct(after, ';')
                || ctx.is_punct(after, ':')
                || is_dash(ctx, after)
                || (adverbial
                    && (trailing <= MAX_TRAILING_WORDS
                        || (after..r.end.min(after + MAX_TRAILING_WORDS + 2))
                            .any(|k| ctx.is_punct(k, ','))))
                // "…, Ray said in posing the question to the governor.": a longer phrase
                // fits when the verb reports no clause after it ("said in a speech on
                // Monday the plan …" is IND001's).
                || (adverbial
                    && trailing <= MAX_TRAILING_PHRASE_WORDS
                    && opens_setting(ctx, if told { object_end(ctx, after, r.end) } else { after })
                    && !opens_frame(&ascii_lower(ctx.word(r.start)))
                    && !is_time_word(&ascii_lower(ctx.word(r.start)))
                    && !reports_after(ctx, s, cue));
            if !fits {
                continue;
            }
            let content = r.start..comma;
            if ctx.has_speech_quote(content.clone()) {
                continue;
            }

            // In a sentence that goes on to a quote ("The goal, he said, is “…”"), the part
            // before the attribution is reported speech only when it is no scene-setting
            // phrase ("In a statement Thursday, he said, “…”") or question ("Asked whether
            // …, he replied, “…”").
            // So does a scene phrase after "But" or "And" ("But in a statement Friday, …").
            let first = ascii_lower(ctx.word(r.start));
            let lead = if matches!(first.as_str(), "but" | "and") && r.start + 1 < comma {
                ascii_lower(ctx.word(r.start + 1))
            } else {
                first
            };
            if quoted
                && (opens_scene(&lead)
                    || matches!(
                        ascii_lower(ctx.word(comma - 1)).as_str(),
                        "ago" | "later" | "earlier" | "and" | "but" | "or"
                    )
                    // "Ed Rendell (D), a Clinton supporter, said": the speaker's own phrase.
                    || ctx
                        .np_starting_at(r.start, comma)
                        .is_some_and(|np| np.tokens.end + 1 >= comma))
            {
                continue;
            }
            return Some(report(ctx, &np, cue..cue + 1, content));
        }
        None
    }
}
