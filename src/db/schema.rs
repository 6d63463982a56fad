//! The database schema, created and upgraded by numbered migrations.
//!
//! `PRAGMA user_version` holds the number of migrations applied. Opening a database applies
//! the missing ones in order, each in its own transaction, so a database written by an older
//! whosaid is upgraded in place and a newer one is refused rather than misread.

use rusqlite::Connection;

use super::{Error, Result};

/// The migrations, in order; migration `i` moves the schema from version `i` to `i + 1`.
/// Append new ones; never edit one that has shipped.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, occurrences, the derived quotation and speaker tables, full-text search.
    r#"
    CREATE TABLE documents (
        doc INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        url TEXT,
        title TEXT,
        date TEXT,
        source TEXT,
        meta TEXT,
        quotes INTEGER NOT NULL
    );
    CREATE TABLE failures (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        message TEXT NOT NULL
    );
    CREATE TABLE occurrences (
        id INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents(doc),
        ord INTEGER NOT NULL,
        text TEXT NOT NULL,
        norm TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        byte_start INTEGER NOT NULL,
        byte_end INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        speaker TEXT,
        mention TEXT,
        cue TEXT,
        rule TEXT,
        confidence REAL NOT NULL
    );
    CREATE INDEX occurrences_doc ON occurrences(doc);
    -- Which quotation each occurrence belongs to: a narrow table of its own, because
    -- consolidation rewrites it wholesale and rewriting the wide occurrence rows is slow.
    CREATE TABLE placements (
        occurrence INTEGER PRIMARY KEY,
        quotation INTEGER NOT NULL
    );
    CREATE INDEX placements_quotation ON placements(quotation);
    CREATE TABLE quotations (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        top_speaker TEXT,
        top_weight REAL,
        occurrences INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        first_date TEXT,
        last_date TEXT
    );
    CREATE INDEX quotations_top_speaker ON quotations(top_speaker);
    CREATE TABLE quotation_speakers (
        quotation INTEGER NOT NULL,
        speaker TEXT NOT NULL,
        weight REAL NOT NULL,
        evidence TEXT NOT NULL,
        PRIMARY KEY (quotation, speaker)
    );
    CREATE TABLE speakers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        aliases TEXT NOT NULL,
        quotations INTEGER NOT NULL,
        occurrences INTEGER NOT NULL
    );
    CREATE VIRTUAL TABLE quotations_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO state (key, value) VALUES ('dirty', '0');
    "#,
    // 2: verbatim quotations apart from reports. Documents record the settings they were
    // stored with (NULL: an older whosaid; such a document is re-extracted when built again);
    // occurrences their class and the lead of a report; quotations whether they are verbatim
    // and, for a report, its class.
    r#"
    ALTER TABLE documents ADD COLUMN settings TEXT;
    ALTER TABLE occurrences ADD COLUMN class TEXT;
    ALTER TABLE occurrences ADD COLUMN lead TEXT;
    -- Quoted passages are always speech; the class of an older report is unknown (NULL).
    UPDATE occurrences SET class = 'speech' WHERE kind <> 'indirect';
    ALTER TABLE quotations ADD COLUMN verbatim INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE quotations ADD COLUMN class TEXT;
    -- Until the next build recomputes them, a quotation holding any report is shown as one:
    -- never a report inside quotation marks.
    UPDATE quotations SET verbatim = 0 WHERE id IN (SELECT p.quotation FROM placements p
        JOIN occurrences o ON o.id = p.occurrence WHERE o.kind = 'indirect');
    UPDATE quotations SET class = 'speech' WHERE verbatim = 1;
    UPDATE state SET value = '1' WHERE key = 'dirty' AND EXISTS (SELECT 1 FROM occurrences);
    "#,
    // 3: full-text search with Porter stemming ("taxpayers" finds "taxpayer"), the index
    // rebuilt from the quotations.
    r#"
    DROP TABLE quotations_fts;
    CREATE VIRTUAL TABLE quotations_fts USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
    INSERT INTO quotations_fts (rowid, text) SELECT id, text FROM quotations;
    "#,
];

/// Brings the schema of `conn` up to date.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let applied: usize = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if applied > MIGRATIONS.len() {
        return Err(Error::NewerSchema {
            found: applied,
            known: MIGRATIONS.len(),
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
    }
    Ok(())
}
