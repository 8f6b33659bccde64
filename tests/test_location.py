"""Where an event happened: the sentence's place, else the dateline's, else none; names read
against the knowledge base and GeoNames (sentences written for these tests)."""

from __future__ import annotations

import pytest

from backchannel import code_document
from backchannel.actors.gazetteer import country_ids, points, points_by_name, regions
from backchannel.grounding.location import dateline_place
from backchannel.grounding.places import place
from backchannel.records import Event, Location
from backchannel.serialise import LOCATION_FIELDS, event_to_dict


def _event(text: str, trigger: str) -> Event:
    events = code_document(text, published="2026-03-03").events
    found = [e for e in events if trigger in e.evidence.trigger]
    assert found, f"no event with trigger {trigger!r} in {[e.evidence.trigger for e in events]}"
    return found[0]


def _where(text: str, trigger: str) -> tuple[str, str, str] | None:
    found = _event(text, trigger).location
    return None if found is None else (found.name, found.country, found.basis)


# -- the sentence's place -----------------------------------------------------------------


def test_the_place_of_the_sentence_with_its_point() -> None:
    found = _event("Iran and the United States held talks in Geneva on Tuesday.", "talks")
    assert found.location == Location(
        "Geneva", "Geneva", "CHE", "GE", 46.20222, 6.14569, 2660646, "sentence"
    )


@pytest.mark.parametrize(
    ("text", "trigger", "where"),
    [
        ("The foreign ministers held talks at the UN headquarters in New York.", "talks",
         ("New York City", "USA", "sentence")),
        ("Israeli aircraft struck targets in the Syrian city of Aleppo.", "struck",
         ("Aleppo", "SYR", "sentence")),
        ("The Chinese president paid a visit to Moscow.", "visit", ("Moscow", "RUS", "sentence")),
        ("The Dutch king visited Jakarta and met the Indonesian president.", "visited",
         ("Jakarta", "IDN", "sentence")),
        ("The Turkish president met the Russian president in Sochi on Monday.", "met",
         ("Sochi", "RUS", "sentence")),
        ("Myanmar's military carried out air strikes on villages in Sagaing region.", "strikes",
         ("Sagaing", "MMR", "sentence")),
    ],
)  # fmt: skip
def test_a_place_attached_to_the_event(
    text: str, trigger: str, where: tuple[str, str, str]
) -> None:
    assert _where(text, trigger) == where


def test_a_country_named_alone_has_no_point() -> None:
    found = _event("Chinese President Xi Jinping met Putin in Russia.", "met").location
    assert found is not None and (found.name, found.country, found.text) == (
        "Russia", "RUS", "Russia"
    )  # fmt: skip
    assert found.lat is None and found.lon is None and found.admin1 is None
    assert found.geonames_id == country_ids()["RUS"]


def test_the_place_attacked() -> None:
    assert _where("Russian forces shelled Kharkiv overnight.", "shelled") == (
        "Kharkiv", "UKR", "sentence"
    )  # fmt: skip
    assert _where("Russia launched a missile attack on Kyiv early on Tuesday.", "attack") == (
        "Kyiv", "UKR", "sentence"
    )  # fmt: skip
    # "on" places only an attack: sanctions on Iran are not in Iran
    assert _where("Russia imposed sanctions on Iran.", "sanctions") is None


def test_people_and_a_countrys_own_places_are_not_where_it_happened() -> None:
    # "Israeli troops" are Israel's, not in Israel; a US base near Erbil is near Erbil
    text = "Hezbollah fighters attacked Israeli troops in southern Lebanon."
    assert _where(text, "attacked") == ("Lebanon", "LBN", "sentence")
    assert _where("Iraqi militias fired rockets at a US base near Erbil.", "fired") == (
        "Erbil", "IRQ", "sentence"
    )  # fmt: skip
    assert _where("Saudi Arabia expelled the Canadian ambassador.", "expelled") is None


def test_a_place_of_another_clause_or_happening_does_not_count() -> None:
    text = "Turkey imposed sanctions on Iran over a nuclear deal reached in Vienna."
    assert _where(text, "sanctions") is None  # Vienna places the deal
    text = "Mali's government accepted the Algerian offer after months of fighting around Kidal."
    assert _where(text, "offer") is None  # Kidal places the fighting
    text = "The Cuban government condemned the attack on its embassy in Madrid."
    assert _where(text, "condemned") is None  # where the attack was, not the condemning


# -- quotations ---------------------------------------------------------------------------


def test_a_place_in_a_quotation_does_not_place_an_event_outside_it() -> None:
    text = (
        "Ukraine's foreign minister accused Russia of aggression, saying: "
        '"Your troops are shelling Kharkiv."'
    )
    assert _where(text, "accused") is None
    assert _where(text, "shelling") == ("Kharkiv", "UKR", "sentence")  # the quoted attack


def test_a_quoted_event_is_placed_by_the_reporting_clause_only_when_it_is_said() -> None:
    said = '"We will attack Kyiv," the Russian minister said in Moscow.'
    assert _where(said, "attack") == ("Moscow", "RUS", "sentence")  # a threat: where it is made
    told = '"Troops clashed with rebels," the Russian minister said in Moscow.'
    assert _where(told, "clashed") is None  # the clash was not in Moscow


# -- the dateline, and none ---------------------------------------------------------------


def test_the_dateline_places_an_event_its_sentence_does_not() -> None:
    text = "KYIV, March 3 (Reuters) - Russia imposed new sanctions on Ukraine's central bank."
    assert _where(text, "sanctions") == ("Kyiv", "UKR", "dateline")
    text = "KYIV, March 3 (Reuters) - Russia and Ukraine signed a grain deal in Istanbul."
    assert _where(text, "signed") == ("Istanbul", "TUR", "sentence")  # the sentence first


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("KYIV, Ukraine (AP) — Talks went on.", ("Kyiv", "UKR")),
        ("WASHINGTON, March 3, 2026 -- The talks went on.", ("Washington", "USA")),
        ("Talks resume\nNAIROBI, Kenya (AP) — The talks went on.", ("Nairobi", "KEN")),
        ("TEHRAN - The talks went on.", ("Tehran", "IRN")),
    ],
)
def test_datelines(text: str, where: tuple[str, str]) -> None:
    found = dateline_place(text)
    assert found is not None and (found.name, found.country, found.basis) == (*where, "dateline")


@pytest.mark.parametrize(
    "text", ["(Reuters) - The talks went on.", "The talks went on in private.", "MARCH 3 - Talks."]
)
def test_no_dateline_place(text: str) -> None:
    assert dateline_place(text) is None


def test_no_place_named_is_null_in_the_contract() -> None:
    event = _event("Saudi Arabia expelled the Canadian ambassador on Monday.", "expelled")
    assert event.location is None and event_to_dict(event)["location"] is None
    placed = event_to_dict(_event("Protesters rallied in Nairobi on Monday.", "rallied"))
    assert list(placed["location"]) == list(LOCATION_FIELDS)
    assert placed["location"]["basis"] == "sentence" and placed["location"]["country"] == "KEN"


# -- ambiguous names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "qualifier", "where"),
    [
        ("Paris", "Texas", ("Paris", "USA", "TX")),
        ("Paris", None, ("Paris", "FRA", "11")),
        ("Atlanta", "Georgia", ("Atlanta", "USA", "GA")),
        ("Tbilisi", "Georgia", ("Tbilisi", "GEO", "51")),
        ("Georgia", None, ("Georgia", "GEO", None)),  # the country, not the state
        ("Texas", None, ("Texas", "USA", "TX")),  # a US state: its admin1 code, no point
        ("Gaza", None, ("Gaza", "PSE", "GZ")),  # the city, though an alias of Palestine
        ("Mexico", None, ("Mexico", "MEX", None)),  # the country, not Mexico City
        ("the White House", None, ("United States", "USA", None)),  # a seat, no city
        ("KYIV", None, ("Kyiv", "UKR", "12")),
        ("Puerto Penasco", None, ("Puerto Peñasco", "MEX", "26")),  # GeoNames only
    ],
)
def test_place_names(name: str, qualifier: str | None, where: tuple[str, str, str | None]) -> None:
    found = place(name, qualifier)
    assert found is not None and (found.name, found.country, found.admin1) == where


@pytest.mark.parametrize("name", ["Blorptown", "Iranian", "Palestinians", "the UN", "march"])
def test_not_places(name: str) -> None:
    assert place(name) is None


def test_a_qualified_name_in_a_sentence() -> None:
    text = "Hundreds of protesters rallied in Paris, Texas, against the governor."
    found = _event(text, "rallied").location
    assert found is not None and (found.text, found.country, found.admin1) == (
        "Paris, Texas", "USA", "TX"
    )  # fmt: skip
    text = "Police detained opposition activists in Tbilisi, Georgia, after a rally."
    assert _where(text, "detained") == ("Tbilisi", "GEO", "sentence")
    text = "Protesters rallied in Georgia against the government."
    assert _where(text, "rallied") == ("Georgia", "GEO", "sentence")


def test_the_gazetteer_tables() -> None:
    assert len(points()) > 30_000
    paris = points_by_name()["paris"]
    assert [p.country for p in paris[:2]] == ["FRA", "USA"]  # most populous first
    assert regions()["texas"][0].code == "TX" and country_ids()["UKR"] == 690791
