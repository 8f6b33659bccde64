"""The Wikidata knowledge-base builder, on small dumps written here, and ``backchannel kb``."""

from __future__ import annotations

import csv
import gzip
import inspect
import json
import shutil
import tracemalloc
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from backchannel.actors.holders import DATA_DIR, FIELDS, load_holders
from backchannel.actors.kb import load_kb
from backchannel.actors.kb_build import build, iter_entities, wikidata_date
from backchannel.actors.resolver import resolve_text
from backchannel.errors import KnowledgeBaseError

Entity = dict[str, Any]


def _time(text: str, precision: int = 11) -> dict[str, Any]:
    return {"datavalue": {"value": {"time": f"+{text}T00:00:00Z", "precision": precision}}}


def _claim(item: str, start: str = "", end: str = "", **extra: Any) -> dict[str, Any]:
    qualifiers = {}
    if start:
        qualifiers["P580"] = [_time(start, extra.pop("precision", 11))]
    if end:
        qualifiers["P582"] = [_time(end)]
    claim = {"mainsnak": {"datavalue": {"value": {"id": item}}}, "qualifiers": qualifiers}
    return claim | extra


def _entity(qid: str, label: str, aliases: Iterable[str] = (), **claims: list[Any]) -> Entity:
    return {
        "id": qid,
        "labels": {"en": {"value": label}},
        "aliases": {"en": [{"value": alias} for alias in aliases]},
        "claims": claims,
    }


def _string_claim(text: str) -> list[dict[str, Any]]:
    return [{"mainsnak": {"datavalue": {"value": text}}}]


def tiny_dump() -> list[Entity]:
    """A dozen entities: one country, its leaders and offices, a minister, an IGO, noise."""
    return [
        _entity("Q1001", "Hassan Rouhani", ["Rowhani"]),
        _entity("Q1002", "Mahmoud Ahmadinejad"),
        _entity("Q1003", "Ali Khamenei", ["Ayatollah Khamenei"]),
        _entity("Q1004", "President of Iran"),
        _entity(
            "Q794",
            "Iran",
            P298=_string_claim("IRN"),
            P1313=[_claim("Q1004")],
            P35=[_claim("Q1003", "1989-06-04")],
            P6=[
                _claim("Q1002", "2005-08-03", "2013-08-03"),
                _claim("Q1001", "2013-08-03", "2021-08-03"),
                _claim("Q1005", "2013-01-01", rank="deprecated"),
                _claim("Q1006"),  # no start date: not a term
            ],
        ),
        _entity("Q1005", "Deprecated Person"),
        _entity("Q1006", "Undated Person"),
        _entity("Q2001", "Colin Powell", P39=[_claim("Q14213", "2001-01-20", "2005-01-26")]),
        _entity("Q2002", "Some Senator", P39=[_claim("Q4416090", "2001-01-03")]),
        _entity("Q7184", "NATO", ["North Atlantic Treaty Organization"], P31=[_claim("Q484652")]),
        _entity("Q3001", "A Village", P31=[_claim("Q532")]),
        {"id": "P31", "labels": {"en": {"value": "instance of"}}, "claims": {}},
    ]


def write_dump(path: Path, entities: Iterable[Entity]) -> Path:
    """Wikidata's layout: a JSON array, one entity per line, each followed by a comma."""
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write("[\n")
        stream.writelines(json.dumps(entity) + ",\n" for entity in entities)
        stream.write("]\n")
    return path


@pytest.fixture
def positions(tmp_path: Path) -> Path:
    path = tmp_path / "positions.csv"
    path.write_text(
        "qid,country,office,title\nQ14213,USA,foreign_minister,Secretary of State\n",
        encoding="utf-8",
    )
    return path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_build_extracts_heads_ministers_and_organisations(tmp_path: Path, positions: Path) -> None:
    dump = write_dump(tmp_path / "dump.json.gz", tiny_dump())
    counts = build(dump, tmp_path / "out", positions)
    assert counts == {"office_holders": 4, "organisations": 1}
    rows = _read(tmp_path / "out" / "office_holders.csv")
    assert [(r["office"], r["title"], r["person"], r["start"], r["end"]) for r in rows] == [
        ("head_of_government", "President", "Mahmoud Ahmadinejad", "2005-08-03", "2013-08-03"),
        ("head_of_government", "President", "Hassan Rouhani", "2013-08-03", "2021-08-03"),
        ("head_of_state", "Head of State", "Ali Khamenei", "1989-06-04", ""),
        ("foreign_minister", "Secretary of State", "Colin Powell", "2001-01-20", "2005-01-26"),
    ]
    rouhani = next(r for r in rows if r["person"] == "Hassan Rouhani")
    assert rouhani["qid"] == "Q1001" and rouhani["aliases"] == "Rowhani"
    assert rouhani["country"] == "IRN"
    powell = next(r for r in rows if r["person"] == "Colin Powell")
    assert (powell["country"], powell["office"]) == ("USA", "foreign_minister")
    organisations = _read(tmp_path / "out" / "organisations.csv")
    assert organisations == [
        {
            "name": "NATO",
            "aliases": "North Atlantic Treaty Organization",
            "country": "IGO",
            "sector": "",
            "qid": "Q7184",
            "home": "",
            "governs": "",
        }
    ]


def test_built_organisations_load_into_the_knowledge_base(tmp_path: Path, positions: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    build(write_dump(tmp_path / "dump.json.gz", tiny_dump()), data, positions)
    kb = load_kb(data, data / "office_holders.csv", phoenix=False)  # Phoenix knows Hezbollah
    nato = resolve_text(kb, "North Atlantic Treaty Organization")
    assert nato is not None and (nato.country, nato.kb_id) == ("IGO", "Q7184")
    assert "hezbollah" not in kb.entries  # the rebuilt file replaced the shipped one


def test_built_table_loads_as_a_holder_table(tmp_path: Path, positions: Path) -> None:
    build(write_dump(tmp_path / "dump.json.gz", tiny_dump()), tmp_path, positions)
    table = load_holders(tmp_path / "office_holders.csv")
    with (tmp_path / "office_holders.csv").open(encoding="utf-8") as stream:
        assert stream.readline().strip() == ",".join(FIELDS)
    holder = table.holder("IRN", "President", date(2019, 9, 5))
    assert holder is not None and holder.person == "Hassan Rouhani"
    assert (
        getattr(table.holder("IRN", "head_of_state", date(2019, 9, 5)), "person", None)
        == "Ali Khamenei"
    )
    assert table.by_name("rowhani")[0].qid == "Q1001"


def test_wikidata_dates_keep_their_precision() -> None:
    assert wikidata_date({"time": "+2013-08-03T00:00:00Z", "precision": 11}) == "2013-08-03"
    assert wikidata_date({"time": "+2013-08-00T00:00:00Z", "precision": 10}) == "2013-08-01"
    assert wikidata_date({"time": "+2013-00-00T00:00:00Z", "precision": 9}) == "2013-01-01"
    assert wikidata_date({"time": "+1900-00-00T00:00:00Z", "precision": 7}) == ""
    assert wikidata_date(None) == ""


def _noise(count: int) -> list[Entity]:
    return [
        _entity(f"Q{900000 + n}", f"Noise {n} " + "x" * 200, [f"alias {n}"], P31=[_claim("Q5")])
        for n in range(count)
    ]


def _peak_memory(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reads_line_by_line_in_constant_memory(tmp_path: Path, positions: Path) -> None:
    assert inspect.isgeneratorfunction(iter_entities)
    small = write_dump(tmp_path / "small.json.gz", tiny_dump() + _noise(100))
    large = write_dump(tmp_path / "large.json.gz", tiny_dump() + _noise(5000))
    assert large.stat().st_size > 20 * small.stat().st_size
    small_peak = _peak_memory(lambda: build(small, tmp_path / "a", positions))
    large_peak = _peak_memory(lambda: build(large, tmp_path / "b", positions))
    assert large_peak < small_peak + 256 * 1024
    assert _read(tmp_path / "a" / "office_holders.csv") == _read(
        tmp_path / "b" / "office_holders.csv"
    )


def test_bad_dumps_raise_knowledge_base_errors(tmp_path: Path, positions: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="BC300"):
        build(tmp_path / "absent.json.gz", tmp_path, positions)
    broken = tmp_path / "broken.json.gz"
    with gzip.open(broken, "wt", encoding="utf-8") as stream:
        stream.write('[\n{"id": "Q1",\n')
    with pytest.raises(KnowledgeBaseError, match="not a JSON entity"):
        build(broken, tmp_path, positions)


def test_cli_kb_build(
    tmp_path: Path, positions: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    dump = write_dump(tmp_path / "dump.json.gz", tiny_dump())
    out = tmp_path / "kb"
    code, _, err = run_cli(
        "kb", "build", "--wikidata", str(dump), "--out", str(out), "--positions", str(positions)
    )
    assert code == 0, err
    assert "office_holders: 4 rows" in err and "organisations: 1 rows" in err
    assert len(_read(out / "office_holders.csv")) == 4
    code, _, err = run_cli("kb", "build", "--wikidata", str(tmp_path / "none.json.gz"))
    assert code == 2 and "[BC300]" in err
