#!/usr/bin/env python3
"""Pick a fresh set of articles for annotation (a new held-out gold set).

Draws, with a fixed random seed, articles that no gold file and no bundled
corpus file already uses: ``--per-outlet`` ANT articles from each of the five
ANT outlets and ``--snn`` SaudiNewsNet records (one per newspaper, round
robin). Only news-like articles are eligible: a body of 600-5,000 characters
with at least two reporting cues (قال، أفاد، أكد، بحسب، وفق، نقل، أعلن).
The choice looks at nothing else, so the set is not biased towards what the
extractor does well or badly.

Copies each pick into ``tests/gold/articles/`` (ANT files byte for byte,
SaudiNewsNet records as one-element JSON arrays) and prints their names.

Usage::

    python3 scripts/select_gold.py --seed 2026 --per-outlet 3 --snn 10
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / ".." / "shared" / "corpora"
ARTICLES = REPO / "tests" / "gold" / "articles"
CUES = regex.compile(r"(?:قال|أفاد|افاد|أكد|اكد|بحسب|وفق|نقل|أعلن|اعلن)")


def eligible(body: str) -> bool:
    return 600 <= len(body) <= 5000 and len(CUES.findall(body)) >= 2


def used_names() -> set[str]:
    names = {p.stem for p in ARTICLES.iterdir()}
    names |= {p.stem for p in (REPO / "corpus").rglob("*.txt")}
    return names


def ant_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    match = regex.search(r"<TEXT>(.*?)</TEXT>", text, regex.S)
    return match.group(1) if match else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--per-outlet", type=int, default=3)
    parser.add_argument("--snn", type=int, default=10)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    used = used_names()
    picked: list[str] = []

    for outlet in sorted((CORPORA / "ant-multisource").iterdir()):
        files = sorted(p for p in outlet.rglob("*.txt") if p.stem not in used)
        rng.shuffle(files)
        taken = 0
        for path in files:
            if taken == args.per_outlet:
                break
            if eligible(ant_body(path)):
                shutil.copyfile(path, ARTICLES / path.name)
                used.add(path.stem)
                picked.append(path.name)
                taken += 1

    by_paper: dict[str, list[tuple[str, int, dict]]] = {}
    for day in sorted((CORPORA / "saudinewsnet").glob("*.json")):
        for index, record in enumerate(json.loads(day.read_text(encoding="utf-8"))):
            if not isinstance(record, dict) or not eligible(record.get("content") or ""):
                continue
            name = f"snn-{day.stem}-{index}-{record['source']}"
            if name not in used:
                by_paper.setdefault(record["source"], []).append((name, index, record))
    papers = sorted(by_paper)
    rng.shuffle(papers)
    for paper in papers:
        rng.shuffle(by_paper[paper])
    while len([p for p in picked if p.startswith("snn-")]) < args.snn and any(by_paper.values()):
        for paper in papers:
            if by_paper[paper] and len([p for p in picked if p.startswith("snn-")]) < args.snn:
                name, _, record = by_paper[paper].pop()
                (ARTICLES / f"{name}.json").write_text(
                    json.dumps([record], ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
                )
                picked.append(f"{name}.json")
    print("\n".join(picked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
