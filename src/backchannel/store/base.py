"""The store interface, implemented by DuckDB (``duck.py``) and PostgreSQL (``postgres.py``);
``factory.open_store`` picks one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol

from backchannel.records import Coded, Document, Rejection

if TYPE_CHECKING:
    from backchannel.across import Grouping

# What ``store_document`` did with a document:
#   stored     a new article (and its events)
#   duplicate  a near-duplicate: stored, linked to the first copy, events not counted twice
#   unchanged  the same cleaned text is already stored: nothing changed
#   same-url   an article with the same URL is already stored: nothing changed
#   rejected   refused (by a stage, or by the store): stored as a rejection
Outcome = Literal["stored", "duplicate", "unchanged", "same-url", "rejected"]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events ``query_events`` returns; ``None`` means no constraint."""

    actor: str | None = None  # text or name contains this (case-insensitive)
    country: str | None = None  # ISO-3166 alpha-3 (or IGO/NSA) of a participant
    role: str | None = None  # restrict actor/country to "actor", "recipient" or "intermediary"
    event: str | None = None  # PLOVER type
    since: date | None = None  # event date (or the published date when unknown) on or after
    until: date | None = None  # ... on or before
    article_id: str | None = None
    include_duplicates: bool = False
    include_dropped: bool = False  # also the events the keep stage did not keep
    min_confidence: float | None = None  # the events kept at this threshold (None: as stored)
    min_sources: int | None = None  # events of a cluster reported by this many sources or more
    limit: int | None = None


class Store(Protocol):
    """Articles, events and rejections; ``open_store(path)`` picks the backend."""

    def store_document(self, doc: Document) -> Outcome: ...

    def store_batch(self, batch: list[Coded]) -> list[Outcome]: ...

    def known_articles(
        self, ids: list[str], urls: list[str]
    ) -> tuple[dict[str, str], set[str]]: ...

    def holds_articles(self) -> bool: ...

    def store_rejection(self, rejection: Rejection) -> None: ...

    def query_events(self, filters: EventFilter | None = None) -> list[dict[str, Any]]: ...

    def get_article(self, article_id: str) -> dict[str, Any] | None: ...

    def busiest_article(self) -> str | None: ...

    def recluster(self) -> Grouping: ...

    def query_clusters(
        self, filters: EventFilter | None = None, min_sources: int | None = None
    ) -> list[dict[str, Any]]: ...

    def query_threads(
        self, country: str | None = None, topic: str | None = None, min_clusters: int = 2
    ) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
