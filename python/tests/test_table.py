"""`whosaid.extract_table`: the CLI's CSV as an Arrow table, typed, with nulls for what is absent."""

import csv
import io
import subprocess
from typing import List

import pyarrow as pa
import whosaid

from conftest import REPO, jsonl


def items(corpus_paths: List[str]) -> List[dict]:
    out = []
    for i, path in enumerate(corpus_paths):
        item = {"id": path, "text": (REPO / path).read_text(encoding="utf-8")}
        # Metadata of every type the CSV writes: a string, a number, nothing.
        if i % 3 == 0:
            item["url"] = f"https://news.test/{i}"
        if i % 3 == 1:
            item["date"] = 2024
        out.append(item)
    out.append({"id": "broken", "url": "https://news.test/broken"})
    return out


def test_the_table_holds_the_cli_csv_rows_with_nulls_for_empty_cells(
    cli: str, corpus_paths: List[str]
) -> None:
    docs = items(corpus_paths)
    table = whosaid.extract_table(docs)
    done = subprocess.run(
        [cli, "extract", "--jsonl", "-", "--format", "csv", "--quiet"],
        cwd=REPO,
        input=jsonl(docs).encode("utf-8"),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"), newline="")))
    assert table.num_rows == len(rows) > 100
    assert table.column_names == list(whosaid.TABLE_COLUMNS)
    assert table.column_names[:15] == list(rows[0].keys())
    for got, want in zip(table.to_pylist(), rows):
        for name, cell in want.items():
            value = got[name]
            if name == "confidence":
                assert value == (float(cell) if cell else None)
            elif name in ("start", "end"):
                assert value == (int(cell) if cell else None)
            elif name == "error":
                # The same kind; the message names an item, the CLI's a line.
                assert (value or "").split(":")[0] == cell.split(":")[0], (value, cell)
            else:
                assert value == (cell or None), (name, value, cell)
    assert table.column("error").to_pylist()[-1].startswith("missing_text: ")


def test_columns_are_typed_even_when_every_value_is_null() -> None:
    table = whosaid.extract_table(["Nobody is quoted here.", "\u201cWe will see,\u201d he said."])
    assert table.schema == pa.schema(
        [
            (name, pa.float64() if name == "confidence"
             else pa.int64() if name in ("start", "end") else pa.string())
            for name in whosaid.TABLE_COLUMNS
        ]
    )
    assert table.num_rows == 1
    row = table.to_pylist()[0]
    assert row["id"] == "-:2"
    assert row["quote"] == "We will see,"
    assert row["url"] is None and row["error"] is None and row["lead"] is None
    empty = whosaid.extract_table([])
    assert empty.num_rows == 0 and empty.schema == table.schema
    frame = table.to_pandas()
    assert list(frame.columns) == list(whosaid.TABLE_COLUMNS)
    assert frame["start"].dtype == "int64"


def test_a_report_interrupted_by_its_attribution_has_its_lead() -> None:
    text = "The plan, a council source said, is to close the bridge in May."
    table = whosaid.extract_table([text], include="all")
    leads = [r for r in table.to_pylist() if r["lead"] is not None]
    assert leads, table.to_pylist()
    assert leads[0]["kind"] == "indirect"
    assert leads[0]["lead"] == "The plan"
    assert leads[0]["class"] == "speech"


def test_one_text_is_one_document() -> None:
    table = whosaid.extract_table("\u201cYes,\u201d Ann Lee said.")
    assert table.column("speaker").to_pylist() == ["Ann Lee"]
