"""Shared by the event scorers: run sentences through the real pipeline, pick one event."""

from __future__ import annotations

from datetime import date

from backchannel.events import Coded, code_spans
from backchannel.pipeline import Pipeline
from backchannel.records import Article, Document, Event

PUBLISHED = date(2000, 1, 1)


def run(rows: list[tuple[str, str]]) -> dict[str, Document]:
    """Documents by id for ``(id, text)`` rows, coded by the default pipeline."""
    articles = [Article(row_id, text, published=PUBLISHED) for row_id, text in rows]
    return {doc.article.article_id: doc for doc in Pipeline().run(articles)}


def best(events: list[Event]) -> Event | None:
    """The event a sentence is scored by: the most confident, the earliest on ties."""
    return max(events, key=lambda e: e.confidence, default=None)


def best_coded(doc: Document) -> Coded | None:
    coded = code_spans(doc)
    return max(coded, key=lambda c: c.event.confidence, default=None)
