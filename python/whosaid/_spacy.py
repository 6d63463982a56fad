"""The spaCy pipeline component ``whosaid``: quotes as spans of a ``Doc``.

spaCy finds it through the ``spacy_factories`` entry point, so no import is needed::

    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("whosaid")
    doc = nlp("\u201cIt will take ten years,\u201d said Mich Mathews.")
    quote = doc.spans["quotes"][0]
    quote._.speaker, quote._.kind, quote._.cue, quote._.rule

The component reads ``doc.text`` with whosaid (it needs no tagger, parser or model) and
puts each quote in ``doc.spans["quotes"]`` (a span group: quotes may overlap), labelled
with its kind. Span attributes (``Span._``): ``speaker`` (the resolved name, or None),
``speaker_span`` (the mention of the speaker in this text, e.g. "he", as a Span, or None),
``kind`` (direct, partial, indirect), ``cue`` (the cue's text, e.g. "said", or None),
``cue_span`` (its Span), ``rule`` (the rule that decided it) and ``confidence``. Spans cover
the tokens that hold the quote's characters (spaCy's ``alignment_mode="expand"``).
"""

# No `from __future__ import annotations`: spaCy validates the factory's settings against
# its signature's annotations, and reads them as objects.
from typing import Any, Optional, Sequence, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import extract as _extract

#: The key of ``doc.spans`` that holds the quotes.
SPANS_KEY = "quotes"

# Offsets are stored (they serialise with the Doc); the spans are made from them on access.
_STORED = ("speaker", "kind", "cue", "rule", "confidence", "speaker_chars", "cue_chars")


def _span_getter(offsets_attribute: str) -> Any:
    def get(span: Span) -> Optional[Span]:
        chars = getattr(span._, offsets_attribute)
        if chars is None:
            return None
        return span.doc.char_span(chars[0], chars[1], alignment_mode="expand")

    return get


def _register_extensions() -> None:
    for name in _STORED:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Span.has_extension("speaker_span"):
        Span.set_extension("speaker_span", getter=_span_getter("speaker_chars"))
    if not Span.has_extension("cue_span"):
        Span.set_extension("cue_span", getter=_span_getter("cue_chars"))


def _chars(part: Optional[dict]) -> Optional[Tuple[int, int]]:
    if not part:
        return None
    return (part["span"]["start"], part["span"]["end"])


class WhosaidComponent:
    """Finds the quotes of each ``Doc`` and their speakers (see the module's doc)."""

    def __init__(
        self,
        name: str = "whosaid",
        include: Optional[Union[str, Sequence[str]]] = None,
        rules: Optional[Sequence[str]] = None,
    ) -> None:
        _register_extensions()
        self.name = name
        self.include = include
        self.rules = rules
        # A wrong rule ID or class fails when the pipe is added, not on the first text.
        _extract("", include=include, rules=rules)

    def __call__(self, doc: Doc) -> Doc:
        record = _extract(doc.text, include=self.include, rules=self.rules)
        spans = []
        for quote in record["quotes"]:
            start, end = quote["span"]["start"], quote["span"]["end"]
            span = doc.char_span(start, end, label=quote["kind"], alignment_mode="expand")
            if span is None:
                continue
            speaker = quote["speaker"]
            cue = quote["cue"]
            span._.speaker = speaker["name"] if speaker else None
            span._.speaker_chars = _chars(speaker)
            span._.kind = quote["kind"]
            span._.cue = cue["text"] if cue else None
            span._.cue_chars = _chars(cue)
            span._.rule = quote["rule"]
            span._.confidence = quote["confidence"]
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory(
    "whosaid",
    default_config={"include": None, "rules": None},
)
def make_whosaid(
    nlp: Language,
    name: str,
    include: Optional[Union[str, Sequence[str]]],
    rules: Optional[Sequence[str]],
) -> WhosaidComponent:
    """The factory behind ``nlp.add_pipe("whosaid")``; ``include`` and ``rules`` are those
    of :func:`whosaid.extract`."""
    return WhosaidComponent(name, include=include, rules=rules)
