"""Who a target is tied to: "networks with ties to Iran", "militias backed by Iran"."""

from __future__ import annotations

from backchannel.events.roles import expand, heads_to_verb, pobjs
from backchannel.nlp import Token


def _link_objects(link: Token, words: dict[str, frozenset[str]]) -> list[Token]:
    """Objects of "to/with/by" under a link word: "ties [to Iran]", "backed [by Iran]"."""
    return [o for p in link.children if p.lower_ in words["link_preps"] for o in pobjs(p)]


def linked(filler: Token, words: dict[str, frozenset[str]]) -> list[Token]:
    """Who a non-actor target is tied to: "networks with ties to Iran", "militias backed by
    Iran", "firms linked to Hezbollah"; also a "with ties to" phrase the parse hung on the
    verb whose object the filler is."""
    found: list[Token] = []
    for child in filler.children:
        if child.dep_ == "acl" and child.lemma_.lower() in words["link_verbs"]:
            found.extend(_link_objects(child, words))
    for holder in heads_to_verb(filler):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                nouns = [o for o in pobjs(prep) if o.lemma_.lower() in words["link_nouns"]]
                found.extend(t for noun in nouns for t in _link_objects(noun, words))
    return expand(found)
