"""One event once: unique ids, duplicates out, the same event told again merged."""

from __future__ import annotations

import copy

import backchannel
from backchannel.events.merge import merge_events, unique
from backchannel.records import Actor, Attribution, Event, EventDate, Evidence
from backchannel.serialise import event_id, event_to_dict

TEXT = (
    "Norland expels Sudmark envoy\n"
    "Norland expelled the Sudmark ambassador on Tuesday, and the Sudmark envoy left on Friday.\n"
    "Norland also expelled a Sudmark diplomat in 2019.\n"
)
NORLAND = Actor("Norland", "Norland", "NRL", "GOV")
SUDMARK = Actor("the Sudmark ambassador", "Sudmark", "SDM", "GOV")
TUESDAY = EventDate("2026-03-03", "2026-03-03", "day", "relative", "Tuesday")


def told(sentence: str, trigger: str, **changes: object) -> Event:
    """An EXPEL event of Norland against Sudmark, told in ``sentence`` of ``TEXT``."""
    start = TEXT.index(sentence)
    at = start + sentence.index(trigger)
    evidence = Evidence(sentence, start, start + len(sentence), trigger, at, at + len(trigger))
    event = Event("a1", "EXPEL", evidence, actor=[NORLAND], recipient=[SUDMARK])
    for name, value in changes.items():
        setattr(event, name, value)
    return event


HEADLINE = "Norland expels Sudmark envoy"
LEAD = "Norland expelled the Sudmark ambassador on Tuesday"
LATER = "Norland also expelled a Sudmark diplomat in 2019."
HEADLINE_END = len(HEADLINE)


def test_the_same_word_twice_in_a_sentence_gives_two_ids() -> None:
    sentence = "Norland expelled the Sudmark ambassador on Tuesday, and the Sudmark envoy left"
    first = told(sentence, "Sudmark")
    second = told(sentence, "Sudmark")
    at = TEXT.index("Sudmark envoy left")
    second.evidence.trigger_start, second.evidence.trigger_end = at, at + len("Sudmark")
    assert event_id(first) != event_id(second)
    assert event_id(first) == event_id(copy.deepcopy(first))


def test_exact_duplicates_go_and_the_most_confident_of_one_id_stays() -> None:
    event = told(LEAD, "expelled", confidence=0.6)
    surer = told(LEAD, "expelled", confidence=0.9, rule="EXPEL/expel/V2")
    other = told(LATER, "expelled")
    kept = unique([event, copy.deepcopy(event), other, surer])
    assert kept == [surer, other]


def test_a_headline_and_its_lead_become_one_event() -> None:
    headline = told(HEADLINE, "expels", confidence=0.9)
    lead = told(LEAD, "expelled", date=TUESDAY, confidence=0.7)
    [event] = merge_events([headline, lead], HEADLINE_END)
    assert event is lead  # the telling that says when is the evidence
    assert event.confidence == 0.9
    [also] = event.evidence.also
    assert (also.sentence, also.start, also.trigger) == (HEADLINE, 0, "expels")
    data = event_to_dict(event)
    assert data["evidence"]["also"] == [
        {
            "sentence": HEADLINE,
            "start": 0,
            "end": len(HEADLINE),
            "trigger": "expels",
            "trigger_start": 8,
            "trigger_end": 14,
        }
    ]
    assert data["event_id"] == event_id(told(LEAD, "expelled", date=TUESDAY))


def test_an_actor_named_differently_is_the_same_actor() -> None:
    headline = told(HEADLINE, "expels", actor=[Actor("Norland's government", "Norland", "NRL")])
    lead = told(LEAD, "expelled", date=TUESDAY)
    assert len(merge_events([headline, lead], HEADLINE_END)) == 1


def test_events_that_differ_are_not_merged() -> None:
    lead = told(LEAD, "expelled", date=TUESDAY)
    differing = {
        "date": told(LATER, "expelled", date=EventDate("2019", "2019", "year", "explicit", "2019")),
        "unresolved date": told(LATER, "expelled", date=EventDate(text="on Wednesday")),
        "status": told(HEADLINE, "expels", status="planned"),
        "negation": told(HEADLINE, "expels", negated=True),
        "type": told(HEADLINE, "expels", event="REDUCE"),
        "recipient": told(HEADLINE, "expels", recipient=[Actor("Ostland", "Ostland", "OST")]),
        "no recipient": told(HEADLINE, "expels", recipient=[]),
        "intermediary": told(HEADLINE, "expels", intermediary=[Actor("UN", "UN", "IGO")]),
        "source": told(HEADLINE, "expels", attribution=Attribution("named", text="Ostland")),
        "reason not kept": told(HEADLINE, "expels", dropped="no political actor"),
    }
    for what, other in differing.items():
        assert len(merge_events([other, copy.deepcopy(lead)], HEADLINE_END)) == 2, what


def test_unnamed_or_lone_participants_are_never_merged() -> None:
    anyone, unions = Actor("protesters"), Actor("other unions", None, "SDM", "LAB")
    for changes in ({"recipient": [anyone]}, {"recipient": [unions]}, {"recipient": []}):
        first = told(HEADLINE, "expels", **changes)
        again = told(LATER, "expelled", **changes)
        assert len(merge_events([first, again], HEADLINE_END)) == 2, changes
        assert len(merge_events([again, copy.deepcopy(again)], HEADLINE_END)) == 2, changes


def test_undated_tellings_in_the_body_agree_with_each_other_not_with_a_date() -> None:
    lead = told(LEAD, "expelled")
    later = told(LATER, "expelled", date=EventDate("2019", "2019", "year", "explicit", "2019"))
    assert len(merge_events([lead, later], HEADLINE_END)) == 2  # perhaps two expulsions
    [once] = merge_events([lead, told(LATER, "expelled")], HEADLINE_END)
    assert [e.trigger for e in once.evidence.also] == ["expelled"]


def test_two_dated_tellings_of_different_days_stay_apart_even_with_an_undated_one() -> None:
    headline = told(HEADLINE, "expels")
    lead = told(LEAD, "expelled", date=TUESDAY)
    later = told(LATER, "expelled", date=EventDate("2019", "2019", "year", "explicit", "2019"))
    merged = merge_events([headline, lead, later], HEADLINE_END)
    assert [len(e.evidence.also) for e in merged] == [1, 0]
    assert merged[0] is lead and merged[1] is later


def test_the_pipeline_merges_a_headline_into_its_lead() -> None:
    text = (
        "Germany imposes new sanctions on Iran\n"
        "Germany imposed new sanctions on Iran on Monday over its nuclear programme.\n"
        "Germany last imposed sanctions on Iran in March 2019.\n"
    )
    events = backchannel.code(text, published="2025-07-04")
    ids = [event_id(e) for e in events]
    assert len(ids) == len(set(ids))
    sanctions = [e for e in events if e.event == "SANCTION"]
    assert [e.date.start for e in sanctions] == ["2025-06-30", "2019-03"]
    [also] = sanctions[0].evidence.also
    assert also.start == 0 and also.sentence == "Germany imposes new sanctions on Iran"
    assert sanctions[1].evidence.also == []
