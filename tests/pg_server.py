"""A throwaway PostgreSQL server for the tests: ``initdb`` and ``pg_ctl`` in a temporary
directory, on a free port, its unix socket in that directory too.

The binaries are looked up on PATH, then in ``/usr/lib/postgresql/*/bin`` (Debian's
``postgresql`` package; ``make test-postgres`` and ``.ci/run`` install it). ``initdb``
refuses to run as root: as root the server runs as ``nobody`` (through ``runuser``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg


def find_binaries() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl`` (None when there is none)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    root: Path
    port: int
    bin: Path
    user: list[str]  # the command prefix that runs as the server's owner

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [*self.user, str(self.bin / "pg_ctl"), "-D", str(self.root / "data"), "-m",
             "immediate", "-w", "stop"],
            capture_output=True, check=False,
        )  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)


def start(bin_dir: Path) -> Server:
    """initdb a cluster in a fresh temporary directory and start it (trust auth, no fsync)."""
    root = Path(tempfile.mkdtemp(prefix="backchannel-pg-"))
    user: list[str] = []
    if os.geteuid() == 0:
        user = ["runuser", "-u", "nobody", "--"]
        shutil.chown(root, "nobody")
    port = _free_port()
    server = Server(root, port, bin_dir, user)
    run = [*user, str(bin_dir / "initdb"), "-D", str(root / "data"), "-U", "postgres",
           "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]  # fmt: skip
    done = subprocess.run(run, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
    options = (
        f"-p {port} -h 127.0.0.1 -k {root} -c fsync=off -c synchronous_commit=off"
        " -c full_page_writes=off -c max_connections=100"
    )
    started = subprocess.run(
        [*user, str(bin_dir / "pg_ctl"), "-D", str(root / "data"), "-l", str(root / "log"),
         "-o", options, "-w", "-t", "60", "start"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if started.returncode != 0:
        log = (root / "log").read_text() if (root / "log").exists() else ""
        server.stop()
        raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()} {log[-2000:]}")
    return server
