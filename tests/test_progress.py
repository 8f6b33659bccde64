"""`backchannel ingest` shows a progress bar (rate, ETA) on a terminal and stays quiet in pipes."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

BACKCHANNEL = [sys.executable, "-m", "backchannel"]


def _articles(folder: Path) -> Path:
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(
            f"Russia attacked Kyiv for the {n + 1}th time on Tuesday.\n"
        )
    return folder


def _ingest_with_stderr(stderr: int, folder: Path, db: Path) -> subprocess.CompletedProcess[bytes]:
    command = [*BACKCHANNEL, "ingest", str(folder), "--db", str(db), "--published", "2025-07-04"]
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=stderr, env=env, timeout=300)


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    result = _ingest_with_stderr(secondary, _articles(tmp_path / "in"), tmp_path / "t.duckdb")
    os.close(secondary)
    shown = _read_all(primary)
    os.close(primary)
    assert result.returncode == 0, shown
    assert "3/3" in shown and "article/s" in shown, shown


def test_no_progress_bar_in_a_pipe(tmp_path: Path) -> None:
    result = _ingest_with_stderr(subprocess.PIPE, _articles(tmp_path / "in"), tmp_path / "p.duckdb")
    shown = result.stderr.decode()
    assert result.returncode == 0, shown
    assert "article/s" not in shown and "\r" not in shown
    assert "stored 3" in shown
