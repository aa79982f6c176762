"""The store: articles, attributions and chains in SQLite; safe to re-run; Arabic search folds spelling."""

import json
import re
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

import provenance.store as store_module
from provenance import Store
from provenance.cli import cli

from .conftest import CORPUS, ROOT, SEEDS


def snapshot(store: Store) -> dict:
    """Everything stored, ids left out, to compare two databases."""
    db = store.db
    return {
        "articles": sorted(db.execute("SELECT key, hash FROM articles").fetchall()),
        "sources": sorted(db.execute("SELECT key, name, kind FROM sources").fetchall()),
        "attributions": sorted(
            db.execute(
                "SELECT ar.key, a.seq, a.cue_start, a.path, s.key FROM attributions a"
                " JOIN articles ar ON ar.id = a.article_id LEFT JOIN sources s ON s.id = a.source_id"
            ).fetchall()
        ),
        "links": db.execute("SELECT count(*) FROM chain_links").fetchone()[0],
        "credits": db.execute("SELECT count(*) FROM credits").fetchone()[0],
    }


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("db") / "corpus.db")
    report = store.ingest([CORPUS])
    assert report.failed == 0
    return store


def test_a_seed_becomes_articles_attributions_and_chains():
    store = Store(":memory:")
    report = store.ingest([SEEDS])
    assert (report.added, report.unchanged, report.replaced, report.failed) == (5, 0, 0, 0)
    assert report.attributions == store.db["attributions"].count > 30
    relay = next(c for c in store.chains() if c["cue"] == "ونقلت")
    assert relay["publisher"] == "هاف بوست عراقي"
    assert relay["intermediaries"] == "رويترز"
    assert (relay["origin"], relay["origin_kind"]) == ("دبلوماسيين", "anonymous")
    assert relay["path"] == "هاف بوست عراقي ← رويترز ← دبلوماسيين"
    links = store.db.execute(
        "SELECT l.position, l.role, s.name_en FROM chain_links l JOIN sources s ON s.id = l.source_id"
        " WHERE l.attribution_id = ? ORDER BY l.position",
        [relay["attribution_id"]],
    ).fetchall()
    assert links == [(0, "publisher", "HuffPost Iraqi"), (1, "intermediary", "Reuters"), (2, "origin", None)]


def test_offsets_index_the_stored_text():
    store = Store(":memory:")
    store.ingest([SEEDS])
    rows = store.db.execute(
        "SELECT ar.text, a.cue, a.cue_start, a.cue_end, a.source_text, a.source_start, a.source_end"
        " FROM attributions a JOIN articles ar ON ar.id = a.article_id"
    ).fetchall()
    for text, cue, cs, ce, src, ss, se in rows:
        assert text[cs:ce] == cue
        assert src is None or text[ss:se] == src


def test_an_outlet_is_one_source_however_it_is_spelt(tmp_path):
    (tmp_path / "a.txt").write_text("قالت رويترز إن الاجتماع انتهى.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("وذكرت وكالة رويترز أن الاجتماع انتهى.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("انتهى الاجتماع، وفقًا لوكالة (رويترز).\n", encoding="utf-8")
    store = Store(":memory:")
    store.ingest([tmp_path])
    reuters = store.db.execute("SELECT id, name, kind FROM sources WHERE name_en = 'Reuters'").fetchall()
    assert len(reuters) == 1 and reuters[0][1:] == ("رويترز", "wire_agency")
    assert store.db.execute("SELECT count(*) FROM attributions WHERE source_id = ?", [reuters[0][0]]).fetchone()[0] == 3


def test_re_ingesting_adds_nothing(tmp_path):
    store = Store(tmp_path / "p.db")
    store.ingest([SEEDS])
    before = snapshot(store)
    again = Store(tmp_path / "p.db").ingest([SEEDS])
    assert (again.added, again.unchanged, again.replaced, again.attributions) == (0, 5, 0, 0)
    assert snapshot(store) == before


def test_a_changed_article_replaces_its_own_rows_only(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("قال مسؤول إن الاجتماع انتهى.\n", encoding="utf-8")
    (folder / "two.txt").write_text("قالت الحكومة إن الطريق مفتوح.\n", encoding="utf-8")
    store = Store(tmp_path / "p.db")
    store.ingest([folder])
    two_rows = store.db.execute("SELECT a.id, a.path FROM attributions a JOIN articles r ON r.id = a.article_id WHERE r.key = 'two'").fetchall()
    (folder / "one.txt").write_text("قال مسؤول إن الاجتماع انتهى. وأضاف أن الوفد غادر.\n", encoding="utf-8")
    report = store.ingest([folder])
    assert (report.added, report.unchanged, report.replaced) == (0, 1, 1)
    assert store.db["articles"].count == 2
    one = store.db.execute("SELECT a.cue FROM attributions a JOIN articles r ON r.id = a.article_id WHERE r.key = 'one' ORDER BY a.seq").fetchall()
    assert one == [("قال",), ("وأضاف",)]
    assert store.db.execute("SELECT a.id, a.path FROM attributions a JOIN articles r ON r.id = a.article_id WHERE r.key = 'two'").fetchall() == two_rows


def test_bad_files_are_named_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("قال مسؤول إن الاجتماع انتهى.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "broken.json").write_text('[{"content": "قال", ', encoding="utf-8")
    store = Store(tmp_path / "p.db")
    store.ingest([SEEDS])
    before = snapshot(store)
    report = store.ingest([folder])
    assert (report.added, report.failed) == (1, 3)
    for name in ("empty.txt", "binary.txt", "broken.json"):
        assert any(name in line for line in report.errors), name
    after = snapshot(store)
    assert set(before["articles"]) < set(after["articles"])  # nothing stored before is lost


def test_an_interrupted_ingest_leaves_a_consistent_database_that_the_next_run_completes(tmp_path, monkeypatch):
    clean = Store(tmp_path / "clean.db")
    clean.ingest([SEEDS], batch_size=2)
    calls = {"n": 0}
    real_write = Store._write

    def crash_on_second_batch(self, batch, report):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # Ctrl-C in the middle of a batch
        real_write(self, batch, report)

    monkeypatch.setattr(Store, "_write", crash_on_second_batch)
    with pytest.raises(KeyboardInterrupt):
        Store(tmp_path / "p.db").ingest([SEEDS], batch_size=2)
    monkeypatch.setattr(Store, "_write", real_write)
    half = Store(tmp_path / "p.db")
    assert half.db["articles"].count == 2  # the first batch, whole; nothing of the second
    assert half.db.execute("SELECT count(*) FROM attributions WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0] == 0
    half.ingest([SEEDS], batch_size=2)
    assert snapshot(half) == snapshot(clean)


def test_two_jobs_store_what_one_job_stores(tmp_path):
    one = Store(tmp_path / "one.db")
    one.ingest([SEEDS, CORPUS / "ant" / "BBC"])
    two = Store(tmp_path / "two.db")
    two.ingest([SEEDS, CORPUS / "ant" / "BBC"], jobs=2)
    assert snapshot(one) == snapshot(two)


def test_two_jobs_write_beside_each_other_and_store_a_copy_once(tmp_path):
    # each worker writes its own files; an article in two files is stored once, whichever
    # worker gets to it first (the hash is checked inside the write transaction)
    texts = {f"{n}.txt": f"عنوان {n}\nقال المتحدث إن الاجتماع {n} انتهى.\n" for n in range(6)}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(texts["0.txt"], encoding="utf-8")
    report = Store(tmp_path / "p.db").ingest([tmp_path], jobs=2)
    assert (report.added, report.unchanged, report.attributions) == (6, 1, 6)
    assert Store(tmp_path / "p.db").db["articles"].count == 6
    # a database in memory is written by the process that holds it
    memory = Store(":memory:")
    assert memory.ingest([tmp_path], jobs=2).added == 6


_HOLD_THE_LOCK = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("COMMIT")
"""


def test_two_jobs_hold_back_what_they_cannot_write_yet_and_write_it_at_the_end(tmp_path):
    # a worker that finds the write lock taken goes on to its next file instead of waiting; what
    # it holds back is written once every file is extracted
    for n in range(8):
        (tmp_path / f"{n}.txt").write_text(f"عنوان {n}\nقال المتحدث إن الاجتماع {n} انتهى.\n", encoding="utf-8")
    db = tmp_path / "p.db"
    store = Store(db)
    # another process writing, for longer than the extraction takes (a process of its own: a
    # lock held by this one would be copied into the workers it forks)
    other = subprocess.Popen(
        [sys.executable, "-c", _HOLD_THE_LOCK, str(db), "2"], stdout=subprocess.PIPE, text=True
    )
    assert other.stdout.readline() == "locked\n"
    report = store.ingest([tmp_path], jobs=2)
    assert other.wait() == 0
    assert (report.added, report.attributions) == (8, 8)
    assert Store(db).db["articles"].count == 8


def test_two_versions_of_one_article_in_a_batch_keep_the_later(tmp_path):
    lines = [
        {"id": "a1", "title": "عنوان", "text": "قال المتحدث إن الاجتماع انتهى."},
        {"id": "a1", "title": "عنوان", "text": "قال المتحدث إن الاجتماع تأجل."},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    store = Store(tmp_path / "p.db")
    report = store.ingest([tmp_path / "a.jsonl"])
    assert (report.added, report.replaced) == (1, 1)
    assert [r[0] for r in store.db.execute("SELECT text FROM articles")] == [lines[1]["text"]]
    assert "تأجل" in store.db.execute("SELECT content FROM attributions").fetchone()[0]


def fail_inserts_into(table, monkeypatch):
    """Make the store's inserts into ``table`` fail («disk full»); returns what undoes it."""
    real_insert = Store._insert

    def failing(self, into, rows):
        if into == table:
            raise RuntimeError("disk full")
        return real_insert(self, into, rows)

    monkeypatch.setattr(Store, "_insert", failing)
    return lambda: monkeypatch.setattr(Store, "_insert", real_insert)


def test_a_batch_that_fails_forgets_the_sources_it_inserted(tmp_path, monkeypatch):
    store = Store(tmp_path / "p.db")
    restore = fail_inserts_into("attributions", monkeypatch)
    with pytest.raises(RuntimeError):
        store.ingest([SEEDS])
    restore()
    assert store.db["sources"].count == 0 and not store._source_ids  # rolled back, and forgotten
    store.ingest([SEEDS])
    assert store.db.execute("SELECT count(*) FROM attributions WHERE source_id NOT IN (SELECT id FROM sources)").fetchone()[0] == 0


@pytest.mark.parametrize(
    "query, written",
    [("رويترز", "رُويترز"), ("الاناضول", "الأناضول"), ("وفق", "وَفْق"), ("الجزيرة", "الجزيـــرة"), ("مدرسه", "مدرسة")],
)
def test_search_folds_arabic_spelling(tmp_path, query, written):
    (tmp_path / "a.txt").write_text(f"عنوان\nقال المتحدث: «نشرت {written} الخبر».\n", encoding="utf-8")
    store = Store(":memory:")
    store.ingest([tmp_path])
    assert [r["id"] for r in store.search(query)] == [1]
    assert [r["content"] for r in store.search(query, table="attributions")] == [f"نشرت {written} الخبر"]


def test_search_in_sql_through_normalize_ar(corpus_db):
    rows = corpus_db.db.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH normalize_ar(?)", ["رُويترز"]
    ).fetchone()[0]
    assert rows == corpus_db.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'رويترز'").fetchone()[0] > 0


def test_the_database_opens_without_our_functions(corpus_db, tmp_path):
    """Views use plain SQL: the sqlite3 module (or the sqlite3 shell) can read everything."""
    conn = sqlite3.connect(corpus_db.db.conn.execute("PRAGMA database_list").fetchone()[2])
    for view in ("chains", "outlet_sources", "anonymous_share", "wire_dependence"):
        assert conn.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_wire_dependence_counts_inherited_credits(corpus_db):
    kitabat = next(corpus_db.db.query("SELECT * FROM wire_dependence WHERE publisher_en = 'Kitabat'"))
    assert kitabat["reach_wire"] == kitabat["attributions"]  # «وكالات – كتابات»: all wire copy
    assert kitabat["wire_inherited"] > 0


README_SQL = re.search(r"## SQL on citation chains\n(.*?)\n## ", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL).group(1)


@pytest.mark.parametrize("query", re.findall(r"```sql\n(.*?)```", README_SQL, re.DOTALL))
def test_readme_sql_answers_on_the_corpus(corpus_db, query):
    rows = list(corpus_db.db.query(query))
    assert rows, query


def test_readme_has_the_six_questions():
    assert len(re.findall(r"```sql\n", README_SQL)) >= 6


def test_cli_ingest_reports_and_fails_on_bad_files(tmp_path):
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    db = tmp_path / "p.db"
    result = CliRunner().invoke(cli, ["ingest", str(SEEDS), str(tmp_path / "bad.json"), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert "bad.json" in result.stderr
    assert result.stdout.strip() == f"{db}: 5 added, 0 unchanged, 0 replaced, 1 failed; {Store(db).db['attributions'].count} attributions stored"
    again = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(db), "--jobs", "2"])
    assert again.exit_code == 0 and "0 added, 5 unchanged" in again.stdout


def test_rows_are_json_serialisable_for_other_stores():
    """``store.rows()`` is the whole write of one article: plain data, no library objects."""
    import provenance

    result = provenance.extract("ونقلت رويترز عن دبلوماسيين قولهم إن المهمة تجد قبولا.", outlet="HuffPost Iraqi")
    data = store_module.rows(result)
    json.dumps(data, ensure_ascii=False)
    assert [link["role"] for link in data["attributions"][0]["links"]] == ["publisher", "intermediary", "origin"]


def full_text_index_is_complete(store: Store) -> None:
    """FTS5's integrity check against the content tables: fails if an article or attribution is
    missing from its full-text index (or indexed with other text)."""
    for table in ("articles_fts", "attributions_fts"):
        store.db.execute(f"INSERT INTO {table}({table}, rank) VALUES('integrity-check', 1)")


def dump(store: Store, table: str) -> list[tuple]:
    """Every row of ``table`` with the SQLite type of every value."""
    columns = [c.name for c in store.db[table].columns]
    typed = ", ".join(f"[{c}], typeof([{c}])" for c in columns)
    return store.db.execute(f"SELECT {typed} FROM [{table}] ORDER BY rowid").fetchall()


def test_search_finds_every_article_and_attribution_an_ingest_wrote(tmp_path):
    store = Store(tmp_path / "p.db")
    store.ingest([SEEDS, CORPUS / "ant" / "BBC"], batch_size=4)
    full_text_index_is_complete(store)
    db = store.db
    words = re.compile(r"\w{4,}")
    checked = 0
    for table, column in (("articles", "text_norm"), ("attributions", "content_norm")):
        for rowid, text in db.execute(f"SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL"):
            word = max(words.findall(text), key=len, default=None)
            if word is None:
                continue
            found = {r[0] for r in db.execute(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?", [f'"{word}"'])}
            assert rowid in found, (table, rowid, word)
            checked += 1
    assert checked > 100


def test_a_batch_of_attributions_enters_the_full_text_index_at_once(tmp_path):
    """FTS5 starts an index segment at every statement of a transaction: the attributions of a batch
    are inserted by one statement, not one each (whose segments then cost more to merge than
    indexing the text did)."""
    store = Store(tmp_path / "p.db")
    for table in ("articles_fts", "attributions_fts"):  # no merging, to count what was written
        store.db.execute(f"INSERT INTO {table}({table}, rank) VALUES('automerge', 0)")
        store.db.execute(f"INSERT INTO {table}({table}, rank) VALUES('crisismerge', 100000)")
    store.db.conn.commit()
    store.ingest([SEEDS, CORPUS / "ant" / "BBC"])  # one batch
    attributions = store.db["attributions"].count
    segments = store.db.execute("SELECT count(DISTINCT segid) FROM attributions_fts_idx").fetchone()[0]
    assert attributions > 50 and segments == 1
    full_text_index_is_complete(store)


def test_the_staged_insert_stores_what_one_insert_per_row_stored(tmp_path, monkeypatch):
    staged = Store(tmp_path / "staged.db")
    staged.ingest([SEEDS, CORPUS / "ant" / "BBC"], batch_size=4)
    monkeypatch.setattr(store_module, "_STAGED", frozenset())  # executemany, as before
    plain = Store(tmp_path / "plain.db")
    plain.ingest([SEEDS, CORPUS / "ant" / "BBC"], batch_size=4)
    for table in ("articles", "sources", "attributions", "chain_links", "credits"):
        assert dump(staged, table) == dump(plain, table), table


def test_a_database_written_before_takes_new_articles_and_keeps_nothing_of_the_staging(tmp_path, monkeypatch):
    path = tmp_path / "p.db"
    monkeypatch.setattr(store_module, "_STAGED", frozenset())  # written as before
    Store(path).ingest([SEEDS])
    monkeypatch.undo()
    store = Store(path)
    report = store.ingest([SEEDS, CORPUS / "ant" / "BBC"], jobs=2)
    assert report.added > 0 and report.unchanged == 5
    full_text_index_is_complete(store)
    conn = sqlite3.connect(path)  # the staging tables lived in the writers' own temp schema
    assert not [n for (n,) in conn.execute("SELECT name FROM sqlite_master") if "staging" in n]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_batch_rolled_back_after_staging_leaves_the_next_one_working(tmp_path, monkeypatch):
    store = Store(tmp_path / "p.db")
    restore = fail_inserts_into("chain_links", monkeypatch)  # after the attributions went through the staging table
    with pytest.raises(RuntimeError):
        store.ingest([SEEDS])
    restore()
    assert store.db["attributions"].count == 0
    store.ingest([SEEDS])  # the staging table the failed transaction created went with it
    assert store.db["attributions"].count > 0
    full_text_index_is_complete(store)
