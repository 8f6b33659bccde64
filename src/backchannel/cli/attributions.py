"""``backchannel attributions``: who says what, one line per attribution (text as given)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

from backchannel.cli.common import Subparsers, add_input_arguments, write_per_article
from backchannel.grounding import find_attributions
from backchannel.records import Article
from backchannel.serialise import attribution_line


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "attributions", help="attribution relations: source, cue, content (JSONL)"
    )
    add_input_arguments(parser, published=False)
    parser.set_defaults(run=run, published=None)


def _lines(article: Article) -> Iterator[dict[str, Any]]:
    for item in find_attributions(article.text or article.html or ""):
        yield attribution_line(article.article_id, item)


def run(args: argparse.Namespace) -> int:
    return write_per_article(args, _lines)
