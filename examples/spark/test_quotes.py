"""The Spark job in local[2] over corpus/: its rows are the CLI's quotes for the same documents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import quotes  # noqa: E402  (the job, imported)

REPO = Path(__file__).resolve().parents[2]
Key = Tuple[str, str, int, str]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("whosaid-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield session
    session.stop()


def cli() -> str:
    binary = os.environ.get("WHOSAID_BIN")
    if binary:
        return binary
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    return str(REPO / "target" / "release" / "whosaid")


def key(doc_id: str, meta: Dict[str, Any], index: int, quote: Dict[str, Any]) -> Key:
    # Spark reads metadata schema-on-read: a field absent from a record comes back null.
    meta = {k: v for k, v in meta.items() if v is not None}
    return (doc_id, json.dumps(meta, sort_keys=True), index, json.dumps(quote, sort_keys=True))


def quote_of(row: Dict[str, Any]) -> Dict[str, Any]:
    # The CLI leaves out a lead it does not have; a row holds null there.
    return {
        field.name: row[field.name]
        for field in quotes.QUOTE
        if not (field.name == "lead" and row[field.name] is None)
    }


def test_rows_equal_the_cli_quotes(spark: Any, tmp_path: Path) -> None:
    records: List[Dict[str, Any]] = []
    for n, path in enumerate(sorted((REPO / "corpus").rglob("*.txt"))):
        record: Dict[str, Any] = {"id": path.relative_to(REPO).as_posix(), "text": path.read_text("utf-8")}
        record["source"] = path.parent.name
        if n % 2:
            record["year"] = 2000 + n
        records.append(record)
    records.append({"id": "no-text", "source": "broken"})
    docs = tmp_path / "docs.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    lines.insert(5, "{not json\n")
    docs.write_text("".join(lines), "utf-8")

    done = subprocess.run(
        [cli(), "extract", "--jsonl", "--quiet", str(docs)], capture_output=True, text=True, check=False
    )
    expected: Set[Key] = set()
    expected_errors = set()
    for line in done.stdout.splitlines():
        doc = json.loads(line)
        if "error" in doc:
            expected_errors.add((doc["id"], doc["error"]["kind"]))
            continue
        for n, quote in enumerate(doc["quotes"]):
            expected.add(key(doc["id"], doc["meta"], n, quote))
    # The CLI names a malformed line by its place ("FILE:6"); Spark cannot know the line.
    assert len(expected) > 150
    assert expected_errors == {("no-text", "missing_text"), (f"{docs}:6", "malformed_json")}

    out = tmp_path / "out"
    frame = quotes.documents_frame(spark, str(docs), partitions=3)
    assert quotes.write(frame, str(out)) == (len(expected), 2)

    parquet = spark.read.parquet(str(out / "quotes.parquet")).collect()
    from_parquet = [r.asDict(recursive=True) for r in parquet]
    rows = {key(r["id"], r["meta"], r["quote_index"], quote_of(r)) for r in from_parquet}
    assert sorted(rows) == sorted(expected)
    assert len(from_parquet) == len(expected)

    from_json = [
        json.loads(line)
        for part in sorted((out / "quotes.jsonl").glob("part-*"))
        for line in part.read_text("utf-8").splitlines()
    ]
    assert sorted(key(r["id"], r["meta"], r["quote_index"], quote_of(r)) for r in from_json) == sorted(expected)

    errors = [
        json.loads(line)
        for part in (out / "errors.jsonl").glob("part-*")
        for line in part.read_text("utf-8").splitlines()
    ]
    assert sorted(e["kind"] for e in errors) == ["malformed_json", "missing_text"]
    for error in errors:
        assert error["id"] in error["message"]
        if error["kind"] == "missing_text":
            assert error["id"] == "no-text"
        else:
            assert "{not json" in error["message"]
