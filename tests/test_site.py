"""The Datasette site, through Datasette's ASGI test client, on a database built from corpus/.

What a journalist sees: the home page with its search box and ready-made questions, a search for
«رويترز», a citation chain drawn as nodes, a source page grouped by outlet, an article with its
attributions marked, two copies of a Reuters passage side by side; and what keeps a public site
safe: immutable database, time limit, row cap, ``--no-sql``.
"""

import asyncio
import json
import shutil
import sqlite3
from urllib.parse import quote

import pytest
import yaml
from click.testing import CliRunner
from datasette.app import Datasette

from provenance.cli import cli
from provenance.publish import PublishError, Site, site_dir

from .conftest import CORPUS, SEEDS

CANNED = yaml.safe_load((site_dir() / "metadata.yml").read_text(encoding="utf-8"))["databases"]["provenance"]["queries"]
ARGS = {"source": "رويترز", "agency": "", "article_id": None, "q": "الاتحاد الأوروبي", "source_id": None, "publisher_id": ""}


class Client:
    """Datasette's ASGI client on one event loop, called synchronously."""

    def __init__(self, ds: Datasette) -> None:
        self.ds = ds
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(ds.invoke_startup())

    def get(self, path: str, status: int = 200):
        response = self.loop.run_until_complete(self.ds.client.get(path))
        assert response.status_code == status, (path, response.status_code, response.text[:500])
        return response

    def json(self, path: str):
        return self.get(path).json()

    def close(self) -> None:
        self.loop.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``provenance serve``'s first step: the database built from corpus/ (ingest + reuse)."""
    site = Site(tmp_path_factory.mktemp("site") / "provenance.db", corpus=CORPUS)
    assert site.build() is True
    assert site.build() is False  # an existing database is served as it is
    return site


@pytest.fixture(scope="module")
def client(built):
    client = Client(built.datasette())
    yield client
    client.close()


@pytest.fixture(scope="module")
def ids(built):
    db = sqlite3.connect(built.db_path)
    article = dict(db.execute("SELECT substr(doc_id, 1, 3), id FROM articles WHERE doc_id LIKE '00%'").fetchall())
    relay = db.execute("SELECT id FROM attributions WHERE article_id = ? AND cue = 'ونقلت'", (article["000"],)).fetchone()[0]
    agency = db.execute(
        "SELECT id FROM attributions WHERE article_id = ? AND sentence LIKE '%للوكالة%' AND source_kind = 'anonymous'",
        (article["004"],),
    ).fetchone()[0]
    inherited = db.execute("SELECT attribution_id FROM chain_links WHERE inherited = 1 LIMIT 1").fetchone()[0]
    pair = db.execute(
        "SELECT id FROM reuse_pairs WHERE article_a = ? AND article_b = ? ORDER BY a_start", (article["000"], article["003"])
    ).fetchone()[0]
    reuters = db.execute("SELECT id FROM sources WHERE key = 'outlet:reuters'").fetchone()[0]
    db.close()
    return {"article": article, "relay": relay, "agency": agency, "inherited": inherited, "pair": pair, "reuters": reuters}


# -- the home page and search ------------------------------------------------------------------------


def test_the_home_page_has_a_search_box_and_the_ready_made_questions(client):
    html = client.get("/").text
    assert 'action="/search"' in html and "رويترز، فرانس برس" in html
    for name, query in CANNED.items():
        assert f'/provenance/{name}"' in html and query["title"] in html
    assert "/static/provenance.css" in html
    assert "ANT Corpus v2.1" in html  # licence and source of the bundled corpus


def test_searching_reuters_lists_every_claim_that_came_through_it(client, ids):
    html = client.get("/search?q=رويترز").text
    assert f'href="/source/{ids["reuters"]}"' in html
    assert f'href="/chain/{ids["relay"]}"' in html  # «ونقلت رويترز عن دبلوماسيين قولهم …» in seed 000
    data = client.json("/search.json?q=رويترز")
    assert data["sources"][0]["name"] == "رويترز" and data["total"] == len(data["chains"]) > 10
    assert all(any("رويترز" in n["name"] for n in c["links"][1:]) for c in data["chains"])


def test_search_folds_arabic_spelling(client):
    plain = client.json("/search.json?q=رويترز")["total"]
    assert client.json("/search.json?q=رُويتَرز")["total"] == plain  # harakat
    assert client.json("/search.json?q=Reuters")["sources"][0]["name"] == "رويترز"  # the English name
    assert client.json("/search.json?q=AFP")["sources"][0]["name_en"] == "Agence France-Presse"  # an alias
    assert client.get("/search?q=").status_code == 200


def test_the_table_search_box_is_normalised_too(client):
    """Our escape_fts() must run after Datasette's built-in one (hookimpl trylast=True)."""

    def hits(query):
        return len(client.json(f"/provenance/articles.json?_search={query}&_shape=array&_col=id&_size=max"))

    assert hits("الأمم") == hits("الامم") == hits("الأُمَم") > 0
    assert hits("المتحدة") == hits("المتحده") > 0


def test_ar_normalize_is_an_sql_function(client):
    rows = client.json("/provenance.json?sql=select+ar_normalize('أَحْمَدُ الجزيـــرة مدرسة ٢٠٢٤') as n&_shape=array")
    assert rows == [{"n": "احمد الجزيره مدرسه 2024"}]


# -- canned queries --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CANNED))
def test_every_canned_query_runs_with_named_parameters(client, ids, name):
    args = {k: v for k, v in ARGS.items() if f":{k}" in CANNED[name]["sql"]}
    if "article_id" in args:
        args["article_id"] = ids["article"]["000"]
    if "source_id" in args:
        args["source_id"] = ids["reuters"]
    query = "&".join(f"{k}={v}" for k, v in args.items())
    rows = client.json(f"/provenance/{name}.json?_shape=array&{query}")
    assert rows, name
    assert client.get(f"/provenance/{name}?{query}").status_code == 200


def test_chains_through_a_source_finds_the_seed_relay(client):
    rows = client.json("/provenance/chains_through_source.json?_shape=array&source=رويترز")
    assert "هاف بوست عراقي ← رويترز ← دبلوماسيين" in {r["path"] for r in rows}
    english = client.json("/provenance/chains_through_source.json?_shape=array&source=reuters")
    assert "هاف بوست عراقي ← رويترز ← دبلوماسيين" in {r["path"] for r in english}


def test_uncredited_reuse_names_outlet_and_agency(client):
    rows = client.json("/provenance/uncredited_reuse.json?_shape=array&agency=")
    assert rows and all(r["uncredited"] > 0 for r in rows)
    assert {r["agency_en"] for r in rows} & {"Reuters", "Agence France-Presse"}


def test_ids_in_views_and_queries_link_to_the_pages(client, ids):
    html = client.get("/provenance/chains_through_source?source=رويترز").text
    assert f'<a href="/chain/{ids["relay"]}">{ids["relay"]}</a>' in html
    assert f'<a href="/article/{ids["article"]["000"]}">' in html
    sources = client.get("/provenance/sources?key=outlet:reuters").text
    assert f'<a href="/source/{ids["reuters"]}">رويترز</a>' in sources


def test_tables_have_facets_and_bilingual_descriptions(client):
    data = client.json("/provenance/attributions.json?_size=1")
    assert {"source_kind", "cue_lemma", "anonymous_type"} <= set(data["facet_results"])
    html = client.get("/provenance/attributions").text
    assert "إسناد لكل صف" in html and "One row per attribution" in html
    assert "reuse_index" not in client.json("/provenance.json")["tables"][0]["name"]


# -- the pages ---------------------------------------------------------------------------------------


def test_a_chain_page_draws_publisher_intermediary_and_origin(client, ids):
    data = client.json(f"/chain/{ids['relay']}.json")
    assert [(n["role"], n["name"], n["kind"]) for n in data["nodes"]] == [
        ("publisher", "هاف بوست عراقي", "outlet"),
        ("intermediary", "رويترز", "wire_agency"),
        ("origin", "دبلوماسيين", "anonymous"),
    ]
    html = client.get(f"/chain/{ids['relay']}").text
    assert html.count('<li class="node') == 3
    assert all(f'href="/source/{n["source_id"]}"' in html for n in data["nodes"])
    # the sentence in its paragraph, with cue, intermediary, source and content marked
    assert '<span class="hl-cue hl-sentence " data-ref' in html
    assert '<span class="hl-via hl-sentence "' in html and ">رويترز</span>" in html
    assert '<span class="hl-source hl-sentence "' in html and ">دبلوماسيين</span>" in html
    assert "hl-content" in html


def test_a_chain_through_the_agency_named_before(client, ids):
    """Seed 004: «… للوكالة» is the Associated Press named two sentences earlier; no publisher."""
    data = client.json(f"/chain/{ids['agency']}.json")
    assert [(n["role"], n["name"]) for n in data["nodes"]][:2] == [("publisher", None), ("intermediary", "أسوشيتد برس")]
    assert data["nodes"][-1]["kind"] == "anonymous"
    assert "غير معروف" in client.get(f"/chain/{ids['agency']}").text


def test_inherited_links_are_marked(client, ids):
    html = client.get(f"/chain/{ids['inherited']}").text
    assert '<span class="inherited-note"' in html and "موروث" in html
    assert 'class="node role-intermediary kind-wire_agency inherited"' in html


def test_a_source_page_groups_its_attributions_by_outlet(client, ids):
    data = client.json(f"/source/{ids['reuters']}.json")
    assert data["source"]["name_en"] == "Reuters"
    outlets = [g["publisher"] for g in data["groups"]]
    assert "هاف بوست عراقي" in outlets and len(outlets) == len(set(outlets)) >= 3
    assert sum(g["count"] for g in data["groups"]) == data["total"]
    html = client.get(f"/source/{ids['reuters']}").text
    assert "كل ما نُسب إليه" in html or "ما نُسب إليه" in html
    assert "من أعاد نشر نصوصه" in html  # Reuters copy reused by outlets


def test_an_article_page_marks_every_attribution_and_lists_its_reuse(client, ids):
    article = ids["article"]["000"]
    data = client.json(f"/article/{article}.json")
    html = client.get(f"/article/{article}").text
    for a in data["attributions"]:
        assert f'href="/chain/{a["id"]}"' in html
    assert html.count("hl-cue") >= len(data["attributions"])
    assert "hl-passage" in html
    assert f'href="/reuse/{ids["pair"]}"' in html
    assert f'href="/article/{ids["article"]["003"]}"' in html


def test_a_reuse_page_shows_both_copies_with_differences_and_credit(client, ids):
    data = client.json(f"/reuse/{ids['pair']}.json")
    (a, b) = data["sides"]
    assert (a["article"]["publisher"], b["article"]["publisher"]) == ("هاف بوست عراقي", "كتابات")
    assert a["credit"]["credit"] == "credited" and b["credit"]["credit"] == "credited"
    assert data["cluster"]["source_en"] == "Reuters"
    # «إن مهمة الحلف …»: the same words, spelled differently («والدنمارك» / «والدنمرك», «قبولا» / «قبولاً»)
    assert a["changed_words"] == b["changed_words"] == 0 and data["ratio"] == 1.0
    assert a["variant_words"] == b["variant_words"] >= 3
    html = client.get(f"/reuse/{ids['pair']}").text
    assert html.count('<section class="side">') == 2 and '<span class="hl-variant ">والدنمرك</span>' in html
    assert '<span class="credit credit-credited"' in html and "منسوب" in html
    assert f'href="/article/{ids["article"]["000"]}"' in html and f'href="/article/{ids["article"]["003"]}"' in html


def test_reworded_copies_show_the_words_that_differ(client, ids, built):
    """«وتعرضت القوات …»: «الاثنين الماضي» in one copy, «أمس الإثنين» in the other."""
    db = sqlite3.connect(built.db_path)
    second = db.execute(
        "SELECT id FROM reuse_pairs WHERE article_a = ? AND id != ?", (ids["article"]["000"], ids["pair"])
    ).fetchone()[0]
    data = client.json(f"/reuse/{second}.json")
    changed = [s["text"] for side in data["sides"] for para in side["paragraphs"] for s in para if "diff" in s["marks"]]
    assert "الماضي" in changed and "أمس" in changed
    assert 0.5 < data["ratio"] < 1


def test_an_uncredited_passage_says_so(client, built):
    db = sqlite3.connect(built.db_path)
    pair = db.execute(
        "SELECT r.id FROM reuse_pairs r JOIN passages p ON p.article_id = r.article_b AND p.cluster_id = r.cluster_id"
        " WHERE p.credit = 'uncredited' LIMIT 1"
    ).fetchone()[0]
    html = client.get(f"/reuse/{pair}").text
    assert '<span class="credit credit-uncredited"' in html and "غير منسوب" in html


@pytest.mark.parametrize("page", ["chain", "source", "article", "reuse"])
def test_a_missing_id_is_a_404(client, page):
    assert "No " in client.get(f"/{page}/999999", status=404).text


# -- a safe public site ------------------------------------------------------------------------------


def test_the_database_is_immutable_with_a_time_limit_and_a_row_cap(client):
    db = client.ds.get_database()
    assert db.is_mutable is False
    settings = client.json("/-/settings.json")
    assert settings["sql_time_limit_ms"] <= 2000 and settings["max_returned_rows"] <= 1000
    with pytest.raises(Exception):
        client.loop.run_until_complete(db.execute_write("DELETE FROM articles"))
    slow = quote("with recursive c(x) as (select 1 union all select x+1 from c) select count(*) from c")
    assert "interrupted" in client.get(f"/provenance.json?sql={slow}", status=400).text.lower()


def test_no_sql_leaves_the_canned_queries(built):
    client = Client(Site(built.db_path, sql=False).datasette())
    try:
        client.get("/provenance.json?sql=select+1", status=403)
        assert client.json("/provenance/anonymous_share_by_outlet.json?_shape=array")
        client.get("/search?q=رويترز")
    finally:
        client.close()


def test_metadata_follows_the_database_file_name(built, tmp_path):
    other = tmp_path / "news.db"
    shutil.copyfile(built.db_path, other)
    client = Client(Site(other).datasette())
    try:
        assert client.json("/news/anonymous_share_by_outlet.json?_shape=array")
        assert client.json("/chain/1.json")["attribution"]["id"] == 1
    finally:
        client.close()


def test_publish_writes_a_config_directory_datasette_serves(built, tmp_path, ids):
    out = Site(built.db_path).publish(tmp_path / "site")
    assert {p.name for p in out.iterdir()} >= {"provenance.db", "metadata.yml", "settings.json", "inspect-data.json",
                                               "templates", "static", "plugins"}
    client = Client(Datasette(config_dir=out))
    try:
        assert client.ds.get_database().is_mutable is False  # inspect-data.json marks it immutable
        assert client.json(f"/chain/{ids['relay']}.json")["nodes"][1]["name"] == "رويترز"
        assert client.json("/provenance/anonymous_share_by_outlet.json?_shape=array")
    finally:
        client.close()
    with pytest.raises(PublishError, match="not empty"):
        Site(built.db_path).publish(out)


def test_serve_builds_a_missing_database_from_a_corpus(tmp_path):
    site = Site(tmp_path / "seeds.db", corpus=SEEDS)
    assert site.build()
    assert sqlite3.connect(site.db_path).execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    with pytest.raises(PublishError, match="no such database, and no corpus"):
        Site(tmp_path / "none.db", corpus=tmp_path / "nowhere").build()


def test_the_cli_serve_and_publish_options(built, tmp_path):
    runner = CliRunner()
    help_text = runner.invoke(cli, ["serve", "--help"]).output
    for option in ("--db", "--host", "--port", "--no-sql", "--corpus", "127.0.0.1"):
        assert option in help_text
    out = tmp_path / "out"
    result = runner.invoke(cli, ["publish", str(out), "--db", str(built.db_path), "--no-sql"])
    assert result.exit_code == 0 and (out / "provenance.db").exists()
    assert json.loads((out / "settings.json").read_text())["default_allow_sql"] is False
    again = runner.invoke(cli, ["publish", str(out), "--db", str(built.db_path)])
    assert again.exit_code == 1 and "not empty" in again.output
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    result = runner.invoke(cli, ["publish", str(tmp_path / "out2"), "--db", str(bad)])
    assert result.exit_code == 1 and "bad.db: not a provenance database" in result.output


def test_plugins_are_loaded(client):
    names = {p["name"] for p in client.json("/-/plugins.json")}
    assert {"provenance_functions.py", "provenance_pages.py"} <= names
    assert json.loads(json.dumps(client.json("/-/metadata.json")))["title"].startswith("provenance")


# -- odd input ----------------------------------------------------------------------------------------


def test_odd_input_gives_a_page_not_an_error(client):
    client.get("/chain/99999999999999999999999", status=404)  # larger than any SQLite integer
    client.get("/chain/abc", status=404)
    assert client.json("/search.json?q=a%00b")["query"] == "ab"  # control characters dropped
    assert all("_" in s["name"] for s in client.json("/search.json?q=_")["sources"])  # no LIKE wildcards
    for q in ("", "%22", "%25", "'", "*", "x" * 300):
        client.get(f"/search?q={q}")
        assert client.json(f"/provenance/search_quotes.json?_shape=array&q={q}") == []


def test_every_canned_query_runs_with_empty_parameters(client):
    for name, query in CANNED.items():
        params = "&".join(f"{p}=" for p in ("source", "agency", "q", "article_id", "source_id", "publisher_id")
                          if f":{p}" in query["sql"])
        client.get(f"/provenance/{name}?{params}")


def test_only_http_links_leave_the_site(tmp_path):
    """An article whose URL is «javascript:…» is shown, never linked."""
    folder = tmp_path / "in"
    folder.mkdir()
    record = {"id": "x1", "url": "javascript:alert(document.domain)", "title": "<b>عنوان</b>",
              "content": "وقال مسؤول لرويترز إن <script>alert(1)</script> المحادثات ستستأنف."}
    (folder / "a.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    site = Site(tmp_path / "odd.db", corpus=folder)
    site.build()
    client = Client(site.datasette())
    try:
        for page in ("/article/1", "/chain/1"):
            html = client.get(page).text
            assert 'href="javascript:' not in html
            assert "<script>alert(1)</script>" not in html and "&lt;b&gt;عنوان&lt;/b&gt;" in html
    finally:
        client.close()


def test_the_pages_keep_to_the_time_limit(built):
    client = Client(Site(built.db_path).datasette())
    try:
        client.ds._settings["sql_time_limit_ms"] = 1  # after start-up, whose own queries need more
        assert "time limit" in client.get("/search?q=رويترز", status=503).text
    finally:
        client.close()


def test_no_sql_blocks_every_way_in(built):
    client = Client(Site(built.db_path, sql=False).datasette())
    try:
        for path in ("/provenance?sql=select+1", "/provenance.csv?sql=select+1", "/provenance.json?sql=select+1"):
            client.get(path, status=403)
        html = client.get("/provenance/anonymous_share_by_outlet").text
        assert "Edit SQL" not in html
        client.get("/provenance.db", status=403)  # no download of the file either
    finally:
        client.close()
