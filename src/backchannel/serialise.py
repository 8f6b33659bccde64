"""The one place where records become the output contract (``shared/design/contract.md``)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, fields, replace
from datetime import date
from typing import Any

from backchannel.records import (
    Actor,
    Article,
    Attribution,
    Coded,
    Document,
    Event,
    EventDate,
    Evidence,
    Location,
    Rejection,
    Relevance,
    Sentence,
    TextSpan,
    Timex,
)

EVENT_SCHEMA = "backchannel.event/1"
RELEVANCE_SCHEMA = "backchannel.relevance/1"
LOCATION_FIELDS = (
    "text", "name", "country", "admin1", "lat", "lon", "geonames_id", "basis"
)  # fmt: skip
ACTOR_FIELDS = (
    "text", "name", "country", "sector", "kb_id", "role_holder", "home_country"
)  # fmt: skip


def actor_to_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {name: getattr(actor, name) for name in ACTOR_FIELDS}


def location_to_dict(value: Location | None) -> dict[str, Any] | None:
    """Where an event happened (``location``), or None when the text does not say."""
    return None if value is None else {name: getattr(value, name) for name in LOCATION_FIELDS}


def span_to_dict(span: TextSpan | None) -> dict[str, Any] | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def event_id(event: Event) -> str:
    """Stable hash of article_id + sentence + trigger + roles.

    The trigger is its text and its offsets: a sentence may use the same word twice for two
    events ("called on Ankara to talk and called on Kyiv to wait"), which its text alone
    would confuse.
    """
    roles = "|".join(
        ",".join(sorted(a.name or a.text for a in group))
        for group in (event.actor, event.recipient, event.intermediary)
    )
    key = "\x1f".join(
        [
            event.article_id,
            str(event.evidence.start),
            event.evidence.sentence,
            event.evidence.trigger,
            str(event.evidence.trigger_start),
            str(event.evidence.trigger_end),
            event.event,
            roles,
        ]
    )
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def date_to_dict(value: EventDate) -> dict[str, Any]:
    return {
        "start": value.start,
        "end": value.end,
        "granularity": value.granularity,
        "basis": value.basis,
        "text": value.text,
    }


def attribution_to_dict(value: Attribution) -> dict[str, Any]:
    return {
        "kind": value.kind,
        "source": actor_to_dict(value.source),
        "text": value.text,
        "cue": value.cue,
        "chain": list(value.chain),
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    """One event exactly as the contract lists it, plus optional extensions at the end."""
    evidence = event.evidence
    return {
        "schema": EVENT_SCHEMA,
        "event_id": event_id(event),
        "article_id": event.article_id,
        "event": event.event,
        "mode": event.mode,
        "context": list(event.context),
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "actor": [actor_to_dict(a) for a in event.actor],
        "recipient": [actor_to_dict(a) for a in event.recipient],
        "intermediary": [actor_to_dict(a) for a in event.intermediary],
        "status": event.status,
        "negated": event.negated,
        "date": date_to_dict(event.date),
        "attribution": attribution_to_dict(event.attribution),
        "evidence": {
            **evidence_to_dict(evidence),
            "also": [evidence_to_dict(other) for other in evidence.also],
        },
        "confidence": round(event.confidence, 3),
        "coder": event.coder,
        "rule": event.rule,
        "opinion": event.opinion,
        "dropped": event.dropped,
        "location": location_to_dict(event.location),
    }


def evidence_to_dict(evidence: Evidence) -> dict[str, Any]:
    """Where an event is told: the sentence (offsets into the stored text) and the trigger."""
    return {
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "trigger": evidence.trigger,
        "trigger_start": evidence.trigger_start,
        "trigger_end": evidence.trigger_end,
    }


def attribution_line(article_id: str, value: Attribution) -> dict[str, Any]:
    """A line of ``backchannel attributions``."""
    return {
        "article_id": article_id,
        "source": span_to_dict(value.source_span),
        "cue": span_to_dict(value.cue_span),
        "content": span_to_dict(value.content_span),
        "kind": value.kind,
        "actor": actor_to_dict(value.source),
        "chain": list(value.chain),
    }


def timex_line(article_id: str, value: Timex) -> dict[str, Any]:
    """A line of ``backchannel dates``."""
    return {"article_id": article_id, **asdict(value)}


def clean_line(article: Article, rejection: Rejection | None) -> dict[str, Any]:
    """A line of ``backchannel clean``."""
    return {
        "article_id": article.article_id,
        "text": article.text if rejection is None else None,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "language": article.language,
        "rejected": None if rejection is None else f"[{rejection.code}] {rejection.message}",
    }


def relevance_to_dict(value: Relevance | None) -> dict[str, Any] | None:
    """The relevance stage's decision on a document: ``{political, score, reason}``."""
    return None if value is None else asdict(value)


def skipped_to_list(sentences: list[Sentence]) -> list[dict[str, Any]]:
    """The sentences the relevance stage ruled out, with offsets and the reason."""
    return [
        {"start": s.start, "end": s.end, "sentence": s.text, "reason": s.skipped}
        for s in sentences
        if s.skipped is not None
    ]


def relevance_line(
    article_id: str, value: Relevance | None, sentences: list[Sentence]
) -> dict[str, Any]:
    """A ``code --explain`` line: why a document or its sentences were not coded."""
    return {
        "schema": RELEVANCE_SCHEMA,
        "article_id": article_id,
        "relevance": relevance_to_dict(value),
        "sentences": len(sentences),
        "skipped": skipped_to_list(sentences),
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def coded(doc: Document) -> Coded:
    """The plain-data form of a coded document (kept events first, then the others)."""
    article = replace(doc.article, html=None)
    line = relevance_line(article.article_id, doc.relevance, doc.sentences)
    events = [event_to_dict(event) for event in (*doc.events, *doc.dropped)]
    return Coded(article, line, events if doc.rejection is None else [], doc.rejection)


def coded_to_dict(value: Coded) -> dict[str, Any]:
    """``Coded`` as JSON-ready data (the distributed engine's shards)."""
    article = {f.name: getattr(value.article, f.name) for f in fields(Article)}
    if article["published"] is not None:
        article["published"] = article["published"].isoformat()
    rejection = None if value.rejection is None else asdict(value.rejection)
    return {"article": article, "relevance": value.relevance, "events": value.events,
            "rejection": rejection}  # fmt: skip


def coded_from_dict(data: dict[str, Any]) -> Coded:
    """The inverse of ``coded_to_dict``."""
    article = dict(data["article"])
    if article["published"] is not None:
        article["published"] = date.fromisoformat(article["published"])
    rejection = data["rejection"]
    return Coded(
        Article(**article),
        data["relevance"],
        data["events"],
        None if rejection is None else Rejection(**rejection),
    )
