"""Clean: main text from HTML, junk lines out of text that was already extracted.

``clean(article, settings)`` returns the article with ``text`` set to what the pipeline codes,
``html`` dropped, and ``language`` (and, where the page or a dateline gives one, ``published``)
filled in; control characters and lone surrogates are taken out first (``safety.safe_text``, so
the offsets of events are into the text as stored); a plain text has the line breaks inside its
sentences joined (``wrapping.unwrap``) before its junk lines go. The title of an extracted text
is its headline line. It refuses an article with a ``CleaningError`` subclass.
"""

from __future__ import annotations

import dataclasses

from backchannel.clean.dateline import dateline_date
from backchannel.clean.html import extract_html
from backchannel.clean.junk import drop_junk_lines
from backchannel.clean.language import check_language
from backchannel.clean.wrapping import unwrap
from backchannel.errors import EmptyText
from backchannel.ingest.decoding import check_size
from backchannel.records import Article
from backchannel.safety import safe_text
from backchannel.settings import Settings

__all__ = [
    "check_language", "clean", "dateline_date", "drop_junk_lines", "extract_html", "unwrap",
]  # fmt: skip


def headline(text: str) -> str | None:
    """The first line of an extracted text when it reads as a headline (short, no full stop)."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if 2 <= len(first.split()) <= 20 and first[-1] not in '.!?"”:' and "--" not in first:
        return first
    return None


def clean(article: Article, settings: Settings) -> Article:
    """The article with ``text`` set to what the pipeline codes."""
    if article.html:
        article = extract_html(dataclasses.replace(article, html=safe_text(article.html)))
        check_size(len(article.text.encode("utf-8")), settings)
        article = dataclasses.replace(article, text=safe_text(article.text))
    else:
        check_size(len(article.text.encode("utf-8", "surrogatepass")), settings)
        text = drop_junk_lines(unwrap(safe_text(article.text)))
        title = article.title or headline(text)
        article = dataclasses.replace(article, text=text, title=title)
    if article.title is not None:
        article = dataclasses.replace(article, title=safe_text(article.title))
    if len(article.text.strip()) < settings.min_chars:
        raise EmptyText("no text left after cleaning")
    if article.published is None:
        found = dateline_date(article.text)
        if found is not None:
            article = dataclasses.replace(article, published=found, published_source="dateline")
    return dataclasses.replace(article, language=check_language(article.text, settings.languages))
