"""Non-political fields of news (sport, markets, reviews, ...) and their cue words.

``data/relevance/domains.tsv`` names the fields and how a sentence of one is recognised;
``cues.tsv`` lists each field's cues. ``dominant`` finds the field a sentence belongs to, with
the cues that say so; whether the sentence is then skipped (a political actor may keep it)
is the stage's decision.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from backchannel.datafiles import DATA_DIR


@dataclass(frozen=True, slots=True)
class Domain:
    name: str
    min_cues: int
    actor_keeps: bool  # a political actor named in the sentence keeps it
    pattern: re.Pattern[str]  # every cue, one named group (c0, c1, ...) per cue


def _rows(name: str) -> list[dict[str, str]]:
    with DATA_DIR.joinpath("relevance", name).open(encoding="utf-8") as stream:
        lines = [line for line in stream if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def cue_regex(cue: str) -> str:
    """A cue of ``cues.tsv`` as a regular expression over lower-cased text; a word or phrase
    cue is matched at word boundaries (see ``_pattern``)."""
    if cue.startswith("re:"):
        return cue[3:]
    body = r"\s+".join(re.escape(word) for word in cue.rstrip("*").split())
    return body + (r"[\w-]*" if cue.endswith("*") else "")


def _pattern(cues: list[str]) -> re.Pattern[str]:
    """One expression for a field's cues, a named group (c0, c1, ...) per cue. The words
    share one boundary check, so the engine tries them only where a word begins."""
    words = [f"(?P<c{i}>{cue_regex(c)})" for i, c in enumerate(cues) if not c.startswith("re:")]
    shapes = [f"(?P<c{i}>{cue_regex(c)})" for i, c in enumerate(cues) if c.startswith("re:")]
    anchored = rf"(?<![\w&-])(?:{'|'.join(words)})(?![\w&])"
    return re.compile("|".join([anchored, *shapes]))


@lru_cache(maxsize=1)
def domains() -> tuple[Domain, ...]:
    cues: dict[str, list[str]] = {}
    for row in _rows("cues.tsv"):
        cues.setdefault(row["domain"], []).append(row["cue"])
    return tuple(
        Domain(
            row["domain"],
            int(row["min_cues"]),
            row["actor_keeps"] == "yes",
            _pattern(cues[row["domain"]]),
        )
        for row in _rows("domains.tsv")
    )


def cues_of(domain: Domain, text: str) -> list[str]:
    """The different cues of ``domain`` in ``text`` (the first words each matched), in order
    of appearance: two amounts of money are one cue."""
    found: dict[str, str] = {}
    for match in domain.pattern.finditer(text.lower()):
        cue = next(name for name, value in match.groupdict().items() if value is not None)
        found.setdefault(cue, " ".join(match.group().split()))
    return list(found.values())


@lru_cache(maxsize=4096)
def dominant(text: str) -> tuple[Domain, list[str]] | None:
    """The field with the most cues in ``text``, if it has enough of them."""
    best: tuple[Domain, list[str]] | None = None
    for domain in domains():
        found = cues_of(domain, text)
        if len(found) >= domain.min_cues and (best is None or len(found) > len(best[1])):
            best = (domain, found)
    return best
