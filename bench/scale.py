"""Scale: backchannel on 1 and 2 worker processes and on Ray with 2 CPUs, against raw spaCy.

In one process, on the same texts (the example articles, plus ``../shared/samples`` when
present, each copy given a line of its own so that none is stored as unchanged), replicated to
``--articles``:

(a) baseline: spaCy ``nlp.pipe`` over the full texts with ALL the model's components, one
    process, as a user would run it;
(b) ``code`` with 1 and 2 workers: read -> pipeline -> contract dicts, the pool started and
    warmed up before the clock starts (its start-up is printed apart);
(c) ``ingest`` with 1 and 2 workers: the same, stored in a fresh DuckDB file;
(d) ``ingest --engine ray`` on a local Ray with 2 CPUs (``ray.init(num_cpus=2)``), the texts
    in 8 JSONL shards, Ray started and a first job of one article run before the clock (it
    starts the coding actors, which stay for the next runs as they do on a cluster, Ray
    Data's own actors and Ray's worker processes); ``--rounds`` runs, the first and the best
    printed;
(e) with ``--cli``, the commands as users run them, each a new process timed from start to
    exit, start-ups included: ``backchannel ingest --workers 2``; ``ingest --engine ray`` cold
    (it starts its own local Ray, and its coding actors) alternating for ``--rounds``; then
    warm (``--address`` of one Ray with 2 CPUs started before the clock, as ``ray start
    --head`` would be) for ``--rounds``: its first round starts the coding actors, the
    next ones find them.

Ratios are articles/s against (a) and against each other. Then the peak RSS of one worker and
of the parent, each size in a fresh subprocess, for ``--articles`` and ten times as many
(memory should not grow with the corpus). Not a test: nothing is asserted.
Run: ``python bench/scale.py [--articles 400] [--no-ray] [--no-memory] [--cli]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from backchannel.batches import ingest_batches
from backchannel.ingest import read_inputs
from backchannel.records import Article, Coded, Rejection
from backchannel.settings import Settings
from backchannel.store import Outcome, Store, open_store
from backchannel.workers import Pool, chunks, code_chunks

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "examples" / "articles", ROOT.parent / "shared" / "samples")
SHARDS = 8
STORE_SECONDS: dict[int, float] = {}  # seconds in Store.store_batch, all rounds, by workers


def load_texts(count: int) -> list[str]:
    """Plain-text articles replicated to ``count``, each copy with a line of its own."""
    texts = [p.read_text("utf-8") for d in SOURCES if d.is_dir() for p in sorted(d.glob("*.txt"))]
    if not texts:
        raise SystemExit("no example texts found")
    varied = []
    for n in range(count):
        head, _, rest = texts[n % len(texts)].partition("\n")
        varied.append(f"{head}\nThe desk filed this as report {n} on the wire.\n{rest}")
    return varied


def write_shards(texts: list[str], folder: Path) -> list[str]:
    """The texts as ``SHARDS`` JSONL files (written before any clock starts)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"part-{k}.jsonl" for k in range(SHARDS)]
    for k, path in enumerate(paths):
        mine = [(n, text) for n, text in enumerate(texts) if n % SHARDS == k]
        lines = (json.dumps({"id": f"a{n}", "text": text}) for n, text in mine)
        path.write_text("\n".join(lines) + "\n", "utf-8")
    return [str(path) for path in paths]


def read(paths: list[str]) -> list[Article | Rejection]:
    return list(read_inputs(paths, settings=Settings()))


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def spacy_seconds(texts: list[str], model: str) -> float:
    nlp = spacy.load(model)
    list(nlp.pipe(texts[:8]))
    return timed(lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=64)))


def started(workers: int) -> tuple[Pool | None, float]:
    """A warm pool of ``workers`` processes (None for one: this process), and its start-up."""
    settings, warm = Settings(workers=workers), load_texts(2 * workers)
    records = [Article(f"warm-{n}", text) for n, text in enumerate(warm)]
    start = time.perf_counter()
    pool = Pool(settings, workers) if workers > 1 else None
    if pool is None:
        list(code_chunks(records, settings, 1))
    else:
        list(pool.code(chunks(records, 1)))
    return pool, time.perf_counter() - start


def work_seconds(
    records: list[Article | Rejection], workers: int, folder: Path, rounds: int
) -> tuple[float, float, float]:
    """(start-up, code, ingest) seconds on ``workers`` processes, the pool started first; code
    and ingest (each into a fresh database) alternate for ``rounds``, the best of each kept."""
    settings = Settings(workers=workers)
    pool, start = started(workers)
    codes, ingests = [], []

    def code() -> None:
        for _ in code_chunks(records, settings, pool=pool):
            pass

    def ingest(store: Store) -> None:
        write = store.store_batch

        def timed_write(batch: list[Coded]) -> list[Outcome]:
            start = time.perf_counter()
            try:
                return write(batch)
            finally:
                spent = time.perf_counter() - start
                STORE_SECONDS[workers] = STORE_SECONDS.get(workers, 0.0) + spent

        store.store_batch = timed_write  # type: ignore[method-assign]
        for _ in ingest_batches(records, store, settings, pool=pool):
            pass

    try:
        for n in range(rounds):
            codes.append(timed(code))
            with open_store(str(folder / f"ingest-{workers}-{n}.duckdb")) as store:
                ingests.append(timed(lambda: ingest(store)))
    finally:
        if pool is not None:
            pool.close()
    return start, min(codes), min(ingests)


def ray_seconds(paths: list[str], folder: Path, rounds: int) -> tuple[float, float, float]:
    """(start-up, first run, best run) seconds of ``ingest --engine ray`` on a local Ray with
    2 CPUs, each run into a fresh database: the start-up (``ray.init`` and a first job on one
    article, which starts the coding actors, Ray Data's own actors and Ray's worker
    processes) is kept off the clock, as the pools' is; the coding actors stay for the runs
    after it, as they stay on a cluster between runs."""
    import ray

    from backchannel import distributed

    start = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        first = folder / "ray-first.jsonl"
        first.write_text(Path(paths[0]).read_text("utf-8").split("\n", 2)[0] + "\n", "utf-8")
        with open_store(str(folder / "ray-first.duckdb")) as store:
            list(distributed.ingest(distributed.Job((str(first),), Settings()), store))
        started = time.perf_counter() - start
        job, runs = distributed.Job(tuple(paths), Settings()), []
        for n in range(rounds):
            with open_store(str(folder / f"ray-{n}.duckdb")) as store:
                runs.append(timed(lambda: list(distributed.ingest(job, store))))
        return started, runs[0], min(runs)
    finally:
        ray.shutdown()


def command_seconds(arguments: list[str]) -> float:
    """A ``backchannel`` command in a new process, timed from its start to its exit."""
    command = [str(Path(sys.executable).with_name("backchannel")), *arguments]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def cli_seconds(paths: list[str], folder: Path, rounds: int) -> dict[str, float]:
    """The best of ``rounds`` for each command as users run it (see (e) above)."""
    import ray

    best: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(seconds, best.get(name, seconds))

    for n in range(rounds):
        db = str(folder / f"cli-{n}-%s.duckdb")
        keep("local", command_seconds(["ingest", *paths, "--db", db % "local", "--workers", "2"]))
        keep("cold", command_seconds(["ingest", *paths, "--db", db % "cold", "--engine", "ray"]))
    context = ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:  # one Ray for every warm round, as ``ray start --head`` would be: the first round
        address = context.address_info["gcs_address"]  # starts the coding actors, the next
        for n in range(rounds):  # ones find them
            arguments = ["ingest", *paths, "--db", str(folder / f"cli-{n}-warm.duckdb")]
            seconds = command_seconds([*arguments, "--engine", "ray", "--address", address])
            best.setdefault("warm first", seconds)
            keep("warm", seconds)
    finally:
        ray.shutdown()
    return best


def status(pid: int | str, field: str) -> str:
    """A field of ``/proc/PID/status`` (Linux)."""
    for text in Path(f"/proc/{pid}/status").read_text().splitlines():
        if text.startswith(field + ":"):
            return text.split(":", 1)[1].strip()
    return ""


def peak_mib(pid: int | str = "self") -> float:
    """A process's peak RSS (``VmHWM``: unlike ``ru_maxrss``, not inherited across fork)."""
    return int(status(pid, "VmHWM").split()[0]) / 1024


def descendants(root: int) -> list[int]:
    """The processes below ``root`` (the pool's forkserver and its workers)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int(status(entry.name, "PPid"))
            except (OSError, ValueError):
                continue
    found, frontier = [], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found.extend(frontier)
    return found


def memory_child(count: int) -> None:
    """Subprocess: ``code`` with 2 workers on ``count`` articles; peak RSS as JSON."""
    texts = load_texts(count)
    with tempfile.TemporaryDirectory() as folder:
        records = read(write_shards(texts, Path(folder)))
        with Pool(Settings(workers=2), 2) as pool:
            for _ in code_chunks(records, Settings(workers=2), pool=pool):
                pass
            worker = max(peak_mib(pid) for pid in descendants(os.getpid()))
    print(json.dumps({"worker": worker, "parent": peak_mib()}))


def memory(count: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(count)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def line(name: str, seconds: float, count: int, baseline: float) -> None:
    rate = count / seconds
    print(f"{name:<22} {seconds:7.2f} s {rate:7.1f} articles/s  ×{baseline / seconds:5.2f} spaCy")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3, help="code/ingest rounds; best kept")
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--cli", action="store_true", help="also time the commands (e)")
    parser.add_argument("--memory-only", action="store_true")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    if args.memory_only:
        report_memory(args.articles)
        return
    texts, n = load_texts(args.articles), args.articles
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        paths = write_shards(texts, folder / "shards")
        records = read(paths)
        ray_start, ray_first, ray_s = (
            (0.0, 0.0, None) if args.no_ray else ray_seconds(paths, folder, args.rounds)
        )
        cli = cli_seconds(paths, folder, args.rounds) if args.cli else {}
        start1, code1, ingest1 = work_seconds(records, 1, folder, args.rounds)
        start2, code2, ingest2 = work_seconds(records, 2, folder, args.rounds)
        base = spacy_seconds(texts, Settings().model)
    print(f"{n} articles, machine with {Settings().workers} cores, best of {args.rounds} rounds"
          " for code and ingest")  # fmt: skip
    line("spaCy nlp.pipe (1 proc)", base, n, base)
    line("code --workers 1", code1, n, base)
    line("code --workers 2", code2, n, base)
    line("ingest --workers 1", ingest1, n, base)
    line("ingest --workers 2", ingest2, n, base)
    if ray_s is not None:
        line("ingest --engine ray", ray_s, n, base)
        line("  its first run", ray_first, n, base)
    print(f"start-up (not timed above): 1 worker {start1:.1f} s, pool of 2 {start2:.1f} s,"
          f" Ray (init and a first job of one article) {ray_start:.1f} s")  # fmt: skip
    print(f"workers 2 ÷ 1: {code1 / code2:.2f}   ingest ÷ code: 1 worker {ingest1 / code1:.2f},"
          f" 2 workers {ingest2 / code2:.2f}")  # fmt: skip
    share = STORE_SECONDS.get(1, 0.0) / args.rounds / code1
    print(f"storing (Store.store_batch, 1 worker) costs {share:.1%} of coding: ingest ≈ code ×"
          f" {1 + share:.2f} on a quiet machine")  # fmt: skip
    if ray_s is not None:
        ratio = ingest2 / ray_s
        first = ingest2 / ray_first
        print(f"ray (2 CPUs) ÷ ingest --workers 2: {ratio:.2f} (its first run {first:.2f})")
    if cli:
        print("commands, start-ups included (best of rounds):")
        for name, label in (("local", "ingest --workers 2"), ("cold", "ingest --engine ray, cold"),
                            ("warm first", "ingest --engine ray, warm, first"),
                            ("warm", "ingest --engine ray, warm")):  # fmt: skip
            line(label, cli[name], n, base)
        for name in ("cold", "warm first", "warm"):
            print(f"ray {name} ÷ ingest --workers 2 (commands): {cli['local'] / cli[name]:.2f}")
    if not args.no_memory:
        report_memory(n)


def report_memory(n: int) -> None:
    for count in (n, 10 * n):
        peak = memory(count)
        print(f"peak RSS, code --workers 2 on {count:>6} articles: worker {peak['worker']:.0f}"
              f" MiB, parent {peak['parent']:.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
