"""Citation chains: publisher → intermediaries → origin, as a reader of the seeds expects."""

import pytest

import provenance
from provenance.models import Article

from .conftest import CORPUS


def chains_of(text: str, extractor, **meta):
    result = provenance.extract(text, extractor=extractor, **meta)
    return result, [str(c) for c in result.chains]


def test_seed_000_relays_reuters(extractor, seed_text):
    result, chains = chains_of(seed_text("000"), extractor)
    assert result.publisher.name == "HuffPost Iraqi"
    assert "هاف بوست عراقي ← رويترز ← دبلوماسيين" in chains


def test_seed_004_the_agency_named_two_sentences_earlier(extractor, seed_text):
    result, chains = chains_of(seed_text("004"), extractor)
    assert result.publisher is None  # «بواسطة Hanan» is an author, not a publisher
    official = next(a for a in result.attributions if a.source.text.startswith("مسؤول استخباراتي"))
    assert [(v.text, v.name) for v in official.via] == [("للوكالة", "Associated Press")]
    assert official.source.kind == "anonymous"
    assert "؟ ← أسوشيتد برس ← مسؤول استخباراتي عسكري عراقي رفيع المستوى" in chains


def test_seed_003_inherits_the_single_wire_credit(extractor, seed_text):
    result, _ = chains_of(seed_text("003"), extractor)
    assert result.publisher.name == "Kitabat"
    assert {c.name for c in result.credits} == {None, "Reuters"}  # «وكالات» and «وفقًا لوكالة (رويترز)»
    first = result.attributions[1]
    assert first.cue.text == "قال"
    assert [v.name for v in first.via] == ["Reuters"]  # named in its own sentence
    later = [a for a in result.attributions if a.cue.text == "وتوقع"][0]
    assert [(v.name, v.inherited) for v in later.via] == [("Reuters", True)]


@pytest.mark.parametrize(
    ("prefix", "name", "evidence"),
    [("000", "HuffPost Iraqi", "byline"), ("001", "Nedaa Post", "footer"), ("002", "Elaph", "byline"), ("003", "Kitabat", "byline")],
)
def test_publisher_from_the_text(prefix, name, evidence, extractor, seed_text):
    result = provenance.extract(seed_text(prefix), extractor=extractor)
    assert (result.publisher.name, result.publisher.evidence) == (name, evidence)


def test_publisher_from_followed_it_and_from_an_email(extractor):
    r = provenance.extract("عنوان\nقالت المصادر وفق وسائل إعلام تابعتها \"نداء بوست\" إن كذا.", extractor=extractor)
    assert (r.publisher.name, r.publisher.evidence) == ("Nedaa Post", "followed")
    r = provenance.extract("عنوان\nقال مسؤول إن كذا.\nللتواصل: news@elaph.com", extractor=extractor)
    assert (r.publisher.name, r.publisher.evidence) == ("Elaph", "email")


def test_an_unknown_site_named_by_its_footer_is_still_the_publisher(extractor):
    r = provenance.extract("عنوان\nقال مسؤول إن كذا.\nالمقالات المنشورة في \"صوت الجبل\" تعبر عن آراء كتابها", extractor=extractor)
    assert (r.publisher.name, r.publisher.text) == (None, "صوت الجبل")


def test_metadata_wins_and_a_url_names_the_section(extractor):
    path = next((CORPUS / "ant" / "BBC").rglob("*.txt"))
    (article,) = provenance.read_path(path)
    assert article.outlet == "BBC"
    assert extractor.extract_article(article).publisher.name == "BBC Arabic"


def test_a_byline_credit_in_the_metadata_is_inherited(extractor):
    article = Article(
        text="قال المتحدث باسم المنظمة إن المساعدات وصلت.\nوأضاف أن الوضع صعب.",
        id="x", format="trec", outlet="alarabia", author="جنيف - رويترز",
    )
    result = extractor.extract_article(article)
    (credit,) = result.credits
    assert (credit.name, credit.field, article.author[credit.start : credit.end]) == ("Reuters", "author", "رويترز")
    for a in result.attributions:
        assert [(v.name, v.inherited, v.field) for v in a.via] == [("Reuters", True, "author")]
    assert str(result.chains[0]) == "العربية ← رويترز ← المتحدث باسم المنظمة"


def test_two_agencies_credited_means_nothing_is_inherited(extractor):
    article = Article(text="قال مسؤول إن كذا.", id="x", outlet="alarabia", author="وكالات - رويترز - فرانس برس")
    result = extractor.extract_article(article)
    assert len(result.credits) == 3
    assert result.attributions[0].via == ()


def test_the_publisher_is_never_its_own_intermediary(extractor):
    r = provenance.extract("عنوان\nوقال الوزير لـ\"الحياة\" إن الاتفاق قريب.", extractor=extractor, outlet="Al-Hayat")
    assert r.attributions[0].via == ()
    r = provenance.extract("عنوان\nوقال الوزير لـ\"الحياة\" إن الاتفاق قريب.", extractor=extractor)
    assert [v.name for v in r.attributions[0].via] == ["Al-Hayat"]


@pytest.mark.parametrize(
    ("sentence", "via"),
    [
        ("وقال ستريليت في مقابلة مع رويترز إن البنك سيغلق.", "رويترز"),
        ("وأكد كوين في حوار مع شبكة «سكاي سبورت» أن الجماهير غاضبة.", "شبكة «سكاي سبورت»"),
        ('وقال روس في مقابلة مع شبكة "سي ان بي سي"، "لا نريد حربا".', 'شبكة "سي ان بي سي"'),
        ('وقال السفير منصور، لـوكالة "وفا" الرسمية، "بناء على ذلك سنطلب الحماية".', 'وكالة "وفا"'),
    ],
)
def test_an_interview_with_an_outlet_makes_it_the_intermediary(sentence, via, extractor):
    (a,) = provenance.extract("عنوان\n" + sentence, extractor=extractor).attributions
    assert [v.text for v in a.via] == [via]
    assert not provenance.extract("عنوان\nوقال الوزير في اتصال هاتفي مع الرئيس إن الاتفاق قريب.", extractor=extractor).attributions[0].via
    # «مع» names a recipient only right after a channel noun
    joint = "عنوان\nوقالت منظمة الصحة العالمية في بيان مشترك مع الوكالة الدولية للطاقة الذرية إن الخطر قائم."
    assert not provenance.extract(joint, extractor=extractor).attributions[0].via


def test_the_publisher_s_network_is_no_intermediary_either(extractor):
    # CNN Arabic is a service of CNN (outlets.yaml «network»): «لـCNN» there is the publisher's own
    text = "عنوان\nوقال مصدر مقرب من القضية لـCNN إن التحقيق مستمر."
    assert provenance.extract(text, extractor=extractor, outlet="CNN Arabic").attributions[0].via == ()
    assert [v.name for v in provenance.extract(text, extractor=extractor, outlet="BBC Arabic").attributions[0].via] == ["CNN"]


def test_the_agency_resolves_to_the_latest_agency_named(extractor):
    text = "عنوان\nأفادت وكالة رويترز بأن الاجتماع انتهى.\nونقلت وكالة الأناضول عن مصدر أن الوفد غادر.\nوقال مسؤول للوكالة إن الوفد عاد."
    r = provenance.extract(text, extractor=extractor)
    assert [v.name for v in r.attributions[-1].via] == ["Anadolu Agency"]


def test_chain_rendering_of_an_unknown_publisher_and_source():
    from provenance.models import Chain, Mention

    c = Chain(None, (Mention("رويترز", 0, 6, "Reuters", "wire_agency", name_ar="رويترز"),), Mention("", 0, 0))
    assert c.render() == "؟ ← رويترز ← ؟"


def test_the_channel_is_kept_apart_from_the_intermediaries(extractor):
    r = provenance.extract(
        "عنوان\nوقال التحالف، في بيان، إنه علق الأنشطة.\nوقال الوزير في تصريح لوكالة رويترز إن الاتفاق قريب.\n"
        "وقال المتحدث خلال مؤتمر صحافي إن الوضع هادئ.",
        extractor=extractor,
    )
    statement, interview, press = r.attributions
    assert (statement.channel.text, statement.via) == ("في بيان", ())
    assert (interview.channel.text, [v.name for v in interview.via]) == ("في تصريح", ["Reuters"])
    assert press.channel.text == "خلال مؤتمر صحافي"


@pytest.mark.parametrize(
    ("mention", "person", "role"),
    [
        ("الباحث رائد العزاوي", "رائد العزاوي", "الباحث"),
        ("المتحدث باسم التحالف، الكولونيل مايلز كاغينز", "مايلز كاغينز", "المتحدث باسم التحالف، الكولونيل"),
        ("يحيى رسول المتحدث باسم القائد الأعلى", "يحيى رسول", "المتحدث باسم القائد الأعلى"),
        ("المتحدث باسم الوزارة", None, "المتحدث باسم الوزارة"),
        ("الرئيس الأميركي، آنذاك، “دونالد ترامب”", "دونالد ترامب", "الرئيس الأميركي، آنذاك"),
    ],
)
def test_a_person_s_name_and_role_are_kept_apart(mention, person, role, extractor):
    (a,) = provenance.extract(f"عنوان\nوقال {mention} إن الاجتماع انتهى.", extractor=extractor).attributions
    assert a.source.kind == "person"
    assert (a.source.person and a.source.person.text) == person
    assert (a.source.role and a.source.role.text) == role


def test_the_statement_is_typed_as_its_issuer(extractor):
    text = "عنوان\nوقال المتحدث باسم الوزارة أحمد الصحاف في بيان إن الاجتماع انتهى. وأضاف البيان أن الوفد غادر."
    added = next(a for a in provenance.extract(text, extractor=extractor).attributions if a.cue.text == "وأضاف")
    assert (added.source.text, added.source.refers_to.text) == ("البيان", "المتحدث باسم الوزارة أحمد الصحاف")
    assert added.source.kind == "person"


def test_the_statement_and_the_sources_refer_back(extractor, seed_text):
    r = provenance.extract(seed_text("004"), extractor=extractor)
    pointed = next(a for a in r.attributions if a.cue.text == "وأشار")
    assert pointed.source.text == "البيان"
    assert pointed.source.refers_to.text == "التحالف"  # «وقال التحالف، في بيان …»
    assert str(r.chains[r.attributions.index(pointed)]).endswith("← التحالف")
    r = provenance.extract(seed_text("000"), extractor=extractor)
    said = next(a for a in r.attributions if a.cue.text == "وقالت")
    assert (said.source.text, said.source.refers_to.text) == ("المصادر", "مصادر مطلعة")
    assert said.source.anonymous_type == "informed_sources"


def test_a_relay_at_the_end_of_a_sentence_is_the_intermediary(extractor):
    said, relay = provenance.extract(
        "عنوان\nوأوضح الوزير أن القوات انسحبت من المدينة، بحسب ما نقلت عنه وكالة رويترز.", extractor=extractor
    ).attributions
    assert (relay.cue.lemma, relay.source.name) == ("بحسب", "Reuters")
    assert [v.name for v in said.via] == ["Reuters"]
    assert said.content.text == "القوات انسحبت من المدينة"


def test_a_definite_title_points_back_at_the_one_it_described(extractor):
    result, _ = chains_of(
        "عنوان\nوقال وزير الدولة الإماراتي للشؤون الخارجية أنور قرقاش إن الوضع صعب. "
        "وقال المسؤول الإماراتي إن الحل قريب.", extractor,
    )
    later = result.attributions[1]
    assert later.source.text == "المسؤول الإماراتي"
    assert later.source.kind == "person"  # the minister, named before
    assert later.source.refers_to.text == "وزير الدولة الإماراتي للشؤون الخارجية أنور قرقاش"
    # an unnamed official stays unnamed
    result, _ = chains_of("عنوان\nوقال مسؤول أمريكي إن الوضع صعب. وأضاف المسؤول الأمريكي أن الحل قريب.", extractor)
    assert result.attributions[1].source.kind == "anonymous"
    assert result.attributions[1].source.refers_to.text == "مسؤول أمريكي"
