"""``/docs``: the API's reference, rendered here from its OpenAPI document (no CDN assets)."""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from backchannel.web.pages import layout

router = APIRouter(include_in_schema=False)


def _parameter(parameter: dict[str, Any]) -> str:
    schema = parameter.get("schema") or {}
    kinds = [s.get("type", "") for s in schema.get("anyOf", [schema])]
    kind = " | ".join(k for k in kinds if k) or "string"
    if "enum" in schema:
        kind = " | ".join(map(str, schema["enum"]))
    required = " (required)" if parameter.get("required") else ""
    return (
        f"<tr><td><code>{escape(parameter['name'])}</code></td><td>{escape(parameter['in'])}"
        f"</td><td>{escape(kind)}{required}</td>"
        f"<td>{escape(parameter.get('description') or '')}</td></tr>"
    )


def _operation(path: str, method: str, operation: dict[str, Any]) -> str:
    rows = "".join(_parameter(p) for p in operation.get("parameters", []))
    table = (
        "<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>about</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
        if rows
        else ""
    )
    return (
        f'<section class="operation"><h2><code>{escape(method.upper())} {escape(path)}</code>'
        f"</h2><p>{escape(operation.get('summary') or '')}</p>{table}</section>"
    )


def render_docs(spec: dict[str, Any]) -> str:
    body = [
        f"<p>{escape(spec['info'].get('description') or '')} The machine-readable document is"
        ' <a href="/openapi.json">/openapi.json</a>.</p>'
    ]
    for path, methods in spec.get("paths", {}).items():
        body.extend(_operation(path, method, op) for method, op in methods.items())
    return layout("API reference", "\n".join(body))


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    return HTMLResponse(render_docs(request.app.openapi()))
