"""Where events happened, stored and given out: DuckDB and PostgreSQL columns, ``events``,
the exports (CSV, Parquet, JSONL, GDELT ActionGeo_*), and events stored before schema 6."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from backchannel.store import open_store
from backchannel.store.schema import LOCATION_COLUMNS, SCHEMA_VERSION
from tests.conftest import jsonl

Run = Callable[..., tuple[int, str, str]]
TEXT = (
    "KYIV, March 3 (Reuters) - Russian forces shelled Kharkiv overnight, Ukrainian officials"
    " said.\nThe European Union imposed new sanctions on Russia on Monday.\n"
)
LOCATED = ("SELECT event, location_name, location_country, location_admin1, location_lat,"
           " location_geonames_id, location_basis FROM events ORDER BY position")  # fmt: skip


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "kyiv.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _ingest(run_cli: Run, article: Path, db: str) -> None:
    code, _, err = run_cli("ingest", str(article), "--db", db)
    assert code == 0, err


def _check_rows(rows: list[tuple[Any, ...]]) -> None:
    by_type = {row[0]: row[1:] for row in rows}
    name, country, admin1, lat, geonames_id, basis = by_type["ASSAULT"]
    assert (name, country, admin1, geonames_id, basis) == (
        "Kharkiv",
        "UKR",
        "07",
        706483,
        "sentence",
    )
    assert lat == pytest.approx(49.98177)
    assert by_type["SANCTION"][:2] == ("Kyiv", "UKR") and by_type["SANCTION"][-1] == "dateline"


def _check_exports(run_cli: Run, db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert run_cli("export", "--db", db, "--format", "gdelt", "--output", str(out))[0] == 0
    rows = {r["EventRootCode"]: r for r in csv.DictReader(out.open(), delimiter="\t")}
    attack = rows["19"] if "19" in rows else rows["18"]
    assert (attack["ActionGeo_Type"], attack["ActionGeo_FullName"]) == ("4", "Kharkiv")
    assert (attack["ActionGeo_CountryCode"], attack["ActionGeo_ADM1Code"]) == ("UKR", "UKR.07")
    assert attack["ActionGeo_FeatureID"] == "706483" and attack["ActionGeo_Lat"].startswith("49.98")
    flat = tmp_path / "events.csv"
    assert run_cli("export", "--db", db, "--format", "csv", "--output", str(flat))[0] == 0
    located = {r["event"]: r for r in csv.DictReader(flat.open())}
    assert located["SANCTION"]["location"] == "Kyiv"
    assert located["SANCTION"]["location_basis"] == "dateline"


def test_duckdb_stores_and_gives_out_the_location(
    run_cli: Run, article: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "events.duckdb")
    _ingest(run_cli, article, db)
    with duckdb.connect(db, read_only=True) as connection:
        _check_rows(connection.execute(LOCATED).fetchall())
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl")
    events = {e["event"]: e for e in jsonl(out)}
    assert events["ASSAULT"]["location"]["name"] == "Kharkiv"
    assert events["SANCTION"]["location"]["basis"] == "dateline"
    _, out, _ = run_cli("events", "--db", db, "--format", "csv")
    rows = {r["event"]: r for r in csv.DictReader(io.StringIO(out))}
    assert (rows["ASSAULT"]["location"], rows["ASSAULT"]["location_geonames_id"]) == (
        "Kharkiv", "706483"
    )  # fmt: skip
    _check_exports(run_cli, db, tmp_path)
    parquet = tmp_path / "events.parquet"
    assert run_cli("export", "--db", db, "--format", "parquet", "--output", str(parquet))[0] == 0
    sql = f"SELECT location_country, location_lon FROM read_parquet('{parquet}')"
    assert ("UKR", pytest.approx(36.25475)) in duckdb.sql(sql).fetchall()


def test_events_stored_before_locations_read_as_not_located(
    run_cli: Run, article: Path, tmp_path: Path
) -> None:
    db = tmp_path / "old.duckdb"
    _ingest(run_cli, article, str(db))
    with duckdb.connect(str(db)) as connection:  # as schema 5 stored them: no location
        stored = connection.execute("SELECT event_id, document FROM events").fetchall()
        for event_id, document in stored:
            data = json.loads(document)
            data.pop("location")
            connection.execute(
                "UPDATE events SET document = ?, location_name = NULL WHERE event_id = ?",
                [json.dumps(data), event_id],
            )
    code, out, _ = run_cli("events", "--db", str(db), "--format", "jsonl")
    assert code == 0 and all(e["location"] is None for e in jsonl(out))


def test_a_store_of_schema_5_gains_the_location_columns(
    run_cli: Run, article: Path, tmp_path: Path
) -> None:
    db = tmp_path / "v4.duckdb"
    _ingest(run_cli, article, str(db))
    with duckdb.connect(str(db)) as connection:  # back to schema 5: no location columns
        connection.execute("DROP INDEX events_article")
        for name, _ in LOCATION_COLUMNS:
            connection.execute(f"ALTER TABLE events DROP COLUMN {name}")
        connection.execute("DELETE FROM schema_version")
        connection.execute("INSERT INTO schema_version VALUES (5, now())")
    store = open_store(str(db))
    try:
        names = {r[0] for r in store.connection.execute("DESCRIBE events").fetchall()}
        version = store.connection.execute("SELECT max(version) FROM schema_version").fetchone()
    finally:
        store.close()
    assert {name for name, _ in LOCATION_COLUMNS} <= names and version == (SCHEMA_VERSION,)


@pytest.mark.postgres
def test_postgresql_stores_and_gives_out_the_location(
    run_cli: Run, article: Path, pg_database: str, tmp_path: Path
) -> None:
    import psycopg

    _ingest(run_cli, article, pg_database)
    with psycopg.connect(pg_database) as connection:
        _check_rows(connection.execute(LOCATED).fetchall())
    _, out, _ = run_cli("events", "--db", pg_database, "--format", "jsonl")
    assert {e["event"]: e["location"]["name"] for e in jsonl(out)}["ASSAULT"] == "Kharkiv"
    _check_exports(run_cli, pg_database, tmp_path)
