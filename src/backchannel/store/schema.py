"""The store's tables (DuckDB dialect, kept to plain SQL a PostgreSQL backend can mirror).

``articles``      one row per distinct cleaned text (``content_hash`` is unique);
                  ``duplicate_of`` links a near-duplicate (syndicated copy) to the first copy;
                  ``relevance_*`` and ``skipped``: may it hold a political event, and which
                  sentences were not coded, and why (the relevance stage).
``article_bands`` MinHash LSH keys, to find near-duplicates with an index lookup.
``events``        every contract field as a column (``location`` as ``location_*``), plus
                  ``document``: the contract JSON exactly as ``serialise.event_to_dict``
                  writes it; the events the ``keep`` stage did not keep too, with
                  ``dropped`` = the reason (NULL when kept).
``event_actors``  one row per actor, recipient and intermediary, for filtering.
``rejections``    every record a stage refused, with its stable code.
``clusters``      one row per happening: the events of different articles that report it
                  (``backchannel.across``), its canonical event, first report and counts;
                  recomputed after every ingest (``store.clusters.recluster``).
``cluster_events`` the mentions: one row per clustered (kept) event, near-duplicates' too.
``threads``, ``thread_clusters`` story threads: clusters of one dyad and topic over time.
``schema_version`` the version of this schema in the file.
"""

from __future__ import annotations

SCHEMA_VERSION = 6  # 2: event_actors.home_country; 3: events.dropped, events.evidence_also;
# 4: articles.relevance_political, relevance_score, relevance_reason, skipped;
# 5: clusters, cluster_events, threads, thread_clusters; 6: events.location_* (where the
# event happened)
LOCATION_COLUMNS = (
    ("location_text", "VARCHAR"), ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
    ("location_admin1", "VARCHAR"), ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"),
    ("location_geonames_id", "BIGINT"), ("location_basis", "VARCHAR"),
)  # fmt: skip

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
    # schema 6: where the event happened (files of schema 5 gain the columns; their events:
    # NULL, no location)
    *(
        f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {col} {kind}"
        for col, kind in LOCATION_COLUMNS
    ),
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
    # schema 5: events of different articles that report one happening, and story threads
    """CREATE TABLE IF NOT EXISTS clusters (
        cluster_id VARCHAR PRIMARY KEY,
        canonical_event VARCHAR NOT NULL,
        event VARCHAR NOT NULL,
        actor_codes VARCHAR[],
        recipient_codes VARCHAR[],
        date VARCHAR,
        first_event VARCHAR NOT NULL,
        first_article VARCHAR NOT NULL,
        first_reported DATE,
        first_outlet VARCHAR,
        mentions INTEGER NOT NULL,
        sources INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        article_ids VARCHAR[],
        seq BIGINT NOT NULL,
        position INTEGER NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS cluster_events (
        cluster_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        position INTEGER NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS cluster_events_event ON cluster_events (event_id)",
    "CREATE INDEX IF NOT EXISTS cluster_events_cluster ON cluster_events (cluster_id)",
    """CREATE TABLE IF NOT EXISTS threads (
        thread_id VARCHAR PRIMARY KEY,
        dyad VARCHAR NOT NULL,
        topic VARCHAR NOT NULL,
        first_date VARCHAR,
        last_date VARCHAR,
        clusters INTEGER NOT NULL,
        mentions INTEGER NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS thread_clusters (
        thread_id VARCHAR NOT NULL,
        cluster_id VARCHAR NOT NULL,
        position INTEGER NOT NULL
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
