//! The `whosaid` command line, run as a process: inputs (files, directories, stdin, JSON
//! Lines), error records, decoding, exit codes, determinism, broken pipes and the
//! `rules`/`rule`/`sentences` subcommands.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

#[path = "support/process.rs"]
mod support;

use support::{whosaid, TempDir, BIN};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The JSON records of stdout, one per line.
fn records(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect()
}

fn ids(recs: &[Value]) -> Vec<String> {
    recs.iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn error_kind(r: &Value) -> Option<&str> {
    r.get("error").and_then(|e| e["kind"].as_str())
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

const ARTICLE: &str =
    "Dana Whitlock runs the mill. “We are laser-focused,” Whitlock said. “It works,” she added.\n";

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "corpus/seeds has .txt files");
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}

/// A JSONL input of `n` documents cut from the seed articles (whole articles, paragraphs and
/// pairs of paragraphs), with metadata.
fn seed_jsonl(n: usize) -> String {
    let seeds = seeds();
    let mut pieces: Vec<String> = seeds.clone();
    for s in &seeds {
        let paras: Vec<&str> = s.split("\n\n").filter(|p| !p.trim().is_empty()).collect();
        pieces.extend(paras.iter().map(|p| p.to_string()));
        pieces.extend(paras.windows(2).map(|w| w.join("\n\n")));
    }
    let mut out = String::new();
    for i in 0..n {
        let text = &pieces[i % pieces.len()];
        let rec = serde_json::json!({"id": format!("doc-{i}"), "n": i, "text": text});
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------- inputs

#[test]
fn extract_one_file() {
    let dir = TempDir::new("file");
    let f = dir.write("a.txt", ARTICLE);
    let o = whosaid(&["extract", "-q", p(&f)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], p(&f));
    assert_eq!(recs[0]["schema_version"], 2);
    let quotes = recs[0]["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0]["text"], "We are laser-focused,");
    assert_eq!(quotes[0]["speaker"]["name"], "Dana Whitlock");
    assert_eq!(quotes[0]["rule"], "ATT001");
    assert!(recs[0].get("meta").is_none());
    assert!(recs[0].get("non_speech").is_none());
}

#[test]
fn pretty_output_is_the_same_record() {
    let dir = TempDir::new("pretty");
    let f = dir.write("a.txt", ARTICLE);
    let plain = whosaid(&["extract", "-q", p(&f)], None);
    let pretty = whosaid(&["extract", "-q", "--pretty", p(&f)], None);
    assert_eq!(pretty.status.code(), Some(0));
    assert!(
        stdout(&pretty).lines().count() > 5,
        "pretty output is indented"
    );
    let a: Value = serde_json::from_str(stdout(&plain).trim()).unwrap();
    let b: Value = serde_json::from_str(&stdout(&pretty)).unwrap();
    assert_eq!(a, b);
}

#[test]
fn extract_a_directory_recursively_in_sorted_order_txt_only() {
    let dir = TempDir::new("dir");
    dir.write("b.txt", ARTICLE);
    dir.write("a.txt", ARTICLE);
    dir.write("c/z.txt", ARTICLE);
    dir.write("c/a.txt", ARTICLE);
    dir.write("notes.md", ARTICLE);
    dir.write("data.json", "{}");
    dir.write("c/skip.TXT.bak", ARTICLE);
    let o = whosaid(&["extract", "-q", p(dir.path())], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let root = dir.path();
    let expect: Vec<String> = ["a.txt", "b.txt", "c/a.txt", "c/z.txt"]
        .iter()
        .map(|r| root.join(r).display().to_string())
        .collect();
    assert_eq!(ids(&records(&o)), expect);
}

#[test]
fn extract_stdin() {
    let o = whosaid(&["extract", "-q", "-"], Some(ARTICLE.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(ids(&recs), ["-"]);
    assert_eq!(recs[0]["quotes"].as_array().unwrap().len(), 2);
}

#[test]
fn jsonl_passes_meta_through_one_line_per_record_in_order() {
    let input = concat!(
        r#"{"id": "x1", "url": "http://a", "tags": [1, 2], "text": "“Go,” Oakes said."}"#,
        "\n",
        r#"{"text": "Nothing here.", "source": {"name": "wire"}, "id": 42}"#,
        "\n",
        r#"{"id": "x3", "text": ""}"#,
        "\n"
    );
    let o = whosaid(&["extract", "-q", "--jsonl", "-"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(ids(&recs), ["x1", "42", "x3"]);
    assert_eq!(
        recs[0]["meta"],
        serde_json::json!({"url": "http://a", "tags": [1, 2]})
    );
    // Field order of the metadata is kept.
    let keys: Vec<&String> = recs[0]["meta"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["url", "tags"]);
    assert_eq!(
        recs[1]["meta"],
        serde_json::json!({"source": {"name": "wire"}})
    );
    assert_eq!(recs[0]["quotes"][0]["speaker"]["name"], "Oakes");
    assert_eq!(recs[2]["quotes"], serde_json::json!([]));
}

#[test]
fn jsonl_blank_lines_give_empty_records_and_crlf_accepted() {
    // One line out per line in: a blank line is an empty document named by its place.
    let input = "{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n   \n{\"id\":\"b\",\"text\":\"y\"}\r\n";
    let o = whosaid(&["extract", "-q", "--jsonl", "-"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(ids(&records(&o)), ["a", "-:2", "-:3", "b"]);
}

// ---------------------------------------------------------------- error records

#[test]
fn invalid_utf8_is_an_error_record_and_lossy_a_normal_one() {
    let dir = TempDir::new("utf8");
    let good = dir.write("a.txt", ARTICLE);
    let bad = dir.write(
        "b.txt",
        b"\xE2\x80\x9CGo,\xE2\x80\x9D Oakes said. \xFF\xFE!",
    );
    let good2 = dir.write("c.txt", ARTICLE);
    let o = whosaid(&["extract", "-q", p(&good), p(&bad), p(&good2)], None);
    assert_eq!(o.status.code(), Some(1));
    let recs = records(&o);
    assert_eq!(ids(&recs), [p(&good), p(&bad), p(&good2)]);
    assert_eq!(error_kind(&recs[1]), Some("invalid_utf8"));
    assert!(recs[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("offset"));
    assert!(recs[1].get("quotes").is_none());
    assert_eq!(error_kind(&recs[0]), None);
    assert!(
        stderr(&o).contains("1 of 3 documents failed"),
        "{}",
        stderr(&o)
    );

    let o = whosaid(&["extract", "-q", "--lossy", p(&bad)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(error_kind(&recs[0]), None);
    assert_eq!(recs[0]["quotes"][0]["speaker"]["name"], "Oakes");
}

#[test]
fn binary_file_in_a_directory_walk_is_an_error_record_in_place() {
    let dir = TempDir::new("binary");
    dir.write("a.txt", ARTICLE);
    dir.write("b.txt", b"\x7fELF\x02\x01\x01\0\0\0\0");
    dir.write("c.txt", ARTICLE);
    let o = whosaid(&["extract", "-q", p(dir.path())], None);
    assert_eq!(o.status.code(), Some(1));
    let recs = records(&o);
    assert_eq!(recs.len(), 3);
    assert_eq!(error_kind(&recs[0]), None);
    assert_eq!(error_kind(&recs[1]), Some("binary"));
    assert!(recs[1]["id"].as_str().unwrap().ends_with("b.txt"));
    assert_eq!(error_kind(&recs[2]), None);
    assert!(stderr(&o).contains("1 binary"), "{}", stderr(&o));
}

#[test]
fn missing_path_is_an_error_record_in_place() {
    let dir = TempDir::new("missing");
    let good = dir.write("a.txt", ARTICLE);
    let missing = dir.path().join("does-not-exist.txt");
    let o = whosaid(&["extract", "-q", p(&missing), p(&good)], None);
    assert_eq!(o.status.code(), Some(1));
    let recs = records(&o);
    assert_eq!(ids(&recs), [p(&missing), p(&good)]);
    assert_eq!(error_kind(&recs[0]), Some("io"));
    assert_eq!(error_kind(&recs[1]), None);
    assert!(stderr(&o).contains("whosaid: 1 of 2 documents failed"));
}

#[test]
fn jsonl_faults_are_error_records_in_place() {
    let input = [
        r#"{"id": "ok1", "text": "“Go,” Oakes said."}"#,
        r#"{"id": "broken", "text": "#,
        r#"["not", "an", "object"]"#,
        r#"{"id": "notext", "body": "x"}"#,
        r#"{"id": "num", "text": 17}"#,
        r#"{"id": "ok1", "text": "again"}"#,
        r#"{"id": "big", "text": "this record is far too long for the limit set below"}"#,
        r#"{"id": "ok2", "text": "fine"}"#,
    ]
    .join("\n");
    let o = whosaid(
        &["extract", "-q", "--jsonl", "--max-bytes", "60", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(1));
    let recs = records(&o);
    assert_eq!(recs.len(), 8, "{}", stdout(&o));
    let kinds: Vec<Option<&str>> = recs.iter().map(error_kind).collect();
    assert_eq!(
        kinds,
        [
            None,
            Some("malformed_json"),
            Some("malformed_json"),
            Some("missing_text"),
            Some("text_not_string"),
            Some("duplicate_id"),
            Some("too_large"),
            None,
        ]
    );
    assert_eq!(recs[1]["id"], "-:2");
    assert_eq!(recs[3]["id"], "notext");
    assert_eq!(recs[5]["id"], "ok1");
    assert_eq!(recs[7]["id"], "ok2");
    let err = stderr(&o);
    assert!(err.contains("6 of 8 documents failed"), "{err}");
    assert!(err.contains("2 malformed_json"), "{err}");
}

#[test]
fn over_max_bytes_file_is_an_error_record() {
    let dir = TempDir::new("maxbytes");
    let small = dir.write("a.txt", "short");
    let big = dir.write("b.txt", "x".repeat(101));
    let o = whosaid(
        &["extract", "-q", "--max-bytes", "100", p(&small), p(&big)],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let recs = records(&o);
    assert_eq!(error_kind(&recs[0]), None);
    assert_eq!(error_kind(&recs[1]), Some("too_large"));
    // Exactly at the limit is fine.
    let exact = dir.write("c.txt", "x".repeat(100));
    let o = whosaid(&["extract", "-q", "--max-bytes", "100", p(&exact)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

// ---------------------------------------------------------------- decoding

/// `ARTICLE` as UTF-16 with a byte-order mark.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn bom_and_utf16_files_decode_to_the_same_result() {
    let dir = TempDir::new("bom");
    let plain = dir.write("plain.txt", ARTICLE);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(ARTICLE.as_bytes());
    let bom = dir.write("bom.txt", bom);
    let le = dir.write("le.txt", utf16(ARTICLE, false));
    let be = dir.write("be.txt", utf16(ARTICLE, true));
    let o = whosaid(&["extract", "-q", p(&plain), p(&bom), p(&le), p(&be)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let recs = records(&o);
    assert_eq!(recs.len(), 4);
    let reference = &recs[0]["quotes"];
    assert_eq!(reference.as_array().unwrap().len(), 2);
    for r in &recs[1..] {
        assert_eq!(&r["quotes"], reference, "{}", r["id"]);
        assert_eq!(r["speakers"], recs[0]["speakers"]);
    }
}

#[test]
fn unpaired_utf16_surrogate_is_an_error_record() {
    let dir = TempDir::new("utf16bad");
    let f = dir.write("bad.txt", [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0]);
    let o = whosaid(&["extract", "-q", p(&f)], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(error_kind(&records(&o)[0]), Some("invalid_utf16"));
    // An odd number of bytes after the BOM cannot be UTF-16 either.
    let f = dir.write("odd.txt", [0xFF, 0xFE, b'h', 0, b'i', 0, b'!']);
    let o = whosaid(&["extract", "-q", p(&f)], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(error_kind(&records(&o)[0]), Some("invalid_utf16"));
}

#[test]
fn empty_and_whitespace_documents_give_an_empty_result() {
    let dir = TempDir::new("empty");
    let empty = dir.write("empty.txt", "");
    let ws = dir.write("ws.txt", " \n\t\r\n \u{A0}\u{2003}\n");
    let o = whosaid(&["extract", "-q", p(&empty), p(&ws)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for r in records(&o) {
        assert_eq!(error_kind(&r), None);
        assert_eq!(r["quotes"], serde_json::json!([]));
        assert_eq!(r["speakers"], serde_json::json!([]));
    }
    let o = whosaid(&["sentences", "-q", p(&empty)], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(records(&o)[0]["sentences"], serde_json::json!([]));
}

#[test]
fn crlf_and_lone_cr_documents_process_like_lf() {
    let lf = "Dana Whitlock runs the mill.\n\n“We are laser-focused,” Whitlock said.\n";
    let dir = TempDir::new("crlf");
    let a = dir.write("lf.txt", lf);
    let b = dir.write("crlf.txt", lf.replace('\n', "\r\n"));
    let c = dir.write("cr.txt", lf.replace('\n', "\r"));
    let o = whosaid(&["extract", "-q", p(&a), p(&b), p(&c)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recs = records(&o);
    for r in &recs {
        let text = if r["id"].as_str().unwrap().ends_with("crlf.txt") {
            lf.replace('\n', "\r\n")
        } else if r["id"].as_str().unwrap().ends_with("cr.txt") {
            lf.replace('\n', "\r")
        } else {
            lf.to_string()
        };
        let q = &r["quotes"][0];
        assert_eq!(q["text"], "We are laser-focused,", "{}", r["id"]);
        assert_eq!(q["speaker"]["name"], "Dana Whitlock", "{}", r["id"]);
        let (s, e) = (
            q["byte_span"]["start"].as_u64().unwrap() as usize,
            q["byte_span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], "We are laser-focused,");
    }
}

#[test]
fn control_characters_and_a_huge_word_process_fine() {
    let dir = TempDir::new("weird");
    let ctl: String = (1u8..32)
        .map(|b| b as char)
        .chain("“Go,\u{7f}” Oakes said.\u{1b}[0m\u{200B}\u{FEFF}".chars())
        .collect();
    let a = dir.write("ctl.txt", &ctl);
    let b = dir.write("word.txt", "a".repeat(1 << 20));
    let o = whosaid(&["extract", "-q", p(&a), p(&b)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
    let recs = records(&o);
    assert_eq!(recs.len(), 2);
    assert_eq!(error_kind(&recs[0]), None);
    assert_eq!(error_kind(&recs[1]), None);
    assert_eq!(recs[1]["quotes"], serde_json::json!([]));
    let o = whosaid(&["sentences", "-q", p(&b)], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(records(&o)[0]["sentences"].as_array().unwrap().len(), 1);
}

// ---------------------------------------------------------------- exit codes

#[test]
fn usage_errors_exit_2() {
    let o = whosaid(&["extract", "--no-such-flag", "x.txt"], None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let o = whosaid(&["extract"], None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = whosaid(&["sentences"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = whosaid(&["frobnicate"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = whosaid(&["extract", "--threads", "many", "x.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    // Help is not an error.
    let o = whosaid(&["--help"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("extract"));
}

#[test]
fn all_succeeding_exits_0_with_a_quiet_stderr() {
    let dir = TempDir::new("exit0");
    let f = dir.write("a.txt", ARTICLE);
    let o = whosaid(&["extract", "-q", p(&f)], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stderr(&o).contains("failed"), "{}", stderr(&o));
}

// ---------------------------------------------------------------- determinism

#[test]
fn thread_counts_and_reruns_give_byte_identical_output() {
    let input = seed_jsonl(600);
    let one = whosaid(
        &["extract", "-q", "--jsonl", "--threads", "1", "-"],
        Some(input.as_bytes()),
    );
    let two = whosaid(
        &["extract", "-q", "--jsonl", "--threads", "2", "-"],
        Some(input.as_bytes()),
    );
    let two_again = whosaid(
        &["extract", "-q", "--jsonl", "--threads", "2", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(two.status.code(), Some(0));
    let recs = records(&one);
    assert_eq!(recs.len(), 600);
    let expect: Vec<String> = (0..600).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids(&recs), expect);
    assert!(
        recs.iter()
            .map(|r| r["quotes"].as_array().unwrap().len())
            .sum::<usize>()
            > 100,
        "the seed documents should yield quotes"
    );
    assert!(one.stdout == two.stdout, "--threads 1 and 2 differ");
    assert!(two.stdout == two_again.stdout, "two runs differ");
}

// ---------------------------------------------------------------- broken pipe

#[test]
fn broken_pipe_exits_without_panicking() {
    let dir = TempDir::new("pipe");
    let input = dir.write("big.jsonl", seed_jsonl(5000));
    let mut child = Command::new(BIN)
        .args(["extract", "-q", "--jsonl", p(&input)])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err_pipe.read_to_string(&mut s);
        s
    });
    {
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert!(line.starts_with("{\"id\":\"doc-0\""), "{line}");
    } // the read end of stdout is dropped here
    let status = child.wait().unwrap();
    let err = err_reader.join().unwrap();
    assert!(!err.contains("panicked"), "stderr: {err}");
    assert!(status.code().is_some(), "killed by a signal: {status:?}");
    assert_ne!(status.code(), Some(101), "stderr: {err}");
}

// ---------------------------------------------------------------- other subcommands

#[test]
fn rules_lists_every_rule() {
    let o = whosaid(&["rules"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let listed: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let registered: Vec<&str> = whosaid::attribution::RULES
        .iter()
        .map(|r| r.id())
        .chain(whosaid::sentences::RULES.iter().map(|r| r.id))
        .collect();
    assert_eq!(listed, registered);
    assert!(out.contains("SEN005  initials"), "{out}");
    for r in whosaid::attribution::RULES.iter() {
        assert!(out.contains(r.name()), "{} missing", r.name());
    }
}

#[test]
fn rule_prints_its_doc_and_unknown_rule_exits_2() {
    let o = whosaid(&["rule", "ATT001"], None);
    assert_eq!(o.status.code(), Some(0));
    let doc = whosaid::attribution::rule("ATT001").unwrap().doc();
    assert_eq!(stdout(&o), doc);
    assert!(stdout(&o).contains("What it matches"));
    assert!(stdout(&o).contains("quote-name-cue"));
    // IDs are case-insensitive.
    let o = whosaid(&["rule", "ind004"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("IND004"));

    let o = whosaid(&["rule", "sen001"], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "SEN001 title-abbreviation: a correction of the sentence splitter.\n\n\
         Titles such as Mr., Dr., Gen. never end a sentence.\n"
    );

    let o = whosaid(&["rule", "NOPE"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_eq!(
        stderr(&o),
        "whosaid: no rule NOPE; `whosaid rules` lists them\n"
    );
}

#[test]
fn sentences_spans_refind_their_text() {
    let text = "Dr. Ada Quill arrived at 3 p.m. on Monday. “Is it safe?” she asked.\r\n\r\nOakes — who was late — said “yes.” Done… ok!\u{A0}Fin";
    let dir = TempDir::new("sent");
    let f = dir.write("s.txt", text);
    let o = whosaid(&["sentences", "-q", p(&f)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(recs[0]["id"], p(&f));
    let sents = recs[0]["sentences"].as_array().unwrap();
    assert!(sents.len() >= 3, "{sents:?}");
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for s in sents {
        let b = &s["byte_span"];
        let (bs, be) = (
            b["start"].as_u64().unwrap() as usize,
            b["end"].as_u64().unwrap() as usize,
        );
        let c = &s["span"];
        let (cs, ce) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert!(bs >= last_end && bs < be);
        last_end = be;
        assert_eq!(&text[bs..be], s["text"].as_str().unwrap());
        assert_eq!(chars[cs..ce].iter().collect::<String>(), s["text"]);
    }
}

#[test]
fn explain_adds_non_speech() {
    let text = "The so-called “miracle cure” was sold online. “Go,” Oakes said.";
    let plain = whosaid(&["extract", "-q", "-"], Some(text.as_bytes()));
    let explained = whosaid(&["extract", "-q", "--explain", "-"], Some(text.as_bytes()));
    assert_eq!(explained.status.code(), Some(0));
    assert!(records(&plain)[0].get("non_speech").is_none());
    let rec = &records(&explained)[0];
    let ns = rec["non_speech"]
        .as_array()
        .expect("non_speech with --explain");
    assert!(ns.iter().any(|n| n["text"] == "miracle cure"), "{ns:?}");
    for n in ns {
        assert!(!n["reason"].as_str().unwrap().is_empty());
    }
    assert_eq!(rec["quotes"], records(&plain)[0]["quotes"]);
}

#[test]
fn rules_flag_restricts_the_attribution_rules() {
    let text = "“Go,” Oakes said. “Now,” said Vane.";
    let o = whosaid(
        &["extract", "-q", "--rules", "ATT002", "-"],
        Some(text.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0));
    let rec = &records(&o)[0];
    for q in rec["quotes"].as_array().unwrap() {
        assert!(q["rule"].is_null() || q["rule"] == "ATT002", "{q}");
    }
    assert!(rec["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["rule"] == "ATT002" && q["speaker"]["name"] == "Vane"));
}

// guards: a symlink loop in a directory walk is an error record; the other files go on.
#[cfg(unix)]
#[test]
fn symlink_loop_in_a_directory_walk_is_an_error_record() {
    let dir = TempDir::new("loop");
    dir.write("a/one.txt", "“Yes,” Ann Lee said.");
    std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/back")).unwrap();
    let out = whosaid(&["extract", "-q", p(dir.path())], None);
    let recs = records(&out);
    assert!(recs.iter().any(|r| error_kind(r) == Some("io")), "{recs:?}");
    assert!(recs
        .iter()
        .any(|r| r["quotes"].as_array().is_some_and(|q| q.len() == 1)));
    assert_eq!(out.status.code(), Some(1));
}

// guards: Ctrl-C (SIGINT) leaves only complete records on stdout.
#[cfg(unix)]
#[test]
fn interrupt_leaves_complete_lines_only() {
    let dir = TempDir::new("sigint");
    let input = dir.write("big.jsonl", seed_jsonl(5_000));
    let child = Command::new(BIN)
        .args(["extract", "-q", "--threads", "1", "--jsonl", p(&input)])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "output cut mid-record"
    );
    for line in text.lines() {
        serde_json::from_str::<Value>(line).expect("every line is a whole record");
    }
    let code = out.status.code();
    assert!(code == Some(130) || code == Some(0), "{:?}", out.status);
}

// guards: stances, thoughts and evidentials stay out unless asked for; speech always stays.
#[test]
fn include_picks_the_classes_reported() {
    let text = "Mayor Ilse Brandt said the ferry will run again. Brandt opposes the new toll. \
                Brandt believes that the pier is safe. The bridge is expected to reopen in May.";
    let classes = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["extract", "-q"];
        all.extend_from_slice(args);
        all.push("-");
        let o = whosaid(&all, Some(text.as_bytes()));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        records(&o)[0]["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["class"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(classes(&[]), ["speech"]);
    assert_eq!(classes(&["--include", "stance"]), ["speech", "stance"]);
    assert_eq!(
        classes(&["--include", "all"]),
        ["speech", "stance", "thought", "evidential"]
    );
    assert_eq!(
        classes(&["--include", "thought,evidential"]),
        ["speech", "thought", "evidential"]
    );
}

// guards: an unknown class is a usage error naming it, not an empty result.
#[test]
fn include_rejects_an_unknown_class() {
    for bad in ["stances", "", "speech,,thought"] {
        let o = whosaid(&["extract", "-q", "--include", bad, "-"], Some(b"x"));
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(
            stderr(&o).contains("unknown class"),
            "{bad:?}: {}",
            stderr(&o)
        );
    }
}
