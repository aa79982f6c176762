"""Arabic normalisation that remembers where every character came from.

Matching runs on a normalised copy of the text (no harakat or tatweel, one alef, one ya, one
kind of quote mark…); every span found there is mapped back to the original text with
:meth:`Normalised.to_original`, so that ``text[start:end]`` is always what the user sees.

Each original character becomes zero characters (it is dropped), one character (it is mapped),
or, for presentation-form ligatures, several characters. Nothing is reordered, so the map from
normalised to original positions is monotonic.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

import attrs
import regex

# Characters dropped from the normalised text.
_ARABIC_MARKS = (
    "\u0610-\u061a"  # Quranic signs
    "\u064b-\u065f"  # harakat: fathatan … wavy hamza below
    "\u0670"  # superscript alef
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"  # Quranic annotation marks
    "\u08d3-\u08e1\u08e3-\u08ff"  # Arabic Extended-A marks
)
_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u200b-\u200f"  # zero-width space, ZWNJ, ZWJ, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u2069"  # bidi isolates
    "\ufeff"  # byte order mark / zero-width no-break space
)
TATWEEL = "\u0640"

# One character for one character.
_MAP = {
    **dict.fromkeys("أإآٱٲٳ", "ا"),
    "ى": "ي",
    "ی": "ي",  # Persian yeh
    "ې": "ي",
    "ک": "ك",  # Persian keheh
    "ڪ": "ك",
    "ۀ": "ه",
    "ە": "ه",
    "ھ": "ه",
    "ۃ": "ة",
    **dict.fromkeys("“”«»„‟″〝〞＂", '"'),
    **dict.fromkeys("‘’‚‛′`", "'"),
    "،": ",",
    "؛": ";",
    "؟": "?",
    "۔": ".",
    "٪": "%",
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t", " "),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
}

# Characters whose normalised form is not exactly one character.
_SPECIAL = regex.compile(
    f"(?P<drop>[{_ARABIC_MARKS}{_INVISIBLE}]+"  # marks and invisible controls
    f"|(?<=[\\p{{L}}{_ARABIC_MARKS}]){TATWEEL}+)"  # tatweel stretching a word
    f"|(?P<dash>{TATWEEL}+)"  # a tatweel standing alone is used as a dash: «هاف بوست عراقي ـ»
    "|(?P<form>[\ufb50-\ufdff\ufe70-\ufefc])"  # presentation forms: NFKC, maybe a ligature
)
_TRAILING_MARKS = re.compile(f"[{_ARABIC_MARKS}{TATWEEL}]*")  # code points only: re is faster


@lru_cache(maxsize=2)
def _table(fold_ta_marbuta: bool) -> dict[int, str]:
    table = {ord(k): v for k, v in _MAP.items()}
    if fold_ta_marbuta:
        table[ord("ة")] = "ه"
        table[ord("ۃ")] = "ه"
    return table


def _replacement(m: regex.Match, table: dict[int, str]) -> str:
    if m.group("drop"):
        return ""
    if m.group("dash"):
        return "-"
    return unicodedata.normalize("NFKC", m.group()).translate(table)


@attrs.frozen
class Normalised:
    """A normalised text and the way back to the original.

    ``starts`` and ``origins`` describe the pieces of the normalised text: piece ``i`` starts at
    normalised position ``starts[i]`` and at original position ``origins[i]``; ``linear[i]``
    says whether the piece maps one to one (else it is the expansion of one original character).
    """

    original: str
    text: str
    starts: tuple[int, ...] = ()
    origins: tuple[int, ...] = ()
    linear: tuple[bool, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` to the span of the original text it came from.

        The end is stretched over harakat and tatweel that follow the last letter, so a span never
        cuts a letter from its vowel signs.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside normalised text of length {len(self.text)}")
        if not self.starts:
            return start, end  # the text had no character to drop or expand: the same offsets
        if start == end:
            o = self._position(start)
            return o, o
        o_start = self._position(start)
        o_end = self._position(end - 1, end=True)
        trailing = _TRAILING_MARKS.match(self.original, o_end)
        assert trailing is not None  # the pattern matches the empty string
        o_end = trailing.end()
        return o_start, o_end

    def _position(self, n: int, end: bool = False) -> int:
        if not self.starts:
            return n + 1 if end else n
        if n >= len(self.text):
            return len(self.original)
        i = bisect.bisect_right(self.starts, n) - 1
        if i < 0:
            return n + 1 if end else n
        offset = n - self.starts[i] if self.linear[i] else 0
        return self.origins[i] + offset + (1 if end else 0)


def normalise(text: str, *, fold_ta_marbuta: bool = True) -> Normalised:
    """Normalise Arabic ``text`` for matching and keep the map back to it.

    - drops harakat and other Arabic combining marks, tatweel inside words, zero-width and bidi
      controls; a tatweel standing alone becomes a dash;
    - maps أ إ آ ٱ → ا, ى → ي, Persian ی ک → ي ك, (by default) ة → ه;
    - maps every double quote mark (“ ” « » …) to ``"``, single ones to ``'``, ، ؛ ؟ to , ; ?,
      dashes to ``-``, NBSP and other spaces to a space, Arabic-Indic digits to 0-9;
    - folds presentation forms (NFKC), the only step that can turn one character into several.
    """
    table = _table(fold_ta_marbuta)
    specials = _specials(text)
    if not specials:
        return Normalised(text, _translate(text, fold_ta_marbuta))
    parts: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    linear: list[bool] = []
    n = 0  # length of the normalised text so far
    pos = 0  # position in the original
    for m in specials:
        if m.start() > pos:
            chunk = _translate(text[pos : m.start()], fold_ta_marbuta)
            starts.append(n)
            origins.append(pos)
            linear.append(True)
            parts.append(chunk)
            n += len(chunk)
        replacement = _replacement(m, table)
        if replacement:
            starts.append(n)
            origins.append(m.start())
            linear.append(len(replacement) == 1)
            parts.append(replacement)
            n += len(replacement)
        pos = m.end()
    if pos < len(text):
        starts.append(n)
        origins.append(pos)
        linear.append(True)
        parts.append(_translate(text[pos:], fold_ta_marbuta))
    return Normalised(text, "".join(parts), tuple(starts), tuple(origins), tuple(linear))


def _specials(text: str) -> list[regex.Match[str]]:
    """The matches of ``_SPECIAL`` in ``text``, as ``finditer`` gives them: each is tried only
    where a character it may start with stands (found by the standard ``re``, far faster)."""
    out = []
    pos = 0
    while (hit := _MAYBE_SPECIAL.search(text, pos)) is not None:
        m = _SPECIAL.match(text, hit.start())
        if m is None:
            pos = hit.start() + 1
            continue
        out.append(m)
        pos = m.end()
    return out


def normalise_text(text: str, *, fold_ta_marbuta: bool = True) -> str:
    """The normalised string only: what search indexes and user queries are compared on.

    The same string as ``normalise(text).text``, without building the map back, and several
    times faster: the characters that are not mapped one to one are looked for only in a text
    that has some, and the one-to-one mappings go through a table indexed by code point."""
    table = _table(fold_ta_marbuta)
    if _MAYBE_SPECIAL.search(text):
        text = _SPECIAL.sub(lambda m: _replacement(m, table), text)
    return _translate(text, fold_ta_marbuta)


# every character a _SPECIAL match starts with (the standard re module finds one of a set of
# characters several times faster than regex)
_MAYBE_SPECIAL = re.compile(f"[{_ARABIC_MARKS}{_INVISIBLE}{TATWEEL}\ufb50-\ufdff\ufe70-\ufefc]")


@lru_cache(maxsize=2)
def _fast_table(fold_ta_marbuta: bool) -> list[int | str | None]:
    # a character past the list's end is left as it is, as one missing from a dict is; the
    # table's outputs are never its inputs, so mapping a replacement again changes nothing
    table = _table(fold_ta_marbuta)
    fast: list[int | str | None] = list(range(max(table) + 1))
    for k, v in table.items():
        fast[k] = v
    return fast


def _translate(text: str, fold_ta_marbuta: bool) -> str:
    """``text.translate(_fast_table(fold_ta_marbuta))``. A long text goes through ``str.replace``
    once for each character the table changes that it holds, several times faster: each output is
    one character that is never an input (see _fast_table), so the replacements do not interfere."""
    if len(text) < 256:
        return text.translate(_fast_table(fold_ta_marbuta))
    for old, new in _changes(fold_ta_marbuta):
        if old in text:
            text = text.replace(old, new)
    return text


@lru_cache(maxsize=2)
def _changes(fold_ta_marbuta: bool) -> tuple[tuple[str, str], ...]:
    """The characters the table changes, each with the one it makes of it."""
    table = _table(fold_ta_marbuta)
    changes = tuple((chr(k), v) for k, v in table.items() if v != chr(k))
    if any(len(new) != 1 or ord(new) in table and table[ord(new)] != new for _, new in changes):
        raise ValueError("the normalisation table must map a character to one that it leaves as it is")
    return changes
