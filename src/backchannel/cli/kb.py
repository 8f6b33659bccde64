"""``backchannel kb``: rebuild knowledge-base tables offline, and say what they cover."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backchannel.actors.gazetteer import build_cities
from backchannel.actors.kb import default_kb
from backchannel.actors.kb_build import POSITIONS_PATH, build
from backchannel.actors.phoenix_build import build_phoenix
from backchannel.actors.stats import coverage
from backchannel.cli.common import Subparsers, write_line


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "kb", help="knowledge-base tools (rebuild from Wikidata, GeoNames or Phoenix; coverage)"
    )
    actions = parser.add_subparsers(dest="kb_action", metavar="ACTION", required=True)
    builder = actions.add_parser(
        "build",
        help="office holders and organisations from a Wikidata JSON dump, cities from GeoNames",
    )
    builder.add_argument("--wikidata", type=Path, metavar="DUMP.json.gz", help="Wikidata JSON dump")
    builder.add_argument(
        "--geonames",
        type=Path,
        metavar="CITIES.txt",
        help="GeoNames cities dump (cities15000.txt) -> cities.tsv",
    )
    builder.add_argument(
        "--phoenix",
        type=Path,
        metavar="DIR",
        help="Phoenix/PETRARCH-2 dictionaries folder -> phoenix_actors.csv, phoenix_agents.csv",
    )
    builder.add_argument(
        "--out", type=Path, default=Path("."), metavar="DIR", help="where to write the tables"
    )
    builder.add_argument(
        "--positions",
        type=Path,
        default=POSITIONS_PATH,
        metavar="CSV",
        help="position QIDs of ministers (qid,country,office,title)",
    )
    builder.set_defaults(run=run)
    stats = actions.add_parser(
        "stats", help="what the shipped knowledge base covers: countries, people, groups, QIDs"
    )
    stats.add_argument("--json", action="store_true", help="one JSON object instead of lines")
    stats.set_defaults(run=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    figures = coverage(default_kb())
    if args.json:
        write_line(figures)
        return 0
    for name, value in figures.items():
        if isinstance(value, dict):
            for file, count in value.items():
                print(f"{name.replace('_', ' ')}: {file:<24} {count:>8,}")
        else:
            print(f"{name.replace('_', ' '):<26} {value:>8,}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.wikidata is None and args.geonames is None and args.phoenix is None:
        print(
            "backchannel: [BC700] kb build needs --wikidata DUMP, --geonames FILE or --phoenix DIR",
            file=sys.stderr,
        )
        return 2
    counts: dict[str, int] = {}
    if args.wikidata is not None:
        counts.update(build(args.wikidata, args.out, args.positions))
    if args.phoenix is not None:
        counts.update(build_phoenix(args.phoenix, args.out))
    if args.geonames is not None:
        counts["cities"] = build_cities(args.geonames, args.out / "cities.tsv")
    for name, count in counts.items():
        suffix = ".tsv" if name == "cities" else ".csv"
        print(f"{name}: {count} rows -> {args.out / (name + suffix)}", file=sys.stderr)
    return 0
