"""Join the hard line breaks inside sentences of plain text (wire copy, e-mail, PDF text).

A single line break is a space when the line before it does not end a sentence and the
line after it goes on with it: it starts with a lower-case letter (after a full stop too:
"U.S.\\ngovernment"), or, after a comma or an English function word ("via", "the", "of"),
with anything but a list item, a byline or a dateline, or, after a line that ends with
a lower-case word or a comma, with a digit, a currency sign or an opening quote. A blank
line (a paragraph break) is never joined, nor a headline (the first line) to a capitalised
line. Each joined break becomes one space, so the text keeps its other characters.
"""

from __future__ import annotations

import re

from backchannel.clean.dateline import dateline_length
from backchannel.clean.junk import LIST_ITEM, stopwords

# A run of blanks is tried once, from its start (the look-behind), never again from each of
# its blanks: linear in the text, however long the run.
BREAK = re.compile(r"(?<![ \t])[ \t]*\r?\n[ \t]*")
SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
BYLINE = re.compile(r"(?:By|BY|From|FROM)\s")
OPENERS = "\"'“‘$£€("


def _last_word(line: str) -> str:
    words = line.split()
    return words[-1].lower() if words else ""


def _joins(before: str, after: str, first: bool) -> bool:
    """Whether the break between ``before`` and ``after`` is inside a sentence."""
    if not before.strip() or not after or LIST_ITEM.match(after) or dateline_length(after):
        return False
    if after[0].islower():
        return True
    if SENTENCE_END.search(before):
        return False
    if before.endswith(",") or _last_word(before) in stopwords():
        return not BYLINE.match(after)
    lower_end = before[-1].islower() or before.endswith(",")
    return not first and lower_end and (after[0].isdigit() or after[0] in OPENERS)


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def unwrap(text: str) -> str:
    """``text`` with each line break inside a sentence replaced by a space."""
    pieces: list[str] = []
    start, first = 0, True
    for match in BREAK.finditer(text):
        before = text[start : match.start()]
        after = _line_at(text, match.end())
        pieces.append(before)
        joined = _joins(before.strip(), after.strip(), first)
        pieces.append(" " if joined else match.group())
        first = first and not before.strip()
        start = match.end()
    pieces.append(text[start:])
    return "".join(pieces)
