#!/usr/bin/env bash
# Benchmark of `whosaid db build`: throughput (MB/s, docs/s) and database size on a large
# JSON Lines corpus, next to `whosaid extract` on the same file; then a rebuild over the same
# file (every document unchanged) and `db search`.
#
# Usage:  bench/db.sh                  # 200 MB corpus (SIZE_MB=100 for a smaller one)
#         THREADS=1 bench/db.sh        # extraction threads for both commands (default: all)
#         BIN=path/to/whosaid bench/db.sh
# The corpus is the one bench/corpus.sh builds (every corpus text as one record, cycled, with
# unique ids), generated the same way into bench/out/ (gitignored) and reused when present.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-200}
OUT=bench/out
mkdir -p "$OUT"

if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet
    BIN=target/release/whosaid
fi
THREADS_ARG=()
[ -n "${THREADS:-}" ] && THREADS_ARG=(--threads "$THREADS")

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

bytes=$(stat -c %s "$NEWS")
docs=$(wc -l <"$NEWS")
rate() {  # seconds → "MB/s docs/s"
    awk -v b="$bytes" -v d="$docs" -v s="$1" \
        'BEGIN { if (s < 0.01) s = 0.01; printf "%7.1f MB/s %9.0f docs/s (%.1f s)", b/1e6/s, d/s, s }'
}
seconds() {  # runs the command, prints its wall time in seconds
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || [ $? -eq 1 ]
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}

DB="$OUT/quotes-${SIZE_MB}MB.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "load: $(uptime)"
echo "corpus: $NEWS ($((bytes / 1000000)) MB, $docs docs)"
printf '%-26s %s\n' "extract" "$(rate "$(seconds "$BIN" extract --jsonl --quiet "${THREADS_ARG[@]}" "$NEWS")")"
printf '%-26s %s\n' "db build (new database)" "$(rate "$(seconds "$BIN" db build --db "$DB" --jsonl --quiet "${THREADS_ARG[@]}" "$NEWS")")"
printf '%-26s %s\n' "db build (unchanged)" "$(rate "$(seconds "$BIN" db build --db "$DB" --jsonl --quiet "${THREADS_ARG[@]}" "$NEWS")")"
size=$(( $(stat -c %s "$DB") + $(stat -c %s "$DB-wal" 2>/dev/null || echo 0) ))
echo "database size: $((size / 1000000)) MB ($(awk -v s="$size" -v b="$bytes" 'BEGIN { printf "%.2f", s / b }') × the input)"
start=$(date +%s.%N)
"$BIN" db search --db "$DB" "customers happy" >/dev/null
echo "db search: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f s", b - a }')"
"$BIN" db stats --db "$DB" | head -7
