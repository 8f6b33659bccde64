"""``backchannel events``: stored events, filtered, as a table, JSONL or CSV."""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from backchannel.cli.common import (
    Subparsers,
    add_db_argument,
    add_keep_arguments,
    count,
    iso_date,
    positive,
    write_line,
)
from backchannel.safety import csv_cell, printable
from backchannel.settings import load_settings
from backchannel.store import EventFilter, open_store
from backchannel.store.validation import checked
from backchannel.web.report import actor_label, date_label

ROLES = ("actor", "recipient", "intermediary")
# where the event happened: ``location`` is its name (as in ``backchannel export``)
LOCATION_KEYS = ("name", "country", "admin1", "lat", "lon", "geonames_id", "basis", "text")
LOCATION_COLUMNS = tuple("location" if k == "name" else f"location_{k}" for k in LOCATION_KEYS)
CSV_COLUMNS = (
    "event_id", "article_id", "event", "mode", "cameo", "quad_class", "intensity",
    "actor", "actor_country", "recipient", "recipient_country", "intermediary",
    "intermediary_country", "date_start", "date_end", "date_basis", "status", "negated",
    "attribution_kind", "attribution_source", "trigger", "evidence_start", "evidence_end",
    "evidence", "confidence", "coder", "rule", "dropped", *LOCATION_COLUMNS,
)  # fmt: skip
# The table: (heading, width); the evidence column takes what is left of 100 columns.
TABLE = (("type", 10), ("actor → recipient", 24), ("via", 10), ("date", 10), ("status", 11))
WIDTH = 100


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("events", help="list stored events (table, JSONL or CSV)")
    add_db_argument(parser)
    parser.add_argument("--actor", metavar="TEXT", help="a participant's text or name contains")
    parser.add_argument("--country", metavar="ISO", help="a participant's country (ISO alpha-3)")
    parser.add_argument("--role", choices=ROLES, help="restrict --actor/--country to this role")
    parser.add_argument("--type", dest="event", metavar="PLOVER", help="PLOVER event type")
    parser.add_argument(
        "--since",
        type=iso_date,
        metavar="DATE",
        help="event date on or after (an event with no day-exact date: its publication date)",
    )
    parser.add_argument(
        "--until", type=iso_date, metavar="DATE", help="event date on or before (likewise)"
    )
    parser.add_argument("--article", metavar="ID", help="events of one article")
    parser.add_argument(
        "--include-duplicates", action="store_true", help="include near-duplicate articles"
    )
    add_keep_arguments(parser, "events")
    parser.add_argument(
        "--clusters",
        action="store_true",
        help="one row per cluster (the events of different articles that report one"
        " happening): cluster_id, event, actor, recipient, date, mentions, sources,"
        " articles, first_reported",
    )
    parser.add_argument(
        "--min-sources",
        type=positive,
        metavar="N",
        help="only events (or clusters) reported by N sources or more",
    )
    parser.add_argument("--format", choices=["table", "jsonl", "csv"], default="table")
    parser.add_argument("--limit", type=count, metavar="N", help="at most N events (clusters)")
    parser.set_defaults(run=run)


def filters_from(args: argparse.Namespace) -> EventFilter:
    """The filters of the command line, checked: one that cannot match is a ``BadFilter``."""
    return checked(
        EventFilter(
            actor=args.actor,
            country=args.country,
            role=args.role,
            event=args.event,
            since=args.since,
            until=args.until,
            article_id=args.article,
            include_duplicates=args.include_duplicates,
            include_dropped=args.include_dropped,
            min_confidence=args.min_confidence,
            min_sources=getattr(args, "min_sources", None),
            limit=args.limit,
        )
    )


def _fit(text: str, width: int) -> str:
    text = " ".join(printable(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table_cells(event: dict[str, Any]) -> list[str]:
    status = event["status"] + ("!" if event.get("negated") else "")
    return [
        ("×" if event.get("dropped") else "") + event["event"],
        f"{actor_label(event['actor'])} → {actor_label(event['recipient'])}",
        actor_label(event["intermediary"]) if event["intermediary"] else "",
        date_label(event)[:10],
        status,
        excerpt(event["evidence"]),
    ]


def excerpt(evidence: dict[str, Any], lead: int = 12) -> str:
    """The evidence sentence from a little before its trigger (datelines are skipped)."""
    sentence = " ".join(evidence["sentence"].split())
    at = sentence.find(" ".join((evidence.get("trigger") or "").split()))
    if at <= lead:
        return sentence
    cut = sentence.rfind(" ", 0, at - lead)
    return "…" + sentence[cut + 1 :] if cut >= 0 else sentence


def write_table(events: list[dict[str, Any]]) -> None:
    rest = WIDTH - sum(w + 1 for _, w in TABLE)
    widths = [w for _, w in TABLE] + [rest]
    headings = [h for h, _ in TABLE] + ["evidence"]
    lines = [" ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True)).rstrip()]
    lines.append(" ".join("─" * w for w in widths))
    for event in events:
        cells = [_fit(c, w) for c, w in zip(table_cells(event), widths, strict=True)]
        lines.append(" ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    sys.stdout.write("\n".join(lines) + "\n")
    dropped = sum(1 for event in events if event.get("dropped"))
    print(
        f"{len(events)} event(s)" + (f", {dropped} not kept (×)" if dropped else ""),
        file=sys.stderr,
    )


def _countries(actors: list[dict[str, Any]]) -> str:
    return "+".join(str(a.get("country") or "") for a in actors)


def _names(actors: list[dict[str, Any]]) -> str:
    return actor_label(actors) if actors else ""


def csv_row(event: dict[str, Any]) -> list[Any]:
    said, seen, when = event["attribution"], event["evidence"], event["date"]
    source = said.get("text") or (said.get("source") or {}).get("name")
    return [
        event["event_id"], event["article_id"], event["event"], event["mode"], event["cameo"],
        event["quad_class"], event["intensity"],
        _names(event["actor"]), _countries(event["actor"]),
        _names(event["recipient"]), _countries(event["recipient"]),
        _names(event["intermediary"]), _countries(event["intermediary"]),
        when["start"], when["end"], when["basis"], event["status"], event["negated"],
        said["kind"], source, seen["trigger"], seen["start"], seen["end"], seen["sentence"],
        event["confidence"], event["coder"], event.get("rule"), event.get("dropped"),
        *_location(event.get("location")),
    ]  # fmt: skip


def _location(place: dict[str, Any] | None) -> list[Any]:
    return [None if place is None else place.get(key) for key in LOCATION_KEYS]


def write_csv(events: list[dict[str, Any]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([csv_cell(cell) for cell in csv_row(event)] for event in events)


CLUSTER_COLUMNS = (
    "cluster_id", "event", "actor", "recipient", "date", "mentions", "sources", "articles",
    "first_reported", "first_outlet", "canonical_event",
)  # fmt: skip
CLUSTER_TABLE = (
    ("type", 10), ("actor → recipient", 34), ("date", 10), ("mentions", 8), ("sources", 7),
    ("first", 10), ("first outlet", 16),
)  # fmt: skip


def write_cluster_table(clusters: list[dict[str, Any]]) -> None:
    widths = [w for _, w in CLUSTER_TABLE]
    lines = [" ".join(h.ljust(w) for h, w in CLUSTER_TABLE).rstrip()]
    lines.append(" ".join("─" * w for w in widths))
    for row in clusters:
        cells = [
            row["event"], f"{row['actor'] or '—'} → {row['recipient'] or '—'}",
            row["date"] or "—", str(row["mentions"]), str(row["sources"]),
            row["first_reported"] or "—", row["first_outlet"] or "",
        ]  # fmt: skip
        cells = [_fit(c, w) for c, w in zip(cells, widths, strict=True)]
        lines.append(" ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    sys.stdout.write("\n".join(lines) + "\n")
    mentions = sum(row["mentions"] for row in clusters)
    print(f"{len(clusters)} cluster(s), {mentions} mention(s)", file=sys.stderr)


def write_clusters(clusters: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        for row in clusters:
            write_line(row)
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CLUSTER_COLUMNS)
        for row in clusters:
            values = map(row.get, CLUSTER_COLUMNS)
            cells = (" ".join(v) if isinstance(v, list) else v for v in values)
            writer.writerow([csv_cell(cell) for cell in cells])
    else:
        write_cluster_table(clusters)


def run(args: argparse.Namespace) -> int:
    filters = filters_from(args)
    with open_store(args.db or load_settings().db, create=False, read_only=True) as store:
        if args.clusters:
            write_clusters(store.query_clusters(filters), args.format)
            return 0
        events = store.query_events(filters)
    if args.format == "jsonl":
        for event in events:
            write_line(event)
    elif args.format == "csv":
        write_csv(events)
    else:
        write_table(events)
    return 0
