#!/usr/bin/env bash
# Set up a virtual environment (if needed) and run the test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${PROVENANCE_VENV:-.venv}"
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "provenance needs Python >= 3.11")'
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
# The browser tests (tests/test_browser.py) drive Debian's Chromium through playwright and need an
# Arabic font; install both when missing and we may (root or password-less sudo).
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Noto Naskh Arabic"; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
    if command -v apt-get >/dev/null 2>&1 && { [ -z "$SUDO" ] || sudo -n true 2>/dev/null; }; then
        $SUDO apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
    else
        echo "scripts/test.sh: no chromium or no Noto Arabic font, and no apt-get as root: browser tests will be skipped" >&2
    fi
fi
exec "$VENV/bin/python" -m pytest "$@"
