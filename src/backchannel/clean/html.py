"""Main text and metadata of an HTML page, with trafilatura (dates via htmldate).

The options are tuned on the ScrapingHub article-extraction benchmark (``eval/extraction.py``):
``favor_precision`` without comments scores best there.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import lxml.html
from htmldate import find_date
from lxml import etree
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


BLOCKS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def _page_date(found: str | None, html: str) -> date | None:
    """The page's publication date: trafilatura's (htmldate inside), else htmldate's own
    (htmldate slipping on odd markup loses the date, not the article)."""
    try:
        value = found or find_date(html, original_date=True, extensive_search=False)
    except (AssertionError, ValueError, TypeError, IndexError, OverflowError):
        return None
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


def is_fragment(html: str) -> bool:
    """A piece of HTML (a feed entry's content), not a whole page."""
    head = html[:4000].lower()
    return "<html" not in head and "<body" not in head


def fragment_text(html: str) -> str:
    """The visible text of an HTML fragment, one line per block."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for block in root.iter(*BLOCKS):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def main_text(html: str, url: str | None) -> tuple[str, Document | None]:
    """The main text of a page (trafilatura), or of a fragment too small for it."""
    document = bare_extraction(html, url=url, **EXTRACT_OPTIONS)
    if isinstance(document, Document) and (document.text or "").strip():
        return str(document.text), document
    text = fragment_text(html) if is_fragment(html) else ""
    if not text:
        raise NoMainText("no main text found in the HTML page")
    return text, None


def extract_html(article: Article) -> Article:
    """``article`` with ``text`` the page's main text; title, url, date and meta filled in."""
    html = article.html or ""
    text, document = main_text(html, article.url)
    if document is None:
        return dataclasses.replace(article, text=text, html=None)
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
