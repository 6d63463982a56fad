#!/usr/bin/env bash
# Throughput of the CLI, the Python package and the Spark job on the same generated corpus:
# docs/s and MB/s (MB of JSON Lines input), per core where it applies.
#
# Usage:  bench/python.sh                 # 50 MB corpus, best of RUNS=1
#         SIZE_MB=100 RUNS=3 bench/python.sh
# Needs the venv of python/ci.sh (target/python-ci-venv, with the package and pyspark
# installed; VENV=... for another). The corpus is built by bench/gen_corpus.py, as for bench/corpus.sh (every
# corpus text as one record, cycled, unique ids) into bench/out/ (gitignored), and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-50}
RUNS=${RUNS:-1}
VENV=${VENV:-target/python-ci-venv}
OUT=bench/out
mkdir -p "$OUT"

cargo build --release --quiet
BIN=target/release/whosaid
NEWS="$OUT/news-${SIZE_MB}MB.jsonl"
python3 bench/gen_corpus.py "$NEWS" "$SIZE_MB"  # reused when present

if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
fi
export PYSPARK_PYTHON=$PWD/$VENV/bin/python
echo "load: $(uptime)"
"$VENV/bin/python" bench/python_bench.py "$NEWS" "$BIN" "$RUNS"
