"""The DuckDB store: one file, one connection, one transaction per article."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from backchannel.errors import ArticleIdConflict, EventIdConflict, StoreError
from backchannel.events.keep import LOW_CONFIDENCE, considered, low_confidence
from backchannel.records import Article, Document, Rejection
from backchannel.store import dedup
from backchannel.store.base import EventFilter, Outcome, Store
from backchannel.store.rows import EVENT_COLUMNS, actor_rows, event_row, relevance_values
from backchannel.store.schema import ARTICLE_COLUMNS, SCHEMA_VERSION, TABLES

LOCK_WAIT = 2.0  # seconds a command waits for a database another process holds


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _locked(err: duckdb.Error) -> bool:
    return "lock" in str(err).lower()


def _open_failure(path: str, err: duckdb.Error) -> str:
    if _locked(err):
        return (
            f"the database {path!r} is open for writing in another process (an ingest?);"
            " DuckDB lets one process write a file, or several read it: try again when it ends"
        )
    return f"cannot open the database {path!r}: {str(err).splitlines()[0]}"


def _placeholders(count: int) -> str:
    return ", ".join("?" * count)


class DuckDBStore(Store):
    """``Store`` on a DuckDB file (``":memory:"`` for a throwaway one)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, *, read_only: bool = False) -> None:
        self.connection = connection
        if read_only:
            self._check_version()
        else:
            self._migrate()

    @classmethod
    def connect(cls, path: str, *, read_only: bool = False) -> DuckDBStore:
        """The store at ``path``; ``read_only`` opens it as the reading commands do, so that
        several can read at once, and waits briefly (``LOCK_WAIT``) while another process
        holds the file for writing."""
        if path != ":memory:" and not read_only:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                return cls(duckdb.connect(path, read_only=read_only), read_only=read_only)
            except duckdb.Error as err:
                if not _locked(err) or time.monotonic() >= deadline:
                    raise StoreError(_open_failure(path, err)) from err
            time.sleep(0.1)

    def _check_version(self) -> None:
        """A database opened read-only cannot be migrated: it must have this schema."""
        try:
            row = self.connection.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.Error as err:
            raise StoreError("not a backchannel database (no schema_version table)") from err
        found = row[0] if row else None
        if found != SCHEMA_VERSION:
            raise StoreError(
                f"the database has schema {found}; this version reads {SCHEMA_VERSION}"
                " (open it once with `backchannel ingest` to upgrade it)"
            )

    def close(self) -> None:
        self.connection.close()

    def _migrate(self) -> None:
        for statement in TABLES:
            self.connection.execute(statement)
        row = self.connection.execute("SELECT max(version) FROM schema_version").fetchone()
        found = row[0] if row else None
        if found is None or found < SCHEMA_VERSION:
            self.connection.execute(
                "INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, _now()]
            )
        elif found > SCHEMA_VERSION:
            raise StoreError(
                f"the database has schema {found}; this version reads {SCHEMA_VERSION}"
            )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.connection.begin()
        try:
            yield
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()

    def _one(self, sql: str, params: list[Any]) -> Any:
        row = self.connection.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # -- writing ------------------------------------------------------------------------

    def store_rejection(self, rejection: Rejection) -> None:
        """Store a refused record once (the same refusal twice is stored once)."""
        values = [rejection.record, rejection.stage, rejection.code, rejection.message]
        seen = self._one(
            "SELECT count(*) FROM rejections WHERE record = ? AND stage = ? AND code = ?"
            " AND message = ?",
            values,
        )
        if not seen:
            self.connection.execute(
                "INSERT INTO rejections VALUES (?, ?, ?, ?, ?)", [*values, _now()]
            )

    def store_document(self, doc: Document) -> Outcome:
        """Store an article with its events (or its rejection); never raises for one article."""
        if doc.rejection is not None:
            self.store_rejection(doc.rejection)
            return "rejected"
        article = doc.article
        known = self._already_stored(article)
        if known is not None:
            return known
        try:
            return self._insert(doc)
        except (duckdb.Error, StoreError) as err:
            code = err.code if isinstance(err, StoreError) else StoreError.code
            message = err.message if isinstance(err, StoreError) else f"not stored: {err}"
            doc.rejection = Rejection(article.article_id, "store", code, message)
            self.store_rejection(doc.rejection)
            return "rejected"

    def _already_stored(self, article: Article) -> Outcome | None:
        if self._one("SELECT 1 FROM articles WHERE content_hash = ?", [article.content_hash]):
            return "unchanged"
        if article.url and self._one("SELECT 1 FROM articles WHERE url = ?", [article.url]):
            return "same-url"
        return None

    def _insert(self, doc: Document) -> Outcome:
        article = doc.article
        if self._one("SELECT 1 FROM articles WHERE article_id = ?", [article.article_id]):
            raise ArticleIdConflict("another article with this id is already stored")
        signature = dedup.signature(article.text)
        original, similarity = self._near_duplicate(signature)
        with self._transaction():
            self._insert_article(doc, signature, original, similarity)
            self._insert_events(doc)
        return "stored" if original is None else "duplicate"

    def _near_duplicate(self, signature: dedup.Signature) -> tuple[str | None, float | None]:
        keys = dedup.bands(signature)
        if not keys:
            return None, None
        candidates = self.connection.execute(
            "SELECT a.article_id, a.minhash FROM articles a WHERE a.duplicate_of IS NULL"
            " AND a.article_id IN (SELECT article_id FROM article_bands WHERE band IN"
            f" ({_placeholders(len(keys))})) ORDER BY a.seq",
            keys,
        ).fetchall()
        for article_id, other in candidates:
            score = dedup.similarity(signature, list(other or []))
            if score >= dedup.THRESHOLD:
                return str(article_id), score
        return None, None

    def _insert_article(
        self,
        doc: Document,
        signature: dedup.Signature,
        original: str | None,
        similarity: float | None,
    ) -> None:
        article = doc.article
        values = [
            article.article_id, article.content_hash, article.url, article.title,
            article.published, article.published_source, article.language, article.origin,
            article.text, _now(), original, *relevance_values(doc),
        ]  # fmt: skip
        columns = ", ".join((*ARTICLE_COLUMNS, "similarity", "minhash"))
        self.connection.execute(
            f"INSERT INTO articles ({columns}) VALUES ({_placeholders(len(values) + 2)})",
            [*values, similarity, signature],
        )
        keys = dedup.bands(signature)
        if keys:
            self.connection.executemany(
                "INSERT INTO article_bands VALUES (?, ?)", [[k, article.article_id] for k in keys]
            )

    def _insert_events(self, doc: Document) -> None:
        """Every event of the document, kept or not; an event id seen twice refuses the
        article (the pipeline makes ids unique: an event is never dropped silently)."""
        event_sql = (
            f"INSERT INTO events ({', '.join(EVENT_COLUMNS)})"
            f" VALUES ({_placeholders(len(EVENT_COLUMNS))})"
        )
        seen: set[str] = set()
        for position, event in enumerate(considered(doc)):
            data, row = event_row(event, position)
            if data["event_id"] in seen or self._one(
                "SELECT 1 FROM events WHERE event_id = ?", [data["event_id"]]
            ):
                raise EventIdConflict(f"two events with the id {data['event_id']}")
            seen.add(data["event_id"])
            self.connection.execute(event_sql, row)
            actors = actor_rows(data)
            if actors:
                self.connection.executemany(
                    "INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", actors
                )

    # -- reading ------------------------------------------------------------------------

    def query_events(self, filters: EventFilter | None = None) -> list[dict[str, Any]]:
        """Contract event dicts, in ingest order, exactly as ``backchannel code`` writes them."""
        filters = filters or EventFilter()
        sql, params = _event_query(filters)
        rows = self.connection.execute(sql, params).fetchall()
        return [_judged(json.loads(row[0]), filters.min_confidence) for row in rows]

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        columns = ", ".join((*ARTICLE_COLUMNS, "similarity"))
        cursor = self.connection.execute(
            f"SELECT {columns} FROM articles WHERE article_id = ?", [article_id]
        )
        row = cursor.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cursor.description]
        return {name: _plain(value) for name, value in zip(names, row, strict=True)}

    def busiest_article(self) -> str | None:
        """The id of the (non-duplicate) article with the most events; ties: first ingested."""
        value = self._one(
            "SELECT a.article_id FROM articles a"
            " LEFT JOIN events e ON e.article_id = a.article_id AND e.dropped IS NULL"
            " WHERE a.duplicate_of IS NULL GROUP BY a.article_id, a.seq"
            " ORDER BY count(e.event_id) DESC, a.seq LIMIT 1",
            [],
        )
        return None if value is None else str(value)

    def counts(self) -> dict[str, int]:
        """Rows per table (for summaries and tests)."""
        tables = ("articles", "events", "event_actors", "rejections")
        return {t: int(self._one(f"SELECT count(*) FROM {t}", [])) for t in tables}


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _judged(data: dict[str, Any], min_confidence: float | None) -> dict[str, Any]:
    """A stored event as the contract has it now (events stored before schema 3 lack the
    additive ``dropped`` and ``evidence.also``), its reason re-judged for ``min_confidence``."""
    data.setdefault("dropped", None)
    data["evidence"].setdefault("also", [])
    if min_confidence is not None and _judged_by_confidence(data["dropped"]):
        below = data["confidence"] < min_confidence
        data["dropped"] = low_confidence(data["confidence"], min_confidence) if below else None
    return data


def _judged_by_confidence(reason: str | None) -> bool:
    return reason is None or reason.startswith(LOW_CONFIDENCE)


def _kept(filters: EventFilter, where: list[str], params: list[Any]) -> None:
    """Only the kept events, unless ``include_dropped``; with ``min_confidence``, the events
    kept at that threshold (not dropped for another reason, confident enough)."""
    if filters.include_dropped:
        return
    if filters.min_confidence is None:
        where.append("e.dropped IS NULL")
        return
    where.append("(e.dropped IS NULL OR starts_with(e.dropped, ?)) AND e.confidence >= ?")
    params.extend([LOW_CONFIDENCE, filters.min_confidence])


def _event_query(filters: EventFilter) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if not filters.include_duplicates:
        where.append("a.duplicate_of IS NULL")
    _kept(filters, where, params)
    for column, value in (("e.event", filters.event), ("e.article_id", filters.article_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    _participant_filter(filters, where, params)
    when = "coalesce(try_cast(e.date_start AS DATE), a.published)"
    for operator, day in ((">=", filters.since), ("<=", filters.until)):
        if day is not None:
            where.append(f"{when} {operator} ?")
            params.append(day)
    sql = "SELECT e.document FROM events e JOIN articles a USING (article_id)"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.seq, e.position"
    if filters.limit is not None:
        sql += " LIMIT ?"
        params.append(filters.limit)
    return sql, params


def _participant_filter(filters: EventFilter, where: list[str], params: list[Any]) -> None:
    if filters.actor is None and filters.country is None:
        return
    clauses = ["x.event_id = e.event_id"]
    if filters.role is not None:
        clauses.append("x.role = ?")
        params.append(filters.role)
    if filters.actor is not None:
        clauses.append("(contains(lower(x.text), ?) OR contains(lower(x.name), ?))")
        params.extend([filters.actor.lower()] * 2)
    if filters.country is not None:
        clauses.append("(x.country = ? OR x.home_country = ?)")
        params.extend([filters.country.upper()] * 2)
    where.append(f"EXISTS (SELECT 1 FROM event_actors x WHERE {' AND '.join(clauses)})")
