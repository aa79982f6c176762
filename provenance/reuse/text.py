"""Reuse text: an article as a sequence of Arabic-normalised word keys with their offsets.

Two copies of a wire passage rarely agree letter for letter: one writes «والدنمارك», the other
«الدنمرك»; one «الإثنين», the other «الاثنين». A *key* is what is left of a word once those
differences are gone — harakat and tatweel dropped, one alef, one ya, ة = ه, digits in ASCII,
the proclitics و ف ب ل ك and the article ال stripped, and the long vowels ا و ي inside the word
dropped — so «والدنمارك» and «الدنمرك» both become «دنمرك»::

    >>> key("والدنمارك"), key("الدنمرك"), key("أسوشيتد"), key("أسيوشيتد")
    ('دنمرك', 'دنمرك', 'اسشتد', 'اسشتد')

:class:`ReuseText` keeps every word's key (as a stable 32-bit id) and hashes every run of ``n``
keys (a *shingle*) to a 64-bit integer with numpy; :func:`word_offsets` gives the words' (start,
end) in the original text.

Two kinds of words never anchor a shared passage: the words of a formula
(``schemas/formulas.yaml``: honorific titles, religious formulas) and the words of site
furniture, the paragraphs the extractor skips as boilerplate (``schemas/boilerplate.yaml``: a
related-link line «للمزيد: …», a list of related headlines under «اقرأ أيضا:», a share bar).
Two pages of one site often carry the same link to a third story; that makes them no copy of
each other.
"""

from __future__ import annotations

import hashlib
import zlib
from functools import lru_cache

import attrs
import numpy as np
import regex
import yaml

from ..lexicon import Lexicon, default_lexicon, schema_path
from ..normalise import normalise_text
from ..segment import paragraphs

#: a word; a conjunction و or ف written apart from its word («و لجنة») is part of the next word
#: (as in «ولجنة»), not a word of its own that would shift one copy against the other
WORD = regex.compile(r"(?![وف]\s+\p{L})[\p{L}\p{N}\p{M}\u0640]+")

_DROP = dict.fromkeys(
    map(ord, "\u0640\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a\u0670"), None
)
_DROP.update(dict.fromkeys(range(0x064B, 0x0660)))
_DROP.update(dict.fromkeys(range(0x06D6, 0x06EE)))
_TABLE = str.maketrans(
    {
        **{c: "ا" for c in "أإآٱٲٳ"},
        "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ۀ": "ه", "ھ": "ه", "ک": "ك",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)
_TABLE.update(_DROP)
_CONJ = "وف"
_PREP = "بلك"
_LONG_VOWELS = str.maketrans("", "", "اوي")

_MULT = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant of the polynomial hash


@lru_cache(maxsize=1 << 18)
def key(word: str) -> str:
    """The reuse key of one word (see the module docstring)."""
    w = word.translate(_TABLE).lower()
    if len(w) > 3 and w[0] in _CONJ:
        w = w[1:]
    if w.startswith("لل") and len(w) > 4:
        w = w[2:]
    elif len(w) > 4 and w[0] in _PREP:
        w = w[1:]
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    rest = w[1:].translate(_LONG_VOWELS)
    return w[0] + rest if len(rest) >= 1 else w


def key_id(k: str) -> int:
    """A stable 32-bit number for a key (the same in every process and every run)."""
    return zlib.crc32(k.encode("utf-8")) + 1


class _WordIds(dict[str, int]):
    """word → key id, filled on first sight (one dict lookup per word after that)."""

    def __missing__(self, word: str) -> int:
        if len(self) > 2_000_000:
            self.clear()
        value = self[word] = key_id(key(word))
        return value


_WORD_IDS = _WordIds()


def key_tuple(words: list[str]) -> tuple[int, ...]:
    """The key ids of ``words`` as a tuple (cheaper than an array for a line or a title)."""
    return tuple(map(_WORD_IDS.__getitem__, words))


def word_ids(words: list[str]) -> np.ndarray:
    """The key ids of ``words``, as a numpy array."""
    return np.fromiter(map(_WORD_IDS.__getitem__, words), dtype=np.uint64, count=len(words))


def word_offsets(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends) of every word of ``text``: the same words :class:`ReuseText` counts."""
    spans = [m.span() for m in WORD.finditer(text)]
    if not spans:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    arr = np.array(spans, dtype=np.int64)
    return arr[:, 0], arr[:, 1]


@attrs.frozen
class ReuseText:
    """One article's words as key ids, which of them are formulas or furniture, and its shingle hashes.

    ``shingles[i]`` hashes the keys of words ``i … i+n-1``, or is 0 when one of them belongs to
    a formulaic phrase (``formula[i]``, from ``schemas/formulas.yaml``) or to a boilerplate
    paragraph (``furniture[i]``, see :func:`furniture_words`). Character offsets are not kept
    (most articles reuse nothing): :func:`word_offsets` gives them when a passage is found.
    """

    ids: np.ndarray
    formula: np.ndarray
    furniture: np.ndarray
    shingles: np.ndarray
    n: int

    @classmethod
    def from_text(cls, text: str, n: int = 5, norm: str | None = None) -> ReuseText:
        """``norm`` is ``normalise_text(text)`` when the caller has it (the store keeps it)."""
        ids = word_ids(WORD.findall(text))
        formula = formulas().mark(ids) | formulas().scripture_words(text, len(ids))
        furniture = furniture_words(text, len(ids), norm)
        shingles = shingle_hashes(ids, n)
        masked = formula | furniture
        if len(shingles) and masked.any():  # a shingle with a formula or furniture word in it never anchors
            shingles[np.convolve(masked, np.ones(n, dtype=np.int64), "valid") > 0] = 0
        return cls(ids, formula, furniture, shingles, n)

    def __len__(self) -> int:
        return len(self.ids)


def furniture_words(text: str, count: int, norm: str | None = None, lexicon: Lexicon | None = None) -> np.ndarray:
    """A boolean per word of ``text`` (``count`` words): True for the words of a paragraph the
    segmenter marks boilerplate (:func:`provenance.segment.paragraphs`).

    Paragraphs are lines, and normalisation keeps every line break, so line k of ``norm`` is line
    k of ``text``: a word is furniture when its line is.
    """
    marked = np.zeros(count, dtype=bool)
    lines = furniture_lines(text, norm, lexicon)
    if lines:
        starts, _ = word_offsets(text)
        breaks = np.array([m.start() for m in _NEWLINE.finditer(text)], dtype=np.int64)
        marked[np.isin(np.searchsorted(breaks, starts), lines)] = True
    return marked


def furniture_lines(text: str, norm: str | None = None, lexicon: Lexicon | None = None) -> list[int]:
    """The numbers (from 0) of the lines of ``text`` that are boilerplate paragraphs."""
    if norm is None or norm.count("\n") != text.count("\n"):
        norm = normalise_text(text)
    lines, line, pos = [], 0, 0
    for p in paragraphs(norm, lexicon or default_lexicon()):
        line += norm.count("\n", pos, p.start)
        pos = p.start
        if p.boilerplate:
            lines.append(line)
    return lines


_NEWLINE = regex.compile("\n")


def masks_fingerprint() -> str:
    """What the masks depend on besides the code: the formula and boilerplate files. A stored
    shingle index made with other masks is stale."""
    h = hashlib.sha1(f"masks {_MASKS_VERSION}".encode())
    for name in ("formulas.yaml", "boilerplate.yaml"):
        h.update(schema_path(name).read_bytes())
    return h.hexdigest()[:16]


_MASKS_VERSION = 3  #: bumped when words or masks change (2: boilerplate paragraphs masked; 3: a detached و is no word)


def shingle_hashes(ids: np.ndarray, n: int) -> np.ndarray:
    """Hash every run of ``n`` consecutive key ids (a polynomial hash mod 2**64)."""
    m = len(ids) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            h = h * _MULT + ids[k : k + m]
    return h


@attrs.frozen
class Formulas:
    """Formulaic phrases as sequences of key ids, to be marked in a text."""

    phrases: tuple[tuple[int, ...], ...]
    scripture: regex.Pattern[str] | None = None
    by_first: dict[int, list[tuple[int, ...]]] = attrs.field(init=False, eq=False)
    firsts: np.ndarray = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by: dict[int, list[tuple[int, ...]]] = {}
        for p in self.phrases:  # longest first
            by.setdefault(p[0], []).append(p)
        object.__setattr__(self, "by_first", by)
        object.__setattr__(self, "firsts", np.array(sorted(by), dtype=np.uint64))

    @classmethod
    def load(cls, path: str | None = None) -> Formulas:
        with open(path or schema_path("formulas.yaml"), encoding="utf-8") as f:
            data = yaml.safe_load(f)
        phrases = {tuple(word_ids(WORD.findall(p)).tolist()) for p in data.get("formulas", [])}
        markers = data.get("scripture_markers") or []
        scripture = None
        if markers:
            words = "|".join(_loose(m) for m in sorted(markers, key=len, reverse=True))
            scripture = regex.compile(rf"(?:{words})[\s:،,]*(?P<open>[{regex.escape(''.join(_CLOSERS))}])")
        return cls(tuple(sorted((p for p in phrases if p), key=len, reverse=True)), scripture)

    def scripture_words(self, text: str, count: int) -> np.ndarray:
        """A boolean per word of ``text``: True inside a quotation that follows a scripture marker."""
        marked = np.zeros(count, dtype=bool)
        if self.scripture is None:
            return marked
        spans = []
        for m in self.scripture.finditer(text):
            close = text.find(_CLOSERS[m["open"]], m.end(), m.end() + _LONGEST_QUOTE)
            if close > 0:
                spans.append((m.end(), close))
        if spans:
            starts, _ = word_offsets(text)
            for a, b in spans:
                marked[(starts >= a) & (starts < b)] = True
        return marked

    def mark(self, ids: np.ndarray) -> np.ndarray:
        """A boolean array: True for every word inside one of the phrases."""
        marked = np.zeros(len(ids), dtype=bool)
        for i in np.flatnonzero(np.isin(ids, self.firsts)):
            for phrase in self.by_first[int(ids[i])]:
                k = len(phrase)
                if i + k <= len(ids) and tuple(ids[i : i + k].tolist()) == phrase:
                    marked[i : i + k] = True
                    break
        return marked


_CLOSERS = {"(": ")", "[": "]", "{": "}", "﴿": "﴾", "«": "»", '"': '"', "“": "”", "”": "“"}
_LONGEST_QUOTE = 1500  # characters: a quotation left open is not followed further
_MARKS_BETWEEN = "[\u0610-\u061a\u064b-\u065f\u0670\u0640]*"
_LETTER_FORMS = {"ا": "[اأإآٱ]", "ي": "[يى]", "ى": "[يى]", "ه": "[هة]", "ة": "[هة]"}


def _loose(phrase: str) -> str:
    """A regex for ``phrase`` as written in raw text: any alef or ya form, harakat anywhere."""
    out = []
    for c in phrase:
        out.append(r"\s+" if c == " " else _LETTER_FORMS.get(c, regex.escape(c)) + _MARKS_BETWEEN)
    return "".join(out)


@lru_cache(maxsize=1)
def formulas() -> Formulas:
    """The formulas of ``schemas/formulas.yaml``."""
    return Formulas.load()
