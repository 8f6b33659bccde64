"""One event once: a pipeline step after grounding and before ``keep``.

1. Duplicates. The coder may code one trigger twice with the same type and roles (two rules
   on one word, two frames reaching it): the same ``event_id``, the same event. The one with
   the highest confidence stays (the first of equals); an exact copy is simply removed.
2. The same event told again. A headline and the lead (or a recap further down) often tell
   one event twice: "Norland imposes sanctions on Sudmark" / "Norland imposed sanctions on
   Sudmark on Tuesday". They become one event whose ``evidence`` is one telling and whose
   ``evidence.also`` lists the others (sentence, offsets, trigger), in text order.

Merging is conservative: two events are merged only when they have the same PLOVER type
and mode, the same actors, recipients and intermediaries by resolved identity (name and
country; every participant named, at least two of them), the same status, negation,
attribution and drop reason, and dates that agree: the same date, or none, or a headline (the
first sentence) without one told again with a date; an unresolved date ("Wednesday", no
publication date) agrees only with the same words.
Events that differ in any of these stay apart. The telling that carries the date is the
evidence (else the first); the merged event has the highest confidence of its tellings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from backchannel.records import Actor, Document, Event, EventDate
from backchannel.serialise import event_id

Identity = tuple[Any, ...]


def merge(doc: Document) -> None:
    """Duplicates out of ``doc.events``, then each event told more than once made one."""
    headline_end = doc.sentences[0].end if doc.sentences else -1
    doc.events = merge_events(unique(doc.events), headline_end)


def unique(events: list[Event]) -> list[Event]:
    """One event per ``event_id``: the most confident of the same-id events, in first place."""
    best: dict[str, int] = {}
    chosen: list[Event] = []
    for event in events:
        key = event_id(event)
        if key not in best:
            best[key] = len(chosen)
            chosen.append(event)
        elif event.confidence > chosen[best[key]].confidence:
            chosen[best[key]] = event
    return chosen


@dataclass(slots=True)
class Telling:
    """The tellings of one event found so far, and the date they agree on."""

    tellings: list[Event] = field(default_factory=list)
    date: EventDate | None = None

    def agrees(self, event: Event, headline_end: int) -> bool:
        """Dated tellings agree on the date; an undated telling joins dated ones only from
        the headline (the first sentence, where a date is rarely written): in the body, "X
        visited Y" and "X's previous visit to Y in 2012" may well be two visits."""
        if self.date is not None and _dated(event.date):
            return _same_date(self.date, event.date)
        if self.date is None and not _dated(event.date):
            return True
        undated = [e for e in (*self.tellings, event) if not _dated(e.date)]
        return all(e.evidence.end <= headline_end for e in undated)

    def add(self, event: Event) -> None:
        self.tellings.append(event)
        if self.date is None and _dated(event.date):
            self.date = event.date


def merge_events(events: list[Event], headline_end: int = -1) -> list[Event]:
    """``events`` with each event told more than once made one, at its first telling's place
    (``headline_end``: where the article's first sentence ends)."""
    groups: list[Telling] = []
    by_identity: dict[Identity, list[Telling]] = {}
    for event in events:
        key = identity(event)
        candidates = by_identity.setdefault(key, []) if key is not None else []
        group = next((g for g in candidates if g.agrees(event, headline_end)), None)
        if group is None:
            group = Telling()
            groups.append(group)
            if key is not None:
                candidates.append(group)
        group.add(event)
    return [combine(group.tellings) for group in groups]


def combine(tellings: list[Event]) -> Event:
    """One event from its tellings: the dated one (else the first) with the others as
    ``evidence.also`` and the highest confidence."""
    if len(tellings) == 1:
        return tellings[0]
    primary = next((e for e in tellings if _dated(e.date)), tellings[0])
    others = [e.evidence for e in tellings if e is not primary]
    primary.evidence.also = sorted(
        [*primary.evidence.also, *others], key=lambda ev: (ev.start, ev.trigger_start or 0)
    )
    primary.confidence = max(e.confidence for e in tellings)
    return primary


def identity(event: Event) -> Identity | None:
    """What two tellings of one event share; None when the event cannot be matched safely:
    a participant without a resolved name, or fewer than two participants (one
    actor alone, "Norland made a demand", tells too little to know it is the same event)."""
    actor, recipient, via = (
        _participants(group) for group in (event.actor, event.recipient, event.intermediary)
    )
    if actor is None or recipient is None or via is None or len({*actor, *recipient, *via}) < 2:
        return None
    said = event.attribution
    source = None if said.source is None else (said.source.name, said.source.country)
    return (
        event.article_id, event.event, event.mode, actor, recipient, via,
        event.status, event.negated, said.kind, said.text, source, event.dropped,
    )  # fmt: skip


def _participants(actors: list[Actor]) -> tuple[tuple[str | None, str | None], ...] | None:
    """The resolved (name, country) of each participant, sorted; None if one has no name
    (a country alone does not tell "a union" from "other unions")."""
    found = [(actor.name, actor.country) for actor in actors]
    if any(name is None for name, _ in found):
        return None
    return tuple(sorted(found, key=lambda pair: (pair[0] or "", pair[1] or "")))


def _dated(when: EventDate) -> bool:
    """Whether the telling says when: a date, or a time expression left unresolved
    ("on Wednesday" without a publication date is a date, only an unknown one)."""
    return when.start is not None or when.text is not None


def _same_date(left: EventDate, right: EventDate) -> bool:
    if left.start is None or right.start is None:  # unresolved: only the same words agree
        return left.start == right.start and (left.text or "").lower() == (right.text or "").lower()
    return (left.start, left.end) == (right.start, right.end)
