"""Grounding: who says so, whether it happened, and when."""

from __future__ import annotations

from datetime import date

from backchannel.records import Attribution, Document, Timex


def find_attributions(text: str) -> list[Attribution]:
    """Attribution relations in a text (placeholder)."""
    return []


def find_dates(text: str, published: date | None = None) -> list[Timex]:
    """Normalised time expressions in a text (placeholder)."""
    return []


def ground(doc: Document) -> None:
    """Set attribution, status and date on each of ``doc.events`` (placeholder)."""
