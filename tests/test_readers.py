"""Every input format, each with the offsets it promises, and clear errors for bad files."""

import json

import pytest

from provenance.readers import JsonFields, ReadError, decode, expand_paths, read_path, read_paths

from .conftest import CORPUS, SEEDS


def test_plain_text_offsets_index_the_whole_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("العنوان\n\nقال مسؤول إن الوضع هادئ.\n", encoding="utf-8")
    (article,) = read_path(p)
    assert article.text == p.read_text(encoding="utf-8")
    assert article.title == "العنوان"
    assert article.id == "a"
    assert article.format == "txt"


def test_seeds_keep_their_titles():
    (article,) = read_path(next(SEEDS.glob("000_*.txt")))
    assert article.title.startswith("تحالف دولي مرتقب")


def test_front_matter_is_metadata_and_stays_in_the_offsets(tmp_path):
    p = tmp_path / "b.md"
    p.write_text(
        "---\noutlet: Reuters\nurl: https://example.org/x\ndate: 2021-02-20\ntitle: عنوان\n---\nقال مسؤول إن كذا.\n",
        encoding="utf-8",
    )
    (article,) = read_path(p)
    assert article.outlet == "Reuters"
    assert article.url == "https://example.org/x"
    assert article.date == "2021-02-20"
    assert article.title == "عنوان"
    assert article.format == "front-matter"
    assert article.text.startswith("---\n")
    assert article.text[article.body_start :].startswith("قال")


def test_bad_front_matter_names_the_file(tmp_path):
    p = tmp_path / "bad.md"
    p.write_text("---\noutlet: [unclosed\n---\nنص\n", encoding="utf-8")
    with pytest.raises(ReadError, match=r"bad\.md: front matter is not valid YAML"):
        read_path(p)


def test_ant_trec_file_offsets_index_the_text_element():
    path = next((CORPUS / "ant").rglob("AL-*.txt"))
    (article,) = read_path(path)
    raw = path.read_text(encoding="utf-8")
    body = raw.split("<TEXT>\n", 1)[1].rsplit("\n</TEXT>", 1)[0]
    assert article.text == body
    assert article.format == "trec"
    assert article.outlet == "alarabia"
    assert article.url.startswith("http")
    assert article.id == path.stem


def test_gigaword_style_trec(tmp_path):
    p = tmp_path / "afp.sgml"
    p.write_text(
        '<DOC id="AFP_ARB_20000101.0001" type="story">\n<HEADLINE>\nعنوان الخبر\n</HEADLINE>\n'
        "<DATELINE>\nباريس 1-1 (اف ب) -\n</DATELINE>\n<TEXT>\n<P>\nقال مسؤول إن كذا.\n</P>\n<P>\nوأضاف أن كذا.\n</P>\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    (article,) = read_path(p)
    assert article.id == "AFP_ARB_20000101.0001"
    assert article.title == "عنوان الخبر"
    assert article.outlet == "AFP"
    assert article.format == "gigaword"
    assert article.text == "قال مسؤول إن كذا.\n\nوأضاف أن كذا."
    assert article.extra["dateline"] == "باريس 1-1 (اف ب) -"


def test_malformed_trec_names_the_file(tmp_path):
    p = tmp_path / "broken.txt"
    p.write_text("<DOC>\n<DOCNO>X</DOCNO>\n<TEXT>\nنص\n", encoding="utf-8")
    with pytest.raises(ReadError, match=r"broken\.txt: malformed TREC file"):
        read_path(p)


SAUDI = {
    "source": "alriyadh",
    "url": "http://www.alriyadh.com/1",
    "date_extracted": "2015-08-10 10:00:00",
    "title": "عنوان",
    "author": "واس - الرياض",
    "content": "قال الوزير إن المشروع بدأ.\nوأضاف أن العمل مستمر.",
}


def test_json_array_of_saudinewsnet_records(tmp_path):
    p = tmp_path / "day.json"
    p.write_text(json.dumps([SAUDI, {**SAUDI, "url": "http://www.alriyadh.com/2"}], ensure_ascii=False), encoding="utf-8")
    articles = read_path(p)
    assert len(articles) == 2
    a = articles[0]
    assert a.text == SAUDI["content"]
    assert (a.outlet, a.author, a.date, a.title) == ("alriyadh", "واس - الرياض", "2015-08-10 10:00:00", "عنوان")
    assert a.format == "json"


def test_json_lines_with_configured_field_names(tmp_path):
    p = tmp_path / "x.jsonl"
    rows = [{"body_text": "قال مسؤول إن كذا.", "site": "Elaph", "link": "http://e/1", "uid": "e1"}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    fields = JsonFields.parse(["body=body_text", "outlet=site", "url=link", "id=uid"])
    (a,) = read_path(p, fields=fields)
    assert (a.text, a.outlet, a.url, a.id, a.format) == ("قال مسؤول إن كذا.", "Elaph", "http://e/1", "e1", "jsonl")


def test_json_lines_may_hold_raw_paragraph_separators(tmp_path):
    # json.dumps(ensure_ascii=False) writes U+2028 / U+2029 raw: a line ends at «\n» only
    p = tmp_path / "x.jsonl"
    rows = [{"content": "قال مسؤول\u2029إن كذا.\u2028", "id": "a"}, {"content": "وقال آخر إن كذا.", "id": "b"}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\r\n", encoding="utf-8")
    assert [a.id for a in read_path(p)] == ["a", "b"]


def test_bad_field_mapping_is_rejected():
    with pytest.raises(ValueError, match="bad field mapping"):
        JsonFields.parse(["nonsense=x"])


def test_malformed_json_names_the_file_and_the_place(tmp_path):
    p = tmp_path / "bad.json"
    p.write_text('[{"content": "نص"', encoding="utf-8")
    with pytest.raises(ReadError, match=r"bad\.json: not valid JSON .*line 1"):
        read_path(p)


def test_json_record_without_body(tmp_path):
    p = tmp_path / "nobody.json"
    p.write_text('[{"title": "x"}]', encoding="utf-8")
    with pytest.raises(ReadError, match=r"nobody\.json: record 1 has no text"):
        read_path(p)


def test_one_empty_record_does_not_lose_the_others(tmp_path):
    p = tmp_path / "day.json"
    p.write_text(json.dumps([SAUDI, {**SAUDI, "content": ""}, SAUDI], ensure_ascii=False), encoding="utf-8")
    results = list(read_paths([p]))
    assert [type(r).__name__ for r in results] == ["Article", "Article", "ReadError"]
    assert str(results[2]).endswith("day.json: record 2 has no text in any of the fields ['content', 'text', 'body', 'article']")


def test_windows_1256_is_detected_and_decoded(tmp_path):
    p = tmp_path / "cp.txt"
    text = "عنوان\nقال المتحدث إن الاجتماع انتهى."
    p.write_bytes(text.encode("cp1256"))
    (a,) = read_path(p)
    assert a.text == text


def test_undecodable_bytes_name_the_file(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Grüße aus Köln, ça va très bien".encode("latin-1"))
    with pytest.raises(ReadError, match=r"latin\.txt: not UTF-8 .* not Arabic Windows-1256"):
        read_path(p)


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty file"), (b"   \n", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file")],
)
def test_empty_and_binary_files(tmp_path, content, problem):
    p = tmp_path / "f.txt"
    p.write_bytes(content)
    with pytest.raises(ReadError, match=problem):
        read_path(p)


def test_decode_reports_missing_files_too(tmp_path):
    with pytest.raises(ReadError, match="cannot be read"):
        read_path(tmp_path / "missing.txt")
    assert decode("نص".encode()) == "نص"


def test_folders_and_globs_expand_and_bad_files_do_not_stop_the_batch(tmp_path):
    (tmp_path / "good.txt").write_text("عنوان\nقال مسؤول إن كذا.", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "README.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert [p.name for p in expand_paths([tmp_path])] == ["bad.json", "good.txt"]
    results = list(read_paths([str(tmp_path / "*.txt"), str(tmp_path / "bad.json")]))
    assert [type(r).__name__ for r in results] == ["Article", "ReadError"]


def test_a_glob_that_matches_nothing_is_an_error(tmp_path):
    (result,) = list(read_paths([str(tmp_path / "*.nothing")]))
    assert isinstance(result, ReadError)
    assert "no file matches" in str(result)
