"""``ground(doc)``: attribution, status, opinion and date for each event of a document.

Event dates: the time expression of the event's sentence nearest the trigger (DATE or
TIME); "hours later" / "later that day" carries the previous event's date (basis relative);
otherwise nothing is invented: start None and basis "unknown" (even with a publication
date, since a sentence without a time expression need not be about the day of publication).
"""

from __future__ import annotations

import re

from backchannel.grounding.attribution import find_attributions
from backchannel.grounding.dates import find_dates
from backchannel.grounding.status import is_opinion, negates, status_of
from backchannel.records import Attribution, Document, Event, EventDate, Timex

_LATER = re.compile(r"\b(?:hours|minutes|moments|shortly)\s+later\b|\blater that day\b", re.I)
_EXPLICIT = re.compile(r"^\d{4}(?:-\d\d){0,2}$|^\d{4}-Q\d$")
_STARTING = re.compile(r"\b(?:starting|from|since|beginning)\s+$", re.I)


def _granularity(value: str) -> str | None:
    if "W" in value:
        return "week"
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}(?:T.*)?", value):
        return "day"
    if re.fullmatch(r"[\dX]{4}-\d\d", value):
        return "month"
    return "year" if re.fullmatch(r"\d{4}", value) else None


def event_date(timex: Timex, text: str) -> EventDate:
    """The contract ``date`` for a time expression (unresolved values give start None)."""
    value = timex.value.split("T")[0]
    if value.startswith("XXXX-") and value[5:6].isdigit():
        return EventDate(value, value, _granularity(value), "explicit", timex.text)
    if "X" in value or value.endswith("_REF"):
        return EventDate(None, None, None, "unknown", timex.text)
    basis = (
        "explicit"
        if _EXPLICIT.match(value) and any(c.isdigit() for c in timex.text)
        else "relative"
    )
    end = None if _STARTING.search(text[max(0, timex.start - 12) : timex.start]) else value
    return EventDate(value, end, _granularity(value), basis, timex.text)


def _nearest(event: Event, timexes: list[Timex]) -> Timex | None:
    evidence = event.evidence
    anchor = evidence.trigger_start if evidence.trigger_start is not None else evidence.start
    inside = [
        t
        for t in timexes
        if evidence.start <= t.start < evidence.end and t.type in ("DATE", "TIME")
    ]
    return min(inside, key=lambda t: abs(t.start - anchor), default=None)


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


def _date(event: Event, timexes: list[Timex], text: str, previous: EventDate | None) -> EventDate:
    timex = _nearest(event, timexes)
    if timex is not None:
        return event_date(timex, text)
    later = _LATER.search(event.evidence.sentence)
    if later and previous is not None and previous.start is not None:
        return EventDate(
            previous.start, previous.end, previous.granularity, "relative", later.group(0)
        )
    return EventDate()


def _status(event: Event, attribution: Attribution) -> None:
    evidence = event.evidence
    at = (
        (evidence.trigger_start - evidence.start)
        if evidence.trigger_start is not None
        else len(evidence.sentence)
    )
    if not event.negated and evidence.trigger_start is not None:
        event.negated = negates(evidence.sentence, at)
    event.status = status_of(evidence.sentence, at, attribution.kind != "author")
    event.opinion = event.opinion or is_opinion(evidence.sentence)


def ground(doc: Document) -> None:
    """Set attribution, status, opinion and date on each of ``doc.events``."""
    text = doc.article.text
    doc.attributions = find_attributions(text)
    doc.timexes = find_dates(text, doc.article.published)
    previous: EventDate | None = None
    for event in sorted(
        doc.events, key=lambda e: (e.evidence.start, e.evidence.trigger_start or 0)
    ):
        event.attribution = _attribution(event, doc.attributions)
        _status(event, event.attribution)
        event.date = _date(event, doc.timexes, text, previous)
        previous = event.date if event.date.start is not None else previous
