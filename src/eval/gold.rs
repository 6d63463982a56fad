//! Reading the gold JSONL format and JSONL extraction output.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Error;
use crate::output::{Document, QuoteKind, Span};
use crate::quotes::is_quote_mark;

/// One annotated document.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldDoc {
    /// The document id, matched against the `id` of predictions.
    pub id: String,
    /// The whole document text.
    pub text: String,
    /// The annotated passages, speech and non-speech, in file order; kinds to ignore are dropped.
    pub quotes: Vec<GoldQuote>,
}

/// What a gold passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldKind {
    /// Reported speech of this kind (PolNeAR's `mixed` is [`QuoteKind::Partial`]).
    Speech(QuoteKind),
    /// A quoted passage that is not speech; reporting it is an error.
    NonSpeech,
}

/// One annotated passage.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldQuote {
    /// Code-point span into the document text.
    pub span: Span,
    /// Speech of some kind, or not speech.
    pub kind: GoldKind,
    /// Accepted speaker names; empty when the passage has no speaker.
    pub speakers: Vec<String>,
    /// Where the speaker is mentioned in the text.
    pub speaker_spans: Vec<Span>,
    /// Finding it is fine, missing it is not an error.
    pub optional: bool,
}

impl GoldQuote {
    /// Whether the gold says who the speaker is, by name or by position.
    pub fn has_speaker(&self) -> bool {
        !self.speakers.is_empty() || !self.speaker_spans.is_empty()
    }
}

#[derive(Deserialize)]
struct RawDoc {
    id: String,
    /// Absent where the texts are kept apart from the annotations ([`read_texts`]).
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    quotes: Vec<RawQuote>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawSpeaker {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
struct RawQuote {
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
    kind: String,
    #[serde(default)]
    speaker: Option<RawSpeaker>,
    #[serde(default)]
    speaker_spans: Vec<[usize; 2]>,
    #[serde(default)]
    optional: bool,
}

/// Document texts by id, for gold files that hold annotations only (their texts are not
/// the annotators' to copy): `whosaid eval --texts`.
pub type Texts = HashMap<String, String>;

/// Parses one gold record. The error message does not name the file; [`read_gold`] adds that.
pub fn parse_gold_line(line: &str) -> Result<GoldDoc, String> {
    parse_gold_line_with(line, &Texts::new())
}

/// Parses one gold record whose text may be left out and found in `texts` by its id.
pub fn parse_gold_line_with(line: &str, texts: &Texts) -> Result<GoldDoc, String> {
    let raw: RawDoc = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let text = match raw.text {
        Some(text) => text,
        None => texts.get(&raw.id).cloned().ok_or_else(|| {
            format!(
                "document {:?} has no \"text\" and no --texts file gives one",
                raw.id
            )
        })?,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut quotes = Vec::with_capacity(raw.quotes.len());
    for (i, q) in raw.quotes.into_iter().enumerate() {
        let kind = match q.kind.as_str() {
            "direct" => GoldKind::Speech(QuoteKind::Direct),
            "partial" | "mixed" => GoldKind::Speech(QuoteKind::Partial),
            "indirect" => GoldKind::Speech(QuoteKind::Indirect),
            "none" => GoldKind::NonSpeech,
            // The format says to ignore any other kind (PolNeAR's `other`).
            _ => continue,
        };
        if q.start > q.end || q.end > chars.len() {
            return Err(format!(
                "quote {i}: span {}..{} is outside the text ({} code points)",
                q.start,
                q.end,
                chars.len()
            ));
        }
        // A mismatch here almost always means byte offsets where code points were expected.
        if let Some(t) = &q.text {
            if !chars[q.start..q.end].iter().copied().eq(t.chars()) {
                return Err(format!(
                    "quote {i}: \"text\" differs from the text at {}..{}",
                    q.start, q.end
                ));
            }
        }
        let (mut start, mut end) = (q.start, q.end);
        if matches!(
            kind,
            GoldKind::Speech(QuoteKind::Direct) | GoldKind::Speech(QuoteKind::Partial)
        ) {
            if start < end && is_quote_mark(chars[start]) {
                start += 1;
            }
            if start < end && is_quote_mark(chars[end - 1]) {
                end -= 1;
            }
        }
        let speakers = match q.speaker {
            None => Vec::new(),
            Some(RawSpeaker::One(s)) => vec![s],
            Some(RawSpeaker::Many(v)) => v,
        };
        let speakers = speakers
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect();
        let speaker_spans = q
            .speaker_spans
            .iter()
            .map(|&[s, e]| Span { start: s, end: e })
            .collect();
        quotes.push(GoldQuote {
            span: Span { start, end },
            kind,
            speakers,
            speaker_spans,
            optional: q.optional,
        });
    }
    Ok(GoldDoc {
        id: raw.id,
        text,
        quotes,
    })
}

/// Reads a JSONL file, one record per non-blank line, rejecting repeated ids.
fn read_jsonl<T>(
    path: &Path,
    parse: impl Fn(&str) -> Result<T, String>,
    id_of: impl Fn(&T) -> &str,
) -> Result<Vec<T>, Error> {
    let io_err = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_err)?;
    let reader = std::io::BufReader::new(file);
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(io_err)?;
        if line.trim().is_empty() {
            continue;
        }
        let record = parse(&line).map_err(|message| Error::Parse {
            path: PathBuf::from(path),
            line: n + 1,
            message,
        })?;
        if !seen.insert(id_of(&record).to_string()) {
            return Err(Error::DuplicateId {
                path: path.to_path_buf(),
                line: n + 1,
                id: id_of(&record).to_string(),
            });
        }
        out.push(record);
    }
    Ok(out)
}

/// Reads a gold JSONL file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, Error> {
    read_gold_with(path, &Texts::new())
}

/// Reads a gold JSONL file whose records may leave out their text, found in `texts`.
pub fn read_gold_with(path: &Path, texts: &Texts) -> Result<Vec<GoldDoc>, Error> {
    read_jsonl(path, |line| parse_gold_line_with(line, texts), |d| &d.id)
}

#[derive(Deserialize)]
struct TextRecord {
    id: String,
    text: String,
}

/// Reads the texts of a JSON Lines file of `{"id", "text", …}` records (other fields are
/// ignored), by id, into `texts`.
pub fn read_texts(path: &Path, texts: &mut Texts) -> Result<(), Error> {
    let records = read_jsonl(
        path,
        |line| serde_json::from_str::<TextRecord>(line).map_err(|e| e.to_string()),
        |r| &r.id,
    )?;
    texts.extend(records.into_iter().map(|r| (r.id, r.text)));
    Ok(())
}

/// Reads JSONL extraction output (one [`Document`] per line), as `whosaid extract` prints it.
pub fn read_documents(path: &Path) -> Result<Vec<Document>, Error> {
    read_jsonl(
        path,
        |line| serde_json::from_str::<Document>(line).map_err(|e| e.to_string()),
        |d| &d.id,
    )
}
