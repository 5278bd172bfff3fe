"""The one place where the benchmarks query Sift.

``open_sift(index_dir, ranking=...)`` returns a context manager with
``search(q, limit, default_operator, facets) -> (total, [(id, score)])``,
through ``query.Searcher`` (what users get). ``ranking`` (a
``query.Ranking``) lets ``benchmarks.tune`` try settings without changing
any module state.
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


def backend() -> str:
    """Which path ``open_sift`` takes (recorded in the latency report)."""
    return "query.Searcher"


@contextmanager
def open_sift(index_dir: Path, ranking: Any = None) -> Iterator[SiftSearch]:
    """A warm Sift searcher over ``index_dir`` as a search function;
    ``ranking``: a ``query.Ranking`` (Sift's defaults if ``None``)."""
    from query import Ranking, Searcher

    with Searcher(index_dir, ranking=ranking if ranking is not None else Ranking()) as searcher:
        def search(q: str, limit: int = 10, default_operator: str = "AND", facets: Sequence[str] = ()) -> Hits:
            # Every statement is ranked, as the peers rank them: relevance judgements are
            # per document, and grouping reposted copies would hide judged ones.
            kwargs: dict[str, Any] = {"limit": limit, "default_operator": default_operator, "all_copies": True}
            if facets:
                kwargs["facets"] = tuple(facets)
            results = searcher.search(q, **kwargs)
            return results.total, [(str(h.id), float(h.score)) for h in results.hits]
        yield search
