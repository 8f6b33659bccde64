"""A dateline with a full date at the head of the text: "WASHINGTON, March 3, 2026 --"."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PLACE = (
    r"(?:[A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?"
    r"(?:,|\s*\([A-Za-z .]{1,20}\),?)\s*)?"
)
_DASH = r"\s*(?:--|[—–\-:]|\)\s*[—–\-]*|\s*\()"
DATELINE = re.compile(
    rf"^[ \t]*{_PLACE}(?:{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}\s+(?P<year2>\d{{4}})){_DASH}",
    re.MULTILINE,
)
HEAD_CHARS = 600  # the dateline must start within the first characters of the text


def dateline_date(text: str) -> date | None:
    """The date of a dateline at the head of ``text``, or None (never a partial date)."""
    match = DATELINE.search(text[:HEAD_CHARS])
    if match is None:
        return None
    month = MONTHS[(match["month"] or match["month2"]).lower()[:3]]
    day = int(match["day"] or match["day2"])
    year = int(match["year"] or match["year2"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


_CAPS_WORD = r"[A-Z][A-Z.'\-]*[A-Z.]"
_REGION = r",\s*[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+){0,2}"
_SHORT_DATE = (
    r",?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)(?:,?\s+\d{4})?"
)
_AGENCY = r"\s*\([A-Za-z][A-Za-z.&/\- ]{0,30}\)"
_LEAD_DASH = r"\s*(?:--|[—–\-])\s+(?=[\"'“‘(\[]?[A-Z0-9])"
LEAD = re.compile(
    rf"(?:{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}(?:{_REGION})??(?:{_SHORT_DATE})?(?:{_AGENCY})?"
    rf"(?:{_LEAD_DASH}|:\s+(?=[A-Z]))"
    rf"|(?:[A-Z][A-Za-z.'\- ]{{1,40}},\s*)?{_SHORT_DATE[3:]}(?:{_AGENCY})?{_LEAD_DASH}"
    rf"|{_AGENCY[3:]}{_LEAD_DASH})"
)


def dateline_length(line: str) -> int:
    """Characters of the dateline that opens ``line`` ("DOHA, March 3 (Reuters) - ",
    "KYIV, Ukraine (AP) — ", "TEHRAN - ", "Washington, March 3, 2026 -- ", "(Reuters) - "),
    its dash and the space after it included; 0 when the line opens with none. The place
    is written in capitals unless a date follows it; a dash (or, after a place in
    capitals, a colon) ends the dateline and a sentence starts after it."""
    match = LEAD.match(line)
    return match.end() if match else 0
