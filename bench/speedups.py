"""The parse's two speed-ups (``nlp.RuleTable``, ``nlp.LemmaCache``) on and off, against raw spaCy.

In one process, on the texts of ``bench/scale.py`` (``--articles``, default 200), best of
``--rounds`` alternating rounds: raw spaCy ``nlp.pipe`` with all its components, and
``code --workers 1`` (read records -> pipeline -> contract dicts) with the speed-ups and
without them (spaCy's own attribute ruler and lemmatizer, as before). CPU time of this process
(``time.process_time``), which other work on a shared machine disturbs less than the wall
clock; the wall clock is printed beside it. The outputs are the same either way (tests/test_nlp.py).
Not a test: nothing is asserted. Run: ``python bench/speedups.py [--articles 200] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

import scale  # bench/scale.py, beside this file: the same texts
from backchannel import nlp
from backchannel.settings import Settings
from backchannel.workers import code_chunks

RULE_TABLE, LEMMA_CACHE = nlp.RuleTable, nlp.LemmaCache


def _refuse(ruler: Any) -> nlp.RuleTable:
    raise ValueError("speed-ups off")


def speedups(on: bool) -> None:
    """The next ``nlp.load`` with the speed-ups, or with spaCy's components as they are."""
    nlp.load.cache_clear()
    nlp.RuleTable = RULE_TABLE if on else _refuse  # type: ignore[misc,assignment]
    nlp.LemmaCache = LEMMA_CACHE if on else (lambda lemmatize: lemmatize)  # type: ignore[misc,assignment]


def seconds(work: Callable[[], object]) -> tuple[float, float]:
    """(CPU, wall) seconds of ``work``."""
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = scale.load_texts(args.articles)
    with tempfile.TemporaryDirectory() as folder:
        records = scale.read(scale.write_shards(texts, Path(folder)))
    settings = Settings(workers=1)
    raw = spacy.load(settings.model)
    list(raw.pipe(texts[:8]))
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.rounds):
        for name in ("spaCy", "with", "without"):
            if name == "spaCy":
                took = seconds(lambda: sum(len(doc) for doc in raw.pipe(texts, batch_size=64)))
            else:
                speedups(name == "with")
                list(code_chunks(records[:16], settings, 1))  # the model loaded, off the clock
                took = seconds(lambda: sum(1 for _ in code_chunks(records, settings, 1)))
            best[name] = min(took, best.get(name, took))
    speedups(True)
    base = best["spaCy"][0]
    print(f"{args.articles} articles, best of {args.rounds} rounds (CPU s, wall s, × spaCy in CPU)")
    for name, label in (("spaCy", "raw spaCy nlp.pipe"), ("without", "code, spaCy's components"),
                        ("with", "code, with the speed-ups")):  # fmt: skip
        cpu, wall = best[name]
        print(f"{label:<28} {cpu:6.2f} {wall:6.2f}  ×{base / cpu:.2f}")
    print(f"speed-ups: one process {best['without'][0] / best['with'][0]:.2f}× as fast")


if __name__ == "__main__":
    main()
