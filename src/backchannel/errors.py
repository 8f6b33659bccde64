"""One error hierarchy. Every message carries a stable code such as ``[BC104]``.

Codes by family:
  BC1xx  input (unreadable, empty, too large, malformed records)
  BC2xx  cleaning and language
  BC3xx  knowledge base and actors
  BC4xx  event coding
  BC5xx  grounding
  BC6xx  storage
  BC7xx  configuration and usage
  BC9xx  unexpected failures inside a stage (reported, never fatal to a batch)
"""

from __future__ import annotations


class BackchannelError(Exception):
    """Base class: a user-facing error with a stable code."""

    code = "BC000"

    def __init__(self, message: str, *, record: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.record = record

    def __str__(self) -> str:
        where = f"record {self.record!r}: " if self.record else ""
        return f"[{self.code}] {where}{self.message}"


class InputError(BackchannelError):
    """A record could not be read (its own code says why)."""

    code = "BC100"


class MalformedRecord(InputError):
    code = "BC101"


class EmptyText(InputError):
    code = "BC102"


class BinaryInput(InputError):
    code = "BC103"


class UndecodableInput(InputError):
    code = "BC104"


class TooLarge(InputError):
    code = "BC105"


class UnreadablePath(InputError):
    code = "BC106"


class CleaningError(BackchannelError):
    code = "BC200"


class NoMainText(CleaningError):
    code = "BC201"


class NotEnglish(CleaningError):
    code = "BC202"


class Duplicate(CleaningError):
    code = "BC203"


class KnowledgeBaseError(BackchannelError):
    code = "BC300"


class CodingError(BackchannelError):
    code = "BC400"


class GroundingError(BackchannelError):
    code = "BC500"


class StoreError(BackchannelError):
    code = "BC600"


class ArticleIdConflict(StoreError):
    code = "BC601"


class EventIdConflict(StoreError):
    """Two events of one article with the same id: the article is refused, not cut short."""

    code = "BC602"


class StageFailure(BackchannelError):
    """An unexpected failure of a stage on one document (a bug to report)."""

    code = "BC900"


class TimeLimit(StageFailure):
    """A record that took longer than ``max_seconds`` in one stage (a guard, not a bug)."""

    code = "BC901"


class WorkerDied(StageFailure):
    """A worker process of ``--workers`` died (killed, out of memory): the run stops."""

    code = "BC902"


class ConfigError(BackchannelError):
    code = "BC700"


class PipelineOrderError(ConfigError):
    code = "BC701"


class OutputError(ConfigError):
    """An output the command was told to write cannot be written (no such folder, ...)."""

    code = "BC702"


class BadFilter(ConfigError):
    """A filter that cannot match anything (an unknown event type, a country name)."""

    code = "BC703"
