"""Organisations the knowledge base does not know, placed in a sector by their name.

"The Federal Foreign Office" is a government body and "the Ogaden National Liberation Front"
an armed group even when no table lists them: the capitalised last words of the name say so
(``data/actors/organisation_heads.tsv``). The country stays unknown unless the name or the
story gives it.
"""

from __future__ import annotations

import re
from functools import cache

from backchannel.datafiles import data_lines

_WORD = re.compile(r"[A-Z][A-Za-z]+")


@cache
def _heads() -> dict[str, str]:
    rows = [line.split("\t") for line in data_lines("actors", "organisation_heads.tsv")]
    return {word: sector for word, sector in rows[1:]}


def organisation_sector(text: str) -> str | None:
    """The sector a capitalised organisation name's head word tells, or None.

    The head is the last capitalised word before any "of"/"for" phrase ("the Ministry of
    Defence" is a ministry), or the last word ("Immigration and Customs Enforcement").
    """
    named = [w for w in _WORD.findall(text) if w != "The"]
    if len(named) < 2:
        return None  # one capitalised word alone is no organisation's name
    words = _WORD.findall(re.split(r"\s(?:of|for|on)\s", text, maxsplit=1)[0])
    return _heads().get(words[-1]) if words else None
