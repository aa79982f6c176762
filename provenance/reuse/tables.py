"""Reuse in the provenance database: the shingle index, pairs, passages, clusters.

:func:`update` is what ``Store.reuse()`` and ``provenance reuse`` run. It is incremental: an
article is tokenised once and its shingle hashes are kept in ``reuse_index``; the next run
compares only the articles added or changed since with that index (and with each other), so
the pairs of unchanged articles are never recomputed. Passages and clusters are then rebuilt
from all stored pairs (a few SQL reads, no text is aligned again).
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from typing import TYPE_CHECKING

import attrs
import numpy as np
import sqlite_utils

from .align import ReuseSettings, find_matches
from .clusters import ArticleFacts, PairSpans, When, Wires, cluster, direction
from .detect import Reuse, located
from .text import WORD, ReuseText, key_tuple, masks_fingerprint

if TYPE_CHECKING:
    from ..store import Store


@attrs.frozen
class ReuseReport:
    """What one reuse run did."""

    compared: int = 0  #: articles tokenised and compared in this run
    indexed: int = 0  #: articles in the index after the run
    pairs_added: int = 0
    pairs: int = 0  #: stored pairs, cross-outlet and same-outlet
    cross_outlet: int = 0
    passages: int = 0
    clusters: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.compared} articles compared with an index of {self.indexed - self.compared}; "
            f"{self.pairs_added} pairs added, {self.pairs} stored ({self.cross_outlet} across outlets, "
            f"{self.pairs - self.cross_outlet} within one); {self.passages} passages in {self.clusters} clusters"
        )


def create(db: sqlite_utils.Database) -> None:
    """Create the reuse tables when missing."""
    names = set(db.table_names())
    if "reuse_index" not in names:
        db["reuse_index"].create(
            {"article_id": int, "hash": str, "words": int, "shingles": bytes},
            pk="article_id", foreign_keys=[("article_id", "articles", "id")], not_null={"hash"},
        )
    if "reuse_clusters" not in names:
        db["reuse_clusters"].create(
            {
                "id": int, "passages": int, "articles": int, "outlets": int, "first_date": str,
                "origin_article_id": int, "origin_basis": str, "source_id": int, "source_basis": str,
                "text": str,
            },
            pk="id", foreign_keys=[("origin_article_id", "articles", "id"), ("source_id", "sources", "id")],
        )
        db["reuse_clusters"].create_index(["source_id"])
    if "reuse_pairs" not in names:
        db["reuse_pairs"].create(
            {
                "id": int, "article_a": int, "article_b": int,
                "a_start": int, "a_end": int, "b_start": int, "b_end": int,
                "a_words": int, "b_words": int, "aligned": int, "similarity": float,
                "same_outlet": int, "direction": str, "direction_basis": str, "cluster_id": int,
            },
            pk="id",
            foreign_keys=[("article_a", "articles", "id"), ("article_b", "articles", "id"), ("cluster_id", "reuse_clusters", "id")],
        )
        db["reuse_pairs"].create_index(["article_a"])
        db["reuse_pairs"].create_index(["article_b"])
        db["reuse_pairs"].create_index(["cluster_id"])
    if "passages" not in names:
        db["passages"].create(
            {
                "id": int, "article_id": int, "start": int, "end": int, "words": int, "cluster_id": int,
                "credit": str, "credit_source_id": int, "credit_evidence": str, "text": str,
            },
            pk="id",
            foreign_keys=[("article_id", "articles", "id"), ("cluster_id", "reuse_clusters", "id"), ("credit_source_id", "sources", "id")],
        )
        db["passages"].create_index(["article_id"])
        db["passages"].create_index(["cluster_id"])


def forget(db: sqlite_utils.Database, article_id: int) -> None:
    """Drop an article's reuse rows (it is being replaced or deleted); clusters follow next run."""
    if "reuse_index" not in db.table_names():
        return
    db.execute("DELETE FROM passages WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM reuse_pairs WHERE article_a = ? OR article_b = ?", [article_id, article_id])
    db.execute("DELETE FROM reuse_index WHERE article_id = ?", [article_id])


def update(
    store: Store,
    settings: ReuseSettings | None = None,
    *,
    jobs: int = 1,
    rebuild: bool = False,
    progress: Callable[[str], None] | None = None,
) -> ReuseReport:
    """Compare new and changed articles with the index, store their pairs, rebuild clusters."""
    began = time.perf_counter()
    settings = settings or ReuseSettings()
    db = store.db
    create(db)
    say = progress or (lambda _: None)
    stored_settings = _meta(db, "reuse_settings")
    # the stored shingles depend on the settings and on the masks (formulas, boilerplate)
    wanted_settings = json.dumps({**attrs.asdict(settings), "masks": masks_fingerprint()}, sort_keys=True)
    if rebuild or (stored_settings is not None and stored_settings != wanted_settings):
        with db.atomic():
            _clear(db)
    with db.atomic():
        stale = [r[0] for r in db.execute(
            "SELECT r.article_id FROM reuse_index r LEFT JOIN articles a ON a.id = r.article_id"
            " WHERE a.id IS NULL OR a.hash != r.hash"
        )]
        for article_id in stale:
            forget(db, article_id)
    new_rows = list(db.execute(
        "SELECT a.id, a.hash FROM articles a LEFT JOIN reuse_index r ON r.article_id = a.id"
        " WHERE r.article_id IS NULL ORDER BY a.id"
    ))
    say(f"tokenising {len(new_rows)} articles")
    new_ids = [r[0] for r in new_rows]
    new_hashes = [r[1] for r in new_rows]
    new_shingles = list(_shingles(db, new_ids, settings.n, jobs))
    new_words = [int(w) for w, _ in new_shingles]
    new_arrays = [s for _, s in new_shingles]
    old_ids, old_arrays = [], []
    for article_id, blob in db.execute("SELECT article_id, shingles FROM reuse_index ORDER BY article_id"):
        old_ids.append(article_id)
        old_arrays.append(np.frombuffer(blob, dtype=np.uint64))
    ids = old_ids + new_ids
    is_new = np.zeros(len(ids), dtype=bool)
    is_new[len(old_ids):] = True
    say(f"aligning against an index of {len(old_ids)} articles")
    del new_rows

    @lru_cache(maxsize=4096)  # texts are read when a match needs them, never all at once
    def text(k: int) -> str:
        return db.execute("SELECT text FROM articles WHERE id = ?", [ids[k]]).fetchone()[0]

    found = located(find_matches(old_arrays + new_arrays, settings, new=is_new), text, settings) if ids else []
    if found:
        titles = _titles(db)
        longest = max(map(len, titles), default=0)
        found = [r for r in found if not _only_a_link(r, text, ids, titles, longest, settings.min_tokens)]
    facts = _facts(db, {ids[r.a] for r in found} | {ids[r.b] for r in found})
    rows = []
    for r in found:
        a, b = facts[ids[r.a]], facts[ids[r.b]]
        way, basis = direction(a, b)
        rows.append({
            "article_a": a.id, "article_b": b.id, "a_start": r.a_start, "a_end": r.a_end,
            "b_start": r.b_start, "b_end": r.b_end, "a_words": r.a_words, "b_words": r.b_words,
            "aligned": r.aligned, "similarity": r.similarity,
            "same_outlet": int(same_outlet(a, b)), "direction": way, "direction_basis": basis,
        })
    with db.atomic():
        db["reuse_pairs"].insert_all(rows)
        db["reuse_index"].insert_all(
            {"article_id": i, "hash": h, "words": w, "shingles": s.tobytes()}
            for i, h, w, s in zip(new_ids, new_hashes, new_words, new_arrays)
        )
        db.execute("INSERT OR REPLACE INTO provenance_meta VALUES ('reuse_settings', ?)", [wanted_settings])
        say("rebuilding passages and clusters")
        n_passages, n_clusters = _rebuild_clusters(db, facts)
    pairs, cross = db.execute("SELECT count(*), coalesce(sum(same_outlet = 0), 0) FROM reuse_pairs").fetchone()
    return ReuseReport(
        compared=len(new_ids), indexed=len(ids), pairs_added=len(rows), pairs=pairs, cross_outlet=cross,
        passages=n_passages, clusters=n_clusters, seconds=round(time.perf_counter() - began, 2),
    )


def _titles(db: sqlite_utils.Database) -> dict[tuple[int, ...], set[int]]:
    """The stored articles by the keys of their title's words."""
    out: dict[tuple[int, ...], set[int]] = {}
    for article_id, title in db.execute("SELECT id, title FROM articles WHERE title IS NOT NULL AND title != ''"):
        out.setdefault(key_tuple(WORD.findall(title)), set()).add(article_id)
    return out


def _only_a_link(
    r: Reuse, text: Callable[[int], str], ids: list[int], titles: dict[tuple[int, ...], set[int]], longest: int,
    min_words: int,
) -> bool:
    """Whether a passage is, but for fewer than ``min_words`` words, a line that is the title of
    a third article (titles are at most ``longest`` words): a link to it.

    Sites set links to related stories between paragraphs as bare headlines («سوريا: إسرائيل
    قصفت قاعدة التيفور بصواريخ من فوق الأراضي اللبنانية» on a line of its own); two pages that
    link to the same story are no copy of each other. The headline of the two articles
    themselves is not a link: a copy that carries it is a copy.
    """
    if min(r.a_words, r.b_words) >= longest + min_words:
        return False  # more than a title and a few words on either side
    own = {ids[r.a], ids[r.b]}
    for k, start, end in ((r.a, r.a_start, r.a_end), (r.b, r.b_start, r.b_end)):
        t = text(k)
        linked, rest = 0, 0
        line_start = t.rfind("\n", 0, start) + 1
        while line_start < end:
            line_end = t.find("\n", line_start)
            line_end = len(t) if line_end < 0 else line_end
            words = len(WORD.findall(t, max(line_start, start), min(line_end, end)))
            if titles.get(key_tuple(WORD.findall(t, line_start, line_end)), own) - own:
                linked += words
            else:
                rest += words
            line_start = line_end + 1
        if linked and rest < min_words:
            return True
    return False


def _shingles(db: sqlite_utils.Database, article_ids: list[int], n: int, jobs: int) -> Iterator[tuple[int, np.ndarray]]:
    """(words, shingle hashes) of each article, in order.

    Each text and its normalised form (``text_norm``, which the masks need) are read a chunk at
    a time, as the chunks are tokenised, so that the texts are never all in memory at once.
    """
    chunk = max(50, min(2000, len(article_ids) // (jobs * 8))) if jobs > 1 and len(article_ids) > 200 else 500

    def chunks() -> Iterator[list[tuple[str, str | None]]]:
        for i in range(0, len(article_ids), chunk):
            part = article_ids[i : i + chunk]
            rows = {r[0]: (r[1], r[2]) for r in db.execute(
                "SELECT id, text, text_norm FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(part)],
            )}
            yield [rows[article_id] for article_id in part]

    if jobs > 1 and len(article_ids) > 200:
        with ProcessPoolExecutor(jobs) as pool:
            pending: deque[Future[list[tuple[int, np.ndarray]]]] = deque()
            for part in chunks():
                pending.append(pool.submit(_shingle_chunk, part, n))
                if len(pending) > 2 * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
    else:
        for part in chunks():
            yield from _shingle_chunk(part, n)


def _shingle_chunk(texts: list[tuple[str, str | None]], n: int) -> list[tuple[int, np.ndarray]]:
    out = []
    for t, norm in texts:
        rt = ReuseText.from_text(t, n, norm)
        out.append((len(rt), rt.shingles))
    return out


def same_outlet(a: ArticleFacts, b: ArticleFacts) -> bool:
    """Both published by one outlet (by publisher, else by the outlet field of their metadata)."""
    if a.publisher_id is not None and b.publisher_id is not None:
        return a.publisher_id == b.publisher_id
    return a.outlet is not None and a.outlet == b.outlet


def _facts(db: sqlite_utils.Database, article_ids: set[int]) -> dict[int, ArticleFacts]:
    """Dates, publishers, credits and named sources of these articles."""
    if not article_ids:
        return {}
    ids = [json.dumps(sorted(article_ids))]
    credits: dict[int, list[tuple[int, str]]] = {}
    for article_id, source_id, field in db.execute(
        "SELECT c.article_id, c.source_id, c.field FROM credits c"
        " WHERE c.article_id IN (SELECT value FROM json_each(?)) ORDER BY c.id", ids
    ):
        credits.setdefault(article_id, []).append((source_id, "byline" if field == "author" else "credit"))
    named: dict[int, list[tuple[int, int, int]]] = {}
    for article_id, start, end, source_id in db.execute(
        "SELECT t.article_id, t.sentence_start, t.sentence_end, l.source_id FROM attributions t"
        " JOIN chain_links l ON l.attribution_id = t.id WHERE t.article_id IN (SELECT value FROM json_each(?))"
        " AND l.role != 'publisher' AND l.inherited = 0 ORDER BY t.id, l.position", ids
    ):
        named.setdefault(article_id, []).append((start, end, source_id))
    out = {}
    for article_id, date, outlet, publisher_id, kind in db.execute(
        "SELECT a.id, a.date, a.outlet, a.publisher_id, s.kind FROM articles a"
        " LEFT JOIN sources s ON s.id = a.publisher_id WHERE a.id IN (SELECT value FROM json_each(?))", ids
    ):
        out[article_id] = ArticleFacts(
            article_id, When.parse(date), outlet, publisher_id, kind == "wire_agency",
            tuple(credits.get(article_id, ())), tuple(named.get(article_id, ())),
        )
    return out


def _wires(db: sqlite_utils.Database) -> Wires:
    rows = list(db.execute("SELECT id, outlet_id FROM sources WHERE kind = 'wire_agency'"))
    return Wires(frozenset(r[0] for r in rows), frozenset(r[0] for r in rows if r[1] is not None))


def _rebuild_clusters(db: sqlite_utils.Database, facts: dict[int, ArticleFacts]) -> tuple[int, int]:
    """Passages and clusters from every stored cross-outlet pair; ``facts`` already read are reused."""
    rows = list(db.execute(
        "SELECT id, article_a, article_b, a_start, a_end, b_start, b_end FROM reuse_pairs WHERE same_outlet = 0 ORDER BY id"
    ))
    pairs = [PairSpans(*r[1:]) for r in rows]
    facts = {**facts, **_facts(db, ({p.a for p in pairs} | {p.b for p in pairs}) - facts.keys())}
    passages, clusters, of_pair = cluster(pairs, facts, _wires(db))
    db.execute("UPDATE reuse_pairs SET cluster_id = NULL")
    db.execute("DELETE FROM passages")
    db.execute("DELETE FROM reuse_clusters")
    texts: dict[int, str] = {}

    def text_of(article_id: int) -> str:
        if article_id not in texts:
            texts[article_id] = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        return texts[article_id]

    cluster_rows = []
    for k, c in enumerate(clusters, 1):
        members = [passages[i] for i in c.passages]
        origin = passages[c.origin_passage] if c.origin_passage is not None else members[0]
        days = [f.when.day for f in (facts[p.article_id] for p in members) if f.when]
        cluster_rows.append({
            "id": k, "passages": len(members), "articles": len({p.article_id for p in members}),
            "outlets": len({facts[p.article_id].publisher_id or -p.article_id for p in members}),
            "first_date": min(days) if days else None,
            "origin_article_id": passages[c.origin_passage].article_id if c.origin_passage is not None else None,
            "origin_basis": c.origin_basis, "source_id": c.source_id, "source_basis": c.source_basis,
            "text": text_of(origin.article_id)[origin.start : origin.end],
        })
    db["reuse_clusters"].insert_all(cluster_rows)
    db["passages"].insert_all(
        {
            "id": i, "article_id": p.article_id, "start": p.start, "end": p.end,
            "words": _words(text_of(p.article_id)[p.start : p.end]), "cluster_id": p.cluster + 1,
            "credit": p.credit, "credit_source_id": p.credit_source_id, "credit_evidence": p.credit_evidence,
            "text": text_of(p.article_id)[p.start : p.end],
        }
        for i, p in enumerate(passages, 1)
    )
    db.conn.executemany("UPDATE reuse_pairs SET cluster_id = ? WHERE id = ?", [(c + 1, r[0]) for r, c in zip(rows, of_pair)])
    return len(passages), len(clusters)


def _words(s: str) -> int:
    return len(WORD.findall(s))


def _meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM provenance_meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _clear(db: sqlite_utils.Database) -> None:
    for table in ("passages", "reuse_pairs", "reuse_clusters", "reuse_index"):
        db.execute(f"DELETE FROM {table}")
