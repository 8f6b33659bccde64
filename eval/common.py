"""Shared by the scorers: where the gold data is, and small metric helpers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"
OUT_DIR = ROOT / "eval" / "out"  # misses and reports written by `make eval` (ignored by git)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def print_figures(name: str, figures: dict[str, float]) -> None:
    print(f"== {name}")
    for key, value in figures.items():
        print(f"  {key:<40} {value:.3f}")


def write_misses(name: str, lines: list[str]) -> Path:
    """Write a scorer's misses to eval/out/NAME.misses.txt for error analysis."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / f"{name}.misses.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def half(key: str) -> str:
    """The development half a gold item belongs to, "a" or "b", by a hash of its id.

    Tune on one half, check on the other: a rule that helps only the half it was written
    for does not generalise.
    """
    return "ab"[hashlib.sha256(key.encode("utf-8")).digest()[0] % 2]
