"""Docs cannot drift: the CLI reference is the current --help, the README's commands exist."""

from __future__ import annotations

import re

from backchannel.cli.reference import render
from tests.conftest import ROOT


def test_cli_reference_is_up_to_date() -> None:
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == render(), "docs/cli.md is stale: run `make docs`"


def test_readme_sets_up_with_two_make_targets() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert f"make {target}" in readme
        assert re.search(rf"^{target}:", makefile, re.MULTILINE)


def test_readme_commands_are_real_subcommands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = "\n".join(readme.split("```")[1::2])  # the text inside fenced blocks
    reference = render()
    commands = set(re.findall(r"^\$? ?backchannel ([a-z]+)", blocks, re.MULTILINE))
    assert {"code", "ingest", "events"} <= commands
    for command in commands:
        assert f"## backchannel {command}" in reference, command


def test_the_readme_example_is_what_the_coder_says() -> None:
    from backchannel.api import code_as_dicts

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = re.search(r'\$ echo "(.*?)" \|', readme, re.DOTALL)
    assert quoted is not None
    text = " ".join(quoted.group(1).split())
    [first, *_] = code_as_dicts(text, published="2019-09-05")
    assert f'"event":"{first["event"]}"' in readme and f'"cameo":"{first["cameo"]}"' in readme
    for role in ("actor", "recipient", "intermediary"):
        [actor] = first[role]
        assert f'"text":"{actor["text"]}","name":"{actor["name"]}"' in readme
    assert f'"status":"{first["status"]}"' in readme
    assert f'"kind":"{first["attribution"]["kind"]}"' in readme
    evidence = first["evidence"]
    assert f'"start":{evidence["start"]},"end":{evidence["end"]}' in readme
