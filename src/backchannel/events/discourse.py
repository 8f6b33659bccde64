"""Participants the discourse gives: "the sanctions" and "the proposal" point back.

An event with no recipient whose object is a definite noun naming an earlier act ("is not
willing to walk back [the] sanctions", "had not responded to the proposal") takes its
recipient from the event that noun names elsewhere in the article: whom the sanctions hit,
who made the proposal. The nearest such event before it is preferred, then the nearest after
(a headline or lead may come first, the act itself later).

An act that continues a thread takes its recipient from the thread: "Two guards were charged
... Prosecutors alleged that no checks were made": an event with no recipient whose actor
did the same kind of act to someone a few sentences before is aimed at the same one.
"""

from __future__ import annotations

from backchannel.events.codebook import load, parse_rule
from backchannel.grounding.clause import token_at
from backchannel.nlp import Token
from backchannel.records import Actor, Document, Event, Sentence

# the noun, the type of the act it names, and which side of that act the new event is aimed at
REFERRING: dict[str, tuple[str, str]] = {
    "sanction": ("SANCTION", "recipient"),
    "embargo": ("SANCTION", "recipient"),
    "proposal": ("AGREE", "actor"),
    "offer": ("AGREE", "actor"),
    "overture": ("AGREE", "actor"),
    "request": ("REQUEST", "actor"),
    "demand": ("REQUEST", "actor"),
    "ultimatum": ("THREATEN", "actor"),
}
FAMILIES: dict[str, set[str]] = {
    "sanction": {"sanction", "sanctions", "embargo"},
    "proposal": {"propose", "proposal", "offer", "overture"},
    "offer": {"offer", "propose", "proposal"},
    "request": {"request", "ask", "demand", "call"},
    "demand": {"demand", "request", "ask"},
}
_OBJECT_DEPS = frozenset({"dobj", "pobj", "nsubjpass"})
_NEW_MARKS = frozenset({"more", "new", "further", "additional", "other", "fresh", "another"})
_ANSWERING = frozenset({"respond", "reply", "answer", "react"})
NO_ANSWER = ("REJECT", "120")  # a proposal left unanswered is rebuffed (CAMEO 12)


def _definite(noun: Token) -> bool:
    """ "the proposal", "sanctions": no owner, no indefinite or quantifying determiner."""
    if any(c.dep_ == "poss" for c in noun.children):
        return False
    dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "nummod")]
    dets += [c.lower_ for c in noun.children if c.lower_ in _NEW_MARKS]
    return "the" in dets or (not dets and noun.tag_ == "NNS")


def _referring_object(event: Event, sentence: Sentence) -> Token | None:
    """A definite referring noun that is the trigger or the trigger's object, or None."""
    at = (event.evidence.trigger_start or event.evidence.start) - sentence.start
    token = token_at(sentence.parse, at)
    if token is None:
        return None
    nouns = [token, *(c for c in token.subtree if c.dep_ in _OBJECT_DEPS)]
    for noun in nouns:
        if noun.lemma_.lower() in REFERRING and _definite(noun):
            return noun
    return None


def _unanswered(noun: Token) -> bool:
    """ "had not responded to [the proposal]": a negated answering verb above the noun."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    negated = any(c.dep_ == "neg" for c in verb.children)
    return negated and verb.lemma_.lower() in _ANSWERING


def _side(antecedent: Event, side: str, own: list[Actor]) -> list[Actor]:
    names = {a.name or a.text for a in own}
    return [a for a in getattr(antecedent, side) if (a.name or a.text) not in names]


def _named_by(event: Event, noun: str) -> bool:
    """Whether the event's trigger is the noun's own word family ("propose", "proposal")."""
    return not FAMILIES.get(noun, {noun}).isdisjoint(parse_rule(event.rule)[1])


def _antecedent(events: list[Event], at: int, noun: str, own: list[Actor]) -> list[Actor]:
    """The side of the nearest earlier (else later) act the noun names, of its own word
    family first, then of its type; never the event's own actors."""
    kind, side = REFERRING[noun]
    order = [*reversed(events[:at]), *events[at + 1 :]]
    typed = [e for e in order if e.event == kind]
    for candidate in [*(e for e in typed if _named_by(e, noun)), *typed]:
        found = _side(candidate, side, own)
        if found:
            return found
    return []


def fill(doc: Document) -> None:
    """Recipients from the discourse for the events of ``doc`` that have none (in place)."""
    sentences = {s.start: s for s in doc.sentences if s.parse is not None}
    for i, event in enumerate(doc.events):
        sentence = sentences.get(event.evidence.start)
        if event.recipient or sentence is None:
            continue
        noun = _referring_object(event, sentence)
        if noun is None:
            continue
        recipient = _antecedent(doc.events, i, noun.lemma_.lower(), event.actor)
        if not recipient:
            continue
        event.recipient = recipient
        if _unanswered(noun):  # "Iran had not responded to the proposal"
            _rebuffed(event)


def _rebuffed(event: Event) -> None:
    """Recode an event aimed at an unanswered proposal as its rebuff (REJECT 120)."""
    codebook = load()
    event.event, event.cameo, event.mode, event.negated = *NO_ANSWER, None, False
    event.quad_class = codebook.types[event.event].quad_class
    event.intensity = codebook.intensity.get(event.cameo[:2])


THREAD_SPAN = 600  # characters back in which an act of the same actor continues a thread


def _same_side(a: list[Actor], b: list[Actor]) -> bool:
    """Whether two placed actor lists name the same side: a name, else country and sector."""
    if not all(x.country or x.sector for x in a):
        return False
    names = {x.name for x in a if x.name}
    keys = {(x.name or "", x.country, x.sector) for x in a}
    return any(y.name in names or (y.name or "", y.country, y.sector) in keys for y in b)


def continue_threads(doc: Document) -> None:
    """Recipients for events that have none from the same actor's act of the same type just
    before ("were charged" ... "prosecutors alleged"), in place."""
    for i, event in enumerate(doc.events):
        if event.recipient or not event.actor:
            continue
        for earlier in reversed(doc.events[:i]):
            if event.evidence.start - earlier.evidence.start > THREAD_SPAN:
                break
            if earlier.event == event.event and earlier.recipient:
                if _same_side(event.actor, earlier.actor):
                    event.recipient = list(earlier.recipient)
                break
