"""Shared fixtures: paths, the gold-data location and a CLI runner."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from backchannel.cli import main
from tests.pg_server import Server, find_binaries, start

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL_DIR = SHARED / "eval"
SAMPLES_DIR = SHARED / "samples"


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``backchannel ARGS`` in-process; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def needs_shared(path: Path) -> None:
    """Skip (with a message) when the shared gold data or samples are absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the gold data lives beside the repository")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """A PostgreSQL server for the session (skipped, saying why, when it cannot start)."""
    binaries = find_binaries()
    if binaries is None:
        pytest.skip(
            "PostgreSQL's initdb is not on PATH nor in /usr/lib/postgresql/*/bin:"
            " `make test-postgres` installs Debian's postgresql"
        )
    server = start(binaries)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_database(pg_server: Server) -> str:
    """The URL of a fresh, empty database on the session's server."""
    return pg_server.create_database(f"t{next(_DATABASES)}")


_DATABASES = itertools.count(1)
