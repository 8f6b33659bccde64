"""``POST /api/articles``: code and store articles sent to the server (only with a token).

The body is a JSON list of records (or one record) or JSONL, each record as
``backchannel code --jsonl`` takes it (``{"id", "text"|"html", "published"?, "url"?,
"title"?}``). A bad record is answered in ``rejected`` (``{"id", "code", "message"}``, the
CLI's one-line error) and stored as a rejection; the others go on. Writes are off unless
``BACKCHANNEL_API_TOKEN`` is set; a missing or wrong bearer token is a 401, a body over the
cap a 413. Articles are coded one request at a time (the store has one writer).
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from backchannel.api import pipeline
from backchannel.errors import StoreError
from backchannel.ingest.readers import read_jsonl
from backchannel.records import Article, Rejection
from backchannel.serialise import event_id
from backchannel.settings import Settings
from backchannel.store.shared import store_on
from backchannel.web.models import RECORDS_BODY, WriteAnswer

DEFAULT_MAX_BODY = 10_000_000  # bytes of one request body
RECORD_ID = re.compile(r"\(id (.*)\)$")

router = APIRouter(prefix="/api", tags=["writes"])


def check_token(request: Request) -> None:
    """401 unless the request carries the server's bearer token; 403 when writes are off."""
    token: str = request.app.state.settings.api_token
    if not token:
        raise HTTPException(403, "writes are off: start the server with BACKCHANNEL_API_TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer TOKEN' header is required",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip


async def read_body(request: Request, cap: int) -> bytes:
    """The body, refused with 413 as soon as it is known to be over ``cap`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise HTTPException(413, f"the body is over the limit of {cap} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > cap:
            raise HTTPException(413, f"the body is over the limit of {cap} bytes")
    return bytes(body)


def body_lines(body: bytes) -> list[bytes]:
    """JSONL lines of the body; a JSON list becomes one line per record."""
    text = body.strip()
    if not text.startswith(b"["):
        return text.splitlines()
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise HTTPException(400, f"the body is not a JSON list: {err}") from err
    return [json.dumps(record).encode() for record in data]


def record_id(record: str) -> str:
    """The record's own id (``request:3 (id a1)`` → ``a1``), else its name."""
    match = RECORD_ID.search(record)
    return match.group(1) if match else record


def code_and_store(
    records: Iterable[Article | Rejection], connection: Any, settings: Settings
) -> dict[str, list[dict[str, Any]]]:
    """Code every record and store it; what was stored and what was refused."""
    stored, rejected = [], []
    store = store_on(connection)
    try:
        for doc in pipeline(settings).run(records):
            outcome = store.store_document(doc)
            if doc.rejection is not None:
                said = doc.rejection
                rejected.append({"id": record_id(said.record), "code": said.code,
                                 "message": said.message})  # fmt: skip
            elif outcome == "rejected":
                rejected.append({"id": doc.article.article_id, "code": StoreError.code,
                                 "message": "not stored (see the rejections table)"})  # fmt: skip
            else:
                new = outcome in ("stored", "duplicate")
                ids = [event_id(event) for event in doc.events] if new else []
                stored.append({"id": doc.article.article_id, "outcome": outcome,
                               "events": ids})  # fmt: skip
        if any(row["events"] for row in stored):
            store.recluster()  # the clusters match the stored events, as after an ingest
    finally:
        store.close()
    return {"stored": stored, "rejected": rejected}


@router.post(
    "/articles",
    summary="code and store articles (JSON list or JSONL; needs the bearer token)",
    responses={
        401: {"description": "no or a wrong token"},
        403: {"description": "writes are off (no BACKCHANNEL_API_TOKEN)"},
        413: {"description": "the body is over the cap"},
    },
    openapi_extra={"requestBody": RECORDS_BODY},
)
async def post_articles(request: Request) -> WriteAnswer:
    check_token(request)
    state = request.app.state
    lines = body_lines(await read_body(request, state.max_body))
    records = read_jsonl(lines, "request", state.settings, None)
    async with state.write_lock:
        answer = await run_in_threadpool(code_and_store, records, state.connection, state.settings)
    return WriteAnswer.model_validate(answer)
