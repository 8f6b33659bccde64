"""One event as one article reports it (``Report``), made from a stored event's fields: what
the clustering compares (type family, actor and recipient codes, the days it may have
happened on, the evidence's words).

Days are ordinals (``date.toordinal()``). An event with a day-exact date happened on that day;
one dated by a week or a month, somewhere in it; one with no date of its own, on the days
just before its article appeared (``REPORT_LAG``), as news reports what has just happened.
A retrospective mention ("last week's sanctions") has the earlier date, so it meets the
original reports' days, not its own article's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from backchannel.datafiles import data_lines

REPORT_LAG = 2  # an undated event: on its article's day or up to this many days before
_WORD = re.compile(r"[a-z][a-z']+")
_STOPWORDS = frozenset(data_lines("across", "stopwords.txt"))
UNRESOLVED = ("IGO", "NSA")  # country codes that need the name to tell two actors apart


@dataclass(frozen=True, slots=True)
class Report:
    """An event of one article, as the clustering sees it."""

    event_id: str
    article_id: str
    event: str  # PLOVER type
    actors: frozenset[str]  # resolved codes: a country, or IGO/NSA with the name
    recipients: frozenset[str]
    first: int  # the first and last day (ordinals) it may have happened on
    last: int
    day_exact: bool  # dated to the day by the text
    published: int | None  # its article's publication day
    words: frozenset[str]  # content words of the evidence sentence (stems)
    trigger: str
    date: str | None = None  # the stored date.start, as the text gave it
    tellings: int = 1  # the evidence and its other tellings in the article
    places: frozenset[str] = frozenset()  # the cities its evidence sentence names
    sentence: int = 0  # where its evidence sentence starts in the article
    headline: bool = False  # the evidence is the article's headline
    outlet: str | None = None
    seq: int = 0  # ingest order of the article
    position: int = 0


@lru_cache(maxsize=1)
def families() -> dict[str, tuple[str, bool, bool]]:
    """PLOVER type -> (family, symmetric, placed), from ``data/across/families.tsv``."""
    table = {}
    for line in data_lines("across", "families.tsv"):
        kind, family, symmetric, placed = line.split("\t")
        table[kind] = (family, symmetric == "yes", placed == "yes")
    return table


def family(kind: str) -> str:
    return families().get(kind, (kind.lower(), False, False))[0]


def symmetric(kind: str) -> bool:
    return families().get(kind, (kind, False, False))[1]


def placed(kind: str) -> bool:
    """Whether where it happened tells two happenings of this type apart (an attack in
    Kharkiv is not the attack on Odesa that day; sanctions named in Brussels are the same
    sanctions announced in Minsk)."""
    return families().get(kind, (kind, False, False))[2]


def stem(word: str) -> str:
    """A crude stem: without a final plural or third-person ``s``, the first six letters
    (``sanctions``/``sanctioned`` -> ``sancti``, ``offers`` -> ``offer``)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


def content_words(text: str) -> frozenset[str]:
    """The stems of the words of ``text`` that carry content (no stopwords, no short words)."""
    words = _WORD.findall(text.lower())
    return frozenset(stem(w) for w in words if len(w) > 2 and w not in _STOPWORDS)


_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?")
_NOT_PLACES = frozenset(data_lines("across", "not_places.txt"))


def places(text: str) -> frozenset[str]:
    """The cities (GeoNames, as the actor resolver knows them) that ``text`` names by a
    capitalised word or two; month and day names and the like are not places."""
    from backchannel.actors.gazetteer import city

    found = set()
    for match in _NAME.finditer(text):
        words = match.group(0)
        for name in (words, *words.split(" ")) if " " in words else (words,):
            place = None if name.lower() in _NOT_PLACES else city(name)
            if place is not None:
                found.add(f"{place.name}:{place.country}")
                break
    return frozenset(found)


def actor_code(country: str | None, name: str | None) -> str | None:
    """What identifies a participant across articles: its country code, with the name for an
    international organisation or a non-state group; None when unresolved."""
    if not country:
        return None
    if country in UNRESOLVED:
        return f"{country}:{(name or '').upper()}"
    return country


def _month_days(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def period(value: str | None) -> tuple[date, date] | None:
    """The days a TimeML-style value covers (``2026-03-02``, ``2026-W10``, ``2026-03``);
    None for anything coarser or not a date."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            return day, day
        if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            year, week = int(match[1]), int(match[2])
            return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
        if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return _month_days(int(match[1]), int(match[2]))
    except ValueError:
        return None
    return None


def days(
    start: str | None, end: str | None, published: date | None
) -> tuple[int, int, bool] | None:
    """``(first, last, day_exact)``: the days an event may have happened on, from its date
    (``start``..``end``) or else its article's publication day; None when neither is known."""
    began, ended = period(start), period(end or start)
    if began is not None:
        last = ended[1] if ended is not None and ended[1] >= began[0] else began[1]
        return began[0].toordinal(), last.toordinal(), began[0] == last
    if published is None:
        return None
    day = published.toordinal()
    return day - REPORT_LAG, day, False
