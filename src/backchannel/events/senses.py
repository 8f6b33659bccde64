"""Readings that make a trigger no event, decided by what its roles and modifiers are.

- A quantity is no act: "85 percent support among black voters", "a 10 percent drop" (a
  noun trigger measured by a percentage or a number of points is a poll or a market figure).
- A fixed compound names something else: "a heart attack", "cardiac arrest", "a press
  release" (``other_words.txt``).
- A rally held by a candidate, party or government is a campaign event, not a protest:
  PLOVER's PROTEST is the act of those who demonstrate against authority. A rally is a
  protest when it is against someone or held by a crowd (opposition, workers, civilians).
- A conversation takes two parties: "Mr. Obama spoke against the backdrop of the museum"
  names one, and is a speech; "Trump and Putin talked" or "talked with Putin" names two.
  (A visit, a trip or a mediation effort may name only who makes it.)
- A trip within one's own country is no consultation: "Obama is expected to visit the
  Sunshine State", "Clinton will host events in Broward County", "Trump made a trip to
  Walter Reed hospital" (PLOVER's visits are between actors; a place or a private body at
  home is none).
- Agreeing with someone is sharing a view, not an agreement: "McLaughlin agreed with Matthews
  about the winner", "the ministers said they agree with Tantan"; "agreed with Iran on a swap"
  and "agreed with Iran to swap prisoners" are agreements.
- Seeking or wanting to do something oneself is an intention, not a request: "Russia seeks to
  expand its influence", "Trump wants to get these things handled"; "seeks support from
  Abbas", "wants a statement from NATO", "wants Ukraine to stop" are requests.
- Blocking by a state or its forces is no protest but a restriction of movement (CAMEO 191,
  COERCE/restrict): "Jordan blocked the Rukban crossing"; "villagers blocked the road" is one.
- A meeting for a contest is no consultation: "Trump and Clinton meet for the first of three
  debates", "the sides meet in the final" (``contest_words.txt``).
- A warning of what others or things will do is a prediction, not a threat: "Obama warned
  that the museum would not be a panacea"; "Iran warned that it would retaliate" and "warned
  Israel that ..." are threats.
"""

from __future__ import annotations

from functools import cache

from backchannel.actors.kb import default_kb
from backchannel.datafiles import data_lines
from backchannel.events.codebook import parse_rule
from backchannel.events.political import PRIVATE_SECTORS
from backchannel.nlp import Token
from backchannel.records import Actor, Event

_MEASURES = frozenset({"percent", "per", "cent", "%", "point", "points", "percentage"})
_MEASURE_ENTS = frozenset({"PERCENT", "QUANTITY", "MONEY"})
CROWD_SECTORS = frozenset(
    {"OPP", "SOC", "LAB", "CVL", "EDU", "REB", "MED", "AGR", "REL", "HRI", "NGO", "UAF", "REF"}
)
LEADER_SECTORS = frozenset({"GOV", "PTY", "LEG", "ELI"})
RALLY_LEMMAS = frozenset({"rally"})
CONVERSATION_LEMMAS = frozenset({"speak", "talk", "discuss", "converse", "chat", "meet", "message"})
TRAVEL_LEMMAS = frozenset({"visit", "travel", "trip", "tour", "host", "arrive", "stop"})


def is_quantity(head: Token) -> bool:
    """A noun trigger measured by a percentage or points ("5 percent support")."""
    for token in head.lefts:
        if token.ent_type_ in _MEASURE_ENTS or token.lower_ in _MEASURES:
            return True
        if any(t.lower_ in _MEASURES for t in token.subtree):
            return True
    return False


@cache
def _other_words() -> frozenset[str]:
    return frozenset(data_lines("codebook", "other_words.txt"))


def other_word(head: Token) -> str | None:
    """The fixed compound a noun trigger makes with the word before it, as written ("heart
    attacks"), or None."""
    if head.i == 0:
        return None
    before = head.doc[head.i - 1].lower_
    if f"{before} {head.lemma_.lower()}" not in _other_words():
        return None
    return f"{before} {head.lower_}"


def is_campaign_rally(lemmas: tuple[str, ...], actors: list[Actor], targets: list[Actor]) -> bool:
    """A rally against no one, held by candidates, parties or governments, not a crowd."""
    if not RALLY_LEMMAS & set(lemmas) or not actors or targets:
        return False
    return all(a.sector in LEADER_SECTORS or _named_person(a) for a in actors)


def _named_person(actor: Actor) -> bool:
    """A person the knowledge base names ("Trump"), not a people ("Nigerians")."""
    if actor.sector in CROWD_SECTORS or not actor.name or " " not in actor.name:
        return False
    country = default_kb().country_names.get(actor.country or "")
    return country is None or country.name != actor.name


def one_party(
    lemmas: tuple[str, ...], actors: list[Actor], recipients: list[Actor], mediators: list[Actor]
) -> bool:
    """A conversation with a single party: no recipient, no intermediary, one actor."""
    if not CONVERSATION_LEMMAS & set(lemmas):
        return False
    return not recipients and not mediators and len(actors) < 2


WARNING_LEMMAS = frozenset({"warn", "caution"})
_SELF_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})


def is_prediction(head: Token, lemmas: tuple[str, ...], recipients: list[Actor]) -> bool:
    """A warning with no one warned whose that-clause is about someone else's acts."""
    if not WARNING_LEMMAS & set(lemmas) or recipients:
        return False
    clauses = [c for c in head.children if c.dep_ == "ccomp"]
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(s.lower_ in _SELF_PRONOUNS for s in subjects)


STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
STATE_OBSTRUCTION = ("COERCE", "restrict", "191")  # impose blockade, restrict movement


def by_the_state(actors: list[Actor]) -> bool:
    """Whether every actor is a state, its government or its forces ("Jordan", "the regime",
    "Syrian troops"); not its people ("Jordanians")."""
    return bool(actors) and all(_is_state(a) for a in actors)


def _is_state(actor: Actor) -> bool:
    if actor.sector in STATE_SECTORS:
        return True
    named = actor.name is not None and actor.text.lower().removeprefix("the ") == actor.name.lower()
    return actor.sector is None and actor.country is not None and named


HOME_TRIP = "a trip within the actor's own country"


def mark_home_trips(events: list[Event]) -> None:
    """Once the story's country has placed the participants the text left unplaced ("the
    Sunshine State" in an American story), a visit among them is a trip at home (in place)."""
    for event in events:
        lemmas = parse_rule(event.rule)[1]
        if event.dropped is None and is_home_trip(lemmas, event.actor, event.recipient):
            event.dropped = HOME_TRIP


def is_home_trip(lemmas: tuple[str, ...], actors: list[Actor], recipients: list[Actor]) -> bool:
    """A visit, trip or hosted event whose only recipients are places or people of the
    actor's own country (no foreign state, organisation or official among them)."""
    if not TRAVEL_LEMMAS & set(lemmas) or not actors or not recipients:
        return False
    home = {a.country for a in actors if a.country}
    if len(home) != 1:  # "Mexico's top diplomat" placed nowhere else: a foreign visitor
        return False
    return all(_at_home(r, home) for r in recipients)


def _at_home(actor: Actor, home: set[str]) -> bool:
    """A place at home, or a private body a visit goes to placed nowhere else: "Walter Reed
    hospital", a school, a firm."""
    private = actor.sector in PRIVATE_SECTORS
    return (actor.country in home and (actor.sector is None or private)) or (
        actor.country is None and private
    )


MEETING_LEMMAS = frozenset({"meet", "face"})
_CONTEST_PREPS = frozenset({"for", "in", "at"})


@cache
def _contest_words() -> frozenset[str]:
    return frozenset(data_lines("codebook", "contest_words.txt"))


def is_contest(head: Token, lemmas: tuple[str, ...]) -> bool:
    """A meeting whose "for"/"in"/"at" phrase names a contest ("meet for a debate")."""
    if not MEETING_LEMMAS & set(lemmas):
        return False
    words = _contest_words()
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _CONTEST_PREPS]
    return any(t.lemma_.lower() in words for prep in preps for t in prep.subtree)


OPINION_LEMMAS = frozenset({"agree", "concur"})
_DEAL_DEPS = frozenset({"xcomp", "dobj"})


def is_shared_view(head: Token, lemmas: tuple[str, ...]) -> bool:
    """ "agree with X" (about, that ...) with nothing agreed on or to: a view shared."""
    if not OPINION_LEMMAS & set(lemmas) or head.pos_ != "VERB":
        return False
    children = list(head.children)
    with_ = any(c.dep_ == "prep" and c.lower_ == "with" for c in children)
    deal = any(
        c.dep_ in _DEAL_DEPS or (c.dep_ == "prep" and c.lower_ in ("on", "upon")) for c in children
    )
    return with_ and not deal


DESIRE_LEMMAS = frozenset({"seek", "want", "wish"})


def is_intention(head: Token, lemmas: tuple[str, ...]) -> bool:
    """A desire verb whose only complement is its own infinitive ("seeks to expand")."""
    if not DESIRE_LEMMAS & set(lemmas) or head.pos_ != "VERB":
        return False
    children = list(head.children)
    own = [
        c for c in children if c.dep_ == "xcomp" and not any(g.dep_ == "nsubj" for g in c.children)
    ]
    wanted = [
        c for c in children if c.dep_ in ("dobj", "ccomp") or (c.dep_ == "xcomp" and c not in own)
    ]
    return bool(own) and not wanted
