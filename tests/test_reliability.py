"""Reliability (issue 12): kill -9 with resume, linear time, readers, CLI checks, safe outputs."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from backchannel.api import code_document
from backchannel.errors import TimeLimit
from backchannel.ingest import read_inputs
from backchannel.pipeline import Pipeline, Stage, _stage, per_document
from backchannel.records import Article, Document, Rejection
from backchannel.safety import safe_text
from backchannel.settings import Settings
from backchannel.store import open_store
from tests.fuzzing import story

Run = Callable[..., tuple[int, str, str]]


def _ingest(db: Path, source: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "backchannel", "ingest", "--db", str(db), str(source)]
    env = {**os.environ, "BACKCHANNEL_PROGRESS": "0"}
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)


def _wait_for_writes(db: Path, process: subprocess.Popen[str]) -> None:
    """Until the ingest has begun to write (its write-ahead log exists), at most a minute."""
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 60
    while not (wal.exists() and wal.stat().st_size) and time.monotonic() < deadline:
        assert process.poll() is None, "the ingest ended before it could be killed"
        time.sleep(0.05)


def _tables(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as connection:

        def one(sql: str) -> int:
            try:
                return int(connection.execute(sql).fetchone()[0])  # type: ignore[index]
            except duckdb.CatalogException:  # killed before the schema was complete
                return 0

        return {
            "articles": one("SELECT count(*) FROM articles"),
            "distinct": one("SELECT count(DISTINCT article_id) FROM articles"),
            "events": one("SELECT count(*) FROM events"),
            "distinct_events": one("SELECT count(DISTINCT event_id) FROM events"),
            "orphan_events": one(
                "SELECT count(*) FROM events"
                " WHERE article_id NOT IN (SELECT article_id FROM articles)"
            ),
            "orphan_actors": one(
                "SELECT count(*) FROM event_actors"
                " WHERE event_id NOT IN (SELECT event_id FROM events)"
            ),
        }


def test_kill_9_during_ingest_then_resume_reaches_the_uninterrupted_counts(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    source = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": f"a{n}", "text": story(rng, n)}) for n in range(150)]
    source.write_text("\n".join(lines) + "\n")
    whole, killed = tmp_path / "whole.duckdb", tmp_path / "killed.duckdb"
    assert _ingest(whole, source).wait(timeout=600) == 0
    for delay in (0.0, 2.0):  # as it starts writing (the schema), and during the articles
        process = _ingest(killed, source)
        _wait_for_writes(killed, process)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        partial = _tables(killed)  # the killed run left a database that opens, consistent
        assert partial["articles"] == partial["distinct"] < 150
        assert partial["orphan_events"] == partial["orphan_actors"] == 0
    resumed = _ingest(killed, source)
    _, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, err
    assert "read 150:" in err and "refused 0" in err, err
    counts = _tables(killed)
    assert counts == _tables(whole)
    assert counts["articles"] == counts["distinct"] == 150
    assert counts["events"] == counts["distinct_events"] > 0
    assert counts["orphan_events"] == counts["orphan_actors"] == 0


def _seconds(text: str) -> float:
    code_document(text)  # warm: the same code paths, compiled patterns, loaded model
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        code_document(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("blank", [" ", "\t", "\n", " \n", "\u00a0"])
def test_a_ten_times_longer_whitespace_run_costs_about_ten_times_more(blank: str) -> None:
    lead = "Russia imposed sanctions on Syria on Tuesday, the ministry said."

    def text(size: int) -> str:
        run = blank * size
        return f"Iran said{run}citing officials that {lead}{run}quoting, who said{run}it"

    small, large = _seconds(text(3_000)), _seconds(text(30_000))
    assert large / small < 30, (small, large)  # quadratic work would be ~100 times


def test_a_ten_times_longer_sentence_without_punctuation_costs_about_ten_times_more() -> None:
    words = ["Russia", "attacked", "Ukraine", "and", "Iran", "met", "Israel", "the", "talks"]

    def text(size: int) -> str:
        return " ".join(words[n % len(words)] for n in range(size))

    small, large = _seconds(text(1_000)), _seconds(text(10_000))
    assert large / small < 30, (small, large)


def test_a_stage_that_runs_too_long_refuses_its_record_only() -> None:
    def slow(doc: Document, settings: Settings) -> None:
        if "slow" in doc.article.text:
            time.sleep(5)

    stages: tuple[Stage, ...] = (_stage("slow", "article", "text", per_document("slow", slow)),)
    pipeline = Pipeline(Settings(max_seconds=1), stages)
    docs = pipeline([Document(Article("a", "slow one")), Document(Article("b", "fast one"))])
    assert docs[0].rejection is not None and docs[0].rejection.code == TimeLimit.code
    assert docs[1].rejection is None


def _read(path: Path, **options: object) -> list[Article | Rejection]:
    return list(read_inputs([str(path)], **options))  # type: ignore[arg-type]


def test_a_jsonl_bomb_is_refused_line_by_line_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb") as stream:
        stream.write(b'{"id": "big", "text": "' + b"a" * 30_000_000 + b'"}\n')
        stream.write(json.dumps({"id": "next", "text": "Iran met Qatar."}).encode() + b"\n")
    found = _read(bomb)
    assert isinstance(found[0], Rejection) and found[0].code == "BC105"
    assert isinstance(found[1], Article) and found[1].article_id == "next"


def test_utf16_and_utf32_files_with_a_bom_are_read(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-32"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes("Iran met Qatar in Doha on Monday.".encode(encoding))
        found = _read(path)
        assert isinstance(found[0], Article) and found[0].text.startswith("Iran met"), encoding


def test_texts_are_not_misread_as_jsonl_feeds_or_warc(tmp_path: Path) -> None:
    texts = {
        "brace.txt": "{Editor's note} Iran met Qatar in Doha on Monday.",
        "rss.txt": "Iran met Qatar. The <rss feed> of the ministry said so.",
        "warc.txt": "WARC/ is a file format. Iran met Qatar in Doha on Monday.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
        found = _read(tmp_path / name)
        assert len(found) == 1 and isinstance(found[0], Article) and found[0].text == text, name


def test_a_missing_path_with_brackets_is_not_globbed(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("Iran met Qatar.")
    found = _read(tmp_path / "[12].txt")
    assert isinstance(found[0], Rejection) and found[0].code == "BC106"


def test_a_file_name_that_is_not_utf8_is_read_and_named(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text("Iran met Qatar in Doha on Monday.")
    (folder / "bad.txt").write_bytes(b"")
    found = _read(folder)
    articles = [r for r in found if isinstance(r, Article)]
    assert articles and "\\udce9" in (articles[0].origin or "")
    articles[0].origin.encode("utf-8")  # type: ignore[union-attr]


def test_a_large_page_with_a_small_text_is_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    filler = "<div class='nav'><a href='/x'>link</a></div>" * 40_000  # 1.7 MB of markup
    text = "<p>" + " ".join([story(__import__("random").Random(1), 1)] * 3) + "</p>"
    page.write_text(f"<html><body>{filler}<article>{text}</article></body></html>")
    found = _read(page)
    assert isinstance(found[0], Article) and found[0].html is not None


def test_impossible_and_out_of_range_dates_are_never_emitted() -> None:
    doc = code_document(
        "Russia attacked Ukraine on February 31, officials said.", published="2024-03-05"
    )
    assert doc.rejection is None and doc.events
    assert all(e.date.start is None for e in doc.events)
    for published in ("0001-01-01", "9999-12-31"):
        doc = code_document("Israel struck Gaza yesterday, officials said.", published=published)
        assert doc.rejection is None and doc.events
    doc = code_document(
        "Russia attacked Ukraine 99999999999999999999 days ago.", published="2024-03-05"
    )
    assert doc.rejection is None and doc.events


def test_a_slip_in_attribution_loses_the_field_not_the_article() -> None:
    doc = code_document("And and accused the government of lying, officials said.")
    assert doc.rejection is None


def test_escape_sequences_never_reach_the_stored_text_or_the_actors() -> None:
    doc = code_document("Israel \x1b]0;PWN\x07 attacked Gaza on Monday, officials said.")
    assert doc.rejection is None and "\x1b" not in doc.article.text
    assert all("\x1b" not in a.text for e in doc.events for a in e.actor + e.recipient)
    assert safe_text("a\r\nb\rc\x00d\udc00") == "a\nb\ncd\ufffd"


@pytest.fixture
def stored(tmp_path: Path) -> str:
    db = str(tmp_path / "r.duckdb")
    text = '=HYPERLINK("http://x.org") Russia accused Ukraine of shelling Kharkiv on Monday.'
    with open_store(db) as store:
        doc = next(Pipeline(Settings()).run([Article("x", text, origin="x")]))
        assert store.store_document(doc) == "stored"
    return db


def test_csv_cells_that_look_like_formulas_are_neutralised(run_cli: Run, stored: str) -> None:
    code, out, _ = run_cli("events", "--db", stored, "--format", "csv", "--all")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows
    assert all(not v.startswith(("=", "+", "@")) for row in rows for v in row.values())
    assert any(row["evidence"].startswith("'=HYPERLINK") for row in rows)


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [
        ("--type", "ATTACK", "ASSAULT"),
        ("--country", "China", "CHN"),
        ("--type", "asault", "ASSAULT"),
    ],
)
def test_filters_that_cannot_match_are_refused_with_a_suggestion(
    run_cli: Run, stored: str, option: str, value: str, hint: str
) -> None:
    code, out, err = run_cli("events", "--db", stored, option, value)
    assert code == 2 and not out and "[BC703]" in err and f"did you mean {hint}?" in err


def test_valid_filters_in_any_case_still_match(run_cli: Run, stored: str) -> None:
    code, out, _ = run_cli(
        "events", "--db", stored, "--type", "accuse", "--country", "rus", "--format", "jsonl"
    )
    assert code == 0 and out.strip()


def test_a_negative_limit_and_an_unwritable_report_are_usage_errors(
    run_cli: Run, stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        run_cli("events", "--db", stored, "--limit", "-1")
    assert stop.value.code == 2 and "must be 0 or more" in capsys.readouterr().err
    code, _, err = run_cli("report", "--db", stored, "--output", str(tmp_path / "no" / "r.html"))
    assert code == 2 and "[BC702]" in err and "Traceback" not in err


def test_readers_open_the_database_read_only_side_by_side(stored: str) -> None:
    command = [sys.executable, "-m", "backchannel", "events", "--db", stored, "--format", "jsonl"]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)
    ]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]  # type: ignore[union-attr]
    assert all(code == 0 for code, _ in results), results
    with (
        open_store(stored, create=False, read_only=True) as first,
        open_store(stored, create=False, read_only=True) as second,
    ):
        assert first.query_events() == second.query_events()


def _warc(gz: bool, count: int = 6) -> tuple[bytes, list[int]]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer, offsets = io.BytesIO(), []
    writer = WARCWriter(buffer, gzip=gz)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
    for n in range(count):
        offsets.append(buffer.tell())
        body = f"<html><body><p>Iran met Qatar in Doha, report {n}.</p></body></html>".encode()
        fixed = {  # the same bytes every run: where a cut falls must not depend on a uuid
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
            "WARC-Date": "2026-01-01T00:00:00Z",
        }
        record = writer.create_warc_record(
            f"https://x.org/{n}",
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict=fixed,
        )
        writer.write_record(record)
    return buffer.getvalue(), offsets


@pytest.mark.parametrize(
    ("name", "gz", "damage", "kept"),
    [
        ("garbage", False, lambda d, o: d[: o[2]] + b"GARBAGE\r\n\r\nxx" + d[o[2] :], 6),
        ("garbage", True, lambda d, o: d[: o[2]] + b"GARBAGE" + d[o[2] :], 6),
        ("long", False, lambda d, o: d.replace(b"Content-Length: ", b"Content-Length: 1", 1), 5),
        ("cut", True, lambda d, o: d[: o[2] + 60] + d[o[3] :], 5),
    ],
)
def test_a_damaged_warc_record_is_refused_and_the_archive_read_on(
    tmp_path: Path, name: str, gz: bool, damage: Callable[[bytes, list[int]], bytes], kept: int
) -> None:
    data, offsets = _warc(gz)
    path = tmp_path / (f"{name}.warc" + (".gz" if gz else ""))
    path.write_bytes(damage(data, offsets))
    found = _read(path)
    articles = [r for r in found if isinstance(r, Article)]
    refused = [r for r in found if isinstance(r, Rejection)]
    assert len(articles) == kept and len(refused) == 1, found
    assert refused[0].code == "BC101" and "damaged archive record" in refused[0].message


def test_a_warc_header_that_never_ends_is_refused(tmp_path: Path) -> None:
    data, _ = _warc(True, 2)
    bomb = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: " + b"a" * 20_000_000)
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(bomb + data)
    found = _read(path)
    assert isinstance(found[0], Rejection) and "headers over" in found[0].message
    assert sum(isinstance(r, Article) for r in found) == 2
