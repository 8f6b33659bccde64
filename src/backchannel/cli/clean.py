"""``backchannel clean``: what the pipeline would code, one JSON line per article."""

from __future__ import annotations

import argparse

from backchannel.clean import clean
from backchannel.cli.common import (
    Subparsers,
    add_input_arguments,
    exit_code,
    read_records,
    report_rejection,
    settings_from,
    write_line,
)
from backchannel.errors import BackchannelError
from backchannel.records import Article, Rejection
from backchannel.serialise import clean_line


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("clean", help="main text of each article, junk removed (JSONL)")
    add_input_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    counter: dict[str, int] = {}
    for record in read_records(args, settings):
        if isinstance(record, Rejection):
            report_rejection(record)
            counter["rejected"] = counter.get("rejected", 0) + 1
            continue
        counter["read"] = counter.get("read", 0) + 1
        try:
            write_line(clean_line(clean(record, settings), None))
        except BackchannelError as err:
            rejection = Rejection(record.article_id, "clean", err.code, err.message)
            report_rejection(rejection)
            write_line(
                clean_line(
                    Article(record.article_id, "", url=record.url, title=record.title), rejection
                )
            )
    return exit_code(counter)
