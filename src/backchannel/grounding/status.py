"""Whether an event happened: its status, negation and whether the sentence is opinion.

Precedence (the first that applies wins), from the strongest doubt to plain assertion:
denied > question > conditional > hypothetical > requested > proposed > planned
> reported > asserted. Modal cues (hypothetical, requested, proposed, planned) count only
before the trigger (in "imposed sanctions that could hurt", the sanctions are asserted);
conditional and denial cues count anywhere in the sentence, except a denial cue that is the
trigger itself: "denied the visa request" is a refusal (REJECT), asserted, while in "denied
that troops crossed" the crossing is denied. A negated act ("did not attack") is no denial:
``negates`` marks it ``negated`` and its status is that of an act (asserted, reported, ...).
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


_UNDENIED = re.compile(r"\b(?:refus\w*|declin\w*|fail\w*) to\s+$", re.IGNORECASE)


def _denies(sentence: str, cue_at: int, trigger_at: int) -> bool:
    """A denial cue that is not the trigger itself nor negated ("did not deny", "refused to
    deny")."""
    if cue_at == trigger_at or negates(sentence, cue_at):
        return False
    return _UNDENIED.search(sentence, max(0, cue_at - 20), cue_at) is None


def _cued(status: str, pattern: re.Pattern[str], sentence: str, trigger_at: int) -> bool:
    if status in _BEFORE_ONLY:
        return pattern.search(sentence, 0, trigger_at) is not None
    if status == "denied":
        return any(_denies(sentence, cue.start(), trigger_at) for cue in pattern.finditer(sentence))
    return pattern.search(sentence) is not None


def status_of(sentence: str, trigger_at: int, attributed: bool) -> str:
    """The status of an event whose trigger starts at ``trigger_at`` in ``sentence``."""
    found = {
        status for status, pattern in status_cues() if _cued(status, pattern, sentence, trigger_at)
    }
    if "denied" in found:
        return "denied"
    if is_question(sentence):
        return "question"
    for status in ("conditional", "hypothetical", "requested", "proposed", "planned"):
        if status in found:
            return status
    return "reported" if attributed else "asserted"
