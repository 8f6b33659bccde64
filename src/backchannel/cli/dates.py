"""``backchannel dates``: time expressions, normalised TimeML-style (text as given)."""

from __future__ import annotations

import argparse

from backchannel.cli.common import (
    Subparsers,
    add_input_arguments,
    articles_only,
    exit_code,
    settings_from,
    write_line,
)
from backchannel.grounding import find_dates
from backchannel.ingest import read_inputs
from backchannel.serialise import timex_line


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("dates", help="time expressions with normalised values (JSONL)")
    add_input_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    counter: dict[str, int] = {}
    records = read_inputs(
        args.files, jsonl=args.jsonl, settings=settings_from(args), published=args.published
    )
    for article in articles_only(records, counter):
        for item in find_dates(article.text or article.html or "", article.published):
            write_line(timex_line(article.article_id, item))
    return exit_code(counter)
