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

# Imports under private names, and typing names for type checkers only: `dir(whosaid)` shows
# the package's own API. (The `from __future__` line binds `annotations`; it is deleted below.)
import itertools as _itertools
import json as _json
import os as _os
import typing as _typing

from . import _native

if _typing.TYPE_CHECKING:
    from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

    import pyarrow

del annotations

__all__ = [
    "Error",
    "extract",
    "extract_many",
    "extract_many_json",
    "extract_table",
    "sentences",
    "SCHEMA_VERSION",
    "CHUNK_SIZE",
    "TABLE_COLUMNS",
    "__version__",
]

#: The package's version (that of the whosaid crate it was built from).
__version__: str = _native.VERSION

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


def _patterns(patterns: Any) -> Optional[List[str]]:
    # The CLI's --patterns: one path or several.
    if patterns is None:
        return None
    if isinstance(patterns, (str, bytes)) or hasattr(patterns, "__fspath__"):
        return [_os.fsdecode(patterns)]
    return [_os.fsdecode(p) for p in patterns]


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
    patterns: Optional[Union[str, Sequence[str]]] = None,
) -> Dict[str, Any]:
    """Extracts the quotes of one document; the record ``whosaid extract`` prints for it.

    ``text`` is a str (taken as is) or bytes (decoded as the CLI decodes a file: UTF-8, a
    BOM dropped, or UTF-16 with a BOM). ``id`` is copied into the record (default ``"-"``, the
    CLI's id for standard input). ``explain`` adds ``non_speech``; ``rules`` runs only these
    attribution rules (IDs such as ``"ATT001"``); ``patterns`` is a pattern file (a path, or a
    list of paths) whose patterns add to, replace or disable the built-in rules, as the CLI's
    ``--patterns`` (docs/patterns.md). Only speech is reported unless ``include``
    names more classes (``"thought"``, ``"stance"``, ``"evidential"``, a list of them, or
    ``"all"``), as the CLI's ``--include``. The GIL is released while Rust works.

    Raises :class:`Error` for input that is not text (bytes that do not decode, NUL bytes, a
    str with lone surrogates, anything but str or bytes), ``ValueError`` for an unknown
    class in ``include`` or a mistake in a pattern file (naming file:line:column), and
    ``OSError`` for a pattern file that cannot be read.
    """
    record = _json.loads(
        _native.extract(
            text, id, explain, _rules(rules), _include(include), _patterns(patterns)
        )
    )
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
    patterns: Optional[Union[str, Sequence[str]]] = None,
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
    threads (default: one per core) with the GIL released. ``explain``, ``rules``,
    ``include`` and ``patterns`` are those of :func:`extract`.
    """
    for item, line in _run(items, threads, explain, rules, include, patterns):
        record = _json.loads(line)
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
    patterns: Optional[Union[str, Sequence[str]]] = None,
) -> Iterator[str]:
    """As :func:`extract_many`, but yields each record as the JSON text the CLI prints, and
    without a dict item's metadata (``meta``), which the caller keeps.

    For pipelines that hand the JSON on (the Spark job parses it in the JVM): no Python
    object is built for the result.
    """
    for _, line in _run(items, threads, explain, rules, include, patterns):
        yield line


def _run(
    items: Iterable[Any],
    threads: Optional[int],
    explain: bool,
    rules: Optional[Sequence[str]],
    include: Optional[Union[str, Sequence[str]]],
    patterns: Any = None,
) -> Iterator[Tuple[Any, str]]:
    """Each item with its JSON record, computed a chunk at a time."""
    extractor = _native.Extractor(
        threads, explain, _rules(rules), _include(include), _patterns(patterns)
    )
    iterator = iter(items)
    while True:
        chunk = list(_itertools.islice(iterator, CHUNK_SIZE))
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
    record = _json.loads(_native.sentences(text))
    if "error" in record:
        raise Error.from_record(record)
    sentences_: List[Dict[str, Any]] = record["sentences"]
    return sentences_


#: The columns of :func:`extract_table`, in order: those of ``whosaid extract --format csv``,
#: then ``class`` and ``lead`` (a report's words before its attribution interrupts it).
TABLE_COLUMNS = (
    "id",
    "quote",
    "kind",
    "speaker",
    "cue",
    "rule",
    "confidence",
    "start",
    "end",
    "url",
    "title",
    "date",
    "author",
    "source",
    "error",
    "class",
    "lead",
)

_META_COLUMNS = ("url", "title", "date", "author", "source")


def extract_table(
    items: Iterable[Union[str, bytes, Dict[str, Any]]],
    threads: Optional[int] = None,
    *,
    explain: bool = False,
    rules: Optional[Sequence[str]] = None,
    include: Optional[Union[str, Sequence[str]]] = None,
    patterns: Optional[Union[str, Sequence[str]]] = None,
) -> pyarrow.Table:
    """Extracts many documents (as :func:`extract_many`) into one ``pyarrow.Table``, one row
    per quote, with flat, typed columns (:data:`TABLE_COLUMNS`): the CSV's columns, then
    ``class`` and ``lead``. ``.to_pandas()`` gives a DataFrame.

    What a quote lacks is null, never an empty string (a quote without a speaker has a null
    ``speaker``); every column keeps its type when all its values are null: ``confidence`` is
    float64, ``start`` and ``end`` (code points) int64, the others strings. ``url``, ``title``,
    ``date``, ``author`` and ``source`` come from a dict item's fields (a value other than a
    string as its JSON text). A document without quotes has no row; a document that failed
    has one row with its ``id`` and ``error`` (``"kind: message"``) and nulls elsewhere, as
    in the CSV. A single str or bytes is one document.

    Needs pyarrow (``pip install 'whosaid[arrow]'``).
    """
    try:
        import pyarrow as pa
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("whosaid.extract_table needs pyarrow: pip install pyarrow") from e
    if isinstance(items, (str, bytes)):
        items = [items]
    columns: Dict[str, List[Any]] = {name: [] for name in TABLE_COLUMNS}
    for record in extract_many(
        items, threads, explain=explain, rules=rules, include=include, patterns=patterns
    ):
        if "error" in record:
            row: Dict[str, Any] = {"id": record["id"]}
            row["error"] = f"{record['error']['kind']}: {record['error']['message']}"
            for name in TABLE_COLUMNS:
                columns[name].append(row.get(name))
            continue
        meta = record.get("meta") or {}
        meta_values = [_meta_text(meta.get(name)) for name in _META_COLUMNS]
        for quote in record["quotes"]:
            speaker = quote["speaker"]
            cue = quote["cue"]
            lead = quote.get("lead")
            values = [
                record["id"],
                quote["text"],
                quote["kind"],
                speaker["name"] if speaker else None,
                cue["text"] if cue else None,
                quote["rule"],
                quote["confidence"],
                quote["span"]["start"],
                quote["span"]["end"],
                *meta_values,
                None,
                quote["class"],
                lead["text"] if lead else None,
            ]
            for name, value in zip(TABLE_COLUMNS, values):
                columns[name].append(value)
    return pa.table(
        [pa.array(columns[name], type=_column_type(pa, name)) for name in TABLE_COLUMNS],
        names=list(TABLE_COLUMNS),
    )


def _column_type(pa: Any, name: str) -> Any:
    """The Arrow type of a column of :func:`extract_table`."""
    if name == "confidence":
        return pa.float64()
    if name in ("start", "end"):
        return pa.int64()
    return pa.string()


def _meta_text(value: Any) -> Optional[str]:
    """A metadata field as the CSV writes it: a string as is, null as null, else JSON."""
    if value is None or isinstance(value, str):
        return value
    return _json.dumps(value, separators=(",", ":"), ensure_ascii=False)
