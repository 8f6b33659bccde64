"""The DuckDB store: one file, one connection, one transaction per batch of articles."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from backchannel.errors import StoreError
from backchannel.events.keep import LOW_CONFIDENCE, low_confidence
from backchannel.records import Coded, Document, Rejection
from backchannel.serialise import coded
from backchannel.store import writer
from backchannel.store.base import EventFilter, Outcome, Store
from backchannel.store.schema import ARTICLE_COLUMNS, SCHEMA_VERSION, TABLES

if TYPE_CHECKING:
    from backchannel.across import Grouping

LOCK_WAIT = 2.0  # seconds a command waits for a database another process holds


def _locked(err: duckdb.Error) -> bool:
    return "lock" in str(err).lower()


def _open_failure(path: str, err: duckdb.Error) -> str:
    if _locked(err):
        return (
            f"the database {path!r} is open for writing in another process (an ingest?);"
            " DuckDB lets one process write a file, or several read it: try again when it ends"
        )
    return f"cannot open the database {path!r}: {str(err).splitlines()[0]}"


class DuckDBStore(Store):
    """``Store`` on a DuckDB file (``":memory:"`` for a throwaway one)."""

    # what a failing write raises (a batch that fails is stored again one document at a time)
    DATABASE_ERRORS: tuple[type[Exception], ...] = (duckdb.Error,)

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
                "INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, writer.now()]
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
                "INSERT INTO rejections VALUES (?, ?, ?, ?, ?)", [*values, writer.now()]
            )

    def store_document(self, doc: Document) -> Outcome:
        """Store an article with its events (or its rejection); never raises for one article.
        A refusal by the store becomes ``doc.rejection``."""
        item = coded(doc)
        outcome = self.store_batch([item])[0]
        doc.rejection = item.rejection
        return outcome

    def store_batch(self, batch: list[Coded]) -> list[Outcome]:
        """Store coded documents in one transaction, in order; never raises for one document:
        should the batch fail, each is stored on its own and only the one at fault is refused."""
        if not batch:
            return []
        try:
            with self._transaction():
                plan = writer.plan(self.connection, batch)
                for table, rows in (
                    ("articles", plan.articles), ("article_bands", plan.bands),
                    ("events", plan.events), ("event_actors", plan.actors),
                ):  # fmt: skip
                    self._insert_rows(table, rows)
                for rejection in plan.rejections:
                    self.store_rejection(rejection)
        except self.DATABASE_ERRORS as err:
            if len(batch) > 1:
                return [outcome for item in batch for outcome in self.store_batch([item])]
            return [self._refuse(batch[0], err)]
        return plan.outcomes

    def holds_articles(self) -> bool:
        """Whether any article is stored."""
        return self._one("SELECT 1 FROM articles LIMIT 1", []) is not None

    def known_articles(self, ids: list[str], urls: list[str]) -> tuple[dict[str, str], set[str]]:
        """Of these article ids and URLs, the stored ones: id -> content hash, and the URLs."""
        hashes = self.connection.execute(
            f"SELECT article_id, content_hash FROM articles WHERE article_id IN"
            f" ({writer.placeholders(len(ids))})",
            ids,
        ).fetchall() if ids else []
        found = writer.column(
            self.connection, "SELECT url FROM articles WHERE url IN ({})", urls
        )
        return {str(key): str(value) for key, value in hashes}, found

    def _insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        writer.insert(self.connection, table, rows)

    def _refuse(self, item: Coded, err: Exception) -> Outcome:
        """Store the refusal of a document the database would not take (``item.rejection``)."""
        if item.rejection is None:
            message = f"not stored: {str(err).splitlines()[0]}"
            item.rejection = Rejection(item.article.article_id, "store", StoreError.code, message)
        self.store_rejection(item.rejection)
        return "rejected"

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

    # -- across articles (``store.clusters``) ---------------------------------------------

    def recluster(self) -> Grouping:
        """Recompute the clusters and threads of every kept event (one transaction)."""
        from backchannel.store import clusters

        return clusters.recluster(self)

    def query_clusters(
        self, filters: EventFilter | None = None, min_sources: int | None = None
    ) -> list[dict[str, Any]]:
        """One row per cluster with a member that ``filters`` select."""
        from backchannel.store import clusters

        return clusters.query_clusters(self, filters, min_sources)

    def query_threads(
        self, country: str | None = None, topic: str | None = None, min_clusters: int = 2
    ) -> list[dict[str, Any]]:
        """Story threads, most clusters first, each with its clusters by date."""
        from backchannel.store import clusters

        return clusters.query_threads(self, country, topic, min_clusters)

    def counts(self) -> dict[str, int]:
        """Rows per table (for summaries and tests)."""
        tables = ("articles", "events", "event_actors", "rejections")
        return {t: int(self._one(f"SELECT count(*) FROM {t}", [])) for t in tables}


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _judged(data: dict[str, Any], min_confidence: float | None) -> dict[str, Any]:
    """A stored event as the contract has it now (events stored before schema 3 lack the
    additive ``dropped`` and ``evidence.also``, before schema 6 ``location``), its reason
    re-judged for ``min_confidence``."""
    data.setdefault("dropped", None)
    data.setdefault("location", None)
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
    _sourced(filters, where, params)
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


def _sourced(filters: EventFilter, where: list[str], params: list[Any]) -> None:
    """Only the events of a cluster reported by ``min_sources`` sources or more."""
    if filters.min_sources is not None:
        where.append(
            "e.event_id IN (SELECT ce.event_id FROM cluster_events ce JOIN clusters c"
            " ON c.cluster_id = ce.cluster_id WHERE c.sources >= ?)"
        )
        params.append(filters.min_sources)


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
