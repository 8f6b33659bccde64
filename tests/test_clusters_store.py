"""Clusters and threads through the store and the CLI: ``ingest`` (which reclusters),
``events --clusters``, ``--min-sources``, ``threads``, ``cluster``, the GDELT-style events and
mentions tables, on a real DuckDB file and on PostgreSQL."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from backchannel.cli import main
from backchannel.store import open_store
from tests.conftest import ROOT, jsonl

Run = Callable[..., tuple[int, str, str]]
# Our own records: one attack on Odesa told by two outlets, another a week later.
ODESA = [
    {"id": "odesa-a", "url": "https://harbour-news.example/odesa/terminal",
     "published": "2026-02-03",
     "text": "Drone attack on Odesa\n\nRussian drones attacked the port of Odesa on Monday,"
             " February 2, setting a grain terminal on fire, officials said."},
    {"id": "odesa-b", "url": "https://coast-daily.example/news/odesa-port",
     "published": "2026-02-03",
     "text": "Port hit overnight\n\nRussia attacked the port of Odesa with drones on Monday,"
             " February 2, and a grain terminal burned, the regional governor said."},
    {"id": "odesa-c", "url": "https://harbour-news.example/odesa/depot",
     "published": "2026-02-10",
     "text": "Odesa struck again\n\nRussian drones attacked the port of Odesa on Monday,"
             " February 9, setting a fuel depot on fire, officials said."},
]  # fmt: skip


def _ingest(db: str, folder: Path) -> None:
    records = folder / "odesa.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in ODESA))
    assert main(["ingest", str(ROOT / "examples" / "articles"), str(records), "--db", db]) == 0


@pytest.fixture(scope="module")
def clustered(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The examples (``make demo``) and ``ODESA``, ingested (and so clustered)."""
    folder = tmp_path_factory.mktemp("clusters")
    db = str(folder / "clusters.duckdb")
    _ingest(db, folder)
    return db


def _syndicated(db: str) -> tuple[str, str]:
    with open_store(db, read_only=True) as store:
        row = store.connection.execute(  # type: ignore[attr-defined]
            "SELECT article_id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"
        ).fetchone()
    return str(row[0]), str(row[1])


def clusters_of(run_cli: Run, db: str, *args: str) -> list[dict[str, Any]]:
    code, out, err = run_cli("events", "--db", db, "--clusters", "--format", "jsonl", *args)
    assert code == 0, err
    return jsonl(out)


def test_the_demos_syndicated_copy_gives_one_cluster_per_event_with_two_mentions(
    run_cli: Run, clustered: str
) -> None:
    copy, original = _syndicated(clustered)
    code, out, _ = run_cli("events", "--db", clustered, "--article", copy,
                           "--include-duplicates", "--format", "jsonl")  # fmt: skip
    copied = {event["event_id"] for event in jsonl(out)}
    assert code == 0 and len(copied) >= 8
    rows = [c for c in clusters_of(run_cli, clustered) if copy in c["articles"]]
    assert len(rows) == len(copied)  # each event of the copy in a cluster of its own
    for row in rows:
        assert (row["articles"], row["mentions"]) == ([original, copy], 2), row
    assert {row["canonical_event"] for row in rows}.isdisjoint(copied)  # the first copy's


def test_the_same_dyad_on_different_days_stays_apart(run_cli: Run, clustered: str) -> None:
    rows = [c for c in clusters_of(run_cli, clustered, "--country", "UKR", "--type", "ASSAULT")
            if {"odesa-a", "odesa-b", "odesa-c"} & set(c["articles"])]  # fmt: skip
    together = [sorted(c["articles"]) for c in rows if len(c["articles"]) > 1]
    assert together == [["odesa-a", "odesa-b"]]
    week_later = [c for c in rows if c["articles"] == ["odesa-c"]]
    assert week_later and week_later[0]["date"] == "2026-02-09"
    two = next(c for c in rows if len(c["articles"]) == 2)
    assert (two["sources"], two["date"], two["first_reported"]) == (2, "2026-02-02", "2026-02-03")


def test_min_sources_keeps_what_two_sources_report(run_cli: Run, clustered: str) -> None:
    everything = clusters_of(run_cli, clustered)
    two = clusters_of(run_cli, clustered, "--min-sources", "2")
    assert two and len(two) < len(everything)
    assert all(row["sources"] >= 2 for row in two)
    code, out, _ = run_cli("events", "--db", clustered, "--min-sources", "2", "--format", "jsonl")
    events = jsonl(out)
    assert code == 0 and events
    cluster_events = {a for row in two for a in row["articles"]}
    assert {event["article_id"] for event in events} <= cluster_events


def test_cluster_table_and_csv(run_cli: Run, clustered: str) -> None:
    code, out, err = run_cli("events", "--db", clustered, "--clusters", "--limit", "3")
    assert code == 0 and out.splitlines()[0].split()[:3] == ["type", "actor", "→"]
    assert len(out.splitlines()) == 2 + 3 and "3 cluster(s)" in err
    code, out, _ = run_cli("events", "--db", clustered, "--clusters", "--format", "csv")
    rows = list(csv.DictReader(out.splitlines()))
    assert code == 0 and set(rows[0]) >= {"cluster_id", "mentions", "sources", "first_reported"}


def test_threads_link_clusters_of_one_dyad_and_topic(run_cli: Run, clustered: str) -> None:
    code, out, _ = run_cli("threads", "--db", clustered, "--format", "jsonl")
    threads = jsonl(out)
    assert code == 0
    talks = next(t for t in threads if (t["dyad"], t["topic"]) == ("IRN–USA", "talks"))
    assert talks["clusters"] == len(talks["events"]) >= 2
    code, out, _ = run_cli("threads", "--db", clustered, "--country", "irn", "--topic", "talks")
    assert code == 0 and "IRN–USA  talks" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("threads", "--topic", "talkz"), "[BC703] 'talkz' is not a thread topic (did you mean"),
        (("threads", "--country", "Iran"), "did you mean IRN?"),
    ],
)  # fmt: skip
def test_bad_thread_filters_are_refused(
    run_cli: Run, clustered: str, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run_cli(*args, "--db", clustered)
    assert (code, out) == (2, "") and message in err


def test_min_sources_must_be_one_or_more(run_cli: Run, clustered: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        run_cli("events", "--db", clustered, "--clusters", "--min-sources", "0")
    assert exit_.value.code == 2


def test_cluster_command_recomputes_the_same_clusters(run_cli: Run, tmp_path: Path,
                                                      clustered: str) -> None:  # fmt: skip
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(Path(clustered).read_bytes())
    before = clusters_of(run_cli, str(copy))
    with open_store(str(copy)) as store:
        store.connection.execute("DELETE FROM clusters")  # type: ignore[attr-defined]
    assert clusters_of(run_cli, str(copy)) == []
    code, _, err = run_cli("cluster", "--db", str(copy))
    assert code == 0 and "clustered" in err and "reported more than once" in err
    assert clusters_of(run_cli, str(copy)) == before


def test_cluster_refuses_a_missing_database(run_cli: Run, tmp_path: Path) -> None:
    code, _, err = run_cli("cluster", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "[BC600] no database at" in err


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_gdelt_events_and_mentions_tables(run_cli: Run, clustered: str, tmp_path: Path) -> None:
    events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    for fmt, path in (("gdelt-events", events), ("gdelt-mentions", mentions)):
        code, _, err = run_cli("export", "--db", clustered, "--format", fmt, "--output", str(path))
        assert code == 0, err
    rows, cited = _tsv(events), _tsv(mentions)
    assert len(rows[0]) == 61 and len(cited[0]) == 16
    clusters = {c["cluster_id"]: c for c in clusters_of(run_cli, clustered)}
    assert {r["GLOBALEVENTID"] for r in rows} == set(clusters)
    odesa = next(
        r for r in rows if r["SOURCEURL"].endswith("/odesa/terminal") and r["SQLDATE"] == "20260202"
    )
    assert (odesa["NumSources"], odesa["NumArticles"], odesa["SQLDATE"]) == ("2", "2", "20260202")
    ours = [m for m in cited if m["GLOBALEVENTID"] == odesa["GLOBALEVENTID"]]
    assert {m["MentionSourceName"] for m in ours} == {"harbour-news.example", "coast-daily.example"}
    assert {m["MentionTimeDate"] for m in ours} == {"20260203000000"}
    per_cluster = {key: sum(1 for m in cited if m["GLOBALEVENTID"] == key) for key in clusters}
    assert all(n >= 1 for n in per_cluster.values())


@pytest.mark.postgres
def test_postgresql_gives_the_same_clusters(
    run_cli: Run, clustered: str, pg_database: str, tmp_path: Path
) -> None:
    _ingest(pg_database, tmp_path)
    assert clusters_of(run_cli, pg_database) == clusters_of(run_cli, clustered)
    for args in ((), ("--country", "IRN", "--topic", "talks")):
        code, out, _ = run_cli("threads", "--db", pg_database, "--format", "jsonl", *args)
        _, duck, _ = run_cli("threads", "--db", clustered, "--format", "jsonl", *args)
        assert code == 0 and jsonl(out) == jsonl(duck) and jsonl(out)
    tables = []
    for db in (pg_database, clustered):
        path = tmp_path / f"mentions-{len(tables)}.tsv"
        code, _, err = run_cli("export", "--db", db, "--format", "gdelt-mentions",
                               "--output", str(path))  # fmt: skip
        assert code == 0, err
        tables.append(_tsv(path))
    assert tables[0] == tables[1] and tables[0]
