"""Store: articles, events and rejections in DuckDB (``Store.open(path)``).

Re-ingesting is idempotent (articles are keyed by the hash of their cleaned text and by
URL); near-duplicates are stored but linked to the first copy, and their events are left
out of queries unless asked for. A batch of articles is written in one transaction
(``store_batch``), with the same decisions as storing them one by one.
"""

from __future__ import annotations

from backchannel.store.base import EventFilter, Outcome, Store
from backchannel.store.duck import DuckDBStore

__all__ = ["DuckDBStore", "EventFilter", "Outcome", "Store"]
