"""Frames: which triggers embed which ("agreed to [meet]", "refused [the request]").

A frame is a trigger coded as an event with the triggers it governs; a governed trigger is
not coded on its own but gives the frame its mode and CAMEO code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from backchannel.events.codebook import Codebook
from backchannel.events.triggers import Match
from backchannel.nlp import Token

_GOVERNED_PATH = frozenset(
    {"dobj", "xcomp", "ccomp", "pobj", "prep", "pcomp", "attr", "oprd", "acl"}
)


@dataclass(slots=True)
class Frame:
    match: Match
    governed: list[Match] = field(default_factory=list)


def _governor(match: Match, heads: dict[int, Match], codebook: Codebook) -> Match | None:
    """The trigger that embeds this one ("agreed to [meet]", "refused [the request]")."""
    token, owned = match.head, any(c.dep_ == "poss" for c in match.head.children)
    light_verb = token.lemma_ in codebook.words["light_verbs"] and not match.trigger.retyped
    if match.trigger.pos == "V" and light_verb:  # but "accepted [demands]" is a concession
        objects = [heads[c.i] for c in token.children if c.dep_ == "dobj" and c.i in heads]
        if objects:
            return objects[0]  # "sent a message": the noun is the event, the verb its frame
    noun = _content_noun(match, heads, codebook)
    if noun is not None:
        return noun
    for step in range(6):
        if not _governed_dep(token, step) or token.head.i == token.i:
            return None
        token = token.head
        found = heads.get(token.i)
        if found is None:
            continue
        light = found.head.lemma_ in codebook.words["light_verbs"]
        if light and step == 0 and match.head.dep_ == "dobj":
            return None
        if codebook.types[found.trigger.event].governs and not (owned and step == 0):
            return found
        if step == 0 and match.trigger.pos == "N" and match.head.dep_ == "dobj" and not owned:
            return found
        if match.trigger.pos == "V" or step > 0:  # a noun climbs past one ungoverning noun:
            return None  # "request to come to [its aid] with [support]"
    return None


def _governed_dep(token: Token, step: int) -> bool:
    """A dependency along which a trigger is governed; a to-infinitive the parse hung as an
    adverbial clause right under the verb is its complement too ("sworn [to fight]")."""
    if token.dep_ in _GOVERNED_PATH:
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return step == 0 and token.dep_ == "advcl" and infinitive


def _content_noun(match: Match, heads: dict[int, Match], codebook: Codebook) -> Match | None:
    """A that-clause the parse hung on the verb of a governing noun: "reiterated its
    [demand] today that Israel [ease] restrictions" (the easing is what is demanded)."""
    token = match.head
    if token.dep_ != "ccomp" or not any(c.dep_ == "mark" for c in token.children):
        return None
    objects = [heads[c.i] for c in token.head.children if c.dep_ == "dobj" and c.i in heads]
    governing = [
        m for m in objects if m.trigger.pos == "N" and codebook.types[m.trigger.event].governs
    ]
    return governing[0] if governing else None


def _target_of(match: Match, heads: dict[int, Match], codebook: Codebook) -> bool:
    """A person noun that is what another event acts on: "fired tear gas at the
    [demonstrators]", "arrested [protesters]" is no protest by the police."""
    token = match.head
    if match.trigger.pos != "N" or token.lemma_.lower() not in codebook.words["agent_nouns"]:
        return False
    above = token.head
    if token.dep_ == "pobj" and above.dep_ in ("prep", "agent", "dative"):
        above = above.head
    elif token.dep_ not in ("dobj", "nsubjpass", "dative"):
        return False
    return above.i != token.i and above.i in heads


def frames(matches: list[Match], codebook: Codebook) -> list[Frame]:
    heads = {m.head.i: m for m in matches}
    heads = {m.head.i: m for m in matches}
    parent = {m.head.i: _governor(m, heads, codebook) for m in matches}
    frames = {i: Frame(heads[i]) for i, gov in parent.items() if gov is None}
    for i, governor in parent.items():
        seen = {i}
        while governor is not None and governor.head.i not in frames:
            seen.add(governor.head.i)
            up = parent.get(governor.head.i)
            governor = None if up is None or up.head.i in seen else up
        if i in frames:
            continue
        if governor is None:  # a cycle of embeddings: code it on its own
            frames[i] = Frame(heads[i])
        else:
            frames[governor.head.i].governed.append(heads[i])
    return [frames[i] for i in sorted(frames) if not _target_of(frames[i].match, heads, codebook)]
