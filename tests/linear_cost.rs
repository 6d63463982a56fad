//! Linear cost on hostile input: for every repetitive input of `tests/fixtures/pathological.json`
//! (the generators of `bench/pathological.sh`), `whosaid extract` spends at most
//! [`MAX_GROWTH`] times the instructions on [`SCALE`] times the text. Instructions are counted
//! by valgrind, so the check is deterministic where a timed ratio would flake: a linear cost
//! grows [`SCALE`]-fold, a quadratic one `SCALE²`-fold.
//!
//! Without valgrind the test skips, loudly, unless `WHOSAID_REQUIRE_VALGRIND=1` (set by
//! `.ci/run`), which makes a missing valgrind a failure.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

#[path = "support/process.rs"]
mod support;

use support::{TempDir, BIN};

/// The smaller size of each input, in bytes.
const SMALL: usize = 16 * 1024;
/// How many times larger the larger input is.
const SCALE: usize = 4;
/// Most the cost may grow from the smaller input to the larger: `SCALE` and a margin for
/// what is not quite linear (sorting, hashing). Linear inputs measure ×3.95 to ×4.10; before
/// the fixes of issue 25, adjacent marks measured ×13.5, one-word quotes ×12 and a lead on
/// every sentence ×5.1 (a quadratic `memmove`, as in the insertion into the history of a
/// long story, costs few instructions and shows at larger sizes only: `bench/pathological.sh`).
const MAX_GROWTH: f64 = 4.6;

/// The instructions `whosaid extract` executes on `path`, in one thread.
fn instructions(path: &Path) -> u64 {
    let out = Command::new("valgrind")
        .args([
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
        ])
        .arg(BIN)
        .args(["extract", "--quiet", "--threads", "1"])
        .arg(path)
        .output()
        .expect("valgrind runs");
    assert!(
        out.status.success(),
        "whosaid failed under valgrind on {path:?}"
    );
    let log = String::from_utf8_lossy(&out.stderr);
    let line = log
        .lines()
        .find(|l| l.contains("I refs:") || l.contains("I   refs:"))
        .unwrap_or_else(|| panic!("no instruction count in valgrind's output:\n{log}"));
    let count: String = line
        .rsplit(':')
        .next()
        .unwrap()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    count.parse().expect("a count")
}

fn valgrind_available() -> bool {
    let found = Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var("WHOSAID_REQUIRE_VALGRIND").as_deref() == Ok("1") {
            panic!(
                "WHOSAID_REQUIRE_VALGRIND=1 but there is no valgrind (apt-get install valgrind)"
            );
        }
        eprintln!(
            "\n!!! SKIPPED linear_cost: no valgrind (apt-get install valgrind); .ci/run requires it !!!\n"
        );
    }
    found
}

/// `unit` repeated to at least `size` bytes.
fn repeated(unit: &str, size: usize) -> String {
    unit.repeat(size.div_ceil(unit.len()))
}

#[test]
fn cost_grows_linearly_on_repetitive_input() {
    if !valgrind_available() {
        return;
    }
    let units: BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/pathological.json"))
            .expect("tests/fixtures/pathological.json is a JSON object of strings");
    let dir = TempDir::new("cost");
    // What every run costs whatever its text: start-up and the word lists.
    let fixed = instructions(&dir.write("fixed.txt", "x"));
    let runs: Vec<(String, u64, u64)> = std::thread::scope(|scope| {
        let jobs: Vec<_> = units
            .iter()
            .map(|(name, unit)| {
                let small = dir.write(&format!("{name}-small.txt"), repeated(unit, SMALL));
                let large = dir.write(&format!("{name}-large.txt"), repeated(unit, SMALL * SCALE));
                scope.spawn(move || (name.clone(), instructions(&small), instructions(&large)))
            })
            .collect();
        jobs.into_iter().map(|j| j.join().unwrap()).collect()
    });
    let mut report = String::new();
    let mut failed = false;
    for (name, small, large) in runs {
        let growth = large.saturating_sub(fixed) as f64 / small.saturating_sub(fixed).max(1) as f64;
        report.push_str(&format!(
            "{name}: {small} → {large} instructions ({fixed} fixed), cost ×{growth:.2} for ×{SCALE} text\n"
        ));
        failed |= growth > MAX_GROWTH;
    }
    eprint!("{report}");
    assert!(
        !failed,
        "cost grew faster than the text (limit ×{MAX_GROWTH}):\n{report}"
    );
}

/// A made-up surname for each number: consonant and vowel pairs, distinct for each `i` below
/// 80⁴.
fn surname(mut i: usize) -> String {
    let mut name = String::new();
    for _ in 0..4 {
        name.push(char::from(b"bcdfghklmnprstvz"[i % 16]));
        i /= 16;
        name.push(char::from(b"aeiou"[i % 5]));
        i /= 5;
    }
    name[..1].to_uppercase() + &name[1..]
}

/// A story that quotes a new person in every paragraph, to at least `size` bytes.
fn many_speakers(size: usize) -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < size {
        text.push_str(&format!(
            "“We will open the new bridge in the spring,” said Mara {}, who leads the council.\n\n",
            surname(i)
        ));
        i += 1;
    }
    text
}

/// The speakers of the output grow with such a story, and so do the people of the document:
/// finding each speaker's aliases by a search of all the people cost speakers × people
/// (×6.5 for ×4 text from 64 KB, in a release build, before the look-up by name).
#[test]
fn cost_grows_linearly_with_the_number_of_speakers() {
    if !valgrind_available() {
        return;
    }
    const SPEAKERS_SMALL: usize = 64 * 1024;
    let dir = TempDir::new("speakers");
    let fixed = instructions(&dir.write("fixed.txt", "x"));
    let small = instructions(&dir.write("small.txt", many_speakers(SPEAKERS_SMALL)));
    let large = instructions(&dir.write("large.txt", many_speakers(SPEAKERS_SMALL * SCALE)));
    let growth = large.saturating_sub(fixed) as f64 / small.saturating_sub(fixed).max(1) as f64;
    eprintln!("many speakers: {small} → {large} instructions ({fixed} fixed), ×{growth:.2}");
    assert!(
        growth <= MAX_GROWTH,
        "cost grew ×{growth:.2} for ×{SCALE} text (limit ×{MAX_GROWTH})"
    );
}
