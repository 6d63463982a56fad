//! Input that serde or the file system makes awkward never costs a document silently: metadata
//! serde cannot hold is kept when it can stand alone and else dropped with a warning in the
//! record, every JSON Lines line gives one
//! line out (a blank line an empty document), and a file in a directory that is no regular
//! file is named on stderr.

use std::process::Output;

use serde_json::Value;

#[path = "support/process.rs"]
mod support;

use support::{whosaid, TempDir};

const ARTICLE: &str =
    "Dana Whitlock runs the mill. \u{201c}We are laser-focused,\u{201d} Whitlock said.\n";

fn records(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn metadata_serde_cannot_hold_costs_only_its_field() {
    // guards: a record whose metadata was nested 127 deep or held 1e999999 became a
    // `malformed_json` error although its text was fine.
    // 127 levels inside a record are 128 with it, one past serde_json's limit: the field
    // alone is within it and is kept.
    let text = serde_json::to_string(ARTICLE).unwrap();
    let nested = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    let record = format!(
        "{{\"id\": \"at\", \"nested\": {}, \"text\": {text}}}\n",
        nested(127)
    );
    let o = whosaid(&["extract", "-q", "--jsonl", "-"], Some(record.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("{\"id\":\"at\""), "{out}");
    assert!(
        out.contains(&format!("\"nested\":{}", nested(127))),
        "{out}"
    );
    assert!(out.contains("\"text\":\"We are laser-focused,\""), "{out}");
    // Deeper, or a number beyond f64: the field is dropped, named in the metadata.
    let input = format!(
        "{{\"id\": \"deep\", \"source\": \"wire\", \"nested\": {deep}, \"text\": {text}}}\n\
         {{\"id\": \"huge\", \"score\": 1e999999, \"text\": {text}, \"url\": \"https://example.org\"}}\n\
         {{\"id\": \"bad\", \"text\": {text}, \"oops\": [1, }}\n",
        deep = nested(200)
    );
    let o = whosaid(&["extract", "-q", "--jsonl", "-"], Some(input.as_bytes()));
    let recs = records(&o);
    assert_eq!(recs.len(), 3, "{}", stderr(&o));
    for rec in &recs[..2] {
        assert_eq!(rec.get("error"), None, "{rec}");
        assert_eq!(rec["quotes"].as_array().map(Vec::len), Some(1), "{rec}");
    }
    let deep = &recs[0]["meta"];
    assert_eq!(deep["source"], "wire");
    assert_eq!(deep.get("nested"), None);
    let warning = deep["whosaid_warnings"][0].as_str().unwrap();
    assert!(
        warning.starts_with("field `nested` dropped: recursion limit exceeded"),
        "{warning}"
    );
    let huge = &recs[1]["meta"];
    assert_eq!(huge["url"], "https://example.org");
    assert_eq!(huge.get("score"), None);
    let warning = huge["whosaid_warnings"][0].as_str().unwrap();
    assert!(
        warning.starts_with("field `score` dropped: number out of range"),
        "{warning}"
    );
    // JSON that is not valid stays an error.
    assert_eq!(recs[2]["error"]["kind"], "malformed_json");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn every_jsonl_line_gives_one_line_out() {
    // guards: a blank line gave no output line, so outputs no longer lined up with inputs.
    let text = serde_json::to_string(ARTICLE).unwrap();
    let input = format!(
        "{{\"id\": \"a\", \"text\": {text}}}\n\n   \n{{\"id\": \"b\", \"text\": {text}}}\n"
    );
    let o = whosaid(&["extract", "-q", "--jsonl", "-"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recs = records(&o);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "-:2", "-:3", "b"]);
    for blank in &recs[1..3] {
        assert_eq!(blank["quotes"], serde_json::json!([]), "{blank}");
        assert_eq!(blank.get("error"), None, "{blank}");
    }
}

#[test]
fn a_fifo_in_a_directory_is_named_on_stderr() {
    // guards: a FIFO inside an input directory was skipped without a word.
    let dir = TempDir::new("fifo");
    dir.write("a.txt", ARTICLE);
    let fifo = dir.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let o = whosaid(&["extract", "-q", dir.path().to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(records(&o).len(), 1);
    assert!(
        stderr(&o).contains(&format!("skipped {}: not a regular file", fifo.display())),
        "{}",
        stderr(&o)
    );
}

#[test]
fn csv_cells_are_neutralised_unless_csv_raw() {
    // guards: a quote like “=HYPERLINK(…)” ran as a formula when the CSV was opened.
    let dir = TempDir::new("csv");
    let doc = dir.write("a.txt", "\u{201c}=1+2\u{201d} Ann Lee said.\n");
    let o = whosaid(
        &["extract", "-q", "--format", "csv", doc.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains(",'=1+2,"));
    let o = whosaid(
        &[
            "extract",
            "-q",
            "--format",
            "tsv",
            "--csv-raw",
            doc.to_str().unwrap(),
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("\t=1+2\t"));
    let o = whosaid(&["extract", "-q", "--csv-raw", doc.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--csv-raw goes with --format csv"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn db_search_and_export_refuse_an_unfinished_build() {
    // guards: after a build killed with kill -9, search and export printed nothing, exit 0.
    let dir = TempDir::new("dbkilled");
    let input = (0..12)
        .map(|i| {
            let text = format!("\u{201c}Stop number {i},\u{201d} Ann Lee said.");
            format!(
                "{}\n",
                serde_json::json!({"id": i.to_string(), "text": text})
            )
        })
        .collect::<String>();
    let input = dir.write("in.jsonl", input);
    let db = dir.join("q.sqlite");
    let build = [
        "db",
        "build",
        "-q",
        "--db",
        db.to_str().unwrap(),
        "--batch",
        "5",
        "--jsonl",
        input.to_str().unwrap(),
    ];
    let killed = support::whosaid_env(&build, None, &[("WHOSAID_DB_ABORT_AFTER", "7")]);
    assert_eq!(killed.status.code(), None, "killed by a signal");
    for args in [
        vec!["db", "search", "--db", db.to_str().unwrap(), "stop"],
        vec!["db", "export", "--db", db.to_str().unwrap()],
    ] {
        let o = whosaid(&args, None);
        assert_ne!(o.status.code(), Some(0), "{args:?}");
        assert!(o.stdout.is_empty());
        assert!(
            stderr(&o).contains("the quotations are stale"),
            "{}",
            stderr(&o)
        );
    }
    assert_eq!(whosaid(&build, None).status.code(), Some(0));
    let o = whosaid(
        &["db", "search", "--db", db.to_str().unwrap(), "stop"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Stop number"));
}

#[test]
fn db_build_waits_for_another_writer() {
    // guards: a second build on the same file failed at once with "database is locked".
    let dir = TempDir::new("dblock");
    let a = dir.write("a.txt", ARTICLE);
    let b = dir.write("b.txt", "\u{201c}We stay,\u{201d} Ann Lee said.\n");
    let db = dir.join("q.sqlite");
    let first = whosaid(
        &[
            "db",
            "build",
            "-q",
            "--db",
            db.to_str().unwrap(),
            a.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let second = std::process::Command::new(support::BIN)
        .args([
            "db",
            "build",
            "-q",
            "--db",
            db.to_str().unwrap(),
            b.to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Long enough for the build to reach its first write while the lock is held.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    holder.execute_batch("COMMIT").unwrap();
    let out = second.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
