"""Grounding: who says so, whether it happened, and when.

- ``find_attributions(text)``: attribution relations (source, cue, content) in a text.
- ``find_dates(text, published)``: time expressions with TimeML-style values.
- ``ground(doc)``: attribution, status, opinion and date for each event of a document.
"""

from __future__ import annotations

from backchannel.grounding.attribution import find_attributions
from backchannel.grounding.dates import find_dates
from backchannel.grounding.ground import ground

__all__ = ["find_attributions", "find_dates", "ground"]
