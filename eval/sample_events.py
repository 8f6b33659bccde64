"""A seeded random sample of the events kept on real pages, to be checked by hand.

The gold sets score what they label; on a real feed most errors are of kinds no gold sentence
shows. This codes the extraction benchmark's English pages (``../shared/eval/extraction``,
the political ones by default) and prints a random sample of the kept events, each with its
type, status, actor and recipient, trigger and sentence, for a reader to judge. Judgements
stay with the reader (the text is the benchmark's, not the repository's)::

    .venv/bin/python -m eval.sample_events --count 40 --seed 7
    .venv/bin/python -m eval.sample_events --pages nonpolitical
"""

from __future__ import annotations

import argparse
import random

from backchannel.pipeline import Pipeline
from backchannel.records import Actor, Event
from eval.common import read_jsonl
from eval.pages import GOLD, _articles

PAGES = ("political", "nonpolitical", "all")


def sample(pages: str = "political", count: int = 40, seed: int = 1) -> list[Event]:
    """``count`` kept events drawn at random (``seed``) from the chosen English pages."""
    rows = [row for row in read_jsonl(GOLD / "political.jsonl") if row["language"] == "en"]
    if pages != "all":
        rows = [row for row in rows if row["political"] == (pages == "political")]
    events = [event for doc in Pipeline().run(_articles(rows)) for event in doc.events]
    return random.Random(seed).sample(events, min(count, len(events)))


def _who(actors: list[Actor]) -> str:
    return ", ".join(f"{a.text} ({a.country or '-'}/{a.sector or '-'})" for a in actors) or "-"


def describe(number: int, event: Event) -> str:
    head = f"{number:2d} {event.event}/{event.mode or '-'} {event.status}"
    roles = f"{_who(event.actor)} -> {_who(event.recipient)} [{event.evidence.trigger}]"
    return f"{head} c={event.confidence:.2f} {roles}\n    {event.evidence.sentence[:300]}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", choices=PAGES, default="political")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for number, event in enumerate(sample(args.pages, args.count, args.seed)):
        print(describe(number, event))


if __name__ == "__main__":
    main()
