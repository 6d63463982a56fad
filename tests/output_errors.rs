//! Output errors in every command: a closed stdout ends the command quietly with exit 0
//! (the reader has all it wanted, as `whosaid rules | head -1`); a full disk (`/dev/full`) is
//! an error message and a non-zero exit. Never a panic.

use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Command, Stdio};

#[path = "support/process.rs"]
mod support;

use support::{whosaid, TempDir, BIN};

/// A pipe whose read end is already closed: every write to it fails with `EPIPE`, however
/// soon the command writes (a reader that exits, as `| true`, would race with it).
fn closed_pipe() -> Stdio {
    let mut fds = [0; 2];
    // SAFETY: `fds` is an array of two descriptors for `pipe` to fill.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0, "pipe");
    // SAFETY: both descriptors were just opened by `pipe` and are owned here alone.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    Stdio::from(write)
}

fn dev_full() -> Stdio {
    Stdio::from(
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full"),
    )
}

/// Every command that writes to stdout, with inputs made in `dir`.
fn commands(dir: &TempDir) -> Vec<Vec<String>> {
    let article =
        "Dana Whitlock runs the mill. \u{201c}We are laser-focused,\u{201d} Whitlock said. \
                   \u{201c}It works,\u{201d} she added.\n";
    let text = dir.write("a.txt", article);
    let jsonl = dir.write(
        "a.jsonl",
        format!(
            "{}\n",
            serde_json::json!({"id": "a", "text": article, "url": "https://example.org/a"})
        ),
    );
    let db = dir.join("q.sqlite");
    let built = whosaid(&["db", "build", "--db", s(&db), "--quiet", s(&text)], None);
    assert_eq!(built.status.code(), Some(0), "{built:?}");
    let out = whosaid(&["extract", "--quiet", s(&text)], None);
    let extracted = dir.write("a.out.jsonl", &out.stdout);
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds/gold.jsonl");
    let owned = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    vec![
        owned(&["rules"]),
        owned(&["rule", "ATT001"]),
        owned(&["extract", "--quiet", s(&text)]),
        owned(&["extract", "--quiet", "--jsonl", s(&jsonl)]),
        owned(&["extract", "--quiet", "--format", "csv", s(&text)]),
        owned(&["extract", "--quiet", "--format", "tsv", s(&text)]),
        owned(&["extract", "--quiet", "--format", "pretty", s(&text)]),
        owned(&["extract", "--quiet", "--format", "annotation", s(&text)]),
        owned(&["sentences", "--quiet", s(&text)]),
        owned(&["db", "search", "--db", s(&db), "laser"]),
        owned(&["db", "speaker", "--db", s(&db), "Dana Whitlock"]),
        owned(&["db", "stats", "--db", s(&db)]),
        owned(&["db", "export", "--db", s(&db)]),
        owned(&["diff", s(&extracted), s(&extracted)]),
        owned(&["eval", "--gold", s(&gold)]),
        owned(&["--help"]),
    ]
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let dir = TempDir::new("closed");
    let mut failures = Vec::new();
    for args in commands(&dir) {
        let out = Command::new(BIN)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(closed_pipe())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(0) || !err.is_empty() {
            failures.push(format!(
                "whosaid {}: {:?}\n{err}",
                args.join(" "),
                out.status
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_full_disk_is_an_error_message_not_a_panic() {
    let dir = TempDir::new("full");
    let mut failures = Vec::new();
    for args in commands(&dir) {
        let out = Command::new(BIN)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(dev_full())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let told = err.starts_with("whosaid: ") || err.starts_with("error: ");
        let code = out.status.code();
        if code == Some(0)
            || code == Some(101)
            || code.is_none()
            || err.contains("panicked")
            || !told
        {
            failures.push(format!(
                "whosaid {}: {:?}\n{err}",
                args.join(" "),
                out.status
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
