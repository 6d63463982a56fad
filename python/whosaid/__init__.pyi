"""Type stubs of the whosaid package: the records are the CLI's JSON schema as TypedDicts."""

from typing import Any, Dict, Iterable, Iterator, List, Literal, Optional, Sequence, Tuple, TypedDict, Union

from os import PathLike

import pyarrow
from typing_extensions import NotRequired

__version__: str
SCHEMA_VERSION: int
CHUNK_SIZE: int
TABLE_COLUMNS: Tuple[str, ...]

class Span(TypedDict):
    """An end-exclusive range: code points in ``span``, bytes in ``byte_span``."""

    start: int
    end: int

class Speaker(TypedDict):
    name: str
    mention: str
    span: Span
    byte_span: Span

class Cue(TypedDict):
    text: str
    span: Span
    byte_span: Span

class Part(TypedDict):
    text: str
    span: Span
    byte_span: Span

# Functional form: one key, ``class``, is a Python keyword.
Quote = TypedDict(
    "Quote",
    {
        "text": str,
        "kind": Literal["direct", "partial", "indirect"],
        # "speech" unless the extraction included more classes (``include``).
        "class": Literal["speech", "thought", "stance", "evidential"],
        "span": Span,
        "byte_span": Span,
        "lead": NotRequired[Part],
        "sentence": int,
        "speaker": Optional[Speaker],
        "cue": Optional[Cue],
        "rule": Optional[str],
        "confidence": float,
    },
)

class SpeakerSummary(TypedDict):
    name: str
    aliases: List[str]
    quotes: int

class NonSpeech(TypedDict):
    text: str
    span: Span
    byte_span: Span
    reason: str

class Document(TypedDict):
    """What ``whosaid extract`` prints for one document."""

    id: str
    schema_version: int
    meta: NotRequired[Dict[str, Any]]
    quotes: List[Quote]
    speakers: List[SpeakerSummary]
    non_speech: NotRequired[List[NonSpeech]]

class ErrorDetail(TypedDict):
    kind: str
    message: str

class ErrorRecord(TypedDict):
    """What ``whosaid extract`` prints in place of a document it could not process."""

    id: str
    error: ErrorDetail

class Sentence(TypedDict):
    text: str
    span: Span
    byte_span: Span

class Error(ValueError):
    """A document whosaid could not process; ``kind`` is one of the CLI's error kinds."""

    kind: str
    message: str
    id: str
    def __init__(self, kind: str, message: str, id: str) -> None: ...
    @classmethod
    def from_record(cls, record: ErrorRecord) -> Error: ...

def extract(
    text: Union[str, bytes],
    *,
    id: Optional[str] = None,
    explain: bool = False,
    rules: Optional[Sequence[str]] = None,
    include: Optional[Union[str, Sequence[str]]] = None,
    patterns: Optional[Union[str, PathLike[str], Sequence[Union[str, PathLike[str]]]]] = None,
) -> Document:
    """Extracts the quotes of one document; raises :class:`Error` for input that is not text."""

def extract_many(
    items: Iterable[Union[str, bytes, Dict[str, Any]]],
    threads: Optional[int] = None,
    *,
    explain: bool = False,
    rules: Optional[Sequence[str]] = None,
    include: Optional[Union[str, Sequence[str]]] = None,
    patterns: Optional[Union[str, PathLike[str], Sequence[Union[str, PathLike[str]]]]] = None,
) -> Iterator[Union[Document, ErrorRecord]]:
    """Extracts many documents in parallel, in order; a bad one yields an error record."""

def extract_many_json(
    items: Iterable[Union[str, bytes, Dict[str, Any]]],
    threads: Optional[int] = None,
    *,
    explain: bool = False,
    rules: Optional[Sequence[str]] = None,
    include: Optional[Union[str, Sequence[str]]] = None,
    patterns: Optional[Union[str, PathLike[str], Sequence[Union[str, PathLike[str]]]]] = None,
) -> Iterator[str]:
    """As :func:`extract_many`, as the CLI's JSON text, without a dict item's ``meta``."""

def sentences(text: Union[str, bytes]) -> List[Sentence]:
    """The sentences of a text, as ``whosaid sentences`` numbers them."""

def extract_table(
    items: Iterable[Union[str, bytes, Dict[str, Any]]],
    threads: Optional[int] = None,
    *,
    explain: bool = False,
    rules: Optional[Sequence[str]] = None,
    include: Optional[Union[str, Sequence[str]]] = None,
    patterns: Optional[Union[str, PathLike[str], Sequence[Union[str, PathLike[str]]]]] = None,
) -> pyarrow.Table:
    """Many documents as one Arrow table, one row per quote, columns :data:`TABLE_COLUMNS`."""
