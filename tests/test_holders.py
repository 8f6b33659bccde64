"""Office holders: lookups by office, title and name, and the sanity of the shipped table."""

from __future__ import annotations

import csv
import re
import time
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from backchannel.actors.holders import (
    FIELDS,
    HOLDERS_PATH,
    OFFICES,
    HolderTable,
    load_holders,
)
from backchannel.errors import KnowledgeBaseError

# Terms that may overlap, with the reason (also in data/actors/OFFICE_HOLDERS.md).
ALLOWED_OVERLAPS = {("LBY", "head_of_state")}  # Gaddafi and the rival NTC, 2011


@pytest.fixture(scope="module")
def table() -> HolderTable:
    return load_holders()


@pytest.mark.parametrize(
    ("country", "office", "on", "person"),
    [
        ("IRN", "head_of_government", date(2019, 9, 5), "Hassan Rouhani"),
        ("IRN", "head_of_government", date(2025, 7, 4), "Masoud Pezeshkian"),
        ("IRN", "head_of_government", date(2024, 6, 1), "Mohammad Mokhber"),
        ("IRN", "head_of_state", date(2019, 9, 5), "Ali Khamenei"),
        ("USA", "head_of_state", date(2019, 9, 5), "Donald Trump"),
        ("USA", "head_of_state", date(2022, 1, 1), "Joe Biden"),
        ("USA", "head_of_state", date(2025, 1, 20), "Donald Trump"),
        ("USA", "head_of_state", date(2025, 1, 19), "Joe Biden"),
        ("RUS", "head_of_state", date(2025, 3, 1), "Vladimir Putin"),
        ("RUS", "head_of_state", date(2010, 3, 1), "Dmitry Medvedev"),
        ("UKR", "head_of_state", date(2025, 3, 1), "Volodymyr Zelenskyy"),
        ("DEU", "head_of_government", date(2025, 5, 6), "Friedrich Merz"),
        ("DEU", "head_of_government", date(2025, 5, 5), "Olaf Scholz"),
        ("CAN", "head_of_government", date(2025, 3, 14), "Mark Carney"),
        ("KOR", "head_of_state", date(2025, 6, 4), "Lee Jae-myung"),
        ("USA", "foreign_minister", date(2025, 6, 1), "Marco Rubio"),
        ("USA", "defence_minister", date(2025, 6, 1), "Pete Hegseth"),
    ],
)
def test_holder_on_a_date(
    table: HolderTable, country: str, office: str, on: date, person: str
) -> None:
    holder = table.holder(country, office, on)
    assert holder is not None and holder.person == person


def test_titles_name_the_office_of_that_country(table: HolderTable) -> None:
    iran = table.holder("IRN", "President", date(2019, 9, 5))
    france = table.holder("FRA", "president", date(2019, 9, 5))
    assert iran is not None and iran.person == "Hassan Rouhani"
    assert france is not None and france.person == "Emmanuel Macron"
    assert (
        getattr(table.holder("IRN", "Supreme Leader", date(2019, 9, 5)), "person", None)
        == "Ali Khamenei"
    )
    assert (
        getattr(table.holder("DEU", "Chancellor", date(2019, 9, 5)), "person", None)
        == "Angela Merkel"
    )


def test_generic_titles_and_unknown_titles(table: HolderTable) -> None:
    uk = table.holder("GBR", "defense minister", date(2020, 1, 1))
    assert uk is not None and uk.person == "Ben Wallace"
    assert table.holder("GBR", "President", date(2020, 1, 1)) is None
    assert table.holder("USA", "Prime Minister", date(2020, 1, 1)) is None
    assert table.holder("ZZZ", "head_of_state", date(2020, 1, 1)) is None


def test_nobody_before_the_first_term(table: HolderTable) -> None:
    assert table.holder("IRN", "head_of_government", date(1990, 1, 1)) is None


def test_by_name_finds_every_term_by_alias(table: HolderTable) -> None:
    terms = table.by_name("rowhani")
    assert {(h.country, h.office) for h in terms} == {("IRN", "head_of_government")}
    putin = table.by_name("Vladimir Putin")
    assert {h.office for h in putin} == {"head_of_state", "head_of_government"}
    assert all(h.qid == "Q7747" for h in putin)
    assert table.by_name("Nobody In Particular") == []


def test_default_table_is_cached_and_fast() -> None:
    start = time.perf_counter()
    first = load_holders()
    assert load_holders() is first
    fresh_start = time.perf_counter()
    load_holders(HOLDERS_PATH)
    assert time.perf_counter() - fresh_start < 0.2
    assert time.perf_counter() - start < 0.4


def _rows() -> list[dict[str, str]]:
    with HOLDERS_PATH.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames or ()) == FIELDS
        return list(reader)


def test_table_rows_are_well_formed() -> None:
    rows = _rows()
    assert len(rows) > 500
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}", row["country"]), row
        assert row["office"] in OFFICES, row
        assert row["qid"] == "" or re.fullmatch(r"Q[1-9]\d*", row["qid"]), row
        assert row["title"] and row["person"], row
        assert row["person"] not in row["aliases"].split(";"), row
        start = date.fromisoformat(row["start"])
        assert not row["end"] or start < date.fromisoformat(row["end"]), row


def test_no_overlapping_terms(table: HolderTable) -> None:
    for country, office in {(h.country, h.office) for h in table.holders}:
        if (country, office) in ALLOWED_OVERLAPS:
            continue
        terms = table.terms(country, office)
        for before, after in pairwise(terms):
            assert before.end is not None and before.end <= after.start, (before, after)


def test_a_qid_is_one_person() -> None:
    people: dict[str, str] = {}
    for row in _rows():
        if row["qid"]:
            assert people.setdefault(row["qid"], row["person"]) == row["person"], row


def test_coverage_of_the_countries_in_the_news(table: HolderTable) -> None:
    on = date(2025, 7, 1)
    for country in (
        "USA",
        "RUS",
        "CHN",
        "GBR",
        "FRA",
        "DEU",
        "IRN",
        "ISR",
        "UKR",
        "TUR",
        "IND",
        "JPN",
        "BRA",
        "SAU",
        "EGY",
        "ITA",
        "CAN",
        "AUS",
        "ESP",
        "MEX",
    ):
        for office in ("head_of_state", "head_of_government", "foreign_minister"):
            assert table.holder(country, office, on) is not None, (country, office)


def test_bad_files_raise_knowledge_base_errors(tmp_path: Path) -> None:
    wrong_header = tmp_path / "wrong.csv"
    wrong_header.write_text("country,person\nUSA,Someone\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="BC300"):
        load_holders(wrong_header)
    bad_date = tmp_path / "bad.csv"
    bad_date.write_text(
        ",".join(FIELDS) + "\nUSA,head_of_state,President,A,,,2020-13-01,\n", encoding="utf-8"
    )
    with pytest.raises(KnowledgeBaseError, match="not an ISO date"):
        load_holders(bad_date)
    with pytest.raises(KnowledgeBaseError):
        load_holders(tmp_path / "absent.csv")
