"""``backchannel threads``: story threads, clusters of one dyad and topic over time."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from backchannel.cli.common import Subparsers, add_db_argument, positive, write_line
from backchannel.safety import printable
from backchannel.settings import load_settings
from backchannel.store import open_store
from backchannel.store.validation import checked_country, checked_topic


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "threads", help="list story threads: clusters of one dyad and topic over time"
    )
    add_db_argument(parser)
    parser.add_argument("--country", metavar="ISO", help="threads with this country (alpha-3)")
    parser.add_argument("--topic", metavar="TOPIC", help="threads of this topic (talks, ...)")
    parser.add_argument(
        "--min-clusters", type=positive, default=2, metavar="N",
        help="threads of N clusters or more (default 2)",
    )  # fmt: skip
    parser.add_argument("--format", choices=["table", "jsonl"], default="table")
    parser.set_defaults(run=run)


def _line(thread: dict[str, Any]) -> str:
    span = f"{thread['first'] or '?'} … {thread['last'] or '?'}"
    return (
        f"{thread['dyad']}  {thread['topic']}  {thread['clusters']} clusters,"
        f" {thread['mentions']} mentions  {span}"
    )


def _member(cluster: dict[str, Any]) -> str:
    when = cluster["date"] or cluster["first_reported"] or "—"
    evidence = " ".join(printable(cluster["evidence"] or "").split())
    evidence = evidence if len(evidence) <= 60 else evidence[:59] + "…"
    return f"    {when:<10} {cluster['event']:<9} ×{cluster['mentions']:<3} {evidence}"


def write_table(threads: list[dict[str, Any]]) -> None:
    lines = []
    for thread in threads:
        lines.append(_line(thread))
        lines += [_member(cluster) for cluster in thread["events"]]
    sys.stdout.write("".join(line + "\n" for line in lines))
    print(f"{len(threads)} thread(s)", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    country = checked_country(args.country) if args.country else None
    topic = checked_topic(args.topic) if args.topic else None
    with open_store(args.db or load_settings().db, create=False, read_only=True) as store:
        threads = store.query_threads(country, topic, args.min_clusters)
    if args.format == "jsonl":
        for thread in threads:
            write_line(thread)
    else:
        write_table(threads)
    return 0
