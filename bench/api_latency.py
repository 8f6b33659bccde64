"""API latency on a synthetic database of 100,000 events (issue #13: p95 under 200 ms for a
filtered page of events and for a dyad series).

The database is made here with SQL (20,000 articles, 100,000 events among 30 countries, one
actor and one recipient each, dates over five years), served by a real ``backchannel serve``
on a free port and called over HTTP with httpx; each figure is also given as a ratio to the
server's baseline (``GET /api/events/{id}``, a lookup by key, measured in the same run). Usage:
    .venv/bin/python bench/api_latency.py [--events N] [--requests N]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from backchannel.store.duck import DuckDBStore

COUNTRIES = [
    "USA", "IRN", "RUS", "UKR", "CHN", "FRA", "GBR", "DEU", "ISR", "PSE", "SYR", "IRQ", "TUR",
    "SAU", "EGY", "IND", "PAK", "AFG", "PRK", "KOR", "JPN", "BLR", "POL", "MLI", "DZA", "OMN",
    "QAT", "CHE", "VEN", "BRA",
]  # fmt: skip
TYPES = [
    ("AGREE", 1, 4.0), ("CONSULT", 1, 2.0), ("SUPPORT", 1, 3.0), ("CONCEDE", 2, 5.0),
    ("COOPERATE", 2, 6.0), ("AID", 2, 7.0), ("RETREAT", 2, 4.0), ("REQUEST", 3, -1.0),
    ("ACCUSE", 3, -2.0), ("REJECT", 3, -4.0), ("THREATEN", 3, -6.0), ("PROTEST", 3, -5.0),
    ("SANCTION", 4, -5.0), ("MOBILIZE", 4, -6.0), ("COERCE", 4, -7.0), ("ASSAULT", 4, -9.0),
]  # fmt: skip


def _values(rows: list[tuple[object, ...]]) -> str:
    return ", ".join(repr(row) for row in rows)


def build(path: Path, events: int) -> None:
    """The synthetic database: every table as ``backchannel ingest`` writes it."""
    store = DuckDBStore.connect(str(path))
    sql = store.connection.execute
    sql(f"CREATE TEMP TABLE countries (n INTEGER, code VARCHAR); INSERT INTO countries VALUES "
        f"{_values(list(enumerate(COUNTRIES)))}")  # fmt: skip
    sql(f"CREATE TEMP TABLE kinds (n INTEGER, event VARCHAR, quad INTEGER, intensity DOUBLE);"
        f" INSERT INTO kinds VALUES {_values([(i, *t) for i, t in enumerate(TYPES)])}")  # fmt: skip
    articles = events // 5
    sql(
        "INSERT INTO articles (article_id, content_hash, url, title, published, origin, text,"
        " ingested_at) SELECT 'a' || i, 'h' || i, 'https://www.outlet' || (i % 50)"
        " || '.example/' || i, 'Article ' || i, DATE '2021-01-01' + CAST(i % 1800 AS INTEGER),"
        " 'bench', 'Synthetic article ' || i, now() FROM range(?) t(i)",
        [articles],
    )
    sql(
        "CREATE TEMP TABLE ev AS SELECT i, 'e' || i AS event_id, 'a' || (i // 5) AS article_id,"
        " CAST(i % 5 AS INTEGER) AS position, k.event, k.quad, k.intensity,"
        " CAST(DATE '2021-01-01' + CAST((i // 5) % 1800 AS INTEGER) AS VARCHAR) AS day,"
        " c1.code AS actor, c2.code AS recipient FROM range(?) t(i)"
        " JOIN kinds k ON k.n = i % 16 JOIN countries c1 ON c1.n = i % 30"
        " JOIN countries c2 ON c2.n = (i * 7 + 1 + i // 30) % 30",
        [events],
    )
    sql(
        "INSERT INTO events (event_id, article_id, position, schema, event, quad_class,"
        " intensity, status, negated, date_start, date_end, date_granularity, date_basis,"
        " evidence_sentence, evidence_start, evidence_end, evidence_trigger, confidence,"
        " coder, document, dropped) SELECT event_id, article_id, position,"
        " 'backchannel.event/1', event, quad, intensity, 'asserted', false, day, day, 'day',"
        " 'explicit', actor || ' acted on ' || recipient || '.', 0, 20, 'acted', 0.8,"
        " 'bench', json_object('schema', 'backchannel.event/1', 'event_id', event_id,"
        " 'article_id', article_id, 'event', event, 'mode', NULL, 'context', [],"
        " 'quad_class', quad, 'intensity', intensity,"
        " 'actor', [json_object('text', actor, 'name', actor, 'country', actor)],"
        " 'recipient', [json_object('text', recipient, 'name', recipient,"
        " 'country', recipient)], 'intermediary', [], 'status', 'asserted',"
        " 'negated', false, 'date', json_object('start', day, 'end', day),"
        " 'attribution', json_object('kind', 'author', 'chain', []),"
        " 'evidence', json_object('sentence', actor || ' acted on ' || recipient || '.',"
        " 'start', 0, 'end', 20, 'trigger', 'acted'), 'confidence', 0.8, 'coder', 'bench',"
        " 'dropped', NULL), NULL FROM ev"
    )
    sql(
        "INSERT INTO event_actors (event_id, role, position, text, name, country)"
        " SELECT event_id, 'actor', 0, actor, actor, actor FROM ev UNION ALL"
        " SELECT event_id, 'recipient', 0, recipient, recipient, recipient FROM ev"
    )
    store.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(db: Path) -> tuple[subprocess.Popen[bytes], httpx.Client]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKCHANNEL_")}
    command = [sys.executable, "-m", "backchannel", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, env=env)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
    for _ in range(300):
        try:
            if client.get("/openapi.json").status_code == 200:
                return process, client
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def timings(client: httpx.Client, urls: list[str], requests: int) -> list[float]:
    for url in urls[:3]:
        client.get(url).raise_for_status()
    seconds = []
    for n in range(requests):
        begin = time.perf_counter()
        client.get(urls[n % len(urls)]).raise_for_status()
        seconds.append(time.perf_counter() - begin)
    return seconds


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        begin = time.perf_counter()
        build(db, args.events)
        print(f"built {args.events} events in {time.perf_counter() - begin:.1f} s")
        process, client = start(db)
        try:
            pairs = [(COUNTRIES[i], COUNTRIES[(i * 11 + 1) % 30]) for i in range(10)]
            cases = {
                "baseline: one event by id": [f"/api/events/e{n * 997}" for n in range(50)],
                "filtered events page (country, type, since; 50)": [
                    f"/api/events?country={c}&type={t}&since=2022-01-01&limit=50"
                    for c in COUNTRIES[:10] for t, _, _ in TYPES[::3]
                ],
                "events page 20 of a filtered walk (cursor)": [],
                "dyad series (week)": [
                    f"/api/dyads?actor={a}&recipient={r}&interval=week" for a, r in pairs
                ],
                "dyad series (day)": [
                    f"/api/dyads?actor={a}&recipient={r}&interval=day" for a, r in pairs
                ],
            }  # fmt: skip
            cases["events page 20 of a filtered walk (cursor)"] = [deep_page(client)]
            report(client, cases, args.requests)
        finally:
            client.close()
            process.terminate()
            process.wait()


def deep_page(client: httpx.Client) -> str:
    """The URL of the 20th page of 50 events of USA (walked with the cursors)."""
    url = "/api/events?country=USA&limit=50"
    for _ in range(19):
        after = client.get(url).json()["next"]
        url = f"/api/events?country=USA&limit=50&cursor={after}"
    return url


def report(client: httpx.Client, cases: dict[str, list[str]], requests: int) -> None:
    baseline = 0.0
    for name, urls in cases.items():
        seconds = timings(client, urls, requests)
        high = p95(seconds)
        baseline = baseline or high
        print(
            f"{name:50} p50 {statistics.median(seconds) * 1000:6.1f} ms"
            f"  p95 {high * 1000:6.1f} ms  ({high / baseline:4.1f}x baseline)"
        )


if __name__ == "__main__":
    main()
