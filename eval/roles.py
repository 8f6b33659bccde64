"""Source and target spans (roles.conll): actor/recipient span exact and overlap F1.

Tokens are joined with single spaces into a sentence; gold S spans are actors, T spans
recipients, R (reciprocal) spans count for both. Predicted spans are the role phrases of
the sentence's most confident event. A consultation between equals (a meeting, talks: the
rule's trigger type is CONSULT, even when a future meeting is coded AGREE) is reciprocal in
PLOVER, so its actor and recipient phrases are both sides, as R spans are; a call, a visit,
hosting or mediation goes from a source to a target. A denial is no event (the
act it denies is coded, status denied), but CAMEO codes the sentence as the denier's
statement (016): when the most confident event lies inside a denial's clause, or no event is
coded, the denial's phrases (the denier, the accuser: "charges [by the US]") are scored.
Figures are also given for each half of the sentences (``_a``/``_b``, by a hash of the
sentence's id, ``r<i>`` for the i-th sentence of the file).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from backchannel.events import Coded, Denial, code_denials
from backchannel.records import TextSpan
from eval.common import EVAL_DIR, by_half, prf, print_figures, write_misses
from eval.events_common import best_coded, run

GOLD = EVAL_DIR / "events" / "roles.conll"
Span = tuple[int, int]
Counts = dict[str, tuple[int, int, int]]  # (tp, fp, fn) by role and match
ROLES = ("actor", "recipient")
MATCHES = ("exact", "overlap")


def _sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    tokens: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                yield tokens
            tokens = []
            continue
        word, _, tag = line.rpartition(" ")
        tokens.append((word, tag))
    if tokens:
        yield tokens


def _gold(tokens: list[tuple[str, str]]) -> tuple[str, dict[str, list[Span]]]:
    """The sentence text and its gold spans by role ("actor", "recipient")."""
    text, spans = "", {"actor": [], "recipient": []}
    current: tuple[str, int, int] | None = None
    for word, tag in tokens:
        start = len(text) + (1 if text else 0)
        text = f"{text} {word}" if text else word
        if tag.startswith("I-") and current and current[0] == tag[2:]:
            current = (current[0], current[1], len(text))
            continue
        _close(current, spans)
        current = (tag[2:], start, len(text)) if tag[:2] in ("B-", "I-") else None
    _close(current, spans)
    return text, spans


def _close(current: tuple[str, int, int] | None, spans: dict[str, list[Span]]) -> None:
    if current is None:
        return
    kind, start, end = current
    for role in {"S": ["actor"], "T": ["recipient"], "R": ["actor", "recipient"]}[kind]:
        spans[role].append((start, end))


def _match(got: list[Span], gold: list[Span], exact: bool) -> tuple[int, int, int]:
    def hit(a: Span, b: Span) -> bool:
        return a == b if exact else a[0] < b[1] and b[0] < a[1]

    tp = sum(1 for g in got if any(hit(g, w) for w in gold))
    found = sum(1 for w in gold if any(hit(g, w) for g in got))
    return tp, len(got) - tp, len(gold) - found


def _spans(items: list[TextSpan]) -> list[Span]:
    return [(item.start, item.end) for item in items]


# Consultations between equals: both sides act. A call, a visit, a message, hosting or
# mediating goes from one side to the other (source and target).
_MUTUAL = frozenset(
    [
        "meet",
        "talk",
        "discuss",
        "negotiate",
        "consult",
        "confer",
        "communicate",
        "speak",
        "meeting",
        "summit",
        "negotiation",
        "consultation",
        "discussion",
        "dialogue",
        "conversation",
        "phone_conversation",
        "phone_talk",
        "telephone_conversation",
        "come_to_the_table",
    ]
)


def _mutual(rule: str) -> bool:
    event, _, rest = rule.partition("/")
    return event == "CONSULT" and rest.rpartition("/")[0] in _MUTUAL


def predicted(coded: Coded | Denial | None) -> dict[str, list[Span]]:
    """The predicted spans by role; both sides of a consultation for both roles."""
    if coded is None:
        return {"actor": [], "recipient": []}
    if isinstance(coded, Denial):
        return {role: _spans(coded.spans.get(role, [])) for role in ("actor", "recipient")}
    found = {role: _spans(coded.spans.get(role, [])) for role in ("actor", "recipient")}
    if _mutual(coded.event.rule) and found["actor"] and found["recipient"]:
        both = sorted(set(found["actor"]) | set(found["recipient"]))
        found = {"actor": both, "recipient": both}
    return found


def _denied(coded: Coded | None, denials: list[Denial]) -> Coded | Denial | None:
    """The denial that speaks for the sentence, else the most confident event."""
    at = None if coded is None else coded.event.evidence.trigger_start
    for denial in denials:
        if at is None or denial.start <= at < denial.end:
            return denial
    return coded


def _counts(got: dict[str, list[Span]], wanted: dict[str, list[Span]]) -> Counts:
    """(tp, fp, fn) of one sentence by role and match ("actor_exact", "actor_overlap", ...)."""
    return {
        f"{role}_{match}": _match(got[role], wanted[role], exact=match == "exact")
        for role in ROLES
        for match in MATCHES
    }


def _figures(sentences: list[Counts]) -> dict[str, float]:
    keys = [f"{role}_{match}" for role in ROLES for match in MATCHES]
    counts = {key: [sum(one[key][k] for one in sentences) for k in range(3)] for key in keys}
    figures = {f"{key}_f1": prf(*counts[key])[2] for key in keys}
    total = [sum(counts[f"{r}_overlap"][k] for r in ROLES) for k in range(3)]
    figures["overlap_f1"] = prf(*total)[2]
    return figures


def score(write: bool = True) -> dict[str, float]:
    """The figures on every sentence, then on each half by a hash of its id (``_a``, ``_b``)."""
    gold = {f"r{i}": _gold(tokens) for i, tokens in enumerate(_sentences(GOLD))}
    docs = run([(key, text) for key, (text, _) in gold.items()])
    outcomes: list[tuple[str, Counts]] = []
    misses: dict[str, list[str]] = defaultdict(list)
    for key, (text, wanted) in gold.items():
        doc = docs[key]
        spans = predicted(_denied(best_coded(doc), code_denials(doc)))
        outcomes.append((key, _counts(spans, wanted)))
        for role in ROLES:
            if sorted(spans[role]) != sorted(wanted[role]):
                shown = [text[a:b] for a, b in spans[role]]
                expected = [text[a:b] for a, b in wanted[role]]
                misses[role].append(f"got {shown} gold {expected}\t{text}")
    if write:
        write_misses("roles", [f"## {k}\n" + "\n".join(v) for k, v in sorted(misses.items())])
    return by_half(outcomes, _figures)


if __name__ == "__main__":
    print_figures("roles", score())
