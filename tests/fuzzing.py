"""Seeded generators of bad records, mixed with good ones, for the fuzz tests.

Each record is a JSONL line (bytes) with its kind and what must become of it: ``"stored"``
(coded and stored, maybe normalised), ``"refused"`` (a rejection naming it) or ``"either"``
(the pipeline may refuse it for a reason of its own: too little text, not English).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass

ACTORS = ["Russia", "Iran", "Israel", "Turkey", "Egypt", "Qatar", "France", "Japan", "Chile"]
TARGETS = ["Ukraine", "Syria", "Lebanon", "Greece", "Libya", "Sudan", "Yemen", "Spain", "Peru"]
VERBS = [
    "accused {t} of violating the ceasefire",
    "signed a trade agreement with {t}",
    "imposed sanctions on {t}",
    "launched missile strikes on {t}",
    "held talks with envoys from {t}",
]


@dataclass(frozen=True, slots=True)
class Fuzzed:
    id: str
    kind: str
    line: bytes
    expect: str  # "stored" | "refused" | "either"
    text: str | None = None  # the text, for the Python API (None: not a text)


def story(rng: random.Random, n: int) -> str:
    actor, target = rng.choice(ACTORS), rng.choice(TARGETS)
    verb = rng.choice(VERBS).format(t=target)
    return (
        f"{actor} {verb} on Tuesday, the foreign ministry said in a statement (report {n}). "
        f"Officials in {target} said they would respond to the move by {actor}."
    )


def _json(data: object) -> bytes:
    return json.dumps(data).encode()


Maker = Callable[[random.Random, str, int], Fuzzed]


def good(rng: random.Random, rid: str, n: int) -> Fuzzed:
    text = story(rng, n)
    return Fuzzed(rid, "good", _json({"id": rid, "text": text}), "stored", text)


def _refused(kind: str, line: bytes) -> Maker:
    return lambda rng, rid, n: Fuzzed(rid, kind, line, "refused")


def deep_nesting(rng: random.Random, rid: str, n: int) -> Fuzzed:
    depth = rng.randint(2_000, 60_000)
    return Fuzzed(rid, "deep", b"[" * depth + b"]" * depth, "refused")


def deep_object(rng: random.Random, rid: str, n: int) -> Fuzzed:
    depth = rng.randint(2_000, 20_000)
    inner = b'{"a":' * depth + b"1" + b"}" * depth
    return Fuzzed(
        rid, "deep-object", b'{"id": "%s", "text": ' % rid.encode() + inner + b"}", "refused"
    )


def surrogate_id(rng: random.Random, rid: str, n: int) -> Fuzzed:
    line = b'{"id": "%s\\udc00", "text": %s}' % (rid.encode(), _json(story(rng, n)))
    return Fuzzed(rid, "surrogate-id", line, "refused")


def surrogate_url(rng: random.Random, rid: str, n: int) -> Fuzzed:
    line = b'{"id": "%s", "url": "https://x.org/\\ud800", "text": %s}' % (
        rid.encode(), _json(story(rng, n)),
    )  # fmt: skip
    return Fuzzed(rid, "surrogate-url", line, "refused")


def surrogate_text(rng: random.Random, rid: str, n: int) -> Fuzzed:
    text = story(rng, n)
    line = b'{"id": "%s", "text": %s}' % (rid.encode(), _json(text)[:-1] + b' \\udc00 ok"')
    return Fuzzed(rid, "surrogate-text", line, "stored", text + " \udc00 ok")


def _text_kind(kind: str, make: Callable[[random.Random, int], str], expect: str) -> Maker:
    def build(rng: random.Random, rid: str, n: int) -> Fuzzed:
        text = make(rng, n)
        return Fuzzed(rid, kind, _json({"id": rid, "text": text}), expect, text)

    return build


def _escapes(rng: random.Random, n: int) -> str:
    junk = rng.choice(["\x1b]0;PWN\x07", "\x1b[2J", "\x00", "\x9b31m", "\u202e", "\r", "\x08"])
    actor, target = rng.choice(ACTORS), rng.choice(TARGETS)
    return f"{actor} {junk}accused {target} of lying on Monday, officials said (report {n})."


def _whitespace(rng: random.Random, n: int) -> str:
    run = rng.choice([" ", "\t", "\n", " \n", "\u00a0"]) * rng.randint(500, 8_000)
    return f"Iran said{run}citing officials that {story(rng, n)}{run}quoting"


def _no_punctuation(rng: random.Random, n: int) -> str:
    words = [rng.choice(ACTORS + TARGETS + ["met", "and", "accused", "attacked", "the"])]
    words += [rng.choice(ACTORS + TARGETS + ["met", "and", "accused", "the"]) for _ in range(600)]
    return " ".join(words)


def _dates(rng: random.Random, n: int) -> str:
    when = rng.choice(
        ["99999999999999999999 days ago", "on February 31", "on April 31, 2024",
         "in the year 99999", "yesterday", "10000000000 weeks ago"]
    )  # fmt: skip
    return f"Russia attacked Ukraine {when}, officials said (report {n})."


def odd_published(rng: random.Random, rid: str, n: int) -> Fuzzed:
    day = rng.choice(["0001-01-01", "9999-12-31"])
    text = f"Israel struck Gaza yesterday and will hold talks tomorrow (report {n})."
    return Fuzzed(
        rid, "odd-published", _json({"id": rid, "text": text, "published": day}), "stored"
    )


def _slips(rng: random.Random, n: int) -> str:
    return rng.choice(
        ["And and accused the government of lying, officials said.",
         "Said said said, citing citing quoting, which cited.",
         '" " " said , , according to according to .',
         "=HYPERLINK(\"http://x.org\",\"click\") Russia accused Ukraine of shelling.",
         "@SUM(A1) -2+3 Iran met Qatar in Doha."]
    ) + f" (report {n})"  # fmt: skip


def _html(rng: random.Random, n: int) -> str:
    return rng.choice(
        ["<html><body><p>" + story(rng, n) + "</p><script>alert(1)</script></body></html>",
         "<html><head><meta name='date' content='99999-99-99'></head><body><p>"
         + story(rng, n) + "</p></body></html>",
         "<html><time datetime='0000-00-00'>x</time><body><div><div><div>" * 50
         + story(rng, n)]
    )  # fmt: skip


def binary_line(rng: random.Random, rid: str, n: int) -> Fuzzed:
    data = bytes(rng.randrange(256) for _ in range(rng.randint(10, 300))).replace(b"\n", b"")
    return Fuzzed(rid, "binary", data or b"\xff", "refused")


def oversized(rng: random.Random, rid: str, n: int) -> Fuzzed:
    text = story(rng, n) + " x" * 30_000  # over the tests' --max-bytes of 50 000
    return Fuzzed(rid, "oversized", _json({"id": rid, "text": text}), "refused")


REFUSED_LINES = {
    "malformed": b'{"id": "x", "text": "unterminated',
    "not-object": b'["a list", 1]',
    "number": b"12345",
    "no-text": b'{"id": "nt", "title": "no text"}',
    "text-not-string": b'{"id": "tn", "text": 42}',
    "empty-text": b'{"id": "et", "text": "   \\n\\t "}',
    "bad-published": b'{"id": "bp", "text": "Iran met Qatar.", "published": "2024-13-45"}',
    "id-object": b'{"id": {"a": 1}, "text": "Iran met Qatar."}',
    "id-control": b'{"id": "a\\u001b[2Jb", "text": "Iran met Qatar."}',
    "bad-escape": b'{"id": "be", "text": "\\x41"}',
}

MAKERS: dict[str, tuple[Maker, int]] = {  # kind -> (maker, weight)
    "deep": (deep_nesting, 3), "deep-object": (deep_object, 2),
    "surrogate-id": (surrogate_id, 3), "surrogate-url": (surrogate_url, 2),
    "surrogate-text": (surrogate_text, 2),
    "escapes": (_text_kind("escapes", _escapes, "stored"), 3),
    "whitespace": (_text_kind("whitespace", _whitespace, "either"), 2),
    "no-punctuation": (_text_kind("no-punctuation", _no_punctuation, "either"), 1),
    "dates": (_text_kind("dates", _dates, "stored"), 3),
    "odd-published": (odd_published, 2),
    "slips": (_text_kind("slips", _slips, "either"), 3),
    "html": (_text_kind("html", _html, "either"), 2),
    "binary": (binary_line, 3), "oversized": (oversized, 1),
    **{kind: (_refused(kind, line), 2) for kind, line in REFUSED_LINES.items()},
}  # fmt: skip


def records(seed: int, bad: int, good_every: int = 8) -> list[Fuzzed]:
    """``bad`` bad records of every kind, with a good one after every ``good_every``."""
    rng = random.Random(seed)
    kinds = list(MAKERS)
    weights = [MAKERS[k][1] for k in kinds]
    out: list[Fuzzed] = []
    for n in range(bad):
        kind = kinds[n] if n < len(kinds) else rng.choices(kinds, weights)[0]
        out.append(MAKERS[kind][0](rng, f"bad-{n}", n))
        if n % good_every == 0:
            out.append(good(rng, f"good-{n}", n))
    return out
