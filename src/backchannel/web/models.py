"""The shapes of the API's answers, for the OpenAPI document (an event stays the contract's
dict, with its article's ``url``, ``title``, ``outlet`` and ``published``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

Event = dict[str, Any]


class EventsPage(BaseModel):
    events: list[Event] = Field(description="contract events plus url, title, outlet, published")
    next: str | None = Field(description="the cursor of the next page; null on the last")


class Period(BaseModel):
    period: str = Field(description="the first day of the day, week (Monday) or month")
    events: int
    cooperation: int = Field(description="events of quad class 1 or 2")
    conflict: int = Field(description="events of quad class 3 or 4")
    mean_intensity: float | None


class DyadSeries(BaseModel):
    actor: str
    recipient: str
    interval: str
    series: list[Period]


class StoredArticle(BaseModel):
    id: str
    outcome: str = Field(description="stored, duplicate, unchanged or same-url")
    events: list[str] = Field(description="the ids of the new events kept")


class RejectedRecord(BaseModel):
    id: str = Field(description="the record's id, else its place in the body (request:N)")
    code: str = Field(description="the stable error code, e.g. BC101")
    message: str


class WriteAnswer(BaseModel):
    stored: list[StoredArticle]
    rejected: list[RejectedRecord]


RECORDS_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        name: {"type": "string"}
                        for name in ("id", "text", "html", "published", "url", "title")
                    },
                },
            }
        },
        "application/x-ndjson": {"schema": {"type": "string", "description": "JSONL records"}},
    },
}
