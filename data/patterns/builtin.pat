# Built-in attribution patterns of whosaid, in the pattern language of docs/patterns.md.
#
# Each pattern is a rule like those in src/attribution/rules/: a stable ID, a kebab-case
# name, what it matches, why, examples (which are its tests: `whosaid test-patterns`) and
# sentences it must not match. Where a pattern stands in the sieve is set by the rule order
# in src/attribution/rules/mod.rs.

pattern ATT001 quote-name-cue
  kind       direct
  match      $QUOTE (,|—)? ($SPEAKER{name|org|desc|first|possessive} ~parenthetical ~appositive ~adverbs $CUE | $SPEAKER{generic} $CUE | $SPEAKER{capitalised} $CUE $END)
  confidence 0.95
  about      A quote followed, in the same sentence, by a speaker named or described and then a
  about      speech verb: “…,” Guthrie said; “…,” a White House spokesman said; “…,” Smith, a
  about      senator from Ohio, told reporters; “…,” Smith later added; “…,” Powell’s office said;
  about      “…,” the man shouted. Up to three capitalised words right before a verb that ends the
  about      sentence name the speaker even when the mention finder does not know them, each being
  about      also a role, a title or a common word (“…,” Seaman said.; “…,” Will wrote.).
  why        The most common attribution in news writing; the speaker stands right after the
  why        closing mark, so the evidence is unambiguous.
  false-positive A name that is the object of a clause after the quote (“…” Smith said nothing about)
  false-positive when a speech verb follows it.
  example    Dana Whitlock runs the mill. “We are laser-focused,” Whitlock said.
    speaker  Dana Whitlock
    quote    We are laser-focused,
    cue      said
  example    “The bridge will open in May,” a city spokesman said.
    speaker  a city spokesman
  example    “We need more time,” Pryce, a senator from Ohio, told reporters.
    speaker  Pryce
  example    “It was a long night,” Marlowe later added.
    speaker  Marlowe
  example    “He did write to her,” Powell’s office said.
    speaker  Powell’s office
  counter    “It works,” he said.
  counter    “It works,” said Whitlock.
  counter    Whitlock said: “It works.”
  counter    The sign read “Closed for repairs,” and Tate left.

pattern ATT002 quote-cue-name
  kind       direct
  match      $QUOTE (,|—)? $CUE ($SPEAKER{name|org|desc|first} | $SPEAKER{capitalised} ($END | , (a|an|the|who)))
  confidence 0.95
  about      A quote followed by the speech verb and then the speaker (cue–name inversion):
  about      “…,” said Guthrie; “…,” said Sen. Smith; “…,” says the company's chief executive.
  about      Capitalised words that close the sentence, or that an appositive follows, are a name
  about      even when the mention finder does not know them (“…,” said Baron., a title word;
  about      “…,” said Will Doyle, a professor, a modal).
  why        Inversion is the second most common form of attribution in news.
  false-positive “…,” said in a statement followed by a name that is not the speaker.
  example    “It will take ten years,” said Ashby, who runs marketing.
    speaker  Ashby
    cue      said
  example    “Sales are up,” says the company's chief executive.
    speaker  the company's chief executive
  example    “The vote was never close,” said Baron.
    speaker  Baron
  example    “It is an expensive way to run a ferry,” said Will Rayner, a professor at the college.
    speaker  Will Rayner
  counter    “It works,” said he.
  counter    “It works,” Whitlock said.
  counter    “It works,” said in a statement.

pattern ATT018 quote-was-how-name-put-it
  kind       direct
  match      $QUOTE ,? (was|is|’s|'s) how $SPEAKER{name|org|desc|pronoun} $CUE(put it|phrased it|described it|summed it up) $END
  confidence 0.9
  about      A quote, then "was how" and a speaker who "put it": the quote is what the speaker said, named after it.
  why        A common way to close a paragraph on someone's words; no speech verb stands next to the quote, so the verb rules miss it.
  false-positive A quote the speaker is paraphrasing from someone else: “…” was how she put it, quoting her father.
  false-positive Without a comma inside the marks (“…” was how Lopez put it) the quote reads as the subject of "was", which the non-speech checks judge before any rule runs: not reported.
  example    “We are out of money,” was how Maria Lopez put it.
    speaker  Maria Lopez
    quote    We are out of money,
    cue      put it
  example    “A slow-motion disaster,” is how the union’s president described it.
    speaker  the union’s president
    cue      described it
  counter    “We are out of money” was how the headline put it, and nobody laughed.
  counter    “We are out of money” was the headline.

pattern ATT019 quote-came-the-reply-from-name
  kind       direct
  match      $QUOTE ,? $CUE(came) the? (reply|response|answer|retort) from $SPEAKER{name|org|desc}
  confidence 0.9
  about      A quote, then "came the reply from" and the speaker.
  why        An inverted attribution with no speech verb: the quote is the speaker's reply.
  false-positive None known.
  example    “Not this year,” came the reply from Dana Whitfield.
    speaker  Dana Whitfield
    quote    Not this year,
    cue      came
  example    “Absolutely not.” came the response from a spokeswoman for the agency.
    speaker  a spokeswoman
  counter    “Not this year,” came the reply, and Dana Whitfield left.

pattern ATT006 according-to
  kind       direct
  match      $QUOTE (,|—)? $CUE(according to) $SPEAKER{name|org|desc|pronoun|first|source}
  confidence 0.85
  match      $CUE(according to) $SPEAKER{name|org|desc|pronoun|first} ... $QUOTE
  confidence 0.75
  about      A quote in a sentence with "according to" and a speaker, right after the quote
  about      (“…,” according to a spokesman.) or before it (According to Smith, the plan is
  about      “dead on arrival.”). Right after the quote, any short source phrase names whoever
  about      put the words out (“…,” according to the news outlet.); before the quote only a
  about      speaker counts.
  why        "According to" attributes without a speech verb. Before the quote, a document or
  why        a study is no speaker: "According to the article, the plan is “dead”" reports a fact
  why        of the article's, not the article's words.
  false-positive A sentence that attributes a fact, not the quoted words, to the source.
  example    “The ferry will run all winter,” according to Dana Whitfield.
    speaker  Dana Whitfield
    quote    The ferry will run all winter,
    cue      according to
  example    “The road is closed,” according to the county gazette.
    speaker  the county gazette
  example    According to Pryce, the levy is “a tax on breathing.”
    speaker  Pryce
    quote    a tax on breathing.
  counter    According to the article, the levy is “a tax.”
  counter    The launch went “smoothly,” according to plan.

pattern ATT005 in-their-words
  kind       direct
  match      ($CUE(in the words of) $SPEAKER{name|org|desc|pronoun|first} | $CUE(in $SPEAKER{name|org|desc} 's words)) ... $QUOTE
  confidence 0.85
  match      $CUE(in $SPEAKER{possessive-pronoun} words) ... $QUOTE
  confidence 0.8
  about      A quote in a sentence that opens with "In the words of Smith", "In Smith's words" or
  about      "In his/her/their words": In his words, it’s all about “getting laser-focused …”.
  why        The phrase names the speaker without a speech verb; a possessive pronoun is resolved
  why        like a subject pronoun.
  false-positive A possessive pronoun whose antecedent is not the nearest compatible person.
  example    Rowan Pike built the mill. In his words, it is all about “customer needs.”
    speaker  Rowan Pike
    quote    customer needs.
    cue      In his words
  example    In Pryce's words, the bill is “dead on arrival.”
    speaker  Pryce
    cue      In Pryce's words
  example    In the words of Orrin Tate, the deal was “a steal.”
    speaker  Orrin Tate
    cue      In the words of
  counter    In other words, it is “done.”
  counter    In my words, it is “done.”
  counter    The vote was, in a word, “a fiasco.”

pattern ATT004 pronoun-cue
  kind       direct
  confidence 0.85
  confidence-unresolved 0.5
  match      $QUOTE (,|—)? $SPEAKER{pronoun} ~parenthetical ~appositive ~adverbs $CUE
  match      $QUOTE (,|—)? $CUE $SPEAKER{pronoun}
  match      $SPEAKER{pronoun} ~adverbs $CUE ,? ((!@speech | 's) ,?){0,5} (:|—)? $QUOTE
  match      $START $SPEAKER{pronoun} ... , $CUE ,? ((!@speech | 's) ,?){0,5} (:|—)? $QUOTE
  about      A quote attributed to a third-person pronoun right after it (“…,” he said; “…,” said
  about      she), or a pronoun and a speech verb before it, the verb nearest the quote with at
  about      most five words between (She added: “…”; He told reporters on Monday, “…”), or the
  about      pronoun that opens the sentence and a participle after a comma (He laughed, saying:
  about      “…”). The pronoun is resolved to the nearest earlier person outside quotes whose
  about      gender does not contradict it; "it" right before its verb speaks for an organisation
  about      named in the sentence or the one before.
  why        After the first quote, news names a speaker by pronoun; the speaker is whoever the
  why        pronoun refers to. An unresolved pronoun keeps the finding at a low confidence.
  false-positive A pronoun whose antecedent is not the nearest compatible person (two men in one
  false-positive paragraph); the mention span stays right even then.
  example    Rowan Pike spoke to us. “It works,” he said.
    speaker  Rowan Pike
    cue      said
  example    Marta Lindqvist runs the lab. “We are close,” said she.
    speaker  Marta Lindqvist
  example    Marta Lindqvist runs the lab. She added on Monday: “We are close.”
    speaker  Marta Lindqvist
    quote    We are close.
  example    Rowan Pike stood up. He laughed, saying: “Not this year.”
    speaker  Rowan Pike
    cue      saying
  counter    “It works,” I said.
  counter    Oskar Brandt left. “It works,” Brandt said.
  counter    Ann Marsh took the floor. She slammed the loophole called an “inversion” at once.

pattern IND010 poll-in
  kind       indirect
  class      evidential
  match      $START $CUE(in) $SPEAKER((!@speech | 's | / | &){0,9} @poll_nouns (_ | 's | / | &){0,7}) , $CLAUSE $END
  match      $START $CLAUSE (, | —{1,2})? $CUE(in) $SPEAKER((!@speech | 's | / | &){0,9} @poll_nouns (_ | 's | / | &){0,7}) $END
  about      A finding credited to a poll or a survey by "in": In the latest CNN poll, Clinton
  about      leads by five points; Trump leads Cruz by 9 points in the RealClearPolitics average
  about      of recent polls; He fell to 10 percent in a Fox News survey released Wednesday. The
  about      source is the poll phrase after "in" (a poll noun of data/poll_nouns.txt after at
  about      most nine words that are no speech verb, and at most seven words after it; "CNN/ORC",
  about      "AT&T" count their marks as words), up to the comma that closes an opening phrase or
  about      to the end of the sentence; the content is the rest of the sentence.
  why        Poll results are attributions like "according to a poll", written with "in". The
  why        poll phrase must frame the sentence, opening it before a comma or closing it.
  false-positive A sentence about the poll itself: Errors were found in the poll.
  example    In a Monmouth University poll released Monday, Okafor led Ostrander by six points.
    speaker  a Monmouth University poll released Monday
    content  Okafor led Ostrander by six points
    cue      In
  example    Ostrander fell to 10 percent in the latest Channel 4 survey.
    speaker  the latest Channel 4 survey
    content  Ostrander fell to 10 percent
  counter    When Ostrander began closing in the polls, the campaign hired more staff.
  counter    Her lead in the polls grew all summer.
  counter    In a speech on Monday, Okafor promised lower fares.
  counter    Okafor led in the polls.
  counter    Okafor led in the polls, which had been wrong before.

pattern IND009 asked-question
  kind       indirect
  match      $START when? $CUE(asked) (by $SPEAKER{name|org|desc|pronoun|first} | by)? (!,){0,9}? $CLAUSE(@question_openers (!,)*) ,
  about      The question put to the person a sentence then quotes or reports, in the participle
  about      that opens it: Asked whether he would run again, Okafor said …; When asked about the
  about      budget, the mayor smiled; Asked by a reporter if the deal was dead, she said …. The
  about      content is the question, from its "whether", "if", "about" or wh-word
  about      (data/question_openers.txt; the first within ten tokens of "asked") to the comma; the
  about      speaker is the asker after "by", else nobody (the reporter, unnamed: confidence 0.6).
  why        News reports the questions behind answers this way; the question is reported speech
  why        too, and it tells a reader of the answer what it answers.
  false-positive None known.
  example    Asked by Matt Lauer whether she had practised the speech, she said no.
    speaker  Matt Lauer
    content  whether she had practised the speech
    cue      Asked
  example    When asked about the missing funds, Ostrander declined to answer.
    content  about the missing funds
    cue      asked
  counter    Ostrander asked whether the vote could wait.
  counter    Asked to leave, he stayed.
  counter    Asked about that, Fuentes shrugged.
  counter    Asked by a reporter whether the deal was dead he said nothing

pattern IND005 parenthetical-name-cue
  kind       indirect
  sentences  without-quotes
  match      $START $LEAD(...?) , ($SPEAKER{name|org|desc|pronoun|first} ~appositive ~source-postmodifier ~adverbs $CUE{@report} , (?! according | @ing | @appositive_start) | $CUE{@report} $SPEAKER{name|org|desc|pronoun|first} , (?! a | an | the | _ 's | according | @ing | @appositive_start)) $CLAUSE $END
  match      $START $CLAUSE , ($SPEAKER{name|org|desc|pronoun|first} ~appositive ~source-postmodifier ~adverbs $CUE{@report} | $CUE{@report} $SPEAKER{name|org|desc|pronoun|first}) , ...
  about      An attribution set off by commas inside the reported sentence: Even if the venture
  about      fails, Mr. Morgan said, he has already done the work; The plan, officials said, is
  about      dead. The content is the clause after the attribution, with what stands before the
  about      attribution as its lead ("The plan" | "is dead"). The first line takes the first
  about      comma that opens such an attribution (a speaker, its appositive, how a source knows,
  about      adverbs, then a verb that reports speech; or the verb first, then the speaker) and
  about      closes with a second comma. What follows must be a clause of the speaker's words: not
  about      a second attribution ("according to"), a participle of the attribution's own ("Lee
  about      said, offering an example"), or a phrase describing the speaker ("said Ann Lee, a
  about      debt expert", "said Ann Lee, director of the fund"). Where no such clause follows, the
  about      second line reports the clause before the attribution. Only sentences without quote
  about      marks: a sentence that goes on to a quote is the quote rules' and IND003's.
  why        Reporters interrupt a paraphrase with its source as often as they put the source
  why        first or last.
  false-positive A list of names followed by a verb between commas.
  example    The bridge, the mayor said, will reopen in May.
    speaker  the mayor
    content  will reopen in May
    cue      said
  example    Even if the venture fails, Mr. Morgan said, he has already done the work.
    speaker  Morgan
    content  he has already done the work
  example    The ferry will not run again this winter, said Lena Ostrova, a spokeswoman for the port.
    speaker  Lena Ostrova
    content  The ferry will not run again this winter
  example    The outbreak was contained, the health commission said, according to a news agency.
    speaker  the health commission
    content  The outbreak was contained
  counter    Mr. Morgan said the work is already finished.
  counter    The bridge, built in 1931, will reopen to traffic in May.
  counter    Yes, he said, no.
  counter    The bridge, the mayor said, “will reopen in May.”

pattern IND008 headline-colon
  kind       indirect
  sentences  without-quotes first-of-line
  match      $START (?! @heading_labels) ($SPEAKER{known-name|org|desc} | $SPEAKER(_{0,3} @role_nouns_any_case)) $CUE(:) $CLAUSE $END
  about      A line that opens with a speaker and a colon and goes on with what they said, the
  about      way headlines and summaries attribute a claim: Sanders: Clinton Email Story Has
  about      Moved; Judicial Watch: State Department Hid Key Email; Poll: Trump Ties Clinton in
  about      Three-Way Race. The speaker is the whole phrase before the colon: a person the
  about      document names, an organisation or a description, or up to four words that end in
  about      a role noun in any case (Historians, New Poll); the content is the rest of the
  about      sentence, which holds no quote mark (the quote rules read Smith: “…”).
  why        Headline style drops the verb of saying; the colon stands for it.
  false-positive A section label that is also a role noun (Analysis: …).
  example    Mayor Okafor: Bridge Will Reopen in May
    speaker  Okafor
    content  Bridge Will Reopen in May
    cue      :
  example    Historians: the two presidents will be linked no matter what
    speaker  Historians
  counter    UPDATE: The vote has been moved to Friday.
  counter    The mayor had one message for voters: the bridge will reopen in May.
  counter    Nevada: Adam Khan, Barbara Buckley, Chuck Muth
  counter    Sanders: “The story has moved on”
