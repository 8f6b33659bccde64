"""The Phoenix dictionary importer, on a small excerpt written here, and the shipped tables."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest

from backchannel.actors.holders import DATA_DIR
from backchannel.actors.kb import load_kb
from backchannel.actors.phoenix import read_actor_file, read_agent_file, written
from backchannel.actors.phoenix_build import build_phoenix
from backchannel.actors.resolver import resolve_text
from tests.conftest import SHARED, needs_shared

PETRARCH = SHARED / "design" / "reference" / "petrarch"

COUNTRIES = """\
# an excerpt written for the tests, in the Phoenix formats
RUSSIA_  [RUS]
+RUSSIAN_FEDERATION_
+ROSSIYA_

# National Institutions
FEDERAL_SECURITY_SERVICE_
+FSB_
\t[RUSSPY]

IVAN_PETROVICH_TESTOV_  # CountryInfo.txt
+TESTOV
+PRESIDENT_TESTOV
\t[RUSELI 500101-850311]
\t[RUSGOV 850311-911225]
\t[RUSELI]
IVAN_KUPALOV_
\t[RUSELI]
SENATE_
\t[RUSLEG]
VLADIMIR_PUTIN_
+PUTIN_
\t[RUSGOV >000507]
"""
INTERNATIONAL = """\
UN_MONITORING_MISSION_  [IGOUNO]
ACME_WIDGETS_  [MNCUSA]
"""
NONSTATE = """\
NORTHERN_TEST_LIBERATION_FRONT_(NTLF)_ [RUSREB] # a group
"""
AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
HUNTER [~CVL]
RIOT_POLICE {} [~COP]
CONGRESS!PERSON! [~LEG]
SENATE [~LEG]
"""
VERBS = "--- SAY [010] ---\nWIDGET\n"


def _write_excerpt(folder: Path) -> Path:
    folder.mkdir()
    files = {
        "Phoenix.Countries.actors.txt": COUNTRIES,
        "Phoenix.International.actors.txt": INTERNATIONAL,
        "Phoenix.MilNonState.actors.txt": NONSTATE,
        "Phoenix.agents.txt": AGENTS,
        "CAMEO.2.0.txt": VERBS,
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _rows(path: Path) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            found.setdefault(row["name"], []).append(row)
    return found


def test_records_group_names_and_dated_codes(tmp_path: Path) -> None:
    records = read_actor_file(_write_excerpt(tmp_path / "dicts") / "Phoenix.Countries.actors.txt")
    testov = next(r for r in records if r.names[0].startswith("IVAN_PETROVICH"))
    assert testov.names == ["IVAN_PETROVICH_TESTOV_", "TESTOV", "PRESIDENT_TESTOV"]
    gov = next(c for c in testov.codes if c.code == "RUSGOV")
    assert (gov.start, gov.end) == (date(1985, 3, 11), date(1991, 12, 25))
    assert written("MORO_ISLAMIC_LIBERATION_FRONT_") == "Moro Islamic Liberation Front"
    assert written("FSB_", acronym=True) == "FSB"


def test_agents_expand_sets_and_plurals(tmp_path: Path) -> None:
    agents = read_agent_file(_write_excerpt(tmp_path / "dicts") / "Phoenix.agents.txt")
    phrases = {phrase for phrase, _, _ in agents}
    assert {"HUNTER", "HUNTERS", "RIOT POLICE", "CONGRESSWOMAN"} <= phrases
    assert "RIOT POLICES" not in phrases


def test_build_writes_sourced_rows(tmp_path: Path) -> None:
    out = tmp_path / "out"
    counts = build_phoenix(_write_excerpt(tmp_path / "dicts"), out)
    assert counts["phoenix_actors"] > 0 and counts["phoenix_agents"] > 0
    rows = _rows(out / "phoenix_actors.csv")
    assert rows["Federal Security Service"][0]["country"] == "RUS"
    assert rows["Federal Security Service"][0]["sector"] == "SPY"
    assert "FSB" in rows["Federal Security Service"][0]["aliases"].split(";")
    testov = rows["Ivan Petrovich Testov"]
    assert [(r["sector"], r["start"], r["end"]) for r in testov] == [
        ("GOV", "1985-03-11", "1991-12-25")
    ]
    assert "President Testov" not in testov[0]["aliases"]  # a title is the resolver's part
    assert rows["Ivan Kupalov"][0]["sector"] == "ELI"  # an elite without an office
    group = rows["Northern Test Liberation Front"][0]
    assert (group["country"], group["sector"], group["home"]) == ("NSA", "REB", "RUS")
    assert rows["Acme Widgets"][0]["sector"] == "BUS"  # a company: not a political actor
    assert "Senate" not in rows  # an agent noun is no name
    assert all(r["source"].startswith("Phoenix.") for group in rows.values() for r in group)


def test_office_holders_keep_their_dates(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_phoenix(_write_excerpt(tmp_path / "dicts"), out)
    putin = _rows(out / "phoenix_actors.csv")["Vladimir Putin"]
    assert all(row["source"].endswith(";office_holders.csv") for row in putin)
    assert all(row["start"] != "2000-05-07" or row["end"] for row in putin)


def test_knowledge_base_reads_the_built_tables(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    build_phoenix(_write_excerpt(tmp_path / "dicts"), data)
    kb = load_kb(data)
    actor = resolve_text(kb, "Northern Test Liberation Front", date(2000, 1, 1))
    assert actor is not None and (actor.country, actor.home_country) == ("NSA", "RUS")
    hunter = resolve_text(kb, "Chinese hunters", date(2000, 1, 1))
    assert hunter is not None and (hunter.country, hunter.sector) == ("CHN", "CVL")
    assert kb.entries["ntlf"][0].source is not None


def test_shipped_tables_rebuild_byte_identically(tmp_path: Path) -> None:
    needs_shared(PETRARCH)
    build_phoenix(PETRARCH, tmp_path)
    for name in ("phoenix_actors.csv", "phoenix_agents.csv"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("USAID", "USA", "GOV"),
        ("Peshmerga", "IRQ", "MIL"),
        ("The Moro Islamic Liberation Front", "NSA", "REB"),
        ("The Ogaden National Liberation Front", "NSA", "REB"),
        ("Immigration and Customs Enforcement", "USA", "COP"),
        ("UNDOF", "IGO", None),
        ("Bolivian soldiers", "BOL", "MIL"),
    ],
)
def test_shipped_knowledge_knows_the_field_s_actors(
    text: str, country: str, sector: str | None
) -> None:
    from backchannel.actors import resolve

    actor = resolve(text, date(2000, 1, 1))
    assert actor is not None and (actor.country, actor.sector) == (country, sector)
