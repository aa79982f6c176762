#!/usr/bin/env bash
# Set up a virtual environment (if needed) and run the main job on the bundled corpus:
# ingest corpus/ into provenance.db (articles, attributions, citation chains, sources), find
# the wire copy its articles share, print a few answers from it, then serve it with Datasette
# at http://127.0.0.1:8001/ (`provenance serve`). `--no-serve` stops after the answers.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${PROVENANCE_VENV:-.venv}"
DB="${PROVENANCE_DB:-provenance.db}"
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "provenance needs Python >= 3.11")'
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e .
"$VENV/bin/provenance" ingest corpus/ --db "$DB" --jobs 2
"$VENV/bin/provenance" reuse --db "$DB" --jobs 2
"$VENV/bin/python" - "$DB" <<'PY'
import sys
from provenance import Store

store = Store(sys.argv[1])
print("\nSeed 000 (HuffPost Iraqi), its citation chains:")
for row in store.db.query("SELECT path FROM chains WHERE article_url IS NULL AND article_id = "
                          "(SELECT id FROM articles WHERE doc_id LIKE '000_%')"):
    print("  ", row["path"])
print("\nShare of anonymous sources, by outlet:")
for row in store.db.query("SELECT publisher, attributions, share FROM anonymous_share ORDER BY share DESC"):
    print(f"   {row['publisher']:<20} {row['attributions']:>5} attributions  {row['share']:.1%}")
print("\nShare of attributions that reach a wire agency, by outlet:")
for row in store.db.query("SELECT publisher, attributions, share FROM wire_dependence ORDER BY share DESC"):
    print(f"   {row['publisher']:<20} {row['attributions']:>5} attributions  {row['share']:.1%}")
print("\nWire copy reused across outlets: passages credited / uncredited, by outlet and agency:")
for row in store.db.query("SELECT outlet, source, credited, uncredited FROM wire_reuse "
                          "WHERE source_kind = 'wire_agency' AND passages >= 5 ORDER BY passages DESC"):
    print(f"   {row['outlet']:<20} {row['source']:<12} {row['credited']:>4} credited  {row['uncredited']:>4} uncredited")
print(f"\nQuery it: sqlite3 {sys.argv[1]} 'SELECT path, sentence FROM chains LIMIT 5'  (see README: SQL on citation chains)")
PY
if [ "${1:-}" != "--no-serve" ]; then
    exec "$VENV/bin/provenance" serve --db "$DB" --port "${PROVENANCE_PORT:-8001}"
fi
