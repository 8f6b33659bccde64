"""Story threads: clusters of one pair of participants and one topic, over time.

A cluster's dyads are the unordered pairs of its members' resolved actor and recipient codes
(``IRN–USA``); its topics are those of ``data/across/topics.tsv`` whose cues its evidence
words show, else its type family. Clusters that share a dyad and a topic form a thread,
however far apart in time (the 2019 offer of talks and the 2025 resumption of talks); a thread
has two clusters at least, and a cluster may be in several threads.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from backchannel.across.clusters import Cluster
from backchannel.across.reports import Report, family
from backchannel.datafiles import data_lines


@dataclass(frozen=True, slots=True)
class Thread:
    """A story thread (the ``threads`` row): its dyad, topic and clusters by date."""

    thread_id: str
    dyad: str  # "IRN–USA": the two codes in alphabetical order
    topic: str
    clusters: tuple[str, ...]  # cluster ids, earliest first
    first: str | None  # the first and last dates of its clusters (ISO), None when none has one
    last: str | None
    mentions: int


@lru_cache(maxsize=1)
def topic_cues() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(topic, cue prefixes) from ``data/across/topics.tsv``."""
    rows = []
    for line in data_lines("across", "topics.tsv"):
        topic, cues = line.split("\t")
        rows.append((topic, tuple(cue[:6] for cue in cues.split())))
    return tuple(rows)


def topics(members: list[Report]) -> set[str]:
    words = set().union(*(r.words for r in members))
    found = {t for t, cues in topic_cues() if any(w.startswith(cues) for w in words)}
    return found or {family(members[0].event)}


def dyads(members: list[Report]) -> set[str]:
    actors = set().union(*(r.actors for r in members))
    recipients = set().union(*(r.recipients for r in members))
    return {"–".join(sorted((a, r))) for a in actors for r in recipients if a != r}


def thread_id(dyad: str, topic: str) -> str:
    return "t" + hashlib.blake2b(f"{dyad}|{topic}".encode(), digest_size=8).hexdigest()


def _when(cluster: Cluster) -> str:
    return cluster.date or cluster.first_reported or ""


def threads(groups: list[list[Report]], clusters: list[Cluster]) -> list[Thread]:
    """The threads of ``clusters`` (``groups[i]`` the members of ``clusters[i]``), the ones
    with most clusters first."""
    found: dict[tuple[str, str], list[Cluster]] = defaultdict(list)
    for members, cluster in zip(groups, clusters, strict=True):
        for dyad in dyads(members):
            for topic in topics(members):
                found[(dyad, topic)].append(cluster)
    made = []
    for (dyad, topic), linked in found.items():
        if len(linked) < 2:
            continue
        ordered = sorted(linked, key=lambda c: (_when(c), c.cluster_id))
        dated = [day for c in ordered if (day := c.date or c.first_reported)]
        made.append(Thread(
            thread_id(dyad, topic), dyad, topic, tuple(c.cluster_id for c in ordered),
            min(dated, default=None), max(dated, default=None), sum(c.mentions for c in ordered),
        ))  # fmt: skip
    return sorted(made, key=lambda t: (-len(t.clusters), t.dyad, t.topic))
