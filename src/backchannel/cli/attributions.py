"""``backchannel attributions``: who says what, one line per attribution (text as given)."""

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
from backchannel.grounding import find_attributions
from backchannel.ingest import read_inputs
from backchannel.serialise import attribution_line


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "attributions", help="attribution relations: source, cue, content (JSONL)"
    )
    add_input_arguments(parser, published=False)
    parser.set_defaults(run=run, published=None)


def run(args: argparse.Namespace) -> int:
    counter: dict[str, int] = {}
    records = read_inputs(args.files, jsonl=args.jsonl, settings=settings_from(args))
    for article in articles_only(records, counter):
        for item in find_attributions(article.text or article.html or ""):
            write_line(attribution_line(article.article_id, item))
    return exit_code(counter)
