"""The trigger's own clause, read from the parse of its sentence.

A clause is anchored at the first head above the trigger whose dependency opens a clause
of its own (relative, adverbial, appositive, parataxis, a noun's modifier clause, the
root); complements (``xcomp``, ``ccomp``) and conjuncts climb on, so "urged X to impose"
and "denied that it imposed" keep their cue. The clause's scope is the anchor's subtree
without the clauses hanging inside it that hold neither the trigger nor modify it, except
the subordinator of an adverbial clause ("if", "unless"), which conditions the clause.
``masked`` blanks the out-of-scope characters, so that the lexical status cues apply to
the trigger's clause only; ``outer_clause`` tells whether a time expression may date it.
"""

from __future__ import annotations

from backchannel.grounding.lexicon import words
from backchannel.nlp import Doc, Token

_OPENS = frozenset(["relcl", "advcl", "parataxis", "appos", "acl", "ROOT"])
_NOUNS = frozenset(["NOUN", "PROPN"])
_NESTED = frozenset(["relcl", "advcl", "parataxis", "appos", "acl", "ccomp", "csubj"])


def token_at(parse: Doc, offset: int) -> Token | None:
    """The token of ``parse`` that covers the character ``offset`` of its text."""
    span = parse.char_span(offset, offset + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    for token in parse:
        if token.idx <= offset < token.idx + max(len(token.text), 1):
            return token
    return None


_RELATIVES = frozenset(["WDT", "WP", "WP$", "WRB"])
_FILLED = frozenset(["dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "auxpass", "dative"])


def _complement(token: Token) -> bool:
    """An acl with its own 'that' ("reports that it seized") is a complement, not a modifier;
    so is a complete clause without 'that' under a content noun ("charges [he ran a squad]",
    not "the charges [he faces]": a relative clause lacks one of its arguments)."""
    marked = any(c.dep_ == "mark" for c in token.children)
    if token.dep_ == "acl" and marked:
        return True
    if token.dep_ not in ("relcl", "acl") or token.head.lemma_.lower() not in _content_nouns():
        return False
    return marked or _complete(token)


def _complete(verb: Token) -> bool:
    """A clause with a subject and an object or complement, and no relative pronoun."""
    children = list(verb.children)
    if any(c.tag_ in _RELATIVES for c in children):
        return False
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
    filled = any(
        c.dep_ in _FILLED or (c.dep_ == "prep" and any(o.dep_ == "pobj" for o in c.children))
        for c in children
    )
    return subject and filled


def _content_nouns() -> frozenset[str]:
    return words("content_nouns.txt")


def anchor(token: Token) -> Token:
    """The head of the clause that holds ``token``."""
    while token.dep_ not in _OPENS or _complement(token):
        if token.head is token:
            break
        token = token.head
    return token


def _excluded(root: Token, trigger: Token) -> set[int]:
    """Indices of the tokens under ``root`` outside the trigger's clause."""
    out: set[int] = set()
    for token in root.subtree:
        if token is root or (token.dep_ not in _NESTED and not _verbal_conjunct(token)):
            continue
        if token.head is trigger or trigger in token.subtree or token.i in out:
            continue
        keep = {c.i for c in token.children if c.dep_ == "mark" and token.dep_ == "advcl"}
        out |= {t.i for t in token.subtree} - keep
    return out


def _verbal_conjunct(token: Token) -> bool:
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")


def scope(trigger: Token) -> set[int]:
    """Indices of the tokens in the trigger's clause."""
    root = anchor(trigger)
    return {t.i for t in root.subtree} - _excluded(root, trigger)


def masked(text: str, parse: Doc, kept: set[int]) -> str:
    """``text`` with the characters of the tokens outside ``kept`` blanked out."""
    chars = list(text)
    for token in parse:
        if token.i not in kept:
            for at in range(token.idx, min(token.idx + len(token.text), len(chars))):
                chars[at] = " "
    return "".join(chars)


def outer_clause(timex: Token, trigger: Token, kept: set[int]) -> bool:
    """A time expression dates the trigger's clause when it is in that clause, in a clause
    above it ("On Wednesday - the day X is said to have ... - Y did ...") or, for a noun
    trigger, anywhere among the noun's modifiers ("the raid with bombs carried ... June 21")."""
    if timex.i in kept or (
        trigger.pos_ in _NOUNS and trigger.left_edge.i <= timex.i <= trigger.right_edge.i
    ):
        return True
    home = anchor(timex)
    return trigger in home.subtree and home.i not in kept and home is not anchor(trigger)
