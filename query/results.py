"""What a search returns: hits, passages, facets, and their JSON form.

The JSON shape is a contract with users' scripts (issue 4)::

    {"query": str, "total": int, "total_statements": int, "grouped": bool,
     "hits": [{"id", "title", "date", "publisher", "url", "score",
               "snippet", "snippets", "actors", "locations",
               "claims": [{"type", "types", "sentence", "actors", "locations"}],
               "copies": [{"id", "publisher", "url", "date"}],
               "news_source": str | null}],    # and any field of indexer.fields with a column
     "offset": int, "limit": int,      # only when paging (offset > 0)
     "facets": {name: [[value, count], ...]},   # only when asked
     "histogram": [[period, count], ...]}       # only when asked

``snippet`` is the best passages joined into one plain string, matched
words wrapped in ``[[`` and ``]]``; ``snippets`` lists the passages, best
first, in the same form. Dates are ``YYYY-MM-DD`` or ``null``. With
``grouped``, a statement's reposted copies make one hit (its other copies in
``copies``) and ``total`` counts hits (groups), ``total_statements`` the
matching statements.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from query.passages import MARKERS, Formatter, Passage, join_passages

_CLAIM_KEYS = ("type", "types", "sentence", "actors", "locations")
#: Claim roles (issue 21) with their evidence; absent from an index made before them.
_ROLE_KEYS = ("by", "against", "in", "speaker", "negated")


@dataclass
class Hit:
    """One matching statement.

    :param rank: 1-based position in the whole result list (offset included).
    :param passages: the best passages of the body, best first.
    """

    id: str
    rank: int
    score: float
    title: str
    date: str | None
    publisher: str | None
    url: str | None
    actors: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    #: The statement's other reposted copies, earliest-dated first:
    #: ``{"id", "publisher", "url", "date"}`` each (``query._copies``).
    copies: list[dict[str, Any]] = field(default_factory=list)
    #: Values of the registry's fields that have a key of their own
    #: (``indexer.fields``: ``news_source``), by that key.
    fields: dict[str, Any] = field(default_factory=dict)

    def snippet(self, formatter: Formatter = MARKERS) -> str:
        """The passages as one string, highlighted by ``formatter``."""
        return join_passages(self.passages, formatter)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "publisher": self.publisher,
            "url": self.url,
            "score": round(self.score, 4),
            "snippet": self.snippet(),
            "snippets": [p.render(MARKERS) for p in self.passages],
            "actors": list(self.actors),
            "locations": list(self.locations),
            "claims": [
                {**{k: c.get(k) for k in _CLAIM_KEYS}, **{k: c[k] for k in _ROLE_KEYS if k in c}}
                for c in self.claims
            ],
            "copies": [dict(c) for c in self.copies],
            **self.fields,
        }


@dataclass
class FacetResult:
    """Counts of one facet over every matching statement.

    :param values: (display name, count), by count descending then name.
    :param truncated: more values exist than were kept.
    """

    name: str
    values: list[tuple[str, int]]
    truncated: bool = False

    def to_json(self) -> list[list[Any]]:
        return [[value, count] for value, count in self.values]


@dataclass
class SearchResults:
    """One page of results and, when asked, facets and a histogram.

    :param total: how many hits there are (all pages): groups of reposted
        copies when ``grouped``, else statements.
    :param total_statements: how many statements match.
    :param grouped: copies make one hit (``total``, facets and the histogram
        count groups); ``False`` with ``all_copies`` or an index made before
        copies were grouped.
    :param histogram: (period, count) in time order, gaps filled with 0.
    :param missing_shards: a sharded index's shards left out (partial
        results, allowed only on request): JSON ``"partial": true``.
    """

    query: str
    total: int
    hits: list[Hit]
    offset: int = 0
    limit: int = 10
    facets: dict[str, FacetResult] | None = None
    histogram: list[tuple[str, int]] | None = None
    undated: int = 0
    total_statements: int | None = None
    grouped: bool = False
    missing_shards: list[int] | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON contract (see the module docstring)."""
        out: dict[str, Any] = {
            "query": self.query,
            "total": self.total,
            "total_statements": self.total if self.total_statements is None else self.total_statements,
            "grouped": self.grouped,
            "hits": [h.to_json() for h in self.hits],
        }
        if self.offset:
            out["offset"] = self.offset
            out["limit"] = self.limit
        if self.facets is not None:
            out["facets"] = {name: f.to_json() for name, f in self.facets.items()}
        if self.histogram is not None:
            out["histogram"] = [[period, count] for period, count in self.histogram]
        if self.missing_shards:
            out["partial"] = True
            out["missing_shards"] = list(self.missing_shards)
        return out

    def dumps(self, indent: int | None = 2) -> str:
        """:meth:`to_json` as a JSON string (UTF-8 text, not ASCII-escaped)."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent)
