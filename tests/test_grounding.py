"""ground(): attribution, status, opinion and date on hand-built events."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.grounding import ground
from backchannel.nlp import parse, split_sentences
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


def parsed(text: str, trigger: str, published: date | None = date(2025, 7, 4)) -> Event:
    """Ground one event with the real sentence split and parse, as the pipeline does."""
    sentences = split_sentences(text)
    for sentence, doc in zip(sentences, parse(s.text for s in sentences), strict=True):
        sentence.parse = doc
    at = text.index(trigger)
    home = next(s for s in sentences if s.start <= at < s.end)
    evidence = Evidence(home.text, home.start, home.end, trigger, at, at + len(trigger))
    event = Event("a1", "SANCTION", evidence)
    doc = Document(Article("a1", text, published=published), sentences=sentences, events=[event])
    ground(doc)
    return event


def test_status_cues_of_another_clause_do_not_apply() -> None:
    text = (
        "On Monday – the day the envoy is said to have offered a truce to the rebels – "
        "the government imposed new sanctions on the mining firms."
    )
    event = parsed(text, "sanctions")
    assert event.status in {"asserted", "reported"}
    assert event.attribution.kind == "author"
    assert event.date.start == "2025-06-30"


def test_hedged_passive_makes_the_event_reported() -> None:
    event = parsed("The army is said to have shelled the village on Tuesday.", "shelled")
    assert (event.status, event.attribution.kind, event.attribution.text) == (
        "reported",
        "anonymous",
        None,
    )


def test_weak_modal_with_a_specific_future_day_is_planned() -> None:
    event = parsed("She may meet the Chilean president in Santiago tomorrow.", "meet")
    assert (event.status, event.date.start) == ("planned", "2025-07-05")
    assert parsed("She may meet the Chilean president.", "meet").status == "hypothetical"


def test_a_modifier_clause_does_not_date_the_main_event() -> None:
    text = "Paris sent envoys to Berlin, which has backed a trade pact signed in 2015."
    assert parsed(text, "sent").date.start is None
    assert parsed(text, "pact").date.start == "2015"


def test_a_noun_trigger_takes_the_date_of_its_own_modifiers() -> None:
    text = "It also saw the navy raid with drones launched from two ships on June 21."
    assert parsed(text, "raid").date.start == "2025-06-21"


def test_a_reference_value_is_not_an_event_date() -> None:
    event = grounded("Right now, Oslo does not see sanctions working.", "sanctions")
    assert (event.date.start, event.date.basis) == (None, "unknown")


def test_the_threat_is_attributed_to_the_named_envoy() -> None:
    text = "“More sanctions are coming,” US special envoy for Syria Jane Roe told reporters."
    event = parsed(text, "sanctions")
    assert event.attribution.kind == "named"
    assert "Jane Roe" in (event.attribution.text or "")
    assert event.attribution.source is not None
    assert event.attribution.source.country == "USA"


def test_proposal_inherits_the_chain_of_its_frame() -> None:
    text = (
        "Reuters has cited a report in the Asahi Shimbun saying Seoul has offered talks.\n\n"
        "According to the report, based on leaked minutes:\n\n"
        "Seoul has proposed a summit in Geneva, according to a South Korean diplomat.\n"
    )
    event = parsed(text, "proposed")
    assert (event.attribution.kind, event.attribution.text) == (
        "anonymous",
        "a South Korean diplomat",
    )
    assert event.attribution.chain == ["Reuters", "Asahi Shimbun", "a South Korean diplomat"]


@pytest.mark.parametrize(
    ("text", "trigger", "status", "negated"),
    [
        ("Moscow denied that its troops crossed into Moldova.", "crossed", "denied", False),
        ("Hamas denied carrying out the attack on the post.", "attack", "denied", False),
        ("Iran rejected US claims that it seized the tanker.", "seized", "denied", False),
        ("The army rejected charges it had shelled the village.", "shelled", "denied", False),
        ("Israel denied the visa request of the journalist.", "denied", "asserted", False),
        ("Moscow did not deny that its troops crossed the border.", "crossed", "asserted", False),
        ("Russia did not attack the town.", "attack", "asserted", True),
        ("The envoy has not met the rebels, officials said.", "met", "reported", True),
    ],
)
def test_a_denied_act_is_denied_and_a_negated_act_is_negated(
    text: str, trigger: str, status: str, negated: bool
) -> None:
    event = parsed(text, trigger)
    assert (event.status, event.negated) == (status, negated)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "An official, speaking on condition of anonymity, said Washington imposed sanctions.",
            "reported",
        ),
        (
            "Officials spoke on condition that they not be named; Washington imposed sanctions.",
            "asserted",
        ),
        (
            "Officials spoke on condition they remain anonymous; Washington imposed sanctions.",
            "asserted",
        ),
        ("Washington imposed sanctions on condition that Tehran halts enrichment.", "conditional"),
        ("Washington imposed sanctions on condition of a review in May.", "conditional"),
    ],
)
def test_anonymity_terms_are_no_condition(text: str, status: str) -> None:
    assert grounded(text, "imposed").status == status
