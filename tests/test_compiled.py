"""The compiled build: a wheel compiles the extraction modules with mypyc (see setup.py), and
they must find exactly what the Python modules find.

The suite itself runs on the Python modules (scripts/test.sh installs the package editable); this
test builds the wheel a user installs, runs it in a subprocess over the bundled corpus and the
gold articles, and compares every extraction with the Python modules' own, field by field.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from provenance.extract import Extractor
from provenance.readers import ReadError, read_paths

from .conftest import CORPUS, GOLD, ROOT


def _compiled_by_setup() -> list[str]:
    """The modules setup.py's COMPILED list names (read, not imported: importing runs setup())."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    (listed,) = [ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets)]
    return [Path(path).stem for path in listed]


# the extraction modules setup.py compiles; the wheel must hold every one
COMPILED = _compiled_by_setup()

# what the subprocess runs: every article of the folders, one JSON line per extraction
_DUMP = """
import json, sys
from provenance.extract import Extractor
from provenance.readers import ReadError, read_paths
print(sys.modules["provenance.extract"].__file__, flush=True)
extractor = Extractor()
for a in read_paths(sys.argv[1:]):
    if not isinstance(a, ReadError):
        print(json.dumps(extractor.extract_article(a).to_dict(), ensure_ascii=False, sort_keys=True))
"""

FOLDERS = [str(CORPUS), str(GOLD / "articles")]


@pytest.fixture(scope="module")
def wheel_dir(tmp_path_factory) -> Path:
    if shutil.which(os.environ.get("CC", "cc")) is None:
        pytest.skip("no C compiler: the wheel would hold only the Python modules")
    out = tmp_path_factory.mktemp("wheel")
    # a copy of the tree, so the build leaves nothing (build/, *.egg-info) in the checkout
    src = out / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "*.db*",
                                                               "test-artifacts", "__pycache__", ".hypothesis"))
    # built by the pip of a new, empty environment, as a user's first install is: the build sees
    # only the build requirements of pyproject.toml (not what this environment has installed)
    subprocess.run([sys.executable, "-m", "venv", str(out / "venv")], check=True)
    subprocess.run([str(out / "venv" / "bin" / "python"), "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--disable-pip-version-check", "-w", str(out), str(src)], check=True)
    (wheel,) = out.glob("provenance-*.whl")
    unpacked = out / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    return unpacked


def test_the_wheel_compiles_every_extraction_module(wheel_dir):
    built = {p.name.split(".")[0] for p in (wheel_dir / "provenance").glob("*.so")}
    assert set(COMPILED) <= built, f"not compiled: {sorted(set(COMPILED) - built)}"


def test_the_compiled_modules_extract_what_the_python_modules_extract(wheel_dir):
    env = {**os.environ, "PYTHONPATH": str(wheel_dir)}
    run = subprocess.run([sys.executable, "-c", _DUMP, *FOLDERS], env=env, cwd=wheel_dir, capture_output=True,
                         text=True, check=True)
    first, *lines = run.stdout.splitlines()
    assert first.endswith(".so"), f"the subprocess ran {first}, not the compiled module"
    extractor = Extractor()
    expected = [json.dumps(extractor.extract_article(a).to_dict(), ensure_ascii=False, sort_keys=True)
                for a in read_paths(FOLDERS) if not isinstance(a, ReadError)]
    assert len(lines) == len(expected) > 200
    for got, want in zip(lines, expected):
        assert json.loads(got) == json.loads(want)
