"""The JSON API (``/api/...``): events, articles, actors, dyads, network, sources, exports.

Every handler is a thin call to one query of ``backchannel.store.queries`` on a cursor of
the server's one connection (``reader``); the dashboard's pages call the same queries.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from backchannel.export import FORMATS, MEDIA_TYPES, SUFFIXES, Format, export_events
from backchannel.store import EventFilter, clusters
from backchannel.store import queries as q
from backchannel.store.duck import DuckDBStore
from backchannel.store.shared import store_on
from backchannel.web.models import DyadSeries, EventsPage, Period

MAX_PAGE = 500  # the hard cap of one page
DEFAULT_PAGE = 50
Role = Literal["actor", "recipient", "intermediary"]

router = APIRouter(prefix="/api", tags=["api"])


def reader(request: Request) -> Iterator[DuckDBStore]:
    """A store on its own cursor of the server's connection, for one request."""
    store = store_on(request.app.state.connection)
    try:
        yield store
    finally:
        store.close()


Reader = Annotated[DuckDBStore, Depends(reader)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})")]
Cursor = Annotated[str | None, Query(description="the `next` of the previous page")]


def event_query(
    country: Annotated[str | None, Query(description="a participant's country (ISO-3)")] = None,
    actor: Annotated[str | None, Query(description="a participant's text or name contains")] = None,
    role: Annotated[Role | None, Query(description="restrict actor/country to a role")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type")] = None,
    since: Annotated[date | None, Query(description="event date on or after")] = None,
    until: Annotated[date | None, Query(description="event date on or before")] = None,
    article: Annotated[str | None, Query(description="events of one article")] = None,
    status: Annotated[str | None, Query(description="asserted, reported, planned, …")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1-4")] = None,
    outlet: Annotated[str | None, Query(description="the article URL's host")] = None,
    text: Annotated[str | None, Query(description="evidence or title contains")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    all: Annotated[bool, Query(description="also the events not kept")] = False,
    include_duplicates: bool = False,
    min_sources: Annotated[
        int | None, Query(ge=1, description="events of a cluster reported by this many sources")
    ] = None,
) -> q.EventQuery:
    """The filters of ``backchannel events`` and those the API adds, from the query string."""
    filters = EventFilter(
        actor=actor or None, country=country or None, role=role,
        event=type.upper() if type else None, since=since, until=until,
        article_id=article or None, include_duplicates=include_duplicates,
        include_dropped=all, min_confidence=min_confidence, min_sources=min_sources,
    )  # fmt: skip
    return q.EventQuery(
        filters, status=status or None, quad_class=quad_class, outlet=outlet, text=text
    )


Filters = Annotated[q.EventQuery, Depends(event_query)]


def dyad_query(
    type: Annotated[str | None, Query(description="PLOVER event type")] = None,
    since: Annotated[date | None, Query(description="event date on or after")] = None,
    until: Annotated[date | None, Query(description="event date on or before")] = None,
    status: Annotated[str | None, Query(description="asserted, reported, planned, …")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    all: Annotated[bool, Query(description="also the events not kept")] = False,
) -> q.EventQuery:
    """The filters a dyad's series takes besides its two sides."""
    filters = EventFilter(
        event=type.upper() if type else None, since=since, until=until,
        include_dropped=all, min_confidence=min_confidence,
    )  # fmt: skip
    return q.EventQuery(filters, status=status or None)


def paged(call: Any, *args: Any, **kwargs: Any) -> Any:
    """``call``'s result; a cursor that is not one of ours is a 400, not a 500."""
    try:
        return call(*args, **kwargs)
    except ValueError as err:
        raise HTTPException(status_code=400, detail=str(err)) from err


def found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what}")
    return value


@router.get("/events", summary="events, filtered, a page at a time")
def list_events(
    store: Reader, query: Filters, limit: Limit = DEFAULT_PAGE, cursor: Cursor = None
) -> EventsPage:
    events, after = paged(q.events_page, store, query, limit, cursor)
    return EventsPage(events=events, next=after)


@router.get("/clusters", summary="clusters: one happening and the articles that report it")
def list_clusters(store: Reader, query: Filters, limit: Limit = DEFAULT_PAGE) -> dict[str, Any]:
    """Clusters with a member event the filters select (``min_sources`` counts sources),
    in the order of their first report: ``{"clusters": [CLUSTER, …]}``."""
    return {"clusters": clusters.clusters_of(store, query, limit)}


@router.get("/clusters/{cluster_id}", summary="one cluster with its reports")
def get_cluster(store: Reader, cluster_id: str) -> dict[str, Any]:
    return dict(found(clusters.one_cluster(store, cluster_id), f"cluster {cluster_id!r}"))


@router.get("/threads", summary="story threads: clusters of one dyad and topic over time")
def list_threads(
    store: Reader,
    country: Annotated[str | None, Query(description="a country of the dyad (ISO-3)")] = None,
    topic: Annotated[str | None, Query(description="talks, sanctions, attacks, …")] = None,
    min_clusters: Annotated[int, Query(ge=1)] = 2,
) -> dict[str, Any]:
    return {"threads": store.query_threads(country, topic, min_clusters)}


@router.get("/events/{event_id}", summary="one event, with its article's url and title")
def get_event(store: Reader, event_id: str) -> dict[str, Any]:
    return dict(found(q.one_event(store, event_id), f"event {event_id!r}"))


@router.get("/articles", summary="articles in ingest order, a page at a time")
def list_articles(
    store: Reader,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
    text: Annotated[str | None, Query(description="title or text contains")] = None,
) -> dict[str, Any]:
    articles, after = paged(q.articles_page, store, limit, cursor, text)
    return {"articles": articles, "next": after}


@router.get("/articles/{article_id:path}", summary="one article with its text and its events")
def get_article(store: Reader, article_id: str) -> dict[str, Any]:
    return dict(found(q.article_with_events(store, article_id), f"article {article_id!r}"))


@router.get("/actors", summary="actors whose name, text or country matches")
def list_actors(
    store: Reader,
    q_: Annotated[str | None, Query(alias="q", description="name, text or country")] = None,
    limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    return {"actors": q.actors(store, q_, limit)}


Interval = Annotated[Literal["day", "week", "month"], Query(description="period of the series")]


@router.get("/actors/{name:path}", summary="one actor (resolved name): roles, events over time")
def get_actor(store: Reader, name: str, interval: Interval = "month") -> dict[str, Any]:
    return dict(found(q.actor_detail(store, name, interval), f"actor {name!r}"))


@router.get("/dyads", summary="events of an actor on a recipient per period")
def dyads(
    store: Reader,
    query: Annotated[q.EventQuery, Depends(dyad_query)],
    actor: Annotated[str, Query(min_length=1, description="country code or name")],
    recipient: Annotated[str, Query(min_length=1, description="country code or name")],
    interval: Interval = "month",
) -> DyadSeries:
    series = [Period(**p) for p in q.dyad_series(store, actor, recipient, interval, query)]
    return DyadSeries(actor=actor, recipient=recipient, interval=interval, series=series)


@router.get("/network", summary="who acts on whom: edges weighted by events")
def get_network(
    store: Reader, query: Filters, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 60
) -> dict[str, Any]:
    return q.network(store, query, limit)


@router.get("/sources", summary="articles and events per outlet")
def get_sources(store: Reader) -> dict[str, Any]:
    return {"sources": q.sources(store)}


@router.get("/export", summary="the filtered events as a file", response_class=FileResponse)
def export(
    store: Reader,
    query: Filters,
    format: Annotated[Format, Query(description=", ".join(FORMATS))],
) -> FileResponse:
    handle, name = tempfile.mkstemp(prefix="backchannel-export-", suffix=SUFFIXES[format])
    os.close(handle)
    path = Path(name)
    export_events(store, query, format, path)
    return FileResponse(
        path,
        media_type=MEDIA_TYPES[format],
        filename=f"events{SUFFIXES[format]}",
        background=BackgroundTask(path.unlink, missing_ok=True),
    )
