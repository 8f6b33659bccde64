"""The Ray engine on a real local Ray (two CPUs): the same events as the local engine on the
same 50 fixture articles, the refusals stored alike, the export shards written."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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
    coded = duckdb.sql(f"SELECT shard, record, article_id, coded FROM read_parquet("
                       f"'{tmp_path}/parquet/coded/*.parquet') ORDER BY shard, record").fetchall()
    assert len(coded) == 51 and coded[0][:2] == (0, 0)  # the refusal has its row too
    assert json.loads(coded[0][3])["article"]["article_id"] == coded[0][2]


def test_every_file_is_a_shard_in_the_local_engine_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "empty").mkdir()
    for name in ("b/2.jsonl", "b/1.txt", "b/.hidden", "a.warc.gz", "c.warc.gz"):
        (tmp_path / name).write_text("x")
    named = ("b", "*.warc.gz", "none", "empty")
    found = distributed.shards(tuple(str(tmp_path / name) for name in named))
    names = [str(Path(p).relative_to(tmp_path)) for p in found]
    assert names == ["b/1.txt", "b/2.jsonl", "a.warc.gz", "c.warc.gz", "none", "empty"]
    with pytest.raises(ConfigError, match="not standard input"):
        distributed.shards(("-",))


def test_the_outlet_is_the_host_of_the_url() -> None:
    outlet = distributed.outlet
    assert outlet("https://www.example.org/world/1") == "example.org"
    assert outlet(None) is None and outlet("not a url") is None


def test_one_big_file_is_coded_by_every_actor_in_order(local_ray: None, tmp_path: Path) -> None:
    """One file of 100 records on two actors: its chunks go to each in turn, and come back
    to the store in the file's order."""
    path = tmp_path / "one.jsonl"
    path.write_text("\n".join(json.dumps(article(n)) for n in range(100)) + "\n\n")
    job = distributed.Job((str(path),), Settings(), jsonl=True)
    assert [row["record"] for row in distributed.read_shard({"shard": 0, "path": str(path)}, job)
            ] == list(range(100))  # fmt: skip
    ray = pytest.importorskip("ray")
    pool = distributed.coders(ray, job.settings, 2, distributed.KEEP)  # the ones ingest finds

    def coded() -> list[float]:
        return [status["records"] for status in ray.get([a.status.remote() for a in pool])]

    before = coded()
    with open_store(str(tmp_path / "ray.duckdb")) as store:
        stored = list(distributed.ingest(job, store))
    assert [s.article.article_id for s, _ in stored] == [
        json.loads(line)["id"] for line in path.read_text().splitlines() if line
    ]
    gained = [after - then for after, then in zip(coded(), before, strict=True)]
    assert gained == [16 * 3 + 4, 16 * 3]  # six chunks of 16 and one of 4, in turn


def test_the_coding_actors_are_named_after_what_they_code_with() -> None:
    stamp = distributed.stamp
    assert stamp(Settings()) == stamp(Settings(db="other.duckdb", workers=7, progress=False))
    assert stamp(Settings()) != stamp(Settings(min_confidence=0.5))  # another pipeline


def test_the_next_run_finds_the_coding_actors_and_they_stop_when_idle(
    local_ray: None, shards: Path, tmp_path: Path
) -> None:
    ray = pytest.importorskip("ray")
    job = distributed.Job((str(shards / "part-0.jsonl"),), Settings(max_words=149), jsonl=True)
    with open_store(str(tmp_path / "first.duckdb")) as store:
        list(distributed.ingest(job, store, keep=3))
    name = f"coder-{distributed.stamp(job.settings)}-0"
    found = ray.get_actor(name, namespace=distributed.NAMESPACE)
    assert ray.get(found.status.remote())["records"] == 10  # the actor that coded stays...
    with open_store(str(tmp_path / "next.duckdb")) as store:
        list(distributed.ingest(job, store, keep=3))  # ...and the next run codes on it
    assert ray.get(found.status.remote())["records"] == 20
    assert _gone(ray, name), "the coding actor did not stop after 3 idle seconds"


def _gone(ray: Any, name: str, seconds: float = 30) -> bool:
    """Whether the named coding actor is gone within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            ray.get_actor(name, namespace=distributed.NAMESPACE)
        except ValueError:
            return True
        time.sleep(0.5)
    return False


def test_keep_zero_stops_the_coding_actors_when_the_run_ends(
    local_ray: None, shards: Path, tmp_path: Path
) -> None:
    ray = pytest.importorskip("ray")
    job = distributed.Job((str(shards / "part-1.jsonl"),), Settings(max_words=148), jsonl=True)
    with open_store(str(tmp_path / "once.duckdb")) as store:
        assert len(list(distributed.ingest(job, store, keep=0))) == 10
    assert _gone(ray, f"coder-{distributed.stamp(job.settings)}-0", seconds=5)  # killed, not idle


def test_stored_articles_are_not_coded_again(
    local_ray: None, run_cli: Run, shards: Path, tmp_path: Path
) -> None:
    """A second run over the same input finds every article stored and codes none of them,
    with the same outcomes as the local engine; a changed text is coded again."""
    ray = pytest.importorskip("ray")
    local, distributed_db = str(tmp_path / "local.duckdb"), str(tmp_path / "ray.duckdb")
    for _ in range(2):
        assert run_cli("ingest", str(shards), "--db", local, "--workers", "1")[0] == 0
    _, _, first = run_cli("ingest", str(shards), "--db", distributed_db, "--engine", "ray")
    pool = distributed.coders(ray, Settings(), 2, distributed.KEEP)
    before = sum(s["records"] for s in ray.get([a.status.remote() for a in pool]))
    changed = {**article(20), "url": "https://example.org/changed", "text": "Later, Iran refused."}
    rows = [changed, *(article(20 + n) for n in range(1, 10))]
    (shards / "part-2.jsonl").write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    code, _, again = run_cli("ingest", str(shards), "--db", distributed_db, "--engine", "ray")
    assert code == 0 and "stored 50" in first
    assert "unchanged 49" in again, again
    after = sum(s["records"] for s in ray.get([a.status.remote() for a in pool]))
    assert after - before == 1 + 1  # the changed article, and the malformed line's refusal
    _, _, local_again = run_cli("ingest", str(shards), "--db", local, "--workers", "1")
    assert local_again.split("read ")[-1] == again.split("read ")[-1]


def test_keep_coders_takes_whole_seconds(
    run_cli: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as refused:
        run_cli("ingest", str(tmp_path), "--engine", "ray", "--keep-coders", "soon")
    assert refused.value.code == 2
    assert "--keep-coders: not a whole number: 'soon'" in capsys.readouterr().err
