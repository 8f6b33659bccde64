"""From text to DuckDB rows with the real pipeline (spaCy model, coder, store)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.conftest import jsonl

Run = Callable[..., tuple[int, str, str]]

ARTICLE = (
    "Washington tightens pressure on Tehran\n"
    "WASHINGTON -- The United States imposed new sanctions on Iran on Monday, targeting "
    "five shipping companies, the Treasury Department said.\n"
    "Iran rejected the sanctions and summoned the Swiss ambassador in Tehran, who "
    "represents American interests there, state media reported.\n"
    "Oman offered to mediate talks between Iran and the United States, according to a "
    "diplomat who asked not to be named.\n"
)


@pytest.fixture
def ingested(run_cli: Run, tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    db = tmp_path / "e2e.duckdb"
    code, _, err = run_cli("ingest", str(path), "--db", str(db), "--published", "2026-03-02")
    assert code == 0, err
    return path, db


def test_text_to_rows(ingested: tuple[Path, Path]) -> None:
    _, db = ingested
    with duckdb.connect(str(db), read_only=True) as connection:
        article = connection.execute(
            "SELECT published, published_source, duplicate_of, text FROM articles"
        ).fetchall()
        events = connection.execute(
            "SELECT event, evidence_start, evidence_end, evidence_sentence, document FROM events"
        ).fetchall()
        roles = connection.execute("SELECT DISTINCT role FROM event_actors").fetchall()
    assert len(article) == 1
    published, source, duplicate_of, text = article[0]
    assert str(published) == "2026-03-02" and source == "user" and duplicate_of is None
    assert events, "the pipeline coded no event from the article"
    for _, start, end, sentence, document in events:
        assert text[start:end] == sentence and '"schema":"backchannel.event/1"' in document
    assert ("actor",) in roles


def test_events_lines_equal_code_lines(run_cli: Run, ingested: tuple[Path, Path]) -> None:
    path, db = ingested
    _, coded, _ = run_cli("code", str(path), "--published", "2026-03-02")
    _, stored, _ = run_cli("events", "--db", str(db), "--format", "jsonl")
    assert jsonl(coded), "the pipeline coded no event from the article"
    assert stored == coded
