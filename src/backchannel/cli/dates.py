"""``backchannel dates``: time expressions, normalised TimeML-style (text as given)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

from backchannel.cli.common import Subparsers, add_input_arguments, write_per_article
from backchannel.grounding import find_dates
from backchannel.records import Article
from backchannel.serialise import timex_line


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("dates", help="time expressions with normalised values (JSONL)")
    add_input_arguments(parser)
    parser.set_defaults(run=run)


def _lines(article: Article) -> Iterator[dict[str, Any]]:
    for item in find_dates(article.text or article.html or "", article.published):
        yield timex_line(article.article_id, item)


def run(args: argparse.Namespace) -> int:
    return write_per_article(args, _lines)
