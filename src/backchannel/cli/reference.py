"""The CLI reference (docs/cli.md), generated from ``--help`` so that it cannot drift.

Regenerate with ``python -m backchannel.cli.reference > docs/cli.md`` (``make docs``);
``tests/test_docs.py`` fails when the file is out of date.
"""

from __future__ import annotations

import argparse
import os

from backchannel.cli import build_parser

WIDTH = "100"


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _section(title: str, parser: argparse.ArgumentParser, level: str) -> list[str]:
    lines = [f"{level} {title}", "", "```", parser.format_help().rstrip(), "```", ""]
    for name, child in _subparsers(parser).items():
        lines += _section(f"{title} {name}", child, level + "#")
    return lines


def render() -> str:
    """Markdown with the help text of ``backchannel`` and every subcommand."""
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH
    try:
        parser = build_parser()
        header = ["# CLI reference", "", "Generated from `--help`; do not edit by hand.", ""]
        return "\n".join(header + _section("backchannel", parser, "##"))
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous


if __name__ == "__main__":
    print(render(), end="")
