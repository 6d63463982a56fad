//! Every mistake of a user's gets a message naming it and a non-zero exit status: unknown or
//! empty rule IDs, directories with nothing to read, searches that find nothing. Also the
//! choice of files by extension (`--ext`), one JSON array for several documents
//! (`--format json`), and counts in the singular.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

#[path = "support/process.rs"]
mod support;

use support::{whosaid, TempDir};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

const ARTICLE: &str = "“We will reopen the bridge in May,” said Ann Lee, the county engineer.\n";
const OTHER: &str = "Tom Park runs the ferry. “Nobody asked us,” Park said.\n";

/// The first line of the valid rule IDs, as every rule message lists them.
const VALID: &str = "the rules are ATT001, ATT002, ATT003";

#[test]
fn an_unknown_rule_id_exits_2_and_lists_the_valid_ones() {
    let dir = TempDir::new("rules");
    let f = dir.write("a.txt", ARTICLE);
    for command in ["extract", "report"] {
        let out_file = dir.join("r.html");
        let mut args = vec![command, "-q", "--rules", "ATT001,NOPE", p(&f)];
        if command == "report" {
            args.extend(["--out", p(&out_file)]);
        }
        let o = whosaid(&args, None);
        assert_eq!(o.status.code(), Some(2), "{command}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
        let err = stderr(&o);
        assert!(
            err.starts_with("whosaid: --rules: unknown rule ID NOPE; the rules are ATT001"),
            "{err}"
        );
        assert!(err.contains("IND014"), "{err}");
        assert!(!out_file.exists(), "no report is written for a usage error");
    }
    let two = whosaid(&["extract", "--rules", "nope,ATT0", p(&f)], None);
    assert_eq!(two.status.code(), Some(2));
    assert!(stderr(&two).starts_with("whosaid: --rules: unknown rule IDs nope, ATT0; "));
}

#[test]
fn an_empty_rules_list_is_an_error() {
    let dir = TempDir::new("norules");
    let f = dir.write("a.txt", ARTICLE);
    let o = whosaid(&["extract", "--rules", "", p(&f)], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).starts_with(&format!("whosaid: --rules: no rule ID given; {VALID}")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rule_ids_are_taken_in_any_case() {
    let dir = TempDir::new("rulecase");
    let f = dir.write("a.txt", ARTICLE);
    let o = whosaid(&["extract", "--rules", "att002", p(&f)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rec: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(rec["quotes"][0]["rule"], "ATT002");
}

#[test]
fn a_directory_without_files_to_read_names_itself_and_the_extensions() {
    let dir = TempDir::new("noinput");
    dir.write("notes/a.md", ARTICLE);
    dir.write("notes/b.html", OTHER);
    let notes = dir.join("notes");
    for command in ["extract", "sentences"] {
        let o = whosaid(&[command, p(&notes)], None);
        assert_eq!(o.status.code(), Some(1), "{command}");
        assert!(o.stdout.is_empty());
        assert_eq!(
            stderr(&o),
            format!(
                "whosaid: {}: no .txt files in this directory (it holds .html, .md files); \
                 choose the extensions to read with --ext, e.g. --ext txt,md\n",
                p(&notes)
            )
        );
    }
    let jsonl = whosaid(&["extract", "--jsonl", p(&notes)], None);
    assert_eq!(jsonl.status.code(), Some(1));
    assert!(stderr(&jsonl).contains(": no .jsonl files in this directory"));
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let db = dir.join("q.sqlite");
    let o = whosaid(&["db", "build", "--db", p(&db), p(&empty)], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "whosaid: {}: no .txt files in this directory; choose the extensions to read \
             with --ext, e.g. --ext txt,md\n",
            p(&empty)
        )
    );
    let report = dir.join("r.html");
    let o = whosaid(&["report", p(&empty), "--out", p(&report)], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(!report.exists());
}

#[test]
fn ext_chooses_the_files_read_in_directories() {
    let dir = TempDir::new("ext");
    dir.write("a.md", ARTICLE);
    dir.write("b.TXT", OTHER);
    dir.write("c.txt", OTHER);
    dir.write("d.html", ARTICLE);
    let ids = |o: &Output| -> Vec<String> {
        stdout(o)
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                let id = v["id"].as_str().unwrap().to_string();
                Path::new(&id)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    let both = whosaid(&["extract", "-q", "--ext", "txt,.md", p(dir.path())], None);
    assert_eq!(both.status.code(), Some(0), "{}", stderr(&both));
    assert_eq!(ids(&both), ["a.md", "b.TXT", "c.txt"]);
    let md = whosaid(&["extract", "-q", "--ext", "md", p(dir.path())], None);
    assert_eq!(ids(&md), ["a.md"]);
    let default = whosaid(&["extract", "-q", p(dir.path())], None);
    assert_eq!(ids(&default), ["b.TXT", "c.txt"]);
    let bad = whosaid(&["extract", "--ext", "txt,", p(dir.path())], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("an extension is empty"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn format_json_over_several_documents_is_one_array() {
    let dir = TempDir::new("jsonarray");
    dir.write("a.txt", ARTICLE);
    dir.write("b.txt", OTHER);
    dir.write("c.txt", [0xffu8, 0xfe, 0x00]);
    let o = whosaid(&["extract", "-q", "--format", "json", p(dir.path())], None);
    assert_eq!(o.status.code(), Some(1), "the unreadable file fails");
    let all: Value = serde_json::from_str(&stdout(&o)).expect("one JSON value");
    let all = all.as_array().expect("an array");
    assert_eq!(all.len(), 3);
    assert_eq!(all[0]["quotes"][0]["speaker"]["name"], "Ann Lee");
    assert_eq!(all[1]["quotes"][0]["speaker"]["name"], "Tom Park");
    assert!(all[2]["error"]["kind"].is_string());
    assert!(stdout(&o).starts_with("[\n  {\n    \"id\""), "indented");
    // The same records as JSON Lines.
    let lines = whosaid(&["extract", "-q", p(dir.path())], None);
    let records: Vec<Value> = stdout(&lines)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(all, &records);
    // Several files named one by one, and JSON Lines input, are arrays too.
    let two = whosaid(
        &[
            "extract",
            "--pretty",
            p(&dir.join("a.txt")),
            p(&dir.join("b.txt")),
        ],
        None,
    );
    let two: Value = serde_json::from_str(&stdout(&two)).unwrap();
    assert_eq!(two.as_array().map(Vec::len), Some(2));
    let none = whosaid(&["extract", "--jsonl", "--format", "json", "-"], Some(b""));
    assert_eq!(none.status.code(), Some(0));
    assert_eq!(stdout(&none), "[]\n");
    // One file in, its record out.
    let one = whosaid(
        &["extract", "--format", "json", p(&dir.join("a.txt"))],
        None,
    );
    assert!(stdout(&one).starts_with("{\n  \"id\""));
}

#[test]
fn counts_of_one_are_singular() {
    let dir = TempDir::new("singular");
    dir.write("c.txt", [0xffu8, 0xfe, 0x00]);
    let o = whosaid(&["extract", "-q", p(dir.path())], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).ends_with("whosaid: 1 of 1 document failed (1 invalid_utf16)\n"),
        "{}",
        stderr(&o)
    );
    let docs = TempDir::new("singular-db");
    docs.write("a.txt", ARTICLE);
    let db = docs.join("q.sqlite");
    let o = whosaid(
        &["db", "build", "--db", p(&db), p(&docs.join("a.txt"))],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.starts_with("whosaid: 1 document (1 added, 0 updated, 0 unchanged, 0 failed) in "),
        "{err}"
    );
    assert!(
        err.contains("whosaid: 1 occurrence → 1 quotation, 1 speaker ("),
        "{err}"
    );
    let stats = whosaid(&["db", "stats", "--db", p(&db)], None);
    assert!(
        stdout(&stats).contains("stored with kinds=direct,partial: 1 document\n"),
        "{}",
        stdout(&stats)
    );
    let hit = whosaid(&["db", "search", "--db", p(&db), "bridge"], None);
    assert_eq!(hit.status.code(), Some(0));
    assert!(
        stdout(&hit).contains("(1 occurrence in 1 document: "),
        "{}",
        stdout(&hit)
    );
}

#[test]
fn a_search_without_hits_says_so_and_exits_1() {
    let dir = TempDir::new("nohit");
    let f = dir.write("a.txt", ARTICLE);
    let db = dir.join("q.sqlite");
    let o = whosaid(&["db", "build", "-q", "--db", p(&db), p(&f)], None);
    assert_eq!(o.status.code(), Some(0));
    for json in [false, true] {
        let mut args = vec!["db", "search", "--db", p(&db), "submarine"];
        if json {
            args.push("--json");
        }
        let o = whosaid(&args, None);
        assert_eq!(o.status.code(), Some(1));
        assert!(o.stdout.is_empty());
        assert_eq!(
            stderr(&o),
            format!(
                "whosaid: no quotation matches \"submarine\" in {}\n",
                p(&db)
            )
        );
    }
}
