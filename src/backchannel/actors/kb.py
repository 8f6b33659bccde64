"""The actor knowledge base: every alias the resolver knows, from the data files.

``data/actors/`` holds countries (names, aliases, demonyms, seats of government),
organisations (IGOs, non-state groups, state bodies, media), people, agent nouns and
titles; the office-holder table adds office holders and their titles. Every alias is a
key of one Aho-Corasick automaton over lower-cased text; ``case_ok`` checks that a
match has the capitals its alias demands (so "US" is never "us").
"""

from __future__ import annotations

import csv
import gc
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

from backchannel.actors.holders import DATA_DIR, Holder, HolderTable, load_holders
from backchannel.errors import KnowledgeBaseError

ORGANISATION_FIELDS = ("name", "aliases", "country", "sector", "qid", "home", "governs")
HEADERS = {
    "countries.csv": ("iso3", "qid", "name", "aliases", "demonyms", "seats"),
    "organisations.csv": ORGANISATION_FIELDS,
    "people.csv": ("name", "aliases", "country", "sector", "qid", "start", "end", "note", "home"),
    "places.csv": ("name", "aliases", "country", "sector"),
    "agents.csv": ("text", "sector", "kind", "needs_context", "head"),
    "titles.csv": ("title", "office", "sector", "country"),
    "phoenix_actors.csv": (
        "name", "aliases", "country", "sector", "start", "end", "home", "kind", "source",
    ),
    "phoenix_agents.csv": ("text", "sector", "source"),
}  # fmt: skip
ANCHORS = frozenset({"country", "org"})
PHOENIX, PHOENIX_AGENTS = "phoenix_actors.csv", "phoenix_agents.csv"
Period = tuple[date, date | None]  # from a day up to, not including, another (None: still)
PROPER = frozenset({"country", "org", "person"})


@dataclass(frozen=True, slots=True)
class Entry:
    """What one alias stands for."""

    kind: str  # country | org | person | title | agent | modifier | former
    name: str | None
    country: str | None = None
    sector: str | None = None
    kb_id: str | None = None
    office: str | None = None  # titles and seats of government: the office they stand for
    start: date | None = None  # people: when this role began and ended
    end: date | None = None
    term: Holder | None = None  # people from the office-holder table
    weak: bool = False  # agent nouns that are an actor only in context ("people", "court")
    head: bool = False  # agent nouns that take the sector of a noun before them ("rebel leader")
    home: str | None = None  # non-state groups: the country they are based in
    governs: tuple[Period, ...] = ()  # when a group that took power was its state's government
    source: str | None = None  # the file and line (or the source row) the entry comes from


@dataclass(slots=True)
class KnowledgeBase:
    """Aliases (lower-cased) to entries, the written forms of each alias, the office table."""

    offices: HolderTable
    entries: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    forms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    country_names: dict[str, Entry] = field(default_factory=dict)
    _automaton: Any = None
    _vocabulary: list[str] | None = None
    _modifiers: frozenset[str] | None = None
    _people: frozenset[str] | None = None

    def add(self, alias: str, entry: Entry) -> None:
        alias = " ".join(alias.split())
        if alias:
            self.entries[alias.lower()].append(entry)
            self.forms[alias.lower()].add(alias)

    @property
    def automaton(self) -> Any:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for key in self.entries:
                automaton.add_word(key, key)
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def is_seat(self, alias: str) -> bool:
        """Whether ``alias`` names a capital standing for its government ("Paris", "Minsk";
        not "France", nor "the Kremlin", an office)."""
        entries = self.entries.get(" ".join(alias.lower().split()), [])
        return any(e.kind == "country" and e.sector == "GOV" and e.office is None for e in entries)

    def is_title(self, word: str) -> bool:
        """Whether ``word`` is a person's title ("president", "commander", "spokesman")."""
        return any(e.kind == "title" for e in self.entries.get(word.lower(), []))

    def person_names(self) -> frozenset[str]:
        """The names of the people the knowledge base knows (people and office holders)."""
        if self._people is None:
            self._people = frozenset(
                e.name for entries in self.entries.values() for e in entries
                if e.kind == "person" and e.name
            )  # fmt: skip
        return self._people

    def agent_modifiers(self) -> frozenset[str]:
        """The first words of the agent lexicon's phrases ("federal" in "federal police"):
        words that modify an agent noun, so never a place's name before one."""
        if self._modifiers is None:
            self._modifiers = frozenset(
                alias.split()[0]
                for alias, entries in self.entries.items()
                if " " in alias and any(e.kind == "agent" for e in entries)
            )
        return self._modifiers

    def proper_aliases(self) -> list[str]:
        """Aliases of countries and organisations (the fuzzy-matching vocabulary): not
        people's names, where a near spelling is another person ("Michael" is not the
        Estonian prime minister Michal)."""
        if self._vocabulary is None:
            self._vocabulary = [
                k
                for k, v in self.entries.items()
                if len(k) > 3 and v[0].kind in PROPER and v[0].kind != "person"
            ]
        return self._vocabulary


def case_ok(form: str, text: str) -> bool:
    """Whether ``text`` has the capitals of ``form``: acronyms exactly, names by initial."""
    if any(c.isupper() for c in form) and not any(c.islower() for c in form):
        return text == form
    for i, char in enumerate(form):
        if char.isupper() and (i == 0 or not form[i - 1].isalpha()) and not text[i].isupper():
            return False
    return True


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def _rows(name: str, data_dir: Path) -> Iterator[dict[str, str]]:
    path = data_dir / name
    if not path.exists():
        raise KnowledgeBaseError(f"knowledge-base file {path} is missing")
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        if name in HEADERS and tuple(reader.fieldnames or ()) != HEADERS[name]:
            raise KnowledgeBaseError(f"{path}: header must be {','.join(HEADERS[name])}")
        for row in reader:
            fields = {k: (v or "").strip() for k, v in row.items() if k}
            yield fields | {"_source": f"{name}:{reader.line_num}"}


def _periods(text: str) -> tuple[Period, ...]:
    """ "1996-09-27/2001-12-07;2021-08-15/": periods, the last one open."""
    periods = []
    for item in _split(text):
        start, _, end = item.partition("/")
        begun = _iso(start, "organisations.csv")
        if begun is None:
            raise KnowledgeBaseError(f"organisations.csv: a period needs a start: {item!r}")
        periods.append((begun, _iso(end, "organisations.csv")))
    return tuple(periods)


def _optional(value: str) -> str | None:
    return value or None


def _add_countries(kb: KnowledgeBase, data_dir: Path) -> None:
    for row in _rows("countries.csv", data_dir):
        entry = Entry(
            "country", row["name"], row["iso3"], None, _optional(row["qid"]), source=row["_source"]
        )
        kb.country_names[row["iso3"]] = entry
        for alias in [row["name"], *_split(row["aliases"]), *_split(row["demonyms"])]:
            kb.add(alias, entry)
        for seat in _split(row["seats"]):
            text, _, rest = seat.partition(":")
            sector, _, office = rest.partition(":")
            kb.add(
                text,
                Entry(
                    "country",
                    row["name"],
                    row["iso3"],
                    sector or "GOV",
                    entry.kb_id,
                    _optional(office),
                    source=entry.source,
                ),
            )


def _add_places(kb: KnowledgeBase, data_dir: Path) -> None:
    """Cities, regions and breakaway states: anchors with a country (a seat keeps its GOV)."""
    for row in _rows("places.csv", data_dir):
        entry = Entry(
            "country", row["name"], row["country"], _optional(row["sector"]), source=row["_source"]
        )
        for alias in _names(row):
            if alias.lower() not in kb.entries:
                kb.add(alias, entry)


def _names(row: dict[str, str]) -> list[str]:
    """A row's name and its aliases."""
    return [row["name"], *_split(row["aliases"])]


def _named(
    kind: str, row: dict[str, str], start: date | None = None, end: date | None = None
) -> Entry:
    """The entry of an organisation or a person (with the dates their role began and ended)."""
    country, sector, qid = (_optional(row.get(key, "")) for key in ("country", "sector", "qid"))
    return Entry(
        kind, row["name"], country, sector, qid, start=start, end=end, source=row["_source"]
    )


def _add_organisations(kb: KnowledgeBase, data_dir: Path) -> None:
    for row in _rows("organisations.csv", data_dir):
        entry = replace(
            _named("org", row),
            home=_optional(row["home"]),
            governs=_periods(row["governs"]),
        )
        for alias in _names(row):
            kb.add(alias, entry)


def _add_people(kb: KnowledgeBase, data_dir: Path) -> None:
    for row in _rows("people.csv", data_dir):
        entry = replace(
            _named("person", row, _iso(row["start"]), _iso(row["end"])), home=_optional(row["home"])
        )
        for alias in _names(row):
            kb.add(alias, entry)


def _iso(text: str, file: str = "people.csv") -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError as err:
        raise KnowledgeBaseError(f"{file}: bad date {text!r}") from err


def _add_words(kb: KnowledgeBase, data_dir: Path) -> None:
    for row in _rows("agents.csv", data_dir):
        weak, head = row["needs_context"] == "yes", row["head"] == "yes"
        sector = _optional(row["sector"])
        entry = Entry(row["kind"], None, None, sector, weak=weak, head=head, source=row["_source"])
        kb.add(row["text"], entry)
    for row in _rows("titles.csv", data_dir):
        country, office = _optional(row["country"]), _optional(row["office"])
        sector = row["sector"] or "GOV"
        entry = Entry("title", row["title"], country, sector, office=office, source=row["_source"])
        kb.add(row["title"], entry)


def _title_sector(kb: KnowledgeBase, title: str) -> str:
    """The sector of a title in ``titles.csv`` ("pope" is REL), GOV for any other office."""
    entries = kb.entries.get(title.lower(), ())
    return next((e.sector for e in entries if e.kind == "title" and e.sector), "GOV")


def _add_holders(kb: KnowledgeBase) -> None:
    for term in kb.offices.holders:
        entry = Entry(
            "person",
            term.person,
            term.country,
            _title_sector(kb, term.title),
            term.qid,
            term.office,
            term.start,
            term.end,
            term,
            source=term.source,
        )
        for alias in (term.person, *term.aliases):
            kb.add(alias, entry)
        if term.title.lower() not in kb.entries:
            title = Entry("title", term.title, None, "GOV", office=term.office, source=term.source)
            kb.add(term.title.lower(), title)


def _phoenix_entry(kb: KnowledgeBase, row: list[str], source: str) -> Entry | None:
    """A row of ``phoenix_actors.csv``: a country's other name, an organisation, a person
    (a plain reader and no ``replace``: thirty thousand rows load in a fraction of a second)."""
    name, _, country, sector, start, end, home, kind, origin = row
    source = f"{source} ({origin})"
    if kind == "country":
        own = kb.country_names.get(country)
        return None if own is None else replace(own, source=source)
    return Entry(
        kind,
        name,
        country or None,
        sector or None,
        start=_iso(start, PHOENIX),
        end=_iso(end, PHOENIX),
        home=home or None,
        source=source,
    )


def _plain_rows(name: str, data_dir: Path) -> Iterator[tuple[list[str], str]]:
    """Rows of a generated table (header checked) with their ``file:line``."""
    with (data_dir / name).open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        if tuple(next(reader, ())) != HEADERS[name]:
            raise KnowledgeBaseError(f"{data_dir / name}: header must be {','.join(HEADERS[name])}")
        for row in reader:
            yield row, f"{name}:{reader.line_num}"


def _add_phoenix(kb: KnowledgeBase, data_dir: Path) -> None:
    """The Phoenix dictionaries' actors and agent nouns, for names no other table knows.

    Their agent nouns need context, as ``needs_context`` agents do ("Chinese hunter")."""
    if not (data_dir / PHOENIX).exists():
        return
    known = set(kb.entries)
    for row, source in _plain_rows(PHOENIX, data_dir):
        entry = _phoenix_entry(kb, row, source)
        for alias in [row[0], *row[1].split(";")] if entry is not None else ():
            key = alias.lower()  # written with single spaces by the builder
            if alias and key not in known:
                kb.entries[key].append(entry)  # type: ignore[arg-type]
                kb.forms[key].add(alias)
    for (text, sector, origin), source in _plain_rows(PHOENIX_AGENTS, data_dir):
        if text not in known:
            entry = Entry("agent", None, None, sector, weak=True, source=f"{source} ({origin})")
            kb.add(text, entry)


def load_kb(
    data_dir: Path | None = None, holders: Path | None = None, phoenix: bool = True
) -> KnowledgeBase:
    """Build a knowledge base from ``data_dir`` and the office-holder table ``holders``
    (with the Phoenix tables, when ``phoenix`` and they are there)."""
    data_dir = data_dir or DATA_DIR
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects: no collection passes while they are made
    try:
        return _load(data_dir, holders, phoenix)
    finally:
        if collecting:
            gc.enable()


def _load(data_dir: Path, holders: Path | None, phoenix: bool) -> KnowledgeBase:
    kb = KnowledgeBase(load_holders(holders))
    _add_countries(kb, data_dir)
    _add_places(kb, data_dir)
    _add_organisations(kb, data_dir)
    _add_people(kb, data_dir)
    _add_words(kb, data_dir)
    _add_holders(kb)
    if phoenix:
        _add_phoenix(kb, data_dir)
    return kb


@lru_cache(maxsize=1)
def demonyms(data_dir: Path = DATA_DIR) -> frozenset[str]:
    """The demonyms of ``countries.csv``, lower-cased ("iranian", "palestinians"): words of
    a country that are never its name as a place."""
    rows = _rows("countries.csv", data_dir)
    return frozenset(d.lower() for row in rows for d in _split(row["demonyms"]))


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The shipped knowledge base, built once per process."""
    return load_kb()
