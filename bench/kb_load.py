"""Knowledge-base load: seconds and memory of ``load_kb`` with and without the Phoenix tables.

Each variant runs in its own subprocess (a clean process: the peak RSS is its own); the
automaton is built too, as the first article would. Issue #11 asks for under 1 s and under
100 MB added by the knowledge base. Usage:
    .venv/bin/python bench/kb_load.py
"""

from __future__ import annotations

import json
import subprocess
import sys

CHILD = """
import json, resource, time
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from backchannel.actors.kb import load_kb
imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
kb = load_kb(phoenix={phoenix})
kb.automaton
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "added_mb": (after - imported) / 1024,
                  "aliases": len(kb.entries)}}))
"""


def measure(phoenix: bool) -> dict[str, float]:
    code = CHILD.format(phoenix=phoenix)
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return dict(json.loads(output.stdout))


def main() -> None:
    for phoenix in (False, True):
        figures = measure(phoenix)
        label = "with Phoenix" if phoenix else "hand-written only"
        print(
            f"{label:18} load {figures['seconds']:.2f} s  +{figures['added_mb']:.0f} MB"
            f"  {figures['aliases']:.0f} aliases"
        )


if __name__ == "__main__":
    main()
