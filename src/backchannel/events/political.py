"""An event needs a political actor: who takes part decides whether it is event data.

PETRARCH and ICEWS code nothing without resolved actors. Here an event is kept only when at
least one participant (actor, recipient or intermediary) is a political actor: a state or its
agents (a country with no private sector), an international organisation, a non-state armed
or political group, or an agent of a governing sector (government, military, police, courts,
legislature, parties, opposition, rebels, organised civil society acting politically).
"Your computer screen provides comfort", "the man returned", "Nikkei declined": no one
political takes part, so no event.
"""

from __future__ import annotations

import re
from functools import cache

from backchannel.datafiles import data_lines
from backchannel.events.codebook import load, parse_rule
from backchannel.records import Actor, Event

POLITICAL_SECTORS = frozenset(
    {
        "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP", "REB", "INS", "IGO",
        "PRE", "PRM", "SOC", "LAB", "HRI", "NGO", "UAF", "CRM",
    }
)  # fmt: skip
# Sectors that do not by themselves make an actor political. ELI, the elite, is mostly a
# former office holder: what one does with voters, donors or the press is campaign coverage
# (on the real-news development set, counting ELI as political added three non-events and
# no event); with a political counterpart it is event data.
PRIVATE_SECTORS = frozenset(
    {"CVL", "BUS", "MED", "EDU", "JRN", "REL", "AGR", "REF", "UNK", "ELI"}
)
NO_POLITICAL_ACTOR = "no political actor"
# political whoever does them: demonstrations and strikes, troops mobilised, and violence
# with casualties or weapons of war (an attack that killed forty is event data even when no
# one claims it)
POLITICAL_ACTS = frozenset({"PROTEST", "MOBILIZE"})
NOT_POLITICAL_MODES = frozenset({"obstruct", "boycott"})  # "blocked the deal", "boycott a shop"
VIOLENT_ACTS = frozenset({"ASSAULT"})
_WORD = re.compile(r"[a-z]+")
# words that also mean a comeback in a game or a walk: a rally or a march is a protest
# without a political actor only when a crowd holds it ("Nigerians", "students")
AMBIGUOUS_TRIGGERS = frozenset({"rally", "march"})
CROWD_SECTORS = frozenset({"OPP", "SOC", "LAB", "EDU", "CVL", "REB", "AGR", "REF", "HRI", "NGO"})


def _unambiguous(event: Event) -> bool:
    """Whether the trigger (its rule's lemmas, "PROTEST/rally/V") is a protest word only."""
    return AMBIGUOUS_TRIGGERS.isdisjoint(parse_rule(event.rule)[1])


def _crowd(actor: Actor) -> bool:
    """People or a group of them: "students", "opposition supporters", "Nigerians"."""
    return actor.sector in CROWD_SECTORS or (actor.country is not None and actor.sector is None)


@cache
def _casualties() -> frozenset[str]:
    return frozenset(data_lines("codebook", "casualties.txt"))


@cache
def _protest_words() -> frozenset[str]:
    """The codebook's one-word protest nouns ("protest", "boycott", "walkout"), and "strike"."""
    nouns = {
        t.lemmas[0]
        for group in load().by_first.values()
        for t in group
        if t.event == "PROTEST" and t.pos == "N" and len(t.lemmas) == 1
    }
    return frozenset({*nouns, "strike", "strikes", "strikers", "protests", "boycotts"})


def _about_a_protest(words: list[str]) -> bool:
    """Ending, calling off or refusing to end a strike or protest is a political act of its
    own ("the teachers will not end the strike"); a strike beside casualties is an attack."""
    return not _protest_words().isdisjoint(words) and _casualties().isdisjoint(words)


def _political_act(event: Event) -> bool:
    if event.event in POLITICAL_ACTS and event.mode not in NOT_POLITICAL_MODES:
        return _unambiguous(event) or any(_crowd(a) for a in event.actor)
    words = _WORD.findall(event.evidence.sentence.lower())
    if _about_a_protest(words):
        return True
    return event.event in VIOLENT_ACTS and not _casualties().isdisjoint(words)


def is_political(actor: Actor) -> bool:
    """A state, IGO, armed or political group, or an agent of a governing sector."""
    if actor.sector in POLITICAL_SECTORS:
        return True
    return actor.country is not None and actor.sector not in PRIVATE_SECTORS


def participants(event: Event) -> list[Actor]:
    return [*event.actor, *event.recipient, *event.intermediary]


def mark(events: list[Event]) -> None:
    """Mark the events no political actor takes part in as not kept (in place)."""
    for event in events:
        if event.dropped is not None or _political_act(event):
            continue
        if not any(is_political(a) for a in participants(event)):
            event.dropped = NO_POLITICAL_ACTOR
