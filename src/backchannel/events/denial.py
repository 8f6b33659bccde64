"""Denials: "X denied that it attacked Y" is no REJECT by X but the attack, which X denies.

A denial is a statement about an act (CAMEO 01, "make statement"), not a refusal of something
asked for (REJECT, CAMEO 12: "rejected the proposal", "denied the visa request"). A REJECT
trigger is a denial when its verb is one of ``denial_verbs`` (roles.json) and

- its object (or a passive subject) is a claim: one of ``claim_nouns`` ("denied the charges",
  "rejected reports that ...", "the allegations were denied");
- it takes a clause or a gerund ("denied that troops crossed", "denied carrying out the attack");
- or, the noun "denial", unless it names what was refused ("the denial of visas").

The coder drops denial triggers, so that the act they embed is coded on its own; grounding
gives that act the status ``denied`` (the denial cue stands in the act's clause).
"""

from __future__ import annotations

from backchannel.events.codebook import Codebook
from backchannel.events.triggers import Match
from backchannel.nlp import Token

_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
_GERUND_DEPS = frozenset({"xcomp", "dobj", "ccomp"})


def is_denial(match: Match, codebook: Codebook) -> bool:
    """Whether a trigger denies a claim rather than refusing a request."""
    words, head = codebook.words, match.head
    if match.trigger.event != "REJECT" or len(match.trigger.lemmas) != 1:
        return False
    lemma = head.lemma_.lower()
    if match.trigger.pos == "N":
        return lemma == "denial" and not _refused_thing(head, words["claim_nouns"])
    if lemma not in words["denial_verbs"]:
        return False
    if _claim_object(head, words["claim_nouns"]):
        return True
    return lemma == "deny" and _takes_clause(head)


def is_withheld(match: Match, codebook: Codebook) -> bool:
    """Whether a denial is not made: "refused to deny that its jets bombed", "did not deny"."""
    head = match.head
    if any(c.dep_ == "neg" for c in head.children):
        return True
    withholding = codebook.words["withholding_verbs"]
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in withholding


def denied(matches: list[Match], codebook: Codebook) -> list[Match]:
    """The matches without denials and the claims they deny ("denied [allegations] that")."""
    denials = [m for m in matches if is_denial(m, codebook)]
    if not denials:
        return matches
    claims = codebook.words["claim_nouns"]
    objects = {
        c.i for m in denials for c in m.head.children if c.dep_ in _OBJECT_DEPS and _is(c, claims)
    }
    return [m for m in matches if m not in denials and m.head.i not in objects]


def accusers(match: Match) -> list[Token]:
    """Who made the claim a denial denies: "charges [by the US]", "[Israel's] claims"."""
    found = _by_objects(match.head)  # "denied charges [by the US]" hung from the verb
    for claim in (c for c in match.head.children if c.dep_ in _OBJECT_DEPS):
        found += [c for c in claim.children if c.dep_ == "poss" or _proper_compound(c)]
        found += _by_objects(claim)
    return found


def _proper_compound(token: Token) -> bool:
    return token.dep_ == "compound" and token.pos_ == "PROPN"


def _by_objects(token: Token) -> list[Token]:
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in _BY_PREPS]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


_BY_PREPS = frozenset({"by", "from"})


def _is(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


def _claim_object(verb: Token, claims: frozenset[str]) -> bool:
    objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    return any(_is(o, claims) for o in objects)


def _takes_clause(verb: Token) -> bool:
    """ "denied [that] troops crossed", "denied [carrying out] the attack", "denied it had"."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" or _gerund(c)]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and not _gerund(c)]
    return bool(clauses) and not objects


def _gerund(token: Token) -> bool:
    return token.dep_ in _GERUND_DEPS and token.tag_ == "VBG"


def _refused_thing(noun: Token, claims: frozenset[str]) -> bool:
    """Whether "denial of X" names a thing refused ("of visas"), not a claim ("of charges")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            return any(o.lemma_.lower() not in claims for o in objects)
    return False
