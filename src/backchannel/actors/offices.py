"""Office holders with their terms: who held which office on a given date.

Reads ``data/actors/office_holders.csv`` (header
``country,office,title,person,aliases,qid,start,end``; ISO dates, empty end = in office).
A missing file gives an empty table, so the resolver still works without it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from backchannel.errors import KnowledgeBaseError

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "actors" / "office_holders.csv"


@dataclass(frozen=True, slots=True)
class Term:
    """One person's term in one office."""

    country: str
    office: str
    title: str
    person: str
    aliases: tuple[str, ...]
    qid: str | None
    start: date | None
    end: date | None

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


def _date(text: str, path: Path) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError as err:
        raise KnowledgeBaseError(f"{path.name}: bad date {text!r}") from err


def _term(row: dict[str, str], path: Path) -> Term:
    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
    return Term(
        country=row["country"].strip(),
        office=row["office"].strip(),
        title=row["title"].strip(),
        person=row["person"].strip(),
        aliases=aliases,
        qid=(row.get("qid") or "").strip() or None,
        start=_date(row.get("start") or "", path),
        end=_date(row.get("end") or "", path),
    )


class OfficeTable:
    """Terms indexed by country + office, country + title, and person name or alias."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = tuple(terms)
        self._by_role: dict[tuple[str, str], list[Term]] = defaultdict(list)
        self._by_name: dict[str, list[Term]] = defaultdict(list)
        for term in self.terms:
            self._by_role[term.country, term.office].append(term)
            self._by_role[term.country, term.title.lower()].append(term)
            for name in (term.person, *term.aliases):
                self._by_name[name.lower()].append(term)

    def holder(self, country: str, role: str, on: date) -> Term | None:
        """The holder of ``role`` (an office or a title) in ``country`` on ``on``."""
        for term in self._by_role.get((country, role.lower()), ()):
            if term.covers(on):
                return term
        return None

    def has_role(self, country: str, role: str) -> bool:
        return (country, role.lower()) in self._by_role

    def by_name(self, name: str) -> list[Term]:
        return list(self._by_name.get(name.lower(), ()))


def load_offices(path: Path | None = None) -> OfficeTable:
    """The office-holder table from ``path`` (default: the shipped file; absent: empty)."""
    path = path or DEFAULT_PATH
    if not path.exists():
        return OfficeTable([])
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            return OfficeTable([_term(row, path) for row in csv.DictReader(stream)])
    except (KeyError, csv.Error) as err:
        raise KnowledgeBaseError(f"{path.name}: malformed office-holder table ({err})") from err
