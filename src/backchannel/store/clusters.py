"""Clusters and threads in the store: read the kept events as ``across.Report``s, write what
``across.group`` makes of them, and answer ``events --clusters`` and ``threads``.

``recluster`` recomputes every cluster from the stored events in one transaction (it is what
``backchannel cluster`` runs, and ``ingest`` runs it when it has stored anything): the
clustering is blocked by participant and day, so 100,000 events take seconds. The events of
near-duplicate articles (syndicated copies) are clustered too: they are mentions of the same
happening. The same SQL runs on DuckDB and PostgreSQL.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from typing import Any

from backchannel.across import Grouping, Report, group
from backchannel.across.reports import actor_code, content_words, days, places, stem
from backchannel.store.base import EventFilter
from backchannel.store.duck import DuckDBStore, _plain
from backchannel.store.queries import OUTLET, EventQuery, event_where

CLUSTER_TABLES = ("thread_clusters", "threads", "cluster_events", "clusters")
REPORT_SQL = (
    "SELECT e.event_id, e.article_id, e.event, e.date_start, e.date_end, e.evidence_sentence,"
    " e.evidence_trigger, coalesce(json_array_length(e.evidence_also), 0), a.published,"
    f" {OUTLET}, a.seq, e.position, e.evidence_start,"
    " (e.evidence_start = 0 OR e.evidence_sentence = a.title)"
    " FROM events e JOIN articles a USING (article_id)"
    " WHERE e.dropped IS NULL ORDER BY a.seq, e.position"
)
ACTOR_SQL = (
    "SELECT x.event_id, x.role, x.country, x.name FROM event_actors x"
    " JOIN events e ON e.event_id = x.event_id"
    " WHERE e.dropped IS NULL AND x.role IN ('actor', 'recipient')"
)


def _participants(store: DuckDBStore) -> dict[tuple[str, str], set[str]]:
    """(event id, role) -> the resolved codes of its actors or recipients."""
    codes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event_id, role, country, name in store.connection.execute(ACTOR_SQL).fetchall():
        code = actor_code(country, name)
        if code is not None:
            codes[(event_id, role)].add(code)
    return codes


def _report(row: tuple[Any, ...], codes: dict[tuple[str, str], set[str]]) -> Report | None:
    event_id, article_id, kind, start, end, sentence, trigger, also, published = row[:9]
    outlet, seq, position, offset, headline = row[9:]
    when = days(start, end, published)
    if when is None:
        return None
    return Report(
        event_id=event_id, article_id=article_id, event=kind,
        actors=frozenset(codes.get((event_id, "actor"), ())),
        recipients=frozenset(codes.get((event_id, "recipient"), ())),
        first=when[0], last=when[1], day_exact=when[2],
        published=None if published is None else published.toordinal(),
        words=content_words(sentence or ""), trigger=stem((trigger or "").lower()),
        date=start, tellings=1 + int(also), outlet=outlet, seq=int(seq), position=int(position),
        places=places(sentence or ""), sentence=int(offset or 0), headline=bool(headline),
    )  # fmt: skip


def load_reports(store: DuckDBStore) -> list[Report]:
    """Every kept event with a date or a published article, as a ``Report`` (ingest order);
    an event with neither cannot be placed in time and is not clustered."""
    codes = _participants(store)
    rows = store.connection.execute(REPORT_SQL).fetchall()
    return [r for r in (_report(row, codes) for row in rows) if r is not None]


def _rows(grouping: Grouping, articles: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The rows of the four tables (``articles``: event id -> its article id)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in CLUSTER_TABLES}
    for c in grouping.clusters:
        rows["clusters"].append({
            "cluster_id": c.cluster_id, "canonical_event": c.canonical, "event": c.event,
            "actor_codes": list(c.actors), "recipient_codes": list(c.recipients),
            "date": c.date, "first_event": c.first_event, "first_article": c.first_article,
            "first_reported": c.first_reported, "first_outlet": c.first_outlet,
            "mentions": c.mentions, "sources": c.sources, "articles": len(c.articles),
            "article_ids": list(c.articles), "seq": c.seq, "position": c.position,
        })  # fmt: skip
        rows["cluster_events"] += [
            {"cluster_id": c.cluster_id, "event_id": e, "article_id": articles[e], "position": n}
            for n, e in enumerate(c.events)
        ]
    for t in grouping.threads:
        rows["threads"].append({
            "thread_id": t.thread_id, "dyad": t.dyad, "topic": t.topic, "first_date": t.first,
            "last_date": t.last, "clusters": len(t.clusters), "mentions": t.mentions,
        })  # fmt: skip
        rows["thread_clusters"] += [
            {"thread_id": t.thread_id, "cluster_id": c, "position": n}
            for n, c in enumerate(t.clusters)
        ]
    return rows


def recluster(store: DuckDBStore) -> Grouping:
    """Recompute the clusters and threads of every kept event, in one transaction that also
    reads the events (on PostgreSQL it holds the write lock: a concurrent ingest's events are
    either all read or stored after, and that ingest reclusters them)."""
    with store._transaction():
        reports = load_reports(store)
        grouping = group(reports)
        rows = _rows(grouping, {r.event_id: r.article_id for r in reports})
        for table in CLUSTER_TABLES:
            store.connection.execute(f"DELETE FROM {table}")
        for table in reversed(CLUSTER_TABLES):
            store._insert_rows(table, rows[table])
    return grouping


CLUSTER_COLUMNS = (
    "c.cluster_id, c.event, c.date, c.mentions, c.sources, c.article_ids, c.first_reported,"
    " c.first_outlet, c.canonical_event, e.document"
)


def _labels(actors: list[dict[str, Any]]) -> str | None:
    names = [str(a.get("name") or a.get("text") or "?") for a in actors]
    return " + ".join(names) or None


def cluster_row(row: tuple[Any, ...]) -> dict[str, Any]:
    """A cluster as ``events --clusters`` prints it (the canonical event's actors' names)."""
    cluster_id, kind, day, mentions, sources, articles, first, outlet, canonical, doc = row
    event = json.loads(doc)
    return {
        "cluster_id": cluster_id, "event": kind, "actor": _labels(event["actor"]),
        "recipient": _labels(event["recipient"]), "date": day, "mentions": mentions,
        "sources": sources, "articles": list(articles or []), "first_reported": _plain(first),
        "first_outlet": outlet, "canonical_event": canonical,
    }  # fmt: skip


def cluster_filter(query: EventQuery) -> tuple[str, list[Any]]:
    """``c.cluster_id IN (…)``: the clusters with a member event that ``query`` selects
    (near-duplicates' events count: they are mentions), and its parameters."""
    filters = replace(query.filters, include_duplicates=True, limit=None)
    where, params = event_where(replace(query, filters=filters))
    members = (
        "SELECT ce.cluster_id FROM cluster_events ce JOIN events e ON e.event_id = ce.event_id"
        " JOIN articles a ON a.article_id = e.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
    )
    return f"c.cluster_id IN ({members})", params


def query_clusters(
    store: DuckDBStore, filters: EventFilter | None = None, min_sources: int | None = None
) -> list[dict[str, Any]]:
    """Clusters with a member event that ``filters`` select, reported by ``min_sources``
    sources or more (or ``filters.min_sources``), in the order of their first report."""
    filters = filters or EventFilter()
    if min_sources is not None:
        filters = replace(filters, min_sources=min_sources)
    return clusters_of(store, EventQuery(filters), filters.limit)


def clusters_of(store: DuckDBStore, query: EventQuery, limit: int | None) -> list[dict[str, Any]]:
    """At most ``limit`` clusters with a member event that ``query`` selects (API filters
    too), in the order of their first report."""
    where, params = cluster_filter(query)
    sql = (
        f"SELECT {CLUSTER_COLUMNS} FROM clusters c JOIN events e"
        f" ON e.event_id = c.canonical_event WHERE {where} ORDER BY c.seq, c.position"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [cluster_row(row) for row in store.connection.execute(sql, params).fetchall()]


def one_cluster(store: DuckDBStore, cluster_id: str) -> dict[str, Any] | None:
    """One cluster with ``mentions_list``: its member events' articles and evidence."""
    sql = (
        f"SELECT {CLUSTER_COLUMNS} FROM clusters c JOIN events e"
        " ON e.event_id = c.canonical_event WHERE c.cluster_id = ?"
    )
    row = store.connection.execute(sql, [cluster_id]).fetchone()
    if row is None:
        return None
    return {**cluster_row(row), "reports": cluster_members(store, cluster_id)}


def cluster_members(store: DuckDBStore, cluster_id: str) -> list[dict[str, Any]]:
    """The mentions of one cluster: each member event's id, article, outlet and published."""
    sql = (
        f"SELECT ce.event_id, ce.article_id, {OUTLET}, a.published, a.url, a.title,"
        " e.evidence_sentence FROM cluster_events ce JOIN articles a USING (article_id)"
        " JOIN events e ON e.event_id = ce.event_id WHERE ce.cluster_id = ? ORDER BY ce.position"
    )
    names = ("event_id", "article_id", "outlet", "published", "url", "title", "evidence")
    rows = store.connection.execute(sql, [cluster_id]).fetchall()
    return [dict(zip(names, map(_plain, row), strict=True)) for row in rows]


THREAD_CLUSTERS = (
    "SELECT tc.thread_id, c.cluster_id, c.event, c.date, c.first_reported, c.mentions,"
    " c.sources, e.evidence_sentence, e.article_id, e.event_id FROM thread_clusters tc"
    " JOIN clusters c ON c.cluster_id = tc.cluster_id"
    " JOIN events e ON e.event_id = c.canonical_event ORDER BY tc.thread_id, tc.position"
)


def query_threads(
    store: DuckDBStore, country: str | None = None, topic: str | None = None,
    min_clusters: int = 2,
) -> list[dict[str, Any]]:  # fmt: skip
    """Story threads (most clusters first), each with its clusters by date."""
    where: list[str] = ["t.clusters >= ?"]
    params: list[Any] = [min_clusters]
    if country:
        where.append("(starts_with(t.dyad, ?) OR ends_with(t.dyad, ?))")
        params += [country.upper()] * 2
    if topic:
        where.append("t.topic = ?")
        params.append(topic.lower())
    sql = (
        "SELECT t.thread_id, t.dyad, t.topic, t.first_date, t.last_date, t.clusters, t.mentions"
        f" FROM threads t WHERE {' AND '.join(where)} ORDER BY t.clusters DESC, t.dyad, t.topic"
    )
    names = ("thread_id", "dyad", "topic", "first", "last", "clusters", "mentions")
    threads = [dict(zip(names, row, strict=True)) for row in store.connection.execute(sql, params)
               .fetchall()]  # fmt: skip
    members = _thread_members(store, {t["thread_id"] for t in threads})
    for thread in threads:
        thread["events"] = members.get(thread["thread_id"], [])
    return threads


def _thread_members(store: DuckDBStore, wanted: set[str]) -> dict[str, list[dict[str, Any]]]:
    names = ("cluster_id", "event", "date", "first_reported", "mentions", "sources", "evidence",
             "article_id", "event_id")  # fmt: skip
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not wanted:
        return found
    for row in store.connection.execute(THREAD_CLUSTERS).fetchall():
        if row[0] in wanted:
            found[row[0]].append(dict(zip(names, map(_plain, row[1:]), strict=True)))
    return found
