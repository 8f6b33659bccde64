"""Office holders: lookups by office, title and name, and the sanity of the shipped table."""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from backchannel.actors.holders import (
    FIELDS,
    HOLDERS_PATH,
    OFFICES,
    Holder,
    HolderTable,
    load_holders,
)
from backchannel.errors import KnowledgeBaseError

# Terms that may overlap, with the reason (also in data/actors/OFFICE_HOLDERS.md).
ALLOWED_OVERLAPS = {("LBY", "head_of_state")}  # Gaddafi and the rival NTC, 2011

# Coverage audit: every head-of-state and head-of-government chain the table has covers
# 2000-01-01 to TABLE_STATE with no hole longer than MAX_GAP, except the gaps below, keyed by
# (country, office, first uncovered day), with the reason (also in OFFICE_HOLDERS.md).
COVERAGE_FROM = date(2000, 1, 1)
TABLE_STATE = date(2025, 10, 1)  # the table's events end about here
MAX_GAP = timedelta(days=60)
ALLOWED_GAPS: dict[tuple[str, str, date], str] = {
    ("AFG", "head_of_state", COVERAGE_FROM): "Taliban emirate and Rabbani, rivals, to 2001",
    ("AFG", "head_of_government", COVERAGE_FROM): "Taliban emirate and Rabbani, rivals, to 2001",
    ("AUT", "head_of_state", date(2016, 7, 8)): "the National Council presidium acted",
    ("BIH", "head_of_government", COVERAGE_FROM): "co-chairs and short chairmanships to 2002",
    ("GEO", "head_of_government", COVERAGE_FROM): "State Ministers until the PM office of 2004",
    ("HTI", "head_of_state", date(2021, 7, 7)): "no president; a collective council from 2024",
    ("IRQ", "head_of_state", date(2003, 4, 9)): "occupation (CPA) and Governing Council",
    ("IRQ", "head_of_government", date(2003, 4, 9)): "occupation (CPA) and Governing Council",
    ("KGZ", "head_of_government", COVERAGE_FROM): "prime ministers before 2021 not filled",
    ("LBY", "head_of_state", date(2012, 8, 8)): "rival legislatures' heads 2012-16",
    ("LBY", "head_of_government", COVERAGE_FROM): "People's Committee heads and rival cabinets",
    ("LTU", "head_of_government", date(2025, 8, 1)): "Paluckas's successor's date unsure",
    ("MNE", "head_of_state", COVERAGE_FROM): "a republic of FR Yugoslavia before 2003",
    ("MNE", "head_of_government", COVERAGE_FROM): "a republic of FR Yugoslavia before 2003",
    ("LBN", "head_of_state", date(2007, 11, 23)): "vacancy; the cabinet exercised the powers",
    ("LBN", "head_of_state", date(2014, 5, 25)): "vacancy; the cabinet exercised the powers",
    ("LBN", "head_of_state", date(2022, 10, 30)): "vacancy; the cabinet exercised the powers",
    ("PSE", "head_of_government", COVERAGE_FROM): "no prime minister before 2003",
    ("SYR", "head_of_government", date(2025, 3, 29)): "no prime minister since 2025",
    ("THA", "head_of_government", date(2025, 7, 1)): "acting premiers of 2025 left out",
    ("TLS", "head_of_state", COVERAGE_FROM): "UN administration (UNTAET) before 2002",
    ("TLS", "head_of_government", COVERAGE_FROM): "UN administration (UNTAET) before 2002",
    ("NRU", "head_of_state", COVERAGE_FROM): "frequent changes before 2013 not filled",
    ("NRU", "head_of_government", COVERAGE_FROM): "frequent changes before 2013 not filled",
    ("TUV", "head_of_government", COVERAGE_FROM): "frequent changes before 2013 not filled",
    ("VUT", "head_of_state", COVERAGE_FROM): "acting presidents between terms not filled",
    ("VUT", "head_of_government", COVERAGE_FROM): "frequent changes before 2023 not filled",
    ("BTN", "head_of_government", COVERAGE_FROM): "rotating chairmen and interim heads to 2024",
    ("CAF", "head_of_government", COVERAGE_FROM): "prime ministers before 2022 not filled",
    ("COD", "head_of_government", COVERAGE_FROM): "no prime minister 1997-2006",
    ("GIN", "head_of_government", COVERAGE_FROM): "prime ministers before 2024 not filled",
    ("MDG", "head_of_state", date(2023, 9, 9)): "the government acted collegially",
    ("MLI", "head_of_government", COVERAGE_FROM): "prime ministers before 2021 not filled",
    ("NER", "head_of_government", COVERAGE_FROM): "prime ministers before 2023 not filled",
    ("SDN", "head_of_government", date(2019, 4, 11)): "military council, no prime minister",
    ("SDN", "head_of_government", date(2022, 1, 2)): "acting premiers 2022-25 not filled",
    ("SEN", "head_of_government", date(2019, 5, 14)): "office abolished 2019-2022",
    ("SOM", "head_of_state", COVERAGE_FROM): "no central government before 2000-08",
    ("SOM", "head_of_government", COVERAGE_FROM): "prime ministers before 2020 not filled",
    ("SSD", "head_of_state", COVERAGE_FROM): "independent since 2011-07-09",
    ("SSD", "head_of_government", COVERAGE_FROM): "independent since 2011-07-09",
    ("TCD", "head_of_government", COVERAGE_FROM): "prime ministers before 2024 not filled",
    ("TGO", "head_of_government", COVERAGE_FROM): "prime ministers before 2025 not filled",
    ("TUN", "head_of_government", date(2021, 7, 25)): "Saied ruled without a premier",
    ("XKX", "head_of_state", COVERAGE_FROM): "UN administration (UNMIK) before 2002",
    ("XKX", "head_of_government", COVERAGE_FROM): "UN administration (UNMIK) before 2002",
}

# Minister chains: each covers its first term to TABLE_STATE with no hole longer than MAX_GAP,
# except the gaps below (same keys as ALLOWED_GAPS; also in OFFICE_HOLDERS.md).
MINISTER_GAPS: dict[tuple[str, str, date], str] = {
    ("ARM", "foreign_minister", date(2021, 5, 31)): "deputy ministers acted until Mirzoyan",
    ("BGD", "foreign_minister", date(2001, 7, 15)): "caretaker government's advisers",
    ("BGD", "foreign_minister", date(2006, 10, 29)): "caretaker governments' advisers 2006-09",
    ("BLR", "foreign_minister", date(2022, 11, 26)): "Makei's successors not filled",
    ("CHN", "defence_minister", date(2023, 10, 24)): "vacant from Li Shangfu to Dong Jun",
    ("COL", "foreign_minister", date(2022, 8, 7)): "Leyva, his suspension and successors",
    ("EGY", "foreign_minister", date(2011, 3, 6)): "Elaraby and Orabi, 2011, not filled",
    ("KOR", "defence_minister", date(2024, 12, 5)): "the vice minister acted after martial law",
    ("KOR", "foreign_minister", date(2024, 1, 10)): "Cho Tae-yul and Cho Hyun not filled",
    ("NGA", "foreign_minister", date(2023, 5, 29)): "no minister between the cabinets of 2023",
    ("NGA", "defence_minister", date(2019, 5, 29)): "no minister between the cabinets of 2019",
    ("NGA", "defence_minister", date(2023, 5, 29)): "no minister between the cabinets of 2023",
    ("NOR", "defence_minister", date(2022, 4, 1)): "Enoksen's successors not filled",
    ("NZL", "foreign_minister", date(2008, 8, 29)): "Clark acting after Peters stood aside",
    ("PSE", "foreign_minister", date(2024, 3, 31)): "Mustafa and his successor not filled",
    ("THA", "foreign_minister", date(2008, 7, 10)): "short-lived ministers of 2008",
    ("THA", "foreign_minister", date(2014, 5, 22)): "the junta (NCPO) before Prayut's cabinet",
    ("VEN", "foreign_minister", date(2021, 8, 1)): "Arreaza's successors not filled",
}

# Minister chains complete from 2000-01-01 (the holder on that day and every later one).
MINISTERS_FROM_2000 = {
    "foreign_minister": """
        ARE ARG ARM AUS AUT BEL BGD BRA CAN CHL CHN COL CUB CZE DEU DNK EGY ESP ETH FIN FRA GBR
        GRC HUN IDN IND IRL IRN ISR ITA JPN KOR LBN LUX MAR MEX MYS NLD NOR NZL OMN POL PRT
        KWT QAT RUS SAU SGP SWE SYR THA TUR UKR USA VNM ZAF
    """,
    "defence_minister": """
        ARE AUS AUT CAN CHN CUB DEU EGY ESP FRA GBR IND IRN ISR ITA JPN MEX POL RUS SAU SWE
        TUR USA ZAF
    """,
}

# The 193 UN member states, ISO 3166 alpha-3.
UN_MEMBERS = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
    BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP
    CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU
    GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ
    KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS
    MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN
    PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
    SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN
    TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""


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
        ("AUT", "Chancellor", date(2019, 6, 1), "Hartwig Löger"),
        ("AUT", "head_of_government", date(2019, 6, 3), "Brigitte Bierlein"),
        ("ROU", "head_of_state", date(2012, 8, 1), "Crin Antonescu"),
        ("IRL", "Taoiseach", date(2023, 6, 1), "Leo Varadkar"),
        ("LUX", "Grand Duke", date(2025, 10, 3), "Guillaume V"),
        ("PER", "head_of_state", date(2025, 10, 9), "Dina Boluarte"),
        ("URY", "President", date(2025, 3, 1), "Yamandú Orsi"),
        ("SLV", "head_of_state", date(2024, 1, 15), "Claudia Rodríguez de Guevara"),
        ("MAR", "Prime Minister", date(2005, 1, 1), "Driss Jettou"),
        ("MAR", "Head of Government", date(2020, 1, 1), "Saadeddine Othmani"),
        ("GHA", "head_of_state", date(2025, 1, 7), "John Mahama"),
        ("TGO", "head_of_state", date(2025, 6, 1), "Jean-Lucien Savi de Tové"),
        ("TGO", "head_of_government", date(2025, 6, 1), "Faure Gnassingbé"),
        ("THA", "head_of_government", date(2022, 9, 1), "Prawit Wongsuwon"),
        ("NPL", "head_of_government", date(2025, 10, 1), "Sushila Karki"),
        ("MYS", "King", date(2024, 2, 1), "Ibrahim Iskandar"),
        ("SWE", "defence_minister", date(2023, 1, 1), "Pål Jonson"),
        ("ETH", "foreign_minister", date(2019, 6, 1), "Gedu Andargachew"),
        ("ETH", "Minister of Foreign Affairs", date(2015, 1, 1), "Tedros Adhanom Ghebreyesus"),
        ("KEN", "foreign minister", date(2021, 1, 1), "Raychelle Omamo"),
        ("NOR", "foreign_minister", date(2010, 1, 1), "Jonas Gahr Støre"),
        ("VNM", "defence_minister", date(2018, 1, 1), "Ngô Xuân Lịch"),
        ("JPN", "foreign_minister", date(2006, 1, 1), "Tarō Asō"),
        ("CAN", "defence_minister", date(2010, 1, 1), "Peter MacKay"),
        ("MEX", "Foreign Secretary", date(2001, 6, 1), "Jorge Castañeda"),
        ("CUB", "foreign_minister", date(2005, 1, 1), "Felipe Pérez Roque"),
        ("ITA", "foreign_minister", date(2002, 6, 1), "Silvio Berlusconi"),
        ("THA", "foreign_minister", date(2010, 1, 1), "Kasit Piromya"),
        ("PHL", "Secretary of Foreign Affairs", date(2020, 1, 1), "Teodoro Locsin Jr."),
        ("LBN", "foreign_minister", date(2021, 7, 1), "Zeina Akar"),
        ("TUR", "defence_minister", date(2015, 10, 1), "Vecdi Gönül"),
        ("JPN", "defence_minister", date(2003, 1, 1), "Shigeru Ishiba"),
        ("PSE", "foreign_minister", date(2010, 1, 1), "Riyad al-Maliki"),
        ("CZE", "foreign_minister", date(2008, 1, 1), "Karel Schwarzenberg"),
        ("ARE", "foreign_minister", date(2003, 1, 1), "Rashid Abdullah Al Nuaimi"),
        ("GEO", "foreign_minister", date(2025, 3, 1), "Maka Botchorishvili"),
        ("LKA", "foreign minister", date(2023, 1, 1), "Ali Sabry"),
        ("KAZ", "foreign_minister", date(2025, 10, 1), "Yermek Kosherbayev"),
        ("PER", "foreign_minister", date(2025, 10, 20), "Hugo de Zela"),
        ("YEM", "foreign_minister", date(2025, 1, 1), "Shaya al-Zindani"),
        ("TUN", "Minister of National Defence", date(2025, 1, 1), "Khaled Sehili"),
        ("IRQ", "defence_minister", date(2021, 1, 1), "Juma Inad"),
        ("KEN", "Cabinet Secretary for Defence", date(2025, 1, 1), "Soipan Tuya"),
        ("ETH", "defence_minister", date(2025, 1, 1), "Aisha Mohammed"),
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


def test_gaps_are_left_empty(table: HolderTable) -> None:
    """Interregna and acting periods that the table leaves out resolve to nobody."""
    assert table.holder("AUT", "head_of_state", date(2016, 10, 1)) is None
    assert table.holder("HTI", "head_of_state", date(2022, 1, 1)) is None
    assert table.holder("LBN", "head_of_state", date(2015, 1, 1)) is None


def test_every_un_member_state_has_a_head_of_state_or_government(table: HolderTable) -> None:
    """All but San Marino (rotating Captains Regent) and Saint Vincent (not yet done)."""
    assert len(UN_MEMBERS.split()) == 193
    missing = [
        code
        for code in UN_MEMBERS.split()
        if not table.terms(code, "head_of_state") and not table.terms(code, "head_of_government")
    ]
    assert sorted(missing) == ["SMR", "VCT"]


def test_by_name_finds_every_term_by_alias(table: HolderTable) -> None:
    terms = table.by_name("rowhani")
    assert {(h.country, h.office) for h in terms} == {("IRN", "head_of_government")}
    putin = table.by_name("Vladimir Putin")
    assert {h.office for h in putin} == {"head_of_state", "head_of_government"}
    assert all(h.qid == "Q7747" for h in putin)
    assert table.by_name("Nobody In Particular") == []


def test_default_table_is_cached() -> None:
    # its load time is measured in bench/kb_load.py, not asserted here (a shared machine's
    # timings are no test)
    first = load_holders()
    assert load_holders() is first
    assert load_holders(HOLDERS_PATH) is not first  # an explicit path reads afresh


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


def _uncovered(terms: list[Holder], since: date = COVERAGE_FROM) -> list[date]:
    """The first day of each hole longer than MAX_GAP between ``since`` and TABLE_STATE."""
    holes, covered_to = [], since
    for term in terms:
        if term.start - covered_to > MAX_GAP:
            holes.append(covered_to)
        covered_to = max(covered_to, term.end or date.max)
    if TABLE_STATE - covered_to > MAX_GAP:
        holes.append(covered_to)
    return holes


def test_heads_are_covered_from_2000_without_gaps(table: HolderTable) -> None:
    chains = {(h.country, h.office) for h in table.holders if h.office in OFFICES[:2]}
    holes = {
        (country, office, day)
        for country, office in chains
        for day in _uncovered(table.terms(country, office))
    }
    assert sorted(holes - ALLOWED_GAPS.keys()) == []
    assert sorted(ALLOWED_GAPS.keys() - holes) == []


def _uncovered_from_first(terms: list[Holder]) -> list[date]:
    return _uncovered(terms, terms[0].start)


def _minister_holes(table: HolderTable) -> set[tuple[str, str, date]]:
    chains = {(h.country, h.office) for h in table.holders if h.office in OFFICES[2:]}
    return {
        (country, office, day)
        for country, office in chains
        for day in _uncovered_from_first(table.terms(country, office))
    }


def test_minister_chains_have_no_unexplained_gaps(table: HolderTable) -> None:
    holes = _minister_holes(table)
    assert sorted(holes - MINISTER_GAPS.keys()) == []
    assert sorted(MINISTER_GAPS.keys() - holes) == []


def test_minister_chains_are_complete_from_2000(table: HolderTable) -> None:
    for office, countries in MINISTERS_FROM_2000.items():
        for country in countries.split():
            holes = set(_uncovered(table.terms(country, office)))
            allowed = {day for c, o, day in MINISTER_GAPS if (c, o) == (country, office)}
            assert holes <= allowed, (country, office, sorted(holes - allowed))
            assert COVERAGE_FROM not in holes, (country, office)


def test_minister_gaps_are_left_empty(table: HolderTable) -> None:
    assert table.holder("THA", "foreign_minister", date(2014, 7, 1)) is None
    assert table.holder("CHN", "defence_minister", date(2023, 12, 1)) is None
    assert table.holder("VEN", "foreign_minister", date(2000, 6, 1)) is None
    assert table.holder("NGA", "defence_minister", date(2019, 7, 1)) is None
    assert table.holder("NGA", "defence_minister", date(2026, 1, 1)) is None  # Badaru resigned


def test_returning_ministers_have_one_term_per_spell(table: HolderTable) -> None:
    kasoulides = table.by_name("Kasoulides")
    assert [(h.country, h.start.year) for h in kasoulides] == [("CYP", 2013), ("CYP", 2022)]
    prime_and_foreign = {h.office for h in table.by_name("Dinesh Gunawardena")}
    assert prime_and_foreign == {"head_of_government", "foreign_minister"}


def test_filled_gaps_resolve(table: HolderTable) -> None:
    for country, office, on, person in (
        ("KGZ", "head_of_state", date(2003, 1, 1), "Askar Akayev"),
        ("KGZ", "head_of_state", date(2020, 12, 1), "Talant Mamytov"),
        ("MDA", "head_of_government", date(2005, 1, 1), "Vasile Tarlev"),
        ("LVA", "Prime Minister", date(2003, 6, 1), "Einars Repše"),
        ("HUN", "President", date(2000, 1, 1), "Árpád Göncz"),
    ):
        holder = table.holder(country, office, on)
        assert holder is not None and holder.person == person, (country, on)


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
