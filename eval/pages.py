"""Benchmark pages labelled political or not: does non-political text stay free of events?

``../shared/eval/extraction/political.jsonl`` labels each English page of the extraction
benchmark by whether it reports at least one political event. Each page's HTML goes through
the whole pipeline; ``quiet_nonpolitical`` is the share of non-political pages with no kept
event, ``covered_political`` the share of political pages with at least one. Figures are also
given for each half of the pages (``_a``/``_b``, by a hash of the page key).
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from typing import Any

from backchannel.ingest.decoding import to_text
from backchannel.pipeline import Pipeline
from backchannel.records import Article
from eval.common import EVAL_DIR, half, print_figures, read_jsonl, write_misses

GOLD = EVAL_DIR / "extraction"


def _articles(rows: list[dict[str, Any]]) -> list[Article]:
    articles = []
    for row in rows:
        html = to_text(gzip.decompress((GOLD / "html" / f"{row['key']}.html.gz").read_bytes()))
        articles.append(Article(row["key"], "", html=html))
    return articles


def _figures(outcomes: list[tuple[bool, int]], suffix: str) -> dict[str, float]:
    quiet = [count == 0 for political, count in outcomes if not political]
    covered = [count > 0 for political, count in outcomes if political]
    return {
        f"quiet_nonpolitical{suffix}": sum(quiet) / max(len(quiet), 1),
        f"covered_political{suffix}": sum(covered) / max(len(covered), 1),
        f"events_on_nonpolitical{suffix}": float(
            sum(count for political, count in outcomes if not political)
        ),
    }


def score(write: bool = True) -> dict[str, float]:
    rows = [row for row in read_jsonl(GOLD / "political.jsonl") if row["language"] == "en"]
    labels = {row["key"]: row for row in rows}
    outcomes: dict[str, list[tuple[bool, int]]] = defaultdict(list)
    misses = []
    for doc in Pipeline().run(_articles(rows)):
        row = labels[doc.article.article_id]
        count = len(doc.events)
        for suffix in ("", "_" + half(row["key"])):
            outcomes[suffix].append((row["political"], count))
        if row["political"] != (count > 0):
            relevance = doc.relevance.reason if doc.relevance else "-"
            events = "; ".join(f"{e.event} [{e.evidence.trigger}]" for e in doc.events[:6])
            misses.append(
                f"{row['key'][:12]}\t{row['topic']}\tpolitical={row['political']}\t"
                f"{count} events\t{relevance}\t{row['why']}\t{events}"
            )
    if write:
        write_misses("pages", misses)
    figures: dict[str, float] = {}
    for suffix in ("", "_a", "_b"):
        figures.update(_figures(outcomes[suffix], suffix))
    return figures


if __name__ == "__main__":
    print_figures("pages", score())
