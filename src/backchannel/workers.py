"""Coding on every core of one machine.

Records are cut into small chunks; with more than one worker (and more than one chunk) a pool
of worker processes codes them, each with its own pipeline (the model is loaded once per
worker), and the coded chunks come back in input order, so the output is the same as with
one process. At most two chunks per worker are in flight, so memory stays flat whatever the
size of the input. Workers send back plain data (``Coded``), never spaCy objects.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TYPE_CHECKING, TypeVar

from backchannel.errors import WorkerDied
from backchannel.records import Article, Coded, Rejection
from backchannel.serialise import coded
from backchannel.settings import Settings

if TYPE_CHECKING:  # imported where a pipeline is built: this module stays cheap to import
    from backchannel.pipeline import Pipeline

Record = Article | Rejection
CHUNK = 16  # records per chunk: a worker's unit of work, and one ingest transaction
IN_FLIGHT = 2  # chunks queued per worker
T = TypeVar("T")

_PIPELINE: list[Pipeline] = []  # the worker process's own pipeline


def chunks(records: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """``records`` in lists of ``size`` (the last one shorter)."""
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk


def code_chunk(pipeline: Pipeline, chunk: list[Record]) -> list[Coded]:
    """One chunk through the pipeline, as plain data."""
    return [coded(doc) for doc in pipeline.run(chunk)]


def _start(settings: Settings) -> None:
    from backchannel.pipeline import Pipeline

    threading.Thread(target=_exit_with_parent, daemon=True).start()
    _PIPELINE.append(Pipeline(settings))


def _exit_with_parent() -> None:
    """A worker whose parent died (``kill -9``) exits rather than wait forever for work."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)


def _work(chunk: list[Record]) -> list[Coded]:
    return code_chunk(_PIPELINE[0], chunk)


def code_chunks(
    records: Iterable[Record],
    settings: Settings,
    workers: int | None = None,
    pool: Pool | None = None,
) -> Iterator[list[Coded]]:
    """The records coded, chunk by chunk, in input order: in ``pool`` when given, else in
    ``workers`` new processes (default: ``settings.workers``) when there is more than one
    chunk, else in this process."""
    stream = chunks(records)
    if pool is not None:
        yield from pool.code(stream)
        return
    head = list(islice(stream, 2))
    count = settings.workers if workers is None else workers
    if count <= 1 or len(head) < 2:
        from backchannel.pipeline import Pipeline

        pipeline = Pipeline(settings)
        yield from (code_chunk(pipeline, chunk) for chunk in chain(head, stream))
        return
    yield from _pooled(chain(head, stream), settings, count)


def _context() -> multiprocessing.context.BaseContext:
    """A fresh interpreter per worker (never ``fork``: the parent may hold threads)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class Pool:
    """Worker processes, each with its own pipeline, kept for as many runs as wanted."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.workers = workers
        self.executor = ProcessPoolExecutor(workers, _context(), _start, (settings,))

    def code(self, stream: Iterable[list[Record]]) -> Iterator[list[Coded]]:
        """The chunks coded, in input order, at most ``IN_FLIGHT`` per worker at a time."""
        pending: deque[Future[list[Coded]]] = deque()
        try:
            for chunk in stream:
                pending.append(self.executor.submit(_work, chunk))
                if len(pending) >= IN_FLIGHT * self.workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as err:
            raise WorkerDied(
                "a worker process died (out of memory?); what was stored is kept: run the"
                " command again to go on, or with fewer --workers"
            ) from err
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _pooled(
    stream: Iterable[list[Record]], settings: Settings, workers: int
) -> Iterator[list[Coded]]:
    with Pool(settings, workers) as pool:
        yield from pool.code(stream)
