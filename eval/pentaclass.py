"""CAMEO PentaClass: macro-F1 over five classes through the coded events' ``cameo`` codes.

CAMEO root 01 -> 0, 02-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4; a sentence with no
event is class 0. With several events the most confident one decides (earliest on ties).
"""

from __future__ import annotations

from collections import defaultdict

from backchannel.records import Event
from eval.common import EVAL_DIR, prf, print_figures, read_jsonl, write_misses
from eval.events_common import best, run

GOLD = EVAL_DIR / "events" / "pentaclass.jsonl"
CLASSES = range(5)


def penta(event: Event | None) -> int:
    """The PentaClass of an event (0 for no event or no cameo code)."""
    if event is None or not event.cameo:
        return 0
    root = int(event.cameo[:2])
    return 0 if root <= 1 else 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _figures(pairs: list[tuple[int, int]]) -> dict[str, float]:
    figures: dict[str, float] = {}
    f1s = []
    for label in CLASSES:
        tp = sum(1 for gold, got in pairs if gold == got == label)
        fp = sum(1 for gold, got in pairs if got == label != gold)
        fn = sum(1 for gold, got in pairs if gold == label != got)
        f1s.append(prf(tp, fp, fn)[2])
        figures[f"f1_class_{label}"] = f1s[-1]
    figures["macro_f1"] = sum(f1s) / len(f1s)
    figures["accuracy"] = sum(1 for gold, got in pairs if gold == got) / max(len(pairs), 1)
    return figures


def _confusion(pairs: list[tuple[int, int]]) -> list[str]:
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for pair in pairs:
        counts[pair] += 1
    header = "gold\\got " + " ".join(f"{c:>5}" for c in CLASSES)
    rows = [f"{g:>8} " + " ".join(f"{counts[g, c]:>5}" for c in CLASSES) for g in CLASSES]
    return ["## confusion", header, *rows]


def score(write: bool = True) -> dict[str, float]:
    rows = list(read_jsonl(GOLD))
    docs = run([(row["id"], row["text"]) for row in rows])
    pairs: list[tuple[int, int]] = []
    misses: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        event = best(docs[row["id"]].events)
        got = penta(event)
        pairs.append((row["label"], got))
        if got != row["label"]:
            rule = event.rule if event else "none"
            misses[f"gold {row['label']} got {got}"].append(f"{row['id']}\t{rule}\t{row['text']}")
    if write:
        lines = _confusion(pairs)
        for key, items in sorted(misses.items()):
            lines += [f"## {key}", *items]
        write_misses("pentaclass", lines)
    return _figures(pairs)


if __name__ == "__main__":
    print_figures("pentaclass", score())
