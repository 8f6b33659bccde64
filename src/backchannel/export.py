"""Exports of stored events: Parquet, CSV, JSONL and a GDELT 2.0-style table.

Every exported event carries its article's URL, title, outlet and publication date.
Parquet is written by DuckDB itself (``COPY ... TO``; from PostgreSQL, through an in-memory
DuckDB); CSV and the GDELT table (tab-separated,
with a header row) are written here, each text cell that a spreadsheet would run as a
formula (beginning with ``=``, ``+``, ``-`` or ``@``) prefixed with a single quote; JSONL is
the contract event plus the article fields, as ``GET /api/events`` returns it. The GDELT
mapping is documented in ``docs/export.md``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

import duckdb

from backchannel.errors import StoreError
from backchannel.safety import csv_cell
from backchannel.store.duck import DuckDBStore
from backchannel.store.queries import (
    EVENT_COLUMNS,
    FROM_EVENTS,
    OUTLET,
    WHEN,
    EventQuery,
    event_where,
    with_article,
)
from backchannel.store.schema import TABLES

Format = Literal["parquet", "csv", "jsonl", "gdelt", "gdelt-events", "gdelt-mentions"]
FORMATS: tuple[Format, ...] = ("parquet", "csv", "jsonl", "gdelt", "gdelt-events", "gdelt-mentions")
TSV = "text/tab-separated-values; charset=utf-8"
MEDIA_TYPES = {
    "parquet": "application/vnd.apache.parquet",
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "gdelt": TSV,
    "gdelt-events": TSV,
    "gdelt-mentions": TSV,
}
SUFFIXES = {
    "parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl", "gdelt": ".tsv",
    "gdelt-events": ".tsv", "gdelt-mentions": ".tsv",
}  # fmt: skip
BATCH = 2000


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, made inert with a leading quote
    (one rule for every CSV backchannel writes: ``safety.csv_cell``)."""
    return csv_cell(value)


def _names(role: str) -> str:
    return (
        "(SELECT string_agg(coalesce(x.name, x.text), ' + ' ORDER BY x.position)"
        f" FROM event_actors x WHERE x.event_id = e.event_id AND x.role = '{role}')"
    )


def _countries(role: str) -> str:
    return (
        "(SELECT string_agg(coalesce(x.country, ''), '+' ORDER BY x.position)"
        f" FROM event_actors x WHERE x.event_id = e.event_id AND x.role = '{role}')"
    )


# (column, SQL over e = events, a = articles): the flat table of CSV and Parquet.
FLAT = (
    ("event_id", "e.event_id"), ("article_id", "e.article_id"), ("event", "e.event"),
    ("mode", "e.mode"), ("cameo", "e.cameo"), ("quad_class", "e.quad_class"),
    ("intensity", "e.intensity"),
    ("actor", _names("actor")), ("actor_country", _countries("actor")),
    ("recipient", _names("recipient")), ("recipient_country", _countries("recipient")),
    ("intermediary", _names("intermediary")),
    ("intermediary_country", _countries("intermediary")),
    ("date_start", "e.date_start"), ("date_end", "e.date_end"), ("date_basis", "e.date_basis"),
    ("status", "e.status"), ("negated", "e.negated"), ("attribution_kind", "e.attribution_kind"),
    ("attribution_source",
     "coalesce(e.attribution_text, json_extract_string(e.attribution_source, '$.name'))"),
    ("attribution_chain", "array_to_string(e.attribution_chain, ' > ')"),
    ("trigger", "e.evidence_trigger"), ("evidence_start", "e.evidence_start"),
    ("evidence_end", "e.evidence_end"), ("evidence", "e.evidence_sentence"),
    ("confidence", "e.confidence"), ("coder", "e.coder"), ("rule", "e.rule"),
    ("dropped", "e.dropped"),
    ("location", "e.location_name"), ("location_country", "e.location_country"),
    ("location_admin1", "e.location_admin1"), ("location_lat", "e.location_lat"),
    ("location_lon", "e.location_lon"), ("location_geonames_id", "e.location_geonames_id"),
    ("location_basis", "e.location_basis"), ("location_text", "e.location_text"),
    ("url", "a.url"), ("title", "a.title"), ("outlet", OUTLET), ("published", "a.published"),
)  # fmt: skip


def _actor_columns(n: int, alias: str) -> list[tuple[str, str]]:
    code = f"nullif(concat(coalesce({alias}.country, ''), coalesce({alias}.sector, '')), '')"
    return [
        (f"Actor{n}Code", code), (f"Actor{n}Name", f"upper(coalesce({alias}.name, {alias}.text))"),
        (f"Actor{n}CountryCode", f"{alias}.country"),
        (f"Actor{n}KnownGroupCode",
         f"CASE WHEN {alias}.country IN ('IGO', 'NSA') THEN upper({alias}.name) END"),
        (f"Actor{n}EthnicCode", "NULL"), (f"Actor{n}Religion1Code", "NULL"),
        (f"Actor{n}Religion2Code", "NULL"), (f"Actor{n}Type1Code", f"{alias}.sector"),
        (f"Actor{n}Type2Code", "NULL"), (f"Actor{n}Type3Code", "NULL"),
    ]  # fmt: skip


def _geo_columns(prefix: str) -> list[tuple[str, str]]:
    parts = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    return [(f"{prefix}_{part}", "NULL") for part in parts]


# GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
GEO_TYPE = (
    "CASE WHEN e.location_country IS NULL THEN NULL"
    " WHEN e.location_lat IS NOT NULL"
    " THEN (CASE WHEN e.location_country = 'USA' THEN 3 ELSE 4 END)"
    " WHEN e.location_admin1 IS NOT NULL"
    " THEN (CASE WHEN e.location_country = 'USA' THEN 2 ELSE 5 END)"
    " ELSE 1 END"
)
ACTION_GEO = (
    ("ActionGeo_Type", GEO_TYPE), ("ActionGeo_FullName", "e.location_name"),
    ("ActionGeo_CountryCode", "e.location_country"),
    ("ActionGeo_ADM1Code", "e.location_country || '.' || e.location_admin1"),
    ("ActionGeo_ADM2Code", "NULL"), ("ActionGeo_Lat", "e.location_lat"),
    ("ActionGeo_Long", "e.location_lon"), ("ActionGeo_FeatureID", "e.location_geonames_id"),
)  # fmt: skip


# GDELT 2.0's 61 event columns, each with its counterpart here (NULL where there is none).
GDELT = (
    ("GLOBALEVENTID", "e.event_id"),
    ("SQLDATE", f"strftime({WHEN}, '%Y%m%d')"),
    ("MonthYear", f"strftime({WHEN}, '%Y%m')"),
    ("Year", f"year({WHEN})"),
    ("FractionDate", f"round(year({WHEN}) + (dayofyear({WHEN}) - 1) / 365.0, 4)"),
    *_actor_columns(1, "p"),
    *_actor_columns(2, "r"),
    ("IsRootEvent", "NULL"),
    ("EventCode", "e.cameo"),
    ("EventBaseCode", "left(e.cameo, 3)"),
    ("EventRootCode", "left(e.cameo, 2)"),
    ("QuadClass", "e.quad_class"),
    ("GoldsteinScale", "e.intensity"),
    ("NumMentions", "1 + coalesce(json_array_length(e.evidence_also), 0)"),
    ("NumSources", "1"),
    ("NumArticles", "1"),
    ("AvgTone", "NULL"),
    *_geo_columns("Actor1Geo"),
    *_geo_columns("Actor2Geo"),
    *ACTION_GEO,
    ("DATEADDED", "strftime(a.ingested_at, '%Y%m%d%H%M%S')"),
    ("SOURCEURL", "a.url"),
)
GDELT_JOINS = (
    " LEFT JOIN event_actors p ON p.event_id = e.event_id AND p.role = 'actor'"
    " AND p.position = 0"
    " LEFT JOIN event_actors r ON r.event_id = e.event_id AND r.role = 'recipient'"
    " AND r.position = 0"
)


def _select(
    columns: tuple[tuple[str, str], ...], query: EventQuery, joins: str = ""
) -> tuple[str, list[Any]]:
    where, params = event_where(query)
    select = ", ".join(f'{sql} AS "{name}"' for name, sql in columns)
    sql = f"SELECT {select} {FROM_EVENTS}{joins}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.seq, e.position"
    if query.filters.limit is not None:
        sql += f" LIMIT {int(query.filters.limit)}"
    return sql, params


def _rows(store: DuckDBStore, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
    cursor = store.connection.execute(sql, params)
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _write_table(store: DuckDBStore, query: EventQuery, out: IO[str], gdelt: bool) -> int:
    columns, joins = (GDELT, GDELT_JOINS) if gdelt else (FLAT, "")
    writer = csv.writer(out, delimiter="\t" if gdelt else ",", lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    count = 0
    for row in _rows(store, *_select(columns, query, joins)):
        writer.writerow([neutralise(value) for value in row])
        count += 1
    return count


def _write_jsonl(store: DuckDBStore, query: EventQuery, out: IO[str]) -> int:
    where, params = event_where(query)
    sql = f"SELECT {EVENT_COLUMNS} {FROM_EVENTS}"
    sql += (" WHERE " + " AND ".join(where)) if where else ""
    sql += " ORDER BY a.seq, e.position"
    if query.filters.limit is not None:
        sql += f" LIMIT {int(query.filters.limit)}"
    count = 0
    for row in _rows(store, sql, params):
        event = with_article(row[0], row[1:5], query)
        out.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count


def _write_parquet(store: DuckDBStore, query: EventQuery, path: Path) -> int:
    sql, params = _select(FLAT, query)
    target = str(path).replace("'", "''")
    if not isinstance(store.connection, duckdb.DuckDBPyConnection):
        return _parquet_of_rows(store, sql, params, target)
    store.connection.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet)", params)
    row = store.connection.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()
    return int(row[0]) if row else 0


def _parquet_of_rows(store: DuckDBStore, sql: str, params: list[Any], target: str) -> int:
    """Parquet from another database's rows (PostgreSQL's): written by an in-memory DuckDB
    into a table of the columns DuckDB's own export has."""
    with duckdb.connect() as local:
        for statement in TABLES:
            local.execute(statement)
        empty, _ = _select(FLAT, EventQuery())
        local.execute(f"CREATE TABLE flat AS SELECT * FROM ({empty}) LIMIT 0")
        insert = f"INSERT INTO flat VALUES ({', '.join('?' * len(FLAT))})"
        count = 0
        cursor = store.connection.execute(sql, params)
        while batch := cursor.fetchmany(BATCH):
            local.executemany(insert, [list(row) for row in batch])
            count += len(batch)
        local.execute(f"COPY flat TO '{target}' (FORMAT parquet)")
    return count


def export_events(store: DuckDBStore, query: EventQuery, fmt: Format, path: Path) -> int:
    """Write the events of ``query`` to ``path`` in ``fmt``; returns how many were written
    (rows: events, clusters for ``gdelt-events``, mentions for ``gdelt-mentions``)."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        return _write_parquet(store, query, path)
    with path.open("w", encoding="utf-8", newline="") as out:
        if fmt == "jsonl":
            return _write_jsonl(store, query, out)
        if fmt in ("gdelt-events", "gdelt-mentions"):
            return write_cluster_table(store, query, out, mentions=fmt == "gdelt-mentions")
        return _write_table(store, query, out, gdelt=fmt == "gdelt")


# The GDELT 2.0 events table over clusters: the canonical event's columns, the cluster's date
# (its day-exact date, else its first report's day) and counts, the first report's URL.
CLUSTER_WHEN = "coalesce(try_cast(c.date AS DATE), c.first_reported)"
CLUSTER_OVERRIDES = {
    "GLOBALEVENTID": "c.cluster_id", "NumMentions": "c.mentions", "NumSources": "c.sources",
    "NumArticles": "c.articles", "SOURCEURL": "f.url",
    "DATEADDED": "strftime(f.ingested_at, '%Y%m%d%H%M%S')",
}  # fmt: skip
GDELT_EVENTS = tuple(
    (name, CLUSTER_OVERRIDES.get(name, sql.replace(WHEN, CLUSTER_WHEN))) for name, sql in GDELT
)
CLUSTER_FROM = (
    " FROM clusters c JOIN events e ON e.event_id = c.canonical_event"
    " JOIN articles a ON a.article_id = e.article_id"
    " JOIN articles f ON f.article_id = c.first_article"
)
# The GDELT 2.0 mentions table: one row per clustered event (a report of the happening).
GDELT_MENTIONS = (
    ("GLOBALEVENTID", "c.cluster_id"),
    ("EventTimeDate", f"strftime({CLUSTER_WHEN}, '%Y%m%d') || '000000'"),
    ("MentionTimeDate", "strftime(coalesce(m.published, f.published), '%Y%m%d') || '000000'"),
    ("MentionType", "CASE WHEN m.url IS NULL THEN NULL ELSE 1 END"),
    ("MentionSourceName", OUTLET.replace("a.url", "m.url")),
    ("MentionIdentifier", "coalesce(m.url, m.article_id)"),
    ("SentenceID", "NULL"),
    ("Actor1CharOffset", "NULL"),
    ("Actor2CharOffset", "NULL"),
    ("ActionCharOffset", "x.trigger_start"),
    ("InRawText", "1"),
    # whole per cent, half up, in binary arithmetic on both stores (PostgreSQL's round() goes
    # through numeric: 0.575 * 100 would be 58 there and 57 in DuckDB)
    ("Confidence", "CAST(floor(x.confidence * 100 + 0.5) AS INTEGER)"),
    ("MentionDocLen", "length(m.text)"),
    ("MentionDocTone", "NULL"),
    ("MentionDocTranslationInfo", "NULL"),
    ("Extras", "x.event_id"),
)
MENTIONS_FROM = (
    " JOIN cluster_events ce ON ce.cluster_id = c.cluster_id"
    " JOIN events x ON x.event_id = ce.event_id JOIN articles m ON m.article_id = x.article_id"
)


def cluster_select(query: EventQuery, mentions: bool) -> tuple[str, list[Any]]:
    """The GDELT-style events (one row per cluster) or mentions table of ``query``."""
    from backchannel.store.clusters import cluster_filter

    where, params = cluster_filter(query)
    columns = GDELT_MENTIONS if mentions else GDELT_EVENTS
    select = ", ".join(f'{sql} AS "{name}"' for name, sql in columns)
    joins = CLUSTER_FROM + (MENTIONS_FROM if mentions else GDELT_JOINS)
    order = " ORDER BY c.seq, c.position" + (", ce.position" if mentions else "")
    limit = "" if query.filters.limit is None else f" LIMIT {int(query.filters.limit)}"
    return f"SELECT {select}{joins} WHERE {where}{order}{limit}", params


def write_cluster_table(store: DuckDBStore, query: EventQuery, out: IO[str], mentions: bool) -> int:
    columns = GDELT_MENTIONS if mentions else GDELT_EVENTS
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    count = 0
    for row in _rows(store, *cluster_select(query, mentions)):
        writer.writerow([neutralise(value) for value in row])
        count += 1
    return count
