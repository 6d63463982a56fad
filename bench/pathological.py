#!/usr/bin/env python3
"""Generates the pathological inputs of bench/pathological.sh, one plain-text document each.

Usage: bench/pathological.py OUT_DIR SIZE_BYTES [NAME...]

Each input repeats one unit until the document reaches SIZE_BYTES (rounded up to whole units),
so the same generator serves the CI test at a small size and the benchmark at 1 and 8 MB.
"""
import json
import pathlib
import sys

# name -> the unit repeated, shared with the cost test (tests/linear_cost.rs): each is an
# input whose cost once grew faster than its size.
UNITS = json.loads(
    (pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/pathological.json").read_text(
        encoding="utf-8"
    )
)


def main():
    out = pathlib.Path(sys.argv[1])
    size = int(sys.argv[2])
    names = sys.argv[3:] or list(UNITS)
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        unit = UNITS[name]
        n = -(-size // len(unit.encode("utf-8")))
        (out / (name + ".txt")).write_text(unit * n, encoding="utf-8")


if __name__ == "__main__":
    main()
