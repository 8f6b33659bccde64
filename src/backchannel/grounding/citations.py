"""Citation chains: "Bloomberg, citing Kyodo, which cited an unnamed official".

A citation is the run of sources a report is passed through, after the reporter:
``, citing X(, which cited Y)*``. It is blanked out of the text before the cues are read
(offsets kept), so that "citing" and "cited" make no attributions of their own, and it is
then attached to the report whose source or cue stands right before it (``attribution``):
the reporter heads the chain and the last source cited is the report's source. A "citing"
with no cue beside it ("The court blocked the sale, citing a threat") stays a cue.
"""

from __future__ import annotations

import re

from backchannel.grounding.lexicon import cue_pattern
from backchannel.grounding.sources import last_match, trimmed
from backchannel.records import TextSpan

Citation = tuple[int, int, list[TextSpan]]

_MAX_LINK_WORDS = 12
_CITING = re.compile(r",\s*(?:citing|quoting)\s+", re.IGNORECASE)
_CITED_AGAIN = re.compile(
    r",?\s*(?:which|who)\s+(?:(?:had|has|in\s+turn)\s+)*(?:cited|quoted)\s+", re.IGNORECASE
)
_LINK = re.compile(
    r"(?!['‘’])[^,;\"“”\n]+?(?=\s*(?:[,;\"“”\n]|\.(?=\s+[A-Z\"“]|\s*$)|$)|\s+as\s+(?:saying|telling)\b)"
)
_CUE_AFTER = re.compile(rf",?\s*(?:(?:has|have|had)\s+)?(?:{cue_pattern().pattern})", re.IGNORECASE)
_GAP_STOP = re.compile(r"[,;:.\"“”()—–]")


def citations(text: str) -> list[Citation]:
    """', citing Kyodo, which cited an unnamed official': (start, end, the sources cited)."""
    found = []
    for match in _CITING.finditer(text):
        links: list[TextSpan] = []
        again: re.Match[str] | None = match
        while again is not None:
            link = _LINK.match(text, again.end())
            span = trimmed(text, link.start(), link.end()) if link else None
            if span is None or len(span.text.split()) > _MAX_LINK_WORDS:
                break
            links.append(span)
            again = _CITED_AGAIN.match(text, span.end)
        if links and _attachable(text, match.start(), links[-1].end):
            found.append((match.start(), links[-1].end, links))
    return found


def _attachable(text: str, start: int, end: int) -> bool:
    """Whether a cue stands just before the citation ('Bloomberg reported, citing') or just
    after it ('Bloomberg, citing Kyodo, said'); otherwise "citing" is a cue of its own."""
    if _CUE_AFTER.match(text, end):
        return True
    last = last_match(cue_pattern(), text, max(0, start - 80), start)
    return last is not None and adjacent(text[last.end() : start])


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
