"""The README's Python examples run as written, and its commands exist."""

import os
import re

from click.testing import CliRunner

from provenance.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_examples_run(capsys):
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) >= 2
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)


def test_every_cli_command_is_documented_and_has_help():
    for name, command in cli.commands.items():
        assert f"provenance {name}" in README, name
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and command.help


def test_the_contract_example_is_real():
    import json

    example = re.search(r'"cue": \{"text": "ونقلت", "start": (\d+), "end": (\d+)', README)
    result = CliRunner().invoke(cli, ["extract", str(ROOT / "corpus/seeds/000_12908a7feb833885.txt"), "--format", "jsonl"])
    relay = next(a for a in json.loads(result.output)["attributions"] if a["cue"]["text"] == "ونقلت")
    assert (relay["cue"]["start"], relay["cue"]["end"]) == (int(example.group(1)), int(example.group(2)))
