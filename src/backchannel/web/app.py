"""``backchannel serve``: the HTTP API, the dashboard and their docs in one process.

The server keeps one connection to the DuckDB file, read-only unless the write API is on
(``BACKCHANNEL_API_TOKEN`` set), and gives each request its own cursor (on PostgreSQL, a
connection of a small pool). Nothing is loaded
from outside the package: the dashboard's script and styles are served from ``/static``,
and ``/docs`` is a page rendered here from the OpenAPI document (no CDN).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from backchannel import __version__
from backchannel.settings import Settings, load_settings
from backchannel.store.shared import open_shared
from backchannel.web import api, dashboard, docs, writes


def create_app(
    db: str, settings: Settings | None = None, max_body: int = writes.DEFAULT_MAX_BODY
) -> FastAPI:
    """The application for the database ``db`` (opened here, closed when the server stops)."""
    settings = settings or load_settings()
    connection = open_shared(db, writable=bool(settings.api_token))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            connection.close()

    app = FastAPI(
        title="backchannel",
        version=__version__,
        description="Political events coded from news, with their evidence: the JSON API.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings, app.state.max_body, app.state.db = settings, max_body, db
    app.state.connection = connection
    app.state.write_lock = asyncio.Lock()
    static = files("backchannel.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for router in (api.router, writes.router, docs.router, dashboard.router):
        app.include_router(router)
    return app


def serve(db: str, host: str, port: int, **options: Any) -> None:
    """Serve ``db`` until stopped (Ctrl-C)."""
    import uvicorn

    uvicorn.run(create_app(db, **options), host=host, port=port, log_level="warning")
