#!/usr/bin/env python3
"""Select the bundled demo corpus (``corpus/ant/``) from the ANT multi-source corpus.

The source is the March-April 2018 subset of ANT Corpus v2.1 multi-source
(``<corpora>/ant-multisource/<Source>/<category>/<DOCNO>.txt``, TREC-style
``<DOC>`` files). Only the five ANT outlets are read; SaudiNewsNet, which sits
next to it in ``<corpora>``, is never touched (its licence is non-commercial).

Selection rule
--------------
1. Parse every article and drop duplicates: one file per URL (the first path in
   sorted order, e.g. France 24 stories filed under both ``internationalNews``
   and ``middleEast``), and one file per identical normalised body within an
   outlet.
2. Normalise each body sentence: remove Arabic diacritics (U+064B-U+065F,
   U+0670) and tatweel (U+0640); map أ إ آ ٱ to ا, ى to ي, ة to ه; replace
   punctuation and symbols with spaces; collapse whitespace. Sentences are split
   on ``. ! ? ؟`` and newlines; only sentences of 10 or more words count.
3. Two articles from DIFFERENT outlets are linked when they share at least one
   such sentence verbatim. A cluster is a connected component of these links.
4. Clusters are taken whole, in this order, until about ``CLUSTERED_MAX``
   articles are reached: every cluster spanning 3+ outlets; every cluster that
   involves BBC or CNN (rare pairs); then the remaining two-outlet clusters,
   round-robin over the outlet pairs, each pair's clusters ranked by wire
   credit (an Al Arabiya byline crediting an agency, or France 24 AFP copy),
   then by number of shared sentences.
5. ``UNCLUSTERED_PER_CELL`` articles that belong to no cluster are added for
   every outlet/category cell, ranked by attribution cues (قال، أكد، بحسب،
   وفقا، نقلا عن، مصادر and others).

Selected files are copied byte-for-byte to ``corpus/ant/<Source>/<category>/``
and checked by SHA-256. ``corpus/clusters.tsv`` lists the clusters found again
within the bundle. Everything is sorted, so the output is deterministic.

Usage::

    python3 scripts/select_corpus.py [CORPORA_DIR] [--out CORPUS_DIR]

``CORPORA_DIR`` defaults to ``../shared/corpora`` relative to the repository
root; ``--out`` defaults to ``corpus/`` in the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = REPO_ROOT / ".." / "shared" / "corpora"
DEFAULT_OUT = REPO_ROOT / "corpus"
ANT_DIR = "ant-multisource"

OUTLETS: tuple[str, ...] = ("Alarabia", "BBC", "CNN", "France24", "SkyNews")
CATEGORIES: tuple[str, ...] = ("economy", "internationalNews", "middleEast")
RARE_OUTLETS: frozenset[str] = frozenset({"BBC", "CNN"})

MIN_WORDS = 10
CLUSTERED_MAX = 165
UNCLUSTERED_PER_CELL = 3
UNCLUSTERED_MIN_CHARS = 1200
UNCLUSTERED_MAX_CHARS = 6000

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_SENTENCE_SPLIT = re.compile(r"[.!?؟\n]+")
_FIELD = "<{tag}>(.*?)</{tag}>"

# Agency credits in Al Arabiya bylines, e.g. "جنيف - رويترز", "لندن – فرانس برس".
_WIRE_BYLINE = re.compile(r"رويتر|فرانس برس|فرانس بر|أسوشيتد|اسوشيتد|أسيوشيتد|الأناضول|وكالات")
# AFP copy in France 24 bodies (matched on normalised text).
_AFP_BODY = re.compile(r"فرانس برس|الفرنسيه|ا ف ب")

# Attribution cues, matched on normalised text. Core cues are the ones the
# demo should show most; a leading و/ف/ل/ب is allowed where it can occur.
_CORE_CUES: dict[str, re.Pattern[str]] = {
    "qala": re.compile(r"(?<!\S)[وف]?قال(?:ت|وا)?(?!\S)"),
    "akkada": re.compile(r"(?<!\S)[وف]?اكد(?:ت|وا)?(?!\S)"),
    "bihasab": re.compile(r"(?<!\S)[وف]?بحسب(?!\S)"),
    "wifqan": re.compile(r"(?<!\S)[وف]?وفقا(?!\S)"),
    "naqlan": re.compile(r"(?<!\S)[وف]?نقلا عن(?!\S)"),
    "masadir": re.compile(r"(?<!\S)[وفلب]?(?:ال)?مصادر(?!\S)"),
}
_OTHER_CUES: dict[str, re.Pattern[str]] = {
    "adafa": re.compile(r"(?<!\S)[وف]?اضاف(?:ت|وا)?(?!\S)"),
    "awdaha": re.compile(r"(?<!\S)[وف]?اوضح(?:ت)?(?!\S)"),
    "afada": re.compile(r"(?<!\S)[وف]?افاد(?:ت)?(?!\S)"),
    "dhakara": re.compile(r"(?<!\S)[وف]?ذكر(?:ت)?(?!\S)"),
    "sarraha": re.compile(r"(?<!\S)[وف]?صرح(?:ت)?(?!\S)"),
    "aalana": re.compile(r"(?<!\S)[وف]?اعلن(?:ت)?(?!\S)"),
    "agency": re.compile(r"رويترز|فرانس برس|الفرنسيه|اسوشيتد|الاناضول|وكاله الانباء"),
}


@dataclass(frozen=True)
class Article:
    """One ANT article file and the fields the selection needs."""

    relpath: str  # "<Source>/<category>/<DOCNO>.txt", relative to ant-multisource/
    docno: str
    url: str
    outlet: str
    category: str
    title: str
    author: str
    text: str
    sentences: frozenset[str]

    @property
    def date(self) -> str:
        """Publication date (UTC) as YYYYMMDD, from the DOCNO suffix."""
        return self.docno.rsplit("-", 1)[-1]


@dataclass
class Cluster:
    """Articles joined by shared sentences across outlets."""

    articles: list[Article]
    sentences: list[str]

    @property
    def outlets(self) -> list[str]:
        """The outlets in the cluster, sorted."""
        return sorted({a.outlet for a in self.articles})

    @property
    def span(self) -> int:
        """Number of outlets in the cluster."""
        return len(self.outlets)

    @property
    def key(self) -> str:
        """The first member's path, used to identify and order clusters."""
        return self.articles[0].relpath


# --------------------------------------------------------------------------- text


def normalise(text: str) -> str:
    """Normalise Arabic text for verbatim comparison (see module docstring)."""
    text = _DIACRITICS.sub("", text).translate(_LETTERS)
    text = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in text)
    return " ".join(text.split())


def key_sentences(text: str) -> frozenset[str]:
    """Normalised sentences of at least ``MIN_WORDS`` words."""
    out: set[str] = set()
    for raw in _SENTENCE_SPLIT.split(text):
        sent = normalise(raw)
        if len(sent.split()) >= MIN_WORDS:
            out.add(sent)
    return frozenset(out)


def _field(doc: str, tag: str) -> str:
    """Content of the first ``<tag>...</tag>`` in a document, stripped."""
    match = re.search(_FIELD.format(tag=tag), doc, re.S)
    return match.group(1).strip() if match else ""


# --------------------------------------------------------------------------- loading


def parse_article(ant_root: Path, relpath: str) -> Article:
    """Parse one TREC-style ``<DOC>`` file (not well-formed XML, so regexes)."""
    doc = (ant_root / relpath).read_text(encoding="utf-8")
    outlet, category, _ = relpath.split("/")
    text = _field(doc, "TEXT")
    return Article(
        relpath=relpath,
        docno=_field(doc, "DOCNO"),
        url=_field(doc, "URL"),
        outlet=outlet,
        category=category,
        title=_field(doc, "TITLE"),
        author=_field(doc, "AUTHOR"),
        text=text,
        sentences=key_sentences(text),
    )


def load_articles(ant_root: Path) -> list[Article]:
    """Read all articles of the five outlets, sorted by relative path."""
    articles = []
    for outlet in OUTLETS:
        for category in CATEGORIES:
            folder = ant_root / outlet / category
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.txt")):
                articles.append(parse_article(ant_root, f"{outlet}/{category}/{path.name}"))
    return sorted(articles, key=lambda a: a.relpath)


def deduplicate(articles: list[Article]) -> list[Article]:
    """Keep one file per URL and one per (outlet, normalised body)."""
    seen_urls: set[str] = set()
    seen_bodies: set[tuple[str, str]] = set()
    kept = []
    for art in articles:  # sorted, so the first path wins
        body = (art.outlet, normalise(art.text))
        if art.url in seen_urls or (body[1] and body in seen_bodies):
            continue
        seen_urls.add(art.url)
        seen_bodies.add(body)
        kept.append(art)
    return kept


# --------------------------------------------------------------------------- clusters


def cross_outlet_sentences(articles: list[Article]) -> dict[str, list[Article]]:
    """Sentences occurring in articles of two or more outlets."""
    index: dict[str, list[Article]] = defaultdict(list)
    for art in articles:
        for sent in art.sentences:
            index[sent].append(art)
    return {
        sent: sorted(arts, key=lambda a: a.relpath)
        for sent, arts in index.items()
        if len({a.outlet for a in arts}) >= 2
    }


def build_clusters(articles: list[Article]) -> list[Cluster]:
    """Connected components of articles linked by a cross-outlet shared sentence."""
    shared = cross_outlet_sentences(articles)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for arts in shared.values():
        # Every article carrying the sentence is linked to one of another outlet.
        for art in arts:
            other = next(o for o in arts if o.outlet != art.outlet)
            ra, rb = find(art.relpath), find(other.relpath)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

    by_path = {a.relpath: a for a in articles}
    members: dict[str, list[Article]] = defaultdict(list)
    for path in sorted(parent):
        members[find(path)].append(by_path[path])
    sentences: dict[str, list[str]] = defaultdict(list)
    for sent in sorted(shared):
        sentences[find(shared[sent][0].relpath)].append(sent)

    clusters = [Cluster(members[root], sentences[root]) for root in members]
    return sorted(clusters, key=lambda c: (-c.span, -len(c.articles), c.key))


def has_wire_copy(cluster: Cluster) -> bool:
    """True if an Al Arabiya member credits an agency or a France 24 member is AFP copy."""
    for art in cluster.articles:
        if art.outlet == "Alarabia" and _WIRE_BYLINE.search(art.author):
            return True
        if art.outlet == "France24" and _AFP_BODY.search(normalise(art.text)):
            return True
    return False


def representative_sentence(cluster: Cluster) -> str:
    """The shared sentence carried by most outlets, then most articles, then longest."""
    counts = {
        sent: (
            len({a.outlet for a in cluster.articles if sent in a.sentences}),
            sum(sent in a.sentences for a in cluster.articles),
            len(sent.split()),
        )
        for sent in cluster.sentences
    }
    return min(cluster.sentences, key=lambda s: (tuple(-n for n in counts[s]), s))


def select_clusters(clusters: list[Cluster], limit: int = CLUSTERED_MAX) -> list[Cluster]:
    """Pick whole clusters by the priority described in the module docstring."""
    wide = [c for c in clusters if c.span >= 3]
    rare = [c for c in clusters if c.span == 2 and RARE_OUTLETS & set(c.outlets)]
    buckets: dict[tuple[str, ...], list[Cluster]] = defaultdict(list)
    for c in clusters:
        if c.span == 2 and not RARE_OUTLETS & set(c.outlets):
            buckets[tuple(c.outlets)].append(c)
    for bucket in buckets.values():
        bucket.sort(key=lambda c: (not has_wire_copy(c), -len(c.sentences), c.key))
    round_robin = [
        c for row in zip_longest(*(buckets[k] for k in sorted(buckets))) for c in row if c
    ]

    chosen: list[Cluster] = []
    total = 0
    for cluster in wide + rare + round_robin:
        if total + len(cluster.articles) <= limit:
            chosen.append(cluster)
            total += len(cluster.articles)
    return chosen


# --------------------------------------------------------------------------- unclustered


def cue_profile(article: Article) -> tuple[int, int, int]:
    """(distinct core cues, distinct cues overall, total cue matches)."""
    text = normalise(article.text)
    core = {name: len(p.findall(text)) for name, p in _CORE_CUES.items()}
    other = {name: len(p.findall(text)) for name, p in _OTHER_CUES.items()}
    distinct_core = sum(1 for n in core.values() if n)
    distinct_all = distinct_core + sum(1 for n in other.values() if n)
    return distinct_core, distinct_all, sum(core.values()) + sum(other.values())


def select_unclustered(
    articles: list[Article],
    clustered: set[str],
    taken: list[Article],
    per_cell: int = UNCLUSTERED_PER_CELL,
) -> list[Article]:
    """Cue-rich articles outside every cluster, ``per_cell`` per outlet/category."""
    used_sentences = set().union(*(a.sentences for a in taken)) if taken else set()
    used_titles = {a.title for a in taken}
    chosen: list[Article] = []
    for outlet in OUTLETS:
        for category in CATEGORIES:
            pool = [
                a
                for a in articles
                if a.outlet == outlet
                and a.category == category
                and a.relpath not in clustered
                and a.title
                and UNCLUSTERED_MIN_CHARS <= len(a.text) <= UNCLUSTERED_MAX_CHARS
            ]
            pool.sort(key=lambda a: (tuple(-n for n in cue_profile(a)), a.relpath))
            picked = 0
            for art in pool:
                if picked == per_cell:
                    break
                if art.title in used_titles or art.sentences & used_sentences:
                    continue  # keep the unclustered picks free of near-duplicates
                chosen.append(art)
                used_titles.add(art.title)
                used_sentences |= art.sentences
                picked += 1
    return chosen


# --------------------------------------------------------------------------- output


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_bundle(articles: list[Article], ant_root: Path, out_ant: Path) -> None:
    """Copy the selected files byte-for-byte and verify them."""
    if out_ant.exists():
        shutil.rmtree(out_ant)
    for art in articles:
        src, dst = ant_root / art.relpath, out_ant / art.relpath
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        if sha256(src) != sha256(dst):
            raise RuntimeError(f"copy of {art.relpath} differs from its source")


def write_clusters_tsv(clusters: list[Cluster], path: Path) -> None:
    """Write one row per (cluster, article): cluster number, path relative to corpus/, and a
    shared normalised sentence. TSV, so that ``provenance extract corpus/`` never takes it for
    an article."""
    rows = ["cluster\tarticle\tshared_sentence"]
    for n, c in enumerate(clusters, 1):
        sentence = representative_sentence(c)
        rows += [f"{n}\tant/{a.relpath}\t{sentence}" for a in c.articles]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def print_summary(
    selected: list[Article],
    clusters: list[Cluster],
    unclustered: list[Article],
    list_all: bool = False,
) -> None:
    """Print counts per outlet/category, cluster spans and date range.

    With ``list_all`` also print every cluster and every unclustered article.
    """
    cells = Counter((a.outlet, a.category) for a in selected)
    print(f"articles: {len(selected)} "
          f"({sum(len(c.articles) for c in clusters)} in clusters, {len(unclustered)} unclustered)")
    in_clusters = Counter(a.outlet for c in clusters for a in c.articles)
    print(f"{'outlet':<10}" + "".join(f"{c:>19}" for c in CATEGORIES)
          + f"{'total':>8}{'clustered':>11}")
    for outlet in OUTLETS:
        row = [cells[(outlet, c)] for c in CATEGORIES]
        print(f"{outlet:<10}" + "".join(f"{n:>19}" for n in row)
              + f"{sum(row):>8}{in_clusters[outlet]:>11}")
    spans = Counter(c.span for c in clusters)
    print(f"clusters: {len(clusters)}; by outlet span: "
          + ", ".join(f"{k}: {spans.get(k, 0)}" for k in range(2, len(OUTLETS) + 1)))
    pairs = Counter(tuple(c.outlets) for c in clusters)
    print("clusters by outlet set: "
          + ", ".join(f"{'+'.join(k)} {n}" for k, n in sorted(pairs.items())))
    dates = sorted(a.date for a in selected)
    print(f"dates: {dates[0]} to {dates[-1]}")
    wire = [a for c in clusters for a in c.articles
            if a.outlet == "Alarabia" and _WIRE_BYLINE.search(a.author)]
    print(f"Al Arabiya clustered articles with an agency byline: {len(wire)}")
    if not list_all:
        return
    for i, c in enumerate(clusters, 1):
        print(f"[{i}] {'+'.join(c.outlets)} ({len(c.sentences)} shared sentences)")
        for a in c.articles:
            print(f"    {a.docno}  {a.title}  [{a.author}]")
    print("unclustered:")
    for a in unclustered:
        print(f"    {a.docno}  {a.title}  [{a.author}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Select the bundled demo corpus from the ANT multi-source corpus."
    )
    parser.add_argument("corpora", nargs="?", type=Path, default=DEFAULT_CORPORA,
                        help="folder holding ant-multisource/ (default: ../shared/corpora "
                             "relative to the repository root)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="corpus folder to write ant/ and clusters.tsv into")
    parser.add_argument("--list", action="store_true",
                        help="also list every cluster and unclustered article")
    args = parser.parse_args(argv)

    ant_root = args.corpora / ANT_DIR
    if not ant_root.is_dir():
        parser.error(f"{ant_root} not found")

    articles = deduplicate(load_articles(ant_root))
    all_clusters = build_clusters(articles)
    chosen = select_clusters(all_clusters)
    clustered_paths = {a.relpath for c in all_clusters for a in c.articles}
    in_clusters = sorted((a for c in chosen for a in c.articles), key=lambda a: a.relpath)
    unclustered = select_unclustered(articles, clustered_paths, in_clusters)
    selected = sorted(in_clusters + unclustered, key=lambda a: a.relpath)

    bundle_clusters = build_clusters(selected)
    if sorted(c.key for c in bundle_clusters) != sorted(c.key for c in chosen):
        raise RuntimeError("clusters within the bundle differ from the chosen clusters")

    args.out.mkdir(parents=True, exist_ok=True)
    write_bundle(selected, ant_root, args.out / "ant")
    write_clusters_tsv(bundle_clusters, args.out / "clusters.tsv")
    print(f"source: {len(articles)} articles after de-duplication, "
          f"{len(all_clusters)} cross-outlet clusters")
    print_summary(selected, bundle_clusters, unclustered, list_all=args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
