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
from backchannel.safety import printable, unsafe_reason
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
    """A publication date from a ``date`` or an ISO string; anything else is a TypeError."""
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"published must be a date or 'YYYY-MM-DD', not {type(value).__name__}")
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise ValueError(f"published is not a date (YYYY-MM-DD): {value!r}") from err


def _checked_text(text: object) -> str:
    if not isinstance(text, str):
        kind = type(text).__name__
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if kind == "bytes" else ""
        raise TypeError(f"text must be a str, not {kind}{hint}")
    return text


def _checked_id(article_id: object, text: str) -> str:
    if article_id is None:
        return content_hash(text)
    if not isinstance(article_id, str):
        raise TypeError(f"article_id must be a str, not {type(article_id).__name__}")
    reason = unsafe_reason(article_id)
    if reason is not None or not article_id.strip():
        raise ValueError(f"article_id {reason or 'is empty'}: {printable(article_id)!r}")
    return article_id


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
    """One text through the pipeline: its sentences, mentions, events, attributions and dates.

    A text the pipeline refuses (empty, over ``max_bytes``, not English, ...) comes back with
    ``rejection`` set, saying why. Arguments of the wrong type raise ``TypeError``."""
    text = _checked_text(text)
    when = _as_date(published)
    article = Article(
        _checked_id(article_id, text),
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
    if doc.rejection is not None:
        return []  # code_document(text).rejection says why
    return considered(doc) if include_dropped else doc.events


def code_as_dicts(text: str, **options: Any) -> list[dict[str, Any]]:
    """The events of one text as contract dicts (what ``backchannel code`` prints)."""
    return [event_to_dict(event) for event in code(text, **options)]
