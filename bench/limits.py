"""Resource limits on hostile inputs: peak memory and time of `backchannel ingest` on bombs.

Each input runs in its own subprocess (its own peak RSS, from ``wait4``), against a fresh
DuckDB file, next to a baseline run on one small article (the model and the libraries
alone). Every bomb must be refused with its BC code and stay under 500 MB. Usage:
    .venv/bin/python bench/limits.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

LIMIT_MB = 500
GB = 1 << 30


def small(folder: Path) -> Path:
    path = folder / "small.txt"
    path.write_text("Iran met Qatar in Doha on Monday, officials said.\n")
    return path


def sparse_jsonl(folder: Path) -> Path:
    """1 GB of NUL bytes without a newline (a sparse file: no disk used)."""
    path = folder / "sparse.jsonl"
    with path.open("wb") as stream:
        stream.truncate(GB)
    return path


def _gzip_of_zeros(path: Path, size: int, prefix: bytes = b"", suffix: bytes = b"") -> Path:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"a" * (1 << 20)
    with path.open("wb") as stream:
        stream.write(packer.compress(prefix))
        for _ in range(size // len(block)):
            stream.write(packer.compress(block))
        stream.write(packer.compress(suffix) + packer.flush())
    return path


def jsonl_bomb(folder: Path) -> Path:
    """A ~2 MB .jsonl.gz that holds one 2 GB line, then a good record."""
    good = json.dumps({"id": "after", "text": "Iran met Qatar in Doha on Monday."}).encode()
    return _gzip_of_zeros(
        folder / "bomb.jsonl.gz", 2 * GB, b'{"id": "big", "text": "', b'"}\n' + good
    )


def warc_header_bomb(folder: Path) -> Path:
    """A .warc.gz whose first record's header never ends (1 GB without a newline)."""
    return _gzip_of_zeros(folder / "bomb.warc.gz", GB, b"WARC/1.0\r\nWARC-Type: response\r\nX: ")


def text_50mb(folder: Path) -> Path:
    path = folder / "big.txt"
    path.write_text("Iran met Qatar in Doha on Monday. " * 1_500_000)
    return path


def html_bomb(folder: Path) -> Path:
    """A 2 MB .html.gz that holds 1 GB of markup."""
    return _gzip_of_zeros(folder / "page.html.gz", GB, b"<html><body><p>")


CASES: dict[str, Callable[[Path], Path]] = {
    "baseline: one small article": small,
    "1 GB sparse .jsonl (one line)": sparse_jsonl,
    "2 GB line in a .jsonl.gz": jsonl_bomb,
    "1 GB header in a .warc.gz": warc_header_bomb,
    "50 MB text file": text_50mb,
    "1 GB page in a .html.gz": html_bomb,
}


def run(path: Path, db: Path) -> tuple[float, float, str]:
    """Peak RSS (MB), seconds and the summary line of one ingest subprocess."""
    command = [sys.executable, "-m", "backchannel", "ingest", "--db", str(db), str(path)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    err = process.stderr.read() if process.stderr else ""
    summary = err.strip().splitlines()[-1] if err.strip() else f"exit {status}"
    return usage.ru_maxrss / 1024, seconds, summary


def main() -> int:
    worst = 0.0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print(f"{'input':32} {'size on disk':>12} {'peak MB':>8} {'seconds':>8}  outcome")
        for label, make in CASES.items():
            path = make(folder)
            size = path.stat().st_blocks * 512
            peak, seconds, summary = run(path, folder / f"{path.stem}.duckdb")
            worst = max(worst, peak)
            print(f"{label:32} {size / 1e6:10.1f} MB {peak:8.0f} {seconds:8.1f}  {summary}")
            path.unlink()
    print(f"worst peak {worst:.0f} MB (limit {LIMIT_MB} MB)")
    return 0 if worst < LIMIT_MB else 1


if __name__ == "__main__":
    sys.exit(main())
