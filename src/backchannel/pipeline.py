"""The pipeline: an ordered list of small stages run by a short loop.

Each stage is a plain callable over a batch of documents, with the fields it requires
and provides; ``check_order`` verifies at build time that every requirement is met by
an earlier stage. The same ``Pipeline`` runs in the CLI, the HTTP server, the tests and
the distributed engine; no stage knows which of these runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from backchannel import actors, clean, events, grounding, nlp, relevance
from backchannel.errors import BackchannelError, PipelineOrderError, StageFailure
from backchannel.events import confidence
from backchannel.guard import time_limit
from backchannel.records import Article, Document, Rejection
from backchannel.settings import Settings

StageFn = Callable[[list[Document], Settings], None]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    run: StageFn


def _live(docs: list[Document]) -> list[Document]:
    return [doc for doc in docs if doc.rejection is None]


def _reject(doc: Document, stage: str, err: Exception) -> None:
    """Turn a failure of one document in one stage into its stored ``Rejection``."""
    if isinstance(err, BackchannelError):
        code, message = err.code, err.message
    else:
        code, message = StageFailure.code, f"{stage} failed: {type(err).__name__}: {err}"
    doc.rejection = Rejection(doc.article.origin or doc.article.article_id, stage, code, message)


def per_document(stage: str, step: Callable[[Document, Settings], None]) -> StageFn:
    """A batch stage that runs ``step`` on each live document, isolating failures."""

    def run(docs: list[Document], settings: Settings) -> None:
        for doc in _live(docs):
            try:
                with time_limit(settings.max_seconds, stage):
                    step(doc, settings)
            except Exception as err:  # one bad document never stops the batch
                _reject(doc, stage, err)

    return run


def _clean(doc: Document, settings: Settings) -> None:
    doc.article = clean.clean(doc.article, settings)


def _sentences(doc: Document, settings: Settings) -> None:
    doc.sentences = nlp.split_sentences(doc.article.text, settings.max_words)


def _relevance(doc: Document, settings: Settings) -> None:
    relevance.judge(doc)


def _select(doc: Document, settings: Settings) -> None:
    for sentence in doc.sentences:
        sentence.candidate = sentence.skipped is None and events.is_candidate(sentence.text)


def _parse_one(doc: Document, settings: Settings) -> None:
    nlp.parse_sentences(doc.sentences, settings.model)


def _parse(docs: list[Document], settings: Settings) -> None:
    """Parse all candidate sentences of the batch in one ``nlp.pipe`` call.

    Should the batch fail, each document is parsed on its own so that only the
    document at fault is rejected.
    """
    wanted = [s for doc in _live(docs) for s in doc.sentences if s.candidate]
    try:
        parses = list(nlp.parse((s.text for s in wanted), settings.model, settings.batch_size * 4))
    except Exception:
        per_document("parse", _parse_one)(docs, settings)
        return
    for sentence, parsed in zip(wanted, parses, strict=True):
        sentence.parse = parsed


def _actors(doc: Document, settings: Settings) -> None:
    doc.mentions = actors.find_mentions(doc)


def _events(doc: Document, settings: Settings) -> None:
    doc.events = events.code(doc)


def _grounding(doc: Document, settings: Settings) -> None:
    grounding.ground(doc)


def _participants(doc: Document, settings: Settings) -> None:
    events.participants(doc)


def _confidence(doc: Document, settings: Settings) -> None:
    confidence.calibrate(doc)


def _merge(doc: Document, settings: Settings) -> None:
    events.merge(doc)


def _keep(doc: Document, settings: Settings) -> None:
    events.keep(doc, settings.min_confidence)


def _stage(name: str, requires: str, provides: str, run: StageFn) -> Stage:
    return Stage(name, frozenset(requires.split()), frozenset(provides.split()), run)


DEFAULT_STAGES: tuple[Stage, ...] = (
    _stage("clean", "article", "text", per_document("clean", _clean)),
    _stage("sentences", "text", "sentences", per_document("sentences", _sentences)),
    _stage("actors", "text sentences", "mentions", per_document("actors", _actors)),
    _stage(
        "relevance", "text sentences mentions", "relevance", per_document("relevance", _relevance)
    ),
    _stage("select", "sentences relevance", "candidates", per_document("select", _select)),
    _stage("parse", "candidates", "parses", _parse),
    _stage("events", "parses mentions", "events", per_document("events", _events)),
    _stage(
        "grounding", "events sentences mentions", "grounded", per_document("grounding", _grounding)
    ),
    _stage("participants", "grounded", "political", per_document("political", _participants)),
    _stage(
        "confidence", "grounded political", "confidence", per_document("confidence", _confidence)
    ),
    _stage("merge", "grounded", "merged", per_document("merge", _merge)),
    _stage("keep", "grounded confidence", "kept", per_document("keep", _keep)),
)


def stages_until(name: str, stages: tuple[Stage, ...] = DEFAULT_STAGES) -> tuple[Stage, ...]:
    """The stages up to and including ``name`` (``clean --explain`` stops at relevance)."""
    names = [stage.name for stage in stages]
    return stages[: names.index(name) + 1]


def check_order(stages: Iterable[Stage]) -> None:
    """Raise ``PipelineOrderError`` unless each stage's needs are provided earlier."""
    available = {"article"}
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise PipelineOrderError(f"stage {stage.name!r} needs {sorted(missing)} first")
        available |= stage.provides


@dataclass(slots=True)
class Pipeline:
    """Runs the stages over batches of articles."""

    settings: Settings = field(default_factory=Settings)
    stages: tuple[Stage, ...] = DEFAULT_STAGES

    def __post_init__(self) -> None:
        check_order(self.stages)

    def __call__(self, docs: list[Document]) -> list[Document]:
        for stage in self.stages:
            stage.run(docs, self.settings)
        return docs

    def run(self, records: Iterable[Article | Rejection]) -> Iterator[Document]:
        """Documents in input order; a ``Rejection`` passes through as a rejected document."""
        iterator = iter(records)
        while batch := list(islice(iterator, self.settings.batch_size)):
            yield from self(_as_documents(batch))


def _as_documents(batch: list[Article | Rejection]) -> list[Document]:
    docs = []
    for record in batch:
        if isinstance(record, Rejection):
            docs.append(Document(Article(record.record, ""), rejection=record))
        else:
            docs.append(Document(record))
    return docs
