"""The dashboard's HTML: each page is rendered from the dict its JSON twin returns.

Everything from the store (article text, titles, URLs, names) is HTML-escaped here; the
page's data travels to ``charts.js`` as JSON in a ``<script type="application/json">``
(with ``<``, ``>`` and ``&`` escaped, so no text can close the script).
"""

from __future__ import annotations

import json
from html import escape
from importlib.resources import files
from string import Template
from typing import Any
from urllib.parse import quote, urlencode

from backchannel.web.report import actor_label, date_label, highlighted_text

QUADS = ((1, "verbal cooperation"), (2, "material cooperation"),
         (3, "verbal conflict"), (4, "material conflict"))  # fmt: skip


def script_json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def layout(title: str, body: str, data: Any = None) -> str:
    template = Template((files("backchannel.web") / "templates" / "dashboard.html").read_text())
    return template.substitute(title=escape(title), body=body, data=script_json(data or {}))


def filter_form(values: dict[str, Any], fields: tuple[tuple[str, str], ...], action: str) -> str:
    inputs = "".join(
        f'<label>{escape(label)}<input name="{name}" value="{escape(str(values.get(name) or ""))}"'
        f' data-filter="{name}"></label>'
        for name, label in fields
    )
    return (
        f'<form class="filters" method="get" action="{action}">{inputs}'
        '<button type="submit">filter</button></form>'
    )


def legend() -> str:
    items = "".join(f'<span><i class="q{n}"></i>{escape(text)}</span>' for n, text in QUADS)
    return f'<p class="legend">{items}</p>'


def article_link(event: dict[str, Any]) -> str:
    label = event.get("title") or event["article_id"]
    href = f"/articles/{quote(event['article_id'], safe='')}#event-{quote(event['event_id'])}"
    return f'<a href="{escape(href)}">{escape(str(label))}</a>'


def event_rows(events: list[dict[str, Any]]) -> str:
    rows = []
    for event in events:
        cells = (
            escape(date_label(event)[:10]),
            f'<i class="swatch q{event.get("quad_class")}"></i> {escape(event["event"])}',
            escape(f"{actor_label(event['actor'])} → {actor_label(event['recipient'])}"),
            escape(event["status"]),
            escape(event["evidence"]["sentence"]),
            article_link(event),
        )
        tds = "".join(f"<td>{cell}</td>" for cell in cells)
        rows.append(f'<tr class="event" data-event-id="{escape(event["event_id"])}">{tds}</tr>')
    return "\n".join(rows) or '<tr><td class="empty" colspan="6">no events</td></tr>'


def events_table(events: list[dict[str, Any]]) -> str:
    head = "".join(
        f"<th>{h}</th>" for h in ("date", "type", "actor → recipient", "status", "evidence",
                                  "article")
    )  # fmt: skip
    rows = event_rows(events)
    return f'<table id="events"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


TIMELINE_FIELDS = (
    ("country", "country"), ("actor", "actor"), ("type", "type"), ("status", "status"),
    ("since", "since"), ("until", "until"), ("text", "text"),
)  # fmt: skip


def timeline_page(data: dict[str, Any]) -> str:
    filters = data["filters"]
    pager = ""
    if data["next"]:
        query = urlencode({**{k: v for k, v in filters.items() if v}, "cursor": data["next"]})
        pager = f'<p class="pager"><a id="next" href="/?{escape(query)}">next page</a></p>'
    body = (
        filter_form(filters, TIMELINE_FIELDS, "/")
        + f"<h2>Events per {escape(data['interval'])}</h2>{legend()}"
        + '<svg class="chart" id="timeline-chart" role="img" aria-label="events over time"></svg>'
        + f"<h2>Events</h2>{events_table(data['events'])}{pager}"
    )
    return layout("Timeline", body, {"timeline": data["timeline"]})


def dyads_page(data: dict[str, Any]) -> str:
    form = filter_form(
        data, (("actor", "actor"), ("recipient", "recipient"), ("interval", "interval")), "/dyads"
    )
    rows = (
        "".join(
            f"<tr><td>{escape(str(s['period']))}</td><td>{s['events']}</td><td>{s['cooperation']}"
            f"</td><td>{s['conflict']}</td><td>{s['mean_intensity']}</td></tr>"
            for s in data["series"]
        )
        or '<tr><td class="empty" colspan="5">no events of this dyad</td></tr>'
    )
    body = (
        form
        + f"<h2>{escape(data['actor'])} → {escape(data['recipient'])}: cooperation and conflict"
        '</h2><p class="legend"><span><i class="q2"></i>cooperation (up)</span>'
        '<span><i class="q4"></i>conflict (down)</span></p>'
        '<svg class="chart" id="dyad-chart" role="img" aria-label="dyad series"></svg>'
        '<table id="series"><thead><tr><th>period</th><th>events</th><th>cooperation</th>'
        f"<th>conflict</th><th>mean intensity</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return layout("Dyad", body, {"series": data["series"]})


def network_page(data: dict[str, Any]) -> str:
    form = filter_form(data["filters"], TIMELINE_FIELDS[:6], "/network")
    rows = (
        "".join(
            f'<tr class="edge"><td>{escape(e["source"])}</td><td>{escape(e["target"])}</td>'
            f"<td>{e['events']}</td></tr>"
            for e in data["edges"]
        )
        or '<tr><td class="empty" colspan="3">no actor acts on a recipient here</td></tr>'
    )
    body = (
        form + '<p class="meta">Who acts on whom: an arrow from actor to recipient, its width'
        " the number of events.</p>"
        '<svg class="network" id="network-chart" role="img" aria-label="actor network"></svg>'
        '<h2>Edges</h2><table id="edges"><thead><tr><th>actor</th><th>recipient</th>'
        f"<th>events</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return layout("Actor network", body, {"nodes": data["nodes"], "edges": data["edges"]})


def _chain(event: dict[str, Any]) -> str:
    said = event.get("attribution") or {}
    chain = said.get("chain") or []
    if not chain:
        return escape(str(said.get("kind") or "author"))
    return escape(f"{said.get('kind')}: " + " › ".join(map(str, chain)))


def _where(event: dict[str, Any]) -> str:
    """Where the event happened: "Geneva, CHE" (its title says from where: the sentence or
    the dateline), or an empty cell."""
    place = event.get("location")
    if not place:
        return ""
    name, country = str(place.get("name") or ""), str(place.get("country") or "")
    label = name if name == country or not country else f"{name}, {country}"
    return (
        f'<span class="where" title="{escape(str(place.get("basis")))}: '
        f'{escape(str(place.get("text")))}">{escape(label)}</span>'
    )


def _article_row(number: int, event: dict[str, Any]) -> str:
    status = event["status"] + (" (negated)" if event.get("negated") else "")
    cells = (
        escape(event["event"] + (f" ({event['mode']})" if event.get("mode") else "")),
        escape(f"{actor_label(event['actor'])} → {actor_label(event['recipient'])}"),
        escape(actor_label(event["intermediary"]) if event["intermediary"] else ""),
        escape(date_label(event)),
        _where(event),
        f'<span class="status">{escape(status)}</span>',
        f'<span class="chain">{_chain(event)}</span>',
        f"{event['confidence']:.2f}",
    )
    tds = "".join(f"<td>{cell}</td>" for cell in cells)
    return (
        f'<tr id="event-{escape(event["event_id"])}" data-quad="{event.get("quad_class")}">'
        f"<td>{number}</td>{tds}</tr>"
    )


def article_page(article: dict[str, Any]) -> str:
    events = article["events"]
    rows = "\n".join(_article_row(n, e) for n, e in enumerate(events, start=1))
    url = article.get("url")
    source = f'<a href="{escape(url)}" rel="noopener nofollow">{escape(url)}</a>' if url else ""
    head = "".join(
        f"<th>{h}</th>" for h in ("#", "type", "actor → recipient", "intermediary", "date",
                                  "where", "status", "attribution chain", "confidence")
    )  # fmt: skip
    body = (
        f'<p class="meta">article <code>{escape(article["article_id"])}</code> · published'
        f" {escape(str(article.get('published') or 'date unknown'))} · {len(events)} event(s)"
        f" · {source}</p>"
        f'<section class="article" aria-label="article text">'
        f"{highlighted_text(article['text'], events)}</section>"
        f'<h2>Events</h2><table id="article-events"><thead><tr>{head}</tr></thead><tbody>'
        f"{rows or '<tr><td class=empty colspan=9>no events coded</td></tr>'}</tbody></table>"
    )
    return layout(str(article.get("title") or article["article_id"]), body)


def articles_list_page(data: dict[str, Any]) -> str:
    rows = (
        "".join(
            f'<tr><td><a href="/articles/{escape(quote(a["article_id"], safe=""))}">'
            f"{escape(str(a.get('title') or a['article_id']))}</a></td>"
            f"<td>{escape(str(a.get('outlet') or ''))}</td>"
            f"<td>{escape(str(a.get('published') or ''))}</td><td>{a['events']}</td></tr>"
            for a in data["articles"]
        )
        or '<tr><td class="empty" colspan="4">no articles</td></tr>'
    )
    body = (
        '<table id="articles"><thead><tr><th>title</th><th>outlet</th><th>published</th>'
        f"<th>events</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return layout("Articles", body)


THREAD_FIELDS = (("country", "country"), ("topic", "topic"))


def _thread_row(cluster: dict[str, Any]) -> str:
    href = f"/articles/{quote(cluster['article_id'], safe='')}#event-{quote(cluster['event_id'])}"
    cells = (
        escape(str(cluster["date"] or cluster["first_reported"] or "")),
        escape(cluster["event"]), str(int(cluster["mentions"])), str(int(cluster["sources"])),
        f'<a href="{escape(href)}">{escape(str(cluster["evidence"] or ""))}</a>',
    )  # fmt: skip
    tds = "".join(f"<td>{cell}</td>" for cell in cells)
    return f'<tr class="cluster" data-cluster-id="{escape(cluster["cluster_id"])}">{tds}</tr>'


def _thread(thread: dict[str, Any]) -> str:
    span = f"{thread['first'] or '?'} … {thread['last'] or '?'}"
    head = "".join(f"<th>{h}</th>" for h in ("date", "type", "mentions", "sources", "evidence"))
    rows = "".join(_thread_row(cluster) for cluster in thread["events"])
    return (
        f'<section class="thread" data-thread-id="{escape(thread["thread_id"])}">'
        f"<h2>{escape(thread['dyad'])} · {escape(thread['topic'])}</h2>"
        f'<p class="meta">{thread["clusters"]} clusters, {thread["mentions"]} mentions,'
        f" {escape(span)}</p><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>"
        "</table></section>"
    )


def threads_page(data: dict[str, Any]) -> str:
    """Story threads: each a dyad and a topic, its clusters by date."""
    threads = "".join(_thread(thread) for thread in data["threads"])
    empty = '<p class="empty">no story threads</p>'
    body = filter_form(data["filters"], THREAD_FIELDS, "/threads") + (threads or empty)
    return layout("Story threads", body)
