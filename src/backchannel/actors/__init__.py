"""Actors: find actor mentions in the text and resolve them, time-aware.

``resolve`` turns one mention into an ``Actor``; ``find_mentions`` finds every mention
in an article and resolves it on the article's date. Both use the same knowledge base
(``data/actors/``, loaded once) and the same rules, so the CLI answers as the pipeline.
"""

from __future__ import annotations

from datetime import date

from backchannel.actors.kb import default_kb
from backchannel.actors.mentions import find_mentions_with
from backchannel.actors.resolver import decided_by, resolve_text
from backchannel.actors.setting import place_in_story
from backchannel.records import Actor, Document, Mention


def resolve(
    text: str, when: date | None = None, context: str | None = None, fuzzy: bool = True
) -> Actor | None:
    """One mention to an actor, as the pipeline would resolve it (``None`` if unknown);
    without ``fuzzy``, no approximate spelling (a phrase of running text, not a name)."""
    return resolve_text(default_kb(), text, when, context, fuzzy)


def explain(text: str, when: date | None = None) -> list[dict[str, str]]:
    """The knowledge-base rows (``file:line``) that decide how ``text`` resolves, and why."""
    return decided_by(default_kb(), text, when)


def find_mentions(doc: Document) -> list[Mention]:
    """Actor mentions in ``doc.article.text``, with offsets, resolved at its publication."""
    mentions = find_mentions_with(default_kb(), doc.article.text, doc.article.published)
    place_in_story(mentions)
    return mentions


__all__ = ["explain", "find_mentions", "resolve"]
