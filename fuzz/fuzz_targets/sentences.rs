//! Sentence splitter: ordered, non-overlapping, non-empty, trimmed ranges on char boundaries with only whitespace between.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzz_invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = invariants::fuzz_text(data) {
        invariants::check_sentences(&text);
    }
});
