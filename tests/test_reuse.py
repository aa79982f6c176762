"""Wire-copy reuse: the passages articles share, where they came from, and who credited them."""

import json
import re
import sqlite3

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from provenance import Store, normalise_text
from provenance.cli import cli
from provenance.reuse import ReuseSettings, ReuseText, find_reuse, key, tables
from provenance.reuse.clusters import When

from .conftest import CORPUS, ROOT, SEEDS

WIRE = (
    "وقال دبلوماسيون إن مهمة الحلف التي تشارك فيها بريطانيا وتركيا والدنمارك ويقودها قائد دنماركي "
    "تجد قبولا بين العراقيين أكبر من قوة التدريب الأميركية التي انتشرت في البلاد منذ سنوات."
)
ATTACK = (
    "وتعرضت القوات التي تقودها الولايات المتحدة، الاثنين الماضي، لهجوم صاروخي في أربيل أدى إلى مقتل "
    "متعاقد مدني وإصابة جندي أميركي، في أعنف هجوم من نوعه منذ نحو عام."
)
OTHER = (
    "أعلنت وزارة الصحة عن افتتاح مستشفى جديد في المدينة يضم مئتي سرير وقسما للطوارئ، "
    "على أن يبدأ استقبال المرضى مطلع الشهر المقبل بعد اكتمال تجهيزاته الطبية كافة."
)


def spans(text_a, text_b, found):
    return [(text_a[r.a_start : r.a_end], text_b[r.b_start : r.b_end]) for r in found]


# -- keys: spelling differences that do not matter -----------------------------------------------


def test_keys_fold_clitics_hamza_and_long_vowels():
    assert key("والدنمارك") == key("الدنمرك") == key("دنمارك")
    assert key("أسوشيتد") == key("أسيوشيتد")
    assert key("الإثنين") == key("الاثنين")
    assert key("للوكالة") == key("الوكالة")
    assert key("مسؤولون") == key("مسئولون")
    assert key("رُويترز") == key("رويترز")


# -- detection between texts ---------------------------------------------------------------------


def test_an_edited_copy_is_found_with_offsets_into_both_originals():
    copy = ATTACK.replace("الاثنين الماضي", "أمس الإثنين").replace("في أربيل", "في شمال “العراق”،")
    a = OTHER + "\n" + ATTACK
    b = "وقال مصدر أمني: " + copy + "\n" + OTHER[:40]
    [r] = [r for r in find_reuse([a, b]) if r.aligned > 15]
    assert a[r.a_start : r.a_end].startswith("وتعرضت القوات") and a[r.a_start : r.a_end].endswith("منذ نحو عام")
    assert b[r.b_start : r.b_end].startswith("وتعرضت القوات") and "“العراق”" in b[r.b_start : r.b_end]
    assert r.similarity < 1.0 < r.aligned


def test_reordered_paragraphs_are_two_passages():
    a = WIRE + "\n" + OTHER + "\n" + ATTACK
    b = ATTACK + "\n" + "خبر آخر لا علاقة له بما سبق." + "\n" + WIRE
    found = find_reuse([a, b])
    texts = sorted(x for x, _ in spans(a, b, found))
    assert len(found) == 2
    assert texts[0].startswith("وتعرضت") and texts[1].startswith("وقال دبلوماسيون")


def test_formulas_and_titles_alone_make_no_pair():
    title = "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود حفظه الله"
    a = f"استقبل {title} في الرياض اليوم وفدا من رجال الأعمال. وأضاف أن الزيارة ناجحة."
    b = f"بعث {title} برقية تهنئة إلى رئيس الجمهورية بمناسبة ذكرى الاستقلال. وأضاف أن العلاقات متينة."
    assert find_reuse([a, b]) == []
    role = "المستشار بالديوان الملكي المشرف العام على مركز الملك سلمان للإغاثة والأعمال الإنسانية"
    a = f"وصل إلى عمان أمس {role} الدكتور عبدالله الربيعة في زيارة تستغرق يومين يلتقي خلالها المسؤولين لبحث أوضاع اللاجئين في المخيمات."
    b = f"أكد {role} الدكتور عبدالله الربيعة أن المركز نفذ مئات المشاريع الإغاثية والتنموية في اليمن وسوريا والعراق خلال العام الجاري."
    assert find_reuse([a, b]) == []


def test_an_outlets_disclaimers_under_two_stories_make_no_pair():
    disclaimer = "علماً أن CNN بالعربية لا يمكنها التأكد من صحة المعلومات المتناقلة عبر مواقع التواصل الاجتماعي."
    a = "تداول مغردون مقطعا يظهر مستشارا يقدم نصائح للشباب الباحثين عن وظيفة. " + disclaimer
    b = "انتشرت على مواقع التواصل صورة لإعلان ترشح مغن للانتخابات النيابية في لبنان. " + disclaimer
    assert find_reuse([a, b]) == []
    # an opinion page's line under two columns of one writer
    byline = "هذا المقال بقلم كاميليا انتخابي فرد، والآراء الواردة أدناه تعبر عن رأي الكاتبة، ولا تعكس بالضرورة وجهة نظر شبكة CNN.\n"
    a = byline + "قد تضحي طهران ببرنامجها الصاروخي في مقابل رفع العقوبات، لكنها لن تتخلى عن حليفها في دمشق مهما كان الثمن."
    b = byline + "تستطيع باريس أن تتوسط بين الرياض وطهران خلال زيارة ولي العهد، إذا قدمت ضمانات يقبلها الطرفان."
    assert find_reuse([a, b]) == []


def test_unrelated_texts_share_nothing():
    assert find_reuse([WIRE, OTHER, ATTACK]) == []


def test_a_conjunction_written_apart_does_not_shift_the_copy():
    a = "وتشمل الخطة لجنة الصحة العامة ولجنة مكافحة العدوى ولجنة الطوارئ والطب الميداني ولجنة التمريض ولجنة المختبرات وبنوك الدم ولجنة الإحصاء."
    b = a.replace("ولجنة", "و لجنة").replace("والطب", "و الطب").replace("وبنوك", "و بنوك")
    [r] = find_reuse([a, b])
    assert r.similarity == 1.0 and b[r.b_start : r.b_end].endswith("ولجنة الإحصاء".replace("ولجنة", "و لجنة"))


MARKET_CLOSE = (
    "أغلق مؤشر سوق الأسهم السعودية اليوم على ارتفاع بـ {0} نقطة بنسبة {1}% ليغلق عند مستوى {2} نقطة "
    "بتداولات قاربت {3} مليارات ريال. وشهدت تداولات اليوم ارتفاع أسهم {4} شركة في قيمتها، فيما تراجعت "
    "أسهم {5} شركة، وبلغ عدد الأسهم المتداولة اليوم أكثر من {6} مليون سهم توزعت على أكثر من {7} ألف صفقة."
)


def test_a_template_filled_in_with_other_figures_is_not_reuse():
    # the daily market close: yesterday's skeleton, today's figures — no text was copied
    monday = MARKET_CLOSE.format("135.65", "1.56", "8834.82", "4", "143", "14", "148.6", "84.7")
    tuesday = MARKET_CLOSE.format("76.75", "0.87", "8758.64", "3.8", "15", "140", "133", "86")
    assert find_reuse([OTHER + "\n" + monday, WIRE + "\n" + tuesday]) == []
    # the same day's close, figures and all (one paper writes «148,6»), is a copy
    same = monday.replace("148.6", "148,6")
    [r] = find_reuse([OTHER + "\n" + monday, WIRE + "\n" + same])
    assert r.aligned > 40
    # a story that shares a long stretch word for word is a copy whatever its figures
    updated = monday.replace("135.65", "140.1") + " " + WIRE
    [r] = find_reuse([OTHER + "\n" + monday + " " + WIRE, ATTACK + "\n" + updated])
    assert r.aligned > 40


REGIONS = ["جازان", "عسير", "نجران", "الباحة", "مكة المكرمة", "المدينة المنورة", "تبوك", "حائل", "الجوف", "القصيم", "الرياض", "الشرقية"]
DAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
WINDS = ["شمالية غربية", "جنوبية شرقية", "شمالية شرقية", "جنوبية غربية"]


def bulletin(k):
    """Day k's weather bulletin: every day's skeleton, that day's regions and winds."""
    r = [REGIONS[(k * 5 + i) % len(REGIONS)] for i in range(9)]
    return (
        f"توقعت الرئاسة العامة للأرصاد وحماية البيئة ليوم {DAYS[k % 7]} هطول أمطار رعدية مصحوبة بنشاط في الرياح "
        f"السطحية على مناطق {r[0]} و{r[1]} و{r[2]} و{r[3]}، وتكون الفرصة مهيأة لتكون السحب الرعدية الممطرة على "
        f"مرتفعات {r[4]} و{r[5]}، فيما يكون الطقس حارا إلى شديد الحرارة على {r[6]} و{r[7]} و{r[8]}، والرياح "
        f"السطحية على البحر الأحمر {WINDS[k % 4]} وعلى الخليج العربي {WINDS[(k + 1) % 4]}."
    )


def test_a_bulletin_whose_skeleton_every_bulletin_repeats_is_not_reuse():
    # in a handful of articles two days' bulletins look like an edited copy…
    assert (0, 1) in {(r.a, r.b) for r in find_reuse([bulletin(k) for k in range(4)])}
    # …but once the skeleton is in most bulletins (more than template_df articles), a bulletin
    # of another day, with other regions, is no copy — and a paper that reprints one is
    texts = [bulletin(k) for k in range(18)] + [bulletin(0)]
    found = {(r.a, r.b): r for r in find_reuse(texts)}
    assert (0, 1) not in found and (1, 2) not in found
    assert found[(0, 18)].similarity == 1.0


# -- site furniture inside a body: masked like a formula -----------------------------------------

HEADLINE = "الأمم المتحدة تحذر من كارثة إنسانية في الغوطة الشرقية بعد أسابيع من القصف المتواصل على المدنيين"


def test_a_headline_both_bodies_carry_makes_a_pair():
    # the control for the tests below: a sentence of 16 words on a line of its own is reuse
    [r] = find_reuse([WIRE + "\n" + HEADLINE, OTHER + "\n" + HEADLINE])
    assert r.aligned == 16


@pytest.mark.parametrize("link", ["للمزيد: ", "للمزيد - ", "اقرأ أيضا: ", "اقرأ: ", "شاهد.. "])
def test_two_articles_sharing_only_a_related_link_line_are_not_a_pair(link):
    # France 24 ends paragraphs with «للمزيد: <headline of another story>», CNN with «اقرأ.. …»:
    # two pages of one site linking to the same story are no copy of each other
    a = WIRE + "\n" + link + HEADLINE + "\nوختم بالقول إن الوضع معقد."
    b = OTHER + "\n" + link + HEADLINE
    assert find_reuse([a, b]) == []


@pytest.mark.parametrize("marker", ["اقرأ أيضاً:", "مواضيع ذات صلة"])
def test_an_article_whose_related_headlines_copy_another_title_is_not_a_pair(marker):
    # BBC lists related headlines under «اقرأ أيضاً:» in the middle of a body; the list ends at
    # the first paragraph that does not read like a headline, and that paragraph is compared
    listing = [marker, HEADLINE, "ترامب يصف تفتيش مكتب محاميه بأنه اعتداء على الوطن"]
    a = "\n".join(["من هو محامي ترامب؟", WIRE, *listing, OTHER])
    story = HEADLINE + "\nتقدمت الممثلة بدعوى قضائية ضد الرئيس الأمريكي بسبب التشهير بها عبر تويتر بحسب محاميها."
    other = "خبر آخر\n" + OTHER
    assert [(r.a, r.b) for r in find_reuse([a, story, other])] == [(0, 2)]


def test_a_furniture_line_inside_a_copied_passage_keeps_the_offsets():
    a = WIRE + "\nللمزيد: " + HEADLINE + "\n" + ATTACK
    b = WIRE + "\n" + ATTACK
    [r] = find_reuse([a, b])
    assert a[r.a_start : r.a_end] == a.rstrip(".") and b[r.b_start : r.b_end] == b.rstrip(".")
    assert r.aligned == r.b_words < r.a_words  # the link line's 17 words are inside, not aligned
    text = ReuseText.from_text(a)
    assert text.furniture.sum() == 17 and not text.formula.any()


def test_news_that_starts_like_a_share_button_is_compared():
    # «شارك» alone is a share button; «شارك مئات الآلاف في …» is the lead of a wire story
    lead = "شارك مئات الآلاف من الأمريكيين في مسيرات حملت شعار من أجل حياتنا في مختلف أرجاء الولايات المتحدة للمطالبة بتشديد قوانين حيازة السلاح."
    [r] = find_reuse([lead + "\n" + WIRE, "شارك\n" + lead + "\n" + OTHER])
    assert r.aligned == 22
    assert find_reuse(["شارك عبر فيسبوك تويتر واتساب\n" + WIRE, "شارك عبر فيسبوك تويتر واتساب\n" + OTHER]) == []


SENTENCES = [WIRE, ATTACK, OTHER]


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ،.\n", max_size=120),
    after=st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ،.\n", max_size=120),
    which=st.integers(0, 2),
)
def test_a_shared_passage_is_found_whatever_surrounds_it(before, after, which):
    passage = SENTENCES[which]
    a = before + " " + passage
    b = passage + "\n" + after
    found = find_reuse([a, b])
    assert found, "the shared sentence was not found"
    for r in found:
        assert 0 <= r.a_start < r.a_end <= len(a) and 0 <= r.b_start < r.b_end <= len(b)
        assert a[r.a_start].strip() and a[r.a_end - 1].strip()  # word boundaries, no padding
    longest = max(found, key=lambda r: r.aligned)
    assert passage.rstrip(".")[-10:] in a[longest.a_start : longest.a_end] + "."


# -- the seeds: one real case of wire reuse ------------------------------------------------------


def test_the_seed_pair_shares_both_reuters_passages_and_no_other_seed_pair(seed_text):
    names = ["000", "001", "002", "003", "004"]
    texts = [seed_text(n) for n in names]
    found = find_reuse(texts)
    assert {(names[r.a], names[r.b]) for r in found} == {("000", "003")}
    copies = sorted(texts[0][r.a_start : r.a_end] for r in found)
    assert len(copies) == 2
    assert copies[0].startswith("إن مهمة الحلف، التي تشارك فيها بريطانيا وتركيا والدنمارك")
    assert copies[1].startswith("وتعرضت القوات التي تقودها الولايات المتحدة، الاثنين الماضي، لهجوم صاروخي")
    in_003 = sorted(texts[3][r.b_start : r.b_end] for r in found)
    assert "“بريطانيا وتركيا والدنمرك”" in in_003[0] and "أمس الإثنين" in in_003[1]


# -- the store: pairs, passages, clusters, credit -------------------------------------------------


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("reuse") / "corpus.db")
    store.ingest([CORPUS])
    store.reuse()
    return store


def test_the_seed_pair_is_stored_credited_to_reuters(corpus_db):
    rows = corpus_db.db.execute(
        "SELECT a.path, p.credit, s.name_en, c.origin_basis FROM passages p JOIN articles a ON a.id = p.article_id"
        " JOIN reuse_clusters c ON c.id = p.cluster_id JOIN sources s ON s.id = c.source_id"
        " WHERE a.path LIKE '%seeds%' ORDER BY a.path, p.start"
    ).fetchall()
    assert [(path.split("/")[-1][:3], credit, source) for path, credit, source, _ in rows] == [
        ("000", "credited", "Reuters"),  # «ونقلت رويترز عن دبلوماسيين» is in the passage's sentence
        ("000", "uncredited", "Reuters"),  # the attack paragraph, paragraphs away from any credit
        ("003", "credited", "Reuters"),  # «وفقًا لوكالة (رويترز)» in the lead credits the article
        ("003", "credited", "Reuters"),
    ]
    assert {basis for *_, basis in rows} == {"credit"}


def test_same_outlet_reuse_is_kept_apart(corpus_db):
    db = corpus_db.db
    same = db.execute("SELECT count(*) FROM reuse_pairs WHERE same_outlet = 1").fetchone()[0]
    assert same > 0
    assert db.execute(
        "SELECT count(*) FROM reuse_pairs WHERE same_outlet = 1 AND cluster_id IS NOT NULL"
    ).fetchone()[0] == 0
    pub = db.execute(
        "SELECT count(*) FROM reuse_pairs p JOIN articles x ON x.id = p.article_a JOIN articles y ON y.id = p.article_b"
        " WHERE p.same_outlet = 0 AND x.publisher_id = y.publisher_id"
    ).fetchone()[0]
    assert pub == 0


def test_every_stored_span_indexes_its_article(corpus_db):
    db = corpus_db.db
    for text_a, text_b, a0, a1, b0, b1 in db.execute(
        "SELECT x.text, y.text, a_start, a_end, b_start, b_end FROM reuse_pairs"
        " JOIN articles x ON x.id = article_a JOIN articles y ON y.id = article_b"
    ):
        assert text_a[a0:a1].strip() == text_a[a0:a1] and text_b[b0:b1].strip() == text_b[b0:b1]
    for text, start, end, passage in db.execute(
        "SELECT a.text, p.start, p.end, p.text FROM passages p JOIN articles a ON a.id = p.article_id"
    ):
        assert text[start:end] == passage


def test_a_phrase_said_twice_in_one_article_is_not_counted_twice():
    # «… في المائة على أساس شهري وبنسبة 25 في المائة على أساس سنوي» holds the other article's
    # «6 في المائة على أساس سنوي» twice over: six words shared, not ten
    a = "ارتفعت صادرات الصين في مارس 6 في المائة على أساس سنوي بينما تراجعت وارداتها من النفط الخام."
    b = "ارتفعت أسعار العقار في الكويت 6 في المائة على أساس شهري وبنسبة 25 في المائة على أساس سنوي."
    assert find_reuse([a, b]) == []


def test_views_answer_who_reuses_whom(corpus_db):
    db = corpus_db.db
    rows = {(r[0], r[1]): r for r in db.execute("SELECT outlet_en, source_en, passages, credited, uncredited FROM wire_reuse")}
    f24 = rows[("France 24", "Agence France-Presse")]
    assert f24[2] == f24[3] + f24[4] > 10
    derivations = dict(db.execute("SELECT derivation, count(*) FROM article_reuse GROUP BY 1").fetchall())
    assert set(derivations) == {"wholly", "partially", "non-derived"}
    assert sum(derivations.values()) == db["articles"].count


def json_articles(path, records):
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


SPA_ITEM = (
    "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n"
    "أعلنت المؤسسة العامة لصوامع الغلال ومطاحن الدقيق اليوم ترسية الدفعة الثالثة من القمح المستورد "
    "لهذا العام بكمية 505 آلاف طن من القمح الصلب، على أن تصل الشحنات إلى موانئ المملكة خلال الربع الأخير.\n"
    "// انتهى //"
)


def test_an_agency_item_is_the_origin_and_each_copy_is_credited_or_not(tmp_path):
    body = SPA_ITEM.split("\n")[1]
    path = json_articles(tmp_path / "day.json", [
        {"source": "was", "url": "https://spa.gov.sa/1", "date_extracted": "2015-08-10 10:00:00", "title": "عام / القمح", "author": "", "content": SPA_ITEM},
        {"source": "alriyadh", "url": "https://alriyadh.com/1", "date_extracted": "2015-08-11 08:00:00", "title": "القمح", "author": "الرياض - واس", "content": body},
        {"source": "alweeam", "url": "https://alweeam.com.sa/1", "date_extracted": "2015-08-11 09:00:00", "title": "القمح", "author": "الوئام - الرياض", "content": body},
    ])
    store = Store(":memory:")
    store.ingest([path])
    report = store.reuse()
    assert (report.cross_outlet, report.clusters) == (3, 1)
    cluster = store.db.execute(
        "SELECT c.origin_basis, s.name_en, a.outlet FROM reuse_clusters c JOIN sources s ON s.id = c.source_id"
        " JOIN articles a ON a.id = c.origin_article_id"
    ).fetchone()
    assert cluster == ("agency", "Saudi Press Agency", "was")
    labels = dict(store.db.execute("SELECT a.outlet, p.credit FROM passages p JOIN articles a ON a.id = p.article_id").fetchall())
    assert labels == {"was": "origin", "alriyadh": "credited", "alweeam": "uncredited"}
    directions = sorted(store.db.execute(
        "SELECT x.outlet, y.outlet, p.direction, p.direction_basis FROM reuse_pairs p"
        " JOIN articles x ON x.id = p.article_a JOIN articles y ON y.id = p.article_b"
    ).fetchall())
    assert directions == [
        ("alriyadh", "alweeam", None, None),  # the same crawl day: no order between the copies
        ("was", "alriyadh", "a_to_b", "agency"),
        ("was", "alweeam", "a_to_b", "agency"),
    ]


def test_two_pages_linking_to_a_third_story_are_no_copy(tmp_path):
    # BBC and CNN set links to related stories between paragraphs as bare headlines
    link = "سوريا: إسرائيل قصفت قاعدة التيفور بصواريخ من فوق الأراضي اللبنانية"
    pages = [
        {"source": "BBC", "url": "https://bbc.com/1", "title": "روحاني يحذر من الانسحاب من الاتفاق النووي",
         "content": OTHER + "\n" + link + "\n" + WIRE},
        {"source": "BBC", "url": "https://bbc.com/2", "title": "إسرائيل تقول إن الطائرة الإيرانية كانت محملة بالمتفجرات",
         "content": ATTACK + "\n" + link + "\nوقال متحدث عسكري إن التحقيق مستمر."},
    ]
    alone = Store(":memory:")
    alone.ingest([json_articles(tmp_path / "two.json", pages)])
    assert alone.reuse().pairs == 1  # a shared sentence of 10 words, as far as two pages can tell
    linked = Store(":memory:")
    story = {"source": "BBC", "url": "https://bbc.com/3", "title": link, "content": "قصفت إسرائيل قاعدة التيفور الجوية في سوريا."}
    linked.ingest([json_articles(tmp_path / "three.json", [*pages, story])])
    assert linked.reuse().pairs == 0  # the line is the title of a third story: a link to it


def test_reuse_is_incremental_and_ends_where_a_full_run_does(tmp_path):
    def pairs(store, short=False):
        keys = dict(store.db.execute("SELECT id, key FROM articles").fetchall())
        return {
            tuple(sorted([(keys[a], a0, a1), (keys[b], b0, b1)]))
            for a, b, a0, a1, b0, b1, aligned in store.db.execute(
                "SELECT article_a, article_b, a_start, a_end, b_start, b_end, aligned FROM reuse_pairs"
            )
            if short or aligned >= ReuseSettings().long_tokens
        }

    step = Store(tmp_path / "step.db")
    step.ingest([CORPUS / "ant" / "Alarabia", SEEDS])
    first = step.reuse()
    step.ingest([CORPUS])
    second = step.reuse()
    assert second.compared == step.db["articles"].count - first.compared
    again = step.reuse()
    assert (again.compared, again.pairs_added) == (0, 0)
    full = Store(tmp_path / "full.db")
    full.ingest([CORPUS])
    full.reuse()
    assert pairs(step) == pairs(full)
    # a short passage is judged rare against the articles stored when it was compared, so the
    # step-by-step run may keep a few that the full run finds too common; never the reverse
    assert pairs(full, short=True) <= pairs(step, short=True)


def test_a_replaced_article_is_compared_again(tmp_path, seed_text):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(seed_text("000"), encoding="utf-8")
    b.write_text(seed_text("003"), encoding="utf-8")
    store = Store(tmp_path / "x.db")
    store.ingest([tmp_path])
    assert store.reuse().pairs == 2
    b.write_text(OTHER, encoding="utf-8")
    store.ingest([tmp_path])
    report = store.reuse()
    assert (report.compared, report.pairs, report.passages) == (1, 0, 0)


def test_dates_order_a_pair_when_they_can():
    assert When.parse("Sat, 03 Mar 2018 01:44:35 +0400").before(When.parse("Sat, 03 Mar 2018 01:44:35 +0000"))
    assert When.parse("2015-08-10 10:00:00").before(When.parse("2015-08-10 23:00:00")) is None  # a crawl day
    assert When.parse("not a date") is None


def test_the_cli_runs_reuse_on_a_database(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "p.db")
    assert runner.invoke(cli, ["ingest", str(SEEDS), "--db", db, "-q"]).exit_code == 0
    result = runner.invoke(cli, ["reuse", "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    assert "5 articles compared" in result.output and "2 pairs added" in result.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM reuse_clusters").fetchone()[0] == 2
    missing = runner.invoke(cli, ["reuse", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.output


def test_settings_are_part_of_the_index(tmp_path, seed_text):
    store = Store(tmp_path / "s.db")
    store.ingest([SEEDS])
    store.reuse()
    report = store.reuse(ReuseSettings(min_tokens=12))
    assert report.compared == 5  # other settings: everything is compared again


def test_an_index_made_with_other_masks_is_made_again(tmp_path, monkeypatch):
    # the shingles stored in reuse_index depend on formulas.yaml and boilerplate.yaml
    store = Store(tmp_path / "m.db")
    store.ingest([SEEDS])
    store.reuse()
    assert store.reuse().compared == 0
    monkeypatch.setattr(tables, "masks_fingerprint", lambda: "an edited boilerplate.yaml")
    assert store.reuse().compared == 5


README_REUSE = re.search(r"## Wire-copy reuse\n(.*?)\n### How reuse is found", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL).group(1)


@pytest.mark.parametrize("query", re.findall(r"```sql\n(.*?)```", README_REUSE, re.DOTALL))
def test_readme_reuse_sql_answers_on_the_corpus(corpus_db, query):
    assert list(corpus_db.db.query(query)), query


def test_a_text_shorter_than_a_shingle_with_a_masked_word_is_fine():
    """Four words, one of them furniture or a formula: no shingle at all, and no error."""
    assert find_reuse(["للمزيد: خبر قصير جدا", "للمزيد: خبر قصير جدا"]) == []
    assert find_reuse(["حفظه الله ورعاه", "حفظه الله ورعاه"]) == []
