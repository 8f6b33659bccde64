"""The grounding knowledge, read once from ``backchannel/data/grounding/``."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from backchannel.datafiles import DATA_DIR, data_lines

_DIR = DATA_DIR / "grounding"


def lines(name: str) -> list[str]:
    """The entries of a one-per-line file of ``data/grounding/``."""
    return data_lines("grounding", name)


@cache
def words(name: str) -> frozenset[str]:
    """A one-per-line data file as a lower-cased set."""
    return frozenset(entry.lower() for entry in lines(name))


@cache
def _json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_DIR / name).read_text(encoding="utf-8"))
    return data


def location_words() -> dict[str, Any]:
    """The word lists of ``location.json`` (where an event happened)."""
    return _json("location.json")


def time_words() -> dict[str, Any]:
    """Months, weekdays, number words, units ... of ``time_words.json``."""
    return _json("time_words.json")


@cache
def function_words(kind: str) -> frozenset[str]:
    """A set of English function words of ``function_words.json``: "determiners",
    "pronouns", "be" (its forms) ..."""
    return frozenset(_json("function_words.json")[kind])


def alternation(entries: list[str]) -> str:
    """A regex matching any of the literal entries, longest first (phrases win over words).

    The entries are folded into a prefix tree ("sa(?:id|ys)"), which Python's ``re`` tries
    far faster than a flat alternation; a space in an entry matches any run of whitespace.
    """
    trie: dict[str, Any] = {}
    for entry in set(entries):
        node = trie
        for char in entry:
            node = node.setdefault(" " if char.isspace() else char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    """Children first (longest match), then the end of an entry as an empty branch."""
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


@cache
def cue_pattern() -> re.Pattern[str]:
    """The reporting cues of ``cues.txt`` as one case-insensitive whole-word pattern."""
    return re.compile(rf"(?<![\w-])(?:{alternation(lines('cues.txt'))})(?![\w-])", re.IGNORECASE)


@cache
def labelled_patterns(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(label, compiled pattern) of a ``label<TAB>regex`` file after its header, in file
    order; each regex matches case-insensitively as whole words."""
    rows = [line.split("\t", 1) for line in lines(name)[1:]]
    return tuple(
        (label, re.compile(rf"\b(?:{pattern})(?!\w)", re.IGNORECASE)) for label, pattern in rows
    )


def status_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(status, compiled cue pattern) of ``status_cues.tsv`` in file order."""
    return labelled_patterns("status_cues.tsv")
