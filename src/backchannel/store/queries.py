"""Read queries for the HTTP API, the dashboard and the exports (one query per page: a page
and its JSON twin come from the same function).

Events are selected with the filters of ``backchannel events`` (``EventFilter``, the same
clauses as ``DuckDBStore.query_events``) plus status, quad class, outlet and text search, and
paged by a cursor on the ingest order. Every event comes with its article's ``url``,
``title``, ``outlet`` (the URL's host, without ``www.``) and ``published`` date. Where the
rows of one actor disagree (a sector, a country, a KB id), the smallest value is given:
``min`` answers the same on DuckDB and on PostgreSQL, whatever order the rows are read in.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from backchannel.store.base import EventFilter
from backchannel.store.duck import (
    DuckDBStore,
    _judged,
    _kept,
    _participant_filter,
    _plain,
    _sourced,
)

Interval = Literal["day", "week", "month"]
OUTLET = r"nullif(regexp_extract(lower(a.url), '^[a-z][a-z0-9+.-]*://(www\.)?([^/:?#]+)', 2), '')"
WHEN = "coalesce(try_cast(e.date_start AS DATE), a.published)"
FROM_EVENTS = "FROM events e JOIN articles a USING (article_id)"
NAME = "coalesce(x.name, x.text)"


@dataclass(frozen=True, slots=True)
class EventQuery:
    """``EventFilter`` (as ``backchannel events`` has it) and what the API adds."""

    filters: EventFilter = field(default_factory=EventFilter)
    status: str | None = None
    quad_class: int | None = None
    outlet: str | None = None  # the article URL's host is this or ends with ".this"
    text: str | None = None  # the evidence sentence or the title contains this


def encode_cursor(seq: int, position: int) -> str:
    return base64.urlsafe_b64encode(f"{seq}.{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[int, int]:
    """``(seq, position)`` of the last event of the previous page; ValueError when bad."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        seq, position = text.split(".")
        return int(seq), int(position)
    except (binascii.Error, UnicodeDecodeError, ValueError) as err:
        raise ValueError(f"not a cursor of this API: {cursor!r}") from err


def event_where(query: EventQuery) -> tuple[list[str], list[Any]]:
    """The WHERE clauses (over ``e`` events and ``a`` articles) of ``query``."""
    filters = query.filters
    where: list[str] = []
    params: list[Any] = []
    if not filters.include_duplicates:
        where.append("a.duplicate_of IS NULL")
    _kept(filters, where, params)
    exact = (
        ("e.event", filters.event), ("e.article_id", filters.article_id),
        ("e.status", query.status), ("e.quad_class", query.quad_class),
    )  # fmt: skip
    for column, value in exact:
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    _participant_filter(filters, where, params)
    _sourced(filters, where, params)
    for operator, day in ((">=", filters.since), ("<=", filters.until)):
        if day is not None:
            where.append(f"{WHEN} {operator} ?")
            params.append(day)
    if query.outlet:
        where.append(f"({OUTLET} = lower(?) OR ends_with({OUTLET}, '.' || lower(?)))")
        params.extend([query.outlet] * 2)
    if query.text:
        where.append("(contains(lower(e.evidence_sentence), ?) OR contains(lower(a.title), ?))")
        params.extend([query.text.lower()] * 2)
    return where, params


def _sql_where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def with_article(document: str, row: tuple[Any, ...], query: EventQuery) -> dict[str, Any]:
    """The contract event plus its article's ``url``, ``title``, ``outlet``, ``published``."""
    event = _judged(json.loads(document), query.filters.min_confidence)
    url, title, outlet, published = row
    event.update(url=url, title=title, outlet=outlet, published=_plain(published))
    return event


EVENT_COLUMNS = f"e.document, a.url, a.title, {OUTLET}, a.published, a.seq, e.position"


def events_page(
    store: DuckDBStore, query: EventQuery, limit: int, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of events in ingest order and the cursor of the next page (None: the last)."""
    where, params = event_where(query)
    if cursor is not None:
        where.append("(a.seq, e.position) > (?, ?)")
        params.extend(decode_cursor(cursor))
    sql = f"SELECT {EVENT_COLUMNS} {FROM_EVENTS}{_sql_where(where)}"
    sql += " ORDER BY a.seq, e.position LIMIT ?"
    rows = store.connection.execute(sql, [*params, limit + 1]).fetchall()
    events = [with_article(r[0], r[1:5], query) for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return events, None if last is None else encode_cursor(last[5], last[6])


def one_event(store: DuckDBStore, event_id: str) -> dict[str, Any] | None:
    """One event by id (kept or not, from any article), with its article's fields."""
    sql = f"SELECT {EVENT_COLUMNS} {FROM_EVENTS} WHERE e.event_id = ?"
    row = store.connection.execute(sql, [event_id]).fetchone()
    return None if row is None else with_article(row[0], row[1:5], EventQuery())


def article_with_events(store: DuckDBStore, article_id: str) -> dict[str, Any] | None:
    """The article (every stored column, ``outlet`` too) with ``events``: its kept events."""
    article = store.get_article(article_id)
    if article is None:
        return None
    query = EventQuery(EventFilter(article_id=article_id, include_duplicates=True))
    article["skipped"] = json.loads(article["skipped"]) if article.get("skipped") else []
    article["outlet"] = outlet_of(store, article.get("url"))
    article["events"], _ = events_page(store, query, limit=10_000)
    return article


def outlet_of(store: DuckDBStore, url: str | None) -> str | None:
    row = store.connection.execute(f"SELECT {OUTLET} FROM (SELECT ? AS url) a", [url]).fetchone()
    return None if row is None else row[0]


def articles_page(
    store: DuckDBStore, limit: int, cursor: str | None = None, text: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """Articles in ingest order (title, url, outlet, published, kept events)."""
    where: list[str] = []
    params: list[Any] = []
    if cursor is not None:
        where.append("a.seq > ?")
        params.append(decode_cursor(cursor)[0])
    if text:
        where.append("contains(lower(coalesce(a.title, '') || ' ' || a.text), ?)")
        params.append(text.lower())
    sql = (
        f"SELECT a.article_id, a.title, a.url, {OUTLET}, a.published, a.duplicate_of,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.article_id"
        f" AND e.dropped IS NULL), a.seq FROM articles a{_sql_where(where)}"
        " ORDER BY a.seq LIMIT ?"
    )
    rows = store.connection.execute(sql, [*params, limit + 1]).fetchall()
    names = ("article_id", "title", "url", "outlet", "published", "duplicate_of", "events")
    articles = [dict(zip(names, map(_plain, r[:7]), strict=True)) for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return articles, None if last is None else encode_cursor(last[7], 0)


def _actor_match(role: str) -> str:
    """The events with a participant in ``role`` of this country (or home country) or name
    (an IN over the matching rows: steadier than a correlated EXISTS on a busy machine)."""
    return (
        f"e.event_id IN (SELECT x.event_id FROM event_actors x WHERE x.role = '{role}'"
        " AND (x.country = upper(?) OR x.home_country = upper(?) OR lower(x.name) = lower(?)))"
    )


def dyad_series(
    store: DuckDBStore, actor: str, recipient: str, interval: Interval, query: EventQuery
) -> list[dict[str, Any]]:
    """Per period: events of ``actor`` on ``recipient`` (a country code or a name), those of
    cooperation (quad class 1-2) and of conflict (3-4), and their mean intensity."""
    where, params = event_where(query)
    where += [_actor_match("actor"), _actor_match("recipient"), f"{WHEN} IS NOT NULL"]
    params += [actor] * 3 + [recipient] * 3
    unit = {"day": "day", "week": "week", "month": "month"}[interval]
    sql = (
        f"SELECT CAST(date_trunc('{unit}', {WHEN}) AS DATE) AS period, count(*),"
        " count(*) FILTER (WHERE e.quad_class IN (1, 2)),"
        " count(*) FILTER (WHERE e.quad_class IN (3, 4)), avg(e.intensity)"
        f" {FROM_EVENTS}{_sql_where(where)} GROUP BY period ORDER BY period"
    )
    rows = store.connection.execute(sql, params).fetchall()
    return [
        {
            "period": _plain(period), "events": events, "cooperation": cooperation,
            "conflict": conflict, "mean_intensity": None if mean is None else round(mean, 3),
        }
        for period, events, cooperation, conflict, mean in rows
    ]  # fmt: skip


def network(store: DuckDBStore, query: EventQuery, limit: int) -> dict[str, Any]:
    """Who acts on whom: edges actor → recipient (by resolved name), weight = events."""
    where, params = event_where(query)
    sql = (
        "SELECT coalesce(s.name, s.text), coalesce(t.name, t.text),"
        " count(DISTINCT e.event_id) AS weight, avg(e.intensity),"
        " min(s.country), min(t.country)"
        f" {FROM_EVENTS}"
        " JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'actor'"
        " JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'recipient'"
        f"{_sql_where(where)} GROUP BY 1, 2 ORDER BY weight DESC, 1, 2 LIMIT ?"
    )
    rows = store.connection.execute(sql, [*params, limit]).fetchall()
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for source, target, weight, mean, source_country, target_country in rows:
        for name, country in ((source, source_country), (target, target_country)):
            node = nodes.setdefault(name, {"id": name, "country": country, "events": 0})
            node["events"] += weight
        edges.append({"source": source, "target": target, "events": weight, "mean_intensity": mean})
    return {"nodes": list(nodes.values()), "edges": edges}


def actors(store: DuckDBStore, text: str | None, limit: int) -> list[dict[str, Any]]:
    """Actors (by resolved name and country) whose name, text or country matches ``text``,
    with the number of kept events they take part in, most first."""
    where = ["e.dropped IS NULL", "a.duplicate_of IS NULL"]
    params: list[Any] = []
    if text:
        where.append(
            "(contains(lower(x.name), ?) OR contains(lower(x.text), ?) OR x.country = upper(?))"
        )
        params += [text.lower(), text.lower(), text]
    sql = (
        f"SELECT {NAME} AS actor, x.country, min(x.sector), min(x.kb_id),"
        " count(DISTINCT x.event_id) AS n FROM event_actors x"
        f" JOIN events e ON e.event_id = x.event_id JOIN articles a ON a.article_id = e.article_id"
        f"{_sql_where(where)} GROUP BY actor, x.country ORDER BY n DESC, actor, x.country LIMIT ?"
    )
    rows = store.connection.execute(sql, [*params, limit]).fetchall()
    names = ("name", "country", "sector", "kb_id", "events")
    return [dict(zip(names, row, strict=True)) for row in rows]


def actor_detail(store: DuckDBStore, name: str, interval: Interval) -> dict[str, Any] | None:
    """One actor (by resolved name): its roles and its events per period and role."""
    unit = {"day": "day", "week": "week", "month": "month"}[interval]
    sql = (
        f"SELECT CAST(date_trunc('{unit}', {WHEN}) AS DATE) AS period, x.role,"
        " count(DISTINCT e.event_id), min(x.country), min(x.kb_id)"
        f" {FROM_EVENTS} JOIN event_actors x ON x.event_id = e.event_id"
        f" WHERE {NAME} = ? AND e.dropped IS NULL AND a.duplicate_of IS NULL"
        " GROUP BY period, x.role ORDER BY period NULLS FIRST, x.role"
    )
    rows = store.connection.execute(sql, [name]).fetchall()
    if not rows:
        return None
    roles: dict[str, int] = {}
    for _, role, count, _, _ in rows:
        roles[role] = roles.get(role, 0) + count
    series = [
        {"period": _plain(period), "role": role, "events": count}
        for period, role, count, _, _ in rows
    ]
    return {"name": name, "country": rows[0][3], "kb_id": rows[0][4], "roles": roles,
            "series": series}  # fmt: skip


def sources(store: DuckDBStore) -> list[dict[str, Any]]:
    """Per outlet (the article URL's host; null: no URL): articles and kept events."""
    sql = (
        f"SELECT {OUTLET} AS outlet, count(DISTINCT a.article_id), count(e.event_id)"
        " FROM articles a LEFT JOIN events e ON e.article_id = a.article_id"
        " AND e.dropped IS NULL WHERE a.duplicate_of IS NULL"
        " GROUP BY outlet ORDER BY 3 DESC, outlet NULLS LAST"
    )
    rows = store.connection.execute(sql).fetchall()
    return [{"outlet": o, "articles": n, "events": m} for o, n, m in rows]


def timeline(store: DuckDBStore, query: EventQuery, interval: Interval) -> list[dict[str, Any]]:
    """Per period: the events of ``query`` by quad class (``q1``..``q4``; dateless left out)."""
    where, params = event_where(query)
    where.append(f"{WHEN} IS NOT NULL")
    unit = {"day": "day", "week": "week", "month": "month"}[interval]
    counts = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {n})" for n in (1, 2, 3, 4))
    sql = (
        f"SELECT CAST(date_trunc('{unit}', {WHEN}) AS DATE) AS period, count(*), {counts}"
        f" {FROM_EVENTS}{_sql_where(where)} GROUP BY period ORDER BY period"
    )
    rows = store.connection.execute(sql, params).fetchall()
    names = ("events", "q1", "q2", "q3", "q4")
    return [{"period": _plain(row[0]), **dict(zip(names, row[1:], strict=True))} for row in rows]
