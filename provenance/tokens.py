"""Tokens: the words and punctuation marks of an article's normalised text, and how an extraction
run moves about them (by token index, or from a character offset to a token).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from itertools import accumulate
from operator import itemgetter
from typing import final

import regex

from .segment import Segment

# a token is a word or one mark; what lies between two tokens is white space. Splitting on the
# tokens (kept, as a group) gives them with the space around them, and their offsets follow
# from the lengths of the pieces: no Python code runs per token but the test for a word
_TOKEN = regex.compile(r"([\p{L}\p{N}_]+|[^\s\p{L}\p{N}_])")
# The standard re splits several times faster with \w and \s, which mean the same on the
# characters of _PLAIN but for a few (letters newer than Python's Unicode tables, the controls
# 0x1C-0x1F that only re counts as space): a text made only of the others splits the same.
_FAST_TOKEN = re.compile(r"(\w+|[^\s\w])")
_PLAIN = ((0x0000, 0x07FF), (0x2000, 0x2BFF))  # Latin … Arabic, punctuation and symbols


_REGEX_WORD = regex.compile(r"[\p{L}\p{N}_]")
_REGEX_SPACE = regex.compile(r"\s")
_RE_WORD = re.compile(r"\w")


def _agree(c: str) -> bool:
    """Whether re and regex agree on ``c`` being a word character, and on it being a space (re's
    ``\\s`` is ``str.isspace``)."""
    return bool(_REGEX_WORD.match(c)) == bool(_RE_WORD.match(c)) and bool(_REGEX_SPACE.match(c)) == c.isspace()


def _not_plain() -> re.Pattern[str]:
    """A pattern that finds a character outside _PLAIN or one of it on which re and regex differ."""
    odd = [cp for a, b in _PLAIN for cp in range(a, b + 1) if not _agree(chr(cp))]
    ranges = []
    for a, b in _PLAIN:
        start = a
        for cp in [o for o in odd if a <= o <= b] + [b + 1]:
            if cp > start:
                ranges.append(f"\\U{start:08x}-\\U{cp - 1:08x}")
            start = cp + 1
    return re.compile(f"[^{''.join(ranges)}]")


_NOT_PLAIN = _not_plain()


def splitter(text: str) -> Callable[[str], list[str]]:
    """The split into tokens (see _TOKEN) for the pieces of ``text``: the faster one when it gives
    the same pieces."""
    return _FAST_TOKEN.split if _NOT_PLAIN.search(text) is None else _TOKEN.split


@final
class Token:
    """A word or a punctuation mark of the normalised text."""

    __slots__ = ("text", "start", "end", "is_word")

    def __init__(self, text: str, start: int, end: int, is_word: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.is_word = is_word


_first = itemgetter(0)


class TokenView:
    """The tokens of a run's normalised text, in order, with their start offsets for bisecting.

    The base of the parts of an extraction run that read tokens (see ``extract._Run``). Paragraphs
    are tokenised only when they may hold a cue, so ``tokens`` need not cover the whole text.
    """

    norm: str
    _split: Callable[[str], list[str]]  # see splitter
    tokens: list[Token]
    starts: list[int]
    _range_cache: tuple[tuple[int, int], range]

    def _pieces(self, p: Segment) -> list[str]:
        """The text of ``p`` cut into space, token, space, …, token, space (a space may be empty)."""
        return self._split(self.norm[p.start : p.end])

    def _tokenise(self, p: Segment, pieces: list[str] | None = None) -> list[str]:
        """Add the tokens of ``p`` (cut already into ``pieces``, or not); return their texts."""
        if pieces is None:
            pieces = self._pieces(p)
        offsets = list(accumulate(map(len, pieces), initial=p.start))  # where each piece starts
        texts = pieces[1::2]
        starts = offsets[1:-1:2]
        # a word starts with a letter, a digit or «_» (a mark is one character of none of them)
        is_word: Iterable[bool] = map(str.isalnum, map(_first, texts))
        if self.norm.find("_", p.start, p.end) != -1:
            is_word = [w or t[0] == "_" for w, t in zip(is_word, texts)]
        tokens = self.tokens
        for text, start, end, word in zip(texts, starts, offsets[2::2], is_word):
            tokens.append(Token(text, start, end, word))
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
