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

from backchannel import actors, clean, events, grounding, nlp
from backchannel.errors import BackchannelError, PipelineOrderError
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


def _clean(docs: list[Document], settings: Settings) -> None:
    for doc in _live(docs):
        try:
            doc.article = clean.clean(doc.article, settings)
        except BackchannelError as err:
            doc.rejection = Rejection(doc.article.article_id, "clean", err.code, err.message)


def _sentences(docs: list[Document], settings: Settings) -> None:
    for doc in _live(docs):
        doc.sentences = nlp.split_sentences(doc.article.text)


def _select(docs: list[Document], settings: Settings) -> None:
    for doc in _live(docs):
        for sentence in doc.sentences:
            sentence.candidate = events.is_candidate(sentence.text)


def _parse(docs: list[Document], settings: Settings) -> None:
    wanted = [s for doc in _live(docs) for s in doc.sentences if s.candidate]
    parses = nlp.parse((s.text for s in wanted), settings.model, settings.batch_size * 4)
    for sentence, parsed in zip(wanted, parses, strict=True):
        sentence.parse = parsed


def _actors(docs: list[Document], settings: Settings) -> None:
    for doc in _live(docs):
        doc.mentions = actors.find_mentions(doc)


def _events(docs: list[Document], settings: Settings) -> None:
    for doc in _live(docs):
        doc.events = events.code(doc)


def _grounding(docs: list[Document], settings: Settings) -> None:
    for doc in _live(docs):
        grounding.ground(doc)


def _stage(name: str, requires: str, provides: str, run: StageFn) -> Stage:
    return Stage(name, frozenset(requires.split()), frozenset(provides.split()), run)


DEFAULT_STAGES: tuple[Stage, ...] = (
    _stage("clean", "article", "text", _clean),
    _stage("sentences", "text", "sentences", _sentences),
    _stage("select", "sentences", "candidates", _select),
    _stage("parse", "candidates", "parses", _parse),
    _stage("actors", "text sentences", "mentions", _actors),
    _stage("events", "parses mentions", "events", _events),
    _stage("grounding", "events sentences mentions", "grounded", _grounding),
)


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
