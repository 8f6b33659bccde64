"""The country a story is set in, for the agents it leaves unplaced.

Reporters name a country once and then write "the administration", "federal prosecutors",
"the spokesperson": an agent of a governing sector with no country of its own belongs to the
country the article is about, when one country clearly dominates its actor mentions (as a
human coder reads it, and as the event-data coders' "country of the story" does).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from backchannel.records import Actor, Event, Mention

# sectors whose unplaced agents are taken to act for the story's country
PLACED_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP", "ELI"})
NOT_STATES = frozenset({"IGO", "NSA"})
FOREIGN_SECTORS = frozenset({"REF"})  # refugees and migrants come from elsewhere
PRONOUNS = frozenset(
    {
        "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their",
        "theirs", "we", "us", "our", "you", "i", "me", "my",
    }
)  # fmt: skip
MIN_MENTIONS = 2  # the story's country is named at least this often
MIN_SHARE = 0.5  # and holds at least this share of the placed mentions


def story_country(mentions: list[Mention]) -> str | None:
    """The country most of the article's placed actors belong to, or None if none dominates."""
    counts = Counter(
        m.actor.country for m in mentions if m.actor.country and m.actor.country not in NOT_STATES
    )
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    total = sum(counts.values())
    return country if count >= MIN_MENTIONS and count >= MIN_SHARE * total else None


def place_in_story(mentions: list[Mention]) -> None:
    """Give unplaced agents of a governing sector the story's country (in place)."""
    country = story_country(mentions)
    if country is None:
        return
    for mention in mentions:
        actor = mention.actor
        if actor.country is None and actor.sector in PLACED_SECTORS:
            mention.actor = replace(actor, country=country)


def _placed(actor: Actor, country: str) -> Actor:
    if actor.country or actor.sector in FOREIGN_SECTORS or actor.text.lower() in PRONOUNS:
        return actor
    return replace(actor, country=country)


def place_events(events: list[Event], country: str | None) -> None:
    """Give the unplaced participants of the events (named people, bodies, agents) the
    story's country: "Noel and Thomas" in a story from Washington are American."""
    if country is None:
        return
    for event in events:
        event.actor = [_placed(a, country) for a in event.actor]
        event.recipient = [_placed(a, country) for a in event.recipient]
        event.intermediary = [_placed(a, country) for a in event.intermediary]
