"""``backchannel serve``: the HTTP API and the dashboard for one database."""

from __future__ import annotations

import argparse

from backchannel.cli.common import Subparsers, add_db_argument
from backchannel.settings import load_settings
from backchannel.web.writes import DEFAULT_MAX_BODY


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the JSON API and the dashboard (read-only unless BACKCHANNEL_API_TOKEN is set)",
    )
    add_db_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument(
        "--max-body",
        type=int,
        default=DEFAULT_MAX_BODY,
        metavar="BYTES",
        help="largest request body of POST /api/articles (larger: 413)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from backchannel.web.app import serve

    settings = load_settings()
    serve(args.db or settings.db, args.host, args.port, settings=settings, max_body=args.max_body)
    return 0
