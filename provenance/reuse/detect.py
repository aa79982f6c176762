"""Reused passages between texts, with exact character offsets: the library entry point.

    >>> from provenance.reuse import find_reuse
    >>> wire = "وقال دبلوماسيون إن مهمة الحلف التي تشارك فيها بريطانيا وتركيا والدنمارك ستتوسع لتشمل تدريب القوات العراقية في قواعد جديدة."
    >>> copy = "ونقلت رويترز عن دبلوماسيين قولهم إن مهمة الحلف، التي تشارك فيها: “بريطانيا وتركيا والدنمرك” ستتوسع لتشمل تدريب القوات العراقية في قواعد جديدة."
    >>> [r] = find_reuse([wire, copy])
    >>> wire[r.a_start:r.a_end]
    'إن مهمة الحلف التي تشارك فيها بريطانيا وتركيا والدنمارك ستتوسع لتشمل تدريب القوات العراقية في قواعد جديدة'
    >>> copy[r.b_start:r.b_end]
    'إن مهمة الحلف، التي تشارك فيها: “بريطانيا وتركيا والدنمرك” ستتوسع لتشمل تدريب القوات العراقية في قواعد جديدة'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import numpy as np

from .align import Match, ReuseSettings, find_matches, holds_sentence, filled_template
from .text import ReuseText, word_offsets


@attrs.frozen
class Reuse:
    """A passage shared by texts ``a`` and ``b`` (their indexes), ``a < b``.

    ``text_a[a_start:a_end]`` and ``text_b[b_start:b_end]`` are the two copies; ``a_words`` and
    ``b_words`` their lengths in words; ``aligned`` the words of each covered by shared
    shingles; ``similarity`` is ``2 * aligned / (a_words + b_words)``.
    """

    a: int
    b: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_words: int
    b_words: int
    aligned: int
    similarity: float


def find_reuse(texts: Sequence[str], settings: ReuseSettings | None = None) -> list[Reuse]:
    """Every passage two of ``texts`` share (see :mod:`provenance.reuse.align` for how)."""
    settings = settings or ReuseSettings()
    shingles = [ReuseText.from_text(t, settings.n).shingles for t in texts]
    return located(find_matches(shingles, settings), texts.__getitem__, settings)


def located(matches: Sequence[Match], text: Callable[[int], str], settings: ReuseSettings) -> list[Reuse]:
    """Turn word ranges into character offsets, keeping short passages only when they hold a
    sentence, and no template filled in with other figures.

    ``text(k)`` returns text k; each text is split into words once.
    """
    offsets: dict[int, tuple[str, np.ndarray, np.ndarray]] = {}

    def words(k: int) -> tuple[str, np.ndarray, np.ndarray]:
        if k not in offsets:
            t = text(k)
            offsets[k] = (t, *word_offsets(t))
        return offsets[k]

    out = []
    for m in matches:
        ta, sa, ea = words(m.a)
        tb, sb, eb = words(m.b)
        if m.aligned < settings.long_tokens and not (
            m.similarity >= settings.short_similarity
            and m.common <= 0.5
            and (
                holds_sentence(ta, sa, ea, m.a_first, m.a_last, settings.min_tokens, settings.sentence_share)
                or holds_sentence(tb, sb, eb, m.b_first, m.b_last, settings.min_tokens, settings.sentence_share)
            )
        ):
            continue
        a_start, a_end = int(sa[m.a_first]), int(ea[m.a_last - 1])
        b_start, b_end = int(sb[m.b_first]), int(eb[m.b_last - 1])
        if filled_template(m, ta[a_start:a_end], tb[b_start:b_end], settings):
            continue
        out.append(
            Reuse(
                m.a, m.b,
                a_start, a_end, b_start, b_end,
                m.a_last - m.a_first, m.b_last - m.b_first, m.aligned, round(m.similarity, 4),
            )
        )
    return out
