"""Real news, every sentence labelled: precision of the coder on a real feed.

Each whole document is coded (so pronouns can be resolved); each event is placed in the
labelled sentence that holds its trigger, and scored per sentence against the gold events:
precision, recall and F1 of the event type, and of type + actor + recipient country (a gold
side with no code matches anything; a coded side matches when one of its countries is among
the gold codes). Events on labelled sentences that hold none are counted apart
(``events_on_empty``). Figures are also given for each half of the documents (``_a``/``_b``,
by a hash of the document id), so a change tuned on one half is checked on the other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from backchannel.pipeline import Pipeline
from backchannel.records import Article, Document, Event
from eval.common import EVAL_DIR, half, prf, print_figures, read_jsonl, write_misses

GOLD = EVAL_DIR / "events" / "realnews"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    full_tp: int = 0
    full_fp: int = 0
    full_fn: int = 0
    on_empty: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("tp", "fp", "fn", "full_tp", "full_fp", "full_fn", "on_empty"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _published(row: dict[str, Any]) -> date | None:
    return date.fromisoformat(row["published"]) if row.get("published") else None


def _locate(doc: Document, sentences: list[dict[str, Any]]) -> list[tuple[int, int, int]]:
    """(start, end, i) of each labelled sentence in the cleaned text (cleaning may move it)."""
    text, cursor, spans = doc.article.text, 0, []
    for row in sentences:
        probe = row["text"][:40]
        at = text.find(probe, cursor)
        if at < 0:
            at = text.find(probe)
        if at >= 0:
            spans.append((at, at + len(row["text"]), row["i"]))
            cursor = at + 1
    return spans


def _place(event: Event, spans: list[tuple[int, int, int]]) -> int | None:
    at = event.evidence.trigger_start
    at = event.evidence.start if at is None else at
    return next((i for start, end, i in spans if start <= at < end), None)


def _side_ok(coded: set[str], gold: list[str]) -> bool:
    return not gold or bool(coded & set(gold))


def _full(event: Event, gold: dict[str, Any]) -> bool:
    actor = {a.country for a in event.actor if a.country}
    recipient = {a.country for a in event.recipient if a.country}
    return (
        event.event == gold["event"]
        and _side_ok(actor, gold["actor"])
        and _side_ok(recipient, gold["recipient"])
    )


def _describe(event: Event) -> str:
    actor = ",".join(a.country or "-" for a in event.actor)
    recipient = ",".join(a.country or "-" for a in event.recipient)
    return f"{event.event} {actor}->{recipient} [{event.evidence.trigger}] {event.rule}"


def _match(got: list[Event], gold: list[dict[str, Any]], key: str) -> Tally:
    """Greedy one-to-one matching of coded and gold events in one sentence."""
    tally = Tally(on_empty=len(got) if not gold else 0)
    types = Counter(e.event for e in got) & Counter(g["event"] for g in gold)
    tally.tp = sum(types.values())
    tally.fp, tally.fn = len(got) - tally.tp, len(gold) - tally.tp
    left = list(gold)
    for event in got:
        hit = next((g for g in left if _full(event, g)), None)
        if hit is not None:
            left.remove(hit)
            tally.full_tp += 1
    tally.full_fp, tally.full_fn = len(got) - tally.full_tp, len(gold) - tally.full_tp
    if tally.fp or tally.fn or tally.full_fn:
        wanted = "; ".join(
            f"{g['event']} {','.join(g['actor']) or '-'}->{','.join(g['recipient']) or '-'}"
            for g in gold
        )
        coded = "; ".join(_describe(e) for e in got)
        tally.misses.append(f"{key}\tgold [{wanted or 'none'}]\tgot [{coded or 'none'}]")
    return tally


def _score_doc(doc: Document, sentences: list[dict[str, Any]], labels: dict[int, Any]) -> Tally:
    spans = _locate(doc, sentences)
    placed: dict[int, list[Event]] = defaultdict(list)
    for event in doc.events:
        i = _place(event, spans)
        if i is not None:
            placed[i].append(event)
    tally = Tally()
    for row in sentences:
        i = row["i"]
        one = _match(placed[i], labels.get(i, []), f"{row['doc_id']}#{i}")
        if one.misses:
            one.misses[-1] += f"\t{row['text']}"
        tally.add(one)
        tally.misses += one.misses
    return tally


def _figures(tally: Tally, suffix: str = "") -> dict[str, float]:
    p, r, f = prf(tally.tp, tally.fp, tally.fn)
    fp_, fr, ff = prf(tally.full_tp, tally.full_fp, tally.full_fn)
    return {
        f"type_precision{suffix}": p,
        f"type_recall{suffix}": r,
        f"type_f1{suffix}": f,
        f"type_actor_recipient_precision{suffix}": fp_,
        f"type_actor_recipient_recall{suffix}": fr,
        f"type_actor_recipient_f1{suffix}": ff,
        f"events_on_empty{suffix}": float(tally.on_empty),
    }


def score(write: bool = True) -> dict[str, float]:
    docs_rows = list(read_jsonl(GOLD / "docs.jsonl"))
    sentences: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_jsonl(GOLD / "sentences.jsonl"):
        sentences[row["doc_id"]].append(row)
    labels: dict[str, dict[int, Any]] = defaultdict(dict)
    for row in read_jsonl(GOLD / "labels.jsonl"):
        labels[row["doc_id"]][row["i"]] = row["events"]
    articles = [Article(r["doc_id"], r["text"], published=_published(r)) for r in docs_rows]
    halves = {"": Tally(), "_a": Tally(), "_b": Tally()}
    for doc in Pipeline().run(articles):
        doc_id = doc.article.article_id
        tally = _score_doc(doc, sentences[doc_id], labels[doc_id])
        halves[""].add(tally)
        halves[""].misses += tally.misses
        halves["_" + half(doc_id)].add(tally)
    if write:
        write_misses("realnews", halves[""].misses)
    figures: dict[str, float] = {}
    for suffix, tally in halves.items():
        figures.update(_figures(tally, suffix))
    return figures


if __name__ == "__main__":
    print_figures("realnews", score())
