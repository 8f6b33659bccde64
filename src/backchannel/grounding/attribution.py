"""Attribution relations (source, cue, content) found by lexicon cues and short patterns.

For each reporting cue ("said", "told reporters", "according to") in a sentence the source
is the short noun phrase next to it and the content the clause it reports:
- ``According to SOURCE, CONTENT`` and ``CONTENT, according to SOURCE``;
- ``"CONTENT," SOURCE said`` and ``"CONTENT," said SOURCE`` (post-posed);
- ``SOURCE said (that) CONTENT`` (pre-posed), where the source may carry an apposition
  ("Jane Roe, a fellow at X, said") or be the subject of a coordinated verb ("The minister
  toured the port and said");
- quotes signed with a dash (``"CONTENT" ― SOURCE``) and transcript speaker labels
  (``SOURCE: CONTENT``), the dash or colon being the cue.
Nouns that look like cues ("the United States", "claims") and belief verbs without a
reported content ("I think") are left out of the cue lexicon.
A frame ending in a colon ("According to the report, ...:", "The report continues:") carries
over to the next paragraph, which becomes its content. The chain lists the sources of the
sentence in order, so a report citing a report citing a source reads outward-in.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from backchannel import actors
from backchannel.errors import BackchannelError
from backchannel.grounding.lexicon import alternation, lines, words
from backchannel.nlp import split_sentences
from backchannel.records import Actor, Attribution, TextSpan

_MAX_SOURCE_WORDS = 12
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
_HARD = re.compile(r"""[;:"“”—–―\n]|\s-\s""")
_DISCOURSE = re.compile(
    r"^(?:(?:but|and|so|yet|however|meanwhile|still|instead|also|later|earlier)\b,?\s*)+",
    re.IGNORECASE,
)
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "this", "that"])
_LINKS = frozenset(["of", "for", "the", "and", "de"])
_MAX_APPOSED_WORDS = 40
_QUOTED_END = re.compile(r"[,\"”’]\s*$")
_QUOTE = re.compile(r"[\"“”]|''|``")
_POSTPOSED = re.compile(r"(?:[A-Z0-9]|(?:the|a|an|one|another)\s)")
_NAME = r"[A-Z][\w.'’-]*(?:[ \t\xa0]+(?:[A-Z][\w.'’-]*|de|van|von|bin|al))*"
_SIGNED = re.compile(rf"[”\"][ \t\xa0]*(?P<cue>[―—–])[ \t\xa0]*(?P<source>{_NAME})")
_SPEAKER = re.compile(
    r"^[\"“]?(?P<source>[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,3})(?P<cue>:)[ \t]+(?=\S)",
    re.MULTILINE,
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
    last = None
    for last in _BOUNDARY.finditer(left):  # noqa: B007 (the last boundary is wanted)
        pass
    span = _span(text, floor + (last.end() if last else 0), floor + len(left))
    if span is not None:
        return span if len(span.text.split()) <= _MAX_SOURCE_WORDS else None
    mark = last.group().lower() if last else ""
    if mark in (",", ")"):
        return _apposed(text, floor, floor + len(left))
    if mark in ("and", "but"):
        return _subject(text, floor, floor + last.start())  # type: ignore[union-attr]
    return None


def _hard_start(text: str, floor: int, end: int) -> int:
    """Where the clause holding ``text[floor:end]`` starts: after a quote, colon or dash."""
    return max((m.end() for m in _HARD.finditer(text, floor, end)), default=floor)


def _apposed(text: str, floor: int, end: int) -> TextSpan | None:
    """'Jane Doe, a senior fellow at X, said': the name with its apposition."""
    span = _span(text, _hard_start(text, floor, end), end)
    if span is None or len(span.text.split()) > _MAX_APPOSED_WORDS:
        return None
    lead = _DISCOURSE.match(span.text)
    return TextSpan(span.text[lead.end() :], span.start + lead.end(), span.end) if lead else span


def _subject(text: str, floor: int, end: int) -> TextSpan | None:
    """'He claimed vast wealth and said': the subject of the first verb ('He')."""
    span = _apposed(text, floor, end)
    if span is None:
        return None
    words = span.text.split()
    keep = 1 + (words[0].lower() in _DETERMINERS)
    while keep < len(words) and (words[keep][0].isupper() or words[keep] in _LINKS):
        keep += 1
    piece = " ".join(words[:keep]).rstrip(",")
    return _span(text, span.start, span.start + len(piece)) if span.text.startswith(piece) else None


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
    quoted_before = _QUOTED_END.search(before) is not None and _QUOTE.search(before) is not None
    if quoted_before and _POSTPOSED.match(after):
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
    """The source's actor (a copy: the same words recur); None for a pronoun or when the
    knowledge base cannot say (never fatal here)."""
    if text.lower() in _PRONOUNS:
        return None
    actor = _resolve_once(text)
    return replace(actor) if actor is not None else None


@lru_cache(maxsize=4096)
def _resolve_once(text: str) -> Actor | None:
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


def _labelled(text: str) -> list[Attribution]:
    """Quotes signed with a dash ('"..." ― Jane Doe') and speaker labels ('SMITH: ...')."""
    found: list[Attribution | None] = []
    for match in _SIGNED.finditer(text):
        quote = text.rfind("“", 0, match.start()), text.rfind('"', 0, match.start() - 1)
        content = _span(text, max(quote) + 1, match.start() + 1) if max(quote) >= 0 else None
        found.append(_labelled_one(text, match, content))
    for match in _SPEAKER.finditer(text):
        line_end = text.find("\n", match.end())
        content = _span(text, match.end(), line_end if line_end >= 0 else len(text))
        found.append(_labelled_one(text, match, content))
    return [item for item in found if item is not None]


def _labelled_one(text: str, match: re.Match[str], content: TextSpan | None) -> Attribution | None:
    source = _span(text, match.start("source"), match.end("source"))
    cue = TextSpan(match.group("cue"), match.start("cue"), match.end("cue"))
    return _make(source, cue, content)


def _merge(found: list[Attribution], labelled: list[Attribution]) -> list[Attribution]:
    """The labelled attributions whose cue no found one overlaps, in text order."""
    taken = [(a.cue_span.start, a.cue_span.end) for a in found if a.cue_span]
    extra = [
        a
        for a in labelled
        if a.cue_span and not any(s < a.cue_span.end and a.cue_span.start < e for s, e in taken)
    ]
    return sorted(found + extra, key=lambda a: a.cue_span.start if a.cue_span else 0)


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
    return _merge(result, _labelled(text))
