//! Quote scanner: ranges on char boundaries, ordered, content between the marks, children inside their parent, depth = parent + 1.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzz_invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = invariants::fuzz_text(data) {
        invariants::check_quotes(&text);
    }
});
