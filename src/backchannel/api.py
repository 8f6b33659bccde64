"""The Python API: the same pipeline the CLI runs, for notebooks and scripts.

>>> import backchannel
>>> events = backchannel.code("Russia launched a missile attack on Kyiv on Tuesday.",
...                           published="2025-07-04")
>>> [e.event for e in events]
['ASSAULT']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from backchannel.events.keep import considered
from backchannel.pipeline import Pipeline
from backchannel.records import Article, Document, Event, Rejection, content_hash
from backchannel.serialise import event_to_dict
from backchannel.settings import Settings, load_settings

_PIPELINES: dict[Settings, Pipeline] = {}


def pipeline(settings: Settings | None = None) -> Pipeline:
    """A pipeline for ``settings`` (defaults plus environment), built once and reused."""
    settings = settings or load_settings()
    if settings not in _PIPELINES:
        _PIPELINES[settings] = Pipeline(settings)
    return _PIPELINES[settings]


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def code_articles(
    records: Iterable[Article | Rejection], settings: Settings | None = None
) -> Iterator[Document]:
    """Run the whole pipeline over articles; rejected ones come back with ``rejection`` set."""
    return pipeline(settings).run(records)


def code_document(
    text: str,
    *,
    published: date | str | None = None,
    article_id: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """One text through the pipeline: its sentences, mentions, events, attributions and dates."""
    when = _as_date(published)
    article = Article(
        article_id or content_hash(text),
        text,
        published=when,
        published_source="user" if when else None,
    )
    return next(iter(code_articles([article], settings)))


def code(
    text: str,
    *,
    published: date | str | None = None,
    article_id: str | None = None,
    settings: Settings | None = None,
    min_confidence: float | None = None,
    include_dropped: bool = False,
) -> list[Event]:
    """The events of one text (empty when the text is refused): those kept at
    ``min_confidence`` (default: the setting), and with ``include_dropped`` the others too,
    each with ``Event.dropped``, the reason it is not kept."""
    if min_confidence is not None:
        settings = (settings or load_settings()).replace(min_confidence=min_confidence)
    doc = code_document(text, published=published, article_id=article_id, settings=settings)
    return considered(doc) if include_dropped else doc.events


def code_as_dicts(text: str, **options: Any) -> list[dict[str, Any]]:
    """The events of one text as contract dicts (what ``backchannel code`` prints)."""
    return [event_to_dict(event) for event in code(text, **options)]
