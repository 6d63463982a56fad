//! The pattern commands as a user runs them: `--patterns` on `extract`, `rules` and `rule`,
//! `test-patterns`, and the worked example of docs/patterns.md, which must stay true.

use std::process::{Command, Output};

#[path = "support/process.rs"]
mod support;

use support::{whosaid, TempDir, BIN};

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

const HOUSE: &str = "\
pattern HOUSE01 name-speaking-to-colon-quote
  kind       direct
  match      $SPEAKER{name|desc} , $CUE{speaking} (to|at|with) _{1,6} : $QUOTE
  example    Maria Lopez, speaking to reporters on Monday: “We are out of money.”
    speaker  Maria Lopez
disable ATT019
";

/// The fenced blocks of a Markdown text, in order.
fn fenced_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        if line.starts_with("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => current = Some(String::new()),
            }
        } else if let Some(block) = current.as_mut() {
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
}

#[test]
fn the_worked_example_of_the_docs_gives_the_report_the_docs_show() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/patterns.md"))
        .expect("docs/patterns.md");
    let blocks = fenced_blocks(&docs);
    let file = blocks
        .iter()
        .find(|b| b.starts_with("# House style"))
        .expect("the worked example's file");
    let report = blocks
        .iter()
        .find(|b| b.starts_with("PASS HOUSE01"))
        .expect("the worked example's report");
    let dir = TempDir::new("docs");
    dir.write("house.pat", file);
    let out: Output = Command::new(BIN)
        .args(["test-patterns", "house.pat"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), *report);
}

#[test]
fn extract_with_patterns_reports_the_pattern_rule() {
    let dir = TempDir::new("extract");
    let pat = dir.write("house.pat", HOUSE);
    let doc = dir.write(
        "talk.txt",
        "Maria Lopez, speaking to reporters on Monday: “We are out of money.”",
    );
    let out = whosaid(
        &[
            "extract",
            doc.to_str().unwrap(),
            "--patterns",
            pat.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(record["quotes"][0]["rule"], "HOUSE01");
    assert_eq!(record["quotes"][0]["speaker"]["name"], "Maria Lopez");
    // Without the file, no rule attributes it.
    let out = whosaid(&["extract", doc.to_str().unwrap()], None);
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(record["quotes"][0]["rule"], serde_json::Value::Null);
    // --rules accepts the pattern's ID only with its file.
    let out = whosaid(
        &["extract", doc.to_str().unwrap(), "--rules", "HOUSE01"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown rule ID HOUSE01"));
    let out = whosaid(
        &[
            "extract",
            doc.to_str().unwrap(),
            "--rules",
            "HOUSE01",
            "--patterns",
            pat.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn the_report_shows_the_pattern_rule() {
    let dir = TempDir::new("report");
    let pat = dir.write("house.pat", HOUSE);
    let doc = dir.write(
        "talk.txt",
        "Maria Lopez, speaking to reporters on Monday: “We are out of money.”",
    );
    let page = dir.join("report.html");
    let out = whosaid(
        &[
            "report",
            doc.to_str().unwrap(),
            "--out",
            page.to_str().unwrap(),
            "--patterns",
            pat.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(html.contains("HOUSE01"));
}

#[test]
fn rules_lists_added_and_disabled_patterns_in_order() {
    let dir = TempDir::new("rules");
    let pat = dir.write("house.pat", HOUSE);
    let out = whosaid(&["rules", "--patterns", pat.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    let listing = text(&out.stdout);
    let line_of = |id: &str| listing.lines().position(|l| l.starts_with(id));
    let added = line_of("HOUSE01").expect("listed");
    assert!(listing.lines().nth(added).unwrap().contains("(added by"));
    // After the built-in rules of its phase (the last one, ATT018), before the context rules.
    assert_eq!(line_of("ATT018").map(|l| l + 1), Some(added));
    assert!(listing.contains("ATT019  disabled by --patterns"));
    let out = whosaid(
        &["rule", "HOUSE01", "--patterns", pat.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("# HOUSE01 name-speaking-to-colon-quote"));
}

#[test]
fn a_malformed_file_is_exit_2_with_file_line_and_column() {
    let dir = TempDir::new("bad");
    let pat = dir.write(
        "bad.pat",
        "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER @nope\n  example a\n",
    );
    let doc = dir.write("a.txt", "“Yes,” Lee said.");
    for args in [
        vec![
            "extract",
            doc.to_str().unwrap(),
            "--patterns",
            pat.to_str().unwrap(),
        ],
        vec!["rules", "--patterns", pat.to_str().unwrap()],
        vec!["test-patterns", pat.to_str().unwrap()],
    ] {
        let out = whosaid(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!("{}:3:27: unknown class `@nope`", pat.display())),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    let out = whosaid(&["rules", "--patterns", "/nonexistent/x.pat"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read the pattern file /nonexistent/x.pat"));
}

#[test]
fn test_patterns_fails_with_exit_1_and_says_why() {
    let dir = TempDir::new("fail");
    let pat = dir.write(
        "wrong.pat",
        "pattern HOUSE01 quote-writes-name\n  kind direct\n  match $QUOTE ,? $CUE{writes} $SPEAKER{name}\n  example “No,” writes Omar Haddad.\n    speaker Omar Khan\n",
    );
    let out = whosaid(&["test-patterns", pat.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    assert!(
        report.starts_with("FAIL HOUSE01 quote-writes-name"),
        "{report}"
    );
    assert!(report.contains("= speaker “Omar Khan” expected, found “Omar Haddad”"));
    assert!(report.ends_with("1 example of 1 pattern: 0 passed, 1 failed\n"));
}

#[test]
fn test_patterns_without_files_runs_the_builtin_patterns() {
    let out = whosaid(&["test-patterns"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("PASS ATT018"));
}
