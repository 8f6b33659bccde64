from __future__ import annotations

import pytest

import backchannel
from backchannel.errors import ConfigError, PipelineOrderError
from backchannel.pipeline import DEFAULT_STAGES, Pipeline, check_order
from backchannel.records import Article, Document, Rejection
from backchannel.settings import load_settings


def test_default_order_is_valid() -> None:
    check_order(DEFAULT_STAGES)


def test_order_check_catches_a_stage_before_its_needs() -> None:
    at = next(i for i, stage in enumerate(DEFAULT_STAGES) if stage.name == "parse")
    reordered = (DEFAULT_STAGES[at], *DEFAULT_STAGES[:at], *DEFAULT_STAGES[at + 1 :])
    with pytest.raises(PipelineOrderError, match="parse"):
        check_order(reordered)


def test_rejections_pass_through_in_order() -> None:
    records = [Article("a", "Russia attacked Kyiv."), Rejection("b", "ingest", "BC102", "no text")]
    docs = list(Pipeline().run(records))
    assert [d.article.article_id for d in docs] == ["a", "b"]
    assert docs[0].rejection is None and docs[0].sentences
    assert docs[1].rejection is not None and docs[1].rejection.code == "BC102"


def test_settings_reject_unknown_keys_and_read_environment() -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings({"max_byte": 3})
    settings = load_settings(environ={"BACKCHANNEL_MAX_BYTES": "42"})
    assert settings.max_bytes == 42
    with pytest.raises(ConfigError, match="unknown setting BACKCHANNEL_BATCHSIZE"):
        load_settings(environ={"BACKCHANNEL_BATCHSIZE": "4"})  # a typo never does nothing
    with pytest.raises(ConfigError, match="positive integer"):
        load_settings(environ={"BACKCHANNEL_BATCH_SIZE": "0"})


def test_a_stage_failing_on_one_document_rejects_only_that_document() -> None:
    from backchannel.pipeline import Stage, per_document

    def explode_on_b(doc: Document, settings: object) -> None:
        if doc.article.article_id == "b":
            raise ValueError("boom")

    failing = Stage(
        "explode", frozenset({"text"}), frozenset(), per_document("explode", explode_on_b)
    )
    stages = (DEFAULT_STAGES[0], failing, *DEFAULT_STAGES[1:])
    docs = list(Pipeline(stages=stages).run([Article(i, "Russia attacked Kyiv.") for i in "abc"]))
    assert [d.rejection is None for d in docs] == [True, False, True]
    rejection = docs[1].rejection
    assert rejection is not None and rejection.stage == "explode" and rejection.code == "BC900"
    assert "boom" in rejection.message


def test_the_api_keeps_by_min_confidence_and_shows_the_rest_on_request() -> None:
    story = "Russia launched a missile attack on Kyiv on Tuesday, Ukrainian officials said."
    kept = backchannel.code(story, published="2025-07-04")
    assert kept and all(e.dropped is None for e in kept)
    assert all(e.confidence >= 1 for e in backchannel.code(story, min_confidence=1.0))
    everything = backchannel.code(story, min_confidence=1.0, include_dropped=True)
    assert len(everything) == len(kept)
    assert any(e.dropped and e.dropped.startswith("confidence ") for e in everything)
