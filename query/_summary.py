"""What ``sift stats`` says of an index, the same for one index and for shards."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.util.times import long_to_datetime

from indexer.schema import date_text
from query.facets import FACETS
from query.vector import NO_DATE


def index_summary(directory: Path, live: np.ndarray, dates: np.ndarray, facet_source: Any, top: int,
                  files: Iterable[Path], gazetteer_files: Iterable[str],
                  shards: int | None = None) -> dict[str, Any]:
    """Statements, date span, publishers, the ``top`` actors, locations and
    claim types, bytes on disk: ``live`` and ``dates`` are per document,
    ``facet_source`` is what the facets count over (a view, or the shards'
    merged arrays)."""
    docnums = np.flatnonzero(live)
    dates = dates[docnums]
    dated = dates[dates != np.uint64(NO_DATE)]

    def facet(name: str, size: int) -> list[list[Any]]:
        return FACETS[name](size).facet_results(facet_source, docnums).to_json()

    summary: dict[str, Any] = {"index": str(directory)}
    if shards is not None:
        summary["shards"] = shards
    summary.update({
        "statements": len(docnums),
        # As known: "1991" for a statement dated to the year only, not "1991-01-01".
        "first_date": date_text(long_to_datetime(int(dated.min()))) if len(dated) else None,
        "last_date": date_text(long_to_datetime(int(dated.max()))) if len(dated) else None,
        "undated": len(docnums) - len(dated),
        "publishers": facet("publisher", 1000),
        "actors": facet("actor", top),
        "locations": facet("location", top),
        "claims": facet("claim", top),
        "index_bytes": sum(p.stat().st_size for p in files),
        "gazetteer_files": list(gazetteer_files),
    })
    return summary
