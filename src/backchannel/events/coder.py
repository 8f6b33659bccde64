"""The rule-based coder: triggers, governing, future/negation, roles -> ``Event`` records."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from backchannel.actors import resolve
from backchannel.actors.kb import default_kb
from backchannel.actors.organisations import organisation_sector
from backchannel.events import (
    arguments,
    cover,
    denial,
    figurative,
    fillers,
    gender,
    implied,
    light,
    links,
    modality,
    obligation,
    senses,
    spans,
)
from backchannel.events import frames as framemod
from backchannel.events import mentions as mentionmod
from backchannel.events import roles as rolemod
from backchannel.events.codebook import Codebook
from backchannel.events.frames import Frame
from backchannel.events.triggers import Match, find
from backchannel.nlp import Token
from backchannel.records import Actor, Event, Mention, Sentence, TextSpan


@dataclass(slots=True)
class Coded:
    """An event with the character spans of its role phrases (for scoring and display)."""

    event: Event
    spans: dict[str, list[TextSpan]] = field(default_factory=dict)


@dataclass(slots=True)
class Denial:
    """A denial the coder does not code as an event ("X denied charges by Y that ..."): the
    character range of its clause (the acts it denies lie inside) and its role phrases, the
    denier as actor and the accuser as recipient (CAMEO 016, a statement)."""

    start: int
    end: int
    spans: dict[str, list[TextSpan]] = field(default_factory=dict)


def _type_of(
    match: Match, governed: list[Match], codebook: Codebook
) -> tuple[str, str | None, str]:
    trigger = match.trigger
    event, mode, cameo = trigger.event, trigger.mode, trigger.cameo
    if event != "REQUEST" and modality.has_aux(match.head, codebook.words["obligation_aux"]):
        mode = codebook.governed_mode["REQUEST"].get(event)
        return codebook.obligation["event"], mode, codebook.obligation["cameo"]
    if modality.is_future(match.head, codebook) and event in codebook.future:
        remap = codebook.future[event]
        if any(t.lower_ in codebook.words["threat_marks"] for t in match.head.subtree):
            remap = codebook.future["ASSAULT"] if event == "ASSAULT" else codebook.conditional
        return remap["event"], remap["mode"], remap["cameo"]
    for inner in governed:
        recode = codebook.target_recode.get(event, {}).get(inner.trigger.event)
        if recode is not None and _object_of(inner, match):
            return recode["event"], recode["mode"], recode["cameo"]
        mode = mode or codebook.governed_mode.get(event, {}).get(inner.trigger.event)
        cameo = codebook.governed_cameo.get(event, {}).get(inner.trigger.event, cameo)
    return event, mode, cameo


def _object_of(inner: Match, match: Match) -> bool:
    """Whether the governed noun is what the trigger asks for itself ("called for [sanctions]
    against X" rallies opposition), not an act asked of someone ("urged the EU to impose")."""
    above = inner.head.head
    if inner.trigger.pos != "N" or above.i == inner.head.i:
        return False
    return above.i == match.head.i or (above.dep_ == "prep" and above.head.i == match.head.i)


def _typed(
    match: Match, governed: list[Match], codebook: Codebook
) -> tuple[str, str | None, str, bool]:
    """Type, mode, CAMEO code and negation; a negated trigger's own type picks the recoding
    ("will not lift the ban" is a refusal to yield, not a promise)."""
    negated = modality.is_negated(match.head, codebook)
    event, mode, cameo = _type_of(match, governed, codebook)
    if negated:
        for key in (match.trigger.event, event):
            recode = codebook.negated_recode.get(key)
            if recode is not None:
                return recode["event"], recode["mode"], recode["cameo"], False
    return event, mode, cameo, negated


def _contexts(sentence: Sentence, match: Match, governed: list[Match], cb: Codebook) -> list[str]:
    found = {
        cb.contexts[t.lemma_.lower()] for t in sentence.parse if t.lemma_.lower() in cb.contexts
    }
    return sorted(found)


class SentenceCoder:
    """Codes one parsed sentence of an article, given the article's actor mentions."""

    def __init__(
        self,
        codebook: Codebook,
        article_id: str,
        mentions: list[Mention],
        when: date | None = None,
    ) -> None:
        self.codebook = codebook
        self.when = when  # the article's date, for fillers resolved from their phrase
        self.article_id = article_id
        self.mentions = mentions  # sorted by start (find_mentions)
        self._starts = [m.start for m in mentions]
        self.people: set[int] = set()  # starts of mentions the parse names as a person
        self.genders: dict[str, str] = {}  # what the text tells of people's gender
        self.subjects: set[int] = set()  # starts of mentions that are a clause's subject
        self.sentence_start = 0
        self.local: list[Mention] = []  # the mentions of the sentence being coded
        self.denials: list[Denial] = []  # the denials of the sentences coded so far

    def code(self, sentence: Sentence) -> list[Coded]:
        lo = bisect_left(self._starts, sentence.start)
        hi = bisect_left(self._starts, sentence.end, lo)
        self.local = self.mentions[lo:hi]  # the sentence's own, without a scan of them all
        gender.learn(sentence, self.local, self.genders)
        if sentence.parse is None:
            return []
        self.people |= mentionmod.person_mentions(sentence, self.local, self.codebook)
        self.subjects |= mentionmod.subject_mentions(sentence, self.local)
        self.sentence_start = sentence.start
        found = cover.dropped(sentence.parse, find(sentence.parse, self.codebook), self.codebook)
        found = [light.apply(m) for m in found]
        matches = obligation.matches(
            sentence.parse, denial.denied(found, self.codebook), self.codebook
        )
        events = frozenset(m.head.i for m in matches)
        denials = [
            m
            for m in found
            if denial.is_denial(m, self.codebook) and not denial.is_withheld(m, self.codebook)
        ]
        self.denials += [self._denial(sentence, m, events) for m in denials]
        frames = framemod.frames(matches, self.codebook)
        frames = [f for f in frames if not any(_describes(f.match, g.match) for g in frames)]
        coded = [self._event(sentence, frame, events) for frame in frames]
        return [item for item in coded if item is not None]

    def _event(self, sentence: Sentence, frame: Frame, events: frozenset[int]) -> Coded | None:
        cb, match = self.codebook, frame.match
        event, mode, cameo, negated = _typed(match, frame.governed, cb)
        found = self._found(sentence, frame, event, events)
        optional = mode in cb.words["recipient_optional_modes"]
        optional |= cameo in cb.words["recipient_optional_cameos"]  # "halted the talks"
        if event in cb.requires_recipient and not found.recipient and not optional:
            return None
        if obligation.is_own(match) and not found.recipient:  # "prices should fall": no one
            return None
        if not (found.actor or found.recipient or found.intermediary or _verb_with_subject(match)):
            return None
        fill = {role: self._fill(sentence, getattr(found, role), events) for role in _ROLE_NAMES}
        if not fill["actor"][0]:  # "were charged": prosecutors, unnamed
            agent = implied.implied_actor(match.head, match.trigger.lemmas, match.trigger.pos)
            fill["actor"] = ([agent], []) if agent else fill["actor"]
        if found.reciprocal:  # "a meeting between Trump and Rouhani", proposed by the US
            fill["recipient"] = _not_actors(fill["recipient"], fill["actor"][0])
        roles = [a for actors, _ in fill.values() for a in actors]
        read = figurative.sense(
            match.trigger.lemmas, match.trigger.pos, sentence.parse, roles, fill["recipient"][0]
        )
        dropped = None
        if read is not None and _struck_by_event(match.head, events):
            dropped = f"'{match.trigger.lemmas[0]}' by an event is its effect, not an act"
        elif read is not None and not read.literal and event == match.trigger.event:
            if read.event is None or read.cameo is None:  # "beat back a challenge"
                dropped = f"figurative {match.trigger.lemmas[0]!r}: no physical force"
            else:  # "attacked Clinton over her emails"
                event, mode, cameo = read.event, None, read.cameo
        if event == "PROTEST" and mode == "obstruct" and senses.by_the_state(fill["actor"][0]):
            event, mode, cameo = senses.STATE_OBSTRUCTION  # "Jordan blocked the crossing"
        dropped = dropped or light.dropped(match) or _no_event(match, event, fill)
        record = Event(
            article_id=self.article_id,
            event=event,
            evidence=spans.evidence(sentence, match),
            mode=mode,
            context=_contexts(sentence, match, frame.governed, cb),
            cameo=cameo,
            quad_class=cb.types[event].quad_class,
            intensity=cb.intensity.get(cameo[:2]),
            actor=fill["actor"][0],
            recipient=fill["recipient"][0],
            intermediary=fill["intermediary"][0],
            negated=negated,
            confidence=_confidence(match, found),
            coder=f"rules/{cb.version}",
            rule=match.trigger.rule,
            dropped=dropped,
        )
        return Coded(record, {role: value[1] for role, value in fill.items()})

    def _denial(self, sentence: Sentence, match: Match, events: frozenset[int]) -> Denial:
        found = self._found(sentence, Frame(match), match.trigger.event, events)
        found.recipient = denial.accusers(match)
        spans_ = {role: self._fill(sentence, getattr(found, role))[1] for role in _ROLE_NAMES}
        head = match.head
        start = sentence.start + head.left_edge.idx
        end = sentence.start + head.right_edge.idx + len(head.right_edge.text)
        return Denial(start, end, spans_)

    def _found(
        self, sentence: Sentence, frame: Frame, event: str, events: frozenset[int]
    ) -> rolemod.Roles:
        """The event's role fillers: from the parse, then the fallbacks for a missing role."""
        cb, match = self.codebook, frame.match

        def keep(token: Token) -> bool:
            if _venue(token, events, cb):
                return False
            return self._covered(sentence, token) or fillers.is_agentive(token, cb, True)

        found = arguments.roles(frame, cb, events, keep)
        found.actor = rolemod.expand(fillers.reporter(t, cb.words) or t for t in found.actor)
        found.actor = self._behind(sentence, found.actor)
        found = self._actor_like(sentence, found)
        if not found.actor and match.trigger.pos == "V":  # "[HRW] issued a statement urging"
            issuer = rolemod.issuer(match.head, cb.words["statement_nouns"])
            found.actor = self._actor_like(sentence, rolemod.Roles(issuer)).actor
        found.recipient = self._with_links(sentence, found.recipient)
        if not found.recipient and event in cb.words["purpose_types"]:
            purpose = rolemod.purpose_recipients(match.head, cb.words)
            found.recipient = self._actor_like(sentence, rolemod.Roles(recipient=purpose)).recipient
        if event == "ACCUSE" and rolemod.is_as_participle(match.head):
            found = self._as_said(sentence, match)  # "“As alleged, [the defendants] had ...”"
        if not found.actor and event != match.trigger.event and event in _SPEAKER_SIDE:
            speaker = obligation.speaker(match.head, cb)
            found.actor = self._actor_like(sentence, rolemod.Roles(speaker)).actor
        if event == cb.obligation["event"] != match.trigger.event or obligation.is_own(match):
            found = self._obliged(sentence, match, found)
        if not found.actor and match.trigger.pos == "N":  # "[Russia] launched ... the attack"
            doer = rolemod.Roles(arguments.light_doer(match.head, cb.words["light_verbs"]))
            found.actor = self._actor_like(sentence, doer).actor
        if not found.actor and match.trigger.cameo in cb.words["claimer_cameos"]:
            claimer = rolemod.Roles(arguments.claimer(match.head))  # "[IS] claimed ... the attack"
            found.actor = self._actor_like(sentence, claimer).actor
        if not found.actor and match.trigger.pos == "N":  # "attacks on the embassy [by militants]"
            found = self._nested_agents(sentence, match, events, found)
        # "condemned [Navalny's arrest]": whom the arrest is done to is not who is condemned
        found.recipient = [t for t in found.recipient if not _undergone_event(t, events, cb)]
        if not found.recipient:  # "raid with bombs ... on sites", "offered $5m for ... on X"
            nested = (
                rolemod.nested_prep_objects(match.head, _NESTED_PREPS, events)
                if match.trigger.pos == "N"
                else rolemod.nested_object_preps(match.head, _NESTED_PREPS, events)
            )
            found.recipient = self._actor_like(sentence, rolemod.Roles(recipient=nested)).recipient
        return found

    def _nested_agents(
        self, sentence: Sentence, match: Match, events: frozenset[int], found: rolemod.Roles
    ) -> rolemod.Roles:
        """The agent of a noun event that the parse hangs on its target ("duties on polysilicon
        imports [by the Chinese government]"): its actor, and out of the target's phrase; a
        target left empty gives way to who suffers the event ("[that industry] is suffering
        from")."""
        agents = rolemod.nested_prep_objects(match.head, ("by",), events)
        found.actor = self._actor_like(sentence, rolemod.Roles(agents)).actor
        if not found.actor:
            return found
        found.recipient = [t for t in found.recipient if self._named_before(sentence, t, agents)]
        if not found.recipient:
            verbs = self.codebook.words["experiencer_verbs"]
            sufferers = rolemod.Roles(recipient=rolemod.experiencers(match.head, verbs))
            found.recipient = self._actor_like(sentence, sufferers).recipient
        return found

    def _named_before(self, sentence: Sentence, target: Token, agents: list[Token]) -> bool:
        """Whether a target's phrase names an actor before the agent it holds ("Iranian oil
        exports [by the United States]": Iran; "polysilicon imports [by ...]": none)."""
        start, end = rolemod.np_bounds(target)
        held = [a.head.i for a in agents if start <= a.i < end]
        if not held:
            return True
        span = spans.text_span(sentence, target.doc, start, min(held))
        return any(m.start < span.end and m.end > span.start for m in self.local)

    def _as_said(self, sentence: Sentence, match: Match) -> rolemod.Roles:
        """An allegation "as alleged" or "as charged" is someone else's about the subject of
        the clause it comments on ("“As alleged, [the defendants] had ...,” the prosecutor
        said"): the "by" agent or the speaker alleges. (What one promised or agreed, "as
        promised", is the subject's own: not read here.)"""
        said = rolemod.prep_objects(match.head, ("by",))
        said = said or obligation.speaker(match.head, self.codebook)
        about = rolemod.expand(rolemod.verb_actor(match.head.head))
        return self._actor_like(sentence, rolemod.Roles(said, about))

    def _obliged(self, sentence: Sentence, match: Match, found: rolemod.Roles) -> rolemod.Roles:
        """A demand read off "must"/"should": who is obliged is its recipient, the speaker
        its actor ("the leader said [the government] must release prisoners")."""
        speaker = obligation.speaker(match.head, self.codebook)
        said = self._actor_like(sentence, rolemod.Roles(speaker))
        return rolemod.Roles(said.actor, found.actor, found.intermediary)

    def _actor_like(self, sentence: Sentence, found: rolemod.Roles) -> rolemod.Roles:
        """Drop fillers that are neither mentions nor agent-like phrases ("that", "bombs")."""
        for role in _ROLE_NAMES:
            kept = [
                head
                for head in getattr(found, role)
                if self._covered(sentence, head)
                or fillers.is_agentive(head, self.codebook, role == "recipient")
            ]
            setattr(found, role, kept)
        return found

    def _with_links(self, sentence: Sentence, heads: list[Token]) -> list[Token]:
        """Targets that are no actor, followed by the actors they are tied to ("networks
        with ties to Iran's IRGC": the IRGC is a recipient too)."""
        found = list(heads)
        for head in heads:
            if not self._covered(sentence, head, countries=True):
                tied = links.linked(head, self.codebook.words)
                tied = [t for t in tied if not _venue(t, frozenset(), self.codebook)]
                found.extend(t for t in tied if self._covered(sentence, t) and t not in found)
        return found

    def _behind(self, sentence: Sentence, heads: list[Token]) -> list[Token]:
        """Actors that are no country's actor, or were dropped as no actor at all, give way
        to who is behind them ("the missiles fired by the Israeli military")."""
        found: list[Token] = []
        for head in heads:
            behind = (
                [] if self._covered(sentence, head, countries=True) else rolemod.agents_of(head)
            )
            found.extend(t for t in behind or [head] if t not in found)
        return found

    def _covered(self, sentence: Sentence, head: Token, countries: bool = False) -> bool:
        """Whether a mention (of a country's actor, with ``countries``) overlaps the phrase."""
        span = spans.phrase(sentence, head)
        local = [m for m in self.local if m.actor.country] if countries else self.local
        local = self._not_venues(sentence, head, local)
        return any(m.start < span.end and m.end > span.start for m in local)

    def _not_venues(self, sentence: Sentence, head: Token, found: list[Mention]) -> list[Mention]:
        """Without the capitals that say where the head noun's event was ("criticized the
        [Paris] agreement": the agreement is no one's in France)."""
        venues = [c for c in head.children if _venue(c, frozenset(), self.codebook)]
        ends = {sentence.start + c.idx + len(c.text) for c in venues}  # "[the Paris]"
        return [m for m in found if m.end not in ends] if ends else found

    def _fill(
        self, sentence: Sentence, heads: list[Token], events: frozenset[int] = frozenset()
    ) -> tuple[list[Actor], list[TextSpan]]:
        actors: list[Actor] = []
        for head in heads:
            for actor in self._actors(sentence, head, spans.phrase(sentence, head)):
                if actor not in actors:
                    actors.append(actor)
        return actors, spans.display(sentence, heads, self.codebook.words["time_words"], events)

    def _actors(self, sentence: Sentence, head: Token, span: TextSpan) -> list[Actor]:
        head_end = sentence.start + head.idx + len(head.text)
        local = self._not_venues(sentence, head, self.local)
        front = [m for m in local if m.start < head_end and m.end > span.start]
        front = [m for m in front if m.end <= span.end]
        inside = front or [m for m in local if m.start >= span.start and m.end <= span.end]
        clauses = spans.clauses(sentence, head)
        inside = [m for m in inside if not any(a <= m.start < b for a, b in clauses)]
        if fillers.is_speaker_pronoun(head, self.codebook.words) and not inside:
            return [Actor(text=span.text)]  # "I", "we": grounding names the speaker
        pronoun = fillers.pronoun_of(head, self.codebook.words)
        if pronoun is not None and not any(m.actor.country for m in inside):
            scope = fillers.Scope(self.people, self.subjects, self.sentence_start, self.genders)
            sides = fillers.resolve_plural(pronoun, span, self.mentions, scope)
            if sides and not inside:  # "Iran and Russia met. [They] ..."
                return sides
            found = fillers.resolve(pronoun, span, self.mentions, scope, self.codebook.words)
            if inside:  # "[its] forces": the owner's country, the mention's sector
                return [_owned(m.actor, found) for m in inside]
            return [found or self._unknown(span.text)]
        named = [m.actor for m in inside] or [self._unknown(span.text)]
        return [self._apposed(sentence, head, actor) for actor in named]

    def _apposed(self, sentence: Sentence, head: Token, actor: Actor) -> Actor:
        """An unknown name told by its apposition ("Geoffrey Berman, [the U.S. attorney in
        Manhattan]"): the apposition's country and sector, the name kept."""
        if actor.country or actor.sector:
            return actor
        for child in head.children:
            if child.dep_ != "appos":
                continue
            start, end = rolemod.np_bounds(child)
            told = self._unknown(spans.text_span(sentence, head.doc, start, end).text)
            if told.country or told.sector:
                return replace(actor, country=told.country, sector=told.sector)
        return actor

    def _unknown(self, text: str) -> Actor:
        """A filler no mention covers, resolved from its whole phrase ("deputy governor of
        the Tyumen region, Oleg Chemezov"); an organisation's name may tell its sector."""
        actor = resolve(text, self.when, fuzzy=False) if len(text) <= _MAX_PHRASE else None
        if actor is not None:
            return replace(actor, text=text)
        return Actor(text=text, sector=organisation_sector(text))


_ROLE_NAMES = ("actor", "recipient", "intermediary")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


_NESTED_PREPS = ("on", "against")


def _no_event(match: Match, event: str, fill: dict[str, tuple[list[Actor], Any]]) -> str | None:
    """Why the trigger is no event here: a poll figure, a leader's rally, a one-party
    consultation (see ``senses``); None when it is one."""
    actors, recipients, intermediaries = (fill[role][0] for role in _ROLE_NAMES)
    if match.trigger.pos == "N" and senses.is_quantity(match.head):
        return "a quantity, not an act"
    compound = senses.other_word(match.head) if match.trigger.pos == "N" else None
    if compound is not None:
        return f"'{compound}' names no act"
    if event == "PROTEST" and senses.is_campaign_rally(match.trigger.lemmas, actors, recipients):
        return "a campaign rally is no protest"
    lemmas = match.trigger.lemmas
    if event == "CONSULT" and senses.one_party(lemmas, actors, recipients, intermediaries):
        return "a conversation with one party"
    if event == "CONSULT" and senses.is_contest(match.head, lemmas):
        return "a meeting for a contest"
    if event == "REQUEST" and senses.is_intention(match.head, lemmas):
        return "an intention of one's own, not a request"
    if event == "AGREE" and senses.is_shared_view(match.head, lemmas):
        return "agreeing with someone is a view, not an agreement"
    if senses.is_home_trip(lemmas, actors, recipients):
        return senses.HOME_TRIP
    if event == "THREATEN" and senses.is_prediction(match.head, lemmas, recipients):
        return "a warning that predicts, not a threat"
    return None


def _undergone_event(token: Token, events: frozenset[int], codebook: Codebook) -> bool:
    return token.i in events and rolemod.undergone(token, codebook)


def _describes(match: Match, other: Match) -> bool:
    """Whether the trigger is a participle describing the subject of a trigger of the same
    type: "the missiles [fired] by the army struck the depot" is one attack, told by "struck"."""
    head, subject = match.head, match.head.head
    if head.dep_ != "acl" or subject.dep_ not in _SUBJECT_DEPS:
        return False
    return subject.head.i == other.head.i and match.trigger.event == other.trigger.event


def _struck_by_event(verb: Token, events: frozenset[int]) -> bool:
    """A force verb whose agent is another event: "hit hard by American [sanctions]" (the
    sanctions are the event; "the attack killed ten soldiers" stays as it is)."""
    return any(agent.i in events for agent in rolemod.prep_objects(verb, ("by",)))


def _venue(head: Token, events: frozenset[int], codebook: Codebook) -> bool:
    """A capital naming where a noun event took place, not who took part: "the [Paris]
    climate agreement", "the [Minsk] accords", "the [Doha] talks" ("Paris said" is France)."""
    if head.dep_ != "compound" or not default_kb().is_seat(head.text):
        return False
    noun = head.head
    named = (t.pos == "N" for t in codebook.by_first.get(noun.lemma_.lower(), []))
    return noun.i in events or (noun.pos_ == "NOUN" and any(named))


def _owned(actor: Actor, owner: Actor | None) -> Actor:
    """An actor with no country of its own, given its owner's ("its forces": Russia's)."""
    if owner is None or owner.country is None:
        return actor
    return replace(actor, country=owner.country)


def _not_actors(
    recipient: tuple[list[Actor], list[TextSpan]], actors: list[Actor]
) -> tuple[list[Actor], list[TextSpan]]:
    """Without the actors' own side among the two sides of a proposed meeting."""
    own = {a.country for a in actors if a.country}
    kept = [a for a in recipient[0] if a.country is None or a.country not in own]
    return (kept, recipient[1]) if kept else ([], [])


_SPEAKER_SIDE = frozenset({"THREATEN", "AGREE"})
_MAX_PHRASE = 80  # longer filler phrases are clauses, not names: not resolved whole


def _verb_with_subject(match: Match) -> bool:
    """A verb trigger in a clause with an explicit subject: kept even with no actor found.

    A noun with no actor and no recipient ("Talks", "a ceasefire") is noise for an analyst.
    """
    return match.trigger.pos == "V" and _has_subject(match.head)


_CLAUSE_PATH = frozenset(
    {"dobj", "xcomp", "pobj", "prep", "pcomp", "attr", "advcl", "conj", "acomp"}
)


def _has_subject(token: Token, depth: int = 0) -> bool:
    """Whether the verb's clause has an explicit subject: its own, or along xcomp/conj/advcl
    its governing verb's ("Something [attacked]", "They agreed to [meet]")."""
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECT_DEPS for c in token.children):
        return True
    if depth > 3 or token.dep_ not in _CLAUSE_PATH or token.head.i == token.i:
        return False
    return _has_subject(token.head, depth + 1)


_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "amod", "pcomp", "compound", "npadvmod"})


def _is_main(token: Token) -> bool:
    """A main-clause trigger: the root, or a noun directly under the root verb."""
    if token.dep_ == "ROOT":
        return True
    return token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubj") and token.head.dep_ == "ROOT"


def _confidence(match: Match, found: rolemod.Roles) -> float:
    score = 0.45 + (0.1 if match.trigger.pos == "V" else 0.0)
    score += 0.15 if found.actor else 0.0
    score += 0.1 if found.recipient else 0.0
    score += 0.15 if _is_main(match.head) else 0.0
    score -= 0.2 if match.head.dep_ in _SUBORDINATE else 0.0
    score += 0.02 * len(match.trigger.lemmas)
    return round(max(min(score, 0.95), 0.05), 3)
