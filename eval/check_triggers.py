"""Check the trigger lexicon against the CAMEO verb dictionary (PETRARCH-2, MIT).

Run ``python -m eval.check_triggers [--top N]``. It reads ``triggers.tsv`` and the tables built
from ``CAMEO.2.0.txt`` (``cameo_verbs.tsv``, ``cameo_objects.tsv``) and prints:

1. verb triggers by how the dictionary files their lemma: under our CAMEO root or PLOVER
   type (``agrees``, by the CAMEO→PLOVER table in shared/design/reference),
   under our root only with certain objects (``object-only``: a light verb, or one to restrict
   with ``retype.tsv``), under other roots only (``differs``: a possible error), or not at all;
2. noun triggers that the dictionary, as the object of its patterns, files under other roots;
3. dictionary verbs with an event code that our lexicon lacks (candidates to widen it),
   ranked by how many patterns the dictionary's coders wrote for them.

A report to read, not a gate: the dictionary is old (TABARI, 1990s-2015) and coarse.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from backchannel.datafiles import data_lines
from backchannel.events.cameo_dictionary import singular
from backchannel.events.objects import default_codes, knows, patterns_of
from eval.common import ROOT

CROSSWALK = ROOT.parent / "shared" / "design" / "reference" / "CAMEO2PLOVER-2021.txt"
_CROSSWALK_ROW = re.compile(r"^(\d+):\s*([A-Z]+)")


@dataclass(frozen=True, slots=True)
class Verdict:
    event: str
    cameo: str
    lemma: str
    status: str  # agrees | object-only | differs | unknown
    defaults: tuple[str, ...]  # the verb's codes alone, '---' left out
    detail: str
    weight: int  # patterns the dictionary has for the verb


def root(code: str) -> str:
    return code[:2]


def _table(name: str) -> list[list[str]]:
    return list(csv.reader(data_lines("codebook", name), delimiter="\t"))[1:]


def triggers(pos: str) -> list[tuple[str, str, str]]:
    """(event, cameo, lemmas) of the lexicon's triggers of one part of speech, once each."""
    rows = list(csv.reader(data_lines("codebook", "triggers.tsv"), delimiter="\t"))[1:]
    return list(dict.fromkeys((row[0], row[2], row[4]) for row in rows if row[3] == pos))


def duplicates() -> list[str]:
    """Trigger lines that occur more than once in triggers.tsv."""
    counts = Counter(data_lines("codebook", "triggers.tsv"))
    return [line for line, count in counts.items() if count > 1]


def crosswalk() -> dict[str, str]:
    """CAMEO code → PLOVER type (empty when the shared reference is absent)."""
    if not CROSSWALK.exists():
        return {}
    rows = (_CROSSWALK_ROW.match(line) for line in CROSSWALK.read_text("utf-8").splitlines())
    return {match.group(1): match.group(2) for match in rows if match}


def plover(code: str, table: dict[str, str]) -> str:
    return next((table[code[:n]] for n in (4, 3, 2) if code[:n] in table), "none")


def _roots(codes: list[str]) -> str:
    return " ".join(f"{key}x{count}" for key, count in Counter(map(root, codes)).most_common(3))


def same(code: str, event: str, cameo: str, table: dict[str, str]) -> bool:
    """Whether a dictionary code files the act as we do: same CAMEO root or PLOVER type."""
    return root(code) == root(cameo) or plover(code, table) == event


def judge(event: str, cameo: str, lemma: str, table: dict[str, str]) -> Verdict:
    """How the dictionary files one verb trigger, compared by CAMEO root and PLOVER type."""
    defaults = tuple(code for code in default_codes(lemma) if code != "---")
    patterns = patterns_of(lemma)
    ours = [p for p in patterns if same(p.cameo, event, cameo, table)]
    if not knows(lemma):
        return Verdict(event, cameo, lemma, "unknown", (), "", 0)
    if any(same(code, event, cameo, table) for code in defaults):
        status, detail = "agrees", ""
    elif ours:
        by_line = {p.line: f"{' '.join(p.words)} {p.cameo}" for p in reversed(ours)}
        status, detail = "object-only", ", ".join(list(by_line.values())[:6])
    else:
        status, detail = "differs", "patterns " + _roots([p.cameo for p in patterns])
    weight = len({p.line for p in patterns})
    return Verdict(event, cameo, lemma, status, defaults, detail, weight)


def noun_disagreements(minimum: int = 5) -> list[tuple[str, str, str, int, str]]:
    """(event, cameo, lemma, source lines, roots) for noun triggers the dictionary's objects
    file under other roots: our root gives under a tenth of the patterns headed by the noun."""
    lines_by_head: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for _verb, obj, cameo, line, _own in _table("cameo_objects.tsv"):
        lines_by_head[obj.split()[-1]].add((int(line), cameo))
    found = []
    for event, cameo, lemmas in triggers("N"):
        if " " in lemmas:
            continue
        codes = [code for _line, code in lines_by_head.get(singular(lemmas), set())]
        share = sum(root(code) == root(cameo) for code in codes) / len(codes) if codes else 1
        if len(codes) >= minimum and share < 0.1:
            found.append((event, cameo, lemmas, len(codes), _roots(codes)))
    return sorted(found, key=lambda row: -row[3])


def widening_candidates(table: dict[str, str]) -> list[tuple[str, str, str, int]]:
    """(verb, code, PLOVER type, patterns noted under it) for coded verbs we lack."""
    ours = {lemmas for _event, _cameo, lemmas in triggers("V")}
    noted: Counter[str] = Counter()
    for verb, _obj, _cameo, _line, own in _table("cameo_objects.tsv"):
        if own == "1":
            noted[verb] += 1
    lines_noted = {verb: len({p.line for p in patterns_of(verb) if p.own}) for verb in noted}
    found = []
    for verb, cameo, _block, _line in _table("cameo_verbs.tsv"):
        if cameo != "---" and verb not in ours:
            found.append((verb, cameo, plover(cameo, table), lines_noted.get(verb, 0)))
    unique = {row[0]: row for row in found}
    return sorted(unique.values(), key=lambda row: (-row[3], row[0]))


def _print_verbs(verdicts: list[Verdict], table: dict[str, str], top: int) -> None:
    counts = Counter(verdict.status for verdict in verdicts)
    print("== verb triggers by the CAMEO dictionary's filing of their lemma")
    for status in ("agrees", "object-only", "differs", "unknown"):
        print(f"  {status:<12} {counts[status]}")
    for status in ("differs", "object-only"):
        rows = sorted((v for v in verdicts if v.status == status), key=lambda v: -v.weight)
        print(f"\n-- {status} (top {min(top, len(rows))} of {len(rows)}, most patterns first)")
        for v in rows[:top]:
            theirs = " ".join(f"{code} {plover(code, table)}" for code in v.defaults) or "---"
            print(f"  {v.event:<9} {v.cameo:<5} {v.lemma:<14} [{v.weight:>3}] alone: {theirs}")
            if v.detail:
                print(f"  {'':<31} {v.detail}")


def report(top: int = 25) -> None:
    table = crosswalk()
    verdicts = [judge(event, cameo, lemmas, table) for event, cameo, lemmas in triggers("V")]
    _print_verbs(verdicts, table, top)
    repeated = duplicates()
    print(f"\n== trigger lines repeated in triggers.tsv: {len(repeated)}")
    for line in repeated:
        print("  " + line.replace("\t", " | "))
    nouns = noun_disagreements()
    print(f"\n== noun triggers the dictionary's objects file under other roots: {len(nouns)}")
    for event, cameo, lemma, count, roots in nouns[:top]:
        print(f"  {event:<10} {cameo:<5} {lemma:<16} [{count:>3}] {roots}")
    candidates = widening_candidates(table)
    print(f"\n== coded dictionary verbs absent from the lexicon: {len(candidates)}")
    print(f"  (top {top}, by patterns the dictionary notes under the verb)")
    for verb, cameo, kind, count in candidates[:top]:
        print(f"  {verb:<18} {cameo:<5} {kind:<10} {count}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=25, help="rows to print per section")
    report(parser.parse_args(argv).top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
