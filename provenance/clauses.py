"""Clauses and contents: where quotations are, where a clause starts, and where the content of an
attribution starts and ends.
"""

from __future__ import annotations

import bisect

from .found import Findings
from .segment import Segment, abbreviation, quotations


class Clauses(Findings):
    """Quotations, clause boundaries and the extent of contents, in a run's normalised text."""

    _quote_cache: dict[int, list[tuple[int, int]]]

    # -- quotations --------------------------------------------------------------------------

    def _quotes(self, p: Segment) -> list[tuple[int, int]]:
        spans = self._quote_cache.get(p.start)
        if spans is None:
            spans = self._quote_cache[p.start] = quotations(self.norm, p.start, p.end)
        return spans

    def _in_quote(self, pos: int, p: Segment) -> bool:
        """Whether ``pos`` is inside a quotation of its paragraph."""
        spans = self._quotes(p)  # sorted and disjoint
        i = bisect.bisect_left(spans, (pos, pos)) - 1
        return i >= 0 and spans[i][0] < pos < spans[i][1]

    def _opens_quote(self, pos: int, p: Segment) -> bool:
        return self._quote_close(pos, p) is not None

    def _quote_close(self, pos: int, p: Segment) -> int | None:
        spans = self._quotes(p)
        i = bisect.bisect_left(spans, (pos, -1))
        if i < len(spans) and spans[i][0] == pos:
            return spans[i][1]
        return None

    # -- contents ----------------------------------------------------------------------------

    def _content_from(self, k: int | None, s: Segment) -> tuple[int, int] | None:
        if k is None:
            return None
        srange = self._tok_range(s.start, s.end)
        while k < srange.stop and self.tokens[k].text in {":", ",", "-", "فقد", "فان", "ف"}:
            k += 1
        if k >= srange.stop:
            return None
        start = self.tokens[k].start
        return start, self._trim_end(start, s.end)

    def _clause_before(self, i: int | None, s: Segment) -> tuple[int, int] | None:
        if i is None:
            return None
        end = self.tokens[i].start
        start = s.start
        end = self._trim_end(start, end)
        if end <= start:
            return None
        return start, end

    def _trim_end(self, start: int, end: int) -> int:
        while end > start and self.norm[end - 1] in " ,.;:-!?\n":
            end -= 1
        # a trailing «كما» or «و» belongs to the cue that follows
        for w in (" كما", " و", " حسبما"):
            if self.norm.endswith(w, start, end):
                end -= len(w)
                while end > start and self.norm[end - 1] in " ,.;:-":
                    end -= 1
        return end

    def _stop_at(self, n: int) -> bool:
        """Whether token ``n`` ends a sentence: «.», «?» or «!», but not the full stop of an
        abbreviation («وقال د. محمد علي إن …»)."""
        w = self.tokens[n].text
        return w in {".", "?", "!"} and not (w == "." and abbreviation(self.norm, self.tokens[n].start))

    def _clause_start(self, i: int, s: Segment) -> bool:
        """Whether token ``i`` opens its sentence or a clause (after a comma)."""
        srange = self._tok_range(s.start, s.end)
        k = i - 1
        while k >= srange.start and self.tokens[k].text in {'"', "("}:
            k -= 1
        return k < srange.start or self.tokens[k].text in {",", ":", ";", "-"}

    def _after_break(self, i: int, floor: int) -> bool:
        k = i - 1
        return k >= floor and self.tokens[k].text in {",", ";", "-", ":"}

    def _fresh_clause(self, i: int, floor: int) -> bool:
        """«…، وفي نهاية كلمته أكد على أن …»: token ``i`` ends a short adverbial that opens a new
        coordinated clause after a comma («وفي», «ومن», «وخلال» …)."""
        k = i - 1
        while k >= floor and k > i - 7 and self.tokens[k].is_word:
            k -= 1
        if k < floor or k == i - 1 or self.tokens[k].text not in {",", ";"}:
            return False
        w = self.tokens[k + 1].text
        return w[:1] == "و" and w[1:] in self.lx.prepositions

    def _close_contents(self, first: int, s: Segment) -> None:
        """A content ends where the next attribution of its sentence starts."""
        mine = sorted(self.found[first:], key=lambda f: f.cue[0])
        for a, b in zip(mine, mine[1:]):
            if a.content and not a.content_before and a.content[0] <= b.cue[0] < a.content[1]:
                cut = b.cue[0]
                end = self._trim_end(a.content[0], cut)
                a.content = (a.content[0], end) if end > a.content[0] else None
