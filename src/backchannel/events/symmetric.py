"""Symmetric events: "Trump and Putin talked" is Trump → Putin and Putin → Trump.

A consultation, a cooperation or an agreement whose parties are all named as its actors
(a compound actor, no recipient) is coded once in each direction, so that each side is the
actor of one event and the recipient of the other, as event-data users count dyads.
"""

from __future__ import annotations

from dataclasses import replace

from backchannel.records import Actor, Event

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
