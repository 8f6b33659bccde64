"""Demands read off "must"/"should" in reported speech (CAMEO 10, "demand").

"The minister said [the government] must release the prisoners": the speaker demands of the
obliged. A trigger under an obligation auxiliary is re-coded by the coder (its type gives the
mode: yield, assist, ...); a clause with no trigger ("said the oppression must end") gets a
demand of its own here, when a speech verb (``speech_verbs``) reports it.
"""

from __future__ import annotations

from backchannel.events import roles as rolemod
from backchannel.events.codebook import Codebook, Trigger
from backchannel.events.triggers import Match
from backchannel.nlp import Doc, Token

_CLAUSE_UP = frozenset({"ccomp", "conj"})


def speaker(token: Token, codebook: Codebook) -> list[Token]:
    """Who reports the clause: the subject of the speech verb over it ("There will be more
    sanctions," Hook told reporters), at most four steps up."""
    for _ in range(4):
        if token.head.i == token.i:
            return []
        through = token.dep_
        token = token.head
        if through == "ccomp" and token.lemma_.lower() in codebook.words["speech_verbs"]:
            return rolemod.expand(rolemod.verb_actor(token))
    return []


def _trigger(codebook: Codebook, aux: Token) -> Trigger:
    event, cameo = codebook.obligation["event"], codebook.obligation["cameo"]
    return Trigger(event, None, cameo, "V", (aux.lower_,), ())


def _reported(verb: Token, codebook: Codebook) -> bool:
    """Whether the verb's clause is what a speech verb reports."""
    return verb.dep_ in _CLAUSE_UP and bool(speaker(verb, codebook))


def matches(tokens: Doc, found: list[Match], codebook: Codebook) -> list[Match]:
    """Demands of reported clauses under "must"/"should" whose verb is no trigger."""
    taken = {i for m in found for i in range(m.start, m.end)} | {m.head.i for m in found}
    extra = []
    for aux in tokens:
        verb = aux.head
        if aux.dep_ != "aux" or aux.lower_ not in codebook.words["obligation_aux"]:
            continue
        if verb.i not in taken and _reported(verb, codebook):
            extra.append(Match(_trigger(codebook, aux), verb, aux.i, aux.i + 1))
    return sorted([*found, *extra], key=lambda m: m.start)


def is_own(match: Match) -> bool:
    """Whether the match is a demand made here (its head is the obliged verb, not the word)."""
    return not match.start <= match.head.i < match.end
