"""The distributed engine: the same ``Pipeline`` mapped over shards with Ray Data.

    backchannel ingest --engine ray [--address auto|ray://HOST:10001] PATH ...

Every input file is a shard. Ray Data maps over the shards: a task reads a run of them with
the readers of the local engine and hands their records, a chunk at a time and in turn, to a
pool of coding actors (each builds one pipeline: the model is loaded once per actor), two
chunks per actor in flight. Reading is a small part of the work, so one task feeds up to
sixteen actors, and one big file keeps them all busy. The coded chunks come back to the
driver in input order and are stored as they come, through the writer the local engine uses,
so both engines store the same rows, and storing goes on while the actors code. Between the
actors and the driver the records travel pickled. With ``--shards DIR`` they are also written
there as two sets of Parquet shards: ``coded/``, one row per record (its place in the input
and the coded document as JSON) and ``events/``, the export schema: one row per event with
the contract's fields (nested ones as JSON text) and the article's provenance (url, title,
outlet, published).

The coding actors outlive the run on a cluster: they are named after the package and the
settings, so the next ``ingest`` on the same cluster finds them with their model loaded
instead of starting its own (a minute or more on a big cluster, several seconds on one
machine). Each stops itself after ``keep`` seconds without work (``ingest --keep-coders``;
0 stops them when the run ends); a local Ray started by the run ends with it, and them.

Ray is an optional extra (``pip install 'backchannel[ray]'``); nothing else imports this
module, and no stage knows that it runs here.
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import json
import logging
import pickle
import shutil
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from backchannel import __version__
from backchannel.errors import ConfigError
from backchannel.ingest import read_inputs
from backchannel.records import Article, Coded
from backchannel.serialise import coded, coded_to_dict
from backchannel.settings import Settings
from backchannel.workers import Record, chunks

if TYPE_CHECKING:  # the actors import this module: not the store nor DuckDB, which they never use
    from backchannel.batches import Stored
    from backchannel.store import Outcome, Store

EXTRA = "pip install 'backchannel[ray]'"


Known = tuple[dict[str, str], set[str]]  # stored: article id -> content hash; URLs


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
    matches nothing, or an empty folder, stays, so that its reader reports it)."""
    found: list[str] = []
    for name in paths:
        if name == "-":
            raise ConfigError("the ray engine reads files, not standard input")
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            found.extend([str(p) for p in files] or [name])
        elif path.exists():
            found.append(name)
        else:
            found.extend(sorted(glob.glob(name, recursive=True)) or [name])
    return found


def read_shard(row: dict[str, Any], job: Job) -> Iterator[dict[str, Any]]:
    """The records of one shard, streamed, each with its place in the input."""
    records = read_inputs([row["path"]], jsonl=job.jsonl, settings=job.settings,
                          published=job.published)  # fmt: skip
    for number, record in enumerate(records):
        yield {"shard": row["shard"], "record": number, "item": record}


NAMESPACE = "backchannel"  # the Ray namespace of the coding actors
KEEP = 300  # seconds a coding actor waits for the next run before it stops itself
RETIRE = 5  # seconds a coding actor for other settings waits once a new run needs its CPUs
FED = 16  # coding actors one reading task feeds
KEYS = 1024  # records whose ids and URLs are looked up in the store at a time
WARM_UP = "The foreign ministers of France and Iran met in Geneva on Monday."  # coded at start
BLOCK = 1 << 18  # bytes of coded records per Ray Data block: a chunk or two reach the store


class Coder:
    """A Ray actor: one pipeline, built once and loaded before the actor is ready (a
    pipeline loads its model and knowledge on its first document), coding chunks of
    records. It stops itself after ``keep`` seconds without work (0: never; the run stops
    it)."""

    def __init__(self, settings: Settings, keep: float) -> None:
        from backchannel.pipeline import Pipeline  # here: Ray's task workers never load it

        self.pipeline = Pipeline(settings)
        list(self.pipeline.run([Article("warm-up", WARM_UP)]))  # the model and knowledge load
        self.keep, self.busy, self.last, self.records = keep, False, time.monotonic(), 0
        threading.Thread(target=self._stop_when_idle, daemon=True).start()

    def ready(self, keep: float) -> bool:
        """Here and waiting (a new run's ``keep`` replaces the last one's)."""
        self.keep, self.last = keep, time.monotonic()
        return True

    def retire(self) -> None:
        """Stop after ``RETIRE`` seconds without work (a run with other settings or another
        version of the package needs the CPUs)."""
        self.keep = min(self.keep, RETIRE) if self.keep > 0 else RETIRE

    def status(self) -> dict[str, float]:
        """How many records this actor has coded, and for how many seconds it has waited."""
        return {"records": self.records, "idle": time.monotonic() - self.last}

    def code(self, chunk: dict[str, Any]) -> dict[str, list[Any]]:
        self.busy = True
        try:
            records: list[Record] = chunk["item"]
            done = [coded(doc) for doc in self.pipeline.run(records)]
            self.records += len(done)
        finally:
            self.busy, self.last = False, time.monotonic()
        return {
            "shard": [int(n) for n in chunk["shard"]],
            "record": [int(n) for n in chunk["record"]],
            "article_id": [item.article.article_id for item in done],
            "coded": [pickle.dumps(item, protocol=5) for item in done],
        }

    def _stop_when_idle(self) -> None:
        while self.busy or self.keep <= 0 or time.monotonic() - self.last < self.keep:
            time.sleep(1.0)
        ray = _ray()
        ray.kill(ray.get_runtime_context().current_actor)


def stamp(settings: Settings) -> str:
    """What a coding actor is built from: the package's files (size and time) and the
    settings the pipeline reads, as a short digest (an actor built otherwise is not used)."""
    package = Path(__file__).parent
    digest = hashlib.sha1(__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            info = path.stat()
            digest.update(f"{path.relative_to(package)} {info.st_size} {info.st_mtime_ns}".encode())
    coding = dataclasses.replace(settings, db="", progress=False, api_token="", workers=1)
    digest.update(repr(coding).encode())
    return digest.hexdigest()[:12]


def coders(ray: Any, settings: Settings, count: int, keep: float) -> list[Any]:
    """``count`` coding actors for ``settings``: those a recent run left on the cluster,
    else new ones (each loads the model once)."""
    remote = ray.remote(num_cpus=1)(Coder)
    name = f"coder-{stamp(settings)}"
    _retire_others(ray, name)
    for attempt in range(3):  # an actor found may stop itself before it answers
        handles = [
            remote.options(
                name=f"{name}-{n}", namespace=NAMESPACE, lifetime="detached", get_if_exists=True
            ).remote(settings, keep)
            for n in range(count)
        ]
        try:
            ray.get([handle.ready.remote(keep) for handle in handles])
            return handles
        except ray.exceptions.RayActorError:
            if attempt == 2:
                raise
            time.sleep(1.0)
    raise AssertionError("unreachable")


def _retire_others(ray: Any, name: str) -> None:
    """The coding actors left by runs with other settings (or another version) stop once
    idle for a few seconds, so that their CPUs go to this run's."""
    for entry in ray.util.list_named_actors(all_namespaces=True):
        other = entry["name"]
        if entry["namespace"] != NAMESPACE or other.startswith(f"{name}-"):
            continue
        try:
            ray.get_actor(other, namespace=NAMESPACE).retire.remote()
        except (ValueError, AttributeError):  # gone already, or too old to retire
            continue


def code_shards(
    batch: dict[str, Any], job: Job, coders: list[Any], known: Known | None = None
) -> Iterator[dict[str, list[Any]]]:
    """The records of the shards in ``batch``, read here and coded by the actors, a chunk to
    each in turn, two chunks per actor in flight; coded chunks come out in input order (a
    Ray ``map_batches``). Articles ``known`` to the store are not coded: they come out at
    once with what storing them would do (``unchanged``, ``same-url``), as in the local
    engine."""
    ray = _ray()
    calls: deque[Any] = deque()
    turn = 0
    for chunk in chunks(_rows(batch, job)):
        fresh, skipped = _unstored(chunk, known, job.settings)
        if skipped:
            yield _passed(skipped)
        if fresh:
            calls.append(coders[turn % len(coders)].code.remote(_chunk(fresh)))
            turn += 1
        if len(calls) >= 2 * len(coders):
            yield _coded(ray.get(calls.popleft()))
    while calls:
        yield _coded(ray.get(calls.popleft()))


def read_keys(batch: dict[str, Any], job: Job) -> Iterator[dict[str, list[str]]]:
    """The ids and URLs of the articles in the shards of ``batch`` (a Ray ``map_batches``)."""
    for chunk in chunks(_rows(batch, job), KEYS):
        articles = [row["item"] for row in chunk if isinstance(row["item"], Article)]
        yield {"article_id": [item.article_id for item in articles],
               "url": [item.url or "" for item in articles]}  # fmt: skip


def _rows(batch: dict[str, Any], job: Job) -> Iterator[dict[str, Any]]:
    for shard, path in zip(batch["shard"], batch["path"], strict=True):
        yield from read_shard({"shard": int(shard), "path": str(path)}, job)


def _unstored(
    chunk: list[dict[str, Any]], known: Known | None, settings: Settings
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows to code, and those already stored (each with its outcome and record)."""
    if known is None:
        return chunk, []
    from backchannel.batches import stored_as  # here: only a run on a store that holds articles

    fresh, skipped = [], []
    for row in chunk:
        item = row["item"]
        outcome = stored_as(item, *known, settings) if isinstance(item, Article) else None
        if outcome is None:
            fresh.append(row)
        else:
            skipped.append({**row, "item": Coded(item, {}, []), "outcome": outcome})
    return fresh, skipped


def _chunk(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Rows read as the columns an actor codes."""
    return {key: [row[key] for row in rows] for key in ("shard", "record", "item")}


def _passed(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Rows already stored as they leave the task: the record and what storing it does."""
    return {"shard": [row["shard"] for row in rows], "record": [row["record"] for row in rows],
            "article_id": [row["item"].article.article_id for row in rows],
            "coded": [pickle.dumps(row["item"], protocol=5) for row in rows],
            "outcome": [row["outcome"] for row in rows]}  # fmt: skip


def _coded(columns: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """A coded chunk as it leaves the task: no outcome yet (the store gives it)."""
    return {**columns, "outcome": [""] * len(columns["shard"])}


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


def coded_rows(batch: dict[str, Any]) -> dict[str, list[Any]]:
    """Coded records as the ``coded/`` shards hold them: the coded document as JSON text (a
    Ray ``map_batches``; between the actors and the driver it travels pickled). Records
    stored before the run are not among them."""
    keep = [n for n, outcome in enumerate(batch["outcome"]) if not outcome]
    documents = [json.dumps(coded_to_dict(pickle.loads(batch["coded"][n]))) for n in keep]
    return {"shard": [batch["shard"][n] for n in keep],
            "record": [batch["record"][n] for n in keep],
            "article_id": [batch["article_id"][n] for n in keep], "coded": documents}  # fmt: skip


def export_rows(batch: dict[str, Any]) -> dict[str, list[Any]]:
    """The events of coded records in the export schema: one row per event, the contract's
    nested fields as JSON text, with the article's provenance (a Ray ``map_batches``)."""
    columns: dict[str, list[Any]] = {name: [] for name in EXPORT_COLUMNS}
    for data, outcome in zip(batch["coded"], batch["outcome"], strict=True):
        if outcome:  # stored before the run: not coded now
            continue
        item = pickle.loads(data)
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


def _context(ray: Any) -> None:
    """Ray Data's progress is not ``ingest``'s: no bars, no plans, warnings only; its output
    in input order, as the store needs it, in small blocks, stored as they come."""
    context = ray.data.DataContext.get_current()
    context.target_max_block_size = BLOCK
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    context.execution_options.preserve_order = True
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def coded_dataset(
    ray: Any, job: Job, files: list[str], pool: list[Any], known: Known | None = None
) -> Any:
    """The records of ``files`` coded by ``pool``, a Ray dataset of one row per record (its
    place in the input, the coded document, pickled, and for a record already stored what
    storing it would do), in input order. Reading is a small part of the work, so one task
    reads for up to ``FED`` actors, each task a run of shards; a task feeds every actor, so
    one big file keeps them all busy."""
    kwargs = {"job": job, "coders": pool, "known": known}
    return _mapped(ray, files, code_shards, kwargs, len(pool))


def stored_keys(ray: Any, job: Job, files: list[str], store: Store, actors: int) -> Known | None:
    """Of the articles in ``files``, those ``store`` holds: their ids with their content
    hashes, and their URLs (None when it holds no article); read by Ray Data, looked up a
    batch at a time."""
    if not store.holds_articles():
        return None
    hashes: dict[str, str] = {}
    urls: set[str] = set()
    keys = _mapped(ray, files, read_keys, {"job": job}, actors)
    for batch in keys.iter_batches(batch_size=KEYS):
        found, seen = store.known_articles(list(batch["article_id"]),
                                           [url for url in batch["url"] if url])  # fmt: skip
        hashes.update(found)
        urls |= seen
    return hashes, urls


def _mapped(ray: Any, files: list[str], function: Any, kwargs: dict[str, Any], actors: int) -> Any:
    """``function`` mapped over ``files`` by one task per ``FED`` actors at a time, each task
    a run of files."""
    readers = max(1, min(len(files), -(-actors // FED)))
    items = [{"shard": n, "path": path} for n, path in enumerate(files)]
    dataset = ray.data.from_items(items, override_num_blocks=readers)
    return dataset.map_batches(function, fn_kwargs=kwargs, batch_size=None, num_cpus=0,
                               compute=ray.data.TaskPoolStrategy(size=readers))  # fmt: skip


def write_shards(ray: Any, dataset: Any, folder: Path, count: int) -> None:
    """The coded records (a materialised dataset) as Parquet shards in ``folder``:
    ``coded/``, one row per record, and ``events/``, one row per event in the export's
    columns; at most ``count`` tasks at a time."""
    for name in ("coded", "events"):
        shutil.rmtree(folder / name, ignore_errors=True)
    count = max(1, min(count, dataset.num_blocks()))  # each task a new Ray worker
    tasks = {"num_cpus": 0, "compute": ray.data.TaskPoolStrategy(size=count)}
    written = {"ray_remote_args": {"num_cpus": 0}, "concurrency": count}
    dataset.map_batches(coded_rows, **tasks).write_parquet(str(folder / "coded"), **written)
    dataset.map_batches(export_rows, **tasks).write_parquet(str(folder / "events"), **written)


def _stored(batch: dict[str, Any], store: Store) -> Iterator[Stored]:
    """Each record of a batch with what became of it: the coded ones stored, in one
    transaction, the others as they were found."""
    docs = [pickle.loads(data) for data in batch["coded"]]
    fresh = [doc for doc, outcome in zip(docs, batch["outcome"], strict=True) if not outcome]
    outcomes = iter(store.store_batch(fresh) if fresh else [])
    for doc, outcome in zip(docs, batch["outcome"], strict=True):
        yield doc, (cast("Outcome", str(outcome)) if outcome else next(outcomes))


def ingest(
    job: Job,
    store: Store,
    *,
    address: str | None = None,
    shards_to: str | None = None,
    keep: float = KEEP,
) -> Iterator[Stored]:
    """Code ``job`` on Ray and store each coded chunk as it comes, in input order, through
    the writer the local engine uses (storing goes on while the actors code). With
    ``shards_to`` (on a cluster, a folder every node can write to) the coded records are
    also kept there as Parquet shards, with the events in the export's columns."""
    with _connected(address) as ray:
        _context(ray)
        pool = coders(ray, job.settings, max(1, int(ray.cluster_resources().get("CPU", 1))), keep)
        try:
            files = shards(job.paths)
            known = stored_keys(ray, job, files, store, len(pool))
            dataset = coded_dataset(ray, job, files, pool, known)
            if shards_to:
                dataset = dataset.materialize()
                write_shards(ray, dataset, Path(shards_to), len(pool))
            for batch in dataset.iter_batches(batch_size=None, prefetch_batches=2):
                yield from _stored(batch, store)
        finally:
            if keep <= 0:
                for handle in pool:
                    ray.kill(handle)
