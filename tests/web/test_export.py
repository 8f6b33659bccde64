"""``backchannel export``: every format, the article fields, the GDELT mapping, and cells a
spreadsheet would run neutralised."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from backchannel.export import GDELT, neutralise

Run = Callable[..., tuple[int, str, str]]
DOCS = Path(__file__).resolve().parents[2] / "docs" / "export.md"


def export(run_cli: Run, db: Path, out: Path, fmt: str, *filters: str) -> None:
    code, _, err = run_cli(
        "export", "--db", str(db), "--format", fmt, "--output", str(out), *filters
    )
    assert code == 0, err
    assert "wrote" in err


def test_neutralise() -> None:
    assert neutralise("=1+1") == "'=1+1" and neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("+31 6") == "'+31 6" and neutralise("-2") == "'-2"
    assert neutralise("Talks") == "Talks" and neutralise(-8.0) == -8.0 and neutralise(None) is None


def test_csv_has_the_article_and_no_live_formula(
    run_cli: Run, special_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "events.csv"
    export(run_cli, special_db, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows
    formula = [r for r in rows if r["article_id"] == "formula"]
    assert formula and all(r["title"].startswith("'=HYPERLINK(") for r in formula)
    assert all(
        r["outlet"] == "wire.example.com" and r["published"] == "2026-03-11" for r in formula
    )
    numbers = {"quad_class", "intensity", "evidence_start", "evidence_end", "confidence"}
    for row in rows:
        text = [v for k, v in row.items() if k not in numbers]
        assert not any(v.startswith(("=", "+", "-", "@")) for v in text), row


def test_every_format_has_the_same_events(run_cli: Run, special_db: Path, tmp_path: Path) -> None:
    filters = ("--country", "IRN")
    export(run_cli, special_db, tmp_path / "e.jsonl", "jsonl", *filters)
    events = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    ids = [e["event_id"] for e in events]
    assert ids and all({"url", "title", "outlet", "published"} <= set(e) for e in events)
    export(run_cli, special_db, tmp_path / "e.parquet", "parquet", *filters)
    table = duckdb.sql(f"SELECT event_id, url, title FROM read_parquet('{tmp_path / 'e.parquet'}')")
    assert [r[0] for r in table.fetchall()] == ids
    export(run_cli, special_db, tmp_path / "e.csv", "csv", *filters)
    assert [r["event_id"] for r in csv.DictReader((tmp_path / "e.csv").open())] == ids
    export(run_cli, special_db, tmp_path / "e.tsv", "gdelt", *filters)
    gdelt = list(csv.DictReader((tmp_path / "e.tsv").open(), delimiter="\t"))
    assert [r["GLOBALEVENTID"] for r in gdelt] == ids


def test_gdelt_columns_follow_gdelt_2(run_cli: Run, special_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(run_cli, special_db, out, "gdelt", "--article", "markup")
    rows = list(csv.DictReader(out.open(), delimiter="\t"))
    assert len(GDELT) == 61 and list(rows[0]) == [name for name, _ in GDELT]
    sanction = next(r for r in rows if r["EventRootCode"] == "16")
    assert sanction["Actor1CountryCode"] == "USA" and sanction["Actor2CountryCode"] == "IRN"
    assert sanction["Actor1Code"].startswith("USA") and sanction["QuadClass"] == "4"
    assert sanction["SQLDATE"].startswith("2026") and len(sanction["SQLDATE"]) == 8
    assert sanction["SOURCEURL"] == "https://www.example-news.org/world/talks?ref=<x>"
    assert float(sanction["GoldsteinScale"]) < 0


def test_the_gdelt_mapping_is_documented() -> None:
    text = DOCS.read_text()
    missing = [name for name, _ in GDELT if f"`{name}`" not in text]
    assert not missing, f"docs/export.md does not document {missing}"


def test_a_missing_database_is_one_line(run_cli: Run, tmp_path: Path) -> None:
    args = ("--db", str(tmp_path / "none.duckdb"), "--format", "csv", "--output", "x.csv")
    code, _, err = run_cli("export", *args)
    assert code == 2 and "no database" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["xlsx"])
def test_an_unknown_format_is_a_usage_error(run_cli: Run, tmp_path: Path, fmt: str) -> None:
    with pytest.raises(SystemExit) as stop:
        run_cli("export", "--db", "x", "--format", fmt, "--output", "x")
    assert stop.value.code == 2
