"""``backchannel clean``: what the pipeline would code, one JSON line per article."""

from __future__ import annotations

import argparse
from typing import Any

from backchannel.clean import clean
from backchannel.cli.common import (
    Subparsers,
    add_input_arguments,
    articles_only,
    exit_code,
    read_records,
    report_rejection,
    settings_from,
    write_line,
)
from backchannel.errors import BackchannelError
from backchannel.records import Article, Rejection
from backchannel.serialise import clean_line
from backchannel.settings import Settings


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("clean", help="main text of each article, junk removed (JSONL)")
    add_input_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    counter: dict[str, int] = {}
    for article in articles_only(read_records(args, settings), counter):
        write_line(_clean_line(article, settings))
    return exit_code(counter)


def _clean_line(article: Article, settings: Settings) -> dict[str, Any]:
    """The cleaned article, or an empty one with its rejection when cleaning fails."""
    try:
        return clean_line(clean(article, settings), None)
    except BackchannelError as err:
        rejection = Rejection(article.article_id, "clean", err.code, err.message)
        report_rejection(rejection)
        empty = Article(article.article_id, "", url=article.url, title=article.title)
        return clean_line(empty, rejection)
