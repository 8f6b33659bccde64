"""The document relevance model: logistic regression over words, word pairs and actor counts.

Pure Python at run time: the vocabulary with its idf and weights is read from
``data/relevance/model.json`` (written by ``python -m eval.train_relevance``); no
scikit-learn is needed to use it.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from backchannel.datafiles import DATA_DIR
from backchannel.relevance.features import weighted

MODEL_PATH = DATA_DIR / "relevance" / "model.json"
FORMAT = "backchannel.relevance/1"
RULE_OUT_BELOW = 0.25  # below this probability a long enough document is ruled out
DOUBT_BELOW = 0.5  # below this, only its sentences naming a political actor are candidates
MIN_WORDS = 80  # a shorter text is never ruled out nor doubted: too little to judge
FIELD_SHARE = 0.5  # a document with this share of sentences of one non-political field ...
ACTOR_SHARE = 0.2  # ... and fewer naming a political actor is ruled out, whatever its score


def _round(value: float) -> float:
    return round(value, 6) + 0.0  # + 0.0: no "-0.0" in the file


@dataclass(frozen=True, slots=True)
class RelevanceModel:
    idf: dict[str, float]
    weights: dict[str, float]
    extras: dict[str, float]
    bias: float
    rule_out_below: float = RULE_OUT_BELOW
    doubt_below: float = DOUBT_BELOW
    min_words: int = MIN_WORDS
    field_share: float = FIELD_SHARE
    actor_share: float = ACTOR_SHARE
    trained_on: tuple[tuple[str, int], ...] = ()

    @classmethod
    def build(cls, **fields: Any) -> RelevanceModel:
        """A model with its numbers rounded as they are stored (so scores do not depend on
        whether it was just trained or read from the file)."""
        return cls.from_dict(json.loads(cls(**_fields_for_dump(fields)).dumps()))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RelevanceModel:
        return cls(
            idf={t: idf for t, idf, _ in data["terms"]},
            weights={t: w for t, _, w in data["terms"]},
            extras=dict(data["extras"]),
            bias=data["bias"],
            rule_out_below=data["rule_out_below"],
            doubt_below=data["doubt_below"],
            min_words=data["min_words"],
            field_share=data["field_share"],
            actor_share=data["actor_share"],
            trained_on=tuple((k, v) for k, v in data["trained_on"].items()),
        )

    def terms_count(self) -> int:
        return len(self.idf)

    def contributions(self, counts: Counter[str], extras: dict[str, float]) -> dict[str, float]:
        """What each feature adds to the log-odds of "political"."""
        parts = {t: v * self.weights[t] for t, v in weighted(counts, self.idf).items()}
        parts.update({name: extras[name] * w for name, w in self.extras.items()})
        return parts

    def probability(self, counts: Counter[str], extras: dict[str, float]) -> float:
        logit = self.bias + sum(self.contributions(counts, extras).values())
        return 1.0 / (1.0 + math.exp(-max(min(logit, 50.0), -50.0)))

    def keeps(self, probability: float, n_words: int, extras: dict[str, float]) -> bool:
        """Whether a text may hold a political event: unless it is long and clearly not, or
        long and mostly of one non-political field with few political actors."""
        if n_words < self.min_words:
            return True
        in_field = (
            extras["field_share"] >= self.field_share
            and extras["political_actor_share"] < self.actor_share
        )
        return probability >= self.rule_out_below and not in_field

    def doubts(self, probability: float, n_words: int) -> bool:
        """Whether a kept text is unlikely enough political to code only the sentences that
        name a political actor."""
        return n_words >= self.min_words and probability < self.doubt_below

    def dumps(self) -> str:
        """The JSON file: one term per line, so a retrained model diffs readably."""
        head = {
            "format": FORMAT,
            "rule_out_below": self.rule_out_below,
            "doubt_below": self.doubt_below,
            "min_words": self.min_words,
            "field_share": self.field_share,
            "actor_share": self.actor_share,
            "trained_on": dict(self.trained_on),
            "bias": _round(self.bias),
            "extras": {k: _round(v) for k, v in sorted(self.extras.items())},
        }
        lines = ",\n".join(
            json.dumps([t, _round(self.idf[t]), _round(self.weights[t])], ensure_ascii=False)
            for t in sorted(self.idf)
        )
        text = json.dumps(head, indent=1, sort_keys=False)
        return text[:-2] + ',\n "terms": [\n' + lines + "\n ]\n}\n"


def _fields_for_dump(fields: dict[str, Any]) -> dict[str, Any]:
    trained_on = fields.pop("trained_on", {})
    return {**fields, "trained_on": tuple(trained_on.items())}


def load_model(path: Path) -> RelevanceModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} model")
    return RelevanceModel.from_dict(data)


@lru_cache(maxsize=1)
def default_model() -> RelevanceModel:
    """The shipped model, read once per process."""
    return load_model(MODEL_PATH)
