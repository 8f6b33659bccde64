"""WARC and ARC files, gzipped or not (CC-NEWS style), read record by record with warcio.

Response records holding HTML become articles (url from ``WARC-Target-URI``, origin
``file@offset``); other records are skipped and counted under ``warc_skipped``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from backchannel.errors import BackchannelError, MalformedRecord, TooLarge
from backchannel.ingest.decoding import decode
from backchannel.ingest.records import Record, article_from_text, reject
from backchannel.settings import Settings

WARC_MARKS = (b"WARC/", b"filedesc://")
HTML_TYPES = ("text/html", "application/xhtml")


def looks_like_warc(head: bytes) -> bool:
    return head.lstrip().startswith(WARC_MARKS)


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response":
        return False
    headers = record.http_headers
    kind = headers.get_header("Content-Type", "") if headers is not None else ""
    return not kind or any(mark in kind.lower() for mark in HTML_TYPES)


def _article(
    record: Any, data: bytes, where: str, settings: Settings, published: date | None
) -> Record:
    try:
        if len(data) > settings.max_bytes:
            raise TooLarge(f"over the limit of {settings.max_bytes} bytes (max_bytes)")
        article = article_from_text(decode(data, settings), where, published)
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
            data = record.content_stream().read(settings.max_bytes + 1)
            where = f"{name}@{archive.get_record_offset()}"  # reads the record to its end
            yield _article(record, data, where, settings, published)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
        yield reject(f"{name}@{archive.get_record_offset()}", MalformedRecord(str(err)[:200]))
