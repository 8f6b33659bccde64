"""Modality of a trigger: future or planned, under an obligation auxiliary, negated."""

from __future__ import annotations

from backchannel.events.codebook import Codebook
from backchannel.events.roles import is_participle_of
from backchannel.nlp import Token


def is_future(token: Token, codebook: Codebook) -> bool:
    words = codebook.words
    if any(c.dep_ == "aux" and c.lower_ in words["future_aux"] for c in token.children):
        return True
    if token.pos_ == "NOUN":
        if any(c.lemma_.lower() in words["future_modifiers"] for c in token.children):
            return True
        if any(is_participle_of(c) for c in token.children):
            return False  # "the tariffs [imposed] so far would reduce GDP": done already
        return token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and is_future(
            token.head, codebook
        )
    return token.dep_ == "xcomp" and token.head.lemma_ in words["future_heads"]


def has_aux(token: Token, words: frozenset[str]) -> bool:
    """Whether the trigger (or a noun trigger's verb) carries one of the auxiliaries."""
    if any(c.dep_ == "aux" and c.lower_ in words for c in token.children):
        return True
    if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):  # "must withdraw and [provide]"
        return has_aux(token.head, words)
    return (
        token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubjpass") and has_aux(token.head, words)
    )


_NEGATIVE_ADVERBIALS = frozenset({"time", "point", "way", "means", "circumstances", "stage"})


def _negative_adverbial(child: Token) -> bool:
    """ "[At no time] did I urge", "[in no way]", "[under no circumstances]": a preposition
    whose object has the determiner "no"."""
    if child.dep_ != "prep":
        return False
    return any(
        o.lemma_.lower() in _NEGATIVE_ADVERBIALS and any(d.lower_ == "no" for d in o.children)
        for o in child.children
        if o.dep_ == "pobj"
    )


def _neither(token: Token) -> bool:
    """ "[Neither] the House nor the Senate have provided": the subject denies the act."""
    subjects = (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass"))
    return any(p.lower_ == "neither" and p.i < s.i for s in subjects for p in s.children)


def is_negated(token: Token, codebook: Codebook) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in token.children):
        return True
    if _neither(token):
        return True
    if any(_negative_adverbial(c) for c in token.children):
        return True
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_ in codebook.words["negators"]:
        return True
    if token.dep_ == "xcomp" and head.dep_ == "acomp":  # "is not willing to [walk back]"
        denied = any(c.dep_ == "neg" for c in (*head.children, *head.head.children))
        unwilling = head.lemma_.lower() in codebook.words["unwilling_adjectives"]
        return denied != unwilling  # "is reluctant to [enforce]"; "not reluctant": willing
    return token.pos_ == "NOUN" and token.dep_ == "dobj" and is_negated(head, codebook)
