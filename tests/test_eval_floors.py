"""The quality gate: each scorer's figures stay at or above the floors in eval/baseline.json."""

from __future__ import annotations

import importlib
import json

import pytest

from tests.conftest import EVAL_DIR, ROOT

FLOORS: dict[str, dict[str, float]] = json.loads((ROOT / "eval" / "baseline.json").read_text())


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_scorer_meets_its_floors(name: str) -> None:
    module = importlib.import_module(f"eval.{name}")
    if not EVAL_DIR.exists() and not getattr(module, "GOLD_IN_REPO", False):
        pytest.skip(f"{EVAL_DIR} is absent: the quality floors are checked where the gold data is")
    figures = module.score(write=False)
    low = {
        key: (figures.get(key), floor)
        for key, floor in FLOORS[name].items()
        if figures.get(key, 0.0) < floor
    }
    assert not low, f"{name} below its floors (figure, floor): {low}"


def test_the_hand_check_sample_is_kept_events_and_repeatable() -> None:
    """``eval.sample_events`` draws kept events from the benchmark pages, the same for a seed."""
    if not EVAL_DIR.exists():
        pytest.skip(f"{EVAL_DIR} is absent: there are no pages to sample")
    from eval.sample_events import describe, sample

    first, again = sample(count=4, seed=3), sample(count=4, seed=3)
    assert len(first) == 4 and all(e.dropped is None for e in first)
    assert [describe(i, e) for i, e in enumerate(first)] == [
        describe(i, e) for i, e in enumerate(again)
    ]
    assert all(e.evidence.trigger in describe(0, e) for e in first)
