"""Calibrated confidence: the probability that a coded event is right.

A logistic regression over features of the event and its document (trigger part of speech,
clause, roles resolved to a country and a political sector, status, the document's relevance,
...), trained by ``python -m eval.calibrate`` on the development gold sets and shipped as
plain weights in ``data/codebook/confidence.json``; applied here in pure Python.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from backchannel.datafiles import DATA_DIR
from backchannel.events.codebook import parse_rule
from backchannel.nlp import Doc, Token
from backchannel.records import Actor, Document, Event, Sentence

MODEL_PATH = DATA_DIR / "codebook" / "confidence.json"

Features = dict[str, float]

_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "amod", "pcomp", "compound", "npadvmod"})
_COMPLEMENT = frozenset({"ccomp", "xcomp", "conj"})
_MAIN_NOUN_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of the logistic regression and the knowledge its features read."""

    intercept: float
    weights: dict[str, float]
    political_sectors: frozenset[str]
    statuses: frozenset[str]


@cache
def load(path: Path = MODEL_PATH) -> Model:
    """The shipped model (read once)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(
        intercept=float(data["intercept"]),
        weights={name: float(w) for name, w in data["weights"].items()},
        political_sectors=frozenset(data["political_sectors"]),
        statuses=frozenset(data["statuses"]),
    )


def probability(features: Features, model: Model) -> float:
    """The logistic of the weighted features (unknown features weigh nothing)."""
    z = model.intercept + sum(model.weights.get(name, 0.0) * x for name, x in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def calibrate(doc: Document, model: Model | None = None) -> None:
    """Set each event's ``confidence`` to the model's probability that it is right."""
    model = model or load()
    for event in doc.events:
        event.confidence = round(probability(features(event, doc, model), model), 3)


def features(event: Event, doc: Document, model: Model) -> Features:
    """The features of one event in its document, each in [0, 1]."""
    found: Features = {f"type_{event.event}": 1.0}
    found.update(_trigger(event))
    found.update(_roles(event, model.political_sectors))
    found.update(_grounding(event, model.statuses))
    sentence = _sentence(doc, event)
    if sentence is not None:
        found.update(_sentence_features(doc, sentence))
        head = _head(sentence, event)
        if head is not None:
            found.update(_clause(head))
    found.update(_relevance(doc))
    return {name: value for name, value in found.items() if value}


def _trigger(event: Event) -> Features:
    """Part of speech and family of the trigger, read off the rule id (TYPE/lemmas/POS)."""
    family, lemmas, pos = parse_rule(event.rule)
    return {
        "noun_trigger": float(pos == "N"),
        "multiword_trigger": float(len(lemmas) > 1),
        "retyped": float(bool(family) and family != event.event),
        "mode": float(event.mode is not None),
    }


def _roles(event: Event, political: frozenset[str]) -> Features:
    found: Features = {}
    for role in ("actor", "recipient", "intermediary"):
        actors: list[Actor] = getattr(event, role)
        found[f"has_{role}"] = float(bool(actors))
        found[f"{role}_country"] = float(any(a.country for a in actors))
        found[f"{role}_political"] = float(any(a.sector in political for a in actors))
    return found


def _grounding(event: Event, statuses: frozenset[str]) -> Features:
    status = event.status if event.status in statuses else "other"
    return {
        f"status_{status}": 1.0,
        "negated": float(event.negated),
        "opinion": float(event.opinion),
        "dated": float(event.date.basis == "explicit"),
    }


def _relevance(doc: Document) -> Features:
    if doc.relevance is None:
        return {"relevance_missing": 1.0}
    return {"relevance": doc.relevance.score, "relevance_missing": 0.0}


def _sentence(doc: Document, event: Event) -> Sentence | None:
    start = event.evidence.start
    return next((s for s in doc.sentences if s.start == start and s.parse is not None), None)


def _sentence_features(doc: Document, sentence: Sentence) -> Features:
    parse: Doc = sentence.parse
    events = sum(1 for e in doc.events if e.evidence.start == sentence.start)
    return {
        "sentence_length": min(len(parse) / 60.0, 1.0),
        "other_events": min((events - 1) / 3.0, 1.0),
    }


def _head(sentence: Sentence, event: Event) -> Token | None:
    """The syntactic head of the trigger's tokens in the sentence parse."""
    start, end = event.evidence.trigger_start, event.evidence.trigger_end
    if start is None or end is None:
        return None
    start, end = start - sentence.start, end - sentence.start
    span = sentence.parse.char_span(start, end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)


def _clause(head: Token) -> Features:
    """Where the trigger stands: the main clause, a complement, or a subordinate clause."""
    main = head.dep_ == "ROOT" or (
        head.pos_ in ("NOUN", "PROPN") and head.dep_ in _MAIN_NOUN_DEPS and head.head.dep_ == "ROOT"
    )
    depth, token = 0, head
    while token.head.i != token.i and depth < 6:
        token, depth = token.head, depth + 1
    return {
        "main_clause": float(main),
        "subordinate": float(head.dep_ in _SUBORDINATE),
        "complement": float(head.dep_ in _COMPLEMENT),
        "depth": depth / 6.0,
        "verb_tense_past": float(head.tag_ in ("VBD", "VBN")),
    }
