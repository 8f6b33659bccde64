"""Readers: plain text, HTML, JSONL, feeds, WARC/ARC, ``.gz``, directories, globs and stdin.

The kind of each file is told by its content (gzip magic, ``WARC/``, ``<rss``/``<feed``, a
leading ``{``) and its suffix. Large inputs (JSONL, WARC, feeds inside gzip) are streamed
record by record, so memory stays constant whatever the file size.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, cast

from backchannel.errors import BackchannelError, MalformedRecord, TooLarge, UnreadablePath
from backchannel.ingest.decoding import check_size, decode, to_text
from backchannel.ingest.feeds import looks_like_feed, read_feed
from backchannel.ingest.records import Record, article_from_json, article_from_text, reject, size_of
from backchannel.ingest.warc import looks_like_warc, read_warc
from backchannel.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"
HEAD = 4096
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
FEED_SUFFIXES = (".rss", ".atom", ".rss.gz", ".atom.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def read_jsonl(
    lines: Iterable[bytes], name: str, settings: Settings, published: date | None
) -> Iterator[Record]:
    """One article per JSONL line; a bad line is a rejection named ``name:line``."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        record = f"{name}:{number}"
        try:
            check_size(len(raw), settings)
            data = json.loads(to_text(raw))
        except BackchannelError as err:
            yield reject(record, err)
            continue
        except json.JSONDecodeError as err:
            yield reject(record, MalformedRecord(f"malformed JSON ({err.msg} column {err.colno})"))
            continue
        if isinstance(data, dict) and data.get("id") is not None:
            record = f"{name}:{number} (id {data['id']})"
        yield _checked(record, data, settings, published)


def _checked(record: str, data: object, settings: Settings, published: date | None) -> Record:
    try:
        article = article_from_json(data, record, published)
        check_size(size_of(article), settings)
    except BackchannelError as err:
        return reject(record, err)
    return article


def _single(stream: IO[bytes], name: str, settings: Settings, published: date | None) -> Record:
    """A whole file (or stdin) as one text or HTML record; never truncated."""
    data = stream.read(settings.max_bytes + 1)
    try:
        if len(data) > settings.max_bytes:
            raise TooLarge(f"over the limit of {settings.max_bytes} bytes (max_bytes)")
        return article_from_text(decode(data, settings), name, published)
    except BackchannelError as err:
        return reject(name, err)


def _kind(name: str, head: bytes, jsonl: bool) -> str:
    lowered = name.lower()
    if jsonl or lowered.endswith(JSONL_SUFFIXES) or head.lstrip()[:1] == b"{":
        return "jsonl"
    if lowered.endswith(WARC_SUFFIXES) or looks_like_warc(head):
        return "warc"
    if lowered.endswith(FEED_SUFFIXES) or looks_like_feed(head):
        return "feed"
    return "single"


def _inner_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, from its first (peeked) bytes."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD)
    except zlib.error:
        return b""


def read_stream(
    stream: io.BufferedReader, name: str, *, jsonl: bool, settings: Settings,
    published: date | None, stats: Counter[str],
) -> Iterator[Record]:  # fmt: skip
    """Records of one opened file, whatever its kind (gzip-compressed or not)."""
    head = stream.peek(HEAD)[:HEAD]
    source: IO[bytes] = stream
    if head.startswith(GZIP_MAGIC):
        head = _inner_head(head)
        if looks_like_warc(head):  # warcio reads the per-record gzip members itself
            yield from read_warc(stream, name, settings, published, stats)
            return
        source = cast(IO[bytes], gzip.GzipFile(fileobj=stream))
    kind = _kind(name.removesuffix(".gz"), head, jsonl)
    if kind == "jsonl":
        yield from read_jsonl(source, name, settings, published)
    elif kind == "warc":
        yield from read_warc(source, name, settings, published, stats)
    elif kind == "feed":
        yield from _feed(source, name, settings, published)
    else:
        yield _single(source, name, settings, published)


def _feed(
    stream: IO[bytes], name: str, settings: Settings, published: date | None
) -> Iterator[Record]:
    data = stream.read(settings.max_bytes * 16 + 1)
    if len(data) > settings.max_bytes * 16:
        yield reject(name, TooLarge(f"feed over {settings.max_bytes * 16} bytes"))
        return
    yield from read_feed(data, name, published)


def _files(name: str) -> Iterator[Path]:
    path = Path(name)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    elif path.exists():
        yield path
    else:
        yield from (Path(match) for match in sorted(glob.glob(name, recursive=True)))


def read_path(
    path: Path, *, jsonl: bool, settings: Settings, published: date | None, stats: Counter[str]
) -> Iterator[Record]:
    try:
        stream = path.open("rb")
    except OSError as err:
        yield reject(str(path), UnreadablePath(err.strerror or str(err)))
        return
    with stream:
        try:
            yield from read_stream(
                stream, str(path), jsonl=jsonl, settings=settings, published=published, stats=stats
            )
        except (OSError, EOFError) as err:
            yield reject(str(path), UnreadablePath(f"read failed: {err}"))


def read_inputs(
    paths: Iterable[str],
    *,
    jsonl: bool = False,
    settings: Settings | None = None,
    published: date | None = None,
    stats: Counter[str] | None = None,
) -> Iterator[Record]:
    """Articles from each path ("-" or nothing for stdin), in order, streaming.

    ``stats`` (optional) counts what was skipped without a rejection (non-response WARC records).
    """
    settings = settings or Settings()
    stats = stats if stats is not None else Counter()
    for name in list(paths) or ["-"]:
        if name == "-":
            stdin = cast(io.BufferedReader, sys.stdin.buffer)
            yield from read_stream(
                stdin, "<stdin>", jsonl=jsonl, settings=settings, published=published, stats=stats
            )
            continue
        found = False
        for file in _files(name):
            found = True
            yield from read_path(
                file, jsonl=jsonl, settings=settings, published=published, stats=stats
            )
        if not found:
            yield reject(name, UnreadablePath("no such file or directory"))
