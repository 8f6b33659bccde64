"""Readers for plain text, HTML, JSONL, directories and stdin."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from backchannel.errors import (
    BackchannelError,
    BinaryInput,
    EmptyText,
    MalformedRecord,
    TooLarge,
    UndecodableInput,
    UnreadablePath,
)
from backchannel.records import Article, Rejection, content_hash
from backchannel.settings import Settings

Record = Article | Rejection


def _reject(record: str, err: BackchannelError) -> Rejection:
    return Rejection(record, "ingest", err.code, err.message)


def decode(data: bytes, record: str, settings: Settings) -> str:
    """Bytes to text, refusing binary, oversized and undecodable input."""
    if len(data) > settings.max_bytes:
        raise TooLarge(f"{len(data)} bytes is over the limit of {settings.max_bytes} (max_bytes)")
    if b"\x00" in data[:8192]:
        raise BinaryInput("binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UndecodableInput(f"not valid UTF-8 at byte {err.start}") from err
    if not text.strip():
        raise EmptyText("no text")
    return text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or "<div" in head or "<p>" in head
    )


def parse_date(value: Any, record: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as err:
        raise MalformedRecord(f"'published' is not a date: {value!r}", record=record) from err


def article_from_text(
    text: str, record: str, published: date | None, article_id: str | None = None
) -> Article:
    is_html = looks_like_html(text)
    return Article(
        article_id=article_id or content_hash(text),
        text="" if is_html else text,
        html=text if is_html else None,
        published=published,
        published_source="user" if published else None,
        origin=record,
    )


def article_from_json(data: Any, record: str, published: date | None) -> Article:
    """A JSONL record ``{"id", "text"|"html", "published"?, "url"?, "title"?}``."""
    if not isinstance(data, dict):
        raise MalformedRecord("a JSONL line must be an object")
    text = data.get("text")
    html = data.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise MalformedRecord("no 'text' (or 'html') string")
    own_date = parse_date(data.get("published"), record)
    body = text if isinstance(text, str) else str(html)
    article = article_from_text(body, record, own_date or published)
    if isinstance(html, str) and not isinstance(text, str):
        article.text, article.html = "", html
    if not (article.text or article.html or "").strip():
        raise EmptyText("empty text")
    if data.get("id") is not None:
        article.article_id = str(data["id"])
    article.url = data.get("url")
    article.title = data.get("title")
    article.published_source = "record" if own_date else article.published_source
    return article


def read_jsonl(lines: Iterable[str], name: str, published: date | None) -> Iterator[Record]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = f"{name}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            yield _reject(record, MalformedRecord(f"malformed JSON ({err.msg})"))
            continue
        if isinstance(data, dict) and data.get("id") is not None:
            record = f"{name}:{number} (id {data['id']})"
        try:
            yield article_from_json(data, record, published)
        except BackchannelError as err:
            yield _reject(record, err)


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    else:
        yield path


def read_path(
    path: Path, *, jsonl: bool, settings: Settings, published: date | None
) -> Iterator[Record]:
    record = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        yield _reject(record, UnreadablePath(err.strerror or str(err)))
        return
    yield from read_bytes(
        data, record, jsonl=jsonl or path.suffix == ".jsonl", settings=settings, published=published
    )


def read_bytes(
    data: bytes, record: str, *, jsonl: bool, settings: Settings, published: date | None
) -> Iterator[Record]:
    if jsonl:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            yield _reject(record, UndecodableInput(f"not valid UTF-8 at byte {err.start}"))
            return
        yield from _limit(read_jsonl(text.splitlines(), record, published), settings)
        return
    try:
        yield article_from_text(decode(data, record, settings), record, published)
    except BackchannelError as err:
        yield _reject(record, err)


def _limit(records: Iterator[Record], settings: Settings) -> Iterator[Record]:
    for item in records:
        size = len((item.text or item.html or "").encode()) if isinstance(item, Article) else 0
        if isinstance(item, Article) and size > settings.max_bytes:
            limit = settings.max_bytes
            yield _reject(
                item.origin or item.article_id,
                TooLarge(f"{size} bytes is over the limit of {limit} (max_bytes)"),
            )
        else:
            yield item


def read_inputs(
    paths: Iterable[str],
    *,
    jsonl: bool = False,
    settings: Settings | None = None,
    published: date | None = None,
) -> Iterator[Record]:
    """Articles from each path ("-" or nothing for stdin), in order."""
    settings = settings or Settings()
    names = list(paths) or ["-"]
    for name in names:
        if name == "-":
            yield from read_bytes(
                sys.stdin.buffer.read(),
                "<stdin>",
                jsonl=jsonl,
                settings=settings,
                published=published,
            )
            continue
        path = Path(name)
        if not path.exists():
            yield _reject(name, UnreadablePath("no such file or directory"))
            continue
        for file in _files(path):
            yield from read_path(file, jsonl=jsonl, settings=settings, published=published)
