"""Filters that cannot match are refused with a suggestion, never answered with nothing.

``--type ATTACK`` is no PLOVER type (did you mean ASSAULT?); ``--country China`` is a name,
not a code (did you mean CHN?). A ``BadFilter`` (BC703) says so, and the CLI exits 2.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
from functools import lru_cache

from backchannel.datafiles import DATA_DIR
from backchannel.errors import BadFilter
from backchannel.events.codebook import load as load_codebook
from backchannel.store.base import EventFilter

GROUP_CODES = ("IGO", "NSA")  # the PLOVER codes for organisations and armed or political groups
# Words a user may reach for that name a PLOVER type (the types' own names are known too).
TYPE_WORDS = {
    "ATTACK": "ASSAULT", "FIGHT": "ASSAULT", "KILL": "ASSAULT", "STRIKE": "ASSAULT",
    "MEET": "CONSULT", "TALK": "CONSULT", "VISIT": "CONSULT", "DEMAND": "REQUEST",
    "ARREST": "COERCE", "CRITICIZE": "ACCUSE", "BLAME": "ACCUSE", "HELP": "AID",
    "DENY": "REJECT", "REFUSE": "REJECT", "WARN": "THREATEN", "DEMONSTRATE": "PROTEST",
    "DEPLOY": "MOBILIZE", "WITHDRAW": "RETREAT", "EMBARGO": "SANCTION", "PRAISE": "SUPPORT",
}  # fmt: skip


def event_types() -> tuple[str, ...]:
    return tuple(load_codebook().types)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-cased names, aliases and demonyms of each country -> its ISO alpha-3 code."""
    names: dict[str, str] = {}
    with DATA_DIR.joinpath("actors", "countries.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            words = [row["name"], *row["aliases"].split(";"), *row["demonyms"].split(";")]
            for word in filter(None, (w.strip().lower() for w in words)):
                names.setdefault(word, row["iso3"])
                names.setdefault(word.removeprefix("the "), row["iso3"])
    return names


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Every ISO-3166 alpha-3 code, and the PLOVER group codes."""
    with DATA_DIR.joinpath("actors", "country_codes.csv").open(encoding="utf-8") as handle:
        iso = {row["iso3"] for row in csv.DictReader(handle)}
    return frozenset(iso) | frozenset(country_names().values()) | frozenset(GROUP_CODES)


def checked(filters: EventFilter) -> EventFilter:
    """``filters`` with the type and country in their canonical case, or ``BadFilter``."""
    event = _event_type(filters.event) if filters.event is not None else None
    country = _country(filters.country) if filters.country is not None else None
    if filters.limit is not None and filters.limit < 0:
        raise BadFilter(f"limit must be 0 or more, not {filters.limit}")
    return dataclasses.replace(filters, event=event, country=country)


def checked_country(value: str) -> str:
    """``value`` as a country code (ISO alpha-3, IGO or NSA), or ``BadFilter``."""
    return _country(value)


def checked_topic(value: str) -> str:
    """``value`` as a story-thread topic (``data/across/topics.tsv`` or a type family)."""
    from backchannel.across.reports import families
    from backchannel.across.threads import topic_cues

    known = sorted({t for t, _ in topic_cues()} | {f for f, *_ in families().values()})
    if value.strip().lower() in known:
        return value.strip().lower()
    close = difflib.get_close_matches(value.strip().lower(), known, 1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise BadFilter(f"{value!r} is not a thread topic{hint}; known: {', '.join(known)}")


def _event_type(value: str) -> str:
    upper = value.strip().upper()
    types = event_types()
    if upper in types:
        return upper
    guess = TYPE_WORDS.get(upper) or next(iter(difflib.get_close_matches(upper, types, 1)), None)
    hint = f" (did you mean {guess}?)" if guess else ""
    raise BadFilter(f"{value!r} is not a PLOVER event type{hint}; known: {', '.join(types)}")


def _country(value: str) -> str:
    upper = value.strip().upper()
    if upper in country_codes():
        return upper
    guess = country_names().get(value.strip().lower())
    if guess is None:
        close = difflib.get_close_matches(value.strip().lower(), list(country_names()), 1)
        guess = country_names()[close[0]] if close else None
    hint = f" (did you mean {guess}?)" if guess else ""
    raise BadFilter(
        f"{value!r} is not a country code{hint}: give an ISO-3166 alpha-3 code, IGO or NSA"
    )
