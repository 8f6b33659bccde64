"""Hard-wrapped plain text and wire datelines: sentences, actors and evidence offsets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from backchannel.clean import clean, unwrap
from backchannel.clean.dateline import dateline_length
from backchannel.nlp import split_sentences
from backchannel.records import Article
from backchannel.settings import Settings
from tests.conftest import jsonl

WRAPPED = (
    "Message passed to Tehran\n"
    "TOKYO (Kyodo) - Japan passed a message from Washington to Tehran, conveyed via French\n"
    "intermediaries, according to a U.S. government source cited by Kyodo News.\n"
    "The talks were held\n"
    "in Paris, and officials of the\n"
    "European Union said the deal would be signed by\n"
    "12 ministers.\n"
    "\n"
    "- a list item that wraps\n"
    "onto a second line\n"
    "- another item"
)


def test_breaks_inside_sentences_are_joined() -> None:
    lines = unwrap(WRAPPED).split("\n")
    assert lines[0] == "Message passed to Tehran"
    assert lines[1].endswith(
        "conveyed via French intermediaries, according to a U.S. "
        "government source cited by Kyodo News."
    )
    assert lines[2] == (
        "The talks were held in Paris, and officials of the European Union said the deal "
        "would be signed by 12 ministers."
    )
    assert lines[3:] == ["", "- a list item that wraps onto a second line", "- another item"]


@pytest.mark.parametrize(
    "text",
    [
        "Iran and US agree to talks\nThe talks open on Monday.",  # headline
        "Talks agreed in Oman\nTEHRAN - the talks open on Monday.",  # dateline next
        "The envoys met in Muscat.\nThey will meet again.",  # sentence ended
        "The envoys met in Muscat\n\nthey will meet again.",  # paragraph break
        "Talks on sanctions\nBy Jane Doe, Reuters",  # byline after a headline
        "Key points of the deal:\n1. a ceasefire",  # list item
        "Oman hosts talks\n3 March 2026",  # headline, then a date line
    ],
)
def test_headlines_datelines_paragraphs_and_lists_stay_apart(text: str) -> None:
    assert unwrap(text) == text


def test_crlf_break_inside_a_sentence_is_one_space() -> None:
    assert unwrap("Envoys meet in Muscat\r\nOfficials said the\r\nsanctions") == (
        "Envoys meet in Muscat\r\nOfficials said the sanctions"
    )


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("DOHA, March 3 (Reuters) - Israel and Hamas agreed.", "DOHA, March 3 (Reuters) - "),
        ("TEHRAN - Iranian Foreign Minister Abbas Araqchi met", "TEHRAN - "),
        ("KYIV, Ukraine (AP) — Russia attacked", "KYIV, Ukraine (AP) — "),
        ("WASHINGTON (Reuters) - The United States", "WASHINGTON (Reuters) - "),
        ("DOHA, March 3, 2026 -- Israel agreed", "DOHA, March 3, 2026 -- "),
        ("ST. PETERSBURG, Russia, Jan. 5 (AFP) - Putin", "ST. PETERSBURG, Russia, Jan. 5 (AFP) - "),
        ("NEW DELHI: India said", "NEW DELHI: "),
        ("Israel and Hamas - two sides", ""),
        ("US-China talks resumed", ""),
        ("The US - China talks", ""),
    ],
)
def test_dateline_length(line: str, dateline: str) -> None:
    assert line[: dateline_length(line)] == dateline


def test_a_dateline_belongs_to_no_sentence() -> None:
    text = "Ceasefire agreed\nDOHA, March 3 (Reuters) - Israel and Hamas agreed. Talks go on."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Ceasefire agreed",
        "Israel and Hamas agreed.",
        "Talks go on.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.fixture
def code_text(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> Callable[[str], list[dict[str, object]]]:
    def code(text: str) -> list[dict[str, object]]:
        path = tmp_path / "a.txt"
        path.write_text(text, encoding="utf-8")
        status, out, _ = run_cli("code", str(path))
        assert status == 0
        return jsonl(out)

    return code


def _names(actors: object) -> list[object]:
    assert isinstance(actors, list)
    return [actor["name"] for actor in actors]


@pytest.mark.parametrize(
    "text",
    [
        "DOHA, March 3 (Reuters) - Israel and Hamas agreed to a ceasefire, officials said.",
        "DOHA - Israel and Hamas agreed to a ceasefire on Tuesday, officials said.",
        "DOHA, Qatar (AP) — Israel and Hamas agreed to a ceasefire on Tuesday, officials said.",
    ],
)
def test_the_dateline_city_is_not_an_actor(
    text: str, code_text: Callable[[str], list[dict[str, object]]]
) -> None:
    events = code_text(text)
    assert events
    for event in events:
        assert "Qatar" not in _names(event["actor"]) + _names(event["recipient"])
        evidence = event["evidence"]
        assert isinstance(evidence, dict)
        assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
        assert evidence["sentence"].startswith("Israel and Hamas agreed")


def test_a_wrapped_sentence_keeps_its_attribution_and_offsets(
    code_text: Callable[[str], list[dict[str, object]]],
) -> None:
    events = code_text(WRAPPED)
    stored = clean(Article("a", WRAPPED), Settings()).text
    conveyed = [e for e in events if e["evidence"]["trigger"] == "conveyed"]  # type: ignore[index]
    assert conveyed
    event = conveyed[0]
    assert event["attribution"]["text"] == "a U.S. government source"  # type: ignore[index]
    assert _names(event["intermediary"]) == ["France"]
    evidence = event["evidence"]
    assert isinstance(evidence, dict)
    assert stored[evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert "French intermediaries, according to" in evidence["sentence"]
