"""Ingest in small batches.

A record already stored (its id with the same cleaned text, or its URL) is skipped before it
is coded; the others are coded (on every core: ``workers``) in chunks of ``workers.CHUNK``
records, and each chunk is stored in one transaction as soon as it is coded. An interrupted
run loses at most the chunks in flight, and running it again codes only what is new.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from backchannel.clean import clean
from backchannel.errors import BackchannelError
from backchannel.records import Article, Coded
from backchannel.settings import Settings
from backchannel.store import Outcome, Store
from backchannel.workers import Pool, Record, chunks, code_chunks

Stored = tuple[Coded, Outcome]


def ingest_batches(
    records: Iterable[Record],
    store: Store,
    settings: Settings,
    workers: int | None = None,
    pool: Pool | None = None,
) -> Iterator[Stored]:
    """Each record with what became of it, in input order for the coded ones (the skipped
    ones come as soon as they are found); ``workers`` and ``pool`` as for ``code_chunks``."""
    skipped: list[Stored] = []
    fresh = _unstored(records, store, settings, skipped)
    for batch in code_chunks(fresh, settings, workers, pool):
        yield from _drain(skipped)
        yield from zip(batch, store.store_batch(batch), strict=True)
    yield from _drain(skipped)


def _drain(items: list[Stored]) -> Iterator[Stored]:
    while items:
        yield items.pop(0)


def _unstored(
    records: Iterable[Record], store: Store, settings: Settings, skipped: list[Stored]
) -> Iterator[Record]:
    """The records not stored yet; the others go to ``skipped`` with their outcome."""
    for chunk in chunks(records):
        articles = [record for record in chunk if isinstance(record, Article)]
        hashes, urls = store.known_articles(
            [a.article_id for a in articles], [a.url for a in articles if a.url]
        )
        for record in chunk:
            if isinstance(record, Article):
                outcome = stored_as(record, hashes, urls, settings)
                if outcome is not None:
                    skipped.append((Coded(record, {}, []), outcome))
                    continue
            yield record


def stored_as(
    article: Article, hashes: dict[str, str], urls: set[str], settings: Settings
) -> Outcome | None:
    """What storing the article would do, when that is nothing: ``same-url`` when its URL is
    stored, ``unchanged`` when its id is stored with the same cleaned text; else None."""
    if article.url and article.url in urls:
        return "same-url"
    stored = hashes.get(article.article_id)
    if stored is None:
        return None
    try:
        text = clean(replace(article), settings).text
    except BackchannelError:
        return None
    return "unchanged" if Article(article.article_id, text).content_hash == stored else None

