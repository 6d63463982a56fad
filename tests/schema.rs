//! The JSON Schema of `whosaid extract`'s records, `schema/document.schema.json`, is generated
//! from the output types; this test fails when the committed file is out of date.
//! Regenerate it with `UPDATE_SCHEMA=1 cargo test --test schema`.

use std::path::Path;

#[test]
fn committed_schema_matches_the_output_types() {
    let schema = schemars::schema_for!(whosaid::output::Document);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/document.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/document.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test --test schema"
    );
}

#[test]
fn every_extracted_record_has_the_schema_fields() {
    let schema = schemars::schema_for!(whosaid::output::Document);
    let value = serde_json::to_value(&schema).unwrap();
    let required: Vec<&str> = value["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let doc = whosaid::extract("d", "“Yes,” Ann Lee said.", &whosaid::Config::default());
    let record = serde_json::to_value(&doc).unwrap();
    for key in required {
        assert!(record.get(key).is_some(), "record lacks {key}");
    }
}
