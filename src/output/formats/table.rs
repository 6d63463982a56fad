//! CSV and TSV: a header row, then one row per quote, quoted as RFC 4180 says (by the `csv`
//! crate; TSV is the same with a tab as the delimiter).
//!
//! A cell that a spreadsheet would read as a formula (one starting with `=`, `+`, `-`, `@`, a
//! tab or a carriage return) is written with a leading `'`, as OWASP recommends against CSV
//! injection, unless the caller asks for raw cells.
//!
//! A document with no quotes gives no rows. A document that could not be read gives one row
//! with its id and the `error` column filled in, so it does not vanish from the table.

use crate::input::Error;
use crate::output::Document;

use super::{meta_text, META_FIELDS};

/// The columns, in order: the quote's fields (`start` and `end` in code points), the
/// metadata fields of [`META_FIELDS`], and `error` (`kind: message` for a failed document).
pub const COLUMNS: [&str; 15] = [
    "id",
    "quote",
    "kind",
    "speaker",
    "cue",
    "rule",
    "confidence",
    "start",
    "end",
    "url",
    "title",
    "date",
    "author",
    "source",
    "error",
];

/// Field delimiter of CSV.
pub const CSV: u8 = b',';
/// Field delimiter of TSV.
pub const TSV: u8 = b'\t';

fn writer(delimiter: u8) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new())
}

/// How cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cells {
    /// A cell a spreadsheet would run as a formula gets a leading `'`.
    Neutralised,
    /// Every cell as it is.
    Raw,
}

/// `cell`, with a leading `'` when a spreadsheet would read it as a formula.
fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Writes `rows` with `delimiter`; each row ends with `\n`.
fn render<'r, R, I>(delimiter: u8, cells: Cells, rows: R) -> String
where
    R: IntoIterator<Item = I>,
    I: IntoIterator<Item = &'r str>,
{
    let mut w = writer(delimiter);
    for row in rows {
        let row = row.into_iter().map(|cell| match cells {
            Cells::Neutralised => neutralised(cell),
            Cells::Raw => cell.into(),
        });
        // Writing into a Vec cannot fail: csv reports only I/O errors of its writer.
        if w.write_record(row.map(|c| c.into_owned())).is_err() {
            break;
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    // Every field is a &str, so the bytes are UTF-8.
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The header row, with its line end.
pub fn header(delimiter: u8) -> String {
    render(delimiter, Cells::Raw, [COLUMNS])
}

/// One row per quote of `doc`, each with its line end; empty for a document without quotes.
pub fn rows(doc: &Document, delimiter: u8, cells: Cells) -> String {
    let meta: Vec<String> = META_FIELDS
        .iter()
        .map(|f| meta_text(doc.meta.as_ref(), f).unwrap_or_default())
        .collect();
    let records: Vec<[String; 15]> = doc
        .quotes
        .iter()
        .map(|q| {
            [
                doc.id.clone(),
                q.text.clone(),
                q.kind.as_str().to_string(),
                q.speaker
                    .as_ref()
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
                q.rule.clone().unwrap_or_default(),
                q.confidence.to_string(),
                q.span.start.to_string(),
                q.span.end.to_string(),
                meta[0].clone(),
                meta[1].clone(),
                meta[2].clone(),
                meta[3].clone(),
                meta[4].clone(),
                String::new(),
            ]
        })
        .collect();
    render(
        delimiter,
        cells,
        records.iter().map(|r| r.iter().map(String::as_str)),
    )
}

/// The row that stands for a document that could not be read: its id and, in the `error`
/// column, `kind: message`.
pub fn error_row(id: &str, error: &Error, delimiter: u8, cells: Cells) -> String {
    let message = format!("{}: {}", error.kind.as_str(), error.message);
    let mut row = [""; 15];
    row[0] = id;
    row[14] = &message;
    render(delimiter, cells, [row])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lists_the_columns_once() {
        assert_eq!(
            header(CSV),
            "id,quote,kind,speaker,cue,rule,confidence,start,end,url,title,date,author,source,error\n"
        );
        assert!(header(TSV).starts_with("id\tquote\tkind\t"));
    }

    #[test]
    fn fields_with_delimiters_quotes_and_newlines_are_quoted() {
        let doc = crate::extract(
            "a,\"b\"\nc",
            "“Yes, maybe,” Smith said.",
            &Default::default(),
        );
        assert_eq!(
            rows(&doc, CSV, Cells::Neutralised),
            "\"a,\"\"b\"\"\nc\",\"Yes, maybe,\",direct,Smith,said,ATT001,0.95,1,12,,,,,,\n"
        );
        assert_eq!(
            rows(&doc, TSV, Cells::Neutralised),
            "\"a,\"\"b\"\"\nc\"\tYes, maybe,\tdirect\tSmith\tsaid\tATT001\t0.95\t1\t12\t\t\t\t\t\t\n"
        );
    }

    #[test]
    fn formula_cells_are_neutralised_unless_raw() {
        // guards: a quote, id or metadata field starting with `=` ran as a formula in a
        // spreadsheet (CSV injection).
        let mut doc = crate::extract(
            "=HYPERLINK(\"http://x\")",
            "“=1+2” Smith said. “@SUM(A1)” Smith said. “-3” Smith said. “+4” Smith said.",
            &Default::default(),
        );
        let mut meta = serde_json::Map::new();
        meta.insert("author".into(), "\tTab".into());
        meta.insert("url".into(), "=cmd|' /C calc'!A0".into());
        doc.meta = Some(meta);
        let safe = rows(&doc, CSV, Cells::Neutralised);
        let cells: Vec<Vec<String>> =
            csv::Reader::from_reader(format!("{}{safe}", header(CSV)).as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(str::to_string).collect())
                .collect();
        assert_eq!(cells.len(), 4, "{safe}");
        let quotes: Vec<&str> = cells.iter().map(|r| r[1].as_str()).collect();
        assert_eq!(quotes, ["'=1+2", "'@SUM(A1)", "'-3", "'+4"]);
        for row in &cells {
            assert_eq!(row[0], "'=HYPERLINK(\"http://x\")");
            assert_eq!(row[9], "'=cmd|' /C calc'!A0");
            assert_eq!(row[12], "'\tTab");
            assert_eq!(row[3], "Smith");
        }
        let raw = rows(&doc, TSV, Cells::Raw);
        assert!(
            raw.starts_with("\"=HYPERLINK(\"\"http://x\"\")\"\t=1+2\t"),
            "{raw}"
        );
        let error = Error::new(crate::input::ErrorKind::Binary, "-x: NUL byte at 3");
        assert_eq!(
            error_row("-x", &error, CSV, Cells::Neutralised),
            "'-x,,,,,,,,,,,,,,binary: -x: NUL byte at 3\n"
        );
    }

    #[test]
    fn failed_documents_keep_a_row() {
        let error = Error::new(crate::input::ErrorKind::Binary, "x.txt: NUL byte at 3");
        assert_eq!(
            error_row("x.txt", &error, CSV, Cells::Neutralised),
            "x.txt,,,,,,,,,,,,,,binary: x.txt: NUL byte at 3\n"
        );
    }
}
