"""The clusters and threads of the API and the dashboard's JSON twin, on the demo database
(served by a real ``backchannel serve``)."""

from __future__ import annotations

from tests.web.conftest import Server


def test_clusters_list_one_cluster_and_its_reports(server: Server) -> None:
    clusters = server.client.get("/api/clusters", params={"limit": 500}).json()["clusters"]
    shared = [c for c in clusters if c["sources"] >= 2]
    assert shared and len(shared) < len(clusters)
    two = server.client.get("/api/clusters", params={"min_sources": 2, "limit": 500}).json()
    assert two["clusters"] == shared
    one = server.client.get(f"/api/clusters/{shared[0]['cluster_id']}").json()
    assert [r["article_id"] for r in one["reports"]] == shared[0]["articles"]
    assert all(r["evidence"] for r in one["reports"])
    assert server.client.get("/api/clusters/nothing").status_code == 404


def test_events_of_clusters_reported_twice(server: Server) -> None:
    events = server.client.get("/api/events", params={"min_sources": 2, "limit": 500}).json()
    everything = server.client.get("/api/events", params={"limit": 500}).json()
    assert 0 < len(events["events"]) < len(everything["events"])
    assert server.client.get("/api/events", params={"min_sources": 0}).status_code == 422


def test_threads_and_their_page_twin(server: Server) -> None:
    threads = server.client.get("/api/threads").json()["threads"]
    assert threads == server.client.get("/threads.json").json()["threads"]
    talks = server.client.get("/api/threads", params={"topic": "talks", "country": "IRN"})
    assert {t["dyad"] for t in talks.json()["threads"]} >= {"IRN–USA"}
