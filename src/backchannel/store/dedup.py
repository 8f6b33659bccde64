"""Near-duplicate detection: MinHash over word shingles, banded for LSH lookups.

Syndicated copies of an article differ by a few junk lines (share counters, promo lines,
"Comments (0)"); their word 5-shingle sets still overlap almost entirely. Each article
gets a MinHash signature of ``PERMUTATIONS`` values; ``bands`` cuts it into
``BANDS`` keys so candidates are found with an index lookup, then the signatures are
compared (the fraction of equal values estimates the Jaccard similarity).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE = 5  # words per shingle
PERMUTATIONS = 64
BANDS = 16  # PERMUTATIONS / BANDS rows per band
THRESHOLD = 0.7  # estimated Jaccard at or above which two texts are near-duplicates

_WORD = re.compile(r"\w+")
_RANDOM = np.random.default_rng(20260303)
_MULTIPLIERS = _RANDOM.integers(1, 2**63 - 1, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_OFFSETS = _RANDOM.integers(0, 2**63 - 1, size=PERMUTATIONS, dtype=np.uint64)

Signature = list[int]


def shingles(text: str) -> set[str]:
    """Lower-cased word ``SHINGLE``-grams (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _hash64(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "little")


def signature(text: str) -> Signature:
    """The MinHash signature of ``text`` (empty for a text without words)."""
    items = shingles(text)
    if not items:
        return []
    hashes = np.fromiter((_hash64(s) for s in items), dtype=np.uint64, count=len(items))
    with np.errstate(over="ignore"):
        permuted = hashes[:, None] * _MULTIPLIERS[None, :] + _OFFSETS[None, :]
    return [int(v) for v in (permuted >> np.uint64(32)).min(axis=0)]


def _band_key(band: int, values: Signature) -> str:
    digest = hashlib.blake2b(str(values).encode(), digest_size=8).hexdigest()
    return f"{band}:{digest}"


def bands(sig: Signature) -> list[str]:
    """One lookup key per band: ``"index:hash"``."""
    rows = len(sig) // BANDS
    if not rows:
        return []
    return [_band_key(band, sig[band * rows : (band + 1) * rows]) for band in range(BANDS)]


def similarity(left: Signature, right: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if not left or len(left) != len(right):
        return 0.0
    return sum(a == b for a, b in zip(left, right, strict=True)) / len(left)
