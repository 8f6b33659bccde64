"""The store on a real DuckDB file and on a real PostgreSQL database (the ``store`` fixture
gives each in turn): round trip, idempotence, duplicates, transactions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from backchannel.errors import StoreError
from backchannel.records import (
    Actor,
    Article,
    Attribution,
    Document,
    Event,
    EventDate,
    Evidence,
    Rejection,
)
from backchannel.serialise import coded, event_to_dict
from backchannel.store import DuckDBStore, EventFilter, PostgresStore, open_store
from backchannel.store.schema import SCHEMA_VERSION

BODY = (
    "GENEVA -- The foreign ministers of Norland and Sudmark met on Tuesday in Geneva to "
    "discuss a ceasefire along their disputed border, officials said.\n"
    "Norland imposed new sanctions on three Sudmark banks last week, a move the Sudmark "
    "government called an act of economic war.\n"
    "Swiss diplomats offered to host a second round of talks next month, according to a "
    "senior official who asked not to be named.\n"
)
OTHER = (
    "KYIV -- Heavy shelling hit the eastern districts overnight, the regional governor "
    "said on Friday, adding that rescue teams were still searching the rubble.\n"
)
NORLAND = Actor("Norland", "Norland", "NRL", "GOV", None, None)
SUDMARK = Actor("Sudmark banks", "Sudmark", "SDM", "BUS", None, None)
SWISS = Actor("Swiss diplomats", "Switzerland", "CHE", "GOV", "Q39", None)


def _sentence_event(article: Article, sentence: str, trigger: str, kind: str) -> Event:
    start = article.text.index(sentence)
    at = sentence.index(trigger)
    evidence = Evidence(
        sentence, start, start + len(sentence), trigger, start + at, start + at + len(trigger)
    )
    return Event(article.article_id, kind, evidence)


def make_document(article_id: str = "a1", text: str = BODY, url: str | None = None) -> Document:
    article = Article(
        article_id, text, title="Talks in Geneva", url=url, published=date(2026, 3, 3)
    )
    sanction = _sentence_event(article, "Norland imposed new sanctions", "imposed", "SANCTION")
    sanction.actor, sanction.recipient = [NORLAND], [SUDMARK]
    sanction.date = EventDate("2026-02-24", "2026-03-01", "week", "relative", "last week")
    sanction.quad_class, sanction.intensity, sanction.cameo = 4, -8.0, "163"
    meet = _sentence_event(article, "Swiss diplomats offered to host", "offered", "CONSULT")
    meet.actor, meet.intermediary, meet.status = [NORLAND, SUDMARK], [SWISS], "proposed"
    meet.attribution = Attribution("anonymous", None, "a senior official", "according to")
    meet.context = ["diplomacy"]
    return Document(article, events=[sanction, meet])


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store is: a DuckDB file, or a fresh database on the session's PostgreSQL."""
    if request.param == "duckdb":
        return str(tmp_path / "test.duckdb")
    return str(request.getfixturevalue("pg_database"))


@pytest.fixture
def store(location: str) -> Iterator[DuckDBStore]:
    opened = open_store(location)
    assert isinstance(opened, PostgresStore if location.startswith("postgresql:") else DuckDBStore)
    yield opened
    opened.close()


def test_round_trip_gives_the_contract_dicts(store: DuckDBStore, location: str) -> None:
    doc = make_document()
    assert store.store_document(doc) == "stored"
    store.close()
    with open_store(location) as again:
        assert again.query_events() == [event_to_dict(e) for e in doc.events]
        article = again.get_article("a1")
    assert article is not None
    assert article["text"] == BODY and article["published"] == "2026-03-03"
    assert article["content_hash"] == doc.article.content_hash
    assert article["duplicate_of"] is None


def test_actor_rows_and_filters(store: DuckDBStore) -> None:
    store.store_document(make_document())
    assert store.counts()["event_actors"] == 5
    assert [e["event"] for e in store.query_events(EventFilter(country="che"))] == ["CONSULT"]
    assert len(store.query_events(EventFilter(actor="sudmark"))) == 2
    assert store.query_events(EventFilter(actor="sudmark", role="intermediary")) == []
    assert [e["event"] for e in store.query_events(EventFilter(event="SANCTION"))] == ["SANCTION"]
    # the sanction is dated by its own week, the meeting by the published date
    since = store.query_events(EventFilter(since=date(2026, 3, 2)))
    assert [e["event"] for e in since] == ["CONSULT"]
    assert [e["event"] for e in store.query_events(EventFilter(until=date(2026, 2, 28)))] == [
        "SANCTION"
    ]
    assert len(store.query_events(EventFilter(limit=1))) == 1


def test_reingesting_the_same_article_changes_nothing(store: DuckDBStore) -> None:
    assert not store.holds_articles()
    assert store.store_document(make_document()) == "stored"
    assert store.holds_articles()
    before = store.counts()
    assert store.store_document(make_document("other-id")) == "unchanged"
    assert store.counts() == before


def test_the_same_url_twice_is_stored_once(store: DuckDBStore) -> None:
    url = "https://example.org/news/geneva-talks"
    assert store.store_document(make_document("a1", url=url)) == "stored"
    updated = make_document("a2", BODY + "Update: the talks were postponed.\n", url=url)
    assert store.store_document(updated) == "same-url"
    assert store.get_article("a2") is None
    assert store.counts()["articles"] == 1


def test_a_near_duplicate_is_linked_and_not_double_counted(store: DuckDBStore) -> None:
    store.store_document(make_document("a1"))
    junk = "• 231\n• More\n" + BODY + "Comments (0)\nLogin or Join to comment.\n"
    assert store.store_document(make_document("copy", junk)) == "duplicate"
    copy = store.get_article("copy")
    assert copy is not None and copy["duplicate_of"] == "a1"
    assert {e["article_id"] for e in store.query_events()} == {"a1"}
    with_copies = store.query_events(EventFilter(include_duplicates=True))
    assert {e["article_id"] for e in with_copies} == {"a1", "copy"}
    assert store.busiest_article() == "a1"


def test_a_different_article_is_not_a_duplicate(store: DuckDBStore) -> None:
    store.store_document(make_document("a1"))
    assert store.store_document(Document(Article("b1", OTHER))) == "stored"


def test_a_failure_mid_batch_keeps_the_others(store: DuckDBStore) -> None:
    docs = [
        make_document("a1"),
        Document(Article("bad", ""), rejection=Rejection("bad.txt", "ingest", "BC103", "binary")),
        Document(Article("a1", OTHER)),  # same id, different text: refused by the store
        Document(Article("a3", OTHER)),
    ]
    outcomes = [store.store_document(doc) for doc in docs]
    assert outcomes == ["stored", "rejected", "rejected", "stored"]
    rows = store.connection.execute("SELECT record, code FROM rejections ORDER BY code").fetchall()
    assert rows == [("bad.txt", "BC103"), ("a1", "BC601")]
    assert store.get_article("a3") is not None
    assert len(store.query_events()) == 2


def test_a_failing_write_rolls_back_only_that_article(store: DuckDBStore) -> None:
    store.store_document(make_document("a1"))
    # a stricter event_actors table makes the last write of the next article fail
    store.connection.execute("DROP TABLE event_actors")
    store.connection.execute(
        "CREATE TABLE event_actors (event_id VARCHAR, role VARCHAR, position INTEGER,"
        " text VARCHAR, name VARCHAR, country VARCHAR CHECK (country <> 'CHE'),"
        " sector VARCHAR, kb_id VARCHAR, role_holder VARCHAR)"
    )
    broken = make_document("a2", OTHER + BODY.replace("Geneva", "Oslo"))
    assert store.store_document(broken) == "rejected"
    assert store.get_article("a2") is None
    assert store.counts()["articles"] == 1 and store.counts()["events"] == 2
    rows = store.connection.execute("SELECT record, stage, code FROM rejections").fetchall()
    assert rows == [("a2", "store", "BC600")]


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "new.duckdb")
    open_store(path).close()
    with duckdb.connect(path) as connection:
        connection.execute("INSERT INTO schema_version VALUES (99, now())")
    with pytest.raises(StoreError, match="BC600"):
        open_store(path)


def test_a_postgresql_server_that_is_not_there_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match=r"BC600.*cannot connect to postgresql://u:\*\*\*@"):
        open_store("postgresql://u:secret@127.0.0.1:1/events")


@pytest.mark.postgres
def test_a_newer_postgresql_schema_is_refused(pg_database: str) -> None:
    with open_store(pg_database) as store:
        store.connection.execute("INSERT INTO schema_version VALUES (99, now())")
    with pytest.raises(StoreError, match="has schema 99; this version reads"):
        open_store(pg_database)
    with pytest.raises(StoreError, match="has schema 99"):
        open_store(pg_database, create=False)


@pytest.mark.postgres
def test_an_older_postgresql_schema_is_upgraded_by_a_writer(pg_database: str) -> None:
    with open_store(pg_database) as store:
        store.store_document(make_document())
        store.connection.execute("ALTER TABLE events DROP COLUMN evidence_also")
        store.connection.execute("UPDATE schema_version SET version = 2")
    with pytest.raises(StoreError, match="has schema 2; this version reads"):
        open_store(pg_database, create=False)
    with open_store(pg_database) as store:
        assert store.connection.execute("SELECT max(version) FROM schema_version").fetchone() == (
            SCHEMA_VERSION,
        )
        assert store.store_document(_audited_document_of("b1", OTHER + BODY)) == "duplicate"
        also = store.connection.execute("SELECT evidence_also FROM events WHERE article_id = ?",
                                        ["b1"]).fetchall()  # fmt: skip
        assert '"trigger": "sanctions"' in also[0][0]


@pytest.mark.postgres
def test_reading_an_empty_postgresql_database_is_refused(pg_database: str) -> None:
    with pytest.raises(StoreError, match=r"no backchannel database at .*run `backchannel ingest`"):
        open_store(pg_database, create=False)
    with open_store(pg_database) as store:  # created by a writer, then readable
        assert store.counts()["articles"] == 0
    with open_store(pg_database, create=False) as store:
        assert store.query_events() == []


def _audited_document_of(article_id: str = "a1", text: str = BODY) -> Document:
    """``make_document`` with the meeting not kept and the sanction told twice."""
    doc = make_document(article_id, text)
    sanction, meet = doc.events
    headline = _sentence_event(
        doc.article, "Norland imposed new sanctions", "sanctions", "SANCTION"
    )
    sanction.evidence.also = [headline.evidence]
    meet.dropped = "confidence 0.40 below 0.50"
    sanction.confidence = 0.8
    meet.confidence = 0.4
    doc.events, doc.dropped = [sanction], [meet]
    return doc


def test_events_not_kept_are_stored_with_their_reason(store: DuckDBStore) -> None:
    doc = _audited_document_of()
    assert store.store_document(doc) == "stored"
    assert store.counts()["events"] == 2
    rows = store.connection.execute(
        "SELECT event, dropped, evidence_also FROM events ORDER BY position"
    ).fetchall()
    assert [row[:2] for row in rows] == [("SANCTION", None), ("CONSULT", doc.dropped[0].dropped)]
    assert '"trigger": "sanctions"' in rows[0][2] and rows[1][2] == "[]"
    assert store.query_events() == [event_to_dict(doc.events[0])]
    everything = store.query_events(EventFilter(include_dropped=True))
    assert everything == [event_to_dict(e) for e in (*doc.events, *doc.dropped)]
    assert everything[0]["evidence"]["also"][0]["trigger"] == "sanctions"


def test_min_confidence_judges_the_stored_events_again(store: DuckDBStore) -> None:
    doc = _audited_document_of()
    doc.dropped.append(
        _sentence_event(doc.article, "The foreign ministers of Norland", "ministers", "CONSULT")
    )
    doc.dropped[-1].dropped, doc.dropped[-1].confidence = "no political actor", 0.9
    store.store_document(doc)
    lower = store.query_events(EventFilter(min_confidence=0.3))
    assert [(e["event"], e["dropped"]) for e in lower] == [("SANCTION", None), ("CONSULT", None)]
    higher = store.query_events(EventFilter(min_confidence=0.6, include_dropped=True))
    assert [e["dropped"] for e in higher] == [
        None,
        "confidence 0.40 below 0.60",
        "no political actor",
    ]
    assert store.query_events(EventFilter(min_confidence=0.6)) == higher[:1]


def test_the_busiest_article_counts_kept_events(store: DuckDBStore) -> None:
    store.store_document(Document(Article("few", OTHER), events=[]))
    doc = make_document("many")
    doc.dropped = doc.events
    for event in doc.dropped:
        event.dropped = "no political actor"
    doc.events = []
    store.store_document(doc)
    assert store.busiest_article() == "few"


def test_two_events_with_one_id_refuse_the_article_loudly(store: DuckDBStore) -> None:
    doc = make_document()
    doc.events.append(doc.events[0])
    assert store.store_document(doc) == "rejected"
    assert store.get_article("a1") is None and store.counts()["events"] == 0
    [(record, code, message)] = store.connection.execute(
        "SELECT record, code, message FROM rejections"
    ).fetchall()
    assert (record, code) == ("a1", "BC602") and "two events with the id" in message


def test_a_schema_2_file_gains_the_audit_columns(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    with open_store(path) as store:
        store.store_document(make_document())
    with duckdb.connect(path) as connection:  # as a schema-2 file was written
        connection.execute("DROP INDEX events_article")
        connection.execute("ALTER TABLE events DROP COLUMN dropped")
        connection.execute("ALTER TABLE events DROP COLUMN evidence_also")
        connection.execute("DELETE FROM schema_version")
        connection.execute("INSERT INTO schema_version VALUES (2, now())")
        for key in ("dropped", "evidence"):  # and documents without the additive fields
            path_ = "$.dropped" if key == "dropped" else "$.evidence.also"
            connection.execute(f"UPDATE events SET document = json_remove(document, '{path_}')")
    with open_store(path) as store:
        version = store.connection.execute("SELECT max(version) FROM schema_version").fetchone()
        assert version == (SCHEMA_VERSION,)
        events = store.query_events()
        assert [e["dropped"] for e in events] == [None, None]
        assert [e["evidence"]["also"] for e in events] == [[], []]
        assert store.store_document(_audited_document_of("b1", OTHER + BODY)) == "duplicate"
        everything = EventFilter(include_dropped=True, include_duplicates=True)
        assert [e["dropped"] is None for e in store.query_events(everything)] == [
            True, True, True, False,
        ]  # fmt: skip


def _tricky_batch() -> list[Document]:
    """Every decision the store takes, several of them within the batch itself."""
    url = "https://example.org/news/geneva-talks"
    junk = "• 231\n• More\n" + BODY + "Comments (0)\nLogin or Join to comment.\n"
    return [
        make_document("a1", url=url),
        Document(Article("bad", ""), rejection=Rejection("bad.txt", "ingest", "BC103", "binary")),
        make_document("again"),  # the same text: unchanged
        make_document("a2", BODY + "Update: the talks were postponed.\n", url=url),  # same URL
        make_document("copy", junk),  # a near-duplicate of a1
        Document(Article("a1", OTHER)),  # a stored id with another text: refused
        Document(Article("b1", OTHER)),
    ]


def _rows(store: DuckDBStore) -> list[tuple[object, ...]]:
    return store.connection.execute(
        "SELECT article_id, duplicate_of, similarity, minhash, seq FROM articles ORDER BY seq"
    ).fetchall()


def test_a_batch_is_stored_as_its_documents_one_by_one(tmp_path: Path) -> None:
    one_by_one, batched = (DuckDBStore.connect(str(tmp_path / f"{n}.duckdb")) for n in "12")
    outcomes = [one_by_one.store_document(doc) for doc in _tricky_batch()]
    assert outcomes == ["stored", "rejected", "unchanged", "same-url", "duplicate", "rejected",
                        "stored"]  # fmt: skip
    assert batched.store_batch([coded(doc) for doc in _tricky_batch()]) == outcomes
    assert _rows(batched) == _rows(one_by_one)
    everything = EventFilter(include_duplicates=True, include_dropped=True)
    assert batched.query_events(everything) == one_by_one.query_events(everything)
    assert batched.counts() == one_by_one.counts()
    rejections = "SELECT record, stage, code, message FROM rejections ORDER BY code"
    assert (
        batched.connection.execute(rejections).fetchall()
        == one_by_one.connection.execute(rejections).fetchall()
    )


def test_a_failing_row_refuses_only_its_article_of_the_batch(store: DuckDBStore) -> None:
    store.connection.execute("DROP TABLE event_actors")
    store.connection.execute(
        "CREATE TABLE event_actors (event_id VARCHAR, role VARCHAR, position INTEGER,"
        " text VARCHAR, name VARCHAR, country VARCHAR CHECK (country <> 'CHE'),"
        " sector VARCHAR, kb_id VARCHAR, role_holder VARCHAR, home_country VARCHAR)"
    )
    batch = [Document(Article("b1", OTHER)), make_document("a2"), Document(Article("c", BODY[:90]))]
    assert store.store_batch([coded(doc) for doc in batch]) == ["stored", "rejected", "stored"]
    assert store.get_article("a2") is None and store.get_article("c") is not None
    rows = store.connection.execute("SELECT record, stage, code FROM rejections").fetchall()
    assert rows == [("a2", "store", "BC600")]
