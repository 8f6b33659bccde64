"""Where events happened: the place named for an event gives the right country and city.

Gold: ``eval/data/location.jsonl``, short texts written for backchannel (none copied from
``shared/``), one event each: ``{id, text, trigger, country, city}``. ``country`` is the
ISO alpha-3 code of where the event happened as the text says it (the sentence's place,
else the dateline's), ``city`` its city when one is named, both null when the text does not
say where (the event must then have no location). The gold under ``shared/eval`` has no
place or location field, so there is no development figure on it.

Each text is coded on its own; the event scored is the one whose trigger is ``trigger``.
Figures (all items, then halves ``_a``/``_b`` by a hash of the id):
``country_accuracy`` over the texts that name a place, ``city_accuracy`` over those that
name a city (the city's GeoNames point, or its name), ``null_accuracy`` over those that
name no place (no location invented), ``events_found`` the share whose event was coded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backchannel import code_document
from backchannel.actors.gazetteer import city, fold
from backchannel.records import Event, Location
from eval.common import by_half, read_jsonl, write_misses

GOLD = Path(__file__).with_name("data") / "location.jsonl"
Outcome = dict[str, Any]


def _event(item: dict[str, Any]) -> Event | None:
    doc = code_document(item["text"], article_id=item["id"])
    found = [e for e in doc.events if item["trigger"] in e.evidence.trigger]
    return found[0] if found else None


def _same_city(found: Location | None, name: str) -> bool:
    if found is None or found.lat is None:
        return False
    known = city(name)
    return fold(found.name) == fold(name) or (
        known is not None and known.geonames_id == found.geonames_id
    )


def _outcome(item: dict[str, Any]) -> Outcome:
    event = _event(item)
    found = None if event is None else event.location
    return {
        "id": item["id"],
        "coded": event is not None,
        "named": item["country"] is not None,
        "has_city": item["city"] is not None,
        "country_ok": (found.country if found else None) == item["country"],
        "city_ok": item["city"] is not None and _same_city(found, item["city"]),
        "found": None if found is None else f"{found.name}, {found.country} ({found.basis})",
        "gold": f"{item['city']}, {item['country']}",
        "text": item["text"],
    }


def _share(hits: list[bool]) -> float:
    return sum(hits) / len(hits) if hits else 0.0


def figures(outcomes: list[Outcome]) -> dict[str, float]:
    coded = [o for o in outcomes if o["coded"]]
    return {
        "country_accuracy": _share([o["country_ok"] for o in coded if o["named"]]),
        "city_accuracy": _share([o["city_ok"] for o in coded if o["has_city"]]),
        "null_accuracy": _share([o["country_ok"] for o in coded if not o["named"]]),
        "events_found": _share([o["coded"] for o in outcomes]),
    }


def _misses(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        wrong = not o["coded"] or not o["country_ok"] or (o["has_city"] and not o["city_ok"])
        if wrong:
            found = o["found"] if o["coded"] else "(event not coded)"
            lines.append(f"{o['id']}: gold {o['gold']} | found {found} | {o['text']}")
    return lines


def score(write: bool = True) -> dict[str, float]:
    outcomes = [_outcome(item) for item in read_jsonl(GOLD)]
    if write:
        write_misses("location", _misses(outcomes))
    return by_half([(o["id"], o) for o in outcomes], figures)


if __name__ == "__main__":
    from eval.common import print_figures

    print_figures("location", score())
