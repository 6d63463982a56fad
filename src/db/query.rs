//! Reading the database: full-text search over quotations, a speaker's quotations, counts.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::normalise::{normalise, tokens};
use super::{Database, Result};

/// Most source documents listed with a quotation.
pub const MAX_SOURCES: usize = 5;

/// One quotation, as search and speaker queries return it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotationHit {
    /// Quotation id.
    pub id: i64,
    /// Its longest surface form.
    pub text: String,
    /// True for a verbatim quotation (direct or partial quotes); false for a report (indirect
    /// speech, or another class of finding), which is never shown inside quotation marks.
    pub verbatim: bool,
    /// What it attributes: speech, or for a report also thought, stance or evidential
    /// (`None`: a report stored by an older whosaid, which did not record it).
    pub class: Option<String>,
    /// Its top speaker.
    pub speaker: Option<String>,
    /// Number of occurrences.
    pub occurrences: i64,
    /// Number of documents.
    pub documents: i64,
    /// Up to [`MAX_SOURCES`] documents quoting it: their url when known, else their id.
    pub sources: Vec<String>,
}

/// A speaker and their quotations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerHit {
    /// Canonical name.
    pub name: String,
    /// Other names merged into it.
    pub aliases: Vec<String>,
    /// The quotations whose top speaker they are, most repeated first.
    pub quotations: Vec<QuotationHit>,
}

/// Counts over the whole database.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Documents stored.
    pub documents: i64,
    /// Documents that failed (in `failures`).
    pub failed: i64,
    /// Occurrences (quotes found) stored.
    pub occurrences: i64,
    /// Deduplicated quotations, verbatim ones and reports.
    pub quotations: i64,
    /// Of these, reports (not verbatim).
    pub reports: i64,
    /// Quotations found in more than one document.
    pub repeated_quotations: i64,
    /// Named speakers.
    pub speakers: i64,
    /// Whether the quotation tables are stale (a build did not finish).
    pub dirty: bool,
    /// The speakers with the most quotations: name and count.
    pub top_speakers: Vec<(String, i64)>,
    /// The settings documents were stored with ([`super::Settings::key`]; `None`: an older
    /// whosaid) and how many documents each, most first.
    pub settings: Vec<(Option<String>, i64)>,
}

impl Database {
    fn hit(&self, id: i64) -> Result<Option<QuotationHit>> {
        let row = self
            .conn
            .query_row(
                "SELECT text, top_speaker, occurrences, documents, verbatim, class \
                 FROM quotations WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?),
                        (r.get(4)?, r.get(5)?),
                    ))
                },
            )
            .optional()?;
        let Some(((text, speaker, occurrences, documents), (verbatim, class))) = row else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT COALESCE(d.url, d.id) FROM documents d \
             WHERE d.doc IN (SELECT o.doc FROM placements p \
             JOIN occurrences o ON o.id = p.occurrence WHERE p.quotation = ?1) \
             ORDER BY d.doc LIMIT ?2",
        )?;
        let sources = stmt
            .query_map(params![id, MAX_SOURCES], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(Some(QuotationHit {
            id,
            text,
            verbatim,
            class,
            speaker,
            occurrences,
            documents,
            sources,
        }))
    }

    /// The quotations best matching `text` (every word must occur), best first (bm25).
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<QuotationHit>> {
        let norm = normalise(text);
        let words = tokens(&norm);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        // Each word as an FTS5 string, so user text is never read as query syntax.
        let query: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid FROM quotations_fts WHERE quotations_fts MATCH ?1 \
                 ORDER BY bm25(quotations_fts), rowid LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![query.join(" "), limit], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.hit(id)?);
        }
        Ok(out)
    }

    /// The speaker named `name` (case-insensitive; a name or one of its aliases) and their
    /// quotations; `None` when nobody has that name.
    pub fn speaker(&self, name: &str) -> Result<Option<SpeakerHit>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, aliases FROM speakers ORDER BY quotations DESC, name")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let wanted = name.trim().to_lowercase();
        let mut found = None;
        for row in rows {
            let (canonical, aliases) = row?;
            let aliases: Vec<String> = serde_json::from_str(&aliases)?;
            if canonical.to_lowercase() == wanted
                || aliases.iter().any(|a| a.to_lowercase() == wanted)
            {
                found = Some((canonical, aliases));
                break;
            }
        }
        let Some((canonical, aliases)) = found else {
            return Ok(None);
        };
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare(
                "SELECT id FROM quotations WHERE top_speaker = ?1 \
                 ORDER BY occurrences DESC, id",
            )?;
            let rows = stmt.query_map([&canonical], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut quotations = Vec::with_capacity(ids.len());
        for id in ids {
            quotations.extend(self.hit(id)?);
        }
        Ok(Some(SpeakerHit {
            name: canonical,
            aliases,
            quotations,
        }))
    }

    /// Counts over the whole database.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        let mut stmt = self.conn.prepare(
            "SELECT name, quotations FROM speakers ORDER BY quotations DESC, name LIMIT 10",
        )?;
        let top_speakers = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT settings, COUNT(*) AS n FROM documents GROUP BY settings \
             ORDER BY n DESC, settings",
        )?;
        let settings = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Stats {
            documents: count("SELECT COUNT(*) FROM documents")?,
            failed: count("SELECT COUNT(*) FROM failures")?,
            occurrences: count("SELECT COUNT(*) FROM occurrences")?,
            quotations: count("SELECT COUNT(*) FROM quotations")?,
            reports: count("SELECT COUNT(*) FROM quotations WHERE verbatim = 0")?,
            repeated_quotations: count("SELECT COUNT(*) FROM quotations WHERE documents > 1")?,
            speakers: count("SELECT COUNT(*) FROM speakers")?,
            dirty: self.is_dirty()?,
            top_speakers,
            settings,
        })
    }
}
