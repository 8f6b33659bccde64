"""``backchannel kb build``: rebuild the office-holder and organisation tables offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backchannel.actors.kb_build import POSITIONS_PATH, build
from backchannel.cli.common import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("kb", help="knowledge-base tools (rebuild from Wikidata)")
    actions = parser.add_subparsers(dest="kb_action", metavar="ACTION", required=True)
    builder = actions.add_parser(
        "build", help="office holders and organisations from a Wikidata JSON dump (offline)"
    )
    builder.add_argument(
        "--wikidata", type=Path, required=True, metavar="DUMP.json.gz", help="Wikidata JSON dump"
    )
    builder.add_argument(
        "--out", type=Path, default=Path("."), metavar="DIR", help="where to write the CSVs"
    )
    builder.add_argument(
        "--positions",
        type=Path,
        default=POSITIONS_PATH,
        metavar="CSV",
        help="position QIDs of ministers (qid,country,office,title)",
    )
    builder.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    counts = build(args.wikidata, args.out, args.positions)
    for name, count in counts.items():
        print(f"{name}: {count} rows -> {args.out / (name + '.csv')}", file=sys.stderr)
    return 0
