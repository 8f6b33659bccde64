"""Property tests against the server's own OpenAPI document: for every GET operation,
hypothesis draws query and path parameters from each parameter's schema (valid values and
junk alike) and the server must never answer 500."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.conftest import Server

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=24)
JUNK = TEXT | st.sampled_from(["", "%", "'", "\\", "NULL", "0", "-1", "1e309", "2026-02-30"])


def strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values of one parameter's schema, mixed with junk a client might send."""
    options = schema.get("anyOf", [schema])
    drawn: list[st.SearchStrategy[Any]] = [JUNK]
    for option in options:
        kind = option.get("type")
        if "enum" in option:
            drawn.append(st.sampled_from(option["enum"]))
        elif kind == "integer":
            drawn.append(st.integers(-(2**63), 2**63).map(str))
        elif kind == "number":
            drawn.append(st.floats(allow_nan=True).map(str))
        elif kind == "boolean":
            drawn.append(st.sampled_from(["true", "false", "1", "0"]))
        elif option.get("format") == "date":
            drawn.append(st.dates().map(str))
        elif kind == "string":
            drawn.append(st.sampled_from(["IRN", "USA", "SANCTION", "EU", "asserted", "Iran"]))
    return st.one_of(drawn)


def get_operations(spec: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    return [
        (path, methods["get"].get("parameters", []))
        for path, methods in spec["paths"].items()
        if "get" in methods
    ]


def request_strategy(path: str, parameters: list[dict[str, Any]]) -> st.SearchStrategy[Any]:
    fields = {p["name"]: strategy(p.get("schema", {})) for p in parameters}
    return st.fixed_dictionaries({}, optional=fields).map(lambda values: (path, values))


def call(
    server: Server, path: str, values: dict[str, Any], parameters: list[dict[str, Any]]
) -> int:
    where = {p["name"]: p["in"] for p in parameters}
    query = {k: v for k, v in values.items() if where[k] == "query"}
    for name, kind in where.items():
        if kind == "path":
            path = path.replace("{" + name + "}", quote(str(values.get(name) or "x"), safe=""))
    return server.client.get(path, params=query).status_code


def test_the_spec_has_operations_to_try(server: Server) -> None:
    operations = get_operations(server.client.get("/openapi.json").json())
    assert len(operations) >= 9


@pytest.mark.parametrize(
    "path",
    ["/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
     "/api/actors", "/api/actors/{name}", "/api/dyads", "/api/network", "/api/sources",
     "/api/export"],
)  # fmt: skip
def test_no_parameters_make_a_500(server: Server, path: str) -> None:
    spec = server.client.get("/openapi.json").json()
    parameters = dict(get_operations(spec))[path]

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(request_strategy(path, parameters))
    def check(drawn: tuple[str, dict[str, Any]]) -> None:
        status = call(server, drawn[0], drawn[1], parameters)
        assert status < 500, (drawn, status)

    check()


PAGE_PARAMS = ("country", "actor", "type", "status", "since", "until", "text", "cursor",
               "interval", "recipient")  # fmt: skip


@pytest.mark.parametrize("path", ["/index.json", "/dyads.json", "/network.json", "/articles.json"])
def test_no_page_parameters_make_a_500(server: Server, path: str) -> None:
    """The dashboard's pages (not in the OpenAPI document) take junk the same way."""
    values = st.fixed_dictionaries({}, optional={name: JUNK for name in PAGE_PARAMS})

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(values)
    def check(query: dict[str, str]) -> None:
        status = server.client.get(path, params=query).status_code
        assert status < 500, (query, status)

    check()
