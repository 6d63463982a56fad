//! The quote database (`whosaid::db` and `whosaid db`): deduplication (exact, fragment, near
//! duplicate, and quotes that must stay apart), speaker consolidation, idempotent and
//! incremental builds, an interrupted build, failures, search and export; verbatim quotations
//! only by default, reports (indirect speech) when asked and never inside quotation marks;
//! upgrading a database of the first schema.

use std::path::{Path, PathBuf};

use serde_json::Value;
use whosaid::db::export::View;
use whosaid::db::{Database, Entry, Settings};
use whosaid::output::{Classes, QuoteKind};

#[path = "support/process.rs"]
mod support;

use support::{whosaid, whosaid_env, TempDir};

/// Extracts and stores `(id, text)` documents with the default settings, then consolidates.
fn store(db: &mut Database, docs: &[(&str, &str)]) {
    store_with(db, docs, &Settings::default());
}

/// Extracts and stores `(id, text)` documents with `settings`, then consolidates.
fn store_with(db: &mut Database, docs: &[(&str, &str)], settings: &Settings) {
    let entries: Vec<Entry> = docs
        .iter()
        .map(|(id, text)| Entry::extract(id, text, None, settings))
        .collect();
    db.write_batch(&entries, |_| {}).unwrap();
    db.consolidate().unwrap();
}

/// Every kind of quote; reports of the classes in `include`.
fn with_reports(include: Classes) -> Settings {
    Settings::new(
        [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect],
        include,
    )
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

/// A verbatim quotation, the same words as reported speech, and a reported thought.
const REPORTING: &str =
    "The council met on Monday. “The bridge will reopen in May,” said Ann Lee, \
the mayor. Later, Ann Lee said the bridge will reopen in May. Tom Smith believes the ferry \
is too slow.";

fn occurrences_of(q: &Value) -> &Vec<Value> {
    q["occurrences"].as_array().unwrap()
}

#[test]
fn the_default_stores_verbatim_quotations_only() {
    let all = quotations_of("verbatim", &[("a", REPORTING)]);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["verbatim"], true);
    assert_eq!(all[0]["class"], "speech");
    assert_eq!(occurrences_of(&all[0])[0]["kind"], "direct");
    // The same document holds reports, which the default leaves out.
    let dir = TempDir::new("verbatim-reports");
    let mut db = memory_db(&dir);
    store_with(&mut db, &[("a", REPORTING)], &with_reports(Classes::ALL));
    let all = quotations(&db);
    assert!(
        all.iter().any(|q| q["verbatim"] == false),
        "no report in {all:#?}"
    );
}

#[test]
fn reports_are_stored_as_reports_and_never_merged_with_verbatim_quotations() {
    let dir = TempDir::new("reports");
    let mut db = memory_db(&dir);
    store_with(&mut db, &[("a", REPORTING)], &with_reports(Classes::SPEECH));
    let all = quotations(&db);
    // The quoted and the reported "the bridge will reopen in May" stay two quotations.
    let bridge: Vec<&Value> = all
        .iter()
        .filter(|q| {
            whosaid::db::normalise::normalise(q["text"].as_str().unwrap())
                .contains("bridge will reopen in may")
        })
        .collect();
    assert_eq!(bridge.len(), 2, "{all:#?}");
    let verbatim = bridge.iter().find(|q| q["verbatim"] == true).unwrap();
    let report = bridge.iter().find(|q| q["verbatim"] == false).unwrap();
    assert_eq!(occurrences_of(verbatim)[0]["kind"], "direct");
    assert_eq!(occurrences_of(report).len(), 1);
    assert_eq!(occurrences_of(report)[0]["kind"], "indirect");
    assert_eq!(report["class"], "speech");
    assert_eq!(report["speaker"], "Ann Lee");
    // Speech only: the thought is not stored without --include thought.
    assert!(
        !all.iter()
            .any(|q| q["text"].as_str().unwrap().contains("ferry")),
        "{all:#?}"
    );
    store_with(
        &mut db,
        &[("a", REPORTING)],
        &with_reports(Classes::SPEECH.with(whosaid::output::QuoteClass::Thought)),
    );
    let all = quotations(&db);
    let ferry = quotation_with(&all, "the ferry is too slow");
    assert_eq!(ferry["verbatim"], false);
    assert_eq!(ferry["class"], "thought");
    assert_eq!(ferry["speaker"], "Tom Smith");
    let stats = db.stats().unwrap();
    assert_eq!(stats.reports, 2, "{all:#?}");
    assert_eq!(
        stats.settings,
        vec![(
            Some("kinds=direct,partial,indirect include=speech,thought".to_string()),
            1
        )]
    );
}

#[test]
fn search_finds_inflections_prefixes_alternatives_and_phrases() {
    let dir = TempDir::new("search-syntax");
    let mut db = memory_db(&dir);
    store(
        &mut db,
        &[
            (
                "a",
                "“Every taxpayer will pay less next year,” said Jane Doe.",
            ),
            ("b", "“The new levy hurts small farms,” said Tom Smith."),
            ("c", "“Taxes on fuel are not the answer,” said Ann Lee."),
        ],
    );
    let speakers = |query: &str| -> Vec<String> {
        let mut names: Vec<String> = db
            .search(query, 10)
            .unwrap()
            .into_iter()
            .filter_map(|h| h.speaker)
            .collect();
        names.sort();
        names
    };
    assert_eq!(speakers("TAXPAYERS"), ["Jane Doe"]);
    assert_eq!(speakers("paying"), ["Jane Doe"]);
    assert_eq!(speakers("tax*"), ["Ann Lee", "Jane Doe"]);
    assert_eq!(speakers("taxpayer OR levy"), ["Jane Doe", "Tom Smith"]);
    assert_eq!(speakers("levy OR fuel farms"), ["Tom Smith"]);
    assert_eq!(speakers("\"small farms\""), ["Tom Smith"]);
    assert!(speakers("\"farms small\"").is_empty());
    assert_eq!(speakers("farms small"), ["Tom Smith"]);
}

/// Runs `whosaid db build` with `extra` arguments over `input`; returns exit code and stderr.
fn build(db: &Path, input: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["db", "build", "--db", db.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.push(input.to_str().unwrap());
    let out = whosaid(&args, None);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn stdout_of(args: &[&str]) -> String {
    let out = whosaid(args, None);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn search_speaker_and_export_never_put_a_report_inside_quotation_marks() {
    let dir = TempDir::new("shown");
    let input = dir.write("council.txt", REPORTING);
    let db = dir.join("q.sqlite");
    let db_s = db.to_str().unwrap();
    let (code, stderr) = build(
        &db,
        &input,
        &["--kinds", "direct,partial,indirect", "--include", "thought"],
    );
    assert_eq!(code, Some(0), "{stderr}");

    let search = stdout_of(&["db", "search", "--db", db_s, "bridge reopen"]);
    assert!(
        search.contains("Ann Lee said: the bridge will reopen in May"),
        "{search}"
    );
    assert!(
        search.contains("“The bridge will reopen in May"),
        "{search}"
    );
    let speaker = stdout_of(&["db", "speaker", "--db", db_s, "Tom Smith"]);
    assert!(
        speaker.contains("Tom Smith (thought, reported): the ferry is too slow"),
        "{speaker}"
    );
    // A report's two lines hold no quotation mark.
    for text in [&search, &speaker] {
        let lines: Vec<&str> = text.lines().collect();
        let reports: Vec<usize> = (0..lines.len())
            .filter(|&i| {
                lines
                    .get(i + 1)
                    .is_some_and(|l| l.contains("reported, not verbatim"))
            })
            .collect();
        assert!(!reports.is_empty(), "{text}");
        for i in reports {
            let block = format!("{}\n{}", lines[i], lines[i + 1]);
            assert!(
                !block.contains(['“', '”', '"']),
                "a report inside quotation marks:\n{block}"
            );
        }
    }
    let json = stdout_of(&["db", "search", "--db", db_s, "--json", "ferry"]);
    let hit: Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(
        (&hit["verbatim"], &hit["class"]),
        (&Value::Bool(false), &"thought".into())
    );

    let exported = export(&db, "quotations");
    let lines: Vec<Value> = exported
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let reports: Vec<&Value> = lines.iter().filter(|q| q["verbatim"] == false).collect();
    assert_eq!(reports.len(), 2, "{exported}");
    for q in &reports {
        assert!(occurrences_of(q).iter().all(|o| o["kind"] == "indirect"));
    }
    for q in lines.iter().filter(|q| q["verbatim"] == true) {
        assert!(occurrences_of(q).iter().all(|o| o["kind"] != "indirect"));
    }
    let documents = export(&db, "documents");
    assert!(
        documents.contains("\"settings\":\"kinds=direct,partial,indirect include=speech,thought\""),
        "{documents}"
    );
}

#[test]
fn building_with_other_settings_re_extracts_and_the_same_settings_change_nothing() {
    let dir = TempDir::new("settings");
    let input = dir.write("council.txt", REPORTING);
    let db = dir.join("q.sqlite");
    let reports = |db: &Path| Database::open(db).unwrap().stats().unwrap().reports;
    let steps: &[(&[&str], &str, i64)] = &[
        (&[], "1 added, 0 updated, 0 unchanged", 0),
        (&[], "0 added, 0 updated, 1 unchanged", 0),
        (
            &["--kinds", "direct,partial,indirect"],
            "0 added, 1 updated, 0 unchanged",
            1,
        ),
        (
            &["--kinds", "indirect,direct,partial"],
            "0 added, 0 updated, 1 unchanged",
            1,
        ),
        (
            &["--kinds", "direct,partial,indirect", "--include", "all"],
            "0 added, 1 updated, 0 unchanged",
            2,
        ),
        (
            &["--kinds", "direct,partial"],
            "0 added, 1 updated, 0 unchanged",
            0,
        ),
        // Without reports, --include stores nothing more: the document is up to date.
        (&["--include", "all"], "0 added, 0 updated, 1 unchanged", 0),
    ];
    for (args, summary, n) in steps {
        let (code, stderr) = build(&db, &input, args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(stderr.contains(summary), "{args:?}: {stderr}");
        assert_eq!(reports(&db), *n, "{args:?}");
    }
}

#[test]
fn unknown_kinds_and_classes_are_usage_errors() {
    let dir = TempDir::new("bad-values");
    let input = dir.write("council.txt", REPORTING);
    let db = dir.join("q.sqlite");
    for (args, value) in [
        (&["--kinds", "direct,quoted"][..], "quoted"),
        (
            &["--kinds", "indirect", "--include", "speach"][..],
            "speach",
        ),
        (&["--include", "thought,feeling"][..], "feeling"),
    ] {
        let (code, stderr) = build(&db, &input, args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(value), "{args:?}: {stderr}");
    }
    assert!(!db.exists(), "a usage error creates no database");
}

#[test]
fn a_database_of_the_first_schema_is_upgraded_and_its_reports_never_shown_as_quotations() {
    let dir = TempDir::new("upgrade");
    let path = dir.join("q.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(whosaid::db::schema::MIGRATIONS[0])
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        // The first schema stored every finding, and dedup could merge a quoted passage
        // with a report of the same words.
        conn.execute_batch(
            "INSERT INTO documents (doc, id, hash, quotes) VALUES (1, 'a', '0', 3);
             INSERT INTO occurrences (id, doc, ord, text, norm, kind, start, end, byte_start,
                 byte_end, sentence, speaker, confidence) VALUES
                 (1, 1, 0, 'The ferry is late', 'the ferry is late', 'direct', 0, 1, 0, 1, 0, 'Ann Lee', 0.9),
                 (2, 1, 1, 'the ferry is late', 'the ferry is late', 'indirect', 2, 3, 2, 3, 1, 'Ann Lee', 0.6),
                 (3, 1, 2, 'We will sail', 'we will sail', 'direct', 4, 5, 4, 5, 2, 'Ann Lee', 0.9);
             INSERT INTO placements (occurrence, quotation) VALUES (1, 1), (2, 1), (3, 2);
             INSERT INTO quotations (id, text, top_speaker, top_weight, occurrences, documents)
                 VALUES (1, 'The ferry is late', 'Ann Lee', 1.5, 2, 1),
                        (2, 'We will sail', 'Ann Lee', 0.9, 1, 1);
             INSERT INTO quotations_fts (rowid, text) VALUES (1, 'The ferry is late'), (2, 'We will sail');",
        )
        .unwrap();
    }
    let mut db = Database::open(&path).unwrap();
    let version: usize = db
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize;
    assert_eq!(version, whosaid::db::schema::MIGRATIONS.len());
    assert!(
        db.is_dirty().unwrap(),
        "the quotations are to be recomputed"
    );
    let hits = db.search("ferry", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        !hits[0].verbatim,
        "a quotation holding a report is a report"
    );
    assert_eq!(
        hits[0].class, None,
        "the first schema did not store classes"
    );
    let hits = db.search("sail", 10).unwrap();
    assert!(hits[0].verbatim);
    // The index was rebuilt with stemming.
    assert_eq!(db.search("SAILS", 10).unwrap().len(), 1);
    assert_eq!(db.stats().unwrap().settings, vec![(None, 1)]);
    // The document's settings are unknown: built again, it is re-extracted.
    let entry = Entry::extract(
        "a",
        "“The ferry is late,” said Ann Lee.",
        None,
        &Settings::default(),
    );
    let stats = db.write_batch(&[entry], |_| {}).unwrap();
    assert_eq!(stats.updated, 1);
    db.consolidate().unwrap();
    let all = quotations(&db);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["verbatim"], true);
}

#[test]
fn a_report_interrupted_by_its_attribution_keeps_its_lead() {
    let dir = TempDir::new("lead");
    let mut db = memory_db(&dir);
    store_with(
        &mut db,
        &[(
            "a",
            "The plan, a council spokesman said, is to cut the ferry fares by half.",
        )],
        &with_reports(Classes::SPEECH),
    );
    let all = quotations(&db);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["verbatim"], false);
    assert_eq!(
        all[0]["text"],
        "The plan … is to cut the ferry fares by half"
    );
    let occurrence = &occurrences_of(&all[0])[0];
    assert_eq!(occurrence["lead"], "The plan");
    assert_eq!(occurrence["text"], "is to cut the ferry fares by half");
    // Searched by the words of its lead, it is found.
    assert_eq!(db.search("plan ferry", 10).unwrap().len(), 1);
}

/// The ids of the documents a database holds, sorted.
fn stored_ids(db: &Path) -> Vec<String> {
    let mut ids: Vec<String> = export(db, "documents")
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_file_is_one_document_however_its_path_is_spelt_or_wherever_it_moved() {
    let dir = TempDir::new("identity");
    let a = dir.write(
        "in/a.txt",
        "“The ferry runs again in May,” said Tom Smith.\n",
    );
    dir.write("in/b.txt", "“We sold every seat,” said Ann Lee.\n");
    let db = dir.join("q.sqlite");
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap().display().to_string();
    // Spelt with a detour: stored under the canonical path.
    let detour = dir.join("in/../in");
    let (code, err) = build(&db, &detour, &[]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        stored_ids(&db),
        [canonical(&a), canonical(&dir.join("in/b.txt"))]
    );
    // The same folder by another spelling: nothing new.
    let (code, err) = build(&db, &dir.join("in"), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.starts_with("whosaid: 2 documents (0 added, 0 updated, 2 unchanged, 0 failed)"),
        "{err}"
    );
    // A moved file is renamed, not stored twice; a copy is the same document.
    let moved = dir.join("in/sub/a-moved.txt");
    std::fs::create_dir_all(moved.parent().unwrap()).unwrap();
    std::fs::rename(&a, &moved).unwrap();
    dir.write("in/copy-of-b.txt", "“We sold every seat,” said Ann Lee.\n");
    let (code, err) = build(&db, &dir.join("in"), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.starts_with("whosaid: 3 documents (0 added, 0 updated, 3 unchanged, 0 failed)"),
        "{err}"
    );
    assert!(
        err.contains("whosaid: 1 document stored under another path now named by its current path"),
        "{err}"
    );
    assert_eq!(
        stored_ids(&db),
        [canonical(&dir.join("in/b.txt")), canonical(&moved)]
    );
    let stats = Database::open(&db).unwrap().stats().unwrap();
    assert_eq!((stats.documents, stats.quotations), (2, 2));
}

#[test]
fn an_exported_quotation_line_lists_a_bounded_number_of_occurrences() {
    use whosaid::db::export::{MAX_EXPORT_DOCUMENTS, MAX_EXPORT_OCCURRENCES};
    let dir = TempDir::new("export-cap");
    let mut db = memory_db(&dir);
    let n = MAX_EXPORT_DOCUMENTS + 5;
    let texts: Vec<(String, String)> = (0..n)
        .map(|i| {
            (
                format!("doc-{i:03}"),
                format!("Report {i}. “The harbour will stay open all winter,” said Ann Lee."),
            )
        })
        .collect();
    let docs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(id, text)| (id.as_str(), text.as_str()))
        .collect();
    store(&mut db, &docs);
    let all = quotations(&db);
    assert_eq!(all.len(), 1);
    let q = &all[0];
    assert_eq!(q["occurrence_count"], n);
    assert_eq!(
        q["occurrences"].as_array().unwrap().len(),
        MAX_EXPORT_OCCURRENCES
    );
    assert_eq!(q["occurrences_omitted"], n - MAX_EXPORT_OCCURRENCES);
    assert_eq!(documents_of(q).len(), MAX_EXPORT_DOCUMENTS);
    assert_eq!(documents_of(q)[0], "doc-000");
    assert_eq!(q["documents_omitted"], 5);
    // The documents view still holds every occurrence.
    let mut out = Vec::new();
    db.export(View::Documents, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), n);
}

#[test]
fn a_file_stored_by_another_spelling_of_its_path_is_renamed_not_stored_again() {
    let dir = TempDir::new("respelt");
    let text = "“The ferry runs again in May,” said Tom Smith.\n";
    let a = dir.write("in/a.txt", text);
    let db_path = dir.join("q.sqlite");
    // As an older whosaid stored it: the path as typed.
    let typed = dir.join("in/../in/a.txt").display().to_string();
    {
        let mut db = Database::open(&db_path).unwrap();
        let entry = Entry::extract(&typed, text, None, &Settings::default());
        db.write_batch(&[entry], |_| {}).unwrap();
        db.consolidate().unwrap();
    }
    let (code, err) = build(&db_path, &dir.join("in"), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.starts_with("whosaid: 1 document (0 added, 0 updated, 1 unchanged, 0 failed)"),
        "{err}"
    );
    let canonical = std::fs::canonicalize(&a).unwrap().display().to_string();
    assert_eq!(stored_ids(&db_path), [canonical]);
}

/// A house construction no built-in rule reads: a quote, a name, "grinned" (no speech verb).
const HOUSE_PATTERN: &str = "\
pattern HOUSE01 quote-name-grinned
  kind       direct
  match      $QUOTE ,? $SPEAKER{name} $CUE{grinned}
  example    “We have no plan B,” Whitfield grinned.
    speaker  Whitfield
";

#[test]
fn build_extracts_with_the_users_patterns_and_their_hash_is_in_the_settings() {
    let dir = TempDir::new("build-patterns");
    let input = dir.write(
        "story.txt",
        "Dana Whitfield runs the ferry. “We have no plan B for the winter crossings,” Whitfield grinned.\n",
    );
    let patterns = dir.write("house.pat", HOUSE_PATTERN);
    let pat = patterns.to_str().unwrap();
    let db = dir.join("q.sqlite");
    // The rule and speaker of each stored quote.
    let stored = |db: &Path| -> Vec<(String, String)> {
        export(db, "documents")
            .lines()
            .flat_map(|l| {
                let d: Value = serde_json::from_str(l).unwrap();
                d["quotes"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|o| {
                        let field = |k: &str| o[k].as_str().unwrap_or("").to_string();
                        (field("rule"), field("speaker"))
                    })
            })
            .collect()
    };
    let stats = |db: &Path| stdout_of(&["db", "stats", "--db", db.to_str().unwrap()]);

    let (code, stderr) = build(&db, &input, &["--patterns", pat]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stored(&db),
        [("HOUSE01".to_string(), "Dana Whitfield".to_string())]
    );
    let with = stats(&db);
    assert!(with.contains(" patterns="), "{with}");

    // The same files again: nothing to redo, the same settings.
    let (code, stderr) = build(&db, &input, &["--patterns", pat]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("1 unchanged"), "{stderr}");
    assert_eq!(stats(&db), with);

    // Without them the document is extracted again, with the built-in rules only, which
    // leave the quote without a speaker.
    let (code, stderr) = build(&db, &input, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("1 updated"), "{stderr}");
    assert!(stored(&db).iter().all(|(rule, _)| rule != "HOUSE01"));
    assert!(!stats(&db).contains(" patterns="), "{}", stats(&db));

    // A mistake in a file stops the build before the database is opened: exit 2, the
    // mistake named by file:line:column.
    let bad = dir.write("bad.pat", "pattern HOUSE02 x\n  kind sideways\n");
    let fresh = dir.join("fresh.sqlite");
    let (code, stderr) = build(&fresh, &input, &["--patterns", bad.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("bad.pat:2:8:"), "{stderr}");
    assert!(!fresh.exists());
}
