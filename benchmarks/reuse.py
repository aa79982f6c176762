#!/usr/bin/env python3
"""Wire-reuse detection on the shared corpora, against datasketch MinHash LSH, with a recall check.

Targets (issue 5): all 12,494 articles of ../shared/corpora in under 60 s on a 2-core machine;
recall >= 0.98 on the article pairs that share a verbatim sentence of 10 or more normalised
words; doubling the corpus costs at most 2.3x the time.

    python benchmarks/reuse.py [--corpora DIR] [--db PATH] [--jobs 2] [--sample 50 --seed 1]

What it does, in one run:

1. Ingests the corpora into ``--db`` (kept between runs: a second run finds them stored).
2. **Check set**: splits every article into sentences (``. ! ? ؟`` and line breaks), normalises
   each as OpenITI/KITAB do (no harakat or tatweel; أ إ آ ٱ → ا; ى → ي; ؤ ئ → ء; digits, Latin
   and punctuation dropped), and keeps the pairs of articles sharing a sentence of 10 or more
   such words; "no house boilerplate" leaves out sentences that 3 or more articles of one outlet
   carry, "nor furniture" also sentences shared only on lines the segmenter marks as site
   furniture (a related-link line «للمزيد: …», headlines listed under «اقرأ أيضا:») or on lines
   that are the title of another article (a link to it set between paragraphs), which the
   detector does not count.
3. **provenance**: ``Store.reuse(rebuild=True)`` on the database (read, tokenise, align, store
   pairs, passages and clusters), then ``find_reuse`` in memory on half and on all the texts
   (the growth ratio).
4. **datasketch MinHash LSH** (128 permutations, the same word 5-grams) at thresholds 0.5 and
   0.1: candidate pairs, the way text-reuse pipelines built on MinHash find them.

Each tool runs in a child process, so its peak memory (max RSS) is its own. ``--sample N``
writes N randomly drawn pairs found by provenance, both passages shown, to ``--sample-out``
for reading by hand (``benchmarks/reuse_precision_seed*.tsv`` hold the verdicts reported in the README).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import sys
import time
import unicodedata
from itertools import combinations
from pathlib import Path

from measure import in_child, peak_mb  # benchmarks/measure.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT / ".." / "shared" / "corpora"


# -- the check set ----------------------------------------------------------------------------

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_KITAB = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ؤ": "ء", "ئ": "ء"})
_NON_WORD = re.compile(r"[^\u0621-\u064a]+")  # Arabic letters only: digits, Latin, punctuation go
_SENTENCE = re.compile(r"[.!?؟\n]+")


def kitab_words(sentence: str) -> list[str]:
    """A sentence's words as OpenITI's normalize_ara_light leaves them, digits and Latin dropped."""
    s = _MARKS.sub("", unicodedata.normalize("NFKC", sentence)).translate(_KITAB)
    return _NON_WORD.sub(" ", s).split()


def check_pairs(
    texts: list[str], outlets: list[str], min_words: int = 10, house: int = 3, furniture: list[set[int]] | None = None
) -> tuple[set, set]:
    """Pairs (i, j), i < j, of texts that share a normalised sentence of ``min_words`` words or more.

    Returns (all such pairs, the pairs that share one that is not house boilerplate). A sentence
    is house boilerplate when ``house`` or more articles of one outlet carry it: a footer («للتواصل
    مع الكاتب ارسل رسالة…»), a template line of a daily report («ومن بين المعادن النفيسة الأخرى
    ارتفعت الفضة…»), the kind of text that must not make a pair on its own. With ``furniture``
    (the numbers of each text's lines that are site furniture), a sentence on such a line only —
    a related-link line «للمزيد: <headline>», a headline listed under «اقرأ أيضا:» — is no
    article text either: it counts for the first set, not for the second.
    """
    by_sentence: dict[str, set[int]] = {}
    in_body: dict[str, set[int]] = {}
    for k, text in enumerate(texts):
        skip = furniture[k] if furniture else ()
        for line_no, line in enumerate(text.split("\n")):
            for sentence in _SENTENCE.split(line):
                words = kitab_words(sentence)
                if len(words) >= min_words:
                    key = " ".join(words)
                    by_sentence.setdefault(key, set()).add(k)
                    if line_no not in skip:
                        in_body.setdefault(key, set()).add(k)
    pairs: set[tuple[int, int]] = set()
    clean: set[tuple[int, int]] = set()
    for key, docs in by_sentence.items():
        if len(docs) > 1:
            pairs |= set(combinations(sorted(docs), 2))
            per_outlet: dict[str, int] = {}
            for k in docs:
                per_outlet[outlets[k]] = per_outlet.get(outlets[k], 0) + 1
            body = in_body.get(key, set())
            if max(per_outlet.values()) < house and len(body) > 1:
                clean |= set(combinations(sorted(body), 2))
    return pairs, clean


# -- the tools, each in a child process -------------------------------------------------------




def run_store(db: str, jobs: int) -> dict:
    from provenance import Store

    t = time.perf_counter()
    report = Store(db).reuse(rebuild=True, jobs=jobs)
    seconds = time.perf_counter() - t
    con = sqlite3.connect(db)
    keys = dict(con.execute("SELECT id, key FROM articles"))
    pairs = [(keys[a], keys[b]) for a, b in con.execute("SELECT DISTINCT article_a, article_b FROM reuse_pairs")]
    return {"seconds": seconds, "peak_mb": peak_mb(), "pairs": pairs, "summary": report.summary()}


def run_find_reuse(texts: list[str]) -> dict:
    from provenance.reuse import find_reuse

    t = time.perf_counter()
    found = find_reuse(texts)
    return {"seconds": time.perf_counter() - t, "peak_mb": peak_mb(), "pairs": sorted({(r.a, r.b) for r in found})}


def run_minhash(texts: list[str], threshold: float, num_perm: int = 128) -> dict:
    from datasketch import MinHash, MinHashLSH

    from provenance.reuse.text import WORD, key

    t = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes = []
    for k, text in enumerate(texts):
        words = [key(w) for w in WORD.findall(text)]
        shingles = {" ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))}
        m = MinHash(num_perm=num_perm)
        m.update_batch(list(shingles))
        hashes.append(m)
        lsh.insert(k, m)
    pairs = set()
    for k, m in enumerate(hashes):
        for other in lsh.query(m):
            if other != k:
                pairs.add((min(k, other), max(k, other)))
    return {"seconds": time.perf_counter() - t, "peak_mb": peak_mb(), "pairs": sorted(pairs)}




# -- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=str(DEFAULT_CORPORA))
    parser.add_argument("--db", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "provenance-reuse-bench.db"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sample", type=int, default=0, help="write this many random pairs to read by hand")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--sample-out", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "reuse_sample.md"),
        help="where --sample writes (outside the repository: SaudiNewsNet text is not ours to ship)",
    )
    parser.add_argument("--skip-minhash", action="store_true")
    args = parser.parse_args(argv)

    from provenance import Store

    store = Store(args.db)
    t = time.perf_counter()
    ingest = store.ingest([args.corpora], jobs=args.jobs)
    print(f"ingest      {time.perf_counter() - t:6.1f} s  {ingest.summary()} (stored before: {ingest.unchanged})")
    rows = list(store.db.execute(
        "SELECT id, key, text, coalesce(outlet, ''), text_norm, coalesce(title, '') FROM articles ORDER BY id"
    ))
    store.db.close()
    keys = [r[1] for r in rows]
    texts = [r[2] for r in rows]
    outlet = [r[3] for r in rows]
    index = {k: i for i, k in enumerate(keys)}
    print(f"articles    {len(texts)} ({sum(map(len, texts)) / 1e6:.1f} M characters)")

    from provenance.reuse.text import furniture_lines

    titles: dict[str, set[int]] = {}
    for k, r in enumerate(rows):
        titles.setdefault(" ".join(kitab_words(r[5])), set()).add(k)

    def furniture(k: int, text: str, norm: str) -> set[int]:
        """Lines the segmenter marks as furniture, and lines that are another article's title (a link)."""
        lines = set(furniture_lines(text, norm))
        for line_no, line in enumerate(text.split("\n")):
            if titles.get(" ".join(kitab_words(line)), {k}) - {k}:
                lines.add(line_no)
        return lines

    t = time.perf_counter()
    check, clean = check_pairs(texts, outlet)
    _, body = check_pairs(texts, outlet, furniture=[furniture(k, r[2], r[4]) for k, r in enumerate(rows)])
    del rows
    cross = {p for p in check if outlet[p[0]] != outlet[p[1]]}
    print(
        f"check set   {len(check)} pairs share a sentence of >= 10 normalised words ({len(cross)} across outlets),"
        f" {len(clean)} one that is not house boilerplate, {len(body)} nor site furniture ({time.perf_counter() - t:.1f} s)"
    )

    results = []
    ours = in_child(run_store, args.db, args.jobs)
    our_pairs = {tuple(sorted((index[a], index[b]))) for a, b in ours["pairs"]}
    results.append(("provenance Store.reuse()", ours, our_pairs))
    print(f"            {ours['summary']}")

    half = sorted(random.Random(args.seed).sample(range(len(texts)), len(texts) // 2))
    small = in_child(run_find_reuse, [texts[i] for i in half])
    full = in_child(run_find_reuse, texts)
    results.append(("provenance find_reuse(), half", small, {(half[a], half[b]) for a, b in small["pairs"]}))
    results.append(("provenance find_reuse()", full, {tuple(p) for p in full["pairs"]}))
    if not args.skip_minhash:
        for threshold in (0.5, 0.1):
            mh = in_child(run_minhash, texts, threshold)
            results.append((f"datasketch MinHashLSH t={threshold}", mh, {tuple(p) for p in mh["pairs"]}))

    print()
    print(
        "| tool | articles | time (s) | peak memory (MB) | pairs found | recall | recall, no house boilerplate"
        " | recall, no house boilerplate nor furniture | recall across outlets |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    in_half = set(half)
    for name, r, pairs in results:
        n = len(half) if "half" in name else len(texts)
        want = {p for p in check if p[0] in in_half and p[1] in in_half} if "half" in name else check
        want_cross = {p for p in want if outlet[p[0]] != outlet[p[1]]}
        want_clean = want & clean
        want_body = want & body
        print(
            f"| {name} | {n:,} | {r['seconds']:.1f} | {r['peak_mb']:.0f} | {len(pairs):,} "
            f"| {_share(want, pairs)} | {_share(want_clean, pairs)} | {_share(want_body, pairs)} | {_share(want_cross, pairs)} |"
        )
    print()
    print(f"growth: all / half articles = {full['seconds'] / small['seconds']:.2f}x the time (find_reuse)")
    missed = sorted(body - our_pairs)
    print(f"check pairs (no house boilerplate nor furniture) provenance missed: {len(missed)}")
    for a, b in missed[:10]:
        shared = {" ".join(kitab_words(s)) for s in _SENTENCE.split(texts[a]) if len(kitab_words(s)) >= 10}
        shared &= {" ".join(kitab_words(s)) for s in _SENTENCE.split(texts[b])}
        print(f"  {keys[a]} × {keys[b]}: {next(iter(shared))[:100]}")
    if args.sample:
        write_sample(args.db, args.sample, args.seed, Path(args.sample_out))
    return 0


def _share(want: set, found: set) -> str:
    return f"{len(want & found) / max(len(want), 1):.4f}"


def write_sample(db: str, n: int, seed: int, out: Path) -> None:
    """``n`` random stored pairs, their longest passage in both articles, for reading by hand."""
    con = sqlite3.connect(db)
    pairs = list(con.execute("SELECT DISTINCT article_a, article_b FROM reuse_pairs ORDER BY 1, 2"))
    lines = [f"# {n} random pairs of {len(pairs):,} found (seed {seed})", ""]
    for k, (a, b) in enumerate(random.Random(seed).sample(pairs, n), 1):
        row = con.execute(
            "SELECT p.*, x.outlet, y.outlet, x.title, y.title, x.text, y.text FROM reuse_pairs p"
            " JOIN articles x ON x.id = p.article_a JOIN articles y ON y.id = p.article_b"
            " WHERE article_a = ? AND article_b = ? ORDER BY aligned DESC LIMIT 1", [a, b]
        ).fetchone()
        cols = [d[0] for d in con.execute("SELECT * FROM reuse_pairs LIMIT 0").description]
        p = dict(zip(cols, row))
        oa, ob, ta, tb, xa, xb = row[len(cols):]
        count = con.execute("SELECT count(*) FROM reuse_pairs WHERE article_a = ? AND article_b = ?", [a, b]).fetchone()[0]
        lines += [
            f"## {k}. articles {a} ({oa}) × {b} ({ob}); {count} passage(s); longest: {p['aligned']} aligned words, similarity {p['similarity']}",
            "", f"- A title: {ta}", f"- B title: {tb}", "",
            f"> A: {xa[p['a_start']:p['a_end']]}".replace("\n", " / "), "",
            f"> B: {xb[p['b_start']:p['b_end']]}".replace("\n", " / "), "",
        ]
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    sys.exit(main())
