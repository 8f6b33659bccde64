"""The grounding knowledge, read once from ``backchannel/data/grounding/``."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import Any

_DIR = files("backchannel") / "data" / "grounding"


def lines(name: str) -> list[str]:
    """The entries of a one-per-line data file, without comments and blanks."""
    text = (_DIR / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def words(name: str) -> frozenset[str]:
    """A one-per-line data file as a lower-cased set."""
    return frozenset(entry.lower() for entry in lines(name))


@cache
def time_words() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_DIR / "time_words.json").read_text(encoding="utf-8"))
    return data


def alternation(entries: list[str]) -> str:
    """A regex alternation of literal entries, longest first (so phrases win over words)."""
    ordered = sorted(set(entries), key=lambda entry: (-len(entry), entry))
    return "|".join(re.escape(entry).replace(r"\ ", r"\s+") for entry in ordered)


@cache
def status_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(status, compiled cue pattern) in file order."""
    rows = [line.split("\t", 1) for line in lines("status_cues.tsv")[1:]]
    return tuple(
        (status, re.compile(rf"\b(?:{pattern})(?!\w)", re.IGNORECASE)) for status, pattern in rows
    )
