//! `db search` and `db speaker` on any string a user may type: see `check_db_query`.
#![no_main]

use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use whosaid::db::Database;

#[path = "../../tests/support/fuzz_invariants.rs"]
mod invariants;

/// One database for the whole run, built at the first input.
fn database() -> &'static Mutex<Database> {
    static DB: OnceLock<Mutex<Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("whosaid-fuzz-db-{}", std::process::id()));
        Mutex::new(invariants::fuzz_database(&dir))
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let db = database().lock().expect("database lock");
        invariants::check_db_query(&db, text);
    }
});
