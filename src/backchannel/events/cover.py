"""Stock attribution phrases: "speaking on condition of anonymity", "spoke on background".

How a source agreed to talk to the reporter is no event and no condition: the speech verb
the phrase hangs from is no consultation and the noun "condition" in it is no demand.
"""

from __future__ import annotations

from backchannel.events.codebook import Codebook
from backchannel.events.triggers import Match
from backchannel.nlp import Doc, Token


def _marked(noun: Token, words: frozenset[str]) -> bool:
    """The phrase says it is about naming the source: "of [anonymity]", "not be [named]"."""
    return any(t.lemma_.lower() in words or t.lower_ in words for t in noun.subtree)


def _covers(tokens: Doc, codebook: Codebook) -> list[Token]:
    """The "on" prepositions that open a stock attribution phrase."""
    nouns, marks = codebook.words["cover_nouns"], codebook.words["cover_marks"]
    found = []
    for token in tokens:
        if token.dep_ != "prep" or token.lower_ != "on":
            continue
        objects = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in nouns]
        if any(o.lemma_.lower() in marks or _marked(o, marks) for o in objects):
            found.append(token)
    return found


def _hidden(tokens: Doc, codebook: Codebook) -> set[int]:
    """Indices of the words inside a stock attribution phrase and of the speech verb it
    hangs from."""
    verbs = codebook.words["cover_verbs"]
    hidden: set[int] = set()
    for prep in _covers(tokens, codebook):
        hidden |= {t.i for t in prep.subtree}
        if prep.head.lemma_.lower() in verbs:
            hidden.add(prep.head.i)
    return hidden


def dropped(tokens: Doc, matches: list[Match], codebook: Codebook) -> list[Match]:
    """The matches without those of stock attribution phrases."""
    hidden = _hidden(tokens, codebook)
    return [m for m in matches if m.head.i not in hidden]
