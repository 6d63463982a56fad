"""The spaCy component: `nlp.add_pipe("whosaid")` on a blank pipeline, quotes in doc.spans."""

import subprocess
import sys

import pytest
import spacy
import whosaid

TEXT = (
    "Dana Whitlock runs the mill. \u201cWe are laser-focused,\u201d Whitlock said. "
    "\u201cIt works,\u201d she added."
)


def test_the_component_is_found_through_its_entry_point() -> None:
    # The script never imports whosaid: spaCy finds the factory by its name.
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('whosaid')\n"
        "doc = nlp('\u201cYes,\u201d Ann Lee said.')\n"
        "print(doc.spans['quotes'][0]._.speaker)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Ann Lee\n"


def test_quotes_are_spans_with_speaker_kind_cue_and_rule() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("whosaid")
    doc = nlp(TEXT)
    record = whosaid.extract(TEXT)
    quotes = doc.spans["quotes"]
    assert len(quotes) == len(record["quotes"]) == 2
    for span, quote in zip(quotes, record["quotes"]):
        assert span.text == quote["text"]
        assert span.label_ == quote["kind"] == span._.kind
        assert span._.speaker == quote["speaker"]["name"]
        assert span._.cue == quote["cue"]["text"]
        assert span._.rule == quote["rule"]
        assert span._.confidence == quote["confidence"]
    first, second = quotes
    assert (first._.speaker, first._.speaker_span.text, first._.cue_span.text) == (
        "Dana Whitlock",
        "Whitlock",
        "said",
    )
    # The speaker as written here is a pronoun; its name is resolved.
    assert (second._.speaker, second._.speaker_span.text) == ("Dana Whitlock", "she")
    assert second._.speaker_span.start > second.end


def test_a_text_without_quotes_has_an_empty_group_and_options_are_checked() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("whosaid", config={"include": "all"})
    assert len(nlp("Nothing was said.").spans["quotes"]) == 0
    with pytest.raises(ValueError, match="unknown rule ID NOPE"):
        spacy.blank("en").add_pipe("whosaid", config={"rules": ["NOPE"]})
