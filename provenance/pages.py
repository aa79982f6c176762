"""What the site's pages show, read from a provenance database: chains, sources, articles, reuse.

Each function takes an open ``sqlite3`` connection and returns plain dicts and lists that the
templates in ``datasette/templates/`` draw; nothing here knows about HTML. Texts are cut into
:class:`Segment` runs so that highlights (cue, source, content, intermediaries, reused
passages, differences between two copies) are marked on the original text, whose offsets every
table stores::

    >>> [(s.text, s.marks) for s in segments("قال مسؤول إن", [Mark(0, 3, "cue"), Mark(4, 9, "source")])]
    [('قال', ('cue',)), (' ', ()), ('مسؤول', ('source',)), (' إن', ())]
"""

from __future__ import annotations

import difflib
import functools
import itertools
import json
import sqlite3
from collections.abc import Iterable
from typing import Any

import attrs

from .reuse.text import WORD, key
from .store import normalize_ar

ROWS_PER_GROUP = 50  # attributions shown per outlet on a source page
SEARCH_LIMIT = 200  # chains listed on a search page
SEARCH_SOURCES = 20  # sources listed on a search page (the chains go through all that match)
QUOTE_LIMIT = 50  # full-text matches in what was said, on a search page
MIN_QUERY = 2  # characters a search needs (one letter would match nearly every source)


class NotFound(LookupError):
    """No row with that id."""


@attrs.frozen
class Mark:
    """A highlight: ``text[start:end]`` is a ``kind`` (cue, source, content, via, passage, diff)."""

    start: int
    end: int
    kind: str
    ref: int | None = None  # the attribution (or passage) it belongs to


@attrs.frozen
class Segment:
    """A run of text with the same highlights; ``ref`` is the first highlight's attribution."""

    text: str
    start: int
    marks: tuple[str, ...] = ()
    ref: int | None = None


def segments(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> list[Segment]:
    """Cut ``text[start:end]`` at every mark boundary; each run lists the marks covering it."""
    end = len(text) if end is None else end
    marks = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    cuts = sorted({start, end, *(max(start, min(end, p)) for m in marks for p in (m.start, m.end))})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = [m for m in marks if m.start <= a and m.end >= b]
        kinds = tuple(dict.fromkeys(m.kind for m in covering))
        ref = next((m.ref for m in covering if m.ref is not None), None)
        out.append(Segment(text[a:b], a, kinds, ref))
    return out


def paragraphs(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> list[list[Segment]]:
    """:func:`segments` split into paragraphs at line breaks (the breaks themselves dropped)."""
    end = len(text) if end is None else end
    marks = list(marks)
    out, pos = [], start
    while pos <= end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        if text[pos:stop].strip():
            out.append(segments(text, marks, pos, stop))
        pos = stop + 1
    return out


def source_matches(name: str | None, name_en: str | None, aliases: str | None, query: str | None) -> int:
    """1 when a source answers to ``query``: its Arabic name contains it (both folded by
    :func:`normalize_ar`), its English name contains it (any case), or one of its gazetteer
    spellings (``outlets.aliases``, a JSON list) is it. An empty query matches every source.

    Registered as the SQL function ``source_matches(name, name_en, aliases, :q)`` on the site, so
    the search page and the canned queries match names the same way::

        >>> source_matches("فرانس برس", "Agence France-Presse", '["أ ف ب", "AFP"]', "afp")
        1
        >>> source_matches("رويترز", "Reuters", None, "رُويتَرز"), source_matches("رويترز", "Reuters", None, "_")
        (1, 0)
    """
    folded = _fold(query)
    if not folded:
        return 1
    return int(_answers(folded, _fold(name), (name_en or "").casefold(), _aliases(aliases)))


def _answers(folded: str, name: str, name_en: str, aliases: frozenset[str]) -> bool:
    """The test of :func:`source_matches` on a folded query and a source's folded name, English
    name in lower case and folded spellings (the search page keeps these for every source)."""
    return folded in name or folded.casefold() in name_en or folded.casefold() in aliases


@functools.lru_cache(maxsize=1 << 18)
def _fold(text: str | None) -> str:
    return " ".join((normalize_ar(text) or "").split())


@functools.lru_cache(maxsize=4096)
def _aliases(value: str | None) -> frozenset[str]:
    if not value:
        return frozenset()
    try:
        return frozenset(_fold(a).casefold() for a in json.loads(value))
    except (ValueError, TypeError):
        return frozenset()


_NAMES: dict[tuple[Any, ...], list[tuple[int, str, str, frozenset[str]]]] = {}


def _names(conn: sqlite3.Connection) -> list[tuple[int, str, str, frozenset[str]]]:
    """Every source as (id, folded name, English name in lower case, folded gazetteer spellings),
    read once per database state: the search page scans it in memory, which is fifty times faster
    than calling :func:`source_matches` on every row."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    state = (path, *conn.execute("SELECT count(*), max(id) FROM sources").fetchone())
    if state not in _NAMES:
        _NAMES.clear()
        _NAMES[state] = [
            (i, _fold(name), (name_en or "").casefold(), _aliases(aliases))
            for i, name, name_en, aliases in conn.execute(
                "SELECT s.id, s.name, s.name_en, o.aliases FROM sources s LEFT JOIN outlets o ON o.id = s.outlet_id"
            )
        ]
    return _NAMES[state]


def warm(conn: sqlite3.Connection) -> None:
    """Read the names :func:`search` scans (a site calls this when it starts)."""
    _names(conn)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address (the only kind a page links to), else None."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _text(conn: sqlite3.Connection, article_id: int) -> str:
    return conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]


def _rows(conn: sqlite3.Connection, sql: str, params: dict[str, Any] | tuple = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _one(conn: sqlite3.Connection, sql: str, params: dict[str, Any] | tuple, what: str) -> dict[str, Any]:
    rows = _rows(conn, sql, params)
    if not rows:
        raise NotFound(what)
    return rows[0]


def _article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any]:
    """An article's metadata and publisher, with ``link``: its URL when a page may link to it."""
    row = _one(
        conn,
        "SELECT ar.id, ar.title, ar.url, ar.date, ar.author, ar.outlet, ar.doc_id, ar.path, ar.publisher_id,"
        " p.name AS publisher, p.name_en AS publisher_en, ar.publisher_evidence"
        " FROM articles ar LEFT JOIN sources p ON p.id = ar.publisher_id WHERE ar.id = ?",
        (article_id,),
        f"article {article_id}",
    )
    row["link"] = safe_url(row["url"])
    return row


def _links(conn: sqlite3.Connection, attribution_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The nodes of each attribution's chain, publisher first."""
    out: dict[int, list[dict[str, Any]]] = {i: [] for i in attribution_ids}
    for i in range(0, len(attribution_ids), 500):
        chunk = attribution_ids[i : i + 500]
        for row in _rows(
            conn,
            "SELECT l.attribution_id, l.position, l.role, l.text, l.start, l.end, l.field, l.inherited,"
            " s.id AS source_id, s.name, s.name_en, s.kind, s.anonymous_type"
            " FROM chain_links l JOIN sources s ON s.id = l.source_id"
            f" WHERE l.attribution_id IN ({','.join('?' * len(chunk))}) ORDER BY l.attribution_id, l.position",
            tuple(chunk),
        ):
            out[row["attribution_id"]].append(row)
    return out


def _attribution_marks(a: dict[str, Any], links: list[dict[str, Any]]) -> list[Mark]:
    marks = [Mark(a["cue_start"], a["cue_end"], "cue", a["id"])]
    if a["source_start"] is not None:
        marks.append(Mark(a["source_start"], a["source_end"], "source", a["id"]))
    if a["content_start"] is not None:
        marks.append(Mark(a["content_start"], a["content_end"], "content", a["id"]))
    for link in links:
        if link["role"] == "intermediary" and link["field"] == "text" and link["start"] is not None:
            marks.append(Mark(link["start"], link["end"], "via", a["id"]))
    return marks


_ATTRIBUTIONS = """
SELECT a.id, a.article_id, a.seq, a.cue, a.cue_lemma, a.cue_start, a.cue_end, a.source_id, a.source_text,
       a.source_start, a.source_end, a.source_kind, a.anonymous_type, a.person, a.role, a.content,
       a.content_start, a.content_end, a.direct, a.channel, a.continues, a.hops, a.path,
       a.sentence, a.sentence_start, a.sentence_end
FROM attributions a
"""


def chain(conn: sqlite3.Connection, attribution_id: int) -> dict[str, Any]:
    """One attribution: its chain's nodes, and its sentence in its paragraph, highlighted."""
    a = _one(conn, _ATTRIBUTIONS + " WHERE a.id = ?", (attribution_id,), f"attribution {attribution_id}")
    article = _article(conn, a["article_id"])
    text = _text(conn, a["article_id"])
    links = _links(conn, [a["id"]])[a["id"]]
    nodes = list(links)
    if not any(n["role"] == "publisher" for n in nodes):
        nodes.insert(0, {"role": "publisher", "source_id": None, "name": None, "kind": None, "inherited": 0})
    start = text.rfind("\n", 0, a["sentence_start"]) + 1
    end = text.find("\n", a["sentence_end"])
    end = len(text) if end < 0 else end
    marks = _attribution_marks(a, links) + [Mark(a["sentence_start"], a["sentence_end"], "sentence")]
    continues = None
    if a["continues"] is not None:
        continues = _rows(
            conn, "SELECT id, source_text FROM attributions WHERE article_id = ? AND seq = ?",
            (a["article_id"], a["continues"]),
        )
    return {
        "attribution": a,
        "article": article,
        "nodes": nodes,
        "paragraph": segments(text, marks, start, end),
        "continues": continues[0] if continues else None,
    }


def source(conn: sqlite3.Connection, source_id: int, per_group: int = ROWS_PER_GROUP) -> dict[str, Any]:
    """Everything attributed to a source (as origin or as an intermediary), grouped by outlet."""
    s = _one(
        conn,
        "SELECT s.*, o.name AS outlet_name, o.country, o.aliases FROM sources s"
        " LEFT JOIN outlets o ON o.id = s.outlet_id WHERE s.id = ?",
        (source_id,),
        f"source {source_id}",
    )
    groups = _rows(
        conn,
        "SELECT ar.publisher_id, p.name AS publisher, p.name_en AS publisher_en, count(*) AS count,"
        " sum(l.role = 'origin') AS origin, sum(l.role = 'intermediary') AS via"
        " FROM chain_links l JOIN attributions a ON a.id = l.attribution_id"
        " JOIN articles ar ON ar.id = a.article_id LEFT JOIN sources p ON p.id = ar.publisher_id"
        " WHERE l.source_id = ? AND l.role != 'publisher' GROUP BY ar.publisher_id ORDER BY count DESC, p.name",
        (source_id,),
    )
    rows = _rows(
        conn,
        "WITH hits AS (SELECT l.role, l.inherited, l.attribution_id, ar.publisher_id, row_number() OVER"
        " (PARTITION BY ar.publisher_id ORDER BY ar.id DESC, a.seq) AS n"
        " FROM chain_links l JOIN attributions a ON a.id = l.attribution_id JOIN articles ar ON ar.id = a.article_id"
        " WHERE l.source_id = ? AND l.role != 'publisher')"
        " SELECT h.role, h.inherited, h.publisher_id, a.id, a.cue, a.content, a.path, a.direct,"
        " ar.id AS article_id, ar.title, ar.date FROM hits h JOIN attributions a ON a.id = h.attribution_id"
        " JOIN articles ar ON ar.id = a.article_id WHERE h.n <= ? ORDER BY h.publisher_id, h.n",
        (source_id, per_group),
    )
    by_publisher: dict[int | None, list[dict[str, Any]]] = {}
    for row in rows:
        by_publisher.setdefault(row["publisher_id"], []).append(row)
    for group in groups:
        group["rows"] = by_publisher.get(group["publisher_id"], [])
    published = conn.execute("SELECT count(*) FROM articles WHERE publisher_id = ?", (source_id,)).fetchone()[0]
    reuse = _rows(
        conn,
        "SELECT outlet, outlet_en, outlet_id, passages, articles, credited, uncredited FROM wire_reuse"
        " WHERE source_id = ? ORDER BY passages DESC",
        (source_id,),
    ) if s["kind"] in ("wire_agency", "outlet") else []
    return {
        "source": s,
        "groups": groups,
        "total": sum(g["count"] for g in groups),
        "published": published,
        "reuse": reuse,
    }


def article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any]:
    """An article's text with every attribution and reused passage marked, its chains and reuse."""
    art = _article(conn, article_id)
    text = _text(conn, article_id)
    attributions = _rows(conn, _ATTRIBUTIONS + " WHERE a.article_id = ? ORDER BY a.seq", (article_id,))
    links = _links(conn, [a["id"] for a in attributions])
    marks = [m for a in attributions for m in _attribution_marks(a, links[a["id"]])]
    passages = _rows(
        conn,
        "SELECT p.id, p.start, p.end, p.words, p.credit, p.credit_evidence, p.cluster_id,"
        " s.id AS credit_source_id, s.name AS credit_source, c.origin_article_id, c.articles AS cluster_articles,"
        " cs.id AS cluster_source_id, cs.name AS cluster_source"
        " FROM passages p LEFT JOIN sources s ON s.id = p.credit_source_id"
        " LEFT JOIN reuse_clusters c ON c.id = p.cluster_id LEFT JOIN sources cs ON cs.id = c.source_id"
        " WHERE p.article_id = ? ORDER BY p.start",
        (article_id,),
    )
    marks += [Mark(p["start"], p["end"], "passage") for p in passages]
    pairs = _rows(
        conn,
        "SELECT r.id, r.aligned, r.similarity, r.same_outlet, r.direction,"
        " CASE WHEN r.article_a = :id THEN r.article_b ELSE r.article_a END AS other_id,"
        " CASE WHEN r.article_a = :id THEN r.a_words ELSE r.b_words END AS words,"
        " o.title AS other_title, o.date AS other_date, op.name AS other_publisher"
        " FROM reuse_pairs r JOIN articles o ON o.id = CASE WHEN r.article_a = :id THEN r.article_b ELSE r.article_a END"
        " LEFT JOIN sources op ON op.id = o.publisher_id"
        " WHERE r.article_a = :id OR r.article_b = :id ORDER BY r.same_outlet, r.aligned DESC",
        {"id": article_id},
    )
    for a in attributions:
        a["links"] = links[a["id"]]
    return {
        "article": art,
        "paragraphs": paragraphs(text, marks),
        "attributions": attributions,
        "passages": passages,
        "pairs": pairs,
    }


def differences(a: str, b: str) -> tuple[list[Mark], list[Mark], float]:
    """Where two copies of a passage differ, and how alike they are (0–1).

    Words are aligned by their reuse keys: a word the other copy lacks or replaces is a ``diff``;
    a word aligned with one spelled differently («والدنمارك» / «والدنمرك», «الاثنين» / «الإثنين»)
    is a ``variant``.
    """
    wa, wb = list(WORD.finditer(a)), list(WORD.finditer(b))
    matcher = difflib.SequenceMatcher(None, [key(m[0]) for m in wa], [key(m[0]) for m in wb], autojunk=False)
    ma: list[Mark] = []
    mb: list[Mark] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for x, y in zip(wa[i1:i2], wb[j1:j2]):
                if x[0] != y[0]:
                    ma.append(Mark(x.start(), x.end(), "variant"))
                    mb.append(Mark(y.start(), y.end(), "variant"))
            continue
        if i2 > i1:
            ma.append(Mark(wa[i1].start(), wa[i2 - 1].end(), "diff"))
        if j2 > j1:
            mb.append(Mark(wb[j1].start(), wb[j2 - 1].end(), "diff"))
    return ma, mb, round(matcher.ratio(), 3)


def pair(conn: sqlite3.Connection, pair_id: int) -> dict[str, Any]:
    """A passage two articles share, side by side, with differences and who credited the source."""
    r = _one(conn, "SELECT * FROM reuse_pairs WHERE id = ?", (pair_id,), f"reuse pair {pair_id}")
    sides = []
    for side in ("a", "b"):
        art = _article(conn, r[f"article_{side}"])
        text = _text(conn, art["id"])
        start, end = r[f"{side}_start"], r[f"{side}_end"]
        credit = _rows(
            conn,
            "SELECT p.credit, p.credit_evidence, s.id AS source_id, s.name AS source FROM passages p"
            " LEFT JOIN sources s ON s.id = p.credit_source_id"
            " WHERE p.article_id = ? AND p.start < ? AND p.end > ? ORDER BY (min(p.end, ?) - max(p.start, ?)) DESC",
            (art["id"], end, start, end, start),
        )
        sides.append({"article": art, "text": text, "start": start, "end": end,
                      "credit": credit[0] if credit else None})
    marks_a, marks_b, ratio = differences(sides[0]["text"][sides[0]["start"]:sides[0]["end"]],
                                          sides[1]["text"][sides[1]["start"]:sides[1]["end"]])
    for side, marks in zip(sides, (marks_a, marks_b)):
        shifted = [Mark(m.start + side["start"], m.end + side["start"], m.kind) for m in marks]
        side["paragraphs"] = paragraphs(side["text"], shifted, side["start"], side["end"])
        side["changed_words"] = sum(len(WORD.findall(side["text"][m.start:m.end])) for m in shifted if m.kind == "diff")
        side["variant_words"] = sum(m.kind == "variant" for m in shifted)
        del side["text"]
    cluster = None
    if r["cluster_id"] is not None:
        cluster = _rows(
            conn,
            "SELECT c.*, s.name AS source, s.name_en AS source_en, s.kind AS source_kind, o.title AS origin_title"
            " FROM reuse_clusters c LEFT JOIN sources s ON s.id = c.source_id"
            " LEFT JOIN articles o ON o.id = c.origin_article_id WHERE c.id = ?",
            (r["cluster_id"],),
        )[0]
    return {"pair": r, "sides": sides, "ratio": ratio, "cluster": cluster}


def search(conn: sqlite3.Connection, query: str, limit: int = SEARCH_LIMIT) -> dict[str, Any]:
    """Sources that answer to ``query`` (:func:`source_matches`), the chains through any of them
    (as intermediary or origin), and full-text matches in what was said."""
    query = "".join(c for c in query if c.isprintable())[:200]
    folded = _fold(query)
    empty = {"query": query, "sources": [], "chains": [], "quotes": [], "total": 0}
    if len(folded) < MIN_QUERY:
        return empty
    matched = [i for i, *names in _names(conn) if _answers(folded, *names)]
    conn.execute("DROP TABLE IF EXISTS temp.matched")
    conn.execute("CREATE TEMP TABLE matched (id INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO temp.matched VALUES (?)", ((i,) for i in matched))
    where = "l.source_id IN (SELECT id FROM temp.matched) AND l.role != 'publisher'"
    sources = _rows(
        conn,
        "SELECT s.id, s.name, s.name_en, s.kind, s.anonymous_type, count(*) AS mentions"
        f" FROM chain_links l JOIN sources s ON s.id = l.source_id WHERE {where}"
        " GROUP BY s.id ORDER BY mentions DESC, s.name LIMIT ?",
        (SEARCH_SOURCES,),
    )
    total = conn.execute(f"SELECT count(DISTINCT l.attribution_id) FROM chain_links l WHERE {where}").fetchone()[0]
    chains = _rows(
        conn,
        "SELECT a.id, a.cue, a.content, a.path, a.direct, ar.id AS article_id, ar.title, ar.date,"
        " p.name AS publisher FROM attributions a JOIN articles ar ON ar.id = a.article_id"
        " LEFT JOIN sources p ON p.id = ar.publisher_id"
        f" WHERE a.id IN (SELECT l.attribution_id FROM chain_links l WHERE {where})"
        " ORDER BY ar.id DESC, a.seq LIMIT ?",
        (limit,),
    )
    conn.execute("DROP TABLE temp.matched")
    links = _links(conn, [c["id"] for c in chains])
    for c in chains:
        c["links"] = links[c["id"]]
    quotes = _rows(
        conn,
        "SELECT a.id, a.path, a.content, ar.id AS article_id, ar.title, p.name AS publisher"
        " FROM attributions_fts f JOIN attributions a ON a.rowid = f.rowid"
        " JOIN articles ar ON ar.id = a.article_id LEFT JOIN sources p ON p.id = ar.publisher_id"
        " WHERE attributions_fts MATCH ? ORDER BY rank LIMIT ?",
        ('"' + folded.replace('"', '""') + '"', QUOTE_LIMIT),
    )
    return {"query": query, "sources": sources, "chains": chains, "quotes": quotes, "total": total}
