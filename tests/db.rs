//! The quote database (`whosaid::db` and `whosaid db`): deduplication (exact, fragment, near
//! duplicate, and quotes that must stay apart), speaker consolidation, idempotent and
//! incremental builds, an interrupted build, failures, search and export.

use std::path::{Path, PathBuf};

use serde_json::Value;
use whosaid::db::export::View;
use whosaid::db::{Database, Entry};

#[path = "support/process.rs"]
mod support;

use support::{whosaid, whosaid_env, TempDir};

/// Extracts and stores `(id, text)` documents, then consolidates.
fn store(db: &mut Database, docs: &[(&str, &str)]) {
    let entries: Vec<Entry> = docs
        .iter()
        .map(|(id, text)| Entry::extract(id, text, None, &whosaid::Config::default()))
        .collect();
    db.write_batch(&entries, |_| {}).unwrap();
    db.consolidate().unwrap();
}

fn quotations(db: &Database) -> Vec<Value> {
    let mut out = Vec::new();
    db.export(View::Quotations, &mut out).unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The exported quotation that has an occurrence whose normalised text contains `words`.
fn quotation_with<'a>(all: &'a [Value], words: &str) -> &'a Value {
    let words = whosaid::db::normalise::normalise(words);
    all.iter()
        .find(|q| {
            q["occurrences"].as_array().unwrap().iter().any(|o| {
                whosaid::db::normalise::normalise(o["text"].as_str().unwrap()).contains(&words)
            })
        })
        .unwrap_or_else(|| panic!("no quotation with {words:?} in {all:#?}"))
}

fn documents_of(q: &Value) -> Vec<&str> {
    q["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect()
}

fn memory_db(dir: &TempDir) -> Database {
    Database::open(dir.join("q.sqlite")).unwrap()
}

/// Stores `docs` in a fresh database and exports its quotations.
fn quotations_of(tag: &str, docs: &[(&str, &str)]) -> Vec<Value> {
    let dir = TempDir::new(tag);
    let mut db = memory_db(&dir);
    store(&mut db, docs);
    quotations(&db)
}

#[test]
fn re_punctuated_copies_are_one_quotation() {
    let all = quotations_of(
        "exact",
        &[
            (
                "a",
                "“We will build the new bridge next year,” said Jane Doe.",
            ),
            (
                "b",
                "\"We will  build the NEW bridge -- next year!\" said Jane Doe.",
            ),
        ],
    );
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(documents_of(&all[0]), vec!["a", "b"]);
    assert_eq!(all[0]["occurrence_count"], 2);
}

#[test]
fn a_trimmed_fragment_joins_the_full_quotation_and_the_longest_form_is_kept() {
    let long = "We will build the new bridge across the river next year, and it will be paid for";
    let all = quotations_of(
        "fragment",
        &[
            ("short", "“The new bridge across the river,” said Jane Doe."),
            ("long", &format!("“{long},” said Jane Doe.")),
        ],
    );
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["text"], format!("{long},"));
    assert_eq!(documents_of(&all[0]), vec!["short", "long"]);
}

#[test]
fn a_spun_copy_is_one_quotation() {
    let all = quotations_of(
        "near",
        &[
            (
                "orig",
                "“We are getting laser-focused on customer needs and making our customers super happy,” said Jane Doe.",
            ),
            (
                "spun",
                "“We are getting laser-focused on client wants and making our customers super happy,” said Jane Doe.",
            ),
        ],
    );
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["document_count"], 2);
}

#[test]
fn quotes_that_share_words_stay_apart() {
    let all = quotations_of(
        "distinct",
        &[
            (
                "a",
                "“We will build the new bridge across the river next year,” said Jane Doe.",
            ),
            (
                "b",
                "“We will not build a bridge across the river this year,” said Tom Smith.",
            ),
            // Three shared words are not enough to glue a fragment to another quote.
            ("c", "“Super, super happy,” said Ann Lee."),
            (
                "d",
                "“Our staff are super, super happy with the new contract,” said Bo Chan.",
            ),
        ],
    );
    assert_eq!(all.len(), 4, "{all:#?}");
    assert_eq!(
        quotation_with(&all, "not build a bridge")["speaker"],
        "Tom Smith"
    );
    assert_eq!(
        quotation_with(&all, "build the new bridge")["speaker"],
        "Jane Doe"
    );
}

#[test]
fn the_seed_guthrie_quotation_is_one_quotation_with_scott_guthrie_on_top() {
    let seeds: Vec<(String, String)> = std::fs::read_dir("corpus/seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    assert_eq!(seeds.len(), 5);
    let docs: Vec<(&str, &str)> = seeds
        .iter()
        .map(|(i, t)| (i.as_str(), t.as_str()))
        .collect();
    let all = quotations_of("seeds", &docs);
    let guthrie = quotation_with(&all, "laser-focused on");
    let docs = documents_of(guthrie);
    assert!(docs.iter().any(|d| d.contains("000_")), "{guthrie:#}");
    assert!(docs.iter().any(|d| d.contains("001_")), "{guthrie:#}");
    assert_eq!(guthrie["speaker"], "Scott Guthrie");
    // 000 names him "Scott" only; the one full name that fits absorbs it.
    let speakers = guthrie["speakers"].as_array().unwrap();
    assert_eq!(speakers.len(), 1, "{guthrie:#}");
    // Exactly one quotation holds the long quote, whatever else the seeds contain.
    let holding: Vec<&Value> = all
        .iter()
        .filter(|q| {
            q["occurrences"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| o["text"].as_str().unwrap().contains("laser-focused on"))
        })
        .collect();
    assert_eq!(holding.len(), 1);
}

#[test]
fn a_surname_a_pronoun_and_a_full_name_consolidate_on_the_full_name() {
    let dir = TempDir::new("speakers");
    let mut db = memory_db(&dir);
    let quote = "We will build the new bridge across the river next year";
    store(
        &mut db,
        &[
            (
                "full",
                &format!("The council met. “{quote},” said Jane Doe, the mayor."),
            ),
            (
                "surname",
                &format!("Officials spoke. “{quote},” Doe said on Tuesday."),
            ),
            ("pronoun", &format!("It was late. “{quote},” he said.")),
        ],
    );
    let all = quotations(&db);
    assert_eq!(all.len(), 1, "{all:#?}");
    let q = &all[0];
    assert_eq!(q["speaker"], "Jane Doe");
    let speakers = q["speakers"].as_array().unwrap();
    assert_eq!(speakers[0]["name"], "Jane Doe");
    // The full name and the surname: two occurrences of evidence.
    assert_eq!(speakers[0]["evidence"].as_array().unwrap().len(), 2);
    assert_eq!(speakers[1]["name"], "he");
    assert!(speakers[1]["weight"].as_f64().unwrap() < 0.5);
    let found = db
        .speaker("doe")
        .unwrap()
        .expect("Doe is an alias of Jane Doe");
    assert_eq!(found.name, "Jane Doe");
    assert_eq!(found.quotations.len(), 1);
    assert!(db.speaker("Nobody Here").unwrap().is_none());
}

#[test]
fn changed_and_added_documents_update_the_affected_quotations() {
    let dir = TempDir::new("incremental");
    let mut db = memory_db(&dir);
    let quote = "We will build the new bridge across the river next year";
    store(&mut db, &[("a", &format!("“{quote},” said Jane Doe."))]);
    assert_eq!(quotations(&db)[0]["document_count"], 1);
    store(
        &mut db,
        &[("b", &format!("“{quote},” Jane Doe said again."))],
    );
    let all = quotations(&db);
    assert_eq!(all.len(), 1);
    assert_eq!(documents_of(&all[0]), vec!["a", "b"]);
    // Document a now says something else: its old occurrence goes, a new quotation comes.
    store(
        &mut db,
        &[("a", "“The ferry will stop running in May,” said Tom Smith.")],
    );
    let all = quotations(&db);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(documents_of(quotation_with(&all, quote)), vec!["b"]);
    assert_eq!(
        quotation_with(&all, "ferry will stop")["speaker"],
        "Tom Smith"
    );
    let stats = db.stats().unwrap();
    assert_eq!((stats.documents, stats.occurrences), (2, 2));
    assert!(!stats.dirty);
}

#[test]
fn search_ranks_quotations_and_reads_user_text_literally() {
    let dir = TempDir::new("search");
    let mut db = memory_db(&dir);
    store(
        &mut db,
        &[
            (
                "a",
                "“The bridge across the river will reopen in May,” said Jane Doe.",
            ),
            ("b", "“The ferry will stop running,” said Tom Smith."),
            (
                "c",
                "“A bridge, a bridge, a bridge is all we want,” said Ann Lee.",
            ),
        ],
    );
    let hits = db.search("river bridge", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].speaker.as_deref(), Some("Jane Doe"));
    assert_eq!(hits[0].sources, vec!["a"]);
    let hits = db.search("BRIDGE", 10).unwrap();
    assert_eq!(hits.len(), 2);
    // bm25 prefers the quotation that says "bridge" three times in few words.
    assert_eq!(hits[0].speaker.as_deref(), Some("Ann Lee"));
    assert!(db.search("submarine", 10).unwrap().is_empty());
    // FTS5 syntax in user text is not syntax.
    assert!(db.search("\" AND OR ( * NEAR", 10).unwrap().is_empty());
    assert!(db.search("", 10).unwrap().is_empty());
}

fn export(db: &Path, view: &str) -> String {
    let out = whosaid(
        &["db", "export", "--db", db.to_str().unwrap(), "--view", view],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn corpus_jsonl(dir: &TempDir) -> PathBuf {
    let mut lines = String::new();
    let mut paths: Vec<PathBuf> = ["corpus/seeds", "corpus/handwritten", "corpus/interviews"]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for (i, p) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(p).unwrap();
        let record = serde_json::json!({
            "id": p.display().to_string(),
            "text": text,
            "url": format!("https://example.org/{i}"),
            "date": format!("2024-01-{:02}", i + 1),
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    lines.push_str("{not json\n");
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

#[test]
fn rebuilding_changes_nothing_and_an_interrupted_build_completes_to_the_same_database() {
    let dir = TempDir::new("cli");
    let input = corpus_jsonl(&dir);
    let input = input.to_str().unwrap();
    let clean = dir.join("clean.sqlite");
    let clean_s = clean.to_str().unwrap();

    let first = whosaid(&["db", "build", "--db", clean_s, "--jsonl", input], None);
    // The malformed last line is recorded and makes the exit status 1; the rest is stored.
    assert_eq!(
        first.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let quotations = export(&clean, "quotations");
    let documents = export(&clean, "documents");
    assert!(quotations.lines().count() > 50);
    assert!(documents.contains("\"kind\":\"malformed_json\""));
    assert!(quotations.contains("\"first_date\":\"2024-01-"));
    assert!(quotations.contains("https://example.org/") || documents.contains("example.org"));

    let again = whosaid(&["db", "build", "--db", clean_s, "--jsonl", input], None);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("0 added, 0 updated, 31 unchanged"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing changed"), "{stderr}");
    assert_eq!(export(&clean, "quotations"), quotations);
    assert_eq!(export(&clean, "documents"), documents);

    // Killed inside the third transaction (5 documents each): 10 documents are committed.
    let killed = dir.join("killed.sqlite");
    let killed_s = killed.to_str().unwrap();
    let args = [
        "db", "build", "--db", killed_s, "--batch", "5", "--jsonl", input,
    ];
    let aborted = whosaid_env(&args, None, &[("WHOSAID_DB_ABORT_AFTER", "12")]);
    assert!(!aborted.status.success());
    assert_eq!(
        aborted.status.code(),
        None,
        "the process was killed by a signal"
    );
    let db = Database::open(&killed).unwrap();
    let stats = db.stats().unwrap();
    assert_eq!(stats.documents, 10);
    assert!(stats.dirty, "the quotation tables are marked stale");
    drop(db);
    let resumed = whosaid(&args, None);
    assert_eq!(resumed.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert!(
        stderr.contains("21 added, 0 updated, 10 unchanged"),
        "{stderr}"
    );
    assert_eq!(export(&killed, "quotations"), quotations);
    assert_eq!(export(&killed, "documents"), documents);
}

#[test]
fn the_query_commands_print_what_the_database_holds() {
    let dir = TempDir::new("query");
    let db = dir.join("q.sqlite");
    let db_s = db.to_str().unwrap();
    let built = whosaid(
        &["db", "build", "--db", db_s, "--quiet", "corpus/seeds"],
        None,
    );
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let out = whosaid(
        &["db", "search", "--db", db_s, "laser focused customers"],
        None,
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Scott Guthrie"), "{text}");
    assert!(text.contains("in 2 documents"), "{text}");
    let out = whosaid(&["db", "speaker", "--db", db_s, "mathews"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Mich Mathews\n"), "{text}");
    let out = whosaid(&["db", "stats", "--db", db_s, "--json"], None);
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["documents"], 5);
    assert_eq!(stats["repeated_quotations"], 1);
    let missing = whosaid(
        &[
            "db",
            "stats",
            "--db",
            dir.join("none.sqlite").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such database"));
}

#[test]
fn a_failed_read_is_recorded_and_keeps_what_was_stored() {
    let dir = TempDir::new("failed");
    let mut db = memory_db(&dir);
    store(
        &mut db,
        &[("a", "“The ferry will stop running in May,” said Tom Smith.")],
    );
    let failed = Entry::Failed {
        id: "a".into(),
        kind: "io".into(),
        message: "a: permission denied".into(),
    };
    let stats = db.write_batch(&[failed], |_| {}).unwrap();
    assert_eq!(stats.failed, 1);
    assert!(!db.is_dirty().unwrap(), "a failure changes no quotation");
    let stats = db.stats().unwrap();
    assert_eq!((stats.documents, stats.failed, stats.quotations), (1, 1, 1));
    // Read successfully again, the document's failure record goes.
    store(
        &mut db,
        &[("a", "“The ferry will run all year,” said Tom Smith.")],
    );
    assert_eq!(db.stats().unwrap().failed, 0);
}

#[test]
fn a_database_from_a_newer_schema_is_refused() {
    let dir = TempDir::new("schema");
    let path = dir.join("q.sqlite");
    drop(Database::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: usize = conn
        .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map(|v| v as usize)
        .unwrap();
    assert_eq!(version, whosaid::db::schema::MIGRATIONS.len());
    conn.pragma_update(None, "user_version", version as i64 + 1)
        .unwrap();
    drop(conn);
    match Database::open(&path) {
        Err(whosaid::db::Error::NewerSchema { found, known }) => {
            assert_eq!((found, known), (version + 1, version))
        }
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("a newer schema was opened"),
    }
}
