"""Drop the junk lines of text that was already extracted from a web page.

Each non-blank line is classed as ``junk`` (a pattern from ``data/clean/junk_patterns.txt``,
or a short line repeated in the text), ``prose`` (a paragraph of running text) or ``short``
(a headline, subheading, dateline, one-line quote, menu item, promo line ...). The article
is the largest cluster of prose lines; short lines inside it are kept, and so are a few
headline-like lines just before it and sentence-like lines just after it. Kept lines keep
their exact text and the newlines between them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

WORD = re.compile(r"\w+(?:['’]\w+)*")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
PROSE_WORDS = 12  # a line of at least this many words with enough function words is prose
PROSE_STOPWORDS = 0.2  # share of function words in prose
PROSE_CHARS = 150  # a sentence-like line this long is prose in any language
REPEAT_WORDS = 10  # a line shorter than this that occurs twice is a promo or widget
MAX_GAP = 3  # prose lines with at most this many other lines between them form one cluster
HEAD_LINES = 3  # headline-like lines kept just before the article
MIN_CLUSTER_SHARE = 0.3  # other clusters kept when at least this share of the largest


@cache
def _data(name: str) -> list[str]:
    text = resources.files("backchannel").joinpath("data", "clean", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def junk_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _data("junk_patterns.txt")), re.IGNORECASE)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_data("stopwords_en.txt"))


@dataclass(slots=True)
class Line:
    text: str
    words: list[str]
    kind: str = "short"  # "junk" | "prose" | "short"


def _is_prose(text: str, words: list[str]) -> bool:
    """Running text: enough words with enough function words, or a long sentence-like line
    (any language), or a long unspaced line (Chinese, Japanese)."""
    if len(text) >= PROSE_CHARS and (SENTENCE_END.search(text.strip()) or len(words) < 5):
        return True
    if len(words) < PROSE_WORDS:
        return False
    function_words = sum(1 for word in words if word.lower() in stopwords())
    return function_words / len(words) >= PROSE_STOPWORDS


def _key(line: Line) -> str:
    return " ".join(word.lower() for word in line.words)


def classify(texts: list[str]) -> list[Line]:
    """Each non-blank line with its class."""
    lines = [Line(text, WORD.findall(text)) for text in texts]
    counts = Counter(_key(line) for line in lines if len(line.words) < REPEAT_WORDS)
    for line in lines:
        stripped = line.text.strip()
        repeated = len(line.words) < REPEAT_WORDS and counts[_key(line)] > 1
        if repeated or not line.words or junk_pattern().fullmatch(stripped):
            line.kind = "junk"
        elif _is_prose(stripped, line.words):
            line.kind = "prose"
    return lines


def clusters(lines: list[Line]) -> list[tuple[int, int, int]]:
    """(first, last, characters) of each run of prose lines with small gaps between them."""
    found: list[tuple[int, int, int]] = []
    prose = [i for i, line in enumerate(lines) if line.kind == "prose"]
    for i in prose:
        size = len(lines[i].text)
        if found and i - found[-1][1] - 1 <= MAX_GAP:
            first, _, chars = found[-1]
            found[-1] = (first, i, chars + size)
        else:
            found.append((i, i, size))
    return found


def _headline_like(line: Line) -> bool:
    return line.kind == "short" and len(line.words) >= 2


def _sentence_like(line: Line) -> bool:
    lower = sum(1 for word in line.words if word[0].islower())
    return line.kind == "short" and bool(SENTENCE_END.search(line.text.strip())) and lower > 0


def _keep_span(lines: list[Line], first: int, last: int) -> set[int]:
    keep = {i for i in range(first, last + 1) if lines[i].kind != "junk"}
    i = first - 1
    while i >= 0 and first - i <= HEAD_LINES and _headline_like(lines[i]):
        keep.add(i)
        i -= 1
    i = last + 1
    while i < len(lines) and _sentence_like(lines[i]):
        keep.add(i)
        i += 1
    return keep


def kept_indices(lines: list[Line]) -> set[int]:
    """Indices of the lines that belong to the article."""
    found = clusters(lines)
    if not found:
        return {i for i, line in enumerate(lines) if line.kind != "junk"}
    largest = max(chars for _, _, chars in found)
    keep: set[int] = set()
    for first, last, chars in found:
        if chars >= MIN_CLUSTER_SHARE * largest:
            keep |= _keep_span(lines, first, last)
    return keep


def drop_junk_lines(text: str) -> str:
    """``text`` without its junk lines; kept lines are joined by their original newlines."""
    parts = text.splitlines(keepends=True)
    content = [(i, part) for i, part in enumerate(parts) if part.strip()]
    lines = classify([part.rstrip("\r\n") for _, part in content])
    keep = kept_indices(lines)
    kept = [content[i][0] for i in sorted(keep)]
    return _join(parts, kept)


def _join(parts: list[str], kept: list[int]) -> str:
    """The kept lines with the newlines (blank lines included) that stood between them."""
    pieces: list[str] = []
    for n, index in enumerate(kept):
        line = parts[index]
        if n + 1 < len(kept):
            gap = "".join(p for p in parts[index + 1 : kept[n + 1]] if not p.strip())
            pieces.append(line + gap)
        else:
            pieces.append(line.rstrip("\r\n"))
    return "".join(pieces)
