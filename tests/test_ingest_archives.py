"""`backchannel ingest` on a WARC archive of a few hundred records and a feed file, end to end."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import duckdb
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

Run = Callable[..., tuple[int, str, str]]

ACTORS = [
    "Russia",
    "Iran",
    "Israel",
    "Turkey",
    "Egypt",
    "Qatar",
    "Oman",
    "France",
    "Japan",
    "Chile",
]
TARGETS = [
    "Ukraine",
    "Syria",
    "Lebanon",
    "Greece",
    "Libya",
    "Sudan",
    "Yemen",
    "Spain",
    "Peru",
    "Kenya",
]
VERBS = [
    "accused {t} of violating the truce",
    "signed a trade agreement with {t}",
    "met envoys from {t}",
]
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks resume</title><link>https://example.org/feed/a</link>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><guid>feed-a</guid>
<description>&lt;p&gt;Oman hosted talks between Iran and the United States on Monday,
officials said.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/feed/b</link><description></description></item>
</channel></rss>"""


def _story(n: int) -> str:
    actor, target = ACTORS[n % 10], TARGETS[(n // 10) % 10]
    verb = VERBS[(n // 100) % 3].format(t=target)
    return f"{actor} {verb} on Tuesday, report {n} said. Officials in {actor} confirmed it."


def _write_warc(path: Path, count: int) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in range(count):
            body = f"<html><body><article><p>{_story(n)}</p></article></body></html>"
            if n == 6:  # the same page as n == 5
                body = f"<html><body><article><p>{_story(5)}</p></article></body></html>"
            payload = b"\x00\x01binary" * 40 if n == 9 else body.encode()
            record = writer.create_warc_record(
                f"https://example.org/{n}",
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
            )
            writer.write_record(record)


def test_ingest_a_warc_and_a_feed(run_cli: Run, tmp_path: Path) -> None:
    warc, feed, db = tmp_path / "crawl.warc.gz", tmp_path / "wire.xml", tmp_path / "news.duckdb"
    _write_warc(warc, 300)
    feed.write_text(FEED)
    code, _, err = run_cli(
        "ingest", str(warc), str(feed), "--db", str(db), "--published", "2026-03-04"
    )
    assert code == 0, err
    summary = err.strip().splitlines()[-1]
    # 300 records: one binary refused, one exact copy of another page; the feed: one empty entry.
    assert "refused 2" in summary and "BC103: 1" in summary and "BC102: 1" in summary, summary
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("select count(*) from articles").fetchone()
        origins = con.execute("select origin, url from articles where url like '%/42'").fetchall()
        events = con.execute("select count(distinct article_id) from events").fetchone()
    assert stored is not None and stored[0] == 299, summary  # 298 distinct pages + the feed entry
    assert origins and origins[0][0].startswith(f"{warc}@")
    assert events is not None and events[0] > 250
