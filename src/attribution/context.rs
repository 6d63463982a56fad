//! The document as the rules see it: text, tokens, sentences, quoted passages, mentions.

use std::cell::OnceCell;
use std::ops::Range;

use crate::attribution::finding::IndirectFinding;
use crate::lexicon::class::{
    CUE, CUE_INDIRECT, EVIDENTIAL, STANCE_NOUN, STANCE_VERB, THOUGHT_VERB,
};
use crate::lexicon::WordInfo;
use crate::mentions::{MentionKind, Mentions};
use crate::quotes::{is_quote_mark, QuotedPassage};
use crate::text::tokens::{first_at_or_after, Token, TokenKind};

/// How many tokens before a quote's opening mark the rules look at, at most.
pub const MAX_BEFORE_TOKENS: usize = 60;
/// How many tokens after a quote's closing mark the rules look at, at most.
pub const MAX_AFTER_TOKENS: usize = 40;
/// Most words of a sentence that only attributes the quote before it (“….” Trump said on
/// Monday.), read as that quote's after-context.
pub const MAX_ATTRIBUTION_SENTENCE_WORDS: usize = 8;
/// Most tokens between a quote and the punctuation that sets off the trailing part holding
/// it (", which he described as “…”"), for [`Context::end_before_quoted_tail`].
pub const MAX_QUOTED_TAIL_TOKENS: usize = 8;
/// Most words after a quote searched for its own cue (`“…,” the former senator said`).
pub const MAX_QUOTED_TAIL_CUE_WORDS: usize = 4;

/// Bits of [`SentenceWords::marks`]: punctuation and places a rule may need of a sentence.
pub mod mark {
    /// A colon (`:`), as its own token.
    pub const COLON: u8 = 1 << 0;
    /// The sentence starts a line: the text or a line break comes before it.
    pub const LINE_START: u8 = 1 << 1;
    /// The sentence is a whole line: it starts one, and a line break or the end of the text
    /// follows it.
    pub const LINE: u8 = 1 << 2;
}

/// What the words and marks of one sentence are, all together: the union of their lexicon
/// classes and of their [`mark`]s. A rule's [`crate::attribution::rule::Wake`] is tested
/// against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SentenceWords {
    /// The [`crate::lexicon::class`] bits of its words as written.
    pub classes: u64,
    /// The [`mark`] bits of its punctuation and place.
    pub marks: u8,
}

impl SentenceWords {
    /// The words and marks of each of `sentences` (in text order), over the tokens of the
    /// sentence as [`Context::sentence_tokens`] gives them: one pass over the tokens.
    fn of_sentences(
        sentences: &[Range<usize>],
        tokens: &[Token],
        classes: impl Fn(usize) -> u64,
        flags: &[u8],
    ) -> Vec<SentenceWords> {
        let n = tokens.len();
        let mut all = Vec::with_capacity(sentences.len());
        // The first token of the sentence after the last one read.
        let mut i = 0;
        for r in sentences {
            // Sentences that overlap (none should) are found again from the start.
            if i > 0 && tokens[i - 1].start() >= r.start {
                i = first_at_or_after(tokens, r.start);
            }
            while i < n && tokens[i].start() < r.start {
                i += 1;
            }
            let first = i;
            let mut held = SentenceWords::default();
            while i < n && tokens[i].start() < r.end {
                held.classes |= classes(i);
                // A verb that speaks only with its particle ("shot back") is a cue that no
                // list holds.
                if flags.get(i).is_some_and(|&f| f & CUE_MASK != 0) {
                    held.classes |= CUE;
                }
                if tokens[i].kind == TokenKind::Punct(':') {
                    held.marks |= mark::COLON;
                }
                i += 1;
            }
            if first == 0 || tokens[first - 1].kind == TokenKind::Break {
                held.marks |= mark::LINE_START;
                if i == n || tokens[i].kind == TokenKind::Break {
                    held.marks |= mark::LINE;
                }
            }
            all.push(held);
        }
        all
    }
}

/// A sentence's token range without its final punctuation, and whether it holds a quote.
pub(crate) type SentenceBody = (Range<usize>, bool);

/// What the document's paragraph labels say about it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TranscriptShape {
    /// Turns labelled with a name in capitals.
    pub(crate) named: usize,
    /// Whether two different names label turns (a transcript has at least two speakers).
    pub(crate) two_names: bool,
    /// Whether `Q:` and `A:` turns occur.
    pub(crate) question: bool,
    pub(crate) answer: bool,
    /// The first person named before the first turn: who answers a `Q:`/`A:` interview.
    pub(crate) interviewee: Option<usize>,
}

/// The bits of [`Context::flags`] that hold a token's cue value (see [`Context::cue_flag`]).
const CUE_MASK: u8 = 0b11;
/// The flag of a token inside a top-level quoted passage (marks included).
const IN_QUOTE: u8 = 0b100;
/// The flag of a token inside a passage already judged not to be speech.
const NOT_SPEECH: u8 = 0b1000;

/// The classes of each of `words` ([`WordInfo::classes`]): all the rules read of them.
fn classes_of(words: &[WordInfo]) -> Vec<u64> {
    words.iter().map(WordInfo::classes).collect()
}

/// Everything the rules know about one document.
pub struct Context<'t> {
    /// The original text.
    pub text: &'t str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Sentence byte ranges, in order.
    pub sentences: Vec<Range<usize>>,
    /// Every quoted passage, nested ones included.
    pub passages: Vec<QuotedPassage>,
    /// Speaker candidates.
    pub mentions: Mentions,
    /// For each token, its flags: [`CUE_MASK`] (0 no cue, 1 a cue for quotes, 2 a cue that
    /// also reports speech), [`IN_QUOTE`] and [`NOT_SPEECH`]. One byte a token instead of a
    /// vector per flag: a long document has many tokens.
    flags: Vec<u8>,
    /// For each token, the lexicon's classes of its word as written (0 for no word): the
    /// rules ask of every word which lists hold it, so each word is looked up once. Only
    /// the classes of its [`WordInfo`] are read, so only they are kept: eight bytes a
    /// token instead of twelve.
    classes: Vec<u64>,
    /// Per sentence, its body and whether that holds a quote (see
    /// `rules::indirect::sentence_body`): every indirect rule asks, so it is worked out
    /// once, on first use.
    pub(crate) bodies: OnceCell<Vec<Option<SentenceBody>>>,
    /// The document's transcript shape (`rules::att014_transcript_turn`), worked out once.
    pub(crate) transcript: OnceCell<TranscriptShape>,
    /// For each passage that is a piece of a quotation of several pieces, the index of the
    /// quotation's first piece.
    quotation: Vec<Option<usize>>,
    /// Whether the document quotes a transcript, a labelled turn in each quote
    /// (`rules::att016_quoted_turn`), worked out once.
    pub(crate) quoted_transcript: OnceCell<bool>,
    /// The cues outside quoted passages, in text order, worked out once: ATT007 asks for
    /// the nearest ones around every quote, and a scan of the sentence for each quote costs
    /// the square of a long sentence of quotes.
    outside_cues: OnceCell<Vec<usize>>,
    /// How a rule asks what another rule finds (see [`IndirectOf`]).
    indirect_of: IndirectOf,
    /// Per sentence, what its words and marks are (for waking the indirect rules). Only
    /// the indirect rules read them: the pipeline frees them after those rules (were one
    /// asked for again, they would be worked out again).
    pub(crate) sentence_words: OnceCell<Vec<SentenceWords>>,
}

/// Runs the indirect rule with an ID on a sentence, adding its findings: how one rule asks
/// another what it reads (IND003 asks IND001 whether a clause follows a cue) without
/// importing it. The rule registry provides it (`rules::indirect_of`).
pub type IndirectOf = fn(&str, &Context, usize, &mut Vec<IndirectFinding>);

/// A top-level quoted passage under consideration, with its surroundings as token ranges.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index into [`Context::passages`].
    pub passage: usize,
    /// Byte range of the content (without the outer marks).
    pub content: Range<usize>,
    /// Byte range from the opening mark to the end of the closing mark.
    pub outer: Range<usize>,
    /// Index of the sentence that holds the opening mark.
    pub sentence: usize,
    /// Tokens of the same sentence before the opening mark.
    pub before: Range<usize>,
    /// Tokens after the closing mark up to the end of the attribution's sentence.
    pub after: Range<usize>,
}

impl<'t> Context<'t> {
    /// The context of `text` as the pipeline reads it: one lexing pass, then sentences and
    /// quoted passages from its candidates, the words' lexicon entries and the mentions
    /// (outside the top-level passages).
    pub fn analyse(text: &'t str, indirect_of: IndirectOf) -> Self {
        let lexed = crate::text::tokens::lex(text);
        let sentences = crate::sentences::split_lexed(text, &lexed);
        let passages = crate::quotes::scan_lexed(text, &lexed);
        // The candidate positions have served; only the tokens go on.
        let tokens = lexed.tokens;
        drop((lexed.terminators, lexed.quote_candidates));
        let quoted: Vec<_> = passages
            .iter()
            .filter(|p| p.depth == 0)
            .map(|p| p.open.start..p.close.as_ref().map_or(p.content.end, |c| c.end))
            .collect();
        let words = crate::lexicon::words_of(text, &tokens);
        // The rules read only the classes of the words: taken before the mentions are
        // found, so that a long document holds the two lists beside the mentions for no
        // moment (the peak of its analysis).
        let classes = classes_of(&words);
        let mentions = Mentions::find(text, &tokens, &words, &quoted);
        drop(words);
        Context::of_classes(
            text,
            tokens,
            classes,
            sentences,
            passages,
            mentions,
            indirect_of,
        )
    }

    /// Builds the context of `text` from its stages' outputs; `words` is
    /// [`crate::lexicon::words_of`] of the tokens.
    pub fn new(
        text: &'t str,
        tokens: Vec<Token>,
        words: Vec<WordInfo>,
        sentences: Vec<Range<usize>>,
        passages: Vec<QuotedPassage>,
        mentions: Mentions,
        indirect_of: IndirectOf,
    ) -> Self {
        let classes = classes_of(&words);
        drop(words);
        Context::of_classes(
            text,
            tokens,
            classes,
            sentences,
            passages,
            mentions,
            indirect_of,
        )
    }

    /// [`Context::new`] from the classes of the words (`classes_of`).
    fn of_classes(
        text: &'t str,
        tokens: Vec<Token>,
        classes: Vec<u64>,
        sentences: Vec<Range<usize>>,
        passages: Vec<QuotedPassage>,
        mentions: Mentions,
        indirect_of: IndirectOf,
    ) -> Self {
        // Every rule asks whether a token is a cue, many times over: the flags say it.
        let mut flags: Vec<u8> = classes
            .iter()
            .map(|c| match (c & CUE != 0, c & CUE_INDIRECT != 0) {
                (false, _) => 0,
                (true, false) => 1,
                (true, true) => 2,
            })
            .collect();
        for p in passages.iter().filter(|p| p.depth == 0) {
            let end = p.close.as_ref().map_or(p.content.end, |c| c.end);
            let first = first_at_or_after(&tokens, p.open.start);
            let last = first_at_or_after(&tokens, end);
            for flag in &mut flags[first..last] {
                *flag |= IN_QUOTE;
            }
        }
        // "shot back", "cut in", "chimed in": a verb that speaks only with its particle.
        for i in 1..tokens.len() {
            let particle = &text.as_bytes()[tokens[i].range()];
            if !matches!(particle, b"back" | b"in" | b"up") || flags[i - 1] & CUE_MASK != 0 {
                continue;
            }
            let verb = crate::text::ascii_lower(&text[tokens[i - 1].range()]);
            // "broke in March", "cut in half": an "in" with an object is a preposition.
            let object = particle == b"in"
                && tokens.get(i + 1).is_some_and(|t| {
                    t.is_word() && !matches!(&text.as_bytes()[t.range()], b"with" | b"to")
                });
            if speaks_with_particle(&verb, particle) && !object {
                flags[i - 1] = (flags[i - 1] & !CUE_MASK) | 1;
            }
        }
        // A cue word that is part of a name ("Ian Read said", "Mr. Read said") is no verb.
        for m in &mentions.list {
            if matches!(m.kind, MentionKind::Person | MentionKind::Proper) && m.tokens().len() > 1 {
                for flag in &mut flags[m.tokens()] {
                    *flag &= !CUE_MASK;
                }
            }
        }
        let sentence_words =
            SentenceWords::of_sentences(&sentences, &tokens, |i| classes[i], &flags);
        // Pieces follow their previous pieces, so one pass links each to the first.
        let mut quotation = vec![None; passages.len()];
        for i in 0..passages.len() {
            if let Some(prev) = passages[i].previous_piece {
                let first = quotation[prev].unwrap_or(prev);
                quotation[prev] = Some(first);
                quotation[i] = Some(first);
            }
        }
        Context {
            sentence_words: OnceCell::from(sentence_words),
            quotation,
            quoted_transcript: OnceCell::new(),
            outside_cues: OnceCell::new(),
            indirect_of,
            text,
            tokens,
            sentences,
            passages,
            mentions,
            flags,
            classes,
            bodies: OnceCell::new(),
            transcript: OnceCell::new(),
        }
    }

    /// Adds to `out` what the indirect rule `id` finds in sentence `s` (see [`IndirectOf`]).
    pub fn indirect_of(&self, id: &str, s: usize, out: &mut Vec<IndirectFinding>) {
        (self.indirect_of)(id, self, s, out);
    }

    /// What sentence `s`'s words and marks are (nothing for a sentence that does not exist).
    #[inline]
    pub fn sentence_words(&self, s: usize) -> SentenceWords {
        self.sentence_words
            .get_or_init(|| {
                SentenceWords::of_sentences(
                    &self.sentences,
                    &self.tokens,
                    |i| self.classes(i),
                    &self.flags,
                )
            })
            .get(s)
            .copied()
            .unwrap_or_default()
    }

    /// The first piece of the quotation passage `p` is a piece of, when the quotation has
    /// several pieces (`QuotedPassage::previous_piece`).
    pub fn quotation_of(&self, p: usize) -> Option<usize> {
        self.quotation.get(p).copied().flatten()
    }

    /// 0 when token `i` is no cue, 1 for a cue of quotes, 2 for a cue that also reports speech.
    #[inline]
    pub fn cue_flag(&self, i: usize) -> u8 {
        self.flags.get(i).map_or(0, |f| f & CUE_MASK)
    }

    /// True when token `i` lies inside a quoted passage (marks included).
    #[inline]
    pub fn in_quote(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f & IN_QUOTE != 0)
    }

    /// The lexicon's classes of token `i` as written (`crate::lexicon::class`; 0 for no word).
    #[inline]
    pub fn classes(&self, i: usize) -> u64 {
        self.classes.get(i).copied().unwrap_or(0)
    }

    /// True when a token of `range` is in one of the lists of `classes`
    /// (`crate::lexicon::class`; false for a range past the document's tokens).
    #[inline]
    pub fn any_classes(&self, range: Range<usize>, classes: u64) -> bool {
        self.classes
            .get(range)
            .is_some_and(|all| all.iter().any(|c| c & classes != 0))
    }

    /// True when token `i` is a verb of knowing or feeling (`data/thought_verbs.txt`).
    #[inline]
    pub fn is_thought_verb(&self, i: usize) -> bool {
        self.classes(i) & THOUGHT_VERB != 0
    }

    /// True when token `i` is a stance verb form in lower case (`data/stance_verbs.txt`).
    #[inline]
    pub fn is_stance_verb(&self, i: usize) -> bool {
        self.classes(i) & STANCE_VERB != 0
    }

    /// True when token `i` is a stance noun in lower case (`data/stance_nouns.txt`).
    #[inline]
    pub fn is_stance_noun(&self, i: usize) -> bool {
        self.classes(i) & STANCE_NOUN != 0
    }

    /// True when token `i` is an evidential word in lower case (`data/evidential_cues.txt`).
    #[inline]
    pub fn is_evidential(&self, i: usize) -> bool {
        self.classes(i) & EVIDENTIAL != 0
    }

    /// The first token of `from..end` that is an evidential word (IND012 asks this of every
    /// sentence: one scan of the classes).
    pub fn next_evidential(&self, from: usize, end: usize) -> Option<usize> {
        let from = from.min(end);
        self.classes[from..end]
            .iter()
            .position(|c| c & EVIDENTIAL != 0)
            .map(|p| from + p)
    }

    /// The first token of `from..end` that is a cue that reports speech or a verb of
    /// knowing or feeling (IND001 asks this of every sentence: one tight scan of the flags
    /// instead of a lookup per token).
    pub fn next_report_verb(&self, from: usize, end: usize) -> Option<usize> {
        let from = from.min(end);
        self.flags[from..end]
            .iter()
            .zip(&self.classes[from..end])
            .position(|(&f, c)| f & CUE_MASK == 2 || c & THOUGHT_VERB != 0)
            .map(|p| from + p)
    }

    /// The cues outside quoted passages among tokens `range`, nearest to token `at` first
    /// (of two as near, the earlier), at most `limit` of them.
    pub fn cues_nearest(&self, range: Range<usize>, at: usize, limit: usize) -> Vec<usize> {
        let all = self.outside_cues.get_or_init(|| {
            (0..self.tokens.len())
                .filter(|&t| !self.in_quote(t) && self.cue_flag(t) != 0)
                .collect()
        });
        let lo = all.partition_point(|&t| t < range.start);
        let hi = all.partition_point(|&t| t < range.end).max(lo);
        // `all[left - 1]` is the nearest unused cue before `at`, `all[right]` the nearest
        // at or after it.
        let mut left = lo + all[lo..hi].partition_point(|&t| t < at);
        let mut right = left;
        let mut nearest = Vec::new();
        while nearest.len() < limit {
            let before = (left > lo).then(|| all[left - 1]);
            let after = (right < hi).then(|| all[right]);
            let take_before = match (before, after) {
                (Some(b), Some(a)) => at.abs_diff(b) <= at.abs_diff(a),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if take_before {
                left -= 1;
                nearest.push(all[left]);
            } else {
                nearest.push(all[right]);
                right += 1;
            }
        }
        nearest
    }

    /// Token range of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> Range<usize> {
        match self.sentences.get(s) {
            Some(r) => self.token_at(r.start)..self.token_at(r.end),
            None => 0..0,
        }
    }

    /// True when some token of `range` lies inside a quoted passage.
    pub fn has_quote(&self, range: Range<usize>) -> bool {
        self.flags[range].iter().any(|&f| f & IN_QUOTE != 0)
    }

    /// True when some token of `range` lies inside a quoted passage that may be speech (one
    /// not already judged a title or a name: "the so-called “growth assumptions”" can stand
    /// inside reported speech).
    pub fn has_speech_quote(&self, range: Range<usize>) -> bool {
        range.into_iter().any(|t| self.in_speech_quote(t))
    }

    /// True when token `t` lies inside a quoted passage that may be speech (see
    /// [`Context::has_speech_quote`]).
    pub fn in_speech_quote(&self, t: usize) -> bool {
        self.flags[t] & (IN_QUOTE | NOT_SPEECH) == IN_QUOTE
    }

    /// Where a reported clause that starts at token `start` and may run to `end` ends, given
    /// the quotes in it: `end` when it holds no quoted speech; before a quote that stands in
    /// a trailing part of its own, set off by punctuation, which is a direct quote with its
    /// own attribution after a colon or a dash ("…would not last: “Once …,” he predicted",
    /// "… — “We need details,” she said — …") or a part with a cue of its own ("…, which he
    /// described as “a mess.”", "… — which she added “is regrettable.”"); `None` when the quote lies
    /// in the clause itself (a partial quote, which the quote rules report).
    pub fn end_before_quoted_tail(&self, start: usize, end: usize) -> Option<usize> {
        let Some(q) = (start..end).find(|&t| self.has_speech_quote(t..t + 1)) else {
            return Some(end);
        };
        let lowest = q.saturating_sub(MAX_QUOTED_TAIL_TOKENS).max(start);
        let mut cut = None;
        let mut own_cue = false;
        for t in (lowest..q).rev() {
            if self.in_quote(t) {
                return None;
            }
            let tok = &self.tokens[t];
            // The marks IND001 and the dash test of `patterns::is_dash` treat as clause breaks.
            if matches!(
                tok.kind,
                TokenKind::Punct(',' | ';' | ':' | '(' | '—' | '–' | '-' | '―')
            ) {
                // ": “…,” she said", "— “…,” she said —": a direct quote after a colon or a
                // dash, with an attribution of its own, is a sentence of its own (without one,
                // it completes the clause).
                let colon_quote = !self.is_punct(t, ',')
                    && !self.is_punct(t, '(')
                    && (t + 1..q).all(|u| !self.tokens[u].is_word())
                    && self.attributed_after(q);
                if colon_quote || own_cue {
                    cut = Some(t);
                }
                break;
            }
            own_cue |= self.is_cue(t);
        }
        let mut cut = cut?;
        while cut > start && !self.tokens[cut - 1].is_word() {
            cut -= 1;
        }
        (cut > start).then_some(cut)
    }

    /// True when a cue follows, within a few words, the top-level quote that opens at token
    /// `q` (`“…,” Roffman predicted.`).
    fn attributed_after(&self, q: usize) -> bool {
        let at = self.tokens[q].start();
        let i = self.passages.partition_point(|p| p.open.start < at);
        let Some(p) = self.passages.get(i).filter(|p| p.open.start == at) else {
            return false;
        };
        let end = p.close.as_ref().map_or(p.content.end, |c| c.end);
        let after = first_at_or_after(&self.tokens, end);
        (after..self.tokens.len())
            .take_while(|&t| {
                !self.in_quote(t)
                    && !matches!(
                        self.tokens[t].kind,
                        TokenKind::Punct('.' | '!' | '?') | TokenKind::Break
                    )
            })
            .filter(|&t| self.tokens[t].is_word())
            .take(MAX_QUOTED_TAIL_CUE_WORDS)
            .any(|t| self.is_cue(t))
    }

    /// Marks the tokens of a quoted passage (marks included) as not speech.
    pub fn mark_not_speech(&mut self, outer: Range<usize>) {
        let first = self.token_at(outer.start);
        let last = self.token_at(outer.end);
        for flag in &mut self.flags[first..last] {
            *flag |= NOT_SPEECH;
        }
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].range()]
    }

    /// True when token `i` is a word equal to `w`, ignoring ASCII case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.tokens
            .get(i)
            // Lengths first, then bytes (`str::eq_ignore_ascii_case` compares bytes too):
            // the rules ask this of nearly every token, and most differ in length.
            .is_some_and(|t| {
                t.len() == w.len()
                    && t.is_word()
                    && self.text.as_bytes()[t.range()].eq_ignore_ascii_case(w.as_bytes())
            })
    }

    /// True when token `i` is the punctuation character `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct(c))
    }

    /// Index of the sentence containing byte `at` (the last sentence starting at or before it).
    pub fn sentence_at(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|s| s.start <= at)
            .saturating_sub(1)
    }

    /// Index of the first token at or after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        first_at_or_after(&self.tokens, at)
    }

    /// Builds the candidate for top-level passage `index`.
    pub fn candidate(&self, index: usize) -> Candidate {
        let p = &self.passages[index];
        let outer_end = p.close.as_ref().map_or(p.content.end, |c| c.end);
        let sentence = self.sentence_at(p.open.start);
        let sentence_start = self.sentences.get(sentence).map_or(0, |s| s.start);
        let open_tok = self.token_at(p.open.start);
        let mut before_start = self.token_at(sentence_start).min(open_tok);
        before_start = before_start.max(open_tok.saturating_sub(MAX_BEFORE_TOKENS));
        // Never reach back over a line break.
        if let Some(b) = self.tokens[before_start..open_tok]
            .iter()
            .rposition(|t| matches!(t.kind, TokenKind::Break))
        {
            before_start += b + 1;
        }

        let after_start = self.token_at(outer_end);
        let close_sentence = self.sentence_at(outer_end.saturating_sub(1));
        let mut end_byte = self
            .sentences
            .get(close_sentence)
            .map_or(self.text.len(), |s| s.end);
        // “Why?” he asked. — when the splitter ended the sentence at the closing mark, the
        // attribution is in the next sentence if that starts in lower case.
        if end_byte <= outer_end {
            if let Some(next) = self.sentences.get(close_sentence + 1) {
                let gap = &self.text[outer_end..next.start];
                let starts_lower = self.text[next.start..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | '—' | '–' | '―' | '-'));
                // A quote that ends in ? ! or , does not end the writer's sentence: “Not us!”
                // Murphy, the head of the group, wrote. The splitter may still cut there.
                let open_ending = self.text[p.content.clone()]
                    .trim_end()
                    .ends_with(['?', '!', ',']);
                // “… emails.” Trump said. — a full stop inside the marks, then a sentence that
                // is nothing but an attribution.
                let attribution_only = || {
                    let toks = self.token_at(next.start)..self.token_at(next.end);
                    let words = self.tokens[toks.clone()]
                        .iter()
                        .filter(|t| t.is_word())
                        .count();
                    words <= MAX_ATTRIBUTION_SENTENCE_WORDS
                        && toks.clone().any(|t| self.is_cue(t))
                        && !toks.clone().any(|t| {
                            matches!(self.tokens[t].kind, TokenKind::Punct(c) if is_quote_mark(c))
                        })
                };
                if !gap.contains('\n') && (starts_lower || open_ending || attribution_only()) {
                    end_byte = next.end;
                }
            }
        }
        let mut after_end = self.token_at(end_byte).min(after_start + MAX_AFTER_TOKENS);
        if let Some(b) = self.tokens[after_start..after_end.max(after_start)]
            .iter()
            .position(|t| matches!(t.kind, TokenKind::Break))
        {
            after_end = after_start + b;
        }
        // Stop at the next quote's opening mark: what follows belongs to that quote.
        if let Some(next) = self.passages[index + 1..].iter().find(|q| q.depth == 0) {
            let next_tok = self.token_at(next.open.start);
            after_end = after_end.min(next_tok.max(after_start));
        }
        Candidate {
            passage: index,
            content: p.content.clone(),
            outer: p.open.start..outer_end,
            sentence,
            before: before_start..open_tok,
            after: after_start..after_end.max(after_start),
        }
    }

    /// True when `c` stands alone: nothing but space or an introduction ending in `:` before it
    /// in its sentence.
    pub fn starts_sentence(&self, c: &Candidate) -> bool {
        c.before.is_empty()
    }
}

/// True when `verb` introduces speech with `particle` after it ("shot back", "fired back",
/// "cut in", "chimed in", "piped up"), though not alone.
fn speaks_with_particle(verb: &str, particle: &[u8]) -> bool {
    match particle {
        b"back" => matches!(
            verb,
            "shot" | "shoots" | "fired" | "fires" | "hit" | "hits" | "pushed" | "pushes"
        ),
        b"in" => matches!(verb, "cut" | "cuts" | "chimed" | "chimes" | "broke"),
        b"up" => matches!(verb, "piped" | "pipes" | "spoke" | "speaks"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`SentenceWords::of_sentences`] worked out sentence by sentence, from
    /// [`Context::sentence_tokens`]'s ranges.
    fn each_sentence(text: &str) -> (Vec<SentenceWords>, Vec<SentenceWords>) {
        let lexed = crate::text::tokens::lex(text);
        let sentences = crate::sentences::split_lexed(text, &lexed);
        let tokens = lexed.tokens;
        let words = crate::lexicon::words_of(text, &tokens);
        let n = tokens.len();
        let expected = sentences
            .iter()
            .map(|r| {
                let toks = first_at_or_after(&tokens, r.start)..first_at_or_after(&tokens, r.end);
                let classes = words[toks.clone()]
                    .iter()
                    .fold(0, |all, w| all | w.classes());
                let colon = tokens[toks.clone()]
                    .iter()
                    .any(|t| t.kind == TokenKind::Punct(':'));
                let start = toks.start == 0 || tokens[toks.start - 1].kind == TokenKind::Break;
                let end = toks.end == n || tokens[toks.end].kind == TokenKind::Break;
                let marks = [
                    (colon, mark::COLON),
                    (start, mark::LINE_START),
                    (start && end, mark::LINE),
                ];
                SentenceWords {
                    classes,
                    marks: marks
                        .iter()
                        .filter(|(holds, _)| *holds)
                        .fold(0, |all, (_, m)| all | m),
                }
            })
            .collect();
        // No token flags: the classes of the words alone (the flags of particle verbs are
        // tested with the wake of the rules).
        let got = SentenceWords::of_sentences(&sentences, &tokens, |i| words[i].classes(), &[]);
        (got, expected)
    }

    #[test]
    fn sentence_words_of_invented_text() {
        let text = "Roads reopened. Traffic was light: few cars came.\n  Officials said \
                    so.\r\n\r\nResidents: the detour is long.\nA Headline Line\n";
        let (got, expected) = each_sentence(text);
        assert_eq!(got, expected);
        assert!(got.len() >= 4, "{got:?}");
        assert_eq!(got[1].marks & mark::COLON, mark::COLON);
        assert_eq!(got[0].marks & mark::LINE_START, mark::LINE_START);
        assert_eq!(got[1].marks & mark::LINE_START, 0);
    }

    /// An [`IndirectOf`] that finds nothing.
    fn no_indirect(_: &str, _: &Context, _: usize, _: &mut Vec<IndirectFinding>) {}

    #[test]
    fn classes_are_the_words_classes_and_sentence_words_come_back_once_freed() {
        let text = "Officials said the mayor, a Democrat, told reporters she believed it.\n\
                    Said Lee: “Police say so.” The senator thinks that, reportedly, it holds.";
        let mut ctx = Context::analyse(text, no_indirect);
        let words = crate::lexicon::words_of(text, &ctx.tokens);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(ctx.classes(i), w.classes(), "token {i}");
        }
        assert_eq!(ctx.classes(words.len()), 0);
        let said = (0..ctx.tokens.len())
            .find(|&i| ctx.word(i) == "said")
            .expect("a 'said'");
        assert!(ctx.any_classes(said..said + 1, CUE));
        assert!(ctx.any_classes(0..words.len(), CUE));
        assert!(!ctx.any_classes(said..said, CUE));
        assert!(!ctx.any_classes(said..words.len() + 1, CUE));
        let thinks = (0..ctx.tokens.len())
            .find(|&i| ctx.word(i) == "thinks")
            .expect("a 'thinks'");
        // "thinks", the first verb of thinking or cue after "senator" ("said" and "told"
        // come before it).
        assert_eq!(ctx.next_report_verb(thinks - 2, words.len()), Some(thinks));
        assert_eq!(ctx.next_report_verb(thinks - 2, thinks), None);
        assert_eq!(ctx.next_report_verb(0, words.len()), Some(said));
        for from in [0, said + 1, thinks] {
            let expected = (from..words.len()).find(|&i| words[i].has(EVIDENTIAL));
            assert_eq!(
                ctx.next_evidential(from, words.len()),
                expected,
                "from {from}"
            );
        }
        assert!(ctx.next_evidential(0, words.len()).is_some());
        // Freed after the indirect rules, and the same when asked for again.
        let held: Vec<SentenceWords> = (0..ctx.sentences.len())
            .map(|s| ctx.sentence_words(s))
            .collect();
        assert!(held.len() >= 3, "{held:?}");
        assert!(held.iter().any(|w| w.classes & CUE != 0));
        assert!(ctx.sentence_words.take().is_some());
        for (s, w) in held.iter().enumerate() {
            assert_eq!(ctx.sentence_words(s), *w, "sentence {s}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn sentence_words_are_those_of_each_sentence_s_tokens(
            text in "([A-Za-z]{1,8}|said|Said|: |, |\\. |\\n|\\r\\n| {1,3}|\\t|“|”|\\?){0,60}"
        ) {
            let (got, expected) = each_sentence(&text);
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
