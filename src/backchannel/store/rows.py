"""Records to table rows: the contract dict of an event flattened into ``events`` columns."""

from __future__ import annotations

import json
from typing import Any

from backchannel.serialise import dumps
from backchannel.store.schema import LOCATION_COLUMNS

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
    *(name for name, _ in LOCATION_COLUMNS),
)
LOCATION_KEYS = ("text", "name", "country", "admin1", "lat", "lon", "geonames_id", "basis")
ROLES = ("actor", "recipient", "intermediary")
ACTOR_ROW_FIELDS = (
    "text", "name", "country", "sector", "kb_id", "role_holder", "home_country"
)  # fmt: skip


def event_row(data: dict[str, Any], position: int) -> dict[str, Any]:
    """The ``events`` row (column -> value) of one contract event dict."""
    when, said, seen = data["date"], data["attribution"], data["evidence"]
    source = said["source"]
    values = [
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
        *location_values(data.get("location")),
    ]  # fmt: skip
    return dict(zip(EVENT_COLUMNS, values, strict=True))


def location_values(location: dict[str, Any] | None) -> list[Any]:
    """The ``location_*`` column values of an event's ``location`` (all None without one)."""
    return [None if location is None else location.get(key) for key in LOCATION_KEYS]


def relevance_values(line: dict[str, Any]) -> dict[str, Any]:
    """The ``articles`` columns of the relevance decision (from the ``code --explain`` line):
    political, score, reason, and the skipped sentences as ``[{start, end, reason}]`` (their
    text is in ``articles.text``)."""
    value = line["relevance"] or {}
    skipped = [{key: s[key] for key in ("start", "end", "reason")} for s in line["skipped"]]
    return {
        "relevance_political": value.get("political"),
        "relevance_score": value.get("score"),
        "relevance_reason": value.get("reason"),
        "skipped": json.dumps(skipped),
    }


def actor_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """``event_actors`` rows (column -> value) for one contract event dict."""
    rows = []
    for role in ROLES:
        for position, actor in enumerate(data[role]):
            row = {"event_id": data["event_id"], "role": role, "position": position}
            rows.append(row | {k: actor[k] for k in ACTOR_ROW_FIELDS})
    return rows
