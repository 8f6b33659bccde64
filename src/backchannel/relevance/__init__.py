"""Relevance: may this document, this sentence, hold a political event at all?

Most of a real feed is sport, markets, reviews, lifestyle and science, where the coder's
verbs ("Wales beat Hungary", "the Nikkei declined") would invent events. This stage runs
after the actor mentions are found and before sentences are selected and parsed:

- the document: a logistic-regression model (``data/relevance/model.json``, pure Python at
  run time) gives the probability that it reports a political event. A long enough document
  below ``rule_out_below`` is ruled out: every sentence is skipped. Below ``doubt_below`` it
  is doubtful: only its sentences naming a political actor stay candidates. A short text
  (a single sentence of diplomacy) is never ruled out: too little to judge.
- each sentence: one dominated by the cues of a non-political field (``domains.tsv``,
  ``cues.tsv``) is skipped unless, where the field allows, a political actor is named in it.

The decision is ``Document.relevance`` and each skipped sentence's ``Sentence.skipped``
(the reason); skipped sentences are not parsed.
"""

from __future__ import annotations

from backchannel.records import Document, Mention, Relevance, Sentence
from backchannel.relevance.domains import dominant
from backchannel.relevance.features import (
    extra_features,
    may_take_part,
    names_political_actor,
    terms,
    words,
)
from backchannel.relevance.model import RelevanceModel, default_model

__all__ = ["judge", "judge_document", "sentence_reason"]

DOUBTFUL = "doubtful, political actors only"

_EXTRA_NAMES = {
    "political_actor_share": "political actors",
    "political_actor_density": "political actors",
    "field_share": "non-political field",
}


def _top(parts: dict[str, float], sign: float, n: int = 4) -> list[str]:
    """The features that pushed the score most in the direction of ``sign``."""
    ranked = sorted(parts.items(), key=lambda item: (-sign * item[1], item[0]))
    names = [_EXTRA_NAMES.get(name, name) for name, value in ranked if sign * value > 0]
    return list(dict.fromkeys(names))[:n]


def _field(doc: Document) -> str | None:
    """The non-political field most of the document's field sentences belong to, with cues."""
    found: dict[str, list[str]] = {}
    for sentence in doc.sentences:
        hit = dominant(sentence.text)
        if hit is not None and hit[0].actor_keeps:
            found.setdefault(hit[0].name, []).extend(hit[1])
    if not found:
        return None
    name, cues = max(found.items(), key=lambda item: (len(item[1]), item[0]))
    return f"{name}: {', '.join(list(dict.fromkeys(cues))[:4])}"


def judge_document(doc: Document, model: RelevanceModel | None = None) -> Relevance:
    """The document's relevance: the model's probability and, in words, why."""
    model = model or default_model()
    tokens = words(doc.article.text)
    spans = [(s.start, s.end) for s in doc.sentences]
    extras = extra_features(doc.article.text, spans, doc.mentions, len(tokens))
    counts = terms(tokens)
    score = model.probability(counts, extras)
    parts = model.contributions(counts, extras)
    if not model.keeps(score, len(tokens), extras):
        reason = _field(doc) or "not political: " + ", ".join(_top(parts, -1.0))
        return Relevance(False, round(score, 4), reason)
    if len(tokens) < model.min_words and score < model.rule_out_below:
        return Relevance(True, round(score, 4), f"too short to judge ({len(tokens)} words)")
    if model.doubts(score, len(tokens)):
        reason = f"{DOUBTFUL}: " + ", ".join(_top(parts, -1.0))
        return Relevance(True, round(score, 4), reason)
    return Relevance(True, round(score, 4), "political: " + ", ".join(_top(parts, 1.0)))


def sentence_reason(sentence: Sentence, mentions: list[Mention]) -> str | None:
    """Why a sentence of a political document holds no political event, or ``None``."""
    hit = dominant(sentence.text)
    if hit is None:
        return None
    domain, cues = hit
    if domain.actor_keeps and any(
        sentence.start <= m.start < sentence.end and may_take_part(m) for m in mentions
    ):
        return None
    return f"{domain.name}: {', '.join(cues[:4])}"


def _skip_reason(doc: Document, sentence: Sentence, near_actor: bool) -> str | None:
    relevance = doc.relevance
    assert relevance is not None
    if not relevance.political:
        return f"document not political ({relevance.reason})"
    if relevance.reason.startswith(DOUBTFUL) and not near_actor:
        return f"no political actor in a doubtful document (score {relevance.score:.2f})"
    return sentence_reason(sentence, doc.mentions)


def _near_actors(doc: Document) -> list[bool]:
    """Per sentence: does it, or the one before (whom "she" and "the agency" refer to),
    name a political actor?"""
    named = [names_political_actor(s.start, s.end, doc.mentions) for s in doc.sentences]
    return [here or (i > 0 and named[i - 1]) for i, here in enumerate(named)]


def judge(doc: Document) -> None:
    """The stage: ``doc.relevance``, and each ruled-out sentence skipped with its reason."""
    doc.relevance = judge_document(doc)
    for sentence, near in zip(doc.sentences, _near_actors(doc), strict=True):
        sentence.skipped = _skip_reason(doc, sentence, near)
        if sentence.skipped is not None:
            sentence.candidate = False
