//! Pairing marks into passages with a bounded stack, one paragraph at a time.
//!
//! Every mark is looked at once and the stack never holds more than [`MAX_NESTING`] entries,
//! so a closer searches at most that many openers: the whole scan is linear in the text.
//! Openers that turn out to be strays are not removed eagerly; they are marked dropped and
//! their finished children are re-attached to the nearest surviving ancestor at the end, which
//! gives the same passages as re-scanning the text after the stray without the quadratic cost.

use std::ops::Range;

use super::marks::{is_space, next_event, next_listed_event, Found, Mark, Token};
use super::{MarkStyle, QuotedPassage, MAX_NESTING};

/// How far into a paragraph a `Name said: “` lead-in may reach and still count as "near the
/// start" for the multi-paragraph convention.
const MAX_LEAD_IN: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Open,
    Closed,
    Recovered,
    /// A piece of a quotation that goes on in the next piece: it ends where that one opens.
    Piece,
    Dropped,
}

#[derive(Debug)]
struct Slot {
    open: Range<usize>,
    opener: Mark,
    style: MarkStyle,
    close: Option<Range<usize>>,
    content_end: usize,
    parent: Option<usize>,
    /// The previous piece of the quotation this slot continues: the passage of the same
    /// family it opened in after a sentence end (`“A, B. “C`), or the passage of the
    /// previous paragraph (`“A.\n\n“B`). That one is a [`State::Piece`].
    previous_piece: Option<usize>,
    /// Only whitespace precedes it in its paragraph.
    at_start: bool,
    /// A short lead-in ending with a colon precedes it, or a sentence end.
    lead_in: bool,
    /// Opened by a “ with a space after it (`“ I love it”`): only a ” closes it, so that
    /// stray spaced marks never pair among themselves.
    spaced: bool,
    state: State,
}

struct Scanner<'t> {
    text: &'t str,
    slots: Vec<Slot>,
    stack: Vec<usize>,
    /// Openers beyond the nesting cap, kept only so their closers are recognised and ignored.
    overflow: Vec<(MarkStyle, Mark)>,
    tokens: Vec<Token>,
    /// The positions where marks and line breaks may be (see [`next_listed_event`]), when
    /// the tokenizer listed them; `None`: the text is scanned.
    candidates: Option<&'t [usize]>,
    /// The first of `candidates` not yet looked at.
    cursor: usize,
}

/// Whether `tok` closes a passage of `style` that was opened with `opener`.
fn accepts(style: MarkStyle, opener: Mark, tok: &Token, possessive: bool) -> bool {
    match style {
        // A ” closes whenever one is open (even after a space); a “ only when it does not look
        // like the start of a new passage: that is the mis-typed closer of `“Quote. “`.
        MarkStyle::CurlyDouble | MarkStyle::LowDouble => match tok.mark {
            Mark::RightDouble => true,
            Mark::LeftDouble => !tok.clear_opener,
            // Scraped text mixes the families: “…2007." is closed by the straight mark.
            Mark::StraightDouble => !tok.clear_opener && tok.closer_ctx,
            _ => false,
        },
        MarkStyle::CurlySingle => tok.mark == Mark::RightSingle && !tok.apostrophe && !possessive,
        MarkStyle::StraightDouble => match tok.mark {
            Mark::StraightDouble => !tok.clear_opener,
            Mark::RightDouble => tok.closer_ctx || !tok.clear_opener,
            _ => false,
        },
        MarkStyle::StraightSingle => {
            tok.mark == Mark::StraightSingle && tok.closer_ctx && !tok.apostrophe && !possessive
        }
        MarkStyle::Guillemet => {
            let pair = matches!(
                (opener, tok.mark),
                (Mark::LeftGuillemet, Mark::RightGuillemet)
                    | (Mark::RightGuillemet, Mark::LeftGuillemet)
            );
            pair && !tok.clear_opener
        }
        MarkStyle::SingleGuillemet => {
            let pair = matches!(
                (opener, tok.mark),
                (Mark::LeftSingleGuillemet, Mark::RightSingleGuillemet)
                    | (Mark::RightSingleGuillemet, Mark::LeftSingleGuillemet)
            );
            pair && !tok.clear_opener
        }
    }
}

/// The style `tok` would open, if it may open at all. Called only once no open passage took
/// the mark as its closer.
fn opens(tok: &Token) -> Option<MarkStyle> {
    let line_end = matches!(tok.next, None | Some('\n' | '\r'));
    match tok.mark {
        // A “ opens even with a space after it (“ I love it”), but not at a line end.
        Mark::LeftDouble if !line_end => Some(MarkStyle::CurlyDouble),
        // A ” typed for a “: only when it clearly starts a word.
        Mark::RightDouble if tok.clear_opener && tok.next.is_some_and(char::is_alphabetic) => {
            Some(MarkStyle::CurlyDouble)
        }
        Mark::LeftSingle
            if !is_space(tok.next)
                && !tok.prev.is_some_and(char::is_alphanumeric)
                && !tok.elision_start =>
        {
            Some(MarkStyle::CurlySingle)
        }
        Mark::LowDouble if !is_space(tok.next) => Some(MarkStyle::LowDouble),
        // Straight marks carry no direction: only the opener context decides. After a digit
        // (5'10", 12" pipe) that context never holds.
        Mark::StraightDouble if tok.clear_opener => Some(MarkStyle::StraightDouble),
        // '' is a typewriter double mark or a run of apostrophes, never a single-quoted passage.
        Mark::StraightSingle
            if tok.clear_opener
                && !tok.elision_start
                && !tok.next.is_some_and(super::marks::is_quote_char) =>
        {
            Some(MarkStyle::StraightSingle)
        }
        // French spacing puts a space inside the marks, so « may be followed by one.
        Mark::LeftGuillemet if !line_end => Some(MarkStyle::Guillemet),
        Mark::LeftSingleGuillemet if !line_end => Some(MarkStyle::SingleGuillemet),
        Mark::RightGuillemet if tok.clear_opener => Some(MarkStyle::Guillemet),
        Mark::RightSingleGuillemet if tok.clear_opener => Some(MarkStyle::SingleGuillemet),
        _ => None,
    }
}

/// True when `text` (trimmed at its end) ends a sentence: `.`, `?`, `!` or `…`, perhaps
/// followed by closing marks or brackets.
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['”', '’', '"', '\'', ')', ']', '»', '›'])
        .ends_with(['.', '?', '!', '…'])
}

/// Whether a paragraph starting with `c` continues a passage opened with `opener`.
fn continues(opener: Mark, c: char) -> bool {
    match opener {
        Mark::LeftDouble | Mark::RightDouble => c == '\u{201C}' || c == '\u{201D}',
        Mark::LeftSingle => c == '\u{2018}',
        Mark::LowDouble => c == '\u{201E}',
        Mark::StraightDouble => c == '"',
        Mark::StraightSingle => c == '\'',
        Mark::LeftGuillemet | Mark::RightGuillemet => c == '\u{00AB}' || c == '\u{00BB}',
        Mark::LeftSingleGuillemet | Mark::RightSingleGuillemet => {
            c == '\u{2039}' || c == '\u{203A}'
        }
        Mark::RightSingle => false,
    }
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, candidates: Option<&'t [usize]>) -> Self {
        Scanner {
            text,
            slots: Vec::new(),
            stack: Vec::with_capacity(MAX_NESTING),
            overflow: Vec::new(),
            tokens: Vec::new(),
            candidates,
            cursor: 0,
        }
    }

    /// The next mark or line break at or after `pos`.
    fn next_event(&mut self, pos: usize) -> (Found, usize) {
        let bytes = self.text.as_bytes();
        match self.candidates {
            Some(candidates) => next_listed_event(bytes, pos, candidates, &mut self.cursor),
            None => next_event(bytes, pos),
        }
    }

    fn run(mut self) -> Vec<QuotedPassage> {
        let bytes = self.text.as_bytes();
        let mut pos = 0;
        let mut fresh = true;
        loop {
            let para_start = pos;
            self.tokens.clear();
            let mut p = pos;
            let (para_end, next_pos) = loop {
                match self.next_event(p) {
                    (Found::Mark(s, len, mark), np) => {
                        self.tokens.push(Token::read(self.text, s, s + len, mark));
                        p = np;
                    }
                    (Found::Break(s, e), _) => break (s, e),
                    (Found::End, _) => break (bytes.len(), bytes.len()),
                }
            };
            self.paragraph(para_start, fresh);
            match self.end_paragraph(para_end, next_pos) {
                Some(resume) => {
                    pos = resume;
                    fresh = false;
                }
                None => {
                    if next_pos >= bytes.len() {
                        break;
                    }
                    pos = next_pos;
                    fresh = true;
                }
            }
        }
        self.finish()
    }

    fn paragraph(&mut self, para_start: usize, fresh: bool) {
        // The possessive rule needs to know whether a better closer comes later in the
        // paragraph; one pass over the paragraph's marks answers it for all of them.
        let mut last_strong_curly = None;
        let mut last_strong_straight = None;
        for t in &self.tokens {
            if t.strong_single_closer() {
                match t.mark {
                    Mark::RightSingle => last_strong_curly = Some(t.pos),
                    Mark::StraightSingle => last_strong_straight = Some(t.pos),
                    _ => {}
                }
            }
        }
        let tokens = std::mem::take(&mut self.tokens);
        for (i, tok) in tokens.iter().enumerate() {
            let later = match tok.mark {
                Mark::RightSingle => last_strong_curly,
                _ => last_strong_straight,
            };
            let possessive = tok.possessive_shape && later.is_some_and(|l| l > tok.pos);
            let first = fresh && i == 0;
            self.handle(tok, possessive, para_start, first);
        }
        self.tokens = tokens;
    }

    fn handle(&mut self, tok: &Token, possessive: bool, para_start: usize, first: bool) {
        if let Some(&(style, opener)) = self.overflow.last() {
            if accepts(style, opener, tok, possessive) {
                self.overflow.pop();
            } else if let Some(style) = opens(tok) {
                self.overflow.push((style, tok.mark));
            }
            return;
        }
        for k in (0..self.stack.len()).rev() {
            let s = &self.slots[self.stack[k]];
            if s.spaced && tok.mark == Mark::LeftDouble {
                continue;
            }
            if accepts(s.style, s.opener, tok, possessive) {
                self.close(k, tok);
                return;
            }
        }
        let Some(style) = opens(tok) else { return };
        if self.stack.len() >= MAX_NESTING {
            self.overflow.push((style, tok.mark));
            return;
        }
        let before = &self.text[para_start..tok.pos];
        let (at_start, lead_in) = if self.stack.is_empty() {
            let at_start = first && before.trim_start().is_empty();
            // An introduction ending in a colon (or, for the comma, a short one) lets the
            // quote run on into the next paragraph: `…, telling reporters: “…`; so does a
            // quote that starts a sentence of its own: `…,” she said. “…`.
            let intro = before.trim_end();
            let lead_in = !at_start
                && (intro.ends_with(':')
                    || (before.len() <= MAX_LEAD_IN && intro.ends_with(','))
                    || ends_sentence(intro));
            (at_start, lead_in)
        } else {
            (false, false)
        };
        // A flattened quotation: a mark of the family of the passage still open, after one
        // of its sentences ends, opens the quotation's next piece (`He declared. “A, B.
        // “C, D. “E, F.” The bill …`); the open passage ends there as a piece. (A quote
        // nested in one of its own family after a sentence end, `"A. "B." C."`, reads the
        // same way: two pieces.)
        let previous_piece = self.stack.last().copied().filter(|&top| {
            let s = &self.slots[top];
            s.style == style
                && style != MarkStyle::StraightSingle
                && s.open.end < tok.pos
                && ends_sentence(self.text[s.open.end..tok.pos].trim_end())
                && self.text[..tok.pos].ends_with(char::is_whitespace)
        });
        let mut parent = self.stack.last().copied();
        if let Some(top) = previous_piece {
            self.end_piece(top, tok.pos);
            self.stack.pop();
            parent = self.slots[top].parent;
        }
        self.slots.push(Slot {
            open: tok.pos..tok.end,
            opener: tok.mark,
            style,
            close: None,
            content_end: tok.end,
            parent,
            previous_piece,
            at_start,
            lead_in,
            spaced: tok.mark == Mark::LeftDouble && is_space(tok.next),
            state: State::Open,
        });
        self.stack.push(self.slots.len() - 1);
    }

    fn close(&mut self, k: usize, tok: &Token) {
        for &id in &self.stack[k + 1..] {
            self.slots[id].state = State::Dropped;
        }
        let s = &mut self.slots[self.stack[k]];
        s.close = Some(tok.pos..tok.end);
        s.content_end = tok.pos;
        s.state = State::Closed;
        self.stack.truncate(k);
    }

    /// Ends slot `id` as a piece of a quotation whose next piece opens at byte `next`.
    fn end_piece(&mut self, id: usize, next: usize) {
        let end = self.text[..next].trim_end().len();
        let s = &mut self.slots[id];
        s.content_end = end.max(s.open.end);
        s.state = State::Piece;
    }

    /// Settles what is still open when a paragraph ends; returns where to resume when the
    /// passage at the bottom of the stack continues into the next paragraph (just after that
    /// paragraph's mark, which opens the quotation's next piece).
    fn end_paragraph(&mut self, para_end: usize, next_pos: usize) -> Option<usize> {
        self.overflow.clear();
        let &bottom = self.stack.first()?;
        let end = self.text[..para_end].trim_end().len();
        let is_piece = |slots: &[Slot], id: usize| {
            slots[id]
                .previous_piece
                .is_some_and(|p| slots[p].state == State::Piece)
        };
        // The last piece of a quotation nested in another ends with the paragraph too.
        for &id in &self.stack[1..] {
            let piece = is_piece(&self.slots, id);
            let s = &mut self.slots[id];
            if piece {
                s.content_end = end.max(s.open.end);
                s.state = State::Recovered;
            } else {
                s.state = State::Dropped;
            }
        }
        self.stack.clear();
        let piece = is_piece(&self.slots, bottom);
        let s = &self.slots[bottom];
        let end = end.max(s.open.end);
        if s.at_start || s.lead_in || piece {
            let rest = &self.text[next_pos..];
            let trimmed = rest.trim_start();
            if let Some(c) = trimmed.chars().next() {
                if continues(s.opener, c) {
                    let open = next_pos + (rest.len() - trimmed.len());
                    let (style, opener, parent) = (s.style, s.opener, s.parent);
                    let s = &mut self.slots[bottom];
                    s.content_end = end;
                    s.state = State::Piece;
                    self.slots.push(Slot {
                        open: open..open + c.len_utf8(),
                        opener,
                        style,
                        close: None,
                        content_end: open + c.len_utf8(),
                        parent,
                        previous_piece: Some(bottom),
                        at_start: true,
                        lead_in: false,
                        spaced: false,
                        state: State::Open,
                    });
                    self.stack.push(self.slots.len() - 1);
                    return Some(open + c.len_utf8());
                }
            }
        }
        let s = &mut self.slots[bottom];
        // A quote paragraph whose closer was forgotten, or the last piece of a quotation;
        // straight singles are too often apostrophes ('Twas) to be trusted without their
        // closer.
        if (s.at_start || piece) && s.style != MarkStyle::StraightSingle {
            s.content_end = end;
            s.state = State::Recovered;
        } else {
            s.state = State::Dropped;
        }
        None
    }

    fn finish(self) -> Vec<QuotedPassage> {
        let kept = |s: &Slot| matches!(s.state, State::Closed | State::Recovered | State::Piece);
        let mut index = vec![usize::MAX; self.slots.len()];
        // Reserved to the count kept: a long document's passages, grown by doubling, would
        // hold up to twice the room they need while the rules run.
        let mut out: Vec<QuotedPassage> =
            Vec::with_capacity(self.slots.iter().filter(|s| kept(s)).count());
        for (id, s) in self.slots.iter().enumerate() {
            if !kept(s) {
                continue;
            }
            let previous_piece = s
                .previous_piece
                .filter(|&p| self.slots[p].state == State::Piece);
            let mut p = s.parent;
            while let Some(pid) = p {
                if kept(&self.slots[pid]) {
                    break;
                }
                p = self.slots[pid].parent;
            }
            let parent = p.map(|pid| index[pid]);
            let depth = parent.map_or(0, |i| out[i].depth + 1);
            index[id] = out.len();
            // “ I love it”: a space typed after a “ is no part of the words (French spacing
            // inside guillemets is kept, as the space before a closing mark is).
            let body = &self.text[s.open.end..s.content_end.max(s.open.end)];
            let start = if s.style == MarkStyle::CurlyDouble {
                s.open.end + (body.len() - body.trim_start().len())
            } else {
                s.open.end
            };
            out.push(QuotedPassage {
                open: s.open.clone(),
                close: s.close.clone(),
                content: start.min(s.content_end)..s.content_end,
                style: s.style,
                depth,
                parent,
                previous_piece: previous_piece.map(|p| index[p]),
            });
        }
        out
    }
}

/// Runs the scanner over `text`.
pub(crate) fn scan(text: &str) -> Vec<QuotedPassage> {
    Scanner::new(text, None).run()
}

/// Runs the scanner over `text`, looking for marks only at `candidates` (see
/// [`next_listed_event`]).
pub(crate) fn scan_listed(text: &str, candidates: &[usize]) -> Vec<QuotedPassage> {
    Scanner::new(text, Some(candidates)).run()
}
