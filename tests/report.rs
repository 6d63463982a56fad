//! `whosaid report`: the page is self-contained, has one highlight per quote the library
//! finds, escapes what documents bring, keeps failed documents; and, in a real headless
//! browser (Debian's chromium), loads without script errors, routes to one document at a
//! time, opens a quote's panel from its link, shows the expected number of highlighted
//! quotes, and is photographed into
//! `target/report-screenshot.png` and `target/report-index.png` for people to look at.
//!
//! Without chromium the browser test skips, loudly, unless `WHOSAID_REQUIRE_BROWSER=1`
//! (set by `.ci/run`), which makes a missing browser a failure.

use std::path::{Path, PathBuf};
use std::process::Output;

#[path = "support/process.rs"]
mod support;

use support::{chromium, headless, root_attribute, whosaid, TempDir};

/// Writes the report of `inputs` into `dir` and returns its path and text.
fn report(dir: &TempDir, inputs: &[&str], stdin: Option<&str>) -> (PathBuf, String, Output) {
    let path = dir.join("report.html");
    let mut args = vec!["report"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["--out", path.to_str().unwrap(), "-q"]);
    let out = whosaid(&args, stdin.map(str::as_bytes));
    let html = std::fs::read_to_string(&path).expect("the report was written");
    (path, html, out)
}

/// Quotes the library finds in the seed articles, as the report runs it (explain on).
fn seed_quotes() -> (usize, usize) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("corpus/seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let config = whosaid::Config {
        explain: true,
        ..whosaid::Config::default()
    };
    let quotes = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            whosaid::extract(&p.display().to_string(), &text, &config)
                .quotes
                .len()
        })
        .sum();
    (paths.len(), quotes)
}

/// How many quotes of `path` the extractor gives to `speaker`.
fn seed_quotes_of(path: &str, speaker: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let config = whosaid::Config {
        explain: true,
        ..whosaid::Config::default()
    };
    whosaid::extract(path, &text, &config)
        .quotes
        .iter()
        .filter(|q| q.speaker.as_ref().is_some_and(|s| s.name == speaker))
        .count()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_seed_report_is_self_contained_with_one_highlight_per_quote() {
    let dir = TempDir::in_target("seeds");
    let (_, html, out) = report(&dir, &["corpus/seeds/"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (docs, quotes) = seed_quotes();
    assert!(quotes > 5);
    assert_eq!(count(&html, "<mark class=\"q "), quotes);
    assert_eq!(count(&html, "<section class=\"doc\" id=\"d"), docs);
    assert_eq!(count(&html, "<tr><td>"), docs, "one index row per document");
    assert!(html.contains(&format!("{docs} documents · {quotes} quotes")));
    // Nothing is fetched: no external resource of any kind, and a policy that forbids it.
    for external in ["src=", "<link", "@import", "url(", "http://", "https://"] {
        assert!(!html.contains(external), "found {external:?}");
    }
    assert!(html.contains("content=\"default-src 'none';"));
    // Non-speech passages are greyed; each speaker's colour is the same everywhere.
    assert!(html.contains("<span class=\"ns\" title=\"not speech: "));
    let hue = whosaid::report::speaker_hue("Scott Guthrie");
    assert!(html.contains(&format!("<mark class=\"q k-partial\" style=\"--h:{hue}\" data-kind=\"partial\" data-speaker=\"Scott Guthrie\"")));
    // The chip counts the speaker's quotes in the document that names him most.
    let guthrie = seed_quotes_of("corpus/seeds/001_655e66cbc474758b.txt", "Scott Guthrie");
    assert!(guthrie >= 3);
    assert!(html.contains(&format!(
        "<span class=\"chip\" style=\"--h:{hue}\">Scott Guthrie <b>{guthrie}</b></span>"
    )));
}

const HOSTILE: &str = concat!(
    r#"{"id":"<script>document.documentElement.setAttribute('data-pwned','id')</script>","text":"“Fish & chips <img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">,” said Tom O'Neil.","title":"A & B <script>document.documentElement.setAttribute('data-pwned','title')</script>","author":"</script><script>document.documentElement.setAttribute('data-pwned','author')</script>\u0000\u0001\u001b\u007f"}"#,
    "\n",
    "{broken\n",
);

#[test]
fn what_documents_bring_is_escaped_and_failures_are_shown() {
    let dir = TempDir::in_target("hostile");
    let (_, html, out) = report(&dir, &["--jsonl", "-"], Some(HOSTILE));
    assert_eq!(out.status.code(), Some(1), "a failed record gives status 1");
    assert!(!html.contains("<script>document"), "no injected script");
    assert!(!html.contains("<img"), "no injected element");
    assert!(html.contains("&#60;script&#62;document.documentElement.setAttribute(&#39;data-pwned&#39;,&#39;id&#39;)&#60;/script&#62;"));
    assert!(html.contains("A &#38; B &#60;script&#62;"));
    assert!(html.contains("<dd>&#60;/script&#62;&#60;script&#62;document"));
    assert!(html.contains("Fish &#38; chips &#60;img src=x onerror=&#34;"));
    assert_eq!(count(&html, "<mark class=\"q "), 1);
    assert!(html.contains("<section class=\"doc failed\" id=\"d2\">"));
    assert!(html.contains("malformed_json: - line 2: not valid JSON"));
    assert!(html.contains("2 documents · 1 quote · <span class=\"error\">1 failed</span>"));
}

/// Text that would end an element or an attribute, start one, or run a script if it were
/// not escaped, with control characters (which HTML needs no escape for: they must pass
/// unchanged) and a JavaScript line separator.
const NASTY: &str = "</script><script>alert(1)</script> \"dq\" 'sq' &amp; & <b>b</b> \u{0}\u{1}\u{b}\u{1b}\u{7f}\u{85}\u{2028} end";

/// `html` with the character references askama writes (`&#NN;`) and the named ones turned
/// back into characters.
fn decode(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find(';')
            .map(|e| at + e)
            .expect("a reference ends in ;");
        let name = &rest[at + 1..end];
        out.push(match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            _ => {
                let code = name.strip_prefix('#').expect("a numeric reference");
                char::from_u32(code.parse().expect("a decimal reference")).unwrap()
            }
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The raw HTML between `open` and the next `close` after it.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open:?}")) + open.len();
    let end = html[start..].find(close).expect("closed") + start;
    &html[start..end]
}

/// The text of an HTML fragment: its tags left out, its references decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at + rest[at..].find('>').expect("a tag ends") + 1..];
    }
    out.push_str(rest);
    decode(&out)
}

#[test]
fn every_field_shown_escapes_hostile_text_and_keeps_it_intact() {
    use whosaid::output::{NonSpeech, Span};
    let text = format!("“We will win,” said Ann Lee. {NASTY} “Tall” is a word.");
    let config = whosaid::Config {
        explain: true,
        ..whosaid::Config::default()
    };
    let mut doc = whosaid::extract("doc", &text, &config);
    assert!(!doc.quotes.is_empty(), "{doc:?}");
    // Every value the page shows, hostile.
    doc.id = format!("id {NASTY}");
    let meta =
        serde_json::json!({ "title": format!("title {NASTY}"), "url": format!("url {NASTY}") });
    doc.meta = meta.as_object().cloned();
    let quote = &mut doc.quotes[0];
    let speaker = quote.speaker.as_mut().expect("the quote has a speaker");
    speaker.name = format!("name {NASTY}");
    speaker.mention = format!("mention {NASTY}");
    quote.rule = Some(format!("rule {NASTY}"));
    quote.cue.as_mut().expect("the quote has a cue").text = format!("cue {NASTY}");
    doc.speakers[0].name = format!("name {NASTY}");
    let tall = text.find("“Tall”").unwrap();
    doc.non_speech = Some(vec![NonSpeech {
        text: "Tall".to_string(),
        span: Span { start: 0, end: 0 },
        byte_span: Span {
            start: tall,
            end: tall + "“Tall”".len(),
        },
        reason: format!("reason {NASTY}"),
    }]);

    let mut report = whosaid::report::Report::new(Vec::new()).unwrap();
    report
        .add(whosaid::report::document_section(&doc, &text))
        .unwrap();
    let html = String::from_utf8(report.finish().unwrap()).unwrap();

    // Nothing the document brings opens or closes an element: the page has its own two
    // scripts and nothing else of the kind.
    assert_eq!(count(&html, "<script"), 2, "{html}");
    assert_eq!(count(&html, "</script"), 2, "{html}");
    assert!(!html.contains("<b>b</b>"));
    assert!(!html.contains("\"dq\""));
    assert!(!html.contains("'sq'"));
    assert!(!html.contains("&amp; &"), "& is escaped even before a name");
    // Every value comes back whole from where it is shown: a quote that ended the
    // attribute early would cut it.
    for (shown, expected) in [
        (between(&html, "<h2>", "</h2>"), format!("id {NASTY}")),
        (
            between(&html, "<dt>url</dt><dd>", "</dd>"),
            format!("url {NASTY}"),
        ),
        (
            between(&html, "<dt>title</dt><dd>", "</dd>"),
            format!("title {NASTY}"),
        ),
        (
            between(&html, "<div class=\"title\">", "</div>"),
            format!("title {NASTY}"),
        ),
        (
            between(&html, " data-speaker=\"", "\""),
            format!("name {NASTY}"),
        ),
        (
            between(&html, " data-mention=\"", "\""),
            format!("mention {NASTY}"),
        ),
        (
            between(&html, " data-rule=\"", "\""),
            format!("rule {NASTY}"),
        ),
        (between(&html, " data-cue=\"", "\""), format!("cue {NASTY}")),
        (
            between(&html, "<span class=\"who\">", "</span>"),
            format!("name {NASTY}"),
        ),
        (
            between(&html, "<span class=\"ns\" title=\"not speech: ", "\""),
            format!("reason {NASTY}"),
        ),
    ] {
        assert_eq!(decode(shown), expected, "raw: {shown:?}");
    }
    let title = between(&html, "<mark class=\"q ", ">");
    assert!(
        decode(title).contains(&format!(", rule rule {NASTY}, cue “cue {NASTY}”")),
        "{title}"
    );
    // The text reads as it was written, once the speakers' names shown before the quotes
    // are left out.
    let mut body = between(&html, "<div class=\"text\">", "</div>").to_string();
    while let Some(at) = body.find("<span class=\"who\">") {
        let end = at + body[at..].find("</span>").unwrap() + "</span>".len();
        body.replace_range(at..end, "");
    }
    assert_eq!(text_of(&body), text);
    // The index and the legend's chips.
    assert_eq!(
        count(
            &html,
            &format!(">{}", escaped_name(&format!("name {NASTY}")))
        ),
        3
    );
}

/// The name as the page's text shows it, to count where it appears.
fn escaped_name(name: &str) -> String {
    name.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp is inside the target directory")
        .to_path_buf()
}

#[test]
fn the_report_works_in_a_real_browser() {
    let Some(browser) = chromium() else {
        if std::env::var("WHOSAID_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("WHOSAID_REQUIRE_BROWSER=1 but there is no /usr/bin/chromium (apt-get install chromium)");
        }
        eprintln!(
            "\n!!! SKIPPED the_report_works_in_a_real_browser: no /usr/bin/chromium \
             (apt-get install chromium, or set WHOSAID_CHROMIUM); .ci/run requires it !!!\n"
        );
        return;
    };
    let dir = TempDir::in_target("browser");
    let (path, _, out) = report(&dir, &["corpus/seeds/"], None);
    assert!(out.status.success());
    let url = format!("file://{}", path.canonicalize().unwrap().display());
    let (docs, quotes) = seed_quotes();

    // The first quote of the second seed, opened by its link: the page's script ran to the
    // end, recorded no error, shows that document alone, and the quote's panel is open with
    // what the library says of it.
    let dom = headless(&browser, &format!("{url}#d2:q1"), &["--dump-dom"]);
    let dom = String::from_utf8(dom.stdout).unwrap();
    assert_eq!(
        root_attribute(&dom, "data-js-errors"),
        None,
        "script errors"
    );
    assert_eq!(root_attribute(&dom, "data-ready").as_deref(), Some("yes"));
    assert_eq!(
        root_attribute(&dom, "data-quotes"),
        Some(quotes.to_string()),
        "highlighted quotes counted by the page itself"
    );
    assert_eq!(count(&dom, "<mark class=\"q "), quotes);
    assert!(
        dom.contains("<body class=\"viewing\">"),
        "the index is hidden"
    );
    assert!(dom.contains("<section class=\"doc current\" id=\"d2\">"));
    assert_eq!(count(&dom, "class=\"doc current\""), 1);
    assert_eq!(count(&dom, "<section class=\"doc"), docs);
    let seed = "corpus/seeds/001_655e66cbc474758b.txt";
    let text = std::fs::read_to_string(seed).unwrap();
    let first = &whosaid::extract(seed, &text, &Default::default()).quotes[0];
    let speaker = first.speaker.as_ref().unwrap();
    assert!(dom.contains("<aside id=\"info\"><"), "the panel is open");
    for (field, value) in [
        ("speaker", speaker.name.clone()),
        ("mention", speaker.mention.clone()),
        ("kind", first.kind.as_str().to_string()),
        ("rule", first.rule.clone().unwrap()),
        ("cue", first.cue.as_ref().unwrap().text.clone()),
        ("confidence", first.confidence.to_string()),
    ] {
        assert!(
            dom.contains(&format!("<dt>{field}</dt><dd>{value}</dd>")),
            "panel shows {field} {value}"
        );
    }
    assert_eq!(count(&dom, " selected\""), 1, "one quote is selected");

    // Hostile input: nothing it carries runs.
    let hostile = TempDir::in_target("browser-hostile");
    let (path, _, _) = report(&hostile, &["--jsonl", "-"], Some(HOSTILE));
    let hostile_url = format!("file://{}#d1", path.canonicalize().unwrap().display());
    let dom = headless(&browser, &hostile_url, &["--dump-dom"]);
    let dom = String::from_utf8(dom.stdout).unwrap();
    assert_eq!(root_attribute(&dom, "data-pwned"), None);
    assert_eq!(root_attribute(&dom, "data-js-errors"), None);
    assert_eq!(root_attribute(&dom, "data-quotes").as_deref(), Some("1"));

    // Pictures for people: one document, and the index.
    let target = target_dir();
    for (file, fragment, size) in [
        ("report-screenshot.png", "#d2:q1", "1200,1000"),
        ("report-index.png", "", "1200,700"),
    ] {
        let png = target.join(file);
        let _ = std::fs::remove_file(&png);
        headless(
            &browser,
            &format!("{url}{fragment}"),
            &[
                &format!("--window-size={size}"),
                &format!("--screenshot={}", png.display()),
            ],
        );
        let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{file} is a PNG");
        assert!(bytes.len() > 10_000, "{file} is not blank");
        eprintln!("screenshot: {}", png.display());
    }
}
