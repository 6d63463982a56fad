//! The correction rules applied to UAX #29 boundaries.
//!
//! Each rule is one function (or, for SEN011, one scanner) with a doc comment in four parts.
//! [`decide`] runs them in a fixed order at every candidate boundary; all of them look at a
//! bounded window of text on each side, so the whole pass stays linear.

use super::abbreviations::{self, Class};
use super::lists;
use crate::text::layout::{connector_word, starts_list_item};

/// Longest token looked at before a boundary (`U.S.A.`, `approx.`): a longer run of
/// non-space characters is not an abbreviation.
pub(crate) const MAX_TOKEN_BYTES: usize = 32;
/// Longest word looked at after a boundary.
pub(crate) const MAX_WORD_BYTES: usize = 32;
/// Most opening or closing marks skipped around a boundary (`.”)` or `(“`).
pub(crate) const MAX_MARKS: usize = 4;
/// Most capitalised words of a speaker's name before the speech verb (SEN007).
pub(crate) const MAX_NAME_WORDS: usize = 3;
/// How far UAX #29's look-ahead after a period is emulated at a seam.
pub(crate) const MAX_SEAM_LOOKAHEAD: usize = 64;
/// Most dots of a spaced ellipsis looked at (`. . . .`, SEN012).
pub(crate) const MAX_DOTS: usize = 8;

/// Where a candidate boundary came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A UAX #29 boundary.
    Uax,
    /// A cut made by the splitter to keep UAX #29 linear (see `mod.rs`); UAX #29 did not
    /// see the text on both sides together.
    Seam,
}

/// The outcome at one candidate boundary, with the rule that decided it (`None`: UAX #29).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Keep the boundary.
    Split(Option<&'static str>),
    /// Remove the boundary: both sides are one sentence.
    Join(Option<&'static str>),
}

impl Decision {
    pub(crate) fn joins(self) -> bool {
        matches!(self, Decision::Join(_))
    }
}

/// One candidate boundary: the sentence built so far is `text[sentence_start..left_end]`,
/// the next piece starts at `right_start`, and only whitespace lies between.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Boundary<'t> {
    pub(crate) text: &'t str,
    pub(crate) sentence_start: usize,
    pub(crate) left_end: usize,
    pub(crate) right_start: usize,
    pub(crate) origin: Origin,
}

/// Decides one candidate boundary. The order matters: a blank line beats everything, and
/// the joins that only need the first character after the boundary come before the ones
/// that look up words.
pub(crate) fn decide(b: &Boundary<'_>) -> Decision {
    let breaks = line_breaks(&b.text[b.left_end..b.right_start]);
    if breaks >= 2 {
        return Decision::Split(Some(PARAGRAPH_BREAK));
    }
    if no_space(b) {
        if b.left_end > 0 && no_space_sentence_end(b.text, b.left_end - 1) {
            return Decision::Split(Some(NO_SPACE_END));
        }
        return Decision::Join(Some(NO_SPACE));
    }
    let right = &b.text[b.right_start..];
    let first = right.chars().next().unwrap_or(' ');
    if breaks == 1 && starts_list_item(right) {
        return Decision::Split(Some(LIST_ITEM));
    }
    let left = &b.text[b.sentence_start..b.left_end];
    if b.origin == Origin::Seam && !seam_would_split(left, right) {
        return Decision::Join(None);
    }
    if lowercase_continuation(first) {
        return if breaks == 1 {
            Decision::Join(Some(WRAPPED_LINE))
        } else {
            Decision::Join(Some(LOWERCASE_CONTINUATION))
        };
    }
    if breaks == 0 && list_item_joins(left) {
        return Decision::Join(Some(LIST_ITEM));
    }
    if left.ends_with('.') {
        if let Some(d) = spaced_dots(left) {
            return d;
        }
        if let Some(d) = spaced_ellipsis(left, right) {
            return d;
        }
        // Both read the same last token: found once.
        if let Some(token) = last_token(left) {
            if let Some(d) = abbreviation(left, token, right) {
                return d;
            }
            if let Some(d) = initials(left, token, right) {
                return d;
            }
        }
    }
    if let Some(d) = quote_then_speaker(left, right) {
        return d;
    }
    if breaks == 0 && citation_after_quote(left, right) {
        return Decision::Join(Some(CITATION));
    }
    if breaks == 1 && line_continues(left, first) {
        return Decision::Join(Some(WRAPPED_LINE));
    }
    Decision::Split(None)
}

// ---------------------------------------------------------------------------------------
// Rule IDs. The registry in `mod.rs` lists the same IDs with their names and summaries.

pub(crate) const TITLE: &str = "SEN001";
pub(crate) const INNER: &str = "SEN002";
pub(crate) const BEFORE_NUMBER: &str = "SEN003";
pub(crate) const ENDING: &str = "SEN004";
pub(crate) const INITIALS: &str = "SEN005";
pub(crate) const LOWERCASE_CONTINUATION: &str = "SEN006";
pub(crate) const QUOTE_SPEAKER: &str = "SEN007";
pub(crate) const NO_SPACE: &str = "SEN008";
pub(crate) const WRAPPED_LINE: &str = "SEN009";
pub(crate) const LIST_ITEM: &str = "SEN010";
pub(crate) const UNICODE_ELLIPSIS: &str = "SEN011";
pub(crate) const SPACED_ELLIPSIS: &str = "SEN012";
pub(crate) const PARAGRAPH_BREAK: &str = "SEN013";
pub(crate) const CITATION: &str = "SEN014";
pub(crate) const NO_SPACE_END: &str = "SEN015";

// ---------------------------------------------------------------------------------------
// SEN001–SEN004: listed abbreviations

/// SEN001 `title-abbreviation`, SEN002 `inner-abbreviation`, SEN003
/// `abbreviation-before-number`, SEN004 `ending-abbreviation`.
///
/// # What it matches
/// A boundary after a token listed in `data/abbreviations.txt`. Titles (`Mr.`, `Dr.`,
/// `Gen.`) and inner abbreviations (`e.g.`, `vs.`) always join (SEN001, SEN002). Any listed
/// abbreviation followed by a digit joins (SEN003: `No. 10`, `p. 5`, `Sept. 11`). Those that
/// may end a sentence (`U.S.`, `Inc.`, `p.m.`, months) join unless the next word is a
/// typical sentence start or an opening quote (SEN004).
///
/// # Why
/// UAX #29 breaks after every period followed by space and a capital, which cuts names
/// (`Mr. | Smith`) and references (`No. | 10 Downing Street`) in two.
///
/// # Example
/// `Dr. Jones met Gov. Hochul.` is one sentence; `He moved to the U.S. Then he left.` is two.
///
/// # Does not match
/// `etc.` (class `final`): `apples, etc. Microsoft said` keeps the UAX #29 boundary. Number
/// abbreviations before a word (`He said No. Then`) keep it too; before a code with a digit
/// (`No. A13`) they join.
///
/// # Known false positives
/// A time before a title joins when the sentence opens with a preposition (`At 6 a.m. Mr.
/// Lee left.`), and also in `In June we met at 6 p.m. Mr. Lee came late.`
fn abbreviation(left: &str, token: &str, right: &str) -> Option<Decision> {
    // `token` is the last token of `left` ([`last_token`]), found once by `decide`.
    let class = abbreviations::lookup(token)?;
    let digit = right.starts_with(|c: char| c.is_ascii_digit());
    Some(match class {
        Class::Title => Decision::Join(Some(TITLE)),
        Class::Inner => Decision::Join(Some(INNER)),
        Class::Final => Decision::Split(None),
        _ if digit => Decision::Join(Some(BEFORE_NUMBER)),
        Class::Number if starts_with_code(right) => Decision::Join(Some(BEFORE_NUMBER)),
        Class::Number => Decision::Split(None),
        // "He left at 6 p.m. Mr. Lee stayed.": a title after a time ends the sentence,
        // unless the time opens it ("At 6 a.m. Mr. Lee left.").
        Class::Ending
            if is_time(token) && starts_with_title(right) && !opens_with_preposition(left) =>
        {
            Decision::Split(Some(ENDING))
        }
        // "BEDFORD, N.H. (AP) — …", "Dallas, Texas, Inc. (NYSE: X)": a short aside in
        // parentheses with no sentence end of its own goes on with the sentence.
        Class::Ending if short_parenthetical(right) => Decision::Join(Some(ENDING)),
        Class::Ending if starts_sentence(right) => Decision::Split(Some(ENDING)),
        Class::Ending => Decision::Join(Some(ENDING)),
    })
}

/// True when `right` starts with a word of at most eight letters and digits holding a digit
/// (`A13`, `4B`): a code that a number abbreviation (`No.`) introduces.
fn starts_with_code(right: &str) -> bool {
    let word: &str = &right[..right
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(right.len())];
    (1..=8).contains(&word.len()) && word.bytes().any(|b| b.is_ascii_digit())
}

/// `a.m.`, `p.m.` in any case.
fn is_time(token: &str) -> bool {
    token.eq_ignore_ascii_case("a.m.") || token.eq_ignore_ascii_case("p.m.")
}

/// True when `right` starts with a listed title (`Mr.`, `Dr.`).
fn starts_with_title(right: &str) -> bool {
    let word = leading_word(right, true);
    word.ends_with('.') && abbreviations::lookup(word) == Some(Class::Title)
}

/// True when the sentence `left` opens with a preposition (`At 6 a.m.`, `By 9 p.m.`): what
/// follows is still its main clause.
fn opens_with_preposition(left: &str) -> bool {
    let word = leading_word(skip_openers(left), false);
    matches!(
        word,
        "At" | "By"
            | "Before"
            | "After"
            | "Until"
            | "Till"
            | "From"
            | "Since"
            | "Around"
            | "About"
            | "On"
            | "In"
            | "Shortly"
            | "Early"
            | "Late"
            | "Just"
    )
}

// ---------------------------------------------------------------------------------------
// SEN005: initials

/// SEN005 `initials`.
///
/// # What it matches
/// A boundary after a token made only of single capital letters each followed by a period
/// (`J.`, `W.`, `J.R.R.`), not in the abbreviation list.
///
/// # Why
/// Initials are followed by a capital (the next initial or the surname), so UAX #29 cuts
/// `J. K. Rowling` into three.
///
/// # Example
/// `George W. Bush spoke.` and `J. K. Rowling wrote it.` are one sentence each.
///
/// # Does not match
/// A next word that typically starts a sentence: `He got an A. The rest failed.` splits.
/// `I.` after a word in lower case or a comma is the pronoun ending a sentence (`you and I.
/// Did you…`), unlike `Albert I. Jones`: split before a capital.
fn initials(left: &str, token: &str, right: &str) -> Option<Decision> {
    // `token` is the last token of `left` ([`last_token`]), found once by `decide`.
    if token.is_empty() {
        return None;
    }
    let mut chars = token.chars();
    loop {
        match (chars.next(), chars.next()) {
            (Some(c), Some('.')) if c.is_uppercase() => {}
            (None, _) => break,
            _ => return None,
        }
    }
    if token == "I." && pronoun_i(&left[..left.len() - token.len()]) {
        return Some(
            if right.starts_with(char::is_uppercase) || starts_sentence(right) {
                Decision::Split(Some(INITIALS))
            } else {
                Decision::Join(Some(INITIALS))
            },
        );
    }
    Some(if starts_sentence(right) {
        Decision::Split(Some(INITIALS))
    } else {
        Decision::Join(Some(INITIALS))
    })
}

/// True when the text before an `I.` makes it the pronoun: its last word is in lower case
/// (`you and I.`) or ends with a comma.
fn pronoun_i(before: &str) -> bool {
    let before = before.trim_end();
    if before.ends_with(',') {
        return true;
    }
    let word_start = before
        .char_indices()
        .rev()
        .take(MAX_WORD_BYTES)
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    before.len() - word_start <= MAX_WORD_BYTES
        && before[word_start..].starts_with(char::is_lowercase)
}

// ---------------------------------------------------------------------------------------
// SEN006: lower-case continuation

/// SEN006 `lowercase-continuation`.
///
/// # What it matches
/// A boundary on one line followed by a lower-case letter; in practice after `?` or `!`
/// (UAX #29 already joins a period followed by lower case).
///
/// # Why
/// A quoted question or exclamation is usually followed by its attribution:
/// `“Why?” he asked.` is one sentence, and cutting it separates the quote from its speaker.
///
/// # Example
/// `“Stop!” she shouted.` and `"Why?" he asked.` are one sentence each.
///
/// # Does not match
/// A capitalised next word (`“Why?” Nobody knew.` splits, unless SEN007 applies) or a line
/// break between the two (that is SEN009).
fn lowercase_continuation(first: char) -> bool {
    first.is_lowercase()
}

// ---------------------------------------------------------------------------------------
// SEN007: quote then speaker

/// SEN007 `quote-then-speaker`.
///
/// # What it matches
/// A boundary after `?` or `!` and a closing quote, followed by up to
/// [`MAX_NAME_WORDS`] capitalised words and a lower-case speech verb (`said`, `asked`…).
///
/// # Why
/// `“Why?” Smith asked.` is one sentence: the quote and its speaker belong together.
///
/// # Example
/// `“Stop!” Mr. Smith shouted.` is one sentence.
///
/// # Does not match
/// No closing quote (`Why? Smith asked.` splits), a period before the quote mark, or a
/// capitalised word followed by anything but a speech verb (`“Why?” Nobody knew.`).
fn quote_then_speaker(left: &str, right: &str) -> Option<Decision> {
    let (terminal, closed) = terminal_mark(left);
    if !closed || !matches!(terminal, Some('?' | '!')) {
        return None;
    }
    let mut rest = right;
    for _ in 0..MAX_NAME_WORDS {
        let word = leading_word(rest, true);
        if !word.starts_with(|c: char| c.is_uppercase()) || is_not_a_name(word) {
            return None;
        }
        rest = rest[word.len()..].trim_start_matches(' ');
        let verb = leading_word(rest, false);
        if is_speech_verb(verb) {
            return Some(Decision::Join(Some(QUOTE_SPEAKER)));
        }
    }
    None
}

/// Capitalised words that start a sentence of their own rather than name a speaker.
fn is_not_a_name(word: &str) -> bool {
    matches!(
        word,
        "Nobody"
            | "No"
            | "None"
            | "Nothing"
            | "Everyone"
            | "Everybody"
            | "Someone"
            | "Somebody"
            | "Anyone"
            | "Anybody"
            | "Few"
            | "Many"
            | "Some"
            | "All"
            | "Both"
            | "Each"
            | "Most"
            | "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Then"
            | "But"
            | "And"
            | "So"
            | "Later"
    )
}

fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "shouted"
            | "shouts"
            | "replied"
            | "replies"
            | "added"
            | "adds"
            | "cried"
            | "told"
            | "tells"
            | "wrote"
            | "writes"
            | "yelled"
            | "whispered"
            | "exclaimed"
            | "answered"
            | "continued"
            | "insisted"
            | "explained"
            | "noted"
            | "warned"
            | "screamed"
            | "demanded"
            | "wondered"
            | "laughed"
            | "muttered"
            | "argued"
            | "declared"
            | "recalled"
            | "admitted"
            | "joked"
            | "snapped"
            | "called"
    )
}

// ---------------------------------------------------------------------------------------
// SEN008: no space

/// SEN008 `no-space-boundary`.
///
/// # What it matches
/// A UAX #29 boundary with no whitespace at it, such as after `?` or `!` inside a URL.
///
/// # Why
/// Sentences in prose are separated by space; a boundary inside a run of non-space
/// characters is almost always a URL, an e-mail address, a domain or a brand name
/// (`example.com/?q=1`, `Yahoo!News`).
///
/// # Example
/// `See www.example.org/a.b?x=1 for more.` is one sentence.
///
/// # Does not match
/// Any boundary with at least one space, tab or line break.
fn no_space(b: &Boundary<'_>) -> bool {
    b.left_end == b.right_start
}

// ---------------------------------------------------------------------------------------
// SEN009: wrapped lines

/// SEN009 `wrapped-line`.
///
/// # What it matches
/// A single line break (UAX #29 always breaks there) when the next line starts in lower
/// case, or when the line before ends with a comma, a semicolon, a hyphen or a function
/// word (`the`, `of`, `and`…) and the next line starts with a letter or digit.
///
/// # Why
/// Hard-wrapped prose (e-mail, plain-text archives) breaks lines inside sentences. Headings
/// and list items are followed by a capital or a marker, so they keep their boundary. The
/// line breaks that `text::layout` reads as wrapped lines are spaces in the text the
/// pipeline splits; this rule decides the line breaks left, one by one.
///
/// # Example
/// `The company said it would\nappeal the ruling.` is one sentence.
///
/// # Does not match
/// A capitalised next line after a line without a connector (`Results\nThe team won.`),
/// a blank line (SEN013) or a next line that starts a list item (SEN010).
fn line_continues(left: &str, first: char) -> bool {
    if !crate::text::is_alnum(first) {
        return false;
    }
    if left.ends_with([',', ';', '-', '–', '—']) {
        return true;
    }
    let word_start = left
        .char_indices()
        .rev()
        .take_while(|&(i, c)| crate::text::is_alpha(c) && left.len() - i <= MAX_WORD_BYTES)
        .last()
        .map_or(left.len(), |(i, _)| i);
    let word = &left[word_start..];
    if word_start > 0 && !left[..word_start].ends_with(char::is_whitespace) {
        return false;
    }
    connector_word(word)
}

// ---------------------------------------------------------------------------------------
// SEN010: list items

/// SEN010 `list-items`.
///
/// # What it matches
/// - A sentence so far that is only a list marker (`1.`, `12.`, `a.`, `1.)`, `(iv)`, `• 9.`,
///   and single capitals such as the `Q.` and `A.` of interview transcripts) that UAX #29
///   cut from its item text: joined back. Also a sentence that starts with a marker and
///   ends with a later marker of the same list (`1. Tea 2.`): joined, and cut before that
///   marker (see `lists::cut_items`).
/// - A sentence that starts with a numbered, lower-case or bulleted marker and holds the
///   next marker of the same list (`1) Tea 2) Milk`, `a. Red b. Blue`, `• 9. Tea • 10.
///   Milk`): cut before each next item.
/// - After a sentence end, a lower-case marker in brackets and a capital (`here. (b) The`):
///   a new sentence, which UAX #29 misses.
/// - A line break followed by a new item (`•`, `-`, `*`, `–`, `1.`, `2)`, `b.`): always kept.
///
/// # Why
/// Each list item is its own sentence, marker included, and an item must never be glued to
/// the line before by the line-wrap or abbreviation rules.
///
/// # Example
/// `1. Open the box.\n2. Take it out.` and `1. Open the box 2. Take it out` both give
/// `1. Open the box…` and `2. Take it out…`.
///
/// # Does not match
/// A marker that is not the next one (`1. He paid 5. Then`), another closing (`1) He read
/// 2. Then`), or a capital and a period inside a sentence (`A. Lee met B. Cole`, initials).
///
/// # Known false positives
/// A one-letter answer after a question joins the next sentence: `Who won? B. The rest lost.`
fn list_item_joins(left: &str) -> bool {
    lists::joins_next(left)
}

// ---------------------------------------------------------------------------------------
// SEN011, SEN012: ellipses

/// SEN011 `unicode-ellipsis-end`.
///
/// # What it matches
/// A `…` (U+2026), possibly followed by closing quotes or brackets, then spaces on the same
/// line and a capital letter: a new boundary is added after the closing marks. When the
/// `…` is attached to the word before, any capitalised word starts a new sentence; when it
/// stands apart (an elision), only a typical sentence start does.
///
/// # Why
/// UAX #29 never breaks after `…`, while it does after `...`; both end sentences alike.
///
/// # Example
/// `I waited… Then I left.` gives `I waited…` and `Then I left.`
///
/// # Does not match
/// A lower-case next word (`I waited… and waited.`) or an elision before a name
/// (`We will … Microsoft is great`).
pub(crate) fn ellipsis_break(text: &str, at: usize, piece_start: usize) -> Option<(usize, usize)> {
    let after = at + '…'.len_utf8();
    let mut end = after;
    for c in text[after..].chars().take(MAX_MARKS) {
        if !is_closer(c) {
            break;
        }
        end += c.len_utf8();
    }
    let spaces = text[end..]
        .bytes()
        .take(MAX_WORD_BYTES)
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    let mut next = end + spaces;
    if text[next..].starts_with('\u{a0}') {
        next += '\u{a0}'.len_utf8();
    }
    if next == end {
        return None;
    }
    let right = &text[next..];
    let attached = at > piece_start && !text[..at].ends_with(char::is_whitespace);
    let split = if attached {
        skip_openers(right).starts_with(|c: char| c.is_uppercase())
    } else {
        starts_with_starter(right)
    };
    split.then_some((end, next))
}

/// SEN012 `spaced-ellipsis`.
///
/// # What it matches
/// A boundary after `...` that has a space before it: an elision inside a sentence.
///
/// # Why
/// UAX #29 breaks after `...` before any capital, which cuts a quotation with an elision
/// (`“We will ... Microsoft will win,” he said.`) in two.
///
/// # Example
/// `He said he would ... Microsoft would pay.` is one sentence; `He paused ... Then he
/// spoke.` is two because `Then` typically starts a sentence.
///
/// # Does not match
/// `...` attached to the word before (`I waited... Then`): UAX #29's boundary is kept.
fn spaced_ellipsis(left: &str, right: &str) -> Option<Decision> {
    let body = left.strip_suffix("...")?;
    let body = body.trim_end_matches('.');
    if !(body.is_empty() || body.ends_with(char::is_whitespace)) {
        return None;
    }
    Some(if starts_sentence(right) {
        Decision::Split(Some(SPACED_ELLIPSIS))
    } else {
        Decision::Join(Some(SPACED_ELLIPSIS))
    })
}

/// SEN012 for spaced dots (`. . .`), the style of quoted texts.
///
/// Three spaced dots after a space are an elision inside a sentence: joined, whatever
/// follows (`the thing is . . . I didn't`), unless a sentence end stands before them
/// (`"Why?" . . . "How?"`). Four after a space end the sentence (`a period
/// . . . . Next`). A sentence so far made of dots only (the elision opening a sentence, cut
/// by [`ellipsis_after_period`]) is joined to what follows. Dots attached to a word (`that.
/// . . .`) are left to UAX #29.
fn spaced_dots(left: &str) -> Option<Decision> {
    let bytes = left.as_bytes();
    let mut i = bytes.len();
    let mut dots = 0;
    let mut spaced = false;
    while i > 0 && bytes[i - 1] == b'.' && dots < MAX_DOTS {
        dots += 1;
        i -= 1;
        if i >= 2 && bytes[i - 1] == b' ' && bytes[i - 2] == b'.' {
            spaced = true;
            i -= 1;
        }
    }
    if !spaced {
        return None;
    }
    if i == 0 {
        return Some(Decision::Join(Some(SPACED_ELLIPSIS)));
    }
    if !bytes[i - 1].is_ascii_whitespace() {
        return None;
    }
    // Between two whole sentences (`"Why?" . . . "How?"`) the elision ends the first.
    if matches!(terminal_mark(left[..i].trim_end()).0, Some('.' | '?' | '!')) {
        return Some(Decision::Split(Some(SPACED_ELLIPSIS)));
    }
    Some(if dots == 3 {
        Decision::Join(Some(SPACED_ELLIPSIS))
    } else {
        Decision::Split(Some(SPACED_ELLIPSIS))
    })
}

/// SEN012 inside a UAX #29 segment: a period ending a word, then a spaced ellipsis and a
/// capital (`compounds. . . . The practice`): the sentence ends with the word's period and
/// the elision opens the next one. Returns where the sentence ends and the next starts.
pub(crate) fn ellipsis_after_period(text: &str, period: usize) -> Option<(usize, usize)> {
    if !text[..period].ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let rest = text[period..].strip_prefix(". . . .")?;
    let mut rest = rest;
    for _ in 0..MAX_DOTS {
        match rest.strip_prefix(" .") {
            Some(r) => rest = r,
            None => break,
        }
    }
    let next = skip_openers(rest.strip_prefix(' ')?.trim_start_matches(' '));
    next.starts_with(char::is_uppercase)
        .then_some((period + 1, period + 2))
}

// ---------------------------------------------------------------------------------------
// SEN014: citation after a quote

/// SEN014 `citation-after-quote`.
///
/// # What it matches
/// A boundary after a closing quote followed by a short aside in parentheses, with no
/// sentence end inside, that the sentence's final punctuation follows (`…stairways." (Lee
/// 55).`).
///
/// # Why
/// A quotation ending in its own period is followed by its source; UAX #29 breaks before
/// the parenthesis and leaves `(Lee 55).` as a sentence.
///
/// # Example
/// `"It was lost [...]" (Ray 12).` is one sentence.
///
/// # Does not match
/// An aside that is a sentence of its own (`"Go." (She left.)`), one followed by more text
/// (`"Go." (Ray) Then`), or no closing quote before it.
fn citation_after_quote(left: &str, right: &str) -> bool {
    if !left.ends_with(['"', '”', '’', '\'']) {
        return false;
    }
    let Some(inner) = right.strip_prefix('(') else {
        return false;
    };
    inner
        .char_indices()
        .take_while(|&(i, _)| i <= MAX_ASIDE_BYTES)
        .find(|&(_, c)| matches!(c, ')' | '.' | '!' | '?' | '\n'))
        .is_some_and(|(i, c)| c == ')' && i > 0 && inner[i + 1..].starts_with(['.', '!', '?']))
}

// ---------------------------------------------------------------------------------------
// SEN015: no space after a sentence end

/// SEN015 `no-space-sentence-end`.
///
/// # What it matches
/// A period with no space after it, between a word of at least two letters or digits
/// (not a listed abbreviation) and a capitalised word in lower case after its capital
/// (`world.Today`, `1,000.That`), in a token that holds no `@`, `/` or `:`.
///
/// # Why
/// Text pasted without spaces (`Hello world.Today is Tuesday.`) has sentences that UAX #29
/// keeps together (SB7) or that SEN008 would join.
///
/// # Example
/// `It rained.Then it snowed.` gives `It rained.` and `Then it snowed.`
///
/// # Does not match
/// Names of files, hosts and addresses (`Jane.Doe@example.com`, `example.com/News.Html`),
/// abbreviations (`St.Louis`, `Mr.Smith`), capitals before the period (`ASP.NET`) and a
/// capital not followed by lower case (`Ph.D`).
///
/// # Known false positives
/// A capitalised file or domain name with no `@`, `/` or `:` (`Booking.Com`).
pub(crate) fn no_space_sentence_end(text: &str, period: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.get(period) != Some(&b'.') {
        return false;
    }
    let (Some(&next), Some(&after)) = (bytes.get(period + 1), bytes.get(period + 2)) else {
        return false;
    };
    if !(next.is_ascii_uppercase() && after.is_ascii_lowercase()) {
        return false;
    }
    let before = &bytes[period.saturating_sub(MAX_TOKEN_BYTES)..period];
    let word = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b',')
        .count();
    if word < 2 || (word == before.len() && period > word) {
        return false;
    }
    let Some(&last) = before.last() else {
        return false;
    };
    if !(last.is_ascii_lowercase() || last.is_ascii_digit()) {
        return false;
    }
    let token_start = period - word;
    if token_start > 0 {
        let separator = bytes[token_start - 1];
        // A space, an opening mark, or the last byte of a non-ASCII one (`“`).
        if !(separator.is_ascii_whitespace()
            || separator >= 0x80
            || matches!(separator, b'"' | b'(' | b'\''))
        {
            return false;
        }
    }
    if abbreviations::lookup(&text[token_start..=period]).is_some() {
        return false;
    }
    let token_end = bytes[period + 1..]
        .iter()
        .take(MAX_TOKEN_BYTES)
        .position(u8::is_ascii_whitespace)
        .map_or(bytes.len().min(period + 1 + MAX_TOKEN_BYTES), |p| {
            period + 1 + p
        });
    !bytes[period + 1..token_end]
        .iter()
        .any(|b| matches!(b, b'@' | b'/' | b':'))
}

// ---------------------------------------------------------------------------------------
// SEN013: paragraph break

/// SEN013 `paragraph-break`.
///
/// # What it matches
/// Two or more line breaks (LF, CRLF or lone CR) between two pieces, with only spaces
/// between them.
///
/// # Why
/// A blank line ends a heading, a caption or a paragraph without final punctuation; no
/// join rule may cross it.
///
/// # Example
/// `Netflix, yes. Blockbuster, no\n\nGuthrie's secret` ends a sentence after `no`.
///
/// # Does not match
/// A single line break (see SEN009 and SEN010).
fn line_breaks(gap: &str) -> usize {
    let bytes = gap.as_bytes();
    let mut count = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let is_break = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if is_break {
            count += 1;
            if count >= 2 {
                break;
            }
        }
    }
    count
}

// ---------------------------------------------------------------------------------------
// Seams

/// UAX #29's decision, approximated, at a seam where the splitter cut the text to keep
/// UAX #29 linear: split only after final punctuation (and closing marks), and after a
/// period only when no lower-case letter follows within [`MAX_SEAM_LOOKAHEAD`] bytes of
/// digits, spaces and symbols (UAX #29's SB8, bounded).
fn seam_would_split(left: &str, right: &str) -> bool {
    match terminal_mark(left).0 {
        Some('?' | '!' | '…') => !right.starts_with(char::is_lowercase),
        Some('.') => {
            let window = &right.as_bytes()[..right.len().min(MAX_SEAM_LOOKAHEAD)];
            let next_letter = String::from_utf8_lossy(window)
                .chars()
                .find(|c| crate::text::is_alpha(*c) || matches!(c, '.' | '?' | '!' | '\n' | '\r'));
            !next_letter.is_some_and(char::is_lowercase)
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// Shared helpers

/// The last whitespace-delimited token of `left`, without leading punctuation such as an
/// opening quote or bracket; `None` when longer than [`MAX_TOKEN_BYTES`].
fn last_token(left: &str) -> Option<&str> {
    let window = left.len().saturating_sub(MAX_TOKEN_BYTES);
    let mut start = left.len();
    for (i, c) in left.char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        if i < window {
            return None;
        }
        start = i;
    }
    Some(left[start..].trim_start_matches(|c: char| !crate::text::is_alnum(c)))
}

/// The final punctuation of `left` behind up to [`MAX_MARKS`] closing marks, and whether
/// there was at least one closing mark.
fn terminal_mark(left: &str) -> (Option<char>, bool) {
    let mut closed = false;
    for c in left.chars().rev().take(MAX_MARKS + 1) {
        if is_closer(c) {
            closed = true;
        } else {
            return (Some(c), closed);
        }
    }
    (None, closed)
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '“' | '‘' | '«'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '„' | '‚'
    )
}

fn skip_openers(right: &str) -> &str {
    let mut rest = right;
    for _ in 0..MAX_MARKS {
        match rest.chars().next() {
            Some(c) if is_opener(c) => rest = &rest[c.len_utf8()..],
            _ => break,
        }
    }
    rest
}

/// The letters at the start of `s` (capped at [`MAX_WORD_BYTES`]); with `name`, also the
/// periods, apostrophes and hyphens that names and titles contain (`Mr.`, `O'Brien`).
fn leading_word(s: &str, name: bool) -> &str {
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let ok = crate::text::is_alpha(c) || (name && i > 0 && matches!(c, '.' | '\'' | '’' | '-'));
        if !ok || i >= MAX_WORD_BYTES {
            break;
        }
        end = i + c.len_utf8();
    }
    &s[..end]
}

/// True when `right` looks like the start of a new sentence after an abbreviation that
/// may end one: an opening quote or bracket, or a typical sentence-starting word.
/// Longest aside in parentheses that [`short_parenthetical`] accepts, in bytes.
const MAX_ASIDE_BYTES: usize = 40;

/// True when `right` opens with a short aside in parentheses that holds no sentence end
/// ("(AP)", "(Reuters)"; not "(See the chart.)", which ends a sentence of its own).
fn short_parenthetical(right: &str) -> bool {
    let Some(inner) = right.strip_prefix('(') else {
        return false;
    };
    inner
        .char_indices()
        .take_while(|&(i, _)| i <= MAX_ASIDE_BYTES)
        .find(|&(_, c)| matches!(c, ')' | '.' | '!' | '?' | '\n'))
        .is_some_and(|(i, c)| c == ')' && i > 0)
}

fn starts_sentence(right: &str) -> bool {
    right.starts_with(is_opener) || starts_with_starter(right)
}

/// True when `right` starts with a word that usually begins a sentence, not followed by a
/// period (so the initial `A.` is not the article `A`).
fn starts_with_starter(right: &str) -> bool {
    let word = leading_word(right, false);
    if right[word.len()..].starts_with('.') {
        return false;
    }
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Then"
            | "But"
            | "And"
            | "So"
            | "Yet"
            | "Or"
            | "In"
            | "On"
            | "At"
            | "For"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "As"
            | "However"
            | "Meanwhile"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "Now"
            | "Still"
            | "Also"
            | "Some"
            | "Many"
            | "Most"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Although"
            | "Though"
            | "Because"
            | "Since"
            | "Last"
            | "Next"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Later"
            | "Earlier"
            | "Instead"
            | "Indeed"
            | "Thus"
            | "Therefore"
            | "Moreover"
            | "Here"
            | "Such"
            | "Each"
            | "Every"
            | "All"
            | "Both"
            | "No"
            | "Not"
            | "Once"
            | "During"
            | "From"
            | "With"
            | "By"
            | "To"
            | "Yes"
            | "Well"
            | "Oh"
            | "Please"
            | "Let"
            | "One"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decides the boundary after the first occurrence of `marker` + whitespace in `text`.
    fn at(text: &str, marker: &str) -> Decision {
        let left_end = text.find(marker).expect("marker") + marker.len();
        let right_start = left_end + text[left_end..].len() - text[left_end..].trim_start().len();
        decide(&Boundary {
            text,
            sentence_start: 0,
            left_end,
            right_start,
            origin: Origin::Uax,
        })
    }

    #[test]
    fn sen001_titles_join() {
        assert_eq!(at("Mr. Smith left.", "Mr."), Decision::Join(Some(TITLE)));
        assert_eq!(at("Ask (Dr. Who) now.", "Dr."), Decision::Join(Some(TITLE)));
        assert_eq!(
            at("It was Gov.\nCuomo.", "Gov."),
            Decision::Join(Some(TITLE))
        );
    }

    #[test]
    fn sen002_inner_joins() {
        assert_eq!(
            at("Big firms, e.g. Apple.", "e.g."),
            Decision::Join(Some(INNER))
        );
        assert_eq!(at("Ali vs. Frazier.", "vs."), Decision::Join(Some(INNER)));
    }

    #[test]
    fn sen003_number_abbreviations() {
        assert_eq!(
            at("No. 10 Downing", "No."),
            Decision::Join(Some(BEFORE_NUMBER))
        );
        assert_eq!(
            at("On Sept. 11 it", "Sept."),
            Decision::Join(Some(BEFORE_NUMBER))
        );
        assert_eq!(at("He said No. Then", "No."), Decision::Split(None));
    }

    #[test]
    fn sen004_ending_abbreviations() {
        assert_eq!(at("the U.S. Then", "U.S."), Decision::Split(Some(ENDING)));
        assert_eq!(at("the U.S. Senate", "U.S."), Decision::Join(Some(ENDING)));
        assert_eq!(
            at("at Acme Inc. “No", "Inc."),
            Decision::Split(Some(ENDING))
        );
        assert_eq!(at("at 5 p.m. Friday", "p.m."), Decision::Join(Some(ENDING)));
        // A dateline's agency goes on with the sentence; a parenthesised sentence does not.
        assert_eq!(
            at("ORLANDO, Fla. (Reuters) - Obama", "Fla."),
            Decision::Join(Some(ENDING))
        );
        assert_eq!(
            at("moved to Fla. (See the chart.)", "Fla."),
            Decision::Split(Some(ENDING))
        );
    }

    #[test]
    fn sen005_initials() {
        assert_eq!(at("by J. K. Rowling", "J."), Decision::Join(Some(INITIALS)));
        assert_eq!(
            at("J.R.R. Tolkien", "J.R.R."),
            Decision::Join(Some(INITIALS))
        );
        assert_eq!(at("an A. The rest", "A."), Decision::Split(Some(INITIALS)));
        assert_eq!(at("an AB. Then", "AB."), Decision::Split(None));
    }

    #[test]
    fn sen006_lowercase_after_question() {
        assert_eq!(
            at("“Why?” he asked.", "”"),
            Decision::Join(Some(LOWERCASE_CONTINUATION))
        );
    }

    #[test]
    fn sen007_quote_then_speaker() {
        assert_eq!(
            at("“Why?” Smith asked.", "”"),
            Decision::Join(Some(QUOTE_SPEAKER))
        );
        assert_eq!(
            at("“Stop!” Mr. John Smith shouted.", "”"),
            Decision::Join(Some(QUOTE_SPEAKER))
        );
        assert_eq!(at("“Why?” Nobody knew.", "”"), Decision::Split(None));
        assert_eq!(at("“Why?” Nobody answered.", "”"), Decision::Split(None));
        assert_eq!(at("Why? Smith asked.", "?"), Decision::Split(None));
    }

    #[test]
    fn sen008_no_space_joins() {
        let text = "a.com/?Q=1";
        let b = Boundary {
            text,
            sentence_start: 0,
            left_end: 7,
            right_start: 7,
            origin: Origin::Uax,
        };
        assert_eq!(decide(&b), Decision::Join(Some(NO_SPACE)));
    }

    #[test]
    fn sen009_wrapped_lines() {
        assert_eq!(
            at("it would\nappeal", "would"),
            Decision::Join(Some(WRAPPED_LINE))
        );
        assert_eq!(
            at("met with the\nBoard", "the"),
            Decision::Join(Some(WRAPPED_LINE))
        );
        assert_eq!(at("Results\nThe team", "Results"), Decision::Split(None));
    }

    #[test]
    fn sen010_list_items() {
        assert_eq!(at("1. Open it.", "1."), Decision::Join(Some(LIST_ITEM)));
        assert_eq!(at("x 2. Open", "2."), Decision::Split(None));
        assert_eq!(at("1. Tea 2. Milk", "2."), Decision::Join(Some(LIST_ITEM)));
        assert_eq!(
            at("Buy the\n- milk", "the"),
            Decision::Split(Some(LIST_ITEM))
        );
        assert!(starts_list_item("2) two"));
        assert!(!starts_list_item("2010 was"));
        assert!(starts_list_item("b. Bananas"));
        assert!(!starts_list_item("be. Bananas"));
    }

    #[test]
    fn sen011_unicode_ellipsis() {
        let text = "I waited… Then I left.";
        let at = text.find('…').unwrap();
        assert_eq!(ellipsis_break(text, at, 0), Some((at + 3, at + 4)));
        let text = "I waited… and left.";
        assert_eq!(ellipsis_break(text, text.find('…').unwrap(), 0), None);
        let text = "we will … Microsoft is";
        assert_eq!(ellipsis_break(text, text.find('…').unwrap(), 0), None);
        let text = "“I waited…” Then";
        let at = text.find('…').unwrap();
        assert_eq!(ellipsis_break(text, at, 0), Some((at + 6, at + 7)));
    }

    #[test]
    fn sen012_spaced_ellipsis() {
        assert_eq!(
            at("we will ... Microsoft", "..."),
            Decision::Join(Some(SPACED_ELLIPSIS))
        );
        assert_eq!(
            at("he paused ... Then", "..."),
            Decision::Split(Some(SPACED_ELLIPSIS))
        );
        assert_eq!(at("he paused... Then", "..."), Decision::Split(None));
    }

    #[test]
    fn sen013_paragraph_break() {
        assert_eq!(
            at("Mr.\n\nSmith", "Mr."),
            Decision::Split(Some(PARAGRAPH_BREAK))
        );
        assert_eq!(
            at("no\r\n\r\nNext", "no"),
            Decision::Split(Some(PARAGRAPH_BREAK))
        );
        assert_eq!(
            at("no\r\rNext", "no"),
            Decision::Split(Some(PARAGRAPH_BREAK))
        );
        assert_eq!(line_breaks(" \r\n "), 1);
    }

    #[test]
    fn long_tokens_are_not_abbreviations() {
        let long = format!("{}U.S.", "x".repeat(100));
        assert_eq!(last_token(&long), None);
    }
}
