"""Argument structure: who does what to whom, read off the parse around one trigger.

The fillers of a frame's roles from the verb's or noun's dependents, a governed trigger's own
prepositions ("agreed to resume talks [with] the U.S."), an accepted offer's owner, a refused
request's maker, the doer of a noun event through a light verb ("[Russia] launched ... the
attack"), mediators moved to the intermediary role, and the trigger's own words kept out.
"""

from __future__ import annotations

from backchannel.events import roles as rolemod
from backchannel.events.codebook import Codebook
from backchannel.events.frames import Frame
from backchannel.events.triggers import Match
from backchannel.nlp import Token

_ROLE_NAMES = ("actor", "recipient", "intermediary")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_SAYING = frozenset({"say", "tell", "report", "claim", "describe", "call"})


def roles(
    frame: Frame, codebook: Codebook, events: frozenset[int], keep: rolemod.Keep
) -> rolemod.Roles:
    match = frame.match
    deps = codebook.recipient_deps(match.trigger)
    if match.trigger.pos == "V":
        found = rolemod.verb_roles(match.head, deps, codebook, events, keep)
    else:
        span = range(match.start, match.end)
        found = rolemod.noun_roles(match.head, span, deps, codebook, keep)
    if not found.recipient and match.trigger.event in codebook.words["addressee_types"]:
        found.recipient = rolemod.clause_subjects(match.head, keep)  # "demanded that [Iran] ..."
        if not found.recipient and match.trigger.pos == "N" and match.head.dep_ == "dobj":
            found.recipient = rolemod.clause_subjects(match.head.head, keep)  # "its demand ..."
    for inner in frame.governed:
        if found.recipient:
            break
        if inner.trigger.pos == "V":
            inner_deps = codebook.recipient_deps(inner.trigger)
            fillers_ = rolemod.first_fillers(inner.head, inner_deps, keep=keep)
        else:  # "proposed a meeting between Trump and Rouhani"
            fillers_ = rolemod.prep_objects(inner.head, codebook.words["reciprocal_preps"])
            found.reciprocal = bool(fillers_)
            if not fillers_ and inner.trigger.event in codebook.words["target_types"]:
                fillers_ = rolemod.prep_objects(inner.head, codebook.words["target_preps"])
            if not fillers_:  # "agreed to resume talks [with the U.S.]"
                fillers_ = _noun_recipients(inner, codebook, keep)
        found.recipient = rolemod.expand(fillers_)
    if not found.recipient and codebook.types[match.trigger.event].governs:
        found.recipient = rolemod.embedded_recipients(match.head, keep)
    if match.trigger.event == "AID" and match.head.lemma_ in codebook.words["receiving_verbs"]:
        found = rolemod.received(match.head, found)
    found = _accepted(frame, found, codebook, keep)
    agents = codebook.words["agent_nouns"]
    found = _outside(_move_mediators(found, codebook), [match, *frame.governed], agents)
    if not found.recipient and match.trigger.event == "REJECT":
        found.recipient = _asked_for(frame, codebook, keep)
    return found


def _noun_recipients(inner: Match, codebook: Codebook, keep: rolemod.Keep) -> list[Token]:
    """The recipient a governed noun names by its own preposition: "talks [with] the U.S.",
    "an attack [on] Kyiv" (the type's noun recipient prepositions, not its owner)."""
    preps = tuple(d[2:] for d in codebook.recipient_deps(inner.trigger) if d.startswith("p:"))
    return [t for t in rolemod.prep_objects(inner.head, preps) if keep(t)]


def _accepted(
    frame: Frame, found: rolemod.Roles, codebook: Codebook, keep: rolemod.Keep
) -> rolemod.Roles:
    """Who accepts an owned offer is its actor, the owner its recipient: "[Mali] accepted
    the [Algerian] offer" (the light verb frames the noun, whose owner the noun reads as actor)."""
    noun = frame.match.head
    verbs = codebook.words["accepting_verbs"]
    if frame.match.trigger.pos != "N" or noun.dep_ != "dobj" or noun.head.lemma_ not in verbs:
        return found
    if not any(inner.head.i == noun.head.i for inner in frame.governed):
        return found
    subjects = [t for t in rolemod.verb_actor(noun.head) if keep(t)]
    if not subjects:
        return found
    taken = {t.i for t in subjects}
    recipient = [t for t in found.recipient if t.i not in taken]
    recipient = recipient or [t for t in found.actor if t.i not in taken]
    return rolemod.Roles(rolemod.expand(subjects), recipient, found.intermediary)


def _asked_for(frame: Frame, codebook: Codebook, keep: rolemod.Keep) -> list[Token]:
    """Whom a refused request or offer was made by or for: "rejected a request [for X]",
    "rejected an appeal lodged by [X]"."""
    for inner in frame.governed:
        if inner.trigger.pos == "N":
            asked = rolemod.prep_objects(inner.head, codebook.words["refusal_preps"])
            made = [c for c in inner.head.children if c.dep_ == "acl"]
            asked += [o for c in made for o in rolemod.prep_objects(c, ("by",))]
            kept = [t for t in asked if keep(t)]
            if kept:
                return rolemod.expand(kept)
    return []


def _outside(found: rolemod.Roles, matches: list[Match], agents: frozenset[str]) -> rolemod.Roles:
    """Drop fillers that are words of the triggers themselves ("come to [the table]")."""
    inside = {i for m in matches for i in range(m.start, m.end)}
    last = {m.end - 1 for m in matches}  # "called on [Israel]": the object is no trigger word
    inside |= {
        t.i
        for m in matches
        if len(m.trigger.lemmas) > 1
        for t in m.head.subtree
        if t.dep_ == "pobj" and t.head.i in inside and t.head.i not in last
    }
    owned = {  # "rejected [the Croatian government's request]": the request's owner is aimed at
        m.head.i
        for m in matches[1:]
        if m.trigger.pos == "N" and m.start == m.end - 1 and _has_owner(m.head)
    }
    inside -= owned
    inside -= {m.head.i for m in matches[1:] if m.head.lemma_.lower() in agents}  # "protesters"
    for role in _ROLE_NAMES:
        setattr(found, role, [t for t in getattr(found, role) if t.i not in inside])
    return found


_OWNER_PREPS = frozenset({"of", "from", "by"})


def _has_owner(noun: Token) -> bool:
    """Whether a noun names whose it is: "Iran's request", "a U.S. call", "demands from X"."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in _OWNER_PREPS):
            return True
        named = child.pos_ == "PROPN" or (child.tag_ == "JJ" and child.text[:1].isupper())
        if child.dep_ in ("compound", "amod", "nmod") and named:  # "the Iranian request"
            return True
    return False


def _move_mediators(found: rolemod.Roles, codebook: Codebook) -> rolemod.Roles:
    mediators = codebook.words["mediator_nouns"]
    moved = [t for t in found.actor if t.lemma_.lower() in mediators]
    if moved and len(moved) < len(found.actor):  # mediators alone act themselves: "Qatari
        # and Omani negotiators, who have been communicating with Witkoff"
        found.actor = [t for t in found.actor if t not in moved]
        found.intermediary = rolemod.expand([*found.intermediary, *moved])
    return found


def claimer(token: Token) -> list[Token]:
    """The subject of the verb a noun trigger hangs from ("[IS] claimed responsibility for
    the attack"), at most four steps up."""
    for _ in range(4):
        if token.head.i == token.i:
            return []
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return rolemod.expand(rolemod.verb_actor(token))
    return []


def light_doer(noun: Token, verbs: frozenset[str]) -> list[Token]:
    """Who does a noun event through a light verb above it, at most four steps up ("[Russia]
    launched what the Ukrainians said was the largest attack"); not past a reporting verb's
    own subject ("the Ukrainians said")."""
    token = noun
    for _ in range(4):
        if token.head.i == token.i or token.dep_ in _SUBJECT_DEPS:
            return []  # "[Amnesty] International issued": the noun is the subject's
        below, token = token, token.head
        if token.lower_ in rolemod.CONCESSIVE:
            return []  # "held firm [despite] criticisms": not the subject's criticism
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs:
            return rolemod.expand(rolemod.verb_actor(token))
        if token.pos_ == "VERB" and token.lemma_.lower() not in _SAYING and below.dep_ != "attr":
            return []  # "sent experts to [investigate] the attacks": another verb's object
    return []
