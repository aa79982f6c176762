"""SQL functions for the provenance site: ``normalize_ar`` / ``ar_normalize``, ``source_matches``
and a folding ``escape_fts``.

The full-text indexes hold Arabic folded by :func:`provenance.store.normalize_ar` (no harakat or
tatweel, one alef, ى → ي, ة → ه, Arabic-Indic digits in ASCII), so a query must be folded the
same way. Datasette's table search box runs ``MATCH escape_fts(:search)``; registering our own
``escape_fts`` *after* Datasette's built-in one (``trylast=True``) makes that box fold too.
"""

from datasette.utils import escape_fts as _datasette_escape_fts

from datasette import hookimpl
from provenance.pages import source_matches
from provenance.store import normalize_ar


def escape_fts(query):
    """Datasette's ``escape_fts`` applied to the folded query; ``'""'`` (matches nothing, no
    error) when nothing is left to search for."""
    return _datasette_escape_fts(normalize_ar(query or "") or "") or '""'


@hookimpl(trylast=True)
def prepare_connection(conn):
    for name in ("normalize_ar", "ar_normalize"):
        conn.create_function(name, 1, normalize_ar, deterministic=True)
    conn.create_function("escape_fts", 1, escape_fts, deterministic=True)
    conn.create_function("source_matches", 4, source_matches, deterministic=True)
