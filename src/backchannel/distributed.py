"""The distributed engine: the same ``Pipeline`` mapped over shards with Ray Data.

    backchannel ingest --engine ray [--address auto|ray://HOST:10001] PATH ...

Every input file is a shard. Ray Data reads each shard's records with the readers of the
local engine, codes them in a pool of actors (each builds one pipeline: the model is loaded
once per actor) and writes two sets of Parquet shards: ``coded/``, one row per record (its
place in the input and the coded document) and ``events/``, the export schema: one row per
event with the contract's fields (nested ones as JSON text) and the article's provenance (url,
title, outlet, published). The driver then loads ``coded/`` into the store in input order, in
batches, through the writer the local engine uses, so both engines store the same rows.

Ray is an optional extra (``pip install 'backchannel[ray]'``); nothing else imports this
module, and no stage knows that it runs here.
"""

from __future__ import annotations

import glob
import json
import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from backchannel.errors import ConfigError
from backchannel.ingest import read_inputs
from backchannel.pipeline import Pipeline
from backchannel.records import Article, Coded, Rejection
from backchannel.serialise import coded, coded_from_dict, coded_to_dict
from backchannel.settings import Settings
from backchannel.workers import CHUNK, Record

if TYPE_CHECKING:  # the actors import this module: not the store nor DuckDB, which they never use
    from backchannel.batches import Stored
    from backchannel.store import Store

EXTRA = "pip install 'backchannel[ray]'"


@dataclass(frozen=True, slots=True)
class Job:
    """What to read, and how (the options of ``ingest`` the readers need)."""

    paths: tuple[str, ...]
    settings: Settings
    jsonl: bool = False
    published: date | None = None


def _ray() -> Any:
    try:
        import ray
    except ImportError as err:
        raise ConfigError(f"the ray engine needs Ray: {EXTRA}") from err
    return ray


def shards(paths: tuple[str, ...]) -> list[str]:
    """The files the paths name, in the order the local engine reads them (a name that
    matches nothing stays, so that its reader reports it)."""
    found: list[str] = []
    for name in paths:
        if name == "-":
            raise ConfigError("the ray engine reads files, not standard input")
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            found.extend(str(p) for p in files)
        elif path.exists():
            found.append(name)
        else:
            found.extend(sorted(glob.glob(name, recursive=True)) or [name])
    return found


def record_to_json(record: Record) -> str:
    """A record as read (an article not coded yet, or a refusal) as JSON text."""
    if isinstance(record, Rejection):
        return json.dumps(coded_to_dict(Coded(Article(record.record, ""), {}, [], record)))
    return json.dumps(coded_to_dict(Coded(record, {}, [])))


def record_from_json(text: str) -> Record:
    value = coded_from_dict(json.loads(text))
    return value.rejection or value.article


def read_shard(row: dict[str, Any], job: Job) -> Iterator[dict[str, Any]]:
    """The records of one shard, streamed, each with its place in the input (a Ray
    ``flat_map``)."""
    records = read_inputs([row["path"]], jsonl=job.jsonl, settings=job.settings,
                          published=job.published)  # fmt: skip
    piece, pieces = row.get("piece", 0), row.get("pieces", 1)
    for number, record in enumerate(records):
        if number % pieces == piece:
            yield {"shard": row["shard"], "record": number, "item": record_to_json(record)}


def pieces(files: list[str], actors: int) -> list[dict[str, Any]]:
    """The read tasks: one per file, or, with fewer files than actors, each file read by
    as many pieces as there are actors, each keeping every n-th record (one big file would
    otherwise be coded by one actor while the others wait)."""
    split = actors if len(files) < actors else 1
    return [
        {"shard": n, "path": path, "piece": k, "pieces": split}
        for n, path in enumerate(files)
        for k in range(split)
    ]


class Coder:
    """A Ray actor: one pipeline, built once, coding batches of records."""

    def __init__(self, settings: Settings) -> None:
        self.pipeline = Pipeline(settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        records = [record_from_json(str(item)) for item in batch["item"]]
        done = [coded(doc) for doc in self.pipeline.run(records)]
        return {
            "shard": [int(n) for n in batch["shard"]],
            "record": [int(n) for n in batch["record"]],
            "article_id": [item.article.article_id for item in done],
            "coded": [json.dumps(coded_to_dict(item)) for item in done],
        }


def outlet(url: str | None) -> str | None:
    """The site an article came from: the host of its URL, without ``www.``."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


EXPORT_COLUMNS = (
    "schema", "event_id", "article_id", "event", "mode", "context", "cameo", "quad_class",
    "intensity", "actor", "recipient", "intermediary", "status", "negated", "date",
    "attribution", "evidence", "confidence", "coder", "rule", "opinion", "dropped",
    "url", "title", "outlet", "published",
)  # fmt: skip
NESTED = frozenset({"context", "actor", "recipient", "intermediary", "date", "attribution",
                    "evidence"})  # fmt: skip


def export_rows(batch: dict[str, Any]) -> dict[str, list[Any]]:
    """The events of coded records in the export schema: one row per event, the contract's
    nested fields as JSON text, with the article's provenance (a Ray ``map_batches``)."""
    columns: dict[str, list[Any]] = {name: [] for name in EXPORT_COLUMNS}
    for text in batch["coded"]:
        item = coded_from_dict(json.loads(str(text)))
        article = item.article
        published = article.published.isoformat() if article.published else None
        provenance = {"url": article.url, "title": article.title, "outlet": outlet(article.url),
                      "published": published}  # fmt: skip
        for event in item.events:
            for name in EXPORT_COLUMNS:
                value = provenance[name] if name in provenance else event.get(name)
                columns[name].append(json.dumps(value) if name in NESTED else value)
    return columns


@contextmanager
def _connected(address: str | None) -> Iterator[Any]:
    """Ray, started here (or joined at ``address``) unless this process already did."""
    ray = _ray()
    if ray.is_initialized():
        yield ray
        return
    ray.init(address=address, include_dashboard=False, log_to_driver=False,
             logging_level=logging.WARNING)  # fmt: skip
    try:
        yield ray
    finally:
        ray.shutdown()


def _quiet(ray: Any) -> None:
    """Ray Data's progress is not ``ingest``'s: no bars, no plans, warnings only."""
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def run(job: Job, folder: Path, address: str | None = None, export: bool = True) -> None:
    """Read, code and write the Parquet shards of ``job`` under ``folder`` on Ray (with
    ``export``, the events too, in the export's columns)."""
    with _connected(address) as ray:
        _quiet(ray)
        actors = max(1, int(ray.cluster_resources().get("CPU", 1)))
        items = pieces(shards(job.paths), actors)
        dataset = ray.data.from_items(items, override_num_blocks=max(1, len(items)))
        records = dataset.flat_map(read_shard, fn_kwargs={"job": job}, num_cpus=0)
        done = records.map_batches(
            Coder, fn_constructor_kwargs={"settings": job.settings}, batch_size=CHUNK,
            compute=ray.data.ActorPoolStrategy(size=actors), num_cpus=1,
        )  # fmt: skip
        for name in ("coded", "events"):
            shutil.rmtree(folder / name, ignore_errors=True)
        done.write_parquet(str(folder / "coded"), ray_remote_args={"num_cpus": 0})
        if export:
            exported = ray.data.read_parquet(str(folder / "coded")).map_batches(export_rows)
            exported.write_parquet(str(folder / "events"))


def load(folder: Path, store: Store) -> Iterator[Stored]:
    """The coded shards under ``folder`` into ``store``, in input order, batch by batch."""
    import duckdb

    source = str(folder / "coded" / "*.parquet")
    with duckdb.connect() as connection:
        cursor = connection.execute(
            "SELECT coded FROM read_parquet(?) ORDER BY shard, record", [source]
        )
        while rows := cursor.fetchmany(CHUNK):
            batch = [coded_from_dict(json.loads(row[0])) for row in rows]
            yield from zip(batch, store.store_batch(batch), strict=True)


def ingest(
    job: Job, store: Store, *, address: str | None = None, shards_to: str | None = None
) -> Iterator[Stored]:
    """Code ``job`` on Ray and store the result; the Parquet shards, and the events in the
    export's columns, are kept in ``shards_to`` when given (on a cluster, a folder every node
    can write to); without it no events export is written, as no one would read it."""
    with tempfile.TemporaryDirectory(prefix="backchannel-ray-") as scratch:
        folder = Path(shards_to or scratch)
        run(job, folder, address, export=shards_to is not None)
        yield from load(folder, store)
