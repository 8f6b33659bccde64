"""Scorers: each module reads a gold set from ../shared/eval and returns its figures.

Every scorer module ``eval/NAME.py`` has ``score() -> dict[str, float]`` and a ``main``
that prints the figures; ``eval/baseline.json`` holds the floors per module name, and
``tests/test_eval_floors.py`` checks them (skipped when ../shared/eval is absent).
"""
