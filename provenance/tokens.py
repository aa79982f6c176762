"""Tokens: the words and punctuation marks of an article's normalised text, and how an extraction
run moves about them (by token index, or from a character offset to a token).
"""

from __future__ import annotations

import bisect
from functools import partial
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

import regex

from .segment import Segment

# a token is a word or one mark; what lies between two tokens is white space. Splitting on the
# tokens (kept, as a group) gives them with the space around them, and their offsets follow
# from the lengths of the pieces: no Python code runs per token but the test for a word
_TOKEN = regex.compile(r"([\p{L}\p{N}_]+|[^\s\p{L}\p{N}_])")


class Token(NamedTuple):
    """A word or a punctuation mark of the normalised text."""

    text: str
    start: int
    end: int
    is_word: bool


_first = itemgetter(0)
_new_token = partial(tuple.__new__, Token)  # a Token from a tuple of its fields, built in C


class TokenView:
    """The tokens of a run's normalised text, in order, with their start offsets for bisecting.

    The base of the parts of an extraction run that read tokens (see ``extract._Run``). Paragraphs
    are tokenised only when they may hold a cue, so ``tokens`` need not cover the whole text.
    """

    norm: str
    tokens: list[Token]
    starts: list[int]
    _range_cache: tuple[tuple[int, int], range]

    def _pieces(self, p: Segment) -> list[str]:
        """The text of ``p`` cut into space, token, space, …, token, space (a space may be empty)."""
        return _TOKEN.split(self.norm[p.start : p.end])

    def _tokenise(self, p: Segment, pieces: list[str] | None = None) -> list[str]:
        """Add the tokens of ``p`` (cut already into ``pieces``, or not); return their texts."""
        if pieces is None:
            pieces = self._pieces(p)
        offsets = list(accumulate(map(len, pieces), initial=p.start))  # where each piece starts
        texts = pieces[1::2]
        starts = offsets[1:-1:2]
        # a word starts with a letter, a digit or «_» (a mark is one character of none of them)
        is_word = list(map(str.isalnum, map(_first, texts)))
        if "_" in self.norm[p.start : p.end]:
            is_word = [w or t[0] == "_" for w, t in zip(is_word, texts)]
        self.tokens.extend(map(_new_token, zip(texts, starts, offsets[2::2], is_word)))
        self.starts.extend(starts)
        return texts

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
