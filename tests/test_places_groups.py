"""Cities (the GeoNames gazetteer), non-state groups' home countries, and PLOVER sectors."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest

from backchannel import code_document
from backchannel.actors import find_mentions, resolve
from backchannel.actors.gazetteer import (
    CITY_FIELDS,
    Point,
    build_cities,
    cities,
    city,
    fold,
    points,
)
from backchannel.actors.kb import DATA_DIR, load_kb
from backchannel.errors import KnowledgeBaseError
from backchannel.records import Article, Document
from backchannel.serialise import actor_to_dict
from backchannel.store import open_store
from backchannel.store.base import EventFilter
from backchannel.store.schema import SCHEMA_VERSION

CODES = {"MX": "MEX", "AU": "AUS", "CA": "CAN", "CD": "COD"}


def _geonames_row(name: str, country: str, population: int, alternates: str = "") -> str:
    # the population stands in for the GeoNames id (unique here); a made-up point and division
    fields = [str(population), name, fold(name), alternates, "1.5", "-2.25", "P", "PPL", country]
    fields += ["", "07", "", "", "", str(population), "", "", "UTC", "2020-01-01"]
    return "\t".join(fields)


@pytest.fixture()
def geonames(tmp_path: Path) -> Path:
    rows = [
        _geonames_row("Puerto Peñasco", "MX", 62_000, "Rocky Point"),
        _geonames_row("Sydney", "AU", 5_000_000),
        _geonames_row("Sydney", "CA", 100_000),
        _geonames_row("Mangbwalu", "CD", 45_000, "Mongbwalu,Sydney"),
        _geonames_row("Tiny", "AU", 900),
        _geonames_row("Nowhere", "ZZ", 50_000),
    ]
    path = tmp_path / "cities15000.txt"
    path.write_text("\n".join([*rows, "a broken line"]) + "\n", encoding="utf-8")
    return path


def test_builder_keeps_the_most_populous_city_and_own_names_first(
    geonames: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cities.tsv"
    assert build_cities(geonames, out, CODES) == 5
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(CITY_FIELDS)
    table = {line.split("\t")[0]: line.split("\t")[1:] for line in lines[1:]}
    assert table["sydney"] == ["AUS", "Sydney", "5000000"]  # not Canada's, not an alternate
    assert table["puerto penasco"] == ["MEX", "Puerto Peñasco", "62000"]
    assert table["rocky point"] == ["MEX", "Puerto Peñasco", "62000"]
    assert table["mongbwalu"] == ["COD", "Mangbwalu", "45000"]
    assert "tiny" not in table and "nowhere" not in table  # too small; unknown country
    found = points.__wrapped__(tmp_path / "city_points.tsv")
    assert sorted(found) == [45_000, 62_000, 100_000, 5_000_000]  # every city kept, by id
    assert found[100_000] == Point(100_000, "Sydney", "CAN", "07", 1.5, -2.25, 100_000)
    assert "[BC300]" in capsys.readouterr().err  # the broken line is named, the rest goes on


def test_cli_builds_cities(
    geonames: Path, tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, _, err = run_cli("kb", "build", "--geonames", str(geonames), "--out", str(tmp_path))
    assert code == 0 and "cities:" in err
    assert cities(tmp_path / "cities.tsv")["sydney"].country == "AUS"
    code, _, err = run_cli("kb", "build")
    assert code == 2 and "[BC700]" in err


@pytest.mark.parametrize(
    ("text", "country", "name", "sector"),
    [
        ("Puerto Penasco", "MEX", "Puerto Peñasco", "CVL"),  # the gazetteer's: its people
        ("PUERTO PEÑASCO", "MEX", "Puerto Peñasco", "CVL"),
        ("Sydney", "AUS", "Sydney", None),  # places.csv: a place, no sector
        ("Mongwalu", "COD", "Mangbwalu", "CVL"),  # approximate spelling of an alternate name
    ],
)
def test_a_city_places_a_mention(text: str, country: str, name: str, sector: str | None) -> None:
    actor = resolve(text)
    assert actor is not None and (actor.country, actor.name, actor.sector) == (
        country,
        name,
        sector,
    )


def test_a_city_inside_a_mention_gives_the_country() -> None:
    actor = resolve("Puerto Penasco residents")
    assert actor is not None and (actor.country, actor.sector) == ("MEX", "CVL")
    assert city("Victoria Nuland") is None and resolve("Victoria Nuland") is None


def test_a_group_keeps_its_home_country_beside_nsa() -> None:
    hezbollah = resolve("Hezbollah fighters", date(2019, 9, 5))
    assert hezbollah is not None
    assert (hezbollah.country, hezbollah.home_country, hezbollah.sector) == ("NSA", "LBN", "REB")
    data = actor_to_dict(hezbollah)
    assert data is not None and data["home_country"] == "LBN"
    isis = resolve("Islamic State", date(2019, 9, 5))
    assert isis is not None and (isis.country, isis.home_country) == ("NSA", None)


def test_a_group_that_took_power_is_its_country_s_government() -> None:
    before = resolve("the Taliban", date(2015, 3, 1))
    after = resolve("the Taliban", date(2022, 3, 1))
    assert before is not None and after is not None
    assert (before.country, before.home_country, before.sector) == ("NSA", "AFG", "REB")
    assert (after.country, after.home_country, after.sector) == ("AFG", None, "GOV")
    first_rule = resolve("the Taliban", date(1999, 1, 1))
    assert first_rule is not None and (first_rule.country, first_rule.sector) == ("AFG", "GOV")


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Reuters", "GBR", "JRN"),  # PLOVER: media are JRN ...
        ("Ambulances", None, "MED"),  # ... and health is MED
        ("the World Health Organization", "IGO", "MED"),
        ("Chile's Defense Department", "CHL", "GOV"),  # not the Pentagon's MIL
        ("the Defense Department", "USA", "MIL"),
        ("President of the Chadian Human Rights League", "TCD", "SOC"),
        ("two men", None, "UNK"),
        ("Kenyan women", "KEN", "CVL"),
        ("unknown gunmen", None, "UAF"),
    ],
)
def test_plover_sectors(text: str, country: str | None, sector: str) -> None:
    actor = resolve(text, date(2024, 5, 1))
    assert actor is not None and (actor.country, actor.sector) == (country, sector)


def test_a_schema_1_store_gains_home_country_and_filters_by_it(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    with duckdb.connect(path) as connection:
        connection.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
        connection.execute("INSERT INTO schema_version VALUES (1, now())")
        connection.execute(
            "CREATE TABLE event_actors (event_id VARCHAR NOT NULL, role VARCHAR NOT NULL,"
            " position INTEGER NOT NULL, text VARCHAR, name VARCHAR, country VARCHAR,"
            " sector VARCHAR, kb_id VARCHAR, role_holder VARCHAR)"
        )
    store = open_store(path)
    text = "Hezbollah fighters attacked Israeli troops on Monday."
    store.store_document(code_document(text, published="2024-05-06", article_id="a1"))
    by_home = store.query_events(EventFilter(country="LBN"))
    assert by_home and by_home[0]["actor"][0]["home_country"] == "LBN"
    version = store.connection.execute("SELECT max(version) FROM schema_version").fetchone()
    store.close()
    assert version == (SCHEMA_VERSION,)  # brought up to date


def _placed(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    found = find_mentions(Document(Article("p", text, published=date(2019, 1, 1))))
    return [(m.text, m.actor.country, m.actor.sector, m.actor.role_holder) for m in found]


def test_a_place_after_a_preposition_places_an_agent_or_a_title() -> None:
    assert _placed("Security forces in Guinea opened fire.")[0] == (
        "Security forces",
        "GIN",
        "MIL",
        None,
    )
    assert _placed("Doctors from two American aid groups arrived.")[0][:3] == (
        "Doctors",
        "USA",
        "MED",
    )
    president = _placed("The President of Chad spoke.")[0]
    assert president == ("The President", "TCD", "GOV", "Idriss Déby")
    league = _placed("The President of the Chadian Human Rights League spoke.")[0]
    assert league[1] is None  # the league's president is not Chad's


def test_a_title_with_a_country_names_the_office_held() -> None:
    actor = resolve("Palestinian Prime Minister Ismail Haniyeh", date(2007, 1, 1))
    assert actor is not None and (actor.country, actor.sector) == ("PSE", "GOV")


def test_approximate_spelling_keeps_the_first_letter() -> None:
    ethiopia = resolve("Ethopia")
    assert ethiopia is not None and ethiopia.country == "ETH"
    akayev = resolve("Askar Akayev", date(2003, 1, 1))  # never Turkey's Hulusi Akar
    assert akayev is None or akayev.country == "KGZ"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("the Falklands", "GBR"),  # PLOVER 5.1.2: a dependency is its controlling state
        ("Greenland", "DNK"),
        ("Puerto Rico", "USA"),
        ("Curaçao", "NLD"),
        ("Nauru", "NRU"),  # every UN member is a country ...
        ("Palau", "PLW"),  # ... and a short name is never a city's near-spelling
        ("Grenada", "GRD"),
    ],
)
def test_every_un_member_and_folded_dependencies(text: str, country: str) -> None:
    actor = resolve(text)
    assert actor is not None and actor.country == country


def test_country_codes_fold_dependencies_for_the_gazetteer() -> None:
    from backchannel.actors.gazetteer import read_codes

    codes = read_codes()
    assert (codes["US"], codes["GU"], codes["GL"], codes["FK"], codes["EH"]) == (
        "USA",
        "USA",
        "DNK",
        "GBR",
        "MAR",
    )
    bayamon = city("Bayamón")  # a city of Puerto Rico
    assert bayamon is not None and bayamon.country == "USA"


def test_a_title_asserts_the_office_a_bare_name_after_the_term_is_former() -> None:
    when = date(2025, 7, 4)
    titled = resolve("Iranian President Hassan Rouhani", when)
    bare = resolve("Hassan Rouhani", when)
    former = resolve("former President Hassan Rouhani", when)
    assert titled is not None and (titled.sector, titled.role_holder) == ("GOV", "Hassan Rouhani")
    assert bare is not None and (bare.sector, bare.role_holder) == ("ELI", None)
    assert former is not None and former.sector == "ELI"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("opposition leaders", "OPP"),  # a head noun takes the sector of the noun before it
        ("rebel commanders", "REB"),
        ("military officials", "MIL"),
        ("union leaders", "LAB"),
        ("Iranian officials", "GOV"),
        ("the UN Secretary-General", "GOV"),  # not a "General" (MIL)
        ("Israeli opposition leader Yair Lapid", "OPP"),  # after his term, not CVL
    ],
)
def test_head_nouns_take_the_sector_before_them(text: str, sector: str) -> None:
    actor = resolve(text, date(2024, 6, 1))
    assert actor is not None and actor.sector == sector


def test_only_a_proper_name_left_over_is_looked_up_as_a_city() -> None:
    union = resolve("union workers")  # "Union" is a town in New Jersey; "union" is not
    assert union is not None and union.country is None
    police = resolve("Puerto Penasco police")
    assert police is not None and (police.country, police.sector) == ("MEX", "COP")


def test_a_title_of_one_country_needs_no_country_named() -> None:
    pope = resolve("the Pope", date(2019, 1, 1))
    assert pope is not None and (pope.country, pope.sector, pope.role_holder) == (
        "VAT",
        "REL",
        "Francis",
    )


def test_a_title_runs_into_the_unknown_name_after_it() -> None:
    minister = _placed("Chadian Foreign Minister Abderaman Koulamallah said on Monday.")[0]
    assert minister == ("Chadian Foreign Minister Abderaman Koulamallah", "TCD", "GOV", None)
    assert _placed("said President Trump Tuesday.")[0][0] == "President Trump"
    assert _placed("The President Monday signed it.")[0][0] == "The President"
    headline = _placed("President Vows Action On Taxes\nThe president said so.")
    assert headline[0][0] == "President"  # a title-case headline names nobody


def test_a_city_before_an_agent_noun_places_it_in_an_article() -> None:
    assert _placed("Mongbwalu residents fled on Monday.")[0][:3] == (
        "Mongbwalu residents",
        "COD",
        "CVL",
    )
    assert _placed("Many residents fled.")[0][:2] == ("residents", None)


@pytest.mark.parametrize(
    ("text", "country", "sector", "holder"),
    [
        ("the Kremlin", "RUS", "GOV", "Vladimir Putin"),
        ("the Kremlin spokesman", "RUS", "GOV", None),  # the spokesman is not the president
        ("CSTO peacekeepers", "IGO", "MIL", None),
        ("the prosecutor general's office", None, "JUD", None),  # not a military "general"
        ("Almaty", "KAZ", None, None),  # no longer the capital
        ("General Motors", "USA", "BUS", None),
    ],
)
def test_seats_agents_and_titles_on_a_date(
    text: str, country: str | None, sector: str | None, holder: str | None
) -> None:
    actor = resolve(text, date(2022, 1, 6))
    assert actor is not None
    assert (actor.country, actor.sector, actor.role_holder) == (country, sector, holder)


@pytest.mark.parametrize(
    ("text", "country", "sector", "home"),
    [
        ("the Qassam Brigades", "NSA", "REB", "PSE"),
        ("JNIM", "NSA", "REB", "MLI"),
        ("Los Choneros", "NSA", "CRM", "ECU"),
        ("Hemedti", "NSA", "PRM", "SDN"),  # a group leader's home country too
        ("Africa Corps", "RUS", "MIL", None),  # a state force, not a group
        ("Israeli settlers", "ISR", "CVL", None),
    ],
)
def test_groups_and_their_leaders(text: str, country: str, sector: str, home: str | None) -> None:
    actor = resolve(text, date(2023, 11, 1))
    assert actor is not None
    assert (actor.country, actor.sector, actor.home_country) == (country, sector, home)


def test_a_leader_who_governed_before_leading_a_group() -> None:
    before = resolve("Hemedti", date(2021, 1, 1))
    assert before is not None and (before.country, before.sector) == ("SDN", "GOV")


def test_before_a_person_s_first_known_role_the_sector_is_unknown() -> None:
    early = resolve("Witkoff", date(2019, 9, 5))  # a developer then, an envoy from 2025
    assert early is not None and (early.country, early.sector, early.role_holder) == (
        "USA",
        None,
        None,
    )
    between = resolve("Donald Trump", date(2023, 1, 1))  # between his two terms
    assert between is not None and (between.sector, between.role_holder) == ("ELI", None)


@pytest.mark.parametrize(
    ("text", "when", "sector"),
    [
        ("Joe Biden", date(1990, 1, 1), "LEG"),  # senator
        ("Joe Biden", date(2012, 1, 1), "GOV"),  # vice president
        ("Joe Biden", date(2018, 1, 1), "ELI"),  # between offices: a former official
        ("Vladimir Putin", date(1985, 1, 1), "SPY"),  # KGB
        ("Netanyahu", date(2022, 1, 1), "OPP"),  # an undated row no longer hides his roles
        ("Netanyahu", date(2024, 1, 1), "GOV"),
    ],
)
def test_a_person_s_role_on_the_date(text: str, when: date, sector: str) -> None:
    actor = resolve(text, when)
    assert actor is not None and actor.sector == sector


@pytest.mark.parametrize(
    ("text", "when", "country", "sector"),
    [
        ("Lagarde", date(2009, 1, 1), "FRA", "GOV"),  # French finance minister
        ("Lagarde", date(2015, 1, 1), "IGO", "GOV"),  # IMF
        ("Tedros", date(2014, 1, 1), "ETH", "GOV"),  # office-holder table: foreign minister
        ("Tedros", date(2020, 1, 1), "IGO", "GOV"),  # WHO
        ("Fogh Rasmussen", date(2012, 1, 1), "IGO", "GOV"),  # NATO
        ("Solana", date(2012, 1, 1), "IGO", "ELI"),  # after his last term
        ("Carney", date(2015, 1, 1), "GBR", "GOV"),  # Bank of England
        ("Carney", date(2025, 6, 1), "CAN", "GOV"),  # prime minister
        ("Gerasimov", date(2020, 1, 1), "RUS", "MIL"),
        ("Zaluzhnyi", date(2023, 1, 1), "UKR", "MIL"),
        ("Zaluzhnyi", date(2024, 3, 1), "UKR", "ELI"),  # dismissed, not yet ambassador
        ("Starmer", date(2022, 1, 1), "GBR", "OPP"),
        ("Starmer", date(2025, 1, 1), "GBR", "GOV"),
        ("Min Aung Hlaing", date(2015, 1, 1), "MMR", "MIL"),
        ("Min Aung Hlaing", date(2022, 1, 1), "MMR", "GOV"),  # after the coup
    ],
)
def test_a_named_official_s_country_and_sector_on_the_date(
    text: str, when: date, country: str, sector: str
) -> None:
    actor = resolve(text, when)
    assert actor is not None and (actor.country, actor.sector) == (country, sector)


def test_a_militant_leader_whose_group_took_power_joins_its_government() -> None:
    rebel = resolve("Akhundzada", date(2018, 1, 1))
    ruler = resolve("Akhundzada", date(2023, 1, 1))
    assert rebel is not None and ruler is not None
    assert (rebel.country, rebel.home_country, rebel.sector) == ("NSA", "AFG", "REB")
    assert (ruler.country, ruler.home_country, ruler.sector) == ("AFG", None, "GOV")
    jolani = resolve("al-Jolani", date(2020, 1, 1))
    assert jolani is not None and (jolani.country, jolani.home_country) == ("NSA", "SYR")


def test_people_who_share_a_surname_stay_apart() -> None:
    colin = resolve("Powell", date(2003, 1, 1))
    jerome = resolve("Jerome Powell", date(2020, 1, 1))
    assert colin is not None and jerome is not None
    assert (colin.name, jerome.name) == ("Colin Powell", "Jerome Powell")
    leon = resolve("Panetta", date(2012, 1, 1))
    assert leon is not None and leon.name == "Leon Panetta"


def test_a_central_banker_is_found_in_a_sentence() -> None:
    text = "Bank of Japan Governor Kazuo Ueda met Gen. Valery Gerasimov in Moscow."
    found = find_mentions(Document(Article("p", text, published=date(2024, 1, 1))))
    actors = {m.actor.name: (m.actor.country, m.actor.sector) for m in found}
    assert actors["Kazuo Ueda"] == ("JPN", "GOV")
    assert actors["Valery Gerasimov"] == ("RUS", "MIL")


@pytest.mark.parametrize(
    ("governs", "message"),
    [("2021-13-01/", "bad date"), ("/2001-12-07", "needs a start")],
)
def test_a_bad_period_in_organisations_names_the_file_and_the_value(
    tmp_path: Path, governs: str, message: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with (data / "organisations.csv").open("a", encoding="utf-8") as stream:
        stream.write(f"Test Group,,NSA,REB,,AFG,{governs}\n")
    with pytest.raises(KnowledgeBaseError, match=f"organisations.csv.*{message}"):
        load_kb(data)


def test_a_city_table_without_its_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cities.tsv"
    path.write_text("sydney\tAUS\tSydney\t2147714\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="header"):
        cities.__wrapped__(path)


def test_an_agent_placed_by_a_city_is_named_after_its_country() -> None:
    journalists = next(
        m for m in _mentions("Police held journalists in Istanbul.") if m[0] == "journalists"
    )
    assert journalists[1:] == ("Turkey", "TUR")  # the table shows Turkey, not Istanbul
    residents = _mentions("Mongbwalu residents fled.")[0]
    assert residents == ("Mongbwalu residents", "Democratic Republic of the Congo", "COD")


def _mentions(text: str) -> list[tuple[str, str | None, str | None]]:
    found = find_mentions(Document(Article("p", text, published=date(2024, 1, 1))))
    return [(m.text, m.actor.name, m.actor.country) for m in found]
