"""A place's name to where it is: the knowledge base's countries and places, then GeoNames.

``place(text)`` reads a name as the actors do (``countries.csv``, ``places.csv``, capitals),
then gives it its point from the GeoNames gazetteer (``actors/gazetteer.py``):

- a country's own name or alias ("Georgia", "the Gaza Strip") is that country: its name and
  GeoNames id, no coordinates; a seat that is no city ("the White House") likewise;
- a capital, a city of ``places.csv`` or any other city of GeoNames ("Kyiv", "Kandahar",
  "Puerto Peñasco") is that city's point (a country's alias that is a city's own name, such
  as "Gaza", is the city);
- a region of ``places.csv`` ("Donbas") is that region of its country; a first-level
  division of ``admin1.csv`` ("Texas") has its admin1 code.

``place(text, qualifier)`` reads "Paris, Texas" and "Tbilisi, Georgia": among the cities of
that name, the one in the division or country the qualifier names; the qualifier's place
alone when none is. Nothing is guessed: an unknown name is None.
"""

from __future__ import annotations

from functools import lru_cache

from backchannel.actors.gazetteer import (
    City,
    Point,
    Region,
    city,
    country_ids,
    fold,
    point,
    points_by_name,
    regions,
)
from backchannel.actors.kb import Entry, case_ok, default_kb, demonyms
from backchannel.records import Location

HAND_WRITTEN_COUNTRIES = "countries.csv"


def kb_place(text: str) -> Entry | None:
    """The knowledge base's place entry for ``text`` written as a place's name (capitals as in
    the table), or None (unknown, a demonym, or a person or organisation first)."""
    kb = default_kb()
    key = " ".join(text.lower().split())
    if key in demonyms():  # "Iranian", "Palestinians": people, not a place
        return None
    entries = kb.entries.get(key)
    if not entries or entries[0].kind != "country":
        return None
    return entries[0] if any(case_ok(form, text) for form in kb.forms[key]) else None


def _country_location(text: str, iso3: str) -> Location:
    own = default_kb().country_names.get(iso3)
    name = own.name if own is not None and own.name else iso3
    return Location(text, name, iso3, geonames_id=country_ids().get(iso3))


def _point_location(text: str, found: Point) -> Location:
    return Location(
        text, found.name, found.country, found.admin1, found.lat, found.lon, found.geonames_id
    )


def _region_location(text: str, region: Region) -> Location:
    return Location(text, region.name, region.country, region.code, geonames_id=region.geonames_id)


def _city_of(text: str, country: str | None) -> Point | None:
    found: City | None = city(text)
    if found is None or (country is not None and found.country != country):
        return None
    return point(found)


def _region_named(text: str, country: str | None) -> Region | None:
    found = regions().get(fold(text), ())
    return next((r for r in found if country is None or r.country == country), None)


def _from_entry(text: str, entry: Entry) -> Location | None:
    country = entry.country
    if country is None or len(country) != 3 or country in ("IGO", "NSA"):
        return None
    own = default_kb().country_names.get(country)
    if own is not None and fold(text).removeprefix("the ") == fold(own.name or ""):
        return _country_location(text, country)
    found = _city_of(text, country)
    listed = (entry.source or "").startswith(HAND_WRITTEN_COUNTRIES)
    if found is not None and (entry.sector is not None or not listed or _own_name(found, text)):
        return _point_location(text, found)
    if listed:
        return _country_location(text, country)
    region = _region_named(text, country)
    if region is not None:
        return _region_location(text, region)
    return Location(text, entry.name or text, country)


def _own_name(found: Point, text: str) -> bool:
    """ "Gaza" is Gaza City's own name; "Mexico" is only another name of Mexico City."""
    return fold(found.name) == fold(text)


@lru_cache(maxsize=8192)
def place(text: str, qualifier: str | None = None) -> Location | None:
    """Where the name ``text`` (with a qualifier after a comma, if any) is, or None (the
    same name is read once: a ``Location`` is frozen)."""
    text = " ".join(text.split())
    if qualifier:
        qualified = _qualified(text, " ".join(qualifier.split()))
        if qualified is not None:
            return qualified
    entry = kb_place(text)
    if entry is not None:
        return _from_entry(text, entry)
    region = _region_named(text, None) if text[:1].isupper() else None
    if region is not None:
        return _region_location(text, region)
    found = _city_of(text, None) if text[:1].isupper() else None
    return None if found is None else _point_location(text, found)


def _options(qualifier: str) -> list[tuple[str, str | None]]:
    """(country, admin1) pairs a qualifier may name: divisions first ("Georgia" the state),
    then the country ("Georgia" the country)."""
    found: list[tuple[str, str | None]] = [
        (r.country, r.code) for r in regions().get(fold(qualifier), ())
    ]
    entry = kb_place(qualifier)
    if entry is not None and entry.country is not None:
        found.append((entry.country, None))
    return found


def _qualified(text: str, qualifier: str) -> Location | None:
    options = _options(qualifier)
    named = list(points_by_name().get(fold(text), ()))
    alias = city(text)
    extra = point(alias) if alias is not None else None
    candidates = named + ([extra] if extra is not None else [])
    for country, admin1 in options:
        for found in candidates:
            if found.country == country and (admin1 is None or found.admin1 == admin1):
                return _point_location(f"{text}, {qualifier}", found)
    return None
