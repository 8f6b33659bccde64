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

from backchannel.records import Actor, Event

POLITICAL_SECTORS = frozenset(
    {
        "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP", "REB", "INS", "IGO",
        "ELI", "PRE", "PRM", "SOC", "LAB", "HRI", "NGO", "UAF", "CRM",
    }
)  # fmt: skip
PRIVATE_SECTORS = frozenset({"CVL", "BUS", "MED", "EDU", "JRN", "REL", "AGR", "REF", "UNK"})
NO_POLITICAL_ACTOR = "no political actor"
POLITICAL_ACTS = frozenset({"PROTEST"})  # political whoever does them: strikes, demonstrations


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
        if event.dropped is not None or event.event in POLITICAL_ACTS:
            continue
        if not any(is_political(a) for a in participants(event)):
            event.dropped = NO_POLITICAL_ACTOR
