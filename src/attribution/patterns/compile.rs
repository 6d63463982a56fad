//! A template compiled into a program over tokens, and the matcher that runs it.
//!
//! The matcher is a backtracker that remembers every (instruction, token) pair it has tried:
//! whether a pair leads to a match depends on nothing else (captures only record where things
//! were), so a pair that failed once fails again and is never tried twice. A pattern thus
//! costs at most its program's length times the tokens of its window, whatever it holds.

use std::ops::Range;

use super::syntax::{Class, Kind, Node, Skip, SpeakerKinds, Test, MAX_COUNT};
use crate::attribution::context::Context;
use crate::attribution::grammar::clause::{opens_appositive, MIN_CLAUSE_WORDS};
use crate::attribution::grammar::labels::is_heading_label;
use crate::attribution::grammar::np::{is_cue_adverb, is_number, NpKind, SpeakerNp};
use crate::attribution::grammar::shapes::{
    capitalised_run, possessive_phrase_end, skip_appositive, skip_parenthetical,
    skip_source_postmodifier,
};
use crate::attribution::grammar::sources::{source_words, MAX_SOURCE_WORDS};
use crate::mentions::MentionKind;
use crate::quotes::is_quote_mark;
use crate::text::tokens::TokenKind;

/// Most instructions a compiled pattern may hold: a pattern past it is refused.
pub const MAX_PROGRAM: usize = 512;

/// One instruction.
#[derive(Debug, Clone, PartialEq)]
pub enum Inst {
    /// Consume a token that passes the test.
    Token(Test),
    /// Consume a speaker noun phrase of one of these kinds.
    Speaker(SpeakerKinds),
    /// Mark the start / end of speaker words (`$SPEAKER(…)`), read as a description.
    SpeakerWordsStart,
    /// See [`Inst::SpeakerWordsStart`].
    SpeakerWordsEnd,
    /// Mark the start / end of the cue.
    CueStart,
    /// See [`Inst::CueStart`].
    CueEnd,
    /// Mark the start / end of the clause.
    ClauseStart,
    /// See [`Inst::ClauseStart`].
    ClauseEnd,
    /// Consume a token of a clause: anything but a quote mark or a line break.
    ClauseToken,
    /// Consume a word of a clause.
    ClauseWord,
    /// Consume a token that closes a clause's last word: a possessive, `%`, a closing
    /// bracket or quote mark.
    ClauseCloser,
    /// Consume the quoted passage.
    Quote,
    /// Mark the start / end of the content's lead.
    LeadStart,
    /// See [`Inst::LeadStart`].
    LeadEnd,
    /// Go on only where none of these sequences of tests matches the tokens from here.
    NotAhead(Vec<Vec<Test>>),
    /// Skip what the grammar reads as one piece here, if anything.
    Skip(Skip),
    /// Only at the start of the window.
    Start,
    /// Only at the end of the window.
    End,
    /// Try the first instruction, then the second.
    Split(usize, usize),
    /// Go on at this instruction.
    Jump(usize),
    /// A match.
    Accept,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Program {
    /// The instructions; the last is [`Inst::Accept`].
    pub insts: Vec<Inst>,
    /// A test that some token of every match passes (a word the template requires, else its
    /// cue's class): a window without such a token is not searched.
    pub trigger: Option<Test>,
    /// What the first token of every match is, if the program says.
    pub first: Option<First>,
    /// Tests that the tokens of every match pass in this order (each by a later token than
    /// the one before): a window without such tokens in that order is not searched.
    pub sequence: Vec<Test>,
}

impl Program {
    /// What [`Program::scan_may_match`] tests, and where: two programs with the same answer
    /// here get the same answer there on any window.
    pub fn scan_scope(&self) -> (Option<&Test>, bool, &[Test]) {
        (
            self.trigger.as_ref(),
            self.opens_with_quote(),
            &self.sequence,
        )
    }

    /// The tests one of which the first token passes, for a template anchored at the start.
    fn anchored_first(&self) -> Option<&[Test]> {
        match (self.insts.first(), &self.first) {
            (Some(Inst::Start), Some(First::Tokens(tests))) => Some(tests),
            _ => None,
        }
    }

    /// True when the template opens with the quote, so it reads only what follows it.
    fn opens_with_quote(&self) -> bool {
        matches!(self.insts.first(), Some(Inst::Quote))
    }

    /// False when the program is anchored at the start and the window's first token is none
    /// it may start with: no match there, and no search.
    pub fn start_may_match(&self, ctx: &Context, window: &Window) -> bool {
        let Some(tests) = self.anchored_first() else {
            return true;
        };
        let t = window.before.start;
        let limit = window.limit(t);
        t < limit && tests.iter().any(|test| passes(ctx, test, t, limit))
    }

    /// False when `window` holds no token that passes the program's trigger, or no tokens
    /// that pass its sequence in order: no match there, and no search.
    pub fn scan_may_match(&self, ctx: &Context, window: &Window) -> bool {
        let after = window.after.clone().unwrap_or(0..0);
        // A template that opens with the quote reads only what follows it.
        let before = if self.opens_with_quote() {
            0..0
        } else {
            window.before.clone()
        };
        // A trigger that is one of the sequence's tests and has no quick test of its own: the
        // sequence alone says enough.
        let test = match &self.trigger {
            Some(test @ (Test::Word(_) | Test::Class(Class::Lexicon(_)))) => test,
            Some(test) if !(self.sequence.len() >= 2 && self.sequence.contains(test)) => test,
            _ => return self.in_sequence(ctx, window, before.chain(after)),
        };
        let triggered = match test {
            // The common trigger, tested without the general dispatch: most tokens differ
            // from the word in length.
            Test::Word(w) if w.is_ascii() => {
                before.clone().chain(after.clone()).any(|t| ctx.is(t, w))
            }
            // A list of the lexicon: one mask test a word, over the words' table.
            Test::Class(Class::Lexicon(bits)) => [before.clone(), after.clone()]
                .into_iter()
                .any(|r| ctx.any_classes(r, *bits)),
            _ => before
                .clone()
                .chain(after.clone())
                .any(|t| passes(ctx, test, t, window.limit(t))),
        };
        triggered && self.in_sequence(ctx, window, before.chain(after))
    }

    /// True when `tokens` (in order) hold tokens that pass the program's [`Program::sequence`]
    /// in its order.
    fn in_sequence(
        &self,
        ctx: &Context,
        window: &Window,
        tokens: impl Iterator<Item = usize>,
    ) -> bool {
        if self.sequence.len() < 2 {
            return true;
        }
        let mut next = self.sequence.iter().peekable();
        for t in tokens {
            let Some(test) = next.peek() else {
                break;
            };
            if passes(ctx, test, t, window.limit(t)) {
                next.next();
            }
        }
        next.peek().is_none()
    }
}

/// Checks what a pattern of `kind` must hold: on every way through the template, its own
/// slot and `$SPEAKER` once and `$CUE` at most once; no slot inside a repetition; and
/// repetitions that end. The message says what is wrong.
pub fn check(node: &Node, kind: Kind) -> Result<(), String> {
    walk(node)?;
    let (slot, other, kind_name) = match kind {
        Kind::Direct => (SlotName::Quote, SlotName::Clause, "direct"),
        Kind::Indirect => (SlotName::Clause, SlotName::Quote, "indirect"),
    };
    let once = |name: SlotName, what: &str| -> Result<(), String> {
        match count(node, name) {
            (1, 1) => Ok(()),
            (min, max) if min == max => Err(format!(
                "a {kind_name} pattern holds {what} once (found {min} times)"
            )),
            _ => Err(format!(
                "a {kind_name} pattern holds {what} once on every way through it (some ways hold it more or fewer times)"
            )),
        }
    };
    once(slot, slot.text())?;
    if count(node, other).1 != 0 {
        return Err(format!("a {kind_name} pattern holds no {}", other.text()));
    }
    match kind {
        Kind::Direct => once(SlotName::Speaker, "$SPEAKER")?,
        // A way through an indirect template without a speaker reports content nobody is
        // named for ("Asked whether …, she said": the asker is not named).
        Kind::Indirect if count(node, SlotName::Speaker).1 > 1 => {
            return Err(
                "an indirect pattern holds $SPEAKER at most once on every way through it".into(),
            )
        }
        Kind::Indirect if count(node, SlotName::Speaker).1 == 0 => {
            return Err(
                "an indirect pattern holds $SPEAKER (a way through it may go without)".into(),
            )
        }
        Kind::Indirect => {}
    }
    if count(node, SlotName::Cue).1 > 1 {
        return Err("a pattern holds $CUE at most once".into());
    }
    match (kind, count(node, SlotName::Lead).1) {
        (_, 0) => {}
        (Kind::Direct, _) => return Err("a direct pattern holds no $LEAD".into()),
        (Kind::Indirect, 1) => {}
        (Kind::Indirect, _) => {
            return Err("a pattern holds $LEAD at most once on every way through it".into())
        }
    }
    let program = compile(node);
    if program.insts.len() > MAX_PROGRAM {
        return Err(format!(
            "the pattern compiles to {} steps, more than {MAX_PROGRAM}: use fewer or smaller counted repetitions",
            program.insts.len()
        ));
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SlotName {
    Quote,
    Clause,
    Speaker,
    Cue,
    Lead,
}

impl SlotName {
    const ALL: [SlotName; 5] = [
        SlotName::Quote,
        SlotName::Clause,
        SlotName::Speaker,
        SlotName::Cue,
        SlotName::Lead,
    ];

    fn text(self) -> &'static str {
        match self {
            SlotName::Quote => "$QUOTE",
            SlotName::Clause => "$CLAUSE",
            SlotName::Speaker => "$SPEAKER",
            SlotName::Cue => "$CUE",
            SlotName::Lead => "$LEAD",
        }
    }

    fn is(self, node: &Node) -> bool {
        matches!(
            (self, node),
            (SlotName::Quote, Node::Quote)
                | (SlotName::Clause, Node::Clause | Node::ClauseWords(_))
                | (SlotName::Speaker, Node::Speaker(_) | Node::SpeakerWords(_))
                | (SlotName::Cue, Node::Cue(_))
                | (SlotName::Lead, Node::Lead(_))
        )
    }
}

/// The fewest and most times a way through `node` passes the slot `name`.
fn count(node: &Node, name: SlotName) -> (u32, u32) {
    let own = u32::from(name.is(node));
    match node {
        Node::Cue(inner)
        | Node::SpeakerWords(inner)
        | Node::ClauseWords(inner)
        | Node::Lead(inner) => {
            let (a, b) = count(inner, name);
            (a + own, b + own)
        }
        Node::Seq(items) => items.iter().fold((0, 0), |(a, b), n| {
            let (x, y) = count(n, name);
            (a + x, b + y)
        }),
        Node::Alt(alts) => alts.iter().fold((u32::MAX, 0), |(a, b), n| {
            let (x, y) = count(n, name);
            (a.min(x), b.max(y))
        }),
        Node::Repeat { node, min, max, .. } => {
            let (x, y) = count(node, name);
            (
                x.saturating_mul(*min),
                y.saturating_mul(max.unwrap_or(MAX_COUNT)),
            )
        }
        _ => (own, own),
    }
}

/// Refuses slots inside repetitions (a slot is one thing) and repetitions of what can
/// match nothing.
fn walk(node: &Node) -> Result<(), String> {
    match node {
        Node::Cue(inner) => {
            if can_be_empty(inner) {
                return Err("$CUE(…) must hold at least one token".into());
            }
            walk(inner)
        }
        Node::SpeakerWords(inner) | Node::ClauseWords(inner) | Node::Lead(inner) => {
            let slot = match node {
                Node::SpeakerWords(_) => "$SPEAKER",
                Node::ClauseWords(_) => "$CLAUSE",
                _ => "$LEAD",
            };
            // A lead may match nothing: the finding then has none.
            if slot != "$LEAD" && can_be_empty(inner) {
                return Err(format!("{slot}(…) must hold at least one token"));
            }
            if let Some(name) = SlotName::ALL.into_iter().find(|&n| count(inner, n).1 > 0) {
                return Err(format!(
                    "{} stands inside {slot}(…), which holds words, classes and punctuation only",
                    name.text()
                ));
            }
            walk(inner)
        }
        Node::Seq(items) | Node::Alt(items) => items.iter().try_for_each(walk),
        Node::Repeat { node, max, .. } => {
            if can_be_empty(node) {
                return Err("a repetition of something that can match nothing never ends".into());
            }
            if max.is_none() && !matches!(**node, Node::Token(_)) && has_unbounded(node) {
                return Err("an unbounded repetition inside another".into());
            }
            // An optional item (`?`) may hold a slot: it stands there once or not at all.
            let optional = *max == Some(1);
            for name in SlotName::ALL {
                if !optional && count(node, name).1 > 0 {
                    return Err(format!(
                        "{} stands inside a repetition; it must match exactly once",
                        name.text()
                    ));
                }
            }
            walk(node)
        }
        _ => Ok(()),
    }
}

fn has_unbounded(node: &Node) -> bool {
    match node {
        Node::Repeat { max: None, .. } => true,
        Node::Repeat { node, .. }
        | Node::Cue(node)
        | Node::SpeakerWords(node)
        | Node::ClauseWords(node)
        | Node::Lead(node) => has_unbounded(node),
        Node::Seq(v) | Node::Alt(v) => v.iter().any(has_unbounded),
        _ => false,
    }
}

/// True when `node` can match no token at all.
pub fn can_be_empty(node: &Node) -> bool {
    match node {
        Node::Token(_) | Node::Speaker(_) | Node::Quote | Node::Clause => false,
        Node::Start | Node::End | Node::Skip(_) | Node::NotAhead(_) => true,
        Node::Cue(inner)
        | Node::SpeakerWords(inner)
        | Node::ClauseWords(inner)
        | Node::Lead(inner) => can_be_empty(inner),
        Node::Seq(items) => items.iter().all(can_be_empty),
        Node::Alt(alts) => alts.iter().any(can_be_empty),
        Node::Repeat { node, min, .. } => *min == 0 || can_be_empty(node),
    }
}

/// Compiles a checked template.
pub fn compile(node: &Node) -> Program {
    let mut insts = Vec::new();
    emit(node, &mut insts);
    insts.push(Inst::Accept);
    let mut required = Vec::new();
    mandatory(node, &mut required);
    // A word of four letters or more is rarer than a class, a class than a short word (the
    // common words of English are short: "in", "to", "how"), a word than a punctuation mark;
    // a long word rarer than a short one ("according" than "to").
    let rank = |t: &Test| match t {
        Test::Word(w) if w.chars().count() >= 4 => (0, usize::MAX - w.len()),
        Test::Class(_) => (1, 0),
        Test::Word(w) => (2, usize::MAX - w.len()),
        Test::Possessive => (3, 0),
        Test::Punct(_) | Test::Dash => (4, 0),
        Test::AnyWord | Test::AnyToken | Test::NotWord(_) | Test::NotToken(_) => (5, 0),
    };
    let trigger = required
        .into_iter()
        .filter(|t| rank(t).0 < 5)
        .min_by_key(|t| rank(t));
    let first = first_test(&insts);
    Program {
        insts,
        trigger,
        first,
        sequence: in_order(node),
    }
}

/// Most tests of a [`Program::sequence`] (the alternatives' common part is found by
/// comparing them, which grows with the square of their length).
const MAX_SEQUENCE: usize = 16;

/// Token tests that every match of `node` passes, in the order it passes them.
fn in_order(node: &Node) -> Vec<Test> {
    let mut out = match node {
        Node::Token(t) => vec![t.clone()],
        Node::Seq(items) => items.iter().flat_map(in_order).collect(),
        Node::Cue(inner)
        | Node::SpeakerWords(inner)
        | Node::ClauseWords(inner)
        | Node::Lead(inner) => in_order(inner),
        Node::Repeat { node, min, .. } if *min > 0 => in_order(node),
        // What every alternative passes in the same order: their longest common
        // subsequence, one alternative after the other.
        Node::Alt(alts) => {
            let mut ways = alts.iter().map(in_order);
            let first = ways.next().unwrap_or_default();
            ways.fold(first, |a, b| common_subsequence(&a, &b))
        }
        _ => Vec::new(),
    };
    out.truncate(MAX_SEQUENCE);
    out
}

/// The longest common subsequence of `a` and `b`.
fn common_subsequence(a: &[Test], b: &[Test]) -> Vec<Test> {
    // len[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut len = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            len[i][j] = if a[i] == b[j] {
                len[i + 1][j + 1] + 1
            } else {
                len[i + 1][j].max(len[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push(a[i].clone());
            i += 1;
            j += 1;
        } else if len[i + 1][j] >= len[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// What every match holds at its first token, when every way into the program starts by
/// consuming a token (past marks and choices that consume nothing: `when? asked` starts
/// with "when" or "asked"), or the program starts with a pronoun: a search starts only
/// there.
fn first_test(insts: &[Inst]) -> Option<First> {
    for inst in insts {
        match inst {
            Inst::CueStart | Inst::ClauseStart | Inst::SpeakerWordsStart | Inst::Start => continue,
            Inst::Speaker(kinds) if kinds.only_pronouns() => return Some(First::Pronoun),
            _ => break,
        }
    }
    let mut tests: Vec<Test> = Vec::new();
    let mut seen = vec![false; insts.len()];
    let mut stack = vec![0];
    while let Some(pc) = stack.pop() {
        if std::mem::replace(&mut seen[pc], true) {
            continue;
        }
        let test = match &insts[pc] {
            Inst::CueStart
            | Inst::ClauseStart
            | Inst::SpeakerWordsStart
            | Inst::LeadStart
            | Inst::NotAhead(_)
            | Inst::Start => {
                stack.push(pc + 1);
                continue;
            }
            Inst::Split(a, b) => {
                stack.push(*b);
                stack.push(*a);
                continue;
            }
            Inst::Jump(a) => {
                stack.push(*a);
                continue;
            }
            Inst::Token(test) => test.clone(),
            Inst::ClauseWord => Test::AnyWord,
            _ => return None,
        };
        if !tests.contains(&test) {
            tests.push(test);
        }
    }
    (!tests.is_empty()).then_some(First::Tokens(tests))
}

/// What the first token of every match of a program is.
#[derive(Debug, Clone)]
pub enum First {
    /// A token that passes one of the tests.
    Tokens(Vec<Test>),
    /// A pronoun (a pronoun mention starts there).
    Pronoun,
}

/// True when a pronoun mention (third or first person) starts at token `t`.
fn pronoun_at(ctx: &Context, t: usize) -> bool {
    ctx.mentions
        .starting_at(t)
        .is_some_and(|m| matches!(m.kind, MentionKind::Pronoun(_) | MentionKind::FirstPerson))
}

/// The token tests every match of `node` passes somewhere.
fn mandatory(node: &Node, out: &mut Vec<Test>) {
    match node {
        Node::Token(t) => out.push(t.clone()),
        Node::Seq(items) => items.iter().for_each(|n| mandatory(n, out)),
        Node::Cue(inner)
        | Node::SpeakerWords(inner)
        | Node::ClauseWords(inner)
        | Node::Lead(inner) => mandatory(inner, out),
        Node::Repeat { node, min, .. } if *min > 0 => mandatory(node, out),
        // What every alternative needs.
        Node::Alt(alts) => {
            let mut sets = alts.iter().map(|a| {
                let mut v = Vec::new();
                mandatory(a, &mut v);
                v
            });
            if let Some(first) = sets.next() {
                let rest: Vec<Vec<Test>> = sets.collect();
                out.extend(
                    first
                        .into_iter()
                        .filter(|t| rest.iter().all(|r| r.contains(t))),
                );
            }
        }
        _ => {}
    }
}

fn emit(node: &Node, out: &mut Vec<Inst>) {
    match node {
        Node::Token(t) => out.push(Inst::Token(t.clone())),
        Node::Speaker(k) => out.push(Inst::Speaker(*k)),
        Node::Quote => out.push(Inst::Quote),
        Node::Start => out.push(Inst::Start),
        Node::End => out.push(Inst::End),
        Node::Skip(k) => out.push(Inst::Skip(*k)),
        Node::Cue(inner) => {
            out.push(Inst::CueStart);
            emit(inner, out);
            out.push(Inst::CueEnd);
        }
        Node::SpeakerWords(inner) => {
            out.push(Inst::SpeakerWordsStart);
            emit(inner, out);
            out.push(Inst::SpeakerWordsEnd);
        }
        Node::ClauseWords(inner) => {
            out.push(Inst::ClauseStart);
            emit(inner, out);
            out.push(Inst::ClauseEnd);
        }
        Node::Lead(inner) => {
            out.push(Inst::LeadStart);
            emit(inner, out);
            out.push(Inst::LeadEnd);
        }
        Node::NotAhead(ways) => out.push(Inst::NotAhead(ways.clone())),
        Node::Clause => {
            // A word, then at least MIN_CLAUSE_WORDS - 1 more, each after any other tokens,
            // as many as there are: the clause starts and ends on a word.
            out.push(Inst::ClauseStart);
            out.push(Inst::ClauseWord);
            for _ in 1..MIN_CLAUSE_WORDS {
                clause_gap(out);
                out.push(Inst::ClauseWord);
            }
            // (gap word)*
            let top = out.len();
            out.push(Inst::Split(top + 1, usize::MAX));
            clause_gap(out);
            out.push(Inst::ClauseWord);
            out.push(Inst::Jump(top));
            let exit = out.len();
            out[top] = Inst::Split(top + 1, exit);
            // What closes a word may close it: "… twice that of Tate’s", "42%-32.7%",
            // "(R-Utah)", a title's closing mark.
            for _ in 0..MAX_CLAUSE_CLOSERS {
                let at = out.len();
                out.push(Inst::Split(at + 1, at + 2));
                out.push(Inst::ClauseCloser);
            }
            out.push(Inst::ClauseEnd);
        }
        Node::Seq(items) => items.iter().for_each(|n| emit(n, out)),
        Node::Alt(alts) => {
            // Split(a, next) a Jump(end) Split(b, next) b Jump(end) … last
            let mut jumps = Vec::new();
            for (i, alt) in alts.iter().enumerate() {
                if i + 1 < alts.len() {
                    let split = out.len();
                    out.push(Inst::Split(split + 1, usize::MAX));
                    emit(alt, out);
                    jumps.push(out.len());
                    out.push(Inst::Jump(usize::MAX));
                    let next = out.len();
                    out[split] = Inst::Split(split + 1, next);
                } else {
                    emit(alt, out);
                }
            }
            let end = out.len();
            for j in jumps {
                out[j] = Inst::Jump(end);
            }
        }
        Node::Repeat {
            node,
            min,
            max,
            lazy,
        } => {
            for _ in 0..*min {
                emit(node, out);
            }
            // A greedy repetition tries one more copy first; a lazy one, what follows.
            let choice = |more: usize, done: usize| {
                if *lazy {
                    Inst::Split(done, more)
                } else {
                    Inst::Split(more, done)
                }
            };
            match max {
                None => {
                    let top = out.len();
                    out.push(Inst::Split(top + 1, usize::MAX));
                    emit(node, out);
                    out.push(Inst::Jump(top));
                    let exit = out.len();
                    out[top] = choice(top + 1, exit);
                }
                Some(max) => {
                    // Each optional copy: Split(copy, end).
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(out.len());
                        out.push(Inst::Split(usize::MAX, usize::MAX));
                        emit(node, out);
                    }
                    let end = out.len();
                    for s in splits {
                        out[s] = choice(s + 1, end);
                    }
                }
            }
        }
    }
}

/// True when the clause `r` starts or ends inside a quoted passage (a title whose comma
/// stands inside its marks: `on “Morning Show,” he said`): a clause holds a quoted title or
/// term whole, marks and all, or none of it.
fn cuts_quote(ctx: &Context, r: &Range<usize>) -> bool {
    let inside = |t: usize| ctx.in_quote(t);
    (r.start > 0 && inside(r.start) && inside(r.start - 1)) || (inside(r.end - 1) && inside(r.end))
}

/// Most tokens after a clause's last word that close it ("32.7%)").
const MAX_CLAUSE_CLOSERS: usize = 2;

/// True when token `t` may close a clause's last word: a possessive, a percent sign, a closing
/// bracket or a closing quote mark.
fn closes_word(ctx: &Context, t: usize) -> bool {
    match ctx.tokens[t].kind {
        TokenKind::Possessive => true,
        TokenKind::Punct(c) => matches!(c, '%' | ')' | ']' | '”' | '’' | '"' | '\'' | '»'),
        _ => false,
    }
}

/// Any tokens of a clause that are not words, greedily: `ClauseToken*` without words.
fn clause_gap(out: &mut Vec<Inst>) {
    let top = out.len();
    out.push(Inst::Split(top + 1, usize::MAX));
    out.push(Inst::ClauseToken);
    out.push(Inst::Jump(top));
    let exit = out.len();
    out[top] = Inst::Split(top + 1, exit);
}

/// Where a program runs: the tokens it may read, and for a direct pattern the quote.
#[derive(Debug, Clone)]
pub struct Window {
    /// Tokens before the quote (direct) or of the sentence (indirect).
    pub before: Range<usize>,
    /// For a direct pattern, the tokens after the quote's closing mark; the quote's tokens
    /// run from `before.end` to `after.start`.
    pub after: Option<Range<usize>>,
}

impl Window {
    fn positions(&self) -> usize {
        self.before.len() + 1 + self.after.as_ref().map_or(0, |a| a.len() + 1)
    }

    /// The memo index of token position `t`, or `None` outside the window.
    fn index(&self, t: usize) -> Option<usize> {
        if self.before.contains(&t) || t == self.before.end {
            return Some(t - self.before.start);
        }
        let a = self.after.as_ref()?;
        (a.contains(&t) || t == a.end).then(|| self.before.len() + 1 + t - a.start)
    }

    /// Where a token test at `t` may read up to.
    fn limit(&self, t: usize) -> usize {
        match &self.after {
            Some(a) if t >= a.start => a.end,
            _ => self.before.end,
        }
    }
}

/// What a match captured.
#[derive(Debug, Clone)]
pub struct Match {
    /// The speaker phrase (none only where an indirect template reports no speaker).
    pub speaker: Option<SpeakerNp>,
    /// The cue's tokens (empty when the pattern has no cue).
    pub cue: Range<usize>,
    /// The clause's tokens (indirect patterns).
    pub clause: Range<usize>,
    /// The lead's tokens (`$LEAD(…)`), when it holds any.
    pub lead: Option<Range<usize>>,
}

#[derive(Clone, Copy)]
enum Job {
    Explore(usize, usize),
    Restore(usize, usize),
}

/// Capture slots.
const SPEAKER: usize = 0;
const CUE_START: usize = 1;
const CUE_END: usize = 2;
const CLAUSE_START: usize = 3;
const CLAUSE_END: usize = 4;
/// The instruction that read the speaker (its kinds say how to read it again).
const SPEAKER_PC: usize = 5;
/// Where speaker words (`$SPEAKER(…)`) end.
const SPEAKER_END: usize = 6;
/// Where the lead starts and ends.
const LEAD_START: usize = 7;
const LEAD_END: usize = 8;

/// The first match of `program` in `window`, trying each start position in order.
pub fn find(ctx: &Context, program: &Program, window: &Window) -> Option<Match> {
    let positions = window.positions();
    let n = program.insts.len();
    MEMO.with_borrow_mut(|tried| {
        tried.clear();
        tried.resize((n * positions).div_ceil(64), 0);
        search(ctx, program, window, positions, tried)
    })
}

thread_local! {
    /// The (instruction, token) pairs tried, kept between searches to spare an allocation.
    static MEMO: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn search(
    ctx: &Context,
    program: &Program,
    window: &Window,
    positions: usize,
    tried: &mut [u64],
) -> Option<Match> {
    let mut stack: Vec<Job> = Vec::new();
    let mut caps = [usize::MAX; 9];
    // `$END` stands before the window's closing punctuation: “…” was how she put it.
    let window_end = window.after.as_ref().map_or(window.before.end, |a| a.end);
    let floor = window
        .after
        .as_ref()
        .map_or(window.before.start, |a| a.start);
    // An indirect pattern reads around quoted speech, never into it.
    let readable = |t: usize| window.after.is_some() || !ctx.in_speech_quote(t);
    let mut end_at = window_end;
    while end_at > floor
        && matches!(ctx.tokens[end_at - 1].kind, TokenKind::Punct(c) if !is_quote_mark(c))
    {
        end_at -= 1;
    }
    // A template that opens with the quote or the sentence's start can only start there.
    let starts = match program.insts.first() {
        Some(Inst::Quote) => window.before.end..=window.before.end,
        Some(Inst::Start) => window.before.start..=window.before.start,
        _ => window.before.start..=window.before.end,
    };
    for start in starts {
        let skip = match &program.first {
            None => false,
            Some(_) if start >= window.limit(start) => true,
            Some(First::Tokens(tests)) => !tests
                .iter()
                .any(|test| passes(ctx, test, start, window.limit(start))),
            Some(First::Pronoun) => !pronoun_at(ctx, start),
        };
        if skip {
            continue;
        }
        stack.clear();
        stack.push(Job::Explore(0, start));
        while let Some(job) = stack.pop() {
            let (mut pc, mut t) = match job {
                Job::Restore(slot, old) => {
                    caps[slot] = old;
                    continue;
                }
                Job::Explore(pc, t) => (pc, t),
            };
            while let Some(ix) = window.index(t) {
                let bit = pc * positions + ix;
                if tried[bit / 64] & (1 << (bit % 64)) != 0 {
                    break;
                }
                tried[bit / 64] |= 1 << (bit % 64);
                match &program.insts[pc] {
                    Inst::Accept => {
                        let clause = if caps[CLAUSE_START] == usize::MAX {
                            0..0
                        } else {
                            caps[CLAUSE_START]..caps[CLAUSE_END]
                        };
                        // `$CLAUSE(…)` holds what its group matched: a clause only with
                        // enough words.
                        if caps[CLAUSE_START] != usize::MAX
                            && (ctx.tokens[clause.clone()]
                                .iter()
                                .filter(|t| t.is_word())
                                .count()
                                < MIN_CLAUSE_WORDS
                                || cuts_quote(ctx, &clause))
                        {
                            break;
                        }
                        let speaker_at = caps[SPEAKER];
                        // An indirect template may report no speaker on some way through it.
                        let speaker = match program.insts.get(caps[SPEAKER_PC]) {
                            None => None,
                            Some(Inst::Speaker(kinds)) => Some(speaker_np(
                                ctx,
                                kinds,
                                speaker_at,
                                window.limit(speaker_at),
                            )?),
                            // Checked: the words hold at least one token.
                            Some(Inst::SpeakerWordsStart) => {
                                Some(ctx.description(speaker_at..caps[SPEAKER_END]))
                            }
                            Some(_) => return None,
                        };
                        let cue = if caps[CUE_START] == usize::MAX {
                            0..0
                        } else {
                            caps[CUE_START]..caps[CUE_END]
                        };
                        let lead = (caps[LEAD_START] != usize::MAX
                            && caps[LEAD_START] < caps[LEAD_END])
                            .then(|| caps[LEAD_START]..caps[LEAD_END]);
                        return Some(Match {
                            speaker,
                            cue,
                            clause,
                            lead,
                        });
                    }
                    Inst::Token(test) => {
                        let limit = window.limit(t);
                        if t < limit && readable(t) && passes(ctx, test, t, limit) {
                            pc += 1;
                            t += 1;
                        } else {
                            break;
                        }
                    }
                    Inst::ClauseToken | Inst::ClauseCloser | Inst::ClauseWord => {
                        // A token of the clause, a word, or a mark that closes the last word.
                        let fits = t < window.limit(t)
                            && match program.insts[pc] {
                                Inst::ClauseToken => {
                                    !matches!(ctx.tokens[t].kind, TokenKind::Break)
                                }
                                Inst::ClauseCloser => closes_word(ctx, t),
                                _ => ctx.tokens[t].is_word(),
                            }
                            && clause_may_hold(ctx, window, t);
                        if fits {
                            pc += 1;
                            t += 1;
                        } else {
                            break;
                        }
                    }
                    Inst::Speaker(kinds) => {
                        if !readable(t) {
                            break;
                        }
                        let limit = window.limit(t);
                        match speaker_np(ctx, kinds, t, limit) {
                            Some(np) => {
                                stack.push(Job::Restore(SPEAKER, caps[SPEAKER]));
                                stack.push(Job::Restore(SPEAKER_PC, caps[SPEAKER_PC]));
                                caps[SPEAKER] = t;
                                caps[SPEAKER_PC] = pc;
                                pc += 1;
                                t = np.tokens.end;
                            }
                            None => break,
                        }
                    }
                    Inst::Quote => match &window.after {
                        Some(a) if t == window.before.end => {
                            pc += 1;
                            t = a.start;
                        }
                        _ => break,
                    },
                    Inst::Skip(kind) => {
                        let limit = window.limit(t);
                        t = match kind {
                            Skip::Appositive => skip_appositive(ctx, t, limit),
                            Skip::Parenthetical => skip_parenthetical(ctx, t, limit),
                            Skip::Adverbs => ctx.skip_adverbs_forward(t, limit),
                            Skip::SourcePostmodifier => skip_source_postmodifier(ctx, t, limit),
                        }
                        .max(t);
                        pc += 1;
                    }
                    Inst::NotAhead(ways) => {
                        let limit = window.limit(t);
                        let ahead = ways.iter().any(|way| {
                            t + way.len() <= limit
                                && way.iter().enumerate().all(|(i, test)| {
                                    readable(t + i) && passes(ctx, test, t + i, limit)
                                })
                        });
                        if ahead {
                            break;
                        }
                        pc += 1;
                    }
                    Inst::Start => {
                        if t == window.before.start {
                            pc += 1;
                        } else {
                            break;
                        }
                    }
                    Inst::End => {
                        if (end_at..=window_end).contains(&t) {
                            pc += 1;
                        } else {
                            break;
                        }
                    }
                    Inst::SpeakerWordsStart => {
                        stack.push(Job::Restore(SPEAKER, caps[SPEAKER]));
                        stack.push(Job::Restore(SPEAKER_PC, caps[SPEAKER_PC]));
                        caps[SPEAKER] = t;
                        caps[SPEAKER_PC] = pc;
                        pc += 1;
                    }
                    Inst::CueStart
                    | Inst::CueEnd
                    | Inst::ClauseStart
                    | Inst::ClauseEnd
                    | Inst::LeadStart
                    | Inst::LeadEnd
                    | Inst::SpeakerWordsEnd => {
                        let slot = match program.insts[pc] {
                            Inst::CueStart => CUE_START,
                            Inst::CueEnd => CUE_END,
                            Inst::ClauseStart => CLAUSE_START,
                            Inst::ClauseEnd => CLAUSE_END,
                            Inst::LeadStart => LEAD_START,
                            Inst::LeadEnd => LEAD_END,
                            _ => SPEAKER_END,
                        };
                        stack.push(Job::Restore(slot, caps[slot]));
                        caps[slot] = t;
                        pc += 1;
                    }
                    Inst::Split(a, b) => {
                        stack.push(Job::Explore(*b, t));
                        pc = *a;
                    }
                    Inst::Jump(a) => pc = *a,
                }
            }
        }
    }
    None
}

/// True when a clause may hold token `t` as far as quotes go: a quote mark of a direct
/// pattern's window never (the quote is the pattern's `$QUOTE`); in an indirect pattern's
/// sentence, no token of quoted speech, but a quoted title or term with its marks.
fn clause_may_hold(ctx: &Context, window: &Window, t: usize) -> bool {
    if window.after.is_some() {
        !matches!(ctx.tokens[t].kind, TokenKind::Punct(c) if is_quote_mark(c))
    } else {
        !ctx.in_speech_quote(t)
    }
}

/// The speaker phrase of one of `kinds` starting at token `t`: the noun phrase the rules
/// read there, else (for `capitalised`) the capitalised words there.
fn speaker_np(ctx: &Context, kinds: &SpeakerKinds, t: usize, limit: usize) -> Option<SpeakerNp> {
    // Pronouns only: no phrase search where no pronoun starts (the search is the costly
    // part, and a template may try it at every word).
    if kinds.only_pronouns() && !pronoun_at(ctx, t) {
        return None;
    }
    if kinds.wants_phrase() {
        if let Some(np) = ctx.np_starting_at(t, limit) {
            // "Powell’s office said": the whole phrase, up to the verb.
            if kinds.possessive {
                if let Some(cue) = possessive_phrase_end(ctx, np.tokens.end, limit) {
                    return Some(SpeakerNp {
                        range: np.range.start..ctx.tokens[cue - 1].end(),
                        tokens: np.tokens.start..cue,
                        kind: NpKind::Description,
                        entity: None,
                    });
                }
            }
            if accepts(kinds, np.kind)
                || (kinds.known_name && np.kind == NpKind::Name && np.entity.is_some())
            {
                return Some(np);
            }
        }
    }
    if kinds.generic {
        if let Some((np, _)) = ctx.generic_np_before_cue(t, limit) {
            return Some(np);
        }
    }
    if kinds.capitalised {
        let run = capitalised_run(ctx, t, limit);
        if !run.is_empty() {
            return Some(ctx.name_phrase(run));
        }
    }
    if kinds.possessive_pronoun {
        if let Some(m) = ctx.mentions.starting_at(t) {
            if let MentionKind::Pronoun(g) = m.kind {
                return Some(SpeakerNp {
                    range: m.range(),
                    tokens: m.tokens(),
                    kind: NpKind::Pronoun(g),
                    entity: None,
                });
            }
        }
    }
    if kinds.source {
        return source_words(ctx, t, limit, MAX_SOURCE_WORDS);
    }
    None
}

fn accepts(kinds: &SpeakerKinds, kind: NpKind) -> bool {
    match kind {
        NpKind::Name => kinds.name,
        NpKind::Organisation => kinds.org,
        NpKind::Description => kinds.desc,
        NpKind::Pronoun(_) => kinds.pronoun,
        NpKind::FirstPerson => kinds.first,
    }
}

/// True when token `t` passes `test`, reading no token from `limit` on.
fn passes(ctx: &Context, test: &Test, t: usize, limit: usize) -> bool {
    let tok = &ctx.tokens[t];
    match test {
        Test::Word(w) => {
            if !tok.is_word() {
                return false;
            }
            if w.is_ascii() {
                // Lengths first: most words differ in length, and an ASCII word equals
                // another in any ASCII case only at the same length.
                return ctx.is(t, w);
            }
            ctx.word(t).to_lowercase() == *w
        }
        Test::Punct(c) => tok.kind == TokenKind::Punct(*c),
        Test::Dash => matches!(tok.kind, TokenKind::Punct('—' | '–' | '―' | '-')),
        Test::Possessive => tok.kind == TokenKind::Possessive,
        Test::AnyWord => tok.is_word(),
        Test::AnyToken => true,
        Test::NotWord(inner) => tok.is_word() && !passes(ctx, inner, t, limit),
        Test::NotToken(inner) => !passes(ctx, inner, t, limit),
        Test::Class(class) => {
            tok.is_word()
                && match class {
                    Class::Lexicon(bits) => ctx.classes(t) & bits != 0,
                    Class::Speech => ctx.is_cue(t),
                    Class::Report => ctx.is_indirect_cue(t),
                    Class::Adverb => is_cue_adverb(ctx.word(t)),
                    Class::Capitalised => ctx.word(t).starts_with(char::is_uppercase),
                    Class::Number => is_number(ctx.word(t)),
                    Class::Ing => {
                        let w = ctx.word(t).as_bytes();
                        w.len() > 4 && w[w.len() - 3..].eq_ignore_ascii_case(b"ing")
                    }
                    Class::AppositiveStart => opens_appositive(ctx, t, limit),
                    Class::HeadingLabel => is_heading_label(&ctx.word(t).to_uppercase()),
                    Class::RoleNounAnyCase => crate::mentions::lexicon::lexicon()
                        .is_role_noun(&crate::text::ascii_lower(ctx.word(t))),
                }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::patterns::parse_file;

    /// The program of a file's first pattern's first template.
    fn program(template: &str) -> Program {
        let source =
            format!("pattern HOUSE01 x\n  kind indirect\n  match {template}\n  example a\n");
        let file = parse_file(&source, "t.pat").expect("a good pattern");
        compile(&file.patterns[0].matches[0].template)
    }

    #[test]
    fn the_sequence_is_what_every_way_passes_in_order() {
        let p = program(
            "$START $LEAD(...?) , ($SPEAKER ~adverbs $CUE{@report} , | $CUE{@report} $SPEAKER , (?! a)) $CLAUSE $END",
        );
        assert_eq!(
            p.sequence,
            [
                Test::Punct(','),
                Test::Class(Class::Report),
                Test::Punct(',')
            ]
        );
        // An optional item is no part of it; a choice gives what its ways share, in order.
        let p = program("$SPEAKER (told | said)? (to | ;) $CLAUSE (by | with) ,");
        assert_eq!(p.sequence, [Test::Punct(',')]);
        let p = program("$SPEAKER (said on | told on) (Monday | Tuesday) that $CLAUSE");
        assert_eq!(
            p.sequence,
            [Test::Word("on".into()), Test::Word("that".into())]
        );
    }

    #[test]
    fn common_subsequence_keeps_the_order_of_both() {
        let w = |s: &str| Test::Word(s.into());
        let a = [w("a"), w("b"), w("c"), w("d")];
        let b = [w("b"), w("x"), w("d"), w("a")];
        assert_eq!(common_subsequence(&a, &b), [w("b"), w("d")]);
        assert!(common_subsequence(&a, &[]).is_empty());
    }
}
