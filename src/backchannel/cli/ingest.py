"""``backchannel ingest``: read, code and store articles (DuckDB by default)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from backchannel.batches import Stored, ingest_batches
from backchannel.cli import cluster
from backchannel.cli.common import (
    Subparsers,
    add_db_argument,
    add_input_arguments,
    add_keep_arguments,
    add_workers_argument,
    count,
    read_records,
    settings_from,
)
from backchannel.errors import StoreError
from backchannel.records import Article, Coded, Document, Rejection
from backchannel.settings import Settings
from backchannel.store import Outcome, Store, open_store


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("ingest", help="code articles and store them with their events")
    add_input_arguments(parser)
    add_db_argument(parser)
    add_keep_arguments(parser, "ingest")
    add_workers_argument(parser)
    parser.add_argument(
        "--engine",
        choices=["local", "ray"],
        default="local",
        help="local: worker processes on this machine; ray: Ray Data on a cluster"
        " (pip install 'backchannel[ray]')",
    )
    parser.add_argument(
        "--address", metavar="ADDRESS", help="with --engine ray: the cluster (auto, ray://HOST:PORT)"
    )
    parser.add_argument(
        "--shards",
        metavar="DIR",
        help="with --engine ray: also write the coded records as Parquet shards (coded/,"
        " events/ in the export's columns) in DIR, a folder every node can write to",
    )
    parser.add_argument(
        "--keep-coders",
        metavar="SECONDS",
        type=count,
        default=None,
        help="with --engine ray: how long the coding actors wait on the cluster for the next"
        " run, model loaded, before they stop (default: 300; 0: stop when this run ends)",
    )
    parser.set_defaults(run=run)



def estimate_total(paths: Iterable[str], jsonl: bool) -> int | None:
    """How many records the paths hold (for the progress bar's ETA); None for stdin."""
    total = 0
    for name in paths:
        path = Path(name)
        if name == "-" or not path.exists():
            return None if name == "-" else total
        found = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in (f for f in found if f.is_file() and not f.name.startswith(".")):
            total += _count_lines(file) if jsonl or file.suffix == ".jsonl" else 1
    return total


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _progress(
    docs: Iterator[Stored], total: int | None, settings: Settings
) -> Iterable[Stored]:
    show = settings.progress and sys.stderr.isatty()
    if not show:
        return docs
    return tqdm(docs, total=total, unit="article", file=sys.stderr, dynamic_ncols=True)


def _say(text: str) -> None:
    tqdm.write(text, file=sys.stderr)


@dataclass(slots=True)
class Tally:
    """What an ingest run did: outcomes by kind, refusals by code, records not readable."""

    outcomes: Counter[str] = field(default_factory=Counter)
    refusals: Counter[str] = field(default_factory=Counter)
    unreadable: int = 0

    def summary(self) -> str:
        """``read N: stored N, duplicates N, unchanged N, refused N (BC102: 1, BC203: 2)``;
        the four counts add up to the records read."""
        done = self.outcomes
        reasons = ", ".join(f"{code}: {n}" for code, n in sorted(self.refusals.items()))
        return (
            f"read {sum(done.values())}: stored {done['stored']}, duplicates {done['duplicate']}, "
            f"unchanged {done['unchanged'] + done['same-url']}, refused {done['rejected']}"
            + (f" ({reasons})" if reasons else "")
        )

    def exit_code(self) -> int:
        """Non-zero only when nothing at all could be read."""
        read = sum(self.outcomes.values()) - self.unreadable
        return 1 if self.unreadable and not read else 0


def _note(tally: Tally, doc: Document | Coded, outcome: Outcome) -> None:
    tally.outcomes[outcome] += 1
    if doc.rejection is not None:
        tally.refusals[doc.rejection.code] += 1
        tally.unreadable += doc.rejection.stage == "ingest"
        _say(f"backchannel: {doc.rejection}")
    elif outcome == "rejected":
        tally.refusals[StoreError.code] += 1
        record = doc.article.origin or doc.article.article_id
        _say(f"backchannel: [{StoreError.code}] record {record!r}: not stored (see rejections)")


def ingest(
    records: Iterable[Article | Rejection], store: Store, settings: Settings, total: int | None
) -> Tally:
    """Code and store every record not stored yet, one transaction per small batch."""
    return tally_of(ingest_batches(records, store, settings), total, settings)


def tally_of(stored: Iterator[Stored], total: int | None, settings: Settings) -> Tally:
    """What became of each record, reported as it comes and counted."""
    tally = Tally()
    for doc, outcome in _progress(stored, total, settings):
        _note(tally, doc, outcome)
    return tally


def _stored(args: argparse.Namespace, store: Store, settings: Settings) -> Iterator[Stored]:
    """The records coded and stored by the engine the command names."""
    if args.engine == "ray":
        from backchannel import distributed

        job = distributed.Job(tuple(args.files or ["-"]), settings, args.jsonl, args.published)
        keep = distributed.KEEP if args.keep_coders is None else args.keep_coders
        return distributed.ingest(job, store, address=args.address, shards_to=args.shards,
                                  keep=keep)  # fmt: skip
    return ingest_batches(read_records(args, settings), store, settings)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    total = estimate_total(args.files or ["-"], args.jsonl) if sys.stderr.isatty() else None
    with open_store(args.db or settings.db) as store:
        tally = tally_of(_stored(args, store, settings), total, settings)
        if tally.outcomes["stored"] or tally.outcomes["duplicate"]:
            cluster.recluster(store)
    print(f"backchannel: {tally.summary()}", file=sys.stderr)
    return tally.exit_code()
