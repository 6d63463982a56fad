#!/usr/bin/env python3
"""Builds a JSON Lines corpus whose quotes all come from a small vocabulary, for the
consolidation benchmark of bench/db.sh: every quote is a random run of words from WORDS (80 words), said
by one of a few people, so the same word pairs recur in nearly every quotation (the input on
which `db build` consolidation once grew with the square of the occurrences).

Usage (from the repository root):  python3 bench/gen_small_vocab.py OUT.jsonl OCCURRENCES
Each document holds QUOTES_PER_DOC quotes; the output is the same for the same arguments
(a fixed random seed). A non-empty OUT.jsonl is kept as it is; delete it to rebuild it.
"""
import json
import pathlib
import random
import sys

WORDS = ("we will need more time to make the plan work for every family and town so that "
         "people can trust what council does next year our new school road water tax money "
         "jobs city state they are not going into this with any fear about how much it costs "
         "but all of us know must be done before winter comes back here again as promised "
         "by those who said yes when asked if people would pay less or more than last spring").split()
NAMES = ["Ann Lee", "Tom Hart", "Maria Soto", "Raj Patel", "Jo Brand", "Kim Dale"]
QUOTES_PER_DOC = 5

out, occurrences = sys.argv[1], int(sys.argv[2])
if pathlib.Path(out).exists() and pathlib.Path(out).stat().st_size > 0:
    sys.exit(0)
print("building " + out, file=sys.stderr)
rng = random.Random(25)
docs = -(-occurrences // QUOTES_PER_DOC)
with open(out + ".tmp", "w", encoding="utf-8") as f:
    for d in range(docs):
        paragraphs = []
        for _ in range(QUOTES_PER_DOC):
            words = [rng.choice(WORDS) for _ in range(rng.randint(6, 14))]
            words[0] = words[0].capitalize()
            paragraphs.append("\u201c%s,\u201d said %s." % (" ".join(words), rng.choice(NAMES)))
        record = {"id": "vocab-%d" % d, "text": "\n\n".join(paragraphs) + "\n"}
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
pathlib.Path(out + ".tmp").rename(out)
