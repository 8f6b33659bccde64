"""``backchannel cluster``: recompute the clusters (one happening, its reports in different
articles) and the story threads of a database. ``ingest`` runs it after storing articles."""

from __future__ import annotations

import argparse
import sys

from backchannel.across import Grouping
from backchannel.cli.common import Subparsers, add_db_argument
from backchannel.settings import load_settings
from backchannel.store import Store, open_store


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "cluster",
        help="recompute event clusters across articles and story threads (ingest does it too)",
    )
    add_db_argument(parser)
    parser.set_defaults(run=run)


def summary(grouping: Grouping) -> str:
    """``clustered 40 events: 31 clusters (6 reported more than once), 5 threads``."""
    events = sum(len(c.events) for c in grouping.clusters)
    repeated = sum(1 for c in grouping.clusters if len(c.events) > 1)
    return (
        f"clustered {events} events: {len(grouping.clusters)} clusters"
        f" ({repeated} reported more than once), {len(grouping.threads)} threads"
    )


def recluster(store: Store) -> None:
    """Recompute the clusters of ``store`` and say what came of it on stderr."""
    print(f"backchannel: {summary(store.recluster())}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db or load_settings().db, create=False) as store:
        recluster(store)
    return 0
