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
