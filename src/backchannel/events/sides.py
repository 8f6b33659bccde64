""" "Both sides" points back to a pair: the two states the discourse last set against each other.

Diplomatic news names a dyad once and then writes "both sides", "the two countries": "the
groundwork had been laid by Qatari and Omani negotiators, who have been communicating with
both sides". Such a participant, placed nowhere, becomes the two countries of the nearest
earlier event between two states (else the last two states named before it), never the
event's own side.
"""

from __future__ import annotations

from dataclasses import replace

from backchannel.actors.setting import NOT_STATES
from backchannel.records import Actor, Document, Event, Mention

PAIR_WORDS = frozenset(
    {
        "both sides", "the two sides", "both countries", "the two countries", "both parties",
        "the two parties", "both governments", "the two governments", "the two nations",
        "both nations",
    }
)  # fmt: skip


def _is_pair(actor: Actor) -> bool:
    return actor.country is None and actor.text.lower() in PAIR_WORDS


def _states(actors: list[Actor]) -> set[str]:
    return {a.country for a in actors if a.country and a.country not in NOT_STATES}


def _from_events(events: list[Event], before: int, own: set[str]) -> list[str]:
    """The two states of the nearest earlier event between two states, not ``own``."""
    for event in reversed(events[:before]):
        actor = sorted(_states(event.actor) - own)
        other = sorted(_states(event.recipient) - own - set(actor[:1]))
        if actor and other:
            return [actor[0], other[0]]
    return []


def _from_mentions(mentions: list[Mention], at: int, own: set[str]) -> list[str]:
    """The last two distinct states named before ``at``, not ``own``."""
    found: list[str] = []
    for mention in reversed([m for m in mentions if m.end <= at]):
        country = mention.actor.country
        if country and country not in NOT_STATES and country not in own and country not in found:
            found.append(country)
        if len(found) == 2:
            return list(reversed(found))
    return []


def _resolved(actors: list[Actor], pair: list[str]) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        out += [replace(actor, country=c) for c in pair] if _is_pair(actor) else [actor]
    return out


def fill(doc: Document) -> None:
    """Resolve "both sides" among the participants of ``doc``'s events (in place)."""
    for i, event in enumerate(doc.events):
        if not any(_is_pair(a) for a in [*event.actor, *event.recipient]):
            continue
        own = _states([a for a in [*event.actor, *event.recipient] if not _is_pair(a)])
        pair = _from_events(doc.events, i, own) or _from_mentions(
            doc.mentions, event.evidence.start, own
        )
        if len(pair) == 2:
            event.actor = _resolved(event.actor, pair)
            event.recipient = _resolved(event.recipient, pair)
