"""The outlet gazetteer and source typing."""

import jsonschema
import pytest

from provenance import extract
from provenance.lexicon import load_json_schema, load_yaml, norm
from provenance.resolve import default_gazetteer, key_words, type_mention


def test_the_gazetteer_follows_its_schema():
    data = load_yaml("outlets.yaml")
    jsonschema.validate(data, load_json_schema("outlets.schema.json"))
    ids = [o["id"] for o in data["outlets"]]
    assert len(ids) == len(set(ids)) >= 150
    for o in data["outlets"]:
        assert set(o.get("context_only", [])) <= set(o["aliases"]), o["id"]


def test_a_network_must_name_an_outlet(tmp_path):
    from provenance.lexicon import LexiconError
    from provenance.resolve import Gazetteer

    bad = tmp_path / "outlets.yaml"
    bad.write_text("outlets:\n  - {id: x, name: X Arabic, name_ar: إكس, kind: website, aliases: [إكس], network: Nowhere}\n")
    with pytest.raises(LexiconError, match="outlets.yaml: network names no outlet: Nowhere"):
        Gazetteer(str(bad))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("رويترز", "Reuters"),
        ("وكالة رويترز", "Reuters"),
        ("(رويترز)", "Reuters"),
        ("فرانس برس", "Agence France-Presse"),
        ("أ ف ب", "Agence France-Presse"),
        ("ا ف ب", "Agence France-Presse"),
        ("وكالة الصحافة الفرنسية", "Agence France-Presse"),
        ("أسيوشيتد برس", "Associated Press"),
        ("اسوشيتدبرس", "Associated Press"),
        ("د ب أ", "Deutsche Presse-Agentur"),
        ("واس", "Saudi Press Agency"),
        ("لوكالة الأناضول", "Anadolu Agency"),
        ("شبكة \"سي إن إن\"", "CNN"),
        ("هاف بوست عراقي", "HuffPost Iraqi"),
        ("صحيفة ذا هيل", "The Hill"),
        ("alarabia", "Al Arabiya"),
    ],
)
def test_spellings_resolve_to_one_outlet(text, name):
    outlet = default_gazetteer().find(text)
    assert outlet is not None and outlet.name == name


def test_ambiguous_names_need_an_outlet_context():
    g = default_gazetteer()
    assert g.match_words(norm("الحياة صعبة").split()) is None
    assert g.match_words(norm("صحيفة الحياة").split())[2].name == "Al-Hayat"
    assert g.match_words(norm("الحياة").split(), context=True)[2].name == "Al-Hayat"


def test_abbreviation_letters_join():
    assert key_words(norm("أ ف ب")) == ("ا·ف·ب",)


def test_an_abbreviation_is_not_the_word_its_letters_spell():
    """«أ ب» (AP) is two letters; «أغسطس (آب)» is the month, bracketed like a credit."""
    assert key_words(norm("أ ب")) != key_words(norm("آب"))
    result = extract("عنوان\nوقع الهجوم في الأول من أغسطس (آب) الماضي، وقال مسؤول إن الوضع خطير.")
    assert [a.cue.text for a in result.attributions] == ["وقال"]
    assert result.attributions[0].via == ()


@pytest.mark.parametrize(
    ("mention", "kind", "anonymous_type"),
    [
        ("مصادر مطلعة", "anonymous", "informed_sources"),
        ("مصدر أمني", "anonymous", "security_source"),
        ("مسؤول استخباراتي عسكري عراقي رفيع المستوى", "anonymous", "official"),
        ("أربعة دبلوماسيين", "anonymous", "diplomat"),
        ("شهود عيان", "anonymous", "witness"),
        ("مسؤول طلب عدم ذكر اسمه", "anonymous", "unnamed_request"),
        ("المتحدث باسم التحالف، الكولونيل مايلز كاغينز", "person", None),
        ("الباحث رائد العزاوي", "person", None),
        ("يحيى رسول", "person", None),
        ("وزارة الدفاع البريطانية", "organization", None),
        ("روسيا", "organization", None),
        ("وسائل اعلام كردية", "outlet", None),
        ("صحيفة ذا هيل البريطانية", "outlet", None),
        ("رويترز", "wire_agency", None),
        ("وكالات", "wire_agency", None),
        ("فتاة", "anonymous", "other"),  # someone unnamed
        ("أحد المعلقين", "anonymous", "expert"),
        ("مغردون", "anonymous", "other"),
        ("آل الشيخ", "person", None),  # a family name used alone
        ("أبو مازن", "person", None),
        ("أبو ظبي", "organization", None),  # a place first
        # a document is its issuer's: a spokesman's statement is a person's
        ("بيان صادر عن مكتبه", "organization", None),
        ("بيان أصدره المتحدث باسم المجلس نيد برايس", "person", None),
        ("بيان للمتحدث الرسمي للتحالف العقيد تركي المالكي", "person", None),
        ("تقرير نشرته صحيفة نيويورك تايمز", "outlet", None),
        ("بيان مشترك", "organization", None),
        ("البيانات الصادرة في الأسبوع الماضي", "organization", None),
        ("استطلاع للرأي أجراه معهد إيفوب", "organization", None),
        ("تقرير عن مقتل الصحفي", "organization", None),  # «عن» alone is "about"
        ("التقرير الصادر أمس عن المتحدث باسم الوزارة", "person", None),  # a time word between
        ("رسالة للرئيس الأمريكي", "organization", None),  # addressed to him, not his
        # some of a people, unnamed; a named one is a person
        ("عدد من اليمنيين", "anonymous", "other"),
        ("عدد الأمريكيين المتقدمين", "organization", None),  # a number, not some people
        ("الكثير من السعوديين", "anonymous", "other"),
        ("كبير الباحثين غابريال بريتو", "person", None),
        ("محققون في روسيا", "anonymous", "other"),
        # the dual of an unnamed source is unnamed too
        ("مسؤولان بالإدارة الأمريكية", "anonymous", "official"),
        ("المصدران", "anonymous", "informed_sources"),
        # a preacher is a person («الداعية», «خطيب المسجد»)
        ("الداعية الدكتور عايض القرني", "person", None),
    ],
)
def test_source_kinds(mention, kind, anonymous_type):
    t = type_mention(norm(mention).split())
    assert (t.kind, t.anonymous_type) == (kind, anonymous_type)
