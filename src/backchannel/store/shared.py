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


class CursorStore(DuckDBStore):
    """A ``DuckDBStore`` on a connection opened (and migrated) elsewhere: no migration."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection


def open_shared(path: str, *, writable: bool) -> duckdb.DuckDBPyConnection:
    """The connection a server keeps for ``path``: read-only unless ``writable`` (a writable
    one is created when absent, as ``backchannel ingest`` would)."""
    if writable:
        return DuckDBStore.connect(path).connection
    if not Path(path).is_file():
        raise StoreError(f"no database at {path!r}: run `backchannel ingest` first")
    return DuckDBStore.connect(path, read_only=True).connection  # waits briefly for a writer


def store_on(connection: duckdb.DuckDBPyConnection) -> CursorStore:
    """A store for one request (or one thread) on its own cursor of ``connection``."""
    return CursorStore(connection.cursor())
