"""Finding triggers: the cheap pre-parse filter and lemma lookups in a parsed sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from backchannel.events.codebook import Codebook, Retype, Trigger
from backchannel.nlp import Doc, Token

_WORD = re.compile(r"[a-z]+")
_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger found in a sentence: the entry, its syntactic head and its token range."""

    trigger: Trigger
    head: Token
    start: int  # first token index
    end: int  # one past the last token index


def is_candidate(text: str, codebook: Codebook) -> bool:
    """Whether any word of ``text`` is a form of a trigger word (one set lookup per word)."""
    forms = codebook.forms
    return any(word in forms for word in _WORD.findall(text.lower()))


def _keys(token: Token) -> tuple[str, ...]:
    lemma = token.lemma_.lower()
    lower = token.lower_
    return (lemma,) if lemma == lower else (lemma, lower)


def _matches_at(tokens: Doc, i: int, trigger: Trigger) -> bool:
    if i + len(trigger.lemmas) > len(tokens):
        return False
    return all(word in _keys(tokens[i + k]) for k, word in enumerate(trigger.lemmas) if k > 0)


def _head_of(tokens: Doc, start: int, end: int) -> Token:
    """The token of the span whose head lies outside it; of several (a parse that splits
    "missile and [drone] [attack]"), a noun span's last one, the head of an English compound."""
    outside = [t for t in tokens[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    if len(outside) > 1 and outside[-1].pos_ in ("NOUN", "PROPN"):
        return outside[-1]
    return outside[0] if outside else tokens[start]


_CONNECTIVE_DEPS = frozenset({"prep", "mark", "case"})  # "given it has", "following talks"


def _pos_fits(token: Token, pos: str) -> bool:
    if pos == "V":
        verb = token.pos_ in _VERB_POS or token.tag_ in _VERB_TAGS
        return verb and token.dep_ not in _CONNECTIVE_DEPS
    return token.pos_ in _NOUN_POS and token.tag_ not in _VERB_TAGS


def _match_at(tokens: Doc, i: int, codebook: Codebook) -> Match | None:
    for key in _keys(tokens[i]):
        for trigger in codebook.by_first.get(key, ()):
            if not _matches_at(tokens, i, trigger):
                continue
            end = i + len(trigger.lemmas)
            head = _head_of(tokens, i, end)
            if _pos_fits(head, trigger.pos):
                return Match(trigger, head, i, end)
    return None


_PARTICLE_DEPS = frozenset({"prt", "prep"})


def _split_match(token: Token, codebook: Codebook) -> Match | None:
    """A verb and its particle apart: "called Thursday on Arabs" is "call on"."""
    if token.pos_ not in _VERB_POS:
        return None
    for trigger in codebook.by_first.get(token.lemma_.lower(), ()):
        if trigger.pos != "V" or len(trigger.lemmas) != 2:
            continue
        times = codebook.words["time_words"]
        if any(_particle(c, trigger.lemmas[1], times) for c in token.children):
            return Match(trigger, token, token.i, token.i + 1)
    return None


def _particle(child: Token, word: str, times: frozenset[str]) -> bool:
    """The verb's particle, not a time phrase: "called [on] Arabs", not "called on Monday"."""
    if child.dep_ not in _PARTICLE_DEPS or child.lower_ != word:
        return False
    objects = [o for o in child.children if o.dep_ == "pobj"]
    return not objects or not all(o.lower_ in times or o.like_num for o in objects)


def _slot_words(token: Token) -> set[str]:
    """The token's lemma and form, and its lemma marked with its part of speech ("claim/V":
    "claimed [responsibility]", not the noun in "dismissed claims that they attacked")."""
    lemma = token.lemma_.lower()
    words = {lemma, token.lower_, f"{lemma}/{'V' if token.pos_ in _VERB_POS else 'N'}"}
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod"):
            words |= {child.lemma_.lower(), child.lower_}
    if lemma in _PARTITIVES:  # "captured [part] of a stronghold": the stronghold
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            words |= {w for o in prep.children if o.dep_ == "pobj" for w in _slot_words(o)}
    return words


_PARTITIVES = frozenset({"part", "portion", "section", "half", "rest", "most", "much", "some"})


_ABOVE_PATH = frozenset(
    {"dobj", "xcomp", "ccomp", "pobj", "prep", "pcomp", "acl", "advcl", "acomp", "attr"}
)
_SLOT_DEPS = {
    "dobj": ("dobj", "nsubjpass"),
    "nsubj": ("nsubj",),
    "xcomp": ("xcomp",),
    "oprd": ("oprd",),
}
_COMPLEMENT_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "prep", "attr", "oprd"})


def _above(token: Token) -> list[Token]:
    """The words the trigger's phrase hangs from ("considering [sending aid]")."""
    found = []
    for _ in range(4):
        if token.dep_ not in _ABOVE_PATH or token.head.i == token.i:
            break
        token = token.head
        found.append(token)
    return found


def _slot(match: Match, slot: str) -> list[Token]:
    head = match.head
    if slot == "nsubj":  # "a patch of peacekeeping troops arrived": the whole phrase
        return [t for c in head.children if c.dep_ == "nsubj" for t in c.subtree]
    if slot == "gov":  # "ended [its mediation] efforts": the phrase the noun modifies
        noun = head.head if head.dep_ == "compound" else head
        return [noun.head] if noun.dep_ in ("dobj", "nsubjpass") and noun.head != noun else []
    if slot == "above":
        return _above(head)
    if slot == "prep":  # "asked them [about] the launches"
        return [c for c in head.children if c.dep_ == "prep"]
    if slot == "ccomp":  # "asked [whether] Russia would retaliate", "recognized [that] ..."
        return [w for c in head.children if c.dep_ == "ccomp" for w in _clause_marks(c)]
    return [c for c in head.children if c.dep_ in _SLOT_DEPS[slot]]


_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _clause_marks(clause: Token) -> list[Token]:
    """What opens a clausal complement: its "that", "whether", "if" or wh-word."""
    return [c for c in clause.children if c.dep_ == "mark" or c.tag_ in _WH_TAGS]


_NAMED_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
_PREDICATE_DEPS = frozenset({"oprd", "ccomp", "attr", "acomp"})


def _named_object(verb: Token) -> bool:
    """Whether the verb's object names an actor and nothing is predicated of it: "called
    [Lavrov] to discuss Syria", not "called the move illegal", "called him a liar"."""
    if any(c.dep_ in _PREDICATE_DEPS for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        _named(o) or o.lower_ in _OBJECT_PRONOUNS or any(map(_named, o.lefts)) for o in objects
    )


def _named(token: Token) -> bool:
    """A name, or a name's adjective: "[Lavrov]", "[Qatar]'s emir", "the [Qatari] emir"."""
    capital = token.tag_ == "JJ" and token.text[:1].isupper()
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMED_ENTS or capital


def _only_preps(verb: Token, words: frozenset[str]) -> bool:
    """Whether the verb's complements are only these prepositions: "agree [with] the
    recommendation", not "agreed with Iran [on] a truce" or "agreed with Iran [to] meet"."""
    complements = [c for c in verb.children if c.dep_ in _COMPLEMENT_DEPS]
    return bool(complements) and all(c.dep_ == "prep" and c.lower_ in words for c in complements)


def _fits(match: Match, retype: Retype) -> bool:
    if retype.slot == "any":
        return True
    if retype.slot == "only_prep":
        return _only_preps(match.head, retype.words)
    if retype.slot == "named":
        return _named_object(match.head)
    if retype.slot == "sentence":
        tokens = match.head.doc
        return any({t.lemma_.lower(), t.lower_} & retype.words for t in tokens)
    return any(_slot_words(t) & retype.words for t in _slot(match, retype.slot))


def retyped(match: Match, codebook: Codebook) -> Match | None:
    """The match re-typed by its object, subject or governing verb; None when dropped."""
    trigger = match.trigger
    key = (" ".join(trigger.lemmas), trigger.pos)
    every = codebook.retypes.get(("*", "*"), ())
    drops = [r for r in every if r.event == "NONE"]  # "hopes X will lift sanctions": no event
    own = codebook.retypes.get(key, ())
    for retype in [*drops, *own, *(r for r in every if r.event != "NONE")]:
        if _fits(match, retype):
            if retype.event in ("NONE", "KEEP"):
                return None if retype.event == "NONE" else match
            new = replace(
                trigger, event=retype.event, mode=retype.mode, cameo=retype.cameo, retyped=True
            )
            return replace(match, trigger=new)
    return match


def find(tokens: Doc, codebook: Codebook) -> list[Match]:
    """Non-overlapping trigger matches, longest entry first at each position, re-typed."""
    found: list[Match] = []
    i = 0
    while i < len(tokens):
        match = _match_at(tokens, i, codebook)
        if match is None or len(match.trigger.lemmas) == 1:  # "called Thursday on Arabs"
            match = _split_match(tokens[i], codebook) or match
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match.end
    typed = [retyped(match, codebook) for match in found]
    return [match for match in typed if match is not None]
