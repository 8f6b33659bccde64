"""The JSON API of a real ``backchannel serve`` on a free port, called over HTTP."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from backchannel.store import EventFilter
from backchannel.store.shared import CursorStore, open_shared
from tests.web.conftest import Server, start_server, stop_server

Run = Callable[..., tuple[int, str, str]]
ARTICLE_FIELDS = ("url", "title", "outlet", "published")


def all_events(server: Server, **params: Any) -> list[dict[str, Any]]:
    response = server.client.get("/api/events", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next"] is None
    return list(body["events"])


def countries(event: dict[str, Any], roles: tuple[str, ...]) -> set[str]:
    return {
        code
        for role in roles
        for actor in event[role]
        for code in (actor.get("country"), actor.get("home_country"))
        if code
    }


def test_openapi_lists_the_interface(server: Server) -> None:
    spec = server.client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
                 "/api/dyads", "/api/export", "/api/actors", "/api/sources"):  # fmt: skip
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]


def test_docs_page_loads_nothing_from_outside(server: Server) -> None:
    page = server.client.get("/docs")
    assert page.status_code == 200 and "/api/events" in page.text
    assert '<script src="http' not in page.text and '<link rel="stylesheet" href="http' not in (
        page.text
    )
    assert "cdn" not in page.text.lower()


def test_events_carry_their_article(server: Server, demo_db: Path) -> None:
    events = all_events(server)
    assert len(events) > 10
    for event in events:
        assert event["schema"] == "backchannel.event/1"
        assert all(name in event for name in ARTICLE_FIELDS)
    titled = [e for e in events if e["title"]]
    assert titled, "no example article has a title"
    article = server.client.get(f"/api/articles/{titled[0]['article_id']}").json()
    assert titled[0]["title"] == article["title"]
    assert titled[0]["published"] == article["published"]


def test_events_are_those_of_backchannel_events(server: Server, demo_db: Path) -> None:
    """The same filters give the same events, in the same order, as ``backchannel events``
    (``Store.query_events``; read here through a read-only connection beside the server's)."""
    store = CursorStore(open_shared(str(demo_db), writable=False))
    try:
        expected = [e["event_id"] for e in store.query_events(EventFilter(country="IRN"))]
    finally:
        store.close()
    got = all_events(server, country="IRN")
    assert expected and [e["event_id"] for e in got] == expected
    assert all("IRN" in countries(e, ("actor", "recipient", "intermediary")) for e in got)


def test_filters(server: Server) -> None:
    everything = all_events(server)
    kinds = {e["event"] for e in everything}
    assert "SANCTION" in kinds
    sanctions = all_events(server, type="SANCTION")
    assert sanctions and {e["event"] for e in sanctions} == {"SANCTION"}
    assert len(sanctions) == sum(e["event"] == "SANCTION" for e in everything)
    article = everything[0]["article_id"]
    assert {e["article_id"] for e in all_events(server, article=article)} == {article}
    dated = sorted(e["date"]["start"] for e in everything if e["date"]["start"])
    middle = dated[len(dated) // 2][:10]
    later = all_events(server, since=middle)
    assert later and all((e["date"]["start"] or e["published"])[:10] >= middle for e in later)
    earlier = all_events(server, until=middle)
    assert earlier and len(later) + len(earlier) >= len([d for d in dated if len(d) >= 10])
    status = everything[0]["status"]
    assert {e["status"] for e in all_events(server, status=status)} == {status}
    conflict = all_events(server, quad_class=4)
    assert conflict and {e["quad_class"] for e in conflict} == {4}


def test_cursor_pagination_walks_every_event_once(server: Server) -> None:
    expected = [e["event_id"] for e in all_events(server)]
    seen, cursor, pages = [], None, 0
    while True:
        params: dict[str, Any] = {"limit": 7}
        if cursor:
            params["cursor"] = cursor
        body = server.client.get("/api/events", params=params).json()
        assert len(body["events"]) <= 7
        seen += [e["event_id"] for e in body["events"]]
        cursor, pages = body["next"], pages + 1
        if cursor is None:
            break
    assert seen == expected and pages == -(-len(expected) // 7)


def test_page_size_is_capped_and_a_bad_cursor_is_a_client_error(server: Server) -> None:
    assert server.client.get("/api/events", params={"limit": 501}).status_code == 422
    assert server.client.get("/api/events", params={"limit": 0}).status_code == 422
    bad = server.client.get("/api/events", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 400 and "cursor" in bad.json()["detail"]
    assert server.client.get("/api/events", params={"since": "yesterday"}).status_code == 422


def test_one_event_and_one_article(server: Server) -> None:
    event = all_events(server)[0]
    one = server.client.get(f"/api/events/{event['event_id']}")
    assert one.status_code == 200 and one.json() == event
    article = server.client.get(f"/api/articles/{event['article_id']}").json()
    assert article["text"] and article["events"]
    for told in article["events"]:
        evidence = told["evidence"]
        assert article["text"][evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert server.client.get("/api/events/nope").status_code == 404
    assert server.client.get("/api/articles/nope").status_code == 404


def top_dyad(server: Server) -> tuple[str, str]:
    """The countries of the heaviest actor → recipient edge with countries on both ends."""
    graph = server.client.get("/api/network").json()
    nodes = {n["id"]: n["country"] for n in graph["nodes"]}
    for edge in graph["edges"]:
        source, target = nodes[edge["source"]], nodes[edge["target"]]
        if source and target and source != target and "IGO" not in (source, target):
            return source, target
    raise AssertionError("no edge between two countries in the demo")


def test_dyad_series_counts_the_dyads_events(server: Server) -> None:
    actor, recipient = top_dyad(server)
    expected = [
        e
        for e in all_events(server)
        if actor in countries(e, ("actor",))
        and recipient in countries(e, ("recipient",))
        and (e["date"]["start"] or e["published"])
        and len(e["date"]["start"] or e["published"] or "") >= 10
    ]
    params = {"actor": actor, "recipient": recipient, "interval": "day"}
    series = server.client.get("/api/dyads", params=params).json()["series"]
    assert sum(p["events"] for p in series) == len(expected) > 0
    assert all(p["cooperation"] + p["conflict"] == p["events"] for p in series)
    conflict = sum(e["quad_class"] in (3, 4) for e in expected)
    assert sum(p["conflict"] for p in series) == conflict
    weekly = server.client.get("/api/dyads", params={**params, "interval": "week"}).json()
    assert all(date.fromisoformat(p["period"][:10]).weekday() == 0 for p in weekly["series"])
    assert sum(p["events"] for p in weekly["series"]) == len(expected)
    bad = server.client.get("/api/dyads", params={**params, "interval": "hour"})
    assert bad.status_code == 422


def test_actors_and_sources(server: Server, special_server: Server) -> None:
    found = server.client.get("/api/actors", params={"q": "iran"}).json()["actors"]
    assert any(a["name"] == "Iran" and a["country"] == "IRN" for a in found)
    iran = server.client.get("/api/actors/Iran").json()
    assert iran["country"] == "IRN" and sum(iran["roles"].values()) > 0
    assert sum(p["events"] for p in iran["series"]) == sum(iran["roles"].values())
    assert server.client.get("/api/actors/Nobody%20At%20All").status_code == 404
    sources = special_server.client.get("/api/sources").json()["sources"]
    outlets = {s["outlet"]: s for s in sources}
    assert outlets["example-news.org"]["articles"] == 1
    assert outlets["wire.example.com"]["articles"] == 1
    only = all_events(special_server, outlet="example.com")
    assert only and {e["outlet"] for e in only} == {"wire.example.com"}


def test_exports_from_the_api(server: Server, tmp_path: Path) -> None:
    events = all_events(server, country="IRN")
    csv_text = server.client.get("/api/export", params={"format": "csv", "country": "IRN"}).text
    header = csv_text.splitlines()[0].split(",")
    assert header[:2] == ["event_id", "article_id"] and set(ARTICLE_FIELDS) <= set(header)
    parquet = server.client.get("/api/export", params={"format": "parquet", "country": "IRN"})
    assert parquet.status_code == 200
    path = tmp_path / "events.parquet"
    path.write_bytes(parquet.content)
    ids = [r[0] for r in duckdb.sql(f"SELECT event_id FROM read_parquet('{path}')").fetchall()]
    assert ids == [e["event_id"] for e in events]
    lines = server.client.get("/api/export", params={"format": "jsonl", "country": "IRN"}).text
    assert [json.loads(line) for line in lines.splitlines()] == events
    gdelt = server.client.get("/api/export", params={"format": "gdelt", "country": "IRN"}).text
    rows = [line.split("\t") for line in gdelt.splitlines()]
    assert len(rows[0]) == 61 and len(rows) == len(events) + 1
    assert server.client.get("/api/export", params={"format": "xls"}).status_code == 422


def test_page_twins_are_the_same_data(server: Server) -> None:
    event = all_events(server)[0]
    article = f"/articles/{event['article_id']}"
    twin = server.client.get(article + ".json").json()
    assert twin == server.client.get(f"/api/{article.lstrip('/')}").json()
    accepted = server.client.get(article, headers={"Accept": "application/json"})
    assert accepted.headers["content-type"].startswith("application/json")
    assert accepted.json() == twin
    html = server.client.get(article)
    assert html.headers["content-type"].startswith("text/html")
    assert f'id="event-{event["event_id"]}"' in html.text
    index = server.client.get("/index.json").json()
    assert [e["event_id"] for e in index["events"]] == [e["event_id"] for e in all_events(server)][
        :50
    ]
    network = server.client.get("/network.json").json()
    assert network["edges"] == server.client.get("/api/network").json()["edges"]


def test_everything_from_the_store_is_escaped(special_server: Server) -> None:
    for path in ("/articles/markup", "/", "/articles"):
        page = special_server.client.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page, path
        assert "&lt;script&gt;alert(" in page, path
    article = special_server.client.get("/articles/markup").text
    assert "&lt;img src=x onerror=alert(" in article
    assert 'href="https://www.example-news.org/world/talks?ref=&lt;x&gt;"' in article


def test_writes_are_off_without_a_token(server: Server) -> None:
    response = server.client.post("/api/articles", json=[{"id": "x", "text": "Hello."}])
    assert response.status_code == 403 and "BACKCHANNEL_API_TOKEN" in response.json()["detail"]


def test_readers_share_the_file_with_a_read_only_server(server: Server, demo_db: Path, run_cli: Run,
                                                        tmp_path: Path) -> None:  # fmt: skip
    out = tmp_path / "events.jsonl"
    args = ("--db", str(demo_db), "--format", "jsonl", "--output", str(out))
    code, _, err = run_cli("export", *args)
    assert code == 0, err
    assert len(out.read_text().splitlines()) == len(all_events(server))


@pytest.mark.parametrize("path", ["/", "/network", "/dyads", "/articles", "/docs"])
def test_pages_answer(server: Server, path: str) -> None:
    response = server.client.get(path)
    assert response.status_code == 200 and response.text.startswith("<!DOCTYPE html>")


def test_a_long_timeline_is_drawn_per_week_or_month(tmp_path: Path) -> None:
    """The bench's synthetic database (events over five years, built as the bench builds it):
    the timeline picks the finest period that gives at most 120 bars."""
    from bench.api_latency import build

    db = tmp_path / "synthetic.duckdb"
    build(db, 3000)
    running = start_server(db)
    try:
        data = running.client.get("/index.json").json()
        assert data["interval"] in ("week", "month") and 0 < len(data["timeline"]) <= 120
        assert sum(p["events"] for p in data["timeline"]) == 3000
        days = running.client.get("/index.json", params={"interval": "day"}).json()
        assert days["interval"] == "day" and len(days["timeline"]) > 120
        page = running.client.get("/api/events", params={"country": "IRN", "limit": 500})
        with duckdb.connect(str(db), read_only=True) as connection:
            sql = "SELECT count(DISTINCT event_id) FROM event_actors WHERE country = 'IRN'"
            [(expected,)] = connection.execute(sql).fetchall()
        assert page.status_code == 200 and len(page.json()["events"]) == expected > 0
    finally:
        stop_server(running)


def test_events_say_where_they_happened(server: Server) -> None:
    events = all_events(server)
    assert events and all("location" in e for e in events)
    odesa = next(e for e in events if (e["location"] or {}).get("name") == "Odesa")
    assert odesa["event"] == "ASSAULT" and odesa["location"]["basis"] == "sentence"
    assert odesa["location"]["country"] == "UKR" and odesa["location"]["lat"] is not None
    one = server.client.get(f"/api/events/{odesa['event_id']}").json()
    assert one["location"] == odesa["location"]
    dated = [e for e in events if (e["location"] or {}).get("basis") == "dateline"]
    assert dated and all(e["location"]["lat"] is not None for e in dated)  # Kyiv, Brussels...
