"""Facets of a sharded search counted where the statements are (issue 22).

A facet counts a group of reposted copies once, and a group's members often
lie in different shards, so the shards cannot simply count and add. But
most statements are in no group: each shard counts those itself (a
:class:`FacetPart`'s ``counts``, which add up over shards) and sends only
the keys of its matching group members (``grouped``); the caller counts each
group once over those (:func:`add_parts`). A shard on a Ray actor thus sends
a few counts, not columns; in one process the work is the same, and no table
over all shards' statements is built.

Which statements are group members is decided over all shards
(``query._merged.Merged.in_groups``): a shard is told its own part of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from query.facets import count_groups, count_pairs

__all__ = ["CountedFacets", "FacetPart", "add_parts", "facet_part"]


@dataclass
class FacetPart:
    """One shard's share of a search's facets.

    :param counts: per field, matching statements per key among those in no
        group of copies (these add up over shards).
    :param grouped: per field, the matching group members' (key names, local
        document numbers, key codes into the names).
    """

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    grouped: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = field(default_factory=dict)


def facet_part(view: Any, fields: Iterable[str], mask: np.ndarray, in_groups: np.ndarray | None) -> FacetPart:
    """A shard's :class:`FacetPart` for the matches ``mask``.

    :param view: the shard's ``query.search._View`` (its (document, key) pairs).
    :param in_groups: true for the shard's statements in a group of copies
        with other members; ``None``: copies are not grouped (every match
        counts alone).
    """
    part = FacetPart()
    alone = mask if in_groups is None else mask & ~in_groups
    members = None if in_groups is None else mask & in_groups
    some = members is not None and bool(members.any())
    none = np.zeros(0, dtype=np.int64)
    for name in dict.fromkeys(fields):
        names, docs, keys = view._pairs(name)
        part.counts[name] = count_pairs(names, docs, keys, alone)
        if members is None:
            continue
        chosen = members[docs] if some else None
        if chosen is None or not chosen.any():
            part.grouped[name] = ([], none, none)
            continue
        used, codes = np.unique(keys[chosen], return_inverse=True)
        part.grouped[name] = ([names[i] for i in used.tolist()], docs[chosen], codes.astype(np.int64).ravel())
    return part


def add_parts(parts: Sequence[FacetPart], offsets: Sequence[int], labels: np.ndarray | None) -> dict[str, dict[str, int]]:
    """Every field's counts over all shards: the parts' counts added, and
    each group of copies counted once per key (by ``labels``, global)."""
    total: dict[str, dict[str, int]] = {}
    for part in parts:
        for name, counts in part.counts.items():
            into = total.setdefault(name, {})
            for key, count in counts.items():
                into[key] = into.get(key, 0) + count
    if labels is None:
        return total
    for name in total:
        codes: dict[str, int] = {}
        docs, keys = [], []
        for part, offset in zip(parts, offsets):
            names, local, shard_keys = part.grouped.get(name, ([], np.zeros(0, np.int64), np.zeros(0, np.int64)))
            remap = np.asarray([codes.setdefault(n, len(codes)) for n in names], dtype=np.int64)
            docs.append(np.asarray(local, dtype=np.int64) + int(offset))
            keys.append(remap[shard_keys] if len(remap) else np.zeros(0, np.int64))
        into = total[name]
        for key, count in count_groups(list(codes), labels[np.concatenate(docs)], np.concatenate(keys)).items():
            into[key] = into.get(key, 0) + count
    return total


class CountedFacets:
    """A ``query.facets.FacetSource`` whose counts over a search's matches
    were made beforehand (:func:`add_parts`); anything else is the source's.

    :param source: the sharded search's ``query._merged.Merged``.
    :param counts: per field, matching statements (groups once) per key.
    """

    def __init__(self, source: Any, counts: Mapping[str, Mapping[str, int]]) -> None:
        self.source = source
        self.counts = counts

    def forward(self, field: str) -> Sequence[tuple[str, ...]]:
        return self.source.forward(field)  # type: ignore[no-any-return]

    def display_name(self, field: str, key: str) -> str:
        return self.source.display_name(field, key)  # type: ignore[no-any-return]

    def count_keys(self, field: str, docnums: Any) -> Mapping[str, int]:
        """The counts made beforehand for ``field`` (over the search's
        matches, which ``docnums`` are); a field not counted is counted now."""
        if field in self.counts:
            return {key: count for key, count in self.counts[field].items() if count}
        return self.source.count_keys(field, docnums)  # type: ignore[no-any-return]
