"""``backchannel clean``: what the pipeline would code, one JSON line per article."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
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
from backchannel.pipeline import Pipeline, stages_until
from backchannel.records import Article, Rejection
from backchannel.serialise import clean_line, relevance_to_dict, skipped_to_list
from backchannel.settings import Settings

EXPLAIN_HELP = (
    'also say whether each article may hold a political event ("relevance": political, score,'
    ' reason) and which sentences the coder would skip, and why ("skipped")'
)


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("clean", help="main text of each article, junk removed (JSONL)")
    add_input_arguments(parser)
    parser.add_argument("--explain", action="store_true", help=EXPLAIN_HELP)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    counter: dict[str, int] = {}
    articles = articles_only(read_records(args, settings), counter)
    if args.explain:
        for line in _explained_lines(articles, settings):
            write_line(line)
        return exit_code(counter)
    for article in articles:
        write_line(_clean_line(article, settings))
    return exit_code(counter)


def _explained_lines(articles: Iterator[Article], settings: Settings) -> Iterator[dict[str, Any]]:
    """Clean lines with the relevance stage's decisions (the pipeline up to relevance)."""
    for doc in Pipeline(settings, stages_until("relevance")).run(articles):
        if doc.rejection is not None:
            report_rejection(doc.rejection)
            yield clean_line(_empty(doc.article), doc.rejection)
            continue
        line = clean_line(doc.article, None)
        line["relevance"] = relevance_to_dict(doc.relevance)
        line["skipped"] = skipped_to_list(doc.sentences)
        yield line


def _empty(article: Article) -> Article:
    return Article(article.article_id, "", url=article.url, title=article.title)


def _clean_line(article: Article, settings: Settings) -> dict[str, Any]:
    """The cleaned article, or an empty one with its rejection when cleaning fails."""
    try:
        return clean_line(clean(article, settings), None)
    except BackchannelError as err:
        rejection = Rejection(article.article_id, "clean", err.code, err.message)
        report_rejection(rejection)
        return clean_line(_empty(article), rejection)
