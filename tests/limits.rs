//! The limits of the command line: `--max-bytes` (units, saturating values, the real size of a
//! document over it) and `--threads` (capped, with a message).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

#[path = "support/process.rs"]
mod support;

use support::{whosaid, TempDir};

const ARTICLE: &str =
    "Dana Whitlock runs the mill. \u{201c}We are laser-focused,\u{201d} Whitlock said.\n";

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn records(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn quote_count(record: &Value) -> usize {
    record["quotes"].as_array().map_or(0, Vec::len)
}

#[test]
fn a_max_bytes_too_large_for_the_machine_means_no_limit() {
    // guards: u64::MAX + 1 wrapped to a limit of 0 bytes read, and the document came out
    // empty with exit 0.
    let dir = TempDir::new("saturate");
    let article = dir.write("a.txt", ARTICLE);
    for limit in [
        "18446744073709551615",
        "99999999999999999999999",
        "18446744073709551615G",
    ] {
        for (args, stdin) in [
            (
                vec!["extract", "-q", "--max-bytes", limit, p(&article)],
                None,
            ),
            (
                vec!["extract", "-q", "--max-bytes", limit, "-"],
                Some(ARTICLE.as_bytes()),
            ),
        ] {
            let o = whosaid(&args, stdin);
            assert_eq!(o.status.code(), Some(0), "{limit}: {}", stderr(&o));
            let recs = records(&o);
            assert_eq!(recs.len(), 1);
            assert_eq!(quote_count(&recs[0]), 1, "{limit}: {}", recs[0]);
        }
    }
}

#[test]
fn max_bytes_takes_units() {
    let dir = TempDir::new("units");
    let at = dir.write("at.txt", "x".repeat(1024));
    let over = dir.write("over.txt", "x".repeat(1025));
    let o = whosaid(
        &["extract", "-q", "--max-bytes", "1K", p(&at), p(&over)],
        None,
    );
    let recs = records(&o);
    assert_eq!(recs[0].get("error"), None, "{}", recs[0]);
    assert_eq!(recs[1]["error"]["kind"], "too_large", "{}", recs[1]);
    assert_eq!(o.status.code(), Some(1));
    for limit in ["64K", "64k", "64M", "1G", "1048576"] {
        let o = whosaid(&["extract", "-q", "--max-bytes", limit, p(&over)], None);
        assert_eq!(o.status.code(), Some(0), "{limit}: {}", stderr(&o));
    }
    for wrong in ["12X", "K", "-1", "1.5M", ""] {
        let arg = format!("--max-bytes={wrong}");
        let o = whosaid(&["extract", "-q", &arg, p(&at)], None);
        assert_eq!(o.status.code(), Some(2), "{wrong:?}");
        assert!(
            stderr(&o).contains("--max-bytes"),
            "{wrong:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn a_document_over_the_limit_is_reported_with_its_real_size() {
    // guards: the message gave the bytes read (the limit plus one), not the document's size.
    let dir = TempDir::new("realsize");
    let big = "x".repeat(5000);
    let file = dir.write("big.txt", &big);
    for (args, stdin) in [
        (vec!["extract", "-q", "--max-bytes", "100", p(&file)], None),
        (
            vec!["extract", "-q", "--max-bytes", "100", "-"],
            Some(big.as_bytes()),
        ),
    ] {
        let o = whosaid(&args, stdin);
        assert_eq!(o.status.code(), Some(1));
        let recs = records(&o);
        let message = recs[0]["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("5000 bytes is over the limit of 100 bytes"),
            "{message}"
        );
    }
}

#[test]
fn threads_are_capped_with_a_message() {
    // guards: --threads 100000 started tens of thousands of threads and aborted.
    let dir = TempDir::new("threads");
    let article = dir.write("a.txt", ARTICLE);
    let db = dir.join("q.sqlite");
    for args in [
        vec!["extract", "-q", "--threads", "100000", p(&article)],
        vec!["sentences", "-q", "--threads", "100000", p(&article)],
        vec![
            "db",
            "build",
            "-q",
            "--threads",
            "100000",
            "--db",
            p(&db),
            p(&article),
        ],
    ] {
        let o = whosaid(&args, None);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("--threads 100000 is more than this machine can use"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let o = whosaid(&["extract", "-q", "--threads", "100000", p(&article)], None);
    assert_eq!(quote_count(&records(&o)[0]), 1);
}
