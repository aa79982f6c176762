#!/usr/bin/env bash
# Set up a virtual environment (if needed) and run the test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${PROVENANCE_VENV:-.venv}"
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "provenance needs Python >= 3.11")'
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
exec "$VENV/bin/python" -m pytest "$@"
