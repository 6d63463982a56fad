"""The package against the CLI: same records, byte for byte, for every corpus text."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
import whosaid

from conftest import REPO, jsonl, run_cli, sorted_json


def read(path: str) -> str:
    return (REPO / path).read_text(encoding="utf-8")


def test_extract_equals_the_cli_on_every_corpus_file(cli: str, corpus_paths: List[str]) -> None:
    lines = run_cli(cli, ["extract", *corpus_paths])
    assert len(lines) == len(corpus_paths)
    quotes = 0
    for path, line in zip(corpus_paths, lines):
        # Bytes, as the CLI reads the file; the id is the path as given, as the CLI's.
        doc = whosaid.extract((REPO / path).read_bytes(), id=path)
        assert sorted_json(doc) == sorted_json(json.loads(line)), path
        # Stronger than the issue asks: the same key order and the same bytes.
        assert json.dumps(doc, ensure_ascii=False, separators=(",", ":")) == line, path
        quotes += len(doc["quotes"])
    assert quotes > 150  # the corpus has 198 quotes: guards against an empty comparison


@pytest.mark.parametrize(
    "flags, options",
    [
        (["--explain"], {"explain": True}),
        (["--rules", "ATT001,ATT004"], {"rules": ["ATT001", "ATT004"]}),
        (["--include", "all"], {"include": "all"}),
        (["--include", "stance,thought"], {"include": ["stance", "thought"]}),
    ],
)
def test_options_equal_the_cli_flags(
    cli: str, corpus_paths: List[str], flags: List[str], options: Dict[str, Any]
) -> None:
    lines = run_cli(cli, ["extract", *flags, *corpus_paths])
    for path, line in zip(corpus_paths, lines):
        doc = whosaid.extract(read(path), id=path, **options)
        assert sorted_json(doc) == sorted_json(json.loads(line)), path
    if "explain" in options:
        assert any(whosaid.extract(read(p), explain=True)["non_speech"] for p in corpus_paths)
    elif "include" in options:
        classes = {q["class"] for p in corpus_paths for q in whosaid.extract(read(p), **options)["quotes"]}
        assert "speech" in classes and len(classes) > 1
        assert {q["class"] for p in corpus_paths for q in whosaid.extract(read(p))["quotes"]} == {"speech"}
    else:
        rules = {q["rule"] for p in corpus_paths for q in whosaid.extract(read(p), rules="ATT001,ATT004")["quotes"]}
        assert rules <= {"ATT001", "ATT004", None} and {"ATT001", "ATT004"} <= rules


def test_extract_many_equals_the_cli_on_json_lines(cli: str, corpus_paths: List[str]) -> None:
    # Ids of all three shapes, metadata of several types, and one record without an id.
    records: List[Dict[str, Any]] = []
    for n, path in enumerate(corpus_paths):
        record: Dict[str, Any] = {"text": read(path), "source": path.split("/")[1], "n": n}
        if n % 3 == 0:
            record["id"] = path
        elif n % 3 == 1:
            record["id"] = 1000 + n
        if n == 2:
            record["tags"] = ["a", {"b": None}]
        records.append(record)
    lines = run_cli(cli, ["extract", "--jsonl", "-"], stdin=jsonl(records))
    results = list(whosaid.extract_many(records, threads=2))
    assert len(results) == len(lines) == len(records)
    for result, line in zip(results, lines):
        assert sorted_json(result) == sorted_json(json.loads(line))
        assert json.dumps(result, ensure_ascii=False, separators=(",", ":")) == line
    # The JSON text form: the same records, byte for byte, without the metadata.
    for text, result in zip(whosaid.extract_many_json(records, threads=2), results):
        del result["meta"]
        assert text == json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    assert results[1]["id"] == "1001" and results[2]["id"] == "-:3"
    assert json.loads(lines[2])["meta"]["tags"] == ["a", {"b": None}]


def test_extract_many_is_in_order_across_chunks_for_any_thread_count(corpus_paths: List[str]) -> None:
    texts = [read(p) for p in corpus_paths]
    items = [texts[n % len(texts)] for n in range(2 * whosaid.CHUNK_SIZE + 17)]
    one = list(whosaid.extract_many(items, threads=1))
    two = list(whosaid.extract_many(iter(items), threads=2))
    assert one == two
    assert [r["id"] for r in one] == ["-:%d" % (n + 1) for n in range(len(items))]
    for n in (0, whosaid.CHUNK_SIZE, len(items) - 1):
        assert one[n] == whosaid.extract(items[n], id="-:%d" % (n + 1))


def test_extract_many_reads_lazily() -> None:
    taken = []

    def items() -> Iterator[str]:
        for n in range(10 * whosaid.CHUNK_SIZE):
            taken.append(n)
            yield "“Yes,” she said."

    results = whosaid.extract_many(items())
    assert taken == []
    first = next(results)
    assert first["quotes"][0]["text"] == "Yes,"
    assert len(taken) == whosaid.CHUNK_SIZE


def test_bad_items_give_error_records_in_place_and_the_rest_go_on(cli: str) -> None:
    good = "“No,” the mayor said."
    items: List[Any] = [
        good,
        {"id": "x", "text": good},
        {"id": "x", "text": good},  # a repeated id
        {"id": "y"},  # no text
        {"id": "z", "text": 42},  # text not a string
        b"\xff\xfe\x00\xd8",  # UTF-16 with an unpaired surrogate
        b"ab\x00cd",  # NUL: binary
        "lone \udc80 surrogate",
        3.5,
        {"id": "w", "text": good},
    ]
    results = list(whosaid.extract_many(items))
    kinds = [r["error"]["kind"] if "error" in r else None for r in results]
    assert kinds == [
        None, None, "duplicate_id", "missing_text", "text_not_string",
        "invalid_utf16", "binary", "invalid_utf8", "text_not_string", None,
    ]
    assert [r["id"] for r in results] == ["-:1", "x", "x", "y", "z", "-:6", "-:7", "-:8", "-:9", "w"]
    for r in results:
        if "error" in r:
            assert set(r) == {"id", "error"} and set(r["error"]) == {"kind", "message"}
            assert r["id"] in r["error"]["message"] or "item" in r["error"]["message"]
        else:
            assert r["quotes"][0]["speaker"]["name"] == "the mayor"
    # The JSON-representable ones give the CLI's kinds for the same records.
    lines = run_cli(cli, ["extract", "--jsonl", "-"], stdin=jsonl(items[1:5]))
    assert [json.loads(l).get("error", {}).get("kind") for l in lines] == kinds[1:5]


@pytest.mark.parametrize(
    "text, kind",
    [(b"ab\xffcd", "invalid_utf8"), (b"ab\x00cd", "binary"), ("a \ud800 b", "invalid_utf8"), (12, "text_not_string")],
)
def test_extract_raises_a_typed_error_naming_the_document(text: Any, kind: str) -> None:
    with pytest.raises(whosaid.Error) as caught:
        whosaid.extract(text, id="doc-7")
    assert caught.value.kind == kind and caught.value.id == "doc-7"
    assert "doc-7" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_bytes_are_decoded_as_the_cli_decodes_a_file() -> None:
    text = "“It will take ten years,” said Mich Mathews."
    expected = whosaid.extract(text)
    assert whosaid.extract(b"\xef\xbb\xbf" + text.encode()) == expected
    assert whosaid.extract(b"\xff\xfe" + text.encode("utf-16-le")) == expected


def test_spans_index_python_strings(corpus_paths: List[str]) -> None:
    for path in corpus_paths:
        text = read(path)
        data = text.encode("utf-8")
        for q in whosaid.extract(text)["quotes"]:
            assert text[q["span"]["start"] : q["span"]["end"]] == q["text"]
            assert data[q["byte_span"]["start"] : q["byte_span"]["end"]].decode() == q["text"]


def test_sentences_equal_the_cli(cli: str, corpus_paths: List[str]) -> None:
    lines = run_cli(cli, ["sentences", *corpus_paths])
    for path, line in zip(corpus_paths, lines):
        assert whosaid.sentences(read(path)) == json.loads(line)["sentences"], path
    doc = whosaid.extract(read(corpus_paths[0]))
    sentences = whosaid.sentences(read(corpus_paths[0]))
    for q in doc["quotes"]:
        s = sentences[q["sentence"]]["span"]
        assert s["start"] <= q["span"]["start"] < s["end"]


def test_the_gil_is_released_while_rust_works() -> None:
    # Prose with few quotes: the time goes into extraction, not into building the result.
    text = "The council met on Tuesday and the members talked about the budget. " * 300_000
    done = threading.Event()
    took: List[float] = []

    def work() -> None:
        started = time.perf_counter()
        whosaid._native.extract(text)  # the Rust call alone, without json.loads
        took.append(time.perf_counter() - started)
        done.set()

    worker = threading.Thread(target=work)
    last, longest_gap, ticks = time.perf_counter(), 0.0, 0
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        longest_gap, last, ticks = max(longest_gap, now - last), now, ticks + 1
        time.sleep(0.001)
    worker.join()
    # Had the call held the GIL, this loop would have stalled for the whole call.
    assert took[0] > 0.1, "the text is too small to tell"
    assert longest_gap < took[0] / 2 and ticks > 10


def test_public_api_is_documented_and_typed() -> None:
    stubs = (Path(whosaid.__file__).parent / "__init__.pyi").read_text()
    assert (Path(whosaid.__file__).parent / "py.typed").exists()
    for name in whosaid.__all__:
        obj = getattr(whosaid, name)
        assert name in stubs
        if callable(obj):
            assert obj.__doc__ and len(obj.__doc__) > 40, name
    empty = whosaid.extract("")
    assert empty == {"id": "-", "schema_version": 2, "quotes": [], "speakers": []}
    assert whosaid.SCHEMA_VERSION == 2


def test_an_unknown_class_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown class"):
        whosaid.extract("x", include="stances")
    with pytest.raises(ValueError, match="unknown class"):
        list(whosaid.extract_many(["x"], include=["speech", "beliefs"]))


@pytest.mark.parametrize("rules", [["NOPE"], ["ATT001", "att999"], [], ""])
def test_an_unknown_or_missing_rule_id_is_a_value_error(rules: Any) -> None:
    with pytest.raises(ValueError, match="the rules are ATT001, ATT002"):
        whosaid.extract("\u201cYes,\u201d Ann Lee said.", rules=rules)
    with pytest.raises(ValueError, match="the rules are ATT001"):
        list(whosaid.extract_many(["x"], rules=rules))


def test_known_rule_ids_are_taken_in_any_case() -> None:
    doc = whosaid.extract("\u201cYes,\u201d Ann Lee said.", rules=["att001"])
    assert doc["quotes"][0]["rule"] == "ATT001"


def test_the_namespace_is_the_api_and_the_version_is_the_package_version() -> None:
    import importlib.metadata

    public = {name for name in dir(whosaid) if not name.startswith("_")}
    assert public == set(whosaid.__all__) - {"__version__"}, public ^ set(whosaid.__all__)
    assert whosaid.__version__ == importlib.metadata.version("whosaid")
    stubs = (Path(whosaid.__file__).parent / "__init__.pyi").read_text()
    assert '"lead": NotRequired[Part]' in stubs
    assert "def extract_table(" in stubs and "__version__: str" in stubs


HOUSE_PATTERNS = """\
pattern HOUSE01 name-speaking-to-colon-quote
  kind       direct
  match      $SPEAKER{name|desc} , $CUE{speaking} (to|at|with) _{1,6} : $QUOTE
  example    Maria Lopez, speaking to reporters on Monday: “We are out of money.”
    speaker  Maria Lopez
"""


def test_patterns_add_a_rule_as_the_cli_does(tmp_path: Path) -> None:
    pat = tmp_path / "house.pat"
    pat.write_text(HOUSE_PATTERNS, encoding="utf-8")
    text = "Maria Lopez, speaking to reporters on Monday: “We are out of money.”"
    assert whosaid.extract(text)["quotes"][0]["rule"] is None
    for patterns in (pat, str(pat), [pat]):
        record = whosaid.extract(text, patterns=patterns)
        assert record["quotes"][0]["rule"] == "HOUSE01"
        assert record["quotes"][0]["speaker"]["name"] == "Maria Lopez"
    [many] = list(whosaid.extract_many([text], patterns=pat, rules=["HOUSE01"]))
    assert many["quotes"][0]["rule"] == "HOUSE01"
    with pytest.raises(ValueError, match="unknown rule ID HOUSE01"):
        whosaid.extract(text, rules=["HOUSE01"])


def test_a_mistake_in_a_pattern_file_is_a_value_error_naming_line_and_column(
    tmp_path: Path,
) -> None:
    pat = tmp_path / "bad.pat"
    pat.write_text(HOUSE_PATTERNS.replace("_{1,6}", "@nope"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.pat:3:.*unknown class `@nope`"):
        whosaid.extract("“Yes,” Lee said.", patterns=pat)
    with pytest.raises(OSError, match="cannot read the pattern file"):
        whosaid.extract("“Yes,” Lee said.", patterns=tmp_path / "missing.pat")
