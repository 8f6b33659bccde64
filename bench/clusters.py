"""Clustering 100,000 events across articles (issue #15: under a minute on the 2-core machine).

Two measures, each printed as events per second and as a ratio to a baseline in the same run:

1. ``across.group`` alone on synthetic reports: happenings among 30 countries over two years,
   each told by one to four articles (the words of its evidence partly shared, its date given
   or not), with the pairwise precision and recall of the result against the synthetic truth.
   Baseline: building the reports' blocking keys (one pass over the events).
2. ``store.recluster()`` on a synthetic DuckDB file (``bench/api_latency.py``'s builder:
   20,000 articles, 100,000 events): reading the events, clustering, writing the four tables.
   Baseline: reading the events' rows alone (the query ``recluster`` starts with).

Usage: .venv/bin/python bench/clusters.py [--events N]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_latency import COUNTRIES, TYPES, build
from backchannel.across import Report, group
from backchannel.across.linking import keys, same_event_pairs
from backchannel.store.clusters import REPORT_SQL
from backchannel.store.duck import DuckDBStore

VOCABULARY = [f"word{n}" for n in range(3000)]
START = date(2024, 1, 1).toordinal()


def _happening(rng: random.Random, n: int) -> tuple[str, str, str, int, list[str]]:
    actor, recipient = rng.sample(COUNTRIES, 2)
    return (TYPES[n % len(TYPES)][0], actor, recipient, START + rng.randrange(730),
            rng.sample(VOCABULARY, 10))  # fmt: skip


def _report(rng: random.Random, n: int, article: int, happening: tuple, truth: int) -> Report:
    kind, actor, recipient, day, words = happening
    dated = rng.random() < 0.5
    published = day + rng.randrange(3)
    said = set(rng.sample(words, 7)) | set(rng.sample(VOCABULARY, 3))
    return Report(
        event_id=f"e{n}:{truth}", article_id=f"a{article}", event=kind,
        actors=frozenset([actor]) if rng.random() < 0.9 else frozenset(),
        recipients=frozenset([recipient]), first=day if dated else published - 2,
        last=day if dated else published, day_exact=dated, published=published,
        words=frozenset(said), trigger=kind.lower(), outlet=f"outlet{rng.randrange(50)}",
        seq=article,
    )  # fmt: skip


def synthetic(events: int, seed: int = 15) -> list[Report]:
    """About ``events`` reports: happenings told by 1-4 articles each."""
    rng = random.Random(seed)
    reports: list[Report] = []
    truth = 0
    while len(reports) < events:
        happening = _happening(rng, truth)
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            reports.append(_report(rng, len(reports), len(reports), happening, truth))
        truth += 1
    return reports[:events]


def _truth_pairs(reports: list[Report]) -> set[tuple[str, str]]:
    by_truth: dict[str, list[Report]] = {}
    for report in reports:
        by_truth.setdefault(report.event_id.split(":")[1], []).append(report)
    return same_event_pairs(by_truth.values())


def pure(events: int) -> None:
    reports = synthetic(events)
    began = time.perf_counter()
    for report in reports:
        keys(report)
    baseline = time.perf_counter() - began
    began = time.perf_counter()
    grouping = group(reports)
    took = time.perf_counter() - began
    members = {c.cluster_id: c.events for c in grouping.clusters}
    by_id = {r.event_id: r for r in reports}
    found = same_event_pairs([[by_id[e] for e in ids] for ids in members.values()])
    truth = _truth_pairs(reports)
    precision = len(found & truth) / len(found) if found else 0.0
    recall = len(found & truth) / len(truth) if truth else 0.0
    print(f"across.group, {len(reports):,} synthetic events: {took:.2f} s"
          f" ({len(reports) / took:,.0f} events/s; {took / baseline:.1f}x the keys pass),"
          f" {len(grouping.clusters):,} clusters, {len(grouping.threads):,} threads;"
          f" pairwise precision {precision:.3f}, recall {recall:.3f}")  # fmt: skip


def stored(events: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        build(path, events)
        store = DuckDBStore.connect(str(path))
        began = time.perf_counter()
        store.connection.execute(REPORT_SQL).fetchall()
        baseline = time.perf_counter() - began
        began = time.perf_counter()
        grouping = store.recluster()
        took = time.perf_counter() - began
        store.close()
    print(f"store.recluster(), {events:,} stored events: {took:.2f} s"
          f" ({events / took:,.0f} events/s; {took / baseline:.1f}x reading the rows),"
          f" {len(grouping.clusters):,} clusters")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    pure(args.events)
    stored(args.events)


if __name__ == "__main__":
    main()
