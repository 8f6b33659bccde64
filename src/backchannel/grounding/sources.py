"""What may stand as the source of an attribution, and the chain of sources.

A source is a noun phrase: a name, a title, an organisation, a medium, an anonymous-source
phrase or a pronoun. ``clean_source`` trims what the cue patterns catch around it (a
dateline, a time word, an infinitive) and rejects what is not a noun phrase: a span that
starts with a preposition, or that holds a finite verb with no noun phrase after it. The
auxiliaries and adverbs of the cue's own verb phrase are trimmed ("Obama has long said" ->
"Obama"), unless they negate it ("Iran had not responded" is no report); with a noun
phrase after the verb ("the key problem is the White House") that noun phrase is kept.
``source_kind`` tells a source's kind (named, anonymous, media, document) from its words.

``link_chains`` sets each attribution's chain to the path of sources from the outermost
report to it: an attribution is nested in the one with the smallest content holding its
cue. A definite document source with no name ("the report") is an anaphor: its chain is
that of the last earlier source with the same head noun ("a report in Kyodo News"); so is
a pronoun, whose chain is that of the nearest earlier person ("he", "they") or medium,
document or organisation ("it").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from backchannel.grounding.lexicon import alternation, function_words, lines, words
from backchannel.records import Attribution, TextSpan

_PREPOSITION = re.compile(
    r"^(?:to|by|for|in|on|at|from|with|of|about|into|over|after|before|during|under|than)\b",
    re.IGNORECASE,
)
_AUXILIARY = (
    r"(?:is|are|was|were|am|has|have|had|do|does|did|can|could|will|would|may|might|must"
    r"|should|shall|\w+n['’]t|\w*['’](?:m|re|ve|ll|d))"
)
_FINITE = re.compile(
    rf"(?:^|\s){_AUXILIARY}(?:\s+(?:not|never|be|been|just|also|still))*(?=\s|$)",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    rf"(?:^|\s){_AUXILIARY}(?:\s+(?!(?:the|a|an|this|that|his|her|its|their)\b)[a-z][\w-]*)"
    r"{0,3}$"
)
_BE = function_words("be")
_NEGATION = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.IGNORECASE)
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_TIME_WORD = re.compile(
    rf"\s+(?:yesterday|today|tonight|earlier|later|(?:this|last|on\s+{WEEKDAY})"
    rf"\s+(?:morning|afternoon|evening|night|week|month)|on\s+{WEEKDAY})(?=\s|$)"
)
_DATELINE = re.compile(r"^[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:--|[—–-])\s*")
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\s.*$", re.DOTALL)
_MEDIUM = re.compile(
    r",\s*(?:in|on|at|via|during)\s+(?:a|an|the|his|her|its|their)\s+[^,]+?,?\s*$", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_NOUNS = function_words("not_nouns")
MANNER_ADVERB = (  # "reportedly", "publicly", "angrily": a word that ends like an adverb
    r"[a-z]{3,}(?:ously|ively|fully|ately|edly|ically|ently|antly|ingly|lessly|ially|ually|nally)"
)
_ADVERB = re.compile(rf"almost|very|{MANNER_ADVERB}")
_INFINITIVE = re.compile(r"\s+to\s+[a-z]+$")
_COMPLEMENTIZER = re.compile(r"^(?:that|whether)\s+(?=\S)", re.IGNORECASE)
_NOUN_START = re.compile(r"^(?:[A-Z0-9“\"]|(?:the|a|an|one|two|some|several|his|her|its|their)\s)")
_NUMBER = r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|half|a\s+(?:third|quarter))"
_QUANTITY = re.compile(
    rf"(?:about|around|nearly|almost|roughly|over|under|some|more\s+than|fewer\s+than)\s+{_NUMBER}",
    re.IGNORECASE,
)
_WITH_QUANTITY = re.compile(rf"with\s+(?={_NUMBER}|{_QUANTITY.pattern})", re.IGNORECASE)
_TAIL = re.compile(r"(?<![\s,.;:!?\"“”'’])[\s,.;:!?\"“”'’]+$")  # tried from a run's start only
_HEAD = re.compile(r"^[\s,.;:\"“”'’]+")
_PERSONAL = function_words("personal_pronouns")
_PLURAL = re.compile(r"[a-z][a-rt-z]s$|\bpeople$")
_PERSONS = frozenset(["named", "anonymous"])
_PRONOUN_REACH = 600
_DETERMINED = re.compile(r"(?:the|its)\s", re.IGNORECASE)
_LEADING_DETERMINER = re.compile(
    r"^(?:the|a|an|one|another|two|three|several|some)\s+", re.IGNORECASE
)
REPORT_IN = re.compile(
    r"\breports?\s+(?:in|by|from|on)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w.'’-]*\s*)+)", re.UNICODE
)
_DEFINITE = re.compile(r"^(?:the|that|this)\s+(?P<head>\w+)$", re.IGNORECASE)


def trimmed(text: str, start: int, end: int) -> TextSpan | None:
    """The trimmed piece ``text[start:end]`` as a span (None if nothing is left)."""
    piece = text[start:end]
    lead = len(piece) - len(_HEAD.sub("", piece))
    piece = _TAIL.sub("", piece[lead:])
    return TextSpan(piece, start + lead, start + lead + len(piece)) if piece else None


def last_match(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text`` from ``start`` to ``end`` (None if none)."""
    last = None
    for last in pattern.finditer(text, start, len(text) if end is None else end):  # noqa: B007
        pass
    return last


def _cut(span: TextSpan, start: int, end: int) -> TextSpan:
    return TextSpan(span.text[start:end], span.start + start, span.start + end)


def _strip(span: TextSpan) -> TextSpan:
    """Without a leading dateline or "that", a relative clause after a name (", who has
    served ..."), time words, a trailing medium (", in a
    statement"), the possessive of a noun cue ("Trump's warning") and a trailing infinitive."""
    lead = _DATELINE.match(span.text) or _COMPLEMENTIZER.match(span.text)
    if lead:
        span = _cut(span, lead.end(), len(span.text))
    time = _TIME_WORD.search(span.text)
    if time and not span.text[time.end() :].strip():
        span = _cut(span, 0, time.start())
    relative = _RELATIVE.search(span.text)
    if relative and relative.start():
        span = _cut(span, 0, relative.start())
    medium = _MEDIUM.search(span.text)
    if medium and medium.start():
        span = _cut(span, 0, medium.start())
    possessive = _POSSESSIVE.search(span.text)
    if possessive and possessive.start():
        span = _cut(span, 0, possessive.start())
    infinitive = _INFINITIVE.search(span.text)
    if infinitive:
        span = _cut(span, 0, infinitive.start())
    return span


def clean_source(span: TextSpan | None, cue: str = "") -> TextSpan | None:
    """The source of ``cue`` as a noun phrase, or None when the span is not one (a poll's
    "about one in five" and "(with) 50 percent" are)."""
    if span is None:
        return None
    span = _strip(span)
    with_quantity = _WITH_QUANTITY.match(span.text)
    if with_quantity:
        span = _cut(span, with_quantity.end(), len(span.text))
    if not span.text or _adverbial(span.text):
        return None
    if _PREPOSITION.match(span.text) and not _QUANTITY.match(span.text):
        return None
    trailing = _TRAILING.search(span.text)
    if trailing is not None:
        if not trailing.start() or _negated_or_passive(trailing.group(), cue):
            return None
        span = _cut(span, 0, trailing.start())
    finite = last_match(_FINITE, span.text)
    if finite is None:
        return span
    rest = span.text[finite.end() :].lstrip()
    if _NOUN_START.match(rest):
        return _cut(span, len(span.text) - len(rest), len(span.text))
    return _subject(span)


@cache
def _media_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:^|\b)(?:{alternation(lines('media.txt'))})$", re.IGNORECASE)


def source_kind(text: str) -> str:
    """named | anonymous | media | document, from the source as written."""
    clean = _LEADING_DETERMINER.sub("", text.strip(), count=1)
    head = clean.split(",")[0].split()
    last = head[-1].lower() if head else ""
    if _media_pattern().search(text) or (text.split()[-1] in words("media_heads.txt")):
        return "media"
    if last in words("document_heads.txt") or REPORT_IN.search(text):
        return "document"
    if last in words("anonymous_heads.txt") or _anonymity_pattern().search(text):
        return "anonymous"
    return "named"


@cache
def _anonymity_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(lines('anonymity.txt'))})\b", re.IGNORECASE)


def _adverbial(text: str) -> bool:
    """'Recently', 'almost immediately', 'together': no noun phrase at all."""
    words_ = text.lower().split()
    if len(words_) > 2:
        return False
    return words_[-1] in _NOT_NOUNS or all(_ADVERB.fullmatch(word) for word in words_)


def _negated_or_passive(auxiliaries: str, cue: str) -> bool:
    """'Iran had not (responded)', 'a ceasefire can be (agreed)': no one reports."""
    passive = auxiliaries.split()[-1].lower() in _BE and not cue.endswith("ing")
    return passive or _NEGATION.search(auxiliaries) is not None


def _subject(span: TextSpan) -> TextSpan | None:
    """'Rival Jane Roe had mocked the plan(, saying)': the short subject before the verb."""
    first = _FINITE.search(span.text)
    head = span.text[: first.start()] if first else ""
    if not _NOUN_START.match(head) or "," in head or len(head.split()) > 6:
        return None
    return _cut(span, 0, len(head))


def _holds(outer: Attribution, inner: Attribution) -> bool:
    """Whether ``inner`` is reported inside ``outer``'s content (the earlier cue wins ties)."""
    if outer is inner or outer.content_span is None or inner.cue_span is None:
        return False
    content, cue = outer.content_span, inner.cue_span
    if not content.start <= cue.start < content.end:
        return False
    back = inner.content_span
    mutual = (
        back is not None
        and outer.cue_span is not None
        and back.start <= outer.cue_span.start < back.end
    )
    return not mutual or cue.start > outer.cue_span.start  # type: ignore[union-attr]


def _parent(item: Attribution, items: list[Attribution]) -> Attribution | None:
    holding = [other for other in items if _holds(other, item)]
    return min(
        holding,
        key=lambda a: a.content_span.end - a.content_span.start,  # type: ignore[union-attr]
        default=None,
    )


def _antecedent(item: Attribution, earlier: list[Attribution]) -> Attribution | None:
    """The earlier source an anaphoric one refers back to: a definite document or unnamed
    source with the same head noun ("a report in Kyodo News" ... "the report", "a U.S.
    government source" ... "the source"), or for "he"/"she" the nearest earlier person ("they":
    the nearest earlier people, "officials", "diplomats"; "it": the nearest earlier medium,
    document or organisation)."""
    text = item.text or ""
    if text.lower() in _PERSONAL:
        return _person_before(item, earlier)
    if text.lower() == "it":
        return _thing_before(item, earlier)
    definite = _DEFINITE.match(text)
    if definite is None or definite.group("head").lower() not in _anaphoric_heads():
        return None
    head = re.compile(rf"\b{re.escape(definite.group('head'))}\b", re.IGNORECASE)
    for other in reversed(earlier):
        if other.text and other.text.lower() != text.lower() and head.search(other.text):
            return other
    return None


def _anaphoric_heads() -> frozenset[str]:
    return words("document_heads.txt") | words("anonymous_heads.txt")


def _person_before(item: Attribution, earlier: list[Attribution]) -> Attribution | None:
    """The source of the nearest earlier attribution, if a person (people for "they")."""
    plural = (item.text or "").lower() == "they"
    return _nearest_before(
        item,
        earlier,
        _PERSONAL,
        lambda other: (
            other.kind in _PERSONS and (not plural or _PLURAL.search(other.text or "") is not None)
        ),
    )


def _thing_before(item: Attribution, earlier: list[Attribution]) -> Attribution | None:
    """For "it": the nearest earlier source if a medium, a document or an organisation
    ("the ministry")."""
    return _nearest_before(
        item,
        earlier,
        frozenset(["it"]),
        lambda other: (
            other.kind in ("media", "document") or _DETERMINED.match(other.text or "") is not None
        ),
    )


def _nearest_before(
    item: Attribution,
    earlier: list[Attribution],
    pronouns: frozenset[str],
    fits: Callable[[Attribution], bool],
) -> Attribution | None:
    """The nearest earlier source within ``_PRONOUN_REACH`` that is not one of ``pronouns``
    itself, if it ``fits`` (else None: a pronoun stands for the nearest one only)."""
    at = item.source_span.start if item.source_span else 0
    for other in reversed(earlier):
        span = other.source_span
        if other.text is None or span is None or at - span.end > _PRONOUN_REACH:
            return None
        if other.text.lower() not in pronouns:
            return other if fits(other) else None
    return None


def link_chains(items: list[Attribution], name_of: dict[int, list[str]]) -> None:
    """Set each item's chain: the sources from the outermost report down to it. An anaphoric
    source takes the kind, actor and chain of the source it refers back to."""
    chains: dict[int, list[str]] = {}
    for index, item in enumerate(items):
        item.chain = _chain(item, items, items[:index], name_of, chains, 0)


def _adopt(item: Attribution, antecedent: Attribution) -> None:
    item.kind = antecedent.kind
    item.source = replace(antecedent.source) if antecedent.source is not None else None


def _chain(
    item: Attribution,
    items: list[Attribution],
    earlier: list[Attribution],
    name_of: dict[int, list[str]],
    chains: dict[int, list[str]],
    depth: int,
) -> list[str]:
    if id(item) in chains or depth > 8:
        return list(chains.get(id(item), []))
    antecedent = _antecedent(item, earlier)
    parent = _parent(item, items)
    above = _chain(parent, items, earlier, name_of, chains, depth + 1) if parent else []
    if antecedent is not None:
        _adopt(item, antecedent)
        own = list(chains.get(id(antecedent), name_of.get(id(antecedent), [])))
    else:
        own = name_of.get(id(item), [item.text]) if item.text else []
    chain = above + [name for name in own if name and name not in above]
    chains[id(item)] = chain
    return list(chain)
