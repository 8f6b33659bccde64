"""Which reports tell the same happening: blocking, pair scores, and constrained merging.

Blocking: a report is filed under one key per resolved participant (``family``, side, code);
within a key, reports are sorted by their first possible day and only those whose days meet
(``TOLERANCE`` days apart at most) are compared. 100,000 events compare in seconds.

A pair is refused outright when the two cannot be one happening: their days do not meet,
both name resolved actors (or recipients) and none is shared, or, for a type told apart by
its place (an attack), their evidence names different cities. Otherwise its score
(0..1) weighs the evidence's shared words, the shared participants, how exactly the dates
agree, the same type and the same trigger; pairs at ``THRESHOLD`` or above are linked, best
first, into clusters whose days all meet (no chaining from day to day) and that hold at most
one sentence of an article besides its headline: the coder has already merged an article's
own tellings, so two of its sentences are two happenings, but the events it drew from one
sentence ("imposed sanctions on Belarus, freezing the assets of 14 officials") and the
headline that sums the story up may be one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from backchannel.across.reports import Report, family, placed, symmetric

TOLERANCE = 1  # days two day-exact dates of one happening may differ by (time zones)
THRESHOLD = 0.5
WEIGHTS = {"words": 0.4, "participants": 0.25, "date": 0.15, "type": 0.1, "trigger": 0.1}
MAX_BLOCK_SPAN = 400  # reports compared at most after one in a key (a safety bound)


def keys(report: Report) -> list[tuple[str, str, str]]:
    """The blocking keys of a report: its family with each resolved participant."""
    kind = family(report.event)
    if symmetric(report.event):
        both = report.actors | report.recipients
        return [(kind, "*", code) for code in sorted(both)] or [(kind, "-", "")]
    found = [(kind, "a", code) for code in sorted(report.actors)]
    found += [(kind, "r", code) for code in sorted(report.recipients)]
    return found or [(kind, "-", "")]


def days_meet(one: Report, other: Report) -> bool:
    return one.first <= other.last + TOLERANCE and other.first <= one.last + TOLERANCE


def candidate_pairs(reports: list[Report]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of reports that share a key and whose days meet, each once."""
    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, report in enumerate(reports):
        for key in keys(report):
            blocks[key].append(index)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        members.sort(key=lambda i: reports[i].first)
        for at, i in enumerate(members):
            for j in members[at + 1 : at + 1 + MAX_BLOCK_SPAN]:
                if reports[j].first > reports[i].last + TOLERANCE:
                    break
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _jaccard(one: frozenset[str], other: frozenset[str]) -> float:
    union = len(one | other)
    return len(one & other) / union if union else 0.0


def _side(one: frozenset[str], other: frozenset[str]) -> float | None:
    """How far two sides agree: None when both are resolved and disjoint (a conflict); 0.5
    when one side is not known."""
    if not one or not other:
        return 0.5
    shared = _jaccard(one, other)
    return shared if shared else None


def participants(one: Report, other: Report) -> float | None:
    """Agreement of actors and recipients (either way round for a symmetric type); None: a
    conflict."""
    if symmetric(one.event) and symmetric(other.event):
        return _side(one.actors | one.recipients, other.actors | other.recipients)
    actors = _side(one.actors, other.actors)
    recipients = _side(one.recipients, other.recipients)
    if actors is None or recipients is None:
        return None
    return (actors + recipients) / 2


def elsewhere(one: Report, other: Report) -> bool:
    """Two reports of a placed type (an attack) that name different cities, none shared."""
    if not (placed(one.event) and one.places and other.places):
        return False
    return not one.places & other.places


def date_agreement(one: Report, other: Report) -> float:
    if one.day_exact and other.day_exact:
        return 1.0
    if one.day_exact or other.day_exact:
        return 0.6
    return 0.4


def score(one: Report, other: Report) -> float | None:
    """How surely two reports tell one happening (0..1); None when they cannot."""
    if family(one.event) != family(other.event) or not days_meet(one, other):
        return None
    shared = participants(one, other)
    if shared is None or elsewhere(one, other):
        return None
    parts = {
        "words": _jaccard(one.words, other.words),
        "participants": shared,
        "date": date_agreement(one, other),
        "type": float(one.event == other.event),
        "trigger": float(bool(one.trigger) and one.trigger == other.trigger),
    }
    return sum(WEIGHTS[name] * value for name, value in parts.items())


def may_share(one: Report, other: Report) -> bool:
    """Whether two reports may be of one happening as far as their articles go: different
    articles, or one sentence of one article, or one of them its headline."""
    if one.article_id != other.article_id:
        return True
    return one.sentence == other.sentence or one.headline or other.headline


@dataclass(slots=True)
class _Group:
    members: list[int]
    sentences: dict[str, set[int]]  # article -> the sentences (not headlines) of members
    first: int  # the latest first day of its members
    last: int  # the earliest last day
    parent: int = -1


def _group(index: int, report: Report) -> _Group:
    sentences = set() if report.headline else {report.sentence}
    return _Group([index], {report.article_id: sentences}, report.first, report.last)


def _root(groups: list[_Group], index: int) -> int:
    while groups[index].parent >= 0:
        index = groups[index].parent
    return index


def _may_merge(one: _Group, other: _Group) -> bool:
    for article in one.sentences.keys() & other.sentences.keys():
        if len(one.sentences[article] | other.sentences[article]) > 1:
            return False
    first, last = max(one.first, other.first), min(one.last, other.last)
    return first <= last + TOLERANCE


def _merge(groups: list[_Group], keep: int, gone: int) -> None:
    into, out = groups[keep], groups[gone]
    into.members += out.members
    for article, sentences in out.sentences.items():
        into.sentences.setdefault(article, set()).update(sentences)
    into.first, into.last = max(into.first, out.first), min(into.last, out.last)
    out.parent = keep


def scored_pairs(
    reports: list[Report], threshold: float = THRESHOLD
) -> list[tuple[float, int, int]]:
    """Candidate pairs scoring ``threshold`` or more, best first (ties in input order)."""
    found = []
    for i, j in candidate_pairs(reports):
        if not may_share(reports[i], reports[j]):
            continue
        value = score(reports[i], reports[j])
        if value is not None and value >= threshold:
            found.append((value, i, j))
    found.sort(key=lambda t: (-t[0], t[1], t[2]))
    return found


def cluster(reports: list[Report], threshold: float = THRESHOLD) -> list[list[Report]]:
    """The reports grouped by happening: each group in input order, groups in the order of
    their first member; a report no other matches is a group of its own."""
    groups = [_group(i, r) for i, r in enumerate(reports)]
    for _, i, j in scored_pairs(reports, threshold):
        one, other = _root(groups, i), _root(groups, j)
        if one != other and _may_merge(groups[one], groups[other]):
            _merge(groups, min(one, other), max(one, other))
    roots = [g for g in groups if g.parent < 0]
    return [[reports[i] for i in sorted(g.members)] for g in roots]


def same_event_pairs(groups: Iterable[list[Report]]) -> set[tuple[str, str]]:
    """Every pair of event ids put in one group (sorted pair), for scoring a clustering."""
    pairs: set[tuple[str, str]] = set()
    for group in groups:
        ids = sorted(r.event_id for r in group)
        pairs.update((a, b) for n, a in enumerate(ids) for b in ids[n + 1 :])
    return pairs
