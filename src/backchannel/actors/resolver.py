"""Resolve a mention to an actor: scan it for known parts, then combine them.

A mention such as "French President Emmanuel Macron" is scanned into parts (a demonym,
a title, a person); ``combine`` turns the parts into one ``Actor``, time-aware: a title
with a country is the office holder on the date, a person is placed by the role they
held on the date, and a *former* holder is one of the elite (ELI). A non-state group keeps its
home country beside ``NSA`` (or governs it while in power). ``resolve_text`` adds what only a
lone mention needs: a city's name (the GeoNames gazetteer), approximate spelling, context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from backchannel.actors.gazetteer import city, fuzzy_city
from backchannel.actors.holders import Holder
from backchannel.actors.kb import ANCHORS, Entry, KnowledgeBase, case_ok
from backchannel.records import Actor

FUZZY_CUTOFF = 85.0  # rapidfuzz ratio (0-100) an unknown word needs to match an alias
FUZZY_MIN = 7  # shorter words have too many near neighbours ("Nauru", "Nakuru")
_WORD = re.compile(r"[A-Z][\w'’-]{6,}")  # a capitalised word of FUZZY_MIN letters or more
# A former office holder is one of the elite (ELI): the Phoenix agent dictionary codes
# FORMER_PRESIDENT, FORMER_PRIME_MINISTER and RETIRED as ELI, and so do the NGEC actor tests
FORMER_SECTOR = "ELI"
# A city of the gazetteer named alone stands for its people ("Mongbwalu residents", the NGEC
# tests' "Mongwalu"); the places of places.csv, states and regions among them ("Texas sued"),
# keep no sector, and a seat of government ("Canberra", "the Kremlin") keeps its GOV
CITY_SECTOR = "CVL"
_PARTICLES = frozenset({"de", "del", "do", "da", "la", "le", "el", "al", "of", "upon", "am"})


@dataclass(slots=True)
class Part:
    """A known alias found in a text: its span and what it can stand for."""

    start: int
    end: int
    entries: list[Entry]

    @property
    def kind(self) -> str:
        return self.entries[0].kind

    @property
    def entry(self) -> Entry:
        return self.entries[0]


def lower_same_length(text: str) -> str:
    """``text`` lower-cased without changing any offset."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _bounded(text: str, start: int, end: int) -> bool:
    before = start == 0 or not text[start - 1].isalnum()
    return before and (end == len(text) or not text[end].isalnum())


def scan(kb: KnowledgeBase, text: str) -> list[Part]:
    """Known aliases in ``text``: word-bounded, capitals checked, leftmost-longest."""
    found = []
    for last, key in kb.automaton.iter(lower_same_length(text)):
        start, end = last - len(key) + 1, last + 1
        if _bounded(text, start, end) and any(
            case_ok(form, text[start:end]) for form in kb.forms[key]
        ):
            found.append((start, -end, key))
    parts: list[Part] = []
    for start, neg_end, key in sorted(found):
        if not parts or start >= parts[-1].end:
            parts.append(Part(start, -neg_end, kb.entries[key]))
    return parts


def _first(parts: list[Part], kinds: frozenset[str] | set[str]) -> Part | None:
    return next((p for p in parts if p.kind in kinds), None)


def _person_entry(entries: list[Entry], when: date | None, sector: str | None) -> Entry:
    """The role a person held on ``when``, else the last one ended before it, else the latest
    known role (``sector``'s first)."""
    people = sorted(
        (e for e in entries if e.kind == "person"),
        key=lambda e: (e.sector != sector, e.term is None, e.start is None and e.end is None),
    )
    dated = [e for e in people if e.term is not None or e.start or e.end]
    if when is not None and dated:  # an undated row only names a person with dated roles
        people = dated
    if when is not None:
        for entry in people:
            if (entry.start is None or entry.start <= when) and (
                entry.end is None or when <= entry.end
            ):
                return entry
        ended = [e for e in people if e.end is not None and e.end < when]
        if ended:
            return max(ended, key=lambda e: (e.end or date.min, e.sector == sector))
    titled = [e for e in people if e.sector == sector] or people
    return max(titled, key=lambda e: (e.end is None, e.end or date.min, e.start or date.min))


def _is_former(entry: Entry, when: date | None) -> bool:
    return when is not None and entry.end is not None and entry.end < when


def _is_future(entry: Entry, when: date | None) -> bool:
    """A role that began after ``when``: what the person was then is unknown."""
    return when is not None and entry.start is not None and when < entry.start


def _person_actor(text: str, parts: list[Part], person: Part, when: date | None) -> Actor:
    title = _first(parts, {"title"})
    entry = _person_entry(person.entries, when, title.entry.sector if title else None)
    anchor = _first(parts, ANCHORS)
    sector = entry.sector or (title.entry.sector if title else None)
    country = entry.country or (anchor.entry.country if anchor else None)
    # a title in the mention ("President Rouhani") asserts the office even after the term ended
    # (the report is of an earlier event); a bare name after every term is a former holder
    former = _is_former(entry, when) and title is None
    future = _is_future(entry, when) and title is None
    holds = (entry.term is not None or entry.start is not None) and not (former or future)
    if former or future:  # "opposition leader Yair Lapid" after his term is in the opposition
        agents = [p for p in parts if p.kind == "agent"]
        sector = (_agent_sector(agents) if agents else None) or (FORMER_SECTOR if former else None)
    if title is not None and (office := _office_country(anchor, entry)) is not None:
        return Actor(text, entry.name, office, title.entry.sector, entry.kb_id)
    kb_id = entry.kb_id or next((e.kb_id for e in person.entries if e.kb_id), None)
    actor = Actor(text, entry.name, country, sector, kb_id, entry.name if holds else None)
    actor.home_country = entry.home if country == "NSA" else None
    return actor


def _office_country(anchor: Part | None, entry: Entry) -> str | None:
    """The country of a titled office the mention names when it is not the person's own
    ("Palestinian Prime Minister Ismail Haniyeh", whom the table knows as Hamas's leader)."""
    if anchor is None or anchor.kind != "country" or anchor.entry.country == entry.country:
        return None
    return anchor.entry.country


def _holder(kb: KnowledgeBase, country: str | None, title: Part, when: date | None) -> Entry:
    if country is None or when is None:
        return title.entry
    term = kb.offices.holder(country, title.entry.name or "", when)
    if term is None and title.entry.office:
        term = kb.offices.holder(country, title.entry.office, when)
    if term is None:
        return title.entry
    return Entry("person", term.person, country, "GOV", term.qid, term=term)


def _title_actor(
    kb: KnowledgeBase, text: str, parts: list[Part], title: Part, when: date | None
) -> Actor:
    at = parts.index(title)
    anchor = _first(parts[:at], ANCHORS) or _first(parts[at + 1 :], ANCHORS)
    country = anchor.entry.country if anchor else title.entry.country  # "the Pope": VAT
    held = _holder(kb, country, title, when)
    if held.kind == "person":
        return Actor(text, held.name, country, title.entry.sector, held.kb_id, held.name)
    name = anchor.entry.name if anchor else None
    return Actor(text, name, country, title.entry.sector, anchor.entry.kb_id if anchor else None)


def _sector(kb: KnowledgeBase, text: str, parts: list[Part], anchor: Part | None) -> str | None:
    agents = [p for p in parts if p.kind == "agent"] or [p for p in parts if p.kind == "modifier"]
    if anchor is not None and anchor.kind == "org" and anchor.entry.sector:
        return anchor.entry.sector
    if agents:
        sector = _agent_sector(agents)
        return "CVL" if sector == "UNK" and anchor is not None else sector
    if anchor is not None and anchor.entry.sector:
        return anchor.entry.sector
    orgs = (p for p in parts if p.kind == "org" and p.entry.sector)
    return next((_org_sector(kb, text, p, anchor) for p in orgs), None)


def _agent_sector(agents: list[Part]) -> str | None:
    """The sector of the last agent noun; a head noun ("leader", "officials", "commanders")
    after another agent noun takes that one's ("opposition leader" OPP, "rebel commanders" REB)."""
    if len(agents) > 1 and agents[-1].entry.head:
        return agents[-2].entry.sector
    return agents[-1].entry.sector


def _org_sector(kb: KnowledgeBase, text: str, org: Part, anchor: Part | None) -> str | None:
    """An organisation's sector; one of another country named after a country ("Chile's
    Defense Department") is a common noun phrase there: the sector of its head noun."""
    own, beside = org.entry.country, anchor.entry.country if anchor else None
    if own is None or beside is None or own == beside:
        return org.entry.sector
    head = text[org.start : org.end].split()[-1].lower()
    return next((e.sector for e in kb.entries.get(head, ()) if e.kind == "agent"), None)


def _anchor_actor(kb: KnowledgeBase, text: str, parts: list[Part], when: date | None) -> Actor:
    anchor = _first(parts, ANCHORS)
    sector = _sector(kb, text, parts, anchor)
    if anchor is None:
        return Actor(text, None, None, sector)
    entry = anchor.entry
    country = entry.country
    if country is None and (other := _first([p for p in parts if p is not anchor], ANCHORS)):
        country = other.entry.country
    holder = None  # "the Kremlin" is Putin on the date; "the Kremlin spokesman" is not
    if entry.office and country and when and not _first(parts, {"agent"}):
        term = kb.offices.holder(country, entry.office, when)
        holder = term.person if term else None
    return Actor(text, entry.name, country, sector, entry.kb_id, holder)


def combine(
    kb: KnowledgeBase, text: str, parts: list[Part], when: date | None = None
) -> Actor | None:
    """One actor from the parts of one mention."""
    person = _first(parts, {"person"})
    title = _first(parts, {"title"})
    if person is not None:
        actor = _person_actor(text, parts, person, when)
    elif title is not None and not _first(parts[parts.index(title) + 1 :], {"agent"}):
        actor = _title_actor(kb, text, parts, title, when)
    elif _first(parts, ANCHORS | {"agent", "modifier"}) is not None:
        actor = _anchor_actor(kb, text, parts, when)
    else:
        return None
    _place_group(actor, parts, when)
    if _first(parts, {"former"}) is not None:
        _make_former(kb, actor, named=person is not None)
    return actor


def _place_group(actor: Actor, parts: list[Part], when: date | None) -> None:
    """A non-state group keeps its home country beside ``NSA``; while it governs (the Taliban
    1996-2001 and since August 2021) it is its country's government."""
    group = next((p.entry for p in parts if p.kind == "org" and p.entry.home), None)
    if group is None or actor.country != "NSA":
        return
    if _governs(group, when):
        actor.country = group.home
        actor.sector = "GOV" if actor.sector == group.sector else actor.sector
    else:
        actor.home_country = group.home


def _governs(group: Entry, when: date | None) -> bool:
    """Whether a group governs its country on ``when`` (no date: today, the last period)."""
    if when is None:
        return bool(group.governs) and group.governs[-1][1] is None
    return any(start <= when and (end is None or when < end) for start, end in group.governs)


def _make_former(kb: KnowledgeBase, actor: Actor, named: bool) -> None:
    """A former holder is one of the elite; "the former president" is not today's president."""
    actor.sector, actor.role_holder = FORMER_SECTOR, None
    if not named and actor.country in kb.country_names:
        country = kb.country_names[actor.country]
        actor.name, actor.kb_id = country.name, country.kb_id


def country_in(kb: KnowledgeBase, text: str) -> str | None:
    """The first country (or a country's organisation) named in ``text``."""
    for part in scan(kb, text):
        for entry in part.entries:
            if entry.kind in ANCHORS and entry.country and entry.country not in ("IGO", "NSA"):
                return entry.country
    return None


def fuzzy_parts(kb: KnowledgeBase, text: str) -> list[Part]:
    """Parts found by approximate spelling (the whole mention, else one long capitalised
    word of seven letters or more), for words no exact lookup knows; a misspelling keeps its
    first letter."""
    vocabulary = kb.proper_aliases()
    parts = []
    for match in [re.match(r".+", text.strip()), *_WORD.finditer(text)]:
        if match is None or len(match.group()) < FUZZY_MIN:
            continue
        word = match.group().lower()
        best = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is not None and best[0][0] == word[0]:
            parts.append(Part(match.start(), match.end(), kb.entries[best[0]]))
            break
    return parts


def _reason(part_text: str, entry: Entry, why: str) -> dict[str, str]:
    return {"part": part_text, "kind": entry.kind, "source": entry.source or "", "why": why}


def _term_reason(part_text: str, term: Holder) -> dict[str, str]:
    end = term.end.isoformat() if term.end else "now"
    why = f"{term.person}, {term.office} of {term.country} {term.start.isoformat()}–{end}"
    return {"part": part_text, "kind": "office holder", "source": term.source, "why": why}


def _person_reasons(
    text: str, parts: list[Part], person: Part, when: date | None
) -> list[dict[str, str]]:
    title = _first(parts, {"title"})
    entry = _person_entry(person.entries, when, title.entry.sector if title else None)
    said = text[person.start : person.end]
    if entry.term is not None:
        found = _term_reason(said, entry.term)
    else:
        span = f"{entry.start or '…'}–{entry.end or '…'}" if entry.start or entry.end else "undated"
        found = _reason(said, entry, f"person, role {entry.sector or '-'} {span}")
    if title is None and _is_former(entry, when):
        found["why"] += f"; ended before the date: a former holder ({FORMER_SECTOR})"
    elif title is None and _is_future(entry, when):
        found["why"] += "; begins after the date: no role then"
    return [found]


def decided_by(kb: KnowledgeBase, text: str, when: date | None = None) -> list[dict[str, str]]:
    """Which knowledge-base rows decided how ``text`` resolves (``combine``'s order: a person,
    else a title and its holder on the date, else a country or organisation with its agent
    nouns), each with its ``file:line`` and why; a city from the gazetteer says so."""
    parts = scan(kb, text)
    if not parts and (place := city(text)) is not None:
        return [_city_reason(text, place.name, "a city: its people")]
    if not parts and (parts := fuzzy_parts(kb, text)):
        return [
            r | {"why": r["why"] + "; by approximate spelling"}
            for r in _reasons(kb, text, parts, when)
        ]
    if not parts and (place := fuzzy_city(text)) is not None:
        return [_city_reason(text, place.name, "a city, by approximate spelling")]
    return _reasons(kb, text, parts, when)


def _city_reason(text: str, name: str, why: str) -> dict[str, str]:
    source = "cities.tsv (GeoNames)"
    return {"part": text, "kind": "city", "source": source, "why": f"{name}, {why} ({CITY_SECTOR})"}


def _reasons(
    kb: KnowledgeBase, text: str, parts: list[Part], when: date | None
) -> list[dict[str, str]]:
    reasons = []
    person, title = _first(parts, {"person"}), _first(parts, {"title"})
    if person is not None:
        reasons += _person_reasons(text, parts, person, when)
    for part in parts:
        said, entry = text[part.start : part.end], part.entry
        if part is person:
            continue
        if part is title and person is None and when is not None:
            anchor = _first(parts, ANCHORS)
            held = _holder(kb, anchor.entry.country if anchor else entry.country, part, when)
            if held.term is not None:
                reasons.append(_term_reason(said, held.term))
                continue
        reasons.append(_reason(said, entry, _what(entry)))
    return reasons


def _what(entry: Entry) -> str:
    country, sector = entry.country or "-", entry.sector or "-"
    return f"{entry.kind} {entry.name or ''} {country}/{sector}".replace("  ", " ")


def resolve_text(
    kb: KnowledgeBase,
    text: str,
    when: date | None = None,
    context: str | None = None,
    fuzzy: bool = True,
) -> Actor | None:
    """Resolve one mention: known aliases, then a city's name, then (with ``fuzzy``)
    approximate spelling; a mention placed nowhere takes the country of the city it names
    or of its context."""
    parts = scan(kb, text)
    if not parts and (place := city(text)) is not None:
        return Actor(text, place.name, place.country, CITY_SECTOR)
    actor = combine(kb, text, parts or (fuzzy_parts(kb, text) if fuzzy else []), when)
    if actor is None:
        place = fuzzy_city(text) if fuzzy else None
        return None if place is None else Actor(text, place.name, place.country, CITY_SECTOR)
    if actor.country is None:
        rest = _unexplained(text, parts) if parts else ""
        place = city(rest) if _proper(rest) else None
        actor.country = place.country if place else country_in(kb, context or "")
    return actor


def _proper(text: str) -> bool:
    """Whether ``text`` reads as a place name: every word capitalised but a few particles."""
    words = text.split()
    return bool(words) and all(w[0].isupper() or w in _PARTICLES for w in words)


def _unexplained(text: str, parts: list[Part]) -> str:
    """What is left of ``text`` once its known parts and a leading article are cut out."""
    for part in reversed(parts):
        text = text[: part.start] + " " + text[part.end :]
    return re.sub(r"^\s*(?:the|a|an)\s+", "", " ".join(text.split()), flags=re.IGNORECASE)


__all__ = ["Part", "case_ok", "combine", "decided_by", "resolve_text", "scan"]
