"""Language identification with py3langid (its model ships inside the package)."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from backchannel.errors import NotEnglish

SHORT_TEXT = 200  # characters: below this the evidence is weak
SHORT_CONFIDENCE = 0.95  # a short text is refused only when the identifier is this sure
LONG_CONFIDENCE = 0.5


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """The most likely language code and its probability."""
    language, probability = _identifier().classify(text[:5000])
    return str(language), float(probability)


def check_language(text: str, accepted: tuple[str, ...]) -> str:
    """The article's language; raises ``NotEnglish`` when it is clearly not accepted."""
    language, probability = detect(text)
    if language in accepted:
        return language
    needed = SHORT_CONFIDENCE if len(text.strip()) < SHORT_TEXT else LONG_CONFIDENCE
    if probability >= needed:
        raise NotEnglish(
            f"language is {language!r} (p={probability:.2f}), not one of {', '.join(accepted)}"
        )
    return accepted[0]


def known_languages() -> tuple[str, ...]:
    """Every language code the identifier knows."""
    return tuple(str(code) for code in _identifier().nb_classes)
