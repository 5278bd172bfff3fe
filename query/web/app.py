"""The web application: a JSON API and server-rendered search pages.

``create_app(index_dir)`` opens the index once (a ``query.Searcher``, which
is thread-safe) and returns the ASGI app; tests use it in-process, and
``sift serve`` runs it with uvicorn. Routes:

- ``GET /api/search``, ``/api/statements/{id}``, ``/api/stats``: the same
  JSON as the CLI (``SearchResults.to_json``, ``Searcher.get``/``stats``);
  a malformed query answers 400 ``{"error", "position"}``, an unknown
  statement 404 ``{"error"}``.
- ``GET /api/export?q=&format=csv|json``: every hit, streamed.
- ``GET /`` (search), ``/statements/{id}``, ``/docs`` (API reference),
  ``/openapi.json`` and ``/static/...``: pages that work without
  JavaScript; every asset is served from here (no CDN).

Every response carries a strict Content-Security-Policy (scripts and styles
from this server only, no inline script): defence in depth behind Jinja's
autoescaping, since statements are untrusted third-party text.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import jinja2
from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.middleware.trustedhost import TrustedHostMiddleware

from indexer.errors import SiftError
from query import FACETS, QueryError
from query.shards import open_searcher
from query.web import _export, _markup
from query.web._filters import clause
from query.web._pages import (
    FACET_TITLES,
    PAGE_SIZE,
    SearchState,
    claim_views,
    copy_views,
    facet_views,
    hit_view,
    page_links,
    registry_chips,
    safe_url,
    stats_view,
    timeline_view,
)

HERE = Path(__file__).resolve().parent
#: Largest ``limit`` of ``/api/search`` (use ``/api/export`` for everything).
MAX_LIMIT = 1000
#: Largest ``page`` of the search page and ``offset`` of ``/api/search``.
MAX_PAGE = 1_000_000
_PAGE_NUMBER = re.compile(r"[0-9]{1,7}")

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

Sort = Literal["relevance", "newest", "oldest"]
Operator = Literal["AND", "OR"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every response
    (pure ASGI, so streamed exports are not buffered)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _value in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in names)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _version() -> str:
    try:
        return metadata.version("sift-search")
    except metadata.PackageNotFoundError:  # pragma: no cover - not installed
        return "0"


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _query_error(exc: QueryError) -> JSONResponse:
    return _error(400, exc.message, position=exc.position)


def _facet_names(facets: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(n.strip() for n in facets.split(",") if n.strip()))
    if names == ("all",):
        return tuple(FACET_TITLES)
    unknown = [n for n in names if n not in FACETS]
    if unknown:
        raise ValueError(f"unknown facet {unknown[0]!r}; known facets are {', '.join(sorted(FACETS))} (or 'all')")
    return names


def create_app(index_dir: str | os.PathLike[str], *, allowed_hosts: list[str] | None = None,
               cluster: str | None = None, allow_partial: bool = False) -> FastAPI:
    """The Sift web app over the index at ``index_dir``.

    :param allowed_hosts: ``Host`` headers to accept (``sift serve`` passes
        the loopback names when bound to localhost, which blocks DNS
        rebinding); ``None`` accepts any.
    :param cluster: search a sharded index on Ray actors (``query.cluster``).
    :param allow_partial: a sharded index's unreadable shards are left out,
        and named in each answer (``"partial": true``) and on the page.
    :raises indexer.errors.IndexNotFoundError: no index there.
    """
    searcher = open_searcher(index_dir, cluster=cluster, allow_partial=allow_partial)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            searcher.close()

    app = FastAPI(
        title="Sift",
        version=_version(),
        description="Full-text search over statements of political actors. "
        "The JSON is the same as the command line's (sift search --format json, sift show --format json).",
        docs_url=None,  # FastAPI's Swagger UI loads from a CDN: /docs is ours
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.searcher = searcher
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(SecurityHeaders)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("state", SearchState())
        return templates.TemplateResponse(request, name, context, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}" for e in exc.errors()
        )
        return _error(400, f"bad parameter: {problems}")

    @app.exception_handler(SiftError)
    async def sift_error(request: Request, exc: SiftError) -> Response:
        if request.url.path.startswith("/api/"):
            return _error(500, str(exc))
        return page(request, "error.html", 500, title="Index error", message=str(exc))

    # -- JSON API -------------------------------------------------------------
    @app.get("/api/search", tags=["api"], summary="Search statements")
    def api_search(
        q: str = Query(..., description="The query, in Sift's query language (see Query syntax on the search page)."),
        limit: int = Query(10, ge=0, le=MAX_LIMIT, description="Hits per page."),
        offset: int = Query(0, ge=0, le=MAX_PAGE * MAX_LIMIT, description="Hits to skip."),
        sort: Sort = Query("relevance", description="Order of the hits."),
        operator: Operator = Query("AND", description="Operator between bare words."),
        facets: str = Query("", description="Comma-separated facets to count: actor, location, claim, "
                            "publisher, year, month, or 'all'."),
        histogram: Literal["month", "year"] | None = Query(None, description="Matches per period."),
        snippets: int = Query(1, ge=0, le=10, description="Passages per hit."),
        all_copies: bool = Query(False, description="One hit per statement, reposted copies not grouped."),
    ) -> Response:
        """One page of hits, as sift search --format json prints it."""
        try:
            names = _facet_names(facets)
        except ValueError as exc:
            return _error(400, str(exc))
        try:
            results = searcher.search(q, limit=limit, offset=offset, sort=sort, default_operator=operator,
                                      facets=names, histogram=histogram, snippets=snippets,
                                      all_copies=all_copies)
        except QueryError as exc:
            return _query_error(exc)
        return JSONResponse(results.to_json())

    @app.get("/api/statements/{statement_id:path}", tags=["api"], summary="One statement in full")
    def api_statement(statement_id: str = PathParam(..., description="The statement's id (URL-encoded).")) -> Response:
        """The statement with its body, extracted names, claims and evidence."""
        statement = searcher.get(statement_id)
        if statement is None:
            return _error(404, f"no statement with id {statement_id!r}")
        return JSONResponse(statement)

    @app.get("/api/stats", tags=["api"], summary="Index statistics")
    def api_stats() -> Response:
        """Size, date span and most frequent names of the index."""
        return JSONResponse(searcher.stats())

    @app.get("/api/export", tags=["api"], summary="Export every hit")
    def api_export(
        q: str = Query(..., description="The query."),
        format: Literal["csv", "json"] = Query("csv", description="csv or json."),
        sort: Sort = Query("relevance"),
        operator: Operator = Query("AND"),
    ) -> Response:
        """Every hit of the query (no row cap), streamed as CSV or JSON."""
        try:
            pages = _export.iter_pages(searcher, q, sort=sort, default_operator=operator)
        except QueryError as exc:
            return _query_error(exc)
        if format == "csv":
            body, media = _export.stream_csv(pages), "text/csv; charset=utf-8"
        else:
            body, media = _export.stream_json(pages), "application/json"
        filename = f"sift-export.{format}"
        return StreamingResponse(body, media_type=media,
                                 headers={"content-disposition": f'attachment; filename="{filename}"'})

    # -- pages ----------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "", sort: str = "relevance", operator: str = "AND",
                    page_number: str = Query("1", alias="page")) -> HTMLResponse:
        state = SearchState(
            q=q.strip(),
            sort=sort if sort in ("relevance", "newest", "oldest") else "relevance",
            operator="OR" if operator.upper() == "OR" else "AND",
        )
        # ASCII digits only: str.isdigit() accepts "²" and "①", which int() refuses (issue 23).
        if not _PAGE_NUMBER.fullmatch(page_number):
            return page(request, "error.html", 400, state=state, title="Bad page number",
                        message=f"page must be a number from 1 to {MAX_PAGE:,}, not {page_number[:20]!r}")
        state = replace(state, page=max(1, int(page_number)))
        if not state.q:
            return page(request, "search.html", state=state, stats=stats_view(state, searcher.stats()))
        try:
            results = searcher.search(
                state.q, limit=PAGE_SIZE, offset=(state.page - 1) * PAGE_SIZE, sort=state.sort,
                default_operator=state.operator, facets=tuple(FACET_TITLES), histogram="month", snippets=2,
            )
        except QueryError as exc:
            return page(request, "search.html", 400, state=state, error=exc, caret=exc.caret(120))
        return page(
            request, "search.html", state=state, results=results,
            hits=[hit_view(state, h) for h in results.hits],
            facets=facet_views(state, results), timeline=timeline_view(state, results),
            pages=page_links(state, results.total), first=results.offset + 1,
            last=results.offset + len(results.hits),
        )

    @app.get("/statements/{statement_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def statement_page(request: Request, statement_id: str, q: str = "") -> HTMLResponse:
        statement = searcher.get(statement_id)
        state = SearchState(q=q.strip())
        if statement is None:
            return page(request, "error.html", 404, state=state, title="Not found",
                        message=f"There is no statement with id {statement_id!r} in this index.")
        title = _markup.mark_field(statement, "title")
        body = _markup.mark_field(statement, "body")
        return page(
            request, "statement.html", state=state, s=statement, url=safe_url(statement.get("url")),
            title_html=Markup(title.html), body_html=Markup(body.html), unplaced=title.unplaced + body.unplaced,
            entities=_entity_lists(statement), claims=claim_views(SearchState(), statement.get("claims") or []),
            copies=copy_views(state, statement.get("copies") or []),
            json_url="/api/statements/" + quote(statement_id, safe=""),
            field_chips=registry_chips(state, statement),
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request) -> HTMLResponse:
        return page(request, "docs.html", spec=app.openapi(), endpoints=_endpoints(app.openapi()))

    return app


def _entity_lists(statement: dict[str, Any]) -> list[dict[str, Any]]:
    """Actors and locations with where they were found, for the side panel."""
    evidence = statement.get("evidence") or {}
    groups = []
    for key, kind, title in (("actors", "actor", "Actors"), ("locations", "location", "Locations")):
        items = []
        for name in statement.get(key) or []:
            found = (evidence.get(key) or {}).get(name) or []
            mentions = sum(1 for f in found if "inferred_from" not in f)
            inferred = [f["inferred_from"] for f in found if "inferred_from" in f]
            items.append({"name": name, "mentions": mentions, "inferred": inferred,
                          "href": SearchState().with_filter(clause(kind, name))})
        groups.append({"kind": kind, "title": title, "items": items})
    return groups


def _endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI operations, flattened for the docs page."""
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                schema = p.get("schema", {})
                choices = schema.get("enum") or [
                    v for s in schema.get("anyOf", []) for v in s.get("enum", [])
                ]
                params.append({
                    "name": p["name"], "in": p.get("in"), "required": p.get("required", False),
                    "type": schema.get("type") or "/".join(s.get("type", "") for s in schema.get("anyOf", [])),
                    "default": schema.get("default"), "choices": choices,
                    "description": p.get("description", ""),
                })
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params})
    return out
