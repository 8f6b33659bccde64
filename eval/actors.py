"""Actor resolution against the NGEC/POLECAT expectations (shared/eval/actors).

Scores country and sector accuracy of ``backchannel.actors.resolve`` with each line's
date and context. ``country_accuracy_igo`` reads the gold's ``UNO``/``EUR`` as ``IGO``;
``country_accuracy_conventions`` also accepts this project's codes
where the gold set uses another team's (those of the PLOVER manual): ``IGO`` for the
gold's ``UNO``/``EUR``, and ``NSA`` where the actor's ``home_country`` is the gold's code
(Hezbollah is ``NSA`` with home country ``LBN``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from backchannel.actors import resolve
from backchannel.records import Actor
from eval.common import EVAL_DIR, half, print_figures, read_jsonl, write_misses

PATH = EVAL_DIR / "actors" / "ngec_actor_tests.jsonl"
_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%d %b %Y")


def parse_date(text: str | None) -> date | None:
    """The gold's dates come in several spellings; unreadable ones count as absent."""
    for fmt in _FORMATS:
        try:
            return datetime.strptime(re.sub(r"\s+", " ", (text or "").strip()).title(), fmt).date()
        except ValueError:
            continue
    return None


def _same_igo(country: str | None, gold: str | None) -> bool:
    """The eval README calls the field "ISO alpha-3, or IGO": the gold's UNO/EUR are IGOs."""
    return country == gold or (country == "IGO" and gold in ("UNO", "EUR"))


def _country_by_convention(predicted: Actor | None, gold: str | None) -> bool:
    country = predicted.country if predicted else None
    if _same_igo(country, gold):
        return True
    if country == "NSA" and predicted is not None and predicted.home_country is not None:
        return predicted.home_country == gold
    return country == gold


def score(write: bool = True) -> dict[str, float]:
    """The figures on every row, then on each half by a hash of the id (``_a``, ``_b``)."""
    rows = list(read_jsonl(PATH))
    figures, misses = _score(rows)
    for part in "ab":
        chosen = [row for row in rows if half(row["id"]) == part]
        figures |= {f"{k}_{part}": v for k, v in _score(chosen)[0].items()}
    if write:
        write_misses("actors", misses)
    return figures


def _score(rows: list[dict[str, Any]]) -> tuple[dict[str, float], list[str]]:
    country = igo = convention = sector = 0
    misses = []
    for row in rows:
        actor = resolve(row["text"], parse_date(row.get("date")), row.get("context"))
        got_country = actor.country if actor else None
        got_sector = actor.sector if actor else None
        country += got_country == row["country"]
        igo += _same_igo(got_country, row["country"])
        convention += _country_by_convention(actor, row["country"])
        sector += got_sector == row["sector"]
        if got_country != row["country"] or got_sector != row["sector"]:
            misses.append(
                f"{row['id']}\t{row['text']!r}\tgold {row['country']}/{row['sector']}"
                f"\tgot {got_country}/{got_sector}"
            )
    total = len(rows) or 1
    figures = {
        "country_accuracy": country / total,
        "country_accuracy_igo": igo / total,
        "country_accuracy_conventions": convention / total,
        "sector_accuracy": sector / total,
    }
    return figures, misses


if __name__ == "__main__":
    print_figures("actors", score())
