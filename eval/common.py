"""Shared by the scorers: where the gold data is, and small metric helpers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"
OUT_DIR = ROOT / "eval" / "out"  # misses and reports written by `make eval` (ignored by git)

Item = TypeVar("Item")


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


def by_half(
    items: Sequence[tuple[str, Item]], figures: Callable[[list[Item]], dict[str, float]]
) -> dict[str, float]:
    """``figures`` of every item, then of each half (``_a``, ``_b``) by a hash of its key.

    ``items`` are (key, per-item outcome) pairs, computed once; only the aggregation is
    repeated, and each half keeps the items' order.
    """
    merged = dict(figures([item for _, item in items]))
    for part in "ab":
        chosen = [item for key, item in items if half(key) == part]
        merged |= {f"{name}_{part}": value for name, value in figures(chosen).items()}
    return merged
