"""Attribution relations (source, cue, content) found by lexicon cues and short patterns.

For each reporting cue ("said", "told reporters", "according to") in a sentence the source
is the short noun phrase next to it and the content the clause it reports:
- ``According to SOURCE, CONTENT`` and ``CONTENT, according to SOURCE``;
- ``"CONTENT," SOURCE said`` and ``"CONTENT," said SOURCE`` (post-posed);
- ``SOURCE said (that) CONTENT`` (pre-posed), where the source may carry an apposition
  ("Jane Roe, a fellow at X, said") or be the subject of a coordinated verb ("The minister
  toured the port and said");
- ``CONTENT, said SOURCE`` without quotes when SOURCE is a short noun phrase ending the
  clause; ``NAME, who said`` (the relative pronoun stands for NAME);
- the layout-marked ones of ``labels`` (a dash-signed quote, a speaker label, a headline
  "Pence: ...", a fronted "In the latest poll, ...").
Citations (``citations``): "Bloomberg, citing Kyodo, which cited an official, said": the
last source cited is the source, the chain runs from Bloomberg to it. "X quoted by M" as a
source is X, with M before it in the chain. A named or anonymous speaker's content stops
before a closing ", according to S", which then frames the whole report (a medium's or a
document's report keeps it inside: the medium cites S).
Nouns that look like cues ("the United States", "claims") and belief verbs without a
reported content ("I think") are left out of the cue lexicon.
A frame ending in a colon ("According to the report, ...:", "The report continues:") carries
over to the next paragraph, which becomes its content. The chain runs from the outermost
report down to the source itself, through frames and anaphors (``sources.link_chains``).
A source must be a noun phrase (``sources.clean_source``); a cue whose source is not one
but that follows another cue of the sentence ("X responded by saying", "X confirmed ...
and stated") takes that cue's source. A hedged passive ("the administration is said to
have ...") reports without a source: kind anonymous, source and text None, the cue
"is said".
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from backchannel import actors
from backchannel.errors import BackchannelError
from backchannel.grounding.citations import Citation, adjacent
from backchannel.grounding.citations import citations as find_citations
from backchannel.grounding.citations import masked as blank_out
from backchannel.grounding.labels import labelled
from backchannel.grounding.lexicon import cue_pattern, function_words, words
from backchannel.grounding.sources import (
    MANNER_ADVERB,
    REPORT_IN,
    WEEKDAY,
    clean_source,
    last_match,
    link_chains,
    source_kind,
    trimmed,
)
from backchannel.nlp import split_sentences
from backchannel.records import Actor, Attribution, TextSpan

_MAX_SOURCE_WORDS = 12
_CUES = cue_pattern()
_ACCORDING = re.compile(r"according\s+to", re.IGNORECASE)
_BOUNDARY = re.compile(
    r"""(?:[,;:"“”()—–]|\s-\s|\b(?:and|but|that|which|who|as|because|when|while|after|"""
    r"""before|if|since|so|what|how|why|where)\b)""",
    re.IGNORECASE,
)
_AUX = re.compile(  # from the first blank of a run only: linear in a long run
    r"(?<!\s)(?:\s+(?:has|have|had|was|were|is|are|also|previously|later|reportedly|then|again"
    r"|repeatedly|publicly|privately|once|recently|further|quickly|later|together|first|even"
    rf"|almost|(?-i:{MANNER_ADVERB})))+$",
    re.IGNORECASE,
)
_HARD = re.compile(r"""[;:"“”—–―\n]|\s-\s""")
_DISCOURSE = re.compile(
    r"^(?:(?:but|and|so|yet|however|meanwhile|still|instead|also|later|earlier)\b,?\s*)+",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"(?:in|on|at|during|after|before|from|with|under|for|last|this|earlier)\b[^,]{0,60},\s*",
    re.IGNORECASE,
)
_UNREPORTED = re.compile(r"\b(?:to|having|let['’]s|let\s+us)\s+$", re.IGNORECASE)
_DETERMINERS = function_words("determiners")
_QUANTIFIERS = function_words("quantifiers")
_LINKS = function_words("name_links")
_MAX_APPOSED_WORDS = 40
_QUOTED_END = re.compile(r"(?:[,\"”’]|'')\s*$")
_QUOTE = re.compile(r"[\"“”]|''|``")
_SOURCE_STOP = re.compile(r"[,;:!?\"“”()]|\.\s*$|\s[-–—]+\s|\s(?:on|in|at|during|after|that)\s")
_POSSESSOR = re.compile(r"^\w+['’]s\s+")
_TO_PARAGRAPH_END = re.compile(r"\s*(.+?)(?:\n\s*\n|\Z)", re.DOTALL)
_INVERTED_SOURCE = re.compile(
    r"(?:(?:the|a|an)\s+(?:[\w.'’-]+\s+)?|(?:[A-Z][\w.'’-]*\s+){0,4})[\w.'’-]+\s*(?:,|\.?$)"
)
_APPOSITION_START = re.compile(
    r"\s*(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*,\s+(?:a|an|the|who|which|one)\s"
)
_BE = re.compile(r"\b(?:is|are|was|were|been|being)\b", re.IGNORECASE)
_RELATIVE_TAIL = re.compile(r",\s*(?:who|which)\b[^,]*,")
_ANTECEDENT = re.compile(
    r"(?<![\w'’-])(?:(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+"
    r"|(?:(?:the|The)\s+)?(?:[A-Z][\w.'’-]*\s+(?:(?:of|on|for|at)\s+(?:the\s+)?)?){0,4}"
    r"[A-Z][\w.'’-]*),?\s*$"
)
_ADDRESSED = re.compile(r"(?:told|tells?|telling)\b", re.IGNORECASE)
_TIME_FIRST = re.compile(
    rf"(?:{WEEKDAY}|yesterday|today|tonight|last|this|on|in)\b",
    re.IGNORECASE,
)
_POSTPOSED = re.compile(r"(?:[A-Z0-9]|(?:the|a|an|one|another)\s)")
_WHEN_THAT = re.compile(
    rf"^(?:(?:on\s+)?{WEEKDAY}|yesterday|today|earlier|later)"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+that\s+",
    re.IGNORECASE,
)
_THAT = re.compile(
    r"^(?:as\s+saying(?:\s+that)?|that|to|on|in|of|with\s+[^,.;:\"“]{1,40}?\s+that)\s+",
    re.IGNORECASE,
)
_PRONOUNS = function_words("pronouns")
_HEDGED = re.compile(r"\b(?:is|are|was|were|been|being)\s+$", re.IGNORECASE)
_HEDGED_CUES = words("hedged_cues.txt")
_EXPLETIVE = re.compile(r"(?<![\w'’-])it\s+(?:(?:has|had)\s+)?$", re.IGNORECASE)
_FRAME = re.compile(
    r"\s*(?:in|on|at|during|after|before|from|with|by|under|speaking|asked|writing)\b[^,]*,\s*$",
    re.IGNORECASE,
)
_INVERTING = words("inverted_cues.txt")
_INHERITS = re.compile(r"(?:\band|\bby|,)\s*$", re.IGNORECASE)
_OPEN_QUOTE = re.compile(r"\s*[“\"]")
_CLOSE_QUOTE = re.compile(r"[”\"]")
_QUOTED_BY = re.compile(
    r"\s+(?:as\s+)?(?:quoted|cited)(?:\s+[\w-]+){0,3}?\s+(?:by|in)\s+(?P<by>\S.*)$"
)
_PASSIVE_AGENT = re.compile(r"(?:\s+[\w-]+){0,3}?\s+by\s", re.IGNORECASE)
_ACCORDING_TAIL = re.compile(r",\s*according\s+to\b", re.IGNORECASE)
_REPORTERS = frozenset(["media", "document"])
_CLAUSE_CUES = words("clause_cues.txt")
_REPORTED_CLAUSE = re.compile(
    r"\s+(?:(?:with|on)\s+[^,.;:]{1,60}?\s+)?that\s"
    r"|\s+(?!(?:to|with|on|upon|in|for|about|over|by|and|but)\b)"
    r"(?:(?!(?:that|which|who|to)\b)[\w'’-]+\s+){1,4}?"
    r"(?:is|are|was|were|would|will|had|has|have|could|should|must|might|may|can)\b",
    re.IGNORECASE,
)


def _source_before(text: str, end: int, floor: int) -> TextSpan | None:
    """The short noun phrase just before ``end`` (after the last clause boundary)."""
    left = _AUX.sub("", text[floor:end].rstrip())
    last = last_match(_BOUNDARY, left)
    span = trimmed(text, floor + (last.end() if last else 0), floor + len(left))
    if span is not None:
        return span if len(span.text.split()) <= _MAX_SOURCE_WORDS else None
    if last is None:
        return None
    mark = last.group().lower()
    if mark in (",", ")"):
        return _apposed(text, floor, floor + len(left))
    if mark in ("and", "but"):
        return _subject(text, floor, floor + last.start())
    if mark in ("who", "which") and not _BE.search(text, floor + last.end(), end):
        return _antecedent(text, floor, floor + last.start())
    return None


def _antecedent(text: str, floor: int, end: int) -> TextSpan | None:
    """'Trump, who says', 'the study, which notes': the noun phrase the pronoun stands for."""
    match = _ANTECEDENT.search(text, floor, end)
    return trimmed(text, match.start(), match.end()) if match else None


def _hard_start(text: str, floor: int, end: int) -> int:
    """Where the clause holding ``text[floor:end]`` starts: after a quote, colon or dash."""
    return max((m.end() for m in _HARD.finditer(text, floor, end)), default=floor)


def _apposed(text: str, floor: int, end: int) -> TextSpan | None:
    """'Jane Doe, a senior fellow at X, said': the name with its apposition (without an
    opening phrase: 'In a statement, Jane Doe, ...')."""
    span = trimmed(text, _hard_start(text, floor, end), end)
    if span is None or len(span.text.split()) > _MAX_APPOSED_WORDS:
        return None
    lead = _DISCOURSE.match(span.text) or _OPENING.match(span.text)
    return TextSpan(span.text[lead.end() :], span.start + lead.end(), span.end) if lead else span


def _subject(text: str, floor: int, end: int) -> TextSpan | None:
    """'He claimed vast wealth and said': the subject of the first verb ('He')."""
    span = _apposed(text, floor, end)
    if span is None:
        return None
    words = span.text.split()
    if not words or (not words[0][0].isupper() and words[0].lower() not in _DETERMINERS):
        return None
    keep = 1 + (words[0].lower() in _DETERMINERS)
    while keep < len(words) and (words[keep][0].isupper() or words[keep] in _LINKS):
        keep += 1
    if keep == 1 and words[0].lower() in _QUANTIFIERS:
        return None
    piece = " ".join(words[:keep]).rstrip(",")
    return (
        trimmed(text, span.start, span.start + len(piece)) if span.text.startswith(piece) else None
    )


def _source_after(text: str, start: int, ceiling: int) -> TextSpan | None:
    """The short noun phrase just after ``start`` (to the next comma or the sentence end)."""
    right = text[start:ceiling]
    stop = _SOURCE_STOP.search(right)
    span = trimmed(text, start, start + (stop.start() if stop else len(right)))
    if span is None or len(span.text.split()) > _MAX_SOURCE_WORDS:
        return None
    return span


def _content(text: str, start: int, end: int) -> TextSpan | None:
    span = trimmed(text, start, end)
    if span is None:
        return None
    lead = _WHEN_THAT.match(span.text) or _THAT.match(span.text)
    if lead:
        span = TextSpan(span.text[lead.end() :], span.start + lead.end(), span.end)
    return span if len(span.text.split()) >= 2 else None


def _according(text: str, cue: re.Match[str], lo: int, hi: int, floor: int) -> Attribution | None:
    source = _source_after(text, cue.end(), hi)
    if source is None:
        return None
    before = text[lo : cue.start()].strip(' \t\n,"“”')
    relative = _RELATIVE_TAIL.match(text, source.end, hi)
    content = (
        _content(text, lo, cue.start())
        if len(before.split()) >= 3
        else _content(text, relative.end() if relative else source.end, hi)
    )
    return _make(source, trimmed(text, cue.start(), cue.end()), content)


def _verb(text: str, cue: re.Match[str], lo: int, hi: int, floor: int) -> Attribution | None:
    """The attribution of a verb cue: post-posed ("CONTENT," said X), a quote before a
    pre-posed source ("CONTENT," X said) or pre-posed (X said CONTENT)."""
    cue_span = trimmed(text, cue.start(), cue.end())
    before = text[lo : cue.start()]
    if _UNREPORTED.search(text, max(lo, cue.start() - 12), cue.start()):
        return None
    after = text[cue.end() : hi].strip()
    if _postposed(before, cue.group(0), after):
        source = _source_after(text, cue.end(), hi)
        return _make(source, cue_span, _content(text, lo, cue.start()))
    source = _source_before(text, cue.start(), floor)
    if source is not None and _clause_before_participle(text, cue, source):
        source = _subject(text, floor, source.end)
    if source is None:
        return None
    edge = text.rfind(source.text, lo, source.end)
    prior = text[lo:edge]
    if (
        _QUOTED_END.search(prior)
        and len(prior.split()) >= 3
        and len(after.split()) < 8
        and not _FRAME.match(prior)
        and not cue.group(0).lower().endswith("ing")
    ):
        return _make(source, cue_span, _content(text, lo, edge))
    content = _content(text, cue.end(), _reported_end(text, cue.end(), hi))
    return _before_according(text, _make(source, cue_span, content))


def _clause_before_participle(text: str, cue: re.Match[str], source: TextSpan) -> bool:
    """'The court blocked the sale, citing ...': a clause, not a source, before the cue."""
    return (
        cue.group(0).lower().endswith("ing")
        and len(source.text.split()) > 3
        and text[source.end : cue.start()].strip() == ","
    )


def _postposed(before: str, cue: str, after: str) -> bool:
    """'"CONTENT," said X' or 'CONTENT, said X' (X a short noun phrase ending the clause):
    the source comes after the cue."""
    if _ADDRESSED.match(cue) or _TIME_FIRST.match(after):
        return False
    if _QUOTED_END.search(before) is not None and _QUOTE.search(before) is not None:
        return _POSTPOSED.match(after) is not None
    clause = before.rstrip()
    inverted = clause.endswith(",") and len(clause.split()) >= 3 and cue.lower() in _INVERTING
    return (
        inverted
        and _INVERTED_SOURCE.match(after) is not None
        and not _APPOSITION_START.match(before)
    )


def _reported_end(text: str, start: int, hi: int) -> int:
    """Where a pre-posed cue's content ends: at its closing quote when it opens with one."""
    opening = _OPEN_QUOTE.match(text, start, hi)
    if opening is None:
        return hi
    close = _CLOSE_QUOTE.search(text, opening.end(), hi)
    return close.end() if close else hi


def _hedged(text: str, cue: re.Match[str], lo: int, hi: int) -> Attribution | None:
    """'X is said to have ...': reported by nobody named (kind anonymous, no source)."""
    be = _HEDGED.search(text, lo, cue.start())
    if be is None or cue.group(0).lower() not in _HEDGED_CUES:
        return None
    after = text[cue.end() : hi].lstrip()
    expletive = _EXPLETIVE.search(text, lo, be.start())
    if not after.startswith("to ") and not (expletive and after.startswith("that ")):
        return None
    start = expletive.start() if expletive and after.startswith("that ") else be.start()
    end = min((m.start() for m in _HARD.finditer(text, cue.end(), hi)), default=hi)
    return Attribution(
        kind="anonymous",
        cue=text[start : cue.end()],
        cue_span=TextSpan(text[start : cue.end()], start, cue.end()),
        content_span=_content(text, cue.end(), end),
    )


def _inherit(text: str, cue: re.Match[str], previous: Attribution, hi: int) -> Attribution | None:
    """'X responded by saying ...', 'X confirmed ... and stated ...': X is the source."""
    if previous.source_span is None or previous.cue_span is None:
        return None
    if not _INHERITS.search(text[previous.cue_span.end : cue.start()]):
        return None
    return replace(
        previous,
        cue=cue.group(0),
        chain=list(previous.chain),
        cue_span=TextSpan(cue.group(0), cue.start(), cue.end()),
        content_span=_content(text, cue.end(), hi),
    )


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
    """An attribution needs a source (a noun phrase) and a cue; the content may be unknown."""
    source = clean_source(source, cue.text if cue else "")
    if source is None or cue is None:
        return None
    chain = [source.text]
    quoted = _QUOTED_BY.search(source.text)
    if quoted and quoted.start():
        chain = [quoted.group("by"), source.text[: quoted.start()]]
        source = TextSpan(chain[1], source.start, source.start + quoted.start())
    return Attribution(
        kind=source_kind(source.text),
        source=_resolve(source.text),
        text=source.text,
        cue=cue.text,
        chain=chain,
        source_span=source,
        cue_span=cue,
        content_span=content,
    )


def _before_according(text: str, item: Attribution | None) -> Attribution | None:
    """'Iran has said X, according to an official': the frame reports Iran's saying, so the
    content stops before it (a medium's report keeps its own "according to" inside)."""
    content = item.content_span if item else None
    if item is None or content is None or item.kind in _REPORTERS:
        return item
    tail = _ACCORDING_TAIL.search(text, content.start, content.end)
    if tail is not None:
        item.content_span = _content(text, content.start, tail.start())
    return item


def _in_sentence(text: str, lo: int, hi: int) -> list[Attribution]:
    """The attributions of the sentence ``text[lo:hi]``, one per cue not inside an earlier
    one's (a cue right before another, "the reports show", is a noun); a participle or a
    cue without a source of its own ("it") takes the previous cue's source ("X responded by
    saying")."""
    found: list[Attribution] = []
    for cue in _CUES.finditer(text, lo, hi):
        if found and cue.start() < found[-1].cue_span.end:  # type: ignore[union-attr]
            continue
        if _CUES.match(text, cue.end() + 1):  # a noun before the verb: "the reports show"
            continue
        if _without_clause(text, cue, hi):
            continue
        floor = found[-1].cue_span.end if found and found[-1].cue_span else lo
        gerund = found and cue.group(0).lower().endswith("ing")
        attribution = _inherit(text, cue, found[-1], hi) if gerund else None
        attribution = attribution or _one(text, cue, lo, hi, floor)
        pronoun = attribution is None or (attribution.text or "").lower() == "it"
        if pronoun and found and not _ACCORDING.fullmatch(cue.group(0)):
            attribution = _inherit(text, cue, found[-1], hi) or attribution
        if attribution is not None:
            found.append(attribution)
    return found


def _without_clause(text: str, cue: re.Match[str], hi: int) -> bool:
    """'Hamas agreed (to the truce)': a cue of ``clause_cues.txt`` with no reported clause
    ("agreed that ...", "agreed it was ...") after it says nothing."""
    if cue.group(0).lower() not in _CLAUSE_CUES:
        return False
    return _REPORTED_CLAUSE.match(text[:hi], cue.end()) is None


def _one(text: str, cue: re.Match[str], lo: int, hi: int, floor: int) -> Attribution | None:
    """The attribution of one cue ("according to", a hedged passive or a verb), if any."""
    if _ACCORDING.fullmatch(cue.group(0)):
        return _according(text, cue, lo, hi, floor)
    if cue.group(0).lower() in ("quoted", "cited") and _PASSIVE_AGENT.match(text, cue.end()):
        return None
    attribution = _hedged(text, cue, lo, hi) or _verb(text, cue, lo, hi, floor)
    if attribution is not None and (attribution.text or "").lower() in ("which", "that"):
        return None
    return attribution


def _chain_name(item: Attribution) -> list[str]:
    """The sources as a chain names them, outermost first: the medium of "a report in
    Japan's Kyodo News", or the reporters a source was cited through."""
    if len(item.chain) > 1:
        return list(item.chain)
    name = item.text or ""
    cited = REPORT_IN.search(name)
    if cited:
        name = _POSSESSOR.sub("", cited.group("name").strip())
    return [name]


def _cite(text: str, item: Attribution, citations: list[Citation]) -> None:
    """The source cited right after the item's source or cue becomes its source, the
    reporters before it the outer links of its chain."""
    anchors = [span.end for span in (item.source_span, item.cue_span) if span is not None]
    for start, _, links in citations:
        if any(adjacent(text[anchor:start]) for anchor in anchors if anchor <= start):
            source = links[-1]
            item.chain = _chain_name(item) + [link.text for link in links]
            item.kind, item.text, item.source_span = source_kind(source.text), source.text, source
            item.source = _resolve(source.text)
            return


def _carry_over(text: str, sentence_end: int, item: Attribution) -> None:
    """A frame ending in a colon takes the next paragraph as its content."""
    if not text[sentence_end - 1 : sentence_end + 1].strip().endswith(":"):
        return
    match = _TO_PARAGRAPH_END.match(text, sentence_end)
    if match and match.group(1).strip():
        item.content_span = trimmed(text, match.start(1), match.end(1))


def _labelled(text: str) -> list[Attribution]:
    found = (_make(*spans) for spans in labelled(text))
    return [item for item in found if item is not None]


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
    citations = find_citations(text)
    masked = blank_out(text, citations)
    result: list[Attribution] = []
    for sentence in split_sentences(masked):
        result.extend(_sentence_attributions(masked, sentence.start, sentence.end, citations))
    for item in result:
        if citations and item.content_span is not None:
            start, end = item.content_span.start, item.content_span.end
            item.content_span = TextSpan(text[start:end], start, end)
    merged = _merge(result, _labelled(text))
    link_chains(merged, {id(item): _chain_name(item) for item in merged})
    return [item for item in merged if not _unresolved_it(item)]


def _sentence_attributions(
    masked: str, start: int, end: int, citations: list[Citation]
) -> list[Attribution]:
    """The attributions of one sentence; a slip on an odd sentence loses its attributions
    (the events in it read as the author's), never the article."""
    try:
        found = _in_sentence(masked, start, end)
        for item in found:
            _carry_over(masked, end, item)
            _cite(masked, item, citations)
    except (IndexError, ValueError, KeyError, OverflowError, RecursionError):
        return []
    return found


def _unresolved_it(item: Attribution) -> bool:
    """ "It said" with no medium, document or organisation before it to stand for."""
    return (item.text or "").lower() == "it" and bool(item.chain) and item.chain[-1] == item.text
