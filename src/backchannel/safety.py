"""Text that is safe to store, print and export: one place for the character rules.

- ``safe_text``: what the pipeline codes holds no control character but newline and tab
  (carriage returns become newlines) and no lone surrogate (it becomes U+FFFD), so escape
  sequences never reach a terminal and every text encodes as UTF-8.
- ``printable``: a name or message for one line of a terminal: control characters and lone
  surrogates are shown as ``\\xNN`` / ``\\udNNN`` escapes.
- ``unsafe_reason``: why an identifier (an id, a URL) cannot be kept as given.
- ``csv_cell``: a cell a spreadsheet will not run as a formula.
"""

from __future__ import annotations

import re
from typing import Any

SURROGATE = re.compile(r"[\ud800-\udfff]")
# C0 controls but tab and newline, DEL, C1 controls; and the bidi overrides that reorder a line
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile(r"\r\n?")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """``text`` without control characters (but newline and tab) and lone surrogates."""
    if text.isascii() and text.isprintable():
        return text
    text = _NEWLINES.sub("\n", text)
    text = SURROGATE.sub("\ufffd", text)
    return CONTROL.sub("", text)


def printable(text: str) -> str:
    """``text`` on one terminal line: every control character and lone surrogate escaped."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def unsafe_reason(value: str) -> str | None:
    """Why ``value`` (an id, a URL) cannot be stored as given, or None."""
    if SURROGATE.search(value):
        return "holds a lone surrogate (not valid Unicode)"
    if _UNPRINTABLE.search(value):
        return "holds a control character"
    return None


def csv_cell(value: Any) -> Any:
    """A text cell starting like a formula (``=``, ``+``, ``-``, ``@``) gets a leading
    apostrophe, so a spreadsheet shows it instead of running it; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
