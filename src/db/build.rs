//! Storing documents and their occurrences, idempotent by document id, content hash and
//! settings.
//!
//! The content hash is xxh3-64 over the whosaid version, the text and the JSONL metadata; the
//! [`Settings`] say which findings are stored. The same document read again with the same
//! settings is skipped before extraction; a changed text, changed metadata, a new whosaid
//! version or other settings replace the document's occurrences. A document that cannot be
//! read is recorded in `failures` and leaves whatever was stored for its id untouched.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use super::normalise::normalise;
use super::{Database, Result};
use crate::attribution::RuleSet;
use crate::output::{Classes, Document, QuoteClass, QuoteKind};

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

/// What a build stores: which kinds of quotes and, for reports without quote marks, which
/// classes of findings. The default is verbatim quotations only (direct and partial).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    kinds: Vec<QuoteKind>,
    include: Classes,
    patterns: Option<Patterns>,
}

/// A user's pattern files a build extracts with: their rules, and a hash of their texts
/// that goes into the settings key, so that a document extracted with other patterns (or
/// none) is extracted again.
#[derive(Debug, Clone, Copy)]
struct Patterns {
    rules: &'static RuleSet,
    hash: u64,
}

impl PartialEq for Patterns {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash
    }
}

impl Eq for Patterns {}

impl Default for Settings {
    fn default() -> Self {
        Settings::new([QuoteKind::Direct, QuoteKind::Partial], Classes::SPEECH)
    }
}

impl Settings {
    /// Stores the quotes of these `kinds`; reports (`indirect`) only of the classes in
    /// `include` (quoted passages are always speech, so `include` matters for reports alone).
    pub fn new(kinds: impl IntoIterator<Item = QuoteKind>, include: Classes) -> Settings {
        let mut kinds: Vec<QuoteKind> = kinds.into_iter().collect();
        kinds.sort_unstable();
        kinds.dedup();
        Settings {
            kinds,
            include,
            patterns: None,
        }
    }

    /// These settings, extracting with `rules`: the built-in rules with the user's pattern
    /// `files` (each a name and the file's text, in the order given), from which `rules`
    /// was made. Only the texts count: a file renamed or moved gives the same key.
    pub fn with_patterns(mut self, rules: &'static RuleSet, files: &[(String, String)]) -> Self {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (_, text) in files {
            h.update(&(text.len() as u64).to_le_bytes());
            h.update(text.as_bytes());
        }
        self.patterns = Some(Patterns {
            rules,
            hash: h.digest(),
        });
        self
    }

    /// Whether quotes of `kind` are stored.
    pub fn stores(&self, kind: QuoteKind) -> bool {
        self.kinds.contains(&kind)
    }

    /// The extraction options these settings need.
    pub fn config(&self) -> crate::Config {
        crate::Config {
            include: self.include,
            rules: self.patterns.map(|p| p.rules),
            ..crate::Config::default()
        }
    }

    /// The settings as stored with each document, e.g. `kinds=direct,partial` or
    /// `kinds=direct,partial,indirect include=speech,stance`, with ` patterns=` and the hash
    /// of the pattern files' texts when there are any. Two settings that store the same
    /// findings have the same key: without reports, `include` is left out.
    pub fn key(&self) -> String {
        let kinds: Vec<&str> = self.kinds.iter().map(|k| k.as_str()).collect();
        let mut key = format!("kinds={}", kinds.join(","));
        if self.stores(QuoteKind::Indirect) {
            let classes: Vec<&str> = QuoteClass::ALL
                .into_iter()
                .filter(|&c| self.include.contains(c))
                .map(QuoteClass::as_str)
                .collect();
            key.push_str(" include=");
            key.push_str(&classes.join(","));
        }
        if let Some(p) = &self.patterns {
            key.push_str(&format!(" patterns={:016x}", p.hash));
        }
        key
    }
}

/// The words of a report whose attribution interrupts it: the lead, an ellipsis, the rest
/// ("The plan … is to cut taxes"); without a lead, the text alone.
pub fn report_content(lead: Option<&str>, text: &str) -> String {
    match lead {
        Some(lead) => format!("{} … {}", lead.trim(), text.trim()),
        None => text.to_string(),
    }
}

/// One document to store.
#[derive(Debug, Clone)]
pub enum Entry {
    /// An extracted document.
    Extracted {
        /// Its content hash ([`content_hash`]).
        hash: u64,
        /// The key of the settings it was extracted with ([`Settings::key`]).
        settings: String,
        /// The extraction result, holding only the quotes the settings store; its `meta`
        /// holds the JSONL metadata.
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
    /// Extracts `text`, keeps the quotes `settings` store and wraps the result with its
    /// content hash.
    pub fn extract(id: &str, text: &str, meta: Option<Meta>, settings: &Settings) -> Entry {
        let hash = content_hash(text, meta.as_ref());
        let mut document = crate::extract(id, text, &settings.config());
        document.quotes.retain(|q| settings.stores(q.kind));
        document.meta = meta;
        Entry::Extracted {
            hash,
            settings: settings.key(),
            document,
        }
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
    /// Documents already stored with the same hash and settings.
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

/// What is stored for a document: its content hash and the key of its settings (`None` when
/// an older whosaid stored it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// Its content hash ([`content_hash`]).
    pub hash: u64,
    /// The key of the settings it was stored with ([`Settings::key`]).
    pub settings: Option<String>,
}

impl Stored {
    /// Whether a document with this content hash, built with settings of this key, would
    /// store the same occurrences.
    pub fn is_current(&self, hash: u64, settings: &str) -> bool {
        self.hash == hash && self.settings.as_deref() == Some(settings)
    }
}

impl Database {
    /// The content hash and settings of every stored document, by id: a build skips
    /// documents whose hash and settings have not changed without extracting them.
    pub fn stored_documents(&self) -> Result<HashMap<String, Stored>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, hash, settings FROM documents")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (id, hash, settings) = row?;
            if let Ok(hash) = u64::from_str_radix(&hash, 16) {
                out.insert(id, Stored { hash, settings });
            }
        }
        Ok(out)
    }

    /// Gives the document stored as `from` the id `to` (a file that moved, or a path now
    /// spelt canonically); false when no document is stored as `from`, or one already is as
    /// `to`.
    pub fn rename_document(&mut self, from: &str, to: &str) -> Result<bool> {
        let changed = self.conn.execute(
            "UPDATE documents SET id = ?2 WHERE id = ?1 \
             AND NOT EXISTS (SELECT 1 FROM documents WHERE id = ?2)",
            params![from, to],
        )?;
        Ok(changed == 1)
    }

    /// Stores a batch of documents in one transaction. `after_each` is called after each
    /// document is written, inside the transaction (for progress reporting).
    pub fn write_batch(
        &mut self,
        entries: &[Entry],
        mut after_each: impl FnMut(usize),
    ) -> Result<WriteStats> {
        // Immediate: a write lock taken at the start waits for another writer (busy_timeout);
        // a read upgraded to a write later would fail at once with "database is locked".
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut stats = WriteStats::default();
        {
            let mut find =
                tx.prepare_cached("SELECT doc, hash, settings FROM documents WHERE id = ?1")?;
            let mut delete_placements = tx.prepare_cached(
                "DELETE FROM placements WHERE occurrence IN \
                 (SELECT id FROM occurrences WHERE doc = ?1)",
            )?;
            let mut delete_occurrences =
                tx.prepare_cached("DELETE FROM occurrences WHERE doc = ?1")?;
            let mut update_doc = tx.prepare_cached(
                "UPDATE documents SET hash = ?2, url = ?3, title = ?4, date = ?5, source = ?6, \
                 meta = ?7, quotes = ?8, settings = ?9 WHERE id = ?1",
            )?;
            let mut insert_doc = tx.prepare_cached(
                "INSERT INTO documents (id, hash, url, title, date, source, meta, quotes, \
                 settings) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            let mut insert_occurrence = tx.prepare_cached(
                "INSERT INTO occurrences (doc, ord, text, norm, kind, start, end, byte_start, \
                 byte_end, sentence, speaker, mention, cue, rule, confidence, class, lead) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, \
                 ?16, ?17)",
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
                    Entry::Extracted {
                        hash,
                        settings,
                        document,
                    } => {
                        let stored_hash = hex(*hash);
                        let existing: Option<(i64, String, Option<String>)> = find
                            .query_row([&document.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
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
                            stored_hash,
                            fields.0,
                            fields.1,
                            fields.2,
                            fields.3,
                            meta_json,
                            document.quotes.len(),
                            settings
                        ];
                        let doc = match existing {
                            Some((_, ref old_hash, ref old_settings))
                                if *old_hash == stored_hash
                                    && old_settings.as_deref() == Some(settings.as_str()) =>
                            {
                                stats.unchanged += 1;
                                after_each(i);
                                continue;
                            }
                            Some((doc, _, _)) => {
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
                            let lead = q.lead.as_ref().map(|l| l.text.as_str());
                            insert_occurrence.execute(params![
                                doc,
                                ord,
                                q.text,
                                normalise(&report_content(lead, &q.text)),
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
                                q.confidence,
                                q.class.as_str(),
                                lead
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_key_names_what_is_stored_and_nothing_else() {
        assert_eq!(Settings::default().key(), "kinds=direct,partial");
        // Without reports, the classes change nothing stored.
        let all_classes = Settings::new([QuoteKind::Partial, QuoteKind::Direct], Classes::ALL);
        assert_eq!(all_classes.key(), Settings::default().key());
        let reports = Settings::new(
            [QuoteKind::Indirect, QuoteKind::Direct, QuoteKind::Indirect],
            Classes::SPEECH.with(QuoteClass::Stance),
        );
        assert_eq!(reports.key(), "kinds=direct,indirect include=speech,stance");
        assert!(reports.stores(QuoteKind::Indirect) && !reports.stores(QuoteKind::Partial));
    }

    #[test]
    fn a_report_shows_its_lead_before_an_ellipsis() {
        assert_eq!(
            report_content(Some("The plan "), "is to cut taxes"),
            "The plan … is to cut taxes"
        );
        assert_eq!(report_content(None, "taxes will fall"), "taxes will fall");
    }
}
