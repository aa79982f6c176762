"""Store: articles, attributions and citation chains in SQLite, through sqlite-utils.

    >>> from provenance import Store
    >>> store = Store(":memory:")
    >>> report = store.ingest(["corpus/seeds"])
    >>> report.added, report.failed
    (5, 0)

Tables (see ``schemas/store.md``): ``outlets`` (the gazetteer), ``sources`` (one row per
distinct source or outlet, deduplicated across articles), ``articles``, ``attributions``,
``chain_links`` (publisher → intermediaries → origin, one row per node) and ``credits``; views
``chains``, ``outlet_sources``, ``anonymous_share`` and ``wire_dependence``. Arabic full-text
search runs on normalised copies of the text (``*_norm`` columns), so «رويترز» finds «رُويترز».
"""

from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import attrs
import regex
import sqlite_utils

from .extract import Extractor, default_extractor
from .lexicon import schema_path
from .models import Article, Extraction, Mention, Publisher
from .normalise import normalise_text
from .readers import JsonFields, ReadError, expand_paths, read_path
from .resolve import Gazetteer, default_gazetteer
from .reuse import tables as reuse_tables
from .reuse.align import ReuseSettings
from .reuse.tables import ReuseReport

SCHEMA_VERSION = 1
_STAGED = frozenset({"attributions"})  # tables written through a staging table (Store._insert)



def normalize_ar(value: str | None) -> str | None:
    """The search form of Arabic text: no harakat or tatweel, أ إ آ → ا, ى → ي, ة → ه.

    Registered as the SQL function ``normalize_ar`` on every connection the store opens, so
    ``... match normalize_ar(:q)`` works in SQL too.
    """
    return None if value is None else normalise_text(value)


@attrs.frozen
class IngestReport:
    """What one ingest did. ``errors`` holds one line per file or record that failed."""

    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    attributions: int = 0
    errors: tuple[str, ...] = ()

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.unchanged} unchanged, {self.replaced} replaced, "
            f"{self.failed} failed; {self.attributions} attributions stored"
        )


class Store:
    """A provenance database. Creates its tables, views and search indexes when missing."""

    def __init__(self, path: str | os.PathLike[str] | sqlite_utils.Database = "provenance.db") -> None:
        if isinstance(path, sqlite_utils.Database):
            self._open(path)
        else:
            self._open(sqlite_utils.Database(":memory:" if str(path) == ":memory:" else path))
        self.create()

    def _open(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.db.register_function(normalize_ar, deterministic=True, replace=True)
        self.db.execute("PRAGMA foreign_keys = ON")
        self._source_ids: dict[str, int] = {}
        self._new_sources: list[str] = []  # sources inserted by the batch being written

    @classmethod
    def _beside(cls, path: str) -> Store:
        """Another connection to the existing store at ``path``, for a process that writes beside
        others: it waits for their transactions instead of failing."""
        store = cls.__new__(cls)
        store._open(sqlite_utils.Database(path))
        store.db.execute(f"PRAGMA busy_timeout = {_PATIENCE_MS}")
        return store

    def _file(self) -> str | None:
        """The file of this store, or ``None`` for a database in memory."""
        name = self.db.execute("PRAGMA database_list").fetchone()[2]
        return name or None

    # -- schema ------------------------------------------------------------------------------

    def create(self, gazetteer: Gazetteer | None = None) -> None:
        """Create what is missing: tables, indexes, views, full-text search, the outlet list."""
        db = self.db
        with db.atomic():
            if "outlets" not in db.table_names():
                db["outlets"].create(
                    {"id": str, "name": str, "name_ar": str, "kind": str, "country": str, "aliases": str, "domains": str},
                    pk="id",
                )
            if "sources" not in db.table_names():
                db["sources"].create(
                    {"id": int, "key": str, "name": str, "name_en": str, "kind": str, "anonymous_type": str, "outlet_id": str},
                    pk="id",
                    foreign_keys=[("outlet_id", "outlets", "id")],
                    not_null={"key", "kind"},
                )
                db["sources"].create_index(["key"], unique=True)
                db["sources"].create_index(["kind"])
            if "articles" not in db.table_names():
                db["articles"].create(
                    {
                        "id": int, "key": str, "hash": str, "path": str, "format": str, "doc_id": str,
                        "title": str, "url": str, "date": str, "author": str, "outlet": str,
                        "publisher_id": int, "publisher_text": str, "publisher_evidence": str,
                        "text": str, "title_norm": str, "text_norm": str,
                    },
                    pk="id",
                    foreign_keys=[("publisher_id", "sources", "id")],
                    not_null={"key", "hash", "text"},
                )
                db["articles"].create_index(["key"], unique=True)
                db["articles"].create_index(["hash"])
                db["articles"].create_index(["publisher_id"])
            if "attributions" not in db.table_names():
                db["attributions"].create(
                    {
                        "id": int, "article_id": int, "seq": int,
                        "cue": str, "cue_lemma": str, "cue_type": str, "cue_start": int, "cue_end": int,
                        "source_id": int, "source_text": str, "source_start": int, "source_end": int,
                        "source_kind": str, "anonymous_type": str, "person": str, "role": str,
                        "content": str, "content_start": int, "content_end": int, "direct": int,
                        "channel": str, "continues": int, "hops": int, "path": str,
                        "sentence": str, "sentence_start": int, "sentence_end": int, "content_norm": str,
                    },
                    pk="id",
                    foreign_keys=[("article_id", "articles", "id"), ("source_id", "sources", "id")],
                )
                db["attributions"].create_index(["article_id", "seq"], unique=True)
                db["attributions"].create_index(["source_id"])
            if "chain_links" not in db.table_names():
                db["chain_links"].create(
                    {
                        "attribution_id": int, "position": int, "role": str, "source_id": int, "text": str,
                        "start": int, "end": int, "field": str, "inherited": int,
                    },
                    pk=("attribution_id", "position"),
                    foreign_keys=[("attribution_id", "attributions", "id"), ("source_id", "sources", "id")],
                )
                db["chain_links"].create_index(["source_id", "role"])
            if "credits" not in db.table_names():
                db["credits"].create(
                    {"id": int, "article_id": int, "source_id": int, "text": str, "start": int, "end": int, "field": str},
                    pk="id",
                    foreign_keys=[("article_id", "articles", "id"), ("source_id", "sources", "id")],
                )
                db["credits"].create_index(["article_id"])
                db["credits"].create_index(["source_id"])
            if "articles_fts" not in db.table_names():
                db["articles"].enable_fts(["title_norm", "text_norm"], create_triggers=True)
            if "attributions_fts" not in db.table_names():
                db["attributions"].enable_fts(["content_norm"], create_triggers=True)
            reuse_tables.create(db)
            db.execute("CREATE TABLE IF NOT EXISTS provenance_meta (key TEXT PRIMARY KEY, value TEXT)")
            db.execute("INSERT OR REPLACE INTO provenance_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            for name, sql in _views():
                db.create_view(name, sql, replace=True)
            if not db["outlets"].count:
                gz = gazetteer or default_gazetteer()
                db["outlets"].insert_all(
                    {
                        "id": o.id, "name": o.name, "name_ar": o.name_ar, "kind": o.kind, "country": o.country,
                        "aliases": json.dumps(list(o.aliases), ensure_ascii=False), "domains": json.dumps(list(o.domains)),
                    }
                    for o in gz.outlets
                )

    # -- ingest ------------------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        fields: JsonFields | None = None,
        jobs: int = 1,
        batch_size: int = 200,
        progress: Callable[[int, int], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> IngestReport:
        """Read, extract and store every article in ``paths`` (files, folders, globs).

        An article already stored with the same content hash is left alone; one stored under the
        same key (its URL, else its id) with other content is replaced, its own rows only. Each
        batch of ``batch_size`` articles is one transaction. ``jobs`` > 1 extracts and writes in
        that many processes (each takes the write lock for one batch at a time; a database in memory
        is written by this process). ``progress(done, total)`` is called after each file (counting files);
        ``on_error(line)`` with each failure as it happens.
        """
        report = _Tally()
        try:
            files = [str(p) for p in expand_paths(paths)]
        except ReadError as e:
            report.error(str(e), on_error)
            return report.freeze()
        known = {r[0] for r in self.db.execute("SELECT hash FROM articles")}
        where = self._file()
        if jobs > 1 and len(files) > 1 and where is not None:
            # each worker extracts a file and writes it itself, one transaction at a time: no
            # single process does all the writing, and no result crosses a pipe. A worker that
            # finds the write lock taken goes on to its next file and writes later, so neither
            # waits for the other; at the end each writes what it still holds (see _finish_writer)
            workers = min(jobs, len(files))
            finish = multiprocessing.get_context().Barrier(workers, timeout=_PATIENCE_MS / 1000)
            with ProcessPoolExecutor(workers, initializer=_init_writer,
                                     initargs=(fields, known, where, batch_size, finish)) as pool:
                for n, done in enumerate(pool.map(_ingest_file, files, chunksize=1), 1):
                    for line in done["errors"]:
                        report.error(line, on_error)
                    report.add(done["counts"])
                    if progress:
                        progress(n, len(files))
                for done in pool.map(_finish_writer, range(workers)):
                    report.add(done["counts"])
            return report.freeze()
        batch: list[dict[str, Any]] = []
        for n, result in enumerate(_process(files, fields, known, jobs), 1):
            for line in result["errors"]:
                report.error(line, on_error)
            batch += _unseen(result["articles"], known, report)
            if len(batch) >= batch_size:
                self._write(batch, report)
                batch = []
            if progress:
                progress(n, len(files))
        if batch:
            self._write(batch, report)
        return report.freeze()

    def _write_beside(self, batch: list[dict[str, Any]], report: _Tally, wait: bool = True) -> bool:
        """:meth:`_write` in a transaction that holds the write lock from its start, so that the
        ids and keys it reads stay true while it writes (other processes wait for it). With
        ``wait=False``, only if no other process holds the lock now: whether it wrote."""
        if wait:
            self.db.execute("BEGIN IMMEDIATE")
        else:
            self.db.execute("PRAGMA busy_timeout = 0")
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as e:
                if e.sqlite_errorcode == sqlite3.SQLITE_BUSY:
                    return False
                raise
            finally:
                self.db.execute(f"PRAGMA busy_timeout = {_PATIENCE_MS}")
        try:
            self._write(batch, report)
            self.db.conn.commit()
        except BaseException:
            self.db.conn.rollback()  # a failed COMMIT too: the lock is never kept
            raise
        return True

    def _write(self, batch: list[dict[str, Any]], report: _Tally) -> None:
        new_sources = self._new_sources = []
        try:
            self._write_rows(batch, report)
        except BaseException:
            for key in new_sources:  # their rows were rolled back: another process may reuse the ids
                self._source_ids.pop(key, None)
            raise

    def _write_rows(self, batch: list[dict[str, Any]], report: _Tally) -> None:
        db = self.db
        with db.atomic():
            # an article another process stored since this run began is left alone too
            hashes = [item["article"]["hash"] for item in batch]
            stored_hashes = {r[0] for r in db.execute(
                "SELECT hash FROM articles WHERE hash IN (SELECT value FROM json_each(?))", [json.dumps(hashes)]
            )}
            if stored_hashes:
                report.unchanged += sum(h in stored_hashes for h in hashes)
                batch = [item for item in batch if item["article"]["hash"] not in stored_hashes]
            # two versions of one article in a batch: the later replaces the earlier
            last = {item["article"]["key"]: n for n, item in enumerate(batch)}
            if len(last) < len(batch):
                report.replaced += len(batch) - len(last)
                batch = [item for n, item in enumerate(batch) if last[item["article"]["key"]] == n]
            # one query for the batch's keys, ids handed out here
            stored = dict(db.execute(
                "SELECT key, id FROM articles WHERE key IN (SELECT value FROM json_each(?))",
                [json.dumps([item["article"]["key"] for item in batch])],
            ).fetchall())
            next_article = (db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
            next_id = (db.execute("SELECT max(id) FROM attributions").fetchone()[0] or 0) + 1
            articles: list[dict[str, Any]] = []
            attributions: list[dict[str, Any]] = []
            links: list[dict[str, Any]] = []
            credits: list[dict[str, Any]] = []
            for item in batch:
                art = item["article"]
                row = {**art, "publisher_id": self._source_id(item["publisher"]) if item["publisher"] else None}
                article_id = stored.get(art["key"])
                if article_id is not None:
                    self._delete_rows(article_id)
                    db["articles"].update(article_id, row)
                    report.replaced += 1
                else:
                    article_id = stored[art["key"]] = next_article
                    next_article += 1
                    articles.append({"id": article_id, **row})
                    report.added += 1
                for c in item["credits"]:
                    credits.append({**_without(c, "source"), "article_id": article_id, "source_id": self._source_id(c["source"])})
                for a in item["attributions"]:
                    source = a["source"]
                    attributions.append({
                        **_without(a, "source", "links"), "id": next_id, "article_id": article_id,
                        "source_id": self._source_id(source) if source else None,
                    })
                    links += [
                        {**_without(link, "source"), "attribution_id": next_id, "source_id": self._source_id(link["source"])}
                        for link in a["links"]
                    ]
                    next_id += 1
            self._insert("articles", articles)
            self._insert("attributions", attributions)
            self._insert("chain_links", links)
            self._insert("credits", credits)
            report.attributions += len(attributions)

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> int | None:
        """Insert rows with one prepared statement (sqlite-utils' insert_all re-reads the schema
        and converts every value on each call: a quarter of ingest time); the last row's id.
        Every value the store writes is a string, a number or None.

        Attributions go in with one statement, from a staging table: FTS5 starts a new index
        segment at every statement of a transaction (a statement savepoint flushes what the
        triggers gave it), so one statement per row made a segment per attribution, about a
        thousand per batch, and merging them cost more than indexing their text (on 8,000
        articles, 3.3 s against 2.2 s for the table with its index). Articles are long and few:
        for them a segment each costs less than copying their text once more."""
        if not rows:
            return None
        columns = list(dict.fromkeys(itertools.chain.from_iterable(rows)))
        names = ", ".join(f"[{c}]" for c in columns)
        values = f"VALUES ({', '.join('?' * len(columns))})"
        conn = self.db.conn
        if len(rows) == 1:
            return conn.execute(f"INSERT INTO [{table}] ({names}) {values}", [rows[0].get(c) for c in columns]).lastrowid
        params = [tuple(map(row.get, columns)) for row in rows]
        if table not in _STAGED:
            conn.executemany(f"INSERT INTO [{table}] ({names}) {values}", params)
            return None
        staging = self._staging(table, columns)
        conn.execute(f"DELETE FROM {staging}")
        conn.executemany(f"INSERT INTO {staging} {values}", params)
        conn.execute(f"INSERT INTO [{table}] ({names}) SELECT * FROM {staging}")
        conn.execute(f"DELETE FROM {staging}")
        return None

    def _staging(self, table: str, columns: list[str]) -> str:
        """A table of this connection's ``temp`` schema, with these columns and no types (so
        values reach ``table`` as they were bound), where :meth:`_insert` gathers rows. Created
        when missing (a rolled-back transaction takes the one it created with it); other
        connections never see it."""
        tag = hashlib.sha1("\0".join(columns).encode()).hexdigest()[:12]
        name = f"temp.[_staging_{table}_{tag}]"
        self.db.conn.execute(f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(f'[{c}]' for c in columns)})")
        return name

    def _delete_rows(self, article_id: int) -> None:
        db = self.db
        db.execute(
            "DELETE FROM chain_links WHERE attribution_id IN (SELECT id FROM attributions WHERE article_id = ?)",
            [article_id],
        )
        db.execute("DELETE FROM attributions WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM credits WHERE article_id = ?", [article_id])
        reuse_tables.forget(db, article_id)

    def _source_id(self, node: dict[str, Any]) -> int:
        key = node["key"]
        sid = self._source_ids.get(key)
        if sid is None:
            row = self.db.execute("SELECT id FROM sources WHERE key = ?", [key]).fetchone()
            if row:
                sid = row[0]
            else:
                sid = self._insert("sources", [node])
                self._new_sources.append(key)
            self._source_ids[key] = sid
        return sid

    # -- reuse -------------------------------------------------------------------------------

    def reuse(
        self,
        settings: ReuseSettings | None = None,
        *,
        jobs: int = 1,
        rebuild: bool = False,
        progress: Callable[[str], None] | None = None,
    ) -> ReuseReport:
        """Find the passages stored articles share; store pairs, passages and clusters.

        Incremental: only articles added or changed since the last run are tokenised and
        compared (with the index of the others and with each other). ``rebuild`` starts again
        from nothing, as does a change of ``settings``. ``progress(message)`` is told each step.
        """
        return reuse_tables.update(self, settings, jobs=jobs, rebuild=rebuild, progress=progress)

    # -- reading -----------------------------------------------------------------------------

    def search(self, query: str, table: str = "articles", limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search that folds Arabic spelling: ``store.search("الاناضول")`` finds «الأناضول».

        ``table`` is ``"articles"`` (title and text) or ``"attributions"`` (what was said).
        """
        if table not in {"articles", "attributions"}:
            raise ValueError("table must be 'articles' or 'attributions'")
        columns = ["id", "title", "url"] if table == "articles" else ["id", "article_id", "cue", "source_text", "content"]
        return list(self.db[table].search(normalize_ar(query) or "", columns=columns, limit=limit, quote=True))

    def chains(self, **where: Any) -> list[dict[str, Any]]:
        """Rows of the ``chains`` view, e.g. ``store.chains(article_id=1)``."""
        sql = "SELECT * FROM chains"
        if where:
            sql += " WHERE " + " AND ".join(f"[{k}] = :{k}" for k in where)
        return list(self.db.query(sql + " ORDER BY attribution_id", where))


def _without(d: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in keys}


class _Tally:
    def __init__(self) -> None:
        self.added = self.unchanged = self.replaced = self.failed = self.attributions = 0
        self.errors: list[str] = []

    def error(self, line: str, on_error: Callable[[str], None] | None) -> None:
        self.failed += 1
        self.errors.append(line)
        if on_error:
            on_error(line)

    def counts(self) -> tuple[int, int, int, int]:
        """What a worker reports back: added, unchanged, replaced, attributions."""
        return self.added, self.unchanged, self.replaced, self.attributions

    def add(self, counts: tuple[int, int, int, int]) -> None:
        added, unchanged, replaced, attributions = counts
        self.added += added
        self.unchanged += unchanged
        self.replaced += replaced
        self.attributions += attributions

    def freeze(self) -> IngestReport:
        return IngestReport(self.added, self.unchanged, self.replaced, self.failed, self.attributions, tuple(self.errors))


def _views() -> list[tuple[str, str]]:
    """``(name, select)`` pairs from ``schemas/views.sql`` (each view after a ``-- view: name`` line)."""
    text = schema_path("views.sql").read_text(encoding="utf-8")
    out = []
    for part in regex.split(r"^-- view: ", text, flags=regex.M)[1:]:
        name, _, sql = part.partition("\n")
        out.append((name.strip(), sql.strip().rstrip(";")))
    return out


# -- the work of one file, in a worker process ---------------------------------------------------

_worker: dict[str, Any] = {}


def _init_worker(fields: JsonFields | None, known: set[str]) -> None:
    _worker["fields"] = fields
    _worker["known"] = known
    _worker["extractor"] = default_extractor()


def _init_pool_worker(fields: JsonFields | None, known: set[str]) -> None:
    # the process that writes SQLite is the one part --jobs cannot share: extraction workers
    # yield the CPU to it, so that it keeps up instead of finishing alone after them
    os.nice(5)
    _init_worker(fields, known)


_PATIENCE_MS = 600_000  # how long a writing process waits for another's transaction
_MAX_PENDING = 8  # batches a worker may hold back while the write lock is taken


def _init_writer(fields: JsonFields | None, known: set[str], path: str, batch_size: int, finish: Any) -> None:
    _init_worker(fields, known)
    _worker["store"] = Store._beside(path)
    _worker["batch_size"] = batch_size
    _worker["pending"] = []  # batches extracted but not yet written
    _worker["finish"] = finish


def _ingest_file(path: str) -> dict[str, Any]:
    """Extract the articles of one file and store them (in a worker of :meth:`Store.ingest`):
    now if the write lock is free, else later (it waits only when it holds many batches)."""
    result = _process_file(path)
    tally = _Tally()
    fresh = _unseen(result["articles"], _worker["known"], tally)
    pending: list[list[dict[str, Any]]] = _worker["pending"]
    size = _worker["batch_size"]
    pending += [fresh[k : k + size] for k in range(0, len(fresh), size)]
    _write_pending(tally, wait=len(pending) > _MAX_PENDING)
    return {"errors": result["errors"], "counts": tally.counts()}


def _finish_writer(_: int) -> dict[str, Any]:
    """Write what this worker still holds. One such task per worker: each waits at the barrier
    until every worker has taken one, so no worker takes two and none is left out."""
    _worker["finish"].wait()
    tally = _Tally()
    _write_pending(tally, wait=True)
    return {"errors": [], "counts": tally.counts()}


def _write_pending(tally: _Tally, wait: bool) -> None:
    pending: list[list[dict[str, Any]]] = _worker["pending"]
    store: Store = _worker["store"]
    while pending and store._write_beside(pending[0], tally, wait=wait):
        pending.pop(0)


def _unseen(items: list[dict[str, Any]], known: set[str], report: _Tally) -> list[dict[str, Any]]:
    """The items whose content hash is not in ``known`` (stored before this run, or met earlier
    in it by this process), adding theirs; the others count as unchanged. Another process's
    articles are found by :meth:`Store._write` inside its transaction."""
    fresh = []
    for item in items:
        h = item["article"]["hash"]
        if h in known:
            report.unchanged += 1
        else:
            known.add(h)
            fresh.append(item)
    return fresh


def _process(files: list[str], fields: JsonFields | None, known: set[str], jobs: int) -> Iterator[dict[str, Any]]:
    if jobs <= 1 or len(files) < 2:
        _init_worker(fields, known)
        yield from map(_process_file, files)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_pool_worker, initargs=(fields, known)) as pool:
        # one file (a few hundred articles at most) per task keeps both workers busy to the end
        yield from pool.map(_process_file, files, chunksize=1)


def _process_file(path: str) -> dict[str, Any]:
    errors: list[ReadError] = []
    try:
        articles = read_path(path, fields=_worker["fields"], errors=errors)
    except ReadError as e:
        return {"errors": [str(e)], "articles": []}
    out = []
    problems = [str(e) for e in errors]
    extractor: Extractor = _worker["extractor"]
    for article in articles:
        row = article_row(article)
        if row["hash"] in _worker["known"]:
            out.append({"article": row})
            continue
        try:
            out.append(rows(extractor.extract_article(article), row))
        except Exception as e:  # a bug of ours must not lose the rest of the batch  # noqa: BLE001
            where = f"{path} (article {article.id})" if len(articles) > 1 else path
            problems.append(f"{where}: extraction failed ({type(e).__name__}: {e})")
    return {"errors": problems, "articles": out}


def article_key(article: Article) -> str:
    """What identifies an article across ingests: its id (a TREC DOCNO, a JSON record's id, else
    the file name) and its URL when it has one. A new version of the same file or record has the
    same key and replaces the old one; two files that share a URL but not an id stay two articles."""
    return f"{article.url} {article.id}" if article.url else article.id


def article_row(article: Article) -> dict[str, Any]:
    """The ``articles`` row of one article (without its publisher)."""
    meta = [article.text, article.title, article.url, article.date, article.outlet, article.author]
    digest = hashlib.sha256(json.dumps(meta, ensure_ascii=False).encode("utf-8")).hexdigest()
    return {
        "key": article_key(article),
        "hash": digest,
        "path": article.path,
        "format": article.format,
        "doc_id": article.id,
        "title": article.title,
        "url": article.url,
        "date": article.date,
        "author": article.author,
        "outlet": article.outlet,
        "text": article.text,
        "title_norm": normalize_ar(article.title),
        "text_norm": normalize_ar(article.text),
    }


def rows(result: Extraction, article: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the store writes for one extraction, with sources as ``source_node`` dicts."""
    article = dict(article or article_row(result.article))
    pub = result.publisher
    article["publisher_text"] = pub.text if pub else None
    article["publisher_evidence"] = pub.evidence if pub else None
    attributions = []
    for seq, (a, chain) in enumerate(zip(result.attributions, result.chains)):
        links = []
        if pub is not None:
            links.append({"position": 0, "role": "publisher", "source": publisher_node(pub), "text": pub.text,
                          "start": None, "end": None, "field": None, "inherited": 0})
        for n, v in enumerate(a.via, 1):
            links.append({"position": n, "role": "intermediary", "source": source_node(v), "text": v.text,
                          "start": v.start, "end": v.end, "field": v.field, "inherited": int(v.inherited)})
        origin = source_node(a.source) if a.source.text or a.source.refers_to else None
        if origin is not None:
            links.append({"position": len(a.via) + 1, "role": "origin", "source": origin, "text": a.source.text,
                          "start": a.source.start, "end": a.source.end, "field": "text", "inherited": 0})
        content = a.content
        attributions.append({
            "seq": seq,
            "cue": a.cue.text, "cue_lemma": a.cue.lemma, "cue_type": a.cue.type,
            "cue_start": a.cue.start, "cue_end": a.cue.end,
            "source": origin,
            "source_text": a.source.text or None,
            "source_start": a.source.start if a.source.text else None,
            "source_end": a.source.end if a.source.text else None,
            "source_kind": a.source.kind, "anonymous_type": a.source.anonymous_type,
            "person": a.source.person.text if a.source.person else None,
            "role": a.source.role.text if a.source.role else None,
            "content": content.text if content else None,
            "content_start": content.start if content else None,
            "content_end": content.end if content else None,
            "direct": int(content.direct) if content else None,
            "channel": a.channel.text if a.channel else None,
            "continues": a.continues,
            "hops": len(a.via),
            "path": chain.render(),
            "sentence": a.sentence.text if a.sentence else None,
            "sentence_start": a.sentence.start if a.sentence else None,
            "sentence_end": a.sentence.end if a.sentence else None,
            "content_norm": normalize_ar(content.text) if content else None,
            "links": links,
        })
    credits = [
        {"text": c.text, "start": c.start, "end": c.end, "field": c.field,
         "source": _node(c.name, c.name_ar or c.text, c.kind, None)}
        for c in result.credits
    ]
    return {"article": article, "publisher": publisher_node(pub) if pub else None,
            "attributions": attributions, "credits": credits}


_KEY_TEXT = regex.compile(r"[^\p{L}\p{N}]+")


def _node(name_en: str | None, label: str, kind: str, anonymous_type: str | None) -> dict[str, Any]:
    gz = default_gazetteer()
    outlet = gz.by_name.get(name_en) if name_en else None
    if outlet is not None:
        key = f"outlet:{outlet.id}"
    else:
        words = _KEY_TEXT.sub(" ", normalize_ar(label) or "").split()
        if words and words[0].startswith("لل"):
            words[0] = words[0][1:]  # «للوكالة» → «الوكالة»
        key = f"{kind}:{' '.join(words)}"
    return {
        "key": key,
        "name": outlet.name_ar if outlet else label,
        "name_en": outlet.name if outlet else None,
        "kind": outlet.contract_kind if outlet else kind,
        "anonymous_type": anonymous_type,
        "outlet_id": outlet.id if outlet else None,
    }


def source_node(m: Mention) -> dict[str, Any]:
    """The canonical ``sources`` row of a mention: an outlet by its gazetteer id, anyone else by
    kind and normalised name, so «رويترز», «وكالة رويترز» and «(رويترز)» are one row."""
    label = m.person.text if m.person else m.label
    return _node(m.name, label, m.kind, m.anonymous_type)


def publisher_node(p: Publisher) -> dict[str, Any]:
    return _node(p.name, p.label, p.kind, None)
