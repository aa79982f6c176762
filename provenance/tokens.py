"""Tokens: the words and punctuation marks of an article's normalised text, and how an extraction
run moves about them (by token index, or from a character offset to a token).
"""

from __future__ import annotations

import bisect

import regex

from .segment import Segment

_TOKEN = regex.compile(r"[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]")


class Token:
    """A word or a punctuation mark of the normalised text."""

    __slots__ = ("end", "is_word", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.is_word = text[0].isalnum() or text[0] == "_"


class TokenView:
    """The tokens of a run's normalised text, in order, with their start offsets for bisecting.

    The base of the parts of an extraction run that read tokens (see ``extract._Run``). Paragraphs
    are tokenised only when they may hold a cue, so ``tokens`` need not cover the whole text.
    """

    norm: str
    tokens: list[Token]
    starts: list[int]
    _range_cache: tuple[tuple[int, int], range]

    def _tokenise(self, p: Segment) -> None:
        for m in _TOKEN.finditer(self.norm, p.start, p.end):
            self.tokens.append(Token(m.group(), m.start(), m.end()))
            self.starts.append(m.start())

    def _tok_range(self, start: int, end: int) -> range:
        key = (start, end)
        if self._range_cache[0] == key:
            return self._range_cache[1]
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        r = range(i, j)
        self._range_cache = (key, r)
        return r

    def _token_at(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def _words(self, i: int, stop: int) -> list[str]:
        return [self.tokens[k].text for k in range(i, stop) if self.tokens[k].is_word]

    def _next_word(self, i: int, stop: int) -> int | None:
        for k in range(i, stop):
            if self.tokens[k].is_word:
                return k
        return None

    def _prev_word(self, i: int, floor: int) -> int | None:
        for k in range(i - 1, floor - 1, -1):
            if self.tokens[k].is_word:
                return k
        return None
