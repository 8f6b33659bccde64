"""Time expressions: each kind, with and without a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.grounding import find_dates

PUBLISHED = date(2025, 7, 4)  # a Friday


def values(text: str, published: date | None = PUBLISHED) -> dict[str, str]:
    return {t.text: t.value for t in find_dates(text, published)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks were held on June 13.", {"June 13": "2025-06-13"}),
        ("The deal was signed on Sept. 4, 2019.", {"Sept. 4, 2019": "2019-09-04"}),
        ("Ministers met on Wednesday.", {"Wednesday": "2025-07-02"}),
        ("Ministers will meet on Wednesday.", {"Wednesday": "2025-07-09"}),
        ("Iran seized a tanker yesterday.", {"yesterday": "2025-07-03"}),
        ("The envoy arrives tomorrow.", {"tomorrow": "2025-07-05"}),
        ("Talks will resume next week.", {"next week": "2025-W28"}),
        ("The talks lasted for three days.", {"three days": "P3D"}),
        ("They held a two-hour meeting.", {"two-hour": "PT2H"}),
        ("The embargo applies starting June 13.", {"June 13": "2025-06-13"}),
        ("Sanctions were imposed three days ago.", {"three days ago": "2025-07-01"}),
        ("Prices rose in 2019.", {"2019": "2019"}),
        ("The court sits every week.", {"every week": "P1W"}),
    ],
)
def test_each_kind_is_normalised(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_dateline_takes_the_publication_year() -> None:
    timexes = find_dates("July 4 -- Iran said it would respond.", PUBLISHED)
    assert (timexes[0].start, timexes[0].value) == (0, "2025-07-04")


def test_without_publication_date_nothing_is_invented() -> None:
    found = values("He met them on June 13, on Wednesday and yesterday.", None)
    assert found == {"June 13": "XXXX-06-13", "Wednesday": "XXXX-WXX-3", "yesterday": "XXXX-XX-XX"}


def test_offsets_point_into_the_text() -> None:
    text = "Officials said on Tuesday that talks failed."
    (timex,) = find_dates(text, PUBLISHED)
    assert text[timex.start : timex.end] == "Tuesday" and timex.type == "DATE"


def test_numbers_are_not_years() -> None:
    assert values("The army has 2,019 tanks, 1998.5 tonnes and a 2019% rise.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rally began on Friday morning.", {"Friday morning": "2025-07-04TMO"}),
        ("Crowds gathered on Wednesday night.", {"Wednesday night": "2025-07-02TNI"}),
        ("The deadline is 9 a.m. Tuesday.", {"9 a.m. Tuesday": "2025-07-01T09:00"}),
        ("The vote closes at 5 p.m. EST Nov. 9.", {"5 p.m. EST Nov. 9": "2024-11-09T17:00"}),
        ("The ships left at midday.", {"midday": "2025-07-04T12:00"}),
        ("The paper wrote on Monday, June 30:", {"Monday, June 30": "2025-06-30"}),
        ("Protests were held on Thanksgiving Day.", {"Thanksgiving Day": "2024-11-28"}),
        ("Turnout will be high on Election Day.", {"Election Day": "2025-11-04"}),
        ("Exports rose in the 1990s.", {"1990s": "199X"}),
        ("The army bought 2019 tanks in 1998.", {"1998": "1998"}),
        ("Talks stalled in recent weeks.", {"in recent weeks": "PXW"}),
        ("The treaty was signed in January.", {"January": "2025-01"}),
        ("The treaty lapses on Aug. 20.", {"Aug. 20": "2025-08-20"}),
        ("The treaty was signed on Dec. 1.", {"Dec. 1": "2024-12-01"}),
        ("He left in June last year.", {"June last year": "2024-06"}),
    ],
)
def test_second_pass_patterns(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_that_day_takes_the_last_day_named() -> None:
    found = values("The envoy landed on March 3. Later that day he met the king.")
    assert found == {"March 3": "2025-03-03", "Later that day": "2025-03-03"}


def test_the_following_year_counts_from_the_last_date() -> None:
    found = values("The mine closed in 2009. The following year it was sold.")
    assert found == {"2009": "2009", "The following year": "2010"}


def test_holidays_without_publication_date_keep_the_year_unknown() -> None:
    assert values("They met on Christmas Eve.", None) == {"Christmas Eve": "XXXX-12-24"}


def test_earnings_report_quarters() -> None:
    found = values("Profit rose 5% in the latest quarter from a year earlier.")
    assert found == {"the latest quarter": "2025-Q2", "a year earlier": "2024-Q2"}


def test_a_year_ago_outside_an_earnings_report_is_last_year() -> None:
    assert values("The mayor was elected a year ago.") == {"a year ago": "2024"}


def test_the_weekend_before_publication() -> None:
    assert values("Protesters gathered over the weekend.") == {"the weekend": "2025-W26-WE"}
