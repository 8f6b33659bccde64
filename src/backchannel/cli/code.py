"""``backchannel code``: code articles into events (JSONL on stdout), no database."""

from __future__ import annotations

import argparse

from backchannel.cli.common import (
    Subparsers,
    add_input_arguments,
    add_keep_arguments,
    articles_only,
    exit_code,
    read_records,
    report_rejection,
    settings_from,
    write_line,
)
from backchannel.events.keep import considered
from backchannel.pipeline import Pipeline
from backchannel.serialise import event_to_dict, relevance_line

EXPLAIN_HELP = (
    "before each article's events, a line saying whether it may hold a political event and"
    ' which sentences were skipped, and why (schema "backchannel.relevance/1")'
)


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("code", help="code articles into PLOVER events (JSONL)")
    add_input_arguments(parser)
    add_keep_arguments(parser, "code")
    parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format")
    parser.add_argument("--explain", action="store_true", help=EXPLAIN_HELP)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    counter: dict[str, int] = {}
    records = read_records(args, settings)
    for doc in Pipeline(settings).run(articles_only(records, counter)):
        if doc.rejection is not None:
            report_rejection(doc.rejection)
            continue
        if args.explain:
            write_line(relevance_line(doc.article.article_id, doc.relevance, doc.sentences))
        for event in considered(doc) if args.include_dropped else doc.events:
            write_line(event_to_dict(event))
    return exit_code(counter)
