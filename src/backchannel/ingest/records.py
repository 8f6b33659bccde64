"""One record (text, HTML or a JSONL object) to an ``Article``; shared by every reader."""

from __future__ import annotations

from datetime import date
from typing import Any

from backchannel.errors import BackchannelError, EmptyText, MalformedRecord
from backchannel.records import Article, Rejection, content_hash
from backchannel.safety import unsafe_reason

Record = Article | Rejection
MAX_ID_CHARS = 2000


def reject(record: str, err: BackchannelError) -> Rejection:
    return Rejection(record, "ingest", err.code, err.message)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or "<div" in head or "<p>" in head or "<p " in head
    )


def parse_date(value: Any, record: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as err:
        raise MalformedRecord(f"'published' is not a date: {value!r}", record=record) from err


def article_from_text(
    text: str, record: str, published: date | None, article_id: str | None = None
) -> Article:
    """A plain-text or HTML record (HTML is detected and kept in ``html`` for cleaning)."""
    if not text.strip():
        raise EmptyText("no text")
    is_html = looks_like_html(text)
    return Article(
        article_id=article_id or content_hash(text),
        text="" if is_html else text,
        html=text if is_html else None,
        published=published,
        published_source="user" if published else None,
        origin=record,
    )


def article_from_json(data: Any, record: str, published: date | None) -> Article:
    """A JSONL record ``{"id", "text"|"html", "published"?, "url"?, "title"?}``."""
    if not isinstance(data, dict):
        raise MalformedRecord("a JSONL line must be an object")
    text, html = data.get("text"), data.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise MalformedRecord("no 'text' (or 'html') string")
    own_date = parse_date(data.get("published"), record)
    article = article_from_text(text if isinstance(text, str) else str(html), record, None)
    if isinstance(html, str) and not isinstance(text, str):
        article.text, article.html = "", html
    if data.get("id") is not None:
        article.article_id = identifier(data["id"], "id")
    url = data.get("url")
    article.url = identifier(url, "url") if isinstance(url, str) and url else None
    article.title = data.get("title") if isinstance(data.get("title"), str) else None
    article.published = own_date or published
    article.published_source = "record" if own_date else ("user" if published else None)
    return article


def identifier(value: Any, field: str) -> str:
    """An id or URL as given, or a ``MalformedRecord`` saying why it cannot be kept: ids and
    URLs are never altered, since they name the record outside backchannel."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise MalformedRecord(f"{field!r} must be a string or an integer")
    text = str(value)
    if not text.strip():
        raise MalformedRecord(f"{field!r} is empty")
    if len(text) > MAX_ID_CHARS:
        raise MalformedRecord(f"{field!r} is longer than {MAX_ID_CHARS} characters")
    reason = unsafe_reason(text)
    if reason is not None:
        raise MalformedRecord(f"{field!r} {reason}")
    return text
