"""Writing a batch of coded documents to DuckDB in one transaction.

What becomes of each document (stored, near-duplicate, unchanged, same URL, refused for an
id conflict) is decided in Python, in input order, against what the database holds (one query
per kind of key for the whole batch) and what the batch itself stored earlier, exactly as
storing the documents one by one would decide. The rows are then inserted in bulk, one
``INSERT`` per table for the whole batch (a list of rows bound as one parameter and unnested
by DuckDB, which is some fifteen times faster than row-by-row statements).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from backchannel.errors import ArticleIdConflict, EventIdConflict, StoreError
from backchannel.records import Article, Coded, Rejection
from backchannel.store import dedup
from backchannel.store.base import Outcome
from backchannel.store.rows import actor_rows, event_row, relevance_values

Candidate = tuple[int, str, dedup.Signature]  # seq, article_id, MinHash signature
BATCH_SEQ = 1 << 62  # sorts the batch's own articles after every stored one


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def placeholders(count: int) -> str:
    return ", ".join("?" * count)


def column(connection: duckdb.DuckDBPyConnection, sql: str, keys: list[Any]) -> set[str]:
    """The first column of ``sql % placeholders`` over ``keys`` (none when ``keys`` is empty)."""
    if not keys:
        return set()
    rows = connection.execute(sql.format(placeholders(len(keys))), keys).fetchall()
    return {str(row[0]) for row in rows}


@dataclass(slots=True)
class Known:
    """What the database (and, as the plan goes, the batch) holds under the batch's keys."""

    hashes: set[str]
    urls: set[str]
    ids: set[str]
    event_ids: set[str]
    bands: dict[str, list[Candidate]]

    @classmethod
    def lookup(cls, connection: duckdb.DuckDBPyConnection, batch: list[Coded]) -> Known:
        articles = [c.article for c in batch if c.rejection is None]
        urls = [a.url for a in articles if a.url]
        events = [e["event_id"] for c in batch if c.rejection is None for e in c.events]
        return cls(
            column(connection, "SELECT content_hash FROM articles WHERE content_hash IN ({})",
                    [a.content_hash for a in articles]),
            column(connection, "SELECT url FROM articles WHERE url IN ({})", urls),
            column(connection, "SELECT article_id FROM articles WHERE article_id IN ({})",
                    [a.article_id for a in articles]),
            column(connection, "SELECT event_id FROM events WHERE event_id IN ({})", events),
            {},
        )  # fmt: skip

    def load_bands(self, connection: duckdb.DuckDBPyConnection, keys: list[str]) -> None:
        """The stored originals (not near-duplicates) sharing a band with the batch."""
        if not keys:
            return
        rows = connection.execute(
            "SELECT b.band, a.seq, a.article_id, a.minhash FROM article_bands b"
            " JOIN articles a USING (article_id) WHERE a.duplicate_of IS NULL"
            f" AND b.band IN ({placeholders(len(keys))})",
            keys,
        ).fetchall()
        for band, seq, article_id, minhash in rows:
            self.bands.setdefault(band, []).append((int(seq), str(article_id), list(minhash)))

    def original_of(self, signature: dedup.Signature) -> tuple[str | None, float | None]:
        """The first stored original this signature nearly duplicates, with the similarity."""
        found = {c[1]: c for key in dedup.bands(signature) for c in self.bands.get(key, [])}
        for _, article_id, other in sorted(found.values()):
            score = dedup.similarity(signature, other)
            if score >= dedup.THRESHOLD:
                return article_id, score
        return None, None


@dataclass(slots=True)
class Plan:
    """The outcome of each document and the rows the batch adds to each table."""

    outcomes: list[Outcome] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    bands: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def plan(connection: duckdb.DuckDBPyConnection, batch: list[Coded]) -> Plan:
    """Decide every document of the batch, in order, and collect its rows."""
    known = Known.lookup(connection, batch)
    signatures = [dedup.signature(c.article.text) if c.rejection is None else [] for c in batch]
    known.load_bands(connection, sorted({k for s in signatures for k in dedup.bands(s)}))
    result, stamp = Plan(), now()
    for item, signature in zip(batch, signatures, strict=True):
        result.outcomes.append(_decide(item, signature, known, result, stamp))
    return result


def _decide(
    item: Coded, signature: dedup.Signature, known: Known, result: Plan, stamp: datetime
) -> Outcome:
    if item.rejection is not None:
        result.rejections.append(item.rejection)
        return "rejected"
    article = item.article
    if article.content_hash in known.hashes:
        return "unchanged"
    if article.url and article.url in known.urls:
        return "same-url"
    conflict = _conflict(item, known)
    if conflict is not None:
        item.rejection = Rejection(article.article_id, "store", conflict.code, conflict.message)
        result.rejections.append(item.rejection)
        return "rejected"
    original, similarity = known.original_of(signature)
    _add(item, signature, (original, similarity, stamp), known, result)
    return "stored" if original is None else "duplicate"


def _conflict(item: Coded, known: Known) -> StoreError | None:
    """Why the article cannot be stored under its ids (the pipeline makes them unique)."""
    if item.article.article_id in known.ids:
        return ArticleIdConflict("another article with this id is already stored")
    seen: set[str] = set()
    for event in item.events:
        if event["event_id"] in known.event_ids or event["event_id"] in seen:
            return EventIdConflict(f"two events with the id {event['event_id']}")
        seen.add(event["event_id"])
    return None


def _add(
    item: Coded,
    signature: dedup.Signature,
    link: tuple[str | None, float | None, datetime],
    known: Known,
    result: Plan,
) -> None:
    """Collect the rows of a document to store and remember its keys for the rest."""
    article = item.article
    original, similarity, stamp = link
    result.articles.append(article_row(item, stamp, original, similarity, signature))
    keys = dedup.bands(signature)
    result.bands.extend({"band": key, "article_id": article.article_id} for key in keys)
    for position, event in enumerate(item.events):
        result.events.append(event_row(event, position))
        result.actors.extend(actor_rows(event))
        known.event_ids.add(event["event_id"])
    known.hashes.add(article.content_hash)
    known.ids.add(article.article_id)
    if article.url:
        known.urls.add(article.url)
    if original is None:
        candidate = (BATCH_SEQ + len(result.articles), article.article_id, signature)
        for key in keys:
            known.bands.setdefault(key, []).append(candidate)


def article_row(
    item: Coded,
    stamp: datetime,
    original: str | None,
    similarity: float | None,
    signature: dedup.Signature,
) -> dict[str, Any]:
    """The ``articles`` row of a coded document (``seq`` is the table's own sequence)."""
    article: Article = item.article
    return {
        "article_id": article.article_id, "content_hash": article.content_hash,
        "url": article.url, "title": article.title, "published": article.published,
        "published_source": article.published_source, "language": article.language,
        "origin": article.origin, "text": article.text, "ingested_at": stamp,
        "duplicate_of": original, **relevance_values(item.relevance),
        "similarity": similarity, "minhash": signature,
    }  # fmt: skip


def insert(connection: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """All ``rows`` (dicts with the same keys, in order) in one statement."""
    if rows:
        columns = ", ".join(rows[0])
        connection.execute(
            f"INSERT INTO {table} ({columns}) SELECT unnest(r) FROM (SELECT unnest(?) AS r)",
            [rows],
        )
