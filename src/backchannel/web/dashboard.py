"""The dashboard's pages; each has a JSON twin, as datasette's do: the same URL with
``.json`` (``/index.json`` for ``/``) or the header ``Accept: application/json``. A page and
its twin come from the same call to ``backchannel.store.queries``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from backchannel.store import EventFilter
from backchannel.store import queries as q
from backchannel.store.shared import store_on
from backchannel.web import pages

router = APIRouter(include_in_schema=False)
PAGE = 50
INTERVALS: tuple[q.Interval, ...] = ("day", "week", "month")


def wants_json(request: Request, suffix: bool) -> bool:
    accept = request.headers.get("accept", "")
    return suffix or ("application/json" in accept and "text/html" not in accept)


def answer(
    request: Request, suffix: bool, data: dict[str, Any], render: Callable[[Any], str]
) -> Response:
    if wants_json(request, suffix):
        return JSONResponse(data)
    return HTMLResponse(render(data))


def _values(request: Request) -> dict[str, str]:
    """The query string's non-empty values (an empty form field is no filter)."""
    return {k: v.strip() for k, v in request.query_params.items() if v.strip()}


def _day(values: dict[str, str], name: str) -> date | None:
    try:
        return date.fromisoformat(values[name]) if name in values else None
    except ValueError as err:
        raise HTTPException(400, f"{name} is not a date (YYYY-MM-DD): {values[name]!r}") from err


def page_query(values: dict[str, str]) -> q.EventQuery:
    event = values.get("type")
    filters = EventFilter(
        actor=values.get("actor"), country=values.get("country"),
        event=event.upper() if event else None,
        since=_day(values, "since"), until=_day(values, "until"),
    )  # fmt: skip
    return q.EventQuery(filters, status=values.get("status"), text=values.get("text"))


def _with_store(request: Request, call: Callable[..., Any], *args: Any) -> Any:
    store = store_on(request.app.state.connection)
    try:
        return call(store, *args)
    except ValueError as err:
        raise HTTPException(400, str(err)) from err
    finally:
        store.close()


def _interval(values: dict[str, str], default: str) -> Any:
    interval = values.get("interval", default)
    if interval not in INTERVALS:
        raise HTTPException(400, f"interval is one of {', '.join(INTERVALS)}")
    return interval


MAX_BARS = 120  # the timeline's periods: days, else weeks, else months when there are more


def timeline_series(store: Any, query: q.EventQuery, values: dict[str, str]) -> tuple[str, Any]:
    """The timeline per ``interval`` when asked, else per the finest of day, week and month
    that gives at most ``MAX_BARS`` bars."""
    if "interval" in values:
        interval = _interval(values, "day")
        return interval, q.timeline(store, query, interval)
    for interval in INTERVALS:
        series = q.timeline(store, query, interval)
        if len(series) <= MAX_BARS:
            break
    return interval, series


def timeline_data(store: Any, values: dict[str, str]) -> dict[str, Any]:
    query = page_query(values)
    interval, series = timeline_series(store, query, values)
    events, after = q.events_page(store, query, PAGE, values.get("cursor"))
    return {
        "filters": {k: values.get(k) for k, _ in pages.TIMELINE_FIELDS},
        "interval": interval,
        "timeline": series,
        "events": events,
        "next": after,
    }


def busiest_dyad(store: Any) -> tuple[str, str]:
    """The two countries of the heaviest edge between two countries (else USA → IRN)."""
    graph = q.network(store, q.EventQuery(), 200)
    countries = {node["id"]: node["country"] for node in graph["nodes"]}
    for edge in graph["edges"]:
        pair = countries[edge["source"]], countries[edge["target"]]
        if all(pair) and pair[0] != pair[1]:
            return pair
    return "USA", "IRN"


def dyad_data(store: Any, values: dict[str, str]) -> dict[str, Any]:
    actor, recipient = values.get("actor"), values.get("recipient")
    if not actor or not recipient:
        actor, recipient = busiest_dyad(store)
    interval = _interval(values, "month")
    series = q.dyad_series(store, actor, recipient, interval, page_query({}))
    return {"actor": actor, "recipient": recipient, "interval": interval, "series": series}


def network_data(store: Any, values: dict[str, str]) -> dict[str, Any]:
    graph = q.network(store, page_query(values), 60)
    return {"filters": {k: values.get(k) for k, _ in pages.TIMELINE_FIELDS[:6]}, **graph}


def articles_data(store: Any, values: dict[str, str]) -> dict[str, Any]:
    articles, after = q.articles_page(store, 100, values.get("cursor"))
    return {"articles": articles, "next": after}


def threads_data(store: Any, values: dict[str, str]) -> dict[str, Any]:
    """Story threads (a country of the dyad, a topic): ``{"filters", "threads"}``."""
    country, topic = values.get("country") or None, values.get("topic") or None
    threads = store.query_threads(country, topic.lower() if topic else None)
    return {"filters": {"country": country, "topic": topic}, "threads": threads}


def _twin(
    path: str,
    json_path: str,
    data: Callable[[Any, dict[str, str]], dict[str, Any]],
    render: Callable[[Any], str],
) -> None:
    """Register a page and its JSON twin, both answered by one call to ``data``."""

    def respond(request: Request, suffix: bool) -> Response:
        return answer(request, suffix, _with_store(request, data, _values(request)), render)

    def page(request: Request) -> Response:
        return respond(request, False)

    def twin(request: Request) -> Response:
        return respond(request, True)

    router.add_api_route(path, page, methods=["GET"], name=f"{data.__name__}_page")
    router.add_api_route(json_path, twin, methods=["GET"], name=f"{data.__name__}_json")


_twin("/", "/index.json", timeline_data, pages.timeline_page)
_twin("/dyads", "/dyads.json", dyad_data, pages.dyads_page)
_twin("/network", "/network.json", network_data, pages.network_page)
_twin("/articles", "/articles.json", articles_data, pages.articles_list_page)
_twin("/threads", "/threads.json", threads_data, pages.threads_page)


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: str) -> Response:
    """One article; ``/articles/ID.json`` is its twin (an id that itself ends in ``.json``
    is found too)."""
    found = _with_store(request, q.article_with_events, article_id)
    suffix = found is None and article_id.endswith(".json")
    if suffix:
        found = _with_store(request, q.article_with_events, article_id[: -len(".json")])
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return answer(request, suffix, found, pages.article_page)
