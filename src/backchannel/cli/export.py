"""``backchannel export``: stored events to Parquet, CSV, JSONL or a GDELT-style table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backchannel.cli.common import (
    Subparsers,
    add_db_argument,
    add_keep_arguments,
    iso_date,
    positive,
)
from backchannel.cli.events import ROLES, filters_from
from backchannel.export import FORMATS, export_events
from backchannel.settings import load_settings
from backchannel.store.queries import EventQuery
from backchannel.store.shared import open_shared, store_on


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The filters of ``backchannel events``, and those the API adds."""
    parser.add_argument("--actor", metavar="TEXT", help="a participant's text or name contains")
    parser.add_argument("--country", metavar="ISO", help="a participant's country (ISO alpha-3)")
    parser.add_argument("--role", choices=ROLES, help="restrict --actor/--country to this role")
    parser.add_argument("--type", dest="event", metavar="PLOVER", help="PLOVER event type")
    parser.add_argument("--since", type=iso_date, metavar="DATE", help="event date on or after")
    parser.add_argument("--until", type=iso_date, metavar="DATE", help="event date on or before")
    parser.add_argument("--article", metavar="ID", help="events of one article")
    parser.add_argument(
        "--include-duplicates", action="store_true", help="include near-duplicate articles"
    )
    add_keep_arguments(parser, "events")
    parser.add_argument("--status", metavar="STATUS", help="asserted, reported, planned, …")
    parser.add_argument("--quad-class", type=int, choices=(1, 2, 3, 4), help="quad class")
    parser.add_argument("--outlet", metavar="HOST", help="the article URL's host (or a parent)")
    parser.add_argument("--text", metavar="TEXT", help="the evidence or the title contains")
    parser.add_argument(
        "--min-sources",
        type=positive,
        metavar="N",
        help="events of a cluster reported by N sources or more",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="at most N events")


ROWS = {"gdelt-events": "cluster(s)", "gdelt-mentions": "mention(s)"}


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "export", help="export stored events (Parquet, CSV, JSONL, GDELT-style TSV)"
    )
    add_db_argument(parser)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        required=True,
        help="the file's format (gdelt: one row per stored event; gdelt-events: one row per"
        " cluster, with its mentions, sources and articles; gdelt-mentions: one row per"
        " mention of a cluster)",
    )
    parser.add_argument("--output", metavar="PATH", required=True, help="the file to write")
    add_filter_arguments(parser)
    parser.set_defaults(run=run)


def query_from(args: argparse.Namespace) -> EventQuery:
    return EventQuery(
        filters_from(args),
        status=args.status,
        quad_class=args.quad_class,
        outlet=args.outlet,
        text=args.text,
    )


def run(args: argparse.Namespace) -> int:
    shared = open_shared(args.db or load_settings().db, writable=False)
    store = store_on(shared)
    try:
        count = export_events(store, query_from(args), args.format, Path(args.output))
    finally:
        store.close()
        shared.close()
    rows = ROWS.get(args.format, "event(s)")
    print(f"backchannel: wrote {count} {rows} to {args.output}", file=sys.stderr)
    return 0
