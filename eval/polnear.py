"""PolNeAR (dev): attribution relations through ``find_attributions``.

Several annotators labelled some articles; the scorer takes, per article, the annotation
file whose name sorts first (deterministic). For each of cue, source and content it counts
overlap matches: a predicted span is correct when it overlaps a gold span of that label,
a gold span is found when a predicted span overlaps it. Discontinuous gold spans
(``start end;start end``) count as their outer extent.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from backchannel.grounding import find_attributions
from backchannel.records import TextSpan
from eval.common import EVAL_DIR, print_figures, write_misses

DEV_DIR = EVAL_DIR / "attribution" / "polnear" / "dev"
LABELS = {"Source": "source", "Cue": "cue", "Content": "content"}

Span = tuple[int, int]


def read_ann(path: Path) -> dict[str, list[Span]]:
    """Gold spans by kind (source, cue, content) from a brat standoff file."""
    spans: dict[str, list[Span]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        if label in LABELS:
            numbers = [int(n) for n in offsets.replace(";", " ").split()]
            spans[LABELS[label]].append((min(numbers), max(numbers)))
    return spans


def articles() -> list[tuple[Path, Path]]:
    """(text file, chosen annotation file) per article."""
    chosen: dict[str, Path] = {}
    for ann in sorted((DEV_DIR / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return [(DEV_DIR / "text" / f"{name}.txt", ann) for name, ann in sorted(chosen.items())]


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _predicted(text: str) -> dict[str, list[Span]]:
    spans: dict[str, list[Span]] = defaultdict(list)
    for item in find_attributions(text):
        for kind, span in (
            ("source", item.source_span),
            ("cue", item.cue_span),
            ("content", item.content_span),
        ):
            if isinstance(span, TextSpan):
                spans[kind].append((span.start, span.end))
    return spans


def _count(gold: list[Span], predicted: list[Span], counts: list[float]) -> None:
    counts[0] += sum(any(_overlap(p, g) for g in gold) for p in predicted)
    counts[1] += len(predicted)
    counts[2] += sum(any(_overlap(p, g) for p in predicted) for g in gold)
    counts[3] += len(gold)


def score(write: bool = True) -> dict[str, float]:
    counts = {kind: [0.0, 0.0, 0.0, 0.0] for kind in LABELS.values()}
    misses: list[str] = []
    for text_path, ann_path in articles():
        text = text_path.read_text(encoding="utf-8")
        gold, predicted = read_ann(ann_path), _predicted(text)
        for kind in counts:
            _count(gold[kind], predicted[kind], counts[kind])
        misses.extend(
            f"{text_path.name}\tMISSED CUE\t{text[g[0] : g[1]]!r}"
            for g in gold["cue"]
            if not any(_overlap(p, g) for p in predicted["cue"])
        )
    figures: dict[str, float] = {}
    for kind, (tp_p, n_p, tp_g, n_g) in counts.items():
        precision = tp_p / n_p if n_p else 0.0
        recall = tp_g / n_g if n_g else 0.0
        figures[f"{kind}_precision"], figures[f"{kind}_recall"] = precision, recall
        figures[f"{kind}_f1"] = (
            2 * precision * recall / (precision + recall) if precision + recall else 0.0
        )
    figures["mean_cue_source_f1"] = (figures["cue_f1"] + figures["source_f1"]) / 2
    if write:
        write_misses("polnear", misses)
    return figures


if __name__ == "__main__":
    print_figures("polnear", score())
