"""WARC and ARC files, gzipped or not (CC-NEWS style), read record by record with warcio.

Response records holding HTML become articles (url from ``WARC-Target-URI``, origin
``file@offset``); other records are skipped and counted under ``warc_skipped``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Generator, Iterator
from datetime import date
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader

from backchannel.errors import BackchannelError, MalformedRecord, TooLarge
from backchannel.ingest.decoding import decode
from backchannel.ingest.records import Record, article_from_text, reject
from backchannel.settings import Settings

WARC_START = re.compile(rb"\s*(?:WARC/\d\.\d+\r?\n|filedesc://)")
GZIP_MAGIC = b"\x1f\x8b"
BUFF_SIZE = 16384  # warcio's block size
HEADER_LIMIT = 1 << 20  # bytes of headers one record may have
RECORD_INSIDE = re.compile(rb"\r\n\r\nWARC/1\.[01]\r\nWARC-[A-Za-z-]+: ")  # any header first
SCAN_CHUNK = 1 << 20  # bytes read at a time looking for the next record
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


class _BoundedReader(DecompressingBufferedReader):
    """warcio's reader with a cap on the header bytes of a record: a header that never ends
    (or a gzip bomb of one) is refused instead of read into memory."""

    header_limit = HEADER_LIMIT
    in_headers = 0

    def readline(self, length: int | None = None) -> bytes:
        cap = self.header_limit - self.in_headers + 1
        line: bytes = super().readline(cap if length is None else min(length, cap))
        self.in_headers += len(line)
        if self.in_headers > self.header_limit:
            self.in_headers = 0
            raise MalformedRecord(f"record headers over {self.header_limit} bytes")
        return line

    def read(self, length: int | None = None) -> bytes:
        self.in_headers = 0
        data: bytes = super().read(length)
        return data


class _Archive(ArchiveIterator):
    """An ``ArchiveIterator`` with bounded headers and without warcio's own warnings on
    stderr (a damaged record is reported as a rejection instead)."""

    INC_RECORD = ""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__(stream, arc2warc=True)
        self.reader = _BoundedReader(self.fh, block_size=BUFF_SIZE)


def read_warc(
    stream: IO[bytes], name: str, settings: Settings, published: date | None, stats: Counter[str]
) -> Iterator[Record]:
    """Articles from the HTML responses of one WARC/ARC stream, in order, streaming. A
    damaged record (garbage, cut short, a wrong Content-Length) is a rejection, and reading
    goes on at the next record boundary (when the file can seek; stdin cannot)."""
    start: int | None = _tell(stream)
    gzipped = start is not None and _peek(stream, start, 2) == GZIP_MAGIC
    while start is not None:
        failed = yield from _records(stream, start, name, settings, published, stats)
        start = None if failed is None else _next_boundary(stream, failed + 1, gzipped)


def _records(
    stream: IO[bytes], start: int, name: str, settings: Settings, published: date | None,
    stats: Counter[str],
) -> Generator[Record, None, int | None]:  # fmt: skip
    """The records from ``start`` on; the offset of a damaged record, or None at the end."""
    if stream.seekable():
        stream.seek(start)
    archive = _Archive(stream)
    try:
        for record in archive:
            if not _is_html_response(record):
                stats["warc_skipped"] += 1
                continue
            data = record.content_stream().read(_limit(settings) + 1)
            if RECORD_INSIDE.search(data):  # a Content-Length too long swallowed the next
                raise MalformedRecord("its Content-Length runs into the next record")
            where = f"{name}@{archive.get_record_offset()}"  # reads the record to its end
            yield _article(record, data, where, settings, published)
    except Exception as err:  # warcio fails in many ways on a damaged archive
        failed = int(getattr(archive, "offset", start) or start)
        reason = f"damaged archive record ({type(err).__name__}: {str(err)[:160]})"
        yield reject(f"{name}@{failed}", MalformedRecord(" ".join(reason.split())))
        return failed
    return None


def _tell(stream: IO[bytes]) -> int | None:
    try:
        return stream.tell() if stream.seekable() else 0
    except OSError:
        return 0


def _peek(stream: IO[bytes], at: int, size: int) -> bytes:
    if not stream.seekable():
        return b""
    stream.seek(at)
    head = stream.read(size)
    stream.seek(at)
    return head


def _next_boundary(stream: IO[bytes], start: int, gzipped: bool) -> int | None:
    """Where the next record begins at or after ``start``: a gzip member's magic bytes, or
    a "WARC/1.x" line; None at the end of the file (or on a stream that cannot seek)."""
    if not stream.seekable():
        return None
    mark = re.compile(re.escape(GZIP_MAGIC + b"\x08") if gzipped else rb"WARC/1\.[01]\r?\n")
    stream.seek(start)
    at, carry = start, b""
    while chunk := stream.read(SCAN_CHUNK):
        found = mark.search(carry + chunk)
        if found is not None:
            return at - len(carry) + found.start()
        carry = (carry + chunk)[-16:]
        at += len(chunk)
    return None
