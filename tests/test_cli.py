"""The command line: `provenance extract` prints the documented JSON contract."""

import json

import jsonschema
from click.testing import CliRunner

from provenance.cli import cli
from provenance.lexicon import load_json_schema

from .conftest import CORPUS, SEEDS

SCHEMA = load_json_schema("extract.schema.json")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_extract_jsonl_follows_the_schema_with_correct_offsets():
    paths = [str(SEEDS), str(next((CORPUS / "ant").rglob("SK-*.txt")))]
    result = run("extract", *paths, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 6
    for line in lines:
        obj = json.loads(line)
        jsonschema.validate(obj, SCHEMA)
        from provenance.readers import read_path

        (article,) = [a for a in read_path(obj["path"]) if a.id == obj["id"]]
        for a in obj["attributions"]:
            for span in [a["cue"], a["source"], *a["via"], *([a["content"]] if a["content"] else [])]:
                base = article.author if span.get("field") == "author" else article.text
                assert base[span["start"] : span["end"]] == span["text"]


def test_seed_000_as_json():
    result = run("extract", str(next(SEEDS.glob("000_*.txt"))), "--format", "json")
    (obj,) = json.loads(result.output)
    relay = next(a for a in obj["attributions"] if a["cue"]["text"] == "ونقلت")
    assert relay["source"]["text"] == "دبلوماسيين"
    assert relay["source"]["kind"] == "anonymous"
    assert [v["name"] for v in relay["via"]] == ["Reuters"]


def test_readable_output():
    result = run("extract", str(next(SEEDS.glob("004_*.txt"))))
    assert "[أفاد] أفادت: ؟ ← أسوشيتد برس (wire_agency)" in result.output
    assert "؟ ← أسوشيتد برس ← مسؤول استخباراتي عسكري عراقي رفيع المستوى (anonymous/official)" in result.output


def test_bad_files_are_reported_and_the_rest_goes_on(tmp_path):
    (tmp_path / "bad.json").write_text("[", encoding="utf-8")
    good = next(SEEDS.glob("001_*.txt"))
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "bad.json"), str(good), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "bad.json: not valid JSON" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


def test_field_option_for_json_input(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"body_text": "عنوان\nقال مسؤول إن كذا.", "site": "Elaph"}, ensure_ascii=False), encoding="utf-8")
    result = run("extract", str(p), "--field", "body=body_text", "--field", "outlet=site", "--format", "jsonl")
    obj = json.loads(result.output)
    assert obj["publisher"]["name"] == "Elaph"
    assert obj["attributions"][0]["cue"]["text"] == "قال"
