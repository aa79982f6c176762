"""Tokens: the fast split of a plain text gives the tokens of the regex split."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.tokens import _PLAIN, _split_any, _split_plain, splitter

# Arabic letters, digits, «_», marks and every kind of space, then any character of _PLAIN
_COMMON = st.sampled_from(list(" \t\n\u00a0\u2003_.,:;\"'()-ab19") + [chr(c) for c in range(0x0621, 0x064B)])
_ANY_PLAIN = st.one_of([st.characters(min_codepoint=a, max_codepoint=b) for a, b in _PLAIN])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_COMMON, _COMMON, _ANY_PLAIN), max_size=40).map("".join), st.data())
def test_plain_split_is_the_regex_split(text: str, data: st.DataObject) -> None:
    if splitter(text) is not _split_plain:
        return  # one of the few characters of _PLAIN on which re and regex differ
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _split_plain(text, start, end) == _split_any(text, start, end)


def test_split() -> None:
    text = "قال الوزير: «نعم»، x_1 (أ ف ب)."
    texts, starts = _split_plain(text, 0, len(text))
    assert texts == ["قال", "الوزير", ":", "«", "نعم", "»", "،", "x_1", "(", "أ", "ف", "ب", ")", "."]
    assert [text[s : s + len(t)] for t, s in zip(texts, starts)] == texts
