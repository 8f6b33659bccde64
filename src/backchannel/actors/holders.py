"""Office holders with their terms: who was president, foreign minister... on a given day.

The table lives in ``data/actors/office_holders.csv`` (schema and provenance in
``data/actors/OFFICE_HOLDERS.md``). A term is half-open: the holder is in office from
``start`` up to, not including, ``end`` (the day the successor took over); an empty
``end`` means still in office. Lookups are dictionary lookups; the default table is
loaded once and cached.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from backchannel.datafiles import DATA_DIR as PACKAGE_DATA
from backchannel.errors import KnowledgeBaseError

DATA_DIR = PACKAGE_DATA / "actors"
HOLDERS_PATH = DATA_DIR / "office_holders.csv"
TITLES_PATH = DATA_DIR / "office_titles.csv"
FIELDS = ("country", "office", "title", "person", "aliases", "qid", "start", "end")
OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")


@dataclass(frozen=True, slots=True)
class Holder:
    """One person's term in one office of one country."""

    country: str
    office: str
    title: str
    person: str
    aliases: tuple[str, ...]
    qid: str | None
    start: date
    end: date | None
    source: str = "office_holders.csv"  # the file and line the term comes from

    def holds_on(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.person, *self.aliases)


class HolderTable:
    """Holders indexed by (country, office), by (country, title) and by name."""

    def __init__(self, holders: list[Holder], generic_titles: dict[str, str] | None = None):
        self.holders = tuple(holders)
        self._by_office: dict[tuple[str, str], list[Holder]] = defaultdict(list)
        self._offices_by_title: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._by_name: dict[str, list[Holder]] = defaultdict(list)
        self._generic = {key.lower(): office for key, office in (generic_titles or {}).items()}
        for holder in holders:
            self._index(holder)

    def _index(self, holder: Holder) -> None:
        self._by_office[holder.country, holder.office].append(holder)
        offices = self._offices_by_title[holder.country, holder.title.lower()]
        if holder.office not in offices:
            offices.append(holder.office)
            offices.sort(key=OFFICES.index)
        for name in {name.lower() for name in holder.names}:
            self._by_name[name].append(holder)

    def __len__(self) -> int:
        return len(self.holders)

    def offices_for(self, country: str, office_or_title: str) -> list[str]:
        """The offices that ``office_or_title`` names in ``country``, most senior first."""
        key = office_or_title.strip().lower()
        if key.replace(" ", "_") in OFFICES:
            return [key.replace(" ", "_")]
        if offices := self._offices_by_title.get((country.upper(), key)):
            return offices
        return [self._generic[key]] if key in self._generic else []

    def holder(self, country: str, office_or_title: str, on: date) -> Holder | None:
        """Who held the office (``head_of_state``... or a title such as "President") on ``on``."""
        for office in self.offices_for(country, office_or_title):
            for holder in self._by_office.get((country.upper(), office), ()):
                if holder.holds_on(on):
                    return holder
        return None

    def terms(self, country: str, office: str) -> list[Holder]:
        """All terms of one office, in start order."""
        return sorted(self._by_office.get((country.upper(), office), ()), key=lambda h: h.start)

    def by_name(self, name: str) -> list[Holder]:
        """Every term held by the person called ``name`` (full name or alias, any case)."""
        return list(self._by_name.get(name.strip().lower(), ()))


def _date(text: str, where: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise KnowledgeBaseError(f"{where}: not an ISO date: {text!r}") from err


def parse_row(row: dict[str, str], where: str) -> Holder:
    """One CSV row to a ``Holder``; malformed rows raise ``KnowledgeBaseError``."""
    start = _date(row.get("start", ""), where)
    if start is None or not row.get("person") or row.get("office") not in OFFICES:
        raise KnowledgeBaseError(f"{where}: needs a person, a known office and a start date")
    return Holder(
        country=row["country"].strip().upper(),
        office=row["office"],
        title=row["title"].strip(),
        person=row["person"].strip(),
        aliases=tuple(alias.strip() for alias in row.get("aliases", "").split(";") if alias),
        qid=row.get("qid") or None,
        start=start,
        end=_date(row.get("end", ""), where),
        source=where,
    )


def read_holders(path: Path) -> list[Holder]:
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream)
            if tuple(reader.fieldnames or ()) != FIELDS:
                raise KnowledgeBaseError(f"{path}: header must be {','.join(FIELDS)}")
            return [parse_row(row, f"{path.name}:{n}") for n, row in enumerate(reader, start=2)]
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read office holders {path}: {err}") from err


def read_generic_titles(path: Path = TITLES_PATH) -> dict[str, str]:
    """Generic English titles ("defense minister") to offices, any country."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as stream:
        return {row["title"]: row["office"] for row in csv.DictReader(stream)}


@lru_cache(maxsize=1)
def _default_table() -> HolderTable:
    return HolderTable(read_holders(HOLDERS_PATH), read_generic_titles())


def load_holders(path: Path | None = None) -> HolderTable:
    """The office-holder table: the shipped one (cached) or the CSV at ``path``."""
    if path is None:
        return _default_table()
    return HolderTable(read_holders(path), read_generic_titles())
