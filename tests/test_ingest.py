"""Ingest: every reader, and every bad input refused by name while the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import random
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from backchannel.ingest import read_inputs
from backchannel.records import Article, Rejection
from backchannel.settings import Settings

STORY = "Ministers from both countries met in Geneva on Tuesday to discuss the ceasefire."
PAGE = f"<html><head><title>Talks</title></head><body><p>{STORY}</p></body></html>"
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks resume</title><link>https://example.org/a</link>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><guid>a1</guid>
<description>&lt;p&gt;Envoys met in Oman to resume the talks.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/b</link><description></description></item>
</channel></rss>"""


def read(*paths: Path | str, **kwargs: object) -> list[Article | Rejection]:
    return list(read_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def test_plain_text_and_html_are_told_apart(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.html").write_text(PAGE)
    text, page = read(tmp_path)
    assert isinstance(text, Article) and text.text == STORY and text.html is None
    assert isinstance(page, Article) and page.html == PAGE and page.text == ""
    assert text.origin == str(tmp_path / "a.txt")


def test_jsonl_with_a_malformed_line_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": STORY, "published": "2026-03-03", "url": "u"}),
        '{"id": "two", "text": ',
        json.dumps({"id": "three", "html": PAGE}),
        json.dumps({"id": "four", "text": "   "}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    one, two, three, four = read(path)
    assert isinstance(one, Article) and one.article_id == "one"
    assert one.published == date(2026, 3, 3) and one.published_source == "record"
    assert isinstance(two, Rejection) and two.code == "BC101" and two.record == f"{path}:2"
    assert isinstance(three, Article) and three.html == PAGE
    assert isinstance(four, Rejection) and four.code == "BC102" and "four" in four.record


def test_gzip_files_are_read_by_content(tmp_path: Path) -> None:
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    record = json.dumps({"id": "z", "text": STORY})
    (tmp_path / "batch.jsonl.gz").write_bytes(gzip.compress(record.encode()))
    jsonl_article, text_article = read(tmp_path)
    assert isinstance(jsonl_article, Article) and jsonl_article.article_id == "z"
    assert isinstance(text_article, Article) and text_article.text == STORY


def test_feed_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(FEED)
    first, second = read(path)
    assert isinstance(first, Article)
    assert (first.url, first.title, first.article_id) == (
        "https://example.org/a",
        "Talks resume",
        "a1",
    )
    assert first.published == date(2026, 3, 3) and first.published_source == "record"
    assert first.html is not None and "Oman" in first.html
    assert isinstance(second, Rejection) and second.record == f"{path}#2"


def write_warc(path: Path, count: int) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in range(count):
            url = f"https://example.org/{n}"
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET /"))
            )
            body = PAGE.replace("Tuesday", f"day {n}").encode()
            if n == 7:
                body = b"\x00\x01\x02" * 100
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_warc_responses_stream_with_offsets(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    write_warc(path, 300)
    stats: Counter[str] = Counter()
    records = read(path, stats=stats)
    articles = [r for r in records if isinstance(r, Article)]
    [binary] = [r for r in records if isinstance(r, Rejection)]
    assert len(articles) == 299 and stats["warc_skipped"] == 300
    assert binary.code == "BC103" and binary.record.startswith(f"{path}@")
    assert articles[0].url == "https://example.org/0" and articles[0].html is not None
    offsets = [int(a.origin.rsplit("@", 1)[1]) for a in articles if a.origin]
    assert offsets == sorted(offsets) and len(set(offsets)) == 299


def test_bad_inputs_are_refused_by_name_and_the_batch_goes_on(tmp_path: Path) -> None:
    files = {
        "a_empty.txt": b"  \n ",
        "b_binary.bin": bytes(range(256)) * 2,
        "c_big.txt": b"word " * 400,
        "d_good.txt": STORY.encode(),
        "e_latin1.txt": "Le président a dit à l'Élysée que les négociations continuent.".encode(
            "cp1252"
        ),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    records = read(tmp_path, settings=Settings(max_bytes=1000))
    codes = {Path(r.record).name: r.code for r in records if isinstance(r, Rejection)}
    assert codes == {"a_empty.txt": "BC102", "b_binary.bin": "BC103", "c_big.txt": "BC105"}
    good = [r for r in records if isinstance(r, Article)]
    assert [Path(a.origin or "").name for a in good] == ["d_good.txt", "e_latin1.txt"]
    assert "négociations" in good[1].text


def test_undecodable_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    noise = random.Random(1)
    path.write_bytes(bytes(noise.randrange(0x80, 0x100) for _ in range(400)))
    [record] = read(path)
    assert isinstance(record, Rejection) and record.code == "BC104"


def test_missing_path_and_globs(tmp_path: Path) -> None:
    (tmp_path / "x1.txt").write_text(STORY)
    (tmp_path / "x2.txt").write_text(STORY + " Again.")
    found = read(tmp_path / "x*.txt", tmp_path / "nope.txt")
    assert [type(r).__name__ for r in found] == ["Article", "Article", "Rejection"]


def test_stdin_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BufferedReader(io.BytesIO(STORY.encode())))
    monkeypatch.setattr("sys.stdin", fake)
    [record] = read()
    assert isinstance(record, Article) and record.origin == "<stdin>"
