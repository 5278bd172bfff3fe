"""Sift's web interface (issue 7): ``sift serve``, a JSON API and search pages.

Needs the ``web`` extra (``pip install 'sift-search[web]'``: FastAPI,
Jinja2, uvicorn); the core library never imports this package.

Roles (one module each):

- ``query.web.app``: :func:`create_app`, the routes and error handling.
- ``query.web._pages``: what the pages show (links, chips, facets, the
  timeline, pagination), computed without the framework.
- ``query.web._filters``: editing the query string when a filter is
  clicked (``actor:"Assad regime"``, ``date:2016-02``).
- ``query.web._markup``: a statement's text with its evidence marked in
  place, everything else escaped.
- ``query.web._export``: streaming CSV/JSON export of every hit.

Example (in-process, no server)::

    from fastapi.testclient import TestClient
    from query.web import create_app
    client = TestClient(create_app(".sift"))
    client.get("/api/search", params={"q": "genocide"}).json()["total"]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from query.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the framework-free helpers (query.web._filters,
    # _markup, _export) stay importable without the web extra.
    if name == "create_app":
        from query.web.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
