"""Helpers shared by the subcommands: arguments, messages, output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from backchannel.ingest import read_inputs
from backchannel.records import Article, Rejection
from backchannel.serialise import dumps
from backchannel.settings import Settings, load_settings

Subparsers = Any  # argparse's private _SubParsersAction


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from err


def add_input_arguments(parser: argparse.ArgumentParser, *, published: bool = True) -> None:
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="files or directories; '-' or none for stdin"
    )
    parser.add_argument("--jsonl", action="store_true", help="input is JSONL, one record per line")
    if published:
        parser.add_argument(
            "--published",
            type=iso_date,
            metavar="YYYY-MM-DD",
            help="publication date of the articles",
        )
    parser.add_argument(
        "--max-bytes", type=int, metavar="N", help="refuse records larger than N bytes"
    )


def count(value: str) -> int:
    """A whole number of 0 or more (``--limit``)."""
    try:
        number = int(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from err
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value!r}")
    return number


def positive(value: str) -> int:
    """A whole number of 1 or more (``--min-sources``)."""
    number = count(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value!r}")
    return number


def probability(value: str) -> float:
    try:
        number = float(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from err
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"not between 0 and 1: {value!r}")
    return number


_DEFAULT = "default: the min_confidence setting, $BACKCHANNEL_MIN_CONFIDENCE"
KEEP_HELP = {
    "code": f"keep only events of confidence X or more (0..1; {_DEFAULT})",
    "ingest": f"keep only events of confidence X or more (0..1; {_DEFAULT}); the others are"
    " stored as not kept",
    "events": "the events kept at confidence X or more (0..1; default: as kept at ingest)",
}


def add_keep_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    """``--min-confidence X`` (and ``--all`` for the commands that print events)."""
    parser.add_argument("--min-confidence", type=probability, metavar="X", help=KEEP_HELP[command])
    if command != "ingest":
        parser.add_argument(
            "--all",
            dest="include_dropped",
            action="store_true",
            help='also the events not kept, each with "dropped": the reason',
        )


def add_workers_argument(parser: argparse.ArgumentParser) -> None:
    """``--workers N``: processes coding in parallel."""
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes coding in parallel (default: the number of cores, $BACKCHANNEL_WORKERS)",
    )


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db DB``, as every command that reads or writes the store spells it."""
    parser.add_argument(
        "--db",
        metavar="DB",
        help="DuckDB file or postgresql://user@host/db URL"
        " (default: backchannel.duckdb, or $BACKCHANNEL_DB)",
    )


def settings_from(args: argparse.Namespace) -> Settings:
    return load_settings(
        {
            "max_bytes": getattr(args, "max_bytes", None),
            "min_confidence": getattr(args, "min_confidence", None),
            "workers": getattr(args, "workers", None),
        }
    )


def read_records(args: argparse.Namespace, settings: Settings) -> Iterator[Article | Rejection]:
    """The records named by a command's FILE arguments (stdin when none), in order."""
    return read_inputs(
        args.files, jsonl=args.jsonl, settings=settings, published=getattr(args, "published", None)
    )


def report_rejection(rejection: Rejection) -> None:
    """The one-line message on stderr for a refused record."""
    print(f"backchannel: {rejection}", file=sys.stderr)


def articles_only(
    records: Iterable[Article | Rejection], counter: dict[str, int]
) -> Iterator[Article]:
    """Articles from ``records``; rejections are reported and counted."""
    for record in records:
        if isinstance(record, Rejection):
            report_rejection(record)
            counter["rejected"] = counter.get("rejected", 0) + 1
        else:
            counter["read"] = counter.get("read", 0) + 1
            yield record


def write_per_article(
    args: argparse.Namespace, lines: Callable[[Article], Iterable[dict[str, Any]]]
) -> int:
    """Write ``lines(article)`` for each readable article of the command's inputs."""
    counter: dict[str, int] = {}
    for article in articles_only(read_records(args, settings_from(args)), counter):
        for line in lines(article):
            write_line(line)
    return exit_code(counter)


def write_line(data: dict[str, Any]) -> None:
    sys.stdout.write(dumps(data) + "\n")


def exit_code(counter: dict[str, int]) -> int:
    """Non-zero only when nothing at all could be read."""
    return 0 if counter.get("read", 0) or not counter.get("rejected", 0) else 1
