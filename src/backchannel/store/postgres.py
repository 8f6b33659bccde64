"""The PostgreSQL store: ``--db postgresql://user@host/db``, for a team's shared server.

It is the DuckDB store's SQL (``duck.py``, ``queries.py``) over a psycopg 3 connection: the
few DuckDB functions the queries use are defined in the database (``contains``,
``ends_with``, ``regexp_extract``, ``json_extract_string``, ``strftime``, ``year``,
``dayofyear``, ``round`` of a double, ``try_cast(… AS DATE)`` as ``bc_try_date``), ``?``
placeholders become ``%s``, and JSON is read back as the text it was stored as. Same tables,
same answers.

Many processes may write at once (``ingest`` workers, ``serve`` with the write API): each
writing transaction takes one advisory lock and decides what is new *inside* it, so the same
article offered twice is stored once (``unchanged`` the second time) and no event is lost.
The coding, which is most of the work, runs in parallel; the writes take turns.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, cast
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.types.string import TextLoader

from backchannel.errors import StoreError
from backchannel.records import Rejection
from backchannel.store.duck import DuckDBStore
from backchannel.store.schema import SCHEMA_VERSION, TABLES

MIGRATION_LOCK = 7_316_001  # advisory lock keys: creating or upgrading the schema
WRITE_LOCK = 7_316_002  # ... and writing (one writing transaction at a time)

# DuckDB's functions that the shared queries (and the exports) use, in PostgreSQL.
FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION contains(s text, part text) RETURNS boolean
       LANGUAGE sql IMMUTABLE AS $$ SELECT strpos(s, part) > 0 $$""",
    """CREATE OR REPLACE FUNCTION ends_with(s text, tail text) RETURNS boolean
       LANGUAGE sql IMMUTABLE AS $$ SELECT right(s, length(tail)) = tail $$""",
    """CREATE OR REPLACE FUNCTION regexp_extract(s text, pattern text, grp integer)
       RETURNS text LANGUAGE sql IMMUTABLE
       AS $$ SELECT coalesce((regexp_match(s, pattern))[grp], '') $$""",
    """CREATE OR REPLACE FUNCTION bc_try_date(s text) RETURNS date
       LANGUAGE plpgsql IMMUTABLE AS $$
       BEGIN
         IF s ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN RETURN s::date; END IF;
         RETURN NULL;
       EXCEPTION WHEN others THEN RETURN NULL;
       END $$""",
    """CREATE OR REPLACE FUNCTION json_extract_string(j json, path text) RETURNS text
       LANGUAGE sql IMMUTABLE AS $$ SELECT j #>> string_to_array(substr(path, 3), '.') $$""",
    """CREATE OR REPLACE FUNCTION strftime(t timestamp, format text) RETURNS text
       LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(t, replace(replace(replace(replace(replace(
         replace(format, '%Y', 'YYYY'), '%m', 'MM'), '%d', 'DD'), '%H', 'HH24'), '%M', 'MI'),
         '%S', 'SS')) $$""",
    """CREATE OR REPLACE FUNCTION year(d date) RETURNS integer
       LANGUAGE sql IMMUTABLE AS $$ SELECT extract(year FROM d)::integer $$""",
    # a double, as DuckDB's day of the year divided by 365.0 is (and rounded as a double)
    """CREATE OR REPLACE FUNCTION dayofyear(d date) RETURNS double precision
       LANGUAGE sql IMMUTABLE AS $$ SELECT extract(doy FROM d)::double precision $$""",
    """CREATE OR REPLACE FUNCTION round(x double precision, digits integer)
       RETURNS double precision LANGUAGE sql IMMUTABLE
       AS $$ SELECT round(x::numeric, digits)::double precision $$""",
)
_TRY_DATE = re.compile(r"try_cast\(([^()]*) AS DATE\)", re.IGNORECASE)


def is_url(path: str) -> bool:
    return path.startswith(("postgres://", "postgresql://"))


def shown(url: str) -> str:
    """``url`` without its password (for messages)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[-1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


@lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """DuckDB's SQL as the store writes it, for psycopg: ``?`` → ``%s`` (not in literals),
    ``%`` → ``%%``, ``try_cast(x AS DATE)`` → ``bc_try_date(x)``."""
    parts = _TRY_DATE.sub(r"bc_try_date(\1)", sql).replace("%", "%%").split("'")
    for index in range(0, len(parts), 2):  # outside the quoted literals
        parts[index] = parts[index].replace("?", "%s")
    return "'".join(parts)


def schema_statement(statement: str) -> str:
    """A statement of ``schema.TABLES`` in PostgreSQL's types."""
    return re.sub(r"\bDOUBLE\b", "DOUBLE PRECISION", statement)


def connect_raw(url: str) -> psycopg.Connection[Any]:
    try:
        raw = psycopg.connect(url, autocommit=True)
    except psycopg.Error as err:
        raise StoreError(f"cannot connect to {shown(url)}: {err}".strip()) from err
    raw.adapters.register_loader("json", TextLoader)  # the stored text, as DuckDB gives it
    raw.execute("SET TimeZone = 'UTC'")
    return raw


class PgConnection:
    """A psycopg connection that takes the DuckDB connection's calls (``execute`` with ``?``,
    ``executemany``, ``begin``/``commit``/``rollback``); database errors are ``StoreError``."""

    def __init__(
        self,
        raw: psycopg.Connection[Any],
        release: Callable[[psycopg.Connection[Any]], None] | None = None,
    ) -> None:
        self.raw = raw
        self._release = release
        self._depth = 0  # nested begin()s: one transaction

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> psycopg.Cursor[Any]:
        try:
            return self.raw.execute(translate(sql), list(params or []))
        except psycopg.Error as err:
            raise StoreError(f"PostgreSQL: {err}".strip()) from err

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            with self.raw.cursor() as cursor:
                cursor.executemany(translate(sql), [list(row) for row in rows])
        except psycopg.Error as err:
            raise StoreError(f"PostgreSQL: {err}".strip()) from err

    def begin(self) -> None:
        """A writing transaction (holding the write lock until it ends)."""
        self._depth += 1
        if self._depth == 1:
            self.raw.execute("BEGIN")
            self.raw.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])

    def commit(self) -> None:
        self._depth = max(self._depth - 1, 0)
        if self._depth == 0:
            self.raw.execute("COMMIT")

    def rollback(self) -> None:
        self._depth = 0
        self.raw.execute("ROLLBACK")

    def close(self) -> None:
        if self._depth:
            self.rollback()
        if self._release is not None:
            self._release(self.raw)
        else:
            self.raw.close()


def schema_version(connection: PgConnection) -> int | None:
    """The version of the schema in the database (None: not a backchannel database yet)."""
    row = connection.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return None
    row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _refuse_newer(found: int | None, url: str) -> None:
    if found is not None and found > SCHEMA_VERSION:
        raise StoreError(
            f"the database {shown(url)} has schema {found}; this version reads {SCHEMA_VERSION}"
            " (upgrade backchannel)"
        )


def migrate(connection: PgConnection, url: str) -> None:
    """Create or upgrade the schema (one process at a time); refuse a newer one."""
    raw = connection.raw
    with raw.transaction():
        raw.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
        found = schema_version(connection)
        _refuse_newer(found, url)
        if found == SCHEMA_VERSION:
            return
        for statement in (*FUNCTIONS, *map(schema_statement, TABLES)):
            raw.execute(statement)
        raw.execute(
            "INSERT INTO schema_version VALUES (%s, now() AT TIME ZONE 'UTC')", [SCHEMA_VERSION]
        )


def check(connection: PgConnection, url: str) -> None:
    """For a reading command: the database must hold this version's schema."""
    found = schema_version(connection)
    if found is None:
        raise StoreError(f"no backchannel database at {shown(url)}: run `backchannel ingest` first")
    _refuse_newer(found, url)
    if found != SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema {found}; this version reads {SCHEMA_VERSION}"
            " (open it once with `backchannel ingest` to upgrade it)"
        )


class PostgresStore(DuckDBStore):
    """``Store`` on a PostgreSQL database (the DuckDB store's SQL, see the module's doc)."""

    DATABASE_ERRORS = (StoreError,)  # what PgConnection raises

    def __init__(self, connection: PgConnection) -> None:  # migrated or checked by connect
        self.connection = cast(Any, connection)

    @classmethod
    def connect(cls, path: str, *, read_only: bool = False, create: bool = True) -> PostgresStore:
        """The store at the URL ``path``, its schema created or upgraded (checked only when
        ``read_only`` or not ``create``)."""
        create = create and not read_only
        connection = PgConnection(connect_raw(path))
        try:
            (migrate if create else check)(connection, path)
        except BaseException:
            connection.close()
            raise
        return cls(connection)

    def store_rejection(self, rejection: Rejection) -> None:
        """Store a refused record once, whoever else is writing."""
        with self._transaction():
            super().store_rejection(rejection)

    def _insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """All ``rows`` (dicts with the same keys) in one pipelined ``executemany``."""
        if rows:
            columns = list(rows[0])
            self.connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' * len(columns))})",
                [[row[column] for column in columns] for row in rows],
            )


class PgShared:
    """What a server keeps for a PostgreSQL database: connections handed out one per request
    (``cursor()``) and taken back when the request's store is closed."""

    def __init__(self, url: str, *, writable: bool) -> None:
        PostgresStore.connect(url, create=writable).close()
        self.url = url
        self._idle: list[psycopg.Connection[Any]] = []
        self._lock = threading.Lock()
        self._closed = False

    def cursor(self) -> PgConnection:
        with self._lock:
            raw = self._idle.pop() if self._idle else None
        return PgConnection(raw or connect_raw(self.url), release=self._take_back)

    def _take_back(self, raw: psycopg.Connection[Any]) -> None:
        idle = raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        with self._lock:
            if idle and not self._closed and not raw.closed:
                self._idle.append(raw)
                return
        raw.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for raw in idle:
            raw.close()
