"""``backchannel serve --db postgresql://…`` answers as it does on DuckDB: the same articles
ingested into both, the same requests, the same JSON (when and from which file aside); the CLI's
reading commands (events, report) and the exports on PostgreSQL too."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from backchannel.cli import main
from tests.conftest import ROOT, jsonl
from tests.web.conftest import SPECIAL, Server, start_server, stop_server

pytestmark = pytest.mark.postgres
Run = Callable[..., tuple[int, str, str]]
LOCAL = ("ingested_at", "origin")  # when and from which file each database was ingested
REQUESTS = (
    "/api/events", "/api/events?limit=2", "/api/events?country=USA",
    "/api/events?outlet=example-news.org", "/api/events?text=sanctions",
    "/api/events?since=2026-03-11&include_dropped=true", "/api/articles",
    "/api/articles?text=geneva", "/api/articles/markup", "/api/actors", "/api/actors?q=us",
    "/api/network", "/api/sources", "/api/dyads?actor=USA&recipient=IRN&interval=week",
    "/index.json", "/articles.json", "/network.json",
)  # fmt: skip


def _records(folder: Path) -> Path:
    records = folder / "special.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in SPECIAL))
    return records


@pytest.fixture(scope="module")
def special_pg(pg_server: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The examples plus ``SPECIAL``, as ``special_db`` has them, in PostgreSQL."""
    url = str(pg_server.create_database("special"))
    records = _records(tmp_path_factory.mktemp("special-pg"))
    assert main(["ingest", str(ROOT / "examples" / "articles"), str(records), "--db", url]) == 0
    return url


@pytest.fixture(scope="module")
def pg_server_process(special_pg: str) -> Iterator[Server]:
    running = start_server(special_pg)
    yield running
    stop_server(running)


def _without_stamps(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_stamps(v) for k, v in value.items() if k not in LOCAL}
    if isinstance(value, list):
        return [_without_stamps(v) for v in value]
    return value


def test_the_api_answers_as_on_duckdb(special_server: Server, pg_server_process: Server) -> None:
    first = special_server.client.get("/api/events").json()
    assert first["events"], "the comparison needs events"
    requests = [*REQUESTS, f"/api/events/{first['events'][0]['event_id']}"]
    page = special_server.client.get("/api/events?limit=2").json()
    requests.append(f"/api/events?limit=2&cursor={page['next']}")
    for request in requests:
        duck = special_server.client.get(request)
        postgres = pg_server_process.client.get(request)
        assert (request, postgres.status_code) == (request, duck.status_code)
        answers = (_without_stamps(postgres.json()), _without_stamps(duck.json()))
        assert (request, answers[0]) == (request, answers[1])
    for page_path in ("/", "/articles", "/network"):
        assert pg_server_process.client.get(page_path).status_code == 200


def test_events_and_export_read_postgresql(
    special_db: Path, special_pg: str, tmp_path: Path, run_cli: Run
) -> None:
    duck_db = tmp_path / "copy.duckdb"  # a copy: the session's server may hold the file
    shutil.copy(special_db, duck_db)
    code, from_pg, _ = run_cli("events", "--db", special_pg, "--format", "jsonl")
    assert code == 0
    _, from_duck, _ = run_cli("events", "--db", str(duck_db), "--format", "jsonl")
    assert jsonl(from_pg) == jsonl(from_duck) and jsonl(from_pg)
    reports = [tmp_path / "pg.html", tmp_path / "duck.html"]
    for db, report in zip((special_pg, str(duck_db)), reports, strict=True):
        assert run_cli("report", "--db", db, "--output", str(report))[0] == 0
    assert reports[0].read_text() == reports[1].read_text()
    for fmt in ("csv", "gdelt", "jsonl", "parquet"):
        outputs = []
        for db, name in ((special_pg, "pg"), (str(duck_db), "duck")):
            path = tmp_path / f"{name}.{fmt}"
            assert run_cli("export", "--db", db, "--format", fmt, "--output", str(path))[0] == 0
            outputs.append(path)
        if fmt == "parquet":
            pg_rows, duck_rows = (
                duckdb.sql(f"SELECT * FROM read_parquet('{p}')").fetchall() for p in outputs
            )
            assert pg_rows == duck_rows and pg_rows
        elif fmt == "gdelt":  # DATEADDED is the time of ingest
            pg_table, duck_table = (
                [r[:-2] + r[-1:] for r in csv.reader(io.StringIO(p.read_text()), delimiter="\t")]
                for p in outputs
            )
            assert pg_table == duck_table and len(pg_table) > 1
        else:
            assert outputs[0].read_text() == outputs[1].read_text()


def test_the_write_api_stores_into_postgresql(pg_database: str) -> None:
    assert main(["ingest", str(ROOT / "examples" / "articles"), "--db", pg_database]) == 0
    running = start_server(pg_database, token="pg-token")
    try:
        auth = {"Authorization": "Bearer pg-token"}
        answer = running.client.post("/api/articles", json=[SPECIAL[0]], headers=auth)
        again = running.client.post("/api/articles", json=[SPECIAL[0]], headers=auth)
        article = running.client.get("/api/articles/markup").json()
    finally:
        stop_server(running)
    assert answer.status_code == 200, answer.text
    assert [s["id"] for s in answer.json()["stored"]] == ["markup"]
    assert again.status_code == 200 and again.json()["stored"][0]["outcome"] == "unchanged"
    assert article["article_id"] == "markup" and article["events"]
