"""Shared fixtures: the repository's corpus and the CLI to compare the package with."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli() -> str:
    """The `whosaid` binary: $WHOSAID_BIN, else a release build of this checkout."""
    binary = os.environ.get("WHOSAID_BIN")
    if binary:
        return binary
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    return str(REPO / "target" / "release" / "whosaid")


@pytest.fixture(scope="session")
def corpus_paths() -> List[str]:
    """Every corpus text, by its path relative to the repository (the CLI's id for it)."""
    paths = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "corpus").rglob("*.txt"))
    assert len(paths) >= 30, "the corpus went missing"
    return paths


def run_cli(cli: str, args: List[str], stdin: str = "") -> List[str]:
    """Runs the CLI from the repository root; its output lines (exit status 0 or 1)."""
    done = subprocess.run(
        [cli, *args, "--quiet"],
        cwd=REPO,
        input=stdin.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout.decode("utf-8").splitlines()


def sorted_json(value: object) -> str:
    return json.dumps(value, sort_keys=True)


def jsonl(records: List[Dict[str, object]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
