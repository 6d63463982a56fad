//! Running the `whosaid` binary from the integration tests (`tests/cli.rs`, `tests/db.rs`,
//! `tests/report.rs`, `tests/serve.rs`), temporary directories for its files, and headless
//! Chromium for the pages (the report, the server's page).

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

/// A temporary directory, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A fresh directory `whosaid-<test>-<tag>-…` in the system's temporary directory.
    pub fn new(tag: &str) -> Self {
        Self::create(
            &std::env::temp_dir(),
            &format!("whosaid-{}-{tag}", env!("CARGO_CRATE_NAME")),
        )
    }

    /// A fresh directory `<test>-<tag>-…` under the target directory.
    pub fn in_target(tag: &str) -> Self {
        Self::create(
            Path::new(env!("CARGO_TARGET_TMPDIR")),
            &format!("{}-{tag}", env!("CARGO_CRATE_NAME")),
        )
    }

    fn create(base: &Path, name: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = base.join(format!(
            "{name}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn join(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    /// Writes `bytes` to `rel` (creating parent directories) and returns the full path.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `whosaid args…` with `stdin` (or none) and waits for it.
pub fn whosaid(args: &[&str], stdin: Option<&[u8]>) -> Output {
    whosaid_env(args, stdin, &[])
}

/// [`whosaid`] with these environment variables set.
pub fn whosaid_env(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        // Write from another thread so a full stdout pipe cannot deadlock us.
        let writer = std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        return out;
    }
    child.wait_with_output().unwrap()
}

/// Debian's chromium, or the browser named by `WHOSAID_CHROMIUM`.
pub fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("WHOSAID_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    path.is_file().then_some(path)
}

/// Runs headless chromium on `url` with `args` (`--dump-dom`, `--screenshot=…`) in a fresh
/// profile, with everything that could reach the network off (a page talks to loopback
/// only).
pub fn headless(browser: &Path, url: &str, args: &[&str]) -> Output {
    let profile = TempDir::in_target("profile");
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The value of attribute `name` on the root element of a dumped DOM.
pub fn root_attribute(dom: &str, name: &str) -> Option<String> {
    let start = dom.find("<html")?;
    let tag = &dom[start..start + dom[start..].find('>')?];
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(tag[at..at + tag[at..].find('"')?].to_string())
}
