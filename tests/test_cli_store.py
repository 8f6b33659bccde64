"""The ingest, events and report commands, in-process, on real DuckDB files."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from backchannel.serialise import event_to_dict
from backchannel.store import open_store
from tests.conftest import jsonl
from tests.test_store import make_document

Run = Callable[..., tuple[int, str, str]]

FIRST = (
    "Talks resume in Vienna\n"
    "VIENNA -- Austria offered on Monday to host talks between Serbia and Kosovo, the "
    "Austrian foreign ministry said.\n"
)
SECOND = (
    "Strikes near the border\n"
    "Government forces shelled rebel positions near the northern border on Sunday, "
    "a military spokesman said, and the rebels vowed to respond.\n"
)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "first.txt").write_text(FIRST)
    (folder / "second.txt").write_text(SECOND)
    return folder


@pytest.fixture
def filled_db(tmp_path: Path) -> Path:
    """A database holding one article with two hand-built events."""
    path = tmp_path / "filled.duckdb"
    with open_store(str(path)) as store:
        store.store_document(make_document())
    return path


def test_ingest_stores_and_summarises(run_cli: Run, articles: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "bc.duckdb")
    code, out, err = run_cli("ingest", str(articles), "--db", db, "--published", "2026-03-03")
    assert code == 0 and out == ""
    assert "stored 2, duplicates 0, unchanged 0, refused 0" in err
    assert "article/s" not in err and "%|" not in err  # no progress bar outside a terminal
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
    code, _, err = run_cli("ingest", str(articles), "--db", db)
    assert code == 0 and "stored 0, duplicates 0, unchanged 2, refused 0" in err


def test_ingest_reports_refusals_and_goes_on(run_cli: Run, articles: Path, tmp_path: Path) -> None:
    (articles / "blob.bin").write_bytes(b"\x00\x01\x02binary")
    (articles / "empty.txt").write_text("   \n")
    db = str(tmp_path / "bc.duckdb")
    code, _, err = run_cli("ingest", str(articles), "--db", db)
    assert code == 0
    assert "backchannel: [BC103] record '" in err and "blob.bin" in err
    assert "[BC102]" in err
    assert "stored 2, duplicates 0, unchanged 0, refused 2 (BC102: 1, BC103: 1)" in err
    with open_store(db) as store:
        assert store.counts()["rejections"] == 2


def test_ingest_fails_only_when_nothing_could_be_read(run_cli: Run, tmp_path: Path) -> None:
    code, _, err = run_cli("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.db"))
    assert code == 1 and "[BC106]" in err


def test_events_jsonl_are_the_contract_dicts(run_cli: Run, filled_db: Path) -> None:
    code, out, _ = run_cli("events", "--db", str(filled_db), "--format", "jsonl")
    assert code == 0
    assert jsonl(out) == [event_to_dict(e) for e in make_document().events]


def test_events_filters(run_cli: Run, filled_db: Path) -> None:
    db = str(filled_db)
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl", "--country", "CHE")
    assert [e["event"] for e in jsonl(out)] == ["CONSULT"]
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl", "--type", "sanction")
    assert [e["event"] for e in jsonl(out)] == ["SANCTION"]
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl", "--since", "2026-03-02")
    assert [e["event"] for e in jsonl(out)] == ["CONSULT"]
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl", "--article", "nope")
    assert out == ""
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl", "--limit", "1")
    assert len(jsonl(out)) == 1


def test_events_csv(run_cli: Run, filled_db: Path) -> None:
    code, out, _ = run_cli("events", "--db", str(filled_db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 2
    assert rows[0]["event"] == "SANCTION" and rows[0]["actor_country"] == "NRL"
    assert rows[0]["intermediary"] == "" and rows[0]["date_start"] == "2026-02-24"
    assert rows[1]["intermediary"] == "Switzerland" and rows[1]["status"] == "proposed"


def test_events_table_fits_100_columns(run_cli: Run, filled_db: Path) -> None:
    code, out, _ = run_cli("events", "--db", str(filled_db))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    assert all(len(line) <= 100 for line in lines)
    assert lines[2].startswith("SANCTION") and "Norland → Sudmark" in lines[2]
    assert "Switzerla…" in lines[3] and "proposed" in lines[3] and "Swiss diplomats" in lines[3]


def test_report_writes_a_page(run_cli: Run, filled_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    code, _, err = run_cli("report", "--db", str(filled_db), "--output", str(output))
    page = output.read_text()
    assert code == 0 and "wrote" in err
    assert page.count("<mark data-event-id=") == 2 and "<em>imposed</em>" in page


def test_report_of_an_unknown_article_is_an_error(run_cli: Run, filled_db: Path) -> None:
    code, _, err = run_cli("report", "--db", str(filled_db), "--article", "nope")
    assert code == 2 and "[BC600]" in err and "nope" in err


def test_reading_commands_refuse_a_path_with_no_database(run_cli: Run, tmp_path: Path) -> None:
    missing = tmp_path / "typo.duckdb"
    for command in (["events"], ["report", "--output", str(tmp_path / "r.html")]):
        code, _, err = run_cli(*command, "--db", str(missing))
        assert code == 2 and "[BC600] no database at" in err
    assert not missing.exists()  # nothing was created


def test_ingest_stores_what_code_all_prints(run_cli: Run, articles: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "bc.duckdb")
    keep = ("--min-confidence", "1")
    _, printed, _ = run_cli("code", str(articles), "--published", "2026-03-03", "--all", *keep)
    code, _, _ = run_cli("ingest", str(articles), "--db", db, "--published", "2026-03-03", *keep)
    assert code == 0
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl", "--all")
    everything = jsonl(out)
    assert sorted(map(str, everything)) == sorted(map(str, jsonl(printed)))
    assert any(e["dropped"] for e in everything)
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl")
    assert jsonl(out) == [e for e in everything if e["dropped"] is None]
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl", "--min-confidence", "0")
    assert [e["event_id"] for e in jsonl(out)] == [e["event_id"] for e in everything]
    assert all(e["dropped"] is None for e in jsonl(out))
    _, out, err = run_cli("events", "--db", db, "--all")
    assert "×" in out and "not kept (×)" in err
    _, out, _ = run_cli("events", "--db", db, "--format", "csv", "--all")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["dropped"] for row in rows] == [e["dropped"] or "" for e in everything]


def test_report_shows_the_kept_events(run_cli: Run, articles: Path, tmp_path: Path) -> None:
    db, output = str(tmp_path / "bc.duckdb"), tmp_path / "report.html"
    run_cli("ingest", str(articles / "second.txt"), "--db", db, "--min-confidence", "1")
    code, _, _ = run_cli("report", "--db", db, "--output", str(output))
    assert code == 0 and "<mark data-event-id=" not in output.read_text()
