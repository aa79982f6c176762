"""Attribution extraction: who is said to have said what, through which cue, exactly where."""

import time

import pytest

import provenance
from provenance.readers import read_paths

from .conftest import CORPUS


def only(text: str, extractor):
    result = provenance.extract(text, extractor=extractor)
    assert len(result.attributions) == 1, [a.to_dict() for a in result.attributions]
    return result.attributions[0]


def all_of(text: str, extractor):
    return provenance.extract(text, extractor=extractor).attributions


def test_a_relay_through_a_wire_agency(extractor):
    a = only("عنوان\nونقلت رويترز عن دبلوماسيين قولهم إن مهمة الحلف تجد قبولا بين العراقيين.", extractor)
    assert (a.cue.text, a.cue.lemma) == ("ونقلت", "نقل")
    assert (a.source.text, a.source.kind) == ("دبلوماسيين", "anonymous")
    assert [(v.text, v.name, v.kind) for v in a.via] == [("رويترز", "Reuters", "wire_agency")]
    assert a.content.text == "مهمة الحلف تجد قبولا بين العراقيين"
    assert a.content.direct is False


def test_a_manner_word_after_the_verb_and_a_dateline_are_no_subjects(extractor):
    a = only('عنوان\nقال شاكيا: "أنت تحاولين الابتعاد عني".', extractor)
    assert a.source.text == ""
    a = only("عنوان\nدبي، الإمارات العربية المتحدة (CNN)— قال علي القرة داغي، الأمين العام للاتحاد، في تغريدة على "
             "حسابه، إن الأمر خطير.", extractor)
    assert "CNN" not in a.source.text


def test_a_framed_subject_relays_the_source_named_after_naqlan_an(extractor):
    # «وكانت X ذكرت، نقلاً عن Y، أن …»: X, the subject framed by «كانت», relays Y
    a = only("عنوان\nوكانت شبكة \"سي إن إن\" ذكرت الأربعاء، نقلاً عن مصادر أمنية، أن الهجوم فشل.", extractor)
    assert (a.cue.text, a.source.text, a.source.kind) == ("ذكرت", "مصادر أمنية", "anonymous")
    assert [v.text for v in a.via] == ['شبكة "سي إن إن"']


def test_a_correspondent_told_names_the_receiving_outlet(extractor):
    a = only("عنوان\nوقال سلوتسكي لمراسل بي بي سي إن الأمر مؤامرة.", extractor)
    assert (a.source.text, [v.text for v in a.via]) == ("سلوتسكي", ["بي بي سي"])


def test_verb_subject_order_with_a_channel_phrase(extractor):
    a = only("عنوان\nوقال المتحدث باسم الوزارة في بيان، يوم الاثنين، إن الاجتماع انتهى.", extractor)
    assert a.source.text == "المتحدث باسم الوزارة"
    assert a.source.kind == "person"
    assert a.content.text == "الاجتماع انتهى"


def test_subject_before_the_verb(extractor):
    a = only("عنوان\nالمصادر أكدت أن القصف تزامن مع مواجهات برية.", extractor)
    assert a.source.text == "المصادر"
    assert a.source.kind == "anonymous"


def test_direct_quotation(extractor):
    a = only("عنوان\nوأضاف: «ستتوسع المهمة تدريجيًا نظرًا للوضع».", extractor)
    assert a.content.direct is True
    assert a.content.text == "ستتوسع المهمة تدريجيًا نظرًا للوضع"


def test_receiving_outlet_is_an_intermediary(extractor):
    a = only("عنوان\nوقال مسؤول استخباراتي عراقي رفيع المستوى للوكالة إن الحكومة قررت ذلك.", extractor)
    assert a.source.text == "مسؤول استخباراتي عراقي رفيع المستوى"
    assert a.source.kind == "anonymous"
    assert [v.text for v in a.via] == ["للوكالة"]


def test_journalists_are_an_audience_not_an_outlet(extractor):
    a = only("عنوان\nوقال الوزير للصحفيين إن الاتفاق قريب.", extractor)
    assert a.source.text == "الوزير"
    assert a.via == ()


def test_prepositional_cues(extractor):
    a = only("عنوان\nأسفرت الضربة عن مقتل ثلاثة أشخاص، وفقًا لوكالة (رويترز).", extractor)
    assert a.cue.lemma == "وفق"
    assert "رويترز" in a.source.text and a.source.kind == "wire_agency"
    assert a.content.text == "أسفرت الضربة عن مقتل ثلاثة أشخاص"
    b = only("عنوان\nوبحسب وكالة \"فرانس برس\" فقد أسفرت الضربة عن مقتل ثلاثة.", extractor)
    assert b.source.text == 'وكالة "فرانس برس"'
    assert b.content.text.startswith("أسفرت")


def test_according_to_a_plan_is_not_an_attribution(extractor):
    assert all_of("عنوان\nوانتقلت القوات إلى المشورة وفق متبنيات الحوار الاستراتيجي وبحسب الظروف.", extractor) == ()


def test_continuations_repeat_the_previous_speaker(extractor):
    text = "عنوان\nوقال الباحث رائد العزاوي إن التوتر سيتصاعد، مشيراً إلى أن الحل بعيد.\nوأضاف أن واشنطن قد تقيد دورها."
    said, pointing, added = all_of(text, extractor)
    assert said.source.text == "الباحث رائد العزاوي"
    assert pointing.cue.text == "مشيراً" and pointing.source.text == said.source.text
    assert said.content.text == "التوتر سيتصاعد"
    assert added.source.start == said.source.start
    assert added.content.text == "واشنطن قد تقيد دورها"


def test_scripture_quoted_in_a_sermon_is_not_a_report_and_the_preacher_goes_on(extractor):
    text = (
        "عنوان\nوأكد المفتي أن الاعتداء على المساجد جريمة، قال الله تعالى: \"ومن أظلم ممن منع مساجد الله\".\n"
        "وشدد على وجوب احترام دور العبادة. قال صلى الله عليه وسلم: \"انصر أخاك\".\nوأضاف أن الأمن نعمة."
    )
    found = all_of(text, extractor)
    assert [a.cue.text for a in found] == ["وأكد", "وشدد", "وأضاف"]
    assert {a.source.text for a in found} == {"المفتي"}


def test_a_relative_clause_whose_verb_carries_the_nouns_pronoun_has_its_own_subject(extractor):
    # «الذي وصفته وسائل الإعلام»: the noun before «الذي» is the one described; the media describe
    described = only("عنوان\nقتل عقيد على يد سليمان الأسد الذي وصفته وسائل إعلام النظام السوري بالمجرم.", extractor)
    assert described.source.text == "وسائل إعلام النظام السوري"
    # «الذين يتهمونه»: the pronoun is someone else; the noun is who accuses
    _, accusers = all_of("عنوان\nوتحدث ساركوزي عن الليبيين الذين يتهمونه بتلقي الأموال.", extractor)
    assert (accusers.cue.text, accusers.source.text) == ("يتهمونه", "الليبيين")


def test_a_report_inside_a_subject_does_not_take_the_speakers_place(extractor):
    text = (
        "عنوان\nوقال المصدر الذي وصفته الوكالة بالمأذون إن الدعم ثابت.\n"
        "وأضاف أن النزاع قضية تصفية استعمار."
    )
    said, described, added = all_of(text, extractor)
    assert (said.source.text, described.source.text) == ("المصدر", "الوكالة")
    assert added.source.start == said.source.start


def test_the_topic_of_amma_is_the_subject_of_the_verb_fa_joins(extractor):
    text = "عنوان\nوقالت أستراليا إنها ستطرد دبلوماسيين. أما نيوزيلندا فأكدت أنها لم تكتشف وجود أي جواسيس."
    said, confirmed = all_of(text, extractor)
    assert (said.source.text, confirmed.source.text) == ("أستراليا", "نيوزيلندا")
    assert only("عنوان\nوأما وكالة تسنيم، فنقلت عن مسؤول في المنظمة قوله إن النار تشتعل.", extractor).via[0].text == "وكالة تسنيم"


def test_a_name_set_off_by_commas_after_a_title_belongs_to_the_subject(extractor):
    # «اتهم الرئيس، دونالد ترامب، إيران بـ …»: the name is the title's, the country the object
    accused = only("عنوان\nواتهم الرئيس، دونالد ترامب، إيران بدعم الإرهاب.", extractor)
    assert accused.source.text == "الرئيس، دونالد ترامب"
    assert only("عنوان\nواتهم الرئيس، إيران بدعم الإرهاب.", extractor).source.text == "الرئيس"


def test_a_participle_after_a_plain_clause_is_its_subjects(extractor):
    # «إلى» (normalised «الي») is no «ال» adjective to add to the subject
    promised = only("عنوان\nاضطرت ميركل إلى إعطاء ضمانات للجناح اليميني، واعدة بتحديد سقف لعدد المهاجرين.", extractor)
    assert promised.source.text == "ميركل"
    # a question has no subject to lend: the speaker before goes on
    said, called = all_of("عنوان\nوقالت أم تهاني إن الجامعة ظلمت ابنتها. هل سينضمون إلى طوابير البطالة داعية إلى حل.", extractor)
    assert called.source.text == said.source.text == "أم تهاني"


def test_those_called_upon_are_the_object_not_the_speaker(extractor):
    said, called = all_of("عنوان\nوقال بحاح إن تحرير عدن بداية. ودعا الشعب اليمني إلى الوقوف صفا واحدا.", extractor)
    assert called.source.text == said.source.text == "بحاح"
    warned = all_of("عنوان\nوقالت الوزارة إن التسجيل بدأ، وحذرت المواطنين من دفع أي مبالغ إضافية.", extractor)[-1]
    assert warned.source.text == "الوزارة"


def test_a_country_before_its_verb_is_its_subject(extractor):
    assert only("عنوان\nالسعودية أكدت أن الوفد وصل.", extractor).source.text == "السعودية"
    announced = only('عنوان\nوفي الملف السوري، كانت السعودية قد أعلنت عن "دعمها الكامل" للضربات.', extractor)
    assert (announced.source.text, announced.source.kind) == ("السعودية", "organization")


def test_a_document_that_says_reports_it(extractor):
    # «جاء فيه أن»: the document named just before is the source
    said = only('عنوان\nوقد أصدر سيشنز قرار إقالته، بعد تحقيق داخلي، جاء فيه أن ماكيب "سرب أخبارا".', extractor)
    assert (said.cue.text, said.source.text) == ("جاء فيه", "قرار إقالته")
    assert only("عنوان\nونشر الحساب تغريدة جاء فيها: نحن مستعدون.", extractor).source.text == "تغريدة"
    assert not all_of("عنوان\nوزار الوفد المعرض الذي جاء فيه عدد من الشركات.", extractor)


def test_agreeing_that_is_a_report(extractor):
    agreed = only("عنوان\nواتفق زعماء الاتحاد الأوروبي على أن الهجوم يستحق الشجب.", extractor)
    assert (agreed.cue.text, agreed.source.text) == ("واتفق", "زعماء الاتحاد الأوروبي")
    assert not all_of("عنوان\nواتفق الجانبان على موعد الاجتماع.", extractor)


def test_a_wafq_phrase_after_the_verb_is_no_subject(extractor):
    said, stressed, per = all_of(
        "عنوان\nوقال رئيس الوزراء إن العجز سينخفض.\nوأكد وفقاً لبيان رسمي أن الموازنة غير مسبوقة.", extractor
    )
    assert stressed.source.start == said.source.start  # the speaker goes on; the statement is its own cue
    assert (per.cue.text, per.source.text) == ("وفقاً", "بيان رسمي")


def test_a_comma_may_stand_between_a_strict_verb_and_its_complement(extractor):
    # «أبان» counts only right before its complement («إبان» is "during"): a comma is allowed
    _, made_clear = all_of("عنوان\nوأوضح مدير البرنامج أن الخطة جاهزة. وأبان، أن الدورات تضم مجالات عدة.", extractor)
    assert (made_clear.cue.text, made_clear.source.text) == ("وأبان", "مدير البرنامج")


def test_a_comment_introduced_by_bianna(extractor):
    commented = only("عنوان\nوعلق أحد النواب بأنه لو كان الوزير يدير شركة لأفلست.", extractor)
    assert (commented.source.text, commented.content.text) == ("أحد النواب", "لو كان الوزير يدير شركة لأفلست")
    assert all_of("عنوان\nوعلق الاتحاد عضوية النادي بعد الأحداث.", extractor) == ()  # suspended


def test_a_country_speaks_for_its_government(extractor):
    said = only("عنوان\nوقالت نيوزيلندا إنها لم تكتشف وجود أي جواسيس.", extractor)
    assert (said.source.text, said.source.kind) == ("نيوزيلندا", "organization")


def test_a_command_to_beware_is_not_a_report(extractor):
    # «فليحذر الناس …»: لام الأمر, nobody's report; «ليضيف أن …» (and then he added) is one
    [said] = all_of("عنوان\nوقال الإمام في خطبته إن الفتنة نائمة، فليحذر الناس من أنها قد تعود.", extractor)
    assert said.cue.text == "وقال"
    assert only("عنوان\nرد الوزير على السؤال، ليضيف أن الخطة جاهزة.", extractor).cue.text == "ليضيف"


def test_a_verb_inside_reported_content_is_not_a_second_attribution(extractor):
    a = only("عنوان\nوقال الأمين العام إنه يتوقع أن يوافق الوزراء على التوسيع.", extractor)
    assert a.cue.text == "وقال"


def test_a_verb_inside_a_quotation_is_not_an_attribution(extractor):
    a = only('عنوان\nوقال الوزير: "أكد لي الرئيس أن الاتفاق قريب، وأضاف أنه سعيد".', extractor)
    assert a.content.direct is True


@pytest.mark.parametrize(
    "text",
    [
        "عنوان\nتابع الوزير الاجتماع من مكتبه.",  # followed
        "عنوان\nنقلت سيارات الإسعاف المصابين إلى المستشفى.",  # transported
        "عنوان\nلم يذكر البيان عدد الضحايا.",  # not said
        "عنوان\nجاء ذلك بعد ساعات من نفي ترامب وجود فوضى.",  # a verbal noun
        "عنوان\nوحدة تابعة للجيش انتشرت في المدينة.",
    ],
)
def test_non_reporting_senses(text, extractor):
    assert all_of(text, extractor) == ()


def test_wire_credits_in_the_text(extractor):
    (credit,) = all_of("عنوان\nجنيف - رويترز\nأعلنت المنظمة إغلاق المكتب.", extractor)[:1]
    assert credit.cue.lemma == "credit" and credit.source.name == "Reuters"
    (credit,) = all_of("عنوان\nباريس (أ ف ب) - وصل الوفد إلى المدينة.", extractor)
    assert credit.source.kind == "wire_agency"
    last = all_of("عنوان\nوصل الوفد.\nمصادر: وكالات – تواصل اجتماعي", extractor)[-1]
    assert (last.cue.lemma, last.source.text) == ("credit", "وكالات")
    # a sign-off line closing the article credits the agency too
    paragraphs = "\n".join(f"وقال المسؤول إن الجولة {n} انتهت." for n in range(8))
    last = all_of(f"عنوان\n{paragraphs}\nفرانس 24/ أ ف ب", extractor)[-1]
    assert (last.cue.lemma, last.source.text, last.source.kind) == ("credit", "أ ف ب", "wire_agency")


def test_every_span_indexes_the_original_text_across_the_corpus(extractor):
    checked = 0
    for article in read_paths([CORPUS]):
        text = article.text
        result = extractor.extract_article(article)
        for a in result.attributions:
            spans = [a.cue, a.source, *a.via] + ([a.content] if a.content else [])
            for span in spans:
                # an inherited credit from the metadata byline indexes the author field
                base = article.author if getattr(span, "field", "text") == "author" else text
                assert base[span.start : span.end] == span.text
                checked += 1
        for c in result.credits:
            base = article.author if c.field == "author" else text
            assert base[c.start : c.end] == c.text
    assert checked > 1000


def test_a_continuation_names_the_place_of_the_attribution_it_continues(extractor):
    # ``continues`` is a position in ``attributions``: an earlier one, with the same speaker
    # (credits found per paragraph and dropped ones must not shift it)
    checked = 0
    for article in read_paths([CORPUS]):
        found = extractor.extract_article(article).attributions
        for i, a in enumerate(found):
            if a.continues is not None:
                assert 0 <= a.continues < i
                assert found[a.continues].source.start == a.source.start
                checked += 1
    assert checked > 100


def test_a_ritual_of_thanks_is_no_attribution_but_names_the_speaker(extractor):
    found = all_of(
        "عنوان\nمن جهتهم أعرب ذوو الشهداء عن شكرهم وتقديرهم لخادم الحرمين، مؤكدين أن هذا هو ديدن القيادة.",
        extractor,
    )
    assert [(a.cue.text, a.source.text, a.continues) for a in found] == [("مؤكدين", "ذوو الشهداء", None)]


def test_offsets_in_a_text_with_front_matter_and_diacritics(extractor):
    text = "---\noutlet: Elaph\n---\nعنوان\nوَقَالَ المُتَحَدِّثُ إنَّ الاجتماعَ انتهى."
    result = provenance.extract(text, extractor=extractor)
    (a,) = result.attributions
    assert text[a.cue.start : a.cue.end] == a.cue.text == "وَقَالَ"
    assert a.source.text == "المُتَحَدِّثُ"
    assert result.publisher.name == "Elaph"


HOSTILE = {
    "quote marks": '"' * 1_000_000,
    "guillemets": "«»" * 500_000,
    "waw": "و" * 1_000_000,
    "waw words": "و " * 500_000,
    "one cue": "قال " * 250_000,
    "cue and complement": "وقال إن " * 125_000,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_stays_linear(name, extractor):
    # A guard against catastrophic backtracking, not a benchmark: the figures are in
    # benchmarks/hostile.py (0.1-1.3 s per 1 MB line; 7-9 s for the one that holds 125,000 real
    # attributions). A minute means something went quadratic.
    start = time.perf_counter()
    provenance.extract("عنوان\n" + HOSTILE[name], extractor=extractor)
    assert time.perf_counter() - start < 60


def test_one_act_is_one_attribution(extractor):
    # «حسبما قالت X»: the prepositional cue and its verb are one report
    (a,) = all_of("عنوان\nقتل شخصان حسبما قالت وسائل إعلام محلية.", extractor)
    assert (a.source.text, a.source.kind) == ("وسائل إعلام محلية", "outlet")
    # «أعلنت X نقلا عن Y»: Y is the source, X the intermediary, one report
    (a,) = all_of("عنوان\nأعلنت وكالة الأنباء الماليزية نقلا عن الشرطة مقتل فلسطيني.", extractor)
    assert a.source.text == "الشرطة" and [v.text for v in a.via] == ["وكالة الأنباء الماليزية"]


def test_negation_with_a_conjunction(extractor):
    assert all_of("عنوان\nولم تتهم الحكومة أحدا بالهجوم.", extractor) == ()


def test_a_subject_with_a_title_keeps_its_name(extractor):
    text = "عنوان\nدافع المتحدث باسم الحكومة الفرنسية بنجامان غريفو الاثنين عن القرار، معتبرا أن الضربة مشروعة."
    (a,) = all_of(text, extractor)
    assert a.source.text == "المتحدث باسم الحكومة الفرنسية بنجامان غريفو"
    assert all_of("عنوان\nوقال المواطنون: إن القرى تعاني.", extractor)[0].source.kind == "anonymous"


def test_a_receiving_outlet_right_after_the_verb_leaves_the_speaker_implied(extractor):
    first, second = all_of(
        "عنوان\nوقالت ماي إن الهجوم مروع. وذكرت لقناة سكاي نيوز أنه من المتوقع أن يجتمع الوزراء.", extractor
    )
    assert second.source.text == "ماي"
    assert [v.text for v in second.via] == ["قناة سكاي نيوز"]
    a = only("عنوان\nوقال للوكالة مسؤول عسكري إن الهجوم وقع.", extractor)
    assert (a.source.text, [v.text for v in a.via]) == ("مسؤول عسكري", ["للوكالة"])


def test_an_adverbial_after_the_verb_is_not_its_subject(extractor):
    _, a = all_of("عنوان\nوقال ترامب إنه لا يحبها. وأضاف ردا على سؤال للصحافية أن الأمر كذب.", extractor)
    assert a.source.text == "ترامب"
    _, b = all_of("عنوان\nوقال ترامب إنه لا يحبها. وكتب على موقع «تويتر» أن «هناك خطأ».", extractor)
    assert b.source.text == "ترامب"


def test_asking_not_to_be_named_is_not_a_report_of_its_own(extractor):
    a = only('عنوان\nوقال أحد المقربين من ميركل طالبا عدم كشف هويته "من الممكن جدا أن تستقيل".', extractor)
    assert a.cue.text == "وقال"
    assert a.source.text.startswith("أحد المقربين من ميركل")
    assert a.source.kind == "anonymous"


def test_naql_ala_lisan_is_naql_an(extractor):
    a = only('عنوان\nونقل موقع التلفزيون المصري على لسان البشير قوله: "أشكر لكم حسن الاستقبال".', extractor)
    assert (a.cue.text, a.source.text) == ("ونقل", "البشير")
    assert [v.text for v in a.via] == ["موقع التلفزيون المصري"]


def test_a_body_named_by_its_remit_is_one_mention(extractor):
    a = only("عنوان\nوقدر المرصد السوري لحقوق الإنسان نزوح أكثر من 70 ألف مدني.", extractor)
    assert (a.cue.lemma, a.source.text, a.source.kind) == ("قدّر", "المرصد السوري لحقوق الإنسان", "organization")


@pytest.mark.parametrize(
    "text",
    [
        "عنوان\nولم يطرأ تغير يذكر على سعر الذهب في العقود الآجلة.",  # "worth mentioning"
        "عنوان\nوهاجم فصيل مسلح تابع للحوثيين المتظاهرات في صنعاء.",  # "belonging to"
        "عنوان\nوكان قد تعهد إبان حملته الانتخابية بإعادة بناء صناعة الصلب.",  # «إبان» is "during"
    ],
)
def test_senses_that_report_nothing(text, extractor):
    assert [a.cue.text for a in all_of(text, extractor)] in ([], ["تعهد"])


def test_an_outlet_name_holding_a_complementiser_is_a_recipient(extractor):
    # «سي إن إن»: the «إن» is part of the name; a bracketed gloss belongs to the recipient
    a = only("عنوان\nوقال ستون لـ«سي إن إن» إن الحملة انتهت.", extractor)
    assert a.source.text == "ستون"
    assert [v.name for v in a.via] == ["CNN"]
    a = only("عنوان\nوقال ناطق باسم الحملة لهيئة الإذاعة البريطانية (بي بي سي) إن الحملة انتهت.", extractor)
    assert a.source.text == "ناطق باسم الحملة"
    assert [(v.text, v.name) for v in a.via] == [("هيئة الإذاعة البريطانية (بي بي سي)", "BBC")]


def test_a_subject_in_commas_before_the_verb(extractor):
    a = only("عنوان\nكذلك كان رئيس الوزراء العراقي، محمد شياع السوداني، أكد أن المهمة انتهت.", extractor)
    assert a.source.text == "رئيس الوزراء العراقي، محمد شياع السوداني"
    a = only("عنوان\nوكان رئيس المفوضية جان كلود يونكر، قد هدد بأن الاتحاد سيرد بقوة.", extractor)
    assert a.source.text == "رئيس المفوضية جان كلود يونكر"
    a = only("عنوان\nويبدو أن ترامب الذي يتصدر المرشحين في الاستطلاعات، أشار إلى أن الحملة بدأت.", extractor)
    assert a.source.text == "ترامب"


def test_the_sender_of_a_message_speaks_in_it(extractor):
    a = only("عنوان\nتلقى الملك سلمان اتصالا هاتفيا من جلالة الملك حمد بن عيسى ملك البحرين أعرب فيه عن استنكاره للاعتداء.", extractor)
    assert a.source.text == "جلالة الملك حمد بن عيسى ملك البحرين"


def test_a_relay_with_no_subject_continues_the_outlet_before(extractor):
    result = all_of("عنوان\nوذكرت الصحيفة أن الحكومة تستعد.\nونقلت عن مصادر بالحكومة قولها إن بريطانيا جاهزة.", extractor)
    a = result[-1]
    assert a.source.text == "مصادر بالحكومة"
    assert [v.text for v in a.via] == ["الصحيفة"]


def test_a_continuation_names_no_intermediary_of_its_own(extractor):
    first, second = all_of("عنوان\nوقال مسؤول لرويترز إن الاجتماع انتهى. وأضاف أن الحكومة ستعلن قرارها.", extractor)
    assert [v.name for v in first.via] == ["Reuters"]
    assert second.source.text == "مسؤول"
    assert [v for v in second.via if not v.inherited] == []


def test_a_subject_after_an_or_lakin_makes_the_noun_after_the_verb_an_object(extractor):
    a = only("عنوان\nتعرض الجاسوس لهجوم في إنجلترا، لكن موسكو تنفي أي دور لها في الهجوم.", extractor)
    assert (a.source.text, a.source.kind) == ("موسكو", "organization")
    a = only("عنوان\nتشكلت الحكومة، إلا أن سالفيني أبلغ الإعلام الإيطالي أنه لا يستبعد الانتخابات.", extractor)
    assert a.source.text == "سالفيني"
    assert [v.text for v in a.via] == ["الإعلام الإيطالي"]


def test_a_relative_clause_inside_the_subject(extractor):
    a, rel = all_of("عنوان\nوقال الجيش الإسرائيلي الذي يحمل حماس مسؤولية أي هجوم ان الصاروخ سقط في منطقة مفتوحة.", extractor)
    assert (a.cue.text, a.source.text) == ("وقال", "الجيش الإسرائيلي")
    assert rel.source.text == "الجيش الإسرائيلي"


def test_an_outlet_that_carried_the_statement_is_an_intermediary(extractor):
    a = only('عنوان\nوقال المحامي في تصريحات أوردتها وكالة "إيلنا"، إنه لا يملك أي معلومات.', extractor)
    assert a.source.text == "المحامي"
    assert [v.text for v in a.via] == ['وكالة "إيلنا"']
    said, based = all_of("عنوان\nوقالت وكالة إيسنا استنادا إلى مكتب المدعي العام إن المتهم نقل إلى السجن.", extractor)
    assert said.source.text == "وكالة إيسنا"
    assert based.source.text == "مكتب المدعي العام"
    assert [v.text for v in based.via] == ["وكالة إيسنا"]


def test_what_the_clause_before_said(extractor):
    _, second = all_of("عنوان\nوقال الوزير إن الوضع صعب. وارتفعت الأسعار، وهو ما أكده وزير المالية.", extractor)
    assert (second.cue.text, second.source.text) == ("أكده", "وزير المالية")
    a = only('عنوان\n"لن يمر هذا دون رد" هكذا قالت الخارجية الروسية يوم الاثنين.', extractor)
    assert a.source.text == "الخارجية الروسية"


def test_journalists_told_are_an_object(extractor):
    a = only("عنوان\nأخبر الرئيس الصحفيين أن الوضع صعب.", extractor)
    assert a.source.text == "الرئيس"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # «كان X قد VERB»: the subject stands between the auxiliary and the verb; what follows the
        # verb (a recipient and its adjective, an object) is not the speaker
        ('وكان ناطق باسم "فيلق الرحمن" قد قال لقناة "العربية" السعودية يوم الأحد إن التقارير غير صحيحة.',
         "قال", 'ناطق باسم "فيلق الرحمن"'),
        ("وكان ترامب أعلن بصورة مفاجئة، الثلاثاء الماضي، أنه ينوي نشر الجيش على الحدود.", "أعلن", "ترامب"),
        ("وكان لافروف قد أكد سابقا أن بلاده سترد على أي استفسارات.", "أكد", "لافروف"),
        # a hashtag is a name written with underscores
        ("وكان #البيت_الأبيض أعلن الأربعاء أن الرئيس يحمل النظام المسؤولية.", "أعلن", "البيت_الأبيض"),
        # a dual verb has its subject before it
        ("وكان مصدر عسكري ومصدر أمني أشارا إلى محاولة خطف أجانب.", "أشارا", "مصدر عسكري ومصدر أمني"),
        # a verb with a resumptive pronoun after a statement reports that statement: its speaker is
        # the one named after «ل», else the subject of the verb that issued it
        ('جاء ذلك في بيان لماكين قال فيه: "الرئيس أعطى إشارة للعالم".', "قال", "ماكين"),
        ("وأصدرت وزارة الخارجية الصينية بيانا تعلن فيه مقتل عدد كبير من السياح.", "تعلن", "وزارة الخارجية الصينية"),
        ("وألقى وزير الخارجية كلمة أكد فيها أن بلاده ماضية في الإصلاح.", "أكد", "وزير الخارجية"),
        ("جاء ذلك في تصريح لوزير الإعلام اليمني، معمر الأرياني، نفى خلاله ما نشرته الوكالة.",
         "نفى", "وزير الإعلام اليمني، معمر الأرياني"),
        # one noun phrase of a body or a thing before «ب» is what «اتهم» / «وصف» needs as object
        ("وقال بيرقادر إن الوضع سيئ. واتهم النظام السوري بعدم منح السكان العفو.", "واتهم", "بيرقادر"),
        ("واتهم الرئيس ترامب إيران بدعم الإرهاب.", "واتهم", "الرئيس ترامب"),
        # a stance noun carrying the pronoun is the object: «وأكد رفضه» continues the speaker
        ("وقال الوزير إن الحادث مؤسف. وأكد رفضه للإرهاب بكافة صوره.", "وأكد", "الوزير"),
        # a topic fronted with «وحول» / «وعن» is no subject
        ("وقال رئيس الرابطة إن الفريق جاهز. وعن رحيل الحارس أشار إلى أن البديل جاهز.", "أشار", "رئيس الرابطة"),
        # a verb right after the noun phrase of «حسب» / «بحسب»: with no subject of its own it is the
        # source's report; with one, the outlet of «بحسب» is its intermediary
        ("وأضاف أن الهجوم وقع في الفندق، حسب مصدر عسكري مالي أوضح أن الهجوم عملية احتجاز رهائن.",
         "أوضح", "مصدر عسكري مالي"),
        ("وبحسب وسائل إعلام كردية أوضحت المصادر أن الهجوم فشل.", "أوضحت", "المصادر"),
        # an adverb after the verb does not end the subject that follows it
        ("وذكرت أيضا وكالة أنباء الشرق الأوسط أن الإقبال كبير.", "وذكرت", "وكالة أنباء الشرق الأوسط"),
        ("لكن بعض النقابات العمالية أشارت بالفعل إلى أنها ستشدد موقفها.", "أشارت", "بعض النقابات العمالية"),
        # «إمام» (normalised like «أمام», in front of) before a mosque is a title
        ("وقال إمام الحرم المكي سابقًا الشيخ عادل الكلباني إن الفتوى خاطئة.",
         "وقال", "إمام الحرم المكي سابقًا الشيخ عادل الكلباني"),
        # a short quoted name before the colon
        ('وقالت "الوزارة": حالة الإصابة الأولى لامرأة.', "وقالت", '"الوزارة"'),
        # whatever stands between «كان» and «قد» is the subject, a name with «ال» too
        ("وكان السيسي قد دعا المصريين أمس الخميس إلى الإقبال على التصويت.", "دعا", "السيسي"),
        # a cue-like word before a comma is part of a name («طالب»), a participle without its
        # complement right after it is a title («متحدثة باسم»)
        ("في غضون ذلك، قال ناصر العجي طالب، أحد مشايخ قبيلة مراد، إن الحوثيين خسروا.",
         "قال", "ناصر العجي طالب، أحد مشايخ قبيلة مراد"),
        ("وأوضحت ليندا توم متحدثة باسم مكتب تنسيق الشؤون الإنسانية لوكالة الأنباء الفرنسية أن القافلة وصلت.",
         "وأوضحت", "ليندا توم متحدثة باسم مكتب تنسيق الشؤون الإنسانية"),
        # a verb with «إليها» inside the subject describes it («sources that spoke to …»)
        ("ورأت مصادر سياسية يمنية تحدثت إليها «الشرق الأوسط» أن الزيارة مهمة.",
         "ورأت", "مصادر سياسية يمنية تحدثت إليها «الشرق الأوسط»"),
        # «مقرّ» is the seat of a body, not «مُقِرّ» (acknowledging)
        ("وقال المرصد السوري لحقوق الإنسان، الذي يتخذ من بريطانيا مقرا له، إن القصف مستمر.",
         "وقال", "المرصد السوري لحقوق الإنسان"),
        # the full stop of an initial or a dotted abbreviation ends no sentence
        ("وقال د. محمد علي إن الصورة رائعة.", "وقال", "د. محمد علي"),
        ("وقال ويتني س. جونسون، نائب مدير التصوير، إن الصورة رائعة.", "وقال", "ويتني س. جونسون، نائب مدير التصوير"),
        ("وقال آدام آرون رئيس شركة أيه.إم.سي. القابضة إن الافتتاح تاريخي.", "وقال", "آدام آرون رئيس شركة أيه.إم.سي. القابضة"),
        # «، كما صرح X.» with nothing reported after it: "as X said"
        ("وقتل 50 شخصا على الأقل، كما صرح سيد ظفر هاشمي المتحدث باسم الرئيس الأفغاني.",
         "صرح", "سيد ظفر هاشمي المتحدث باسم الرئيس الأفغاني"),
        ("ستفرض الرسوم الجديدة - كما قالت الوزارة - على القطن، وبعض أنواع القمح.", "قالت", "الوزارة"),
        # «وبيّن / وأبان» (also "between" / "during") opening a clause, a short subject, then «أن»
        ("وبين العنزي أن الوضع صعب.", "وبين", "العنزي"),
        ("وأبان الوزير الطريفي، أن الوضع صعب.", "وأبان", "الوزير الطريفي"),
        # a subject of its own after «غير أن» / «لكن», inside another's content
        ("وتقول الشرطة إنها قتلت 4100 غير أن جماعات حقوقية تقول إن 8 آلاف قتلوا.", "تقول", "جماعات حقوقية"),
        # «قائلاً» after the subject is the verb's own complement; «حديثه» is no part of the name
        ("وتابع عيد حديثه قائلًا: لدينا العديد من الخطط.", "وتابع", "عيد"),
        # a participle after a comma asserting a noun phrase; a defective verb's participle
        ("وقال الخبير إن المواقع تتعرض للسرقة، مؤكدًا وجوب إصدار قوانين.", "مؤكدًا", "الخبير"),
        ("وقال كالين إنها مجرد مزاعم، نافيا صحة وجود خلافات.", "نافيا", "كالين"),
        # «وعبر» (also "through") opening its clause with a short subject before «عن»
        ("وعبر الكثير من السعوديين عن سعادتهم.", "وعبر", "الكثير من السعوديين"),
        ("اعترض مسؤولو ناديي النصر والهلال على الوقت المحدد.", "اعترض", "مسؤولو ناديي النصر والهلال"),
        # a name and its title before the verb; an indefinite report the verb describes
        ("لكن إبراهيم كالين المتحدث باسم إردوغان قال إنها مجرد مزاعم.", "قال", "إبراهيم كالين المتحدث باسم إردوغان"),
        ("وتراجعت الليرة بعد تقرير ذكر أن الرئيس كثف انتقاده.", "ذكر", "تقرير"),
        # «متحدثة باسم» is a spokeswoman, not the participle "speaking"
        ("قالت متحدثة باسم الخارجية إن الوضع صعب.", "قالت", "متحدثة باسم الخارجية"),
        # the «ال» word after «عبد», «بن», «أبو» belongs to the name
        ("أعلن عبد الله الثاني مقتل الجنود.", "أعلن", "عبد الله الثاني"),
        ("وفيما يتعلق بالمرأة، أكد بن سلمان ضرورة المساواة.", "أكد", "بن سلمان"),
        # «وكان X قد …»: «كان» is the verb and X the subject a later report in the sentence takes
        ("وكان الجيش الأميركي، الذي صعد من جهوده، قد قال إن القوات ليست مستعدة.", "قال", "الجيش الأميركي"),
        # a nominative plural of a participle is a noun: the subject, not a continuation
        ("ويقول منتقدون إن النتائج مزورة.", "ويقول", "منتقدون"),
        # what figures and studies show; a toll is a document; chanting
        ("أظهرت إحصائيات مصرفية حديثة أن النقد المتداول ارتفع.", "أظهرت", "إحصائيات مصرفية حديثة"),
        ("قتل أكثر من 700 مدني، وفق حصيلة للمرصد السوري لحقوق الإنسان.", "وفق", "حصيلة للمرصد السوري لحقوق الإنسان"),
        ("وهتف المتظاهرون: «أوروبا، أين أنت؟».", "وهتف", "المتظاهرون"),
        # an unnamed speaker described before «، كان قد» / «، قد» is no name in apposition
        ("مسؤول رفيع المستوى، قد قال إن عددا من المستثمرين باتوا يدرسون.", "قال", "مسؤول رفيع المستوى"),
        ("وبينت الجامعة بأن التسجيل مستمر.", "وبينت", "الجامعة"),
        ("وتقدر وزارة الخزانة الأميركية أن العجز سيرتفع.", "وتقدر", "وزارة الخزانة الأميركية"),
        # «أفصح … أن» (disclosed that)
        ("وأفصحت مصادر مقربة من الحوثيين، أن عشرات القادة قتلوا.", "وأفصحت", "مصادر مقربة من الحوثيين"),
        # a circumstantial word right after the verb is no subject: the speaker goes on
        ('قال أردوغان إن الأمر خطير.\nوقال مخاطبا الحكومة العراقية "قوموا بذلك".', "وقال", "أردوغان"),
        ("وقال النجيفي إن الأمر خطير. وأكد مرة أخرى بأن الأمم المتحدة مسؤولة.", "وأكد", "النجيفي"),
        # «بعضهم» starts with ب but is the subject, not a «ب» complement; «أفاد عن» (reported)
        ("وأجرت المنظمة مقابلات مع لاجئين، أفاد بعضهم عن استخدام العنف لطردهم.", "أفاد", "بعضهم"),
        # after a comma, «معتبرا» asserts the noun phrase after it (considered X to be Y)
        ('رحب الرئيس بالإعلان، معتبرا إياه "نبأ سارا جدا".', "معتبرا", "الرئيس"),
        # an aside about the subject (a relative clause in commas, words between dashes) does
        # not count against the length of the subject
        ("وقالت مارلين غلين، التي عملت كمستشار عام في مكتب الأخلاقيات الحكومية خلال كل من الإدارات "
         "الجمهورية والديمقراطية، للصحيفة إن الصفقات لا تنتهك أي قاعدة.", "وقالت", "مارلين غلين"),
        ("وقال ستافان دي ميستورا - وهو ثالث شخصية تتولى رئاسة مفاوضات الأمم المتحدة لإحلال السلام في "
         "سورية بعد أن انسحب اثنان قبله - إنه يعتقد أن الأطراف غير مستعدة.", "وقال",
         "ستافان دي ميستورا - وهو ثالث شخصية تتولى رئاسة مفاوضات الأمم المتحدة لإحلال السلام في سورية"),
        ("وأفاد أقارب للمختطفات أنهن تعرضن للضرب.", "وأفاد", "أقارب للمختطفات"),
        # a day right after the verb, then its subject (France 24's «أكد الاثنين الرئيس …»)
        ("أكد الاثنين الرئيس الإيراني حسن روحاني أن الولايات المتحدة ستندم.", "أكد", "الرئيس الإيراني حسن روحاني"),
        ('أعلنت الاثنين شركة "كريم" لسيارات الأجرة أنها تعرضت لهجوم.', "أعلنت", 'شركة "كريم" لسيارات الأجرة'),
        # an honorific with a pronoun stands for the speaker named before
        ("وقال الأمير عبدالله بن مساعد إن الحادث جبان. وأكد سموه وقوف القطاعات الشبابية مع الوطن.", "وأكد",
         "الأمير عبدالله بن مساعد"),
        # «إمام» (the title) and «أمام» (in front of) both normalise to «امام»
        ("أكد إمام وخطيب المسجد النبوي الشيخ عبدالمحسن القاسم شأن المؤمن عند الله.", "أكد", "إمام"),
        # the correspondent told names the receiving outlet, not the speaker
        ('قال سلوتسكي إن الأمر مؤامرة. وقال لمراسل بي بي سي "لقد أمروهم بالكتابة".', "وقال", "سلوتسكي"),
        ("وقال الوزير لمراسلنا إن القصف مستمر.", "وقال", "الوزير"),
        # a long subject, its name and its channel in commas, when «إن» follows a comma
        ("وقال ممثل مؤسسة خليفة بن زايد آل نهيان للأعمال الإنسانية، سعيد آل علي، خلال مؤتمر صحفي نظمته "
         "المؤسسة في عدن، إنه سيتم البدء في أعمال التركيب.", "وقال",
         "ممثل مؤسسة خليفة بن زايد آل نهيان للأعمال الإنسانية، سعيد آل علي"),
        # a short quoted name, then the channel in commas and «إن»: the name is the subject
        ('قالت "منظومة المجتمع الكردستاني"، في بيان، إن مسلحي الحزب سينسحبون.', "قالت",
         '"منظومة المجتمع الكردستاني"'),
        # a long subject closed by a colon, or by «إن» after a quoted outlet
        ("وقال دفتردار في تعليقه على مقطع الفيديو الذي ظهر فيه المدرب وهو يقوم بحركة غير مقبولة من "
         "الجمهور الكبير في الملعب بعد وصول الفريق من معسكره : أستغرب من محاولة الإساءة للمدرب.", "وقال", "دفتردار"),
        ('قال ناصر العجي، أحد مشايخ قبيلة مراد والقائد العام لمطارح مأهلية في محافظة مأرب اليمنية، في '
         'تصريح لـ«الشرق الأوسط» إن «الميليشيات انقلبت على الشرعية».', "قال",
         "ناصر العجي، أحد مشايخ قبيلة مراد والقائد العام لمطارح مأهلية في محافظة مأرب اليمنية"),
        # after «من جانبه», a form that is also a preposition («عبر» through) is the verb
        ("من جانبه عبر معالي وزير الخارجية الألماني فرانك فالتر شتاينماير عن حرص بلاده على التعاون.", "عبر",
         "معالي وزير الخارجية الألماني فرانك فالتر شتاينماير"),
        # «وفق الشريعة» (in accordance with) names no source; the speaker before goes on
        ("وأكد وزير الخارجية أن للإنسان حقوقه المصونة وفق الشريعة الإسلامية، وقال إن أموره تسير وفق القضاء "
         "المستقل.", "وقال", "وزير الخارجية"),
        # some people, unnamed, before a plural verb are its subject
        ("وقد يمنع القرار الاحتجاجات، إلا أن بعض الناشطين يقولون إنهم خائفون.", "يقولون", "بعض الناشطين"),
        # appreciation of a role is a stance, not a ritual of thanks
        ("وأعرب نائب الرئيس اليمني خالد بحاح عن تقديره للدور الذي تضطلع به دول المجلس.", "وأعرب",
         "نائب الرئيس اليمني خالد بحاح"),
    ],
)
def test_whose_statement_it_is(text, cue, source, extractor):
    found = [(a.cue.text, a.source.text) for a in all_of("عنوان\n" + text, extractor)]
    assert (cue, source) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "وفاز المصور خوان باريتو الذي جاء في المرتبة الثالثة في فئة التقارير الإخبارية.",  # a rank, not a text
        "وبين الحكومة والمعارضة أن الخلاف عميق.",  # "between the government and the opposition"
        "وقال الوزير إن الشرطة تقول إن 8 آلاف قتلوا.",  # a report inside a report
        "وصل الوفد عبر المطار.",  # «عبر» "through"
        "ويذكر أن الصورة فازت بالجائزة.",  # the writer's own voice, «و» before the formula
        "وشنت الدول ضربات ردا على هجوم يعتقد أنه كيماوي.",  # a description, not a report
        "يظهر في الصورة أن الرجل مسلح.",  # «يَظهر» (appears), not «يُظهر» (shows)
        "ويُتوقع أن تعقد قمة بين الزعيمين.",  # what is expected: nobody's statement
        "وأعرب الملك عن شكره وتقديره للرئيس.",  # a ritual of thanks claims nothing
        "وسلمهم تصريح الدفن حسب الإجراء المتبع.",  # «حسب الإجراء»: a procedure, no source
        # «تبيّن أن» with no subject: it turned out, nobody's statement
        "وبعد بحث على هذا الاسم تبين أن صاحبه هو الشخص ذاته.",
        # «ليس ذلك وحسب بل …»: "not only", no source
        "وتمنحه جائزة تكريمية، ليس ذلك وحسب بل تمنحه جائزة أخرى.",
        # «بسبب وصفه لـ»: a verbal noun
        "يتحركون لرفع دعوى على الكاتب بسبب وصفه لثقافتهم بالداعشية.",
        # «قبل أن»: a clause of time, not what the verb reports
        "وأظهر الفيديو، الذي نشره ناشطون على موقع تويتر، رجال شرطة يضربون شخصا قبل أن يعتدوا على آخر.",
        # «الذي وصفه بأنه»: a describing verb with no subject of its own names a thing inside
        # the speaker's statement
        'وقال لافروف إن بلاده سترد على القرار الذي وصفه بأنه "غير ودي".',
        'وقال الوزير إن الهجوم يستدعي تحقيقا فيما وصفها بـ"جرائم ضد الشعب".',
    ],
)
def test_what_reports_nothing_of_its_own(text, extractor):
    found = [a.cue.text for a in all_of("عنوان\n" + text, extractor)]
    assert found in ([], ["وقال"]), found


def test_an_impersonal_passive_reports_nobody(extractor):
    # «ويُعتقد أن …» (it is believed): no source, and not the speaker of the sentence before
    found = all_of("عنوان\nوقال الوزير إن الوضع صعب. ويعتقد أن هناك صبيا بين المصابين.", extractor)
    believed = next(a for a in found if a.cue.text == "ويعتقد")
    assert believed.source.kind == "unknown" and not believed.source.text


@pytest.mark.parametrize(
    ("text", "via"),
    [
        # a day set off by commas ends the subject; the outlet told follows it
        ("وقالت ماريا زاخاروفا المتحدثة باسم الخارجية، السبت، لرويترز إن ذلك يعني الكثير.", ["رويترز"]),
        # «التلفزيون» told, with its adjectives
        ("وقال نجيب للتلفزيون الوطني: \"أود إبلاغ المواطنين\".", ["للتلفزيون الوطني"]),
        # an interview an outlet published, a time between
        ("وقال فيليب في مقابلة نشرتها اليوم الأحد صحيفة لو باريزيان إن الوضع صعب.", ["صحيفة لو باريزيان"]),
    ],
)
def test_the_outlet_a_statement_went_through(text, via, extractor):
    (said,) = all_of("عنوان\n" + text, extractor)
    assert [v.text for v in said.via] == via


def test_an_estimate_in_the_passive_names_what_is_estimated_not_who(extractor):
    (estimate,) = all_of("عنوان\nويقدر عدد السياح الذين يزورون البلاد بعشرات الآلاف سنويا.", extractor)
    assert estimate.cue.text == "ويقدر" and estimate.source.kind == "unknown"


def test_qaailan_after_the_subject_makes_one_attribution(extractor):
    found = [(a.cue.text, a.source.text) for a in all_of("عنوان\nوأضاف الوزير قائلا \"نرحب بكم\".", extractor)]
    assert found == [("وأضاف", "الوزير")]


def test_an_aside_naming_the_relay_between_subject_and_statement(extractor):
    # «بحسب ما نقلت عنه الوكالة» set off by commas: the outlet carried the statement, and the
    # verb of the aside does not end the speaker's clause
    found = all_of(
        "عنوان\nمن جهته قال المسؤول الإعلامي في سفارة روسيا في مالي فيكتور غوريلوف، حسب ما نقلت عنه "
        "وكالة إنترفاكس الروسية للأنباء، إن ثلاثة مواطنين روس بخير.", extractor,
    )
    said = next(a for a in found if a.cue.text == "قال")
    assert said.source.text == "المسؤول الإعلامي في سفارة روسيا في مالي فيكتور غوريلوف"
    assert said.source.kind == "person"  # the name closes the mention, after the place of work
    assert [v.text for v in said.via] == ["وكالة إنترفاكس الروسية للأنباء"]
    aside = next(a for a in found if a.cue.text == "حسب ما نقلت")
    assert aside.source.text == "وكالة إنترفاكس الروسية للأنباء"


def test_the_outlet_of_a_sentence_opening_bihasab_relays_the_speaker_after_it(extractor):
    said = [a for a in all_of("عنوان\nوبحسب وسائل إعلام كردية أوضحت المصادر أن الهجوم فشل.", extractor)
            if a.cue.text == "أوضحت"][0]
    assert [v.text for v in said.via] == ["وسائل إعلام كردية"]


@pytest.mark.parametrize(
    ("mention", "kind", "anonymous_type"),
    [
        # a name may close the mention after the place of work
        ('المسؤول في "جيش الإسلام" محمد علوش', "person", None),
        ("مسؤول كبير في وزارة الخارجية الأمريكية بريان هوك", "person", None),
        ("مسؤول في حركة حماس", "anonymous", "official"),
        ("مسؤولون أميركيون في إدارة الرئيس دونالد ترامب", "anonymous", "official"),
        ("ضابط جيش في نقطة تفتيش قريبة", "anonymous", "official"),
        ("عضو في المجلس المحلي للمدينة", "anonymous", "official"),  # an indefinite title at a place of work
        ("وزير الخارجية", "person", None),  # an identifiable role
        ("شهود عيان شرقي مدينة غزة", "anonymous", "witness"),  # a place after «مدينة» is no name
        ("أحد العاملين في وزارة الأوقاف", "anonymous", "employee"),
        ("ألكسندر زاسيبكين سفير روسيا", "person", None),
    ],
)
def test_typing_names_places_of_work_and_unnamed_people(mention, kind, anonymous_type, extractor):
    a = only(f"عنوان\nوقال {mention} إن الوضع خطير.", extractor)
    assert (a.source.text, a.source.kind, a.source.anonymous_type) == (mention, kind, anonymous_type)


def test_a_continuation_after_a_trailing_relay_continues_the_speaker(extractor):
    # the outlet of «، بحسب رويترز» carried the words; «وتابع» continues the speaker, through it
    found = all_of('عنوان\nوقال لايتهايزر إن "بعض الدول ستستثنى"، بحسب رويترز. وتابع "هناك عملية".', extractor)
    went_on = next(a for a in found if a.cue.text == "وتابع")
    assert went_on.source.text == "لايتهايزر"
    assert [v.text for v in went_on.via] == ["رويترز"]


def test_a_relay_with_no_subject_comes_through_the_outlet_named_last(extractor):
    found = all_of(
        "عنوان\nوقال كيم إنه سيوقف التجارب، حسب وسائل إعلام رسمية. ونُقل عن كيم قوله إن البلاد لم تعد بحاجة إليها.",
        extractor,
    )
    relayed = next(a for a in found if a.cue.text == "ونُقل")
    assert (relayed.source.text, [v.text for v in relayed.via]) == ("كيم", ["وسائل إعلام رسمية"])


def test_an_adverb_after_the_verb_is_followed_only_by_a_known_source(extractor):
    found = all_of("عنوان\nوقالت الهيئة إن الغذاء آمن. وأكدت كذلك أهمية الحرص على النظافة.", extractor)
    assert [a.source.text for a in found] == ["الهيئة", "الهيئة"]


def test_what_a_relative_clause_announced_is_no_report(extractor):
    # «الذي … أعلن عنه»: the noun before is what was announced; «الذي تقول عنه إنه …» reports
    found = all_of("عنوان\nوطلبت الوكالة دخول الموقع وفقا للاتفاق الذي أعلن عنه يوم 14 يوليو.", extractor)
    assert "أعلن" not in [a.cue.text for a in found]
    found = all_of("عنوان\nوطلبت إلغاء الاتفاق، الذي تقول عنه إنه لاغٍ بالفعل.", extractor)
    assert [a.cue.text for a in found] == ["تقول"]
