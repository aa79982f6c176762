#!/usr/bin/env bash
# Set up a virtual environment (if needed) and run the main job on the bundled corpus:
# every attribution in corpus/, one JSON object per article, in extractions.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${PROVENANCE_VENV:-.venv}"
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "provenance needs Python >= 3.11")'
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e .
"$VENV/bin/provenance" extract corpus/ --format jsonl > extractions.jsonl
echo "wrote extractions.jsonl: $(wc -l < extractions.jsonl) articles, $(grep -o '"cue"' extractions.jsonl | wc -l) attributions"
"$VENV/bin/provenance" extract corpus/seeds/000_12908a7feb833885.txt
