"""Citation chains: "Bloomberg, citing Kyodo, which cited an unnamed official".

A citation is the run of sources a report is passed through, after the reporter:
``, citing X(, which cited Y)*``, or without the comma inside a source phrase ("according to
an Egyptian official citing Qatari negotiators", "Reuters quoting an official said"), where
it must follow "according to" SOURCE, come right after a cue, or come before the cue it
reports with (its last link then stops before that cue). It is blanked out of the text
before the cues are read (offsets kept), so that "citing" and "cited" make no attributions
of their own, and it is then attached to the report whose source or cue stands right
before it (``attribution``): the reporter heads the chain and the last source cited is the
report's source. A "citing" with no cue beside it ("The court blocked the sale, citing a
threat") stays a cue.
"""

from __future__ import annotations

import re

from backchannel.grounding.lexicon import cue_pattern
from backchannel.grounding.sources import last_match, trimmed
from backchannel.records import TextSpan

Citation = tuple[int, int, list[TextSpan]]

_MAX_LINK_WORDS = 12
# The blanks before "citing" are tried from the first of them only (linear in a long run).
_CITING = re.compile(
    r"(?:(?P<comma>,)\s*|(?<![\s,])\s+)?(?<![\w-])(?:citing|quoting)\s+", re.IGNORECASE
)
_ACCORDING = re.compile(r"according\s+to", re.IGNORECASE)
_POSTPOSED = re.compile(r"[,\"”]\s*$")
_CITED_AGAIN = re.compile(
    r",?\s*(?:which|who)\s+(?:(?:had|has|in\s+turn)\s+)*(?:cited|quoted)\s+", re.IGNORECASE
)
_LINK = re.compile(
    r"(?!['‘’])[^,;\"“”\n]+?(?=\s*(?:[,;\"“”\n]|\.(?=\s+[A-Z\"“]|\s*$)|$)|\s+as\s+(?:saying|telling)\b)"
)
_CUE_AFTER = re.compile(rf",?\s*(?:(?:has|have|had)\s+)?(?:{cue_pattern().pattern})", re.IGNORECASE)
_CLAUSE_GAP = re.compile(  # "said (it closed | the crossing was closed), citing": a clause
    r"^\s*(?:it|he|she|they|we|i)\b|\b(?:is|are|was|were|has|have|had|will|would|could|can)\b",
    re.IGNORECASE,
)
_GAP_STOP = re.compile(r"[,;:.\"“”()—–]")


def citations(text: str) -> list[Citation]:
    """', citing Kyodo, which cited an unnamed official': (start, end, the sources cited)."""
    found = []
    for match in _CITING.finditer(text):
        links: list[TextSpan] = []
        again: re.Match[str] | None = match
        while again is not None:
            link = _LINK.match(text, again.end())
            span = _link(text, link, match["comma"] is None) if link else None
            if span is None or len(span.text.split()) > _MAX_LINK_WORDS:
                break
            links.append(span)
            again = _CITED_AGAIN.match(text, span.end)
        if links and _attachable(text, match.start(), links[-1].end, match["comma"] is None):
            found.append((match.start(), links[-1].end, links))
    return found


def _link(text: str, link: re.Match[str], bare: bool) -> TextSpan | None:
    """The source a link names; in a citation without a comma it stops before a cue
    ("citing Qatari negotiators said ...": "Qatari negotiators")."""
    end = link.end()
    cue = cue_pattern().search(text, link.start(), end) if bare else None
    if cue is not None and text[link.start() : cue.start()].strip():
        end = cue.start()
    return trimmed(text, link.start(), end)


def _attachable(text: str, start: int, end: int, bare: bool = False) -> bool:
    """Whether a cue stands just before the citation ('Bloomberg reported, citing') or just
    after it ('Bloomberg, citing Kyodo, said'); otherwise "citing" is a cue of its own.
    Without a comma the cue before must be "according to" or a post-posed cue (", said")
    with its source between, or stand right before "citing" ('the Journal reported citing')."""
    if _CUE_AFTER.match(text, end):
        return True
    last = last_match(cue_pattern(), text, max(0, start - 80), start)
    if last is None or not adjacent(text[last.end() : start]):
        return False
    if _CLAUSE_GAP.search(text[last.end() : start]):
        return False
    return (
        not bare
        or _ACCORDING.fullmatch(last.group()) is not None
        or _POSTPOSED.search(text, max(0, last.start() - 3), last.start()) is not None
        or not text[last.end() : start].strip()
    )


def masked(text: str, citations: list[Citation]) -> str:
    """``text`` with each citation blanked out (offsets kept), so no cue sees it."""
    pieces, at = [], 0
    for start, end, _ in citations:
        pieces += [text[at:start], " " * (end - start)]
        at = end
    return "".join(pieces) + text[at:]


def adjacent(gap: str) -> bool:
    """Whether ``gap`` (the text between a source or cue and a citation) joins them: a few
    words without punctuation."""
    return not _GAP_STOP.search(gap) and len(gap.split()) <= 4
