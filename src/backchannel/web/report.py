"""A self-contained HTML page for one stored article: its text with each event's evidence
sentence highlighted (``<mark data-event-id>``, the trigger emphasised) and a table of its
events. Everything from the article or the events is HTML-escaped; no external assets.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from importlib.resources import files
from string import Template
from typing import Any

from backchannel.errors import StoreError
from backchannel.store import EventFilter, Store

TEMPLATE = "report.html"


@dataclass(slots=True)
class Highlight:
    """One highlighted stretch of the article: the events whose evidence it is."""

    start: int
    end: int
    event_ids: list[str]
    triggers: list[tuple[int, int]]
    quad: int | None


def actor_label(actors: list[dict[str, Any]]) -> str:
    """``"Iran + Russia"``: each actor's name, or its text when it has none."""
    return " + ".join(str(a.get("name") or a.get("text") or "?") for a in actors) or "—"


def date_label(event: dict[str, Any]) -> str:
    when = event.get("date") or {}
    start, end = when.get("start"), when.get("end")
    if start and end and end != start:
        return f"{start}/{end}"
    return str(start or "—")


def _trigger_span(event: dict[str, Any]) -> tuple[int, int] | None:
    evidence = event["evidence"]
    if evidence.get("trigger_start") is not None and evidence.get("trigger_end") is not None:
        return int(evidence["trigger_start"]), int(evidence["trigger_end"])
    at = evidence["sentence"].find(evidence.get("trigger") or "\x00")
    if at < 0:
        return None
    return evidence["start"] + at, evidence["start"] + at + len(evidence["trigger"])


def highlights(events: list[dict[str, Any]], length: int) -> list[Highlight]:
    """Evidence spans merged where they overlap, in text order, clipped to the text."""
    spans: list[Highlight] = []
    ordered = sorted(events, key=lambda e: (e["evidence"]["start"], e["evidence"]["end"]))
    for event in ordered:
        start, end = max(0, event["evidence"]["start"]), min(length, event["evidence"]["end"])
        if start >= end:
            continue
        trigger = _trigger_span(event)
        if spans and start < spans[-1].end:
            last = spans[-1]
            last.end = max(last.end, end)
        else:
            last = Highlight(start, end, [], [], event.get("quad_class"))
            spans.append(last)
        last.event_ids.append(event["event_id"])
        if trigger is not None:
            last.triggers.append(trigger)
    return spans


def _marked(text: str, span: Highlight, index: int, numbers: dict[str, int]) -> str:
    """The escaped text of ``span`` with its triggers in ``<em>``; ``id="evidence-INDEX"`` is
    what the events table links to, the title names the events' rows."""
    pieces, at = [], span.start
    for start, end in sorted(set(span.triggers)):
        if start < at or end > span.end:
            continue
        pieces.append(escape(text[at:start]) + "<em>" + escape(text[start:end]) + "</em>")
        at = end
    pieces.append(escape(text[at : span.end]))
    ids = escape(" ".join(span.event_ids))
    quad = "" if span.quad is None else f' data-quad="{int(span.quad)}"'
    rows = ", ".join(str(numbers[i]) for i in span.event_ids if i in numbers)
    label = f' id="evidence-{index}" title="event {escape(rows)}"'
    return f'<mark data-event-id="{ids}"{quad}{label}>{"".join(pieces)}</mark>'


def highlighted_text(text: str, events: list[dict[str, Any]]) -> str:
    """The whole article, HTML-escaped, with the evidence sentences marked."""
    numbers = {event["event_id"]: n for n, event in enumerate(events, start=1)}
    out, at = [], 0
    for index, span in enumerate(highlights(events, len(text)), start=1):
        out.append(escape(text[at : span.start]))
        out.append(_marked(text, span, index, numbers))
        at = span.end
    out.append(escape(text[at:]))
    return "".join(out)


def evidence_anchors(events: list[dict[str, Any]], length: int) -> dict[str, int]:
    """Each event's ``evidence-N`` mark (the index of the highlight holding its sentence)."""
    return {
        event_id: index
        for index, span in enumerate(highlights(events, length), start=1)
        for event_id in span.event_ids
    }


def _attribution_label(event: dict[str, Any]) -> str:
    said = event.get("attribution") or {}
    source = said.get("text") or (said.get("source") or {}).get("name")
    return f"{said.get('kind', 'author')}: {source}" if source else str(said.get("kind", "author"))


def event_row(number: int, event: dict[str, Any], anchor: int | None = None) -> str:
    """One table row; its number links to the event's sentence in the text (``anchor``)."""
    cells = [
        event["event"] + (f" ({event['mode']})" if event.get("mode") else ""),
        f"{actor_label(event['actor'])} → {actor_label(event['recipient'])}",
        actor_label(event["intermediary"]),
        date_label(event),
        event["status"] + (" (negated)" if event.get("negated") else ""),
        _attribution_label(event),
        str(event.get("rule") or event.get("coder") or ""),
    ]
    first = str(number) if anchor is None else f'<a href="#evidence-{anchor}">{number}</a>'
    tds = f'<td class="c">{first}</td>' + "".join(
        f'<td class="{"type" if i == 0 else "c"}">{escape(cell)}</td>'
        for i, cell in enumerate(cells)
    )
    quad = event.get("quad_class")
    return f'<tr id="event-{escape(event["event_id"])}" data-quad="{escape(str(quad))}">{tds}</tr>'


def _cluster_item(cluster: dict[str, Any], article_id: str) -> str:
    others = [a for a in cluster["articles"] if a != article_id]
    who = f"{cluster['actor'] or '—'} → {cluster['recipient'] or '—'}"
    return (
        f'<li data-cluster-id="{escape(cluster["cluster_id"])}">{escape(cluster["event"])}'
        f" {escape(who)} ({escape(str(cluster['date'] or 'undated'))}): {cluster['mentions']}"
        f" mentions, {cluster['sources']} sources; first reported"
        f" {escape(str(cluster['first_reported'] or '?'))}; also in {escape(', '.join(others))}"
        "</li>"
    )


def _thread_item(thread: dict[str, Any]) -> str:
    dates = ", ".join(f"{c['date'] or c['first_reported']} {c['event']}" for c in thread["events"])
    return (
        f'<li data-thread-id="{escape(thread["thread_id"])}">{escape(thread["dyad"])} ·'
        f" {escape(thread['topic'])}: {thread['clusters']} clusters ({escape(dates)})</li>"
    )


def across(article_id: str, clusters: list[dict[str, Any]], threads: list[dict[str, Any]]) -> str:
    """The section on other articles: the clusters this article's events share with them and
    the story threads its clusters belong to."""
    shared = [c for c in clusters if len(c["articles"]) > 1]
    ours = {c["cluster_id"] for c in clusters}
    linked = [t for t in threads if ours & {c["cluster_id"] for c in t["events"]}]
    items = "".join(_cluster_item(c, article_id) for c in shared)
    lines = "".join(_thread_item(t) for t in linked)
    none = '<p class="empty">{}</p>'
    return (
        "<h2>Reported elsewhere</h2>"
        + (f'<ul id="clusters">{items}</ul>' if items else none.format("no other article"))
        + "<h2>Story threads</h2>"
        + (f'<ul id="threads">{lines}</ul>' if lines else none.format("no story thread"))
    )


def render(
    article: dict[str, Any], events: list[dict[str, Any]], others: str = ""
) -> str:
    """The report page for ``article`` (a ``Store.get_article`` dict) and its events;
    ``others``: the section on other articles (``across``)."""
    anchors = evidence_anchors(events, len(article["text"]))
    rows = "\n".join(
        event_row(n, e, anchors.get(e["event_id"])) for n, e in enumerate(events, start=1)
    )
    template = Template((files("backchannel.web") / "templates" / TEMPLATE).read_text("utf-8"))
    return template.substitute(
        title=escape(article.get("title") or article["article_id"]),
        article_id=escape(article["article_id"]),
        published=escape(str(article.get("published") or "date unknown")),
        origin=escape(str(article.get("url") or article.get("origin") or "")),
        event_count=len(events),
        text=highlighted_text(article["text"], events),
        rows=rows or '<tr><td class="empty" colspan="8">no events coded</td></tr>',
        across=others,
    )


def build_report(store: Store, article_id: str | None = None) -> str:
    """The report for ``article_id`` (default: the article with the most events)."""
    chosen = article_id or store.busiest_article()
    if chosen is None:
        raise StoreError("the database holds no articles yet: run 'backchannel ingest' first")
    article = store.get_article(chosen)
    if article is None:
        raise StoreError(f"no article {chosen!r} in the database")
    events = store.query_events(EventFilter(article_id=chosen, include_duplicates=True))
    clusters = store.query_clusters(EventFilter(article_id=chosen))
    return render(article, events, across(chosen, clusters, store.query_threads()))
