"""Normalisation folds Arabic spelling variation and always finds its way back to the original."""

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.normalise import normalise, normalise_text


def test_harakat_tatweel_and_hamza_forms_fold():
    assert normalise_text("وَفْق") == "وفق"
    assert normalise_text("الجزيـــرة") == "الجزيره"
    assert normalise_text("أحمد إبراهيم آمن ٱلله") == "احمد ابراهيم امن الله"
    assert normalise_text("مستشفى") == "مستشفي"


def test_ta_marbuta_folds_only_when_asked():
    assert normalise_text("وكالة") == "وكاله"
    assert normalise_text("وكالة", fold_ta_marbuta=False) == "وكالة"


def test_quotes_punctuation_spaces_and_digits():
    assert normalise_text("«قال» “نعم” ‘لا’") == '"قال" "نعم" \'لا\''
    assert normalise_text("نعم، لا؛ لماذا؟") == "نعم, لا; لماذا?"
    assert normalise_text("a\u00a0b") == "a b"
    assert normalise_text("٢٠٢٤") == "2024"
    assert normalise_text("ی ک") == "ي ك"


def test_invisible_controls_are_dropped():
    assert normalise_text("رويترز\u200f \u202bقال\u202c\u2066") == "رويترز قال"


def test_a_lone_tatweel_is_a_dash():
    assert normalise_text("هاف بوست عراقي ـ أفادت") == "هاف بوست عراقي - افادت"


def test_ligatures_expand_and_map_back():
    n = normalise("ﻻ شيء")
    assert n.text == "لا شيء"
    assert n.to_original(0, 2) == (0, 1)


def test_spans_map_back_over_vowel_signs():
    text = "قال رُويترز وَفْقٌ"
    n = normalise(text)
    start = n.text.index("رويترز")
    s, e = n.to_original(start, start + len("رويترز"))
    assert text[s:e] == "رُويترز"
    start = n.text.index("وفق")
    s, e = n.to_original(start, start + 3)
    assert text[s:e] == "وَفْقٌ"


ALPHABET = list(
    "قالرويتزبحسفنمكهدعصطظغشثجخءئؤ"  # letters
    "أإآٱىةیک"  # variant forms
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"  # harakat
    "\u0640"  # tatweel
    "“”«»\"'‘’،؛؟.:- \n\u00a0"  # quotes, punctuation, spaces
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # invisible
    "ﻻﺃ٣aZ"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.data())
def test_every_normalised_span_maps_back_to_an_original_span(text, data):
    n = normalise(text)
    # words found in the normalised text map back to original text that normalises to them
    # (up to a lone tatweel at the edge, a dash only in context)
    for m in regex.finditer(r"[\p{L}\p{N}]+", n.text):
        s, e = n.to_original(*m.span())
        assert normalise_text(text[s:e]).replace("-", "") == m.group()
    # any span maps to an original span that covers it (a span may cut a ligature in two)
    if n.text:
        a = data.draw(st.integers(0, len(n.text)))
        b = data.draw(st.integers(a, len(n.text)))
        s, e = n.to_original(a, b)
        assert 0 <= s <= e <= len(text)
        assert n.text[a:b].replace("-", "") in normalise_text(text[s:e]).replace("-", "")


@given(st.text(alphabet=st.sampled_from("قال أَحْمَدُ الجزيـــرة ـ ﷲ ﻻ \u200f\u0670«»“”٢٠ x.,؟"), max_size=60))
def test_the_fast_string_form_equals_the_mapped_one(text):
    """``normalise_text`` skips the offset map but must give the same string."""
    assert normalise_text(text) == normalise(text).text


def test_the_fast_string_form_on_every_special_character():
    text = "ﻻ ﷲ قـــال «مرحباً» — \u200fبيان\u200f ٣٤ ة ۀ \ufeff ـ x"
    assert normalise_text(text) == normalise(text).text
