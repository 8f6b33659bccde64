from __future__ import annotations

from backchannel.records import Actor, Attribution, Event, EventDate, Evidence
from backchannel.serialise import event_id, event_to_dict
from tests.conftest import ROOT

TEXT = "Russia attacked Kyiv on Tuesday."


def _event(**changes: object) -> Event:
    event = Event(
        article_id="a1",
        event="ASSAULT",
        evidence=Evidence(TEXT, 0, len(TEXT), "attacked", 7, 15),
        cameo="190",
        quad_class=4,
        intensity=-9.0,
        actor=[Actor("Russia", "Russia", "RUS", "GOV", "Q159")],
        recipient=[Actor("Kyiv", "Ukraine", "UKR", "GOV", "Q212")],
        date=EventDate("2025-07-01", "2025-07-01", "day", "relative", "Tuesday"),
        attribution=Attribution(kind="author"),
    )
    for name, value in changes.items():
        setattr(event, name, value)
    return event


def test_event_has_every_contract_field_at_every_level() -> None:
    data = event_to_dict(_event())
    fields = (ROOT / "tests" / "data" / "contract_event_fields.txt").read_text().split()
    assert set(fields) <= set(data)
    assert data["schema"] == "backchannel.event/1"
    assert set(data["date"]) == {"start", "end", "granularity", "basis", "text"}
    assert set(data["attribution"]) == {"kind", "source", "text", "cue", "chain"}
    assert {"sentence", "start", "end", "trigger"} <= set(data["evidence"])
    contract = {"text", "name", "country", "sector", "kb_id", "role_holder"}
    assert set(data["actor"][0]) == contract | {"home_country"}  # one extension


def test_event_id_is_stable_and_depends_on_roles() -> None:
    assert event_id(_event()) == event_id(_event())
    other = _event(recipient=[Actor("Lviv", "Ukraine2")])
    assert event_id(other) != event_id(_event())
