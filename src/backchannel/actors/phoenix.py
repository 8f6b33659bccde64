"""Read the Phoenix / PETRARCH-2 dictionaries (TABARI formats, MIT): actors and agents.

An actor file is a series of records: name lines (the first, and ``+`` synonyms) followed by
code lines (``[AFGGOV 011222-141001]``, tab-indented, or inline after a name); a name line
after a record's codes starts the next record. A code is a country (or ``IGO``, ``NGO``,
``MNC``...) followed by three-letter sub-codes; a date restriction is ``START-END``,
``>START`` or ``<END`` in ``YYMMDD`` or ``YYYYMMDD`` (inclusive). The agent file holds
``PHRASE {PLURAL} [~CODE]`` lines with ``!SET! = A, B`` substitution sets; regular plurals are
formed as PETRARCH forms them. Names are written in upper case with ``_`` between words:
``written`` turns them into the case the knowledge base matches with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from backchannel.errors import KnowledgeBaseError

_CODE = re.compile(r"\[([^\]\s]*)(?:\s+([<>]?\d{6,8}(?:-\d{6,8})?))?\s*\]")
_PARENS = re.compile(r"\(([^)]*)\)")
_PARTICLES = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "de",
        "del",
        "della",
        "des",
        "du",
        "da",
        "do",
        "la",
        "le",
        "el",
        "al",
        "in",
        "on",
        "at",
        "to",
        "von",
        "van",
        "der",
        "bin",
        "bint",
        "ibn",
        "y",
        "e",
        "et",
        "und",
    ]
)
_HYPHEN_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "bin-", "abu-")
_SET = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^(.+?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class Code:
    """One code of a record, with the days it applies (both ends inclusive; None: open)."""

    code: str
    start: date | None = None
    end: date | None = None
    dated: bool = False


@dataclass(slots=True)
class Record:
    """One actor of a dictionary: its names (upper case, as written there) and codes."""

    names: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    line: int = 0  # where the record starts (for provenance)


def _year(text: str) -> int:
    if len(text) == 8:
        return int(text[:4])
    two = int(text[:2])
    return 2000 + two if two <= 30 else 1900 + two


def phoenix_date(text: str) -> date | None:
    """``YYMMDD`` (years up to 30 are 20xx) or ``YYYYMMDD`` to a date; None if invalid."""
    try:
        return date(_year(text), int(text[-4:-2]), int(text[-2:]))
    except ValueError:
        return None


def parse_code(code: str, when: str | None) -> Code:
    if not when:
        return Code(code)
    if when[0] == ">":
        return Code(code, phoenix_date(when[1:]), None, True)
    if when[0] == "<":
        return Code(code, None, phoenix_date(when[1:]), True)
    start, _, end = when.partition("-")
    return Code(code, phoenix_date(start), phoenix_date(end), True)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _name_part(text: str) -> str:
    """The name of a name line: before its code, without the leading ``+``."""
    return text.split("[", 1)[0].strip().lstrip("+").strip()


def read_actor_file(path: Path) -> list[Record]:
    """The records of a Phoenix ``.actors.txt`` file, in file order."""
    records: list[Record] = []
    current = Record()
    for number, raw in enumerate(_lines(path), start=1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        codes = [parse_code(m.group(1), m.group(2)) for m in _CODE.finditer(line)]
        name = "" if line[0] in "\t [" else _name_part(line)
        if name and not line.startswith("+") and (current.codes or not current.names):
            if current.names:
                records.append(current)
            current = Record(line=number)
        if name:
            current.names.append(name)
        current.codes.extend(c for c in codes if c.code)
    if current.names:
        records.append(current)
    return records


def _lines(path: Path) -> Iterator[str]:
    try:
        with path.open(encoding="utf-8", errors="replace") as stream:
            yield from stream
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read Phoenix dictionary {path}: {err}") from err


def _word(word: str, first: bool) -> str:
    low = word.lower()
    if not first and low in _PARTICLES:
        return low
    if low.startswith(_HYPHEN_PARTICLES):
        head, _, rest = low.partition("-")
        return f"{head}-{rest[:1].upper()}{rest[1:]}"
    return low[:1].upper() + low[1:]


def written(name: str, acronym: bool = False) -> str:
    """``MORO_ISLAMIC_LIBERATION_FRONT_`` -> ``Moro Islamic Liberation Front``; an acronym
    (one short word of an organisation, ``USAID``) keeps its capitals, so it matches exactly."""
    words = [w for w in re.split(r"[_\s]+", name.strip("_ ")) if w]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    if acronym and len(words) == 1 and words[0].isalpha() and len(words[0]) <= 6:
        return words[0].upper()
    return " ".join(_word(w, i == 0) for i, w in enumerate(words))


def name_variants(name: str) -> list[str]:
    """A name and the acronym in its parentheses: ``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_``."""
    inner = [m.group(1).strip("_ ") for m in _PARENS.finditer(name)]
    outer = " ".join(_PARENS.sub(" ", name).split())
    return [n for n in [outer, *inner] if n]


def _plural(word: str) -> str:
    if word.endswith("SS"):
        return word + "ES"
    if word.endswith("Y") and word[-2:-1] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"


def _agent_forms(phrase: str, plural: str | None) -> list[str]:
    """A phrase and its plural: regular unless ``{PLURAL}`` is given (``{}``: none)."""
    phrase = phrase.strip("_ ")
    if plural is None:
        return [phrase, _plural(phrase)]
    inner = plural.strip("{} ")
    return [phrase, inner] if inner else [phrase]


def read_agent_file(path: Path) -> list[tuple[str, str, int]]:
    """(phrase, code, line) of a Phoenix agents file, substitution sets expanded; the phrase
    has single spaces between words, upper case as written there."""
    sets: dict[str, list[str]] = {}
    agents: list[tuple[str, str, int]] = []
    for number, raw in enumerate(_lines(path), start=1):
        line = _strip_comment(raw).strip()
        if (found := _SET.match(line)) is not None:
            sets[found.group(1)] = [item.strip() for item in found.group(2).split(",")]
        elif (match := _AGENT.match(line)) is not None:
            code, phrase = match.group(3).strip(), match.group(1)
            expanded = _expand(phrase, sets)
            forms = expanded if "!" in phrase else _agent_forms(phrase, match.group(2))
            for form in forms:
                agents.append((" ".join(re.split(r"[_\s]+", form.strip("_ "))), code, number))
    return agents


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """A phrase with its substitution set replaced by each of the set's items (no plurals)."""
    for marker, items in sets.items():
        if marker in phrase:
            return [phrase.replace(marker, item) for item in items]
    return [phrase]
