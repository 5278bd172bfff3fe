"""Sift's query library: parse a query, search an index, explain the hits.

Roles (one module each):

- ``query.parse``: the query language (README.md) -> a tree of
  nodes and its plan (``query.plan``); ``FIELD_SYNTAX`` is the per-field
  plugin table.
- ``query.vector``: evaluates a plan over whole posting arrays;
  ``query.statistics``: the collection numbers scoring reads (one index,
  or every shard).
- ``query.search``: :class:`Searcher`, opening an index once and serving
  searches, ``get`` and ``stats`` (thread-safe).
- ``query.shards``: :class:`ShardedSearcher`, a sharded index searched as
  one (two phases: global statistics, then every shard); ``open_searcher``
  opens either kind.
- ``query.rank``: the BM25F formulas; :class:`Ranking`, their settings as
  one frozen value given to a ``Searcher`` (tuned separately).
- ``query.snippets``: ranked, highlighted passages (fragmenter, scorer,
  formatter).
- ``query.facets``: facet classes behind a registry, and the histogram.
- ``query.results``: the result dataclasses and their JSON form.
- ``query.export``: hits as CSV / JSON Lines rows (one column list).
- ``query.syntax_help``: the language in brief, from the parser's field table.
- ``query.errors``: :class:`QueryError`.

Example::

    from query import Searcher
    with Searcher(".sift") as searcher:
        results = searcher.search('"barrel bombs" AND date:2016', facets=("actor",))
        print(results.total, [hit.title for hit in results.hits])
"""

from __future__ import annotations

from query.errors import QueryError
from query.facets import FACETS, Facet, register_facet
from query.parse import MAX_QUERY_LENGTH, ParsedQuery, parse_query
from query.rank import Ranking
from query.results import FacetResult, Hit, SearchResults
from query.search import SORTS, Searcher
from query.shards import ShardedSearcher, ShardUnavailableError, open_searcher
from query.passages import FORMATTERS, Formatter, Passage

__all__ = [
    "FACETS",
    "FORMATTERS",
    "MAX_QUERY_LENGTH",
    "SORTS",
    "Facet",
    "FacetResult",
    "Formatter",
    "Hit",
    "ParsedQuery",
    "Passage",
    "QueryError",
    "Ranking",
    "SearchResults",
    "Searcher",
    "ShardUnavailableError",
    "ShardedSearcher",
    "open_searcher",
    "parse_query",
    "register_facet",
]
