"""Ingest: turn paths, stdin and JSONL records into ``Article`` records (or ``Rejection``s).

Nothing here cleans text; ``clean`` does. Every bad record becomes a ``Rejection`` that
names the record and the reason, and the rest of the batch goes on.
"""

from __future__ import annotations

from backchannel.ingest.readers import read_inputs

__all__ = ["read_inputs"]
