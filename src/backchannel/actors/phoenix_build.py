"""``backchannel kb build --phoenix DIR``: the Phoenix dictionaries as knowledge-base tables.

Countries' name variants, national and international actors (dated roles), armed non-state
groups (``NSA`` with their home country), companies and NGOs become ``phoenix_actors.csv``;
agent nouns become ``phoenix_agents.csv``. Codes are read through ``phoenix_codes.csv``
(CAMEO sectors to PLOVER's, old country codes to ours). Names that would match common
words are left out (one-word names that are English words of the CAMEO and agent
dictionaries, spaCy's stop words, or someone's first name; names shared by actors of
different countries). A person the office-holder table knows keeps that table's exact dates
for the terms it lists, with both sources named. The hand-written tables win at load time.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from backchannel.actors.holders import DATA_DIR, HolderTable, load_holders
from backchannel.actors.kb_build import write_csv
from backchannel.actors.phoenix import (
    Record,
    name_variants,
    read_actor_file,
    read_agent_file,
    written,
)
from backchannel.errors import KnowledgeBaseError

ACTOR_FIELDS = ("name", "aliases", "country", "sector", "start", "end", "home", "kind", "source")
AGENT_FIELDS = ("text", "sector", "source")
FILES = {
    "Phoenix.Countries.actors.txt": "state",
    "Phoenix.International.actors.txt": "international",
    "Phoenix.MilNonState.actors.txt": "nonstate",
}
AGENTS_FILE = "Phoenix.agents.txt"
FORMER = "-"  # phoenix_codes.csv: a code that names no role (ELI)
_PREFIXES = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "the",
        "former",
        "ex",
        "late",
        "then",
        "sir",
    ]
)
_ODD = re.compile(r"[^A-Za-z0-9 .'&-]")
_REBELS = frozenset({"REB"})
_ARMED = frozenset({"REB", "CRM", "UAF"})  # a non-state group's religion is no sector


@dataclass(frozen=True, slots=True)
class Codebook:
    countries: dict[str, str]  # a code to the country it stands for
    sectors: dict[str, str]  # a code to a PLOVER sector, or FORMER


@dataclass(slots=True)
class Row:
    names: list[str]
    country: str
    sector: str
    kind: str
    source: str
    start: date | None = None
    end: date | None = None
    home: str = ""


def read_codebook(data_dir: Path) -> Codebook:
    countries = {row["iso3"]: row["iso3"] for row in _csv(data_dir / "countries.csv")}
    sectors = {}
    for row in _csv(data_dir / "phoenix_codes.csv"):
        if row["country"]:
            countries[row["code"]] = row["country"]
        if row["sector"]:
            sectors[row["code"]] = row["sector"]
    return Codebook(countries, sectors)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def _sector(book: Codebook, chunks: list[str]) -> str:
    return next((book.sectors[c] for c in chunks if c in book.sectors), "")


def decode(book: Codebook, code: str, source: str) -> tuple[str, str, str] | None:
    """A code to (country, sector, home): ``AFGGOV`` -> AFG GOV, ``PHLREB`` -> NSA REB PHL,
    ``IGOUNO`` -> IGO, ``MNCUSA`` -> USA BUS; None for codes of no country we know."""
    first, *rest = _chunks(code)
    sector = _sector(book, rest)
    country = next((book.countries[c] for c in rest if c in book.countries), "")
    if first == "IGO":
        return "IGO", sector if sector == FORMER else "", ""
    if first in ("NGO", "MNC"):
        fallback = "SOC" if first == "NGO" else "BUS"
        chosen = sector if first == "NGO" or sector == "JRN" else fallback
        return country, chosen if chosen not in ("", FORMER) else fallback, ""
    if first in book.countries:
        if source == "nonstate" or sector in _REBELS:
            return "NSA", sector if sector in _ARMED else "REB", book.countries[first]
        return book.countries[first], sector, ""
    if source == "nonstate":
        return "NSA", sector if sector in _ARMED else "REB", ""
    return None


def _dated_rows(book: Codebook, record: Record, source: str, where: str) -> list[Row]:
    rows = []
    for code in record.codes:
        decoded = decode(book, code.code, source) if code.dated else None
        if decoded is not None and decoded[1] != FORMER:
            country, sector, home = decoded
            sector = sector or ("GOV" if country == "IGO" else "")
            rows.append(Row([], country, sector, "person", where, code.start, code.end, home))
    return rows


def record_rows(book: Codebook, record: Record, source: str, where: str) -> list[Row]:
    """The rows of one record: a person's dated roles, else one undated row."""
    if rows := _dated_rows(book, record, source, where):
        return rows
    decoded = [decode(book, c.code, source) for c in record.codes]
    found = [d for d in decoded if d is not None]
    if not found:
        return []
    country, sector, home = found[-1] if all(c.dated for c in record.codes) else found[0]
    if sector == FORMER:
        return [Row([], country, "ELI", "person", where)] if country != "IGO" else []
    kind = "country" if not sector and country in book.countries.values() else "org"
    return [Row([], country, sector, kind, where, home=home)]


class Words:
    """Which one-word names are too common to stand for an actor."""

    def __init__(
        self, common: set[str], first_names: set[str], prefixes: set[str], nouns: set[str]
    ) -> None:
        self.common = common | first_names | set(STOP_WORDS)
        self.prefixes = _PREFIXES | prefixes
        self.nouns = prefixes | nouns

    def keep(self, alias: str, kind: str) -> bool:
        if len(alias) < 3 or _ODD.search(alias) or not alias.isascii():
            return False
        words = alias.lower().split()
        if kind == "person" and self._titled(words):
            return False
        if " ".join(words) in self.nouns:  # "Senate", "Foreign Ministry": common nouns
            return False
        if len(words) > 1:
            return True
        return alias.isupper() or (len(alias) >= 4 and words[0] not in self.common)

    def _titled(self, words: list[str]) -> bool:
        """A person's name written with a title or country before it ("President Obama")."""
        starts = (words[0], " ".join(words[:2]), " ".join(words[:3]))
        return any(s in self.prefixes for s in starts[: len(words) - 1]) or (
            words[0].startswith("ex-") or "administration" in words
        )


def kb_words(data_dir: Path) -> set[str]:
    """Titles, agent nouns, country names and demonyms of the hand-written tables."""
    words = {row["title"].lower() for row in _csv(data_dir / "titles.csv")}
    words |= {row["text"].lower() for row in _csv(data_dir / "agents.csv")}
    for row in _csv(data_dir / "countries.csv"):
        for key in ("name", "aliases", "demonyms"):
            words |= {part.strip().lower() for part in row[key].split(";") if part.strip()}
    return words


def common_words(directory: Path) -> set[str]:
    """The English words of the verb and agent dictionaries (lower case)."""
    words: set[str] = set()
    for name in ("CAMEO.2.0.txt", AGENTS_FILE):
        path = directory / name
        if path.exists():
            text = path.read_text(encoding="utf-8", errors="replace")
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
    return words


def first_names(records: Iterable[Record]) -> set[str]:
    """First words of the people's names (the first name of a dated record, two words or more)."""
    names = set()
    for record in records:
        words = re.split(r"[_\s]+", record.names[0].strip("_ "))
        if len(words) > 1 and any(code.dated for code in record.codes):
            names.add(words[0].lower())
    return names


def aliases(record: Record, kind: str, words: Words) -> list[str]:
    acronym = kind == "org"
    found = [written(v, acronym) for n in record.names for v in name_variants(n)]
    return list(dict.fromkeys(a for a in found if words.keep(a, kind)))


def _unambiguous(rows: list[Row]) -> list[Row]:
    """Rows without the names that actors of different countries share."""
    places: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for name in row.names:
            places[name.lower()].add(row.country)
    for row in rows:
        row.names = [n for n in row.names if len(places[n.lower()]) == 1]
    return [row for row in rows if row.names]


def _overlaps(row: Row, start: date, end: date | None) -> bool:
    return (row.start is None or end is None or row.start < end) and (
        row.end is None or start <= row.end
    )


def merge_holders(rows: list[Row], holders: HolderTable) -> list[Row]:
    """A person the office-holder table knows: its terms (exact dates, both sources named)
    replace the dictionary's roles they overlap."""
    by_name = defaultdict(list)
    for term in holders.holders:
        for name in term.names:
            by_name[term.country, name.lower()].append(term)
    merged: list[Row] = []
    for source, group in _by_source(rows):
        first = group[0]
        found = (t for name in first.names for t in by_name.get((first.country, name.lower()), ()))
        terms = {(t.start, t.end): t for t in found}.values()
        if first.kind != "person" or not terms:
            merged.extend(group)
            continue
        kept = [r for r in group if not any(_overlaps(r, t.start, t.end) for t in terms)]
        both = f"{source};office_holders.csv"
        merged.extend(
            Row(first.names, t.country, "GOV", "person", both, t.start, t.end) for t in terms
        )
        merged.extend(kept)
    return merged


def _by_source(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.source, []).append(row)
    return list(groups.items())


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def actor_dict(row: Row) -> dict[str, str]:
    values = (row.names[0], ";".join(row.names[1:]), row.country, row.sector,
              _iso(row.start), _iso(row.end), row.home, row.kind, row.source)  # fmt: skip
    return dict(zip(ACTOR_FIELDS, values, strict=True))


def actor_rows(directory: Path, book: Codebook, prefixes: set[str]) -> list[Row]:
    records = {name: read_actor_file(_path(directory, name)) for name in FILES}
    people = first_names(r for rs in records.values() for r in rs)
    nouns = {phrase.lower() for phrase, _, _ in read_agent_file(_path(directory, AGENTS_FILE))}
    words = Words(common_words(directory), people, prefixes, nouns)
    rows: list[Row] = []
    for name, source in FILES.items():
        for record in records[name]:
            found = record_rows(book, record, source, f"{name}:{record.line}")
            names = aliases(record, found[0].kind, words) if found else []
            for row in found if names else ():
                row.names = names
                rows.append(row)
    return _unambiguous(rows)


def _path(directory: Path, name: str) -> Path:
    path = directory / name
    if not path.is_file():
        raise KnowledgeBaseError(f"no Phoenix dictionary {name} in {directory}")
    return path


def agent_rows(directory: Path, book: Codebook) -> list[dict[str, str]]:
    """Agent nouns (lower case) with their PLOVER sector; the first code of a phrase wins."""
    rows: dict[str, dict[str, str]] = {}
    for phrase, code, line in read_agent_file(_path(directory, AGENTS_FILE)):
        sector = _sector(book, _chunks(code.strip("~")))
        text = phrase.lower()
        if sector and sector != FORMER and not _ODD.search(text) and text not in rows:
            rows[text] = {"text": text, "sector": sector, "source": f"{AGENTS_FILE}:{line}"}
    return list(rows.values())


def build_phoenix(directory: Path, out: Path, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Write ``phoenix_actors.csv`` and ``phoenix_agents.csv`` under ``out``; counts rows."""
    book = read_codebook(data_dir)
    rows = actor_rows(directory, book, kb_words(data_dir))
    rows = merge_holders(rows, load_holders(data_dir / "office_holders.csv"))
    agents = agent_rows(directory, book)
    write_csv(out / "phoenix_actors.csv", ACTOR_FIELDS, [actor_dict(r) for r in rows])
    write_csv(out / "phoenix_agents.csv", AGENT_FIELDS, agents)
    return {"phoenix_actors": len(rows), "phoenix_agents": len(agents)}
