//! Other shapes of a [`Document`](crate::output::Document) than its JSON: CSV and TSV rows
//! for spreadsheets ([`table`]), W3C Web Annotations for annotation tools ([`annotation`]),
//! and a text view for the terminal ([`pretty`]).
//!
//! Each function renders one document on its own, so the CLI can render documents in
//! parallel and write them in input order.

pub mod annotation;
pub mod pretty;
pub mod table;

use serde_json::{Map, Value};

/// The metadata fields of a JSON Lines input record that every format carries along, in
/// the order CSV and TSV give them as columns.
pub const META_FIELDS: [&str; 5] = ["url", "title", "date", "author", "source"];

/// One metadata field as text: a string as it is, any other JSON value as its JSON text,
/// `None` when the record does not have it (or has `null`).
pub fn meta_text(meta: Option<&Map<String, Value>>, field: &str) -> Option<String> {
    match meta?.get(field)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// A hash of a speaker's name that is the same on every run and every machine, so a speaker
/// keeps their colour from one report or terminal session to the next: 64-bit FNV-1a, then
/// the MurmurHash3 finaliser, which spreads similar names over all the bits (plain FNV-1a
/// left names of similar length on neighbouring hues).
pub fn stable_hash(name: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h = name
        .bytes()
        .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_text_reads_strings_and_json() {
        let meta: Map<String, Value> =
            serde_json::from_str(r#"{"url":"https://x.test/a","date":2024,"title":null}"#).unwrap();
        assert_eq!(
            meta_text(Some(&meta), "url").as_deref(),
            Some("https://x.test/a")
        );
        assert_eq!(meta_text(Some(&meta), "date").as_deref(), Some("2024"));
        assert_eq!(meta_text(Some(&meta), "title"), None);
        assert_eq!(meta_text(Some(&meta), "author"), None);
        assert_eq!(meta_text(None, "url"), None);
    }

    #[test]
    fn stable_hash_is_fnv1a_then_fmix64() {
        // Computed apart from this code (a Python transcription of both algorithms).
        assert_eq!(stable_hash(""), 0xefd0_1f60_ba99_2926);
        assert_eq!(stable_hash("a"), 0x82a2_a958_a9be_ce5b);
    }
}
