"""Time expressions: found by precompiled regexes, normalised to TimeML-style values.

Relative expressions are resolved against the publication date and the tense of the
clause around them, that of the nearest tense cue before the expression, else after it
(past: the last such day on or before publication; future: the next on or after; present:
the nearer one). A month or date without a year is the last one up to
publication unless the next one is within 90 days or the clause is future ("Dec. 7" in late
October is this December). "That day", "the following year" count from the last date
named; "the latest quarter" and, in an earnings paragraph, "a year earlier" are the quarter
the report is about; holidays follow their calendar rules (``time_words.json``).
Without a publication date nothing is invented:
the unknown parts stay ``X`` — ``XXXX-06-13`` (no year), ``XXXX-WXX-3`` (a Wednesday),
``XXXX-XX-XX`` (yesterday, today, tomorrow), ``XXXX-WXX`` / ``XXXX-XX`` / ``XXXX`` (this or
last week, month, year); ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF`` and durations need
no anchor.
"""

from __future__ import annotations

import re
from datetime import date

from backchannel.grounding import date_handlers as h
from backchannel.grounding.date_handlers import SPELLED_YEAR, YEAR
from backchannel.grounding.lexicon import alternation, time_words
from backchannel.records import Timex

_WORDS = time_words()
_NUM = rf"(?:\d+(?:\.\d+)?|{alternation(list(_WORDS['numbers']))})"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMBER = rf"(?:{_TENS}[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)|{_NUM})"
_UNIT = r"(?:minute|hour|day|week|month|year|decade|century|quarter)"
_UNITS = rf"(?:{_UNIT}s?|centuries)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:morning|afternoon|evening|night)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_REL = r"(?:last|next|this|coming|past|previous|current)"
_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
_FULL_DAY = re.compile(r"(?P<year>\d{4}|XXXX)-(?P<month>\d\d)-(?P<day>\d\d)")
_ANCHOR = re.compile(r"\d{4}(?:-\d\d-\d\d)?(?:T|$)")

_I = re.IGNORECASE
_CLOCK = (
    r"(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.?|[ap]m)(?!\w)"
    r"|(?P<word>noon|midday|midnight))(?:\s+(?:[ECMP][SD]T|GMT|local\s+time))?"
)
_ON_DAY = (
    rf"(?:,?\s+(?:on\s+)?(?:(?P<weekday>{_WEEKDAY})|(?P<month>{_MONTH})\s+(?P<day>{_DAY})"
    rf"(?:,?\s+(?P<year>{YEAR}))?)\b)?"
)


def _title(name: str) -> str:
    """'fourth of july' -> 'Fourth of July' (holidays are written capitalised)."""
    return " ".join(w if w == "of" else w[0].upper() + w[1:] for w in name.split())


_HOLIDAY = alternation([_title(name) for name in _WORDS["holidays"]]).replace("'", "['’]")
_RULES: tuple[tuple[re.Pattern[str], h.Handler], ...] = (
    (re.compile(r"\b\d{4}-\d\d-\d\d\b"), h.iso_date),
    (
        re.compile(
            rf"\b{_WEEKDAY},?\s+(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{YEAR})\b)?"
        ),
        h.month_day,
    ),
    (
        re.compile(rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<name>{_HOLIDAY})\b"),
        h.holiday,
    ),
    (re.compile(rf"\b{_CLOCK}{_ON_DAY}", _I), h.clock),
    (
        re.compile(
            rf"\bthe\s+(?:(?:latest|most\s+recent|just-ended|(?P<ago>year-(?:ago|earlier)))\s+)?"
            rf"(?:{_ORD}[\s-]+)?(?:fiscal\s+)?(?:quarter|period)\b(?!\s+of\b)",
            _I,
        ),
        h.latest_quarter,
    ),
    (re.compile(r"\byear-(?:ago|earlier)\b", _I), h.year_ago),
    (re.compile(r"\bthe\s+weekend\b", _I), h.the_weekend),
    (
        re.compile(
            r"\bthe\s+(?:full\s+|fiscal\s+|current\s+fiscal\s+)?year\b(?!-|\s+(?:ago|earlier|of|before))",
            _I,
        ),
        h.the_year,
    ),
    (re.compile(r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<month>May)\b"), h.month_alone),
    (
        re.compile(rf"\b(?P<month>{_MONTH})(?:\s+of|,)?\s+(?P<rel>this|last|next)\s+year\b"),
        h.month_rel_year,
    ),
    (
        re.compile(
            r"\b(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same"
            r"|the\s+(?P<step>following|next|previous))\s+(?P<unit>day|year|morning|evening|night)\b",
            _I,
        ),
        h.anaphoric,
    ),
    (
        re.compile(r"\b(?:in\s+)?recent\s+(?P<unit>days|weeks|months|years|decades)\b", _I),
        h.recent,
    ),
    (
        re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{YEAR})\b)?"),
        h.month_day,
    ),
    (
        re.compile(rf"\b(?P<day>{_DAY})\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{YEAR}))?\b"),
        h.month_day,
    ),
    (
        re.compile(rf"\b(?P<month>{_MONTH})(?:,?\s+|\s+of\s+)(?P<year>{YEAR}|{SPELLED_YEAR})\b"),
        h.month_year,
    ),
    (
        re.compile(
            rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<month>{_MONTH.replace('May|', '')})(?!\s+\d)\b"
        ),
        h.month_alone,
    ),
    (re.compile(r"(?<=\b[Ii]n )(?P<rel>)(?P<month>May)\b(?!\s+\d)"), h.month_alone),
    (
        re.compile(
            rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his(?:\s+past)?|[Cc]oming|(?:[Tt]he\s+)?previous)\s+)?"
            rf"(?P<weekday>{_WEEKDAY})"
            rf"(?:\s+(?P<part>{_PART}))?\b",
        ),
        h.weekday,
    ),
    (
        re.compile(
            rf"\b(?P<word>yesterday|today|tomorrow|tonight|last\s+night)(?:\s+(?P<part>{_PART}))?\b",
            _I,
        ),
        h.deictic,
    ),
    (re.compile(rf"\b(?:this|early\s+this|late\s+this)\s+(?P<part>{_PART})\b", _I), h.this_part),
    (
        re.compile(
            rf"\b(?:(?:earlier|later)\s+)?(?:the\s+(?=current))?(?P<rel>{_REL})\s+"
            r"(?:fiscal\s+)?(?P<unit>week(?:end)?|month|year|quarter|decade)\b",
            _I,
        ),
        h.relative_unit,
    ),
    (
        re.compile(
            rf"\b(?P<num>{_NUMBER})(?:\s+|-(?!quarters))(?P<unit>{_UNITS})\b"
            rf"(?:(?P<ago>\s+(?:ago|earlier)\b)|(?!-(?:old|ago|earlier)|\s+old|(?<=quarter)\s+of))",
            _I,
        ),
        h.amount,
    ),
    (
        re.compile(
            r"\b(?P<unit>hours|days|weeks|months|years|decades|minutes)"
            r"(?=\s+(?:later|earlier|of\b|ago))",
            _I,
        ),
        h.vague_duration,
    ),
    (
        re.compile(
            rf"\b{_ORD}[\s-]+quarter(?:\s+of\s+(?P<year>{YEAR}))?\b",
            _I,
        ),
        h.quarter,
    ),
    (
        re.compile(
            rf"\b(?:(?P<rel>last|next|this)\s+(?:past\s+)?|(?<=in )|the\s+(?:(?:early|late)\s+)?)"
            rf"(?P<season>{_SEASON})"
            rf"(?:\s+of\s+(?P<year>{YEAR}|{SPELLED_YEAR}))?\b",
            _I,
        ),
        h.season,
    ),
    (re.compile(rf"\b(?:the\s+year\s+)?(?P<year>{SPELLED_YEAR})\b", _I), h.spelled_year),
    (re.compile(rf"\b(?:mid|pre|post)-(?P<year>{YEAR})\b", _I), h.prefixed_year),
    (
        re.compile(
            rf"\bthe\s+(?P<year>{YEAR})\s+(?:{_ORD}[\s-]+)?(?:fiscal\s+)?(?:quarter|period)\b", _I
        ),
        h.year_quarter,
    ),
    (
        re.compile(
            rf"\b(?P<rel>last|next|this)\s+year['’]s\s+(?:{_ORD}[\s-]+)?(?:fiscal\s+)?quarter\b",
            _I,
        ),
        h.year_quarter,
    ),
    (re.compile(r"\b(?P<decade>(?:1[89]|20)\d0)'?s\b"), h.decade),
    (
        re.compile(
            r"\bthe\s+(?P<tens>(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies|['’]\d0s)\b", _I
        ),
        h.decade_word,
    ),
    (
        re.compile(
            rf"\bthe\s+year\s+(?P<year>two\s+thousand(?:\s+(?:and\s+)?{h.DIGIT_WORD})?)\b", _I
        ),
        h.spelled_year,
    ),
    (
        re.compile(rf"(?<![\d,.$-])\b(?P<year>{YEAR})\b(?![\d%]|[.,-]\d|\s*(?:percent|%))"),
        h.plain_year,
    ),
    (
        re.compile(
            r"\b(?:now|currently|at present|nowadays|at the moment|these days"
            r"|(?:the\s+)?current(?!\s+(?:fiscal\s+)?(?:year|quarter|month|week)))\b",
            _I,
        ),
        h.constant("PRESENT_REF"),
    ),
    (
        re.compile(
            r"\b(?:recently|the past(?!\s+(?:\w+\s+)?(?:year|month|week|decade|quarter)))\b", _I
        ),
        h.constant("PAST_REF"),
    ),
    (
        re.compile(
            r"\b(?:the (?:near |distant )?future"
            r"|(?:in )?the coming (?:days|weeks|months|years))\b",
            _I,
        ),
        h.constant("FUTURE_REF"),
    ),
    (
        re.compile(
            r"\b(?:(?:every|each|per)\s+(?:day|week|month|year|hour|quarter)"
            r"|daily|weekly|monthly|yearly|hourly)\b",
            _I,
        ),
        h.recurring,
    ),
)


_WEEKDAYS = tuple(_WORDS["weekdays"])
_GUARDS: dict[str, tuple[str, ...]] = {  # handler -> words one of which its pattern needs
    "spelled_year": ("nineteen", "eighteen", "thousand"),
    "prefixed_year": ("mid-", "pre-", "post-"),
    "year_quarter": ("quarter", "period"),
    "latest_quarter": ("quarter", "period"),
    "quarter": ("quarter",),
    "decade_word": ("ties", "0s"),
    "year_ago": ("year-",),
    "the_weekend": ("weekend",),
    "season": tuple(_WORDS["seasons"]),
    "recent": ("recent",),
    "recurring": ("every", "each", "per", "daily", "weekly", "monthly", "yearly", "hourly"),
    "this_part": ("morning", "afternoon", "evening", "night"),
    "month_rel_year": ("year",),
    "the_year": ("year",),
    "anaphoric": ("day", "year", "morning", "evening", "night"),
    "vague_duration": ("hours", "days", "weeks", "months", "years", "decades", "minutes"),
    "relative_unit": ("week", "month", "year", "quarter", "decade"),
    "deictic": ("yesterday", "today", "tomorrow", "night"),
    "holiday": tuple({name.split()[0] for name in _WORDS["holidays"]}),
    "weekday": _WEEKDAYS,
    "amount": ("minute", "hour", "day", "week", "month", "year", "decade", "centur", "quarter"),
}


def _wanted(handler: h.Handler, lowered: str) -> bool:
    """Whether ``handler``'s pattern can match at all: skips a scan of the text when none of
    the words the pattern needs occurs in it (a substring test costs far less)."""
    guards = _GUARDS.get(getattr(handler, "__name__", ""))
    return guards is None or any(word in lowered for word in guards)


def _matches(text: str) -> list[tuple[int, int, int, re.Match[str], h.Handler]]:
    found = []
    lowered = text.lower()
    for rank, (pattern, handler) in enumerate(_RULES):
        if not _wanted(handler, lowered):
            continue
        for match in pattern.finditer(text):
            if match.end() > match.start():
                found.append((match.start(), -match.end(), rank, match, handler))
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    return found


def _resolved(handler: h.Handler, match: re.Match[str], ctx: h.Context) -> tuple[str, str] | None:
    """The handler's (type, value), or None when it names no real day ("February 31") or
    its arithmetic leaves the calendar ("99999999999999999999 days ago", "yesterday" on
    0001-01-01): such an expression is no date, and the rest of the text is read on."""
    try:
        result = handler(match, ctx)
    except (OverflowError, ValueError):
        return None
    if result is not None and not possible(result[1]):
        return None
    return result


def possible(value: str) -> bool:
    """Whether a TimeML value's day exists ("XXXX-02-29" may; "2023-02-29" does not)."""
    day = _FULL_DAY.match(value)
    if day is None:
        return True
    year = 2000 if day["year"] == "XXXX" else int(day["year"])
    try:
        date(year, int(day["month"]), int(day["day"]))
    except ValueError:
        return False
    return True


def find_dates(text: str, published: date | None = None) -> list[Timex]:
    """Time expressions in ``text`` with TimeML-style values; offsets into ``text``."""
    timexes: list[Timex] = []
    taken_until, anchor = -1, None
    for start, neg_end, _rank, match, handler in _matches(text):
        if start < taken_until:
            continue
        ctx = h.Context(published, text, start, -neg_end, anchor)
        result = _resolved(handler, match, ctx)
        if result is not None:
            timexes.append(Timex(match.group(0), start, -neg_end, result[0], result[1]))
            taken_until = -neg_end
            anchor = result[1][:10] if _ANCHOR.match(result[1]) else anchor
    return timexes
