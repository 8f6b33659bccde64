"""Calendar arithmetic for relative time expressions, with ``X`` where nothing is known."""

from __future__ import annotations

from datetime import date, timedelta

from backchannel.grounding.lexicon import time_words

_MONTHS: dict[str, int] = time_words()["months"]


def month_number(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: date, tense: str) -> int:
    """The year that puts month/day nearest the publication date; tense breaks near-ties."""

    def distance(year: int) -> int:
        candidate = _safe(year, month, min(day, 28))
        return abs((candidate - published).days) if candidate else 10**6

    years = sorted((published.year - 1, published.year, published.year + 1), key=distance)
    best = years[0]
    if tense in ("past", "future") and distance(years[1]) - distance(best) < 60:
        best = max(years[:2]) if tense == "future" else min(years[:2])
    return best


def month_day(month: int, day: int, published: date | None, tense: str) -> str:
    """'June 13': the occurrence nearest the publication date."""
    if published is None:
        return f"XXXX-{month:02d}-{day:02d}"
    return f"{_nearest_year(month, day, published, tense)}-{month:02d}-{day:02d}"


def month_only(month: int, published: date | None, tense: str, rel: str | None) -> str:
    """'June', 'last June', 'next March'."""
    if published is None:
        return f"XXXX-{month:02d}"
    year = _nearest_year(month, 15, published, "present")
    rel = (rel or "").lower()
    if rel == "last" and year == published.year and month >= published.month:
        year -= 1
    elif rel == "next" and year == published.year and month <= published.month:
        year += 1
    return f"{year}-{month:02d}"


def weekday(number: int, published: date | None, tense: str, rel: str) -> str:
    """A weekday (ISO number): on or after publication when future, else on or before."""
    if published is None:
        return f"XXXX-WXX-{number}"
    back = (published.isoweekday() - number) % 7
    ahead = (number - published.isoweekday()) % 7
    if rel == "last":
        offset = -(back or 7)
    elif rel == "next":
        offset = ahead or 7
    elif rel in ("this", "coming") or tense == "future":
        offset = ahead
    else:
        offset = -back
    return (published + timedelta(days=offset)).isoformat()


def shift_day(published: date | None, days: int) -> str:
    if published is None:
        return "XXXX-XX-XX"
    return (published + timedelta(days=days)).isoformat()


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def relative_unit(unit: str, rel: str, published: date | None) -> str:
    """'last week' -> '2019-W35', 'next month' -> '2019-10', 'this year' -> '2019'."""
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel.lower(), 0)
    unit = unit.lower()
    if published is None:
        return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX")
    if unit in ("week", "weekend"):
        week = _week(published + timedelta(weeks=step))
        return f"{week}-WE" if unit == "weekend" else week
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + step
        return f"{index // 4}-Q{index % 4 + 1}"
    return str(published.year + step)


def ago(amount: int, unit: str, published: date | None) -> str:
    """'three days ago' -> the day; 'two years ago' -> the year."""
    if published is None:
        return "PAST_REF"
    if unit == "day":
        return (published - timedelta(days=amount)).isoformat()
    if unit == "week":
        return _week(published - timedelta(weeks=amount))
    if unit == "month":
        index = published.year * 12 + published.month - 1 - amount
        return f"{index // 12}-{index % 12 + 1:02d}"
    return str(published.year - amount)


def quarter(number: int, year: str | None, published: date | None, tense: str) -> str:
    if year:
        return f"{year}-Q{number}"
    if published is None:
        return f"XXXX-Q{number}"
    current = (published.month - 1) // 3 + 1
    shift = -1 if tense == "past" and number > current else 0
    return f"{published.year + shift}-Q{number}"
