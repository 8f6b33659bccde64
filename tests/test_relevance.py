"""The relevance stage: may a document, a sentence, hold a political event? (texts written
for these tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

import backchannel
from backchannel.relevance.model import MODEL_PATH, load_model
from backchannel.store import open_store
from backchannel.store.schema import SCHEMA_VERSION
from tests.conftest import EVAL_DIR, ROOT, jsonl, needs_shared

Run = Callable[..., tuple[int, str, str]]

SPORT = (
    "Rovers beat City 3-1 on Saturday to move top of the league with four games of the season "
    "left. The striker scored twice in the first half, and the goalkeeper saved a penalty before "
    "the break. City's coach said his squad had played their worst match of the season and that "
    "the fans deserved better. The midfielder, back from injury, set up the third goal in the "
    "80th minute. Rovers host United in the cup semi-final next week, while City travel to the "
    "capital for a league game they must win to stay in the playoff places. The stadium was sold "
    "out for the first time this season, and the club said ticket sales for the final would open "
    "on Monday."
)
MARKETS = (
    "Shares in Asia slipped on Tuesday as investors weighed weaker earnings from technology "
    "companies. The Nikkei declined 1.2 percent and the Hang Seng fell 0.8 percent, while the "
    "benchmark index in Sydney closed flat. Traders said quarterly profits at the big chipmakers "
    "had disappointed, and futures pointed to a lower open on Wall Street. Bond yields edged "
    "higher and the dollar gained against the yen. Analysts expect revenue at the largest "
    "retailers to grow by 4 percent this quarter, and several companies raised their dividends "
    "per share. Oil prices were steady, with Brent crude trading near its lowest level in a month "
    "as stockpiles grew."
)
REVIEW = (
    "The new phone is the best smartphone the company has made, and at its price it is hard to "
    "beat. The camera takes sharp pictures in low light, and the screen is bright enough to read "
    "in the sun. Battery life is excellent: a full day of heavy use left us with a third of the "
    "charge. The design is plain, and the speakers are thin, but the apps open quickly and the "
    "software is clean. Our rating is four stars out of five. If you want a cheaper model, the "
    "older version is still on sale, priced at $399, and most users will not notice the "
    "difference in everyday use. We would buy it again."
)
DIPLOMACY = (
    "Iran and Saudi Arabia agreed on Friday to restore diplomatic relations after talks in Beijing "
    "mediated by China, the foreign ministers of the three countries said in a joint statement. "
    "The two governments will reopen their embassies within two months. The United Nations "
    "secretary-general welcomed the agreement and urged both sides to respect it. The United "
    "States said it supported any effort to end the war in Yemen, where Saudi forces have fought "
    "Houthi rebels backed by Tehran since 2015. Israeli officials criticised the deal, and the "
    "Iranian president said his government would meet Saudi leaders next month."
)
POLL = "The senator sits at 85 percent support among black voters in the latest poll."


@pytest.mark.parametrize(
    ("text", "field"), [(SPORT, "sport"), (MARKETS, "markets"), (REVIEW, "reviews")]
)
def test_a_non_political_report_is_ruled_out_and_codes_nothing(text: str, field: str) -> None:
    doc = backchannel.code_document(text, published="2025-05-04")
    assert doc.relevance is not None and not doc.relevance.political
    assert doc.relevance.reason.startswith(f"{field}: ")
    assert doc.events == [] and doc.dropped == []
    assert all(not s.candidate and s.parse is None for s in doc.sentences)
    assert all(
        s.skipped == f"document not political ({doc.relevance.reason})" for s in doc.sentences
    )


def test_a_diplomatic_report_is_political_and_keeps_its_events() -> None:
    doc = backchannel.code_document(DIPLOMACY, published="2025-05-04")
    assert doc.relevance is not None and doc.relevance.political
    assert doc.relevance.score > 0.9 and doc.relevance.reason.startswith("political: ")
    assert {"AGREE"} <= {e.event for e in doc.events}
    assert not any(s.skipped for s in doc.sentences)


def test_a_single_sentence_is_never_ruled_out() -> None:
    doc = backchannel.code_document("Wales beat Hungary 2-0 in the qualifying group on Tuesday.")
    assert doc.relevance is not None and doc.relevance.political  # too short to judge
    doc = backchannel.code_document("Iran and Saudi Arabia agreed to restore diplomatic ties.")
    assert doc.relevance is not None and doc.relevance.political and doc.events


def test_a_poll_sentence_of_a_political_report_is_skipped() -> None:
    doc = backchannel.code_document(f"{DIPLOMACY} {POLL}", published="2025-05-04")
    poll = doc.sentences[-1]
    assert poll.text == POLL and not poll.candidate
    assert poll.skipped == "polls: 85 percent, support among, poll"
    assert not any(e.evidence.start >= poll.start for e in [*doc.events, *doc.dropped])


def test_a_field_sentence_naming_a_political_actor_is_kept() -> None:
    text = f"{DIPLOMACY} The sports minister watched the match and said the league was corrupt."
    doc = backchannel.code_document(text, published="2025-05-04")
    assert doc.sentences[-1].skipped is None


def test_the_model_loads_offline_without_scikit_learn() -> None:
    code = (
        "import sys; sys.modules['sklearn'] = None; sys.modules['scipy'] = None\n"
        "import backchannel\n"
        "doc = backchannel.code_document(sys.argv[1])\n"
        "print(doc.relevance.political)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, SPORT], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
    model = load_model(MODEL_PATH)
    assert model.terms_count() > 1000 and model.min_words > 0


def test_the_shipped_model_rebuilds_byte_identically(tmp_path: Path) -> None:
    needs_shared(EVAL_DIR)
    pytest.importorskip("sklearn", reason="scikit-learn (a dev extra) trains the model")
    out = tmp_path / "model.json"
    subprocess.run(
        [sys.executable, "-m", "eval.train_relevance", "--quick", "--output", str(out)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    assert out.read_bytes() == MODEL_PATH.read_bytes()


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_clean_explain_says_why_a_document_is_not_coded(run_cli: Run, tmp_path: Path) -> None:
    code, out, _ = run_cli("clean", "--explain", _write(tmp_path, "match.txt", SPORT))
    (line,) = jsonl(out)
    assert code == 0 and line["text"].startswith("Rovers beat City")
    relevance = line["relevance"]
    assert relevance["political"] is False and relevance["reason"].startswith("sport: ")
    assert 0 <= relevance["score"] < 0.5
    first = line["skipped"][0]
    assert first["start"] == 0 and line["text"][first["start"] : first["end"]] == first["sentence"]
    assert first["reason"] == f"document not political ({relevance['reason']})"
    _, out, _ = run_cli("clean", _write(tmp_path, "plain.txt", SPORT))
    assert "relevance" not in jsonl(out)[0]  # only when asked


def test_code_explain_puts_a_relevance_line_before_each_article(
    run_cli: Run, tmp_path: Path
) -> None:
    files = [_write(tmp_path, "a.txt", SPORT), _write(tmp_path, "b.txt", DIPLOMACY + " " + POLL)]
    code, out, _ = run_cli("code", "--explain", *files, "--published", "2025-05-04")
    lines = jsonl(out)
    schemas = [line["schema"] for line in lines]
    assert code == 0 and schemas[:2] == ["backchannel.relevance/1"] * 2
    sport, diplomacy = lines[0], lines[1]
    assert sport["relevance"]["political"] is False
    assert len(sport["skipped"]) == sport["sentences"] == 6
    assert diplomacy["relevance"]["political"] is True
    assert [s["reason"] for s in diplomacy["skipped"]] == ["polls: 85 percent, support among, poll"]
    assert set(schemas[2:]) == {"backchannel.event/1"}


def test_ingest_stores_the_decision_and_the_skipped_sentences(tmp_path: Path) -> None:
    path = str(tmp_path / "news.duckdb")
    with open_store(path) as store:
        store.store_document(backchannel.code_document(SPORT, article_id="match"))
        store.store_document(backchannel.code_document(DIPLOMACY, article_id="talks"))
        match, talks = store.get_article("match"), store.get_article("talks")
    assert match is not None and talks is not None
    assert match["relevance_political"] is False and match["relevance_score"] < 0.5
    assert match["relevance_reason"].startswith("sport: ")
    assert len(json.loads(match["skipped"])) == 6
    assert talks["relevance_political"] is True and json.loads(talks["skipped"]) == []


def test_a_schema_3_file_gains_the_relevance_columns(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    with open_store(path) as store:
        store.store_document(backchannel.code_document(DIPLOMACY, article_id="old"))
    with duckdb.connect(path) as connection:  # as a schema-3 file was written
        connection.execute("DROP INDEX articles_url")
        for column in ("relevance_political", "relevance_score", "relevance_reason", "skipped"):
            connection.execute(f"ALTER TABLE articles DROP COLUMN {column}")
        connection.execute("DELETE FROM schema_version")
        connection.execute("INSERT INTO schema_version VALUES (3, now())")
    with open_store(path) as store:
        version = store.connection.execute("SELECT max(version) FROM schema_version").fetchone()
        assert version == (SCHEMA_VERSION,)
        old = store.get_article("old")
        assert old is not None and old["relevance_political"] is None
        store.store_document(backchannel.code_document(SPORT, article_id="new"))
        new = store.get_article("new")
        assert new is not None and new["relevance_political"] is False
