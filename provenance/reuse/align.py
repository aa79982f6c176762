"""Find the passages two or more articles share: candidate index, anchors, local alignment.

Every article is a sequence of shingle hashes (:mod:`provenance.reuse.text`). The whole corpus
is aligned at once, with numpy, never by comparing all pairs of articles:

1. **Index.** All shingles of all articles are sorted by hash. A hash found in one article only
   says nothing; one found in more than ``max_df`` articles is boilerplate (site furniture,
   a formula every story repeats) and is dropped, as passim and TextPAIR do.
2. **Anchors.** Each remaining hash yields an *anchor* (article a, word i, article b, word j) for
   every two articles that share it. Pairs of articles with fewer than ``min_anchors`` anchors
   are dropped.
3. **Diagonal runs.** Anchors of a pair that lie on one diagonal (i − j constant) with no gap
   over ``max_gap`` words form a run: text copied word for word, or with words replaced.
4. **Passages.** Runs that follow each other in both articles within ``max_gap`` words are
   chained into one passage (an inserted or dropped clause shifts the diagonal); runs that do
   not (a paragraph moved elsewhere) become passages of their own, so reordered copy is found.
   A passage is kept when it aligns at least ``min_tokens`` words. One shorter than
   ``long_tokens`` must also be ``short_similarity`` alike on both sides, be *rare* (most of
   its shingles in at most ``rare_df`` articles: a sentence every report repeats, a house
   footer or an official's title recurs far more) and cover most of a sentence
   (:func:`holds_sentence`), so that a shared
   title or name («رئيس الهيئة العامة للسياحة والتراث الوطني») is not taken for reuse.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs
import numpy as np


@attrs.frozen
class ReuseSettings:
    """How reuse is found. The defaults are tuned on the corpora in ``../shared/corpora``."""

    n: int = 5  #: words per shingle
    max_df: int = 100  #: a shingle in more articles than this is boilerplate
    min_anchors: int = 2  #: shared shingles two articles need before they are aligned
    max_gap: int = 30  #: words between two runs of one passage (in either article)
    min_tokens: int = 10  #: aligned words (formulas not counted) for a passage
    long_tokens: int = 24  #: a passage shorter than this must hold most of a sentence, …
    short_similarity: float = 0.7  #: … be this similar in both articles …
    rare_df: int = 5  #: … and have most of its shingles in at most this many articles
    sentence_share: float = 0.6  #: share of a sentence's words that is "most of" it


@attrs.frozen
class Match:
    """One passage shared by articles ``a`` and ``b`` (indexes into the input list).

    Word ranges are ``[a_first, a_last)`` and ``[b_first, b_last)``; ``aligned`` counts the
    words of each range covered by shared shingles (the same in both).
    """

    a: int
    b: int
    a_first: int
    a_last: int
    b_first: int
    b_last: int
    aligned: int
    common: float = 0.0  #: share of the anchors whose shingle is in more than ``rare_df`` articles

    @property
    def similarity(self) -> float:
        """Aligned words over all words of both ranges (1.0 for verbatim copy)."""
        return 2 * self.aligned / ((self.a_last - self.a_first) + (self.b_last - self.b_first))


def find_matches(
    shingles: Sequence[np.ndarray], settings: ReuseSettings | None = None, new: np.ndarray | None = None
) -> list[Match]:
    """Every passage shared by two of the articles, ``a < b``.

    ``shingles[k]`` holds article k's shingle hashes, 0 where a shingle must not anchor (it
    contains a formula). With ``new`` (a boolean per article), only pairs with at least one new
    article are aligned; document frequencies still count every article.
    """
    settings = settings or ReuseSettings()
    anchors = _anchors(shingles, settings, new)
    if anchors is None or not len(anchors[0]):
        return []
    runs = _diagonal_runs(*anchors, settings)
    return _passages(runs, settings)


def _anchors(
    shingles: Sequence[np.ndarray], s: ReuseSettings, new: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    sizes = np.fromiter((len(x) for x in shingles), dtype=np.int64, count=len(shingles))
    if sizes.sum() == 0:
        return None
    # 32-bit article numbers and positions, and each intermediate dropped as soon as it is used:
    # at 100,000 articles these arrays hold about 45 million shingles
    hashes = np.concatenate(shingles)
    keep = hashes != 0
    docs = np.repeat(np.arange(len(shingles), dtype=np.int32), sizes)[keep]
    pos = np.concatenate([np.arange(k, dtype=np.int32) for k in sizes])[keep]  # position in its article
    hashes = hashes[keep]
    del keep
    order = np.argsort(hashes, kind="stable")  # stable: by article, then position, in each group
    hashes = hashes[order]
    docs = docs[order]
    pos = pos[order]
    del order
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    lengths = np.diff(np.r_[starts, len(hashes)])
    # distinct articles per hash: a new article starts where the doc changes inside a group
    first_of_doc = np.r_[True, (hashes[1:] != hashes[:-1]) | (docs[1:] != docs[:-1])]
    df = np.add.reduceat(first_of_doc.astype(np.int64), starts)
    ok = (df >= 2) & (df <= s.max_df) & (lengths <= 4 * s.max_df)  # and no shingle repeated at length
    parts_a, parts_b, parts_common = [], [], []
    for length in np.unique(lengths[ok]):
        chosen = ok & (lengths == length)
        group = starts[chosen]
        rows = group[:, None] + np.arange(length)
        i, j = np.triu_indices(int(length), 1)
        ia, ib = rows[:, i].ravel(), rows[:, j].ravel()
        common = np.repeat(df[chosen] > s.rare_df, len(i))
        differ = docs[ia] != docs[ib]
        parts_a.append(ia[differ].astype(np.int32))
        parts_b.append(ib[differ].astype(np.int32))
        parts_common.append(common[differ])
    if not parts_a:
        return None
    ia, ib = np.concatenate(parts_a), np.concatenate(parts_b)  # docs[ia] < docs[ib]
    del hashes, starts, lengths, first_of_doc, parts_a, parts_b
    da, db, pa, pb, common = docs[ia], docs[ib], pos[ia], pos[ib], np.concatenate(parts_common)
    del ia, ib
    if new is not None:
        wanted = new[da] | new[db]
        da, db, pa, pb, common = da[wanted], db[wanted], pa[wanted], pb[wanted], common[wanted]
    pair = da.astype(np.int64) * (1 << 32) + db
    del da, db
    _, inverse, counts = np.unique(pair, return_inverse=True, return_counts=True)
    wanted = counts[inverse] >= s.min_anchors
    return pair[wanted], pa[wanted], pb[wanted], common[wanted]


def _diagonal_runs(pair: np.ndarray, pa: np.ndarray, pb: np.ndarray, common: np.ndarray, s: ReuseSettings) -> np.ndarray:
    """Rows (pair, a_first, a_last, b_first, b_last, aligned, anchors, common anchors) of runs on one diagonal."""
    pa, pb = pa.astype(np.int64), pb.astype(np.int64)
    diag = pa - pb
    order = np.lexsort((pa, diag, pair))
    pair, pa, pb, diag, common = pair[order], pa[order], pb[order], diag[order], common[order]
    step = np.diff(pa)
    brk = np.r_[True, (pair[1:] != pair[:-1]) | (diag[1:] != diag[:-1]) | (step > s.max_gap) | (step == 0)]
    first = np.flatnonzero(brk)
    last = np.r_[first[1:], len(pa)] - 1
    # words covered: each anchor covers n words, overlapping its successor's
    cover = np.minimum(np.r_[step, s.n], s.n)
    cover[last] = s.n
    aligned = np.add.reduceat(cover, first)
    n_common = np.add.reduceat(common.astype(np.int64), first)
    return np.stack(
        [pair[first], pa[first], pa[last] + s.n, pb[first], pb[last] + s.n, aligned, last - first + 1, n_common], axis=1
    )


def _passages(runs: np.ndarray, s: ReuseSettings) -> list[Match]:
    """Chain runs that follow each other in both articles; keep passages long enough."""
    out: list[Match] = []
    runs = runs[np.lexsort((runs[:, 3], runs[:, 1], runs[:, 0]))]
    bounds = np.flatnonzero(np.r_[True, runs[1:, 0] != runs[:-1, 0], True])
    for lo, hi in itertools.pairwise(bounds):
        pair = int(runs[lo, 0])
        a, b = pair >> 32, pair & 0xFFFFFFFF
        open_: list[list[int]] = []  # [a_first, a_last, b_first, b_last, aligned, anchors, common]
        for _, a0, a1, b0, b1, aligned, anchors, common in runs[lo:hi].tolist():
            best = None
            for p in open_:
                follows = p[0] <= a0 <= p[1] + s.max_gap and p[2] <= b0 <= p[3] + s.max_gap and a1 > p[1] and b1 > p[3]
                if follows and (best is None or best[1] + best[3] < p[1] + p[3]):
                    best = p  # the closest open passage
            if best is None:
                open_.append([a0, a1, b0, b1, aligned, anchors, common])
            else:
                overlap = max(0, min(best[1] - a0, best[3] - b0, aligned))
                best[1], best[3] = max(best[1], a1), max(best[3], b1)
                best[4] += aligned - overlap
                best[5] += anchors
                best[6] += common
        for a0, a1, b0, b1, aligned, anchors, common in open_:
            if aligned >= s.min_tokens:
                out.append(Match(a, b, a0, a1, b0, b1, aligned, common / anchors))
    return out


_SENTENCE_END = frozenset(".!?؟\n")


def holds_sentence(
    text: str, starts: np.ndarray, ends: np.ndarray, first: int, last: int, min_words: int, share: float = 0.6
) -> bool:
    """Whether words ``[first, last)`` of ``text`` cover most of a sentence (``share`` of its
    words, and at least ``min_words``).

    A sentence ends at ``. ! ? ؟`` or a line break. A short passage must hold one: a shared
    sentence is reuse, a shared title («رئيس الهيئة العامة للسياحة والتراث الوطني») is not.
    """
    begin = first
    while begin > 0 and not _SENTENCE_END.intersection(text[ends[begin - 1] : starts[begin]]):
        begin -= 1
    for i in range(first, last):
        if i + 1 == len(starts) or _SENTENCE_END.intersection(text[ends[i] : starts[i + 1]]) or i + 1 == last:
            end = i + 1
            if i + 1 == last:  # find where the sentence really ends
                while end < len(starts) and not _SENTENCE_END.intersection(text[ends[end - 1] : starts[end]]):
                    end += 1
            inside = min(end, last) - max(begin, first)
            if inside >= min_words and inside >= share * (end - begin):
                return True
            begin = i + 1
    return False
