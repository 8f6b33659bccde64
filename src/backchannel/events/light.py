"""Light verbs: triggers whose event depends on their object or use (``light_verbs.tsv``).

- ``object`` verbs (give, provide, hold, release, ...) are typed by an object the CAMEO verb
  dictionary lists (``objects.object_code``, mapped to PLOVER by ``crosswalk``): "gave
  Iran military aid" is AID 072; an object it does not list keeps the trigger's own type,
  unless it is an empty one (``empty_objects.txt``): "gives the GOP a boost" is nothing.
- ``custody`` (hold) reads its object like ``object`` verbs, but an object the dictionary
  does not list is no act unless people are held: "Iran is holding two Americans" is a
  detention (173), "held power" or "held elections" nothing.
- ``market`` verbs (ease, decline, rally, ...) make no event in a market report: a market
  word as subject or a quantity as what moved ("the Nikkei declined", "eased 0.1 percent").
- ``intransitive`` verbs (demonstrate) are their event with no object: "students demonstrated
  outside the embassy"; with an object or a clause the dictionary does not list they show
  something ("demonstrated that", "demonstrated its commitment"): no event.
- ``figurative`` verbs (hit, strike, attack, ...) take the dictionary's set phrases first
  ("struck a deal" 057, "attacked the plan" 111); the rest is ``figurative``'s business.
A trigger re-typed by ``retype.tsv`` is left as it is: the codebook has already read it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from backchannel.actors.kb import default_kb
from backchannel.datafiles import data_lines
from backchannel.events import crosswalk, objects
from backchannel.events.roles import RELATIVE_TAGS, is_participle_of
from backchannel.events.triggers import Match
from backchannel.nlp import Token

_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
_MEASURE_ENTS = frozenset({"PERCENT", "MONEY", "QUANTITY"})


@dataclass(frozen=True, slots=True)
class Reading:
    """A light verb's reading: an event (type, mode, CAMEO) or, with ``dropped``, none."""

    event: str | None = None
    mode: str | None = None
    cameo: str | None = None
    dropped: str | None = None


@cache
def _market_words() -> frozenset[str]:
    return frozenset(data_lines("codebook", "market_words.txt"))


def read(match: Match) -> Reading | None:
    """How a light verb trigger reads, or None when it is no light verb (or already read)."""
    trigger = match.trigger
    if trigger.pos != "V" or trigger.retyped or len(trigger.lemmas) != 1:
        return None
    verb = trigger.lemmas[0]
    kind = objects.light_kind(verb)
    if kind == "market":
        return _market(match.head)
    if kind in ("object", "figurative"):
        return _by_object(match.head, verb, empty=kind == "object")
    if kind == "custody":
        return _custody(match.head, verb)
    if kind == "intransitive":
        return _intransitive(match.head, verb)
    return None


@cache
def _empty_objects() -> frozenset[str]:
    return frozenset(data_lines("codebook", "empty_objects.txt"))


def apply(match: Match) -> Match:
    """The match re-typed by its light verb's object ("gave military aid" → AID 072)."""
    reading = read(match)
    if reading is None or reading.event is None or reading.cameo is None:
        return match
    if reading.cameo[:2] == match.trigger.cameo[:2]:
        return match  # the same kind of act: the codebook's own code stands ("lifted a curfew")
    # not marked ``retyped``: a noun trigger as its object still frames it ("delivered [aid]")
    trigger = replace(match.trigger, event=reading.event, mode=reading.mode, cameo=reading.cameo)
    return replace(match, trigger=trigger)


def dropped(match: Match) -> str | None:
    """Why a light verb trigger is no event here ("a market report"), or None."""
    reading = read(match)
    return reading.dropped if reading is not None else None


def _by_object(head: Token, verb: str, empty: bool) -> Reading | None:
    phrases = _objects(head)
    for phrase in phrases:
        cameo = objects.object_code(verb, [t.lemma_.lower() for t in phrase])
        if cameo and cameo != "---":
            typed = crosswalk.plover(cameo)
            if typed is None:  # a statement ("issued a statement" 010)
                return Reading(dropped=f"'{verb}' with this object is a statement")
            return Reading(typed[0], typed[1], cameo)
    empties = [p[-1].lemma_.lower() for p in phrases if p[-1].lemma_.lower() in _empty_objects()]
    if empty and empties:  # "five years of [returns]" too
        return Reading(dropped=f"'{verb} {empties[0]}' is no act")
    return None


def _intransitive(head: Token, verb: str) -> Reading | None:
    """ "protesters demonstrated": the trigger stands; "demonstrated support" reads as the
    dictionary says (051); "demonstrated that ...", "demonstrated its resolve": no event."""
    reading = _by_object(head, verb, empty=True)
    if reading is not None:
        return reading
    if any(c.dep_ in ("dobj", "ccomp") for c in head.children):
        return Reading(dropped=f"'{verb}' with an object shows something: no event")
    return None


_HELD_ENTS = frozenset({"PERSON", "NORP"})
_HELD = frozenset({"04", "17", "18"})  # what holding is here: talks, custody, hostages
_NOT_HELD = frozenset({"oprd", "acomp", "prt", "ccomp", "xcomp"})  # "held [Iran] responsible"


def _custody(head: Token, verb: str) -> Reading | None:
    """ "Iran is holding two Americans": a person held is detained (the trigger's own 173);
    what the dictionary lists reads as it says ("held talks" 046); anything else is no act."""
    reading = _by_object(head, verb, empty=True)
    complements = (c for c in head.children if c.dep_ in ("oprd", "ccomp", "xcomp"))
    for complement in complements:  # "holding X [hostage]" (as the parse has it)
        cameo = objects.object_code(verb, [complement.lemma_.lower()])
        typed = crosswalk.plover(cameo) if cameo and cameo != "---" else None
        reading = Reading(typed[0], typed[1], cameo) if typed and cameo else reading
    if reading is not None and reading.cameo is not None and reading.cameo[:2] not in _HELD:
        return Reading(dropped=f"'{verb}' with this object is no detention")  # "held elections"
    if reading is not None:
        return reading
    if any(c.dep_ in _NOT_HELD for c in head.children):
        return Reading(dropped=f"'{verb}' with a complement is no detention")
    held = [o for o in head.children if o.dep_ in _OBJECT_DEPS and _person(o)]
    return None if held else Reading(dropped=f"'{verb}' with no person held is no act")


def _person(noun: Token) -> bool:
    """A person or people: a name, a nationality, or an agent noun ("migrants", "citizens")."""
    if noun.ent_type_ in _HELD_ENTS or noun.pos_ == "PRON":
        return noun.ent_type_ != "" or noun.lower_ in ("him", "her", "them")
    entries = default_kb().entries
    found = [*entries.get(noun.lemma_.lower(), []), *entries.get(noun.lower_, [])]
    return any(e.kind in ("agent", "title") and e.sector not in _NOT_PEOPLE for e in found)


_NOT_PEOPLE = frozenset({"GOV", "MIL", "LEG", "JUD", "PTY", "BUS", "MED", "IGO"})


def _objects(head: Token) -> list[list[Token]]:
    """The verb's object phrases to look up, each as modifiers + head: the object (or the noun
    a passive participle describes), and the noun of its "of" phrase ("tons of food aid",
    "$15 million in aid")."""
    found = []
    objects_ = [c for c in head.children if c.dep_ in _OBJECT_DEPS]
    if is_participle_of(head):  # "the explanation [offered] by X"
        objects_.append(head.head)
    if head.dep_ == "relcl" and any(o.tag_ in RELATIVE_TAGS for o in objects_):
        objects_ = [head.head]  # "the record [that] Trump provided"
    for obj in objects_:
        found.append(_phrase(obj))
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "in")):
            found += [_phrase(p) for p in prep.children if p.dep_ == "pobj"]
    return found


def _phrase(noun: Token) -> list[Token]:
    return [*(t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod")), noun]


def _market(head: Token) -> Reading | None:
    words = _market_words()
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass") and _is_market(child, words):
            return Reading(dropped="a market report")
        if child.dep_ in ("dobj", "npadvmod", "prep") and _measured(child, words):
            return Reading(dropped="a market report")
    return None


def _is_market(subject: Token, words: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in words for t in subject.subtree)


def _measured(phrase: Token, words: frozenset[str]) -> bool:
    """A quantity is what moved: "0.1 percent", "by 3 points", "to $40"."""
    return any(t.ent_type_ in _MEASURE_ENTS or t.lemma_.lower() in words for t in phrase.subtree)
