"""Events: PLOVER coding of parsed sentences with the rule-based coder and its codebook.

``is_candidate`` is the cheap pre-parse filter (a set lookup per word); ``code`` turns the
parsed candidate sentences of a document into ``Event`` records.
"""

from __future__ import annotations

from backchannel.actors.setting import place_events, story_country
from backchannel.events import discourse, political, senses, sides, symmetric, triggers
from backchannel.events.codebook import load
from backchannel.events.coder import Coded, Denial, SentenceCoder
from backchannel.events.keep import keep
from backchannel.events.merge import merge
from backchannel.records import Document, Event

__all__ = [
    "Coded",
    "Denial",
    "code",
    "code_denials",
    "code_spans",
    "is_candidate",
    "keep",
    "merge",
    "participants",
]


def is_candidate(text: str) -> bool:
    """Whether a sentence may hold an event: does any word look like a trigger word?"""
    return triggers.is_candidate(text, load())


def code_spans(doc: Document) -> list[Coded]:
    """Events with the character spans of their role phrases."""
    coder = SentenceCoder(load(), doc.article.article_id, doc.mentions, doc.article.published)
    return [item for sentence in doc.sentences for item in coder.code(sentence)]


def code_denials(doc: Document) -> list[Denial]:
    """The denials of the document, which are no events ("X denied that it attacked Y" codes
    the attack, status denied): who denied, and whose claim, for scoring and display."""
    coder = SentenceCoder(load(), doc.article.article_id, doc.mentions)
    for sentence in doc.sentences:
        coder.code(sentence)
    return coder.denials


def code(doc: Document) -> list[Event]:
    """Events of the document's parsed sentences (symmetric ones in both directions)."""
    return symmetric.split([item.event for item in code_spans(doc)])


def participants(doc: Document) -> None:
    """Once grounding has named the speakers: events no political actor takes part in are
    marked not kept (``Event.dropped``), then unplaced participants take the story's
    country (and a visit among the story's own places is a trip at home)."""
    symmetric.no_self_loops(doc.events)
    discourse.fill(doc)
    discourse.continue_threads(doc)
    sides.fill(doc)
    political.mark(doc.events)
    place_events(doc.events, story_country(doc.mentions))
    senses.mark_home_trips(doc.events)
