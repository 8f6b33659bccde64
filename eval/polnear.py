"""PolNeAR (dev): attribution relations through ``find_attributions``.

Several annotators labelled some articles (10 of the 84 dev articles have two files). The
scorer pools the counts over every annotation file: an article read by two annotators is
scored against each of them, so no annotator's reading is preferred and the figures are the
average agreement with a PolNeAR annotator. (Taking only the file whose name sorts first,
as an earlier version did, prefers one annotator by the accident of an id; the two choices
differ by about half a point.) ``annotator_agreement_*`` gives the same overlap F1 of one
annotator against the other on the doubly annotated articles: a ceiling for the task.

For each of cue, source and content it counts overlap matches: a predicted span is correct
when it overlaps a gold span of that label, a gold span is found when a predicted span
overlaps it. Discontinuous gold spans (``start end;start end``) count as their outer extent.
Figures are also given for each half of the articles (``_a``/``_b``, by a hash of the article
name; an article's annotation files stay together).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from backchannel.grounding import find_attributions
from backchannel.records import TextSpan
from eval.common import EVAL_DIR, by_half, print_figures, write_misses

DEV_DIR = EVAL_DIR / "attribution" / "polnear" / "dev"
LABELS = {"Source": "source", "Cue": "cue", "Content": "content"}
AGREEMENT = ("cue", "source")  # the kinds scored for annotator agreement

Span = tuple[int, int]
Counts = dict[str, list[float]]  # by kind: [predicted found, predicted, gold found, gold]
Tallies = tuple[Counts, Counts]  # an article's counts against its annotators; agreement


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


def articles() -> list[tuple[Path, list[Path]]]:
    """(text file, its annotation files) per article."""
    by_article: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((DEV_DIR / "attributions").glob("*.ann")):
        by_article[ann.stem.rsplit("_", 1)[0]].append(ann)
    return [(DEV_DIR / "text" / f"{name}.txt", anns) for name, anns in sorted(by_article.items())]


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


def _f1(counts: list[float]) -> tuple[float, float, float]:
    tp_p, n_p, tp_g, n_g = counts
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _misses(name: str, text: str, gold: list[Span], predicted: list[Span]) -> list[str]:
    return [
        f"{name}\tMISSED CUE\t{text[g[0] : g[1]]!r}"
        for g in gold
        if not any(_overlap(p, g) for p in predicted)
    ]


def _agreement(anns: list[Path], counts: dict[str, list[float]]) -> None:
    """The first annotator's spans as predictions for the second's (doubly read articles)."""
    if len(anns) > 1:
        first, second = read_ann(anns[0]), read_ann(anns[1])
        for kind in counts:
            _count(second[kind], first[kind], counts[kind])


def _score_article(text_path: Path, anns: list[Path]) -> tuple[Tallies, list[str]]:
    """One article's counts against each of its annotators, its agreement counts, misses."""
    text = text_path.read_text(encoding="utf-8")
    predicted = _predicted(text)
    counts = {kind: [0.0, 0.0, 0.0, 0.0] for kind in LABELS.values()}
    agreement = {kind: [0.0, 0.0, 0.0, 0.0] for kind in AGREEMENT}
    misses: list[str] = []
    for ann_path in anns:
        gold = read_ann(ann_path)
        for kind in counts:
            _count(gold[kind], predicted[kind], counts[kind])
        misses.extend(_misses(ann_path.name, text, gold["cue"], predicted["cue"]))
    _agreement(anns, agreement)
    return (counts, agreement), misses


def _pool(parts: list[Counts], kinds: Iterable[str]) -> Counts:
    return {kind: [sum(part[kind][k] for part in parts) for k in range(4)] for kind in kinds}


def _figures(tallies: list[Tallies]) -> dict[str, float]:
    counts = _pool([counts for counts, _ in tallies], LABELS.values())
    agreement = _pool([agreement for _, agreement in tallies], AGREEMENT)
    figures: dict[str, float] = {}
    for kind, kind_counts in counts.items():
        (
            figures[f"{kind}_precision"],
            figures[f"{kind}_recall"],
            figures[f"{kind}_f1"],
        ) = _f1(kind_counts)
    figures["mean_cue_source_f1"] = (figures["cue_f1"] + figures["source_f1"]) / 2
    for kind, kind_counts in agreement.items():
        figures[f"annotator_agreement_{kind}_f1"] = _f1(kind_counts)[2]
    return figures


def score(write: bool = True) -> dict[str, float]:
    """The figures on every article, then on each half by a hash of its name (``_a``, ``_b``)."""
    outcomes: list[tuple[str, Tallies]] = []
    misses: list[str] = []
    for text_path, anns in articles():
        tallies, article_misses = _score_article(text_path, anns)
        outcomes.append((text_path.stem, tallies))
        misses.extend(article_misses)
    if write:
        write_misses("polnear", misses)
    return by_half(outcomes, _figures)


if __name__ == "__main__":
    print_figures("polnear", score())
