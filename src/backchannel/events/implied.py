"""Implied actors: who charges, arrests or convicts when a passive names no one.

Only the state indicts, arrests, convicts and deports (``data/codebook/state_acts.tsv``): "Two
federal prison officers were charged Tuesday" has prosecutors as its actor though the text
does not name them. The actor is marked ``(implied)`` and has the act's sector; the story's
country places it later, as for any unplaced agent.
"""

from __future__ import annotations

from functools import cache

from backchannel.datafiles import data_lines
from backchannel.nlp import Token
from backchannel.records import Actor

IMPLIED = "(implied)"


@cache
def _acts() -> dict[str, str]:
    rows = [line.split("\t") for line in data_lines("codebook", "state_acts.tsv")[1:]]
    return {lemma: sector for lemma, sector in rows}


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def implied_actor(verb: Token, lemmas: tuple[str, ...], pos: str) -> Actor | None:
    """The state agent of a passive state act ("were charged"), or None."""
    if pos != "V" or len(lemmas) != 1 or lemmas[0] not in _acts() or not _passive(verb):
        return None
    if any(c.dep_ == "agent" for c in verb.children):  # "arrested by the army": named
        return None
    return Actor(text=IMPLIED, sector=_acts()[lemmas[0]])
