"""``backchannel actor``: resolve one mention (or JSONL lines of them) to an actor."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from backchannel.actors import explain, resolve
from backchannel.cli.common import Subparsers, iso_date, write_line
from backchannel.serialise import actor_to_dict


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "actor", help="resolve an actor mention ('the Kremlin', 'the Iranian president')"
    )
    parser.add_argument("text", nargs="?", help="the mention; with --jsonl, a file of lines or '-'")
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="resolve offices as held on this date (without it: people by their latest role,"
        " titles without a holder)",
    )
    parser.add_argument("--context", help="the sentence around the mention")
    parser.add_argument(
        "--jsonl", action="store_true", help='read lines {"id", "text", "date"?, "context"?}'
    )
    parser.set_defaults(run=run)


def _resolve_line(line: str, number: int) -> dict[str, object] | None:
    try:
        data = json.loads(line)
        when = iso_date(data["date"]) if data.get("date") else None
        text = str(data["text"])
        actor = resolve(text, when, data.get("context"))
    except (json.JSONDecodeError, KeyError, TypeError, argparse.ArgumentTypeError) as err:
        print(
            f"backchannel: [BC101] record 'line {number}': malformed actor line ({err})",
            file=sys.stderr,
        )
        return None
    return {"id": data.get("id"), "actor": actor_to_dict(actor), "decided_by": explain(text, when)}


def run(args: argparse.Namespace) -> int:
    if not args.jsonl:
        if not args.text:
            print("backchannel: [BC700] give a mention, or --jsonl FILE", file=sys.stderr)
            return 2
        actor = resolve(args.text, args.date, args.context)
        decided = explain(args.text, args.date)
        write_line({"text": args.text, "actor": actor_to_dict(actor), "decided_by": decided})
        return 0
    if args.text in (None, "-"):
        return _resolve_lines(sys.stdin)
    with open(args.text, encoding="utf-8") as stream:
        return _resolve_lines(stream)


def _resolve_lines(stream: TextIO) -> int:
    read = 0
    for number, line in enumerate(stream, start=1):
        if line.strip() and (result := _resolve_line(line, number)) is not None:
            read += 1
            write_line(result)
    return 0 if read else 1
