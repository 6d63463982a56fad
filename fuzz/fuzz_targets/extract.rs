//! Whole pipeline: every output invariant (spans, order, speakers, cues, rules, confidence, sentence index, stable serialisation). Input starting with 0xFF goes through the structured prose generator.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzz_invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = invariants::fuzz_text(data) {
        invariants::check_extract(&text);
    }
});
