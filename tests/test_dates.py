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


WEDNESDAY = date(2026, 1, 7)
NEW_YEAR = date(2026, 1, 3)  # a Saturday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The minister said on Friday that talks had failed.", WEDNESDAY, "2026-01-02"),
        ("The minister said Friday that talks would resume.", WEDNESDAY, "2026-01-02"),
        ("Talks will resume next week, the minister said.", WEDNESDAY, "2026-W03"),
        ("Prices fell last month.", NEW_YEAR, "2025-12"),
        ("The ceasefire collapsed on Dec. 30.", NEW_YEAR, "2025-12-30"),
        ("Ministers will meet on Jan. 9.", NEW_YEAR, "2026-01-09"),
        ("Ministers met in December.", NEW_YEAR, "2025-12"),
        ("Ministers will meet in December.", NEW_YEAR, "2026-12"),
        ("He was arrested the previous Friday.", WEDNESDAY, "2026-01-02"),
        ("They met this past Monday.", WEDNESDAY, "2026-01-05"),
    ],
)
def test_event_dates_against_the_publication_date(
    text: str, published: date, expected: str
) -> None:
    (timex,) = find_dates(text, published)
    assert timex.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tense cue before the date decides, not the participle after it
        ("Qantas will add flights by December for markets untouched by the crisis.", "2025-12"),
        ("Shares issued on July 1, which will receive a dividend, rose.", "2025-07-01"),
        # a title's period ends no clause: "will" still governs the date
        ("Mr. Smith will succeed Daniel P. Jones on Nov. 1.", "2025-11-01"),
        # "next to" is no future; "since" is always the past
        ("A bomb exploded next to the embassy on Thursday morning.", "2025-07-03TMO"),
        ("The carrier has been on patrol since March and was scheduled to return.", "2025-03"),
        # a date a few weeks past is not next year's, even under "would"
        ("Officials hoped she would help after the June 20 blasts.", "2025-06-20"),
    ],
)
def test_tense_of_the_clause(text: str, expected: str) -> None:
    (timex,) = find_dates(text, PUBLISHED)
    assert timex.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Holders, who approved the plan last April, will receive cash.",
            {"last April": "2025-04"},
        ),
        ("The bank will be sold next March.", {"next March": "2026-03"}),
        ("The offer is scheduled to expire at the end of July.", {"July": "2025-07"}),
        ("Growth will slow in the current year.", {"the current year": "2025"}),
        ("Current rules allow it.", {"Current": "PRESENT_REF"}),
        ("Shots were heard last night.", {"last night": "2025-07-03TNI"}),
        (
            "Prices fell in January nineteen ninety-seven.",
            {"January nineteen ninety-seven": "1997-01"},
        ),
        ("It began in nineteen seventy-nine.", {"nineteen seventy-nine": "1979"}),
        ("Computers of the year two thousand.", {"the year two thousand": "2000"}),
        ("Prices soared in the nineties.", {"the nineties": "199"}),
        ("Net rose from the 1988 second quarter.", {"the 1988 second quarter": "1988-Q2"}),
        ("Sales will rise in next year's first quarter.", {"next year's first quarter": "2026-Q1"}),
        ("Profit fell in the past two quarters.", {"two quarters": "P2Q"}),
        ("More than a quarter of voters stayed home.", {}),
        ("Wages rose over the past decade.", {"past decade": "P10Y"}),
        ("Sales rose this past spring.", {"this past spring": "2025-SP"}),
        ("The plant reopened in mid-1996.", {"mid-1996": "1996"}),
        (
            "Net was $5 million in the year ended June 30.",
            {"the year": "P1Y", "June 30": "2025-06-30"},
        ),
    ],
)
def test_third_pass_patterns(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_a_year_earlier_in_an_earnings_report() -> None:
    text = (
        "Acme said third-quarter net rose 5% on higher sales.\n"
        "Revenue declined to $85 million from $93 million a year earlier."
    )
    assert values(text, date(1989, 11, 2))["a year earlier"] == "1988-Q3"


def test_a_year_earlier_loss_is_not_a_duration() -> None:
    found = values(
        "Net fell 5% in the quarter, compared with a year-earlier loss.", date(1989, 11, 2)
    )
    assert found["year-earlier"] == "1988-Q3" and "a year" not in found


GUARDED_SAMPLES = (
    "In the year two thousand, nineteen ninety-six and mid-1996, the 1988 second quarter and "
    "the latest period, the fourth quarter, the nineties and the '80s, year-ago sales, the "
    "weekend, this past spring, recent weeks, every day and daily, this morning, earlier this "
    "year, the year, that same day, hours later, next week, yesterday and last night, "
    "Thanksgiving Day, Christmas, Friday morning, three days ago."
)


def test_each_guarded_pattern_needs_one_of_its_guard_words() -> None:
    from backchannel.grounding import dates

    for pattern, handler in dates._RULES:
        guards = dates._GUARDS.get(getattr(handler, "__name__", ""), ())
        for match in pattern.finditer(GUARDED_SAMPLES) if guards else ():
            assert any(word in match.group(0).lower() for word in guards), match.group(0)
    assert values(GUARDED_SAMPLES)["the year two thousand"] == "2000"
