"""Train the document relevance model and export it as the package's data file.

    python -m eval.train_relevance            # cross-fitted figures, then write the model
    python -m eval.train_relevance --check    # cross-fitted figures only
    python -m eval.train_relevance --check --pages   # and eval.pages, cross-fitted

Political texts: PolNeAR articles, the benchmark pages labelled political, the PentaClass and
PLOVER sentences; not political: the benchmark pages labelled so. The 15 documents of
``events/realnews`` are never used (they are the held-out check). Logistic regression
(scikit-learn, a dev dependency) over the features of ``backchannel.relevance.features``;
each class weighs the same, and within a class each source weighs the same, so the many
US-election articles do not make "election" the meaning of "political". Training is
deterministic and the export rounded, so the shipped file rebuilds byte-identically.
Cross-fitting: a model fitted on half a is scored on half b and the other way round
(``eval.common.half``); those are the honest figures.
"""

from __future__ import annotations

import argparse
import gzip
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backchannel.actors import find_mentions
from backchannel.clean import clean
from backchannel.ingest.decoding import to_text
from backchannel.nlp import split_sentences
from backchannel.records import Article, Document
from backchannel.relevance import features
from backchannel.relevance.model import MODEL_PATH, RelevanceModel
from backchannel.settings import Settings
from eval.common import EVAL_DIR, half, print_figures, read_jsonl

POLNEAR = EVAL_DIR / "attribution" / "polnear"
PAGES = EVAL_DIR / "extraction"
EVENTS = EVAL_DIR / "events"
MIN_DF = 3
MAX_TERMS = 8000
C = 4.0


@dataclass
class Item:
    key: str
    source: str
    political: bool
    counts: Counter[str]
    extras: dict[str, float]
    n_words: int
    weight: float = 1.0
    meta: dict[str, Any] = field(default_factory=dict)


def held_out() -> tuple[set[str], tuple[str, ...]]:
    """PolNeAR stems and page-key prefixes of the realnews documents (never trained on)."""
    ids = [row["doc_id"] for row in read_jsonl(EVENTS / "realnews" / "docs.jsonl")]
    stems = {i.split("/", 1)[1] for i in ids if i.startswith("polnear/")}
    prefixes = tuple(i.split("/", 1)[1] for i in ids if i.startswith("web/"))
    return stems, prefixes


def item(key: str, source: str, political: bool, text: str) -> Item:
    doc = Document(Article(key, text))
    spans = [(s.start, s.end) for s in split_sentences(text)]
    tokens = features.words(text)
    extras = features.extra_features(text, spans, find_mentions(doc), len(tokens))
    return Item(key, source, political, features.terms(tokens), extras, len(tokens))


def polnear_items(stems: set[str]) -> list[Item]:
    paths = sorted(POLNEAR.glob("*/text/*.txt"))
    return [
        item(path.stem, "polnear", True, path.read_text(encoding="utf-8"))
        for path in paths
        if path.stem not in stems
    ]


def page_items(prefixes: tuple[str, ...]) -> list[Item]:
    items = []
    for row in read_jsonl(PAGES / "political.jsonl"):
        if row["language"] != "en" or row["key"].startswith(prefixes):
            continue
        html = to_text(gzip.decompress((PAGES / "html" / f"{row['key']}.html.gz").read_bytes()))
        text = clean(Article(row["key"], "", html=html), Settings()).text
        source = "pages_political" if row["political"] else "pages_other"
        items.append(item(row["key"], source, row["political"], text))
        items[-1].meta = {"topic": row["topic"]}
    return items


def sentence_items() -> list[Item]:
    rows = [*read_jsonl(EVENTS / "pentaclass.jsonl"), *read_jsonl(EVENTS / "plover_gsr.jsonl")]
    return [item(row["id"], "sentences", True, row["text"]) for row in rows]


def load_items() -> list[Item]:
    stems, prefixes = held_out()
    items = [*polnear_items(stems), *page_items(prefixes), *sentence_items()]
    _weigh(items)
    return items


def _weigh(items: list[Item]) -> None:
    """Each class weighs the same in all, and each source the same within its class."""
    sources = Counter(i.source for i in items)
    classes = {one.source: one.political for one in items}
    for one in items:
        n_sources = sum(political == one.political for political in classes.values())
        one.weight = len(items) / (2 * n_sources * sources[one.source])


def vocabulary(items: list[Item]) -> dict[str, float]:
    """idf of the terms in at least MIN_DF texts and two sources, at most MAX_TERMS of them.

    A term seen in one source only (a candidate's name in PolNeAR, a club in one page) is
    that source's topic, not politics.
    """
    df: Counter[str] = Counter()
    where: dict[str, set[str]] = {}
    for one in items:
        df.update(one.counts.keys())
        for term in one.counts:
            where.setdefault(term, set()).add(one.source)
    kept = [t for t, n in df.items() if n >= MIN_DF and len(where[t]) >= 2]
    kept = sorted(kept, key=lambda t: (-df[t], t))[:MAX_TERMS]
    n = len(items)
    return {t: math.log((1 + n) / (1 + df[t])) + 1.0 for t in sorted(kept)}


def fit(items: list[Item]) -> RelevanceModel:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    idf = vocabulary(items)
    index = {t: i for i, t in enumerate(idf)}
    names = features.EXTRA_FEATURES
    rows, cols, values = [], [], []
    for r, one in enumerate(items):
        for term, value in features.weighted(one.counts, idf).items():
            rows.append(r)
            cols.append(index[term])
            values.append(value)
        for k, name in enumerate(names):
            rows.append(r)
            cols.append(len(index) + k)
            values.append(one.extras[name])
    matrix = csr_matrix((values, (rows, cols)), shape=(len(items), len(index) + len(names)))
    labels = [int(one.political) for one in items]
    model = LogisticRegression(C=C, max_iter=5000, solver="lbfgs")
    model.fit(matrix, labels, sample_weight=[one.weight for one in items])
    weights = model.coef_[0]
    return RelevanceModel.build(
        idf={t: idf[t] for t in index},
        weights={t: float(weights[i]) for t, i in index.items()},
        extras={name: float(weights[len(index) + k]) for k, name in enumerate(names)},
        bias=float(model.intercept_[0]),
        trained_on=dict(sorted(Counter(one.source for one in items).items())),
    )


def score_items(model: RelevanceModel, items: list[Item]) -> list[tuple[Item, float]]:
    return [(one, model.probability(one.counts, one.extras)) for one in items]


def report(scored: list[tuple[Item, float]], model: RelevanceModel, name: str) -> None:
    """Per source: how many texts the stage would rule out (score and length)."""
    print(f"== relevance classifier, {name}")
    for source in sorted({one.source for one, _ in scored}):
        rows = sorted(
            (p, one.key[:12], one.n_words, one.extras) for one, p in scored if one.source == source
        )
        out = [row for row in rows if not model.keeps(row[0], row[2], row[3])]
        print(f"  {source:<16} n={len(rows):<5} ruled_out={len(out) / len(rows):.3f}")
        if source.startswith("pages"):
            print("    " + " ".join(f"{row[0]:.2f}" for row in rows))


def cross_fit(items: list[Item]) -> None:
    for train_half, test_half in (("a", "b"), ("b", "a")):
        model = fit([one for one in items if half(one.key) == train_half])
        test = [one for one in items if half(one.key) == test_half]
        report(score_items(model, test), model, f"fit on half {train_half}, scored on {test_half}")


def cross_fit_pages(items: list[Item]) -> None:
    """``eval.pages`` with each half's pages judged by the model fitted on the other half."""
    import backchannel.relevance as stage
    from eval import pages

    shipped = stage.default_model
    figures: dict[str, float] = {}
    try:
        for train_half, test_half in (("a", "b"), ("b", "a")):
            model = fit([one for one in items if half(one.key) == train_half])
            stage.default_model = lambda model=model: model  # type: ignore[misc]
            scored = pages.score(write=False)
            figures.update({k: v for k, v in scored.items() if k.endswith("_" + test_half)})
    finally:
        stage.default_model = shipped  # type: ignore[misc]
    print_figures("pages, cross-fitted relevance model", dict(sorted(figures.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="print figures, write nothing")
    parser.add_argument("--quick", action="store_true", help="write the model, no figures")
    parser.add_argument("--pages", action="store_true", help="also run eval.pages cross-fitted")
    parser.add_argument("--output", type=Path, default=MODEL_PATH, help="where to write")
    args = parser.parse_args()
    items = load_items()
    if not args.quick:
        cross_fit(items)
    if args.pages:
        cross_fit_pages(items)
    if not args.check:
        model = fit(items)
        args.output.write_text(model.dumps(), encoding="utf-8")
        print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
