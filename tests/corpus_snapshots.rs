//! The whole pipeline over `corpus/`: one JSON snapshot per text, in `snapshots/`.
//!
//! Snapshots are specifications: every one was read before it was accepted. Before each
//! snapshot the output's invariants are checked (the same checks the fuzz targets run), so a
//! snapshot can never record a broken span.

#[path = "support/fuzz_invariants.rs"]
mod invariants;

use whosaid::Config;

#[test]
fn corpus_snapshots() {
    insta::glob!("../corpus", "**/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("corpus texts are UTF-8");
        let name = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        // Every class, so that the snapshots show what each finding is (`class`) and the
        // rules for thoughts, stances and evidentials are specified too.
        let config = Config {
            explain: true,
            include: whosaid::output::Classes::ALL,
            ..Config::default()
        };
        // The invariants the fuzzers check (spans, order, registered rules, determinism).
        invariants::check_extract(&text);
        let doc = whosaid::extract(&name, &text, &config);
        insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false, sort_maps => true}, {
            insta::assert_json_snapshot!(doc);
        });
    });
}
