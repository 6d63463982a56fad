//! Properties that every extraction must satisfy, whatever the text: spans inside the text
//! and on char boundaries, byte and code-point spans that agree, quotes in order, speakers and
//! cues that re-find their text, registered rule IDs, confidences in [0, 1], and output that
//! is the same on every call. Texts are random but biased to prose: names, speech verbs,
//! pronouns, every kind of quote mark, punctuation, newlines, NBSP and multibyte characters.

use proptest::prelude::*;
use whosaid::attribution::RULES;
use whosaid::output::{Classes, Document, QuoteClass, QuoteKind, Span};
use whosaid::Config;

const CASES: u32 = 1500;

fn piece() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Dana Whitlock",
        "Whitlock",
        "Oakes",
        "Marta Lindqvist",
        "Sen. Hollis",
        "Dr.",
        "Mr.",
        "a spokesman",
        "the company's chief executive",
        "officials",
        "said",
        "says",
        "told reporters",
        "added",
        "argued",
        "noted",
        "asked",
        "according to",
        "In his words",
        "in the words of",
        "a quote from",
        "put it this way",
        "as",
        "that",
        "he",
        "she",
        "they",
        "I",
        "we",
        "his",
        "her",
        "it",
        "the plan",
        "is dead",
        "was",
        "not",
        "on Monday",
        "U.S.",
        "3.5",
        "e.g.",
        "café",
        "naïve",
        "日本語",
        "😀",
        "Ελλάδα",
        "Ωmega",
        // Decomposed accents and HTML references: read through a normalised view, reported
        // on the text as given.
        "E\u{301}lodie Martin",
        "Zoe\u{308}",
        "\u{301}",
        "it&rsquo;s",
        "&amp;",
        "&nbsp;",
        "&#8212;",
        "&bogus;",
    ]);
    let marks = prop::sample::select(vec![
        "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‚", "‹", "›", "「", "」", "`", "``", "''",
        "&quot;", "&#8220;", "&rdquo;",
    ]);
    let punct = prop::sample::select(vec![
        ".", ",", ":", ";", "?", "!", "…", "—", "–", "-", "(", ")", "[", "]", "...", " — ",
    ]);
    let space = prop::sample::select(vec![
        " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{A0}", "\u{2009}", "\u{200B}",
        "\u{FEFF}", "  ",
    ]);
    let pairs = prop::sample::select(vec![
        ("“", "”"),
        ("‘", "’"),
        ("\"", "\""),
        ("'", "'"),
        ("«", "»"),
        ("« ", " »"),
        ("„", "“"),
        ("‚", "‘"),
        ("„", "”"),
        ("»", "«"),
        ("“", "\""),
        ("&quot;", "&quot;"),
        ("&#8220;", "&#8221;"),
        ("&ldquo;", "&rdquo;"),
        ("&lsquo;", "&#x2019;"),
    ]);
    let inner = prop::sample::select(vec![
        "We are laser-focused,",
        "It works.",
        "dead on arrival",
        "super, super happy,",
        "Is it safe?",
        "It’s over — for now,",
        "He said ‘no’ twice,",
        "café au lait",
        "I can’t",
        "",
        "日本語です。",
    ]);
    let quoted = (pairs, inner).prop_map(|((o, c), t)| format!("{o}{t}{c}"));
    prop_oneof![
        3 => quoted,
        6 => words.prop_map(str::to_string),
        3 => marks.prop_map(str::to_string),
        2 => punct.prop_map(str::to_string),
        5 => space.prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[A-Z][a-z]{1,8}",
    ]
}

/// Random prose-like text.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

/// A random configuration: explain on or off, all rules or a random subset.
fn config() -> impl Strategy<Value = Config> {
    let ids: Vec<String> = RULES.iter().map(|r| r.id().to_string()).collect();
    (
        any::<bool>(),
        prop::option::of(prop::sample::subsequence(ids.clone(), 0..=ids.len())),
        prop::sample::select(vec![Classes::SPEECH, Classes::ALL]),
    )
        .prop_map(|(explain, only_rules, include)| Config {
            explain,
            only_rules,
            include,
            rules: None,
        })
}

fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Checks a (code-point span, byte span, text) triple against the document text.
fn check_span(text: &str, span: Span, bytes: Span, expect: &str, what: &str) -> Result<(), String> {
    if !(bytes.start <= bytes.end && bytes.end <= text.len()) {
        return Err(format!(
            "{what}: byte span {bytes:?} outside 0..{}",
            text.len()
        ));
    }
    if !(text.is_char_boundary(bytes.start) && text.is_char_boundary(bytes.end)) {
        return Err(format!(
            "{what}: byte span {bytes:?} not on char boundaries"
        ));
    }
    if &text[bytes.start..bytes.end] != expect {
        return Err(format!(
            "{what}: text[{bytes:?}] = {:?} but the record says {expect:?}",
            &text[bytes.start..bytes.end]
        ));
    }
    let cs = char_index(text, bytes.start);
    let ce = char_index(text, bytes.end);
    if (span.start, span.end) != (cs, ce) {
        return Err(format!(
            "{what}: code-point span {span:?} but byte span {bytes:?} is chars {cs}..{ce}"
        ));
    }
    Ok(())
}

fn check_document(text: &str, config: &Config, doc: &Document) -> Result<(), String> {
    let n_sentences = whosaid::sentences("p", text).sentences.len();
    let mut prev_start = 0;
    for (i, q) in doc.quotes.iter().enumerate() {
        let what = format!("quote {i}");
        check_span(text, q.span, q.byte_span, &q.text, &what)?;
        if q.byte_span.start < prev_start {
            return Err(format!("{what} starts before the previous quote"));
        }
        prev_start = q.byte_span.start;
        // Only the classes asked for are reported, and quoted passages are speech.
        if !config.include.contains(q.class) {
            return Err(format!("{what}: class {:?} was not asked for", q.class));
        }
        if q.kind != QuoteKind::Indirect && q.class != QuoteClass::Speech {
            return Err(format!("{what}: a quoted passage of class {:?}", q.class));
        }
        // One passage is one report, however many rules or cues read it.
        if doc.quotes[..i]
            .iter()
            .any(|p| p.kind == q.kind && p.byte_span == q.byte_span)
        {
            return Err(format!("{what} is reported twice with the same span"));
        }
        if let Some(s) = &q.speaker {
            check_span(
                text,
                s.span,
                s.byte_span,
                &s.mention,
                &format!("{what} speaker"),
            )?;
            if s.name.is_empty() {
                return Err(format!("{what}: empty speaker name"));
            }
        }
        if let Some(c) = &q.cue {
            check_span(text, c.span, c.byte_span, &c.text, &format!("{what} cue"))?;
        }
        if let Some(r) = &q.rule {
            if !RULES.iter().any(|x| x.id() == r) {
                return Err(format!("{what}: unregistered rule {r}"));
            }
            if let Some(only) = &config.only_rules {
                if !only.contains(r) {
                    return Err(format!("{what}: rule {r} ran although not in {only:?}"));
                }
            }
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            return Err(format!("{what}: confidence {}", q.confidence));
        }
        if q.sentence >= n_sentences {
            return Err(format!(
                "{what}: sentence {} of {n_sentences} sentences",
                q.sentence
            ));
        }
    }
    match (&doc.non_speech, config.explain) {
        (Some(ns), true) => {
            for (i, n) in ns.iter().enumerate() {
                check_span(
                    text,
                    n.span,
                    n.byte_span,
                    &n.text,
                    &format!("non_speech {i}"),
                )?;
                if n.reason.is_empty() {
                    return Err(format!("non_speech {i}: empty reason"));
                }
            }
        }
        (None, false) => {}
        (ns, explain) => {
            return Err(format!(
                "explain = {explain} but non_speech is {}",
                if ns.is_some() { "present" } else { "absent" }
            ))
        }
    }
    for s in &doc.speakers {
        if s.quotes == 0 {
            return Err(format!("speaker {:?} with no quotes", s.name));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn extract_output_is_consistent(text in prose(), config in config()) {
        let doc = whosaid::extract("p", &text, &config);
        prop_assert_eq!(&doc.id, "p");
        if let Err(e) = check_document(&text, &config, &doc) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}\nconfig: {config:?}")));
        }
        let again = whosaid::extract("p", &text, &config);
        prop_assert_eq!(
            serde_json::to_string(&doc).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }

    #[test]
    fn extract_never_panics_on_arbitrary_strings(text in any::<String>()) {
        let config = Config { explain: true, only_rules: None, include: Classes::ALL, rules: None };
        let doc = whosaid::extract("p", &text, &config);
        if let Err(e) = check_document(&text, &config, &doc) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}")));
        }
    }

    #[test]
    fn sentences_refind_their_text_in_order(text in prose()) {
        let rec = whosaid::sentences("s", &text);
        prop_assert_eq!(&rec.id, "s");
        let mut last_end = 0;
        for (i, s) in rec.sentences.iter().enumerate() {
            if let Err(e) = check_span(&text, s.span, s.byte_span, &s.text, &format!("sentence {i}")) {
                return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}")));
            }
            prop_assert!(s.byte_span.start >= last_end, "sentence {} overlaps the previous one", i);
            prop_assert!(s.byte_span.start < s.byte_span.end, "empty sentence {}", i);
            last_end = s.byte_span.end;
        }
        let again = whosaid::sentences("s", &text);
        prop_assert_eq!(rec, again);
    }
}

/// The checker must reject broken output, or the properties above prove nothing.
#[test]
fn the_checker_catches_bad_spans() {
    let text = "Dana Whitlock runs the mill. “We are laser-focused,” Whitlock said.";
    let config = Config::default();
    let doc = whosaid::extract("p", text, &config);
    assert!(!doc.quotes.is_empty());
    check_document(text, &config, &doc).unwrap();

    let mut bad = doc.clone();
    bad.quotes[0].byte_span.start += 1;
    assert!(check_document(text, &config, &bad).is_err());

    let mut bad = doc.clone();
    bad.quotes[0].span.end += 1;
    assert!(check_document(text, &config, &bad).is_err());

    let mut bad = doc.clone();
    bad.quotes[0].rule = Some("XYZ999".into());
    assert!(check_document(text, &config, &bad).is_err());

    let mut bad = doc.clone();
    bad.quotes[0].confidence = 1.5;
    assert!(check_document(text, &config, &bad).is_err());

    let mut bad = doc.clone();
    bad.quotes[0].sentence = 99;
    assert!(check_document(text, &config, &bad).is_err());

    let mut bad = doc.clone();
    if let Some(s) = bad.quotes[0].speaker.as_mut() {
        s.mention = "Dana".into();
    }
    assert!(check_document(text, &config, &bad).is_err());

    // A byte span inside the multibyte “ is not on a char boundary.
    let mut bad = doc.clone();
    let open = text.find('“').unwrap();
    bad.quotes[0].byte_span = Span {
        start: open + 1,
        end: open + 2,
    };
    assert!(check_document(text, &config, &bad).is_err());

    let mut bad = doc;
    bad.quotes.reverse();
    bad.quotes.push(bad.quotes[0].clone());
    bad.quotes[0].byte_span = Span {
        start: text.len(),
        end: text.len(),
    };
    assert!(check_document(text, &config, &bad).is_err());
}

/// The generator must reach the interesting paths: quotes, speakers from several rules and
/// multi-sentence texts, or the properties hold vacuously.
#[test]
fn the_generator_produces_attributed_quotes() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = prose();
    let (mut quotes, mut attributed, mut multi) = (0, 0, 0);
    let mut rules = std::collections::BTreeSet::new();
    for _ in 0..1000 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        let doc = whosaid::extract("g", &text, &Config::default());
        quotes += doc.quotes.len();
        for q in &doc.quotes {
            if q.speaker.is_some() {
                attributed += 1;
            }
            if let Some(r) = &q.rule {
                rules.insert(r.clone());
            }
        }
        if whosaid::sentences("g", &text).sentences.len() > 1 {
            multi += 1;
        }
    }
    eprintln!("generator: {quotes} quotes, {attributed} attributed, rules {rules:?}, {multi} multi-sentence texts");
    assert!(quotes >= 200, "{quotes} quotes");
    assert!(attributed >= 20, "{attributed} attributed");
    assert!(rules.len() >= 3, "{rules:?}");
    assert!(multi >= 300, "{multi}");
}
