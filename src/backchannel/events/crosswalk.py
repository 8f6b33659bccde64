"""The CAMEO → PLOVER crosswalk: which PLOVER type and mode a CAMEO code is.

``data/codebook/cameo_plover.tsv`` is built from the PLOVER project's conversion table
(``CAMEO2PLOVER-2021.txt``, P. Schrodt, PLOVER manual draft 0.8) by ``build``; a code not in
it takes its longest listed prefix. CAMEO 01 (public statements) has no PLOVER type; CAMEO
02 (appeals) is a REQUEST, as the PLOVER manual merges appeals and demands.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from backchannel.datafiles import DATA_DIR, data_lines

TABLE = DATA_DIR / "codebook" / "cameo_plover.tsv"
_ROW = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([a-z_-]*)\s*)?")
_HEADER = (
    "# CAMEO code -> PLOVER type and mode. Built by backchannel.events.crosswalk.build from\n"
    "# CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, P. Schrodt, Open Event Data Alliance);\n"
    "# 02 (appeals) added as REQUEST. Do not edit by hand: rebuild.\n"
    "cameo\tevent\tmode\n"
)
_EXTRA = {"02": ("REQUEST", "")}


def build(source: Path, out: Path = TABLE) -> int:
    """Write the crosswalk table from the PLOVER conversion table; the number of rows."""
    rows: dict[str, tuple[str, str]] = dict(_EXTRA)
    for line in source.read_text(encoding="utf-8").splitlines():
        found = _ROW.match(line)
        if found:  # the first row of a code wins ("08" heads both CONCEDE and RETREAT)
            rows.setdefault(found.group(1), (found.group(2), found.group(3) or ""))
    body = "".join(f"{code}\t{event}\t{mode}\n" for code, (event, mode) in sorted(rows.items()))
    out.write_text(_HEADER + body, encoding="utf-8")
    return len(rows)


@cache
def _table() -> dict[str, tuple[str, str | None]]:
    rows = [line.split("\t") for line in data_lines("codebook", "cameo_plover.tsv")[1:]]
    return {row[0]: (row[1], row[2] if len(row) > 2 and row[2] else None) for row in rows}


def plover(cameo: str) -> tuple[str, str | None] | None:
    """(PLOVER type, mode) of a CAMEO code, by its longest listed prefix; None for a
    statement (01) or an unknown code."""
    table = _table()
    for size in range(len(cameo), 1, -1):
        if cameo[:size] in table:
            return table[cameo[:size]]
    return None
