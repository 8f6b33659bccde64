"""Cities of the world: a place named in a mention gives the actor its country.

``data/actors/cities.tsv`` (built from GeoNames by ``backchannel kb build --geonames``)
maps every name of every city of 15,000 people or more to its country and GeoNames id; a
name shared by several cities goes to the most populous ("Sydney" is Australia). The table
is loaded on first use only: the resolver asks it when nothing in the knowledge base placed
a mention. The knowledge base's own places (``places.csv``) and capitals always come first.
``city_points.tsv`` (same builder) gives each city its coordinates and first-level
division, for where an event happened (``grounding/location.py``); it too is read on
first use only.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from backchannel.actors.holders import DATA_DIR
from backchannel.errors import KnowledgeBaseError

CITIES_PATH = DATA_DIR / "cities.tsv"
CODES_PATH = DATA_DIR / "country_codes.csv"
ADMIN1_PATH = DATA_DIR / "admin1.csv"
POINTS_PATH = DATA_DIR / "city_points.tsv"
CITY_FIELDS = ("alias", "country", "name", "geonames_id")
POINT_FIELDS = ("geonames_id", "name", "country", "admin1", "lat", "lon", "population")
FUZZY_CUTOFF = 90.0  # rapidfuzz ratio a one-word mention needs to match a city's name
MIN_POPULATION = 15_000
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z'’. -]{3,}")
# GeoNames "cities" dump columns (tab-separated, no header) that the builder reads
_ID, _NAME, _ASCII, _ALTERNATES, _LAT, _LON = 0, 1, 2, 3, 4, 5
_COUNTRY, _ADMIN1, _POPULATION = 8, 10, 14


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str  # ISO-3166 alpha-3
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Point:
    """A city on the map: its GeoNames id, names, first-level division and coordinates."""

    geonames_id: int
    name: str
    country: str  # ISO-3166 alpha-3
    admin1: str | None  # GeoNames admin1 code ("TX", "11"), None when GeoNames has none
    lat: float
    lon: float
    population: int


def fold(text: str) -> str:
    """Lower case without accents: "Puerto Peñasco" and "puerto penasco" are one key."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


@lru_cache(maxsize=1)
def cities(path: Path = CITIES_PATH) -> dict[str, City]:
    """Folded alias to city, read once (a plain split per line: 120,000 lines in ~0.2 s)."""
    rows = _rows(path, CITY_FIELDS)
    return {alias: City(name, country, int(gid)) for alias, country, name, gid in rows}


def _rows(path: Path, wanted: tuple[str, ...]) -> Iterator[list[str]]:
    """The tab-separated rows of a gazetteer file whose header is ``wanted``, streamed."""
    if not path.exists():
        raise KnowledgeBaseError(f"knowledge-base file {path} is missing")
    with path.open(encoding="utf-8") as stream:
        if tuple(next(stream, "").rstrip("\n").split("\t")) != wanted:
            raise KnowledgeBaseError(f"{path}: header must be {' TAB '.join(wanted)}")
        yield from (line.rstrip("\n").split("\t") for line in stream)


def _point(row: list[str]) -> Point:
    gid, name, country, admin1, lat, lon, population = row
    return Point(int(gid), name, country, admin1 or None, float(lat), float(lon), int(population))


@lru_cache(maxsize=1)
def points(path: Path = POINTS_PATH) -> dict[int, Point]:
    """GeoNames id to the city's point, read once (34,000 lines)."""
    return {found.geonames_id: found for found in map(_point, _rows(path, POINT_FIELDS))}


@lru_cache(maxsize=1)
def points_by_name() -> dict[str, tuple[Point, ...]]:
    """Folded own name to every city of that name, most populous first ("paris": France's
    Paris, then Paris, Texas): what a qualifier ("Paris, Texas") chooses among."""
    named: dict[str, list[Point]] = {}
    for point in points().values():
        named.setdefault(fold(point.name), []).append(point)
    return {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in named.items()}


def point(found: City) -> Point | None:
    """The point of a city of ``cities.tsv``."""
    return None if found.geonames_id is None else points().get(found.geonames_id)


def city(text: str) -> City | None:
    """The city ``text`` names exactly (any case, any accents), or None."""
    return cities().get(fold(text))


def fuzzy_city(word: str) -> City | None:
    """A one-word place spelled a little differently ("Mongwalu" for Mongbwalu)."""
    if len(word) < 7 or " " in word.strip():
        return None
    table = cities()
    best = process.extractOne(
        fold(word), table.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
    )
    return None if best is None else table[best[0]]


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level division named in ``admin1.csv`` (a US state)."""

    country: str
    code: str  # GeoNames admin1 code
    name: str
    geonames_id: int | None


@lru_cache(maxsize=1)
def regions(path: Path = ADMIN1_PATH) -> dict[str, tuple[Region, ...]]:
    """Folded name to the first-level divisions of that name."""
    named: dict[str, list[Region]] = {}
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            gid = int(row["geonames_id"]) if row["geonames_id"] else None
            region = Region(row["country"], row["code"], row["name"], gid)
            named.setdefault(fold(region.name), []).append(region)
    return {name: tuple(found) for name, found in named.items()}


@lru_cache(maxsize=1)
def country_ids(path: Path = CODES_PATH) -> dict[str, int]:
    """ISO alpha-3 to the country's own GeoNames id."""
    with path.open(encoding="utf-8", newline="") as stream:
        rows = csv.DictReader(stream)
        return {row["iso3"]: int(row["geonames_id"]) for row in rows if row.get("geonames_id")}


# -- building the table from a GeoNames dump ----------------------------------------------


def read_codes(path: Path = CODES_PATH) -> dict[str, str]:
    """ISO alpha-2 to alpha-3 for the countries the knowledge base knows."""
    with path.open(encoding="utf-8", newline="") as stream:
        return {row["iso2"]: row["iso3"] for row in csv.DictReader(stream)}


def _geonames_rows(path: Path) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                fields = line.rstrip("\n").split("\t")
                if len(fields) <= _POPULATION:
                    print(
                        f"backchannel: [BC300] {path}:{number}: not a GeoNames row", file=sys.stderr
                    )
                    continue
                yield fields
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read the GeoNames file {path}: {err}") from err


def _aliases(fields: list[str]) -> dict[str, int]:
    """Folded names of one city: 1 for its own names, 0 for alternate (Latin-script) ones."""
    names = {fold(a): 0 for a in fields[_ALTERNATES].split(",") if _LATIN_NAME.fullmatch(a)}
    names.update({fold(n): 1 for n in (fields[_NAME], fields[_ASCII]) if n.strip()})
    return names


def _point_of(fields: list[str], country: str, population: int) -> Point:
    lat, lon = float(fields[_LAT] or 0), float(fields[_LON] or 0)
    admin1 = fields[_ADMIN1] or None
    return Point(int(fields[_ID]), fields[_NAME], country, admin1, lat, lon, population)


def _write(out: Path, header: tuple[str, ...], rows: Iterable[Sequence[object]]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def build_cities(geonames: Path, out: Path, codes: dict[str, str] | None = None) -> int:
    """Write ``cities.tsv`` and, beside it, ``city_points.tsv`` from a GeoNames cities dump
    (e.g. ``cities15000.txt``), one line at a time. An alias goes to the most populous city of
    that name, a city's own name before another's alternate name ("Victoria" is not Hong
    Kong). Returns the number of aliases."""
    codes = codes if codes is not None else read_codes()
    best: dict[str, tuple[int, int, City]] = {}
    found: list[Point] = []
    for fields in _geonames_rows(geonames):
        country = codes.get(fields[_COUNTRY])
        population = int(fields[_POPULATION] or 0)
        if country is None or population < MIN_POPULATION:
            continue
        found.append(_point_of(fields, country, population))
        for alias, own in _aliases(fields).items():
            rank = (own, population, City(fields[_NAME], country, found[-1].geonames_id))
            if alias not in best or best[alias][:2] < rank[:2]:
                best[alias] = rank
    cities_rows = ([a, c.country, c.name, c.geonames_id] for a, (_, _, c) in sorted(best.items()))
    _write(out, CITY_FIELDS, cities_rows)
    points_rows = (_point_row(p) for p in sorted(found, key=_id))
    _write(out.parent / POINTS_PATH.name, POINT_FIELDS, points_rows)
    return len(best)


def _point_row(found: Point) -> list[object]:
    admin1 = found.admin1 or ""
    return [found.geonames_id, found.name, found.country, admin1, found.lat, found.lon,
            found.population]  # fmt: skip


def _id(found: Point) -> int:
    return found.geonames_id
