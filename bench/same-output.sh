#!/usr/bin/env bash
# Checks that two whosaid binaries give byte-identical output: `extract --include all` over
# corpus/ (every .txt) and over the PolNeAR train+dev and news-dev JSON Lines sets.
#
# Usage (from anywhere):  bench/same-output.sh BASE_BIN NEW_BIN [JSONL ...]
# Without JSONL arguments the sets are $EVAL_DIR/polnear-train-dev.jsonl and
# $EVAL_DIR/news-dev.jsonl, EVAL_DIR defaulting to ../shared/eval relative to the repository.
# Outputs go to bench/out/same-output/ (gitignored); the exit status is 0 only when every
# output is identical.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: bench/same-output.sh BASE_BIN NEW_BIN [JSONL ...]" >&2
    exit 2
fi
base=$(realpath "$1")
new=$(realpath "$2")
shift 2
for bin in "$base" "$new"; do
    [ -x "$bin" ] || { echo "same-output: not an executable: $bin" >&2; exit 2; }
done

cd "$(dirname "$0")/.."
EVAL_DIR=${EVAL_DIR:-../shared/eval}
if [ $# -eq 0 ]; then
    set -- "$EVAL_DIR/polnear-train-dev.jsonl" "$EVAL_DIR/news-dev.jsonl"
fi
for f in "$@"; do
    [ -r "$f" ] || { echo "same-output: cannot read $f (set EVAL_DIR or pass the files)" >&2; exit 2; }
done

OUT=bench/out/same-output
mkdir -p "$OUT"
status=0
compare() {  # name, then the extract arguments
    local name=$1; shift
    "$base" extract --include all --quiet "$@" >"$OUT/$name.base" 2>"$OUT/$name.base.err" || true
    "$new" extract --include all --quiet "$@" >"$OUT/$name.new" 2>"$OUT/$name.new.err" || true
    if cmp -s "$OUT/$name.base" "$OUT/$name.new" && cmp -s "$OUT/$name.base.err" "$OUT/$name.new.err"; then
        printf 'same       %-28s %10s bytes of output\n' "$name" "$(stat -c %s "$OUT/$name.new")"
    else
        printf 'DIFFERENT  %-28s ' "$name"
        cmp "$OUT/$name.base" "$OUT/$name.new" || cmp "$OUT/$name.base.err" "$OUT/$name.new.err" || true
        status=1
    fi
}

compare corpus corpus/
for f in "$@"; do
    compare "$(basename "$f" .jsonl)" --jsonl "$f"
done
exit $status
