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

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::input::Error;
use crate::output::formats::{meta_text, stable_hash, META_FIELDS};
use crate::output::{Document, Quote};

/// The page's stylesheet, also used by other pages that show [`Section`]s.
pub const STYLE: &str = include_str!("report.css");
/// The page's script (quote panel, routing, filter), also used by other pages that show
/// [`Section`]s: it expects the elements `#info` (with `#info-close` and a `dl`) and
/// `#filter`.
pub const SCRIPT: &str = include_str!("report.js");
/// Runs before anything else on the page: any script error is recorded on the root element
/// (`data-js-errors`), where a reader or a headless-browser test can see it.
pub const ERROR_CATCHER: &str = include_str!("errors.js");

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

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

/// A highlight to place in the text: a quote or a non-speech passage, on byte offsets.
struct Mark {
    start: usize,
    end: usize,
    open: String,
    close: &'static str,
}

/// Appends ` data-NAME="VALUE"`, the value escaped.
fn push_attr(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " data-{name}=\"");
    escape_into(out, value);
    out.push('"');
}

/// The highlight of quote number `number` (from 1) of its document.
fn quote_mark(number: usize, q: &Quote) -> Mark {
    let mut open = String::from("<mark class=\"q k-");
    open.push_str(q.kind.as_str());
    let (who, hue) = match &q.speaker {
        Some(s) => (s.name.as_str(), Some(speaker_hue(&s.name))),
        None => ("unattributed", None),
    };
    match hue {
        Some(h) => {
            let _ = write!(open, "\" style=\"--h:{h}\"");
        }
        None => open.push_str(" none\""),
    }
    let mut title = format!("{who} — {}", q.kind.as_str());
    push_attr(&mut open, "kind", q.kind.as_str());
    if let Some(s) = &q.speaker {
        push_attr(&mut open, "speaker", &s.name);
        push_attr(&mut open, "mention", &s.mention);
    }
    if let Some(rule) = &q.rule {
        push_attr(&mut open, "rule", rule);
        let _ = write!(title, ", rule {rule}");
    }
    if let Some(cue) = &q.cue {
        push_attr(&mut open, "cue", &cue.text);
        let _ = write!(title, ", cue “{}”", cue.text);
    }
    let confidence = q.confidence.to_string();
    push_attr(&mut open, "conf", &confidence);
    push_attr(&mut open, "i", &number.to_string());
    let _ = write!(title, ", confidence {confidence}");
    open.push_str(" title=\"");
    escape_into(&mut open, &title);
    open.push_str("\"><span class=\"who\">");
    escape_into(&mut open, who);
    open.push_str("</span>");
    Mark {
        start: q.byte_span.start,
        end: q.byte_span.end,
        open,
        close: "</mark>",
    }
}

/// The text with its marks as HTML. Marks nest; one that crosses the end of the mark it
/// starts in is cut at that end, so the HTML stays well formed. Marks whose offsets are not
/// on character boundaries of `text` are left out rather than trusted.
fn highlight(text: &str, mut marks: Vec<Mark>) -> String {
    marks.retain(|m| {
        m.start <= m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end)
    });
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out = String::with_capacity(text.len() * 5 / 4 + marks.len() * 200);
    let mut open: Vec<(usize, &'static str)> = Vec::new();
    let mut pos = 0;
    for m in &marks {
        while let Some(&(end, close)) = open.last() {
            if end > m.start {
                break;
            }
            escape_into(&mut out, &text[pos..end]);
            out.push_str(close);
            pos = end;
            open.pop();
        }
        escape_into(&mut out, &text[pos..m.start]);
        pos = m.start;
        let end = open.last().map_or(m.end, |&(outer, _)| m.end.min(outer));
        out.push_str(&m.open);
        open.push((end, m.close));
    }
    while let Some((end, close)) = open.pop() {
        escape_into(&mut out, &text[pos..end]);
        out.push_str(close);
        pos = end;
    }
    escape_into(&mut out, &text[pos..]);
    out
}

fn speaker_chip(out: &mut String, name: &str, count: usize) {
    let _ = write!(
        out,
        "<span class=\"chip\" style=\"--h:{}\">{} <b>{count}</b></span>",
        speaker_hue(name),
        escape(name)
    );
}

fn unattributed_chip(out: &mut String, count: usize) {
    if count > 0 {
        let _ = write!(
            out,
            "<span class=\"chip none\">unattributed <b>{count}</b></span>"
        );
    }
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

    let mut body = String::new();
    let _ = write!(body, "<h2>{}</h2>", escape(&doc.id));
    let meta: Vec<(&str, String)> = META_FIELDS
        .iter()
        .filter_map(|f| Some((*f, meta_text(doc.meta.as_ref(), f)?)))
        .collect();
    if !meta.is_empty() {
        body.push_str("<dl class=\"meta\">");
        for (field, value) in meta {
            let _ = write!(body, "<dt>{field}</dt><dd>{}</dd>", escape(&value));
        }
        body.push_str("</dl>");
    }
    body.push_str("<p class=\"legend\">");
    let _ = write!(
        body,
        "<span class=\"count\">{}</span> ",
        plural(doc.quotes.len(), "quote")
    );
    for s in &doc.speakers {
        speaker_chip(&mut body, &s.name, s.quotes);
    }
    unattributed_chip(&mut body, unattributed);
    if !non_speech.is_empty() {
        let _ = write!(
            body,
            "<span class=\"chip ns\">not speech <b>{}</b></span>",
            non_speech.len()
        );
    }
    body.push_str("</p>");

    let mut marks: Vec<Mark> = doc
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| quote_mark(i + 1, q))
        .collect();
    marks.extend(non_speech.iter().map(|n| {
        let mut open = String::from("<span class=\"ns\" title=\"not speech: ");
        escape_into(&mut open, &n.reason);
        open.push_str("\">");
        Mark {
            start: n.byte_span.start,
            end: n.byte_span.end,
            open,
            close: "</span>",
        }
    }));
    body.push_str("<div class=\"text\">");
    body.push_str(&highlight(text, marks));
    body.push_str("</div>");
    Section { body, entry }
}

/// Renders a document that could not be read: its id and the error.
pub fn failed_section(id: &str, error: &Error) -> Section {
    let message = format!("{}: {}", error.kind.as_str(), error.message);
    let body = format!(
        "<h2>{}</h2><p class=\"error\">{}</p>",
        escape(id),
        escape(&message)
    );
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

/// Writes a report page: [`Report::new`] writes the page's head, [`Report::add`] each
/// document in order, [`Report::finish`] the index and the end of the page.
pub struct Report<W: Write> {
    out: W,
    entries: Vec<IndexEntry>,
}

impl<W: Write> Report<W> {
    /// Starts a page on `out`.
    pub fn new(mut out: W) -> io::Result<Self> {
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
             <title>whosaid report</title>\n<script>{ERROR_CATCHER}</script>\n\
             <style>{STYLE}</style>\n</head>\n<body>\n<div id=\"page\">\n<main id=\"docs\">\n"
        )?;
        Ok(Report {
            out,
            entries: Vec::new(),
        })
    }

    /// Writes the next document's section.
    pub fn add(&mut self, section: Section) -> io::Result<()> {
        let n = self.entries.len() + 1;
        let class = if section.entry.error.is_some() {
            "doc failed"
        } else {
            "doc"
        };
        write!(
            self.out,
            "<section class=\"{class}\" id=\"d{n}\"><nav><a href=\"#\">↑ index</a> \
             <a class=\"prev\" href=\"#d{}\">← previous</a> \
             <a class=\"next\" href=\"#d{}\">next →</a> <span class=\"pos\">{n}</span></nav>",
            n - 1,
            n + 1
        )?;
        self.out.write_all(section.body.as_bytes())?;
        self.out.write_all(b"</section>\n")?;
        self.entries.push(section.entry);
        Ok(())
    }

    /// Writes the index and the end of the page, and hands back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        let docs = self.entries.len();
        let quotes: usize = self.entries.iter().map(|e| e.quotes).sum();
        let failed = self.entries.iter().filter(|e| e.error.is_some()).count();
        let mut html = String::from("</main>\n<section id=\"index\"><h1>whosaid report</h1>");
        let _ = write!(
            html,
            "<p class=\"totals\">{} · {}{}</p>\
             <p><input id=\"filter\" type=\"search\" placeholder=\"filter by document, title or speaker\" \
             aria-label=\"filter\"></p><table><thead><tr><th>#</th><th>document</th>\
             <th>quotes</th><th>speakers</th><th>not speech</th></tr></thead><tbody>",
            plural(docs, "document"),
            plural(quotes, "quote"),
            if failed > 0 {
                format!(" · <span class=\"error\">{failed} failed</span>")
            } else {
                String::new()
            }
        );
        for (i, e) in self.entries.iter().enumerate() {
            let _ = write!(
                html,
                "<tr><td>{}</td><td><a href=\"#d{}\">{}</a>",
                i + 1,
                i + 1,
                escape(&e.id)
            );
            if let Some(title) = &e.title {
                let _ = write!(html, "<div class=\"title\">{}</div>", escape(title));
            }
            html.push_str("</td>");
            match &e.error {
                Some(message) => {
                    let _ = write!(
                        html,
                        "<td colspan=\"3\" class=\"error\">{}</td>",
                        escape(message)
                    );
                }
                None => {
                    let _ = write!(html, "<td>{}</td><td>", e.quotes);
                    for (name, count) in &e.speakers {
                        speaker_chip(&mut html, name, *count);
                    }
                    unattributed_chip(&mut html, e.unattributed);
                    let _ = write!(html, "</td><td>{}</td>", e.non_speech);
                }
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody></table></section>\n</div>\n");
        html.push_str(
            "<aside id=\"info\" hidden><button type=\"button\" id=\"info-close\" \
             aria-label=\"close\">×</button><dl></dl></aside>\n",
        );
        let _ = write!(html, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
        self.out.write_all(html.as_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, tag: &'static str) -> Mark {
        Mark {
            start,
            end,
            open: format!("<{tag}>"),
            close: match tag {
                "a" => "</a>",
                "b" => "</b>",
                _ => "</c>",
            },
        }
    }

    #[test]
    fn marks_nest_and_crossing_ones_are_cut() {
        let text = "0123456789";
        assert_eq!(
            highlight(text, vec![mark(2, 8, "a"), mark(4, 6, "b")]),
            "01<a>23<b>45</b>67</a>89"
        );
        assert_eq!(
            highlight(text, vec![mark(2, 5, "a"), mark(4, 8, "b")]),
            "01<a>23<b>4</b></a>56789"
        );
        assert_eq!(
            highlight(
                text,
                vec![mark(1, 2, "a"), mark(5, 5, "b"), mark(12, 13, "c")]
            ),
            "0<a>1</a>234<b></b>56789"
        );
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let doc = crate::extract(
            "<script>x</script>",
            "“Fish & <b>chips</b>,” said O'Brien \"Bob\" Smith.",
            &crate::Config {
                explain: true,
                ..crate::Config::default()
            },
        );
        let html =
            document_section(&doc, "“Fish & <b>chips</b>,” said O'Brien \"Bob\" Smith.").body;
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>chips"), "{html}");
        assert!(
            html.contains("Fish &amp; &lt;b&gt;chips&lt;/b&gt;,"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
    }
}
