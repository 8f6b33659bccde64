"""Store: articles, events and rejections in DuckDB or PostgreSQL (``open_store(path)``).

Re-ingesting is idempotent (articles are keyed by the hash of their cleaned text and by
URL); near-duplicates are stored but linked to the first copy, and their events are left
out of queries unless asked for. A batch of articles is written in one transaction
(``store_batch``), with the same decisions as storing them one by one.
"""

from __future__ import annotations

from backchannel.store.base import EventFilter, Outcome, Store
from backchannel.store.duck import DuckDBStore
from backchannel.store.factory import open_store
from backchannel.store.postgres import PostgresStore

__all__ = ["DuckDBStore", "EventFilter", "Outcome", "PostgresStore", "Store", "open_store"]
