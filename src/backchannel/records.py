"""The record types: one per concept, defined once.

Offsets (``start``/``end``) are always character offsets into ``Article.text`` as stored
(after cleaning), so every event can be traced back to the exact sentence.
Serialisation to the output contract lives in ``serialise.py``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from backchannel.safety import printable


def content_hash(text: str) -> str:
    """Stable identity of a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One news article. Before cleaning ``text`` may be raw text and ``html`` the page."""

    article_id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None  # "user" | "record" | "html" | "dateline" | None
    language: str | None = None
    origin: str | None = None  # where it came from: "path", "path:line", "warc:offset"
    html: str | None = None  # the raw page, until the clean stage reduces it to text
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(slots=True)
class Rejection:
    """A record that a stage refused: it is reported and stored, never silently dropped."""

    record: str  # the record's id or origin, as the user would recognise it
    stage: str  # "ingest" | "clean" | ...
    code: str  # stable error code, e.g. "BC104"
    message: str

    def __post_init__(self) -> None:  # names and reasons go to terminals and the store
        self.record, self.message = printable(self.record), printable(self.message)

    def __str__(self) -> str:
        return f"[{self.code}] record {self.record!r}: {self.message}"


@dataclass(slots=True)
class TextSpan:
    """A piece of the article text."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """A sentence of ``Article.text``; ``parse`` holds its spaCy Doc once parsed."""

    text: str
    start: int
    end: int
    candidate: bool = True  # may hold an event (only candidates are parsed)
    skipped: str | None = None  # why the relevance stage ruled it out ("sport: ...") or None
    parse: Any = None  # backchannel.nlp.Doc, parsed from ``text`` (token.idx + start = offset)


@dataclass(slots=True)
class Actor:
    """Who: a resolved actor (contract ACTOR)."""

    text: str
    name: str | None = None
    country: str | None = None  # ISO-3166 alpha-3, "IGO" or "NSA"
    sector: str | None = None  # PLOVER sector code
    kb_id: str | None = None  # Wikidata QID where known
    role_holder: str | None = None  # the person holding the office on the date
    home_country: str | None = None  # extension: an NSA group's home country (ISO alpha-3)


@dataclass(slots=True)
class Mention:
    """An actor mention found in the text."""

    text: str
    start: int
    end: int
    actor: Actor


@dataclass(slots=True)
class EventDate:
    """When an event happened (contract ``date``)."""

    start: str | None = None  # ISO date or partial TimeML value ("2019-09", "XXXX-06-13")
    end: str | None = None
    granularity: str | None = None  # "day" | "week" | "month" | "year" | None
    basis: str = "unknown"  # "explicit" | "relative" | "published" | "unknown"
    text: str | None = None


@dataclass(slots=True)
class Attribution:
    """According to whom (contract ``attribution``; spans for the attributions command)."""

    kind: str = "author"  # "named" | "anonymous" | "media" | "document" | "author"
    source: Actor | None = None
    text: str | None = None  # the source as written
    cue: str | None = None
    chain: list[str] = field(default_factory=list)
    source_span: TextSpan | None = None
    cue_span: TextSpan | None = None
    content_span: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened (contract extension ``location``): the place the text names,
    resolved against the GeoNames gazetteer. A country or region has no coordinates."""

    text: str  # the place as written ("Paris, Texas", "KYIV")
    name: str  # the gazetteer's name ("Paris", "Kyiv"), the country's name for a country
    country: str  # ISO-3166 alpha-3 (the actors' conventions: Gaza is PSE)
    admin1: str | None = None  # GeoNames first-level division code ("TX"), None unknown
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    basis: str = "sentence"  # "sentence" (the event's own sentence) | "dateline"


@dataclass(slots=True)
class Evidence:
    """The exact sentence (offsets into ``Article.text``) and the trigger that fired."""

    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int | None = None
    trigger_end: int | None = None
    also: list[Evidence] = field(default_factory=list)  # the same event told again (merge.py)


@dataclass(slots=True)
class Event:
    """One coded event (contract event)."""

    article_id: str
    event: str  # PLOVER type
    evidence: Evidence
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    intermediary: list[Actor] = field(default_factory=list)
    status: str = "asserted"
    negated: bool = False
    date: EventDate = field(default_factory=EventDate)
    attribution: Attribution = field(default_factory=Attribution)
    confidence: float = 0.5
    coder: str = "rules/1"
    rule: str | None = None  # the codebook rule id that fired
    opinion: bool = False  # the sentence is the writer's opinion, not reporting
    dropped: str | None = None  # why it is not kept ("no political actor", ...); None = kept
    location: Location | None = None  # where it happened, when the text says so


@dataclass(slots=True)
class Timex:
    """A normalised time expression (contract ``dates`` line)."""

    text: str
    start: int
    end: int
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str


@dataclass(slots=True)
class Relevance:
    """May this document hold a political event? The relevance stage's decision, with why."""

    political: bool
    score: float  # the probability that the document reports a political event
    reason: str  # e.g. "sport: match, goal, league" or "political: minister, talks"


@dataclass(slots=True)
class Document:
    """An article on its way through the pipeline; each stage fills its fields."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # what an analyst keeps
    dropped: list[Event] = field(default_factory=list)  # considered, not kept (for auditing)
    relevance: Relevance | None = None
    attributions: list[Attribution] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    rejection: Rejection | None = None


@dataclass(slots=True)
class Coded:
    """A document once coded, as plain data (no spaCy objects): what worker processes send
    back, what the store writes and what the distributed engine keeps in Parquet shards."""

    article: Article  # as cleaned, without its ``html``
    relevance: dict[str, Any]  # the ``code --explain`` line (``serialise.relevance_line``)
    events: list[dict[str, Any]]  # every event considered, kept ones first (contract dicts)
    rejection: Rejection | None = None

    @property
    def kept(self) -> list[dict[str, Any]]:
        """The events an analyst keeps (``dropped`` is null)."""
        return [event for event in self.events if event["dropped"] is None]
