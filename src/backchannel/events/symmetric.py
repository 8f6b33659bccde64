"""Dyads: symmetric events in both directions, and no actor aimed at itself.

"Trump and Putin talked" is Trump → Putin and Putin → Trump.

A consultation, a cooperation or an agreement whose parties are all named as its actors
(a compound actor, no recipient) is coded once in each direction, so that each side is the
actor of one event and the recipient of the other, as event-data users count dyads.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from backchannel.actors.kb import default_kb
from backchannel.records import Actor, Event

_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "he", "him", "his", "she", "her"})
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})


def _key(actor: Actor) -> str:
    return actor.name or actor.text


def _distinct(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(_key(actor), actor)
    return list(seen.values())


def directions(event: Event) -> list[Event]:
    """The event once in each direction, or as it is when it is not symmetric."""
    sides = _distinct(event.actor)
    if event.event not in SYMMETRIC_TYPES or event.recipient or len(sides) < 2:
        return [event]
    return [
        replace(event, actor=[side], recipient=[a for a in sides if a is not side])
        for side in sides
    ]


def split(events: list[Event]) -> list[Event]:
    return [one for event in events for one in directions(event)]


def _same(one: Actor, other: Actor) -> bool:
    """The same actor: the same person or body by name, or the same words. A country's name
    is no identity: "Croatia is investigating Croatian extremists" has two actors."""
    if one.text.lower().removeprefix("the ") == other.text.lower().removeprefix("the "):
        return True
    if not one.name or one.name != other.name:
        return False
    pronoun = one.text.lower() in _PRONOUNS or other.text.lower() in _PRONOUNS
    return pronoun or one.name not in _country_names()  # "Iran warned that [it] would"


@cache
def _country_names() -> frozenset[str]:
    return frozenset(entry.name for entry in default_kb().country_names.values() if entry.name)


def no_self_loops(events: list[Event]) -> None:
    """Take out of recipients and intermediaries any actor of the event itself ("Iran ...
    Iran" from a pronoun or a repeated mention); two people of one country are two actors."""
    for event in events:
        event.recipient = [r for r in event.recipient if not any(_same(r, a) for a in event.actor)]
        event.intermediary = [
            i for i in event.intermediary if not any(_same(i, a) for a in event.actor)
        ]
