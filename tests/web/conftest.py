"""Fixtures of the server tests: databases made by ``backchannel ingest`` from our own
articles, and real ``backchannel serve`` processes on free ports."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from backchannel.cli import main
from tests.conftest import ROOT

TOKEN = "test-token-7f3a"
# Our own records: markup and a would-be formula where a page or a spreadsheet could run it.
SPECIAL = [
    {
        "id": "markup",
        "url": "https://www.example-news.org/world/talks?ref=<x>",
        "title": "<script>alert('title')</script> Talks & sanctions",
        "published": "2026-03-10",
        "text": "The United States imposed new sanctions on Iran on Monday, officials said."
        " <img src=x onerror=alert('text')> The measures target oil exports.",
    },
    {
        "id": "formula",
        "url": "https://wire.example.com/a/1",
        "title": '=HYPERLINK("http://example.invalid","click")',
        "published": "2026-03-11",
        "text": "Russia launched a missile attack on Kyiv on Tuesday, Ukrainian officials said.",
    },
]


def ingest(db: Path, *inputs: str) -> None:
    code = main(["ingest", *inputs, "--db", str(db)])
    assert code == 0


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example articles of ``make demo``, ingested."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    ingest(db, str(ROOT / "examples" / "articles"))
    return db


@pytest.fixture(scope="session")
def special_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples plus ``SPECIAL`` (markup, a formula, URLs with outlets)."""
    folder = tmp_path_factory.mktemp("special")
    records = folder / "special.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in SPECIAL))
    db = folder / "special.duckdb"
    ingest(db, str(ROOT / "examples" / "articles"), str(records))
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A running ``backchannel serve`` and an HTTP client for it."""

    url: str
    process: subprocess.Popen[bytes]
    client: httpx.Client


def start_server(db: Path | str, *extra: str, token: str | None = None) -> Server:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKCHANNEL_")}
    if token:
        env["BACKCHANNEL_API_TOKEN"] = token
    command = [sys.executable, "-m", "backchannel", "serve", "--db", str(db), "--port", str(port)]
    log = tempfile.TemporaryFile()  # noqa: SIM115 (the server's stderr, for as long as it runs)
    process = subprocess.Popen([*command, *extra], env=env, stderr=log)
    url = f"http://127.0.0.1:{port}"
    client = httpx.Client(base_url=url, timeout=60)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the server stopped: {log.read().decode()}")
        try:
            if client.get("/openapi.json").status_code == 200:
                return Server(url, process, client)
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start in 60 s")


def stop_server(server: Server) -> None:
    server.client.close()
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def server(demo_db: Path) -> Iterator[Server]:
    """A read-only server on the demo database (shared by the tests)."""
    running = start_server(demo_db)
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def special_server(special_db: Path) -> Iterator[Server]:
    running = start_server(special_db)
    yield running
    stop_server(running)


@pytest.fixture
def writable_server(demo_db: Path, tmp_path: Path) -> Iterator[Server]:
    """A server with the write API on (a token), over a copy of the demo database, whose
    request bodies are capped at 20,000 bytes."""
    db = tmp_path / "writable.duckdb"
    shutil.copy(demo_db, db)
    running = start_server(db, "--max-body", "20000", token=TOKEN)
    yield running
    stop_server(running)
