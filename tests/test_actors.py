"""Actors: the knowledge base, the resolver, mention finding and the CLI, on real data files."""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from backchannel.actors import explain, find_mentions, resolve
from backchannel.actors.kb import DATA_DIR, load_kb
from backchannel.actors.mentions import find_mentions_with
from backchannel.actors.resolver import resolve_text
from backchannel.errors import KnowledgeBaseError
from backchannel.records import Article, Document

HOLDERS = """country,office,title,person,aliases,qid,start,end
IRN,head_of_state,Supreme Leader,Ali Khamenei,Khamenei,,1989-06-04,
IRN,head_of_government,President,Hassan Rouhani,Rouhani,,2013-08-03,2021-08-03
IRN,head_of_government,President,Masoud Pezeshkian,Pezeshkian,,2024-07-28,
USA,head_of_state,President,Donald Trump,Trump,Q22686,2017-01-20,2021-01-20
USA,head_of_government,President,Donald Trump,Trump,Q22686,2017-01-20,2021-01-20
"""


@pytest.fixture(scope="module")
def holders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "office_holders.csv"
    path.write_text(HOLDERS, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("the White House", "USA", "GOV"),
        ("Washington", "USA", "GOV"),
        ("Tehran", "IRN", "GOV"),
        ("the IRGC", "IRN", "MIL"),
        ("Hezbollah", "NSA", "REB"),
        ("the State Department", "USA", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Brian Hook", "USA", "GOV"),
        ("Macron", "FRA", "GOV"),
        ("Witkoff", "USA", "GOV"),
        ("Omani negotiators", "OMN", "GOV"),
        ("Putin", "RUS", "GOV"),
        ("Zelenskyy", "UKR", "GOV"),
        ("NATO", "IGO", None),
        ("the Europeans", "IGO", None),
        ("ordinary Kazakhs", "KAZ", "CVL"),
        ("Israeli troops", "ISR", "MIL"),
        ("Bloomberg", "USA", "JRN"),
        ("former President Nursultan Nazarbayev", "KAZ", "ELI"),
    ],
)
def test_seed_actors_resolve(text: str, country: str, sector: str | None) -> None:
    # the seed articles are of September 2019 and July 2025 (Witkoff's envoy role began in 2025)
    actor = resolve(text, date(2025, 7, 4) if text == "Witkoff" else date(2019, 9, 5))
    assert actor is not None, text
    assert (actor.country, actor.sector) == (country, sector)
    assert actor.text == text


def test_unknown_text_is_none() -> None:
    assert resolve("the weather was mild") is None


def test_iranian_president_on_two_dates(holders: Path) -> None:
    kb = load_kb(holders=holders)
    then = resolve_text(kb, "the Iranian president", date(2019, 9, 5))
    now = resolve_text(kb, "the Iranian president", date(2025, 7, 4))
    assert then is not None and now is not None
    assert (then.role_holder, then.country, then.sector) == ("Hassan Rouhani", "IRN", "GOV")
    assert now.role_holder == "Masoud Pezeshkian"
    assert resolve_text(kb, "the Iranian president", None).role_holder is None  # type: ignore[union-attr]


def test_kb_uses_the_holder_table(holders: Path) -> None:
    kb = load_kb(holders=holders)
    assert kb.offices.holder("IRN", "President", date(2022, 1, 1)) is None
    assert [t.person for t in kb.offices.by_name("rouhani")] == ["Hassan Rouhani"]
    rouhani = resolve_text(kb, "Rouhani", date(2019, 9, 5))
    assert rouhani is not None and rouhani.role_holder == "Hassan Rouhani"
    with pytest.raises(KnowledgeBaseError):
        load_kb(holders=holders.parent / "absent.csv")


def test_white_house_names_the_president(holders: Path) -> None:
    actor = resolve_text(load_kb(holders=holders), "the White House", date(2019, 9, 5))
    assert actor is not None and actor.role_holder == "Donald Trump"


def test_person_roles_follow_the_date() -> None:
    senator = resolve("Marco Rubio", date(2020, 1, 1))
    secretary = resolve("Rubio", date(2025, 6, 1))
    hook = resolve("Brian Hook", date(2023, 1, 1))
    assert senator is not None and senator.sector == "LEG"
    assert secretary is not None and secretary.sector == "GOV"
    assert hook is not None and hook.sector == "ELI" and hook.role_holder is None


def test_fuzzy_spelling() -> None:
    actor = resolve("Kazahks")
    assert actor is not None and actor.country == "KAZ"
    assert resolve("Xqzzvbnm") is None


def test_context_gives_the_country() -> None:
    actor = resolve("the National Guard", context="Saudi forces were deployed")
    assert actor is not None and (actor.country, actor.sector) == ("SAU", "MIL")


def test_acronyms_need_their_capitals() -> None:
    assert resolve("US") is not None
    assert resolve("us") is None


TEXT = (
    "President Trump said Iranian officials would talk. Later the president said "
    "Qatari and Omani negotiators met Israeli troops, the IRGC and Hezbollah in Tehran, "
    "while protesters and the opposition rallied in Kazakhstan's capital."
)


def test_find_mentions_offsets_and_memory(holders: Path) -> None:
    mentions = find_mentions_with(load_kb(holders=holders), TEXT, date(2019, 9, 5))
    assert all(TEXT[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    found = {m.text: m.actor for m in mentions}
    assert found["the president"].role_holder == "Donald Trump"
    assert (found["the president"].country, found["the president"].sector) == ("USA", "GOV")
    assert (found["Qatari"].country, found["Qatari"].sector) == ("QAT", "GOV")
    assert found["Omani negotiators"].country == "OMN"
    assert found["Iranian officials"].sector == "GOV"
    assert found["Israeli troops"].sector == "MIL"
    assert found["protesters"].sector == "OPP"
    assert found["the opposition"].sector == "OPP"
    assert not find_mentions_with(
        load_kb(holders=holders), "In general, a judge in general.", None
    )[1:]


def test_find_mentions_matches_resolve() -> None:
    doc = Document(Article("a", TEXT, published=date(2019, 9, 5)))
    for mention in find_mentions(doc):
        if mention.text not in ("the president", "Qatari"):
            assert resolve(mention.text, date(2019, 9, 5)) == mention.actor


def test_a_dictionary_agent_ending_in_its_preposition_is_read_without_it() -> None:
    """Phoenix's "embassy in", "ambassador to": the preposition picks the agent; the mention
    (and the actor's text) is "the US embassy", its end before the preposition."""
    text = "The US embassy in Baghdad and the French ambassador to Russia were named."
    doc = Document(Article("a", text, published=date(2019, 9, 5)))
    found = {m.text: m for m in find_mentions(doc)}
    assert {"The US embassy", "the French ambassador"} <= set(found)
    for name, country in (("The US embassy", "USA"), ("the French ambassador", "FRA")):
        mention = found[name]
        assert text[mention.start : mention.end] == mention.actor.text == name
        assert (mention.actor.country, mention.actor.sector) == (country, "GOV")


def test_kb_loads_with_its_automaton() -> None:
    # load time and memory are measured by bench/kb_load.py, not asserted in a test
    kb = load_kb()
    assert kb.automaton is not None and kb.entries


def test_cli_actor(run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path) -> None:
    code, out, _ = run_cli("actor", "Iranian officials", "--date", "2019-09-05")
    assert code == 0
    assert json.loads(out)["actor"]["country"] == "IRN"
    lines = tmp_path / "mentions.jsonl"
    lines.write_text(
        '{"id": "1", "text": "the Kremlin"}\n{"id": "2", "text": "Xqzzvbnm"}\n', encoding="utf-8"
    )
    code, out, _ = run_cli("actor", "--jsonl", str(lines))
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert results[0]["actor"]["country"] == "RUS" and results[1]["actor"] is None


def test_cli_iranian_president_uses_shipped_table(
    run_cli: Callable[..., tuple[int, str, str]],
) -> None:
    code, out, _ = run_cli("actor", "the Iranian president", "--date", "2019-09-05")
    assert code == 0 and json.loads(out)["actor"]["role_holder"] == "Hassan Rouhani"


def _row(source: str) -> str:
    """The line ``file:line`` of the shipped data names."""
    name, _, line = source.partition(":")
    return (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[int(line) - 1]


def test_cli_actor_names_the_rows_that_decided(
    run_cli: Callable[..., tuple[int, str, str]],
) -> None:
    code, out, _ = run_cli("actor", "the Iranian president", "--date", "2019-09-05")
    decided = json.loads(out)["decided_by"]
    assert code == 0 and [d["part"] for d in decided] == ["Iranian", "president"]
    holder = decided[1]
    assert holder["kind"] == "office holder" and "Rouhani" in _row(holder["source"])
    assert "Iran" in _row(decided[0]["source"])


def test_a_former_holder_is_explained_as_one() -> None:
    (reason,) = explain("Nazarbayev", date(2022, 9, 1))
    assert "former holder (ELI)" in reason["why"] and "Nazarbayev" in _row(reason["source"])
    assert resolve("Nazarbayev", date(2022, 9, 1)).sector == "ELI"  # type: ignore[union-attr]


def test_agent_nouns_and_their_country_are_explained() -> None:
    decided = explain("Bolivian soldiers")
    assert [(d["part"], d["kind"]) for d in decided] == [
        ("Bolivian", "country"),
        ("soldiers", "agent"),
    ]
    assert "soldiers" in _row(decided[1]["source"]) and "MIL" in _row(decided[1]["source"])


def test_a_city_and_a_misspelling_are_explained() -> None:
    (reason,) = explain("Mongwalu")
    assert reason["kind"] == "city" and "approximate spelling" in reason["why"]
    (alias,) = explain("Iranain")  # a knowledge-base alias, spelled a little differently
    assert alias["source"].startswith("countries.csv:") and "approximate" in alias["why"]


def test_kb_stats_counts_what_the_knowledge_base_covers(
    run_cli: Callable[..., tuple[int, str, str]],
) -> None:
    code, out, _ = run_cli("kb", "stats", "--json")
    figures = json.loads(out)
    assert code == 0 and figures["countries"] >= 190
    assert figures["people_with_dated_roles"] <= figures["people"]
    assert figures["office_holder_terms"] == len(load_kb().offices)
    assert {"phoenix_actors.csv", "office_holders.csv", "agents.csv"} <= set(
        figures["entries_by_file"]
    )
    assert "unknown" not in figures["entries_by_file"]  # every entry names its source


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Karachi", "PAK", None),  # a plain city is a place: its country, no sector
        ("Canberra", "AUS", "GOV"),  # a capital stands for its government
        ("Melbourne police", "AUS", "COP"),
        ("Kachin rebels", "MMR", "REB"),
        ("Tiraspol", "MDA", "PRE"),  # breakaway states: the parent state, sector PRE
        ("South Ossetian officials", "GEO", "GOV"),
        ("Northern Cyprus", "CYP", "PRE"),
        ("Moldova's breakaway region", "MDA", "PRE"),
        ("Pristina", "XKX", "GOV"),
        ("Colombian self-defense forces", "COL", "PRM"),
        ("a Senate candidate", None, "PTY"),
        ("tribal elders", None, "CVL"),
    ],
)
def test_places_and_new_agent_nouns(text: str, country: str | None, sector: str | None) -> None:
    actor = resolve(text, date(2021, 3, 1))
    assert actor is not None, text
    assert (actor.country, actor.sector) == (country, sector)


def test_a_title_picks_the_role_when_no_date_is_given() -> None:
    senator = resolve("Senator Marco Rubio")
    secretary = resolve("Secretary of State Marco Rubio")
    assert senator is not None and senator.sector == "LEG"
    assert secretary is not None and secretary.sector == "GOV"


def test_holders_take_the_sector_of_their_title() -> None:
    pope = resolve("Pope Francis", date(2020, 1, 1))
    assert pope is not None and (pope.country, pope.sector) == ("VAT", "REL")
    assert pope.kb_id == "Q450675"


def test_former_holders() -> None:
    title = resolve("the former Iranian president", date(2023, 1, 1))
    assert title is not None and (title.name, title.country, title.sector) == ("Iran", "IRN", "ELI")
    assert title.role_holder is None
    past = resolve("Ahmadinejad", date(2019, 1, 1))
    assert past is not None
    assert (past.country, past.sector, past.role_holder) == ("IRN", "ELI", None)


@pytest.mark.parametrize(
    ("text", "qid"),
    [("Emmanuel Macron", "Q3052772"), ("Putin", "Q7747"), ("Netanyahu", "Q43723")],
)
def test_office_holders_carry_their_qids(text: str, qid: str) -> None:
    actor = resolve(text, date(2019, 9, 5))
    assert actor is not None and actor.kb_id == qid


def test_weak_agent_nouns_need_context() -> None:
    text = (
        "The court said people gathered. The Constitutional Court ruled and the board met. "
        "Kenyan people marched while a party was held; the Ruling Council Board said no."
    )
    found = {m.text: m.actor for m in find_mentions_with(load_kb(), text, date(2020, 1, 1))}
    assert "The Constitutional Court" in found and found["The Constitutional Court"].sector == "JUD"
    assert found["Kenyan people"].country == "KEN"
    assert "the Ruling Council Board" in found
    assert not {"The court", "court", "people", "the board", "board", "party"} & found.keys()


def test_knowledge_base_files_need_their_header(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "places.csv").write_text("city,state\nSydney,AUS\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="header"):
        load_kb(data)


def test_a_national_leader_who_moves_to_an_igo_resolves_by_date() -> None:
    as_eu = resolve("Donald Tusk", date(2017, 3, 1))
    as_pole = resolve("Donald Tusk", date(2024, 3, 1))
    assert as_eu is not None and as_eu.country == "IGO"
    assert as_pole is not None and as_pole.country == "POL"


def test_a_country_listed_beside_a_group_keeps_its_own_sector() -> None:
    text = "Egypt mediates between Israel and Hamas, while Qatari and Omani negotiators wait."
    doc = Document(Article("t", text, published=date(2024, 5, 6)))
    found = {m.text: m.actor for m in find_mentions(doc)}
    assert found["Israel"].country == "ISR" and found["Israel"].sector != "REB"
    assert found["Qatari"].country == "QAT" and found["Qatari"].sector == "GOV"
