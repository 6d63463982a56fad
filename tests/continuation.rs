//! Runs of quotes that continue a speaker: quoted paragraphs after an attributed quote or
//! after a sentence that only attributes ("Lee told the Courier." / "Lee said:"), and
//! speech lists whose items name their speakers before a colon. The whole pipeline runs;
//! each test states who says each quote, by which rule and with what confidence.

use whosaid::output::QuoteKind;
use whosaid::Config;

/// (quote text, speaker name, rule, confidence) of every quoted passage (indirect speech
/// left out).
fn run(text: &str) -> Vec<(String, Option<String>, Option<String>, f64)> {
    whosaid::extract("c", text, &Config::default())
        .quotes
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| (q.text, q.speaker.map(|s| s.name), q.rule, q.confidence))
        .collect()
}

fn speakers(text: &str) -> Vec<Option<String>> {
    run(text).into_iter().map(|(_, s, _, _)| s).collect()
}

fn some(name: &str) -> Option<String> {
    Some(name.to_string())
}

#[test]
fn quoted_paragraphs_after_an_attribution_sentence_are_its_speakers() {
    let text = "The harbour board met on Tuesday.\n\n\
                Marta Lindqvist, who chairs the board, told the Evening Courier.\n\n\
                \u{201c}We have waited eleven years for this decision.\u{201d}\n\n\
                \u{201c}The channel silts up every winter.\u{201d}\n\n\
                \u{201c}Nobody wants to pay twice.\u{201d}\n\n\
                The plan now goes to the county council.";
    let got = run(text);
    let rules: Vec<_> = got.iter().map(|q| q.2.as_deref()).collect();
    let confidence: Vec<_> = got.iter().map(|q| q.3).collect();
    assert_eq!(speakers(text), vec![some("Marta Lindqvist"); 3]);
    assert_eq!(rules, [Some("ATT008"), Some("ATT009"), Some("ATT009")]);
    // Lower than any attribution read next to the quote, and lower the farther it is
    // carried.
    assert_eq!(confidence, [0.7, 0.65, 0.6]);
}

#[test]
fn a_carried_speaker_loses_confidence_down_to_a_floor() {
    let text = "Hollis Vane said:\n\n\u{201c}One.\u{201d}\n\n\u{201c}Two.\u{201d}\n\n\
                \u{201c}Three.\u{201d}\n\n\u{201c}Four.\u{201d}\n\n\u{201c}Five.\u{201d}\n\n\
                \u{201c}Six.\u{201d}";
    let got = run(text);
    assert!(got.iter().all(|q| q.1.as_deref() == Some("Hollis Vane")));
    let confidence: Vec<_> = got.iter().map(|q| q.3).collect();
    assert_eq!(confidence, [0.8, 0.65, 0.6, 0.55, 0.5, 0.5]);
}

#[test]
fn a_paragraph_about_someone_else_ends_the_run() {
    let text = "Lee Haskins told the Evening Courier.\n\n\
                \u{201c}The crews were told on Friday.\u{201d}\n\n\
                \u{201c}Some have worked these routes for thirty years.\u{201d}\n\n\
                Maria Vance, the company's chief executive, was not at the meeting.\n\n\
                \u{201c}The timetable cannot survive the winter.\u{201d}";
    assert_eq!(
        speakers(text),
        [some("Lee Haskins"), some("Lee Haskins"), None]
    );
}

#[test]
fn a_paragraph_about_the_speaker_keeps_the_run() {
    let text = "Lee Haskins told the Evening Courier.\n\n\
                \u{201c}The crews were told on Friday.\u{201d}\n\n\
                Haskins has worked on the ferries since he left school.\n\n\
                \u{201c}Nobody asked us.\u{201d}";
    assert_eq!(speakers(text), [some("Lee Haskins"), some("Lee Haskins")]);
}

#[test]
fn a_new_speaker_takes_the_run_over() {
    let text = "Lee Haskins told the Evening Courier.\n\n\
                \u{201c}The crews were told on Friday.\u{201d}\n\n\
                \u{201c}The timetable is not sustainable,\u{201d} said Maria Vance, the \
                chief executive.\n\n\
                \u{201c}We looked at every other option.\u{201d}";
    assert_eq!(
        speakers(text),
        [
            some("Lee Haskins"),
            some("Maria Vance"),
            some("Maria Vance")
        ]
    );
}

#[test]
fn a_question_is_not_the_answer() {
    let text = "Tomas Berg asked the harbour master about the dredging.\n\n\
                \u{201c}It will start in March.\u{201d}";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn each_item_of_a_speech_list_has_its_own_speaker() {
    let text = "The county drama awards were handed out on Saturday night.\n\n\
                Best actor Tom Reyes said: \u{201c}I owe this to my mother.\u{201d}\n\n\
                \u{201c}She drove me to every audition.\u{201d}\n\n\
                Best actress Nadia Okafor said: \u{201c}This town taught me to tell a \
                story.\u{201d}\n\n\
                - Best director Oyelaran Adebisi: \u{201c}We made the film for almost \
                nothing.\u{201d}\n\n\
                \u{201c}Nobody was paid.\u{201d}\n\n\
                - Best newcomer, Ilse Marquardt: \u{201c}I did not expect this.\u{201d}\n\n\
                Jonas Pike, best score: \u{201c}Music is the easy part.\u{201d}\n\n\
                Greta Holm (lifetime award): \u{201c}I am too old to be surprised.\u{201d}";
    assert_eq!(
        speakers(text),
        [
            some("Tom Reyes"),
            some("Tom Reyes"),
            some("Nadia Okafor"),
            some("Oyelaran Adebisi"),
            some("Oyelaran Adebisi"),
            some("Ilse Marquardt"),
            some("Jonas Pike"),
            some("Greta Holm"),
        ]
    );
}
