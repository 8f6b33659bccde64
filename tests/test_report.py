"""The static HTML report: highlighting, escaping, the events table."""

from __future__ import annotations

import re
from pathlib import Path

from backchannel.records import Actor, Article, Document, Event, Evidence
from backchannel.serialise import event_to_dict
from backchannel.store import open_store
from backchannel.web.report import build_report, highlighted_text, highlights, render
from tests.test_store import make_document

TEXT = "Intro line.\nA & B <attacked> C on Monday.\nOutro."


def _event(start: int, end: int, trigger: str, kind: str = "ASSAULT") -> dict[str, object]:
    sentence = TEXT[start:end]
    at = start + sentence.index(trigger)
    evidence = Evidence(sentence, start, end, trigger, at, at + len(trigger))
    event = Event("t", kind, evidence, actor=[Actor("A", "A")], recipient=[Actor("C")])
    return event_to_dict(event)


def test_evidence_is_marked_with_the_trigger_and_escaped() -> None:
    start, end = TEXT.index("A &"), TEXT.index("\nOutro")
    html = highlighted_text(TEXT, [_event(start, end, "<attacked>")])
    assert html.startswith("Intro line.\n<mark data-event-id=")
    assert "A &amp; B <em>&lt;attacked&gt;</em> C on Monday.</mark>\nOutro." in html
    assert "<attacked>" not in html


def test_overlapping_evidence_is_one_mark_with_both_ids() -> None:
    start, end = TEXT.index("A &"), TEXT.index("\nOutro")
    events = [_event(start, end, "<attacked>"), _event(start, end, "Monday", "CONSULT")]
    spans = highlights(events, len(TEXT))
    assert len(spans) == 1 and len(spans[0].event_ids) == 2
    html = highlighted_text(TEXT, events)
    ids = re.search(r'data-event-id="([^"]+)"', html)
    assert ids is not None and ids.group(1).split() == [e["event_id"] for e in events]
    assert html.count("<em>") == 2


def test_render_escapes_the_title_and_lists_events(tmp_path: Path) -> None:
    article = {"article_id": "x", "title": "<script>alert(1)</script>", "text": TEXT}
    start, end = TEXT.index("A &"), TEXT.index("\nOutro")
    page = render(article, [_event(start, end, "<attacked>")])
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<td class="type">ASSAULT</td>' in page and "A → C" in page
    assert "http://" not in page and "https://" not in page  # no external assets


def test_build_report_picks_the_article_with_most_events(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "r.duckdb")) as store:
        store.store_document(Document(Article("quiet", "Nothing happened today at all.")))
        store.store_document(make_document("busy"))
        page = build_report(store)
    assert "article <code>busy</code>" in page and page.count('<tr id="event-') == 2


def test_an_article_without_events_says_so(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "r.duckdb")) as store:
        store.store_document(Document(Article("quiet", "Nothing happened today at all.")))
        page = build_report(store, "quiet")
    assert "no events coded" in page and "<mark" not in page


def test_each_row_links_to_its_sentence_and_the_sentence_names_its_rows() -> None:
    article = {"article_id": "x", "title": "t", "text": TEXT}
    start, end = TEXT.index("A &"), TEXT.index("\nOutro")
    events = [_event(start, end, "<attacked>"), _event(start, end, "Monday", "CONSULT")]
    page = render(article, events)
    assert page.count('<a href="#evidence-1">') == 2  # both rows point at the one sentence
    assert 'id="evidence-1" title="event 1, 2"' in page
