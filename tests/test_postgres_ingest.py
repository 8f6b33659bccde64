"""Two ``backchannel ingest`` processes at once into one PostgreSQL database, over the same
500 articles: each article is stored once and every event once, exactly what one process
writes into a DuckDB file (run beside them as the reference)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import psycopg
import pytest

from tests.shared_corpus import write_jsonl

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
ARTICLES = 500
SUMMARY = re.compile(r"stored (\d+), duplicates (\d+), unchanged (\d+), refused (\d+)")


def _ingest(records: Path, db: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKCHANNEL_")}
    command = [sys.executable, "-m", "backchannel", "ingest", "--jsonl", str(records), "--db", db]
    return subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)


def _summary(process: subprocess.Popen[str]) -> tuple[int, ...]:
    _, err = process.communicate(timeout=1200)
    assert process.returncode == 0, err
    found = SUMMARY.search(err)
    assert found, err
    return tuple(int(n) for n in found.groups())


EVENTS = "SELECT event_id, article_id, position, document::text FROM events ORDER BY event_id"
ARTICLE_ROWS = "SELECT article_id, content_hash, duplicate_of FROM articles ORDER BY article_id"


def test_two_writers_store_each_article_and_event_once(pg_database: str, tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "articles.jsonl", ARTICLES)
    reference = str(tmp_path / "one-process.duckdb")
    processes = [_ingest(records, pg_database), _ingest(records, pg_database)]
    processes.append(_ingest(records, reference))
    first, second, alone = (_summary(p) for p in processes)
    # together the two writers stored every article once; the other saw it there already
    assert first[3] == second[3] == alone[3] == 0
    assert first[0] + second[0] == alone[0] and first[1] + second[1] == alone[1]
    assert first[0] + first[1] + first[2] == ARTICLES == second[0] + second[1] + second[2]
    assert alone[0] + alone[1] == ARTICLES
    with psycopg.connect(pg_database) as pg, duckdb.connect(reference, read_only=True) as duck:
        assert pg.execute(ARTICLE_ROWS).fetchall() == duck.execute(ARTICLE_ROWS).fetchall()
        pg_events = pg.execute(EVENTS).fetchall()
        duck_events = duck.execute(EVENTS).fetchall()
        assert len(duck_events) > ARTICLES  # most articles hold an event or two
        assert pg_events == duck_events
        assert pg.execute("SELECT count(*) FROM rejections").fetchone() == (0,)
        actors = "SELECT count(*) FROM event_actors"
        assert pg.execute(actors).fetchone() == duck.execute(actors).fetchone()
