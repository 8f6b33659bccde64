"""Throughput: backchannel's ``code`` path against raw spaCy parsing of the same texts.

In one process, on the same texts (the example articles, plus ``../shared/samples`` when
present, replicated to about ``--articles`` articles):

(a) baseline: ``nlp.pipe`` over the full texts with the same model and ALL its components,
    as a user would run it;
(b) backchannel: read -> ``Pipeline`` -> serialise, as ``backchannel code`` does.

Both are warmed up first, then timed in interleaved rounds (the best round of each is kept,
as the machine's speed drifts). backchannel's first round runs before spaCy's full model is
loaded, so the peak RSS printed for it is its own; the spaCy figure is the process's peak.
Prints articles/s, tokens/s (tokens counted once with the tokenizer), the ratio
(backchannel ÷ spaCy articles/s), and the share of backchannel's time spent in each stage
(grounding is dates plus attribution).
Run: ``python bench/throughput.py [--articles 200]``. With ``--pages``, the texts are the
English pages of the extraction benchmark in ``../shared/eval/extraction`` (a general web mix,
most of it not political, reduced to their main text first), so the effect of the relevance
stage on a real feed shows. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from backchannel import nlp as bc_nlp
from backchannel.clean import clean
from backchannel.errors import BackchannelError
from backchannel.ingest import read_inputs
from backchannel.ingest.decoding import to_text
from backchannel.pipeline import DEFAULT_STAGES, Pipeline, Stage, StageFn
from backchannel.records import Article, Document
from backchannel.serialise import dumps, event_to_dict
from backchannel.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "examples" / "articles", ROOT.parent / "shared" / "samples")
PAGES = ROOT.parent / "shared" / "eval" / "extraction" / "html"


def load_texts(count: int) -> list[str]:
    """Plain-text articles replicated to ``count`` (HTML pages are left out: spaCy gets text)."""
    texts = [
        path.read_text("utf-8")
        for folder in SOURCES
        if folder.is_dir()
        for path in sorted(folder.glob("*.txt"))
    ]
    if not texts:
        raise SystemExit("no example texts found")
    return [texts[i % len(texts)] for i in range(max(count, len(texts)))]


def load_pages(count: int) -> list[str]:
    """The benchmark's English pages as main text, replicated to ``count``."""
    texts = []
    for path in sorted(PAGES.glob("*.html.gz")):
        html = to_text(gzip.decompress(path.read_bytes()))
        try:
            texts.append(clean(Article(path.name, "", html=html), Settings()).text)
        except BackchannelError:  # another language, or no main text
            continue
    if not texts:
        raise SystemExit(f"no pages found in {PAGES}")
    return [texts[i % len(texts)] for i in range(max(count, len(texts)))]


def spacy_run(nlp: spacy.language.Language, texts: list[str]) -> int:
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))


def write_texts(texts: list[str], folder: Path) -> list[str]:
    """The texts as files (written before timing), as ``backchannel code`` would read them."""
    paths = []
    for n, text in enumerate(texts):
        path = folder / f"{n:05d}.txt"
        path.write_text(text, "utf-8")
        paths.append(str(path))
    return paths


def backchannel_run(pipeline: Pipeline, paths: list[str]) -> int:
    lines = 0
    for doc in pipeline.run(read_inputs(paths, settings=pipeline.settings)):
        lines += sum(len(dumps(event_to_dict(event))) > 0 for event in doc.events)
    return lines


def timed_stages(clock: dict[str, float]) -> tuple[Stage, ...]:
    """The default stages, each adding its run time to ``clock[name]``."""

    def wrap(stage: Stage) -> StageFn:
        def run(docs: list[Document], settings: Settings) -> None:
            start = time.perf_counter()
            stage.run(docs, settings)
            clock[stage.name] = clock.get(stage.name, 0.0) + time.perf_counter() - start

        return run

    return tuple(Stage(s.name, s.requires, s.provides, wrap(s)) for s in DEFAULT_STAGES)


def print_shares(clock: dict[str, float]) -> None:
    total = sum(clock.values())
    shares = "  ".join(f"{name} {seconds / total:5.1%}" for name, seconds in clock.items())
    print(f"stage shares: {shares}")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(work: Callable[[], int]) -> float:
    """Seconds that ``work`` takes."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def report(name: str, seconds: float, articles: int, tokens: int, rss: float) -> None:
    print(
        f"{name:<12} {seconds:7.2f} s  {articles / seconds:8.1f} articles/s"
        f"  {tokens / seconds:10.0f} tokens/s  peak RSS {rss:7.1f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; best kept")
    parser.add_argument("--pages", action="store_true", help="the benchmark's web pages")
    args = parser.parse_args()
    settings = Settings()
    texts = load_pages(args.articles) if args.pages else load_texts(args.articles)
    clock: dict[str, float] = {}
    pipeline = Pipeline(settings, stages=timed_stages(clock))
    tokens = sum(len(doc) for doc in bc_nlp.load(settings.model).tokenizer.pipe(texts))
    ours: list[float] = []
    baseline: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        paths = write_texts(texts, Path(folder))
        backchannel_run(pipeline, paths[:8])
        clock.clear()
        ours.append(timed(lambda: backchannel_run(pipeline, paths)))
        our_rss = peak_rss_mib()
        nlp = spacy.load(settings.model)
        spacy_run(nlp, texts[:8])
        for _ in range(args.rounds):
            baseline.append(timed(lambda: spacy_run(nlp, texts)))
            if len(ours) < args.rounds:
                ours.append(timed(lambda: backchannel_run(pipeline, paths)))
    print(f"{len(texts)} articles, {tokens} tokens, model {settings.model}, best of {args.rounds}")
    print(f"spaCy components: {', '.join(nlp.pipe_names)}")
    report("backchannel", min(ours), len(texts), tokens, our_rss)
    report("spaCy", min(baseline), len(texts), tokens, peak_rss_mib())
    print(f"ratio (backchannel ÷ spaCy articles/s): {min(baseline) / min(ours):.2f}")
    print_shares(clock)


if __name__ == "__main__":
    main()
