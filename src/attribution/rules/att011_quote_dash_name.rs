//! ATT011 quote-dash-name.

use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{Decided, Finding};
use crate::attribution::grammar::np::NpKind;
use crate::attribution::grammar::words::is_dash;
use crate::attribution::rule::{declare_rule, Rule};

declare_rule! {
    /// # ATT011 quote-dash-name
    ///
    /// ## What it matches
    /// A quote followed by a dash and a name that ends the line or the sentence, the way
    /// epigraphs and pull quotes are signed: `“Stay hungry, stay foolish.” — Steve Jobs`.
    ///
    /// ## Why
    /// Blogs and features sign quotes this way, with no speech verb at all.
    ///
    /// ## Example
    /// `“Design is how it works.” – Steve Jobs, 2003` → Steve Jobs. The signature may stand on
    /// the line after a quote that ends its paragraph (`“…”` / `- Bernie Sanders.`).
    ///
    /// ## Does not match
    /// A dash followed by more of the author's sentence (`“…” — Jobs never said that`).
    ///
    /// ## Known false positives
    /// A dash followed by a name that is the subject of an aside without a verb.
    pub struct QuoteDashName { id: "ATT011", name: "quote-dash-name", phase: Adjacent }
}

impl Rule for QuoteDashName {
    fn attribute(&self, ctx: &Context, c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        let (t, end) = if c.after.start < c.after.end {
            (c.after.start, c.after.end)
        } else {
            signature_line(ctx, c)?
        };
        if t >= end || !is_dash(ctx, t) {
            return None;
        }
        let np = ctx.np_starting_at(t + 1, end)?;
        if np.kind != NpKind::Name {
            return None;
        }
        // The name must end the attribution: nothing but a comma, a date or a stop after it.
        let rest = np.tokens.end;
        let ends = rest >= end
            || ctx.is_punct(rest, ',')
            || ctx.is_punct(rest, '.')
            || ctx.is_punct(rest, '(');
        ends.then(|| ctx.finding(&np, 0..0, 0.8))
    }
}

/// The line right after a quote that ends its paragraph, when that line is a signature
/// ("“…”\n\n- Bernie Sanders."): its first token and the end of the line.
fn signature_line(ctx: &Context, c: &Candidate) -> Option<(usize, usize)> {
    let mut t = ctx.token_at(c.outer.end);
    // Nothing but the quote's own closing punctuation before the line break: a few marks,
    // not a run of them (a walk over every mark after every quote costs the square of a
    // text of adjacent marks).
    let limit = ctx.tokens.len().min(t + MAX_CLOSING_TOKENS);
    while t < limit && !ctx.tokens[t].is_word() && !is_break(ctx, t) {
        if is_dash(ctx, t) {
            return None;
        }
        t += 1;
    }
    if t >= ctx.tokens.len() || !is_break(ctx, t) {
        return None;
    }
    while t < ctx.tokens.len() && is_break(ctx, t) {
        t += 1;
    }
    let end = (t..ctx.tokens.len().min(t + MAX_SIGNATURE_TOKENS + 1))
        .find(|&u| is_break(ctx, u))
        .unwrap_or(ctx.tokens.len().min(t + MAX_SIGNATURE_TOKENS + 1));
    // A short line: the dash, a name and perhaps a closing stop.
    (end - t <= MAX_SIGNATURE_TOKENS).then_some((t, end))
}

/// Most punctuation tokens between a quote and the line break before its signature
/// (`.”)` and the like).
const MAX_CLOSING_TOKENS: usize = 8;

/// Most tokens of a signature line under a quote ("— Sen. Bernie Sanders, in 2015.").
const MAX_SIGNATURE_TOKENS: usize = 10;

fn is_break(ctx: &Context, t: usize) -> bool {
    ctx.tokens[t].kind == crate::text::tokens::TokenKind::Break
}
