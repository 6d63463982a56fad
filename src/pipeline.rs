//! Runs the stages in order on one document. PLACEHOLDER until the stages land.

use crate::output::{Document, SCHEMA_VERSION};
use crate::Config;

pub(crate) fn run(id: &str, _text: &str, _config: &Config) -> Document {
    Document {
        id: id.to_string(),
        schema_version: SCHEMA_VERSION,
        meta: None,
        quotes: Vec::new(),
        speakers: Vec::new(),
        non_speech: None,
    }
}
