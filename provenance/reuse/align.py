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
5. **Templates.** A report written to a template (the daily stock-market close, a festival's
   daily figures) shares its skeleton with yesterday's report but not its facts: when the
   figures of two copies mostly differ, many words are replaced in place (``replaced``) and no
   long stretch is copied word for word (``longest``), the passage is not reuse; nor is it when
   its skeleton is in most other reports of the kind (the weather bulletin; :func:`filled_template`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs
import numpy as np
import regex


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
    template_replaced: float = 0.2  #: a passage with this share of its words replaced in place …
    template_stretch: int = 20  #: … and no stretch this long copied word for word is a filled-in template
    template_figures: int = 3  #: … when its copies each hold this many figures, most of them other, …
    template_df: int = 15  #: … or most of its shingles are in more articles than this (every bulletin's skeleton)


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
    replaced: int = 0  #: words of each range replaced by others at the same place (not inserted)
    longest: int = 0  #: the longest stretch of words copied word for word
    frequent: float = 0.0  #: share of the anchors whose shingle is in more than ``template_df`` articles

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
    parts_a, parts_b, parts_spread = [], [], []
    for length in np.unique(lengths[ok]):
        chosen = ok & (lengths == length)
        group = starts[chosen]
        rows = group[:, None] + np.arange(length)
        i, j = np.triu_indices(int(length), 1)
        ia, ib = rows[:, i].ravel(), rows[:, j].ravel()
        spread = np.repeat(np.minimum(df[chosen], 255).astype(np.uint8), len(i))  # articles holding the shingle
        differ = docs[ia] != docs[ib]
        parts_a.append(ia[differ].astype(np.int32))
        parts_b.append(ib[differ].astype(np.int32))
        parts_spread.append(spread[differ])
    if not parts_a:
        return None
    ia, ib = np.concatenate(parts_a), np.concatenate(parts_b)  # docs[ia] < docs[ib]
    del hashes, starts, lengths, first_of_doc, parts_a, parts_b
    da, db, pa, pb, spread = docs[ia], docs[ib], pos[ia], pos[ib], np.concatenate(parts_spread)
    del ia, ib
    if new is not None:
        wanted = new[da] | new[db]
        da, db, pa, pb, spread = da[wanted], db[wanted], pa[wanted], pb[wanted], spread[wanted]
    pair = da.astype(np.int64) * (1 << 32) + db
    del da, db
    _, inverse, counts = np.unique(pair, return_inverse=True, return_counts=True)
    wanted = counts[inverse] >= s.min_anchors
    return pair[wanted], pa[wanted], pb[wanted], spread[wanted]


def _diagonal_runs(pair: np.ndarray, pa: np.ndarray, pb: np.ndarray, spread: np.ndarray, s: ReuseSettings) -> np.ndarray:
    """Rows (pair, a_first, a_last, b_first, b_last, aligned, anchors, common anchors, longest verbatim
    stretch, frequent anchors) of runs on one diagonal. ``spread`` is the number of articles
    (up to 255) holding each anchor's shingle: "common" is more than ``rare_df``, "frequent"
    more than ``template_df``.

    On one diagonal both copies have the same length, so the words a run does not cover are
    words replaced by as many others (a changed figure, a respelled name), never inserted.
    """
    pa, pb = pa.astype(np.int64), pb.astype(np.int64)
    diag = pa - pb
    order = np.lexsort((pa, diag, pair))
    pair, pa, pb, diag, spread = pair[order], pa[order], pb[order], diag[order], spread[order]
    step = np.diff(pa)
    brk = np.r_[True, (pair[1:] != pair[:-1]) | (diag[1:] != diag[:-1]) | (step > s.max_gap) | (step == 0)]
    first = np.flatnonzero(brk)
    last = np.r_[first[1:], len(pa)] - 1
    # words covered: each anchor covers n words, overlapping its successor's
    cover = np.minimum(np.r_[step, s.n], s.n)
    cover[last] = s.n
    aligned = np.add.reduceat(cover, first)
    n_common = np.add.reduceat((spread > s.rare_df).astype(np.int64), first)
    n_frequent = np.add.reduceat((spread > s.template_df).astype(np.int64), first)
    # the longest stretch copied word for word: anchors n words or less apart cover it all
    seg = np.flatnonzero(brk | np.r_[True, step > s.n])
    seg_words = pa[np.r_[seg[1:], len(pa)] - 1] + s.n - pa[seg]
    longest = np.maximum.reduceat(seg_words, np.searchsorted(seg, first))
    return np.stack(
        [pair[first], pa[first], pa[last] + s.n, pb[first], pb[last] + s.n, aligned, last - first + 1, n_common,
         longest, n_frequent], axis=1
    )


def _passages(runs: np.ndarray, s: ReuseSettings) -> list[Match]:
    """Chain runs that follow each other in both articles; keep passages long enough."""
    out: list[Match] = []
    runs = runs[np.lexsort((runs[:, 3], runs[:, 1], runs[:, 0]))]
    bounds = np.flatnonzero(np.r_[True, runs[1:, 0] != runs[:-1, 0], True])
    for lo, hi in itertools.pairwise(bounds):
        pair = int(runs[lo, 0])
        a, b = pair >> 32, pair & 0xFFFFFFFF
        # [a_first, a_last, b_first, b_last, aligned, anchors, common, replaced, longest, frequent]
        open_: list[list[int]] = []
        for _, a0, a1, b0, b1, aligned, anchors, common, longest, frequent in runs[lo:hi].tolist():
            replaced = (a1 - a0) - aligned
            best = None
            for p in open_:
                follows = p[0] <= a0 <= p[1] + s.max_gap and p[2] <= b0 <= p[3] + s.max_gap and a1 > p[1] and b1 > p[3]
                if follows and (best is None or best[1] + best[3] < p[1] + p[3]):
                    best = p  # the closest open passage
            if best is None:
                open_.append([a0, a1, b0, b1, aligned, anchors, common, replaced, longest, frequent])
            else:
                overlap = max(0, min(best[1] - a0, best[3] - b0, aligned))
                # between two runs, what both copies have in the gap was replaced; the rest inserted
                best[7] += replaced + max(0, min(a0 - best[1], b0 - best[3]))
                best[8] = max(best[8], longest)
                best[1], best[3] = max(best[1], a1), max(best[3], b1)
                best[4] += aligned - overlap
                best[5] += anchors
                best[6] += common
                best[9] += frequent
        for a0, a1, b0, b1, aligned, anchors, common, replaced, longest, frequent in open_:
            # a phrase an article repeats can chain runs that overlap in one article only
            aligned = min(aligned, a1 - a0, b1 - b0)
            if aligned >= s.min_tokens:
                out.append(Match(a, b, a0, a1, b0, b1, aligned, common / anchors, replaced, longest, frequent / anchors))
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


_FIGURE = regex.compile(r"[\d٠-٩۰-۹]+(?:[.,٫،][\d٠-٩۰-۹]+)*")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫،,", "01234567890123456789...")


def figures(text: str) -> set[str]:
    """The numbers written in ``text``, in ASCII digits with one decimal mark («61,1» = «61.1»)."""
    return {f.translate(_DIGITS) for f in _FIGURE.findall(text)}


def filled_template(match: Match, a_text: str, b_text: str, s: ReuseSettings) -> bool:
    """Whether a passage is a template filled in with other facts rather than a copy.

    ``a_text`` and ``b_text`` are the passage in each article. A template's copies have
    ``template_replaced`` of their words replaced in place and no stretch of ``template_stretch``
    words copied as is, and either their figures mostly differ (the daily market close: «ارتفاع
    أسهم 143 شركة … تراجعت أسهم 14 شركة» against «ارتفاع أسهم 15 شركة … تراجعت أسهم 140 شركة»;
    both hold ``template_figures`` numbers or more, fewer than half of them shared) or most of
    their shared shingles are in more than ``template_df`` articles (the weather bulletin,
    whose skeleton every day's bulletin repeats around other regions). A wire story updated
    later in the day keeps long stretches of its text and is still reuse.
    """
    if match.longest >= s.template_stretch or match.replaced < s.template_replaced * (match.aligned + match.replaced):
        return False
    if match.frequent >= 0.5:
        return True
    fa, fb = figures(a_text), figures(b_text)
    return min(len(fa), len(fb)) >= s.template_figures and 2 * len(fa & fb) < min(len(fa), len(fb))
