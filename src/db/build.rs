//! Storing documents and their occurrences, idempotent by document id and content hash.
//!
//! The content hash is xxh3-64 over the whosaid version, the text and the JSONL metadata: the
//! same document read again is skipped before extraction, a changed text, changed metadata or
//! a new whosaid version replaces the document's occurrences. A document that cannot be read
//! is recorded in `failures` and leaves whatever was stored for its id untouched.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use super::normalise::normalise;
use super::{Database, Result};
use crate::output::Document;

/// Metadata of a JSON Lines record (its fields other than `id` and `text`).
pub type Meta = serde_json::Map<String, serde_json::Value>;

/// The content hash of a document: xxh3-64 of the whosaid version, the text and the metadata.
pub fn content_hash(text: &str, meta: Option<&Meta>) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&[0]);
    h.update(text.as_bytes());
    h.update(&[0]);
    if let Some(meta) = meta {
        h.update(
            serde_json::Value::Object(meta.clone())
                .to_string()
                .as_bytes(),
        );
    }
    h.digest()
}

/// One document to store.
#[derive(Debug, Clone)]
pub enum Entry {
    /// An extracted document.
    Extracted {
        /// Its content hash ([`content_hash`]).
        hash: u64,
        /// The extraction result; its `meta` holds the JSONL metadata.
        document: Document,
    },
    /// A document that could not be read or extracted.
    Failed {
        /// Its id.
        id: String,
        /// The error kind, as in `extract`'s error records.
        kind: String,
        /// The message naming the document.
        message: String,
    },
}

impl Entry {
    /// Extracts `text` and wraps the result with its content hash.
    pub fn extract(id: &str, text: &str, meta: Option<Meta>, config: &crate::Config) -> Entry {
        let hash = content_hash(text, meta.as_ref());
        let mut document = crate::extract(id, text, config);
        document.meta = meta;
        Entry::Extracted { hash, document }
    }

    /// The document id.
    pub fn id(&self) -> &str {
        match self {
            Entry::Extracted { document, .. } => &document.id,
            Entry::Failed { id, .. } => id,
        }
    }
}

/// What a batch write did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    /// Documents new to the database.
    pub added: usize,
    /// Documents whose content changed.
    pub updated: usize,
    /// Documents already stored with the same hash.
    pub unchanged: usize,
    /// Documents that failed.
    pub failed: usize,
}

fn hex(hash: u64) -> String {
    format!("{hash:016x}")
}

fn meta_text(meta: Option<&Meta>, key: &str) -> Option<String> {
    match meta?.get(key)? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

impl Database {
    /// The content hash of every stored document, by id: a build skips documents whose hash
    /// has not changed without extracting them.
    pub fn document_hashes(&self) -> Result<HashMap<String, u64>> {
        let mut stmt = self.conn.prepare("SELECT id, hash FROM documents")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = HashMap::new();
        for row in rows {
            let (id, hash) = row?;
            if let Ok(hash) = u64::from_str_radix(&hash, 16) {
                out.insert(id, hash);
            }
        }
        Ok(out)
    }

    /// Stores a batch of documents in one transaction. `after_each` is called after each
    /// document is written, inside the transaction (for progress reporting).
    pub fn write_batch(
        &mut self,
        entries: &[Entry],
        mut after_each: impl FnMut(usize),
    ) -> Result<WriteStats> {
        let tx = self.conn.transaction()?;
        let mut stats = WriteStats::default();
        {
            let mut find = tx.prepare_cached("SELECT doc, hash FROM documents WHERE id = ?1")?;
            let mut delete_placements = tx.prepare_cached(
                "DELETE FROM placements WHERE occurrence IN \
                 (SELECT id FROM occurrences WHERE doc = ?1)",
            )?;
            let mut delete_occurrences =
                tx.prepare_cached("DELETE FROM occurrences WHERE doc = ?1")?;
            let mut update_doc = tx.prepare_cached(
                "UPDATE documents SET hash = ?2, url = ?3, title = ?4, date = ?5, source = ?6, \
                 meta = ?7, quotes = ?8 WHERE id = ?1",
            )?;
            let mut insert_doc = tx.prepare_cached(
                "INSERT INTO documents (id, hash, url, title, date, source, meta, quotes) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut insert_occurrence = tx.prepare_cached(
                "INSERT INTO occurrences (doc, ord, text, norm, kind, start, end, byte_start, \
                 byte_end, sentence, speaker, mention, cue, rule, confidence) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?;
            let mut clear_failure = tx.prepare_cached("DELETE FROM failures WHERE id = ?1")?;
            let mut record_failure = tx.prepare_cached(
                "INSERT INTO failures (id, kind, message) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, message = excluded.message",
            )?;
            for (i, entry) in entries.iter().enumerate() {
                match entry {
                    Entry::Failed { id, kind, message } => {
                        record_failure.execute(params![id, kind, message])?;
                        stats.failed += 1;
                    }
                    Entry::Extracted { hash, document } => {
                        let hash = hex(*hash);
                        let existing: Option<(i64, String)> = find
                            .query_row([&document.id], |r| Ok((r.get(0)?, r.get(1)?)))
                            .optional()?;
                        clear_failure.execute([&document.id])?;
                        let meta = document.meta.as_ref();
                        let meta_json =
                            meta.map(|m| serde_json::Value::Object(m.clone()).to_string());
                        let fields = (
                            meta_text(meta, "url"),
                            meta_text(meta, "title"),
                            meta_text(meta, "date"),
                            meta_text(meta, "source"),
                        );
                        // The columns of `update_doc` and `insert_doc` alike, by id.
                        let row = params![
                            document.id,
                            hash,
                            fields.0,
                            fields.1,
                            fields.2,
                            fields.3,
                            meta_json,
                            document.quotes.len()
                        ];
                        let doc = match existing {
                            Some((_, ref old)) if *old == hash => {
                                stats.unchanged += 1;
                                after_each(i);
                                continue;
                            }
                            Some((doc, _)) => {
                                delete_placements.execute([doc])?;
                                delete_occurrences.execute([doc])?;
                                update_doc.execute(row)?;
                                stats.updated += 1;
                                doc
                            }
                            None => {
                                insert_doc.execute(row)?;
                                stats.added += 1;
                                tx.last_insert_rowid()
                            }
                        };
                        for (ord, q) in document.quotes.iter().enumerate() {
                            let (speaker, mention) = match &q.speaker {
                                Some(s) => (Some(s.name.as_str()), Some(s.mention.as_str())),
                                None => (None, None),
                            };
                            insert_occurrence.execute(params![
                                doc,
                                ord,
                                q.text,
                                normalise(&q.text),
                                q.kind.as_str(),
                                q.span.start,
                                q.span.end,
                                q.byte_span.start,
                                q.byte_span.end,
                                q.sentence,
                                speaker,
                                mention,
                                q.cue.as_ref().map(|c| c.text.as_str()),
                                q.rule,
                                q.confidence
                            ])?;
                        }
                    }
                }
                after_each(i);
            }
            if stats.added + stats.updated > 0 {
                tx.execute("UPDATE state SET value = '1' WHERE key = 'dirty'", [])?;
            }
        }
        tx.commit()?;
        Ok(stats)
    }
}
