"""``backchannel report``: a self-contained HTML page for one stored article."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backchannel.cli.common import Subparsers, add_db_argument
from backchannel.errors import OutputError
from backchannel.settings import load_settings
from backchannel.store import open_store
from backchannel.web.report import build_report


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "report", help="an HTML page of one article with its events highlighted"
    )
    add_db_argument(parser)
    parser.add_argument("--article", metavar="ID", help="article id (default: most events)")
    parser.add_argument(
        "--output", metavar="FILE", default="report.html", help="where to write the page"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db or load_settings().db, create=False, read_only=True) as store:
        page = build_report(store, args.article)
    try:
        Path(args.output).write_text(page, encoding="utf-8")
    except OSError as err:
        raise OutputError(f"cannot write {args.output!r}: {err.strerror or err}") from err
    print(f"backchannel: wrote {args.output}", file=sys.stderr)
    return 0
