"""The dashboard in a real browser: Debian's headless Chromium (``/usr/bin/chromium``),
driven by Playwright's Python package (no browser download), against a real server.

The screenshots in ``docs/`` (shown in the README) are taken by these tests:
``make screenshots`` runs them with ``SCREENSHOTS=docs``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import Server

CHROMIUM = Path("/usr/bin/chromium")
DOCS = Path(__file__).resolve().parents[2] / "docs"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium is absent: `apt-get install -y chromium` (.ci/run does)",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that fails the test on a script error, a dialog or a request off the server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    opened.on("dialog", lambda dialog: problems.append(f"dialog: {dialog.message}"))
    opened.on(
        "request",
        lambda request: (
            None
            if request.url.startswith("http://127.0.0.1:")
            else problems.append(f"request off the server: {request.url}")
        ),
    )
    yield opened
    context.close()
    assert not problems, problems


def shot(page: Any, name: str) -> None:
    """A screenshot: into ``docs/`` with ``make screenshots`` (SCREENSHOTS=docs), else into a
    throwaway folder (so a test run leaves the tree as it was)."""
    folder = Path(os.environ.get("SCREENSHOTS") or tempfile.gettempdir())
    if not folder.is_absolute():
        folder = DOCS.parent / folder
    path = folder / name
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000, f"{path} is nearly empty"


def count_events(server: Server, **params: Any) -> int:
    body = server.client.get("/api/events", params={"limit": 500, **params}).json()
    return len(body["events"])


def test_timeline_and_a_filter(page: Any, server: Server) -> None:
    page.goto(server.url + "/")
    assert page.locator("body").get_attribute("data-charts") == "drawn"
    assert page.locator("#timeline-chart rect.bar").count() > 0
    assert page.locator("#events tr.event").count() == min(50, count_events(server))
    shot(page, "dashboard-timeline.png")
    page.fill("input[name=country]", "BLR")
    page.fill("input[name=type]", "SANCTION")
    page.click("form.filters button")
    page.wait_for_url("**/?*country=BLR*")
    rows = page.locator("#events tr.event")
    expected = count_events(server, country="BLR", type="SANCTION")
    assert expected > 0 and rows.count() == expected
    assert all("SANCTION" in text for text in rows.all_inner_texts())
    assert page.locator("input[name=country]").input_value() == "BLR"


def test_network(page: Any, server: Server) -> None:
    graph = server.client.get("/network.json").json()
    page.goto(server.url + "/network")
    assert page.locator("#network-chart g.node").count() == len(graph["nodes"]) > 2
    assert page.locator("#network-chart line.edge").count() == len(graph["edges"])
    heaviest = graph["edges"][0]
    first = page.locator("#edges tr.edge").first.inner_text()
    assert heaviest["source"] in first and heaviest["target"] in first
    labels = page.locator("#network-chart g.node text").all_text_contents()
    assert heaviest["source"] in labels and heaviest["target"] in labels
    shot(page, "dashboard-network.png")


def test_dyad_chart(page: Any, server: Server) -> None:
    page.goto(server.url + "/dyads?actor=EU&recipient=BLR&interval=day")
    series = server.client.get(
        "/api/dyads", params={"actor": "EU", "recipient": "BLR", "interval": "day"}
    ).json()["series"]
    assert series, "the demo has no EU → Belarus events"
    assert page.locator("#series tbody tr").count() == len(series)
    assert page.locator("#dyad-chart rect.conflict").count() == len(series)
    shot(page, "dashboard-dyads.png")


def test_article_view_from_the_timeline(page: Any, server: Server) -> None:
    page.goto(server.url + "/")
    link = page.locator("#events tr.event a").first
    event_id = page.locator("#events tr.event").first.get_attribute("data-event-id")
    link.click()
    page.wait_for_url("**/articles/**")
    row = page.locator(f"#event-{event_id}")
    assert row.is_visible()
    article_id = page.url.split("/articles/")[1].split("#")[0]
    article = server.client.get(f"/api/articles/{article_id}").json()
    marks = page.locator("mark[data-event-id]")
    assert marks.count() > 0
    marked = " ".join(marks.evaluate_all("ms => ms.map(m => m.dataset.eventId)")).split()
    assert set(marked) == {e["event_id"] for e in article["events"]}
    event = next(e for e in article["events"] if e["event_id"] == event_id)
    assert event["status"] in row.inner_text()
    located = [e for e in article["events"] if e["location"]]
    for placed in located:  # where it happened, with the sentence or dateline that says so
        where = page.locator(f"#event-{placed['event_id']} .where")
        assert where.inner_text().startswith(placed["location"]["name"])
        assert placed["location"]["basis"] in str(where.get_attribute("title"))
    chained = [e for e in article["events"] if e["attribution"]["chain"]]
    for told in chained:
        text = page.locator(f"#event-{told['event_id']} .chain").inner_text()
        assert told["attribution"]["chain"][-1] in text
    page.set_viewport_size({"width": 1280, "height": 1100})
    shot(page, "dashboard-article.png")


def test_markup_from_articles_stays_text(page: Any, special_server: Server) -> None:
    page.goto(special_server.url + "/articles/markup")
    assert page.locator("h1").inner_text().startswith("<script>alert('title')</script>")
    assert "<img src=x onerror=alert('text')>" in page.locator(".article").inner_text()
    assert page.locator(".article img").count() == 0 and page.locator("main script").count() == 0
    page.goto(special_server.url + "/")
    assert page.locator("#events a", has_text="<script>").count() > 0


def test_story_threads_and_their_articles(page: Any, server: Server) -> None:
    threads = server.client.get("/threads.json").json()["threads"]
    assert threads, "the demo has no story thread"
    page.goto(server.url + "/threads")
    assert page.locator("section.thread").count() == len(threads)
    first = threads[0]
    rows = page.locator(f'section[data-thread-id="{first["thread_id"]}"] tr.cluster')
    assert rows.count() == len(first["events"]) == first["clusters"]
    page.fill("input[name=topic]", "talks")
    page.click("form.filters button")
    page.wait_for_url("**/threads?*topic=talks*")
    talks = server.client.get("/threads.json", params={"topic": "talks"}).json()["threads"]
    assert page.locator("section.thread").count() == len(talks) > 0
    page.locator("section.thread tr.cluster a").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("tr[id^=event-]").count() > 0
