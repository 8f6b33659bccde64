"""Which coded events an analyst keeps: the last step of the pipeline.

The coder and the relevance stage mark an event they would not keep with the reason
(``Event.dropped``: "no political actor", "non-political document: sport", ...); an event
below the calibrated ``min_confidence`` is not kept either. Nothing is thrown away: events not
kept move to ``Document.dropped``, where ``--all`` and the store's audit columns find them.
"""

from __future__ import annotations

from backchannel.records import Document, Event

LOW_CONFIDENCE = "confidence "  # how the reason for a confidence below the threshold begins


def below(event: Event, min_confidence: float) -> bool:
    return event.confidence < min_confidence


def low_confidence(confidence: float, min_confidence: float) -> str:
    """The reason for an event below ``min_confidence``: "confidence 0.31 below 0.50"."""
    return f"{LOW_CONFIDENCE}{confidence:.2f} below {min_confidence:.2f}"


def keep(doc: Document, min_confidence: float) -> None:
    """Split ``doc.events`` into the kept events and ``doc.dropped``, each with its reason."""
    kept: list[Event] = []
    for event in doc.events:
        if event.dropped is None and below(event, min_confidence):
            event.dropped = low_confidence(event.confidence, min_confidence)
        (kept if event.dropped is None else doc.dropped).append(event)
    doc.events = kept


def considered(doc: Document) -> list[Event]:
    """Every event of the document: the kept ones, then those not kept (what ``--all`` shows)."""
    return [*doc.events, *doc.dropped]
