"""Whether an event happened: its status, negation and whether the sentence is opinion.

Precedence (the first that applies wins), from the strongest doubt to plain assertion:
denied > question > conditional > hypothetical > requested > proposed > planned
> reported > asserted. Modal cues (hypothetical, requested, proposed, planned) count only
before the trigger (in "imposed sanctions that could hurt", the sanctions are asserted);
conditional and denial cues count anywhere in the sentence.
"""

from __future__ import annotations

import re

from backchannel.grounding.lexicon import alternation, lines, status_cues

_BEFORE_ONLY = frozenset({"hypothetical", "requested", "proposed", "planned"})
_NEGATION = re.compile(r"\b(?:not|never|no longer|n't)\b|n't\b", re.IGNORECASE)
_OPINION = re.compile(rf"\b(?:{alternation(lines('opinion.txt'))})\b", re.IGNORECASE)


def is_question(sentence: str) -> bool:
    return sentence.rstrip(" \"”’')").endswith("?")


def is_opinion(sentence: str) -> bool:
    """Rhetorical questions and loaded epithets mark the writer's opinion."""
    return is_question(sentence) or _OPINION.search(sentence) is not None


def negates(sentence: str, trigger_at: int) -> bool:
    """A negation among the three words before the trigger ('did not impose')."""
    window = " ".join(sentence[:trigger_at].split()[-3:])
    return _NEGATION.search(window) is not None


def status_of(sentence: str, trigger_at: int, attributed: bool) -> str:
    """The status of an event whose trigger starts at ``trigger_at`` in ``sentence``."""
    found = {
        status
        for status, pattern in status_cues()
        if pattern.search(sentence, 0, trigger_at if status in _BEFORE_ONLY else len(sentence))
    }
    if "denied" in found:
        return "denied"
    if is_question(sentence):
        return "question"
    for status in ("conditional", "hypothetical", "requested", "proposed", "planned"):
        if status in found:
            return status
    return "reported" if attributed else "asserted"
