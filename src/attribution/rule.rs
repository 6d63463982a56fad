//! A rule: its static facts (ID, name, doc, phase, class) and what it is asked.

use std::ops::Range;

use super::context::{Candidate, Context, SentenceWords};
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

    /// For [`Phase::Indirect`] rules: what a sentence must hold for the rule to find
    /// anything in it (see [`Wake`]). The driver asks the rule only about sentences that
    /// hold it. A rule without a declaration is always asked.
    fn wake(&self) -> Wake {
        Wake::ALWAYS
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

/// What wakes an indirect rule: a sentence that holds a word of one of the lexicon classes
/// `words` ([`crate::lexicon::class`], as written) or one of the `marks`
/// ([`crate::attribution::context::mark`]), and every mark of `needs`. A rule's wake is a
/// necessary condition of every finding it gives: a sentence without it is one where the
/// rule would find nothing, so the driver does not ask it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wake {
    words: u64,
    marks: u8,
    needs: u8,
    always: bool,
}

impl Wake {
    /// Every sentence: the rule has no word or mark it cannot do without.
    pub const ALWAYS: Wake = Wake {
        words: 0,
        marks: 0,
        needs: 0,
        always: true,
    };

    /// A sentence with a word of one of the lexicon classes `words`.
    pub const fn words(words: u64) -> Wake {
        Wake {
            words,
            marks: 0,
            needs: 0,
            always: false,
        }
    }

    /// A sentence with one of the `marks`.
    pub const fn marks(marks: u8) -> Wake {
        Wake {
            words: 0,
            marks,
            needs: 0,
            always: false,
        }
    }

    /// This wake, or a sentence with one of the `marks`.
    pub const fn or_marks(self, marks: u8) -> Wake {
        Wake {
            marks: self.marks | marks,
            ..self
        }
    }

    /// This wake, in a sentence that also holds every mark of `needs`.
    pub const fn and(self, needs: u8) -> Wake {
        Wake {
            needs: self.needs | needs,
            ..self
        }
    }

    /// True when a sentence that holds `held` wakes the rule.
    #[inline]
    pub fn wakes(&self, held: SentenceWords) -> bool {
        self.always
            || ((held.classes & self.words != 0 || held.marks & self.marks != 0)
                && held.marks & self.needs == self.needs)
    }
}

#[cfg(test)]
thread_local! {
    /// For tests: every rule awake, whatever it declares (to compare the output with and
    /// without the skipping).
    static ALL_AWAKE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every rule awake on this thread, whatever its [`Wake`].
#[cfg(test)]
pub(crate) fn with_all_awake<T>(f: impl FnOnce() -> T) -> T {
    ALL_AWAKE.with(|a| a.set(true));
    let out = f();
    ALL_AWAKE.with(|a| a.set(false));
    out
}

/// True when the indirect rule `rule` is to be asked about sentence `s`: the sentence holds
/// what wakes it ([`Rule::wake`]).
#[inline]
pub fn awake(rule: &dyn Rule, ctx: &Context, s: usize) -> bool {
    #[cfg(test)]
    if ALL_AWAKE.with(std::cell::Cell::get) {
        return true;
    }
    rule.wake().wakes(ctx.sentence_words(s))
}

/// Adds to `out` what the indirect rule `rule` finds in sentence `s` ([`Rule::indirect_all`]),
/// asking it only when the sentence wakes it ([`awake`]): how the pipeline and
/// `rules::indirect_of` drive the indirect rules.
#[inline]
pub fn indirect_when_awake(
    rule: &dyn Rule,
    ctx: &Context,
    s: usize,
    out: &mut Vec<IndirectFinding>,
) {
    if awake(rule, ctx, s) {
        rule.indirect_all(ctx, s, out);
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
