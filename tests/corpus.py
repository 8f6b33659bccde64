"""Fixture articles written for these tests (not news): distinct short political texts,
built from a few templates over a few countries, as JSONL records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

COUNTRIES = (
    "France", "Germany", "Poland", "Turkey", "Egypt", "Kenya", "Brazil", "Japan", "Canada",
    "India", "Norway", "Chile",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
TEMPLATES = (
    "{a} imposed new sanctions on {b} on {day}, freezing the assets of {n} officials, the "
    "foreign ministry of {a} said.",
    "{a} offered on {day} to host talks between {b} and {c}, according to a senior diplomat "
    "who asked not to be named.",
    "The president of {a} met the prime minister of {b} in the capital on {day} to discuss "
    "trade and a new border agreement.",
    "{b} accused {a} of violating its airspace {n} times last week and summoned the "
    "ambassador of {a} to protest.",
    "Troops from {a} shelled positions held by rebels near the border with {b} on {day}, a "
    "military spokesman said.",
    "{a} and {b} signed an agreement on {day} to cooperate on energy, officials from both "
    "governments said.",
)
FILLER = (
    "Analysts said the move could affect talks planned for next month. Markets in the region "
    "were calm, and no further statement was expected before the weekend."
)


def article(number: int) -> dict[str, Any]:
    """The ``number``-th fixture record: ``{"id", "text", "published"}``."""
    a = COUNTRIES[number % len(COUNTRIES)]
    b = COUNTRIES[(number // len(COUNTRIES) + number + 1) % len(COUNTRIES)]
    c = COUNTRIES[(number + 5) % len(COUNTRIES)]
    template = TEMPLATES[number % len(TEMPLATES)]
    lead = template.format(a=a, b=b, c=c, day=DAYS[number % len(DAYS)], n=number + 2)
    second = TEMPLATES[(number + 2) % len(TEMPLATES)].format(
        a=b, b=c, c=a, day=DAYS[(number + 1) % len(DAYS)], n=number + 3
    )
    headline = f"{a} and {b}: report {number}"
    return {
        "id": f"fixture-{number:03d}",
        "text": f"{headline}\n{lead} {second}\n{FILLER}\n",
        "published": f"2025-03-{1 + number % 28:02d}",
    }


def write_jsonl(path: Path, count: int, extra: tuple[str, ...] = ()) -> Path:
    """``count`` fixture records as JSONL, then the ``extra`` lines (bad ones, say)."""
    lines = [json.dumps(article(n)) for n in range(count)]
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    return path
