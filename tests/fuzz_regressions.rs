//! Replays every input the fuzzers ever found a failure with (`tests/fixtures/fuzz/<target>/`)
//! through the same invariant checks the fuzz targets run (`tests/support/fuzz_invariants.rs`),
//! so that `cargo test` guards them forever. A fixture file holds the fuzz input as found
//! (decoded with the same `fuzz_text`: raw UTF-8, or the structured generator after 0xFF).
//! Files named `smoke*` are not failures but hand-picked inputs (every mark family, nesting,
//! abbreviations, CRLF, multibyte text, one generator input) that keep the replay exercised.

#[path = "support/fuzz_invariants.rs"]
mod invariants;

use std::path::{Path, PathBuf};

fn fixtures(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

fn replay(target: &str, check: fn(&str)) {
    for path in fixtures(target) {
        let data = std::fs::read(&path).expect("read fixture");
        let Some(text) = invariants::fuzz_text(&data) else {
            panic!("{}: not valid UTF-8 nor a generator input", path.display());
        };
        let result = std::panic::catch_unwind(|| check(&text));
        assert!(result.is_ok(), "{} fails its invariants", path.display());
    }
}

#[test]
fn extract_fixtures() {
    replay("extract", |t| {
        invariants::check_extract(t);
    });
}

#[test]
fn sentences_fixtures() {
    replay("sentences", |t| {
        invariants::check_sentences(t);
    });
}

#[test]
fn quotes_fixtures() {
    replay("quotes", |t| {
        invariants::check_quotes(t);
    });
}

/// JSON Lines records: the raw bytes of each fixture are the record (no generator).
#[test]
fn jsonl_fixtures() {
    for path in fixtures("jsonl") {
        let data = std::fs::read(&path).expect("read fixture");
        let record = String::from_utf8(data).expect("a UTF-8 record");
        let result = std::panic::catch_unwind(|| invariants::check_jsonl(&record));
        assert!(result.is_ok(), "{} fails its invariants", path.display());
    }
}

/// `db` query strings, against one database of invented documents.
#[test]
fn db_query_fixtures() {
    let dir =
        std::env::temp_dir().join(format!("whosaid-db-query-fixtures-{}", std::process::id()));
    let db = invariants::fuzz_database(&dir);
    for path in fixtures("db_query") {
        let data = std::fs::read(&path).expect("read fixture");
        let text = String::from_utf8(data).expect("a UTF-8 query");
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            invariants::check_db_query(&db, &text)
        }));
        assert!(result.is_ok(), "{} fails its invariants", path.display());
    }
    drop(db);
    let _ = std::fs::remove_dir_all(&dir);
}
