#!/usr/bin/env bash
# Corpus benchmark of `whosaid extract`: throughput, docs/s and peak RSS on a large JSON
# Lines corpus built at run time from corpus/**/*.txt, with 1 and 2 threads, next to a plain
# one-pass baseline (`wc -l`) over the same file; then the same on pathological inputs.
#
# Usage:  bench/corpus.sh            # 500 MB corpus (SIZE_MB=1024 for 1 GB)
#         RUNS=3 bench/corpus.sh     # best wall time of 3 runs (peak RSS: the largest)
#         BIN=path/to/whosaid bench/corpus.sh   # measure another build (no cargo build)
# Everything generated goes to bench/out/ (gitignored). Generated files are reused when
# their size matches; delete bench/out/ to rebuild them.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-500}
OUT=bench/out
mkdir -p "$OUT"

# GNU time gives peak RSS; the shell keyword `time` does not.
if ! [ -x /usr/bin/time ]; then
    echo "installing Debian's time package for /usr/bin/time" >&2
    apt-get install -y time >/dev/null || sudo apt-get install -y time >/dev/null
fi

if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet
    BIN=target/release/whosaid
fi

# The news corpus: every corpus text as one record, cycled until SIZE_MB is reached.
NEWS="$OUT/news-${SIZE_MB}MB.jsonl"
python3 bench/gen_corpus.py "$NEWS" "$SIZE_MB"  # reused when present

# Pathological inputs, each a JSONL file of documents (one document for the long line).
python3 - "$OUT" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
def write(name, docs):
    path = out / (name + ".jsonl")
    if path.exists():
        return
    with open(str(path) + ".tmp", "w", encoding="utf-8") as f:
        for i, text in enumerate(docs):
            f.write(json.dumps({"id": "%s-%d" % (name, i), "text": text}, ensure_ascii=False) + "\n")
    pathlib.Path(str(path) + ".tmp").rename(path)
# One 50 MB line of words without any sentence end.
words = "the council voted on the plan and said it would cost more than expected "
write("long-line", [(words * (50_000_000 // len(words) + 1))[:50_000_000]])
# 100,000 unmatched opening quote marks in one document, repeated over 20 documents.
write("unmatched-quotes", ["He said \u201c"* 100_000] * 20)
# 10,000 nested quotes: alternating double and single marks, opened then closed.
nest = "".join("\u201c a \u2018 b " for _ in range(5_000)) + "".join(" c \u2019 d \u201d" for _ in range(5_000))
write("nested-quotes", [nest] * 40)
# One name, repeated: every token is a capitalised mention of the same person.
write("repeated-name", ["Scott Guthrie " * 100_000] * 10)
# Nothing but apostrophes (typographic and typewriter).
write("apostrophes", ["\u2019'" * 250_000] * 10)
# A long question-and-answer transcript with descriptions and no named person: every turn
# and every "the critics said" looks for persons that are not there.
qa = "Q: Who?\n\n" + "".join(
    "A: Because nobody else was, and the critics said it would fail.\n\nQ: Why %d?\n\n" % i
    for i in range(40_000))
write("qa-transcript", [qa] * 3)
PY

# Prints MB/s, docs/s, peak RSS and CPU seconds (user+sys) of a command reading $1 on stdin:
# the best wall time of $RUNS runs, and the largest peak RSS.
RUNS=${RUNS:-1}
measure() {
    local input=$1; shift
    local bytes docs best="" rss=0 cpu=0
    bytes=$(stat -c %s "$input")
    docs=$(wc -l <"$input")
    for _ in $(seq "$RUNS"); do
        local stats
        stats=$( { /usr/bin/time -f '%e %M %U %S' "$@" <"$input" >/dev/null; } 2>&1 | tail -1 )
        local secs kb user sys
        read -r secs kb user sys <<<"$stats"
        if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then
            best=$secs
            cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
        fi
        [ "$kb" -gt "$rss" ] && rss=$kb
    done
    awk -v b="$bytes" -v d="$docs" -v s="$best" -v k="$rss" -v c="$cpu" \
        'BEGIN { if (s < 0.01) s = 0.01
                 printf "%8.1f MB/s %10.1f docs/s %7.1f MB peak RSS  (%.2f s wall, %.2f s CPU)\n",
                        b/1e6/s, d/s, k/1024, s, c }'
}

echo "load: $(uptime)"
echo "news corpus: $NEWS ($(($(stat -c %s "$NEWS") / 1000000)) MB, $(wc -l <"$NEWS") docs)"
printf '%-28s' "baseline wc -l";        measure "$NEWS" wc -l
printf '%-28s' "extract --threads 1";   one=$(measure "$NEWS" "$BIN" extract --jsonl --quiet --threads 1 -); echo "$one"
printf '%-28s' "extract --threads 2";   measure "$NEWS" "$BIN" extract --jsonl --quiet --threads 2 -
news=${one%% MB/s*}
echo "pathological inputs (--threads 1; each must reach a tenth of $news MB/s):"
for name in long-line unmatched-quotes nested-quotes repeated-name apostrophes qa-transcript; do
    f="$OUT/$name.jsonl"
    printf '  %-26s' "$name"
    line=$(measure "$f" "$BIN" extract --jsonl --quiet --threads 1 -)
    speed=${line%% MB/s*}
    verdict=$(awk -v p="$speed" -v n="$news" 'BEGIN { print (p * 10 >= n) ? "ok" : "TOO SLOW" }')
    echo "$line  $verdict"
done
