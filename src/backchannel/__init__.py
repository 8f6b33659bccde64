"""backchannel: who did what to whom, through whom, when, and according to whom.

The Python API (``code``, ``code_document``, ``code_articles``, ``code_as_dicts``) is
imported lazily, so ``import backchannel`` stays cheap until a text is coded.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "code", "code_articles", "code_as_dicts", "code_document"]


def __getattr__(name: str) -> Any:
    if name in {"code", "code_articles", "code_as_dicts", "code_document"}:
        from backchannel import api

        return getattr(api, name)
    raise AttributeError(f"module 'backchannel' has no attribute {name!r}")
