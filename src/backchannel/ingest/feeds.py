"""RSS and Atom feed files: each entry becomes an article (feedparser)."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from backchannel.errors import BackchannelError, EmptyText, MalformedRecord
from backchannel.ingest.records import Record, article_from_text, identifier, reject
from backchannel.records import Article

FEED_MARKS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(head: bytes) -> bool:
    """A feed begins with markup (an XML declaration, a comment or the feed's own tag) and
    has its tag near the top; a text that merely mentions "<rss" is a text."""
    lowered = head[:2000].lower()
    start = lowered.lstrip().removeprefix(codecs.BOM_UTF8)
    if not start.startswith(b"<") or start.startswith((b"<!doctype html", b"<html")):
        return False
    return any(mark in lowered for mark in FEED_MARKS)


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    return values[0] if values else str(entry.get("summary") or "")


def entry_article(entry: Any, record: str, published: date | None) -> Article:
    """One feed entry: its content (or summary) as HTML, with url, title and date."""
    body = _entry_body(entry)
    if not body.strip():
        raise EmptyText("feed entry without content or summary")
    own_date = _entry_date(entry)
    article = article_from_text(body, record, own_date or published)
    if article.html is None and "<" in body:
        article.text, article.html = "", body
    article.article_id = identifier(
        entry.get("id") or entry.get("link") or article.article_id, "id"
    )
    link = entry.get("link")
    article.url = identifier(link, "link") if isinstance(link, str) and link else None
    article.title = entry.get("title")
    article.published_source = "record" if own_date else article.published_source
    return article


def read_feed(data: bytes, name: str, published: date | None) -> Iterator[Record]:
    """Articles from the entries of one feed document."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield reject(name, MalformedRecord(f"not a readable feed ({reason})"))
        return
    for number, entry in enumerate(parsed.entries, start=1):
        record = f"{name}#{number}"
        try:
            yield entry_article(entry, record, published)
        except BackchannelError as err:
            yield reject(record, err)
