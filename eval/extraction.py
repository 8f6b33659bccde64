"""Main-text extraction from news HTML: the ScrapingHub article-extraction-benchmark metric.

Token-level precision/recall/F1 of the extracted body against ``articleBody`` (whitespace
words, multiset overlap), averaged over pages, as in the benchmark's ``evaluate.py``.
Scores ``clean.clean`` and, for comparison, trafilatura's plain default on the same pages.
Figures are also given for each half of the pages (``_a``/``_b``, by a hash of the page key).
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Callable, Iterator

import trafilatura

from backchannel.clean import clean
from backchannel.clean.language import known_languages
from backchannel.errors import BackchannelError
from backchannel.ingest.decoding import to_text
from backchannel.records import Article
from backchannel.settings import Settings
from eval.common import EVAL_DIR, by_half, print_figures, write_misses

GOLD = EVAL_DIR / "extraction"
ALL_LANGUAGES = Settings(languages=known_languages())
PRF = tuple[float, float, float]


def token_prf(truth: str, prediction: str) -> PRF:
    """The benchmark's token-level precision, recall and F1 of one page."""
    true_tokens, pred_tokens = Counter(truth.split()), Counter(prediction.split())
    if not true_tokens and not pred_tokens:
        return 1.0, 1.0, 1.0
    overlap = sum((true_tokens & pred_tokens).values())
    precision = overlap / sum(pred_tokens.values()) if pred_tokens else 0.0
    recall = overlap / sum(true_tokens.values()) if true_tokens else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pages() -> Iterator[tuple[str, str, str]]:
    """(key, page HTML, gold article body) for every page of the gold set."""
    truth = json.loads((GOLD / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        html = to_text(gzip.decompress((GOLD / "html" / f"{key}.html.gz").read_bytes()))
        yield key, html, truth[key]["articleBody"]


def ours(html: str) -> str:
    """Through ``clean.clean``, every language accepted (the benchmark is multilingual)."""
    try:
        return clean(Article("page", "", html=html), ALL_LANGUAGES).text
    except BackchannelError:
        return ""


def trafilatura_default(html: str) -> str:
    return trafilatura.extract(html) or ""


# By the prefix of their figures' names.
SYSTEMS: dict[str, Callable[[str], str]] = {"": ours, "trafilatura_default_": trafilatura_default}


def average(rows: list[PRF], prefix: str) -> dict[str, float]:
    n = len(rows) or 1
    names = ("precision", "recall", "f1")
    return {f"{prefix}{name}": sum(row[i] for row in rows) / n for i, name in enumerate(names)}


def _figures(outcomes: list[dict[str, PRF]]) -> dict[str, float]:
    figures: dict[str, float] = {"pages": float(len(outcomes))}
    for name in SYSTEMS:
        figures |= average([page[name] for page in outcomes], name)
    return figures


def score(write: bool = True) -> dict[str, float]:
    """The figures on every page, then on each half by a hash of the page key (``_a``, ``_b``)."""
    outcomes: list[tuple[str, dict[str, PRF]]] = []
    misses: list[str] = []
    for key, html, body in pages():
        page = {name: token_prf(body, system(html)) for name, system in SYSTEMS.items()}
        outcomes.append((key, page))
        precision, recall, f1 = page[""]
        if f1 < 0.9:
            misses.append(f"{key}\tP={precision:.3f}\tR={recall:.3f}\tF1={f1:.3f}")
    if write:
        write_misses("extraction", misses)
    return by_half(outcomes, _figures)


if __name__ == "__main__":
    print_figures("extraction", score())
