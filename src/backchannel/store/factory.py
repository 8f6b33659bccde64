"""Which backend a ``--db`` names: a ``postgresql://`` URL or a DuckDB file.

The factory lives here, above both backends (each imports ``base``; nothing imports back).
"""

from __future__ import annotations

from pathlib import Path

from backchannel.errors import StoreError
from backchannel.store.base import Store
from backchannel.store.duck import DuckDBStore
from backchannel.store.postgres import PostgresStore, is_url


def open_store(path: str, *, create: bool = True, read_only: bool = False) -> Store:
    """The store at ``path``: a PostgreSQL URL (``postgresql://user@host/db``) or a DuckDB
    file (created when absent unless ``create`` is false: reading commands refuse a database
    that is not there rather than make an empty one, and open it ``read_only``, so that
    several of them can read a DuckDB file at once; PostgreSQL is not migrated then)."""
    if is_url(path):
        return PostgresStore.connect(path, create=create and not read_only)
    if not create and path != ":memory:" and not Path(path).is_file():
        raise StoreError(f"no database at {path!r}: run `backchannel ingest` first")
    return DuckDBStore.connect(path, read_only=read_only and path != ":memory:")
