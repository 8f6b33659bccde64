"""One record (text, HTML or a JSONL object) to an ``Article``; shared by every reader."""

from __future__ import annotations

from datetime import date
from typing import Any

from backchannel.errors import BackchannelError, EmptyText, MalformedRecord
from backchannel.records import Article, Rejection, content_hash

Record = Article | Rejection


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
        article.article_id = str(data["id"])
    article.url = data.get("url") if isinstance(data.get("url"), str) else None
    article.title = data.get("title") if isinstance(data.get("title"), str) else None
    article.published = own_date or published
    article.published_source = "record" if own_date else ("user" if published else None)
    return article


def size_of(article: Article) -> int:
    return len((article.text or article.html or "").encode("utf-8", "surrogatepass"))
