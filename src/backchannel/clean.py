"""Clean: main text from HTML, junk lines out of text that was already extracted."""

from __future__ import annotations

import dataclasses

import trafilatura

from backchannel.errors import EmptyText, NoMainText
from backchannel.records import Article
from backchannel.settings import Settings


def extract_html(html: str) -> str:
    text = trafilatura.extract(html, include_comments=False, favor_precision=True)
    if not text:
        raise NoMainText("no main text found in the HTML page")
    return text


def drop_junk_lines(text: str) -> str:
    """Placeholder: keeps every line (the junk-line cleaner replaces this)."""
    return text


def clean(article: Article, settings: Settings) -> Article:
    """The article with ``text`` set to what the pipeline codes."""
    text = extract_html(article.html) if article.html else drop_junk_lines(article.text)
    if len(text.strip()) < settings.min_chars:
        raise EmptyText("no text left after cleaning")
    return dataclasses.replace(article, text=text, html=None)
