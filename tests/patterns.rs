//! The pattern language: built-in patterns pass their own examples, a user's file adds,
//! replaces and disables rules, mistakes are named by file:line:column, and random files
//! never panic.

use proptest::prelude::*;
use whosaid::attribution::patterns::{builtin, parse_file};
use whosaid::attribution::{RuleInfo, RuleSet};
use whosaid::output::Classes;
use whosaid::pattern_examples as examples;
use whosaid::Config;

fn files(source: &str) -> Vec<(String, String)> {
    vec![("house.pat".to_string(), source.to_string())]
}

fn extract_with(set: &'static RuleSet, text: &str) -> whosaid::Document {
    whosaid::extract(
        "t",
        text,
        &Config {
            include: Classes::ALL,
            rules: Some(set),
            ..Config::default()
        },
    )
}

/// A direct pattern of a house style: "X tells Y:" with nothing else between.
const TELLS: &str = "\
# A house style.
pattern HOUSE01 name-tells-listener-colon
  kind       direct
  match      $SPEAKER{name|desc} $CUE{tells} _{1,3} : $QUOTE
  about      A speaker, \"tells\", the listener, a colon, the quote.
  example    Dana Whitfield tells the Courier: “We have no plan B.”
    speaker  Dana Whitfield
    quote    We have no plan B.
    cue      tells
  counter    Dana Whitfield tells the Courier that there is a plan: “We have no plan B.”
";

#[test]
fn every_builtin_pattern_passes_its_examples_and_counters() {
    let set = RuleSet::builtin();
    for p in builtin() {
        assert!(
            !p.def.examples.is_empty() && !p.def.counters.is_empty(),
            "{}: a built-in pattern has examples and counter-examples",
            p.id()
        );
        for o in examples::run(set, p) {
            assert!(
                o.passed(),
                "{} {}:{}: {}",
                p.id(),
                p.file,
                o.example.pos.line,
                o.failure.unwrap_or_default()
            );
        }
    }
}

#[test]
fn builtin_patterns_stand_in_the_rule_order_with_a_full_doc() {
    for p in builtin() {
        let r = whosaid::attribution::rule(p.id()).expect("a built-in pattern is a rule");
        for heading in ["What it matches", "Why", "Example", "Does not match"] {
            assert!(r.doc().contains(heading), "{}: {heading}", p.id());
        }
    }
    // The doc says which sentences a pattern reads, when its file says.
    let doc = whosaid::attribution::rule("IND008").expect("IND008").doc();
    assert!(
        doc.contains(
            "Reads only the first sentence of a line, and only sentences without quote marks."
        ),
        "{doc}"
    );
}

#[test]
fn an_added_pattern_attributes_a_quote() {
    let text = "Dana Whitfield tells the Courier: “We have no plan B.”";
    let set = RuleSet::with_files(&files(TELLS)).expect("a good file");
    let doc = whosaid::extract(
        "t",
        text,
        &Config {
            only_rules: Some(vec!["HOUSE01".into()]),
            rules: Some(set),
            ..Config::default()
        },
    );
    let q = doc
        .quotes
        .iter()
        .find(|q| q.rule.as_deref() == Some("HOUSE01"))
        .unwrap_or_else(|| panic!("HOUSE01 attributes the quote: {:?}", doc.quotes));
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Dana Whitfield")
    );
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("tells"));
    // Its own examples pass.
    let p = set.patterns().next().expect("one pattern");
    assert!(examples::run(set, p).iter().all(|o| o.passed()));
}

#[test]
fn an_added_pattern_goes_after_the_builtin_rules_of_its_phase() {
    let set = RuleSet::with_files(&files(TELLS)).expect("a good file");
    let ids: Vec<&str> = set.rules().map(|r| r.id()).collect();
    let at = ids.iter().position(|&id| id == "HOUSE01").expect("listed");
    let last_adjacent = set
        .rules()
        .enumerate()
        .filter(|(_, r)| r.phase() == whosaid::attribution::Phase::Adjacent)
        .map(|(i, _)| i)
        .max();
    assert_eq!(Some(at), last_adjacent);
}

#[test]
fn replace_takes_the_place_and_disable_takes_out() {
    let source = "\
replace ATT001 quote-name-said-only
  kind    direct
  match   $QUOTE ,? $SPEAKER $CUE{said} $END
  example “We will see,” Lee said.
    speaker Lee
disable ATT002
";
    let set = RuleSet::with_files(&files(source)).expect("a good file");
    let builtin: Vec<&str> = RuleSet::builtin().rules().map(|r| r.id()).collect();
    let ids: Vec<&str> = set.rules().map(|r| r.id()).collect();
    assert!(!ids.contains(&"ATT002"));
    assert_eq!(set.disabled(), ["ATT002"]);
    let pos = |v: &[&str], id| v.iter().position(|&x| x == id);
    assert_eq!(pos(&ids, "ATT001"), pos(&builtin, "ATT001"));
    assert_eq!(
        set.rule("ATT001").map(|r| r.name()),
        Some("quote-name-said-only")
    );
    // The replacement reads only "said": "wrote" is no longer ATT001's.
    let doc = extract_with(set, "“We will see,” Lee wrote.");
    assert!(doc
        .quotes
        .iter()
        .all(|q| q.rule.as_deref() != Some("ATT001")));
    let doc = extract_with(set, "“We will see,” Lee said.");
    assert!(doc
        .quotes
        .iter()
        .any(|q| q.rule.as_deref() == Some("ATT001")));
}

#[test]
fn an_indirect_pattern_reports_its_clause() {
    let source = "\
pattern HOUSE02 name-let-it-be-known-that
  kind       indirect
  match      $SPEAKER $CUE(let it be known) that? $CLAUSE $END
  example    The mayor let it be known that the budget would be cut in March.
    speaker  The mayor
    content  the budget would be cut in March
    cue      let it be known
  counter    The mayor let it be known.
";
    passing_set(source);
}

#[test]
fn a_pattern_sees_the_checks_every_finding_passes() {
    // "Syrian" is no speaker: the gate drops it whatever rule proposes it.
    let source = "\
pattern HOUSE03 any-capitalised-said
  kind    direct
  match   $QUOTE , $SPEAKER{name|org|desc} $CUE
  example “We will see,” Lee said.
";
    let set = RuleSet::with_files(&files(source)).expect("a good file");
    let doc = extract_with(set, "“We will see,” Syrian officials said nothing.");
    for q in &doc.quotes {
        if q.rule.as_deref() == Some("HOUSE03") {
            assert_ne!(q.speaker.as_ref().map(|s| s.name.as_str()), Some("Syrian"));
        }
    }
}

#[test]
fn a_skip_item_steps_over_an_appositive() {
    let source = "\
pattern HOUSE05 quote-name-appositive-wrote
  kind    direct
  match   $QUOTE ,? $SPEAKER{name} ~appositive $CUE{wrote} $END
  example “The pier is unsafe,” Nadia Petrova, a harbour engineer from Hull, wrote.
    speaker Nadia Petrova
  counter “The pier is unsafe,” Nadia Petrova, a harbour engineer from Hull and a friend, never wrote back.
";
    let set = RuleSet::with_files(&files(source)).expect("a good file");
    let p = set.patterns().next().expect("one pattern");
    for o in examples::run(set, p) {
        assert!(o.passed(), "{:?}", o.failure);
    }
    // Without the item the appositive stands between the name and the verb.
    let without = source.replace(" ~appositive", "");
    let set = RuleSet::with_files(&files(&without)).expect("a good file");
    let p = set.patterns().next().expect("one pattern");
    assert!(!examples::run(set, p)[0].passed());
}

/// The error of `source`, as `file:line:column: message`.
fn error_of(source: &str) -> String {
    match RuleSet::with_files(&files(source)) {
        Ok(_) => panic!("accepted: {source}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn mistakes_are_named_by_line_and_column() {
    let cases: &[(&str, &str)] = &[
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKR $CUE\n  example a\n",
            "house.pat:3:18: unknown slot `$SPEAKR`",
        ),
        (
            "pattern HOUSE01 x\n  kind sideways\n",
            "house.pat:2:8: expected `direct` or `indirect`, found `sideways`",
        ),
        ("pattern house01 x\n", "house.pat:1:9: expected a rule ID"),
        (
            "pattern HOUSE01 Bad_Name\n",
            "house.pat:1:17: expected a kebab-case name",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER (said\n  example a\n",
            "house.pat:3:27: expected `)` to close this `(`",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER @verbs\n  example a\n",
            "house.pat:3:27: unknown class `@verbs`",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER _{2,99}\n  example a\n",
            "house.pat:3:29: a count is at most 16, found 99",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE “ $SPEAKER\n  example a\n",
            "house.pat:3:16: a quote mark",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $SPEAKER $CUE\n  example a\n",
            "house.pat:3:9: a direct pattern holds $QUOTE once (found 0 times)",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER (_?)*\n  example a\n",
            "house.pat:3:9: a repetition of something that can match nothing never ends",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER\n",
            "house.pat:1:1: pattern HOUSE01 has no `example` line",
        ),
        (
            "pattern ATT001 x\n  kind direct\n  match $QUOTE , $SPEAKER\n  example a\n",
            "house.pat:1:1: ATT001 is already a rule (quote-name-cue); write `replace ATT001`",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER ~aside\n  example a\n",
            "house.pat:3:27: unknown item `~aside`; the items are ~appositive, ~parenthetical, ~adverbs",
        ),
        (
            "disable ATT999\n",
            "house.pat:1:9: no rule ATT999 to disable",
        ),
        (
            "  kind direct\n",
            "house.pat:1:3: expected `pattern ID name` before an indented line",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  speaker Lee\n",
            "house.pat:3:3: expected an `example` line before `speaker`",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER $CUE\n  confidence 0.8\n  confidence 0.7\n",
            "house.pat:5:3: a second `confidence` for the same `match` line",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER $CUE\n  match $QUOTE , $CUE\n  example a\n",
            "house.pat:4:9: a direct pattern holds $SPEAKER once (found 0 times)",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER{name|place} $CUE\n  example a\n",
            "house.pat:3:32: unknown speaker kind `place`",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER (... ,)*\n  example a\n",
            "house.pat:3:9: an unbounded repetition inside another",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE , $SPEAKER $CUE !_\n  example a\n",
            "house.pat:3:33: expected a word, a `@class` or a punctuation mark after `!`",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  confidence-unresolved 2\n",
            "house.pat:3:25: expected a number in (0, 1], found `2`",
        ),
        (
            "pattern HOUSE01 x\n  kind indirect\n  match $CLAUSE , $SPEAKER(the $CUE)\n  example a\n",
            "house.pat:3:9: $CUE stands inside $SPEAKER(…), which holds words, classes and punctuation only",
        ),
        (
            "pattern HOUSE01 x\n  kind indirect\n  match $CLAUSE , per $SPEAKER(_?)\n  example a\n",
            "house.pat:3:9: $SPEAKER(…) must hold at least one token",
        ),
        (
            "pattern HOUSE01 x\n  kind indirect\n  match $SPEAKER said $CLAUSE(_?)\n  example a\n",
            "house.pat:3:9: $CLAUSE(…) must hold at least one token",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $QUOTE (, $SPEAKER)? $CUE\n  example a\n",
            "house.pat:3:9: a direct pattern holds $SPEAKER once on every way through it",
        ),
        (
            "pattern HOUSE01 x\n  kind indirect\n  match $CUE(asked) $CLAUSE\n  example a\n",
            "house.pat:3:9: an indirect pattern holds $SPEAKER (a way through it may go without)",
        ),
        (
            "pattern HOUSE01 x\n  kind indirect\n  match $SPEAKER said , (?! $CUE) $CLAUSE\n  example a\n",
            "house.pat:3:25: `(?! … )` holds words, classes, marks and `_`",
        ),
        (
            "pattern HOUSE01 x\n  kind indirect\n  match $SPEAKER said , (?! _* ) $CLAUSE\n  example a\n",
            "house.pat:3:25: `(?! … )` holds words, classes, marks and `_`",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  match $LEAD(_) , $SPEAKER said , $QUOTE\n  example a\n",
            "house.pat:3:9: a direct pattern holds no $LEAD",
        ),
        (
            "pattern HOUSE01 x\n  kind indirect\n  match $LEAD _ , $SPEAKER said , $CLAUSE\n  example a\n",
            "house.pat:3:14: expected `(` after $LEAD",
        ),
        (
            "pattern HOUSE01 x\n  kind indirect\n  match $LEAD($SPEAKER) said , $CLAUSE\n  example a\n",
            "house.pat:3:9: $SPEAKER stands inside $LEAD(…)",
        ),
        (
            "pattern HOUSE01 x\n  kind indirect\n  sentences sometimes\n",
            "house.pat:3:13: expected `any`, `without-quotes` or `first-of-line`, found `sometimes`",
        ),
        (
            "pattern HOUSE01 x\n  kind indirect\n  sentences without-quotes first-of-lines\n",
            "house.pat:3:28: expected `any`, `without-quotes` or `first-of-line`, found `first-of-lines`",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  sentences first-of-line\n  match $QUOTE , $SPEAKER said\n  example a\n",
            "house.pat:1:1: pattern HOUSE01: a direct pattern reads its quote's sentence",
        ),
        (
            "pattern HOUSE01 x\n  kind direct\n  sentences without-quotes\n  match $QUOTE , $SPEAKER said\n  example a\n",
            "house.pat:1:1: pattern HOUSE01: a direct pattern reads its quote's sentence",
        ),
    ];
    for (source, want) in cases {
        let got = error_of(source);
        assert!(
            got.starts_with(want),
            "for {source:?}\n got: {got}\nwant: {want}…"
        );
    }
}

#[test]
fn a_pattern_matches_in_time_linear_in_its_window() {
    // A pattern that would backtrack exponentially without its memo: nested choices over a
    // long sentence of words that almost match.
    let source = "\
pattern HOUSE04 many-choices
  kind    indirect
  match   $SPEAKER $CUE (_ _? _?)+ , $CLAUSE $END
  example Lee said that much, the plan would fail in May.
";
    let set = RuleSet::with_files(&files(source)).expect("a good file");
    let mut text = String::from("Lee said ");
    for _ in 0..240 {
        text.push_str("word ");
    }
    text.push_str("ends.");
    // Finishes (a backtracker without memo would not, in any reasonable time), and finds
    // nothing: there is no comma.
    let doc = extract_with(set, &text);
    assert!(doc
        .quotes
        .iter()
        .all(|q| q.rule.as_deref() != Some("HOUSE04")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any text read as a pattern file gives a set or an error with a position, never a
    /// panic; a set runs on a sample text without panic.
    #[test]
    fn random_pattern_files_never_panic(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("pattern HOUSE09 random-one".to_string()),
                Just("  kind direct".to_string()),
                Just("  kind indirect".to_string()),
                Just("  example “Yes,” Lee said.".to_string()),
                Just("  counter Lee left.".to_string()),
                "  match [$@_(){}|?*+,:;—a-zA-Z0-9 ’'\"“”\\\\]{0,40}".prop_map(|s| s),
                "  match (\\$QUOTE|\\$CLAUSE|\\$SPEAKER|\\$CUE|\\$END|\\$START|_|,|said|@speech|\\(|\\)|\\||\\?|\\*|\\+|\\{1,3\\}| ){1,12}".prop_map(|s| s),
                "[ -~]{0,30}".prop_map(|s| s),
            ],
            0..10,
        )
    ) {
        let source = lines.join("\n");
        let _ = parse_file(&source, "random.pat");
        match RuleSet::with_files(&files(&source)) {
            Ok(set) => {
                let doc = extract_with(
                    set,
                    "“We will see,” Lee said on Monday. Lee said that the plan would work well.",
                );
                prop_assert!(doc.quotes.iter().all(|q| q.rule.is_some() || q.speaker.is_none()));
            }
            Err(e) => {
                prop_assert!(e.line >= 1 && e.column >= 1, "{e}");
                prop_assert!(!e.message.is_empty());
            }
        }
    }
}

/// The speaker's name and the confidence of the quote rule `id` alone attributes in `text`.
fn speaker_and_confidence(
    set: &'static RuleSet,
    id: &str,
    text: &str,
) -> Option<(Option<String>, f64)> {
    let doc = whosaid::extract(
        "t",
        text,
        &Config {
            only_rules: Some(vec![id.into()]),
            rules: Some(set),
            ..Config::default()
        },
    );
    doc.quotes
        .iter()
        .find(|q| q.rule.as_deref() == Some(id))
        .map(|q| (q.speaker.as_ref().map(|s| s.name.clone()), q.confidence))
}

/// Two templates: the first that matches gives the finding, with its own confidence.
const TWO_WAYS: &str = "\
pattern HOUSE05 name-writes-quote-or-quote-name-writes
  kind       direct
  confidence 0.6
  match      $QUOTE ,? $SPEAKER{name} $CUE{writes}
  confidence 0.8
  match      $SPEAKER{name} $CUE{writes} ... $QUOTE
  example    “It is late,” Lee writes.
    speaker  Lee
  example    Lee writes, at length and in the margin, “It is late.”
    speaker  Lee
  counter    Lee reads, at length and in the margin, “It is late.”
";

#[test]
fn match_lines_are_tried_in_order_each_with_its_confidence() {
    let set = RuleSet::with_files(&files(TWO_WAYS)).expect("a good file");
    let run = |text: &str| speaker_and_confidence(set, "HOUSE05", text);
    // The first template, with its own confidence.
    assert_eq!(
        run("“It is late,” Lee writes."),
        Some((Some("Lee".to_string()), 0.8))
    );
    // The second, with the pattern's: `...` crosses the words and commas between.
    assert_eq!(
        run("Lee writes, at length and in the margin, “It is late.”"),
        Some((Some("Lee".to_string()), 0.6))
    );
    // Both could match: the first line wins although the second starts earlier.
    assert_eq!(
        run("Ann Marsh writes “It is late,” Lee writes."),
        Some((Some("Lee".to_string()), 0.8))
    );
    let p = set.patterns().next().expect("one pattern");
    assert!(examples::run(set, p).iter().all(|o| o.passed()));
    // `whosaid rule` shows both templates.
    assert!(p
        .doc()
        .contains("    $QUOTE ,? $SPEAKER{name} $CUE{writes}\n    $SPEAKER{name}"));
}

#[test]
fn a_source_speaker_is_a_short_run_of_words() {
    let source = "\
pattern HOUSE06 quote-per-source
  kind       direct
  match      $QUOTE ,? per $SPEAKER{source}
  example    “Ferries stop at nine,” per the county gazette.
    speaker  the county gazette
  counter    “Ferries stop at nine,” per plan.
";
    let set = passing_set(source);
    // More words than a source holds are no source.
    assert!(quote_by(
        set,
        "HOUSE06",
        "“Ferries stop at nine,” per the old blue and white painted harbour timetable board by the pier gate.",
    )
    .is_none());
}

#[test]
fn a_negated_class_keeps_a_gap_free_of_cues_and_unresolved_speakers_get_their_confidence() {
    // The verb nearest the quote introduces it: "called" stands between "slammed" and the
    // quote, so the pronoun before "slammed" is no speaker of the quoted term.
    let source = "\
pattern HOUSE07 pronoun-cue-gap-quote
  kind       direct
  confidence 0.8
  confidence-unresolved 0.4
  match      $SPEAKER{pronoun} $CUE ((!@speech | 's) ,?){0,5} :? $QUOTE
  example    Ann Marsh took the floor. She told the council: “We are done.”
    speaker  Ann Marsh
  counter    Ann Marsh took the floor. She slammed the loophole called an “inversion” at once.
";
    let set = passing_set(source);
    let run = |text: &str| speaker_and_confidence(set, "HOUSE07", text);
    assert_eq!(
        run("Ann Marsh took the floor. She told the council: “We are done.”"),
        Some((Some("Ann Marsh".to_string()), 0.8))
    );
    // A pronoun with no one to refer to.
    assert_eq!(
        run("She told the council: “We are done.”"),
        Some((Some("She".to_string()), 0.4))
    );
}

/// `$SPEAKER(…)`: the words a group matches are the speaker, read as a description.
const PER_LEDGER: &str = "\
pattern HOUSE08 clause-per-ledger
  kind       indirect
  class      evidential
  match      $START $CLAUSE , $CUE(per) $SPEAKER(the _{0,3} ledger) $END
  example    The ferry lost money in May, per the harbour board ledger.
    speaker  the harbour board ledger
    content  The ferry lost money in May
    cue      per
  counter    The ferry lost money in May, per the harbour board minutes.
  counter    The ferry lost money in May, per the old blue harbour board ledger.
";

/// The rule set of a file of one pattern, checked to pass that pattern's examples.
fn passing_set(source: &str) -> &'static RuleSet {
    let set = RuleSet::with_files(&files(source)).expect("a good file");
    let p = set.patterns().next().expect("one pattern");
    for o in examples::run(set, p) {
        assert!(o.passed(), "{:?}", o.failure);
    }
    set
}

/// The quote rule `id` of `set` reports in `text`, if any.
fn quote_by(set: &'static RuleSet, id: &str, text: &str) -> Option<whosaid::output::Quote> {
    extract_with(set, text)
        .quotes
        .into_iter()
        .find(|q| q.rule.as_deref() == Some(id))
}

#[test]
fn speaker_words_are_the_speaker_and_a_clause_reads_around_quoted_speech() {
    let set = passing_set(PER_LEDGER);
    let found = |text: &str| quote_by(set, "HOUSE08", text).map(|q| q.text);
    // A quoted title stands in the clause with its marks.
    assert_eq!(
        found("The ferry “Morning Star” lost money in May, per the harbour board ledger.")
            .as_deref(),
        Some("The ferry “Morning Star” lost money in May")
    );
    // Quoted speech is the quote rules' own: no clause holds it.
    assert_eq!(
        found("The clerk wrote that “we lost money in May and June,” per the harbour ledger."),
        None
    );
    // A possessive may close a clause.
    assert_eq!(
        found("The loss was twice the ferry’s, per the harbour board ledger.").as_deref(),
        Some("The loss was twice the ferry’s")
    );
}

/// An optional speaker, a lazy lead and a clause that is what its group matches.
const PRESSED: &str = "\
pattern HOUSE09 pressed-on-a-question
  kind       indirect
  match      $START $CUE(pressed) (by $SPEAKER{name|desc})? (!,){0,6}? $CLAUSE(about (!,)*) ,
  example    Pressed by Dana Whitfield about the cost of the bridge, the mayor left.
    speaker  Dana Whitfield
    content  about the cost of the bridge
  example    Pressed again about the cost of the bridge, the mayor left.
    content  about the cost of the bridge
  counter    Pressed about cost, the mayor left.
";

#[test]
fn optional_speaker_lazy_repetition_and_clause_groups() {
    let set = passing_set(PRESSED);
    let found = |text: &str| {
        quote_by(set, "HOUSE09", text).map(|q| (q.text, q.speaker.map(|s| s.name), q.confidence))
    };
    // No "by": content with no speaker, at the confidence of an unsourced report.
    let (content, speaker, confidence) =
        found("Pressed again about the cost of the bridge, the mayor left.").expect("a report");
    assert_eq!(content, "about the cost of the bridge");
    assert_eq!(speaker, None);
    assert!((confidence - 0.6).abs() < 1e-9);
    // The lazy lead stops at the first "about"; a greedy one would go on to the second.
    assert_eq!(
        found("Pressed about the delay and about the cost of the bridge, the mayor left.")
            .map(|f| f.0)
            .as_deref(),
        Some("about the delay and about the cost of the bridge")
    );
    // A quoted title stands whole in a clause, and a clause never cuts one: a comma inside
    // the title's marks closes no clause.
    assert_eq!(
        found("Pressed about the cost of “The Long Bridge” again, the mayor left.")
            .map(|f| f.0)
            .as_deref(),
        Some("about the cost of “The Long Bridge” again")
    );
    assert_eq!(
        found("Pressed about the cost of “The Long Bridge,” the mayor left."),
        None
    );
}

/// An attribution between commas: a lead, a lookahead, a lazy run of any tokens, how a
/// source knows (without `~source-postmodifier`, "officials briefed on the talks said"
/// matches nothing), and sentences without quote marks only.
const INTERRUPTED: &str = "\
# The built-in rules of this shape would claim the sentences first.
disable IND001 IND003 IND005
pattern HOUSE10 interrupted-by-a-source
  kind       indirect
  sentences  without-quotes
  match      $START $LEAD(...?) , $SPEAKER{name|desc} ~source-postmodifier $CUE{@report} , (?! according | @ing | @appositive_start) $CLAUSE $END
  example    The levy, officials briefed on the talks said, will fail in May.
    speaker  officials
    content  will fail in May
  counter    The levy, the mayor said, according to the radio, will fail.
";

#[test]
fn a_lead_a_lookahead_and_sentences_without_quotes() {
    let set = passing_set(INTERRUPTED);
    let found = |text: &str| {
        quote_by(set, "HOUSE10", text).map(|q| {
            (
                q.lead.map(|l| l.text).unwrap_or_default(),
                q.speaker.map(|s| s.name).unwrap_or_default(),
                q.text,
            )
        })
    };
    let f = |lead: &str, speaker: &str, text: &str| {
        Some((lead.to_string(), speaker.to_string(), text.to_string()))
    };
    // The lead is what stands before the attribution.
    assert_eq!(
        found("The levy, the mayor said, will fail in May."),
        f("The levy", "the mayor", "will fail in May")
    );
    // `...?` takes as few tokens as lead to a match: the first attribution, not the last.
    assert_eq!(
        found(
            "The levy, the mayor said, will fail soon, the clerk said, and nobody will mourn it."
        ),
        f(
            "The levy",
            "the mayor",
            "will fail soon, the clerk said, and nobody will mourn it"
        )
    );
    // Where a second attribution, a participle or a description of the speaker follows,
    // the lookahead refuses the clause.
    for text in [
        "The levy, the mayor said, according to the radio, will fail.",
        "The levy, the mayor said, offering no figures at all.",
        "The levy, the mayor said, who spoke for an hour about it.",
    ] {
        assert_eq!(found(text), None, "{text}");
    }
    // A sentence with quote marks is not read at all.
    assert_eq!(
        found("The levy, the mayor said, will fail in the “summer session” of May."),
        None
    );
    assert!(found("The levy, the mayor said, will fail in the summer session of May.").is_some());
}

/// A headline's speaker before a colon: a known person, or words ending in a role noun in
/// any case; no heading label; the first sentence of a line only.
const HEADLINE: &str = "\
# The built-in rule of this shape would claim the lines first.
disable IND008
pattern HOUSE11 headline-speaker-colon
  kind       indirect
  sentences  without-quotes first-of-line
  match      $START (?! @heading_labels) ($SPEAKER{known-name} | $SPEAKER(_{0,3} @role_nouns_any_case)) $CUE(:) $CLAUSE $END
  example    Dana Whitlock: Bridge Will Reopen in May
    speaker  Dana Whitlock
    content  Bridge Will Reopen in May
  example    Harbour Officials: the ferry will run again in June
    speaker  Harbour Officials
";

#[test]
fn a_known_name_role_nouns_in_any_case_heading_labels_and_the_first_sentence_of_a_line() {
    let set = passing_set(HEADLINE);
    let found = |text: &str| quote_by(set, "HOUSE11", text).map(|q| q.text);
    let content = Some("the ferry will run again in June".to_string());
    // A description in capitals ends in a role noun once lower-cased.
    assert_eq!(
        found("Harbour Officials: the ferry will run again in June"),
        content
    );
    // A heading label, in whatever case, is no speaker.
    for label in ["UPDATE", "Update", "update"] {
        let text = format!("{label}: the ferry will run again in June");
        assert_eq!(found(&text), None, "{text}");
    }
    // A place is a name nobody is: not a known name.
    assert_eq!(found("Nevada: the ferry will run again in June"), None);
    // Only the first sentence of a line.
    assert_eq!(
        found("The board met.\nHarbour Officials: the ferry will run again in June"),
        content
    );
    assert_eq!(
        found("The board met. Harbour Officials: the ferry will run again in June"),
        None
    );
}
