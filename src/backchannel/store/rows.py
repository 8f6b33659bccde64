"""Records to table rows: the contract dict of an event flattened into ``events`` columns."""

from __future__ import annotations

import json
from typing import Any

from backchannel.records import Document, Event
from backchannel.serialise import dumps, event_to_dict

EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "position",
    "schema",
    "event",
    "mode",
    "context",
    "cameo",
    "quad_class",
    "intensity",
    "status",
    "negated",
    "date_start",
    "date_end",
    "date_granularity",
    "date_basis",
    "date_text",
    "attribution_kind",
    "attribution_source",
    "attribution_text",
    "attribution_cue",
    "attribution_chain",
    "evidence_sentence",
    "evidence_start",
    "evidence_end",
    "evidence_trigger",
    "trigger_start",
    "trigger_end",
    "confidence",
    "coder",
    "rule",
    "opinion",
    "document",
    "dropped",
    "evidence_also",
)
ROLES = ("actor", "recipient", "intermediary")
ACTOR_ROW_FIELDS = (
    "text", "name", "country", "sector", "kb_id", "role_holder", "home_country"
)  # fmt: skip


def event_row(event: Event, position: int) -> tuple[dict[str, Any], list[Any]]:
    """The contract dict of ``event`` and its ``events`` row (in ``EVENT_COLUMNS`` order)."""
    data = event_to_dict(event)
    when, said, seen = data["date"], data["attribution"], data["evidence"]
    source = said["source"]
    row = [
        data["event_id"], data["article_id"], position, data["schema"], data["event"],
        data["mode"], data["context"], data["cameo"], data["quad_class"], data["intensity"],
        data["status"], data["negated"],
        when["start"], when["end"], when["granularity"], when["basis"], when["text"],
        said["kind"], None if source is None else json.dumps(source), said["text"], said["cue"],
        said["chain"],
        seen["sentence"], seen["start"], seen["end"], seen["trigger"],
        seen.get("trigger_start"), seen.get("trigger_end"),
        data["confidence"], data["coder"], data.get("rule"), data.get("opinion"),
        dumps(data), data["dropped"], json.dumps(seen["also"]),
    ]  # fmt: skip
    return data, row


def relevance_values(doc: Document) -> list[Any]:
    """The ``articles`` columns of the relevance decision: political, score, reason, skipped
    (the skipped sentences as ``[{start, end, reason}]``; the text is in ``articles.text``)."""
    value = doc.relevance
    skipped = [
        {"start": s.start, "end": s.end, "reason": s.skipped}
        for s in doc.sentences
        if s.skipped is not None
    ]
    if value is None:
        return [None, None, None, json.dumps(skipped)]
    return [value.political, value.score, value.reason, json.dumps(skipped)]


def actor_rows(data: dict[str, Any]) -> list[list[Any]]:
    """``event_actors`` rows for one contract event dict."""
    rows = []
    for role in ROLES:
        for position, actor in enumerate(data[role]):
            rows.append([data["event_id"], role, position, *(actor[k] for k in ACTOR_ROW_FIELDS)])
    return rows
