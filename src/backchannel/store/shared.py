"""One DuckDB file shared by the threads of a server: a read-only connection (or a
read-write one when the server also writes) and a ``DuckDBStore`` per request on a cursor.

DuckDB allows one writing process per file: while ``backchannel serve`` holds a file
read-write (the write API is on), no other process can write it. A team that needs many
writers needs a server database (PostgreSQL, a later backend of ``Store``).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from backchannel.errors import StoreError
from backchannel.store.duck import DuckDBStore
from backchannel.store.schema import SCHEMA_VERSION


class CursorStore(DuckDBStore):
    """A ``DuckDBStore`` on a connection opened (and migrated) elsewhere: no migration."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection


def _check_version(connection: duckdb.DuckDBPyConnection, path: str) -> None:
    try:
        row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.Error as err:
        raise StoreError(f"{path!r} is not a backchannel database: {err}") from err
    found = row[0] if row else None
    if found != SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema {found}; this version reads {SCHEMA_VERSION}"
            " (open it once with `backchannel ingest` to upgrade it)"
        )


def open_shared(path: str, *, writable: bool) -> duckdb.DuckDBPyConnection:
    """The connection a server keeps for ``path``: read-only unless ``writable`` (a writable
    one is created when absent, as ``backchannel ingest`` would)."""
    if writable:
        return DuckDBStore.connect(path).connection
    if not Path(path).is_file():
        raise StoreError(f"no database at {path!r}: run `backchannel ingest` first")
    try:
        connection = duckdb.connect(path, read_only=True)
    except duckdb.Error as err:
        raise StoreError(f"cannot open the database {path!r} read-only: {err}") from err
    _check_version(connection, path)
    return connection


def store_on(connection: duckdb.DuckDBPyConnection) -> CursorStore:
    """A store for one request (or one thread) on its own cursor of ``connection``."""
    return CursorStore(connection.cursor())
