"""Rebuild the office-holder and organisation tables from a Wikidata JSON dump, offline.

The dump (``latest-all.json.gz``) is a JSON array with one entity per line and a comma
after each. It is read twice, line by line, so memory depends on the size of the output,
never on the size of the dump:

1. countries (entities with an ISO-3166 alpha-3 code, P298) give their heads of state
   (P35) and government (P6) with start/end qualifiers (P580/P582); people with a
   position held (P39) listed in ``data/actors/positions.csv`` give ministers; entities
   that are an instance of international organisation (P31 Q484652) give organisations.
2. the labels and aliases of the people and offices named in pass 1.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backchannel.actors.holders import DATA_DIR, FIELDS
from backchannel.actors.kb import ORGANISATION_FIELDS
from backchannel.errors import KnowledgeBaseError

POSITIONS_PATH = DATA_DIR / "positions.csv"
IGO_CLASS = "Q484652"
COUNTRY_OFFICES = {"P35": ("head_of_state", "P1906"), "P6": ("head_of_government", "P1313")}
GENERIC_TITLES = {"head_of_state": "Head of State", "head_of_government": "Head of Government"}

Entity = dict[str, Any]


@dataclass(slots=True)
class Term:
    """A statement found in pass 1, waiting for names from pass 2."""

    country: str
    office: str
    person_qid: str
    start: str
    end: str
    title: str = ""
    office_qid: str = ""


@dataclass(slots=True)
class Harvest:
    terms: list[Term] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    names: dict[str, tuple[str, list[str]]] = field(default_factory=dict)


def iter_entities(path: Path) -> Iterator[Entity]:
    """Entities of a Wikidata dump, one line at a time (a generator: constant memory)."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                text = line.strip().rstrip(",")
                if text in ("", "[", "]"):
                    continue
                yield _parse_entity(text, path, number)
    except (OSError, EOFError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(f"cannot read Wikidata dump {path}: {err}") from err


def _parse_entity(text: str, path: Path, number: int) -> Entity:
    try:
        entity = json.loads(text)
    except json.JSONDecodeError as err:
        raise KnowledgeBaseError(f"{path.name}:{number}: not a JSON entity ({err})") from err
    if not isinstance(entity, dict):
        raise KnowledgeBaseError(f"{path.name}:{number}: not a JSON entity")
    return entity


def _value(snak: Entity) -> Any:
    return (snak.get("datavalue") or {}).get("value")


def _item_ids(entity: Entity, prop: str) -> list[str]:
    values = (_value(claim.get("mainsnak", {})) for claim in entity.get("claims", {}).get(prop, ()))
    return [value["id"] for value in values if isinstance(value, dict) and "id" in value]


def _string(entity: Entity, prop: str) -> str:
    for claim in entity.get("claims", {}).get(prop, ()):
        if isinstance(value := _value(claim.get("mainsnak", {})), str):
            return value
    return ""


def wikidata_date(value: Any) -> str:
    """A Wikidata time value to ISO ``YYYY-MM-DD`` (month or year precision: first day)."""
    if not isinstance(value, dict) or not isinstance(value.get("time"), str):
        return ""
    year, month, day = value["time"].lstrip("+").split("T")[0].split("-")
    precision = value.get("precision", 11)
    if precision < 9 or year.startswith("-"):
        return ""
    month = month if precision >= 10 and month != "00" else "01"
    day = day if precision >= 11 and day != "00" else "01"
    return f"{int(year):04d}-{month}-{day}"


def _qualifier_date(claim: Entity, prop: str) -> str:
    for snak in claim.get("qualifiers", {}).get(prop, ()):
        if text := wikidata_date(_value(snak)):
            return text
    return ""


def _statements(entity: Entity, prop: str) -> Iterator[tuple[str, str, str]]:
    """(item QID, start, end) for each statement of ``prop`` with a start date."""
    for claim in entity.get("claims", {}).get(prop, ()):
        value = _value(claim.get("mainsnak", {}))
        start = _qualifier_date(claim, "P580")
        if (
            isinstance(value, dict)
            and "id" in value
            and start
            and claim.get("rank") != "deprecated"
        ):
            yield value["id"], start, _qualifier_date(claim, "P582")


def _labels(entity: Entity) -> tuple[str, list[str]]:
    label = entity.get("labels", {}).get("en", {}).get("value", "")
    aliases = [alias["value"] for alias in entity.get("aliases", {}).get("en", ())]
    return label, aliases


def read_positions(path: Path = POSITIONS_PATH) -> dict[str, tuple[str, str, str]]:
    """Position QID -> (country, office, title) for ministers found through P39."""
    with path.open(encoding="utf-8", newline="") as stream:
        return {
            row["qid"]: (row["country"], row["office"], row["title"])
            for row in csv.DictReader(stream)
            if not row["qid"].startswith("#")
        }


def _harvest_country(entity: Entity, code: str, harvest: Harvest) -> None:
    for prop, (office, office_prop) in COUNTRY_OFFICES.items():
        office_qid = next(iter(_item_ids(entity, office_prop)), "")
        for person, start, end in _statements(entity, prop):
            harvest.terms.append(Term(code, office, person, start, end, office_qid=office_qid))


def _harvest_person(
    entity: Entity, positions: dict[str, tuple[str, str, str]], harvest: Harvest
) -> None:
    found = False
    for position, start, end in _statements(entity, "P39"):
        if position in positions:
            country, office, title = positions[position]
            harvest.terms.append(Term(country, office, entity["id"], start, end, title))
            found = True
    if found:
        harvest.names[entity["id"]] = _labels(entity)


def first_pass(path: Path, positions: dict[str, tuple[str, str, str]]) -> Harvest:
    harvest = Harvest()
    for entity in iter_entities(path):
        if not str(entity.get("id", "")).startswith("Q"):
            continue
        if len(code := _string(entity, "P298")) == 3:
            _harvest_country(entity, code.upper(), harvest)
        elif IGO_CLASS in _item_ids(entity, "P31"):
            harvest.organisations.append(entity["id"])
            harvest.names[entity["id"]] = _labels(entity)
        elif "P39" in entity.get("claims", {}):
            _harvest_person(entity, positions, harvest)
    return harvest


def second_pass(path: Path, harvest: Harvest) -> None:
    """Labels and aliases of the people and offices that pass 1 named but did not read."""
    wanted = {term.person_qid for term in harvest.terms} | {
        term.office_qid for term in harvest.terms if term.office_qid
    }
    wanted -= harvest.names.keys()
    if not wanted:
        return
    for entity in iter_entities(path):
        if entity.get("id") in wanted:
            harvest.names[entity["id"]] = _labels(entity)


def office_title(term: Term, harvest: Harvest) -> str:
    """ "President of Iran" -> "President"; a generic title when the office is unnamed."""
    if term.title:
        return term.title
    label = harvest.names.get(term.office_qid, ("", []))[0]
    title = label.split(" of ")[0].strip() if label else ""
    return title[:1].upper() + title[1:] if title else GENERIC_TITLES.get(term.office, "")


def holder_rows(harvest: Harvest) -> list[dict[str, str]]:
    rows = []
    for term in harvest.terms:
        person, aliases = harvest.names.get(term.person_qid, ("", []))
        if not person:
            continue
        title = office_title(term, harvest)
        rows.append(
            dict(
                zip(
                    FIELDS,
                    (
                        term.country,
                        term.office,
                        title,
                        person,
                        ";".join(aliases),
                        term.person_qid,
                        term.start,
                        term.end,
                    ),
                    strict=True,
                )
            )
        )
    return sorted(rows, key=lambda row: (row["country"], row["office"], row["start"]))


def organisation_rows(harvest: Harvest) -> list[dict[str, str]]:
    rows = []
    for qid in harvest.organisations:
        name, aliases = harvest.names.get(qid, ("", []))
        if name:
            rows.append(
                {
                    "name": name,
                    "aliases": ";".join(aliases),
                    "qid": qid,
                    "country": "IGO",
                    "sector": "",
                }
            )
    return sorted(rows, key=lambda row: row["name"])


def write_csv(path: Path, fields: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build(dump: Path, out: Path, positions_path: Path = POSITIONS_PATH) -> dict[str, int]:
    """Write ``office_holders.csv`` and ``organisations.csv`` under ``out``; counts rows."""
    if not dump.is_file():
        raise KnowledgeBaseError(f"no Wikidata dump at {dump}")
    harvest = first_pass(dump, read_positions(positions_path))
    second_pass(dump, harvest)
    holders, organisations = holder_rows(harvest), organisation_rows(harvest)
    write_csv(out / "office_holders.csv", FIELDS, holders)
    write_csv(out / "organisations.csv", ORGANISATION_FIELDS, organisations)
    return {"office_holders": len(holders), "organisations": len(organisations)}
