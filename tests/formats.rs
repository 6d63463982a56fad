//! `whosaid extract --format`: CSV and TSV parse back with the csv crate into the quotes the
//! library finds; every Web Annotation has the W3C model's required fields and selectors
//! that re-find its quote; metadata of JSONL input reaches every format; failed documents
//! show in each; the terminal view is snapshotted, coloured only when asked.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use whosaid::output::formats::table::COLUMNS;

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

fn whosaid_env(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("run whosaid");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_string();
        std::thread::spawn(move || pipe.write_all(input.as_bytes()));
    }
    child.wait_with_output().expect("wait for whosaid")
}

fn whosaid(args: &[&str], stdin: Option<&str>) -> Output {
    whosaid_env(args, stdin, &[])
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// The `.txt` files under `dir`, sorted as `extract` walks them, with their texts.
fn texts(dir: &str) -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(Path::new(dir), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.display().to_string(), text)
        })
        .collect()
}

/// The code points `start..end` of `text`.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn check_table(delimiter: u8, format: &str) {
    let corpus = texts("corpus");
    let out = whosaid(&["extract", "corpus/", "--format", format, "-q"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();

    let mut expected = Vec::new();
    for (id, text) in &corpus {
        let doc = whosaid::extract(id, text, &Default::default());
        for q in doc.quotes {
            expected.push((id.clone(), text.clone(), q));
        }
    }
    assert!(expected.len() > 100, "the corpus has quotes");
    assert_eq!(rows.len(), expected.len(), "one row per quote");
    for (row, (id, text, q)) in rows.iter().zip(&expected) {
        assert_eq!(row.len(), COLUMNS.len());
        assert_eq!(&row[0], id);
        assert_eq!(&row[1], q.text);
        assert_eq!(&row[2], q.kind.as_str());
        assert_eq!(&row[3], q.speaker.as_ref().map_or("", |s| s.name.as_str()));
        assert_eq!(&row[4], q.cue.as_ref().map_or("", |c| c.text.as_str()));
        assert_eq!(&row[5], q.rule.as_deref().unwrap_or(""));
        assert_eq!(row[6].parse::<f64>().unwrap(), q.confidence);
        let (start, end) = (row[7].parse().unwrap(), row[8].parse().unwrap());
        assert_eq!(chars(text, start, end), row[1], "{id}: code-point span");
        assert!(
            row.iter().skip(9).all(str::is_empty),
            "no metadata, no error"
        );
    }
}

#[test]
fn csv_parses_back_into_the_quotes_of_the_library() {
    check_table(b',', "csv");
}

#[test]
fn tsv_parses_back_into_the_quotes_of_the_library() {
    check_table(b'\t', "tsv");
}

/// Checks one annotation against the W3C model's required fields and against the text.
fn check_annotation(a: &Value, text: &str, source: &str, seen: &mut HashSet<String>) {
    assert_eq!(a["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(a["type"], "Annotation");
    let id = a["id"].as_str().expect("id is a string");
    assert!(id.starts_with("urn:whosaid:"), "{id}");
    assert!(
        seen.insert(id.to_string()),
        "annotation ids are unique: {id}"
    );
    let bodies = a["body"].as_array().expect("body is a list");
    assert!(!bodies.is_empty());
    for b in bodies {
        assert_eq!(b["type"], "TextualBody");
        assert!(b["value"].as_str().is_some_and(|v| !v.is_empty()));
        assert!(["describing", "tagging"].contains(&b["purpose"].as_str().unwrap()));
    }
    let target = &a["target"];
    assert_eq!(target["source"], source);
    let selectors = target["selector"].as_array().expect("selectors");
    let quote = selectors
        .iter()
        .find(|s| s["type"] == "TextQuoteSelector")
        .expect("a TextQuoteSelector");
    let position = selectors
        .iter()
        .find(|s| s["type"] == "TextPositionSelector")
        .expect("a TextPositionSelector");
    let exact = quote["exact"].as_str().unwrap();
    let prefix = quote["prefix"].as_str().unwrap();
    let suffix = quote["suffix"].as_str().unwrap();
    let start = position["start"].as_u64().unwrap() as usize;
    let end = position["end"].as_u64().unwrap() as usize;
    assert_eq!(
        chars(text, start, end),
        exact,
        "{id}: position re-finds the quote"
    );
    assert!(
        text.contains(&format!("{prefix}{exact}{suffix}")),
        "{id}: prefix + exact + suffix occurs in the text"
    );
    // The context is the text right around the quote, 32 code points or up to the edge.
    assert_eq!(chars(text, start.saturating_sub(32), start), prefix);
    assert_eq!(chars(text, end, end + 32), suffix);
    let kind = a["whosaid"]["kind"].as_str().unwrap();
    let description = a["body"][0]["value"].as_str().unwrap();
    assert!(
        description.contains(&format!("{kind} quote")),
        "{description}"
    );
}

#[test]
fn annotations_have_the_required_fields_and_re_find_their_quotes() {
    let corpus = texts("corpus");
    let out = whosaid(
        &["extract", "corpus/", "--format", "annotation", "-q"],
        None,
    );
    assert!(out.status.success());
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    let total: usize = corpus
        .iter()
        .map(|(id, text)| whosaid::extract(id, text, &Default::default()).quotes.len())
        .sum();
    assert_eq!(lines.len(), total, "one annotation per quote");
    let mut seen = HashSet::new();
    for a in &lines {
        let doc = a["whosaid"]["document"].as_str().unwrap();
        let (_, text) = corpus.iter().find(|(id, _)| id == doc).unwrap();
        check_annotation(a, text, doc, &mut seen);
        // The tags name the speaker, kind and rule of the quote.
        let tags: Vec<&str> = a["body"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["purpose"] == "tagging")
            .map(|b| b["value"].as_str().unwrap())
            .collect();
        assert!(tags.contains(&format!("kind:{}", a["whosaid"]["kind"].as_str().unwrap()).as_str()));
        if let Some(name) = a["whosaid"]["speaker"]["name"].as_str() {
            assert!(
                tags.contains(&format!("speaker:{name}").as_str()),
                "{tags:?}"
            );
        }
        if let Some(rule) = a["whosaid"]["rule"].as_str() {
            assert!(tags.contains(&format!("rule:{rule}").as_str()), "{tags:?}");
        }
    }
}

const JSONL: &str = concat!(
    r#"{"id":"a1","text":"“We will win,” said Jane Doe.","url":"https://news.test/a1","title":"Win, \"again\"","date":"2024-05-01","author":"Kim Lee","source":"Test News"}"#,
    "\n",
    "{not json\n",
    r#"{"id":"a3","text":"Nothing quoted here.","title":"Quiet"}"#,
    "\n",
);

#[test]
fn metadata_and_failed_documents_reach_every_format() {
    // JSON Lines: meta as it came; the failed record in place; one line per line in.
    let out = whosaid(&["extract", "--jsonl", "-"], Some(JSONL));
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["meta"]["url"], "https://news.test/a1");
    assert_eq!(lines[1]["error"]["kind"], "malformed_json");

    // CSV: metadata columns; the failed record as a row with its error.
    let out = whosaid(&["extract", "--jsonl", "-", "--format", "csv"], Some(JSONL));
    assert_eq!(out.status.code(), Some(1));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2, "one quote row and one error row");
    assert_eq!(
        rows[0].iter().collect::<Vec<_>>(),
        [
            "a1",
            "We will win,",
            "direct",
            "Jane Doe",
            "said",
            "ATT002",
            "0.95",
            "1",
            "13",
            "https://news.test/a1",
            "Win, \"again\"",
            "2024-05-01",
            "Kim Lee",
            "Test News",
            ""
        ]
    );
    // A cell starting with `-` gets a leading `'` (no formula in a spreadsheet).
    assert_eq!(&rows[1][0], "'-:2");
    assert!(
        rows[1][14].starts_with("malformed_json: - line 2:"),
        "{rows:?}"
    );

    // Annotation: the url is the target; metadata under `whosaid`; the failure on stderr.
    let out = whosaid(
        &["extract", "--jsonl", "-", "--format", "annotation"],
        Some(JSONL),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    check_annotation(
        &lines[0],
        "“We will win,” said Jane Doe.",
        "https://news.test/a1",
        &mut HashSet::new(),
    );
    assert_eq!(lines[0]["whosaid"]["meta"]["title"], "Win, \"again\"");
    assert_eq!(lines[0]["whosaid"]["meta"]["source"], "Test News");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("whosaid: - line 2: not valid JSON"),
        "{stderr}"
    );

    // Terminal view: metadata under the heading; the failure in its place.
    let out = whosaid(
        &["extract", "--jsonl", "-", "--format", "pretty"],
        Some(JSONL),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("a1: 1 quote, 1 speaker\n  url: https://news.test/a1\n  title: Win, \"again\"\n  date: 2024-05-01\n  author: Kim Lee\n  source: Test News\n"), "{text}");
    assert!(
        text.contains("-:2: error - line 2: not valid JSON"),
        "{text}"
    );
    assert!(
        text.contains("a3: 0 quotes, 0 speakers\n  title: Quiet\n"),
        "{text}"
    );
}

#[test]
fn pretty_view_of_the_seeds() {
    let out = whosaid(
        &["extract", "corpus/seeds/", "--format", "pretty", "-q"],
        None,
    );
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    insta::assert_snapshot!("pretty_seeds", text);
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let seed = "corpus/seeds/001_655e66cbc474758b.txt";
    let plain = stdout(&whosaid(&["extract", seed, "--format", "pretty"], None));
    let coloured = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["extract", seed, "--format", "pretty"];
        all.extend_from_slice(args);
        stdout(&whosaid_env(&all, None, env)).contains("\x1b[")
    };
    assert!(!plain.contains('\x1b'));
    assert!(coloured(&["--color", "always"], &[]));
    assert!(!coloured(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(coloured(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(
        !coloured(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
        "NO_COLOR wins"
    );
    // The colours are only added: without them the text is the same.
    let forced = stdout(&whosaid(
        &["extract", seed, "--format", "pretty", "--color", "always"],
        None,
    ));
    assert_eq!(anstream::adapter::strip_str(&forced).to_string(), plain);
}

#[test]
fn pretty_flag_is_format_json_and_clashes_with_other_formats() {
    let seed = "corpus/seeds/001_655e66cbc474758b.txt";
    let old = whosaid(&["extract", seed, "--pretty"], None);
    let new = whosaid(&["extract", seed, "--format", "json"], None);
    assert!(old.status.success());
    assert_eq!(old.stdout, new.stdout);
    assert!(stdout(&old).starts_with("{\n  \"id\""));
    let both = whosaid(&["extract", seed, "--pretty", "--format", "json"], None);
    assert_eq!(both.stdout, new.stdout);
    let clash = whosaid(&["extract", seed, "--pretty", "--format", "csv"], None);
    assert_eq!(clash.status.code(), Some(2));
    assert!(clash.stdout.is_empty());
    assert!(String::from_utf8_lossy(&clash.stderr).contains("--format csv"));
    let jsonl = whosaid(&["extract", seed], None);
    assert_eq!(stdout(&jsonl).lines().count(), 1);
}

#[test]
fn a_closed_pipe_ends_csv_quietly() {
    let mut child = Command::new(BIN)
        .args(["extract", "corpus/", "--format", "csv", "-q"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
}
