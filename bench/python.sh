#!/usr/bin/env bash
# Throughput of the CLI, the Python package and the Spark job on the same generated corpus:
# docs/s and MB/s (MB of JSON Lines input), per core where it applies.
#
# Usage:  bench/python.sh                 # 50 MB corpus, best of RUNS=1
#         SIZE_MB=100 RUNS=3 bench/python.sh
# Needs the venv of python/ci.sh (target/python-ci-venv, with the package and pyspark
# installed; VENV=... for another). The corpus is built as bench/corpus.sh builds it (every
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
if ! [ -s "$NEWS" ]; then
    echo "building $NEWS" >&2
    python3 - "$NEWS" "$SIZE_MB" <<'PY'
import json, pathlib, sys
out, size = sys.argv[1], int(sys.argv[2]) * 1000 * 1000
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("corpus").rglob("*.txt"))]
lines = [json.dumps({"id": "", "text": t, "url": "https://example.org/" + str(i)},
                    ensure_ascii=False) for i, t in enumerate(texts)]
written, n = 0, 0
with open(out + ".tmp", "w", encoding="utf-8") as f:
    while written < size:
        line = lines[n % len(lines)].replace('"id": ""', '"id": "doc-%d"' % n, 1) + "\n"
        f.write(line)
        written += len(line.encode("utf-8"))
        n += 1
pathlib.Path(out + ".tmp").rename(out)
PY
fi

if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
fi
export PYSPARK_PYTHON=$PWD/$VENV/bin/python
echo "load: $(uptime)"
"$VENV/bin/python" bench/python_bench.py "$NEWS" "$BIN" "$RUNS"
