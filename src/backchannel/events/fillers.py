"""Which role fillers are actors, and who a pronoun filler stands for.

A filler is kept when it is (or contains) an actor mention, a personal pronoun, or a noun
phrase headed by an agent-like noun ("officials", "rebels"); places ("sites", "the border")
may be recipients. Pronouns are resolved against the article's earlier mentions: he/she/his
to the nearest person that is a clause's subject (in the same sentence first), else the
most recent person; it/they/their to the most recent country or organisation when only one
is in view.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from backchannel.events.codebook import Codebook
from backchannel.nlp import Token
from backchannel.records import Actor, Mention, TextSpan

_NOT_ACTOR_ENTS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW", "LANGUAGE"}
)
_PLACE_ENTS = frozenset({"FAC", "LOC", "GPE"})
_AGENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_LOOKBACK = 600  # characters searched back for a pronoun's antecedent


def is_pronoun(token: Token, words: dict[str, frozenset[str]]) -> bool:
    lower = token.lower_
    return lower in words["pronouns_person"] or lower in words["pronouns_group"]


def is_agentive(token: Token, codebook: Codebook, place_ok: bool) -> bool:
    """Whether a filler head (not covered by a mention) may stand for an actor."""
    words = codebook.words
    if token.ent_type_ in _NOT_ACTOR_ENTS or token.lower_.rstrip(".") in words["time_words"]:
        return False
    if is_pronoun(token, words) or token.ent_type_ in _AGENT_ENTS:
        return True
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma in words["agent_nouns"] or lower in words["agent_nouns"]:
        return True
    if place_ok and (lemma in words["place_nouns"] or token.ent_type_ in _PLACE_ENTS):
        return True
    return token.pos_ == "PROPN" and token.ent_type_ == ""


def pronoun_of(head: Token, words: dict[str, frozenset[str]]) -> Token | None:
    """The pronoun a filler stands on: "he", "their", or "his" in "his nation"."""
    if is_pronoun(head, words):
        return head
    if head.lemma_.lower() in words["pronoun_nouns"]:
        owners = [c for c in head.children if c.dep_ == "poss" and is_pronoun(c, words)]
        return owners[0] if owners else None
    return None


def is_name(token: Token, words: dict[str, frozenset[str]]) -> bool:
    """Whether a proper noun and the proper nouns before it read as a person's full name."""
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
    if token.pos_ != "PROPN" or len(parts) < 2:
        return False
    return all(p.text[:1].isupper() and p.lower_ not in words["org_words"] for p in parts)


def is_person(actor: Actor) -> bool:
    """An office holder or a named person (by the knowledge base)."""
    return actor.role_holder is not None and actor.role_holder == actor.name


@dataclass(frozen=True, slots=True)
class Scope:
    """What the parse says about the article's mentions, for pronoun resolution."""

    people: set[int]  # starts of mentions that name a person
    subjects: set[int]  # starts of mentions that are a clause's subject
    sentence_start: int  # where the pronoun's sentence starts


def _antecedent(persons: list[Mention], scope: Scope) -> Mention:
    """The nearest subject in the pronoun's sentence ("Putin made it clear to Trump that [he]
    wants"), else the latest earlier subject, else the most recent person."""
    subjects = [m for m in persons if m.start in scope.subjects]
    same = [m for m in subjects if m.start >= scope.sentence_start]
    return (same or subjects or persons)[-1]


def resolve(
    pronoun: Token,
    span: TextSpan,
    mentions: list[Mention],
    scope: Scope,
    words: dict[str, frozenset[str]],
) -> Actor | None:
    """The actor a pronoun filler refers to, or None when unknown or ambiguous."""
    people = scope.people
    before = [m for m in mentions if span.start - _LOOKBACK <= m.start and m.end <= span.start]
    if pronoun.lower_ in words["pronouns_person"]:
        persons = [m for m in before if is_person(m.actor) or m.start in people]
        if not persons:
            return None
        found = _antecedent(persons, scope).actor
        if span.text.lower() != pronoun.lower_:  # "his nation": the person's country
            return Actor(text=span.text, country=found.country, sector=found.sector)
        return replace(found, text=span.text)
    groups = [m for m in before if m.actor.country and not is_person(m.actor)]
    groups = [m for m in groups if m.start not in people]
    same = [m for m in groups if m.start >= scope.sentence_start and m.start in scope.subjects]
    if same:  # "the White House has stated that [it] is not willing"
        return replace(same[-1].actor, text=span.text)
    if not groups or len({m.actor.country for m in groups[-2:]}) > 1:
        return None
    return replace(groups[-1].actor, text=span.text)
