//! Text written in other forms than the corpus's: decomposed accents (Unicode NFD), HTML
//! character references left by scraping, names written surname first. whosaid reads them
//! as the characters and names they stand for, and reports every span on the text as given.

use whosaid::output::Document;
use whosaid::Config;

fn extract(text: &str) -> Document {
    whosaid::extract("t", text, &Config::default())
}

/// (quote text, speaker name) of every quote.
fn said(doc: &Document) -> Vec<(&str, Option<&str>)> {
    doc.quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_ref().map(|s| s.name.as_str())))
        .collect()
}

/// Every span of the document re-finds its text in `text`.
fn assert_spans_hold(text: &str, doc: &Document) {
    for q in &doc.quotes {
        assert_eq!(&text[q.byte_span.start..q.byte_span.end], q.text);
        assert_eq!(q.span.start, text[..q.byte_span.start].chars().count());
        assert_eq!(q.span.end, text[..q.byte_span.end].chars().count());
        if let Some(s) = &q.speaker {
            assert_eq!(&text[s.byte_span.start..s.byte_span.end], s.mention);
            assert_eq!(s.span.start, text[..s.byte_span.start].chars().count());
        }
        if let Some(c) = &q.cue {
            assert_eq!(&text[c.byte_span.start..c.byte_span.end], c.text);
        }
    }
}

// guards: a decomposed accent split the name, and the speaker was "E".
#[test]
fn a_decomposed_name_is_one_speaker_named_as_composed() {
    let text = "\u{201c}We will reopen the school,\u{201d} E\u{301}lodie Martin said.";
    let doc = extract(text);
    assert_spans_hold(text, &doc);
    let q = &doc.quotes[0];
    let speaker = q.speaker.as_ref().expect("a speaker");
    assert_eq!(speaker.name, "\u{c9}lodie Martin");
    // The mention is the text as written: decomposed.
    assert_eq!(speaker.mention, "E\u{301}lodie Martin");
}

#[test]
fn decomposed_and_composed_forms_of_a_name_are_one_person() {
    let text = "The head teacher, \u{c9}lodie Martin, spoke first.\n\n\
                \u{201c}The roof is fixed,\u{201d} Martin said.\n\n\
                \u{201c}The heating is next,\u{201d} said E\u{301}lodie Martin.";
    let doc = extract(text);
    assert_spans_hold(text, &doc);
    assert_eq!(
        said(&doc),
        [
            ("The roof is fixed,", Some("\u{c9}lodie Martin")),
            ("The heating is next,", Some("\u{c9}lodie Martin")),
        ]
    );
    assert_eq!(doc.speakers.len(), 1);
}

// guards: a combining mark that no precomposed letter holds (a Yoruba tone mark) ended the
// word, so the name was cut before it.
#[test]
fn a_tone_mark_stays_inside_the_name() {
    let text =
        "\u{201c}The market opens at six,\u{201d} said Ad\u{e9}b\u{e1}y\u{1ecd}\u{300} Okonjo.";
    let doc = extract(text);
    assert_spans_hold(text, &doc);
    let speaker = doc.quotes[0].speaker.as_ref().expect("a speaker");
    assert_eq!(speaker.name, "Ad\u{e9}b\u{e1}y\u{1ecd}\u{300} Okonjo");
}

#[test]
fn quotes_between_html_references_are_found_on_the_text_as_given() {
    let text = "&quot;The ferry is late again,&quot; Tomas Berg said. \
                He added: &#8220;It&rsquo;s the third time this week.&#8221; \
                His sister called it &ldquo;a disgrace&rdquo;.";
    let doc = extract(text);
    assert_spans_hold(text, &doc);
    assert_eq!(
        said(&doc),
        [
            ("The ferry is late again,", Some("Tomas Berg")),
            // The quote's text is the text as given, with its references.
            ("It&rsquo;s the third time this week.", Some("Tomas Berg")),
            ("a disgrace", Some("His sister")),
        ]
    );
}

// guards: `&rsquo;` inside a word is an apostrophe, not a closing mark that cuts the quote.
#[test]
fn a_referenced_apostrophe_does_not_end_a_quote() {
    let text = "&lsquo;We won&rsquo;t sell the farm,&rsquo; Ana Costa said.";
    let doc = extract(text);
    assert_spans_hold(text, &doc);
    assert_eq!(
        said(&doc),
        [("We won&rsquo;t sell the farm,", Some("Ana Costa"))]
    );
}

#[test]
fn numeric_references_in_the_windows_range_are_quote_marks() {
    let text = "&#147;Nobody told us,&#148; said Ruth Adler.";
    let doc = extract(text);
    assert_spans_hold(text, &doc);
    assert_eq!(said(&doc), [("Nobody told us,", Some("Ruth Adler"))]);
}

#[test]
fn sentences_of_a_text_with_references_are_spans_of_the_text_as_given() {
    let text = "It&rsquo;s late.&nbsp;E\u{301}lodie left. &quot;Bye.&quot; She went.";
    let record = whosaid::sentences("s", text);
    let sentences: Vec<&str> = record.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        sentences,
        [
            "It&rsquo;s late.",
            "E\u{301}lodie left.",
            "&quot;Bye.&quot;",
            "She went."
        ]
    );
    for s in &record.sentences {
        assert_eq!(&text[s.byte_span.start..s.byte_span.end], s.text);
    }
}

#[test]
fn a_surname_written_first_joins_the_full_name() {
    let text = "Wu Mingzhe, 34, a nurse at the county hospital, worked the night shift.\n\n\
                \u{201c}We had four people for sixty beds,\u{201d} Wu said.";
    let doc = extract(text);
    assert_eq!(
        said(&doc),
        [("We had four people for sixty beds,", Some("Wu Mingzhe"))]
    );
    let text = "The night nurse Wu Mingzhe did not sleep.\n\n\
                \u{201c}Nobody slept,\u{201d} Wu said.";
    assert_eq!(
        said(&extract(text)),
        [("Nobody slept,", Some("Wu Mingzhe"))]
    );
}

// guards: the first word of a two-word name is a surname only when no name of the document
// ends in it; then the surname belongs to that name, as before.
#[test]
fn a_name_ending_in_the_word_keeps_it() {
    let text = "Wu Mingzhe, 34, a nurse, worked the night shift. Her ward sister, Lisa \
                Wu, ran it.\n\n\u{201c}We had four people,\u{201d} Wu said.";
    assert_eq!(
        said(&extract(text)),
        [("We had four people,", Some("Lisa Wu"))]
    );
}
