"""``backchannel code``: code articles into events (JSONL on stdout), no database."""

from __future__ import annotations

import argparse

from backchannel.cli.common import (
    Subparsers,
    add_input_arguments,
    add_keep_arguments,
    add_workers_argument,
    articles_only,
    exit_code,
    read_records,
    report_rejection,
    settings_from,
    write_line,
)
from backchannel.workers import code_chunks

EXPLAIN_HELP = (
    "before each article's events, a line saying whether it may hold a political event and"
    ' which sentences were skipped, and why (schema "backchannel.relevance/1")'
)


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("code", help="code articles into PLOVER events (JSONL)")
    add_input_arguments(parser)
    add_keep_arguments(parser, "code")
    add_workers_argument(parser)
    parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format")
    parser.add_argument("--explain", action="store_true", help=EXPLAIN_HELP)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    counter: dict[str, int] = {}
    records = read_records(args, settings)
    for chunk in code_chunks(articles_only(records, counter), settings):
        for doc in chunk:
            if doc.rejection is not None:
                report_rejection(doc.rejection)
                continue
            if args.explain:
                write_line(doc.relevance)
            for event in doc.events if args.include_dropped else doc.kept:
                write_line(event)
    return exit_code(counter)
