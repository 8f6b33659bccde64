"""Attributions marked by layout rather than by a verb, as (source, cue, content) spans.

- quotes signed with a dash (``"CONTENT" ― SOURCE``);
- transcript speaker labels (``SOURCE: CONTENT``, the name in capitals, or an interview's
  ``Q:`` and ``A:``) and a name before a colon and a quotation (``Bush: "The mission ..."``);
- headlines opening with a name and a colon (``Pence: Trump Was Mocking the Clinton Camp``),
  unless the word is a label such as "Update" (``not_speakers.txt``);
- fronted document frames (``In the latest poll, CONTENT``; heads in ``frame_heads.txt``);
- nouns of saying with their source (``claims by SOURCE that CONTENT``, ``SOURCE's
  assertion that CONTENT``; nouns in ``nominal_cues.txt``).
"""

from __future__ import annotations

import re

from backchannel.grounding.lexicon import alternation, lines, words
from backchannel.grounding.sources import trimmed
from backchannel.records import TextSpan

Spans = tuple[TextSpan | None, TextSpan, TextSpan | None]

_NAME = r"[A-Z][\w.'’-]*(?:[ \t\xa0]+(?:[A-Z][\w.'’-]*|de|van|von|bin|al))*"
_SIGNED = re.compile(rf"[”\"][ \t\xa0]*(?P<cue>[―—–])[ \t\xa0]*(?P<source>{_NAME})")
_SPEAKER = re.compile(
    r"^[\"“]?(?P<source>[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,3}|[QA])(?P<cue>:)[ \t]+(?=\S)",
    re.MULTILINE,
)
_HEADLINE = re.compile(
    r"^(?P<source>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3})(?P<cue>:)[ \t]+(?=[\"“‘'A-Z])",
    re.MULTILINE,
)
_QUOTE_LABEL = re.compile(
    r"(?:^|(?<=[.!?”\"] ))(?P<source>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,4}"
    r"(?:[ \t]\([^)\n]{1,20}\))?)(?P<cue>:)[ \t]*(?=[“\"])",
    re.MULTILINE,
)
_CLOSE = re.compile(r"[”\"]")
_FRAMED = re.compile(
    rf"(?P<cue>In)\s+(?P<source>(?:the|a|an|this|that|its|their|one|another)\s+"
    rf"(?:[\w/.'’-]+\s+){{0,6}}?(?:{alternation(lines('frame_heads.txt'))}))(?:\s+of\s[^,]{{1,60}})?,"
)
_THAT = re.compile(r"that\s")
_WORD = re.compile(r"[\w-]")
_NOMINAL = re.compile(
    rf"(?<![\w-])(?P<cue>(?i:{alternation(lines('nominal_cues.txt'))}))\s+"
    rf"(?:(?:by|from)\s+(?P<source>(?:the\s+|a\s+|an\s+)?(?:[\w.'’-]+\s+){{0,5}}?[\w.'’-]+)\s+)?$"
)
_NOMINAL_REACH = 100
_OWNER = re.compile(
    r"(?<![\w.'’-])(?P<owner>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|[Tt]he\s+[a-z][\w-]*)"
    r"['’]s?\s+$"
)
_OWNER_REACH = 60
_CLAUSE_END = re.compile(r"[,;:.!?](?=\s|$)|\n")
_MAX_HEADLINE_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def labelled(text: str) -> list[Spans]:
    """The (source, cue, content) spans of the module's patterns, one reading per cue."""
    found: list[Spans] = []
    for match in _SIGNED.finditer(text):
        quote = text.rfind("“", 0, match.start()), text.rfind('"', 0, match.start() - 1)
        content = trimmed(text, max(quote) + 1, match.start() + 1) if max(quote) >= 0 else None
        found.append(_labelled_one(text, match, content))
    for match in _QUOTE_LABEL.finditer(text):
        close = _CLOSE.search(text, match.end() + 1)
        content = trimmed(
            text, match.end(), close.start() if close else _line_end(text, match.end())
        )
        found.append(_labelled_one(text, match, content))
    for match in (*_SPEAKER.finditer(text), *_headlines(text)):
        content = trimmed(text, match.end(), _line_end(text, match.end()))
        found.append(_labelled_one(text, match, content))
    for match in _FRAMED.finditer(text):
        if match.start() and _WORD.match(text, match.start() - 1):
            continue
        sentence_end = _SENTENCE_END.search(text, match.end())
        content = trimmed(text, match.end(), sentence_end.start() if sentence_end else len(text))
        found.append(_labelled_one(text, match, content))
    found.extend(_nominal(text))
    return _first_per_cue(found)


def _first_per_cue(found: list[Spans]) -> list[Spans]:
    """One reading per cue: the first pattern that read it wins."""
    seen: set[int] = set()
    kept = []
    for spans in found:
        if spans[1].start not in seen:
            seen.add(spans[1].start)
            kept.append(spans)
    return kept


def _nominal(text: str) -> list[Spans]:
    """'Claims by the ministry that X', 'Trump's assertion that X': the noun is the cue."""
    found: list[Spans] = []
    for that in _THAT.finditer(text):
        match = _NOMINAL.search(text, max(0, that.start() - _NOMINAL_REACH), that.start())
        if match is None or _WORD.match(text, that.start() - 1):
            continue
        if match.group("source"):
            source = trimmed(text, match.start("source"), match.end("source"))
        else:
            owner = _OWNER.search(text, max(0, match.start() - _OWNER_REACH), match.start())
            if owner is None:
                continue
            source = trimmed(text, owner.start("owner"), owner.end("owner"))
        end = _CLAUSE_END.search(text, that.end())
        cue = TextSpan(match.group("cue"), match.start("cue"), match.end("cue"))
        found.append((source, cue, trimmed(text, that.end(), end.start() if end else len(text))))
    return found


def _headlines(text: str) -> list[re.Match[str]]:
    """'Pence: Trump Was Mocking Clinton Camp': a name opening a short line with a colon."""
    return [
        match
        for match in _HEADLINE.finditer(text)
        if not match.group("source").isupper()
        and match.group("source").lower() not in words("not_speakers.txt")
        and len(text[match.end() : _line_end(text, match.end())].split()) <= _MAX_HEADLINE_WORDS
    ]


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return end if end >= 0 else len(text)


def _labelled_one(text: str, match: re.Match[str], content: TextSpan | None) -> Spans:
    source = trimmed(text, match.start("source"), match.end("source"))
    cue = TextSpan(match.group("cue"), match.start("cue"), match.end("cue"))
    return source, cue, content
