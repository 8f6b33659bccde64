"""The ``backchannel`` command: a thin layer over the library.

Each subcommand lives in its own module with ``register(subparsers)``; it calls one
library function and turns library errors into a one-line message and an exit code:
0 success, 1 nothing at all could be read, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from backchannel import __version__
from backchannel.cli import actor, attributions, clean, cluster, code, dates, kb, threads
from backchannel.cli import events as events_command
from backchannel.cli import export as export_command
from backchannel.cli import ingest as ingest_command
from backchannel.cli import report as report_command
from backchannel.cli import serve as serve_command
from backchannel.errors import BackchannelError

COMMANDS = (
    code,
    actor,
    clean,
    attributions,
    dates,
    kb,
    ingest_command,
    events_command,
    cluster,
    threads,
    report_command,
    export_command,
    serve_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="backchannel",
        description="Auditable political event data from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"backchannel {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BackchannelError as err:
        print(f"backchannel: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("backchannel: interrupted", file=sys.stderr)
        return 130
