"""Tokens: the words and punctuation marks of an article's normalised text, and how an extraction
run moves about them (by token index, or from a character offset to a token).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import accumulate
from typing import final

import regex

from .segment import Segment

# a token is a word or one mark; what lies between two tokens is white space. Splitting on the
# tokens (kept, as a group) gives them with the space around them, and their offsets follow
# from the lengths of the pieces
_TOKEN = regex.compile(r"([\p{L}\p{N}_]+|[^\s\p{L}\p{N}_])")
# The standard re and str mean the same by \w (str.isalnum or «_») and \s (str.isspace) as regex
# on the characters of _PLAIN but for a few (letters newer than Python's Unicode tables, the
# controls 0x1C-0x1F that only re counts as space): a text made only of the others is split by
# str.split into runs without space, most of them one word (str.isalnum), the others cut by
# _PIECES, several times faster than a regex split of the whole text
_PIECES = re.compile(r"\w+|\W")
_PLAIN = ((0x0000, 0x07FF), (0x2000, 0x2BFF))  # Latin … Arabic, punctuation and symbols

# the dash tokens: a dash sets off an aside («- وهو … -») or closes a dateline («… (CNN)— قال»)
DASHES = frozenset({"-", "–", "—"})


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


def splitter(text: str) -> Callable[[str, int, int], tuple[list[str], list[int]]]:
    """The split into tokens (see _TOKEN) for the segments of ``text``: the faster one when it
    gives the same tokens."""
    return _split_plain if _NOT_PLAIN.search(text) is None else _split_any


def _split_any(text: str, start: int, end: int) -> tuple[list[str], list[int]]:
    """The tokens of ``text[start:end]``: their texts and where each starts."""
    pieces = _TOKEN.split(text[start:end])
    offsets = list(accumulate(map(len, pieces), initial=start))  # where each piece starts
    return pieces[1::2], offsets[1:-1:2]


def _split_plain(text: str, start: int, end: int) -> tuple[list[str], list[int]]:
    """:func:`_split_any` for a text made only of characters of _PLAIN (see _PIECES)."""
    texts: list[str] = []
    starts: list[int] = []
    at = start
    for run in text[start:end].split():
        at = text.find(run, at)  # only space lies before it
        if run.isalnum():
            texts.append(run)
            starts.append(at)
            at += len(run)
            continue
        for piece in _PIECES.findall(run):
            texts.append(piece)
            starts.append(at)
            at += len(piece)
    return texts, starts


@final
class Token:
    """A word or a punctuation mark of the normalised text."""

    __slots__ = ("text", "start", "end", "is_word")

    def __init__(self, text: str, start: int, end: int, is_word: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.is_word = is_word


class TokenView:
    """The tokens of a run's normalised text, in order, with their start offsets for bisecting.

    The base of the parts of an extraction run that read tokens (see ``extract._Run``). Paragraphs
    are tokenised only when they may hold a cue, so ``tokens`` need not cover the whole text.
    """

    norm: str
    _split: Callable[[str, int, int], tuple[list[str], list[int]]]  # see splitter
    tokens: list[Token]
    starts: list[int]
    _range_cache: tuple[tuple[int, int], range]

    def _split_segment(self, p: Segment) -> tuple[list[str], list[int]]:
        """The tokens of ``p``: their texts and where each starts."""
        return self._split(self.norm, p.start, p.end)

    def _tokenise(self, p: Segment, split: tuple[list[str], list[int]] | None = None) -> list[str]:
        """Add the tokens of ``p`` (split already, or not); return their texts."""
        texts, starts = self._split_segment(p) if split is None else split
        tokens = self.tokens
        for text, start in zip(texts, starts):
            # a word starts with a letter, a digit or «_» (a mark is one character of none of them)
            first = text[0]
            tokens.append(Token(text, start, start + len(text), first.isalnum() or first == "_"))
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
