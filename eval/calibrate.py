"""`make calibrate`: learn the calibrated event confidence from the development gold sets.

Every event the pipeline codes (up to, not including, the keep stage) on three gold sets is
labelled right or wrong:

- plover_gsr: right when its type is the gold ``event``;
- pentaclass: right when its CAMEO root's original PentaClass is the gold label (a denied act
  counts as class 0, as the scorer reads it);
- realnews: right when a gold event of its sentence has its type; an event on a sentence with
  no gold event is wrong.

A logistic regression (scikit-learn) over ``backchannel.events.confidence.features`` is
trained on one half of the items (``eval.common.half``; realnews by document) and reported on
the other, both ways; the shipped model is trained on all of them and written as plain weights
to ``src/backchannel/data/codebook/confidence.json`` (deterministic: the file rebuilds
byte-identically from the same coder and gold data).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backchannel.events import code_denials
from backchannel.events import confidence as conf
from backchannel.pipeline import DEFAULT_STAGES, Pipeline
from backchannel.records import Article, Document
from eval.common import EVAL_DIR, half, read_jsonl
from eval.events_common import PUBLISHED
from eval.pentaclass import _spoken, penta_original
from eval.realnews import _locate, _place, _published

POLITICAL_SECTORS = ("COP", "GOV", "IGO", "JUD", "LEG", "MIL", "OPP", "PTY", "REB", "SPY", "UAF")
STATUSES = (
    "asserted",
    "conditional",
    "denied",
    "hypothetical",
    "planned",
    "proposed",
    "question",
    "reported",
    "requested",
)
THRESHOLD = 0.5
BINS = 5
C = 1.0  # inverse L2 strength of the regression
# Each realnews event weighs more: the only set of whole articles, with sentences that hold
# no event (the negatives a real feed is made of), but a small one.
SOURCE_WEIGHT = {"plover": 1.0, "pentaclass": 1.0, "realnews": 3.0}
DIGITS = 4  # weights are rounded so that the file rebuilds byte-identically


@dataclass(frozen=True, slots=True)
class Example:
    source: str
    half: str
    features: conf.Features
    right: bool


def _pipeline() -> Pipeline:
    """The default pipeline up to the confidence stage: every event that stage sees, as it
    sees them (a missing or stale model file does no harm)."""
    names = [stage.name for stage in DEFAULT_STAGES]
    return Pipeline(stages=DEFAULT_STAGES[: names.index("confidence")])


def _run(articles: list[Article]) -> dict[str, Document]:
    return {doc.article.article_id: doc for doc in _pipeline().run(articles)}


def _scored(doc: Document) -> list[Any]:
    """The events the keep stage would weigh by confidence (not dropped for another reason)."""
    return [event for event in doc.events if event.dropped is None]


def _feature_model() -> conf.Model:
    """A weightless model: only what the features read (sectors, statuses)."""
    return conf.Model(0.0, {}, frozenset(POLITICAL_SECTORS), frozenset(STATUSES))


def plover_examples() -> Iterable[Example]:
    rows = [row for row in read_jsonl(EVAL_DIR / "events" / "plover_gsr.jsonl") if row["event"]]
    docs = _run([Article(row["id"], row["text"], published=PUBLISHED) for row in rows])
    model = _feature_model()
    for row in rows:
        doc = docs[row["id"]]
        for event in _scored(doc):
            features = conf.features(event, doc, model)
            yield Example("plover", half(row["id"]), features, event.event == row["event"])


def pentaclass_examples() -> Iterable[Example]:
    rows = list(read_jsonl(EVAL_DIR / "events" / "pentaclass.jsonl"))
    docs = _run([Article(row["id"], row["text"], published=PUBLISHED) for row in rows])
    model = _feature_model()
    for row in rows:
        doc = docs[row["id"]]
        denials = code_denials(doc)
        for event in _scored(doc):
            right = penta_original(_spoken(event, denials)) == row["label"]
            yield Example("pentaclass", half(row["id"]), conf.features(event, doc, model), right)


def realnews_examples() -> Iterable[Example]:
    gold = EVAL_DIR / "events" / "realnews"
    sentences: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_jsonl(gold / "sentences.jsonl"):
        sentences[row["doc_id"]].append(row)
    types: dict[tuple[str, int], set[str]] = {
        (row["doc_id"], row["i"]): {e["event"] for e in row["events"]}
        for row in read_jsonl(gold / "labels.jsonl")
    }
    rows = list(read_jsonl(gold / "docs.jsonl"))
    docs = _run([Article(r["doc_id"], r["text"], published=_published(r)) for r in rows])
    model = _feature_model()
    for doc_id, doc in docs.items():
        spans = _locate(doc, sentences[doc_id])
        for event in _scored(doc):
            i = _place(event, spans)
            if i is None or (doc_id, i) not in types:
                continue
            right = event.event in types[doc_id, i]
            yield Example("realnews", half(doc_id), conf.features(event, doc, model), right)


def examples() -> list[Example]:
    return [*plover_examples(), *pentaclass_examples(), *realnews_examples()]


def fit(train: list[Example]) -> conf.Model:
    """A logistic regression on the examples, as a pure-Python model."""
    from sklearn.linear_model import LogisticRegression  # a dev dependency: training only

    names = sorted({name for example in train for name in example.features})
    matrix = [[example.features.get(name, 0.0) for name in names] for example in train]
    labels = [int(example.right) for example in train]
    weights = [SOURCE_WEIGHT[example.source] for example in train]
    regression = LogisticRegression(C=C, max_iter=5000, tol=1e-8)
    regression.fit(matrix, labels, sample_weight=weights)
    coefficients = zip(names, regression.coef_[0], strict=True)
    learnt = {name: round(float(w), DIGITS) for name, w in coefficients}
    intercept = round(float(regression.intercept_[0]), DIGITS)
    return conf.Model(intercept, learnt, frozenset(POLITICAL_SECTORS), frozenset(STATUSES))


def predict(model: conf.Model, items: list[Example]) -> list[tuple[float, bool]]:
    return [(conf.probability(example.features, model), example.right) for example in items]


def report(name: str, scored: list[tuple[float, bool]]) -> list[str]:
    """Precision of all and of kept events, mean confidence right/wrong, reliability bins."""
    right = [p for p, ok in scored if ok]
    wrong = [p for p, ok in scored if not ok]
    kept = [ok for p, ok in scored if p >= THRESHOLD]
    lines = [
        f"== {name}: {len(scored)} events, {len(right)} right",
        f"  precision all events          {_share(len(right), len(scored))}",
        f"  precision kept (>= {THRESHOLD})       {_share(sum(kept), len(kept))}"
        f"  ({len(kept)} kept, recall of right {_share(sum(kept), len(right))})",
        f"  mean confidence right / wrong {_mean(right):.3f} / {_mean(wrong):.3f}",
        "  reliability: bin  events  mean confidence  share right",
    ]
    for b in range(BINS):
        low, high = b / BINS, (b + 1) / BINS
        inside = [(p, ok) for p, ok in scored if low <= p < high or (b == BINS - 1 and p == 1)]
        share = _share(sum(ok for _, ok in inside), len(inside))
        mean = _mean([p for p, _ in inside])
        lines.append(f"    {low:.1f}-{high:.1f}  {len(inside):>6}  {mean:>15.3f}  {share}")
    return lines


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def cross_halves(items: list[Example]) -> list[str]:
    """Train on one half, report on the other, both ways, by source and in all."""
    lines: list[str] = []
    for train_half, test_half in (("a", "b"), ("b", "a")):
        model = fit([e for e in items if e.half == train_half])
        held = [e for e in items if e.half == test_half]
        title = f"trained on half {train_half}, held-out half {test_half}"
        lines += report(title, predict(model, held))
        for source in ("plover", "pentaclass", "realnews"):
            mine = [e for e in held if e.source == source]
            lines += report(f"  {source} (half {test_half})", predict(model, mine))
    return lines


def model_json(model: conf.Model, items: list[Example]) -> str:
    data = {
        "about": "Calibrated event confidence: a logistic regression over the features of "
        "backchannel.events.confidence, trained by `make calibrate` on the development gold "
        "sets (plover_gsr, pentaclass, realnews). Do not edit by hand: rebuild.",
        "examples": {
            source: sum(1 for e in items if e.source == source)
            for source in ("plover", "pentaclass", "realnews")
        },
        "intercept": model.intercept,
        "political_sectors": sorted(model.political_sectors),
        "statuses": sorted(model.statuses),
        "weights": dict(sorted(model.weights.items())),
    }
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=conf.MODEL_PATH)
    args = parser.parse_args(argv)
    if not EVAL_DIR.exists():
        raise SystemExit(f"{EVAL_DIR} is absent: nothing to calibrate on")
    items = examples()
    print("\n".join(cross_halves(items)))
    model = fit(items)
    print("\n".join(report("shipped model, on all (its own training data)", predict(model, items))))
    args.output.write_text(model_json(model, items), encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
