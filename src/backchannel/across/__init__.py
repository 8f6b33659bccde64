"""Across articles: one happening however many articles report it, and story threads.

Pure functions over ``Report``s (an event as one article tells it): ``linking`` finds the
reports of one happening (blocking by family, participant and day), ``clusters`` summarises
each group (canonical event, first report, mentions, sources, articles), ``threads`` links
clusters of one dyad and topic over time. ``store.clusters`` reads the reports from a store
and writes what ``group`` returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from backchannel.across.clusters import Cluster, summarise
from backchannel.across.linking import THRESHOLD, cluster
from backchannel.across.reports import Report
from backchannel.across.threads import Thread, threads

__all__ = ["Cluster", "Grouping", "Report", "Thread", "group"]


@dataclass(frozen=True, slots=True)
class Grouping:
    """The clusters of a set of reports and the threads that link them."""

    clusters: list[Cluster]
    threads: list[Thread]


def group(reports: list[Report], threshold: float = THRESHOLD) -> Grouping:
    """Cluster ``reports`` and link the clusters into threads."""
    groups = cluster(reports, threshold)
    clusters = [summarise(members) for members in groups]
    return Grouping(clusters, threads(groups, clusters))
