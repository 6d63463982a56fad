//! The review report: one self-contained HTML page (no network, no external assets) that
//! shows each document with its quotes highlighted, one colour per speaker, the speaker's
//! name beside each quote, non-speech quoted passages greyed out, and the rule, cue and
//! confidence of a quote on hover (its `title`) and on click (a panel).
//!
//! The page opens on an index: a table of the documents with their quote counts and
//! speakers. Each document is its own view (`#d1`, `#d2`, … in input order), so a corpus of
//! thousands of documents stays one click from any of them without one endless page. A
//! quote has a link too, `#d2:q3` (the document's third quote, its panel open), which the
//! address bar shows once the quote is clicked, ready to share.
//!
//! Memory stays bounded by the index, not the corpus: document sections are written as they
//! come ([`Report::add`]), and only each document's index row is kept until
//! [`Report::finish`] writes the index after them; CSS puts the index on top.

use std::io::{self, Write};

use askama::Template;

use crate::input::Error;
use crate::output::formats::{meta_text, stable_hash, META_FIELDS};
use crate::output::{Document, Quote, Speaker, SpeakerSummary};

/// The page's stylesheet, also used by other pages that show [`Section`]s.
pub const STYLE: &str = include_str!("report.css");
/// The page's script (quote panel, routing, filter), also used by other pages that show
/// [`Section`]s: it expects the elements `#info` (with `#info-close` and a `dl`) and
/// `#filter`.
pub const SCRIPT: &str = include_str!("report.js");
/// Runs before anything else on the page: any script error is recorded on the root element
/// (`data-js-errors`), where a reader or a headless-browser test can see it.
pub const ERROR_CATCHER: &str = include_str!("errors.js");

/// The hue (0–359) that stands for a speaker, the same on every run.
pub fn speaker_hue(name: &str) -> u64 {
    stable_hash(name) % 360
}

/// `n` and the noun, in the plural unless `n` is 1.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// What the index shows of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    /// The document id.
    pub id: String,
    /// Its `title` metadata field, if it has one.
    pub title: Option<String>,
    /// Number of quotes.
    pub quotes: usize,
    /// Number of quotes no rule could attribute.
    pub unattributed: usize,
    /// Number of quoted passages that are not speech.
    pub non_speech: usize,
    /// Speakers with their number of quotes, in order of first quote.
    pub speakers: Vec<(String, usize)>,
    /// Why the document could not be read, if it could not.
    pub error: Option<String>,
}

/// One document's part of the page, rendered on its own (so documents can be rendered in
/// parallel), to be placed with [`Report::add`].
#[derive(Debug, Clone)]
pub struct Section {
    body: String,
    entry: IndexEntry,
}

impl Section {
    /// The document's index row.
    pub fn entry(&self) -> &IndexEntry {
        &self.entry
    }

    /// The document's HTML: heading, legend and highlighted text.
    pub fn body(&self) -> &str {
        &self.body
    }
}

/// What a quote's highlight shows (`templates/report/quote.html`).
struct QuoteMark<'a> {
    /// The quote's number in its document, from 1: its link is `#dN:qNUMBER`.
    number: usize,
    kind: &'static str,
    /// The speaker's colour; `None` for an unattributed quote.
    hue: Option<u64>,
    speaker: Option<&'a Speaker>,
    rule: Option<&'a str>,
    cue: Option<&'a str>,
    confidence: f64,
}

impl QuoteMark<'_> {
    /// The name shown before the quote.
    fn who(&self) -> &str {
        self.speaker.map_or("unattributed", |s| s.name.as_str())
    }
}

/// What a highlight opens with.
enum Open<'a> {
    Quote(QuoteMark<'a>),
    /// A quoted passage that is not speech, with the reason.
    NonSpeech(&'a str),
}

impl Open<'_> {
    /// The element the highlight is.
    fn tag(&self) -> &'static str {
        match self {
            Open::Quote(_) => "mark",
            Open::NonSpeech(_) => "span",
        }
    }
}

/// A highlight to place in the text: a quote or a non-speech passage, on byte offsets.
struct Mark<'a> {
    start: usize,
    end: usize,
    open: Open<'a>,
}

/// A piece of a document's text as the page shows it, in order: text, the opening of a
/// highlight, or the end of the innermost one open.
enum Piece<'a> {
    Text(&'a str),
    Quote(QuoteMark<'a>),
    NonSpeech(&'a str),
    End(&'static str),
}

impl<'a> Piece<'a> {
    fn open(open: Open<'a>) -> Self {
        match open {
            Open::Quote(q) => Piece::Quote(q),
            Open::NonSpeech(reason) => Piece::NonSpeech(reason),
        }
    }
}

/// The highlight of quote number `number` (from 1) of its document.
fn quote_mark(number: usize, q: &Quote) -> Mark<'_> {
    Mark {
        start: q.byte_span.start,
        end: q.byte_span.end,
        open: Open::Quote(QuoteMark {
            number,
            kind: q.kind.as_str(),
            hue: q.speaker.as_ref().map(|s| speaker_hue(&s.name)),
            speaker: q.speaker.as_ref(),
            rule: q.rule.as_deref(),
            cue: q.cue.as_ref().map(|c| c.text.as_str()),
            confidence: q.confidence,
        }),
    }
}

/// The text with its marks, as pieces to render. Marks nest; one that crosses the end of
/// the mark it starts in is cut at that end, so the HTML stays well formed. Marks whose
/// offsets are not on character boundaries of `text` are left out rather than trusted.
fn highlight<'a>(text: &'a str, mut marks: Vec<Mark<'a>>) -> Vec<Piece<'a>> {
    marks.retain(|m| {
        m.start <= m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end)
    });
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut pieces = Vec::with_capacity(marks.len() * 4 + 1);
    let text_to = |pieces: &mut Vec<Piece<'a>>, from: usize, to: usize| {
        if from < to {
            pieces.push(Piece::Text(&text[from..to]));
        }
    };
    let mut open: Vec<(usize, &'static str)> = Vec::new();
    let mut pos = 0;
    for m in marks {
        while let Some(&(end, tag)) = open.last() {
            if end > m.start {
                break;
            }
            text_to(&mut pieces, pos, end);
            pieces.push(Piece::End(tag));
            pos = end;
            open.pop();
        }
        text_to(&mut pieces, pos, m.start);
        pos = m.start;
        let end = open.last().map_or(m.end, |&(outer, _)| m.end.min(outer));
        open.push((end, m.open.tag()));
        pieces.push(Piece::open(m.open));
    }
    while let Some((end, tag)) = open.pop() {
        text_to(&mut pieces, pos, end);
        pieces.push(Piece::End(tag));
        pos = end;
    }
    text_to(&mut pieces, pos, text.len());
    pieces
}

/// A document's body (`templates/report/document.html`).
#[derive(Template)]
#[template(path = "report/document.html")]
struct DocumentBody<'a> {
    id: &'a str,
    /// The metadata fields the document has, in [`META_FIELDS`] order.
    meta: Vec<(&'static str, String)>,
    /// "N quotes".
    count: String,
    speakers: &'a [SpeakerSummary],
    unattributed: usize,
    non_speech: usize,
    pieces: Vec<Piece<'a>>,
}

impl DocumentBody<'_> {
    fn hue(&self, name: &str) -> u64 {
        speaker_hue(name)
    }
}

/// The body of a document that could not be read (`templates/report/failed.html`).
#[derive(Template)]
#[template(path = "report/failed.html")]
struct FailedBody<'a> {
    id: &'a str,
    message: &'a str,
}

/// Renders one extracted document; `text` is the text it was extracted from. Run the
/// extraction with `explain` on, so non-speech passages can be greyed out.
pub fn document_section(doc: &Document, text: &str) -> Section {
    let unattributed = doc.quotes.iter().filter(|q| q.speaker.is_none()).count();
    let non_speech = doc.non_speech.as_deref().unwrap_or_default();
    let entry = IndexEntry {
        id: doc.id.clone(),
        title: meta_text(doc.meta.as_ref(), "title"),
        quotes: doc.quotes.len(),
        unattributed,
        non_speech: non_speech.len(),
        speakers: doc
            .speakers
            .iter()
            .map(|s| (s.name.clone(), s.quotes))
            .collect(),
        error: None,
    };
    let mut marks: Vec<Mark> = doc
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| quote_mark(i + 1, q))
        .collect();
    marks.extend(non_speech.iter().map(|n| Mark {
        start: n.byte_span.start,
        end: n.byte_span.end,
        open: Open::NonSpeech(&n.reason),
    }));
    let body = DocumentBody {
        id: &doc.id,
        meta: META_FIELDS
            .iter()
            .filter_map(|f| Some((*f, meta_text(doc.meta.as_ref(), f)?)))
            .collect(),
        count: plural(doc.quotes.len(), "quote"),
        speakers: &doc.speakers,
        unattributed,
        non_speech: non_speech.len(),
        pieces: highlight(text, marks),
    };
    Section {
        body: render(&body),
        entry,
    }
}

/// Renders a document that could not be read: its id and the error.
pub fn failed_section(id: &str, error: &Error) -> Section {
    let message = format!("{}: {}", error.kind.as_str(), error.message);
    let body = render(&FailedBody {
        id,
        message: &message,
    });
    Section {
        body,
        entry: IndexEntry {
            id: id.to_string(),
            title: None,
            quotes: 0,
            unattributed: 0,
            non_speech: 0,
            speakers: Vec::new(),
            error: Some(message),
        },
    }
}

/// A template rendered into a string. Rendering into a string fails only if a value's
/// `Display` fails, and none of ours does.
fn render(template: &impl Template) -> String {
    template
        .render()
        .expect("the report's values always display")
}

/// The start of the page (`templates/report/head.html`).
#[derive(Template)]
#[template(path = "report/head.html")]
struct Head {
    error_catcher: &'static str,
    style: &'static str,
}

/// A document's place on the page around its body (`templates/report/section.html`).
#[derive(Template)]
#[template(path = "report/section.html")]
struct Placed<'a> {
    /// The document's number on the page, from 1.
    n: usize,
    failed: bool,
    body: &'a str,
}

/// The index and the end of the page (`templates/report/index.html`).
#[derive(Template)]
#[template(path = "report/index.html")]
struct Index<'a> {
    /// "N documents".
    documents: String,
    /// "N quotes".
    quotes: String,
    failed: usize,
    entries: &'a [IndexEntry],
    script: &'static str,
}

impl Index<'_> {
    fn hue(&self, name: &str) -> u64 {
        speaker_hue(name)
    }
}

/// Writes a report page: [`Report::new`] writes the page's head, [`Report::add`] each
/// document in order, [`Report::finish`] the index and the end of the page.
pub struct Report<W: Write> {
    out: W,
    entries: Vec<IndexEntry>,
}

impl<W: Write> Report<W> {
    /// Starts a page on `out`.
    pub fn new(mut out: W) -> io::Result<Self> {
        Head {
            error_catcher: ERROR_CATCHER,
            style: STYLE,
        }
        .write_into(&mut out)?;
        Ok(Report {
            out,
            entries: Vec::new(),
        })
    }

    /// Writes the next document's section.
    pub fn add(&mut self, section: Section) -> io::Result<()> {
        Placed {
            n: self.entries.len() + 1,
            failed: section.entry.error.is_some(),
            body: &section.body,
        }
        .write_into(&mut self.out)?;
        self.entries.push(section.entry);
        Ok(())
    }

    /// Writes the index and the end of the page, and hands back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        let quotes: usize = self.entries.iter().map(|e| e.quotes).sum();
        Index {
            documents: plural(self.entries.len(), "document"),
            quotes: plural(quotes, "quote"),
            failed: self.entries.iter().filter(|e| e.error.is_some()).count(),
            entries: &self.entries,
            script: SCRIPT,
        }
        .write_into(&mut self.out)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A highlight labelled `label`, shown by [`shown`] as `<label>…</>`.
    fn mark(start: usize, end: usize, label: &'static str) -> Mark<'static> {
        Mark {
            start,
            end,
            open: Open::NonSpeech(label),
        }
    }

    fn shown(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(text) => text.to_string(),
                Piece::NonSpeech(label) => format!("<{label}>"),
                Piece::Quote(q) => format!("<q{}>", q.number),
                Piece::End(_) => "</>".to_string(),
            })
            .collect()
    }

    #[test]
    fn marks_nest_and_crossing_ones_are_cut() {
        let text = "0123456789";
        assert_eq!(
            shown(&highlight(text, vec![mark(2, 8, "a"), mark(4, 6, "b")])),
            "01<a>23<b>45</>67</>89"
        );
        assert_eq!(
            shown(&highlight(text, vec![mark(2, 5, "a"), mark(4, 8, "b")])),
            "01<a>23<b>4</></>56789"
        );
        assert_eq!(
            shown(&highlight(
                text,
                vec![mark(1, 2, "a"), mark(5, 5, "b"), mark(12, 13, "c")]
            )),
            "0<a>1</>234<b></>56789"
        );
    }

    #[test]
    fn marks_off_character_boundaries_are_left_out() {
        let text = "é“x”";
        assert_eq!(
            shown(&highlight(text, vec![mark(1, 4, "a"), mark(2, 6, "b")])),
            "é<b>“x</>”"
        );
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let text = "“Fish & <b>chips</b>,” said O'Brien \"Bob\" Smith.";
        let doc = crate::extract(
            "<script>x</script>",
            text,
            &crate::Config {
                explain: true,
                ..crate::Config::default()
            },
        );
        let html = document_section(&doc, text).body;
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>chips"), "{html}");
        assert!(
            html.contains("Fish &#38; &#60;b&#62;chips&#60;/b&#62;,"),
            "{html}"
        );
        assert!(html.contains("” said O&#39;Brien &#34;<mark"), "{html}");
        assert!(html.contains("data-speaker=\"O&#39;Brien\""), "{html}");
        assert!(
            html.contains("<h2>&#60;script&#62;x&#60;/script&#62;</h2>"),
            "{html}"
        );
    }
}
