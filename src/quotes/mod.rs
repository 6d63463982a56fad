//! Quoted passages: finding quote marks and pairing them.
//!
//! Marks are paired by type (“…”, ‘…’, "…", '…', «…», „…“), never by counting. Hands on every
//! quoted passage with the byte ranges of its marks and content, its nesting depth and the
//! passage that encloses it.
//!
//! PLACEHOLDER: pairs curly and straight double quotes only; the full scanner replaces this.

use std::ops::Range;

/// The family of marks a passage was opened with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkStyle {
    /// “…” (and the mis-typed ”…”).
    CurlyDouble,
    /// ‘…’.
    CurlySingle,
    /// "…".
    StraightDouble,
    /// '…'.
    StraightSingle,
    /// «…» or »…«.
    Guillemet,
    /// „…“ or „…”.
    LowDouble,
}

/// One quoted passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedPassage {
    /// Byte range of the opening mark.
    pub open: Range<usize>,
    /// Byte range of the closing mark; `None` when the passage was never closed and was
    /// recovered by ending it at the end of its paragraph.
    pub close: Option<Range<usize>>,
    /// Byte range of the content between the marks (for a multi-paragraph quote, from the
    /// first opening mark to the final closing mark, inner paragraph marks included).
    pub content: Range<usize>,
    /// Which marks opened it.
    pub style: MarkStyle,
    /// 0 for a top-level passage, 1 inside another passage, and so on.
    pub depth: usize,
    /// Index (in the returned list) of the passage that encloses this one.
    pub parent: Option<usize>,
    /// Number of paragraphs the passage runs over (1 for most).
    pub paragraphs: usize,
}

/// Finds every quoted passage in `text`, ordered by the start of the opening mark.
pub fn scan(text: &str) -> Vec<QuotedPassage> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“') | (None, '"') => open = Some((i, c)),
            (Some((start, '“')), '”') | (Some((start, '"')), '"') => {
                let ol = if text[start..].starts_with('"') { 1 } else { 3 };
                out.push(QuotedPassage {
                    open: start..start + ol,
                    close: Some(i..i + c.len_utf8()),
                    content: start + ol..i,
                    style: if ol == 1 {
                        MarkStyle::StraightDouble
                    } else {
                        MarkStyle::CurlyDouble
                    },
                    depth: 0,
                    parent: None,
                    paragraphs: 1,
                });
                open = None;
            }
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}
