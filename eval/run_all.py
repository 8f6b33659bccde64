"""`make eval`: run every scorer that has floors in baseline.json and print its figures."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from eval.common import EVAL_DIR, print_figures

BASELINE = Path(__file__).with_name("baseline.json")


def main() -> None:
    floors = json.loads(BASELINE.read_text())
    for name in floors:
        module = importlib.import_module(f"eval.{name}")
        if not EVAL_DIR.exists() and not getattr(module, "GOLD_IN_REPO", False):
            print(f"== {name}: skipped ({EVAL_DIR} is absent)")
            continue
        figures = module.score(write=True)
        print_figures(name, figures)
        for key, floor in floors[name].items():
            mark = "ok " if figures.get(key, 0.0) >= floor else "LOW"
            print(f"  {mark} {key} floor {floor:.3f}")


if __name__ == "__main__":
    main()
