"""TempEval-3 TBAQ (TimeBank + AQUAINT): time expressions through ``find_dates``.

The text is the ``<TEXT>`` element with its tags stripped; the document creation time
(``functionInDocument="CREATION_TIME"``) is the publication date and, being in the header,
is neither gold nor predicted. Measures as in TempEval-3: relaxed span P/R/F1 (any overlap)
and value P/R/F1 (a predicted timex counts when it overlaps a gold one with the same value).
Figures are also given for each half of the documents (``_a``/``_b``, by a hash of the file
name).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

from backchannel.grounding import find_dates
from backchannel.records import Timex
from eval.common import EVAL_DIR, by_half, print_figures, write_misses

TIME_DIR = EVAL_DIR / "time"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>')

Gold = tuple[int, int, str, str]  # start, end, value, text


def read_tml(path: Path) -> tuple[str, list[Gold], date | None]:
    """The plain text of ``<TEXT>``, its TIMEX3 spans and the creation date."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = _DCT.search(raw)
    dct = re.search(r'value="(\d{4}-\d\d-\d\d)', dct_tag.group(0)) if dct_tag else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    pieces: list[str] = []
    gold: list[Gold] = []
    length, open_at, cursor = 0, 0, 0
    attrs: dict[str, str] = {}
    for match in _TAG.finditer(body):
        pieces.append(body[cursor : match.start()])
        length += match.start() - cursor
        cursor = match.end()
        if match.group(2) != "TIMEX3":
            continue
        if match.group(1):
            gold.append((open_at, length, attrs.get("value", ""), ""))
        else:
            open_at, attrs = length, dict(_ATTR.findall(match.group(3)))
    pieces.append(body[cursor:])
    text = "".join(pieces)
    gold = [(s, e, v, text[s:e]) for s, e, v, _ in gold]
    return text, gold, date.fromisoformat(dct.group(1)) if dct else None


def _overlaps(a: Timex, b: Gold) -> bool:
    return a.start < b[1] and b[0] < a.end


def _score_file(path: Path, misses: list[str]) -> Counter[str]:
    """One document's counts of predicted and gold timexes, and of those that match."""
    text, gold, published = read_tml(path)
    predicted = find_dates(text, published)
    span_hit = [any(_overlaps(p, g) for g in gold) for p in predicted]
    value_hit = [any(_overlaps(p, g) and p.value == g[2] for g in gold) for p in predicted]
    counts: Counter[str] = Counter()
    counts["span_tp_p"] += sum(span_hit)
    counts["value_tp_p"] += sum(value_hit)
    counts["predicted"] += len(predicted)
    counts["gold"] += len(gold)
    for g in gold:
        near = [p for p in predicted if _overlaps(p, g)]
        counts["span_tp_g"] += bool(near)
        counts["value_tp_g"] += any(p.value == g[2] for p in near)
        if not any(p.value == g[2] for p in near):
            got = ", ".join(f"{p.text!r}={p.value}" for p in near) or "-"
            misses.append(f"{path.name}\tMISS\t{g[3]!r}={g[2]}\tgot {got}")
    for p, hit in zip(predicted, span_hit, strict=True):
        if not hit:
            misses.append(f"{path.name}\tEXTRA\t{p.text!r}={p.value}")
    return counts


def _kind_figures(counts: Counter[str], kind: str) -> dict[str, float]:
    precision = counts[f"{kind}_tp_p"] / counts["predicted"] if counts["predicted"] else 0.0
    recall = counts[f"{kind}_tp_g"] / counts["gold"] if counts["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{kind}_precision": precision, f"{kind}_recall": recall, f"{kind}_f1": f1}


def _figures(documents: list[Counter[str]]) -> dict[str, float]:
    counts: Counter[str] = sum(documents, Counter())
    return {**_kind_figures(counts, "span"), **_kind_figures(counts, "value")}


def score(write: bool = True) -> dict[str, float]:
    """The figures on every document, then on each half by its file name's hash (_a, _b)."""
    misses: list[str] = []
    outcomes = [(path.name, _score_file(path, misses)) for path in sorted(TIME_DIR.glob("*/*.tml"))]
    if write:
        write_misses("tempeval", misses)
    return by_half(outcomes, _figures)


if __name__ == "__main__":
    print_figures("tempeval", score())
