//! Behaviour of the quote-mark scanner, from single rules up to whole seed articles.

use proptest::prelude::*;
use whosaid::quotes::{scan, MarkStyle, QuotedPassage, MAX_NESTING};

/// Contents of every passage, in order.
fn contents(text: &str) -> Vec<&str> {
    scan(text)
        .iter()
        .map(|q| &text[q.content.clone()])
        .collect()
}

/// Contents of the top-level passages only.
fn top(text: &str) -> Vec<&str> {
    scan(text)
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| &text[q.content.clone()])
        .collect()
}

/// (depth, parent, content) of every passage.
fn tree(text: &str) -> Vec<(usize, Option<usize>, &str)> {
    scan(text)
        .iter()
        .map(|q| (q.depth, q.parent, &text[q.content.clone()]))
        .collect()
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/corpus/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("seed file")
}

/// The invariants every result must satisfy, whatever the input.
fn check_invariants(text: &str, qs: &[QuotedPassage]) {
    for (i, q) in qs.iter().enumerate() {
        for r in [Some(&q.open), q.close.as_ref(), Some(&q.content)]
            .into_iter()
            .flatten()
        {
            assert!(
                r.start <= r.end && r.end <= text.len(),
                "range {r:?} out of text"
            );
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert!(
            q.content.start >= q.open.end && text[q.open.end..q.content.start].trim().is_empty(),
            "content starts right after the opener, past spaces"
        );
        if let Some(c) = &q.close {
            assert_eq!(
                q.content.end, c.start,
                "content ends right before the closer"
            );
        }
        if let Some(prev) = q.previous_piece {
            assert!(prev < i, "a piece follows its previous piece");
            let before = &qs[prev];
            assert_eq!(before.close, None, "only the last piece closes");
            assert_eq!((before.depth, before.parent), (q.depth, q.parent));
            assert!(before.content.end <= q.open.start, "pieces do not overlap");
        }
        if i > 0 {
            assert!(qs[i - 1].open.start < q.open.start, "ordered by opener");
        }
        match q.parent {
            None => assert_eq!(q.depth, 0),
            Some(p) => {
                assert!(p < i);
                let parent = &qs[p];
                assert_eq!(q.depth, parent.depth + 1);
                assert!(parent.content.start <= q.open.start);
                let end = q.close.as_ref().map_or(q.content.end, |c| c.end);
                assert!(end <= parent.content.end, "child inside parent's content");
            }
        }
        assert!(q.depth < MAX_NESTING);
    }
}

// ---- each family of marks ----

#[test]
fn curly_double() {
    // guards: the basic “…” pair and byte ranges of marks vs content.
    let text = "He said “hello there” and left.";
    let qs = scan(text);
    assert_eq!(qs.len(), 1);
    let q = &qs[0];
    assert_eq!(&text[q.open.clone()], "“");
    assert_eq!(&text[q.close.clone().unwrap()], "”");
    assert_eq!(&text[q.content.clone()], "hello there");
    assert_eq!(q.style, MarkStyle::CurlyDouble);
    assert_eq!((q.depth, q.parent, q.previous_piece), (0, None, None));
}

#[test]
fn curly_single() {
    // guards: ‘…’ pairs as its own family.
    assert_eq!(contents("a ‘b c’ d"), ["b c"]);
    assert_eq!(scan("a ‘b c’ d")[0].style, MarkStyle::CurlySingle);
}

#[test]
fn straight_double_and_single() {
    // guards: straight marks decided by context, singles only when clearly quotes.
    assert_eq!(contents(r#"He said "yes" and "no"."#), ["yes", "no"]);
    let text = "He said 'yes, really' and left.";
    assert_eq!(contents(text), ["yes, really"]);
    assert_eq!(scan(text)[0].style, MarkStyle::StraightSingle);
}

#[test]
fn guillemets_both_directions_and_single() {
    // guards: «…», »…« (German) and ‹…› each pair with their own partner.
    assert_eq!(contents("Il a dit «bonjour» hier."), ["bonjour"]);
    assert_eq!(contents("Il a dit « bonjour » hier."), [" bonjour "]);
    assert_eq!(contents("Er sagte »Hallo« und ging."), ["Hallo"]);
    let qs = scan("Il a dit ‹oui› hier.");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].style, MarkStyle::SingleGuillemet);
    // guards: a › never closes a «.
    assert_eq!(contents("«a › b» c"), ["a › b"]);
}

#[test]
fn low_high_german() {
    // guards: „…“ and „…” both close; the “ here is a closer, not an English opener.
    let qs = scan("Er sagte „Hallo“, dann „Tschüss”.");
    assert_eq!(qs.len(), 2);
    assert!(qs.iter().all(|q| q.style == MarkStyle::LowDouble));
    assert_eq!(
        contents("Er sagte „Hallo“, dann „Tschüss”."),
        ["Hallo", "Tschüss"]
    );
}

// ---- nesting ----

#[test]
fn nesting_american_and_british() {
    // guards: the other family nests, with depth and parent index.
    assert_eq!(
        tree("“He said ‘no’ to me”"),
        [(0, None, "He said ‘no’ to me"), (1, Some(0), "no")]
    );
    assert_eq!(
        tree("‘He said “no” to me’"),
        [(0, None, "He said “no” to me"), (1, Some(0), "no")]
    );
    // guards: three levels, straight inside curly inside curly.
    assert_eq!(
        tree(r#"“a ‘b "c" d’ e”"#),
        [
            (0, None, r#"a ‘b "c" d’ e"#),
            (1, Some(0), r#"b "c" d"#),
            (2, Some(1), "c")
        ]
    );
}

#[test]
fn nesting_is_capped() {
    // guards: MAX_NESTING levels are kept; deeper marks, and their closers, are plain text.
    let levels = MAX_NESTING + 3;
    let mut text = String::new();
    for i in 0..levels {
        text.push_str(if i % 2 == 0 { "“a " } else { "‘a " });
    }
    for i in (0..levels).rev() {
        text.push_str(if i % 2 == 0 { "b” " } else { "b’ " });
    }
    let qs = scan(&text);
    assert_eq!(qs.len(), MAX_NESTING);
    for (i, q) in qs.iter().enumerate() {
        assert_eq!(q.depth, i);
        assert!(q.close.is_some());
    }
    // guards: the outermost passage ends at the outermost closer, not an inner one.
    assert_eq!(qs[0].close.as_ref().unwrap().end, text.trim_end().len());
}

// ---- apostrophes ----

#[test]
fn curly_apostrophes_inside_single_quotes() {
    // guards: ’ between letters never closes (Let’s, it’s, don’t, Innovator’s, O’Regan).
    let text = "She said ‘Let’s ask O’Regan, it’s the Innovator’s call, don’t you think?’ ok";
    assert_eq!(
        contents(text),
        ["Let’s ask O’Regan, it’s the Innovator’s call, don’t you think?"]
    );
}

#[test]
fn rock_n_roll_and_decades() {
    // guards: elisions ’n’ / ‘n’ and ’90s are apostrophes, not marks.
    assert_eq!(
        contents("‘I love rock ’n’ roll,’ she said."),
        ["I love rock ’n’ roll,"]
    );
    assert_eq!(
        contents("‘I love rock ‘n’ roll,’ she said."),
        ["I love rock ‘n’ roll,"]
    );
    assert_eq!(
        contents("‘Back in the ’90s we did it,’ he said."),
        ["Back in the ’90s we did it,"]
    );
    // guards: a ‘ before digits does not open.
    assert!(scan("In the ‘90s it was big.").is_empty());
}

#[test]
fn plural_possessive() {
    // guards: students’ + lowercase word is an apostrophe when a better closer follows.
    assert_eq!(
        contents("‘The students’ books are here,’ she said."),
        ["The students’ books are here,"]
    );
    // guards: with no better closer later, the s’ does close.
    assert_eq!(
        contents("He told me to ‘ask the students’ and left."),
        ["ask the students"]
    );
    // guards: same rule for straight singles.
    assert_eq!(
        contents("He said 'the students' books are here' and left."),
        ["the students' books are here"]
    );
}

#[test]
fn straight_apostrophes() {
    // guards: ' between letters (don't, O'Regan, [It's]) never closes a straight single.
    let text = "He said 'I don't know O'Regan, [It's] fine' and left.";
    assert_eq!(contents(text), ["I don't know O'Regan, [It's] fine"]);
    // guards: straight singles without a clear closer are apostrophes.
    assert!(scan("the '90s were 'fun and rock 'n' roll").is_empty());
    assert!(scan("'Twas the night before").is_empty());
}

#[test]
fn all_apostrophes() {
    // guards: text made only of apostrophes yields nothing and returns.
    let text = "don’t it’s O’Regan ’90s rock ’n’ roll students’ don't it's ".repeat(5_000);
    assert!(scan(&text).is_empty());
    assert!(scan(&"’".repeat(100_000)).is_empty());
    assert!(scan(&"'".repeat(100_000)).is_empty());
}

#[test]
fn inches_and_feet() {
    // guards: 5'10" and 12" are measurements, not openers.
    assert!(scan(r#"He is 5'10" tall and uses a 12" pipe."#).is_empty());
    assert_eq!(contents(r#"He is 5'10" tall and said "hi" to me."#), ["hi"]);
}

// ---- mis-typed marks and spacing ----

#[test]
fn right_double_used_as_opener() {
    // guards: ” at the start of a word with nothing open opens a passage.
    assert_eq!(contents("”Hello,” he said."), ["Hello,"]);
    assert_eq!(contents("He said ”yes” loudly."), ["yes"]);
}

#[test]
fn left_double_used_as_closer() {
    // guards: “ after a letter/punctuation, before space/end, closes an open “.
    assert_eq!(contents("“Hello,“ he said."), ["Hello,"]);
    assert_eq!(contents("“Quote. “"), ["Quote. "]);
    assert_eq!(contents("“Quote. “ he said, “more”."), ["Quote. ", "more"]);
}

#[test]
fn space_after_curly_opener() {
    // guards: “ followed by a space still opens, and the space is no part of the words.
    assert_eq!(
        contents("“We will,” Mayer said. “ I love what I’m doing.”"),
        ["We will,", "I love what I’m doing."]
    );
    // guards: a “ at the end of a line opens nothing.
    assert!(contents("He said “\nand left.").is_empty());
    // guards: spaced “ marks never pair among themselves (only a ” closes one).
    assert!(contents("x “ a ‘ b “ a ‘ b “ c").is_empty());
    assert_eq!(contents("x “ a “ b”"), ["b"]);
}

#[test]
fn space_before_closer() {
    // guards: ` ”` still closes the open “ (seen in 001).
    assert_eq!(
        contents("it’s all about “making customers super happy, ” Guthrie said."),
        ["making customers super happy, "]
    );
    assert_eq!(
        contents(r#"he said "super happy, " and left"#),
        ["super happy, "]
    );
}

// ---- paragraphs ----

/// (content, previous piece) of every passage.
fn pieces(text: &str) -> Vec<(&str, Option<usize>)> {
    scan(text)
        .iter()
        .map(|q| (&text[q.content.clone()], q.previous_piece))
        .collect()
}

#[test]
fn three_paragraph_quote() {
    // guards: the multi-paragraph convention gives one piece per paragraph, each ending
    // before the next paragraph's mark, linked to the one before.
    let text = "“First paragraph of the speech.\n\n“Second paragraph.\n\n“Third one,” he said.\n\nAfter “x”.";
    let qs = scan(text);
    assert_eq!(
        pieces(text),
        [
            ("First paragraph of the speech.", None),
            ("Second paragraph.", Some(0)),
            ("Third one,", Some(1)),
            ("x", None)
        ]
    );
    assert_eq!(qs[0].open, 0.."“".len());
    assert_eq!((qs[0].close.clone(), qs[1].close.clone()), (None, None));
    assert!(qs[2].close.is_some());
    check_invariants(text, &qs);
}

#[test]
fn flattened_quotation_gives_pieces() {
    // guards: opening marks after sentence ends inside an open quote start new pieces of
    // the same quotation, each ending before the next one's mark; the last closes.
    let text =
        "He declared. “The bill is late. “We waited a year. “Enough,” he said. The bill passed.";
    let qs = scan(text);
    assert_eq!(
        pieces(text),
        [
            ("The bill is late.", None),
            ("We waited a year.", Some(0)),
            ("Enough,", Some(1))
        ]
    );
    assert!(qs[2].close.is_some());
    check_invariants(text, &qs);
    // guards: the same with straight marks.
    let text = r#"He declared. "A, B. "C, D. "E, F." The bill passed."#;
    assert_eq!(
        pieces(text),
        [("A, B.", None), ("C, D.", Some(0)), ("E, F.", Some(1))]
    );
}

#[test]
fn flattened_quotation_without_its_closer_ends_with_the_paragraph() {
    // guards: an unclosed last piece ends at the paragraph end (trailing space excluded).
    let text = "He declared. “A, B. “C, D. “E, F.  \n\nThe bill passed.";
    let qs = scan(text);
    assert_eq!(
        pieces(text),
        [("A, B.", None), ("C, D.", Some(0)), ("E, F.", Some(1))]
    );
    assert_eq!(qs[2].close, None);
    // guards: an opener that follows no sentence end stays a nested quote, and an unclosed
    // quote that starts no piece is still dropped at the paragraph end.
    assert_eq!(tree("He said “the word “odd” twice."), [(0, None, "odd")]);
    assert!(pieces("He said “the plan. And left.\n\nNext.").is_empty());
}

#[test]
fn flattened_quotation_keeps_inner_quotes_and_other_families() {
    // guards: a quote of another family inside a piece stays inside that piece.
    let text = "She said: “He told me ‘go home.’ “I did not go.” Then she left.";
    assert_eq!(
        tree(text),
        [
            (0, None, "He told me ‘go home.’"),
            (1, Some(0), "go home."),
            (0, None, "I did not go.")
        ]
    );
    assert_eq!(scan(text)[2].previous_piece, Some(0));
    // guards: straight single marks never start pieces (they are too often apostrophes).
    assert_eq!(
        pieces("He said 'A, B. 'C, D.' and left."),
        [("C, D.", None)]
    );
    // guards: a long flattened quotation is not capped by the nesting limit.
    let text = format!("He said: {}“End.”", "“Piece. ".repeat(3 * MAX_NESTING));
    let qs = scan(&text);
    assert_eq!(qs.len(), 3 * MAX_NESTING + 1);
    assert!(qs.iter().all(|q| q.depth == 0));
    check_invariants(&text, &qs);
}

#[test]
fn multi_paragraph_after_a_sentence_end() {
    // guards: a quote that opens after a sentence end mid-paragraph runs on into the next
    // paragraph when that opens with a mark of its family.
    let text = "“We will win,” Smith said. “And big.\n\n“Then we rest.”";
    assert_eq!(
        pieces(text),
        [
            ("We will win,", None),
            ("And big.", None),
            ("Then we rest.", Some(1))
        ]
    );
}

#[test]
fn wrapped_lines_in_the_reading_view() {
    // guards: through the layout's reading view, quotes run over wrapped lines and their
    // spans still cut the original text.
    let text = "Words blah \"Hello,\nI am the second line.\nI am the last.\" more words";
    let view = whosaid::text::layout::reading_view(text);
    let qs = scan(&view);
    assert_eq!(qs.len(), 1);
    assert_eq!(
        &text[qs[0].content.clone()],
        "Hello,\nI am the second line.\nI am the last."
    );
    let text = "\"We will win this\nelection,\" Smith said.";
    let qs = scan(&whosaid::text::layout::reading_view(text));
    assert_eq!(&text[qs[0].content.clone()], "We will win this\nelection,");
    // guards: the raw text still reads every line break as a paragraph end.
    assert!(scan("Words blah \"Hello,\nI am the second line.\nI am the last.\" more").is_empty());
}

#[test]
fn multi_paragraph_with_single_newlines_and_crlf() {
    // guards: any line break separates paragraphs, CRLF included.
    let text = "“One.\n“Two.\n“Three.”";
    assert_eq!(
        pieces(text),
        [("One.", None), ("Two.", Some(0)), ("Three.", Some(1))]
    );
    let text = "“One.\r\n\r\n“Two.”\r\n";
    assert_eq!(pieces(text), [("One.", None), ("Two.", Some(0))]);
}

#[test]
fn multi_paragraph_after_colon_lead_in() {
    // guards: `Name said: “…` counts as near the start of the paragraph.
    let text = "Mathews said: “The first part.\n\n“The second part.”";
    assert_eq!(
        pieces(text),
        [("The first part.", None), ("The second part.", Some(0))]
    );
}

#[test]
fn multi_paragraph_nested_strays_dropped() {
    // guards: an inner opener left open at a paragraph end does not survive the break.
    let text = "“One ‘two.\n\n“Three ‘four’.”";
    assert_eq!(
        tree(text),
        [
            (0, None, "One ‘two."),
            (0, None, "Three ‘four’."),
            (1, Some(1), "four")
        ]
    );
}

#[test]
fn quote_paragraph_with_forgotten_closer() {
    // guards: an opener at paragraph start, unclosed, ends at the paragraph end, close None.
    let text = "“I forgot to close this.  \nThe next line has “x” in it.";
    let qs = scan(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].close, None);
    assert_eq!(&text[qs[0].content.clone()], "I forgot to close this.");
    assert_eq!(&text[qs[1].content.clone()], "x");
    // guards: the same with a continuation that never closes: ends at the last paragraph.
    let text = "“One.\n\n“Two.\n\nPlain.";
    let qs = scan(text);
    assert_eq!(pieces(text), [("One.", None), ("Two.", Some(0))]);
    assert_eq!((qs[0].close.clone(), qs[1].close.clone()), (None, None));
}

#[test]
fn stray_opener_does_not_swallow_next_paragraph() {
    // guards: an unclosed “ mid-paragraph is dropped, even if the next paragraph opens one.
    let text = "He said “hello and left.\n\n“Next,” she said. Then “more”.";
    assert_eq!(contents(text), ["Next,", "more"]);
    let text = "He said “hello and left.\nShe said “bye” later.";
    assert_eq!(contents(text), ["bye"]);
}

#[test]
fn stray_opener_rescans_rest_of_paragraph() {
    // guards: quotes after a stray opener in its own paragraph are still found, top-level.
    let text = "He said “hello and then ‘bye’ and “ok” done.";
    assert_eq!(tree(text), [(0, None, "bye"), (0, None, "ok")]);
    let text = r#"The "foo and "bar" baz."#;
    assert_eq!(tree(text), [(0, None, "bar")]);
}

#[test]
fn trailing_stray_closer() {
    // guards: the seed-003 shape: ‘…’ is found and the following ” is ignored.
    let text = "‘Let’s sit down with the engineers and figure out what awesome technology we have and how are we going to market that?’”";
    let qs = scan(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].style, MarkStyle::CurlySingle);
    assert!(qs[0].close.is_some());
}

#[test]
fn closers_without_openers_are_ignored() {
    // guards: a lone ” or » produces nothing.
    assert!(scan("That’s all” folks» and ›more.").is_empty());
}

#[test]
fn editorial_brackets_are_content() {
    // guards: [making] and [It's] stay inside the passage.
    assert_eq!(
        contents("“We [making] it, [It's] fine”"),
        ["We [making] it, [It's] fine"]
    );
}

#[test]
fn empty_and_markless() {
    // guards: nothing to find returns nothing.
    assert!(scan("").is_empty());
    assert!(scan("\n\n\r\n").is_empty());
    assert!(scan("plain prose with no marks at all").is_empty());
    assert!(scan("“").is_empty());
    assert!(scan("\"").is_empty());
}

// ---- adversarial sizes ----

#[test]
fn hundred_thousand_unmatched_marks() {
    // guards: stray marks cost linear time and bounded memory.
    for mark in [
        "“", "”", "‘", "\"", "'", "«", "„", "“ ", " ”", "\" ", "“A. ", "\"A. ",
    ] {
        let text = mark.repeat(100_000);
        let qs = scan(&text);
        check_invariants(&text, &qs);
        assert!(qs.len() <= 100_000);
    }
    let text = "a “b c\n".repeat(100_000);
    assert!(scan(&text).is_empty());
}

#[test]
fn ten_thousand_nested() {
    // guards: deep nesting stops at MAX_NESTING and pairs the outermost marks correctly.
    let n = 10_000;
    let mut text = String::new();
    for i in 0..n {
        text.push_str(if i % 2 == 0 { "“" } else { "‘" });
    }
    text.push('x');
    for i in (0..n).rev() {
        text.push_str(if i % 2 == 0 { "”" } else { "’" });
    }
    let qs = scan(&text);
    check_invariants(&text, &qs);
    assert_eq!(qs.len(), MAX_NESTING);
    assert_eq!(qs[0].close.as_ref().unwrap().end, text.len());
}

// ---- seed articles ----

#[test]
fn seed_001_guthrie() {
    // guards: space before ” closes; plain closers; apostrophes ignored.
    let text = seed("001_655e66cbc474758b.txt");
    assert_eq!(
        top(&text),
        [
            "getting laser-focused on customer needs and [making] your customers super, super happy, ",
            "super, super happy,",
            "super, super bankrupt.",
            "get laser-focused",
        ]
    );
    assert_eq!(scan(&text).len(), 4);
}

#[test]
fn seed_002_single_quotes_among_apostrophes() {
    // guards: ‘…’ titles found; Let’s, it’s, don’t, customer’s, PAM’s make no passage.
    let text = seed("002_5e1d8cff525f9db7.txt");
    assert_eq!(
        contents(&text),
        [
            "Hearts and Minds",
            "Relationships",
            "Microsoft Partner Network (MPN) in a Modern World",
            "A New Age of Trust in the Cloud",
            "Trust Event Horizon",
        ]
    );
}

#[test]
fn seed_003_jobs() {
    // guards: nested ‘…’ with Let’s inside, [It's], and the stray trailing ”.
    let text = seed("003_4029e6f8df5e6432.txt");
    let qs = scan(&text);
    let outer = "One of the things I’ve always found is that you’ve got to start with the customer experience and work backwards to the technology. You can’t start with the technology and try to figure out where you’re going to try to sell it. I’ve made this mistake probably more than anybody in this room and I’ve got the scar tissue to prove it, and I know that it’s the case. As we have tried to come up with a strategy and a vision for Apple, it started with ‘What incredible benefits can we give to the customer? Where can we take the customer?’ [It's] not starting with ‘Let’s sit down with the engineers and figure out what awesome technology we have and how are we going to market that?’";
    let lets = "Let’s sit down with the engineers and figure out what awesome technology we have and how are we going to market that?";
    assert_eq!(
        tree(&text),
        [
            (0, None, outer),
            (
                1,
                Some(0),
                "What incredible benefits can we give to the customer? Where can we take the customer?"
            ),
            (1, Some(0), lets),
            (0, None, lets),
            (0, None, "Challenger Sale"),
        ]
    );
    assert_eq!(qs[0].style, MarkStyle::CurlyDouble);
    assert_eq!(qs[3].style, MarkStyle::CurlySingle);
    assert!(qs.iter().all(|q| q.close.is_some()));
}

#[test]
fn seed_004_straight_marks() {
    // guards: straight doubles with a nested straight single; O'Regan, can't are apostrophes.
    let text = seed("004_a08afa114fe0f4e7.txt");
    let qs = scan(&text);
    let area = "The area that we are investing in like crazy is around relationship marketing: the systems, tools and processes that allow us to have an ongoing conversation with our customers. The area around this that excites me the most is Microsoft.com. We are the second most visited website on the planet. And those are the people every day who are coming to say, 'Hey I’m interested in you.' It’s just the most amazing magnet. We’re just scratching the surface in using Microsoft.com as that relationship engine.";
    assert_eq!(
        tree(&text),
        [
            (0, None, "you will like it because Microsoft made it"),
            (0, None, "drive business performance"),
            (0, None, "enable your mobile workforce."),
            (0, None, "go-to-markets"),
            (0, None, "I know that sounds like an incredible amount of time, but when you’re a company of 57,000 people and still very much an engineering culture, you can't have some corporate mandate and expect everyone to dance to it."),
            (0, None, area),
            (1, Some(5), "Hey I’m interested in you."),
            (0, None, "real job"),
            (0, None, "get it"),
        ]
    );
    assert_eq!(qs[6].style, MarkStyle::StraightSingle);
    assert!(qs
        .iter()
        .filter(|q| q.depth == 0)
        .all(|q| q.style == MarkStyle::StraightDouble));
}

#[test]
fn seed_000_and_all_seeds_hold_invariants() {
    // guards: the machine-translated variant of 001 gives the same three passages.
    let text = seed("000_1f68339fc089c7b9.txt");
    assert_eq!(
        contents(&text),
        [
            "getting laser-focused on\u{a0}client\u{a0}wants\u{a0}and [making] your customers super, super happy, ",
            "super, super happy,",
            "super, super bankrupt.",
        ]
    );
    for name in [
        "000_1f68339fc089c7b9.txt",
        "001_655e66cbc474758b.txt",
        "002_5e1d8cff525f9db7.txt",
        "003_4029e6f8df5e6432.txt",
        "004_a08afa114fe0f4e7.txt",
    ] {
        let text = seed(name);
        check_invariants(&text, &scan(&text));
    }
}

// ---- properties ----

fn quoteish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‹", "›", "\u{201A}"
        ]),
        4 => prop::sample::select(vec!["a", "s", "n", "B", "7", "é", "x"]),
        2 => prop::sample::select(vec![" ", "\n", "\n\n", "\r\n", ",", ".", ":", "(", "]", "—"]),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn scan_invariants(text in quoteish()) {
        // guards: no panic, ranges on char boundaries, ordered, nested inside parents.
        let qs = scan(&text);
        check_invariants(&text, &qs);
    }

    #[test]
    fn scan_invariants_any_string(text in any::<String>()) {
        // guards: arbitrary Unicode (lead bytes 0xE2/0xC2 that are not marks) never panics.
        let qs = scan(&text);
        check_invariants(&text, &qs);
    }
}

#[test]
fn assorted_real_shapes() {
    // guards: a closed quote followed by a colon-introduced one in the same paragraph.
    assert_eq!(
        contents("He said, “I’m not sure.” Then: “Yes.”"),
        ["I’m not sure.", "Yes."]
    );
    // guards: ‘Tis is an elision, not a recovered quote paragraph.
    assert!(scan("‘Tis the season to be jolly.").is_empty());
    // guards: TeX '' and O''Neil typos are not straight-single passages.
    assert!(scan("The ``quoted'' TeX way and O''Neil.").is_empty());
    // guards: same-family nesting when the inner opener is unmistakable.
    assert_eq!(
        tree("“He said “no” to me”"),
        [(0, None, "He said “no” to me"), (1, Some(0), "no")]
    );
    // guards: a recovered quote paragraph keeps its closed children.
    assert_eq!(
        tree("“Open at start and “nested” but never closed"),
        [
            (0, None, "Open at start and “nested” but never closed"),
            (1, Some(0), "nested")
        ]
    );
    // guards: straight singles with it's and a plural possessive inside.
    assert_eq!(
        contents("'Hello,' he said, 'it's the students' turn.'"),
        ["Hello,", "it's the students' turn."]
    );
}

// guards: NYT-style typewriter doubles ('' … '') are one passage, not apostrophes.
#[test]
fn typewriter_double_marks_pair() {
    let text = "''We hadn't seen shocks like this,'' Mr. Autor said.";
    let found = scan(text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].content.clone()],
        "We hadn't seen shocks like this,"
    );
}

// guards: scraped text that opens with a curly mark and closes with a straight one.
#[test]
fn mixed_family_closers_close() {
    let text = "Still, she added, “we can’t ignore the changes.\" Then she left.";
    let found = scan(text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].content.clone()],
        "we can’t ignore the changes."
    );
    let text = "He said, \"I prefer Kasich,” and left.";
    assert_eq!(&text[scan(text)[0].content.clone()], "I prefer Kasich,");
}

// guards: a quote introduced mid-paragraph by a colon runs on into the next paragraph.
#[test]
fn colon_introduced_quote_continues_over_paragraphs() {
    let text = "Much later in a long paragraph that goes on, Cruz was critical, telling the paper: “One.\n\n“Two.”";
    assert_eq!(pieces(text), [("One.", None), ("Two.", Some(0))]);
}
