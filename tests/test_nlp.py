"""The parse: with the attribute ruler's table and the lemmatizer's cache, spaCy's own
parses, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from backchannel import nlp

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
# Sentences that reach the ruler's rarer rules: two-token patterns ("ai n't", "y' all"),
# regular expressions ("nothin'"), whitespace tokens, dependency tests ("there is",
# "I"/"you"/"it" as subject or object, "but" as an adverb), and an empty text.
ODD = [
    "  Two  spaces\n\n and ai n't y' all  ",
    "Nothin' doin', y'all gonna let's do it , gotta go .",
    "There's nothing I do n't have, but you gave it to me and I saw you.",
    "It was not that they did, but that he has had his way since then.",
    "",
    " ",
]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    texts = [path.read_text("utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    return [s.text for text in texts for s in nlp.split_sentences(text)] + ODD


def test_the_rule_table_and_the_lemma_cache_are_in_place() -> None:
    model = nlp.load()
    ruler = model.get_pipe("attribute_ruler")
    assert isinstance(ruler.match.__self__, nlp.RuleTable)  # type: ignore[attr-defined]
    assert isinstance(model.get_pipe("lemmatizer").lemmatize, nlp.LemmaCache)  # type: ignore[attr-defined]


def test_parses_are_spacys_own_byte_for_byte(sentences: list[str]) -> None:
    plain = spacy.load(nlp.DEFAULT_MODEL, exclude=list(nlp.UNUSED_COMPONENTS))
    ours = [doc.to_bytes() for doc in nlp.parse(sentences)]
    theirs = [doc.to_bytes() for doc in plain.pipe(sentences, batch_size=256)]
    assert len(sentences) > 50
    assert ours == theirs


def test_the_table_finds_the_matchers_matches(sentences: list[str]) -> None:
    model = nlp.load()
    ruler = model.get_pipe("attribute_ruler")
    table = ruler.match.__self__  # type: ignore[attr-defined]
    with model.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(model.pipe(sentences))
    found = [table.match(doc) for doc in docs]
    expected = [sorted(set(type(ruler).match(ruler, doc))) for doc in docs]
    assert found == expected
    assert sum(len(matches) for matches in found) > sum(len(doc) for doc in docs)


def test_a_pattern_the_table_cannot_read_keeps_spacys_matcher() -> None:
    model = spacy.blank("en")
    ruler = model.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "an"})
    with pytest.raises(ValueError, match="OP"):
        nlp.RuleTable(ruler)


def test_a_full_lemma_cache_starts_again(sentences: list[str]) -> None:
    plain = spacy.load(nlp.DEFAULT_MODEL, exclude=list(nlp.UNUSED_COMPONENTS))
    model = spacy.load(nlp.DEFAULT_MODEL, exclude=list(nlp.UNUSED_COMPONENTS))
    lemmatizer = model.get_pipe("lemmatizer")
    cache = nlp.LemmaCache(lemmatizer.lemmatize)  # type: ignore[attr-defined]
    cache.LIMIT = 20
    lemmatizer.lemmatize = cache  # type: ignore[attr-defined]
    lemmas = [[t.lemma_ for t in doc] for doc in model.pipe(sentences)]
    assert 0 < len(cache.known) <= 20
    assert lemmas == [[t.lemma_ for t in doc] for doc in plain.pipe(sentences)]
