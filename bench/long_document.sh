#!/usr/bin/env bash
# One long news document: every corpus/ text, one after the other, cycled into a single
# plain-text document of about 7.5 MB and of 60 MB (8 times as much), then `whosaid extract`
# on each, one thread. Prints CPU seconds (user+sys), MB/s, peak RSS and peak RSS per input
# byte at each size, and the 60 / 7.5 CPU ratio (linear cost: about 8; fails above 9).
#
# Usage:  bench/long_document.sh                 # builds the release binary first
#         BIN=path/to/whosaid bench/long_document.sh
# The documents go to bench/out/long/ (gitignored) and are reused when present.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=bench/out/long
mkdir -p "$OUT"

if ! [ -x /usr/bin/time ]; then
    echo "installing Debian's time package for /usr/bin/time" >&2
    apt-get install -y time >/dev/null || sudo apt-get install -y time >/dev/null
fi
if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet
    BIN=target/release/whosaid
fi

# Writes corpus/ texts, cycled and separated by a blank line, to $1 until it holds $2 bytes.
generate() {
    [ -s "$1" ] && return
    python3 - "$1" "$2" <<'PY'
import pathlib, sys
out, size = pathlib.Path(sys.argv[1]), int(sys.argv[2])
texts = [p.read_text(encoding="utf-8").strip() + "\n\n"
         for p in sorted(pathlib.Path("corpus").rglob("*.txt"))]
parts, n, i = [], 0, 0
while n < size:
    parts.append(texts[i % len(texts)])
    n += len(parts[-1].encode("utf-8"))
    i += 1
pathlib.Path(str(out) + ".tmp").write_text("".join(parts), encoding="utf-8")
pathlib.Path(str(out) + ".tmp").rename(out)
PY
}
generate "$OUT/news-7.5MB.txt" 7500000
generate "$OUT/news-60MB.txt" 60000000

echo "load: $(uptime)"
printf '%-16s %8s %8s %10s %12s\n' document "CPU s" "MB/s" "peak RSS" "RSS/input"
declare -A cpu
for size in 7.5MB 60MB; do
    f="$OUT/news-$size.txt"
    bytes=$(stat -c %s "$f")
    read -r s rss <<<"$(/usr/bin/time -f '%U %S %M' "$BIN" extract --quiet --threads 1 "$f" 2>&1 >/dev/null |
        tail -1 | awk '{ printf "%.2f %d\n", $1 + $2, $3 }')"
    cpu[$size]=$s
    awk -v name="news-$size" -v s="$s" -v kb="$rss" -v b="$bytes" 'BEGIN {
        printf "%-16s %8.2f %8.1f %7.0f MB %11.1f×\n", name, s, b / 1e6 / (s < 0.01 ? 0.01 : s), kb / 1024, kb * 1024 / b }'
done
ratio=$(awk -v a="${cpu[7.5MB]}" -v b="${cpu[60MB]}" 'BEGIN { printf "%.1f", b / (a < 0.01 ? 0.01 : a) }')
echo "CPU 60 MB / 7.5 MB: $ratio"
awk -v r="$ratio" 'BEGIN { exit !(r <= 9) }' || { echo "SUPERLINEAR" >&2; exit 1; }
