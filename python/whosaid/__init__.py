"""Quotes in English prose and who said them: the whosaid extractor, from Python.

>>> import whosaid
>>> doc = whosaid.extract("\u201cIt will take ten years,\u201d said Mich Mathews.")
>>> doc["quotes"][0]["speaker"]["name"]
'Mich Mathews'

Every result is the record ``whosaid extract`` prints, as a dict: the same keys, in the same
order, with the same values (the Rust side serialises it with the CLI's own types and this
module reads it with :func:`json.loads`). Spans count code points, as Python indexes a str:
``text[q["span"]["start"]:q["span"]["end"]] == q["text"]``.
"""

from __future__ import annotations

import itertools
import json
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from . import _native

__all__ = [
    "Error",
    "extract",
    "extract_many",
    "extract_many_json",
    "sentences",
    "SCHEMA_VERSION",
    "CHUNK_SIZE",
]

#: Version of the output schema (the ``schema_version`` of every record).
SCHEMA_VERSION: int = _native.SCHEMA_VERSION

#: Documents handed to the Rust side at once by :func:`extract_many` (as the CLI's batches).
CHUNK_SIZE = 256


class Error(ValueError):
    """A document whosaid could not process.

    ``kind`` is one of the CLI's error kinds (``invalid_utf8``, ``binary``, ``invalid_utf16``,
    ``too_large``, ``missing_text``, ``text_not_string``, ``duplicate_id``, ``internal``...),
    ``message`` names the document and the fault, ``id`` is the document's id.
    """

    def __init__(self, kind: str, message: str, id: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.id = id

    @classmethod
    def from_record(cls, record: Dict[str, Any]) -> "Error":
        """The error of a CLI error record ``{"id": ..., "error": {"kind", "message"}}``."""
        return cls(record["error"]["kind"], record["error"]["message"], record["id"])

    def __repr__(self) -> str:
        return f"whosaid.Error(kind={self.kind!r}, message={self.message!r}, id={self.id!r})"


def _rules(rules: Optional[Iterable[str]]) -> Optional[List[str]]:
    # A lone string would otherwise be taken as a sequence of one-letter rule IDs.
    if isinstance(rules, str):
        return [rule.strip() for rule in rules.split(",") if rule.strip()]
    return None if rules is None else list(rules)


def _include(include: Optional[Union[str, Iterable[str]]]) -> Optional[str]:
    # The CLI's --include value: class names separated by commas.
    if include is None or isinstance(include, str):
        return include
    return ",".join(include)


def extract(
    text: Union[str, bytes],
    *,
    id: Optional[str] = None,
    explain: bool = False,
    rules: Optional[Sequence[str]] = None,
    include: Optional[Union[str, Sequence[str]]] = None,
) -> Dict[str, Any]:
    """Extracts the quotes of one document; the record ``whosaid extract`` prints for it.

    ``text`` is a str (taken as is) or bytes (decoded as the CLI decodes a file: UTF-8, a
    BOM dropped, or UTF-16 with a BOM). ``id`` is copied into the record (default ``"-"``, the
    CLI's id for standard input). ``explain`` adds ``non_speech``; ``rules`` runs only these
    attribution rules (IDs such as ``"ATT001"``). Only speech is reported unless ``include``
    names more classes (``"thought"``, ``"stance"``, ``"evidential"``, a list of them, or
    ``"all"``), as the CLI's ``--include``. The GIL is released while Rust works.

    Raises :class:`Error` for input that is not text (bytes that do not decode, NUL bytes, a
    str with lone surrogates, anything but str or bytes), and ``ValueError`` for an unknown
    class in ``include``.
    """
    record = json.loads(_native.extract(text, id, explain, _rules(rules), _include(include)))
    if "error" in record:
        raise Error.from_record(record)
    return record


def extract_many(
    items: Iterable[Union[str, bytes, Dict[str, Any]]],
    threads: Optional[int] = None,
    *,
    explain: bool = False,
    rules: Optional[Sequence[str]] = None,
    include: Optional[Union[str, Sequence[str]]] = None,
) -> Iterator[Dict[str, Any]]:
    """Extracts the quotes of many documents in parallel; yields one record each, in order.

    An item is a str or bytes (a text), or a dict ``{"id": ..., "text": ..., **meta}`` read as
    the CLI reads a JSON Lines record: a numeric id becomes its decimal form, the other keys
    come back untouched as the record's ``meta``. An item without an id gets ``"-:N"``, N
    its 1-based position (the CLI's id for line N of JSON Lines on standard input).

    A bad item never stops the rest: in its place comes the CLI's error record,
    ``{"id": ..., "error": {"kind": ..., "message": ...}}`` (turn it into an exception with
    :meth:`Error.from_record`). A repeated id is an error (``duplicate_id``), as in the CLI.

    Items are read lazily, :data:`CHUNK_SIZE` at a time; each chunk runs on ``threads`` worker
    threads (default: one per core) with the GIL released. ``explain``, ``rules`` and
    ``include`` are those of :func:`extract`.
    """
    for item, line in _run(items, threads, explain, rules, include):
        record = json.loads(line)
        if isinstance(item, dict) and "error" not in record:
            record = _with_meta(record, item)
        yield record


def extract_many_json(
    items: Iterable[Union[str, bytes, Dict[str, Any]]],
    threads: Optional[int] = None,
    *,
    explain: bool = False,
    rules: Optional[Sequence[str]] = None,
    include: Optional[Union[str, Sequence[str]]] = None,
) -> Iterator[str]:
    """As :func:`extract_many`, but yields each record as the JSON text the CLI prints, and
    without a dict item's metadata (``meta``), which the caller keeps.

    For pipelines that hand the JSON on (the Spark job parses it in the JVM): no Python
    object is built for the result.
    """
    for _, line in _run(items, threads, explain, rules, include):
        yield line


def _run(
    items: Iterable[Any],
    threads: Optional[int],
    explain: bool,
    rules: Optional[Sequence[str]],
    include: Optional[Union[str, Sequence[str]]],
) -> Iterator[Tuple[Any, str]]:
    """Each item with its JSON record, computed a chunk at a time."""
    extractor = _native.Extractor(threads, explain, _rules(rules), _include(include))
    iterator = iter(items)
    while True:
        chunk = list(itertools.islice(iterator, CHUNK_SIZE))
        if not chunk:
            return
        yield from zip(chunk, extractor.run(chunk))


def _with_meta(record: Dict[str, Any], item: Dict[str, Any]) -> Dict[str, Any]:
    """The record with ``meta`` where the CLI puts it: after ``schema_version``."""
    meta = {key: value for key, value in item.items() if key != "id" and key != "text"}
    out: Dict[str, Any] = {
        "id": record["id"],
        "schema_version": record["schema_version"],
        "meta": meta,
    }
    out.update(record)
    return out


def sentences(text: Union[str, bytes]) -> List[Dict[str, Any]]:
    """The sentences of a text, as ``whosaid sentences`` numbers them (``quotes[].sentence``
    indexes this list): ``{"text", "span", "byte_span"}`` each.

    Raises :class:`Error` for input that is not text, as :func:`extract` does.
    """
    record = json.loads(_native.sentences(text))
    if "error" in record:
        raise Error.from_record(record)
    sentences_: List[Dict[str, Any]] = record["sentences"]
    return sentences_
