#!/usr/bin/env python3
"""Accuracy on the two development sets, side by side: PolNeAR (one outlet family, every
attribution annotated) and news-dev (many outlets, speech annotated).

    python3 eval/dev_figures.py [--bin target/release/whosaid] \
        [--polnear ../shared/eval/polnear-train-dev.jsonl] \
        [--news-texts ../shared/eval/news-dev.jsonl]

The PolNeAR file holds texts and gold (ids `polnear/train/…`, `polnear/dev/…`); the dev split
is scored apart. news-dev's gold is `eval/news-dev/gold.jsonl`; its texts are joined by id.
Prints one row per figure: detection precision / recall / F1, attribution accuracy, and for
news-dev the quoted non-speech passages reported as quotes.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def run_eval(binary, args):
    out = subprocess.run([binary, "eval", "--json"] + args, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"whosaid eval failed: {out.stderr.strip()}")
    return json.loads(out.stdout)


def row(name, report):
    d, a = report["detection"], report["attribution"]
    leak = ""
    if report.get("gold_non_speech"):
        leak = f"{report['non_speech_reported']} of {report['gold_non_speech']}"
    print(f"| {name} | {d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f} "
          f"| {a['accuracy']:.3f} | {leak} |")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin", default=str(ROOT / "target/release/whosaid"))
    p.add_argument("--polnear", default=str(ROOT.parent / "shared/eval/polnear-train-dev.jsonl"))
    p.add_argument("--news-texts", default=str(ROOT.parent / "shared/eval/news-dev.jsonl"))
    a = p.parse_args()
    for path in (a.bin, a.polnear, a.news_texts):
        if not pathlib.Path(path).exists():
            sys.exit(f"not found: {path}")
    with tempfile.TemporaryDirectory() as tmp:
        dev = pathlib.Path(tmp) / "polnear-dev.jsonl"
        with open(a.polnear, encoding="utf-8") as src, open(dev, "w", encoding="utf-8") as dst:
            for line in src:
                if json.loads(line)["id"].startswith("polnear/dev/"):
                    dst.write(line)
        news = ["--gold", str(ROOT / "eval/news-dev/gold.jsonl"), "--texts", a.news_texts]
        print("| set, kinds | detection P / R / F1 | attribution | non-speech reported |")
        print("|---|---|---|---|")
        for name, gold in (("PolNeAR train+dev", a.polnear), ("PolNeAR dev", str(dev))):
            row(f"{name}, direct + partial", run_eval(a.bin, ["--gold", gold, "--kinds", "direct,partial"]))
            row(f"{name}, indirect (all classes)",
                run_eval(a.bin, ["--gold", gold, "--kinds", "indirect", "--exhaustive"]))
        row("news-dev, direct + partial (speech)",
            run_eval(a.bin, news + ["--kinds", "direct,partial", "--include", "speech"]))
        row("news-dev, indirect (speech)",
            run_eval(a.bin, news + ["--kinds", "indirect", "--include", "speech", "--exhaustive"]))


if __name__ == "__main__":
    main()
