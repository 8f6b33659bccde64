"""Roles from the dependency parse: who acts, at whom, through whom.

A role filler is a noun phrase (head token plus its modifiers, without relative clauses,
appositions and conjuncts); conjuncts give several fillers ("the US and Iran").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from backchannel.events.codebook import Codebook
from backchannel.nlp import Token

_CUT = frozenset({"relcl", "acl", "appos", "cc", "conj", "punct", "advcl", "preconj", "prep:such"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_INHERIT = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})


@dataclass(slots=True)
class Roles:
    """The fillers' head tokens for each role."""

    actor: list[Token] = field(default_factory=list)
    recipient: list[Token] = field(default_factory=list)
    intermediary: list[Token] = field(default_factory=list)
    reciprocal: bool = False  # the recipients are both sides of an embedded meeting


def np_bounds(token: Token, times: frozenset[str] | None = None) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``token``; for display (given
    the ``times`` words), without the trailing time or place phrases an analyst would not
    count as the actor's."""
    start, end = token.i, token.i + 1
    for child in token.children:
        if child.dep_ in _CUT or (child.dep_ == "prep" and child.lower_ == "such"):
            continue
        if _charge(token, child):
            continue
        if child.lower_ in _PAIRED and any(c.dep_ == "conj" for c in token.children):
            continue  # "[both] India and Pakistan": each conjunct is a phrase of its own
        if times is not None and _circumstance(token, child, times):
            continue
        start, end = min(start, child.left_edge.i), max(end, child.right_edge.i + 1)
    doc = token.doc
    while start < token.i and doc[start].is_punct:
        start += 1
    while end - 1 > token.i and (doc[end - 1].is_punct or doc[end - 1].dep_ == "case"):
        end -= 1
    return start, end


_QUOTES = frozenset({"’", "'"})
_PAIRED = frozenset({"both", "either", "neither"})
_CIRCUMSTANCE_PREPS = frozenset({"during", "amid", "amidst", "despite", "following"})
_CHARGE_VERBS = frozenset({"accuse", "suspect", "convict", "charge", "sentence", "blame"})
_TIME_ADVERBS = frozenset({"earlier", "later", "ago"})
_REACTIONS = frozenset({"reaction", "response", "retaliation", "return"})


def _charge(head: Token, child: Token) -> bool:
    """The charge the parse hung on the accused: "accused [the military] of slaughter"."""
    charged = head.dep_ == "dobj" and head.head.lemma_.lower() in _CHARGE_VERBS
    return charged and child.dep_ == "prep" and child.lower_ in ("of", "for")


def _circumstance(head: Token, child: Token, times: frozenset[str]) -> bool:
    """A phrase after a filler saying when, or where a named actor was: "Ethiopia's
    government [on Saturday]", "Donald Trump [in Washington]" (parses hang them on the
    noun, they belong to the verb)."""
    if child.dep_ in ("npadvmod", "amod", "advmod") and child.lower_ in _TIME_ADVERBS:
        return True  # "[Hours earlier] Maduro"
    if child.dep_ not in ("prep", "npadvmod") or child.i < head.i:
        return False
    objects = [o for o in child.children if o.dep_ == "pobj"] or [child]
    if child.lower_ in _CIRCUMSTANCE_PREPS:  # "the Foreign Office [during a briefing]"
        return True
    if child.lower_ == "in" and any(o.lower_ in _REACTIONS for o in objects):
        return True  # "the gunmen [in reaction]"
    if all(o.lower_ in times for o in objects):
        return True
    named = head.pos_ == "PROPN" and child.lower_ in ("in", "at")
    return named and all(o.pos_ == "PROPN" for o in objects)


def display_bounds(token: Token, times: frozenset[str], event: bool = False) -> tuple[int, int]:
    """Token range of a filler as an analyst reads it: the noun phrase with its appositions
    ("the Palestinian president, Mahmoud Abbas", "Lesotho Defence Force (LDF)") and an owner
    cut off by a spaced apostrophe ("Libya ’ s government"). A filler that is an ``event``
    noun ("rejected [Iran's offer] of talks") ends with the noun or whom it is by."""
    start, end = np_bounds(token, times)
    if event:
        end = max([token.i + 1, *(_agent_end(c) for c in token.rights)])
    doc = token.doc
    for child in token.rights:
        if child.dep_ == "appos":
            end = max(end, np_bounds(child, times)[1])
    if end < len(doc) and doc[end].text == ")" and any(t.text == "(" for t in doc[start:end]):
        end += 1
    if start >= 2 and doc[start].lower_ == "s" and doc[start - 1].text in _QUOTES:
        start -= 2
    return start, end


def _agent_end(child: Token) -> int:
    by = child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from")
    return child.right_edge.i + 1 if by else 0


def expand(tokens: Iterable[Token]) -> list[Token]:
    """Each token and its conjuncts, in sentence order, without duplicates."""
    seen: dict[int, Token] = {}
    for token in tokens:
        for item in (token, *token.conjuncts):
            if item.pos_ not in ("CCONJ", "PUNCT"):
                seen.setdefault(item.i, item)
    return [seen[i] for i in sorted(seen)]


def _children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``token`` ("talks with Tehran")."""
    wanted = set(preps)
    found = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in wanted:
            found.extend(pobjs(prep))
        elif prep.dep_ in _CLAUSES:
            found.extend(_marked_subjects(prep, wanted))
    return found


_CLAUSES = frozenset({"advcl", "ccomp", "xcomp"})


def _infinitive_subjects(clause: Token) -> list[Token]:
    """The subject of "[X] to do": the parse's reading of "pleaded with [X] to reconsider"
    as a clause of its own, whose subject is the preposition's object."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return []
    return _children(clause, frozenset({"nsubj"}))


def _marked_subjects(clause: Token, wanted: set[str]) -> list[Token]:
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in wanted]
    return _infinitive_subjects(clause) if marks else []


def pobjs(prep: Token) -> list[Token]:
    objects = [child for child in prep.children if child.dep_ == "pobj"]
    if not objects:
        for clause in _children(prep, frozenset({"pcomp"})):
            objects.extend(_infinitive_subjects(clause))
    for child in prep.children:
        if child.dep_ == "prep" and child.lower_ == "as":  # "countries such as France"
            objects.extend(pobjs(child))
    return objects


def nested_prep_objects(
    token: Token, preps: Iterable[str], events: frozenset[int] = frozenset()
) -> list[Token]:
    """Objects of ``preps`` attached further down the phrase ("raid with bombs carried by
    bombers on three sites"), for a noun trigger whose own prepositions gave no actor;
    not those of another trigger ("support in that [battle] against the British")."""
    wanted = set(preps)
    found = []
    for item in token.subtree:
        if item.dep_ != "prep" or item.lower_ not in wanted or item.head.i == token.i:
            continue
        if item.head.i not in events:
            found.extend(pobjs(item))
    return found


def nested_object_preps(
    verb: Token, preps: Iterable[str], events: frozenset[int] = frozenset()
) -> list[Token]:
    """Objects of ``preps`` further down a verb's object or prepositional phrases ("offered
    $15 million for anyone with information [on] Iranian oil deals"), not in its subject."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "prep"):
            found.extend(t for t in nested_prep_objects(child, preps, events) if t not in found)
    return found


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def is_as_participle(verb: Token) -> bool:
    """A participle of "as" with no subject of its own ("[As alleged], the defendants had a
    duty", "[as promised], Russia withdrew")."""
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    return verb.tag_ == "VBN" and marked and not _children(verb, _SUBJECTS)


def verb_actor(verb: Token, depth: int = 0) -> list[Token]:
    """The subject of a verb, or the agent of a passive; inherited along xcomp/conj chains."""
    if is_passive(verb):
        return prep_objects(verb, ("by",))
    subjects = _children(verb, _SUBJECTS)
    if verb.dep_ == "relcl" and any(s.tag_ in RELATIVE_TAGS for s in subjects):
        return [verb.head]
    if subjects or depth > 3:
        return subjects
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        active = verb.dep_ == "relcl" or bool(_children(verb, frozenset({"dobj"})))
        if not active and verb.tag_ == "VBN":  # "weapons [provided] by Iran"
            return prep_objects(verb, ("by",))
        return [verb.head] if active else []  # "forces [carrying out] strikes" act
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        controllers = _controllers(verb.head)
        if controllers:
            return controllers
    if verb.dep_ in _INHERIT and verb.head.i != verb.i:
        return verb_actor(verb.head, depth + 1)
    return []


def _controllers(verb: Token) -> list[Token]:
    """Who does what a passive verb asks of them: "[Trump] is being pressed by NATO to slap
    sanctions", not NATO."""
    return _children(verb, _PASSIVE_SUBJECTS) if is_passive(verb) else []


_MANNER_PREPS = ("by", "over", "via")


def _dep_fillers(token: Token, dep: str, passive: bool) -> list[Token]:
    if dep.startswith("p:"):  # "talked by telephone [with] Putin": the parse's attachment
        manners = prep_objects(token, _MANNER_PREPS) if token.pos_ in ("VERB", "AUX") else []
        found = prep_objects(token, (dep[2:],))
        return found or [o for m in manners for o in prep_objects(m, (dep[2:],))]
    if dep == "dobj":
        return [] if passive else _children(token, frozenset({"dobj"}))
    if dep == "dobj:with":  # "provided [Ukraine] with missiles": the object receives
        objects = [] if passive else _children(token, frozenset({"dobj"}))
        supplied = [t for t in (token, *objects) if prep_objects(t, ("with",))]
        return objects if supplied else []
    if dep == "dative":
        return [c for c in token.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"]
    if dep == "comp:subj":  # "wants [Ukraine] to stop": whom the clause asks to act
        clauses = [] if passive else _children(token, frozenset({"ccomp", "xcomp"}))
        return [s for c in clauses for s in _children(c, frozenset({"nsubj"}))]
    return []


Keep = Callable[[Token], bool]


def _anything(token: Token) -> bool:
    return True


def first_fillers(
    token: Token, deps: Iterable[str], passive: bool = False, keep: Keep = _anything
) -> list[Token]:
    """The fillers of the first dependent in ``deps`` that gives one ``keep`` accepts
    ("freed prisoners from [a jail]": the jail is no actor, the prisoners are)."""
    for dep in deps:
        fillers = [t for t in _dep_fillers(token, dep, passive) if keep(t)]
        fillers = fillers or [t for t in _object_fillers(token, dep, passive) if keep(t)]
        if fillers:
            return fillers
    return []


def _object_fillers(verb: Token, dep: str, passive: bool) -> list[Token]:
    """A verb's prepositional object the parse hung on the verb's object: "provided
    assistance [to] households", "lifted sanctions [on] Iran", "pledged support [to] X"."""
    if not dep.startswith("p:") or passive or verb.pos_ not in ("VERB", "AUX"):
        return []
    objects = _children(verb, frozenset({"dobj"}))
    found = [o for obj in objects for o in prep_objects(obj, (dep[2:],))]
    return found or [o for obj in objects for o in _nested_objects(obj, dep[2:])]


_OWN_CLAUSES = frozenset({"relcl", "appos", "advcl"})


def _nested_objects(phrase: Token, word: str) -> list[Token]:
    """Objects of ``word`` further down a phrase, outside its clauses and appositions:
    "returned dozens of artifacts [to] the embassy", not "a venue [on] the East Side"."""
    found: list[Token] = []
    for child in phrase.children:
        if child.dep_ in _OWN_CLAUSES:
            continue
        if child.dep_ == "prep" and child.lower_ == word:
            found.extend(pobjs(child))
        found.extend(_nested_objects(child, word))
    return found


def verb_roles(
    verb: Token,
    deps: tuple[str, ...],
    codebook: Codebook,
    events: frozenset[int],
    keep: Keep = _anything,
) -> Roles:
    """Roles of a verb trigger; ``events`` are the heads of other triggers (not actors)."""
    passive = is_passive(verb)
    subjects = _children(verb, _PASSIVE_SUBJECTS) if passive else []
    recipient = [t for t in subjects if t.i not in events]
    if not recipient and verb.dep_ == "acl" and passive:
        recipient = [verb.head]
    recipient = recipient or first_fillers(verb, deps, passive, keep)
    return Roles(expand(verb_actor(verb)), expand(recipient), channel(verb, codebook))


def _name_modifiers(noun: Token, skip: range) -> list[Token]:
    return [
        child
        for child in noun.children
        if child.i not in skip
        and child.i < noun.i
        and child.dep_ in ("compound", "amod", "nmod")
        and (child.tag_ in _NAME_TAGS or (child.tag_ == "JJ" and child.text[:1].isupper()))
    ]


def _reflexive_owner(noun: Token) -> bool:
    """ "[its] demand", "[their] offer" as the object of a verb: the owner is the subject."""
    owners = _children(noun, frozenset({"poss"}))
    verb = noun.head.pos_ in ("VERB", "AUX") and noun.dep_ == "dobj"
    return verb and bool(owners) and all(o.tag_ == "PRP$" for o in owners)


def _noun_actor(
    noun: Token, skip: range, codebook: Codebook, keep: Keep = _anything
) -> list[Token]:
    if _reflexive_owner(noun):  # the subject when it is an actor, else the pronoun
        subjects = [t for t in verb_actor(noun.head) if keep(t)]
        if subjects:
            return subjects
    own = [] if undergone(noun, codebook) else _owners(noun, skip, keep)
    own = own or prep_objects(noun, ("by",)) or _participle_agents(noun)
    own = own or prep_objects(noun, codebook.words["reciprocal_preps"])
    if own:
        return own
    stands = _standing(noun, codebook)  # "10 days of [war games]": where the days are
    if stands is not noun:
        return _noun_actor(stands, range(stands.i, stands.i + 1), codebook)
    governor = noun.head
    if experiencers(noun, codebook.words["experiencer_verbs"]):
        return []  # "[banks] are suffering from sanctions": they undergo, not impose
    if noun.dep_ == "pobj" and governor.lower_ in CONCESSIVE | _TOPIC_PREPS:
        return []  # "NASA held firm [despite] criticisms": not NASA's criticism
    if noun.dep_ == "pobj" and governor.head.pos_ in ("VERB", "AUX"):
        return verb_actor(governor.head)
    if noun.dep_ in ("dobj", "nsubjpass") and _not_doer(governor, codebook):  # "crushed [protests]"
        return prep_objects(noun, ("from",)) or prep_objects(governor, ("from",))
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
        return [] if governor.lemma_ in codebook.words["channel_verbs"] else verb_actor(governor)
    return []


def _not_doer(verb: Token, codebook: Codebook) -> bool:
    """A verb whose subject undergoes its object event ("faced criticism", "won support [from]
    X": X does it) or acts against it ("crushed the protests", "sparked outrage"), not one
    that does it."""
    words, lemma = codebook.words, verb.lemma_.lower()
    return lemma in words["undergoing_verbs"] or lemma in words["countering_verbs"]


def _standing(noun: Token, codebook: Codebook) -> Token:
    """The noun a noun event stands in for in the clause: "10 days of [war games]", "a series
    of [attacks]" stand where the days, the series do; else the noun itself."""
    governor = noun.head
    measure = governor.head
    if noun.dep_ == "pobj" and governor.lower_ == "of" and _is_measure(measure, codebook):
        return measure
    return noun


CONCESSIVE = frozenset({"despite", "amid", "amidst", "notwithstanding"})
# what a clause is about or against, not what its subject does: "dropped its investigation
# [into] an allegation", "protested [against] the war", "complained [about] the raid"
_TOPIC_PREPS = frozenset({"into", "against", "over", "about"})


def _owners(noun: Token, skip: range, keep: Keep = _anything) -> list[Token]:
    """Whose the noun event is: "[Iran's] offer", "the [Iranian] offer"."""
    return _children(noun, frozenset({"poss"})) or [
        m for m in _name_modifiers(noun, skip) if keep(m)
    ]


def undergone(noun: Token, codebook: Codebook) -> bool:
    """A noun event whose owner undergoes it, with no "of" phrase naming who does:
    "[Navalny's] arrest", "[the journalist's] release" (but "Russia's arrest of X")."""
    patient = noun.lemma_.lower() in codebook.words["patient_nouns"]
    return patient and not prep_objects(noun, ("of",))


def _is_measure(token: Token, codebook: Codebook) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in codebook.words["measure_nouns"]


# Where a noun event's recipient may stand on its verb: "had kind words [for] X" (object),
# "sanctions were imposed [on] X" (passive subject), "protests erupted [against] X" (subject)
_BORROWS = {
    "dobj": ("dative", "p:on", "p:against", "p:to", "p:with", "p:at"),
    "nsubjpass": ("p:on", "p:against", "p:to", "p:with", "p:at"),
    "nsubj": ("p:on", "p:against", "p:with"),
}


def _noun_recipient(
    noun: Token, deps: tuple[str, ...], actor: list[Token], keep: Keep, codebook: Codebook
) -> list[Token]:
    own = first_fillers(noun, deps, keep=keep)
    if own:
        return own
    owners = _owners(noun, range(noun.i, noun.i + 1), keep) if undergone(noun, codebook) else []
    if owners:  # "[Navalny's] arrest"
        return [t for t in owners if keep(t)]
    sufferers = experiencers(noun, codebook.words["experiencer_verbs"])
    if sufferers:  # "[Russian banks] are suffering from Western sanctions"
        return [t for t in sufferers if keep(t)]
    stands = _standing(noun, codebook)  # "faced a series of [attacks]": where the series is
    verb = stands.head
    if stands.dep_ == "dobj" and verb.lemma_.lower() in codebook.words["undergoing_verbs"]:
        return [t for t in verb_actor(verb) if keep(t)]  # "[the US] faced criticism"
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":  # "[X] was put under arrest"
        verb = noun.head.head
        return [t for t in _children(verb, frozenset({"nsubjpass", "dobj"})) if keep(t)]
    verb = noun.head
    if noun.dep_ not in _BORROWS or verb.pos_ not in ("VERB", "AUX"):
        return []
    own_preps = tuple(d for d in deps if d.startswith("p:"))  # "had kind words [for] X"
    borrowed = first_fillers(verb, (*own_preps, *_BORROWS[noun.dep_]), keep=keep)
    if borrowed:
        return borrowed
    owned = any(child.dep_ == "poss" for child in noun.children)
    if owned and actor and not _reflexive_owner(noun):
        return verb_actor(verb)
    return []


def is_participle_of(token: Token) -> bool:
    """A past participle describing a noun: "sanctions [imposed] by the EU"."""
    return token.dep_ == "acl" and token.tag_ == "VBN"


def _participle_agents(noun: Token) -> list[Token]:
    """The agent of a participle that describes the noun: "sanctions [imposed by] the EU",
    "attacks carried out by the rebels"."""
    for clause in noun.children:
        if is_participle_of(clause):
            agents = prep_objects(clause, ("by",))
            if agents:
                return agents
    return []


def experiencers(noun: Token, verbs: frozenset[str]) -> list[Token]:
    """Who undergoes a noun event named as the cause of what happens to them: "[banks] are
    suffering from sanctions", "[Iran's economy] was hit by sanctions"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("from", "by") or prep.head.i == prep.i:
        return []
    verb = prep.head
    if verb.lemma_.lower() not in verbs:
        return []
    return _children(verb, frozenset({"nsubj", "nsubjpass"}))


def _anchor(noun: Token) -> Token:
    """The noun whose phrase a trigger noun modifies: "a [mediation] effort by X", "the
    Chinese [assistance] package to Yemen": the roles hang on the effort, the package."""
    head = noun.head
    if noun.dep_ == "compound" and head.pos_ == "NOUN" and head.i > noun.i:
        return head
    return noun


def noun_roles(
    noun: Token, span: range, deps: tuple[str, ...], codebook: Codebook, keep: Keep = _anything
) -> Roles:
    noun = _anchor(noun)
    span = range(min(span.start, noun.i), max(span.stop, noun.i + 1))
    actor = _noun_actor(noun, span, codebook, keep)
    recipient = _noun_recipient(noun, deps, actor, keep, codebook)
    if actor and recipient and actor[0].i == recipient[0].i:
        recipient = []
    return Roles(expand(actor), expand(recipient), channel(noun, codebook))


def _channel_verb_parts(verb: Token, codebook: Codebook) -> Iterator[Token]:
    yield from prep_objects(verb, ("by", "in", "at", *codebook.words["channel_preps"]))


def _channelled(token: Token, verbs: frozenset[str], codebook: Codebook) -> list[Token]:
    """Who a clause on the word names as its channel: "talks [hosted in Muscat]"."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("acl", "relcl", "advcl") and child.lemma_ in verbs:
            found.extend(_channel_verb_parts(child, codebook))
    return found


def _objects(token: Token) -> list[Token]:
    """What the trigger acts on: its object, or the object of a preposition on it."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = [c for c in token.children if c.dep_ == "prep"]
    return found + [o for p in preps for o in pobjs(p)]


def channel(token: Token, codebook: Codebook) -> list[Token]:
    """Intermediaries: "via/through X", "talks hosted in Muscat", "Oman hosted talks"."""
    found = prep_objects(token, codebook.words["channel_preps"])
    verbs = codebook.words["channel_verbs"]
    found.extend(_channelled(token, verbs, codebook))
    for thing in _objects(token):  # "agreed to [a ceasefire mediated by Qatar]"
        found.extend(_channelled(thing, codebook.words["mediating_verbs"], codebook))
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass") and head.lemma_ in verbs:
        found.extend(verb_actor(head))
    if token.dep_ in ("xcomp", "conj", "pcomp") or token.pos_ == "NOUN":
        found.extend(prep_objects(head, codebook.words["channel_preps"]) if head != token else [])
    return expand(found)


def heads_to_verb(filler: Token) -> list[Token]:
    """The filler and the words above it up to its clause's verb, where the parse may have
    hung a trailing "with ties to" phrase ("sanctions on networks [with ties to Iran]")."""
    found, token = [filler], filler
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
        if token.pos_ != "ADP":
            found.append(token)
    return found


_PURPOSE_DEPS = frozenset({"xcomp", "advcl", "acl"})


def _purpose_objects(clause: Token) -> list[Token]:
    """Who a purpose clause helps: "to assist [Ethiopia]", "to help [Haiti] cope"."""
    objects = _children(clause, frozenset({"dobj"}))
    for inner in _children(clause, frozenset({"ccomp", "xcomp"})):
        objects = objects or _children(inner, frozenset({"nsubj"}))
    return objects


def purpose_recipients(token: Token, words: dict[str, frozenset[str]]) -> list[Token]:
    """The beneficiaries named by a purpose clause on the trigger or the verb above it
    ("donated ventilators [to assist Ethiopia]", "earmarked aid [to help Haiti cope]")."""
    holders = heads_to_verb(token)
    holders += [c for h in holders for c in h.children if c.dep_ == "dobj" and c not in holders]
    for holder in holders:
        for clause in holder.children:
            to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            if clause.dep_ in _PURPOSE_DEPS and to and clause.lemma_ in words["purpose_verbs"]:
                return expand(_purpose_objects(clause))
    return []


_EMBEDDED_DEPS = ("dative", "p:to", "p:on", "p:against", "dobj")


def clause_subjects(token: Token, keep: Keep = _anything) -> list[Token]:
    """The subject of the clause a trigger embeds: "demanded [that the US] match"."""
    for clause in token.children:
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        if clause.dep_ == "ccomp" or (clause.dep_ == "acl" and that):
            subjects = [s for s in _children(clause, _SUBJECTS) if keep(s)]
            if subjects:
                return expand(subjects)
    return []


def embedded_recipients(token: Token, keep: Keep = _anything) -> list[Token]:
    """The target of the act a demand, threat or refusal embeds when no trigger names it:
    the subject of its "that" clause ("demanded that [the US] match"), else the object of
    its "to" clause ("threatened to cut off electricity [to Nakhichevan]")."""
    subjects = clause_subjects(token, keep)
    if subjects:
        return subjects
    for clause in _children(token, frozenset({"xcomp"})):
        found = first_fillers(clause, _EMBEDDED_DEPS, keep=keep)
        if found:
            return expand(found)
    return []


def agents_of(filler: Token) -> list[Token]:
    """Who is behind a filler that is no actor: "the missiles [fired by the Israeli
    military]", "drones launched by Iran"."""
    return expand(
        o
        for clause in filler.children
        if clause.dep_ == "acl"
        for agent in clause.children
        if agent.dep_ == "agent"
        for o in pobjs(agent)
    )


def received(verb: Token, found: Roles) -> Roles:
    """Aid received goes from the giver to the subject: "[Ukraine] received weapons from
    [the US]"."""
    givers = expand(prep_objects(verb, ("from",)))
    return Roles(givers, found.actor, found.intermediary)


def issuer(verb: Token, statements: frozenset[str]) -> list[Token]:
    """Who issued the statement a participle or relative clause hangs on: "[HRW] issued a
    statement calling on ...", "[the committee] issued a report that calls on ..."."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.lemma_.lower() not in statements:
        return []
    if noun.dep_ != "dobj" or noun.head.i == noun.i:
        return []
    return expand(verb_actor(noun.head))
