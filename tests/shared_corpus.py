"""Articles written for the shared-server tests (not news): many distinct short political
texts, each made of two sentences picked from templates over a few countries, as JSONL."""

from __future__ import annotations

import json
from pathlib import Path

COUNTRIES = (
    "France", "Germany", "Poland", "Turkey", "Egypt", "Kenya", "Brazil", "Japan", "Canada",
    "India", "Norway", "Chile", "Peru", "Ghana",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SENTENCES = (
    "{a} imposed new sanctions on {b} on {day}, freezing the assets of {n} officials.",
    "{a} offered on {day} to host talks between {b} and {c}, a senior diplomat said.",
    "The president of {a} met the prime minister of {b} on {day} to discuss a border deal.",
    "{b} accused {a} of violating its airspace {n} times and summoned its ambassador.",
    "Troops from {a} shelled rebel positions near the border with {b} on {day}.",
    "{a} and {b} signed an agreement on {day} to cooperate on energy and ports.",
    "Police in {a} arrested {n} protesters outside the embassy of {b} on {day}.",
    "{c} criticised {a} on {day} for expelling {n} diplomats from {b}.",
)


def record(number: int) -> dict[str, str]:
    """The ``number``-th article: ``{"id", "text", "published"}`` (distinct for every number)."""
    size = len(COUNTRIES)
    a, b, c = (COUNTRIES[(number * k + k) % size] for k in (1, 3, 5))
    if b == a:
        b = COUNTRIES[(COUNTRIES.index(a) + 1) % size]
    first = SENTENCES[number % len(SENTENCES)]
    second = SENTENCES[(number // len(SENTENCES) + 3) % len(SENTENCES)]
    day = DAYS[number % len(DAYS)]
    lead = first.format(a=a, b=b, c=c, day=day, n=number + 2)
    more = second.format(a=b, b=c, c=a, day=DAYS[(number + 2) % len(DAYS)], n=number + 7)
    return {
        "id": f"shared-{number:04d}",
        "text": f"Report {number} from {a}\n{lead} {more}\n",
        "published": f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}",
    }


def write_jsonl(path: Path, count: int) -> Path:
    path.write_text("".join(json.dumps(record(n)) + "\n" for n in range(count)), "utf-8")
    return path
