"""Actors: find actor mentions in the text and resolve them, time-aware."""

from __future__ import annotations

from datetime import date

from backchannel.records import Actor, Document, Mention


def resolve(text: str, when: date | None = None, context: str | None = None) -> Actor | None:
    """One mention to an actor, as the pipeline would resolve it (placeholder)."""
    return None


def find_mentions(doc: Document) -> list[Mention]:
    """Actor mentions in ``doc.article.text``, with offsets (placeholder)."""
    return []
