#!/usr/bin/env python3
"""Precision of indirect speech by hand: the share of whosaid's indirect speech findings on
news-dev that `eval/news-dev/indirect-judgements.jsonl` judges right.

    whosaid extract --jsonl PATH/news-dev.jsonl --quiet > pred.jsonl
    python3 eval/judged_precision.py pred.jsonl

A finding is looked up by article id, code-point span and speaker name; findings that no
judgement covers (the output changed since the judging) are counted apart and listed, to be
judged and added to the file.
"""
import collections
import json
import pathlib
import sys

JUDGEMENTS = pathlib.Path(__file__).resolve().parent / "news-dev" / "indirect-judgements.jsonl"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    known = {}
    with open(JUDGEMENTS, encoding="utf-8") as f:
        for line in f:
            j = json.loads(line)
            known[(j["id"], j["start"], j["end"], j["speaker"])] = j["verdict"]
    verdicts = collections.Counter()
    unjudged = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for q in doc.get("quotes", []):
                if q["kind"] != "indirect" or q.get("class", "speech") != "speech":
                    continue
                speaker = (q.get("speaker") or {}).get("name")
                key = (doc["id"], q["span"]["start"], q["span"]["end"], speaker)
                if key in known:
                    verdicts[known[key]] += 1
                else:
                    unjudged.append((doc["id"], q["span"]["start"], speaker, q["text"][:70]))
    judged = sum(verdicts.values())
    if judged:
        print(f"judged {judged}: right {verdicts['right']} ({verdicts['right'] / judged:.3f}); "
              + ", ".join(f"{v} {n}" for v, n in sorted(verdicts.items()) if v != "right"))
    print(f"not judged: {len(unjudged)}")
    for row in unjudged:
        print("  ", *row)


if __name__ == "__main__":
    main()
