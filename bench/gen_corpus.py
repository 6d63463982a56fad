"""Builds the generated news corpus the benchmarks share (bench/corpus.sh, bench/db.sh,
bench/python.sh): every corpus text as one JSON Lines record, cycled until SIZE_MB is reached.
Ids are unique (duplicates are an error record, which would not measure extraction).

Usage (from the repository root):  python3 bench/gen_corpus.py OUT.jsonl SIZE_MB
A non-empty OUT.jsonl is kept as it is; delete it to rebuild it.
"""
import json
import pathlib
import sys

out, size = sys.argv[1], int(sys.argv[2]) * 1000 * 1000
if pathlib.Path(out).exists() and pathlib.Path(out).stat().st_size > 0:
    sys.exit(0)
print("building " + out, file=sys.stderr)
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
