"""Quotes of a JSON Lines corpus on Spark: one row per quote, written as Parquet and JSON Lines.

Input: JSON Lines documents ``{"id": ..., "text": ..., <any metadata>}`` (a file, a folder or
a glob). Output, under OUTPUT:

- ``quotes.parquet/`` and ``quotes.jsonl/``: one row per quote: ``id`` (the document's),
  ``meta`` (the document's other fields, as Spark reads them), ``quote_index`` (its place in
  the document's ``quotes``) and the quote's own fields, named and typed as in
  ``whosaid extract`` (``text``, ``kind``, ``span``, ``byte_span``, ``sentence``, ``speaker``,
  ``cue``, ``rule``, ``confidence``);
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
import os
import sys
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

SPAN = T.StructType([T.StructField("start", T.LongType()), T.StructField("end", T.LongType())])

#: The quote's fields, as in the CLI's JSON (`src/output/mod.rs`).
QUOTE = [
    T.StructField("text", T.StringType()),
    T.StructField("kind", T.StringType()),
    T.StructField("span", SPAN),
    T.StructField("byte_span", SPAN),
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
    T.StructField(
        "cue",
        T.StructType(
            [
                T.StructField("text", T.StringType()),
                T.StructField("span", SPAN),
                T.StructField("byte_span", SPAN),
            ]
        ),
    ),
    T.StructField("rule", T.StringType()),
    T.StructField("confidence", T.DoubleType()),
]

#: Set on the rows that stand for a failed document (and null on quote rows).
ERROR = [T.StructField("error_kind", T.StringType()), T.StructField("error_message", T.StringType())]

#: Spark's column for the input lines that are not JSON (read in PERMISSIVE mode).
CORRUPT = "_corrupt_record"

#: Documents handed to the extractor at once within a partition.
CHUNK = 256


def _span(span: Dict[str, int]) -> Tuple[int, int]:
    return (span["start"], span["end"])


def quote_values(quote: Dict[str, Any]) -> Tuple[Any, ...]:
    """The quote's fields in the order of :data:`QUOTE`."""
    speaker, cue = quote["speaker"], quote["cue"]
    return (
        quote["text"],
        quote["kind"],
        _span(quote["span"]),
        _span(quote["byte_span"]),
        quote["sentence"],
        None
        if speaker is None
        else (speaker["name"], speaker["mention"], _span(speaker["span"]), _span(speaker["byte_span"])),
        None if cue is None else (cue["text"], _span(cue["span"]), _span(cue["byte_span"])),
        quote["rule"],
        quote["confidence"],
    )


def extract_partition(
    meta_columns: Sequence[str], threads: int
) -> Any:
    """The function `mapPartitions` runs: input rows in, one output tuple per quote or error."""

    def run(index: int, rows: Iterable[Any]) -> Iterator[Tuple[Any, ...]]:
        import whosaid  # on the executor

        no_quote = (None,) * len(QUOTE)
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
                # Unique across the job: the partition and the row's place in it.
                doc_id = fields.get("id")
                item: Dict[str, Any] = {"id": f"partition-{index}:{position}" if doc_id is None else doc_id}
                if fields.get(CORRUPT) is not None:
                    item["text"] = None  # reported below as malformed_json
                elif fields.get("text") is not None:
                    item["text"] = fields["text"]
                items.append(item)
            for row, item, record in zip(chunk, items, whosaid.extract_many(items, threads=threads)):
                meta = tuple(row[c] for c in meta_columns)
                if row.asDict().get(CORRUPT) is not None:
                    message = f"{record['id']}: not valid JSON: {row[CORRUPT][:80]!r}"
                    yield (record["id"], meta, None, *no_quote, "malformed_json", message)
                elif "error" in record:
                    error = record["error"]
                    yield (record["id"], meta, None, *no_quote, error["kind"], error["message"])
                else:
                    for n, quote in enumerate(record["quotes"]):
                        yield (record["id"], meta, n, *quote_values(quote), None, None)

    return run


def quotes_frame(
    spark: SparkSession, input_path: str, partitions: Optional[int] = None, threads: int = 1
) -> DataFrame:
    """One row per quote (and one per failed document, with `error_kind` set)."""
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
    meta_type = T.StructType([docs.schema[c] for c in meta_columns])
    fields = [T.StructField("id", T.StringType()), T.StructField("quote_index", T.IntegerType())]
    if meta_columns:  # Parquet cannot store an empty struct
        fields.insert(1, T.StructField("meta", meta_type))
    schema = T.StructType(fields + QUOTE + ERROR)
    run = extract_partition(meta_columns, threads)
    rows = docs.rdd.mapPartitionsWithIndex(run)
    if not meta_columns:
        rows = rows.map(lambda r: (r[0], *r[2:]))
    # The rows are built to the schema above; checking each one again in Python is slow.
    return spark.createDataFrame(rows, schema, verifySchema=False)


def write(frame: DataFrame, output: str) -> Tuple[int, int]:
    """Writes quotes (Parquet and JSON Lines) and errors under `output`; their counts."""
    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
    quotes = frame.where(F.col("error_kind").isNull()).drop("error_kind", "error_message")
    errors = frame.where(F.col("error_kind").isNotNull()).select(
        "id", F.col("error_kind").alias("kind"), F.col("error_message").alias("message")
    )
    quotes.write.mode("overwrite").parquet(f"{output}/quotes.parquet")
    # Null fields stay in the JSON (speaker, cue, rule), as in the CLI's records.
    quotes.write.mode("overwrite").option("ignoreNullFields", "false").json(f"{output}/quotes.jsonl")
    errors.write.mode("overwrite").json(f"{output}/errors.jsonl")
    counts = quotes.count(), errors.count()
    frame.unpersist()
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
        frame = quotes_frame(spark, args.input, args.partitions, args.threads_per_task)
        quotes, errors = write(frame, args.output)
    finally:
        spark.stop()
    print(f"whosaid: {quotes} quotes, {errors} failed documents, in {args.output}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
