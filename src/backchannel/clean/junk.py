"""Drop the junk lines of text that was already extracted from a web page.

Each non-blank line is classed as ``junk`` (a pattern from ``data/clean/junk_patterns.txt``,
or a short line repeated in the text), ``end`` (the header of a comment form or author box,
from ``data/clean/end_patterns.txt``: no block reaches across it), ``prose`` (a paragraph of
running text: it ends a sentence and is wide enough, or long enough with English function
words; a teaser cut short with an ellipsis, or one that opens with a title-case headline
glued to its summary, is not prose), ``table`` (one cell a line in a long run of short lines
with many numbers: a table or stat list) or ``short`` (a headline, subheading, dateline,
one-line quote, menu item, promo line ...). The tests are language-independent except the
function-word and title-case ones. Each line has a value: prose its width (less when no prose
line stands next to it, as in a "related stories" list of teasers between headlines and
bylines), a table nothing (it neither splits an article nor makes one), other lines a cost.
The article is the best-scoring run of lines (maximum subarray), with the runs that score
nearly as well near it; short and table lines inside are kept, and so are a few headline-like
lines just before it (looking past a share counter) and the sentences, clauses broken off at
a comma and list items just after it (with a link or a line without a full stop between two
of them; a sentence in a script without capitals counts). Kept lines keep their exact text
and the newlines between them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from backchannel.datafiles import data_lines

WORD = re.compile(r"\w+(?:['’]\w+)*")
SENTENCE_END = re.compile(r"[.!?…:;。！？।][\"'”’»)\]]*$|[\"”’»]$")
TRUNCATED = re.compile(
    r"\w\s?(?:\.{2,}|…)$"
)  # "... the headphones offer up to 12 hours of list..."
LIST_ITEM = re.compile(r"(?:\(?\d{1,3}[.)]|[•*▪◦·]|[-–—] )\s*\w")  # "1) ...", "• ...", "- ..."
CLAUSE_END = re.compile(r"\w[,、，]$")  # "また、その他にも、", "and, in the end,"
WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
QUOTES = "\"'“”‘’()[]"
ARTICLES = frozenset({"a", "an", "the"})  # may open a sentence after a dateline's dash
TITLE_RUN = 4  # capitalised words that open a title-case headline
DIGIT = re.compile(r"\d")
LETTER = re.compile(r"[^\W\d_]")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
TABLE_LINES = 8  # a run of cell-like lines this long with enough numbers is a table
TABLE_WORDS = 16  # words in a cell at most
TABLE_DIGITS = 0.3  # share of the words of a table that are numbers
TABLE_NUMBERS = 0.25  # share of the lines of a table that are a number alone
SYMBOL_CELL = 3  # characters of a cell without words ("%", "-", "n/a")
PROSE_WORDS = 12  # a sentence-final line this many words long with enough function words
PROSE_STOPWORDS = 0.2  # share of function words in English prose
PROSE_WIDTH = 100  # a sentence-final line this wide is prose in any language
LONG_WIDTH = 600  # ... and a line this wide even without a final full stop
REPEAT_WORDS = 10  # a line shorter than this that occurs twice is a promo or widget
ISOLATED_SHARE = 0.6  # weight of a prose line with no prose line next to it (a teaser)
SHORT_COST = 35  # what a short line between paragraphs costs a block, in characters
JUNK_COST = 80  # what a junk line costs a block
HEAD_LINES = 3  # headline-like lines kept just before the article
HEAD_JUNK = 2  # junk lines looked past for them
TAIL_GAP = 2  # other short lines bridged between sentence-like lines after the article
MIN_BLOCK_SHARE = 0.3  # other blocks kept when they score at least this share of the best
MAX_DISTANCE = 10  # ... and stand at most this many lines from a kept block


@cache
def junk_pattern() -> re.Pattern[str]:
    return _any_of("junk_patterns.txt")


@cache
def end_pattern() -> re.Pattern[str]:
    return _any_of("end_patterns.txt")


def _any_of(name: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the regexes in ``data/clean/NAME``."""
    return re.compile("|".join(f"(?:{p})" for p in data_lines("clean", name)), re.IGNORECASE)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(data_lines("clean", "stopwords_en.txt"))


@dataclass(slots=True)
class Line:
    text: str
    words: list[str]
    kind: str = "short"  # "junk" | "end" | "prose" | "short" | "table"


def width(text: str) -> int:
    """Characters, a Chinese, Japanese or Korean character counting as two."""
    return len(text) + len(WIDE.findall(text))


def _title_word(token: str) -> bool:
    """A token of a title-case run: it starts with a capital, a digit or a currency sign."""
    core = token.strip(QUOTES)
    return bool(core) and (core[0].isupper() or core[0].isdigit() or core[0] in "$£€")


def title_cased_head(text: str) -> bool:
    """A line that opens with an English headline in title case ("Police Arrest Two In
    Theft Of ..."): a run of at least ``TITLE_RUN`` capitalised words with a capitalised
    function word inside it, not after punctuation (a dateline's "(AP) — The" does not
    count). A teaser (headline and summary in one line), not a paragraph."""
    tokens, hits = text.split(), 0
    for k, token in enumerate(tokens):
        if not _title_word(token):
            return k >= TITLE_RUN and hits > 0
        core = token.strip(QUOTES)
        word = core.rstrip(".,:;!?").lower()
        hits += (
            k > 0
            and word in stopwords()
            and word not in ARTICLES
            and not core.isupper()
            and tokens[k - 1][-1].isalnum()
        )
    return len(tokens) >= TITLE_RUN and hits > 0


def _is_prose(text: str, words: list[str]) -> bool:
    """Running text: a sentence-final line (not a teaser cut short with an ellipsis, nor
    one that opens with a title-case headline) that is wide (any language) or long enough
    with enough English function words."""
    if TRUNCATED.search(text) or title_cased_head(text):
        return False
    if not SENTENCE_END.search(text):
        return width(text) >= LONG_WIDTH
    if width(text) >= PROSE_WIDTH:
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
        if end_pattern().fullmatch(stripped):
            line.kind = "end"
        elif repeated or not line.words or junk_pattern().fullmatch(stripped):
            line.kind = "junk"
        elif _is_prose(stripped, line.words):
            line.kind = "prose"
    mark_tables(lines)
    return lines


def _table_cell(line: Line) -> bool:
    """A line that may be a cell of a table: short, a symbol ("%", "-"), or junk only
    for being repeated."""
    text = line.text.strip()
    if line.kind == "junk":
        return len(text) <= SYMBOL_CELL or not junk_pattern().fullmatch(text)
    return line.kind == "short" and len(line.words) <= TABLE_WORDS


def _numeric_share(run: list[Line]) -> float:
    """The share of words with a digit in them (years apart: an archive list has them)."""
    words = [word for line in run for word in line.words]
    numeric = sum(1 for word in words if DIGIT.search(word) and not YEAR.fullmatch(word))
    return numeric / len(words) if words else 0.0


def _is_table(run: list[Line]) -> bool:
    """Enough numbers in the words, and enough cells that are only a number ("63", "85%"):
    numbered labels ("Section 1", "Section 2" ...) are a menu."""
    numbers = sum(1 for line in run if not LETTER.search(line.text))
    return numbers >= TABLE_NUMBERS * len(run) and _numeric_share(run) >= TABLE_DIGITS


def mark_tables(lines: list[Line]) -> None:
    """Class as ``table`` each run of at least ``TABLE_LINES`` cell-like lines in which
    at least ``TABLE_DIGITS`` of the words are numbers (a table or stat list, one cell a
    line); a number repeated in it is a cell, not a widget."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _table_cell(lines[j]):
            j += 1
        if j - i >= TABLE_LINES and _is_table(lines[i:j]):
            for line in lines[i:j]:
                line.kind = "table"
        i = max(j, i + 1)


def _value(lines: list[Line], i: int) -> float:
    """What line ``i`` adds to a block: prose its width (less when isolated), others a cost."""
    line = lines[i]
    if line.kind == "end":
        return -math.inf
    if line.kind == "junk":
        return -JUNK_COST
    if line.kind == "short":
        return -SHORT_COST
    if line.kind == "table":
        return 0.0
    neighbours = (j for j in (i - 1, i + 1) if 0 <= j < len(lines))
    paired = any(lines[j].kind == "prose" for j in neighbours)
    return width(line.text) * (1.0 if paired else ISOLATED_SHARE)


def _best_block(values: list[float], start: int, end: int) -> tuple[float, int, int]:
    """(score, first, last) of the best-scoring run of lines in [start, end) (Kadane)."""
    best, best_first, best_last = 0.0, start, start - 1
    total, first = 0.0, start
    for i in range(start, end):
        if total <= 0:
            total, first = 0.0, i
        total += values[i]
        if total > best:
            best, best_first, best_last = total, first, i
    return best, best_first, best_last


def blocks(lines: list[Line]) -> list[tuple[float, int, int]]:
    """(score, first, last) of the blocks of running text, best first: the best run of
    lines, then the best runs of what is left on either side, and so on."""
    values = [_value(lines, i) for i in range(len(lines))]
    found: list[tuple[float, int, int]] = []
    todo = [(0, len(lines))]
    while todo:
        start, end = todo.pop()
        score, first, last = _best_block(values, start, end)
        if score > 0:
            found.append((score, first, last))
            todo += [(start, first), (last + 1, end)]
    return sorted(found, reverse=True)


def _headline_like(line: Line) -> bool:
    """A short line of two words or more, not a title-case headline glued to its summary."""
    teaser = any(_lower(word) for word in line.words) and title_cased_head(line.text.strip())
    return line.kind == "short" and len(line.words) >= 2 and not teaser


def _lower(word: str) -> bool:
    """A word that does not start with a capital (Chinese or Japanese words included)."""
    return word[0].islower() or (word[0].isalpha() and not word[0].isupper())


def _sentence_like(line: Line, end: re.Pattern[str] = SENTENCE_END) -> bool:
    """A short line that ends a sentence (or, with ``end=CLAUSE_END``, a clause) and is
    not all capitalised words."""
    lower = sum(1 for word in line.words if _lower(word))
    text = line.text.strip()
    return (
        line.kind == "short" and bool(end.search(text)) and lower > 0 and not title_cased_head(text)
    )


def _continues(line: Line) -> bool:
    """A short line that carries the article on: a sentence, a clause broken off at a
    comma (the next line goes on with it), or an item of a list."""
    return (
        _sentence_like(line)
        or _sentence_like(line, CLAUSE_END)
        or (line.kind == "short" and bool(LIST_ITEM.match(line.text.strip())))
    )


def _tail(lines: list[Line], last: int) -> set[int]:
    """The sentences and list items just after the block, with up to ``TAIL_GAP`` other
    short lines between two of them (a link under each item, a line without a full stop)."""
    keep: set[int] = set()
    i = last + 1
    while i < len(lines):
        j = i
        while j < len(lines) and j - i < TAIL_GAP and _bridge(lines[j]):
            j += 1
        if j == len(lines) or not _continues(lines[j]):
            return keep
        keep.update(range(i, j + 1))
        i = j + 1
    return keep


def _bridge(line: Line) -> bool:
    return line.kind == "short" and not _continues(line)


def _head(lines: list[Line], first: int) -> set[int]:
    """Up to ``HEAD_LINES`` headline-like lines just before the block, looking past up to
    ``HEAD_JUNK`` junk lines (a share counter under the headline)."""
    keep: set[int] = set()
    junk, i = 0, first - 1
    while i >= 0 and len(keep) < HEAD_LINES:
        if lines[i].kind == "junk" and len(lines[i].words) <= 1 and junk < HEAD_JUNK:
            junk += 1
        elif _headline_like(lines[i]):
            keep.add(i)
        else:
            break
        i -= 1
    return keep


def _keep_span(lines: list[Line], first: int, last: int) -> set[int]:
    keep = {i for i in range(first, last + 1) if lines[i].kind in ("prose", "short", "table")}
    return keep | _head(lines, first) | _tail(lines, last)


def _near(lines: list[Line], kept: list[tuple[int, int]], first: int, last: int) -> bool:
    """Within ``MAX_DISTANCE`` lines of a kept block, with no end of the article between."""
    return any(
        first - b_last <= MAX_DISTANCE
        and b_first - last <= MAX_DISTANCE
        and not any(line.kind == "end" for line in lines[min(last, b_last) : max(first, b_first)])
        for b_first, b_last in kept
    )


def main_blocks(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last) of the article's blocks: the best block, and the blocks that score
    nearly as well and stand near a kept one."""
    found = blocks(lines)
    kept = [(first, last) for _, first, last in found[:1]]
    for score, first, last in found[1:]:
        if score >= MIN_BLOCK_SHARE * found[0][0] and _near(lines, kept, first, last):
            kept.append((first, last))
    return kept


def kept_indices(lines: list[Line]) -> set[int]:
    """Indices of the lines that belong to the article."""
    found = main_blocks(lines)
    if not found:
        return {i for i, line in enumerate(lines) if line.kind in ("prose", "short")}
    keep: set[int] = set()
    for first, last in found:
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
