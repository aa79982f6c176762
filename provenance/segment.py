"""Paragraphs and sentences, and the site furniture that never yields attributions.

Segmentation runs on the normalised text (one quote mark ``"``, ``?`` for ``؟``…), whose positions
the caller maps back to the original. Two habits of Arabic web news shape the rules:

- a stray full stop before the content of a reported statement («في بيان. إن …», «الخميس. أن …»):
  a sentence never starts with a complementiser, so the stop does not end the sentence;
- «..» used as a separator between sentences.

A full stop inside an open quotation does not end the sentence when the quotation closes later in
the same paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
import regex

from .lexicon import Lexicon


@attrs.frozen
class Segment:
    """A paragraph or a sentence: ``[start, end)`` in the normalised text."""

    start: int
    end: int
    paragraph: int
    boilerplate: bool = False


_LINE = re.compile(r"[^\n]+")  # the standard re: the same lines, faster
_SPACE = regex.compile(r"\s*")


def _space_end(text: str, start: int, end: int) -> int:
    """Where the white space from ``start`` (before ``end``) stops."""
    m = _SPACE.match(text, start, end)
    return start if m is None else m.end()
# A sentence ends at ! ? or a run of full stops, followed by space or the end of the paragraph;
# or at a full stop glued between a closing quote or bracket and an Arabic word («داعش».إلى ذلك),
# which a domain such as «العربية.نت» never has.
_INITIAL = regex.compile(r"(?:^|[\s(])\p{L}|\s?\p{L}")  # a single letter before a full stop
_STOP = regex.compile(r"(?:[.!?]+|\.{2,}|…)(?=\s|$|[\"'])\"?|(?<=[\")])\.(?=\p{Arabic})")


def paragraphs(norm: str, lexicon: Lexicon, start: int = 0) -> list[Segment]:
    """Non-empty lines of ``norm`` from ``start`` on, each marked boilerplate or not."""
    result: list[Segment] = []
    for i, m in enumerate(_LINE.finditer(norm, pos=start)):
        s, e = _strip(norm, m.start(), m.end())
        if s < e:
            result.append(Segment(s, e, len(result), lexicon.is_boilerplate(norm[s:e])))
    _mark_related_lists(norm, result, lexicon)
    _mark_furniture_tail(norm, result, lexicon)
    return result


def _mark_related_lists(norm: str, paras: list[Segment], lexicon: Lexicon) -> None:
    """The headlines listed under a «اقرأ أيضا:» line are furniture: the paragraphs right after
    it that read like headlines (:meth:`Lexicon.is_listed_headline`), up to the first that does not."""
    i = 0
    while i < len(paras):
        p = paras[i]
        i += 1
        if p.boilerplate and lexicon.is_list_marker(norm[p.start : p.end]):
            while i < len(paras) and lexicon.is_listed_headline(norm[paras[i].start : paras[i].end]):
                paras[i] = attrs.evolve(paras[i], boilerplate=True)
                i += 1


def _mark_furniture_tail(norm: str, paras: list[Segment], lexicon: Lexicon) -> None:
    """Everything after a "comments" / "related news" block at the end of a page is furniture."""
    for i, p in enumerate(paras):
        if p.boilerplate and lexicon.is_tail_marker(norm[p.start : p.end]) and i >= len(paras) // 2:
            for j in range(i + 1, len(paras)):
                paras[j] = attrs.evolve(paras[j], boilerplate=True)
            return


def sentences(norm: str, paragraph: Segment, lexicon: Lexicon) -> Iterator[Segment]:
    """The sentences of one paragraph."""
    start = paragraph.start
    pos = paragraph.start
    end = paragraph.end
    quotes: tuple[int, list[tuple[int, int]]] = (-1, [])  # the quotations from the last start
    quoted = _may_quote(norm, start, end)
    while pos < end:
        m = _STOP.search(norm, pos, end)
        if m is None:
            break
        cut = m.end()
        pos = cut
        if quoted:
            if quotes[0] != start:
                quotes = (start, quotations(norm, start, end))
            if _inside(quotes[1], m.start()):
                continue
        if abbreviation(norm, m.start()):
            continue
        nxt = _space_end(norm, cut, end)
        if nxt < end and lexicon.continues_sentence(norm, nxt, end):
            continue
        s, e = _strip(norm, start, cut)
        if s < e:
            yield Segment(s, e, paragraph.paragraph, paragraph.boilerplate)
        start = nxt
    s, e = _strip(norm, start, end)
    if s < e:
        yield Segment(s, e, paragraph.paragraph, paragraph.boilerplate)


def quotations(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of ``norm[start:end]`` as ``(open, close)`` positions of their marks.

    After normalisation every quote mark is ``"``, and news sites mix “ ” « » freely, so a mark's
    role comes from its neighbours: after a space or at the start it opens, before a space or
    punctuation it closes. An opening mark that never closes is ignored, so one stray mark does
    not swallow the rest of the paragraph.
    """
    spans: list[tuple[int, int]] = _braces(norm, start, end)
    opened: int | None = None
    pos = norm.find('"', start, end)
    while pos != -1:
        before = norm[pos - 1] if pos > start else " "
        after = norm[pos + 1] if pos + 1 < end else " "
        # a quotation never starts with a space or a stop («… تكفي “.» closes one typed « ” … “ »)
        opens = (before.isspace() or before in "(:[-/,") and not after.isspace() and after not in ".,;:!?)]"
        closes = (after.isspace() or after in ".,;:!?)]-'") and not before.isspace()
        if opened is None:
            # a mark before a comma or a stop opens nothing («… في الحياة «، مشيراً», guillemets
            # typed the wrong way round): it is the close of a quotation whose opening was missed
            ellipsis = norm.startswith("..", pos + 1)  # «"... في واقع الأمر»
            if opens or not closes and (after not in ".,;:!?)]" or ellipsis):
                opened = pos
        elif closes or not opens:
            spans.append((opened, pos))
            opened = None
        else:
            opened = pos  # a new quotation opens: the previous mark was stray
        pos = norm.find('"', pos + 1, end)
    return sorted(spans)


def _may_quote(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` holds a mark that may open a quotation (see :func:`quotations`)."""
    return any(norm.find(mark, start, end) != -1 for mark in ('"', "{", "﴿"))


def _braces(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations in braces: Quranic verses are quoted {…} or ﴿…﴾."""
    spans = []
    for opening, closing in (("{", "}"), ("﴿", "﴾")):
        pos = norm.find(opening, start, end)
        while pos != -1:
            close = norm.find(closing, pos + 1, end)
            if close == -1:
                break
            spans.append((pos, close))
            pos = norm.find(opening, close + 1, end)
    return spans


def _inside(quotes: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies inside one of ``quotes`` (the quotations of a paragraph)."""
    return any(o < at < c for o, c in quotes)


def abbreviation(norm: str, at: int) -> bool:
    """Whether the full stop at ``at`` closes an abbreviation, not a sentence: it follows a
    single letter («د.», «ويتني س. جونسون», «أ. ف. ب») or ends a dotted one («أيه.إم.سي.»)."""
    if norm[at] != ".":
        return False
    before = norm[max(0, at - 2) : at]
    if _INITIAL.fullmatch(before) and (at < 2 or not norm[at - 2].isalpha()):
        return True
    if norm.find(".", max(0, at - 4), at) == -1 and not (at + 1 < len(norm) and norm[at + 1].isalpha()):
        return False  # no other full stop within a part's length: no dotted abbreviation
    start, end = at, at + 1
    while start > 0 and not norm[start - 1].isspace() and at - start < 16:
        start -= 1
    while end < len(norm) and not norm[end].isspace() and end - at < 16:
        end += 1
    parts = norm[start:end].rstrip(".").split(".")
    return len(parts) > 1 and all(0 < len(part) <= 3 and part.isalpha() for part in parts)


def _strip(s: str, start: int, end: int) -> tuple[int, int]:
    while start < end and s[start].isspace():
        start += 1
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, end
