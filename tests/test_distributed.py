"""The Ray engine on a real local Ray (two CPUs): the same events as the local engine on the
same 50 fixture articles, the refusals stored alike, the export shards written."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from backchannel import distributed
from backchannel.errors import ConfigError
from backchannel.settings import Settings
from backchannel.store import EventFilter, open_store
from tests.corpus import article

Run = Callable[..., tuple[int, str, str]]
EVERYTHING = EventFilter(include_dropped=True, include_duplicates=True)


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray = pytest.importorskip("ray", reason="the Ray extra is not installed: make test installs it")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture
def shards(tmp_path: Path) -> Path:
    """50 fixture articles in five JSONL shards, the last with a malformed line."""
    folder = tmp_path / "news"
    folder.mkdir()
    for part in range(5):
        lines = [json.dumps(article(10 * part + n)) for n in range(10)]
        extra = ['{"id": "broken", "text": '] if part == 4 else []
        (folder / f"part-{part}.jsonl").write_text("\n".join([*lines, *extra]) + "\n")
    return folder


def _contents(path: Path) -> tuple[object, ...]:
    with open_store(str(path)) as store:
        connection = store.connection  # type: ignore[attr-defined]
        articles = connection.execute(
            "SELECT article_id, content_hash, duplicate_of, skipped FROM articles ORDER BY seq"
        ).fetchall()
        rejections = connection.execute("SELECT record, code FROM rejections").fetchall()
        return store.query_events(EVERYTHING), articles, rejections


def test_ray_and_local_engines_store_the_same_events(
    local_ray: None, run_cli: Run, shards: Path, tmp_path: Path
) -> None:
    local, distributed = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    assert run_cli("ingest", str(shards), "--db", str(local), "--workers", "1")[0] == 0
    code, _, err = run_cli("ingest", str(shards), "--db", str(distributed), "--engine", "ray",
                           "--shards", str(tmp_path / "parquet"))  # fmt: skip
    assert code == 0, err
    assert "stored 50" in err and "refused 1" in err and "part-4.jsonl:11" in err
    mine, theirs = _contents(local), _contents(distributed)
    assert {e["event_id"]: e for e in mine[0]} == {e["event_id"]: e for e in theirs[0]}
    assert mine == theirs and len(mine[0]) > 100
    exported = duckdb.sql(f"SELECT * FROM read_parquet('{tmp_path}/parquet/events/*.parquet')")
    rows = exported.fetchall()
    assert len(rows) == len(mine[0])
    columns = exported.columns
    first = dict(zip(columns, rows[0], strict=True))
    assert {"event_id", "event", "actor", "url", "title", "outlet", "published"} <= set(columns)
    assert json.loads(first["evidence"])["sentence"]
    assert first["published"].startswith("2025-03-")


def test_every_file_is_a_shard_in_the_local_engine_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.jsonl", "b/1.txt", "b/.hidden", "a.warc.gz", "c.warc.gz"):
        (tmp_path / name).write_text("x")
    found = distributed.shards(tuple(str(tmp_path / name) for name in ("b", "*.warc.gz", "none")))
    names = [str(Path(p).relative_to(tmp_path)) for p in found]
    assert names == ["b/1.txt", "b/2.jsonl", "a.warc.gz", "c.warc.gz", "none"]
    with pytest.raises(ConfigError, match="not standard input"):
        distributed.shards(("-",))


def test_the_outlet_is_the_host_of_the_url() -> None:
    outlet = distributed.outlet
    assert outlet("https://www.example.org/world/1") == "example.org"
    assert outlet(None) is None and outlet("not a url") is None


def test_one_big_file_is_read_in_one_piece_per_actor(local_ray: None, tmp_path: Path) -> None:
    """With fewer files than actors each file is read by one piece per actor, each keeping
    every n-th record under its number in the file: both actors code, the order is kept."""
    path = tmp_path / "one.jsonl"
    path.write_text("\n".join(json.dumps(article(n)) for n in range(7)) + "\n")
    items = distributed.pieces([str(path)], 2)
    assert [(i["piece"], i["pieces"]) for i in items] == [(0, 2), (1, 2)]
    assert len(distributed.pieces([str(path)] * 3, 2)) == 3  # enough files: one piece each
    job = distributed.Job((str(path),), Settings(), jsonl=True)
    read = [row for item in items for row in distributed.read_shard(item, job)]
    assert sorted(row["record"] for row in read) == list(range(7))
    assert [row["record"] for row in distributed.read_shard(items[1], job)] == [1, 3, 5]
    with open_store(str(tmp_path / "ray.duckdb")) as store:
        stored = list(distributed.ingest(job, store))
    assert [s.article.article_id for s, _ in stored] == [
        json.loads(line)["id"] for line in path.read_text().splitlines()
    ]
