"""The one place where the benchmarks query Sift.

``open_sift(index_dir)`` returns a context manager with
``search(q, limit, default_operator, facets) -> (total, [(id, score)])``.
It uses ``query.Searcher`` (what users get) when that exists; until it
lands, it falls back to Sift's own parser (``query.parse.parse_query``) and
weighting (``query.rank.sift_weighting``) on a Whoosh searcher, which is the
same path minus result decoration. Switching is the ``_searcher_class`` line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

Hits = tuple[int, list[tuple[str, float]]]


class SiftSearch(Protocol):
    def __call__(self, q: str, limit: int = 10, default_operator: str = "AND",
                 facets: Sequence[str] = ()) -> Hits: ...


def _searcher_class() -> Any:
    try:
        from query import Searcher  # type: ignore[attr-defined]
    except ImportError:
        return None
    return Searcher


#: Facet names of the fallback, mapped to index fields (FieldFacet).
_FACET_FIELDS = {"publisher": "publisher_facet", "year": "year", "month": "month",
                 "location": "locations", "actor": "actors", "claim_type": "claim_types"}


def backend() -> str:
    """Which path ``open_sift`` takes: ``query.Searcher`` or the fallback."""
    return "query.Searcher" if _searcher_class() is not None else "parse_query + whoosh"


@contextmanager
def open_sift(index_dir: Path) -> Iterator[SiftSearch]:
    """A warm Sift searcher over ``index_dir`` as a search function."""
    searcher_class = _searcher_class()
    if searcher_class is not None:
        with searcher_class(index_dir) as searcher:
            def search(q: str, limit: int = 10, default_operator: str = "AND", facets: Sequence[str] = ()) -> Hits:
                kwargs: dict[str, Any] = {"limit": limit, "default_operator": default_operator}
                if facets:
                    kwargs["facets"] = tuple(facets)
                results = searcher.search(q, **kwargs)
                return results.total, [(str(h.id), float(h.score)) for h in results.hits]
            yield search
        return

    from whoosh import index as whoosh_index
    from whoosh import sorting

    from query.parse import parse_query
    from query.rank import sift_weighting

    ix = whoosh_index.open_dir(str(index_dir))
    with ix.searcher(weighting=sift_weighting()) as searcher:
        def search(q: str, limit: int = 10, default_operator: str = "AND", facets: Sequence[str] = ()) -> Hits:
            parsed = parse_query(q, default_operator=default_operator)
            groupedby = None
            if facets:
                groupedby = {name: sorting.FieldFacet(_FACET_FIELDS.get(name, name), allow_overlap=name in ("location", "actor", "claim_type"))
                             for name in facets}
            results = searcher.search(parsed.whoosh, limit=limit, groupedby=groupedby)
            if groupedby:
                for name in groupedby:
                    results.groups(name)  # facets are computed lazily: force them
            return len(results), [(str(hit["id"]), float(hit.score)) for hit in results]
        yield search
