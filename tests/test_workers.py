"""Coding on several processes, and ingesting in small batches: the same output as one
process, stored batch by batch, stored records skipped before they are coded."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from backchannel.batches import ingest_batches
from backchannel.ingest import read_inputs
from backchannel.records import Article, Rejection
from backchannel.settings import Settings
from backchannel.store import EventFilter, open_store
from tests.corpus import write_jsonl

Run = Callable[..., tuple[int, str, str]]
BAD_LINES = ('{"id": "broken", "text": ', '{"id": "empty", "text": "  "}')
EVERYTHING = EventFilter(include_dropped=True, include_duplicates=True)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """40 fixture articles (three chunks) and two bad lines."""
    return write_jsonl(tmp_path / "corpus.jsonl", 40, BAD_LINES)


def test_two_workers_print_what_one_prints(run_cli: Run, corpus: Path) -> None:
    one = run_cli("code", str(corpus), "--all", "--explain", "--workers", "1")
    two = run_cli("code", str(corpus), "--all", "--explain", "--workers", "2")
    assert one[0] == two[0] == 0
    assert one[1] == two[1] and one[1].count('"event_id"') > 40
    assert sorted(one[2].splitlines()) == sorted(two[2].splitlines())
    assert "corpus.jsonl:41': malformed JSON" in one[2]
    assert "corpus.jsonl:42 (id empty)': no text" in one[2]


def _stored(path: Path) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]], dict[str, int]]:
    with open_store(str(path)) as store:
        articles = store.connection.execute(
            "SELECT article_id, duplicate_of, relevance_score, skipped FROM articles ORDER BY seq"
        ).fetchall()
        return store.query_events(EVERYTHING), articles, store.counts()


def test_ingest_with_two_workers_stores_what_one_stores(
    run_cli: Run, corpus: Path, tmp_path: Path
) -> None:
    for workers in ("1", "2"):
        code, _, err = run_cli("ingest", str(corpus), "--db", str(tmp_path / f"{workers}.duckdb"),
                               "--workers", workers)  # fmt: skip
        assert code == 0 and "stored 40" in err and "refused 2" in err
    one, two = _stored(tmp_path / "1.duckdb"), _stored(tmp_path / "2.duckdb")
    assert one == two
    assert len(one[0]) > 40 and one[2]["rejections"] == 2


def _records(path: Path) -> list[Article | Rejection]:
    return list(read_inputs([str(path)], settings=Settings()))


def test_a_resumed_ingest_codes_only_what_is_new(corpus: Path, tmp_path: Path) -> None:
    records = _records(corpus)
    settings = Settings(workers=1)
    with open_store(str(tmp_path / "db.duckdb")) as store:
        first = list(ingest_batches(records[:20], store, settings))
        assert [outcome for _, outcome in first] == ["stored"] * 20
        again = list(ingest_batches(records, store, settings))
    outcomes = [outcome for _, outcome in again]
    assert outcomes.count("unchanged") == 20 and outcomes.count("stored") == 20
    # the stored ones never went through the pipeline: no relevance decision was taken
    assert all(doc.relevance == {} for doc, outcome in again if outcome == "unchanged")
    assert all(doc.relevance for doc, outcome in again if outcome == "stored")


def test_a_new_text_under_a_stored_id_is_still_refused(tmp_path: Path) -> None:
    settings = Settings(workers=1)
    with open_store(str(tmp_path / "db.duckdb")) as store:
        list(ingest_batches([Article("same", "Norway and Chile signed a trade deal.")], store,
                            settings))  # fmt: skip
        later = [Article("same", "Chile recalled its ambassador from Norway on Friday.")]
        assert [outcome for _, outcome in ingest_batches(later, store, settings)] == ["rejected"]


def _interrupted(records: list[Article | Rejection], after: int) -> Iterator[Article | Rejection]:
    yield from records[:after]
    raise KeyboardInterrupt


def test_an_interrupted_ingest_keeps_the_batches_it_finished(corpus: Path, tmp_path: Path) -> None:
    path = str(tmp_path / "db.duckdb")
    with open_store(path) as store, pytest.raises(KeyboardInterrupt):
        for _ in ingest_batches(_interrupted(_records(corpus), 37), store, Settings(workers=1)):
            pass
    with open_store(path) as store:
        assert store.counts()["articles"] == 32  # two batches of 16 were committed


def _children(pid: int) -> list[int]:
    """The live processes below ``pid`` (Linux ``/proc``)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(entry.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier]
        found.extend(frontier)
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "many.jsonl", 2000)
    command = [sys.executable, "-m", "backchannel", "ingest", str(source), "--workers", "2",
               "--db", str(tmp_path / "db.duckdb")]  # fmt: skip
    parent = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_children(parent.pid)) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)  # the forkserver and its two workers
    workers = _children(parent.pid)
    assert len(workers) >= 3
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [pid for pid in workers if _alive(pid)] == []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
