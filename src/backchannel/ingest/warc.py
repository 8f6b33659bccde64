"""WARC and ARC files, gzipped or not (CC-NEWS style), read record by record with warcio.

Response records holding HTML become articles (url from ``WARC-Target-URI``, origin
``file@offset``); other records are skipped and counted under ``warc_skipped``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from backchannel.errors import BackchannelError, MalformedRecord, TooLarge
from backchannel.ingest.decoding import decode
from backchannel.ingest.records import Record, article_from_text, reject
from backchannel.settings import Settings

WARC_START = re.compile(rb"\s*(?:WARC/\d\.\d+\r?\n|filedesc://)")
HTML_TYPES = ("text/html", "application/xhtml")


def looks_like_warc(head: bytes) -> bool:
    """A WARC begins with its version line ("WARC/1.0"), an ARC with "filedesc://"."""
    return WARC_START.match(head) is not None


def _limit(settings: Settings) -> int:
    return max(settings.max_bytes, settings.max_html_bytes)


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response":
        return False
    headers = record.http_headers
    kind = headers.get_header("Content-Type", "") if headers is not None else ""
    return not kind or any(mark in kind.lower() for mark in HTML_TYPES)


def _article(
    record: Any, data: bytes, where: str, settings: Settings, published: date | None
) -> Record:
    limit = _limit(settings)
    try:
        if len(data) > limit:
            raise TooLarge(f"over the limit of {limit} bytes (max_html_bytes)")
        article = article_from_text(decode(data, settings, limit=limit), where, published)
    except BackchannelError as err:
        return reject(where, err)
    article.url = record.rec_headers.get_header("WARC-Target-URI")
    if article.html is None:
        article.html, article.text = article.text, ""
    return article


def read_warc(
    stream: IO[bytes], name: str, settings: Settings, published: date | None, stats: Counter[str]
) -> Iterator[Record]:
    """Articles from the HTML responses of one WARC/ARC stream, in order, streaming."""
    archive = ArchiveIterator(stream, arc2warc=True)
    try:
        for record in archive:
            if not _is_html_response(record):
                stats["warc_skipped"] += 1
                continue
            data = record.content_stream().read(_limit(settings) + 1)
            where = f"{name}@{archive.get_record_offset()}"  # reads the record to its end
            yield _article(record, data, where, settings, published)
    except Exception as err:  # warcio fails in many ways on a damaged archive
        yield reject(f"{name}@{archive.get_record_offset()}", MalformedRecord(str(err)[:200]))
