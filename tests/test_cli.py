"""The contract commands end to end: code, dates, attributions; bad input never aborts."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import jsonl

Run = Callable[..., tuple[int, str, str]]

STORY = "Russia launched a missile attack on Kyiv on Tuesday, Ukrainian officials said."


def _batch(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"id": "good", "text": STORY, "published": "2025-07-04"}),
        "{not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "huge", "text": "word " * 400}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_code_goes_on_past_bad_records(run_cli: Run, tmp_path: Path) -> None:
    code, out, err = run_cli("code", "--jsonl", str(_batch(tmp_path)), "--max-bytes", "1000")
    assert code == 0
    events = jsonl(out)
    assert events and {e["article_id"] for e in events} == {"good"}
    assert any(e["event"] == "ASSAULT" and e["date"]["start"] == "2025-07-01" for e in events)
    messages = err.strip().splitlines()
    assert len(messages) == 3 and "Traceback" not in err
    assert "[BC101]" in messages[0] and "batch.jsonl:2" in messages[0]
    assert "[BC102]" in messages[1] and "id empty" in messages[1]
    assert "[BC105]" in messages[2] and "max_bytes" in messages[2]


def test_code_fails_only_when_nothing_could_be_read(run_cli: Run, tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\x00\x10JFIF\x00" * 50)
    code, out, err = run_cli("code", str(binary), str(tmp_path / "missing.txt"))
    assert code == 1 and out == ""
    assert "[BC103]" in err and "[BC106]" in err and "Traceback" not in err


def test_code_reads_stdin(run_cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO(STORY.encode())))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run_cli("code", "--published", "2025-07-04")
    assert code == 0 and any(e["event"] == "ASSAULT" for e in jsonl(out))


def test_dates_resolve_against_the_publication_date(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY)
    code, out, _ = run_cli("dates", str(path), "--published", "2025-07-04")
    [line] = jsonl(out)
    assert code == 0 and line["text"] == "Tuesday" and line["value"] == "2025-07-01"
    assert STORY[line["start"] : line["end"]] == "Tuesday"
    code, out, _ = run_cli("dates", str(path))
    assert jsonl(out)[0]["value"].startswith("XXXX"), "no date is invented without --published"


def test_attributions_give_spans_into_the_text(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY)
    code, out, _ = run_cli("attributions", str(path))
    [line] = jsonl(out)
    assert code == 0 and line["kind"] == "anonymous"  # officials, unnamed
    for role in ("source", "cue", "content"):
        span = line[role]
        assert STORY[span["start"] : span["end"]] == span["text"]
    assert line["source"]["text"] == "Ukrainian officials" and line["cue"]["text"] == "said"


def test_code_all_prints_the_events_not_kept_with_the_reason(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    _, out, _ = run_cli("code", str(path), "--published", "2025-07-04")
    kept = jsonl(out)
    assert kept and all(e["dropped"] is None for e in kept)
    code, out, _ = run_cli("code", str(path), "--published", "2025-07-04", "--min-confidence", "1")
    assert code == 0 and all(e["confidence"] >= 1 for e in jsonl(out))
    _, out, _ = run_cli(
        "code", str(path), "--published", "2025-07-04", "--min-confidence", "1", "--all"
    )
    audited = jsonl(out)
    assert sorted(str(e["event_id"]) for e in audited) == sorted(str(e["event_id"]) for e in kept)
    below = [e for e in audited if e["dropped"] is not None]
    assert below and all(
        str(e["dropped"]) == f"confidence {e['confidence']:.2f} below 1.00" for e in below
    )


def test_code_refuses_a_confidence_outside_0_to_1(run_cli: Run, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as refused:
        run_cli("code", "--min-confidence", "1.5")
    assert refused.value.code == 2
