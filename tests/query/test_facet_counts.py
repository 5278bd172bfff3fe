"""Facet counts from (document, key) pairs: each key counts its matching
documents, or with groups of reposted copies its matching groups."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from query.facets import count_pairs

PAIRS = st.lists(st.tuples(st.integers(0, 29), st.integers(0, 5)), max_size=120)


@given(PAIRS, st.sets(st.integers(0, 29)), st.lists(st.integers(0, 9), min_size=30, max_size=30), st.booleans())
def test_counts_are_documents_or_groups_per_key(pairs: list[tuple[int, int]], matching: set[int],
                                                groups: list[int], grouped: bool) -> None:
    pairs = sorted(set(pairs))
    names = [f"k{i}" for i in range(6)]
    docs = np.asarray([d for d, _ in pairs], dtype=np.int64)
    keys = np.asarray([k for _, k in pairs], dtype=np.int64)
    selected = np.zeros(30, dtype=bool)
    selected[list(matching)] = True
    count_by = np.asarray(groups, dtype=np.int64) if grouped else None
    expected: dict[str, set[int]] = {}
    for doc, key in pairs:
        if doc in matching:
            expected.setdefault(names[key], set()).add(groups[doc] if grouped else doc)
    assert count_pairs(names, docs, keys, selected, count_by) == {k: len(v) for k, v in expected.items()}
