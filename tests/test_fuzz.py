"""No input stops a batch, hangs it or loses a record without a word (issue 12).

Seeded: a property test of the readers and of the character rules (hypothesis,
derandomised), then 2,000 generated bad records of every kind (``fuzzing.py``) mixed with
good ones, through ``backchannel code`` and ``backchannel ingest`` (real subprocesses, a real
DuckDB file) and through the Python API.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.api import code, code_document
from backchannel.ingest.readers import read_jsonl
from backchannel.records import Article, Rejection
from backchannel.safety import CONTROL, csv_cell, printable, safe_text
from backchannel.settings import Settings
from tests.fuzzing import Fuzzed, records

BAD_RECORDS = 2_000
FILES = 4
MAX_BYTES = "50000"
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")

lines = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.builds(
        lambda key, value: json.dumps({key: value}).encode(),
        st.sampled_from(["id", "text", "url", "published", "html"]),
        st.one_of(st.text(max_size=50), st.integers(), st.none(), st.lists(st.integers())),
    ),
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(lines, max_size=20))
def test_any_jsonl_line_is_one_article_or_one_rejection(given_lines: list[bytes]) -> None:
    data = b"\n".join(line.replace(b"\n", b" ") for line in given_lines)
    found = list(read_jsonl(io.BytesIO(data), "f.jsonl", Settings(), None))
    assert len(found) == sum(1 for line in data.split(b"\n") if line.strip())
    assert all(isinstance(record, Article | Rejection) for record in found)
    for record in found:
        if isinstance(record, Rejection):
            assert not UNSAFE.search(record.record + record.message)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text())
def test_safe_text_and_printable_hold_no_control_character(text: str) -> None:
    cleaned = safe_text(text)
    assert not CONTROL.search(cleaned) and "\r" not in cleaned
    cleaned.encode("utf-8")  # raises on a lone surrogate left
    assert not UNSAFE.search(printable(text))
    cell = csv_cell(text)
    assert not cell.startswith(("=", "+", "-", "@"))


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, Fuzzed]]:
    """The records in ``FILES`` JSONL files; each is known by ``file:line``."""
    folder = tmp_path_factory.mktemp("fuzz")
    made = records(seed=12, bad=BAD_RECORDS)
    assert sum(1 for r in made if r.kind != "good") >= BAD_RECORDS
    assert len({r.kind for r in made}) >= 24
    paths, where = [], {}
    per_file = -(-len(made) // FILES)
    for number in range(FILES):
        path = folder / f"batch{number}.jsonl"
        chunk = made[number * per_file : (number + 1) * per_file]
        path.write_bytes(b"\n".join(r.line for r in chunk) + b"\n")
        paths.append(path)
        where.update({f"{path}:{line}": r for line, r in enumerate(chunk, start=1)})
    return paths, where


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "backchannel", *args]
    env = {**os.environ, "BACKCHANNEL_PROGRESS": "0"}
    return subprocess.run(command, capture_output=True, text=True, timeout=900, env=env)


def _named(message: str) -> str | None:
    """The ``file:line`` a rejection line of stderr names."""
    found = re.search(r"record '([^' ]+:\d+)", message)
    return found.group(1) if found else None


def test_code_names_every_refused_record_and_codes_every_good_one(
    fuzzed: tuple[list[Path], dict[str, Fuzzed]],
) -> None:
    paths, where = fuzzed
    done = _cli("code", "--max-bytes", MAX_BYTES, *map(str, paths))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    named = {_named(line) for line in done.stderr.splitlines()}
    coded = {json.loads(line)["article_id"] for line in done.stdout.splitlines()}
    for place, record in where.items():
        if record.expect == "refused":
            assert place in named, (place, record.kind)
        elif record.kind == "good":
            assert record.id in coded, place
    for line in done.stdout.splitlines():
        _assert_possible(json.loads(line)["date"]["start"])


def _assert_possible(value: str | None) -> None:
    day = DAY.fullmatch(value or "")
    if day:
        date(*map(int, day.groups()))  # raises on "2024-02-31"


def test_ingest_stores_every_record_or_its_rejection(
    fuzzed: tuple[list[Path], dict[str, Fuzzed]], tmp_path: Path
) -> None:
    paths, where = fuzzed
    db = tmp_path / "fuzz.duckdb"
    done = _cli("ingest", "--db", str(db), "--max-bytes", MAX_BYTES, *map(str, paths))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    summary = done.stderr.strip().splitlines()[-1]
    counts = {
        kind: int(number)
        for kind, number in re.findall(r"(stored|duplicates|unchanged|refused) (\d+)", summary)
    }
    assert f"read {len(where)}:" in summary and sum(counts.values()) == len(where), summary
    with duckdb.connect(str(db), read_only=True) as connection:
        origins = [row[0] for row in connection.execute("SELECT origin FROM articles").fetchall()]
        refused = [row[0] for row in connection.execute("SELECT record FROM rejections").fetchall()]
        texts = [row[0] for row in connection.execute("SELECT text FROM articles").fetchall()]
        days = [row[0] for row in connection.execute("SELECT date_start FROM events").fetchall()]
    stored = Counter(_place(origin) for origin in origins)
    rejected = Counter(_place(record) for record in refused)
    for place, record in where.items():
        assert stored[place] + rejected[place] >= 1, (place, record.kind)
        if record.expect == "refused":
            assert rejected[place] and not stored[place], (place, record.kind)
        elif record.expect == "stored":
            assert stored[place], (place, record.kind)
    assert not any(UNSAFE.search(text) for text in texts)
    for day in days:
        _assert_possible(day)


def _place(record: str) -> str:
    return record.split(" (id ", 1)[0]


def test_the_python_api_codes_or_refuses_every_text(
    fuzzed: tuple[list[Path], dict[str, Fuzzed]],
) -> None:
    texts = [r for r in fuzzed[1].values() if r.text is not None][:200]
    small = Settings(max_bytes=int(MAX_BYTES))
    for record in texts:
        doc = code_document(record.text or "", settings=small)
        if doc.rejection is None:
            assert not UNSAFE.search(doc.article.text)
        else:
            assert code(record.text or "", settings=small) == []
        if record.kind == "good":
            assert doc.rejection is None and doc.events, record.text


@pytest.mark.parametrize("value", [None, b"Iran met Qatar.", 123, ["Iran"]])
def test_the_python_api_refuses_what_is_not_a_text(value: object) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        code(value)  # type: ignore[arg-type]


def test_the_python_api_applies_the_size_limit() -> None:
    doc = code_document("Iran met Qatar. " * 80_000)  # 1.3 MB: over max_bytes
    assert doc.rejection is not None and doc.rejection.code == "BC105"
    assert code("Iran met Qatar. " * 80_000) == []
