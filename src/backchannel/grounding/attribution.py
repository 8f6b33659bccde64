"""Attribution relations (source, cue, content) found by lexicon cues and short patterns.

For each reporting cue ("said", "told reporters", "according to") in a sentence the source
is the short noun phrase next to it and the content the clause it reports:
- ``According to SOURCE, CONTENT`` and ``CONTENT, according to SOURCE``;
- ``"CONTENT," SOURCE said`` and ``"CONTENT," said SOURCE`` (post-posed);
- ``SOURCE said (that) CONTENT`` (pre-posed).
A frame ending in a colon ("According to the report, ...:", "The report continues:") carries
over to the next paragraph, which becomes its content. The chain lists the sources of the
sentence in order, so a report citing a report citing a source reads outward-in.
"""

from __future__ import annotations

import re
from functools import cache

from backchannel import actors
from backchannel.errors import BackchannelError
from backchannel.grounding.lexicon import alternation, lines, words
from backchannel.nlp import split_sentences
from backchannel.records import Actor, Attribution, TextSpan

_MAX_SOURCE_WORDS = 9
_CUES = re.compile(rf"(?<![\w-])(?:{alternation(lines('cues.txt'))})(?![\w-])", re.IGNORECASE)
_ACCORDING = re.compile(r"according\s+to", re.IGNORECASE)
_BOUNDARY = re.compile(
    r"""(?:[,;:"“”()—–]|\s-\s|\b(?:and|but|that|which|who|as|because|when|while|after|"""
    r"""before|if|since|so|what|how|why|where)\b)""",
    re.IGNORECASE,
)
_AUX = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|also|previously|later|reportedly|then|again"
    r"|repeatedly|publicly|privately|once|recently|further|quickly|later))+$",
    re.IGNORECASE,
)
_TAIL = re.compile(r"[\s,.;:!?\"“”'’]+$")
_HEAD = re.compile(r"^[\s,.;:\"“”'’]+")
_THAT = re.compile(r"^(?:that|to|on|in|of)\s+", re.IGNORECASE)
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "who", "this", "which"])
_REPORT_IN = re.compile(
    r"\breports?\s+(?:in|by|from|on)\s+(?P<name>(?:[A-Z][\w.'’-]*\s*)+)", re.UNICODE
)


def _span(text: str, start: int, end: int) -> TextSpan | None:
    """The trimmed piece ``text[start:end]`` as a span (None if nothing is left)."""
    piece = text[start:end]
    lead = len(piece) - len(_HEAD.sub("", piece))
    piece = _TAIL.sub("", piece[lead:])
    return TextSpan(piece, start + lead, start + lead + len(piece)) if piece else None


def _source_before(text: str, end: int, floor: int) -> TextSpan | None:
    """The short noun phrase just before ``end`` (after the last clause boundary)."""
    left = _AUX.sub("", text[floor:end].rstrip())
    start = max((match.end() for match in _BOUNDARY.finditer(left)), default=0)
    span = _span(text, floor + start, floor + len(left))
    if span is None or len(span.text.split()) > _MAX_SOURCE_WORDS:
        return None
    return span


def _source_after(text: str, start: int, ceiling: int) -> TextSpan | None:
    """The short noun phrase just after ``start`` (to the next comma or the sentence end)."""
    right = text[start:ceiling]
    stop = re.search(r"[,;:!?\"“”()]|\.\s*$|\s(?:on|in|at|during|after|that)\s", right)
    span = _span(text, start, start + (stop.start() if stop else len(right)))
    if span is None or len(span.text.split()) > _MAX_SOURCE_WORDS:
        return None
    return span


def _content(text: str, start: int, end: int) -> TextSpan | None:
    span = _span(text, start, end)
    if span is None:
        return None
    lead = _THAT.match(span.text)
    if lead:
        span = TextSpan(span.text[lead.end() :], span.start + lead.end(), span.end)
    return span if len(span.text.split()) >= 2 else None


def _according(text: str, cue: re.Match[str], lo: int, hi: int, floor: int) -> Attribution | None:
    source = _source_after(text, cue.end(), hi)
    if source is None:
        return None
    before = text[lo : cue.start()].strip(' \t\n,"“”')
    content = (
        _content(text, lo, cue.start())
        if len(before.split()) >= 3
        else _content(text, source.end, hi)
    )
    return _make(source, _span(text, cue.start(), cue.end()), content)


def _verb(text: str, cue: re.Match[str], lo: int, hi: int, floor: int) -> Attribution | None:
    cue_span = _span(text, cue.start(), cue.end())
    before = text[lo : cue.start()]
    after = text[cue.end() : hi].strip()
    quoted_before = re.search(r"[,\"”’]\s*$", before) is not None
    if quoted_before and ((after and after[0].isupper()) or after.lower().startswith("the ")):
        source = _source_after(text, cue.end(), hi)
        return _make(source, cue_span, _content(text, lo, cue.start()))
    source = _source_before(text, cue.start(), floor)
    if source is None:
        return None
    edge = text.rfind(source.text, lo, source.end)
    prior = text[lo:edge]
    if re.search(r"[,\"”’]\s*$", prior) and len(prior.split()) >= 3 and len(after.split()) < 8:
        return _make(source, cue_span, _content(text, lo, edge))
    return _make(source, cue_span, _content(text, cue.end(), hi))


def _resolve(text: str) -> Actor | None:
    """The source's actor; None while the knowledge base cannot say (never fatal here)."""
    try:
        return actors.resolve(text)
    except BackchannelError:
        return None


def _make(
    source: TextSpan | None, cue: TextSpan | None, content: TextSpan | None
) -> Attribution | None:
    """An attribution needs a source and a cue; the content may be left unknown."""
    if source is None or cue is None:
        return None
    return Attribution(
        kind=source_kind(source.text),
        source=_resolve(source.text),
        text=source.text,
        cue=cue.text,
        chain=[source.text],
        source_span=source,
        cue_span=cue,
        content_span=content,
    )


@cache
def _media_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:^|\b)(?:{alternation(lines('media.txt'))})$", re.IGNORECASE)


def source_kind(text: str) -> str:
    """named | anonymous | media | document, from the source as written."""
    clean = re.sub(
        r"^(?:the|a|an|one|another|two|three|several|some)\s+",
        "",
        text.strip(),
        count=1,
        flags=re.I,
    )
    last = clean.split()[-1].lower() if clean.split() else ""
    if _media_pattern().search(text) or (text.split()[-1] in words("media_heads.txt")):
        return "media"
    if last in words("document_heads.txt") or _REPORT_IN.search(text):
        return "document"
    if last in words("anonymous_heads.txt") or re.search(r"familiar with|close to", text, re.I):
        return "anonymous"
    return "named"


def _in_sentence(text: str, lo: int, hi: int) -> list[Attribution]:
    found: list[Attribution] = []
    for cue in _CUES.finditer(text, lo, hi):
        if found and cue.start() < found[-1].cue_span.end:  # type: ignore[union-attr]
            continue
        floor = found[-1].cue_span.end if found and found[-1].cue_span else lo
        handler = _according if _ACCORDING.fullmatch(cue.group(0)) else _verb
        attribution = handler(text, cue, lo, hi, floor)
        if attribution is not None and attribution.text.lower() not in ("it", "which", "that"):  # type: ignore[union-attr]
            found.append(attribution)
    return found


def _chain(found: list[Attribution]) -> list[str]:
    chain: list[str] = []
    for item in sorted(found, key=lambda a: a.source_span.start):  # type: ignore[union-attr]
        name = item.text or ""
        cited = _REPORT_IN.search(name)
        if cited:
            name = re.sub(r"^\w+['’]s\s+", "", cited.group("name").strip())
        if name not in chain:
            chain.append(name)
    return chain


def _carry_over(text: str, sentence_end: int, item: Attribution) -> None:
    """A frame ending in a colon takes the next paragraph as its content."""
    if not text[sentence_end - 1 : sentence_end + 1].strip().endswith(":"):
        return
    match = re.compile(r"\s*(.+?)(?:\n\s*\n|\Z)", re.DOTALL).match(text, sentence_end)
    if match and match.group(1).strip():
        item.content_span = _span(text, match.start(1), match.end(1))


def find_attributions(text: str) -> list[Attribution]:
    """Attribution relations in ``text`` as given, with offsets into it."""
    result: list[Attribution] = []
    for sentence in split_sentences(text):
        found = _in_sentence(text, sentence.start, sentence.end)
        chain = _chain(found)
        for item in found:
            if len(chain) > 1:
                item.chain = list(chain)
            _carry_over(text, sentence.end, item)
        result.extend(found)
    return result
