"""A cluster: one happening and its reports (GDELT's event and its mentions).

- ``first``: the first report: the member whose article appeared first (ties: ingested
  first), with its publication day and outlet; the cluster's id is a hash of its event id, so
  it stays the same while no earlier report arrives.
- ``canonical``: the member that tells the happening most fully (both sides resolved, dated to
  the day, told most often in its article; ties: the first report); its type, actors and
  recipients are the cluster's.
- ``mentions``: every telling (each member's evidence sentence and its other tellings in its
  article; two events the coder drew from one sentence are one telling),
  ``articles``: the members' articles, ``sources``: their outlets (an article without a URL
  counts as a source of its own).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from backchannel.across.reports import Report


@dataclass(frozen=True, slots=True)
class Cluster:
    """One happening: its canonical event, first report and counts (the ``clusters`` row)."""

    cluster_id: str
    canonical: str  # event id
    event: str
    actors: tuple[str, ...]  # resolved codes of the canonical event's actors
    recipients: tuple[str, ...]
    date: str | None  # a day-exact date of a member, else the canonical's date, else None
    first_event: str
    first_article: str
    first_reported: str | None  # publication day of the first report (ISO)
    first_outlet: str | None
    mentions: int
    sources: int
    articles: tuple[str, ...]  # in the order of their reports
    events: tuple[str, ...]  # member event ids, in report order
    seq: int = 0  # the first report's ingest order (article, event): the order of listings
    position: int = 0


def cluster_id(event_id: str) -> str:
    return "c" + hashlib.blake2b(event_id.encode(), digest_size=8).hexdigest()


def _reported(report: Report) -> tuple[int, int, int]:
    return (report.published or 10**7, report.seq, report.position)


def _fullness(report: Report) -> tuple[int, bool, int]:
    return (bool(report.actors) + bool(report.recipients), report.day_exact, report.tellings)


def _date(members: list[Report], canonical: Report) -> str | None:
    exact = [r.date for r in members if r.day_exact and r.date]
    return min(exact) if exact else canonical.date


def _mentions(members: list[Report]) -> int:
    """Tellings, counting once the events the coder drew from one sentence."""
    tellings: dict[tuple[str, int], int] = {}
    for r in members:
        key = (r.article_id, r.sentence)
        tellings[key] = max(tellings.get(key, 0), r.tellings)
    return sum(tellings.values())


def _iso(day: int | None) -> str | None:
    return None if day is None else date.fromordinal(day).isoformat()


def summarise(members: list[Report]) -> Cluster:
    """The cluster of ``members`` (reports of one happening, at least one)."""
    ordered = sorted(members, key=_reported)
    first = ordered[0]
    canonical = max(ordered, key=_fullness)  # max keeps the first of equals
    articles = list(dict.fromkeys(r.article_id for r in ordered))
    outlets = {r.outlet or f"article:{r.article_id}" for r in ordered}
    return Cluster(
        cluster_id=cluster_id(first.event_id),
        canonical=canonical.event_id,
        event=canonical.event,
        actors=tuple(sorted(canonical.actors)),
        recipients=tuple(sorted(canonical.recipients)),
        date=_date(ordered, canonical),
        first_event=first.event_id,
        first_article=first.article_id,
        first_reported=_iso(first.published),
        first_outlet=first.outlet,
        mentions=_mentions(ordered),
        sources=len(outlets),
        articles=tuple(articles),
        events=tuple(r.event_id for r in ordered),
        seq=first.seq,
        position=first.position,
    )
