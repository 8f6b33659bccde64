"""Acceptance on the seed articles in ../shared/samples (skipped when they are absent).

These are the "done when" checks of the end-to-end slice and of grounding: the events an
analyst expects from the two seed stories, with their roles, dates and sources.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from backchannel.api import code_as_dicts
from backchannel.clean import clean
from backchannel.ingest import read_inputs
from backchannel.records import Article
from backchannel.settings import Settings
from tests.conftest import SAMPLES_DIR, needs_shared

Event = dict[str, Any]


def _coded(name: str, published: str) -> tuple[str, list[Event]]:
    needs_shared(SAMPLES_DIR)
    path = next(SAMPLES_DIR.glob(f"{name}_*.txt"))
    [record] = list(read_inputs([str(path)]))
    assert isinstance(record, Article)
    text = clean(record, Settings()).text
    return text, code_as_dicts(text, published=published, article_id=name)


@pytest.fixture(scope="module")
def iran_2019() -> tuple[str, list[Event]]:
    return _coded("000", "2019-09-05")


@pytest.fixture(scope="module")
def iran_2025() -> tuple[str, list[Event]]:
    return _coded("001", "2025-07-04")


def countries(actors: list[dict[str, Any]]) -> set[str]:
    return {a["country"] for a in actors if a["country"]}


def find(events: list[Event], kind: str, **want: set[str]) -> list[Event]:
    """Events of type ``kind`` whose role countries include the wanted ones."""
    return [
        e
        for e in events
        if e["event"] == kind and all(codes <= countries(e[role]) for role, codes in want.items())
    ]


def test_proposed_meeting_through_france(iran_2019: tuple[str, list[Event]]) -> None:
    _, events = iran_2019
    offers = find(events, "AGREE", actor={"USA"})
    assert offers, "the US offer of a Trump-Rouhani meeting"
    assert any("FRA" in countries(e["intermediary"]) for e in events), "France as intermediary"


def test_sanctions_and_threat(iran_2019: tuple[str, list[Event]]) -> None:
    _, events = iran_2019
    assert find(events, "SANCTION", actor={"USA"}), "the new US sanctions"
    threats = [e for e in events if e["event"] == "THREATEN"]
    assert threats, "the threat of more sanctions"
    assert any("Hook" in (e["attribution"]["text"] or "") for e in threats)


def test_attacks_with_their_dates(iran_2025: tuple[str, list[Event]]) -> None:
    _, events = iran_2025
    israel = find(events, "ASSAULT", actor={"ISR"})
    assert any(e["date"]["start"] == "2025-06-13" for e in israel), "Israel's attack of June 13"
    us = find(events, "ASSAULT", actor={"USA"})
    assert any(e["date"]["start"] == "2025-06-21" for e in us), "the US raid of June 21"
    assert find(events, "ASSAULT", actor={"RUS"}), "the Russian attack on Kyiv"


def test_refusal_call_and_preconditions(iran_2025: tuple[str, list[Event]]) -> None:
    _, events = iran_2025
    assert find(events, "REJECT", actor={"RUS"}), "Russia's refusal of Iran's request"
    assert find(events, "REQUEST", actor={"IRN"}), "Iran's request for support"
    calls = [e for e in events if e["event"] == "CONSULT" and e["mode"] == "phone"]
    assert any(e["date"]["start"] == "2025-07-03" for e in calls), "the Trump-Putin call yesterday"
    assert find(events, "REQUEST", actor={"RUS"}), "Putin's preconditions"


def test_no_event_from_junk_lines(
    iran_2019: tuple[str, list[Event]], iran_2025: tuple[str, list[Event]]
) -> None:
    for text, events in (iran_2019, iran_2025):
        assert "Comments (0)" not in text and "Meet your" not in text
        for event in events:
            evidence = event["evidence"]
            assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]


def test_every_event_has_every_contract_field(iran_2025: tuple[str, list[Event]]) -> None:
    _, events = iran_2025
    fields = (Path(__file__).parent / "data" / "contract_event_fields.txt").read_text().split()
    for event in events:
        assert set(fields) <= set(event), set(fields) - set(event)


def test_the_proposal_is_grounded_in_its_sources(iran_2019: tuple[str, list[Event]]) -> None:
    _, events = iran_2019
    offers = [
        e for e in find(events, "AGREE", actor={"USA"}) if e["evidence"]["trigger"] == "proposed"
    ]
    assert offers, "the proposal of a Trump-Rouhani meeting"
    offer = offers[0]
    assert offer["status"] in {"reported", "proposed"}
    assert offer["attribution"]["kind"] == "anonymous"
    chain = " > ".join(offer["attribution"]["chain"])
    assert "Bloomberg" in chain and "Kyodo" in chain, chain


def test_the_planned_call_tomorrow(iran_2025: tuple[str, list[Event]]) -> None:
    _, events = iran_2025
    calls = [e for e in events if e["event"] == "CONSULT" and e["date"]["start"] == "2025-07-05"]
    assert calls, "the phone call with Zelenskyy tomorrow"
    assert any(e["status"] in {"planned", "hypothetical"} for e in calls)
    assert any("UKR" in countries(e["recipient"]) for e in calls)


@pytest.mark.parametrize(
    ("story", "kind", "actor", "recipient", "what"),
    [
        ("iran_2019", "AGREE", "USA", "IRN", "the proposed meeting, conveyed via France"),
        ("iran_2019", "REJECT", "IRN", "USA", "Iran's non-response to the proposal"),
        ("iran_2019", "SANCTION", "USA", "IRN", "the new sanctions"),
        ("iran_2019", "REJECT", "USA", "IRN", "the refusal to walk back sanctions"),
        ("iran_2025", "AGREE", "IRN", "USA", "Iran agreeing to resume talks with the U.S."),
        ("iran_2025", "CONSULT", "USA", "RUS", "the Trump-Putin phone call, one way"),
        ("iran_2025", "CONSULT", "RUS", "USA", "the Trump-Putin phone call, the other way"),
        ("iran_2025", "ASSAULT", "RUS", "UKR", "the attack on Kyiv"),
        ("iran_2025", "REQUEST", "RUS", "IGO", "Putin's demand of a statement from NATO"),
        ("iran_2025", "CONSULT", "QAT", "USA", "the Qatari groundwork, with Trump's envoy"),
        ("iran_2025", "CONSULT", "OMN", "USA", "the Omani groundwork, with Trump's envoy"),
        ("iran_2025", "REQUEST", "RUS", "UKR", "Putin's demand that Ukraine stop insisting"),
    ],
)
def test_seed_events_have_whole_dyads(
    story: str, kind: str, actor: str, recipient: str, what: str, request: pytest.FixtureRequest
) -> None:
    _, events = request.getfixturevalue(story)
    assert find(events, kind, actor={actor}, recipient={recipient}), what


def test_the_reward_offer_is_aimed_at_iran(iran_2019: tuple[str, list[Event]]) -> None:
    """The State Department's reward for information on Iranian oil deals: the recipient is
    found down the offer's phrase ("for anyone with information [on] ... deals")."""
    _, events = iran_2019
    offers = [e for e in events if "information" in e["evidence"]["sentence"]]
    assert find(offers, "AGREE", actor={"USA"}, recipient={"IRN"}), "the reward offer"
