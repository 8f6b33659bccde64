"""Calendar arithmetic for relative time expressions, with ``X`` where nothing is known."""

from __future__ import annotations

from datetime import date, timedelta

from backchannel.grounding.lexicon import time_words

_MONTHS: dict[str, int] = time_words()["months"]
_SOON = 90
_RECENT = 31


def month_number(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: date, tense: str) -> int:
    """The year of month/day: news mostly reports the past, so the last one up to publication,
    unless the next one is near (within ``_SOON`` days) or the clause is in the future tense
    (but a day a few weeks past is not a year ahead: "the Aug. 7 blasts" in late August)."""
    ahead = min(y for y in (published.year, published.year + 1) if _on(y, month, day) >= published)
    back = max(y for y in (published.year - 1, published.year) if _on(y, month, day) <= published)
    days_ahead = (_on(ahead, month, day) - published).days
    recent = (published - _on(back, month, day)).days <= _RECENT and days_ahead > _SOON
    if (tense == "future" and not recent) or days_ahead <= _SOON:
        return ahead
    return back


def _on(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, 28))


def month_day(month: int, day: int, published: date | None, tense: str) -> str:
    """'June 13': the last one up to publication, or the next one when future."""
    if published is None:
        return f"XXXX-{month:02d}-{day:02d}"
    return f"{_nearest_year(month, day, published, tense)}-{month:02d}-{day:02d}"


def month_only(month: int, published: date | None, tense: str, rel: str | None) -> str:
    """'June', 'last June', 'next March': the month of publication is this year's; 'last'
    and 'next' are the nearest before and after it; otherwise as for a day of the month."""
    if published is None:
        return f"XXXX-{month:02d}"
    rel = (rel or "").lower()
    year = published.year
    if rel == "last":
        year -= month >= published.month
    elif rel == "next":
        year += month <= published.month
    elif rel != "this" and month != published.month:
        year = _nearest_year(month, 1, published, tense)
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


def _holiday_on(rule: list[int], year: int) -> date | None:
    """The day a holiday rule gives in ``year`` (see ``time_words.json``)."""
    if len(rule) == 2:
        return _safe(year, rule[0], rule[1])
    month, weekday_number, nth, first = rule
    if nth < 0:
        last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday_number) % 7)
    start = date(year, month, first)
    return start + timedelta(days=(weekday_number - start.isoweekday()) % 7 + 7 * (nth - 1))


def holiday(rule: list[int], published: date | None, tense: str, rel: str) -> str:
    """'Thanksgiving', 'last Christmas': the occurrence the tense and publication date point to."""
    if published is None:
        day = _holiday_on(rule, 2000)
        return f"XXXX-{day.month:02d}-{day.day:02d}" if day else "XXXX-XX-XX"
    days = [d for d in (_holiday_on(rule, published.year + k) for k in (-1, 0, 1)) if d]
    if rel == "last" or (tense == "past" and rel != "next"):
        chosen = max((d for d in days if d <= published), default=days[0])
    elif rel == "next" or tense == "future":
        chosen = min((d for d in days if d >= published), default=days[-1])
    else:
        chosen = min(days, key=lambda d: abs((d - published).days))
    return chosen.isoformat()


def reported_quarter(published: date | None, years_back: int = 0) -> str:
    """The last quarter completed before publication ('the latest quarter' of an earnings
    report), optionally a number of years earlier ('the year-ago quarter')."""
    if published is None:
        return "XXXX-QX"
    index = published.year * 4 + (published.month - 1) // 3 - 1 - 4 * years_back
    return f"{index // 4}-Q{index % 4 + 1}"


def weekend(published: date | None, tense: str) -> str:
    """'the weekend': the one before publication, or the next one when future."""
    if published is None:
        return "XXXX-WXX-WE"
    saturday = date.fromisoformat(weekday(6, published, tense, ""))
    return f"{_week(saturday)}-WE"
