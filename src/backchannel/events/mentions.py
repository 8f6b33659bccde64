"""What the parse says about a sentence's actor mentions, for pronoun resolution: which
name a person, which are a clause's subject."""

from __future__ import annotations

from bisect import bisect_left

from backchannel.events import fillers
from backchannel.events.codebook import Codebook
from backchannel.nlp import Doc, Token
from backchannel.records import Mention, Sentence

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def person_mentions(sentence: Sentence, mentions: list[Mention], codebook: Codebook) -> set[int]:
    """Starts of the mentions that read as a person's name: first and last name ("Brian
    Hook"), with no organisation word; an actor the knowledge base knows must have no
    sector (a leader out of office: "Angela Merkel"; not "Hamas", "Islamic State")."""
    found = set()
    for mention in mentions:
        head = _mention_head(sentence, mention)
        if head is None or not fillers.is_name(head, codebook.words):
            continue
        if mention.actor.kb_id is None or mention.actor.sector is None:
            found.add(mention.start)
    return found


def _mention_head(sentence: Sentence, mention: Mention) -> Token | None:
    """The token a mention ends on (the head of an English noun phrase)."""
    end = mention.end - sentence.start
    ends = _token_ends(sentence.parse)
    i = bisect_left(ends, end)  # the first token ending at or after the mention's end
    if i < len(ends) and sentence.parse[i].idx < end:
        return sentence.parse[i]
    return None


def _token_ends(parse: Doc) -> list[int]:
    """Where each token of the parse ends, cached on the parse (one pass per sentence)."""
    ends: list[int] | None = parse.user_data.get("token_ends")
    if ends is None:
        ends = [t.idx + len(t.text) for t in parse]
        parse.user_data["token_ends"] = ends
    return ends


def subject_mentions(sentence: Sentence, mentions: list[Mention]) -> set[int]:
    """Starts of the mentions that are (or head the phrase that is) a clause's subject."""
    found = set()
    for mention in mentions:
        token = _mention_head(sentence, mention)
        while token is not None and token.dep_ in ("compound", "appos", "conj"):
            token = token.head if token.head.i != token.i else None
        if token is not None and (token.dep_ in _SUBJECT_DEPS or _relative_subject(token)):
            found.add(mention.start)
    return found


def _relative_subject(token: Token) -> bool:
    """Whether the phrase is the subject of its relative clause ("Putin, [who] thinks")."""
    return any(
        c.dep_ == "relcl" and any(s.dep_ in _SUBJECT_DEPS and s.tag_ == "WP" for s in c.children)
        for c in token.children
    )
