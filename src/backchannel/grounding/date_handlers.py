"""What a matched time expression means: the handlers of the pattern table in ``dates``.

Each handler turns a regex match into a (type, TimeML value) pair, resolving relative
expressions against the publication date, the tense of the clause and the last date named
(``Context``); see ``dates`` for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from backchannel.grounding import calendar as cal
from backchannel.grounding.lexicon import labelled_patterns, time_words

_WORDS = time_words()
YEAR = r"(?:1[89]\d\d|20\d\d)"
DIGIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
SPELLED_YEAR = (  # "nineteen ninety-six", as broadcast transcripts write years
    r"(?:nineteen|eighteen)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[\s-]+{DIGIT_WORD})?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)"
)
_A_YEAR = re.compile(YEAR)

_WEAK = 25  # characters: a weak cue counts as that much farther away
_CUES = tuple(  # (pattern, tense, penalty) from "future", "past", "weak future", "weak past"
    (pattern, label.split()[-1], _WEAK if label.startswith("weak") else 0)
    for label, pattern in labelled_patterns("tense_cues.tsv")
)
_CLAUSE_END = re.compile(  # a period after an abbreviation ("Mr.", "Feb.", "P.") ends nothing
    r"[!?;\n]|(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\bCorp)(?<!\bSept)(?<!\bCapt)"
    r"\.(?!\d)"
)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_NUMBER_SEPARATOR = re.compile(r"[\s-]+")
_NON_DIGIT = re.compile(r"\D")
_IES = re.compile(r"ies$")
_SPACES = re.compile(r"\s+")


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
    """The tense of the clause around ``text[start:end]``: that of the nearest tense cue
    before it ("said Friday", "will meet on Friday"), else of the nearest one after it; a
    weak cue ("would", a word in -ed) counts as ``_WEAK`` characters farther away."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 300), start)), default=0)
    right_match = _CLAUSE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    if _SINCE.search(text, max(0, start - 7), start):
        return "past"
    before = _nearest_cue(text, left, start, start, True)
    return before or _nearest_cue(text, end, right, end, False) or "present"


def _nearest_cue(text: str, left: int, right: int, at: int, backwards: bool) -> str | None:
    """The tense of the cue in ``text[left:right]`` nearest to ``at`` (ending before it when
    ``backwards``, starting after it otherwise), a weak cue's distance counted longer."""
    best, tense = len(text), None
    for pattern, name, penalty in _CUES:
        for match in pattern.finditer(text, left, right):
            distance = at - match.end() + penalty if backwards else match.start() - at
            if distance < best and (match.end() <= at if backwards else match.start() >= at):
                best, tense = distance, name
    return tense


def number(text: str) -> int | None:
    """'three' -> 3, 'twenty four' -> 24, '12' -> 12; vague amounts ('several') -> None."""
    text = " ".join(_NUMBER_SEPARATOR.split(text.lower().strip()))
    if text.replace(".", "", 1).isdigit():
        return int(float(text))
    value = _WORDS["numbers"].get(text)
    if value is not None:
        return value if isinstance(value, int) else None
    parts = [_WORDS["numbers"].get(word) for word in text.split()]
    return sum(parts) if all(isinstance(part, int) for part in parts) else None


def iso_date(match: re.Match[str], ctx: Context) -> Value | None:
    return "DATE", match.group(0)


def month_day(match: re.Match[str], ctx: Context) -> Value | None:
    month = cal.month_number(match.group("month"))
    day = int(_NON_DIGIT.sub("", match.group("day")))
    year = match.group("year")
    if year:
        return "DATE", f"{year}-{month:02d}-{day:02d}"
    return "DATE", cal.month_day(month, day, ctx.published, ctx.tense)


def year_of(text: str) -> str:
    """'1996' -> '1996', 'nineteen ninety-six' -> '1996'."""
    if text.isdigit() or not text:
        return text
    if "thousand" in text.lower():
        rest = text.lower().split("thousand")[1].replace("and", "")
        return str(2000 + (number(rest) or 0) if rest.strip() else 2000)
    century, rest = _NUMBER_SEPARATOR.split(text.strip(), maxsplit=1)
    return str((number(century) or 0) * 100 + (number(rest) or 0))


def month_year(match: re.Match[str], ctx: Context) -> Value | None:
    return "DATE", f"{year_of(match.group('year'))}-{cal.month_number(match.group('month')):02d}"


def spelled_year(match: re.Match[str], ctx: Context) -> Value | None:
    """'nineteen ninety-six', 'the year two thousand': the year."""
    return "DATE", year_of(match.group("year"))


def year_quarter(match: re.Match[str], ctx: Context) -> Value | None:
    """'the 1988 second quarter', 'the 1989 period' (the reported quarter), 'next year's
    first quarter'."""
    year = match.groupdict().get("year") or cal.relative_unit(
        "year", match.group("rel"), ctx.published
    )
    if match.group("ord"):
        return "DATE", f"{year}-Q{_WORDS['ordinals'][match.group('ord').lower()]}"
    return "DATE", f"{year}-{cal.reported_quarter(ctx.published)[-2:]}"


def month_alone(match: re.Match[str], ctx: Context) -> Value | None:
    month = cal.month_number(match.group("month"))
    return "DATE", cal.month_only(month, ctx.published, ctx.tense, match.group("rel"))


def _with_part(value: str, part: str | None) -> Value:
    """A day, or a part of it ('Friday morning' -> ...TMO) as a TIME."""
    if not part:
        return "DATE", value
    return "TIME", f"{value}T{_WORDS['parts_of_day'][part.lower()]}"


def weekday(match: re.Match[str], ctx: Context) -> Value | None:
    weekday = _WORDS["weekdays"][match.group("weekday").lower()]
    rel = (match.group("rel") or "").lower()
    rel = "last" if rel.endswith(("previous", "past")) else rel
    value = cal.weekday(weekday, ctx.published, ctx.tense, rel)
    return _with_part(value, match.group("part"))


def deictic(match: re.Match[str], ctx: Context) -> Value | None:
    word = match.group("word").lower()
    word = "last night" if word.startswith("last") else word
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1}[word]
    value = cal.shift_day(ctx.published, shift)
    if word in ("tonight", "last night"):
        return "TIME", f"{value}TNI"
    return _with_part(value, match.group("part"))


def this_part(match: re.Match[str], ctx: Context) -> Value | None:
    code = _WORDS["parts_of_day"][match.group("part").lower()]
    return "TIME", f"{cal.shift_day(ctx.published, 0)}T{code}"


def relative_unit(match: re.Match[str], ctx: Context) -> Value | None:
    rel = match.group("rel").lower()
    unit = match.group("unit").lower()
    if unit == "decade":
        return _decade(rel, ctx.published)
    if rel in ("past", "previous") and unit != "weekend":
        return "DURATION", f"P1{_WORDS['units'][unit]}"
    return "DATE", cal.relative_unit(unit, rel, ctx.published)


def _decade(rel: str, published: date | None) -> Value | None:
    """'the past decade' (ten years up to now), 'this decade' ('199'), 'the last decade'."""
    if rel in ("past", "previous"):
        return "DURATION", "P10Y"
    step = {"last": -10, "next": 10}.get(rel, 0)
    return "DATE", str(published.year + step)[:3] if published else "XXX"


def _ago(match: re.Match[str], ctx: Context) -> Value | None:
    amount = number(match.group("num"))
    unit = match.group("unit").lower().rstrip("s")
    if amount is None or unit not in ("day", "week", "month", "year"):
        return "DATE", "PAST_REF"
    if unit == "year" and amount == 1 and _in_context(match, _QUARTERLY):
        return "DATE", cal.reported_quarter(ctx.published, 1)
    return "DATE", cal.ago(amount, unit, ctx.published)


def _in_context(match: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` occurs from ``_REPORT_SPAN`` characters before ``match`` (the
    earnings report it is part of) up to the end of its sentence."""
    text = match.string
    stop = text.find(". ", match.end())
    return (
        pattern.search(text, max(0, match.start() - _REPORT_SPAN), stop if stop >= 0 else len(text))
        is not None
    )


def latest_quarter(match: re.Match[str], ctx: Context) -> Value | None:
    """'the latest quarter', 'the year-ago period': the quarter an earnings report is about."""
    back = 1 if match.group("ago") else 0
    if match.group("ord"):
        year = cal.reported_quarter(ctx.published, back)[:4]
        return "DATE", f"{year}-Q{_WORDS['ordinals'][match.group('ord').lower()]}"
    return "DATE", cal.reported_quarter(ctx.published, back)


def the_weekend(match: re.Match[str], ctx: Context) -> Value | None:
    return "DATE", cal.weekend(ctx.published, ctx.tense)


def the_year(match: re.Match[str], ctx: Context) -> Value | None:
    """'the year', 'the fiscal year': the year of publication; 'the year ended June 30' is
    the twelve months up to that day (TimeML: a duration)."""
    if _ENDED.match(match.string, match.end()):
        return "DURATION", "P1Y"
    return "DATE", cal.relative_unit("year", "this", ctx.published)


def year_ago(match: re.Match[str], ctx: Context) -> Value | None:
    """'year-earlier' results: the reported quarter a year back, else last year."""
    if _in_context(match, _QUARTERLY):
        return "DATE", cal.reported_quarter(ctx.published, 1)
    return "DATE", cal.ago(1, "year", ctx.published)


def amount(match: re.Match[str], ctx: Context) -> Value | None:
    """'three days ago' (a date) or 'three days' (a duration)."""
    if match.group("ago"):
        return _ago(match, ctx)
    return _duration(match, ctx)


def _duration(match: re.Match[str], ctx: Context) -> Value | None:
    amount = number(match.group("num"))
    unit = _IES.sub("y", match.group("unit").lower()).rstrip("s")
    code = _WORDS["units"].get(unit)
    if code is None or _A_YEAR.fullmatch(match.group("num")):
        return None
    count = "X" if amount is None else str(amount)
    if code.startswith("T"):
        return "DURATION", f"PT{count}{code[1:]}"
    if code in ("DE", "CE"):
        factor = {"DE": 10, "CE": 100}[code]
        return "DURATION", f"P{'X' if amount is None else amount * factor}Y"
    return "DURATION", f"P{count}{code}"


def vague_duration(match: re.Match[str], ctx: Context) -> Value | None:
    unit = match.group("unit").lower().rstrip("s")
    code = _WORDS["units"].get(unit, "D")
    return "DURATION", f"PTX{code[1:]}" if code.startswith("T") else f"PX{code}"


_REPORT_SPAN = 400
_ENDED = re.compile(r"\s+(?:ended|ending)\b", re.IGNORECASE)
_QUARTERLY = re.compile(r"\bquarter|\bperiod\b", re.IGNORECASE)
_COUNTED = re.compile(r"\s+[a-z]{2,}s\b")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|from|to|through|the|a|an|its|his|her|their|our|during"
    r"|before|after|early|late|mid|fiscal|and|or|between|for)|['’]s|[,(\n-])\s*$",
    re.IGNORECASE,
)


def plain_year(match: re.Match[str], ctx: Context) -> Value | None:
    """A year, unless a count of things ('bought 2019 tanks')."""
    before = match.string[max(0, match.start() - 12) : match.start()]
    if _COUNTED.match(match.string, match.end()) and not _YEAR_BEFORE.search(before):
        return None
    return "DATE", match.group("year")


def prefixed_year(match: re.Match[str], ctx: Context) -> Value | None:
    """'mid-1996', 'post-1959': the year."""
    return "DATE", match.group("year")


def decade(match: re.Match[str], ctx: Context) -> Value | None:
    return "DATE", f"{match.group('decade')[:3]}X"


def decade_word(match: re.Match[str], ctx: Context) -> Value | None:
    """'the nineties', "the '80s": the last such decade up to publication ('199'); without
    a publication date, that of the 1900s."""
    tens = match.group("tens").lower()
    digit = int(tens[1]) if tens[1].isdigit() else (number(tens[:-1].replace("ie", "y")) or 0) // 10
    this_year = ctx.published.year if ctx.published else 1999
    start = this_year // 100 * 100 + digit * 10
    return "DATE", str(start - 100 if start > this_year else start)[:3]


def quarter(match: re.Match[str], ctx: Context) -> Value | None:
    quarter = _WORDS["ordinals"][match.group("ord").lower()]
    return "DATE", cal.quarter(quarter, match.group("year"), ctx.published, ctx.tense)


def season(match: re.Match[str], ctx: Context) -> Value | None:
    code = _WORDS["seasons"][match.group("season").lower()]
    year = year_of(match.group("year") or "") or cal.relative_unit(
        "year", match.group("rel") or "this", ctx.published
    )
    return "DATE", f"{year}-{code}"


def constant(value: str) -> Handler:
    def handler(match: re.Match[str], ctx: Context) -> Value | None:
        return "DATE", value

    return handler


def recurring(match: re.Match[str], ctx: Context) -> Value | None:
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
        return month_day(match, ctx)[1]  # type: ignore[index]
    return cal.shift_day(ctx.published, 0)


def clock(match: re.Match[str], ctx: Context) -> Value | None:
    word = (match.group("word") or "").lower()
    if word:
        return "TIME", f"{_clock_day(match, ctx)}T{_WORDS['clock_words'][word]}"
    hour = int(match.group("hour")) % 12 + (12 if match.group("ampm").lower()[0] == "p" else 0)
    minute = match.group("minute") or "00"
    return "TIME", f"{_clock_day(match, ctx)}T{hour:02d}:{minute}"


def month_rel_year(match: re.Match[str], ctx: Context) -> Value | None:
    year = cal.relative_unit("year", match.group("rel"), ctx.published)
    return "DATE", f"{year}-{cal.month_number(match.group('month')):02d}"


def anaphoric(match: re.Match[str], ctx: Context) -> Value | None:
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


def holiday(match: re.Match[str], ctx: Context) -> Value | None:
    name = _SPACES.sub(" ", match.group("name").lower().replace("’", "'"))
    rule = _WORDS["holidays"][name]
    return "DATE", cal.holiday(rule, ctx.published, ctx.tense, (match.group("rel") or "").lower())


def recent(match: re.Match[str], ctx: Context) -> Value | None:
    unit = match.group("unit").lower().rstrip("s")
    return "DURATION", f"PX{_WORDS['units'][unit]}"


def shift(value: str, days: int) -> str | None:
    """A day value moved by ``days`` ('2019-09-04', 1 -> '2019-09-05'); None if not a day."""
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return None
