//! The JSON Lines reader on any record: see `check_jsonl`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzz_invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    // Raw bytes only: a record is one line of a file, never the structured generator's text.
    if let Ok(record) = std::str::from_utf8(data) {
        invariants::check_jsonl(record);
    }
});
