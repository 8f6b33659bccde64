"""ground(): attribution, status, opinion and date on hand-built events."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.grounding import ground
from backchannel.records import Article, Document, Event, Evidence


def grounded(text: str, trigger: str, published: date | None = date(2025, 7, 4)) -> Event:
    at = text.index(trigger)
    evidence = Evidence(text, 0, len(text), trigger, at, at + len(trigger))
    event = Event("a1", "SANCTION", evidence)
    doc = Document(Article("a1", text, published=published), events=[event])
    ground(doc)
    return event


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Washington imposed sanctions on Tehran.", "imposed", "asserted"),
        ("Washington imposed sanctions on Tehran, a senior official said.", "imposed", "reported"),
        ("Washington will impose sanctions next week.", "impose", "planned"),
        ("France proposed sanctions on Tehran.", "sanctions", "proposed"),
        ("Israel urged Washington to impose sanctions.", "impose", "requested"),
        ("Washington will impose sanctions if talks fail.", "impose", "conditional"),
        ("Washington could impose sanctions.", "impose", "hypothetical"),
        ("Washington denied that it imposed sanctions.", "imposed", "denied"),
        ("Why would Washington impose sanctions?", "impose", "question"),
    ],
)
def test_status(text: str, trigger: str, status: str) -> None:
    assert grounded(text, trigger).status == status


def test_reported_event_carries_its_source() -> None:
    event = grounded("Iran seized a tanker, a U.S. government source said.", "seized")
    assert (event.attribution.kind, event.attribution.text) == (
        "anonymous",
        "a U.S. government source",
    )


def test_opinion_and_negation() -> None:
    event = grounded("The dictator did not release the prisoners.", "release")
    assert event.opinion and event.negated


def test_date_from_the_sentence() -> None:
    event = grounded("Iran seized a tanker on Wednesday.", "seized")
    assert (event.date.start, event.date.granularity, event.date.basis) == (
        "2025-07-02",
        "day",
        "relative",
    )


def test_explicit_date_without_publication_keeps_unknown_year() -> None:
    event = grounded("Iran seized a tanker on June 13.", "seized", None)
    assert (event.date.start, event.date.basis) == ("XXXX-06-13", "explicit")


def test_no_time_expression_invents_nothing() -> None:
    event = grounded("Iran seized a tanker.", "seized")
    assert (event.date.start, event.date.basis) == (None, "unknown")


def test_hours_later_carries_the_previous_date() -> None:
    text = "Iran seized a tanker on June 13. Hours later, Britain imposed sanctions."
    first, second = text.index("seized"), text.index("imposed")
    events = [
        Event("a1", "SEIZE", Evidence(text[:32], 0, 32, "seized", first, first + 6)),
        Event("a1", "SANCTION", Evidence(text[33:], 33, len(text), "imposed", second, second + 7)),
    ]
    doc = Document(Article("a1", text, published=date(2025, 7, 4)), events=events)
    ground(doc)
    assert (events[1].date.start, events[1].date.basis) == ("2025-06-13", "relative")
