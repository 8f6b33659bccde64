"""``ground(doc)``: attribution, status, opinion, date and location for each event of a
document (location: ``location.py``).

Event dates: the time expression of the event's sentence nearest the trigger (DATE or
TIME); "hours later" / "later that day" carries the previous event's date (basis relative);
otherwise nothing is invented: start None and basis "unknown" (even with a publication
date, since a sentence without a time expression need not be about the day of publication).
Only a calendar value dates an event ("PAST_REF" or "P3D" do not). When the sentence is
parsed, a time expression dates the event only if it stands in the trigger's clause or in a
clause above it (``clause.outer_clause``): in "X did A over a deal reached in 2015", 2015
dates the deal, not A. The parse also scopes the status cues to the trigger's clause.
A hypothetical event with a specific future day ("he may call tomorrow") is planned.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from backchannel.grounding import clause
from backchannel.grounding.attribution import find_attributions
from backchannel.grounding.dates import find_dates
from backchannel.grounding.location import Locator, dateline_place
from backchannel.grounding.speaker import name_speaker
from backchannel.grounding.status import is_opinion, negates, status_of
from backchannel.nlp import Doc, Token
from backchannel.records import Attribution, Document, Event, EventDate, Timex

T = TypeVar("T")
LOCAL_SLIPS = (IndexError, KeyError, ValueError, OverflowError, AttributeError, RecursionError)
_LATER = re.compile(r"\b(?:hours|minutes|moments|shortly)\s+later\b|\blater that day\b", re.I)
_EXPLICIT = re.compile(r"^\d{4}(?:-\d\d){0,2}$|^\d{4}-Q\d$")
_STARTING = re.compile(r"\b(?:starting|from|since|beginning)\s+$", re.I)
_CALENDAR = re.compile(r"^[\dX]{4}(?:-(?:[\dX]{2}|W\d\d|Q\d|WE|SU|SP|FA|WI|H\d)){0,2}$")
_DAY_VALUE = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}(?:T.*)?")
_MONTH_VALUE = re.compile(r"[\dX]{4}-\d\d")
_YEAR_VALUE = re.compile(r"\d{4}")


@dataclass(slots=True)
class Clause:
    """The parse of an event's sentence, its trigger token and the trigger's clause."""

    parse: Doc
    trigger: Token
    kept: set[int]


def _clause(event: Event, parse: Doc | None) -> Clause | None:
    evidence = event.evidence
    if parse is None or evidence.trigger_start is None:
        return None
    trigger = clause.token_at(parse, evidence.trigger_start - evidence.start)
    if trigger is None:
        return None
    return Clause(parse, trigger, clause.scope(trigger))


def _granularity(value: str) -> str | None:
    if "W" in value:
        return "week"
    if _DAY_VALUE.fullmatch(value):
        return "day"
    if _MONTH_VALUE.fullmatch(value):
        return "month"
    return "year" if _YEAR_VALUE.fullmatch(value) else None


def event_date(timex: Timex, text: str) -> EventDate:
    """The contract ``date`` for a time expression (unresolved values give start None)."""
    value = timex.value.split("T")[0]
    if value.startswith("XXXX-") and value[5:6].isdigit():
        return EventDate(value, value, _granularity(value), "explicit", timex.text)
    if "X" in value or not _CALENDAR.match(value):
        return EventDate(None, None, None, "unknown", timex.text)
    basis = (
        "explicit"
        if _EXPLICIT.match(value) and any(c.isdigit() for c in timex.text)
        else "relative"
    )
    end = None if _STARTING.search(text[max(0, timex.start - 12) : timex.start]) else value
    return EventDate(value, end, _granularity(value), basis, timex.text)


def _nearest(event: Event, timexes: list[Timex], found: Clause | None) -> Timex | None:
    evidence = event.evidence
    anchor = evidence.trigger_start if evidence.trigger_start is not None else evidence.start
    inside = [
        t
        for t in timexes
        if evidence.start <= t.start < evidence.end
        and t.type in ("DATE", "TIME")
        and _CALENDAR.match(t.value.split("T")[0])
        and _dates_clause(t, evidence.start, found)
    ]
    return min(inside, key=lambda t: abs(t.start - anchor), default=None)


def _dates_clause(timex: Timex, sentence_start: int, found: Clause | None) -> bool:
    if found is None:
        return True
    token = clause.token_at(found.parse, timex.start - sentence_start)
    return token is None or clause.outer_clause(token, found.trigger, found.kept)


def _attribution(event: Event, attributions: list[Attribution]) -> Attribution:
    at = (
        event.evidence.trigger_start
        if event.evidence.trigger_start is not None
        else event.evidence.start
    )
    holding = [
        a
        for a in attributions
        if a.content_span is not None and a.content_span.start <= at < a.content_span.end
    ]
    if not holding:
        return Attribution(kind="author")
    return min(holding, key=lambda a: a.content_span.end - a.content_span.start)  # type: ignore[union-attr]


def _date(
    event: Event,
    timexes: list[Timex],
    text: str,
    previous: EventDate | None,
    found: Clause | None,
) -> EventDate:
    timex = _nearest(event, timexes, found)
    if timex is not None:
        return event_date(timex, text)
    later = _LATER.search(event.evidence.sentence)
    if later and previous is not None and previous.start is not None:
        return EventDate(
            previous.start, previous.end, previous.granularity, "relative", later.group(0)
        )
    return EventDate()


def _status(event: Event, found: Clause | None, published: date | None) -> None:
    evidence = event.evidence
    at = (
        (evidence.trigger_start - evidence.start)
        if evidence.trigger_start is not None
        else len(evidence.sentence)
    )
    if not event.negated and evidence.trigger_start is not None:
        event.negated = negates(evidence.sentence, at)
    sentence = evidence.sentence
    if found is not None and len(found.parse.text) == len(sentence):
        sentence = clause.masked(sentence, found.parse, found.kept)
    event.status = status_of(sentence, at, event.attribution.kind != "author")
    if event.status == "hypothetical" and _scheduled(event.date, published):
        event.status = "planned"
    event.opinion = event.opinion or is_opinion(evidence.sentence)


def _scheduled(when: EventDate, published: date | None) -> bool:
    """A specific day after publication ('tomorrow', 'on July 12')."""
    return (
        published is not None
        and when.granularity == "day"
        and when.start is not None
        and when.start > published.isoformat()
    )


def ground(doc: Document) -> None:
    """Set attribution, status, opinion, date and location on each of ``doc.events``; a slip
    on one event (an odd parse, a date out of range) leaves that event's field as it was."""
    text = doc.article.text
    doc.attributions = find_attributions(text)
    doc.timexes = find_dates(text, doc.article.published)
    parses = {s.start: s.parse for s in doc.sentences if s.parse is not None}
    locator = Locator(_local(None, dateline_place, text))
    previous: EventDate | None = None
    for event in sorted(
        doc.events, key=lambda e: (e.evidence.start, e.evidence.trigger_start or 0)
    ):
        found = _local(None, _clause, event, parses.get(event.evidence.start))
        event.attribution = _local(Attribution(), _attribution, event, doc.attributions)
        event.date = _local(EventDate(), _date, event, doc.timexes, text, previous, found)
        _local(None, _status, event, found, doc.article.published)
        _local(None, name_speaker, event)
        kept = None if found is None else found.kept
        parse = parses.get(event.evidence.start)
        event.location = _local(None, locator.locate, event, parse, kept)
        previous = event.date if event.date.start is not None else previous


def _local(default: T, step: Callable[..., T], *args: Any) -> T:
    """``step(*args)``, or ``default`` when it slips on an odd input (a local failure loses
    a field of one event, not the article)."""
    try:
        return step(*args)
    except LOCAL_SLIPS:
        return default
