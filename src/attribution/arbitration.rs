//! Arbitration between the indirect findings of different rules and cues: which reports
//! stand beside each other, which give way, and where a report inside another ends.
//!
//! The findings of each sentence are offered in rule order ([`Arbiter::offer`]); the first
//! finding of a content wins over later overlapping ones, except where one report is said
//! inside another or holds a lead an earlier finding reported alone.

use std::ops::Range;

use foldhash::HashMap;

use crate::attribution::context::Context;
use crate::attribution::finding::IndirectFinding;
use crate::attribution::grammar::clause::MIN_CLAUSE_WORDS;
use crate::attribution::rule::Rule;
use crate::attribution::words::word_count;

/// The indirect findings kept so far, in text order within each sentence.
#[derive(Default)]
pub struct Arbiter {
    found: Vec<(IndirectFinding, &'static dyn Rule)>,
    /// Where the current sentence's findings start in `found`.
    first: usize,
    /// How many of `found` report each content from each cue: a lead is looked for among
    /// them only when one is there.
    reported: HashMap<(Range<usize>, Option<Range<usize>>), usize>,
}

impl Arbiter {
    /// An arbiter with nothing kept.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a new sentence: its findings are weighed against each other.
    pub fn start_sentence(&mut self) {
        self.first = self.found.len();
    }

    /// Weighs one finding of `rule` against the current sentence's findings so far.
    ///
    /// A rule's findings stand beside the earlier ones when their content overlaps none of
    /// theirs ("X, Smith said, adding that Y": the fronted clause and the added one), or
    /// when they are reported inside another's content ("Smith said Jones wants a
    /// recount": Jones's wish, inside Smith's words; its cue and content lie within, and
    /// its content is the smaller: the same clause read twice, by two rules or from two
    /// cues, is one report).
    pub fn offer(&mut self, ctx: &Context, mut found: IndirectFinding, rule: &'static dyn Rule) {
        let first = self.first;
        // "The campaign said the rally is on, CNN reported": a report whose cue stands
        // inside another's content ends where that content ends (what follows is the
        // outer report's attribution), and is dropped when too little is left.
        let outer_end = found.finding.cue.as_ref().and_then(|cue| {
            self.found[first..]
                .iter()
                .map(|(f, _)| &f.content)
                .find(|c| {
                    c.start <= cue.start
                        && cue.end <= c.end
                        && c.start <= found.content.start
                        && found.content.start < c.end
                        && c.end < found.content.end
                })
                .map(|c| c.end)
        });
        if let Some(end) = outer_end {
            found.content.end = end;
            let words = &ctx.text[found.content.clone()];
            if word_count(words, MIN_CLAUSE_WORDS) < MIN_CLAUSE_WORDS {
                return;
            }
        }
        let overlaps = self.found[first..].iter().any(|(f, _)| {
            let nested = found.finding.cue.as_ref().is_some_and(|cue| {
                f.content.start <= cue.start
                    && cue.end <= f.content.end
                    && found.content.start >= f.content.start
                    && found.content.end <= f.content.end
                    && found.content != f.content
            });
            f.content.start < found.content.end && found.content.start < f.content.end && !nested
        });
        if overlaps {
            return;
        }
        // "The bridge, the mayor said, will reopen": a report whose lead is a part an
        // earlier rule reported alone, from the same cue, holds that part.
        if let Some(lead) = &found.lead {
            let key = (lead.clone(), found.finding.cue.clone());
            if let Some(count) = self.reported.remove(&key) {
                let same = |(f, _): &(IndirectFinding, &dyn Rule)| {
                    f.content == key.0 && f.finding.cue == key.1
                };
                // Such a part is nearly always this sentence's: only its findings are
                // looked at, unless an earlier one is the same part.
                let here = self.found[first..].iter().filter(|f| same(f)).count();
                if here == count {
                    let mut tail = self.found.split_off(first);
                    tail.retain(|f| !same(f));
                    self.found.append(&mut tail);
                } else {
                    self.found.retain(|f| !same(f));
                }
            }
        }
        *self
            .reported
            .entry((found.content.clone(), found.finding.cue.clone()))
            .or_default() += 1;
        self.found.push((found, rule));
    }

    /// Ends the current sentence: its findings are put in text order.
    pub fn end_sentence(&mut self) {
        self.found[self.first..].sort_by_key(|(f, _)| f.content.start);
    }

    /// The findings that stand, in text order.
    ///
    /// A transcript turn holds its whole paragraph: what other rules read in its later
    /// sentences is the same speaker's words. Findings are in text order, so one pass that
    /// remembers where the last turn ends finds them.
    pub fn finish(mut self) -> Vec<(IndirectFinding, &'static dyn Rule)> {
        let mut turn_end = 0;
        self.found.retain(|(f, _)| {
            if f.verbatim {
                turn_end = turn_end.max(f.content.end);
                true
            } else {
                f.content.end > turn_end
            }
        });
        self.found
    }
}
