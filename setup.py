"""The build: everything is in pyproject.toml but the compiled extraction modules.

A wheel (``pip install .``, ``pip wheel .``) compiles the modules of the extraction stage to C with
mypyc, the compiler of mypy that black ships with, from the same type-annotated Python: about 1.5x
the speed of the interpreted modules with the same extractions (tests/test_compiled.py checks
both). The Python files stay the source and are installed alongside.

Nothing is compiled for an editable install (``pip install -e .``, which scripts/test.sh makes):
there the Python files are what runs, so an edit takes effect without a rebuild. Nor when
``PROVENANCE_PURE_PYTHON=1`` is set. When compiling fails (no C compiler, no Python headers), the
install goes on with the interpreted modules, which give the same results, more slowly.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

# the stage's hot path, top-down, and the lexicons it asks about every word
COMPILED = [
    "provenance/lexicon.py",
    "provenance/normalise.py",
    "provenance/segment.py",
    "provenance/tokens.py",
    "provenance/found.py",
    "provenance/clauses.py",
    "provenance/phrases.py",
    "provenance/speakers.py",
    "provenance/cues.py",
    "provenance/credits.py",
    "provenance/resolve.py",
    "provenance/chain.py",
    "provenance/extract.py",
]


# the setup.py commands that build a wheel's extensions; pip also runs setup.py for metadata
# (egg_info, dist_info) and for an editable install (editable_wheel), which compile nothing
_BUILDS = {"bdist_wheel", "build", "build_ext", "install"}


def compiled_modules() -> list:
    if os.environ.get("PROVENANCE_PURE_PYTHON") or not _BUILDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify

        # --follow-imports=silent: the modules the compiled ones import are type-checked as far
        # as those need, not as a whole (the store and site modules are never compiled)
        extensions = mypycify(["--follow-imports=silent", *COMPILED], group_name="provenance")
    except (Exception, SystemExit) as e:  # mypy missing, or its check failed: stay interpreted
        print(f"setup.py: not compiling the extraction modules ({e!r}); they run as Python", file=sys.stderr)
        return []
    for extension in extensions:
        extension.optional = True  # no compiler: build_ext warns and the Python modules are used
    return extensions


setup(ext_modules=compiled_modules())
