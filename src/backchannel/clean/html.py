"""Main text and metadata of an HTML page, with trafilatura (dates via htmldate).

The options are tuned on the ScrapingHub article-extraction benchmark (``eval/extraction.py``):
``favor_precision`` without comments scores best there.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from htmldate import find_date
from trafilatura import bare_extraction
from trafilatura.settings import Document

from backchannel.errors import NoMainText
from backchannel.records import Article

EXTRACT_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "with_metadata": True,
}


def _page_date(found: str | None, html: str) -> date | None:
    """The page's publication date: trafilatura's (htmldate inside), else htmldate's own."""
    value = found or find_date(html, original_date=True, extensive_search=False)
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _meta(article: Article, author: str | None, site: str | None) -> dict[str, Any]:
    meta = dict(article.meta)
    if author:
        meta["author"] = author
    if site:
        meta["site"] = site
    return meta


def extract_html(article: Article) -> Article:
    """``article`` with ``text`` the page's main text; title, url, date and meta filled in."""
    html = article.html or ""
    document = bare_extraction(html, url=article.url, **EXTRACT_OPTIONS)
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise NoMainText("no main text found in the HTML page")
    text = str(document.text)
    published, source = article.published, article.published_source
    if published is None:
        published = _page_date(document.date, html)
        source = "html" if published else None
    return dataclasses.replace(
        article,
        text=text,
        html=None,
        title=article.title or document.title,
        url=article.url or document.url,
        published=published,
        published_source=source,
        meta=_meta(article, document.author, document.sitename),
    )
