//! JSON Lines export, in two views: one line per quotation (default) or one per document.

use std::io::Write;

use serde_json::{json, Map, Value};

use rusqlite::params;

use super::{Database, Result};

/// Most occurrences listed on one quotation's line: a quotation repeated in thousands of
/// articles would otherwise make a line of megabytes. The line says how many it leaves out
/// (`occurrences_omitted`); the documents view lists every occurrence.
pub const MAX_EXPORT_OCCURRENCES: usize = 20;

/// Most document ids listed on one quotation's line (`documents_omitted` counts the rest).
pub const MAX_EXPORT_DOCUMENTS: usize = 100;

/// What one exported line stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// One line per quotation: text, whether it is verbatim or a report and its class, top
    /// speaker, speaker distribution with evidence, its first occurrences and document ids
    /// (at most [`MAX_EXPORT_OCCURRENCES`] and [`MAX_EXPORT_DOCUMENTS`]).
    Quotations,
    /// One line per document: its id, metadata and occurrences with their quotation ids.
    Documents,
}

fn occurrence(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, i64>("id")?,
        "document": r.get::<_, String>("document")?,
        "quotation": r.get::<_, Option<i64>>("quotation")?,
        "text": r.get::<_, String>("text")?,
        "kind": r.get::<_, String>("kind")?,
        "span": {"start": r.get::<_, i64>("start")?, "end": r.get::<_, i64>("end")?},
        "byte_span": {"start": r.get::<_, i64>("byte_start")?, "end": r.get::<_, i64>("byte_end")?},
        "speaker": r.get::<_, Option<String>>("speaker")?,
        "mention": r.get::<_, Option<String>>("mention")?,
        "cue": r.get::<_, Option<String>>("cue")?,
        "rule": r.get::<_, Option<String>>("rule")?,
        "confidence": r.get::<_, f64>("confidence")?,
        "class": r.get::<_, Option<String>>("class")?,
        "lead": r.get::<_, Option<String>>("lead")?,
    }))
}

const OCCURRENCE_COLUMNS: &str = "o.id, d.id AS document, p.quotation, o.text, o.kind, o.start, \
     o.end, o.byte_start, o.byte_end, o.speaker, o.mention, o.cue, o.rule, o.confidence, \
     o.class, o.lead";

impl Database {
    /// Writes the database as JSON Lines in the given view; returns the number of lines.
    pub fn export(&self, view: View, out: &mut impl Write) -> Result<usize> {
        match view {
            View::Quotations => self.export_quotations(out),
            View::Documents => self.export_documents(out),
        }
    }

    fn export_quotations(&self, out: &mut impl Write) -> Result<usize> {
        let mut quotations = self.conn.prepare(
            "SELECT id, text, top_speaker, top_weight, occurrences, documents, first_date, \
             last_date, verbatim, class FROM quotations ORDER BY id",
        )?;
        let mut speakers = self.conn.prepare(
            "SELECT speaker, weight, evidence FROM quotation_speakers WHERE quotation = ?1 \
             ORDER BY weight DESC, speaker",
        )?;
        let mut occurrences = self.conn.prepare(&format!(
            "SELECT {OCCURRENCE_COLUMNS} FROM placements p \
             JOIN occurrences o ON o.id = p.occurrence JOIN documents d ON d.doc = o.doc \
             WHERE p.quotation = ?1 ORDER BY o.id LIMIT ?2"
        ))?;
        let mut documents = self.conn.prepare(
            "SELECT d.id FROM documents d WHERE d.doc IN (SELECT o.doc FROM placements p \
             JOIN occurrences o ON o.id = p.occurrence WHERE p.quotation = ?1) \
             ORDER BY d.doc LIMIT ?2",
        )?;
        let mut rows = quotations.query([])?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let mut dist = Vec::new();
            let mut srows = speakers.query([id])?;
            while let Some(s) = srows.next()? {
                let evidence: Value = serde_json::from_str(&s.get::<_, String>(2)?)?;
                dist.push(json!({
                    "name": s.get::<_, String>(0)?,
                    "weight": s.get::<_, f64>(1)?,
                    "evidence": evidence,
                }));
            }
            let occ: Vec<Value> = occurrences
                .query_map(params![id, MAX_EXPORT_OCCURRENCES], occurrence)?
                .collect::<rusqlite::Result<_>>()?;
            let docs: Vec<String> = documents
                .query_map(params![id, MAX_EXPORT_DOCUMENTS], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let occurrence_count: i64 = r.get(4)?;
            let document_count: i64 = r.get(5)?;
            let line = json!({
                "id": id,
                "text": r.get::<_, String>(1)?,
                "verbatim": r.get::<_, bool>(8)?,
                "class": r.get::<_, Option<String>>(9)?,
                "speaker": r.get::<_, Option<String>>(2)?,
                "speaker_weight": r.get::<_, Option<f64>>(3)?,
                "speakers": dist,
                "occurrence_count": occurrence_count,
                "document_count": document_count,
                "first_date": r.get::<_, Option<String>>(6)?,
                "last_date": r.get::<_, Option<String>>(7)?,
                "documents_omitted": (document_count - docs.len() as i64).max(0),
                "documents": docs,
                "occurrences_omitted": (occurrence_count - occ.len() as i64).max(0),
                "occurrences": occ,
            });
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")?;
            n += 1;
        }
        Ok(n)
    }

    fn export_documents(&self, out: &mut impl Write) -> Result<usize> {
        let mut documents = self
            .conn
            .prepare("SELECT doc, id, hash, meta, settings FROM documents ORDER BY doc")?;
        let mut occurrences = self.conn.prepare(&format!(
            "SELECT {OCCURRENCE_COLUMNS} FROM occurrences o JOIN documents d ON d.doc = o.doc \
             LEFT JOIN placements p ON p.occurrence = o.id WHERE o.doc = ?1 ORDER BY o.ord"
        ))?;
        let mut rows = documents.query([])?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let doc: i64 = r.get(0)?;
            let meta: Option<String> = r.get(3)?;
            let meta: Option<Map<String, Value>> =
                meta.map(|m| serde_json::from_str(&m)).transpose()?;
            let occ: Vec<Value> = occurrences
                .query_map([doc], occurrence)?
                .collect::<rusqlite::Result<_>>()?;
            let mut line = json!({
                "id": r.get::<_, String>(1)?,
                "hash": r.get::<_, String>(2)?,
                "settings": r.get::<_, Option<String>>(4)?,
            });
            if let (Some(meta), Some(obj)) = (meta, line.as_object_mut()) {
                obj.insert("meta".into(), Value::Object(meta));
            }
            if let Some(obj) = line.as_object_mut() {
                obj.insert("quotes".into(), Value::Array(occ));
            }
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")?;
            n += 1;
        }
        let mut failures = self
            .conn
            .prepare("SELECT id, kind, message FROM failures ORDER BY id")?;
        let mut rows = failures.query([])?;
        while let Some(r) = rows.next()? {
            let line = json!({
                "id": r.get::<_, String>(0)?,
                "error": {"kind": r.get::<_, String>(1)?, "message": r.get::<_, String>(2)?},
            });
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")?;
            n += 1;
        }
        Ok(n)
    }
}
