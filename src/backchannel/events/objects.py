"""What a verb and its object make, by the CAMEO verb dictionary; which verbs are light.

Reads ``data/codebook/cameo_objects.tsv`` and ``cameo_verbs.tsv`` (built from PETRARCH-2's
``CAMEO.2.0.txt`` by ``events/cameo_dictionary.py``) and ``light_verbs.tsv`` (curated here).
"give aid" is 070, "provide assistance" 070, "give the green light" 030, "give a boost" None:
the dictionary knows "give" but files no event under that object.

``object_lemmas`` are the lemmas of the object phrase in text order, head last ("much-needed
financial aid" → ``["much-needed", "financial", "aid"]``); a multi-word pattern
(``{FINANCIAL AID}``) matches when its last word is the head and its other words occur, in
order, before it. Words are compared in a plain singular form (``singular``), so "sanctions"
and "sanction", "arms" and "arm" meet.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from backchannel.datafiles import DATA_DIR, data_lines
from backchannel.events.cameo_dictionary import singular

_DIR = DATA_DIR / "codebook"


@dataclass(frozen=True, slots=True)
class ObjectPattern:
    """One dictionary pattern for one verb: object words (head last) → CAMEO code."""

    words: tuple[str, ...]
    cameo: str
    line: int
    own: bool  # the pattern's comment names this verb


@dataclass(frozen=True, slots=True)
class LightVerb:
    lemma: str
    kind: str  # object, market, custody, intransitive, figurative (see light_verbs.tsv)
    why: str


def _table(name: str) -> list[list[str]]:
    rows = list(csv.reader(data_lines("codebook", name), delimiter="\t"))
    return rows[1:]  # the column names


def _key(lemma: str) -> str:
    return " ".join(lemma.lower().split())


@lru_cache(maxsize=1)
def _object_lines() -> tuple[list[str], dict[str, tuple[int, int]]]:
    """The object table's rows (sorted by verb) and each verb's span of them."""
    lines = data_lines("codebook", "cameo_objects.tsv")[1:]
    spans: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(lines):
        verb = line.partition("\t")[0]
        start = spans.get(verb, (number, number))[0]
        spans[verb] = (start, number + 1)
    return lines, spans


@cache
def _patterns(verb: str) -> dict[str, list[ObjectPattern]]:
    """object head → the verb's patterns with that head (parsed on first use of the verb)."""
    lines, spans = _object_lines()
    start, end = spans.get(verb, (0, 0))
    index: dict[str, list[ObjectPattern]] = defaultdict(list)
    for line in lines[start:end]:
        row_verb, obj, cameo, number, own = line.split("\t")
        if row_verb != verb:
            continue
        words = tuple(obj.split())
        index[words[-1]].append(ObjectPattern(words, cameo, int(number), own == "1"))
    return dict(index)


@lru_cache(maxsize=1)
def _defaults() -> dict[str, tuple[str, ...]]:
    codes: dict[str, list[str]] = defaultdict(list)
    for verb, cameo, _block, _line in _table("cameo_verbs.tsv"):
        if cameo not in codes[verb]:
            codes[verb].append(cameo)
    return {verb: tuple(found) for verb, found in codes.items()}


@lru_cache(maxsize=1)
def light_verbs() -> dict[str, LightVerb]:
    """The curated light verbs (``light_verbs.tsv``), by lemma."""
    return {row[0]: LightVerb(row[0], row[1], row[2]) for row in _table("light_verbs.tsv")}


def knows(verb_lemma: str) -> bool:
    """Whether the dictionary lists the verb (in a block or under one of its patterns)."""
    key = _key(verb_lemma)
    return key in _defaults() or key in _object_lines()[1]


def default_codes(verb_lemma: str) -> tuple[str, ...]:
    """The verb's code alone, per block it is in, in file order ('---': no event alone)."""
    return _defaults().get(_key(verb_lemma), ())


def patterns_of(verb_lemma: str) -> list[ObjectPattern]:
    """All the verb's object patterns, in file order."""
    found = [row for rows in _patterns(_key(verb_lemma)).values() for row in rows]
    return sorted(found, key=lambda row: (row.line, row.words))


def _in_order(wanted: tuple[str, ...], words: list[str]) -> bool:
    remaining = iter(words)
    return all(word in remaining for word in wanted)


def matching_patterns(verb_lemma: str, object_lemmas: list[str]) -> list[ObjectPattern]:
    """The patterns the object fits, best first: longest, then own, then latest in the file."""
    words = [singular(word) for lemma in object_lemmas for word in lemma.lower().split()]
    if not words:
        return []
    candidates = _patterns(_key(verb_lemma)).get(words[-1], [])
    found = [row for row in candidates if _in_order(row.words[:-1], words[:-1])]
    return sorted(found, key=lambda row: (-len(row.words), not row.own, -row.line))


def object_code(verb_lemma: str, object_lemmas: list[str]) -> str | None:
    """The CAMEO code the verb and its object make, or None when no pattern matches."""
    found = matching_patterns(verb_lemma, object_lemmas)
    return found[0].cameo if found else None


def is_light(verb_lemma: str) -> bool:
    """Whether the verb's event depends on its object or use (``light_verbs.tsv``)."""
    return _key(verb_lemma) in light_verbs()


def light_kind(verb_lemma: str) -> str | None:
    """The light verb's kind (``light_verbs.tsv``: object, market, ...), else None."""
    light = light_verbs().get(_key(verb_lemma))
    return light.kind if light else None
