"""Finding triggers: the cheap pre-parse filter and lemma lookups in a parsed sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from backchannel.events.codebook import Codebook, Trigger
from backchannel.nlp import Doc, Token

_WORD = re.compile(r"[a-z]+")
_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger found in a sentence: the entry, its syntactic head and its token range."""

    trigger: Trigger
    head: Token
    start: int  # first token index
    end: int  # one past the last token index


def is_candidate(text: str, codebook: Codebook) -> bool:
    """Whether any word of ``text`` is a form of a trigger word (one set lookup per word)."""
    forms = codebook.forms
    return any(word in forms for word in _WORD.findall(text.lower()))


def _keys(token: Token) -> tuple[str, ...]:
    lemma = token.lemma_.lower()
    lower = token.lower_
    return (lemma,) if lemma == lower else (lemma, lower)


def _matches_at(tokens: Doc, i: int, trigger: Trigger) -> bool:
    if i + len(trigger.lemmas) > len(tokens):
        return False
    return all(word in _keys(tokens[i + k]) for k, word in enumerate(trigger.lemmas) if k > 0)


def _head_of(tokens: Doc, start: int, end: int) -> Token:
    for token in tokens[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token
    return tokens[start]


def _pos_fits(token: Token, pos: str) -> bool:
    if pos == "V":
        return token.pos_ in _VERB_POS or token.tag_ in _VERB_TAGS
    return token.pos_ in _NOUN_POS and token.tag_ not in _VERB_TAGS


def _match_at(tokens: Doc, i: int, codebook: Codebook) -> Match | None:
    for key in _keys(tokens[i]):
        for trigger in codebook.by_first.get(key, ()):
            if not _matches_at(tokens, i, trigger):
                continue
            end = i + len(trigger.lemmas)
            head = _head_of(tokens, i, end)
            if _pos_fits(head, trigger.pos):
                return Match(trigger, head, i, end)
    return None


def find(tokens: Doc, codebook: Codebook) -> list[Match]:
    """Non-overlapping trigger matches, longest entry first at each position."""
    found: list[Match] = []
    i = 0
    while i < len(tokens):
        match = _match_at(tokens, i, codebook)
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match.end
    return found
