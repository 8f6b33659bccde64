"""backchannel: who did what to whom, through whom, when, and according to whom."""

from __future__ import annotations

__version__ = "0.1.0"
