"""Facets (counts by actor, location, claim type, publisher, year, month)
and the timeline histogram, over every statement a query matches.

Each facet is a small class registered by name in :data:`FACETS`, the way
datasette registers its facet classes: the built-in facets, one per facet
of the field registry (``indexer.fields``), are registered exactly as an
extension would be, with :func:`register_facet`.

Counting asks the source for the number of matching documents per key of
a field (``count_keys``); ``query.search`` answers it from a per-generation
table of (document, key) pairs in numpy arrays, one vectorised count per
facet however many statements match. We do not use
``whoosh.sorting.FieldFacet`` for the multi-valued keyword fields because
its overlapping categorizer rebuilds that same table on every search.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, Protocol

import numpy as np

from indexer.fields import FACETS as FACET_SPECS
from indexer.fields import Facet as FacetSpec
from query.results import FacetResult

#: Values kept per facet (the rest is counted in ``truncated``).
DEFAULT_FACET_SIZE = 20


def count_pairs(names: Sequence[str], docs: Any, keys: Any, selected: Any, count_by: Any = None) -> dict[str, int]:
    """Matching documents per key, from a field's (document, key code) pairs.

    :param selected: a boolean array, true for the matching documents.
    :param count_by: a group number per document (reposted copies): a
        group counts once per key, whichever of its matches hold it.
    """
    chosen = selected[docs]
    if count_by is not None:
        return count_groups(names, count_by[docs[chosen]], keys[chosen])
    counts = np.bincount(keys[chosen], minlength=len(names))
    return {names[i]: int(counts[i]) for i in np.flatnonzero(counts)}


def count_groups(names: Sequence[str], groups: Any, keys: Any) -> dict[str, int]:
    """Groups per key, from (group, key code) pairs: a group whose members
    hold a key several times counts once."""
    width = max(1, len(names))
    counts = np.bincount(_distinct(np.asarray(groups, dtype=np.int64) * width + keys) % width, minlength=len(names))
    return {names[i]: int(counts[i]) for i in np.flatnonzero(counts)}


def _distinct(values: Any) -> Any:
    """The distinct values of an integer array, by a sort: numpy 2's
    ``np.unique`` hashes them instead, 70x slower on the 640,000 pairs of a
    frequent word at a million statements (265 against 3.5 ms: 75 % of a
    faceted search's time, issue 22)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


class FacetSource(Protocol):
    """What facets read from the searcher (``query.search.Searcher``)."""

    def forward(self, field: str) -> Sequence[tuple[str, ...]]:
        """Keys of ``field`` per document number."""
        ...

    def display_name(self, field: str, key: str) -> str:
        """How to show a key (``assad regime`` -> ``Assad regime``)."""
        ...

    def count_keys(self, field: str, docnums: Any) -> Mapping[str, int]:
        """Matching documents per key of ``field`` among ``docnums``."""
        ...


def count_keys_slowly(source: FacetSource, field: str, docnums: Iterable[int]) -> Counter[str]:
    """``count_keys`` from ``forward`` alone, for simple sources."""
    forward = source.forward(field)
    counts: Counter[str] = Counter()
    for docnum in docnums:
        counts.update(forward[docnum])
    return counts


class Facet:
    """Counts of one field's values over the matching statements.

    :param size: how many values to keep (most frequent first).
    """

    type: ClassVar[str] = ""
    field: ClassVar[str] = ""
    #: The key is shown as it is (no display-name lookup).
    literal: ClassVar[bool] = True

    def __init__(self, size: int = DEFAULT_FACET_SIZE) -> None:
        self.size = size

    def suggest(self, source: FacetSource) -> bool:
        """Whether this facet has anything to show in this index."""
        return any(source.forward(self.field))

    def facet_results(self, source: FacetSource, docnums: Any) -> FacetResult:
        """Counts over ``docnums``, by count descending then display name."""
        counts = source.count_keys(self.field, docnums)
        named: Counter[str] = Counter()
        for key, count in counts.items():
            named[key if self.literal else source.display_name(self.field, key)] += count
        values = sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))
        return FacetResult(self.type, values[: self.size], truncated=len(values) > self.size)


def _facet_class(spec: FacetSpec) -> type[Facet]:
    """The facet class of a facet declared in the field registry."""
    return type(f"{spec.name.title()}Facet", (Facet,), {"type": spec.name, "field": spec.index_field,
                                                        "literal": spec.literal, "__doc__": spec.title or spec.name})


#: Facet classes by name. ``search(facets=(...))`` accepts these names.
FACETS: dict[str, type[Facet]] = {}


def register_facet(cls: type[Facet]) -> type[Facet]:
    """Add a facet class to :data:`FACETS` (usable as a decorator)."""
    FACETS[cls.type] = cls
    return cls


# The built-in facets are those of the field registry (``indexer.fields``).
for _spec in FACET_SPECS:
    register_facet(_facet_class(_spec))

#: ``histogram=`` values: the field holding each period.
HISTOGRAM_FIELDS = {"month": "month", "year": "year"}


def histogram(source: FacetSource, docnums: Any, by: str) -> tuple[list[tuple[str, int]], int]:
    """Matches per month or year, in time order, gaps filled with zeros.

    :returns: the (period, count) list and the number of undated matches
        (a statement has at most one month and one year).
    """
    counts = {k: n for k, n in source.count_keys(HISTOGRAM_FIELDS[by], docnums).items() if n}
    undated = len(docnums) - sum(counts.values())
    if not counts:
        return [], undated
    periods = _periods(min(counts), max(counts), by)
    return [(p, counts.get(p, 0)) for p in periods], undated


def _periods(first: str, last: str, by: str) -> list[str]:
    if by == "year":
        return [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while True:
        period = f"{year:04d}-{month:02d}"
        out.append(period)
        if period >= last:
            return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
