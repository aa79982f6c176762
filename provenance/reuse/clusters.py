"""From pairs of reused passages to clusters: where a passage came from and who said so.

Within one article, overlapping reused spans are one *passage*. Passages joined by a reuse pair
form a *cluster*: the same text in many articles. For each cluster:

- **origin article** (the direction guess), first found of: the wire agency's own article
  (``agency``: SPA's item among the papers that republish it); the earliest article that
  credits a wire agency for the passage (``credit``); the strictly earliest article (``date``).
- **origin source**: the agency whose article it is; else the wire agency most articles credit
  for the passage (a named agency before the generic «وكالات»); else, with a ``date`` origin, that article's publisher.

Each passage is then labelled, after METER's derived / non-derived idea: ``origin`` (the
origin article itself, when it is the agency's or the earliest), ``credited`` (the article
names the origin source: an attribution in or near the passage, or its byline, dateline or
an article-level credit) or ``uncredited`` (it names none, or only itself, as «أبوظبي - سكاي
نيوز عربية» over AFP copy).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import attrs


@attrs.frozen
class ArticleFacts:
    """What clustering needs to know of an article."""

    id: int
    when: When | None = None
    outlet: str | None = None  #: the outlet field of the article's metadata
    publisher_id: int | None = None
    publisher_is_wire: bool = False
    credits: tuple[tuple[int, str], ...] = ()  #: (source id, evidence) named article-wide
    named: tuple[tuple[int, int, int], ...] = ()  #: (sentence start, end, source id) of attributions


@attrs.frozen
class Wires:
    """The sources that are wire agencies, and of those the gazetteer's (not the generic «وكالات»)."""

    all: frozenset[int] = frozenset()
    named: frozenset[int] = frozenset()


@attrs.frozen(order=True)
class When:
    """A publication time: exact (with a time zone) or only a day."""

    day: str
    instant: datetime | None = attrs.field(default=None, order=False)

    @classmethod
    def parse(cls, value: str | None) -> When | None:
        """RFC 822 («Sat, 03 Mar 2018 01:44:35 +0400») or ISO («2015-08-10 12:00:00»); else None.

        A time without a zone (SaudiNewsNet's crawl time) counts as its day only.
        """
        if not value:
            return None
        value = value.strip()
        try:
            dt = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            try:
                dt = datetime.fromisoformat(value)
            except ValueError:
                return None
        if dt.tzinfo is None:
            return cls(dt.date().isoformat())
        utc = dt.astimezone(UTC)
        return cls(utc.date().isoformat(), utc)

    def before(self, other: When) -> bool | None:
        """True or False when the order is known, None when it is not (same day, no times)."""
        if self.instant and other.instant:
            return None if self.instant == other.instant else self.instant < other.instant
        return None if self.day == other.day else self.day < other.day


@attrs.frozen
class PairSpans:
    """A stored reuse pair, as clustering sees it (index ``i`` in the list given)."""

    a: int
    b: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@attrs.define
class Passage:
    article_id: int
    start: int
    end: int
    cluster: int = -1
    credit: str = "uncredited"
    credit_source_id: int | None = None
    credit_evidence: str | None = None


@attrs.define
class Cluster:
    passages: list[int]
    origin_passage: int | None = None
    origin_basis: str | None = None
    source_id: int | None = None
    source_basis: str | None = None


def direction(a: ArticleFacts, b: ArticleFacts) -> tuple[str | None, str | None]:
    """('a_to_b' or 'b_to_a', basis) for a pair of articles, or (None, None) when unknown."""
    if a.publisher_is_wire != b.publisher_is_wire:
        return ("a_to_b" if a.publisher_is_wire else "b_to_a"), "agency"
    if a.when and b.when:
        first = a.when.before(b.when)
        if first is not None:
            return ("a_to_b" if first else "b_to_a"), "date"
    return None, None


def cluster(
    pairs: Sequence[PairSpans], facts: dict[int, ArticleFacts], wires: Wires, near: int = 400
) -> tuple[list[Passage], list[Cluster], list[int]]:
    """Passages, clusters and, for each pair, its cluster index."""
    passages, pair_passages = _passages(pairs)
    parent = list(range(len(passages)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pa, pb in pair_passages:
        ra, rb = find(pa), find(pb)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(len(passages)):
        groups.setdefault(find(i), []).append(i)
    clusters = []
    for members in sorted(groups.values()):
        c = Cluster(members)
        for i in members:
            passages[i].cluster = len(clusters)
        _origin(c, passages, facts, wires, near)
        _label(c, passages, facts, near)
        clusters.append(c)
    return passages, clusters, [passages[pa].cluster for pa, _ in pair_passages]


def _passages(pairs: Sequence[PairSpans]) -> tuple[list[Passage], list[tuple[int, int]]]:
    """Merge each article's overlapping spans into passages; map each pair to its two passages."""
    spans: dict[int, list[tuple[int, int, int, int]]] = {}
    for k, p in enumerate(pairs):
        spans.setdefault(p.a, []).append((p.a_start, p.a_end, k, 0))
        spans.setdefault(p.b, []).append((p.b_start, p.b_end, k, 1))
    passages: list[Passage] = []
    ends = [[-1, -1] for _ in pairs]
    for article_id in sorted(spans):
        current: Passage | None = None
        for start, end, k, side in sorted(spans[article_id]):
            if current is None or start >= current.end:
                current = Passage(article_id, start, end)
                passages.append(current)
            current.end = max(current.end, end)
            ends[k][side] = len(passages) - 1
    return passages, [(a, b) for a, b in ends]


def _named(p: Passage, f: ArticleFacts, near: int) -> list[tuple[int, str]]:
    """Sources the article names for this passage: nearby attributions first, then credits."""
    out = [(s, "attribution") for start, end, s in f.named if start < p.end + near and end > p.start - near]
    return out + list(f.credits)


def _origin(c: Cluster, passages: list[Passage], facts: dict[int, ArticleFacts], wires: Wires, near: int) -> None:
    def published(i: int) -> tuple[str, str, int]:  # day, then time when known, then article id
        f = facts[passages[i].article_id]
        return (f.when.day if f.when else "9999", f.when.instant.isoformat() if f.when and f.when.instant else "", f.id)

    ordered = sorted(c.passages, key=published)
    agency = [i for i in ordered if facts[passages[i].article_id].publisher_is_wire]
    wire_votes: Counter[int] = Counter()
    crediting = []
    for i in ordered:
        f = facts[passages[i].article_id]
        named = {s for s, _ in _named(passages[i], f, near) if s in wires.all and s != f.publisher_id}
        wire_votes.update(named)
        if named:
            crediting.append(i)
    if agency:
        c.origin_passage, c.origin_basis = agency[0], "agency"
        c.source_id, c.source_basis = facts[passages[agency[0]].article_id].publisher_id, "agency"
        return
    if wire_votes:
        c.source_id = min(wire_votes, key=lambda s: (s not in wires.named, -wire_votes[s], s))
        c.source_basis = "credited"
        c.origin_passage, c.origin_basis = crediting[0], "credit"
        return
    whens = [facts[passages[i].article_id].when for i in ordered]
    if len(ordered) > 1 and whens[0] and all(w and whens[0].before(w) for w in whens[1:]):
        c.origin_passage, c.origin_basis = ordered[0], "date"
        c.source_id = facts[passages[ordered[0]].article_id].publisher_id
        c.source_basis = "earliest publisher" if c.source_id else None


def _label(c: Cluster, passages: list[Passage], facts: dict[int, ArticleFacts], near: int) -> None:
    for i in c.passages:
        p, f = passages[i], facts[passages[i].article_id]
        if i == c.origin_passage and c.origin_basis in {"agency", "date"}:
            p.credit, p.credit_source_id = "origin", c.source_id
            continue
        if c.source_id is None:
            continue
        for s, evidence in _named(p, f, near):
            if s == c.source_id and s != f.publisher_id:
                p.credit, p.credit_source_id, p.credit_evidence = "credited", s, evidence
                break
