"""Scores `whosaid sentences` against the public sentence-splitting suites of two packages.

Usage (from the repository root):
    python3 bench/sentence_suites.py [--bin target/release/whosaid] [--cache bench/out/sentence-suites] [--quiet]

The suites are fetched from PyPI at run time with pip (into the cache, gitignored) and read
as data with Python's `ast`; nothing of them is kept in this repository:
- pySBD 0.3.4 (wheel; 0.3.4 has no sdist): `benchmarks/english_golden_rules.py`, the English
  Golden Rules of the Pragmatic Segmenter, 48 (text, sentences) pairs. A rule passes when
  the sentences are exactly the expected ones.
- syntok 1.4.4 (wheel): `syntok/segmenter_test.py`.
  * `OSPL`, one sentence per line, joined with spaces into one text: each line is a case,
    passed when it comes out as a sentence of its own, exactly.
  * every test of `TestSegmenter` that splits a text (`Tokenizer().split("…")`) and states
    where the sentences end, either as token slices (`[tokens[:sep], tokens[sep:]]`) or as
    sentence lengths (`len(result[0]) == 6`): passed when the sentences are exactly the
    expected ones. syntok's own tokenizer (from the same wheel; it needs the `regex`
    package) turns the token counts into text.

Prints the pass counts per suite and every failing case (expected / got). Exits non-zero
on a setup error (no pip, no network on the first run, a suite whose shape changed).
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
import zipfile
from pathlib import Path

PYSBD = ("pysbd", "0.3.4", "benchmarks/english_golden_rules.py")
SYNTOK = ("syntok", "1.4.4", "syntok/segmenter_test.py")


def fetch(cache: Path, name: str, version: str) -> Path:
    """The wheel of `name==version` in `cache`, downloaded with pip on first use."""
    cache.mkdir(parents=True, exist_ok=True)
    found = sorted(cache.glob(f"{name}-{version}-*.whl"))
    if not found:
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                   "--only-binary", ":all:", "-d", str(cache), f"{name}=={version}"]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"error: could not download {name}=={version} from PyPI:\n{result.stderr}")
        found = sorted(cache.glob(f"{name}-{version}-*.whl"))
    if not found:
        sys.exit(f"error: pip left no wheel of {name}=={version} in {cache}")
    return found[0]


def read_member(wheel: Path, member: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        try:
            return archive.read(member).decode("utf-8")
        except KeyError:
            sys.exit(f"error: {wheel.name} has no {member}")


def assigned(module: ast.Module, name: str) -> ast.expr:
    for node in module.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return node.value
    sys.exit(f"error: no assignment to {name} found")


def golden_rules(wheel: Path) -> list[tuple[str, str, list[str]]]:
    module = ast.parse(read_member(wheel, PYSBD[2]))
    rules = ast.literal_eval(assigned(module, "GOLDEN_EN_RULES"))
    return [(f"golden-{i + 1}", text, list(expected)) for i, (text, expected) in enumerate(rules)]


def syntok_cases(wheel: Path) -> tuple[list[tuple[str, str, list[str]]], str, list[str]]:
    """The exact cases of the tests, and OSPL as (text, expected lines)."""
    module = ast.parse(read_member(wheel, SYNTOK[2]))
    ospl = ast.literal_eval(assigned(module, "OSPL"))
    lines = ospl.split("\n")
    sys.path.insert(0, str(wheel))  # a wheel is a zip archive Python imports from
    try:
        from syntok.tokenizer import Tokenizer
    except ImportError as e:
        sys.exit(f"error: cannot import syntok's tokenizer ({e}); pip install regex")
    tokenizer = Tokenizer()
    cases = []
    for node in ast.walk(module):
        if not (isinstance(node, ast.ClassDef) and node.name == "TestSegmenter"):
            continue
        for test in node.body:
            if isinstance(test, ast.FunctionDef):
                case = syntok_test(test, tokenizer)
                if case is not None:
                    cases.append((f"syntok-{test.name}", *case))
    if len(cases) < 30:
        sys.exit(f"error: only {len(cases)} syntok tests understood; has the file changed?")
    return cases, " ".join(lines), lines


def syntok_test(test: ast.FunctionDef, tokenizer) -> tuple[str, list[str]] | None:
    """(text, expected sentences) of one test, or None when it does not split a text."""
    text = None
    ints: dict[str, int] = {}
    cuts: list[int] | None = None
    lengths: dict[int, int] = {}
    for node in ast.walk(test):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "split" and isinstance(node.func.value, ast.Call) \
                and getattr(node.func.value.func, "id", None) == "Tokenizer":
            text = ast.literal_eval(node.args[0])
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                ints[node.targets[0].id] = int(ast.literal_eval(node.value))
            except (ValueError, TypeError):
                pass
    if text is None:
        return None

    def value(expr: ast.expr | None) -> int | None:
        if expr is None:
            return None
        if isinstance(expr, ast.Name):
            return ints[expr.id]
        return int(ast.literal_eval(expr))

    for node in ast.walk(test):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "assertEqual"):
            continue
        first, second = node.args
        if isinstance(first, ast.List) and getattr(second, "id", "") == "result":
            cuts = []
            for part in first.elts:
                if isinstance(part, ast.Subscript):
                    stop = value(part.slice.upper)
                    if stop is not None:
                        cuts.append(stop)
        elif isinstance(first, ast.Call) and getattr(first.func, "id", "") == "len" \
                and isinstance(first.args[0], ast.Subscript):
            lengths[value(first.args[0].slice)] = value(second)
    tokens = tokenizer.split(text)
    if cuts is None and lengths:
        cuts, at = [], 0
        for k in sorted(lengths):
            at += lengths[k]
            cuts.append(at)
        cuts = [c for c in cuts if c < len(tokens)]
    if cuts is None:
        return None
    # Cut the text itself at the first token of each sentence: the tokenizer normalises
    # some token values ("n't" becomes "not"), the offsets stay true.
    starts = [0] + [tokens[c].offset for c in cuts] + [len(text)]
    expected = [text[a:b].strip() for a, b in zip(starts, starts[1:])]
    return text, expected


def run_whosaid(binary: str, texts: dict[str, str]) -> dict[str, list[str]]:
    records = "".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n"
                      for k, v in texts.items())
    result = subprocess.run([binary, "sentences", "--jsonl", "--quiet", "-"], input=records,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: {binary} sentences failed:\n{result.stderr}")
    out = {}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        out[record["id"]] = [s["text"] for s in record["sentences"]]
    missing = texts.keys() - out.keys()
    if missing:
        sys.exit(f"error: no output for {sorted(missing)}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default="target/release/whosaid", help="the whosaid binary")
    parser.add_argument("--cache", default="bench/out/sentence-suites", type=Path,
                        help="where the wheels are kept (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="counts only, no failing cases")
    args = parser.parse_args()
    if not Path(args.bin).is_file():
        sys.exit(f"error: no whosaid binary at {args.bin} (cargo build --release, or --bin)")

    golden = golden_rules(fetch(args.cache, *PYSBD[:2]))
    tests, ospl_text, ospl_lines = syntok_cases(fetch(args.cache, *SYNTOK[:2]))
    texts = {name: text for name, text, _ in golden + tests}
    texts["syntok-OSPL"] = ospl_text
    got = run_whosaid(args.bin, texts)

    failures = []

    def score(cases):
        passed = 0
        for name, text, expected in cases:
            if got[name] == expected:
                passed += 1
            else:
                failures.append((name, text, expected, got[name]))
        return passed

    golden_passed = score(golden)
    tests_passed = score(tests)
    ospl_sentences = set(got["syntok-OSPL"])
    ospl_failed = [line for line in ospl_lines if line not in ospl_sentences]
    ospl_passed = len(ospl_lines) - len(ospl_failed)

    rows = [
        (f"pySBD {PYSBD[1]} English Golden Rules", golden_passed, len(golden)),
        (f"syntok {SYNTOK[1]} segmenter tests", tests_passed, len(tests)),
        (f"syntok {SYNTOK[1]} OSPL lines", ospl_passed, len(ospl_lines)),
    ]
    total_passed = sum(r[1] for r in rows)
    total = sum(r[2] for r in rows)
    for what, passed, count in rows:
        print(f"{what:40} {passed:4}/{count:<4} {100 * passed / count:5.1f}%")
    print(f"{'all exact cases':40} {total_passed:4}/{total:<4} {100 * total_passed / total:5.1f}%")
    if args.quiet:
        return
    for name, text, expected, sentences in failures:
        print(f"\nFAIL {name}: {text!r}\n  expected {expected!r}\n  got      {sentences!r}")
    if ospl_failed:
        print("\nOSPL lines not found as a sentence:")
        for line in ospl_failed:
            print(f"  {line!r}")
        print("OSPL sentences found:")
        for s in got["syntok-OSPL"]:
            print(f"  {s!r}")


if __name__ == "__main__":
    main()
