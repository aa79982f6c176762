"""The ``provenance`` command: a thin layer over the library, one library call per command."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import click

from . import __version__
from .evaluate import GoldError, evaluate as evaluate_gold
from .extract import default_extractor
from .lexicon import LexiconError
from .models import Extraction
from .publish import PublishError, Site
from .readers import JsonFields, ReadError, read_paths
from .store import Store


_field_option = click.option(
    "--field", "fields", multiple=True, metavar="FIELD=KEY",
    help="JSON input: which key holds a field (body, title, outlet, url, date, author, id), e.g. --field body=content.",
)


@click.group()
@click.version_option(__version__, prog_name="provenance")
def cli() -> None:
    """Track where Arabic news comes from: attributions, citation chains, wire-copy reuse."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text", show_default=True,
    help="text: readable; json: one JSON array; jsonl: one JSON object per article per line.",
)
@_field_option
def extract(paths: tuple[str, ...], fmt: str, fields: tuple[str, ...]) -> None:
    """Find the attributions in articles (files, folders or globs).

    Reads .txt/.md (optionally with YAML front matter), TREC <DOC> files and JSON/JSON Lines
    records. A file that cannot be read is reported on stderr; the others go on, and the exit
    code is 1.
    """
    json_fields = _json_fields(fields)
    extractor = _extractor()
    failed = 0
    first = True
    if fmt == "json":
        click.echo("[", nl=False)
    for item in read_paths(paths, fields=json_fields):
        if isinstance(item, ReadError):
            failed += 1
            click.echo(f"error: {item}", err=True)
            continue
        result = extractor.extract_article(item)
        if fmt == "jsonl":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        elif fmt == "json":
            click.echo(("" if first else ",") + "\n" + json.dumps(result.to_dict(), ensure_ascii=False, indent=2), nl=False)
        else:
            click.echo(render(result))
        first = False
    if fmt == "json":
        click.echo("\n]")
    if failed:
        click.echo(f"{failed} file(s) could not be read", err=True)
        sys.exit(1)


def render(result: Extraction) -> str:
    """A readable summary of one article's attributions."""
    a = result.article
    pub = result.publisher
    lines = [f"{a.path or a.id}  [{a.format}]" + (f"  publisher: {pub.name or pub.text} ({pub.evidence})" if pub else "")]
    if result.credits:
        lines.append("  credits: " + ", ".join(c.name or c.text for c in result.credits))
    if a.title:
        lines.append(f"  {a.title}")
    for n, (at, chain) in enumerate(zip(result.attributions, result.chains), 1):
        kind = at.source.kind + (f"/{at.source.anonymous_type}" if at.source.anonymous_type else "")
        lines.append(f"  {n:>3}. [{at.cue.lemma}] {at.cue.text}: {chain} ({kind})")
        if at.content:
            content = at.content.text if len(at.content.text) <= 90 else at.content.text[:87] + "…"
            q = "«»" if at.content.direct else "  "
            lines.append(f"       {q[0]}{content}{q[1]}")
    if not result.attributions:
        lines.append("  (no attributions)")
    return "\n".join(lines)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default="provenance.db", show_default=True, help="The SQLite database to write.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Extract in this many processes.")
@_field_option
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True, help="Articles per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], db_path: str, jobs: int, fields: tuple[str, ...], batch_size: int, quiet: bool) -> None:
    """Store the articles in PATHS (files, folders or globs) with their attributions and chains.

    Re-running is safe: an article already stored with the same content is left alone, one whose
    content changed replaces its own rows. Files that cannot be read are reported on stderr; the
    others go on, and the exit code is 1.
    """
    json_fields = _json_fields(fields)
    _extractor()  # a broken lexicon fails here, before anything is written
    store = Store(db_path)
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if quiet:
            return
        if bar is None:
            bar = click.progressbar(length=total, label="Ingesting", file=sys.stderr)
            bar.__enter__()
        bar.update(1)

    def on_error(line: str) -> None:
        click.echo(("\n" if bar is not None else "") + f"error: {line}", err=True)

    try:
        report = store.ingest(paths, fields=json_fields, jobs=jobs, batch_size=batch_size, progress=progress, on_error=on_error)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    click.echo(f"{db_path}: {report.summary()}")
    if report.failed:
        sys.exit(1)


@cli.command()
@click.option("--db", "db_path", default="provenance.db", show_default=True, help="The database (made by ingest).")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1), help="Processes to tokenise in.")
@click.option("--rebuild", is_flag=True, help="Forget the index and compare every article again.")
@click.option("--quiet", "-q", is_flag=True, help="No progress messages.")
def reuse(db_path: str, jobs: int, rebuild: bool, quiet: bool) -> None:
    """Find the passages stored articles share: pairs, passages, clusters, credited or not.

    Incremental: only articles ingested or changed since the last run are compared (with the
    index of all the others); the results land in the reuse_pairs, passages and reuse_clusters
    tables and the wire_reuse and article_reuse views.
    """
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database; run `provenance ingest PATH --db {db_path}` first")
    try:
        store = Store(db_path)
    except sqlite3.DatabaseError as e:
        raise click.ClickException(f"{db_path}: not a provenance database ({e})") from None
    report = store.reuse(jobs=jobs, rebuild=rebuild, progress=None if quiet else lambda m: click.echo(m + " …", err=True))
    click.echo(f"{db_path}: {report.summary()} ({report.seconds:.1f} s)")


_sql_option = click.option(
    "--sql/--no-sql", default=True, show_default=True,
    help="Allow arbitrary read-only SQL; --no-sql leaves only tables, views and canned queries.",
)


@cli.command()
@click.option("--db", "db_path", default="provenance.db", show_default=True,
              help="The database; built from corpus/ when the file is missing.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 for every interface).")
@click.option("--port", "-p", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Build a missing database from this folder instead of corpus/.")
@_sql_option
def serve(db_path: str, host: str, port: int, corpus: Path | None, sql: bool) -> None:
    """Serve the database with Datasette: tables, canned queries, chain, source, article and reuse pages.

    The database is opened immutable, with a SQL time limit and a row cap (datasette/settings.json).
    """
    try:
        Site(db_path, sql=sql, corpus=corpus).serve(host=host, port=port, progress=lambda m: click.echo(m, err=True))
    except (PublishError, sqlite3.DatabaseError) as e:
        raise click.ClickException(str(e)) from None


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--db", "db_path", default="provenance.db", show_default=True,
              help="The database; built from corpus/ when the file is missing.")
@_sql_option
def publish(out: Path, db_path: str, sql: bool) -> None:
    """Write a Datasette configuration directory OUT to host the site.

    OUT holds the database (immutable), metadata, settings, templates, static files and plugins;
    on a host with provenance installed, `datasette serve OUT --host 0.0.0.0` serves the site.
    """
    try:
        Site(db_path, sql=sql).publish(out)
    except (PublishError, sqlite3.DatabaseError) as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"{out}: ready; serve it with `datasette serve {out}`")


@cli.command()
@click.argument("gold", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", is_flag=True, help="List every miss, spurious hit and wrong source.")
def evaluate(gold: tuple[str, ...], as_json: bool, errors: bool) -> None:
    """Score extraction against gold YAML files or folders (see tests/gold/README.md)."""
    try:
        score = evaluate_gold(list(gold), _extractor())
    except GoldError as e:
        raise click.ClickException(str(e)) from None
    if errors:
        for e in score.errors:
            click.echo(json.dumps(e, ensure_ascii=False))
    if as_json:
        click.echo(json.dumps(score.to_dict(), indent=2))
        return
    click.echo(f"gold attributions   {score.gold}")
    click.echo(f"predicted           {score.predicted}")
    click.echo(f"matched             {score.matched}")
    click.echo(f"detection precision {score.precision:.3f}")
    click.echo(f"detection recall    {score.recall:.3f}")
    click.echo(f"detection F1        {score.f1:.3f}")
    click.echo(f"source accuracy     {score.source_accuracy:.3f}")
    click.echo(f"kind accuracy       {score.kind_accuracy:.3f}")
    click.echo(f"chain accuracy      {score.chain_accuracy:.3f}")
    click.echo(f"chain F1            {score.chain_f1:.3f}")
    click.echo(f"publisher accuracy  {score.publisher_accuracy:.3f}  ({score.publisher_ok}/{score.articles} articles)")


def _json_fields(fields: tuple[str, ...]) -> JsonFields:
    try:
        return JsonFields.parse(fields)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--field") from None


def _extractor():  # type: ignore[no-untyped-def]
    try:
        return default_extractor()
    except LexiconError as e:
        raise click.ClickException(str(e)) from None
