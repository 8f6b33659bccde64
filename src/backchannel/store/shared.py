"""One database shared by the threads of a server (and by ``export``): for a DuckDB file a
read-only connection (or a read-write one when the server also writes) and a store per
request on a cursor; for PostgreSQL (``postgres.PgShared``) a connection per request.

DuckDB allows one writing process per file: while ``backchannel serve`` holds a file
read-write (the write API is on), no other process can write it. A team that needs many
writers uses PostgreSQL (``--db postgresql://…``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backchannel.errors import StoreError
from backchannel.store.duck import DuckDBStore
from backchannel.store.postgres import PgShared, PostgresStore, is_url


class CursorStore(DuckDBStore):
    """A ``DuckDBStore`` on a connection opened (and migrated) elsewhere: no migration."""

    def __init__(self, connection: Any) -> None:  # a DuckDB cursor or a postgres.PgConnection
        self.connection = connection


def open_shared(path: str, *, writable: bool) -> Any:
    """What a server keeps for ``path`` (a DuckDB connection, or ``PgShared`` for a
    PostgreSQL URL): read-only unless ``writable`` (a writable database is created when
    absent, as ``backchannel ingest`` would). Its ``cursor()`` serves one request."""
    if is_url(path):
        return PgShared(path, writable=writable)
    if writable:
        return DuckDBStore.connect(path).connection
    if not Path(path).is_file():
        raise StoreError(f"no database at {path!r}: run `backchannel ingest` first")
    return DuckDBStore.connect(path, read_only=True).connection  # waits briefly for a writer


def store_on(connection: Any) -> DuckDBStore:
    """A store for one request (or one thread) on its own cursor of ``connection`` (what
    ``open_shared`` gave): for PostgreSQL, a ``PostgresStore`` on a connection of the pool."""
    if isinstance(connection, PgShared):
        return PostgresStore(connection.cursor())
    return CursorStore(connection.cursor())
