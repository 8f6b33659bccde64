"""Figurative senses of force verbs: "attacked Clinton over her emails" is no assault.

A force verb listed in ``data/codebook/figurative.tsv`` keeps its literal event only with
evidence of physical force: a word of ``violence.txt`` in the sentence, an armed group or a
security force among the roles, or (for the verbs that allow it) a state or a place as its
target ("Russia attacked Ukraine"). Otherwise it takes its figurative reading: a verbal
attack (ACCUSE) or no event at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from backchannel.datafiles import data_lines
from backchannel.nlp import Doc
from backchannel.records import Actor

FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "SPY", "UAF", "CRM"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Sense:
    """How a force verb reads here: literally, or as ``event``/``cameo`` (None: no event)."""

    literal: bool
    event: str | None = None
    cameo: str | None = None


@dataclass(frozen=True, slots=True)
class _Entry:
    places: bool  # a state or place as the target is evidence of force
    event: str | None
    cameo: str | None


@cache
def _entries() -> dict[tuple[str, str], _Entry]:
    table: dict[tuple[str, str], _Entry] = {}
    for line in data_lines("codebook", "figurative.tsv"):
        lemma, pos, places, event, *cameo = line.split("\t")
        figurative = None if event == "NONE" else event
        table[lemma, pos] = _Entry(places == "yes", figurative, cameo[0] if cameo else None)
    return table


@cache
def _violence() -> frozenset[str]:
    return frozenset(data_lines("codebook", "violence.txt"))


def sense(
    lemmas: tuple[str, ...], pos: str, parse: Doc, roles: list[Actor], targets: list[Actor]
) -> Sense | None:
    """How a trigger reads, or None when it is no force verb with a figurative sense."""
    entry = _entries().get((" ".join(lemmas), pos))
    if entry is None:
        return None
    if _forceful(parse, roles) or (entry.places and any(_is_place(a, parse) for a in targets)):
        return Sense(literal=True)
    return Sense(literal=False, event=entry.event, cameo=entry.cameo)


def _forceful(parse: Doc, roles: list[Actor]) -> bool:
    """A violence word in the sentence, or an armed group or security force among the roles."""
    words = _violence()
    if any(t.lemma_.lower() in words or t.lower_ in words for t in parse):
        return True
    return any(a.sector in FORCE_SECTORS for a in roles)


def _is_place(actor: Actor, parse: Doc) -> bool:
    """A state named as such (a country and no sector) or a named place."""
    if actor.country and actor.sector is None:
        return True
    return any(t.ent_type_ in _PLACE_ENTS and t.text in actor.text for t in parse)
