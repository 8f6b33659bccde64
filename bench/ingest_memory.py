"""Ingest memory and throughput: a WARC of N and 10×N synthetic records, read and cleaned.

Each size runs in its own subprocess, so each peak RSS is that run's own; with streaming
ingest the two peaks should be close (constant memory). Usage:
    .venv/bin/python bench/ingest_memory.py [N]      (default N = 300)
"""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPH = (
    "<p>Officials from the two governments met in Geneva on {n} to discuss the ceasefire, "
    "according to diplomats who were briefed on the talks and who said a further round "
    "was planned for the following month if the sanctions were eased.</p>"
)


def page(n: int) -> bytes:
    body = "".join(PARAGRAPH.format(n=f"day {n}.{i}") for i in range(8))
    nav = "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    head = f"<html><head><title>Talks {n}</title></head>"
    return f"{head}<body>{nav}<article>{body}</article></body></html>".encode()


def write_warc(path: Path, count: int) -> None:
    headers = [("Content-Type", "text/html; charset=utf-8")]
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in range(count):
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://example.org/{n}",
                "response",
                payload=io.BytesIO(page(n)),
                http_headers=http,
            )
            writer.write_record(record)


def measure(path: str) -> None:
    """Child process: ingest and clean every record, print JSON figures."""
    from backchannel.clean import clean
    from backchannel.ingest import read_inputs
    from backchannel.records import Article
    from backchannel.settings import Settings

    settings, count, started = Settings(), 0, time.perf_counter()
    for record in read_inputs([path], settings=settings):
        if isinstance(record, Article):
            clean(record, settings)
            count += 1
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"records": count, "seconds": seconds, "peak_rss_mib": peak_mib}))


def run(count: int, folder: Path) -> dict[str, float]:
    path = folder / f"synthetic-{count}.warc.gz"
    write_warc(path, count)
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        measure(sys.argv[2])
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as folder:
        for count in (n, 10 * n):
            figures = run(count, Path(folder))
            rate, peak = figures["records"] / figures["seconds"], figures["peak_rss_mib"]
            print(f"{count:>7} records: {rate:8.1f} records/s, peak RSS {peak:.1f} MiB")


if __name__ == "__main__":
    main()
