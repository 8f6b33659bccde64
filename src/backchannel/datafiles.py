"""The package's knowledge files (``backchannel/data/``), found and read one way."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_lines(*parts: str) -> list[str]:
    """The entries of a one-per-line data file: stripped, without blanks and ``#`` comments."""
    text = DATA_DIR.joinpath(*parts).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
