"""Quotes of a JSON Lines corpus on Spark: one row per quote, written as Parquet and JSON Lines.

Input: JSON Lines documents ``{"id": ..., "text": ..., <any metadata>}`` (a file, a folder or
a glob). Output, under OUTPUT:

- ``quotes.parquet/`` and ``quotes.jsonl/``: one row per quote: ``id`` (the document's),
  ``meta`` (the document's other fields, as Spark reads them), ``quote_index`` (its place in
  the document's ``quotes``) and the quote's own fields, named and typed as in
  ``whosaid extract`` (``text``, ``kind``, ``class``, ``span``, ``byte_span``, ``lead``, ``sentence``,
  ``speaker``, ``cue``, ``rule``, ``confidence``; ``lead`` is null where the CLI leaves it out);
- ``errors.jsonl/``: ``{"id", "kind", "message"}`` per document that could not be processed
  (the CLI's error kinds; the other documents go on).

Extraction runs on the executors through the ``whosaid`` Python package, inside
``mapPartitions``: one extractor per partition, no subprocess, no binary to ship next to the
wheel, and the metadata keeps its Spark types because it never leaves the row.

    spark-submit examples/spark/quotes.py docs.jsonl out/
    python examples/spark/quotes.py --master 'local[2]' docs.jsonl out/
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

SPAN = T.StructType([T.StructField("start", T.LongType()), T.StructField("end", T.LongType())])

#: A piece of text with its spans: the cue and the lead.
TEXT_SPAN = T.StructType(
    [
        T.StructField("text", T.StringType()),
        T.StructField("span", SPAN),
        T.StructField("byte_span", SPAN),
    ]
)

#: The quote's fields, as in the CLI's JSON (`src/output/mod.rs`).
QUOTE = [
    T.StructField("text", T.StringType()),
    T.StructField("kind", T.StringType()),
    T.StructField("class", T.StringType()),
    T.StructField("span", SPAN),
    T.StructField("byte_span", SPAN),
    # Only for content its attribution interrupts; the CLI leaves it out when absent, a row
    # holds null.
    T.StructField("lead", TEXT_SPAN),
    T.StructField("sentence", T.LongType()),
    T.StructField(
        "speaker",
        T.StructType(
            [
                T.StructField("name", T.StringType()),
                T.StructField("mention", T.StringType()),
                T.StructField("span", SPAN),
                T.StructField("byte_span", SPAN),
            ]
        ),
    ),
    T.StructField("cue", TEXT_SPAN),
    T.StructField("rule", T.StringType()),
    T.StructField("confidence", T.DoubleType()),
]

#: One document's result: the CLI's record (its quotes) or its error record (its error).
RESULT = T.StructType(
    [
        T.StructField("id", T.StringType()),
        T.StructField("quotes", T.ArrayType(T.StructType(QUOTE))),
        T.StructField(
            "error",
            T.StructType([T.StructField("kind", T.StringType()), T.StructField("message", T.StringType())]),
        ),
    ]
)

#: Spark's column for the input lines that are not JSON (read in PERMISSIVE mode).
CORRUPT = "_corrupt_record"

#: Documents handed to the extractor at once within a partition.
CHUNK = 256


def extract_partition(meta_columns: Sequence[str], threads: int) -> Any:
    """The function `mapPartitionsWithIndex` runs: rows in, (*meta, result JSON) out.

    The result stays JSON text, as the Rust side wrote it, and the JVM parses it
    (`from_json`): much cheaper than building Python objects and converting them row by row.
    """

    def run(index: int, rows: Iterable[Any]) -> Iterator[Tuple[Any, ...]]:
        import whosaid  # on the executor

        rows = iter(rows)
        position = 0
        while True:
            chunk = list(itertools.islice(rows, CHUNK))
            if not chunk:
                return
            items: List[Dict[str, Any]] = []
            for row in chunk:
                position += 1
                fields = row.asDict()
                # A missing id is named by the partition and the row's place in it.
                doc_id = fields.get("id")
                item: Dict[str, Any] = {"id": f"partition-{index}:{position}" if doc_id is None else doc_id}
                if fields.get("text") is not None:
                    item["text"] = fields["text"]
                items.append(item)
            results = whosaid.extract_many_json(items, threads=threads)
            for row, result in zip(chunk, results):
                meta = tuple(row[c] for c in meta_columns)
                corrupt = row.asDict().get(CORRUPT)
                if corrupt is not None:
                    doc_id = json.loads(result)["id"]
                    message = f"{doc_id}: not valid JSON: {corrupt[:80]!r}"
                    result = json.dumps({"id": doc_id, "error": {"kind": "malformed_json", "message": message}})
                yield (*meta, result)

    return run


def documents_frame(
    spark: SparkSession, input_path: str, partitions: Optional[int] = None, threads: int = 1
) -> DataFrame:
    """One row per document: `id`, `meta` (the other input fields) and `result`, the parsed
    record (`result.quotes`, or `result.error` for a document that could not be processed)."""
    if __name__ != "__main__":
        # Imported (by a test, a notebook): the executors need this module for `run`.
        spark.sparkContext.addPyFile(os.path.abspath(__file__))
    docs = spark.read.json(input_path)
    if "text" not in docs.columns:
        raise SystemExit(f"{input_path}: no document has a `text` field")
    wanted = partitions or spark.sparkContext.defaultParallelism
    if partitions or docs.rdd.getNumPartitions() < wanted:
        docs = docs.repartition(wanted)
    meta_columns = [c for c in docs.columns if c not in ("id", "text", CORRUPT)]
    schema = T.StructType([docs.schema[c] for c in meta_columns] + [T.StructField("json", T.StringType())])
    rows = docs.rdd.mapPartitionsWithIndex(extract_partition(meta_columns, threads))
    # The rows are built to the schema above; checking each one again in Python is slow.
    frame = spark.createDataFrame(rows, schema, verifySchema=False)
    result = F.from_json("json", RESULT)
    columns = [result.getField("id").alias("id")]
    if meta_columns:  # Parquet cannot store an empty struct
        columns.append(F.struct(*meta_columns).alias("meta"))
    return frame.select(*columns, result.alias("result"))


def quote_rows(documents: DataFrame) -> DataFrame:
    """One row per quote: `id`, `meta`, `quote_index` and the quote's fields."""
    keep = [c for c in ("id", "meta") if c in documents.columns]
    exploded = documents.where(F.col("result.error").isNull()).select(
        *keep, F.posexplode("result.quotes").alias("quote_index", "quote")
    )
    return exploded.select(*keep, "quote_index", "quote.*")


def error_rows(documents: DataFrame) -> DataFrame:
    """One row per document that could not be processed: `id`, `kind`, `message`."""
    return documents.where(F.col("result.error").isNotNull()).select("id", "result.error.*")


def write(documents: DataFrame, output: str) -> Tuple[int, int]:
    """Writes quotes (Parquet and JSON Lines) and errors under `output`; their counts."""
    documents = documents.persist(StorageLevel.MEMORY_AND_DISK)
    quotes, errors = quote_rows(documents), error_rows(documents)
    quotes.write.mode("overwrite").parquet(f"{output}/quotes.parquet")
    # Null fields stay in the JSON (speaker, cue, rule), as in the CLI's records; so does a
    # null lead, which the CLI leaves out.
    quotes.write.mode("overwrite").option("ignoreNullFields", "false").json(f"{output}/quotes.jsonl")
    errors.write.mode("overwrite").json(f"{output}/errors.jsonl")
    counts = quotes.count(), errors.count()
    documents.unpersist()
    return counts


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", help="JSON Lines documents: a file, a folder or a glob")
    parser.add_argument("output", help="folder for quotes.parquet, quotes.jsonl and errors.jsonl")
    parser.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[2]")
    parser.add_argument("--partitions", type=int, help="repartition the documents into N parts")
    parser.add_argument(
        "--threads-per-task", type=int, default=1, help="extraction threads per Spark task (default 1)"
    )
    args = parser.parse_args(argv)
    builder = SparkSession.builder.appName("whosaid-quotes")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        frame = documents_frame(spark, args.input, args.partitions, args.threads_per_task)
        quotes, errors = write(frame, args.output)
    finally:
        spark.stop()
    print(f"whosaid: {quotes} quotes, {errors} failed documents, in {args.output}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
