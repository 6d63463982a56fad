//! Per-rule fixtures: `tests/rules/<ID>.txt`, one file per attribution rule in Rust in
//! [`whosaid::attribution::RULES`] (a built-in pattern's examples in `data/patterns/` are its
//! fixture: tests/patterns.rs runs them). Every case is run through [`whosaid::extract`] with only
//! that rule switched on (`Config { only_rules: Some(vec![ID]), .. }`).
//!
//! # Fixture format
//!
//! A fixture file is UTF-8 text, read line by line:
//!
//! * `## hits`, `## ok`, `## regressions`, `## known-failures` start a section.
//! * A line starting with `#` (other than a section heading) is a comment. A comment of the
//!   form `# guards: …` is attached to the next case (required for every regression case).
//! * Blank lines are ignored.
//! * `@with: ID, ID` (before the first section) names rules that run alongside the fixture's
//!   rule. Context rules such as ATT009 and ATT010 need an earlier attributed quote, which no
//!   rule can supply when it runs alone. Only quotes whose `rule` is the fixture's rule count
//!   for hits; ok cases still assert that the fixture's rule attributes nothing.
//! * Any other line is one case: `TEXT` or `TEXT => EXPECTATION`. In `TEXT`, `\n` stands for a
//!   newline (so multi-paragraph documents fit on one line) and `\\` for a backslash.
//!
//! Expectations:
//!
//! * `SPEAKER [| kind=KIND] [| quote=QUOTE]` — the rule must attribute some quote (whose text
//!   is `QUOTE`, when given; `LEAD … TEXT` for content its attribution interrupts) to a speaker whose canonical `name` is `SPEAKER`, with the quote
//!   kind `KIND` (`direct`, `partial` or `indirect`) when given.
//!   With `class=CLASS` (`speech`, `thought`, `stance` or `evidential`), the quote must be of
//!   that class.
//!   `SPEAKER` may be `(nobody)`: the rule reports the quote with no speaker (an asker left
//!   unnamed).
//! * `-` — no quote may be attributed by the rule (the same as a case in `## ok`).
//!
//! Sections:
//!
//! * `## hits` — cases with a speaker expectation; they must hold.
//! * `## ok` — near-misses, plain `TEXT` lines: no quote may be attributed by the rule. (With a
//!   single rule on, the quote may still be reported with `rule: null` or be non-speech; only
//!   `rule != ID` is asserted.)
//! * `## regressions` — cases of either kind, each preceded by a `# guards: …` comment saying
//!   what it protects against; they must hold.
//! * `## known-failures` — cases of either kind where the rule does not do what its doc
//!   comment promises today. They are run and their outcome printed (a known failure that
//!   starts passing is printed too, to be moved), but they do not fail the suite.
//!
//! Every file must have at least 3 hits and 2 ok cases. The results of every case are also
//! rendered for people as insta snapshots in `tests/snapshots/rules/`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use whosaid::attribution::{RuleInfo, RULES};
use whosaid::output::Document;
use whosaid::Config;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Hits,
    Ok,
    Regressions,
    KnownFailures,
}

#[derive(Debug, Clone, PartialEq)]
enum Expect {
    /// The rule attributes a quote to this speaker.
    Hit {
        speaker: String,
        kind: Option<String>,
        class: Option<String>,
        quote: Option<String>,
    },
    /// The rule attributes nothing.
    Nothing,
}

#[derive(Debug, Clone)]
struct Fixture {
    /// Rules that run alongside the fixture's rule (`@with:`).
    with: Vec<String>,
    cases: Vec<Case>,
}

#[derive(Debug, Clone)]
struct Case {
    section: Section,
    line: usize,
    text: String,
    expect: Expect,
    guards: Option<String>,
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('\\') => out.push('\\'),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_expect(s: &str, file: &str, line: usize) -> Expect {
    let s = s.trim();
    if s == "-" {
        return Expect::Nothing;
    }
    let mut parts = s.split(" | ");
    let speaker = parts.next().unwrap_or_default().trim().to_string();
    assert!(!speaker.is_empty(), "{file}:{line}: empty speaker");
    let (mut kind, mut class, mut quote) = (None, None, None);
    for p in parts {
        if let Some(k) = p.strip_prefix("kind=") {
            assert!(
                ["direct", "partial", "indirect"].contains(&k.trim()),
                "{file}:{line}: unknown kind {k:?}"
            );
            kind = Some(k.trim().to_string());
        } else if let Some(c) = p.strip_prefix("class=") {
            assert!(
                whosaid::output::QuoteClass::parse(c.trim()).is_some(),
                "{file}:{line}: unknown class {c:?}"
            );
            class = Some(c.trim().to_string());
        } else if let Some(q) = p.strip_prefix("quote=") {
            quote = Some(unescape(q.trim()));
        } else {
            panic!("{file}:{line}: unknown expectation field {p:?}");
        }
    }
    Expect::Hit {
        speaker,
        kind,
        class,
        quote,
    }
}

fn parse(path: &Path) -> Fixture {
    let file = path.display().to_string();
    let src = fs::read_to_string(path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut section = None;
    let mut guards = None;
    let mut cases = Vec::new();
    let mut with = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim();
        if l.is_empty() {
            continue;
        }
        if let Some(h) = l.strip_prefix("## ") {
            section = Some(match h.trim() {
                "hits" => Section::Hits,
                "ok" => Section::Ok,
                "regressions" => Section::Regressions,
                "known-failures" => Section::KnownFailures,
                other => panic!("{file}:{line}: unknown section {other:?}"),
            });
            continue;
        }
        if let Some(w) = l.strip_prefix("@with:") {
            assert!(
                section.is_none(),
                "{file}:{line}: @with must come before the sections"
            );
            with.extend(w.split(',').map(|r| r.trim().to_string()));
            continue;
        }
        if let Some(c) = l.strip_prefix('#') {
            if let Some(g) = c.trim().strip_prefix("guards:") {
                guards = Some(g.trim().to_string());
            }
            continue;
        }
        let section = section.unwrap_or_else(|| panic!("{file}:{line}: case before a section"));
        let (text, expect) = match l.split_once(" => ") {
            Some((t, e)) => (unescape(t.trim()), parse_expect(e, &file, line)),
            None => (unescape(l), Expect::Nothing),
        };
        match (section, &expect) {
            (Section::Ok, Expect::Hit { .. }) => {
                panic!("{file}:{line}: an ok case cannot expect a speaker")
            }
            (Section::Hits, Expect::Nothing) => {
                panic!("{file}:{line}: a hit needs `=> SPEAKER`")
            }
            (Section::Regressions, _) if guards.is_none() => {
                panic!("{file}:{line}: a regression needs a `# guards: …` line before it")
            }
            _ => {}
        }
        cases.push(Case {
            section,
            line,
            text,
            expect,
            guards: guards.take(),
        });
    }
    Fixture { with, cases }
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules")
}

fn fixture_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(fixture_dir())
        .expect("tests/rules exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn rule_id_of(path: &Path) -> String {
    path.file_stem().unwrap().to_str().unwrap().to_string()
}

fn run(id: &str, with: &[String], text: &str) -> Document {
    let mut rules = vec![id.to_string()];
    rules.extend(with.iter().cloned());
    whosaid::extract(
        "fixture",
        text,
        &Config {
            explain: false,
            only_rules: Some(rules),
            include: whosaid::output::Classes::ALL,
            rules: None,
        },
    )
}

/// `Ok(())` when the case holds, else why not.
/// The expected speaker of a quote a rule reports without one.
const NOBODY: &str = "(nobody)";

fn check(id: &str, case: &Case, doc: &Document) -> Result<(), String> {
    let by_rule: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| q.rule.as_deref() == Some(id))
        .collect();
    match &case.expect {
        Expect::Nothing => match by_rule.first() {
            None => Ok(()),
            Some(q) => Err(format!(
                "expected no attribution by {id}, got {:?} → {:?}",
                q.text,
                q.speaker.as_ref().map(|s| &s.name)
            )),
        },
        Expect::Hit {
            speaker,
            kind,
            class,
            quote,
        } => {
            let found = by_rule.iter().any(|q| {
                let speaker_right = match &q.speaker {
                    Some(s) => &s.name == speaker,
                    None => speaker == NOBODY,
                };
                speaker_right
                    && kind.as_ref().is_none_or(|k| q.kind.as_str() == k)
                    && class.as_ref().is_none_or(|c| q.class.as_str() == c)
                    && quote.as_ref().is_none_or(|t| &content(q) == t)
            });
            if found {
                Ok(())
            } else {
                let got: Vec<String> = doc
                    .quotes
                    .iter()
                    .map(|q| {
                        format!(
                            "{:?} [{} {}] rule={:?} speaker={:?}",
                            q.text,
                            q.kind.as_str(),
                            q.class.as_str(),
                            q.rule,
                            q.speaker.as_ref().map(|s| &s.name)
                        )
                    })
                    .collect();
                Err(format!(
                    "expected {id} to attribute {}{}to {speaker:?}; got {got:?}",
                    quote
                        .as_ref()
                        .map(|t| format!("{t:?} "))
                        .unwrap_or_default(),
                    kind.as_ref().map(|k| format!("({k}) ")).unwrap_or_default()
                        + &class
                            .as_ref()
                            .map(|c| format!("({c}) "))
                            .unwrap_or_default(),
                ))
            }
        }
    }
}

#[test]
fn every_rule_has_a_fixture_and_every_fixture_a_rule() {
    let files: Vec<String> = fixture_files().iter().map(|p| rule_id_of(p)).collect();
    let patterns: Vec<&str> = whosaid::attribution::patterns::builtin()
        .iter()
        .map(|p| p.id())
        .collect();
    let in_rust: Vec<_> = RULES
        .iter()
        .filter(|r| !patterns.contains(&r.id()))
        .collect();
    for r in &in_rust {
        assert!(
            files.iter().any(|f| f == r.id()),
            "rule {} has no fixture file tests/rules/{}.txt",
            r.id(),
            r.id()
        );
    }
    for f in &files {
        assert!(
            RULES.iter().any(|r| r.id() == f),
            "tests/rules/{f}.txt names no registered rule"
        );
    }
}

#[test]
fn every_fixture_has_enough_cases() {
    for path in fixture_files() {
        let fixture = parse(&path);
        for w in &fixture.with {
            assert!(
                RULES.iter().any(|r| r.id() == w),
                "{}: @with names no registered rule {w}",
                path.display()
            );
        }
        let cases = fixture.cases;
        let hits = cases.iter().filter(|c| c.section == Section::Hits).count();
        let oks = cases.iter().filter(|c| c.section == Section::Ok).count();
        assert!(hits >= 3, "{}: only {hits} hits", path.display());
        assert!(oks >= 2, "{}: only {oks} ok cases", path.display());
        for c in cases.iter().filter(|c| c.section == Section::Regressions) {
            assert!(c.guards.is_some(), "{}:{}", path.display(), c.line);
        }
    }
}

#[test]
fn rule_fixtures_hold() {
    let mut failures = Vec::new();
    let mut known = Vec::new();
    let mut ran = 0;
    for path in fixture_files() {
        let id = rule_id_of(&path);
        let fixture = parse(&path);
        for case in &fixture.cases {
            ran += 1;
            let doc = run(&id, &fixture.with, &case.text);
            let outcome = check(&id, case, &doc);
            let at = format!("tests/rules/{id}.txt:{}", case.line);
            match (case.section, outcome) {
                (Section::KnownFailures, Ok(())) => known.push(format!(
                    "{at}: known failure now PASSES; move it to ## hits: {:?}",
                    case.text
                )),
                (Section::KnownFailures, Err(e)) => {
                    known.push(format!("{at}: known failure: {:?}: {e}", case.text))
                }
                (_, Ok(())) => {}
                (section, Err(e)) => failures.push(format!(
                    "{at} [{section:?}{}] {:?}: {e}",
                    case.guards
                        .as_ref()
                        .map(|g| format!(", guards: {g}"))
                        .unwrap_or_default(),
                    case.text
                )),
            }
        }
    }
    for k in &known {
        eprintln!("{k}");
    }
    assert!(ran > 0, "no fixture cases found");
    assert!(
        failures.is_empty(),
        "{} fixture case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The runner itself must be able to fail: a wrong speaker, a wrong kind and an unexpected
/// attribution are all reported.
#[test]
fn the_checker_rejects_wrong_expectations() {
    let text = "Rowan Pike runs the mill. “We are laser-focused,” Pike said.";
    let doc = run("ATT001", &[], text);
    let case = |expect| Case {
        section: Section::Hits,
        line: 0,
        text: text.to_string(),
        expect,
        guards: None,
    };
    let hit = |s: &str, k: Option<&str>| Expect::Hit {
        speaker: s.to_string(),
        kind: k.map(str::to_string),
        class: None,
        quote: None,
    };
    let of_class = |c: &str| Expect::Hit {
        speaker: "Rowan Pike".to_string(),
        kind: None,
        class: Some(c.to_string()),
        quote: None,
    };
    assert!(check("ATT001", &case(hit("Rowan Pike", Some("direct"))), &doc).is_ok());
    assert!(check("ATT001", &case(hit("Someone Else", None)), &doc).is_err());
    assert!(check("ATT001", &case(hit("Rowan Pike", Some("partial"))), &doc).is_err());
    assert!(check("ATT001", &case(Expect::Nothing), &doc).is_err());
    assert!(check("ATT002", &case(hit("Rowan Pike", None)), &doc).is_err());
    assert!(check("ATT001", &case(of_class("speech")), &doc).is_ok());
    assert!(check("ATT001", &case(of_class("stance")), &doc).is_err());
}

/// A quote's content as a fixture names it: its text, after its lead and " … " when the
/// attribution interrupts it ("The plan … is to cut taxes").
fn content(q: &whosaid::output::Quote) -> String {
    match &q.lead {
        Some(lead) => format!("{} … {}", lead.text, q.text),
        None => q.text.clone(),
    }
}

/// One row of marks under `line` (chars `from..to` of the document, rendered one column per
/// char), `^` under the quote and `-` under the mention.
fn marks(
    len: usize,
    quote: (usize, usize),
    lead: Option<(usize, usize)>,
    mention: Option<(usize, usize)>,
) -> Vec<String> {
    let mut rows = Vec::new();
    let mut row = vec![' '; len];
    for (s, e) in std::iter::once(quote).chain(lead) {
        for c in row.iter_mut().take(e).skip(s) {
            *c = '^';
        }
    }
    if let Some((s, e)) = mention {
        if row[s..e].iter().any(|&c| c != ' ') {
            rows.push(row);
            row = vec![' '; len];
        }
        for c in row.iter_mut().take(e).skip(s) {
            *c = '-';
        }
    }
    rows.push(row);
    rows.into_iter()
        .map(|r| r.into_iter().collect::<String>().trim_end().to_string())
        .collect()
}

/// A text rendering of every case of one fixture file and what the rule made of it.
fn render(path: &Path) -> String {
    let id = rule_id_of(path);
    let fixture = parse(path);
    let mut out = String::new();
    if !fixture.with.is_empty() {
        writeln!(out, "(run with {})\n", fixture.with.join(", ")).unwrap();
    }
    for case in &fixture.cases {
        let doc = run(&id, &fixture.with, &case.text);
        let shown: String = case
            .text
            .chars()
            .map(|c| if c == '\n' { '⏎' } else { c })
            .collect();
        let len = shown.chars().count();
        let expect = match &case.expect {
            Expect::Nothing => format!("no {id}"),
            Expect::Hit {
                speaker,
                kind,
                class,
                quote,
            } => {
                let mut s = format!("{id} → {speaker}");
                if let Some(k) = kind {
                    write!(s, " ({k})").unwrap();
                }
                if let Some(c) = class {
                    write!(s, " ({c})").unwrap();
                }
                if let Some(q) = quote {
                    write!(s, " for {q:?}").unwrap();
                }
                s
            }
        };
        let verdict = if check(&id, case, &doc).is_ok() {
            "holds"
        } else {
            "FAILS"
        };
        writeln!(
            out,
            "[{:?} line {}] expect {expect}: {verdict}",
            case.section, case.line
        )
        .unwrap();
        if let Some(g) = &case.guards {
            writeln!(out, "  guards: {g}").unwrap();
        }
        writeln!(out, "  {shown}").unwrap();
        if doc.quotes.is_empty() {
            writeln!(out, "  (no quotes)").unwrap();
        }
        for q in &doc.quotes {
            let mention = q.speaker.as_ref().map(|s| (s.span.start, s.span.end));
            let lead = q.lead.as_ref().map(|l| (l.span.start, l.span.end));
            for row in marks(len, (q.span.start, q.span.end), lead, mention) {
                writeln!(out, "  {row}").unwrap();
            }
            // The class is shown where it is not the quote's plain speech.
            let kind = match q.class {
                whosaid::output::QuoteClass::Speech => q.kind.as_str().to_string(),
                other => format!("{} {}", q.kind.as_str(), other.as_str()),
            };
            match &q.speaker {
                Some(s) => writeln!(
                    out,
                    "  {} {}: {} (mention {:?}, cue {})",
                    q.rule.as_deref().unwrap_or("-"),
                    kind,
                    s.name,
                    s.mention,
                    q.cue
                        .as_ref()
                        .map_or("none".to_string(), |c| format!("{:?}", c.text)),
                )
                .unwrap(),
                None => writeln!(
                    out,
                    "  {} {}: no speaker",
                    q.rule.as_deref().unwrap_or("-"),
                    kind
                )
                .unwrap(),
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn rule_fixture_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/rules");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for path in fixture_files() {
            let id = rule_id_of(&path);
            insta::assert_snapshot!(id.clone(), render(&path));
        }
    });
}
