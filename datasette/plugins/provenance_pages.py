"""The provenance site's own pages: chain, source, article, reuse pair and search.

Each page reads its data with :mod:`provenance.pages` (plain dicts, no HTML) and draws it with a
template in ``templates/provenance/``; add ``.json`` to a page's URL for the same data as JSON.
Cells of views and canned queries named ``attribution_id``, ``article_id``, ``source_id`` or
``pair_id`` link to these pages.
"""

import json
import sqlite3

import attrs
import markupsafe
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import NotFound, Response

from datasette import hookimpl
from provenance import pages

PAGES = {
    "chain": (pages.chain, "provenance/chain.html"),
    "source": (pages.source, "provenance/source.html"),
    "article": (pages.article, "provenance/article.html"),
    "reuse": (pages.pair, "provenance/reuse.html"),
}
LINKED_COLUMNS = {"attribution_id": "chain", "article_id": "article", "source_id": "source", "pair_id": "reuse"}
TITLE_LINKS = {("articles", "title"): "article", ("sources", "name"): "source", ("attributions", "path"): "chain"}
# tables whose id columns are foreign keys: Datasette already links those to the row pages
TABLES_WITH_FOREIGN_KEYS = {"attributions", "chain_links", "credits", "passages", "reuse_pairs",
                            "reuse_clusters", "reuse_index", "articles", "sources"}
MAX_ID = 2**63 - 1  # SQLite's largest integer


def _json(data):
    def default(value):
        if attrs.has(type(value)):
            return attrs.asdict(value)
        raise TypeError(type(value).__name__)

    body = json.dumps(data, default=default, ensure_ascii=False)
    return Response(body, content_type="application/json; charset=utf-8")


async def _read(datasette, read, *args):
    """Run ``read(conn, *args)`` on the database's read thread, under the site's SQL time limit."""
    db = datasette.get_database()
    limit = datasette.setting("sql_time_limit_ms")

    def run(conn):
        with sqlite_timelimit(conn, limit):
            return read(conn, *args)

    try:
        return db, await db.execute_fn(run)
    except pages.NotFound as e:
        raise NotFound(f"No {e.args[0]}")
    except sqlite3.OperationalError as e:
        if "interrupted" in str(e):
            raise TimeoutError from None
        raise


async def _respond(request, datasette, kind, template, read, arg):
    try:
        db, data = await _read(datasette, read, arg)
    except TimeoutError:
        limit = datasette.setting("sql_time_limit_ms")
        return Response.text(f"This page took longer than the time limit ({limit} ms).", status=503)
    if request.url_vars.get("format"):
        return _json(data)
    context = {**data, "database": db.name, "page": kind}
    return Response.html(await datasette.render_template(template, context, request=request))


def _page(kind):
    read, template = PAGES[kind]

    async def view(request, datasette):
        item = int(request.url_vars["id"])
        if item > MAX_ID:
            raise NotFound(f"No {kind} {item}")
        return await _respond(request, datasette, kind, template, read, item)

    return view


async def search_view(request, datasette):
    query = request.args.get("q", "").strip()
    return await _respond(request, datasette, "search", "provenance/search.html", pages.search, query)


@hookimpl
def startup(datasette):
    """Read the source names the search page scans before the first search needs them."""

    async def inner():
        db = datasette.get_database()
        await db.execute_fn(pages.warm)

    return inner


@hookimpl
def register_routes():
    routes = [(rf"^/{kind}/(?P<id>\d+)(?P<format>\.json)?$", _page(kind)) for kind in PAGES]
    return routes + [(r"^/search(?P<format>\.json)?$", search_view)]


@hookimpl
def render_cell(value, column, table, database, datasette, row):
    """Link ids in views and canned queries, and names in the main tables, to the pages above."""
    if value is None or value == "":
        return None
    kind = TITLE_LINKS.get((table, column))
    if kind is not None:
        target = row["id"] if "id" in row.keys() else None  # noqa: SIM118 - a sqlite3.Row iterates its values
    elif column in LINKED_COLUMNS and (table is None or table not in TABLES_WITH_FOREIGN_KEYS):
        kind, target = LINKED_COLUMNS[column], value
    else:
        return None
    if not isinstance(target, int):
        return None
    url = datasette.urls.path(f"/{kind}/{target}")
    return markupsafe.Markup('<a href="{}">{}</a>').format(url, value)


@hookimpl
def extra_template_vars(template, datasette):
    """The home page lists the canned queries of the provenance database."""
    if template != "index.html":
        return {}

    async def inner():
        db = datasette.get_database()
        queries = await datasette.get_canned_queries(db.name, None)
        return {"provenance_db": db.name, "provenance_queries": list(queries.values())}

    return inner
