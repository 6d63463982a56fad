//! Reading the database: full-text search over quotations, a speaker's quotations, counts.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::normalise::{is_apostrophe, normalise, tokens};

/// The FTS5 query for what a user typed into `db search`, or `None` when it holds no word.
///
/// Every word must occur (in any case and inflection: the index stems with Porter); a word
/// ending in `*` matches as a prefix (`tax*`: tax, taxes, taxpayer); words in double quotes
/// must occur together in that order (a phrase; an unclosed quote runs to the end); `OR`
/// between two words or phrases accepts either (`tax OR levy increase` wants "increase" and
/// one of "tax" or "levy"). Nothing else is syntax: punctuation separates words, and FTS5's
/// own operators (`AND`, `NOT`, `NEAR`, parentheses, column filters) are read as words, so
/// user text can never make an invalid query.
pub fn fts_query(text: &str) -> Option<String> {
    // The terms, each a list of alternatives joined by OR.
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut pending_or = false;
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let (term, is_or) = if let Some(inside) = rest.strip_prefix('"') {
            let end = inside.find('"').unwrap_or(inside.len());
            let term = fts_string(&inside[..end], false);
            rest = inside.get(end + 1..).unwrap_or("");
            (term, false)
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(rest.len());
            let chunk = &rest[..end];
            rest = &rest[end..];
            if chunk == "OR" {
                (None, true)
            } else {
                (fts_string(chunk, chunk.ends_with('*')), false)
            }
        };
        if is_or {
            // `OR` with a term on each side; anywhere else it is the word "or".
            if groups.is_empty() || pending_or {
                groups.push(vec!["\"or\"".to_string()]);
                pending_or = false;
            } else {
                pending_or = true;
            }
            continue;
        }
        let Some(term) = term else { continue };
        match groups.last_mut() {
            Some(last) if pending_or => last.push(term),
            _ => groups.push(vec![term]),
        }
        pending_or = false;
    }
    if pending_or {
        groups.push(vec!["\"or\"".to_string()]);
    }
    if groups.is_empty() {
        return None;
    }
    let terms: Vec<String> = groups
        .into_iter()
        .map(|alternatives| match alternatives.len() {
            1 => alternatives.into_iter().next().unwrap_or_default(),
            _ => format!("({})", alternatives.join(" OR ")),
        })
        .collect();
    Some(terms.join(" AND "))
}

/// The words of `text` as one FTS5 string (a phrase when there are several), its last word a
/// prefix when `prefix`; `None` without words. Apostrophes separate words here, as the
/// index's tokenizer separates them ("it’s" is "it" and "s").
fn fts_string(text: &str, prefix: bool) -> Option<String> {
    let spaced: String = text
        .chars()
        .map(|c| if is_apostrophe(c) { ' ' } else { c })
        .collect();
    let norm = normalise(&spaced);
    let words = tokens(&norm);
    if words.is_empty() {
        return None;
    }
    // Words hold letters and digits only, so no `"` needs escaping.
    let star = if prefix { "*" } else { "" };
    Some(format!("\"{}\"{star}", words.join(" ")))
}
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

    /// The quotations best matching `text`, best first (bm25); see [`fts_query`] for what
    /// `text` may say. Words match in any inflection (`TAXPAYERS` finds "taxpayer").
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<QuotationHit>> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid FROM quotations_fts WHERE quotations_fts MATCH ?1 \
                 ORDER BY bm25(quotations_fts), rowid LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![query, limit], |r| r.get(0))?;
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

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn words_are_strings_and_all_must_occur() {
        assert_eq!(
            fts_query("Customers HAPPY").as_deref(),
            Some(r#""customers" AND "happy""#)
        );
        assert_eq!(fts_query("  ").as_deref(), None);
        assert_eq!(fts_query("— … !").as_deref(), None);
    }

    #[test]
    fn prefixes_phrases_and_or() {
        assert_eq!(fts_query("tax*").as_deref(), Some(r#""tax"*"#));
        assert_eq!(
            fts_query(r#""super happy" customers"#).as_deref(),
            Some(r#""super happy" AND "customers""#)
        );
        assert_eq!(
            fts_query("tax OR levy increase").as_deref(),
            Some(r#"("tax" OR "levy") AND "increase""#)
        );
        assert_eq!(
            fts_query(r#"a OR "b c" OR d*"#).as_deref(),
            Some(r#"("a" OR "b c" OR "d"*)"#)
        );
        // A hyphenated word is a phrase of its parts, as the index reads it.
        assert_eq!(
            fts_query("laser-focused").as_deref(),
            Some(r#""laser focused""#)
        );
        assert_eq!(fts_query("it’s").as_deref(), Some(r#""it s""#));
    }

    #[test]
    fn misplaced_operators_and_fts_syntax_are_words() {
        assert_eq!(fts_query("OR tax").as_deref(), Some(r#""or" AND "tax""#));
        assert_eq!(fts_query("tax OR").as_deref(), Some(r#""tax" AND "or""#));
        assert_eq!(
            fts_query("tax OR OR levy").as_deref(),
            Some(r#""tax" AND "or" AND "levy""#)
        );
        assert_eq!(
            fts_query(r#"" AND OR ( * NEAR"#).as_deref(),
            Some(r#""and or near""#)
        );
        assert_eq!(
            fts_query("text:foo NOT (bar)").as_deref(),
            Some(r#""text foo" AND "not" AND "bar""#)
        );
    }
}
