"""The measurements of bench/python.sh: python3 bench/python_bench.py CORPUS.jsonl WHOSAID RUNS."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import whosaid
from whosaid import _native

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples" / "spark"))


def best(runs: int, work: Callable[[], None]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    corpus, binary, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    size = os.path.getsize(corpus)
    with open(corpus, encoding="utf-8") as f:
        lines = f.read().splitlines()
    docs = len(lines)
    print(f"corpus: {corpus} ({size / 1e6:.1f} MB, {docs} docs); best of {runs}")
    print(f"{'what':44} {'cores':>5} {'MB/s':>8} {'docs/s':>9} {'MB/s/core':>10} {'docs/s/core':>12}")

    def report(what: str, cores: int, seconds: float) -> None:
        mbs, dps = size / 1e6 / seconds, docs / seconds
        print(f"{what:44} {cores:5d} {mbs:8.1f} {dps:9.0f} {mbs / cores:10.1f} {dps / cores:12.0f}")

    def cli(threads: int) -> Callable[[], None]:
        def run() -> None:
            with open(corpus, "rb") as stdin:
                subprocess.run(
                    [binary, "extract", "--jsonl", "--quiet", "--threads", str(threads), "-"],
                    stdin=stdin, stdout=subprocess.DEVNULL, check=False,
                )
        return run

    report("CLI extract --threads 1", 1, best(runs, cli(1)))
    report("CLI extract --threads 2", 2, best(runs, cli(2)))

    # Reading and parsing the JSON Lines is part of every figure, as it is for the CLI.
    def loop() -> None:
        for line in lines:
            record = json.loads(line)
            whosaid.extract(record["text"], id=record["id"])

    def loop_native() -> None:
        for line in lines:
            record = json.loads(line)
            _native.extract(record["text"], record["id"])

    report("Python extract() loop", 1, best(runs, loop))
    report("  the same, JSON text only (no json.loads)", 1, best(runs, loop_native))

    def many(threads: int) -> Callable[[], None]:
        def run() -> None:
            for _ in whosaid.extract_many((json.loads(line) for line in lines), threads=threads):
                pass
        return run

    report("Python extract_many(threads=1)", 1, best(runs, many(1)))
    report("Python extract_many(threads=2)", 2, best(runs, many(2)))

    from pyspark.sql import SparkSession
    import quotes

    started = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]").appName("whosaid-bench")
        .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g").getOrCreate()
    )
    startup = time.perf_counter() - started
    out = tempfile.mkdtemp(prefix="whosaid-spark-")
    try:
        def job() -> None:
            quotes.write(quotes.documents_frame(spark, corpus), out)
        seconds = best(runs, job)
        report("Spark local[2] job (Parquet + JSON Lines)", 2, seconds)
        report("  the same, with Spark's start-up", 2, seconds + startup)
    finally:
        spark.stop()
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
