"""``POST /api/articles`` on a real server with the write API on (a bearer token)."""

from __future__ import annotations

import json

from tests.web.conftest import TOKEN, Server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SANCTIONS = {
    "id": "posted-1",
    "text": "The European Union imposed sanctions on Belarus on Tuesday, diplomats said.",
    "published": "2026-05-05",
    "url": "https://news.example.org/posted-1",
    "title": "EU sanctions Belarus",
}


def test_a_token_is_required(writable_server: Server) -> None:
    client = writable_server.client
    assert client.post("/api/articles", json=[SANCTIONS]).status_code == 401
    wrong = client.post("/api/articles", json=[SANCTIONS], headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401
    assert client.get("/api/articles/posted-1").status_code == 404, "stored without a token"


def test_a_body_over_the_cap_is_refused(writable_server: Server) -> None:
    big = [{**SANCTIONS, "text": "Talks went on. " * 2000}]
    response = writable_server.client.post("/api/articles", json=big, headers=AUTH)
    assert response.status_code == 413
    assert writable_server.client.get("/api/articles/posted-1").status_code == 404


def test_records_are_coded_and_stored_and_bad_ones_answered(writable_server: Server) -> None:
    client = writable_server.client
    body = [SANCTIONS, {"id": "no-text", "title": "nothing here"}, {"id": "empty", "text": "  "}]
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert [s["id"] for s in answer["stored"]] == ["posted-1"]
    event_ids = answer["stored"][0]["events"]
    assert event_ids, "the sanctions sentence coded no event"
    assert {r["id"]: r["code"] for r in answer["rejected"]} == {
        "no-text": "BC101",
        "empty": "BC102",
    }
    assert all(r["message"] for r in answer["rejected"])
    event = client.get(f"/api/events/{event_ids[0]}").json()
    assert event["article_id"] == "posted-1" and event["title"] == "EU sanctions Belarus"
    assert event["outlet"] == "news.example.org" and event["published"] == "2026-05-05"
    article = client.get("/api/articles/posted-1").json()
    assert [e["event_id"] for e in article["events"]] == event_ids
    clusters = client.get("/api/clusters", params={"article": "posted-1"}).json()["clusters"]
    assert clusters and all("posted-1" in c["articles"] for c in clusters)  # reclustered


def test_jsonl_bodies_and_malformed_lines(writable_server: Server) -> None:
    lines = [
        json.dumps(
            {**SANCTIONS, "id": "posted-2", "url": None, "text": SANCTIONS["text"] + " Again."}
        ),
        "{not json",
    ]
    headers = {**AUTH, "Content-Type": "application/x-ndjson"}
    response = writable_server.client.post(
        "/api/articles", content="\n".join(lines), headers=headers
    )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert [s["id"] for s in answer["stored"]] == ["posted-2"]
    assert [(r["id"], r["code"]) for r in answer["rejected"]] == [("request:2", "BC101")]
    assert "malformed JSON" in answer["rejected"][0]["message"]


def test_an_id_with_a_slash_is_found(writable_server: Server) -> None:
    record = {**SANCTIONS, "id": "feeds/world/7", "url": "https://news.example.org/7"}
    record["text"] = "Iran accused Israel of sabotage at a nuclear site on Sunday."
    answer = writable_server.client.post("/api/articles", json=[record], headers=AUTH).json()
    assert [s["id"] for s in answer["stored"]] == ["feeds/world/7"]
    article = writable_server.client.get("/api/articles/feeds%2Fworld%2F7")
    assert article.status_code == 200 and article.json()["article_id"] == "feeds/world/7"
    page = writable_server.client.get("/articles/feeds/world/7")
    assert page.status_code == 200 and "feeds/world/7" in page.text
    twin = writable_server.client.get("/articles/feeds/world/7.json").json()
    assert twin["article_id"] == "feeds/world/7"
