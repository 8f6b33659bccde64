"""CAMEO PentaClass: macro-F1 over five classes through the coded events' ``cameo`` codes.

Two mappings from CAMEO roots to the five classes are scored:

- ``macro_f1``: the one in ../shared/eval/README.md: 01 -> 0, 02-05 -> 1, 06-09 -> 2,
  10-14 -> 3, 15-20 -> 4;
- ``macro_f1_original``: Schrodt's original PentaClass, which the gold labels appear to follow
  (appeals (02) labelled 0, reduce relations (16) and investigate (09) labelled 3, protest (14)
  labelled 4): 01-02 -> 0, 03-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3, 14-15 and 17-20 -> 4.

A sentence with no event is class 0. With several events the most confident one decides
(earliest on ties). An act that is denied (status ``denied``, or inside a denial's clause:
"X denied charges that it attacked Y") is class 0: the sentence reports a denial, which
CAMEO codes as a statement (016). The coder's CAMEO codes are the same for both; only the
grouping differs. Figures are also given for each half of the rows (``_a``/``_b``, by a hash
of the row id).
"""

from __future__ import annotations

from collections import defaultdict

from backchannel.events import Denial, code_denials
from backchannel.records import Event
from eval.common import EVAL_DIR, by_half, prf, print_figures, read_jsonl, write_misses
from eval.events_common import best, run

GOLD = EVAL_DIR / "events" / "pentaclass.jsonl"
CLASSES = range(5)
Labels = tuple[int, int, int]  # gold, got (README mapping), got (original grouping)


def _root(event: Event | None) -> int:
    return int(event.cameo[:2]) if event is not None and event.cameo else 1


def penta(event: Event | None) -> int:
    """The PentaClass of an event by the README's mapping (0 for no event or no cameo code)."""
    root = _root(event)
    return 0 if root <= 1 else 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def penta_original(event: Event | None) -> int:
    """The PentaClass of an event by Schrodt's original grouping."""
    root = _root(event)
    if root in (9, 16):
        return 3
    return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _spoken(event: Event | None, denials: list[Denial]) -> Event | None:
    """The event, or None when it is an act the sentence denies."""
    if event is None or event.status == "denied":
        return None
    at = event.evidence.trigger_start
    inside = at is not None and any(d.start <= at < d.end for d in denials)
    return None if inside else event


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


def _both_figures(labels: list[Labels]) -> dict[str, float]:
    """The README mapping's figures, and the macro-F1 of Schrodt's original grouping."""
    figures = _figures([(gold, got) for gold, got, _ in labels])
    figures["macro_f1_original"] = _figures([(gold, got) for gold, _, got in labels])["macro_f1"]
    return figures


def score(write: bool = True) -> dict[str, float]:
    """The figures on every row, then on each half by a hash of the row id (``_a``, ``_b``)."""
    rows = list(read_jsonl(GOLD))
    docs = run([(row["id"], row["text"]) for row in rows])
    outcomes: list[tuple[str, Labels]] = []
    misses: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        doc = docs[row["id"]]
        event = _spoken(best(doc.events), code_denials(doc))
        got = penta(event)
        outcomes.append((row["id"], (row["label"], got, penta_original(event))))
        if got != row["label"]:
            rule = event.rule if event else "none"
            misses[f"gold {row['label']} got {got}"].append(f"{row['id']}\t{rule}\t{row['text']}")
    if write:
        lines = _confusion([(gold, got) for _, (gold, got, _) in outcomes])
        for key, items in sorted(misses.items()):
            lines += [f"## {key}", *items]
        write_misses("pentaclass", lines)
    return by_half(outcomes, _both_figures)


if __name__ == "__main__":
    print_figures("pentaclass", score())
