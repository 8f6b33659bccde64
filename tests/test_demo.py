"""The demo runs as documented: the ``$(BC) ...`` lines of the Makefile's ``demo`` target,
in-process, into ``tmp_path`` (no ``../shared`` needed)."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT

Run = Callable[..., tuple[int, str, str]]


def demo_commands() -> list[list[str]]:
    """The backchannel commands of ``make demo``, as argument lists."""
    lines = (ROOT / "Makefile").read_text().splitlines()
    start = lines.index(next(line for line in lines if line.startswith("demo:")))
    commands = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        if line.strip().startswith("$(BC) "):
            commands.append(shlex.split(line.strip())[1:])
    return commands


def _localise(args: list[str], tmp_path: Path) -> list[str]:
    names = {"$(DB)": str(tmp_path / "demo.duckdb"), "report.html": str(tmp_path / "report.html")}
    out = [names.get(arg, arg) for arg in args]
    return [str(ROOT / arg) if arg.startswith("examples/") else arg for arg in out]


def test_the_makefile_demo_runs(run_cli: Run, tmp_path: Path) -> None:
    commands = demo_commands()
    assert [c[0] for c in commands] == ["ingest", "events", "report"]
    outputs = {}
    for args in commands:
        code, out, err = run_cli(*_localise(args, tmp_path))
        assert code == 0, err
        outputs[args[0]] = (out, err)
    assert "duplicates 1" in outputs["ingest"][1] and "refused 0" in outputs["ingest"][1]
    table = outputs["events"][0].splitlines()
    assert table[0].startswith("type") and len(table) > 2, "the demo shows no events"
    page = (tmp_path / "report.html").read_text()
    assert "<mark data-event-id=" in page and "<em>" in page
