"""The PLOVER codebook as data: trigger lexicon, type table, context cues, role words.

Everything here is read from ``backchannel/data/codebook/`` (see the README there);
this module only loads it into lookup tables keyed by lemma.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from backchannel.errors import CodingError

_DIR = files("backchannel") / "data" / "codebook"
_FUNCTION_WORDS = frozenset(
    [
        "-",
        "the",
        "a",
        "of",
        "on",
        "to",
        "out",
        "back",
        "down",
        "up",
        "for",
        "in",
        "off",
        "upon",
        "over",
    ]
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One codebook entry: a (multi-word) lemma sequence and what it codes."""

    event: str
    mode: str | None
    cameo: str
    pos: str  # "V" | "N"
    lemmas: tuple[str, ...]
    recipient: tuple[str, ...]  # dependents that give the recipient: dobj, dative, p:PREP
    retyped: bool = False  # re-typed by its object or context (retype.tsv)

    @property
    def rule(self) -> str:
        return f"{self.event}/{'_'.join(self.lemmas)}/{self.pos}"


def parse_rule(rule: str | None) -> tuple[str, tuple[str, ...], str]:
    """(event, lemmas, pos) of a rule id ``EVENT/lemma_lemma/POS`` (``Trigger.rule``), which
    every event carries; empty parts for an event with no rule."""
    event, _, rest = (rule or "").partition("/")
    lemmas, _, pos = rest.rpartition("/")
    return event, tuple(lemmas.split("_")) if lemmas else (), pos


@dataclass(frozen=True, slots=True)
class TypeInfo:
    quad_class: int
    governs: bool
    verb_recipient: tuple[str, ...]
    noun_recipient: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Retype:
    """Re-typing of a trigger by the word in one of its slots ("lift [sanctions]")."""

    slot: str  # dobj, nsubj, xcomp, oprd, gov, above, sentence, any, named, only_prep, prep, ccomp
    words: frozenset[str]
    event: str  # "NONE" drops the trigger, "KEEP" leaves it as it is
    mode: str | None
    cameo: str


@dataclass(slots=True)
class Codebook:
    version: str
    types: dict[str, TypeInfo]
    by_first: dict[str, list[Trigger]]
    forms: frozenset[str]
    contexts: dict[str, str]
    intensity: dict[str, float]
    future: dict[str, dict[str, Any]]
    governed_mode: dict[str, dict[str, str]]
    requires_recipient: frozenset[str]
    obligation: dict[str, str]
    governed_cameo: dict[str, dict[str, str]]
    negated_recode: dict[str, dict[str, Any]]
    target_recode: dict[str, dict[str, Any]]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    conditional: dict[str, Any] = field(default_factory=dict)  # a future act "unless ..."
    retypes: dict[tuple[str, str], list[Retype]] = field(default_factory=dict)

    def recipient_deps(self, trigger: Trigger) -> tuple[str, ...]:
        if trigger.recipient:
            return trigger.recipient
        info = self.types[trigger.event]
        return info.verb_recipient if trigger.pos == "V" else info.noun_recipient


def _rows(name: str) -> list[list[str]]:
    text = (_DIR / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t"))


def _trigger(row: list[str]) -> Trigger:
    event, mode, cameo, pos, lemmas, recipient = (row + [""] * 6)[:6]
    if pos not in ("V", "N"):
        raise CodingError(f"codebook trigger {lemmas!r}: pos must be V or N, not {pos!r}")
    return Trigger(event, mode or None, cameo, pos, tuple(lemmas.split()), tuple(recipient.split()))


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a lemma (verb and noun forms, a little generous)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _forms(triggers: list[Trigger], irregular: dict[str, list[str]]) -> frozenset[str]:
    forms: set[str] = set()
    for trigger in triggers:
        for lemma in trigger.lemmas:
            if lemma not in _FUNCTION_WORDS:
                forms |= inflections(lemma)
                forms.update(irregular.get(lemma, ()))
    return frozenset(forms)


def _types(raw: dict[str, Any]) -> dict[str, TypeInfo]:
    return {
        name: TypeInfo(
            int(info["quad_class"]),
            bool(info["governs"]),
            tuple(info["verb_recipient"].split()),
            tuple(info["noun_recipient"].split()),
        )
        for name, info in raw.items()
    }


_SLOTS = frozenset(
    {"dobj", "nsubj", "xcomp", "oprd", "gov", "above", "sentence", "any", "named", "only_prep"}
    | {"prep", "ccomp"}
)


def _retypes() -> dict[tuple[str, str], list[Retype]]:
    found: dict[tuple[str, str], list[Retype]] = {}
    for row in _rows("retype.tsv"):
        lemmas, pos, slot, words, event, mode, cameo = (row + [""] * 7)[:7]
        if slot not in _SLOTS:
            raise CodingError(f"codebook retype {lemmas!r}: unknown slot {slot!r}")
        retype = Retype(slot, frozenset(words.split()), event, mode or None, cameo)
        found.setdefault((lemmas, pos), []).append(retype)
    return found


@lru_cache(maxsize=1)
def load() -> Codebook:
    """The shipped codebook, loaded once per process."""
    meta = json.loads((_DIR / "types.json").read_text(encoding="utf-8"))
    triggers = [_trigger(row) for row in _rows("triggers.tsv")[1:]]
    by_first: dict[str, list[Trigger]] = {}
    for trigger in sorted(triggers, key=lambda t: -len(t.lemmas)):
        by_first.setdefault(trigger.lemmas[0], []).append(trigger)
    irregular = {row[0]: row[1].split() for row in _rows("irregular.tsv")}
    roles = json.loads((_DIR / "roles.json").read_text(encoding="utf-8"))
    return Codebook(
        version=str(meta["version"]),
        types=_types(meta["types"]),
        by_first=by_first,
        forms=_forms(triggers, irregular) | frozenset(roles["obligation_aux"]),
        contexts={row[0]: row[1] for row in _rows("contexts.tsv")},
        intensity={key: float(value) for key, value in meta["cameo_intensity"].items()},
        future=meta["future"],
        governed_mode=meta["governed_mode"],
        requires_recipient=frozenset(meta["requires_recipient"]),
        obligation=meta["obligation"],
        governed_cameo=meta["governed_cameo"],
        negated_recode=meta["negated_recode"],
        target_recode=meta["target_recode"],
        words={key: frozenset(value) for key, value in roles.items()},
        retypes=_retypes(),
        conditional=meta["conditional_future"],
    )
