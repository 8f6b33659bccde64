"""The speaker of a quote is its "I": first-person actors named after the attribution's
source, and a speaker's own negated act is a denial.

"'At no time did I urge Ukraine to investigate Biden,' Volker said" codes the request with
Volker as actor and status ``denied``; so does "Volker said he did not urge Ukraine".
"""

from __future__ import annotations

from dataclasses import replace

from backchannel.events.codebook import load
from backchannel.events.fillers import is_speaker_word
from backchannel.records import Actor, Attribution, Event

_SPOKEN = frozenset({"named", "anonymous"})
_REFUSALS = frozenset({"REJECT"})  # "we will never recognise it" is a refusal, not a denial


def _speaker(attribution: Attribution) -> Actor | None:
    if attribution.kind not in _SPOKEN:
        return None
    if attribution.source is not None:
        return replace(attribution.source, text=attribution.text or attribution.source.text)
    return Actor(text=attribution.text) if attribution.text else None


def _first_person(actor: Actor) -> bool:
    return is_speaker_word(actor.text, load().words)


def _same(actor: Actor, speaker: Actor) -> bool:
    if actor.name and speaker.name:
        return actor.name == speaker.name
    return actor.text.lower() in speaker.text.lower() or speaker.text.lower() in actor.text.lower()


def name_speaker(event: Event) -> None:
    """Put the speaker for "I"/"we" among the actors; a speaker's own negated act, reported
    by the speaker, is ``denied``."""
    speaker = _speaker(event.attribution)
    if speaker is None:
        event.actor = [a for a in event.actor if not _first_person(a)]
        return
    own = any(_first_person(a) for a in event.actor)
    event.actor = [speaker if _first_person(a) else a for a in event.actor]
    own = own or any(_same(a, speaker) for a in event.actor)
    if own and event.negated and event.event not in _REFUSALS:
        event.status = "denied"
