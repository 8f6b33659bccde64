"""Where an event happened: the place its own sentence names for it, else the dateline's.

In the event's sentence, a place counts when the parse puts it where an event happens:

- the object of a locative preposition ("talks in Geneva", "met at the UN in New York",
  "in the Syrian city of Aleppo", "in Syria's Idlib province"), or of "to" after a word of
  motion ("a visit to Beijing"); the preposition must stand in the trigger's clause or a
  clause above it (as for dates: in "sanctions over a deal reached in Vienna" Vienna places
  the deal, not the sanctions), and one attached under the trigger comes first; one not
  under the trigger must modify a word above it ("signed a deal in Istanbul" places the
  deal; in "accepted the offer after fighting around Kidal" Kidal places the fighting);
- for an attack (``target_events``), the place attacked ("shelled Kharkiv", "an attack on
  Kyiv"), before any other.

A place in a quotation counts only for an event quoted there; a place outside quotes
counts for an event outside them, and for a quoted verbal event (a threat is made where it
is said) after any place in its quotation. Of several, the attacked place, then the one attached
closest under the trigger, then the most precise (a city before its region or country).
Without one, the dateline that opens the article ("KYIV, March 3 (Reuters) -") places
every event of it; without that, the event has no location. The knowledge is in
``data/grounding/location.json``; names are read by ``places.place``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from backchannel.actors.kb import default_kb
from backchannel.actors.resolver import scan
from backchannel.clean.dateline import HEAD_CHARS, dateline_length
from backchannel.grounding import clause
from backchannel.grounding.lexicon import location_words, time_words
from backchannel.grounding.places import place
from backchannel.nlp import Doc, Token
from backchannel.records import Event, Location

MAX_CLIMB = 4  # links from a name up to the word that attaches it ("Idlib" -> "province")
HEAD_LINES = 3  # a dateline opens one of the first lines (a title may come before it)
_NOUNS = frozenset(["NOUN", "PROPN"])
_QUALIFIER = re.compile(r"\s*,\s*$")
_DATELINE_CUT = re.compile(r"\(|--|[—–]|\s-\s|:")
_QUOTES = re.compile(r"[\"“”]")


@cache
def knowledge() -> dict[str, frozenset[str]]:
    """The word lists of ``location.json``, as sets."""
    data: dict[str, Any] = location_words()
    return {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}


@dataclass(frozen=True, slots=True)
class Named:
    """A name in the sentence that may be a place: its span, its root, and its qualifier
    ("Texas" after "Paris, ")."""

    start: int
    end: int
    root: Token
    qualifier: str | None = None


# -- the names of a sentence --------------------------------------------------------------


def _spans(parse: Doc, text: str) -> list[tuple[int, int]]:
    """Known place names (the knowledge base's) and runs of proper nouns nothing else knows."""
    known: list[tuple[int, int]] = []
    taken: set[int] = set()
    for part in scan(default_kb(), text):
        taken.update(range(part.start, part.end))
        if part.kind == "country":
            known.append((part.start, part.end))
    runs: list[tuple[int, int]] = []
    for token in parse:
        if token.pos_ != "PROPN" or token.idx in taken:
            continue
        if runs and text[runs[-1][1] : token.idx].strip() == "":
            runs[-1] = (runs[-1][0], token.idx + len(token.text))
        else:
            runs.append((token.idx, token.idx + len(token.text)))
    return sorted(known + runs)


def _named(parse: Doc, text: str) -> list[Named]:
    """The place-like names of a sentence (``text``, the text of ``parse``), "Paris, Texas"
    read as one name and qualifier."""
    spans, found = _spans(parse, text), []
    skip: set[tuple[int, int]] = set()
    for i, (start, end) in enumerate(spans):
        if (start, end) in skip or not _may_be_place(text[start:end]):
            continue
        root = parse.char_span(start, end, alignment_mode="expand")
        if root is None or not len(root):
            continue
        after = spans[i + 1] if i + 1 < len(spans) else None
        qualifier = None
        if after is not None and _QUALIFIER.fullmatch(text[end : after[0]]):
            qualifier = text[after[0] : after[1]]
            skip.add(after)
        found.append(Named(start, end, root.root, qualifier))
    return found


@cache
def _not_places() -> frozenset[str]:
    months = {m.capitalize() for m in time_words()["months"]}
    return knowledge()["not_places"] | months


def _may_be_place(text: str) -> bool:
    return any(c.isupper() for c in text) and text not in _not_places()


# -- where a name stands --------------------------------------------------------------------


def _anchor(token: Token) -> Token:
    """The word that attaches a name: up from "Idlib" in "Syria's Idlib province" to
    "province", from "Aleppo" in "the city of Aleppo" to "city"."""
    words = knowledge()
    for _ in range(MAX_CLIMB):
        head = token.head
        named_head = head.pos_ == "PROPN" or _place_noun(head)  # not "Israeli troops"
        if token.dep_ in words["links"] and head.i != token.i and named_head:
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "of" and _place_noun(head.head):
            token = head.head
        else:
            break
    return token


def _place_noun(token: Token) -> bool:
    return token.lemma_.lower() in knowledge()["place_nouns"]


def _target(anchor: Token, trigger: Token, event_type: str) -> bool:
    """The place attacked: "shelled Kharkiv", "an attack on Kyiv"."""
    words = knowledge()
    if event_type not in words["target_events"]:
        return False
    if anchor.dep_ in words["target_deps"]:
        return anchor.head.i == trigger.i
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ not in words["target_prepositions"]:
        return False
    return _steps(prep, trigger) in (1, 2)  # "attacked ... on", "launched an attack on"


def _locative(anchor: Token) -> Token | None:
    """The word that places ``anchor``: a preposition ("in", "at", "to" after "visit"), or a
    verb of visiting whose object it is ("visited Kyiv"); None when nothing does."""
    words = knowledge()
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in words["visit_verbs"]:
        return anchor.head
    if anchor.dep_ != "pobj":
        return None
    prep = anchor.head
    if prep.lower_ in words["prepositions"]:
        return prep
    motion = prep.lower_ in words["motion_prepositions"]
    return prep if motion and prep.head.lemma_.lower() in words["motion_words"] else None


def _steps(token: Token, trigger: Token) -> int | None:
    """How many heads up from ``token`` the trigger is, or None when it is not above it."""
    for steps in range(len(token.doc)):
        if token.i == trigger.i:
            return steps
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def rank(named: Named, trigger: Token, kept: set[int], event: Event) -> int | None:
    """How well ``named`` places the trigger's event (lower is better), None if it does not."""
    anchor = _anchor(named.root)
    if _target(anchor, trigger, event.event):
        return 0
    prep = _locative(anchor)
    if prep is None or not clause.outer_clause(prep, trigger, kept):
        return None
    for extra, head in enumerate(_heads(trigger)):
        steps = _steps(prep, head)
        if steps is not None:
            inside = _verbal(event) and _in_content(prep, head)
            return None if inside or _elsewhere(prep, head) else 1 + extra + steps
    above = _steps(trigger, prep.head)  # the place modifies a word above the trigger
    return None if above is None else 10 + above


def _heads(trigger: Token) -> list[Token]:
    """The trigger, and for a noun its verb too ("carried out strikes on villages in X")."""
    if trigger.pos_ in _NOUNS and trigger.head.i != trigger.i:
        return [trigger, trigger.head]
    return [trigger]


def _verbal(event: Event) -> bool:
    return event.quad_class in knowledge()["verbal_quad_classes"]


def _in_content(prep: Token, trigger: Token) -> bool:
    """A place inside what a verbal event is about: "accused Russia of war crimes in Bucha",
    "condemned the attack on its embassy in Kabul", "demanded that troops leave Gao" (not
    where the accusing, condemning or demanding was; but "met the president in Sochi")."""
    words, token = knowledge(), prep.head
    while token.i != trigger.i and token.head.i != token.i:
        if token.lower_ in words["content_links"] or token.dep_ in words["content_links"]:
            return True
        if token.head.i == trigger.i and token.lemma_.lower() in words["happening_nouns"]:
            return True
        token = token.head
    return False


def _elsewhere(prep: Token, trigger: Token) -> bool:
    """A place of another happening under the trigger: "closed the border after clashes near
    San Cristobal" (not "killed ... during a raid in Nablus")."""
    token = prep.head
    while token.i != trigger.i and token.head.i != token.i:
        if token.lower_ in knowledge()["elsewhere_links"]:
            return True
        token = token.head
    return False


def _owned(named: Named, found: Location) -> bool:
    """A country's own place abroad: "a US base near Erbil", "a Russian air base"."""
    anchor = _anchor(named.root)
    country_only = found.lat is None and found.admin1 is None
    modifies = named.root.dep_ in ("compound", "amod", "poss") and named.root.i != anchor.i
    return country_only and modifies and anchor.lemma_.lower() in knowledge()["owned_nouns"]


# -- the event's place ----------------------------------------------------------------------


def _quote_at(text: str, offset: int) -> int:
    """Which quotation holds ``offset`` (the count of quote marks before it, when odd), -1
    when none does."""
    marks = len(_QUOTES.findall(text, 0, offset))
    return marks if marks % 2 else -1


def _quotation(event: Event, trigger_quote: int, place_quote: int) -> int | None:
    """0 when the place and the trigger share their quotation (or both stand outside
    quotes); 1 for a place outside the quotation of a quoted verbal event ("'We will strike
    back,' the minister said in Moscow": a threat is made where it is said); else None."""
    if place_quote == trigger_quote:
        return 0
    return 1 if _verbal(event) and place_quote == -1 else None


def _precision(found: Location) -> int:
    return 0 if found.lat is not None else 1 if found.admin1 is not None else 2


def _trigger(parse: Doc, start: int, end: int) -> Token | None:
    """The head word of the trigger ("attack" of "missile attack"), offsets in the sentence."""
    span = parse.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is not None and len(span):
        return span.root
    return clause.token_at(parse, start)


def _fits(parse: Doc, text: str) -> bool:
    """Whether ``parse`` is a parse of ``text`` (by its last token: ``Doc.text`` would
    rebuild the whole text)."""
    return len(parse) > 0 and parse[-1].idx + len(parse[-1].text) <= len(text)


def in_sentence(
    event: Event, parse: Doc, named: list[Named] | None = None, kept: set[int] | None = None
) -> Location | None:
    """The place the event's own sentence names for it, or None. ``named`` (the names of the
    sentence) and ``kept`` (the trigger's clause) are computed when not given."""
    evidence = event.evidence
    text = evidence.sentence  # the text of ``parse``
    if evidence.trigger_start is None or not _fits(parse, text):
        return None
    named = _named(parse, text) if named is None else named
    at = evidence.trigger_start - evidence.start
    end = at + 1 if evidence.trigger_end is None else evidence.trigger_end - evidence.start
    trigger = _trigger(parse, at, end) if named else None
    if trigger is None:
        return None
    kept = clause.scope(trigger) if kept is None else kept
    quote = _quote_at(text, trigger.idx)
    best: tuple[int, int, int, int, int] | None = None
    chosen: Location | None = None
    for name in named:
        quoted = _quotation(event, quote, _quote_at(text, name.start))
        how = None if quoted is None else rank(name, trigger, kept, event)
        found = None if how is None else place(text[name.start : name.end], name.qualifier)
        if quoted is None or how is None or found is None or _owned(name, found):
            continue
        owner = 1 if name.root.dep_ == "poss" else 0  # "Khartoum's twin city Omdurman"
        key = (quoted, how, _precision(found), owner, abs(name.start - trigger.idx))
        if best is None or key < best:
            best, chosen = key, found
    return chosen


def dateline_place(text: str) -> Location | None:
    """The place of the dateline that opens one of the first lines of ``text``, or None."""
    for line in text[:HEAD_CHARS].splitlines()[:HEAD_LINES]:
        stripped = line.lstrip()
        length = dateline_length(stripped)
        if length:
            found = _dateline_location(stripped[:length])
            return None if found is None else replace(found, basis="dateline")
    return None


def _dateline_location(head: str) -> Location | None:
    """ "KYIV, Ukraine (AP) — ": Kyiv, qualified by Ukraine; dates and agencies left out."""
    pieces = [p.strip() for p in _DATELINE_CUT.split(head)[0].split(",")]
    names = [p for p in pieces if p and not _is_date(p)]
    if not names or not _may_be_place(names[0]):
        return None
    return place(names[0], names[1] if len(names) > 1 else None)


def _is_date(text: str) -> bool:
    first = text.split()[0].lower().rstrip(".")
    return any(c.isdigit() for c in text) or first in time_words()["months"]


@dataclass(slots=True)
class Locator:
    """Where the events of one document happened: its dateline's place, read once, and the
    names of each sentence, read once for all the events told in it."""

    dateline: Location | None
    names: dict[int, list[Named]] = field(default_factory=dict)

    def locate(
        self, event: Event, parse: Doc | None, kept: set[int] | None = None
    ) -> Location | None:
        """Where ``event`` happened: its sentence's place, else the dateline's, else None."""
        found = None
        evidence = event.evidence
        if parse is not None and _fits(parse, evidence.sentence):
            named = self.names.get(evidence.start)
            if named is None:
                named = self.names[evidence.start] = _named(parse, evidence.sentence)
            found = in_sentence(event, parse, named, kept)
        return found if found is not None else self.dateline
