"""What the relevance model and the domain cues read: words, word pairs and actor counts.

The training script (``eval/train_relevance.py``) and the stage use these same functions,
so the shipped model sees at run time exactly the features it was trained on.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from backchannel.datafiles import data_lines
from backchannel.records import Mention
from backchannel.relevance.domains import dominant

_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
EXTRA_FEATURES = ("political_actor_share", "political_actor_density", "field_share")


@lru_cache(maxsize=1)
def political_sectors() -> frozenset[str]:
    """Sectors (and the IGO/NSA country codes) that make a mention a political actor."""
    return frozenset(data_lines("relevance", "political_sectors.txt"))


def is_political_actor(mention: Mention) -> bool:
    sectors = political_sectors()
    return mention.actor.sector in sectors or mention.actor.country in sectors


def may_take_part(mention: Mention) -> bool:
    """A political actor, or a state named without a sector ("the United States", "Iran"):
    someone who may take part in a political event."""
    return is_political_actor(mention) or (
        mention.actor.country is not None and mention.actor.sector is None
    )


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` (letters only: numbers and dates say little of the topic)."""
    return [word.replace("’", "'") for word in _WORD.findall(text.lower()) if len(word) > 1]


def terms(tokens: list[str]) -> Counter[str]:
    """Counts of the words and adjacent word pairs."""
    counts = Counter(tokens)
    counts.update(f"{a} {b}" for a, b in pairwise(tokens))
    return counts


def weighted(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """Sub-linear tf-idf over the known terms, scaled to unit length."""
    values = {t: (1.0 + math.log(n)) * idf[t] for t, n in counts.items() if t in idf}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {t: v / norm for t, v in values.items()}


def names_political_actor(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(start <= m.start < end and is_political_actor(m) for m in mentions)


def _in_field(text: str) -> bool:
    """Whether a sentence belongs to a non-political field (a poll is political talk)."""
    hit = dominant(text)
    return hit is not None and hit[0].actor_keeps


def extra_features(
    text: str, spans: list[tuple[int, int]], mentions: list[Mention], n_words: int
) -> dict[str, float]:
    """Share of sentences (``spans``) naming a political actor, such mentions per word, and
    the share of sentences that belong to a non-political field (``domains``)."""
    political = sum(is_political_actor(m) for m in mentions)
    named = sum(names_political_actor(start, end, mentions) for start, end in spans)
    fields = sum(_in_field(text[start:end]) for start, end in spans)
    return {
        "political_actor_share": named / max(len(spans), 1),
        "political_actor_density": min(20.0 * political / max(n_words, 1), 1.0),
        "field_share": fields / max(len(spans), 1),
    }
