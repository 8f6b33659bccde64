"""PLOVER gold-standard records: event type, actor and recipient accuracy.

Sentences with exactly one gold event; the coder's most confident event is compared with
it. Actors match by country ``code`` (any coded actor's country among the gold codes); a
symmetric event coded in both directions matches a gold compound actor with no recipient.
Figures are also given for each half of the rows (``_a``/``_b``, by a hash of the row id).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from backchannel.records import Actor, Event
from eval.common import EVAL_DIR, by_half, print_figures, read_jsonl, write_misses
from eval.events_common import best, run

GOLD = EVAL_DIR / "events" / "plover_gsr.jsonl"
Hits = tuple[bool, bool, bool]  # type, type + actor, type + actor + recipient


def _codes(actors: list[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _gold_codes(items: list[dict[str, Any]]) -> set[str]:
    return {item["code"] for item in items if item.get("code")}


def _role_ok(coded: list[Actor], gold: list[dict[str, Any]]) -> bool:
    wanted = _gold_codes(gold)
    return (not wanted and not coded) or bool(wanted & _codes(coded))


def _symmetric_ok(event: Event, row: dict[str, Any]) -> bool:
    """A symmetric event coded in both directions (A → B, B → A, as the contract codes
    "A and B met") matches the gold's compound actor [A, B] with no recipient."""
    wanted = _gold_codes(row["actor"])
    if row["recipient"] or len(wanted) < 2 or not event.recipient:
        return False
    return _codes(event.actor) | _codes(event.recipient) <= wanted


def _describe(row: dict[str, Any], event: Event | None) -> str:
    got = "none" if event is None else f"{event.event}/{event.mode} {event.rule}"
    actors = "" if event is None else f" A={_codes(event.actor)} R={_codes(event.recipient)}"
    return f"{row['id']}\tgold {row['event']}\tgot {got}{actors}\t{row['text']}"


def _hits(row: dict[str, Any], event: Event | None) -> Hits:
    typed = event is not None and event.event == row["event"]
    actor = typed and event is not None and _role_ok(event.actor, row["actor"])
    both = actor and event is not None and _role_ok(event.recipient, row["recipient"])
    both = both or (typed and event is not None and _symmetric_ok(event, row))
    return typed, actor or both, both


def _figures(hits: list[Hits]) -> dict[str, float]:
    total = max(len(hits), 1)
    return {
        "type_accuracy": sum(h[0] for h in hits) / total,
        "type_actor_accuracy": sum(h[1] for h in hits) / total,
        "type_actor_recipient_accuracy": sum(h[2] for h in hits) / total,
    }


def score(write: bool = True) -> dict[str, float]:
    """The figures on every row, then on each half by a hash of the row id (``_a``, ``_b``)."""
    rows = [row for row in read_jsonl(GOLD) if row.get("event")]
    docs = run([(row["id"], row["text"]) for row in rows])
    outcomes: list[tuple[str, Hits]] = []
    misses: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        event = best(docs[row["id"]].events)
        hits = _hits(row, event)
        outcomes.append((row["id"], hits))
        category = "no_event" if event is None else "wrong_type" if not hits[0] else "roles"
        if not hits[2]:
            misses[category].append(_describe(row, event))
    if write:
        write_misses("plover", [f"## {k}\n" + "\n".join(v) for k, v in sorted(misses.items())])
    return by_half(outcomes, _figures)


if __name__ == "__main__":
    print_figures("plover", score())
