"""Publish a provenance database with Datasette: the site's configuration, ``serve`` and ``publish``.

The configuration lives in ``datasette/`` at the top of the repository (installed as
``provenance.site``): ``metadata.yml`` (descriptions, facets, canned queries), ``settings.json``
(limits), ``templates/``, ``static/provenance.css`` and ``plugins/`` (SQL functions and the
chain, source, article, reuse and search pages)::

    from provenance.publish import Site

    site = Site("provenance.db")          # built from corpus/ first if the file is missing
    datasette = site.datasette()          # a datasette.app.Datasette, e.g. for its test client
    site.serve(port=8001)                 # http://127.0.0.1:8001/

The database is always opened immutable (read-only, no write endpoints exist in Datasette 0.65),
queries have a time limit and a row cap, and ``sql=False`` turns off arbitrary SQL while the
canned queries stay.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import attrs
import yaml

DATABASE = "provenance"  # the database name metadata.yml describes


class PublishError(Exception):
    """The site cannot be set up (no database and nothing to build it from, a bad config file)."""


def site_dir() -> Path:
    """The Datasette configuration directory (``datasette/``, installed as ``provenance.site``)."""
    spec = importlib.util.find_spec("provenance.site")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "metadata.yml").exists():
            return Path(location)
    here = Path(__file__).resolve().parent.parent / "datasette"
    if (here / "metadata.yml").exists():
        return here
    raise PublishError("the site configuration (datasette/metadata.yml) is not installed")


def corpus_dir() -> Path | None:
    """The bundled demo corpus (``corpus/`` of a checkout), if there is one."""
    here = Path(__file__).resolve().parent.parent / "corpus"
    return here if here.is_dir() else None


def _load(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
        return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError) as e:
        raise PublishError(f"{path}: {e}") from None


@attrs.define
class Site:
    """A provenance database and the Datasette configuration that shows it.

    :param db_path: the SQLite file ``provenance ingest`` made.
    :param sql: allow arbitrary read-only SQL (canned queries are always allowed).
    :param corpus: what to build the database from when the file is missing (default ``corpus/``).
    :param overrides: Datasette settings that win over ``settings.json``.
    """

    db_path: Path = attrs.field(converter=Path)
    sql: bool = True
    corpus: Path | None = attrs.field(default=None, converter=attrs.converters.optional(Path))
    config: Path = attrs.field(factory=site_dir, converter=Path)
    overrides: dict[str, Any] = attrs.field(factory=dict)  # settings that win over settings.json

    @property
    def name(self) -> str:
        """The database's name in URLs (its file name without the extension)."""
        return self.db_path.stem

    def settings(self) -> dict[str, Any]:
        """``settings.json`` with ``default_allow_sql`` set from :attr:`sql`."""
        settings = _load(self.config / "settings.json")
        settings["default_allow_sql"] = self.sql
        return {**settings, **self.overrides}

    def metadata(self) -> dict[str, Any]:
        """``metadata.yml``, its ``provenance`` database entry applied to this database's name."""
        metadata = _load(self.config / "metadata.yml")
        databases = metadata.setdefault("databases", {})
        if DATABASE in databases and self.name != DATABASE:
            databases[self.name] = databases.pop(DATABASE)
        return metadata

    def build(self, progress: Callable[[str], None] | None = None) -> bool:
        """Build the database from the corpus if the file is missing; True when it was built."""
        if self.db_path.exists():
            self._refresh()
            return False
        corpus = self.corpus or corpus_dir()
        if corpus is None or not corpus.exists():
            raise PublishError(
                f"{self.db_path}: no such database, and no corpus to build it from "
                "(run `provenance ingest PATHS --db ...` first, or pass corpus=)"
            )
        from .store import Store

        partial = self.db_path.with_name(self.db_path.name + ".building")
        partial.unlink(missing_ok=True)
        if progress:
            progress(f"building {self.db_path} from {corpus} …")
        try:
            store = Store(partial)
            report = store.ingest([corpus])
            store.reuse()
            store.db.conn.execute("ANALYZE")
            store.db.close()
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.rename(self.db_path)
        if progress:
            progress(f"{report.added} articles, {report.attributions} attributions")
        return True

    def _refresh(self) -> None:
        """Bring an existing database's views and tables up to this version (``Store`` does it
        on opening); a database we may not write to is served as it is."""
        from .store import Store

        self.check()
        try:
            Store(self.db_path).db.close()
        except sqlite3.OperationalError:
            pass

    def check(self) -> None:
        """Raise :class:`PublishError` unless the file is a provenance database."""
        if not self.db_path.exists():
            raise PublishError(f"{self.db_path}: no such database")
        try:
            with closing(sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)) as conn:
                tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as e:
            raise PublishError(f"{self.db_path}: not a provenance database ({e})") from None
        missing = {"articles", "attributions", "chain_links", "sources"} - tables
        if missing:
            raise PublishError(f"{self.db_path}: not a provenance database (no {', '.join(sorted(missing))} table)")

    def datasette(self) -> Any:
        """A :class:`datasette.app.Datasette` serving the database immutable with this configuration."""
        from datasette.app import Datasette

        self.check()
        # everything is passed one by one, not as config_dir= (which would also serve, writable,
        # any other database file lying in the configuration directory)
        return Datasette(
            immutables=[str(self.db_path)],
            metadata=self.metadata(),
            settings=self.settings(),
            static_mounts=[("static", str(self.config / "static"))],
            template_dir=str(self.config / "templates"),
            plugins_dir=str(self.config / "plugins"),
        )

    def serve(self, host: str = "127.0.0.1", port: int = 8001, progress: Callable[[str], None] | None = None) -> None:
        """Build the database if it is missing, then serve it until interrupted."""
        import uvicorn
        from datasette.cli import run_sync

        self.build(progress)
        ds = self.datasette()
        run_sync(ds.invoke_startup)
        if progress:
            progress(f"serving {self.db_path} at http://{host}:{port}/ (Ctrl-C to stop)")
        uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)

    def publish(self, out: Path | str) -> Path:
        """Write a self-contained Datasette configuration directory to ``out``.

        It holds the database (as ``provenance.db``, immutable through ``inspect-data.json``),
        ``metadata.yml``, ``settings.json``, templates, static files and plugins: on a host with
        ``provenance`` installed, ``datasette serve OUT`` serves the same site.
        """
        from datasette.cli import inspect_, run_sync

        self.build()
        self.check()
        out = Path(out)
        if out.exists() and any(out.iterdir()):
            raise PublishError(f"{out}: exists and is not empty")
        out.mkdir(parents=True, exist_ok=True)
        for part in ("templates", "static", "plugins"):
            shutil.copytree(self.config / part, out / part, ignore=shutil.ignore_patterns("__pycache__"))
        db = out / f"{DATABASE}.db"
        shutil.copyfile(self.db_path, db)
        (out / "metadata.yml").write_text((self.config / "metadata.yml").read_text(encoding="utf-8"), encoding="utf-8")
        (out / "settings.json").write_text(json.dumps(self.settings(), indent=2) + "\n", encoding="utf-8")
        cwd = os.getcwd()
        try:
            os.chdir(out)  # inspect-data.json names the file relative to the directory
            data = run_sync(lambda: inspect_([db.name], []))
        finally:
            os.chdir(cwd)
        (out / "inspect-data.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        return out
