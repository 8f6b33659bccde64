from __future__ import annotations

import pytest

from backchannel.errors import ConfigError, PipelineOrderError
from backchannel.pipeline import DEFAULT_STAGES, Pipeline, check_order
from backchannel.records import Article, Rejection
from backchannel.settings import load_settings


def test_default_order_is_valid() -> None:
    check_order(DEFAULT_STAGES)


def test_order_check_catches_a_stage_before_its_needs() -> None:
    reordered = (DEFAULT_STAGES[3], *DEFAULT_STAGES[:3], *DEFAULT_STAGES[4:])
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
