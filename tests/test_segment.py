"""Sentences survive the stray full stops of web news; site furniture is recognised."""

from provenance.lexicon import default_lexicon
from provenance.normalise import normalise_text
from provenance.segment import paragraphs, quotations, sentences


def split(text: str) -> list[str]:
    norm = normalise_text(text)
    lx = default_lexicon()
    return [norm[s.start : s.end] for p in paragraphs(norm, lx) for s in sentences(norm, p, lx)]


def test_a_stray_stop_before_the_content_does_not_cut_the_attribution():
    # as in the seeds: «في بيان. إن …», «الخميس. أن …»
    assert len(split("كما قال المتحدث في بيان. إن اللجنة تستأنف أعمالها. وذلك بهدف المناقشة.")) == 2
    assert len(split("أكد رئيس الوزراء خلال لقائه الوزيرة، الخميس. أن الإصرار واضح.")) == 1


def test_ordinary_stops_and_double_stops_end_sentences():
    assert len(split("وقعت الضربة. وقال مسؤول إن كذا.. وأضاف أن كذا")) == 3


def test_the_stop_of_an_initial_or_a_dotted_abbreviation_ends_no_sentence():
    assert len(split("وقال د. محمد علي إن الوضع صعب. وأضاف أن الحل قريب.")) == 2
    assert len(split("وقال رئيس شركة أيه.إم.سي. القابضة إن الافتتاح تاريخي.")) == 1
    assert len(split("غادر الوفد العربية.نت. وقال مسؤول إن كذا.")) == 2  # a long part: a domain


def test_a_stop_inside_a_quotation_does_not_end_the_sentence():
    assert len(split('قال إن الضربات "تهدد السلم الأهلي. وتخرق السيادة" بعد الهجوم.')) == 1


def test_quotations_pair_marks_by_their_neighbours():
    norm = normalise_text('قال "نعم" ثم "لا" و"ربما"')
    spans = quotations(norm, 0, len(norm))
    assert [norm[o + 1 : c] for o, c in spans] == ["نعم", "لا", "ربما"]


def test_a_stray_stop_before_a_word_that_opens_no_sentence_does_not_cut_it():
    # a relative pronoun or «عن» cannot open a sentence
    assert len(split("قتل القيادي أبو باقر الساعدي. الذي كان مسؤولا عن الملف. وغادر الوفد.")) == 2
    assert len(split("أسفرت الضربة التي شنتها طائرة مسيرة. عن مقتل ثلاثة أشخاص.")) == 1


def test_quote_marks_typed_with_spaces_inside_still_pair():
    for text in ("قال الحرمي ” كل الكلمات لا تكفي “. وغادر.", "قال الحرمي “ كل الكلمات لا تكفي ”. وغادر."):
        nz = normalise_text(text)
        ((o, c),) = quotations(nz, 0, len(nz))
        assert nz[o + 1 : c].strip() == normalise_text("كل الكلمات لا تكفي")


def test_a_stray_quote_mark_does_not_swallow_the_paragraph():
    norm = normalise_text('وأكد أن "موعد الخروج ثابت .. وأضاف أن "العلاقة ستكون استشارية".')
    spans = quotations(norm, 0, len(norm))
    assert [norm[o + 1 : c] for o, c in spans] == ["العلاقه ستكون استشاريه"]


def test_guillemets_typed_the_wrong_way_round_open_nothing_before_a_comma():
    # «:» أن … «، مشيراً» (Saudi papers): the mark before the comma closes; the cues after it are
    # not inside a quotation that would run to the next mark
    norm = normalise_text("وقال الشهري:» أن الله كرم الإنسان «، مشيراً إلى أن العدوان جريمة. ووصف الأحمري العمل قائلاً: « إن الوطن عصي».")
    spans = quotations(norm, 0, len(norm))
    assert [norm[o + 1 : c].strip() for o, c in spans] == ["ان الوطن عصي"]
    # but an ellipsis may start a quotation: «"... في واقع الأمر"»
    norm = normalise_text('وقالت مغربي "... في واقع الأمر لا شيء طوعيا" إلى بلد آمن.')
    assert len(quotations(norm, 0, len(norm))) == 1


def boilerplate(text: str) -> list[bool]:
    norm = normalise_text(text)
    return [p.boilerplate for p in paragraphs(norm, default_lexicon())]


def test_site_furniture_is_boilerplate():
    furniture = [
        "اكتب لنا: iraqhuffpost@gmail.com",
        "أخبار ذات صلة",
        "اترك تعليقا",
        "المقالات المنشورة في \"نداء بوست\" تعبّر عن آراء كتابها وليس بالضرورة عن رأي الموقع.",
        "جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف",
        "0 تعليقات",
        "Article Rating",
        "57",
    ]
    assert boilerplate("\n".join(furniture)) == [True] * len(furniture)


def test_news_is_not_boilerplate():
    assert boilerplate("وقال المتحدث إن التعليقات المنشورة على الموقع مسيئة.") == [False]


def test_everything_after_a_comments_block_at_the_end_is_furniture():
    text = "\n".join(["قال مسؤول إن كذا."] * 4 + ["أخبار ذات صلة", "وزير: قال الرئيس إن كذا"])
    assert boilerplate(text) == [False] * 4 + [True, True]



def test_a_full_stop_glued_to_the_next_word_after_a_quote_ends_the_sentence():
    text = "طهرت القوات المحافظة من «داعش».إلى ذلك أفادت مصادر بمقتل مسلحين. موقع العربية.نت نشر الخبر."
    assert len(split(text)) == 3  # «العربية.نت» is a domain, not two sentences
