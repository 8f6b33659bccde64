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
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, cast

from backchannel.errors import BackchannelError, MalformedRecord, TooLarge, UnreadablePath
from backchannel.ingest.decoding import check_article_size, decode, line_limit, to_text
from backchannel.ingest.feeds import looks_like_feed, read_feed
from backchannel.ingest.records import Record, article_from_json, article_from_text, reject
from backchannel.ingest.warc import looks_like_warc, read_warc
from backchannel.safety import printable
from backchannel.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"
HEAD = 4096
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
FEED_SUFFIXES = (".rss", ".atom", ".rss.gz", ".atom.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
GLOB_MARKS = re.compile(r"[*?]")


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """The lines of ``stream``, none held longer than ``limit`` bytes: a longer line is
    skipped to its end and given as its length (memory stays bounded, even on a bomb)."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        yield len(line) + _skip_line(stream, limit)


def _skip_line(stream: IO[bytes], limit: int) -> int:
    """Read past the rest of a line, a chunk at a time; how many bytes were skipped."""
    skipped = 0
    while more := stream.readline(limit + 1):
        skipped += len(more)
        if more.endswith(b"\n"):
            break
    return skipped


def _json_value(raw: bytes) -> object:
    """One JSONL line parsed; any failure (bad JSON, nesting too deep, a bad escape) is a
    ``MalformedRecord``."""
    text = to_text(raw)
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise MalformedRecord(f"malformed JSON ({err.msg} column {err.colno})") from err
    except RecursionError as err:
        raise MalformedRecord("JSON nested too deeply") from err
    except (ValueError, MemoryError) as err:
        raise MalformedRecord(f"unreadable JSON ({type(err).__name__})") from err


def _bounded(lines: IO[bytes] | Iterable[bytes], limit: int) -> Iterator[bytes | int]:
    """Lines from a stream (read a bounded piece at a time) or from lines already in memory."""
    if hasattr(lines, "readline"):
        yield from _lines(cast(IO[bytes], lines), limit)
        return
    for line in lines:
        yield line if len(line) <= limit else len(line)


def read_jsonl(
    lines: IO[bytes] | Iterable[bytes], name: str, settings: Settings, published: date | None
) -> Iterator[Record]:
    """One article per JSONL line; a bad line is a rejection named ``name:line``."""
    limit = line_limit(settings)
    for number, raw in enumerate(_bounded(lines, limit), start=1):
        record = f"{name}:{number}"
        if isinstance(raw, int):
            yield reject(record, TooLarge(f"a line of {raw} bytes is over the limit of {limit}"))
            continue
        if not raw.strip():
            continue
        try:
            data = _json_value(raw)
        except BackchannelError as err:
            yield reject(record, err)
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str | int):
            record = f"{name}:{number} (id {str(data['id'])[:80]})"
        yield _checked(record, data, settings, published)


def _checked(record: str, data: object, settings: Settings, published: date | None) -> Record:
    try:
        article = article_from_json(data, record, published)
        check_article_size(article, settings)
    except BackchannelError as err:
        return reject(record, err)
    return article


def _single(stream: IO[bytes], name: str, settings: Settings, published: date | None) -> Record:
    """A whole file (or stdin) as one text or HTML record; never truncated."""
    limit = max(settings.max_bytes, settings.max_html_bytes)
    data = stream.read(limit + 1)
    try:
        if len(data) > limit:
            raise TooLarge(f"over the limit of {limit} bytes (max_html_bytes)")
        article = article_from_text(decode(data, settings, limit=limit), name, published)
        check_article_size(article, settings)
        return article
    except BackchannelError as err:
        return reject(name, err)


def _kind(name: str, head: bytes, jsonl: bool) -> str:
    lowered = name.lower()
    if jsonl or lowered.endswith(JSONL_SUFFIXES) or _json_lines(head):
        return "jsonl"
    if lowered.endswith(WARC_SUFFIXES) or looks_like_warc(head):
        return "warc"
    if lowered.endswith(FEED_SUFFIXES) or looks_like_feed(head):
        return "feed"
    return "single"


def _json_lines(head: bytes) -> bool:
    """Whether a file of no known suffix holds JSON lines: its first line is an object
    (or longer than the bytes looked at); a text that merely begins with "{" is a text."""
    first = head.lstrip().split(b"\n", 1)
    if first[0][:1] != b"{":
        return False
    return (len(first) == 1 and len(head) >= HEAD) or first[0].rstrip().endswith(b"}")


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
    elif GLOB_MARKS.search(name):  # "[12].txt" is a name, not a pattern
        yield from (Path(match) for match in sorted(glob.glob(name, recursive=True)))


def read_path(
    path: Path, *, jsonl: bool, settings: Settings, published: date | None, stats: Counter[str]
) -> Iterator[Record]:
    name = printable(str(path))  # a file name that is not UTF-8 is shown escaped
    try:
        stream = path.open("rb")
    except OSError as err:
        yield reject(name, UnreadablePath(err.strerror or str(err)))
        return
    with stream:
        yield from _isolated(stream, name, jsonl, settings, published, stats)


def _isolated(
    stream: io.BufferedReader, name: str, jsonl: bool, settings: Settings,
    published: date | None, stats: Counter[str],
) -> Iterator[Record]:  # fmt: skip
    """The records of one file; a failure of the file itself (unreadable, cut short) is its
    rejection, and the records read before it stand."""
    try:
        yield from read_stream(
            stream, name, jsonl=jsonl, settings=settings, published=published, stats=stats
        )
    except (OSError, EOFError, zlib.error) as err:
        yield reject(name, UnreadablePath(f"read failed: {err}"))
    except (ValueError, RecursionError, MemoryError) as err:
        yield reject(name, MalformedRecord(f"read failed: {type(err).__name__}: {err}"))


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
            yield from _isolated(stdin, "<stdin>", jsonl, settings, published, stats)
            continue
        found = False
        for file in _files(name):
            found = True
            yield from read_path(
                file, jsonl=jsonl, settings=settings, published=published, stats=stats
            )
        if not found:
            yield reject(name, UnreadablePath("no such file or directory"))
