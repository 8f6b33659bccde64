"""The store's tables (DuckDB dialect, kept to plain SQL a PostgreSQL backend can mirror).

``articles``      one row per distinct cleaned text (``content_hash`` is unique);
                  ``duplicate_of`` links a near-duplicate (syndicated copy) to the first copy;
                  ``relevance_*`` and ``skipped``: may it hold a political event, and which
                  sentences were not coded, and why (the relevance stage).
``article_bands`` MinHash LSH keys, to find near-duplicates with an index lookup.
``events``        every contract field as a column, plus ``document``: the contract JSON
                  exactly as ``serialise.event_to_dict`` writes it; the events the ``keep``
                  stage did not keep too, with ``dropped`` = the reason (NULL when kept).
``event_actors``  one row per actor, recipient and intermediary, for filtering.
``rejections``    every record a stage refused, with its stable code.
``schema_version`` the version of this schema in the file.
"""

from __future__ import annotations

SCHEMA_VERSION = 4  # 2: event_actors.home_country; 3: events.dropped, events.evidence_also;
# 4: articles.relevance_political, relevance_score, relevance_reason, skipped

TABLES = (
    """CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER NOT NULL,
        applied_at TIMESTAMP NOT NULL
    )""",
    "CREATE SEQUENCE IF NOT EXISTS article_seq",
    """CREATE TABLE IF NOT EXISTS articles (
        article_id VARCHAR PRIMARY KEY,
        seq BIGINT NOT NULL DEFAULT nextval('article_seq'),
        content_hash VARCHAR NOT NULL UNIQUE,
        url VARCHAR,
        title VARCHAR,
        published DATE,
        published_source VARCHAR,
        language VARCHAR,
        origin VARCHAR,
        text VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL,
        duplicate_of VARCHAR,
        similarity DOUBLE,
        minhash BIGINT[],
        relevance_political BOOLEAN,
        relevance_score DOUBLE,
        relevance_reason VARCHAR,
        skipped JSON
    )""",
    # schema 4: the relevance stage's decision on the article and the sentences it skipped,
    # [{start, end, reason}] (files of schema 3 gain the columns; their articles: NULL)
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS relevance_political BOOLEAN",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS relevance_score DOUBLE",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS relevance_reason VARCHAR",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS skipped JSON",
    """CREATE TABLE IF NOT EXISTS article_bands (
        band VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS article_bands_band ON article_bands (band)",
    "CREATE INDEX IF NOT EXISTS articles_url ON articles (url)",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        schema VARCHAR NOT NULL,
        event VARCHAR NOT NULL,
        mode VARCHAR,
        context VARCHAR[],
        cameo VARCHAR,
        quad_class INTEGER,
        intensity DOUBLE,
        status VARCHAR,
        negated BOOLEAN,
        date_start VARCHAR,
        date_end VARCHAR,
        date_granularity VARCHAR,
        date_basis VARCHAR,
        date_text VARCHAR,
        attribution_kind VARCHAR,
        attribution_source JSON,
        attribution_text VARCHAR,
        attribution_cue VARCHAR,
        attribution_chain VARCHAR[],
        evidence_sentence VARCHAR,
        evidence_start INTEGER,
        evidence_end INTEGER,
        evidence_trigger VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER,
        confidence DOUBLE,
        coder VARCHAR,
        rule VARCHAR,
        opinion BOOLEAN,
        document JSON NOT NULL,
        dropped VARCHAR,
        evidence_also JSON
    )""",
    # schema 3: events not kept, with the reason (NULL: kept), and the other tellings of an
    # event merged within its article (files of schema 2 gain the columns; their events: kept)
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS dropped VARCHAR",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS evidence_also JSON",
    "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    """CREATE TABLE IF NOT EXISTS event_actors (
        event_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        text VARCHAR,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        kb_id VARCHAR,
        role_holder VARCHAR,
        home_country VARCHAR
    )""",
    # schema 2: a non-state group's home country (files of schema 1 gain the column)
    "ALTER TABLE event_actors ADD COLUMN IF NOT EXISTS home_country VARCHAR",
    "CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event_id)",
    """CREATE TABLE IF NOT EXISTS rejections (
        record VARCHAR NOT NULL,
        stage VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        message VARCHAR NOT NULL,
        "at" TIMESTAMP NOT NULL
    )""",
)

ARTICLE_COLUMNS = (
    "article_id",
    "content_hash",
    "url",
    "title",
    "published",
    "published_source",
    "language",
    "origin",
    "text",
    "ingested_at",
    "duplicate_of",
    "relevance_political",
    "relevance_score",
    "relevance_reason",
    "skipped",
)
