//! Table-driven and property tests of `whosaid::sentences::split`.
//!
//! Every case was written for this project. A case is (category, text, expected sentences);
//! the test runs all of them, prints per-category pass counts and fails naming each failure.

use std::collections::BTreeMap;
use std::ops::Range;

use proptest::prelude::*;
use whosaid::sentences::split;

type Case = (&'static str, &'static str, &'static [&'static str]);

const CASES: &[Case] = &[
    // --- baseline ---------------------------------------------------------------------
    ("baseline", "", &[]),
    ("baseline", "   \n\t ", &[]),
    ("baseline", "One sentence.", &["One sentence."]),
    ("baseline", "No final punctuation", &["No final punctuation"]),
    ("baseline", "First one. Second one.", &["First one.", "Second one."]),
    ("baseline", "Is it? Yes! Good.", &["Is it?", "Yes!", "Good."]),
    ("baseline", "Really?! No way.", &["Really?!", "No way."]),
    ("baseline", "  Leading and trailing.  ", &["Leading and trailing."]),
    ("baseline", "He won in 2019. The next year he lost.", &["He won in 2019.", "The next year he lost."]),
    ("baseline", "Über alles. Ça va.", &["Über alles.", "Ça va."]),
    // --- titles -----------------------------------------------------------------------
    ("titles", "Mr. Smith went to Washington.", &["Mr. Smith went to Washington."]),
    ("titles", "Mrs. Jones and Ms. Lee arrived.", &["Mrs. Jones and Ms. Lee arrived."]),
    ("titles", "We met Dr. Watson yesterday.", &["We met Dr. Watson yesterday."]),
    ("titles", "Prof. Hawking spoke first.", &["Prof. Hawking spoke first."]),
    ("titles", "Gen. Patton led the army.", &["Gen. Patton led the army."]),
    ("titles", "Sen. Warren and Rep. Ocasio-Cortez voted no.", &["Sen. Warren and Rep. Ocasio-Cortez voted no."]),
    ("titles", "Gov. Newsom signed the bill.", &["Gov. Newsom signed the bill."]),
    ("titles", "They prayed at St. Patrick's Cathedral.", &["They prayed at St. Patrick's Cathedral."]),
    ("titles", "Martin Luther King Jr. Day is a holiday.", &["Martin Luther King Jr. Day is a holiday."]),
    ("titles", "Tom Smith Sr. He was there.", &["Tom Smith Sr.", "He was there."]),
    ("titles", "Lt. Col. Vindman testified.", &["Lt. Col. Vindman testified."]),
    ("titles", "Capt. Hook and Sgt. Pepper met.", &["Capt. Hook and Sgt. Pepper met."]),
    ("titles", "Rev. Sharpton spoke to Hon. members.", &["Rev. Sharpton spoke to Hon. members."]),
    ("titles", "He thanked Dr.\u{a0}Fauci.", &["He thanked Dr.\u{a0}Fauci."]),
    ("titles", "He called Dr. Then left.", &["He called Dr. Then left."]),
    ("titles", "(Mr. Brown declined.) Then he left.", &["(Mr. Brown declined.)", "Then he left."]),
    ("titles", "“Mr. Smith is here,” she said.", &["“Mr. Smith is here,” she said."]),
    ("titles", "Ask Mr.\nJones about it.", &["Ask Mr.\nJones about it."]),
    ("titles", "He met Mr. and Mrs. Smith.", &["He met Mr. and Mrs. Smith."]),
    ("titles", "The ship docked. Capt. Ahab waved.", &["The ship docked.", "Capt. Ahab waved."]),
    // --- latin and common abbreviations ----------------------------------------------------
    ("abbreviations", "Use a fruit, e.g. Apples are fine.", &["Use a fruit, e.g. Apples are fine."]),
    ("abbreviations", "Some firms (e.g., Google) agreed.", &["Some firms (e.g., Google) agreed."]),
    ("abbreviations", "The capital, i.e. Paris, is big.", &["The capital, i.e. Paris, is big."]),
    ("abbreviations", "Bring pens, paper, etc. and a bag.", &["Bring pens, paper, etc. and a bag."]),
    ("abbreviations", "Bring pens, paper, etc. Then go.", &["Bring pens, paper, etc.", "Then go."]),
    ("abbreviations", "It was Ali vs. Frazier again.", &["It was Ali vs. Frazier again."]),
    ("abbreviations", "It weighs approx. 5 kg.", &["It weighs approx. 5 kg."]),
    ("abbreviations", "He lives at No. 10 Downing Street.", &["He lives at No. 10 Downing Street."]),
    ("abbreviations", "See Vol. 3 of the series.", &["See Vol. 3 of the series."]),
    ("abbreviations", "The quote is on p. 12 of the book.", &["The quote is on p. 12 of the book."]),
    ("abbreviations", "Read pp. 10-12 first.", &["Read pp. 10-12 first."]),
    ("abbreviations", "As shown in Fig. 4, sales rose.", &["As shown in Fig. 4, sales rose."]),
    ("abbreviations", "Compare cf. Smith's paper.", &["Compare cf. Smith's paper."]),
    ("abbreviations", "Smith et al. Found the gene.", &["Smith et al. Found the gene."]),
    ("abbreviations", "This was shown by Smith et al. The result held.", &["This was shown by Smith et al.", "The result held."]),
    ("abbreviations", "He answered No. Then he left.", &["He answered No.", "Then he left."]),
    ("abbreviations", "Big cities, e.g.\nLondon, are costly.", &["Big cities, e.g.\nLondon, are costly."]),
    ("abbreviations", "Cats, dogs, etc. Microsoft said so.", &["Cats, dogs, etc.", "Microsoft said so."]),
    // --- months and days ----------------------------------------------------------------
    ("dates", "It happened on Jan. 5, 2020.", &["It happened on Jan. 5, 2020."]),
    ("dates", "The deadline is Feb. 28.", &["The deadline is Feb. 28."]),
    ("dates", "The attack on Sept. 11 changed everything.", &["The attack on Sept. 11 changed everything."]),
    ("dates", "Polls close Oct. 3. Results follow.", &["Polls close Oct. 3.", "Results follow."]),
    ("dates", "The meeting is on Wed. Jan. 8 at noon.", &["The meeting is on Wed. Jan. 8 at noon."]),
    ("dates", "Filed Dec. 1. The court ruled later.", &["Filed Dec. 1.", "The court ruled later."]),
    ("dates", "Open Mon. through Fri. Closed weekends.", &["Open Mon. through Fri. Closed weekends."]),
    ("dates", "It ends Aug. 31, 2024. Then a new term starts.", &["It ends Aug. 31, 2024.", "Then a new term starts."]),
    ("dates", "On 3.4.2021 the law passed.", &["On 3.4.2021 the law passed."]),
    ("dates", "He was born on Nov. 9. He died in Dec. The family mourned.", &["He was born on Nov. 9.", "He died in Dec.", "The family mourned."]),
    // --- companies and places ---------------------------------------------------------------
    ("companies", "Apple Inc. CEO Tim Cook spoke.", &["Apple Inc. CEO Tim Cook spoke."]),
    ("companies", "He works for Acme Corp. The pay is good.", &["He works for Acme Corp.", "The pay is good."]),
    ("companies", "Widget Co. Chairman Bob Lee resigned.", &["Widget Co. Chairman Bob Lee resigned."]),
    ("companies", "Tata Ltd. and Infosys Ltd. merged.", &["Tata Ltd. and Infosys Ltd. merged."]),
    ("companies", "Warner Bros. Discovery cut jobs.", &["Warner Bros. Discovery cut jobs."]),
    ("companies", "He moved to the U.S. Then he left.", &["He moved to the U.S.", "Then he left."]),
    ("companies", "The U.S. Senate voted.", &["The U.S. Senate voted."]),
    ("companies", "The U.S. economy grew.", &["The U.S. economy grew."]),
    ("companies", "She flew to the U.K. It rained.", &["She flew to the U.K.", "It rained."]),
    ("companies", "The U.N. Security Council met.", &["The U.N. Security Council met."]),
    ("companies", "He lives in Washington, D.C. He likes it.", &["He lives in Washington, D.C.", "He likes it."]),
    ("companies", "Washington, D.C. Police arrested him.", &["Washington, D.C. Police arrested him."]),
    ("companies", "They met in N.Y. During the summer it was hot.", &["They met in N.Y.", "During the summer it was hot."]),
    ("companies", "Made in the U.S.A. The label says so.", &["Made in the U.S.A.", "The label says so."]),
    ("companies", "Made in the U.S.A. by hand.", &["Made in the U.S.A. by hand."]),
    ("companies", "Microsoft Corp. CEO Satya Nadella spoke.", &["Microsoft Corp. CEO Satya Nadella spoke."]),
    ("companies", "He joined Google Inc. “It is great,” he said.", &["He joined Google Inc.", "“It is great,” he said."]),
    ("companies", "The E.U. Commission objected.", &["The E.U. Commission objected."]),
    ("companies", "She earned a Ph.D. In 2010 she moved.", &["She earned a Ph.D.", "In 2010 she moved."]),
    ("companies", "He lives on Main St. The house is red.", &["He lives on Main St.", "The house is red."]),
    // --- initials -----------------------------------------------------------------------
    ("initials", "J. K. Rowling wrote it.", &["J. K. Rowling wrote it."]),
    ("initials", "George W. Bush was president.", &["George W. Bush was president."]),
    ("initials", "J.R.R. Tolkien wrote it.", &["J.R.R. Tolkien wrote it."]),
    ("initials", "The book by J.K. Rowling sold well.", &["The book by J.K. Rowling sold well."]),
    ("initials", "John F. Kennedy was shot in 1963.", &["John F. Kennedy was shot in 1963."]),
    ("initials", "Franklin D. Roosevelt and Harry S. Truman met.", &["Franklin D. Roosevelt and Harry S. Truman met."]),
    ("initials", "H. G. Wells wrote it. He was English.", &["H. G. Wells wrote it.", "He was English."]),
    ("initials", "He got an A. The others failed.", &["He got an A.", "The others failed."]),
    ("initials", "It was written by E. B. White.", &["It was written by E. B. White."]),
    ("initials", "Samuel L. Jackson, Michael J. Fox and others came.", &["Samuel L. Jackson, Michael J. Fox and others came."]),
    ("initials", "W.E.B. Du Bois wrote it.", &["W.E.B. Du Bois wrote it."]),
    ("initials", "Neither did I. Then we left.", &["Neither did I.", "Then we left."]),
    ("initials", "Call T. Then we go.", &["Call T.", "Then we go."]),
    ("initials", "The prize went to her and I. Did you see Carl T. Ober there?", &["The prize went to her and I.", "Did you see Carl T. Ober there?"]),
    ("initials", "Both of us, Maria and I. Nobody else came.", &["Both of us, Maria and I.", "Nobody else came."]),
    ("initials", "We met Anna I. Berg at the fair.", &["We met Anna I. Berg at the fair."]),
    // --- numbers ------------------------------------------------------------------------
    ("numbers", "Growth was 3.5% last year.", &["Growth was 3.5% last year."]),
    ("numbers", "The deal is worth $1.2 billion. It closed today.", &["The deal is worth $1.2 billion.", "It closed today."]),
    ("numbers", "We met at 5 p.m. on Friday.", &["We met at 5 p.m. on Friday."]),
    ("numbers", "We met at 5 p.m. Then we ate.", &["We met at 5 p.m.", "Then we ate."]),
    ("numbers", "The train left at 10.15 a.m. sharp.", &["The train left at 10.15 a.m. sharp."]),
    ("numbers", "It starts at 9 a.m. Monday.", &["It starts at 9 a.m. Monday."]),
    ("numbers", "Pi is about 3.14159 and e is 2.718.", &["Pi is about 3.14159 and e is 2.718."]),
    ("numbers", "Version 2.0.1 fixed it.", &["Version 2.0.1 fixed it."]),
    ("numbers", "Prices fell 0.5 per cent. Traders were calm.", &["Prices fell 0.5 per cent.", "Traders were calm."]),
    ("numbers", "He finished 2nd. Then he retired.", &["He finished 2nd.", "Then he retired."]),
    ("numbers", "The score was 3-1. Fans cheered.", &["The score was 3-1.", "Fans cheered."]),
    ("numbers", "It costs €4.99 now.", &["It costs €4.99 now."]),
    ("numbers", "Sales hit 1,000,000. A record.", &["Sales hit 1,000,000.", "A record."]),
    ("numbers", "Chapter 3. The End.", &["Chapter 3.", "The End."]),
    ("numbers", "The shop closed at 9 P.M. Mrs. Osei then drove home.", &["The shop closed at 9 P.M.", "Mrs. Osei then drove home."]),
    ("numbers", "The shop closed at 9 p.m. Dr. Osei then drove home.", &["The shop closed at 9 p.m.", "Dr. Osei then drove home."]),
    ("numbers", "At 7 a.m. Mr. Osei opened the shop.", &["At 7 a.m. Mr. Osei opened the shop."]),
    ("numbers", "The box is marked N°. 4471.002. It was lost.", &["The box is marked N°. 4471.002.", "It was lost."]),
    ("numbers", "Room no. B12 was empty.", &["Room no. B12 was empty."]),
    ("numbers", "He said no. Nobody argued.", &["He said no.", "Nobody argued."]),
    // --- ellipses -----------------------------------------------------------------------
    ("ellipses", "I thought... maybe not.", &["I thought... maybe not."]),
    ("ellipses", "I waited... Then I left.", &["I waited...", "Then I left."]),
    ("ellipses", "I thought… maybe not.", &["I thought… maybe not."]),
    ("ellipses", "I waited… Then I left.", &["I waited…", "Then I left."]),
    ("ellipses", "“We will … Microsoft will win,” he said.", &["“We will … Microsoft will win,” he said."]),
    ("ellipses", "He said we would ... Microsoft would pay.", &["He said we would ... Microsoft would pay."]),
    ("ellipses", "He paused ... Then he spoke.", &["He paused ...", "Then he spoke."]),
    ("ellipses", "“I don’t know…” he said.", &["“I don’t know…” he said."]),
    ("ellipses", "“I don’t know…” He left.", &["“I don’t know…”", "He left."]),
    ("ellipses", "Wait…\nThen go.", &["Wait…", "Then go."]),
    ("ellipses", "Nobody can challenge …. Yet.", &["Nobody can challenge ….", "Yet."]),
    ("ellipses", "So… what now?", &["So… what now?"]),
    ("ellipses", "…and then it ended. Later we met.", &["…and then it ended.", "Later we met."]),
    ("ellipses", "The note read . . . nothing more. We left.", &["The note read . . . nothing more.", "We left."]),
    ("ellipses", "He was, he said . . . Tired of it all.", &["He was, he said . . . Tired of it all."]),
    ("ellipses", "“Who paid?” . . . “Nobody did.”", &["“Who paid?” . . .", "“Nobody did.”"]),
    ("ellipses", "It ended with a sigh . . . . Then came the rain.", &["It ended with a sigh . . . .", "Then came the rain."]),
    ("ellipses", "The vote was close. . . . Nobody knew who won.", &["The vote was close.", ". . . Nobody knew who won."]),
    ("ellipses", "“The roads were closed. . . .”", &["“The roads were closed. . . .”"]),
    ("ellipses", "She said it was over.... He went home.", &["She said it was over....", "He went home."]),
    ("citations", "\"The river [...] ran dry\" (Ray 12).", &["\"The river [...] ran dry\" (Ray 12)."]),
    ("citations", "“We lost the map.” (Okafor 3). Then we went home.", &["“We lost the map.” (Okafor 3).", "Then we went home."]),
    ("citations", "“We lost.” (She left the room.)", &["“We lost.”", "(She left the room.)"]),
    ("citations", "“We lost.” (Reuters) Then came the rain.", &["“We lost.”", "(Reuters) Then came the rain."]),
    ("nospace", "It rained.Then it snowed.", &["It rained.", "Then it snowed."]),
    ("nospace", "The bill was 2,500.Nobody paid it.", &["The bill was 2,500.", "Nobody paid it."]),
    ("nospace", "It was Monday.Mr. Diaz left early.", &["It was Monday.", "Mr. Diaz left early."]),
    // guards: addresses, hosts, abbreviations and capitals stay whole.
    ("nospace", "Write to Ana.Ruiz@mail.org today.", &["Write to Ana.Ruiz@mail.org today."]),
    ("nospace", "He flew to St.Louis on Friday.", &["He flew to St.Louis on Friday."]),
    ("nospace", "They use ASP.NET and a Ph.D student.", &["They use ASP.NET and a Ph.D student."]),
    ("nospace", "See https://example.org/News.Html today.", &["See https://example.org/News.Html today."]),
    // --- urls ---------------------------------------------------------------------------
    ("urls", "Visit Microsoft.com for details.", &["Visit Microsoft.com for details."]),
    ("urls", "See www.example.org/a.b for more.", &["See www.example.org/a.b for more."]),
    ("urls", "Write to john.doe@mail.com today.", &["Write to john.doe@mail.com today."]),
    ("urls", "Go to https://example.com/?q=Test now.", &["Go to https://example.com/?q=Test now."]),
    ("urls", "Search Yahoo!News daily.", &["Search Yahoo!News daily."]),
    ("urls", "Our site is example.com. The shop is closed.", &["Our site is example.com.", "The shop is closed."]),
    ("urls", "Mail Jane.Doe@Example.COM now.", &["Mail Jane.Doe@Example.COM now."]),
    ("urls", "The file is report.PDF on the server.", &["The file is report.PDF on the server."]),
    ("urls", "Visit https://a.b/c?D=1&e=2! It works.", &["Visit https://a.b/c?D=1&e=2!", "It works."]),
    // --- brackets -----------------------------------------------------------------------
    ("brackets", "He left (for good). Then she came.", &["He left (for good).", "Then she came."]),
    ("brackets", "(He left.) Then she came.", &["(He left.)", "Then she came."]),
    ("brackets", "He left [sic]. She stayed.", &["He left [sic].", "She stayed."]),
    ("brackets", "Costs rose (see Fig. 2) sharply.", &["Costs rose (see Fig. 2) sharply."]),
    ("brackets", "It was [Mr. Smith's] idea.", &["It was [Mr. Smith's] idea."]),
    ("brackets", "He said it (really!) twice.", &["He said it (really!) twice."]),
    // --- quotes ---------------------------------------------------------------------------
    ("quotes", "He left.” Then she came.", &["He left.”", "Then she came."]),
    ("quotes", "She said, “He left.” Then she cried.", &["She said, “He left.”", "Then she cried."]),
    ("quotes", "“Why?” he asked.", &["“Why?” he asked."]),
    ("quotes", "“Stop!” she shouted.", &["“Stop!” she shouted."]),
    ("quotes", "\"Why?\" he asked.", &["\"Why?\" he asked."]),
    ("quotes", "\"Stop!\" she shouted.", &["\"Stop!\" she shouted."]),
    ("quotes", "'Why?' he asked.", &["'Why?' he asked."]),
    ("quotes", "“I came. I saw,” he said.", &["“I came.", "I saw,” he said."]),
    ("quotes", "“Why?” Smith asked.", &["“Why?” Smith asked."]),
    ("quotes", "“Stop!” Mr. John Smith shouted.", &["“Stop!” Mr. John Smith shouted."]),
    ("quotes", "“Why?” asked Smith.", &["“Why?” asked Smith."]),
    ("quotes", "“Why?” Nobody knew.", &["“Why?”", "Nobody knew."]),
    ("quotes", "He asked, “Why?” Nobody answered.", &["He asked, “Why?”", "Nobody answered."]),
    ("quotes", "“It’s over,” she said. “We lost.”", &["“It’s over,” she said.", "“We lost.”"]),
    ("quotes", "“We lost. We will fight on. We will win.”", &["“We lost.", "We will fight on.", "We will win.”"]),
    ("quotes", "He said \"stop.\" Then he left.", &["He said \"stop.\"", "Then he left."]),
    ("quotes", "‘Go home,’ she said. ‘Now.’", &["‘Go home,’ she said.", "‘Now.’"]),
    ("quotes", "“Really?!” she gasped.", &["“Really?!” she gasped."]),
    ("quotes", "“Why?” — he asked.", &["“Why?” — he asked."]),
    ("quotes", "“Who is he?” she asked. “Nobody.”", &["“Who is he?” she asked.", "“Nobody.”"]),
    ("quotes", "The sign said “No Entry.” We turned back.", &["The sign said “No Entry.”", "We turned back."]),
    // --- lists and headings -------------------------------------------------------------------
    ("lists", "Steps\n\n1. Open the box.\n2. Take it out.", &["Steps", "1. Open the box.", "2. Take it out."]),
    ("lists", "• First item\n• Second item", &["• First item", "• Second item"]),
    ("lists", "- milk\n- eggs\n- bread", &["- milk", "- eggs", "- bread"]),
    ("lists", "* one\n* two", &["* one", "* two"]),
    ("lists", "Buy the\n- milk", &["Buy the", "- milk"]),
    ("lists", "1. First point\n2. Second point", &["1. First point", "2. Second point"]),
    ("lists", "a. Apples\nb. Bananas", &["a. Apples", "b. Bananas"]),
    ("lists", "Heading\n\nThe body text starts here.", &["Heading", "The body text starts here."]),
    ("lists", "Netflix, yes. Blockbuster, no\n\nGuthrie spoke.", &["Netflix, yes.", "Blockbuster, no", "Guthrie spoke."]),
    ("lists", "Results\nThe team won.", &["Results", "The team won."]),
    ("lists", "SEE: Cloud tool (Tech Pro)\n\nNext part.", &["SEE: Cloud tool (Tech Pro)", "Next part."]),
    ("lists", "Posted on February 22, 2014\n\n0\n\nText here.", &["Posted on February 22, 2014", "0", "Text here."]),
    ("lists", "Shopping:\n1. eggs\n2. milk", &["Shopping:", "1. eggs", "2. milk"]),
    ("lists", "  3. Indented item\n  4. Another", &["3. Indented item", "4. Another"]),
    ("lists", "1) Pick a date 2) Book a room 3) Tell the guests", &["1) Pick a date", "2) Book a room", "3) Tell the guests"]),
    ("lists", "1. Pick a date 2. Book a room", &["1. Pick a date", "2. Book a room"]),
    ("lists", "1. Pick a date. 2. Book a room.", &["1. Pick a date.", "2. Book a room."]),
    ("lists", "1.) Pick a date 2.) Book a room", &["1.) Pick a date", "2.) Book a room"]),
    ("lists", "1.) Pick a date. 2.) Book a room.", &["1.) Pick a date.", "2.) Book a room."]),
    ("lists", "a. Red paint b. Blue paint c. Green paint", &["a. Red paint", "b. Blue paint", "c. Green paint"]),
    ("lists", "• 4. Fresh bread • 5. Cold milk", &["• 4. Fresh bread", "• 5. Cold milk"]),
    ("lists", "⁃3. Fresh bread ⁃4. Cold milk", &["⁃3. Fresh bread", "⁃4. Cold milk"]),
    ("lists", "A. Pick a date. B. Book a room.", &["A. Pick a date.", "B. Book a room."]),
    ("lists", "II. The plan. III. The cost.", &["II. The plan.", "III. The cost."]),
    ("lists", "We need two things. (a) More staff. (b) Less paper.", &["We need two things.", "(a) More staff.", "(b) Less paper."]),
    ("lists", "The rules changed. [ii] Visitors sign in.", &["The rules changed.", "[ii] Visitors sign in."]),
    // guards: only the next marker of the same list cuts; initials are no list.
    ("lists", "1. He paid 5. Then he left.", &["1. He paid 5.", "Then he left."]),
    ("lists", "1) She read 2. Then she slept.", &["1) She read 2.", "Then she slept."]),
    ("lists", "A. Lee met B. Cole at noon.", &["A. Lee met B. Cole at noon."]),
    ("lists", "He cited rule 4 (a) of the code.", &["He cited rule 4 (a) of the code."]),
    // --- line wrapping ------------------------------------------------------------------------
    ("wrapping", "The company said it would\nappeal the ruling.", &["The company said it would\nappeal the ruling."]),
    ("wrapping", "He met with the\nBoard on Monday.", &["He met with the\nBoard on Monday."]),
    ("wrapping", "Prices rose, analysts said,\nAnd then fell.", &["Prices rose, analysts said,\nAnd then fell."]),
    ("wrapping", "It ended.\nThe next day was calm.", &["It ended.", "The next day was calm."]),
    ("wrapping", "It was the\r\nend of it.", &["It was the\r\nend of it."]),
    ("wrapping", "It was\rover. Done.", &["It was\rover.", "Done."]),
    ("wrapping", "One line\nTwo line", &["One line", "Two line"]),
    ("wrapping", "He moved to the U.S.\nand stayed.", &["He moved to the U.S.\nand stayed."]),
    ("wrapping", "First para.\n\nSecond para.", &["First para.", "Second para."]),
    ("wrapping", "First para\r\n\r\nSecond para", &["First para", "Second para"]),
    ("wrapping", "First para\r\rSecond para", &["First para", "Second para"]),
    ("wrapping", "Ends with Mr.\n\nSmith is new.", &["Ends with Mr.", "Smith is new."]),
    // --- whitespace -----------------------------------------------------------------------
    ("whitespace", "One.   Two.", &["One.", "Two."]),
    ("whitespace", "One.\tTwo.", &["One.", "Two."]),
    ("whitespace", "One.\u{a0}Two.", &["One.", "Two."]),
    ("whitespace", "\u{a0}One.\u{a0}\u{a0}Two.\u{a0}", &["One.", "Two."]),
    ("whitespace", "One.\r\nTwo.", &["One.", "Two."]),
    ("whitespace", "One.\rTwo.", &["One.", "Two."]),
    ("whitespace", "Mr.\u{a0}\u{a0}Smith came.", &["Mr.\u{a0}\u{a0}Smith came."]),
    ("whitespace", "Hi.\u{2003}There.", &["Hi.", "There."]),
    ("whitespace", "A  very   spaced    sentence.", &["A  very   spaced    sentence."]),
    ("whitespace", "One.\n\n\n\nTwo.", &["One.", "Two."]),
    // --- real prose -----------------------------------------------------------------------
    ("prose", "Microsoft executive Scott Guthrie should get credit for many things, including the success of Azure and, before that, .Net. The thing that Guthrie arguably has done best, however, has nothing to do with technology.", &["Microsoft executive Scott Guthrie should get credit for many things, including the success of Azure and, before that, .Net.", "The thing that Guthrie arguably has done best, however, has nothing to do with technology."]),
    ("prose", "In his words, it’s all about “getting laser-focused on customer needs and [making] your customers super, super happy, ” Guthrie said in an interview.", &["In his words, it’s all about “getting laser-focused on customer needs and [making] your customers super, super happy, ” Guthrie said in an interview."]),
    ("prose", "“You can’t start with the technology. Where can we take the customer?” Jobs said.", &["“You can’t start with the technology.", "Where can we take the customer?” Jobs said."]),
    ("prose", "Dr. Jane A. Smith, of the U.N. agency, said the U.S. plan was “a mistake.” Officials disagreed.", &["Dr. Jane A. Smith, of the U.N. agency, said the U.S. plan was “a mistake.”", "Officials disagreed."]),
    ("prose", "At 3 p.m. on Sept. 5, Gov. Brown signed No. 12. The law takes effect Jan. 1.", &["At 3 p.m. on Sept. 5, Gov. Brown signed No. 12.", "The law takes effect Jan. 1."]),
    ("prose", "Acme Inc. said profit rose 4.5% to $2.1 billion. Its shares jumped.", &["Acme Inc. said profit rose 4.5% to $2.1 billion.", "Its shares jumped."]),
    ("prose", "“Is this it?” she asked. “Yes,” he said. “Go.”", &["“Is this it?” she asked.", "“Yes,” he said.", "“Go.”"]),
    ("prose", "The report (pp. 4–6) cites Smith et al. and others.", &["The report (pp. 4–6) cites Smith et al. and others."]),
    ("prose", "Oh, and which customers they care most about.", &["Oh, and which customers they care most about."]),
    ("prose", "This seems obvious in retrospect. But I doubt it was so clear at the time.", &["This seems obvious in retrospect.", "But I doubt it was so clear at the time."]),
    // --- mixed -------------------------------------------------------------------------
    ("mixed", "“Hello,” said Mr. Smith. “How are you?”", &["“Hello,” said Mr. Smith.", "“How are you?”"]),
    ("mixed", "The U.S. and U.K. agreed.", &["The U.S. and U.K. agreed."]),
    ("mixed", "I. Introduction\n\nText here.", &["I. Introduction", "Text here."]),
    ("mixed", "Q. What happened?\nA. Nothing. We left.", &["Q. What happened?", "A. Nothing.", "We left."]),
    ("mixed", "It's 5 p.m.\nThe meeting starts.", &["It's 5 p.m.", "The meeting starts."]),
    ("mixed", "Go to St.\nLouis now.", &["Go to St.\nLouis now."]),
    ("mixed", "He was 5 ft. 10 in. tall.", &["He was 5 ft. 10 in. tall."]),
    ("mixed", "See section 3.2. It explains.", &["See section 3.2.", "It explains."]),
    ("mixed", "“Go!” “Why?” “Because.”", &["“Go!”", "“Why?”", "“Because.”"]),
    ("mixed", "He yelled “Fire!” and ran.", &["He yelled “Fire!” and ran."]),
    ("mixed", "It was great!!! Then it ended.", &["It was great!!!", "Then it ended."]),
    ("mixed", "He wrote: “I agree.”\nThen he signed.", &["He wrote: “I agree.”", "Then he signed."]),
    ("mixed", "The No. 1 seed lost.", &["The No. 1 seed lost."]),
    ("mixed", "A. B. Smith and C. D. Jones met.", &["A. B. Smith and C. D. Jones met."]),
    ("mixed", "Sen. John McCain (R-Ariz.) said no.", &["Sen. John McCain (R-Ariz.) said no."]),
    ("mixed", "He worked at I.B.M. for years.", &["He worked at I.B.M. for years."]),
    ("mixed", "He worked at I.B.M. The pay was low.", &["He worked at I.B.M.", "The pay was low."]),
    ("mixed", "Mr. Smith, Jr. arrived. He sat.", &["Mr. Smith, Jr. arrived.", "He sat."]),
    ("mixed", "Dr. Smith. Dr. Jones. Both came.", &["Dr. Smith.", "Dr. Jones.", "Both came."]),
];

fn split_str(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn table_of_cases() {
    let mut per_category: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for (i, &(category, text, expected)) in CASES.iter().enumerate() {
        let got = split_str(text);
        let entry = per_category.entry(category).or_default();
        entry.1 += 1;
        if got == expected {
            entry.0 += 1;
        } else {
            failures.push(format!(
                "[{category} #{i}] {text:?}\n    expected {expected:?}\n    got      {got:?}"
            ));
        }
    }
    for (category, (passed, total)) in &per_category {
        println!("{category:>14}: {passed}/{total}");
    }
    assert!(CASES.len() >= 150, "only {} cases", CASES.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// The sentences `whosaid::sentences` gives (the text's layout read first), as strings.
fn document_sentences(text: &str) -> Vec<String> {
    whosaid::sentences("t", text)
        .sentences
        .into_iter()
        .map(|s| s.text)
        .collect()
}

#[test]
fn hard_wrapped_documents_read_as_prose() {
    // guards: in a hard-wrapped document a capitalised word after a line break goes on with
    // the sentence (`split` alone cuts `Tuesday\nMicrosoft`), and the sentences keep the
    // original line breaks.
    let text = "The harbour board voted on Tuesday to close the old ferry pier at the\n\
                end of the summer. The vote was taken after a meeting with Port\n\
                Authority officials, who said repairs would cost more than a new\n\
                pier. Residents were not pleased.\n";
    assert_eq!(
        document_sentences(text),
        [
            "The harbour board voted on Tuesday to close the old ferry pier at the\nend of the summer.",
            "The vote was taken after a meeting with Port\nAuthority officials, who said repairs would cost more than a new\npier.",
            "Residents were not pleased."
        ]
    );
    assert_ne!(split_str(text).len(), 3);
    // guards: one paragraph per line keeps every line apart.
    let text = "The board met.\nThe vote was close\nResidents were not pleased.";
    assert_eq!(
        document_sentences(text),
        [
            "The board met.",
            "The vote was close",
            "Residents were not pleased."
        ]
    );
    // guards: an indented line starts a paragraph in a hard-wrapped document.
    let text = "The harbour board voted on Tuesday to close the old ferry pier at the\n\
                end of the summer, after a long meeting with the Port Authority\n\
                officials\n    \
                Residents said they had not been told about the meeting at all\n\
                until the vote.";
    assert_eq!(document_sentences(text).len(), 2);
}

/// Checks the contract of `split` on one text.
fn check_contract(text: &str, ranges: &[Range<usize>]) -> Result<(), TestCaseError> {
    let mut previous_end = 0;
    for r in ranges {
        prop_assert!(r.start < r.end, "empty sentence {:?}", r);
        prop_assert!(
            r.start >= previous_end,
            "out of order or overlapping {:?}",
            r
        );
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let sentence = &text[r.clone()];
        prop_assert_eq!(sentence.trim(), sentence, "untrimmed sentence");
        prop_assert!(
            text[previous_end..r.start].trim().is_empty(),
            "non-space text between sentences: {:?}",
            &text[previous_end..r.start]
        );
        previous_end = r.end;
    }
    prop_assert!(
        text[previous_end..].trim().is_empty(),
        "non-space text after the last sentence"
    );
    Ok(())
}

/// Prose-like text: words, punctuation, quotes, brackets, abbreviations, spaces of all
/// kinds, line breaks and multibyte characters.
fn prose() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("the"),
        Just("Then"),
        Just("He"),
        Just("smith"),
        Just("Smith"),
        Just("Mr."),
        Just("U.S."),
        Just("etc."),
        Just("e.g."),
        Just("J."),
        Just("No."),
        Just("10"),
        Just("3.5%"),
        Just("."),
        Just("..."),
        Just("…"),
        Just("?"),
        Just("!"),
        Just(","),
        Just("“"),
        Just("”"),
        Just("\""),
        Just("'"),
        Just("("),
        Just(")"),
        Just("["),
        Just("]"),
        Just(" "),
        Just("  "),
        Just("\u{a0}"),
        Just("\t"),
        Just("\n"),
        Just("\n\n"),
        Just("\r\n"),
        Just("\r"),
        Just("é"),
        Just("日本"),
        Just("•"),
        Just("- "),
        Just("1. "),
        Just("a.com"),
        Just("x@y.org"),
        Just("\u{2003}"),
        Just("\u{301}"),
        Just("\u{2029}"),
    ];
    prop::collection::vec(token, 0..60).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn contract_holds_on_arbitrary_strings(text in any::<String>()) {
        check_contract(&text, &split(&text))?;
    }

    #[test]
    fn contract_holds_on_prose(text in prose()) {
        check_contract(&text, &split(&text))?;
    }

    #[test]
    fn contract_holds_on_unicode_punctuation(text in "[a-zA-Z .?!…“”\"'()\\n\\r\u{a0}\u{2028}\u{85}é]{0,80}") {
        check_contract(&text, &split(&text))?;
    }
}

#[test]
fn pathological_inputs_stay_fast() {
    let cases = [
        "word ".repeat(400_000),
        "a.".repeat(500_000),
        ". ".repeat(500_000),
        format!("He left.{}then", " ".repeat(1_000_000)),
        format!("He left.{}then", ")".repeat(1_000_000)),
        format!("He left.{}then", "\u{a0}".repeat(500_000)),
        format!("Mr.{}", " Mr.".repeat(300_000)),
        "…".repeat(300_000),
        "J. ".repeat(300_000),
        "x".repeat(2_000_000),
    ];
    for text in &cases {
        let start = std::time::Instant::now();
        let ranges = split(text);
        check_contract(text, &ranges).unwrap();
        assert!(
            start.elapsed().as_secs() < 20,
            "too slow on {:?}…",
            &text[..20.min(text.len())]
        );
    }
}
