"""Clustering across articles: pairwise precision, recall and F1 of same-happening links.

The test set (``eval/clusters/``) is self-made: articles written for backchannel (short wire
copy, fiction about real countries) and the project's own examples (``examples/articles/``),
each happening told by two to four articles of different outlets (a syndicated copy, rewrites
in other words, reports published days later, a retrospective mention with the earlier date),
and distractors: the same dyad and type on another day. ``gold.jsonl`` names, for each
article, the sentences that report a happening (``mark``: a piece of the sentence; ``event``:
its PLOVER type) and the happening's id.

The articles are ingested into a fresh DuckDB file by the real pipeline (``ingest``, which
reclusters), and each stored event whose evidence sentence holds a gold mark (and whose type
is the mark's) is placed on that happening; the other events are not scored. A pair of scored
events from different articles is a gold link when both are on one happening, a found link
when both are in one cluster: precision, recall and F1 of the links, over all the set and per
half (by a hash of the happening of the first article's story, ``_a``/``_b``). Links within one
article are not scored (the coder merges an article's own tellings; clusters never hold two
events of one article).
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from backchannel.batches import ingest_batches
from backchannel.ingest import read_inputs
from backchannel.settings import load_settings
from backchannel.store import open_store
from eval.common import ROOT, half, prf, read_jsonl, write_misses

SET_DIR = ROOT / "eval" / "clusters"
GOLD_IN_REPO = True  # the test set is in the repository: scored without ../shared/eval


def _records(path: Path) -> None:
    """The articles as one JSONL file the readers take (examples read from their files)."""
    with path.open("w", encoding="utf-8") as out:
        for row in read_jsonl(SET_DIR / "articles.jsonl"):
            if "file" in row:
                row["text"] = (ROOT / row.pop("file")).read_text(encoding="utf-8")
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def stored_events(folder: Path) -> list[dict[str, Any]]:
    """Every kept event of the set, ingested and clustered: id, article, type, evidence,
    cluster."""
    source, db = folder / "articles.jsonl", folder / "clusters.duckdb"
    _records(source)
    settings = load_settings({"workers": 1})
    with open_store(str(db)) as store:
        records = read_inputs([str(source)], jsonl=True, settings=settings)
        for _ in ingest_batches(records, store, settings, workers=1):
            pass
        store.recluster()
        rows = store.connection.execute(  # type: ignore[attr-defined]
            "SELECT e.event_id, e.article_id, e.event, e.evidence_sentence, ce.cluster_id"
            " FROM events e LEFT JOIN cluster_events ce USING (event_id)"
            " WHERE e.dropped IS NULL ORDER BY e.article_id, e.position"
        ).fetchall()
    names = ("event_id", "article_id", "event", "evidence", "cluster_id")
    return [dict(zip(names, row, strict=True)) for row in rows]


def placed(events: list[dict[str, Any]]) -> list[tuple[dict[str, Any], str]]:
    """(event, happening) for each event on a gold mark of its article."""
    marks: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_jsonl(SET_DIR / "gold.jsonl"):
        marks[row["article_id"]].append(row)
    found = []
    for event in events:
        for mark in marks.get(event["article_id"], []):
            if mark["mark"] in (event["evidence"] or "") and mark["event"] == event["event"]:
                found.append((event, mark["happening"]))
                break
    return found


def _links(items: list[tuple[dict[str, Any], str]]) -> tuple[set[Any], set[Any]]:
    gold, found = set(), set()
    for (one, one_gold), (other, other_gold) in combinations(items, 2):
        if one["article_id"] == other["article_id"]:
            continue
        pair = tuple(sorted((one["event_id"], other["event_id"])))
        if one_gold == other_gold:
            gold.add(pair)
        if one["cluster_id"] is not None and one["cluster_id"] == other["cluster_id"]:
            found.add(pair)
    return gold, found


def figures(items: list[tuple[dict[str, Any], str]]) -> dict[str, float]:
    gold, found = _links(items)
    precision, recall, f1 = prf(len(gold & found), len(found - gold), len(gold - found))
    return {"pairwise_precision": precision, "pairwise_recall": recall, "pairwise_f1": f1,
            "gold_links": float(len(gold)), "events_scored": float(len(items))}  # fmt: skip


def _story(happening: str) -> str:
    return happening.split("/")[0]


def misses(items: list[tuple[dict[str, Any], str]]) -> list[str]:
    gold, found = _links(items)
    by_id = {event["event_id"]: (event, h) for event, h in items}
    lines = []
    for label, pairs in (("missed link", gold - found), ("wrong link", found - gold)):
        for a, b in sorted(pairs):
            (one, g1), (other, g2) = by_id[a], by_id[b]
            lines.append(
                f"{label}: {one['article_id']} {one['event']} [{g1}] {one['evidence']!r}"
                f" ~ {other['article_id']} {other['event']} [{g2}] {other['evidence']!r}"
            )
    return lines


def score(write: bool = False) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        items = placed(stored_events(Path(folder)))
    result = figures(items)
    for part in "ab":
        chosen = [(e, h) for e, h in items if half(_story(h)) == part]
        result |= {f"{k}_{part}": v for k, v in figures(chosen).items() if k.startswith("pair")}
    if write:
        write_misses("clusters", misses(items))
    return result


if __name__ == "__main__":
    from eval.common import print_figures

    print_figures("clusters", score(write=True))
