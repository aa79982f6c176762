"""Wire credits in the text: «جنيف - رويترز», «واس - الرياض», «(أ ف ب)», «مصادر: وكالات».

Each credit is recorded as an attribution of type ``credit`` whose source is the agency; the chain
stage (``chain.Chainer``) turns them into the article's credits.
"""

from __future__ import annotations

import bisect

from .cues import Cues
from .found import Found
from .lexicon import Lexicon
from .resolve import Gazetteer, Outlet, credited_agency, strip_clitic
from .segment import Segment


class Credits(Cues):
    """Finding the wire credits of a paragraph."""

    lx: Lexicon
    gz: Gazetteer

    def _credits(self, p: Segment, lead: bool) -> None:
        """«جنيف - رويترز», «واس - الرياض», «(أ ف ب)», «مصادر: وكالات» in the text."""
        idx = self._tok_range(p.start, p.end)
        toks = idx  # the paragraph's tokens are numbered in a row
        seen: set[int] = set()
        # (AGENCY) anywhere
        brackets = self.norm.find("(", p.start, p.end) != -1
        for n, k in enumerate(toks if brackets else ()):
            if self.tokens[k].text == "(":
                inner = []
                for m in toks[n + 1 : n + 6]:
                    if self.tokens[m].text == ")":
                        break
                    inner.append(m)
                else:
                    continue
                words = [self.tokens[m].text for m in inner if self.tokens[m].is_word]
                outlet = self._agency(words, whole=True)
                if outlet is not None and inner:
                    self._credit(inner, outlet, p, seen)
        # label lines: «مصادر: وكالات», «المصدر: رويترز»
        first = self._next_word(idx.start, idx.stop)
        if first is not None and self.tokens[first].text in self.lx.credit_labels:
            k = first + 1
            if k < idx.stop and self.tokens[k].text == ":":
                agency_toks = [m for m in toks if m > k and self.tokens[m].is_word][:4]
                self._credit_scan(agency_toks, p, seen)
        if not lead:
            return
        # a dateline or byline at the head of the first paragraphs: a run of up to 15 tokens with a
        # separator, no reporting verb
        head = toks[:18]
        texts = [t.text for t in self.tokens[head.start : head.stop]]
        verbs = self.lx.cue_form_words  # a word outside it has no cue form
        for n, w in enumerate(texts[:12]):
            if w in verbs and self.lx.cue_form(w):
                head, texts = head[:n], texts[:n]
                break
        seps = [n for n, w in enumerate(texts) if w in {"-", ":", "/", "|"}]
        if seps or len(toks) <= 8:
            limit = (seps[-1] + 5) if seps else len(head)
            self._credit_scan([k for k in head[:limit] if self.tokens[k].is_word], p, seen, adjacent=[head[n] for n in seps] if seps else None)
        # SPA style: «جنيف 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس»
        if "م" in texts:
            for n, w in enumerate(texts):
                if w == "م" and n + 1 < len(head):
                    self._credit_scan([head[n + 1]], p, seen)

    def _credit_scan(self, word_toks: list[int], p: Segment, seen: set[int], adjacent: list[int] | None = None) -> None:
        n = 0
        while n < len(word_toks):
            found = credited_agency([self.tokens[m].text for m in word_toks[n : n + 6]], self.lx, self.gz)
            if found is None:
                n += 1
                continue
            length, outlet = found
            ks = word_toks[n : n + length]
            if adjacent and not self._near(ks, adjacent):
                n += 1
                continue
            self._credit(ks, outlet, p, seen)
            n += length

    def _near(self, ks: list[int], seps: list[int]) -> bool:
        return any(abs(k - s) <= 2 for k in (ks[0], ks[-1]) for s in seps)

    def _agency(self, words: list[str], whole: bool = False) -> Outlet | None:
        if not words:
            return None
        if words[0] in self.lx.credit_generic:
            return None
        m = self.gz.match_words(words, True) or self.gz.match_words([strip_clitic(words[0]), *words[1:]], True)
        if m and m[2].kind == "wire_agency" and (not whole or m[1] == len(words)):
            return m[2]
        return None

    def _credit(self, ks: list[int], outlet: Outlet | None, p: Segment, seen: set[int]) -> None:
        if not ks or any(k in seen for k in ks):
            return
        seen.update(ks)
        start, end = self.tokens[ks[0]].start, self.tokens[ks[-1]].end
        if self.tokens[ks[0]].text.startswith("و") and self.tokens[ks[0]].text[1:] in self.lx.credit_generic:
            start += 1
        s = Segment(p.start, p.end, p.paragraph)
        words = [self.tokens[k].text for k in ks if self.tokens[k].is_word]
        self._add(Found((start, end), "credit", "credit", (start, end), words, [], None, s))

    @staticmethod
    def _drop_held_credits(found: list[Found]) -> list[Found]:
        """A parenthesised agency that is the source of a cue («وفقاً لوكالة (رويترز)») is no credit."""
        held = sorted(
            [f.source for f in found if f.cue_type != "credit" and f.source]
            + [(v[0], v[1]) for f in found for v in f.via]
        )
        starts = [a for a, _ in held]
        widest = max((b - a for a, b in held), default=0)

        def is_held(f: Found) -> bool:
            i = bisect.bisect_right(starts, f.cue[0])
            for a, b in reversed(held[max(0, i - 50) : i]):
                if b >= f.cue[1]:
                    return True
                if f.cue[0] - a > widest:
                    break
            return False

        return [f for f in found if f.cue_type != "credit" or not is_held(f)]
