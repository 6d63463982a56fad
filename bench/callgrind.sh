#!/usr/bin/env bash
# Instructions per input byte of `whosaid extract` (whole process, one thread) under
# callgrind, with the functions that cost most (inclusive, per input byte).
#
# Usage:  bench/callgrind.sh                 # the 5 MB news slice (bench/out/news-5MB.jsonl)
#         bench/callgrind.sh FILE.jsonl      # another JSON Lines input
#         LONG=1 bench/callgrind.sh          # long documents: the same texts joined into
#                                            # 1.2 MB documents (bench/out/news-long.jsonl)
#         BIN=path/to/whosaid bench/callgrind.sh   # measure another build (no cargo build)
#         TOP=60 bench/callgrind.sh          # how many functions to list (default 40)
# Generated inputs and callgrind.out files go to bench/out/ (gitignored).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
TOP=${TOP:-40}

if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet
    BIN=target/release/whosaid
fi

python3 bench/gen_corpus.py "$OUT/news-5MB.jsonl" 5  # reused when present
if [ $# -gt 0 ]; then
    INPUT=$1
elif [ -n "${LONG:-}" ]; then
    INPUT=$OUT/news-long.jsonl
    # Four documents of about 1.2 MB, each the news slice's texts joined as paragraphs.
    [ -s "$INPUT" ] || python3 - "$OUT/news-5MB.jsonl" "$INPUT" <<'PY'
import json, sys
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2] + ".tmp", "w", encoding="utf-8") as f:
    doc, size, n = [], 0, 0
    for t in texts:
        doc.append(t)
        size += len(t.encode("utf-8")) + 2
        if size >= 1_200_000:
            f.write(json.dumps({"id": "long-%d" % n, "text": "\n\n".join(doc)}, ensure_ascii=False) + "\n")
            doc, size, n = [], 0, n + 1
            if n == 4:
                break
import os
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
PY
else
    INPUT=$OUT/news-5MB.jsonl
fi

bytes=$(stat -c %s "$INPUT")
cg="$OUT/callgrind.$(basename "$INPUT" .jsonl).out"
valgrind --tool=callgrind --callgrind-out-file="$cg" \
    "$BIN" extract --jsonl "$INPUT" --quiet --threads 1 >/dev/null 2>"$OUT/callgrind.log"
total=$(callgrind_annotate "$cg" | awk '/PROGRAM TOTALS/ && !t { gsub(",", "", $1); t = $1 } END { print t }')
echo "input: $INPUT ($bytes bytes, $(wc -l <"$INPUT") documents)"
awk -v t="$total" -v b="$bytes" 'BEGIN { printf "total: %.0f instructions, %.1f instructions/byte\n", t, t / b }'
echo "top $TOP functions, inclusive instructions per input byte:"
callgrind_annotate --inclusive=yes "$cg" 2>/dev/null \
    | awk -v b="$bytes" -v top="$TOP" '
        /^ *[0-9,]+ +\(/ && !/PROGRAM TOTALS/ && n < top {
            ir = $1; gsub(",", "", ir)
            line = $0; sub(/^ *[0-9,]+ +\([^)]*\) +/, "", line)
            sub(/ \[[^]]*\]$/, "", line); sub(/^[^ ]*\.(rs|S|c|h):/, "", line)
            printf "%8.1f  %s\n", ir / b, substr(line, 1, 150); n++
        }'
