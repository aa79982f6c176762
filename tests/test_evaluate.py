"""The gold set is well formed, and `provenance evaluate` reproduces the README's figures."""

import re

import pytest
from click.testing import CliRunner

from provenance.cli import cli
from provenance.evaluate import evaluate, gold_files, load_gold

from .conftest import GOLD, ROOT


@pytest.mark.parametrize("path", gold_files([str(GOLD / "dev"), str(GOLD / "heldout")]), ids=lambda p: p.stem)
def test_every_gold_annotation_is_found_in_its_article(path):
    gold = load_gold(path)  # raises on a context, cue, source or head it cannot place
    assert gold.article_path.exists()


def test_the_dev_set_is_large_and_varied():
    files = gold_files([str(GOLD / "dev")])
    assert len(files) >= 30
    outlets = {load_gold(f).outlet for f in files}
    assert len(outlets) >= 6


def readme_figures(split: str) -> dict[str, float]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    row = re.search(rf"^\| `tests/gold/{split}` \|(.+)$", text, re.M)
    assert row, f"README has no figures row for {split}"
    cells = [c.strip() for c in row.group(1).split("|") if c.strip()]
    keys = ["articles", "gold", "precision", "recall", "f1", "source_accuracy", "kind_accuracy",
            "chain_accuracy", "chain_f1", "publisher_accuracy"]
    return dict(zip(keys, map(float, cells)))


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_evaluate_reproduces_the_readme(split):
    expected = readme_figures(split)
    score = evaluate([str(GOLD / split)])
    assert score.gold == expected["gold"]
    assert round(score.precision, 3) == expected["precision"]
    assert round(score.recall, 3) == expected["recall"]
    assert round(score.f1, 3) == expected["f1"]
    assert round(score.source_accuracy, 3) == expected["source_accuracy"]
    assert round(score.kind_accuracy, 3) == expected["kind_accuracy"]
    assert round(score.chain_accuracy, 3) == expected["chain_accuracy"]
    assert round(score.chain_f1, 3) == expected["chain_f1"]
    assert round(score.publisher_accuracy, 3) == expected["publisher_accuracy"]


def test_evaluate_command():
    result = CliRunner().invoke(cli, ["evaluate", str(GOLD / "dev")])
    assert result.exit_code == 0
    assert "detection F1" in result.output
