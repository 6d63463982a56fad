//! The quote database: extraction results from many documents in one SQLite file, with each
//! quotation stored once however many articles repeat it, and one speaker per quotation.
//! Verbatim quotations are stored by default; reports (indirect speech) only when the
//! [`Settings`] ask, and they are kept apart from verbatim quotations throughout.
//!
//! The passes, one file each: [`schema`] (tables and versioned migrations), [`build`]
//! (documents and their occurrences, idempotent by document id, content hash and the
//! [`Settings`] that say which findings are stored: verbatim quotations only by default),
//! [`normalise`] and [`dedup`] (which occurrences are one quotation), [`speakers`] (one name
//! per person, a speaker distribution per quotation), [`consolidate`] (recomputes the
//! quotation and speaker tables from the occurrences), [`query`] (search, speaker, stats) and
//! [`export`] (JSON Lines).
//!
//! Every write happens in a transaction on a database in WAL mode. Documents are committed in
//! batches; the derived tables are recomputed afterwards in one transaction and a `dirty`
//! flag says whether they are stale, so a build killed at any point leaves a consistent
//! database that the next build completes.

pub mod build;
pub mod consolidate;
pub mod dedup;
pub mod export;
pub mod normalise;
pub mod query;
pub mod schema;
pub mod speakers;

use std::path::Path;

use rusqlite::Connection;

pub use build::{content_hash, Entry, Settings};

/// What can go wrong with the database.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// SQLite reported an error (unreadable file, not a database, disk full…).
    Sqlite(rusqlite::Error),
    /// The database was written by a newer whosaid with a schema this one does not know.
    NewerSchema {
        /// Migrations applied to the file.
        found: usize,
        /// Migrations this whosaid knows.
        known: usize,
    },
    /// Writing an export failed.
    Io(std::io::Error),
    /// A stored JSON value could not be read back.
    Json(serde_json::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Sqlite(e) => write!(f, "database: {e}"),
            Error::NewerSchema { found, known } => write!(
                f,
                "database schema version {found} is newer than this whosaid knows ({known}); \
                 use a newer whosaid"
            ),
            Error::Io(e) => write!(f, "{e}"),
            Error::Json(e) => write!(f, "stored JSON: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Sqlite(e) => Some(e),
            Error::Io(e) => Some(e),
            Error::Json(e) => Some(e),
            Error::NewerSchema { .. } => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Sqlite(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Json(e)
    }
}

/// Result of database operations.
pub type Result<T> = std::result::Result<T, Error>;

/// An open quote database.
pub struct Database {
    conn: Connection,
}

impl Database {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // With WAL, NORMAL keeps the database consistent after a crash; only the last
        // transactions may be lost, and the next build redoes them.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        schema::migrate(&mut conn)?;
        Ok(Database { conn })
    }

    /// The underlying connection, for queries this module does not offer.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether documents changed since the quotation tables were last recomputed.
    pub fn is_dirty(&self) -> Result<bool> {
        let value: String =
            self.conn
                .query_row("SELECT value FROM state WHERE key = 'dirty'", [], |r| {
                    r.get(0)
                })?;
        Ok(value != "0")
    }
}
