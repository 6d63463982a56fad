//! A rule: its static facts (ID, name, doc, phase, class) and what it is asked.

use std::ops::Range;

use super::context::{Candidate, Context};
use super::finding::{Decided, Finding, IndirectFinding, Phase};
use crate::mentions::lexicon::{lexicon, CueClass};
use crate::output::QuoteClass;

/// Static facts about a rule.
pub trait RuleInfo {
    /// Stable ID, never reused (`ATT001`).
    fn id(&self) -> &'static str;
    /// Kebab-case name that says what it matches.
    fn name(&self) -> &'static str;
    /// The rule's doc comment.
    fn doc(&self) -> &'static str;
    /// When it runs.
    fn phase(&self) -> Phase;
    /// What its findings attribute when their cue does not say otherwise (see
    /// [`finding_class`]).
    fn class(&self) -> QuoteClass;
}

/// An attribution rule.
pub trait Rule: RuleInfo + Sync {
    /// For [`Phase::Adjacent`] and [`Phase::Context`] rules: the speaker of candidate `c`,
    /// given the speech decided earlier in the document (`history`, in text order). For
    /// [`Phase::Quotation`] rules, `history` holds the decided pieces of `c`'s quotation.
    fn attribute(&self, _ctx: &Context, _c: &Candidate, _history: &[Decided]) -> Option<Finding> {
        None
    }

    /// For [`Phase::Indirect`] rules: indirect speech in sentence `s`.
    fn indirect(&self, _ctx: &Context, _s: usize) -> Option<IndirectFinding> {
        None
    }

    /// For [`Phase::Indirect`] rules: every piece of indirect speech in sentence `s`, in the
    /// order found. Rules that report once per sentence keep the default, which gives
    /// [`Rule::indirect`]'s finding.
    fn indirect_all(&self, ctx: &Context, s: usize, out: &mut Vec<IndirectFinding>) {
        out.extend(self.indirect(ctx, s));
    }

    /// What a finding of this rule with cue `cue` (a byte range of `text`) attributes: the
    /// rule's class, refined by the cue ([`class_by_cue`]).
    fn class_of(&self, text: &str, cue: Option<&Range<usize>>) -> QuoteClass {
        class_by_cue(self.class(), text, cue)
    }
}

/// Declares a rule unit: the struct with its doc comment, and [`RuleInfo`] from it.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident { id: $id:literal, name: $kebab:literal, phase: $phase:ident }
    ) => {
        $crate::attribution::rule::declare_rule! {
            $(#[doc = $doc])*
            pub struct $name { id: $id, name: $kebab, phase: $phase, class: Speech }
        }
    };
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal, name: $kebab:literal, phase: $phase:ident, class: $class:ident
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;
        impl $crate::attribution::rule::RuleInfo for $name {
            fn id(&self) -> &'static str { $id }
            fn name(&self) -> &'static str { $kebab }
            fn doc(&self) -> &'static str { concat!($($doc, "\n"),*) }
            fn phase(&self) -> $crate::attribution::finding::Phase { $crate::attribution::finding::Phase::$phase }
            fn class(&self) -> $crate::output::QuoteClass { $crate::output::QuoteClass::$class }
        }
    };
}
pub(crate) use declare_rule;

/// The class of a finding of a rule of class `base` whose cue is the byte range `cue` of
/// `text`: a rule of speech (IND001's "said that", IND003's trailing "…, she said") gives
/// way to its cue's class when the cue is a verb of thinking ("believes", "hopes") or of
/// evidence ("records show", "the study found"); other classes stand.
pub fn class_by_cue(base: QuoteClass, text: &str, cue: Option<&Range<usize>>) -> QuoteClass {
    if base != QuoteClass::Speech {
        return base;
    }
    match cue.and_then(|cue| lexicon().cue_class(cue_head(text, cue))) {
        Some(CueClass::Thought) => QuoteClass::Thought,
        Some(CueClass::Evidential) => QuoteClass::Evidential,
        Some(CueClass::Speech) | None => QuoteClass::Speech,
    }
}

/// The first word of a cue: the verb of one of several words ("pointed out", "according
/// to").
pub fn cue_head<'t>(text: &'t str, cue: &Range<usize>) -> &'t str {
    text[cue.clone()]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

/// The first of the findings `rule` reports for sentence `s` with [`Rule::indirect_all`]: the
/// [`Rule::indirect`] of a rule that reports several a sentence.
///
/// [`Rule::indirect_all`]: crate::attribution::rule::Rule::indirect_all
/// [`Rule::indirect`]: crate::attribution::rule::Rule::indirect
pub fn first_finding(
    rule: &dyn crate::attribution::rule::Rule,
    ctx: &Context,
    s: usize,
) -> Option<crate::attribution::finding::IndirectFinding> {
    let mut found = Vec::new();
    rule.indirect_all(ctx, s, &mut found);
    found.into_iter().next()
}
