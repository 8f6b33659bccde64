"""Events: PLOVER coding of parsed sentences."""

from __future__ import annotations

from backchannel.records import Document, Event


def is_candidate(text: str) -> bool:
    """Whether a sentence may hold an event, judged cheaply before parsing."""
    return True


def code(doc: Document) -> list[Event]:
    """Events of the document's parsed sentences (placeholder)."""
    return []
