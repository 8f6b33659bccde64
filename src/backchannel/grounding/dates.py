"""Time expressions: found by precompiled regexes, normalised to TimeML-style values.

Relative expressions are resolved against the publication date and the tense of the
clause around them (past: the last such day on or before publication; future: the next
on or after; present: the nearer one). A month or date without a year is the last one up to
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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from backchannel.grounding import calendar as cal
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
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_REL = r"(?:last|next|this|coming|past|previous|current)"

_FUTURE = re.compile(
    r"\b(?:will|'ll|shall|going to|plans? to|planned|scheduled|expected to|(?:is|are) to"
    r"|set to|due to|intends? to|next|upcoming|coming|tomorrow|would|planning|plans"
    r"|as soon as|as early as)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|ago|last|yesterday|earlier|\w+ed)\b", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[.!?;\n]")
_ANCHOR = re.compile(r"\d{4}(?:-\d\d-\d\d)?(?:T|$)")


@dataclass(slots=True)
class Context:
    """What a handler needs to normalise a match: the publication date, the tense of the
    clause (worked out only when a handler asks: most values need no tense) and the last
    day or year named before, for "that day"."""

    published: date | None
    text: str
    start: int
    end: int
    anchor: str | None = None
    _tense: str | None = None

    @property
    def tense(self) -> str:
        """'past' | 'future' | 'present'."""
        if self._tense is None:
            self._tense = tense_at(self.text, self.start, self.end)
        return self._tense


Value = tuple[str, str]  # (type, value)
Handler = Callable[[re.Match[str], Context], Value | None]


def tense_at(text: str, start: int, end: int) -> str:
    """The tense of the clause around ``text[start:end]``: that of the nearest tense cue."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 300), start)), default=0)
    right_match = _CLAUSE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    best, tense = len(text), "present"
    for pattern, name in ((_FUTURE, "future"), (_PAST, "past")):
        for match in pattern.finditer(text, left, right):
            if start <= match.start() < end:
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            if distance < best:
                best, tense = distance, name
    return tense


def number(text: str) -> int | None:
    """'three' -> 3, 'twenty four' -> 24, '12' -> 12; vague amounts ('several') -> None."""
    text = " ".join(re.split(r"[\s-]+", text.lower().strip()))
    if text.replace(".", "", 1).isdigit():
        return int(float(text))
    value = _WORDS["numbers"].get(text)
    if value is not None:
        return value if isinstance(value, int) else None
    parts = [_WORDS["numbers"].get(word) for word in text.split()]
    return sum(parts) if all(isinstance(part, int) for part in parts) else None


def _iso(match: re.Match[str], ctx: Context) -> Value | None:
    return "DATE", match.group(0)


def _month_day(match: re.Match[str], ctx: Context) -> Value | None:
    month = cal.month_number(match.group("month"))
    day = int(re.sub(r"\D", "", match.group("day")))
    year = match.group("year")
    if year:
        return "DATE", f"{year}-{month:02d}-{day:02d}"
    return "DATE", cal.month_day(month, day, ctx.published, ctx.tense)


def _month_year(match: re.Match[str], ctx: Context) -> Value | None:
    return "DATE", f"{match.group('year')}-{cal.month_number(match.group('month')):02d}"


def _month_alone(match: re.Match[str], ctx: Context) -> Value | None:
    month = cal.month_number(match.group("month"))
    return "DATE", cal.month_only(month, ctx.published, ctx.tense, match.group("rel"))


def _with_part(value: str, part: str | None) -> Value:
    """A day, or a part of it ('Friday morning' -> ...TMO) as a TIME."""
    if not part:
        return "DATE", value
    return "TIME", f"{value}T{_WORDS['parts_of_day'][part.lower()]}"


def _weekday(match: re.Match[str], ctx: Context) -> Value | None:
    weekday = _WORDS["weekdays"][match.group("weekday").lower()]
    value = cal.weekday(weekday, ctx.published, ctx.tense, (match.group("rel") or "").lower())
    return _with_part(value, match.group("part"))


def _deictic(match: re.Match[str], ctx: Context) -> Value | None:
    word = match.group("word").lower()
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
    value = cal.shift_day(ctx.published, shift)
    if word == "tonight":
        return "TIME", f"{value}TNI"
    return _with_part(value, match.group("part"))


def _this_part(match: re.Match[str], ctx: Context) -> Value | None:
    code = _WORDS["parts_of_day"][match.group("part").lower()]
    return "TIME", f"{cal.shift_day(ctx.published, 0)}T{code}"


def _relative_unit(match: re.Match[str], ctx: Context) -> Value | None:
    rel = match.group("rel").lower()
    unit = match.group("unit").lower()
    if rel in ("past", "previous") and unit != "weekend":
        return "DURATION", f"P1{_WORDS['units'][unit]}"
    return "DATE", cal.relative_unit(unit, rel, ctx.published)


def _ago(match: re.Match[str], ctx: Context) -> Value | None:
    amount = number(match.group("num"))
    unit = match.group("unit").lower().rstrip("s")
    if amount is None or unit not in ("day", "week", "month", "year"):
        return "DATE", "PAST_REF"
    if unit == "year" and amount == 1 and _in_context(match, _QUARTERLY):
        return "DATE", cal.reported_quarter(ctx.published, 1)
    return "DATE", cal.ago(amount, unit, ctx.published)


def _in_context(match: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` occurs in the paragraph up to the end of the sentence of ``match``."""
    text = match.string
    start = text.rfind("\n", 0, match.start()) + 1
    stop = text.find(". ", match.end())
    return pattern.search(text, start, stop if stop >= 0 else len(text)) is not None


def _latest_quarter(match: re.Match[str], ctx: Context) -> Value | None:
    """'the latest quarter', 'the year-ago period': the quarter an earnings report is about."""
    back = 1 if match.group("ago") else 0
    if match.group("ord"):
        year = cal.reported_quarter(ctx.published, back)[:4]
        return "DATE", f"{year}-Q{_WORDS['ordinals'][match.group('ord').lower()]}"
    return "DATE", cal.reported_quarter(ctx.published, back)


def _the_weekend(match: re.Match[str], ctx: Context) -> Value | None:
    return "DATE", cal.weekend(ctx.published, ctx.tense)


def _the_year(match: re.Match[str], ctx: Context) -> Value | None:
    """'the year', 'the fiscal year': the year of publication."""
    return "DATE", cal.relative_unit("year", "this", ctx.published)


def _year_ago(match: re.Match[str], ctx: Context) -> Value | None:
    """'year-earlier' results: the reported quarter a year back, else last year."""
    if _in_context(match, _QUARTERLY):
        return "DATE", cal.reported_quarter(ctx.published, 1)
    return "DATE", cal.ago(1, "year", ctx.published)


def _amount(match: re.Match[str], ctx: Context) -> Value | None:
    """'three days ago' (a date) or 'three days' (a duration)."""
    if match.group("ago"):
        return _ago(match, ctx)
    return _duration(match, ctx)


def _duration(match: re.Match[str], ctx: Context) -> Value | None:
    amount = number(match.group("num"))
    unit = re.sub(r"ies$", "y", match.group("unit").lower()).rstrip("s")
    code = _WORDS["units"].get(unit)
    if code is None or re.fullmatch(_YEAR, match.group("num")):
        return None
    count = "X" if amount is None else str(amount)
    if code.startswith("T"):
        return "DURATION", f"PT{count}{code[1:]}"
    if code in ("DE", "CE", "Q"):
        factor = {"DE": 10, "CE": 100, "Q": 3}[code]
        suffix = "M" if code == "Q" else "Y"
        return "DURATION", f"P{'X' if amount is None else amount * factor}{suffix}"
    return "DURATION", f"P{count}{code}"


def _vague_duration(match: re.Match[str], ctx: Context) -> Value | None:
    unit = match.group("unit").lower().rstrip("s")
    code = _WORDS["units"].get(unit, "D")
    return "DURATION", f"PTX{code[1:]}" if code.startswith("T") else f"PX{code}"


_QUARTERLY = re.compile(r"\bquarter|\bperiod\b", re.IGNORECASE)
_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
_COUNTED = re.compile(r"\s+[a-z]{2,}s\b")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|from|to|through|the|a|an|its|his|her|their|our|during"
    r"|before|after|early|late|mid|fiscal|and|or|between|for)|['’]s|[,(\n-])\s*$",
    re.IGNORECASE,
)


def _year(match: re.Match[str], ctx: Context) -> Value | None:
    """A year, unless a count of things ('bought 2019 tanks')."""
    before = match.string[max(0, match.start() - 12) : match.start()]
    if _COUNTED.match(match.string, match.end()) and not _YEAR_BEFORE.search(before):
        return None
    return "DATE", match.group("year")


def _decade(match: re.Match[str], ctx: Context) -> Value | None:
    return "DATE", f"{match.group('decade')[:3]}X"


def _quarter(match: re.Match[str], ctx: Context) -> Value | None:
    quarter = _WORDS["ordinals"][match.group("ord").lower()]
    return "DATE", cal.quarter(quarter, match.group("year"), ctx.published, ctx.tense)


def _season(match: re.Match[str], ctx: Context) -> Value | None:
    code = _WORDS["seasons"][match.group("season").lower()]
    year = match.group("year") or cal.relative_unit(
        "year", match.group("rel") or "this", ctx.published
    )
    return "DATE", f"{year}-{code}"


def _ref(value: str) -> Handler:
    def handler(match: re.Match[str], ctx: Context) -> Value | None:
        return "DATE", value

    return handler


def _set(match: re.Match[str], ctx: Context) -> Value | None:
    word = match.group(0).lower()
    for unit, code in _WORDS["units"].items():
        if unit in word or (unit == "day" and "daily" in word):
            return "SET", f"PT1{code[1:]}" if code.startswith("T") else f"P1{code}"
    return "SET", "P1Y" if "annual" in word else "P1D"


def _clock_day(match: re.Match[str], ctx: Context) -> str:
    """The day a clock time is on: the weekday or date named with it, else publication."""
    if match.group("weekday"):
        number = _WORDS["weekdays"][match.group("weekday").lower()]
        return cal.weekday(number, ctx.published, ctx.tense, "")
    if match.group("month"):
        return _month_day(match, ctx)[1]  # type: ignore[index]
    return cal.shift_day(ctx.published, 0)


def _clock(match: re.Match[str], ctx: Context) -> Value | None:
    word = (match.group("word") or "").lower()
    if word:
        return "TIME", f"{_clock_day(match, ctx)}T{_WORDS['clock_words'][word]}"
    hour = int(match.group("hour")) % 12 + (12 if match.group("ampm").lower()[0] == "p" else 0)
    minute = match.group("minute") or "00"
    return "TIME", f"{_clock_day(match, ctx)}T{hour:02d}:{minute}"


def _month_rel_year(match: re.Match[str], ctx: Context) -> Value | None:
    year = cal.relative_unit("year", match.group("rel"), ctx.published)
    return "DATE", f"{year}-{cal.month_number(match.group('month')):02d}"


def _anaphoric(match: re.Match[str], ctx: Context) -> Value | None:
    """'that day', 'the following year': from the last day or year named before."""
    unit, step = match.group("unit").lower(), match.group("step")
    days = {"following": 1, "next": 1, "previous": -1, "before": -1}.get((step or "").lower(), 0)
    anchor = ctx.anchor or (ctx.published.isoformat() if ctx.published else None)
    if anchor is None or (unit != "year" and len(anchor) < 10):
        return None
    if unit == "year":
        return "DATE", str(int(anchor[:4]) + days)
    value = shift(anchor, days) or anchor
    part = _WORDS["parts_of_day"].get(unit)
    return ("TIME", f"{value}T{part}") if part else ("DATE", value)


def _holiday(match: re.Match[str], ctx: Context) -> Value | None:
    name = re.sub(r"\s+", " ", match.group("name").lower().replace("’", "'"))
    rule = _WORDS["holidays"][name]
    return "DATE", cal.holiday(rule, ctx.published, ctx.tense, (match.group("rel") or "").lower())


def _recent(match: re.Match[str], ctx: Context) -> Value | None:
    unit = match.group("unit").lower().rstrip("s")
    return "DURATION", f"PX{_WORDS['units'][unit]}"


_I = re.IGNORECASE
_CLOCK = (
    r"(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.?|[ap]m)(?!\w)"
    r"|(?P<word>noon|midday|midnight))(?:\s+(?:[ECMP][SD]T|GMT|local\s+time))?"
)
_ON_DAY = (
    rf"(?:,?\s+(?:on\s+)?(?:(?P<weekday>{_WEEKDAY})|(?P<month>{_MONTH})\s+(?P<day>{_DAY})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?)\b)?"
)


def _title(name: str) -> str:
    """'fourth of july' -> 'Fourth of July' (holidays are written capitalised)."""
    return " ".join(w if w == "of" else w[0].upper() + w[1:] for w in name.split())


_HOLIDAY = alternation([_title(name) for name in _WORDS["holidays"]]).replace("'", "['’]")
_RULES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (re.compile(r"\b\d{4}-\d\d-\d\d\b"), _iso),
    (
        re.compile(
            rf"\b{_WEEKDAY},?\s+(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
        _month_day,
    ),
    (
        re.compile(rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<name>{_HOLIDAY})\b"),
        _holiday,
    ),
    (re.compile(rf"\b{_CLOCK}{_ON_DAY}", _I), _clock),
    (
        re.compile(
            rf"\bthe\s+(?:(?:latest|most\s+recent|just-ended|(?P<ago>year-(?:ago|earlier)))\s+)?"
            rf"(?:{_ORD}[\s-]+)?(?:fiscal\s+)?(?:quarter|period)\b(?!\s+of\b)",
            _I,
        ),
        _latest_quarter,
    ),
    (re.compile(r"\byear-(?:ago|earlier)\b", _I), _year_ago),
    (re.compile(r"\bthe\s+weekend\b", _I), _the_weekend),
    (
        re.compile(
            r"\bthe\s+(?:full\s+|fiscal\s+|current\s+fiscal\s+)?year\b(?!\s+(?:ago|earlier|of|before))",
            _I,
        ),
        _the_year,
    ),
    (re.compile(r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<month>May)\b"), _month_alone),
    (
        re.compile(rf"\b(?P<month>{_MONTH})(?:\s+of|,)?\s+(?P<rel>this|last|next)\s+year\b"),
        _month_rel_year,
    ),
    (
        re.compile(
            r"\b(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same"
            r"|the\s+(?P<step>following|next|previous))\s+(?P<unit>day|year|morning|evening|night)\b",
            _I,
        ),
        _anaphoric,
    ),
    (
        re.compile(r"\b(?:in\s+)?recent\s+(?P<unit>days|weeks|months|years|decades)\b", _I),
        _recent,
    ),
    (
        re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?"),
        _month_day,
    ),
    (
        re.compile(rf"\b(?P<day>{_DAY})\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b"),
        _month_day,
    ),
    (re.compile(rf"\b(?P<month>{_MONTH})(?:,?\s+|\s+of\s+)(?P<year>{_YEAR})\b"), _month_year),
    (
        re.compile(
            rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<month>{_MONTH.replace('May|', '')})(?!\s+\d)\b"
        ),
        _month_alone,
    ),
    (re.compile(r"(?<=\b[Ii]n )(?P<rel>)(?P<month>May)\b(?!\s+\d)"), _month_alone),
    (
        re.compile(
            rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?(?P<weekday>{_WEEKDAY})"
            rf"(?:\s+(?P<part>{_PART}))?\b",
        ),
        _weekday,
    ),
    (
        re.compile(rf"\b(?P<word>yesterday|today|tomorrow|tonight)(?:\s+(?P<part>{_PART}))?\b", _I),
        _deictic,
    ),
    (re.compile(rf"\b(?:this|early\s+this|late\s+this)\s+(?P<part>{_PART})\b", _I), _this_part),
    (
        re.compile(
            rf"\b(?:(?:earlier|later)\s+)?(?P<rel>{_REL})\s+(?P<unit>week(?:end)?|month|year|quarter)\b",
            _I,
        ),
        _relative_unit,
    ),
    (
        re.compile(
            rf"\b(?P<num>{_NUMBER})[\s-]+(?P<unit>{_UNITS})\b"
            rf"(?:(?P<ago>\s+(?:ago|earlier)\b)|(?!-old|\s+old))",
            _I,
        ),
        _amount,
    ),
    (
        re.compile(
            r"\b(?P<unit>hours|days|weeks|months|years|decades|minutes)(?=\s+(?:later|earlier|of\b|ago))",
            _I,
        ),
        _vague_duration,
    ),
    (
        re.compile(
            rf"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+(?P<year>{_YEAR}))?\b",
            _I,
        ),
        _quarter,
    ),
    (
        re.compile(
            rf"\b(?:(?P<rel>last|next|this)\s+|(?<=in )(?:the\s+)?)(?P<season>{_SEASON})"
            rf"(?:\s+of\s+(?P<year>{_YEAR}))?\b",
            _I,
        ),
        _season,
    ),
    (re.compile(r"\b(?P<decade>(?:1[89]|20)\d0)'?s\b"), _decade),
    (re.compile(rf"(?<![\d,.$-])\b(?P<year>{_YEAR})\b(?![\d%]|[.,-]\d|\s*(?:percent|%))"), _year),
    (
        re.compile(
            r"\b(?:now|currently|at present|nowadays|at the moment|these days|the current)\b", _I
        ),
        _ref("PRESENT_REF"),
    ),
    (
        re.compile(r"\b(?:recently|the past(?!\s+(?:\w+\s+)?(?:year|month|week|decade)))\b", _I),
        _ref("PAST_REF"),
    ),
    (
        re.compile(
            r"\b(?:the (?:near |distant )?future"
            r"|(?:in )?the coming (?:days|weeks|months|years))\b",
            _I,
        ),
        _ref("FUTURE_REF"),
    ),
    (
        re.compile(
            r"\b(?:(?:every|each|per)\s+(?:day|week|month|year|hour)|daily|weekly|monthly|yearly|hourly)\b",
            _I,
        ),
        _set,
    ),
)


def _matches(text: str) -> list[tuple[int, int, int, re.Match[str], Handler]]:
    found = []
    for rank, (pattern, handler) in enumerate(_RULES):
        for match in pattern.finditer(text):
            if match.end() > match.start():
                found.append((match.start(), -match.end(), rank, match, handler))
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    return found


def find_dates(text: str, published: date | None = None) -> list[Timex]:
    """Time expressions in ``text`` with TimeML-style values; offsets into ``text``."""
    timexes: list[Timex] = []
    taken_until, anchor = -1, None
    for start, neg_end, _rank, match, handler in _matches(text):
        if start < taken_until:
            continue
        ctx = Context(published, text, start, -neg_end, anchor)
        result = handler(match, ctx)
        if result is not None:
            timexes.append(Timex(match.group(0), start, -neg_end, result[0], result[1]))
            taken_until = -neg_end
            anchor = result[1][:10] if _ANCHOR.match(result[1]) else anchor
    return timexes


def shift(value: str, days: int) -> str | None:
    """A day value moved by ``days`` ('2019-09-04', 1 -> '2019-09-05'); None if not a day."""
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return None
