"""Which role fillers are actors, and who a pronoun filler stands for.

A filler is kept when it is (or contains) an actor mention, a personal pronoun, or a noun
phrase headed by an agent-like noun ("officials", "rebels"); places ("sites", "the border")
may be recipients. Pronouns are resolved against the article's earlier mentions: he/she/his
to the nearest person that is a clause's subject (in the same sentence first), else the
most recent person; it/they/their to the most recent country or organisation when only one
is in view.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from backchannel.actors.kb import default_kb
from backchannel.events import gender
from backchannel.events.codebook import Codebook
from backchannel.nlp import Token
from backchannel.records import Actor, Mention, TextSpan

_NOT_ACTOR_ENTS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW", "LANGUAGE"}
)
_PLACE_ENTS = frozenset({"FAC", "LOC", "GPE"})
_AGENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_BODY_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})  # no "he" or "she"
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
    if is_speaker_pronoun(token, words):  # "I", "we": the speaker, once grounded
        return True
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma in words["agent_nouns"] or lower in words["agent_nouns"]:
        return True
    if place_ok and (lemma in words["place_nouns"] or token.ent_type_ in _PLACE_ENTS):
        return True
    return token.pos_ == "PROPN" and token.ent_type_ == ""


def is_speaker_word(text: str, words: dict[str, frozenset[str]]) -> bool:
    """ "I", "we", "us": not "US", the country written in capitals."""
    return text.lower() in words["pronouns_speaker"] and (text == "I" or not text.isupper())


def is_speaker_pronoun(token: Token, words: dict[str, frozenset[str]]) -> bool:
    return is_speaker_word(token.text, words)


def pronoun_of(head: Token, words: dict[str, frozenset[str]]) -> Token | None:
    """The pronoun a filler stands on: "he", "their", or "his" in "his nation"."""
    if is_pronoun(head, words):
        return head
    if head.lemma_.lower() in words["pronoun_nouns"]:
        owners = [c for c in head.children if c.dep_ == "poss" and is_pronoun(c, words)]
        return owners[0] if owners else None
    return None


def reporter(token: Token, words: dict[str, frozenset[str]]) -> Token | None:
    """Who a subject pronoun names when its clause is reported by that same one: "[The
    Pentagon] said [it] hit five bases", "[Netanyahu] says [he] will seek support"."""
    clause = token.head
    if token.dep_ not in _SUBJECT_DEPS or clause.dep_ != "ccomp" or not is_pronoun(token, words):
        return None
    if clause.head.lemma_.lower() not in words["speech_verbs"]:
        return None
    said = [c for c in clause.head.children if c.dep_ == "nsubj" and not is_pronoun(c, words)]
    if not said:
        return None
    person = said[0].ent_type_ == "PERSON"
    if token.lower_ in words["pronouns_person"]:  # "[Turkey's president] says he", no embassy
        named = said[0].pos_ == "PROPN" and said[0].ent_type_ not in _BODY_ENTS
        return said[0] if person or named or said[0].lemma_ in words["person_nouns"] else None
    plural = token.lower_ in _PLURAL
    many = said[0].tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in said[0].children)
    return said[0] if not person and plural == many else None


def is_name(token: Token, words: dict[str, frozenset[str]]) -> bool:
    """Whether a proper noun and the proper nouns before it read as a person's full name."""
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
    if token.pos_ != "PROPN" or len(parts) < 2:
        return False
    return all(p.text[:1].isupper() and p.lower_ not in words["org_words"] for p in parts)


def _titled(mention: Mention) -> bool:
    """A mention ending in a person's title ("the Commander", "the French president"): one
    person, never "it" or "they"."""
    return default_kb().is_title(mention.text.split()[-1].strip(".,"))


def is_person(actor: Actor) -> bool:
    """An office holder or a person the knowledge base names, in office or out of it
    ("Trump" in 2016, "Hillary Clinton")."""
    if actor.role_holder is not None and actor.role_holder == actor.name:
        return True
    return actor.kb_id is not None and actor.name in default_kb().person_names()


@dataclass(frozen=True, slots=True)
class Scope:
    """What the parse says about the article's mentions, for pronoun resolution."""

    people: set[int]  # starts of mentions that name a person
    subjects: set[int]  # starts of mentions that are a clause's subject
    sentence_start: int  # where the pronoun's sentence starts
    genders: dict[str, str] = field(default_factory=dict)  # what the text tells (``gender``)


def _antecedent(persons: list[Mention], scope: Scope) -> Mention:
    """The nearest subject in the pronoun's sentence ("Putin made it clear to Trump that [he]
    wants"), else the latest earlier subject, else the most recent person."""
    subjects = [m for m in persons if m.start in scope.subjects]
    same = [m for m in subjects if m.start >= scope.sentence_start]
    return (same or subjects or persons)[-1]


_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "pobj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _clause_subject(pronoun: Token) -> Token | None:
    """The subject of the verb whose object the pronoun is ("she urged [him]")."""
    verb = pronoun.head
    while verb.dep_ == "prep" and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects and verb.dep_ == "conj" and verb.head.i != verb.i:
        return _clause_subject(verb)  # "Iran praised Russia and thanked [it]": Iran's clause
    return subjects[0] if subjects else None


def _not_the_subject(
    pronoun: Token, persons: list[Mention], before: list[Mention], scope: Scope
) -> list[Mention]:
    """Without the person the pronoun's own clause has as subject: "him" in "She urged
    him" or "Merkel urged him" is someone else (a plain pronoun is no reflexive)."""
    subject = None if pronoun.dep_ not in _OBJECT_DEPS else _clause_subject(pronoun)
    if subject is None or not persons:
        return persons
    at = scope.sentence_start + subject.idx
    named = [m.actor for m in before if m.start <= at < m.end]
    actor = _antecedent(persons, scope).actor if subject.pos_ == "PRON" else None
    names = {a.name or a.text for a in [*named, *([actor] if actor else [])]}
    return [m for m in persons if (m.actor.name or m.actor.text) not in names]


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
        persons = [m for m in persons if gender.agrees(pronoun.lower_, m, scope.genders)]
        persons = _not_the_subject(pronoun, persons, before, scope)
        if not persons:
            return None
        found = _antecedent(persons, scope).actor
        if span.text.lower() != pronoun.lower_:  # "his nation": the person's country
            return Actor(text=span.text, country=found.country, sector=found.sector)
        return replace(found, text=span.text)
    groups = [m for m in before if m.actor.country and not is_person(m.actor) and not _titled(m)]
    groups = _not_own_subject(pronoun, groups, before, scope)
    group = _group(pronoun, [m for m in groups if m.start not in people], scope)
    return None if group is None else replace(group.actor, text=span.text)


def resolve_plural(
    pronoun: Token, span: TextSpan, mentions: list[Mention], scope: Scope
) -> list[Actor]:
    """Every side a plural pronoun stands for when the latest subject before it is a pair
    or list of countries or organisations ("Iran and Russia met. [They] condemned")."""
    if pronoun.lower_ not in _PLURAL:
        return []
    before = [m for m in mentions if span.start - _LOOKBACK <= m.start and m.end <= span.start]
    subjects = [
        m
        for m in before
        if m.actor.country and m.start in scope.subjects and m.start not in scope.people
    ]
    chain = subjects[-1:]
    for earlier in reversed(subjects[:-1]):
        if chain[0].start - earlier.end > _LIST_GAP:
            break
        chain.insert(0, earlier)
    if len({m.actor.country for m in chain}) < 2:
        return []
    return [replace(m.actor, text=span.text) for m in chain]


def _not_own_subject(
    pronoun: Token, groups: list[Mention], before: list[Mention], scope: Scope
) -> list[Mention]:
    """Without the country whose clause has the pronoun as object: "Russia condemned
    [them]" is someone else (a reflexive, "themselves", is the subject)."""
    if pronoun.dep_ not in _OBJECT_DEPS or pronoun.lower_.endswith(("self", "selves")):
        return groups
    subject = _clause_subject(pronoun)
    if subject is None:
        return groups
    at = scope.sentence_start + subject.idx
    own = {m.actor.country for m in before if m.start <= at < m.end}
    return [m for m in groups if m.actor.country not in own]


def _group(pronoun: Token, groups: list[Mention], scope: Scope) -> Mention | None:
    """The country or organisation "it"/"they" stands for: a subject in the pronoun's
    sentence, the one in view, else (for "it" as subject or owner) the latest subject of
    an earlier sentence ("The EU imposed sanctions on Belarus. [It] also threatened")."""
    same = [m for m in groups if m.start >= scope.sentence_start and m.start in scope.subjects]
    if same:  # "the White House has stated that [it] is not willing"
        return same[-1]
    if groups and len({m.actor.country for m in groups[-2:]}) == 1:
        return groups[-1]
    if any(m.start >= scope.sentence_start for m in groups):
        return None  # "The strike angered Russia and [it] warned": no earlier subject
    subjects = [m for m in groups if m.start in scope.subjects]
    if len(subjects) > 1 and subjects[-1].start - subjects[-2].end <= len(" and "):
        return None  # "Iran and Israel met. [It] attacked": either
    leading = pronoun.lower_ in _SINGULAR and pronoun.dep_ in _LEADING_DEPS
    return subjects[-1] if subjects and leading else None


_SINGULAR = frozenset({"it", "its", "itself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_LIST_GAP = len(", and ")  # between the members of a list of subjects
_LEADING_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})  # a subject's pronoun, or an owner
