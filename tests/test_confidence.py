"""Calibrated confidence: the shipped model, its probabilities, and its rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.events import confidence
from backchannel.pipeline import Pipeline
from backchannel.records import Article, Event
from backchannel.settings import Settings
from tests.conftest import EVAL_DIR, needs_shared

SENTENCES = [
    "The Russian army attacked Ukrainian troops near Kharkiv on Monday.",
    "The government of France condemned Iran for the missile test.",
    "He left early after they criticised someone who met a friend.",
    "A man who met a woman at the party said it was fun.",
]


def _events() -> list[Event]:
    """Every event the pipeline weighs, kept or not."""
    articles = [Article(f"c{i}", text) for i, text in enumerate(SENTENCES)]
    docs = Pipeline(Settings(min_confidence=0.0)).run(articles)
    return [event for doc in docs for event in [*doc.events, *doc.dropped]]


def _by_trigger(events: list[Event], sentence: int, trigger: str) -> Event:
    text = SENTENCES[sentence]
    return next(e for e in events if e.evidence.sentence == text and e.evidence.trigger == trigger)


def test_the_model_loads_offline_as_plain_weights() -> None:
    model = confidence.load()
    assert model.weights and all(isinstance(w, float) for w in model.weights.values())
    assert "GOV" in model.political_sectors and "asserted" in model.statuses


def test_confidences_are_probabilities() -> None:
    events = _events()
    assert events
    assert all(0.0 <= event.confidence <= 1.0 for event in events)


def test_a_political_main_clause_event_beats_a_bare_subordinate_one() -> None:
    events = _events()
    political = _by_trigger(events, 0, "attacked")
    bare = _by_trigger(events, 2, "met")
    assert political.actor and political.recipient and not bare.actor and not bare.recipient
    assert political.confidence > 0.5 > bare.confidence


def test_the_model_rebuilds_byte_identically(tmp_path: Path) -> None:
    needs_shared(EVAL_DIR)
    pytest.importorskip("sklearn", reason="scikit-learn (a dev dependency) trains the model")
    from eval import calibrate

    rebuilt = tmp_path / "confidence.json"
    calibrate.main(["--output", str(rebuilt)])
    message = "the coder changed since the model was trained: run `make calibrate`"
    assert rebuilt.read_bytes() == confidence.MODEL_PATH.read_bytes(), message
