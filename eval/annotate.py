#!/usr/bin/env python3
"""Annotation helper for gold files whose texts live outside the repository.

The gold format is docs/gold-format.md (code-point offsets). A gold file kept here
holds no article text: each line is {"id", "url"?, "quotes": [...]}; `whosaid eval --texts
FILE` joins the texts back by id. Annotators write a quote by its exact text (and `n`, the
1-based occurrence, when the text occurs more than once); this tool fills in the offsets and
checks every line.

    annotate.py show  --texts TEXTS.jsonl ID            the text, paragraph offsets, quote marks
    annotate.py fill  --texts TEXTS.jsonl GOLD.jsonl    add/verify start, end; rewrite in place
    annotate.py check --texts TEXTS.jsonl GOLD.jsonl    list quoted passages no annotation covers

Kinds: direct, partial, indirect, none (see eval/news-dev/README.md for the guidelines).
"""
import argparse
import json
import re
import sys

OPEN_DOUBLE = "\u201c"
CLOSE_DOUBLE = "\u201d"
OPEN_SINGLE = "\u2018"
CLOSE_SINGLE = "\u2019"
KINDS = {"direct", "partial", "indirect", "none"}


def load_texts(path):
    texts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                texts[d["id"]] = d["text"]
    return texts


def occurrences(text, needle):
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def passages(text):
    """Quoted passages by a plain scan: curly doubles, straight doubles per paragraph, and
    curly singles that open after a space or line start (apostrophes never open)."""
    found = []
    for para in re.finditer(r"[^\n]+", text):
        p, base = para.group(0), para.start()
        for m in re.finditer(OPEN_DOUBLE + r"([^" + OPEN_DOUBLE + CLOSE_DOUBLE + r"]*)(" + CLOSE_DOUBLE + r"|$)", p):
            found.append((base + m.start(1), base + m.end(1), "curly double"))
        for m in re.finditer(r'"([^"]*)("|$)', p):
            found.append((base + m.start(1), base + m.end(1), "straight double"))
        for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[\u2014\u201c\"]))" + OPEN_SINGLE + r"(.+?)" + CLOSE_SINGLE + r"(?![a-zA-Z])", p):
            found.append((base + m.start(1), base + m.end(1), "curly single"))
    return sorted(found)


def cmd_show(args):
    texts = load_texts(args.texts)
    text = texts[args.id]
    for para in re.finditer(r"[^\n]+", text):
        print(f"[{para.start()}] {para.group(0)}\n")
    print("--- quoted passages (plain scan) ---")
    for s, e, what in passages(text):
        print(f"{s}..{e} {what}: {text[s:e]!r}")


def fill_quote(text, q, where):
    for key in ("text", "kind"):
        if key not in q:
            raise ValueError(f"{where}: missing {key!r}")
    if q["kind"] not in KINDS:
        raise ValueError(f"{where}: unknown kind {q['kind']!r}")
    needle = q["text"]
    if not needle:
        raise ValueError(f"{where}: empty text")
    hits = occurrences(text, needle)
    if not hits:
        raise ValueError(f"{where}: text not found: {needle[:80]!r}")
    if "start" in q and "end" in q:
        if text[q["start"]:q["end"]] != needle:
            raise ValueError(f"{where}: start/end do not hold the text {needle[:60]!r}")
        return q
    n = q.get("n")
    if n is None:
        if len(hits) > 1:
            raise ValueError(f"{where}: {needle[:60]!r} occurs {len(hits)} times; give n")
        n = 1
    if not 1 <= n <= len(hits):
        raise ValueError(f"{where}: n={n} but {needle[:60]!r} occurs {len(hits)} times")
    start = hits[n - 1]
    ordered = {"start": start, "end": start + len(needle)}
    ordered.update({k: v for k, v in q.items() if k not in ("n", "start", "end")})
    ordered.setdefault("speaker", [])
    ordered.setdefault("speaker_spans", [])
    ordered.setdefault("optional", False)
    return ordered


def cmd_fill(args):
    texts = load_texts(args.texts)
    out, errors = [], []
    with open(args.gold, encoding="utf-8") as f:
        lines = [l for l in f if l.strip()]
    seen = set()
    for ln, line in enumerate(lines, 1):
        doc = json.loads(line)
        if doc["id"] in seen:
            errors.append(f"line {ln}: duplicate id {doc['id']}")
        seen.add(doc["id"])
        text = texts.get(doc["id"])
        if text is None:
            errors.append(f"line {ln}: no text for id {doc['id']}")
            out.append(doc)
            continue
        quotes = []
        for i, q in enumerate(doc.get("quotes", [])):
            try:
                quotes.append(fill_quote(text, q, f"{doc['id']} quote {i}"))
            except ValueError as e:
                errors.append(str(e))
                quotes.append(q)
        quotes.sort(key=lambda q: (q.get("start", 0), q.get("end", 0)))
        doc["quotes"] = quotes
        out.append(doc)
    for e in errors:
        print(e, file=sys.stderr)
    if errors and not args.force:
        print(f"{len(errors)} errors; file left unchanged", file=sys.stderr)
        sys.exit(1)
    with open(args.gold, "w", encoding="utf-8") as f:
        for doc in out:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(out)} documents, {sum(len(d.get('quotes', [])) for d in out)} quotes")


def cmd_check(args):
    texts = load_texts(args.texts)
    missing = 0
    with open(args.gold, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = texts[doc["id"]]
            spans = [(q["start"], q["end"]) for q in doc["quotes"] if "start" in q]
            for s, e, what in passages(text):
                if e <= s:
                    continue
                if not any(a < e and s < b for a, b in spans):
                    missing += 1
                    print(f"{doc['id']} {s}..{e} {what}: {text[s:e][:100]!r}")
    print(f"{missing} quoted passages without an annotation", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    s.add_argument("--texts", required=True)
    s.add_argument("id")
    s.set_defaults(func=cmd_show)
    for name, func in (("fill", cmd_fill), ("check", cmd_check)):
        s = sub.add_parser(name)
        s.add_argument("--texts", required=True)
        s.add_argument("gold")
        s.add_argument("--force", action="store_true", help="fill: write even with errors")
        s.set_defaults(func=func)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
