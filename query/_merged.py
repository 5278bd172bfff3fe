"""Shards seen as one collection: global document numbers and the tables
that must be computed over all shards at once (issue 22).

Shard ``s``'s document ``d`` is global document ``offsets[s] + d``. What
one index computes over all its documents is computed here over the
concatenation, so that a sharded search equals one index's:

- the order of ids (ties are broken by id, across shards);
- the groups of reposted copies (``query._copies``): copies of one
  statement usually land in different shards, so the groups are made over
  every shard's signatures, checked on stored text read from its shard, with
  the boilerplate counts summed;
- facet counts, which count a group once however many shards hold it.

One :class:`Merged` is built per combination of the shards' generations.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from query._copies import GroupMembers, copies_of, copy_labels
from query.facets import count_pairs

__all__ = ["Merged", "MergedReader"]


class MergedReader:
    """The few reader calls copy grouping makes, over every shard by global number."""

    def __init__(self, readers: Sequence[Any], offsets: np.ndarray) -> None:
        self.readers = list(readers)
        self.offsets = offsets
        self.schema = readers[0].schema

    def locate(self, docnum: int) -> tuple[int, int]:
        """(shard, local document number) of a global document number."""
        shard = int(np.searchsorted(self.offsets, docnum, side="right")) - 1
        return shard, docnum - int(self.offsets[shard])

    def stored_fields(self, docnum: int) -> dict[str, Any]:
        shard, local = self.locate(docnum)
        return dict(self.readers[shard].stored_fields(local))

    def doc_frequency(self, field: str, text: Any) -> int:
        return sum(int(r.doc_frequency(field, text)) for r in self.readers)


class Merged:
    """Global tables over the shards' views (``query.search._View``) of one
    generation each; also the ``query.facets.FacetSource`` of a sharded search.

    :param views: one view per shard, in shard order.
    """

    def __init__(self, views: Sequence[Any], shared: Merged | None = None) -> None:
        self.views = list(views)
        sizes = [int(v.size) for v in self.views]
        self.offsets = np.asarray([0, *np.cumsum(sizes)[:-1]], dtype=np.int64) if sizes else np.zeros(0, np.int64)
        self.size = sum(sizes)
        self.reader = MergedReader([v.reader for v in self.views], self.offsets)
        # The tables are shared by every thread searching these generations;
        # the readers (not thread-safe) and ``count_by`` are each call's own.
        self.lock: threading.RLock = shared.lock if shared else threading.RLock()  # type: ignore[assignment]
        self._cache: dict[str, Any] = shared._cache if shared else {}
        #: Group labels facets count by (one count per group), or ``None``.
        self.count_by: np.ndarray | None = None

    def bind(self, views: Sequence[Any]) -> Merged:
        """These tables with another thread's views of the same generations."""
        return Merged(views, shared=self)

    def _cached(self, key: str, make: Any) -> Any:
        with self.lock:
            if key not in self._cache:
                self._cache[key] = make()
            return self._cache[key]

    def locate(self, docnum: int) -> tuple[int, int]:
        """(shard, local document number) of a global document number."""
        return self.reader.locate(docnum)

    def concat(self, arrays: Sequence[np.ndarray]) -> np.ndarray:
        """Per-shard arrays (one value per document) as one global array."""
        return np.concatenate(list(arrays)) if arrays else np.zeros(0)

    # -- ordering and dates ---------------------------------------------------
    def id_rank_array(self) -> np.ndarray:
        """Each document's rank in the order of ids over all shards."""
        return self._cached("id_rank", self._id_ranks)  # type: ignore[no-any-return]

    def _id_ranks(self) -> np.ndarray:
        # Each shard's id lexicon is sorted: merging them gives the global order.
        lexicons = [list(v.reader.lexicon("id")) for v in self.views]

        def keyed(shard: int) -> Iterator[tuple[bytes, int, int]]:
            return ((term, shard, rank) for rank, term in enumerate(lexicons[shard]))

        global_rank = [np.zeros(len(lex), dtype=np.int64) for lex in lexicons]
        for position, (_term, shard, rank) in enumerate(heapq.merge(*(keyed(s) for s in range(len(lexicons))))):
            global_rank[shard][rank] = position
        return self.concat([global_rank[s][np.asarray(v.id_rank(), dtype=np.int64)]
                            for s, v in enumerate(self.views)]).astype(np.int64)

    def dates(self) -> np.ndarray:
        dates = self._cached("dates", lambda: self.concat([v.dates() for v in self.views]))
        return dates  # type: ignore[no-any-return]

    def live(self) -> np.ndarray:
        return self._cached(  # type: ignore[no-any-return]
            "live", lambda: self.concat([v.vector().live() for v in self.views]).astype(bool))

    # -- copies ---------------------------------------------------------------
    def copy_labels(self) -> np.ndarray | None:
        """Each document's group of copies over all shards, or ``None`` for
        indexes made before copies were grouped."""
        return self._cached("labels", self._labels)  # type: ignore[no-any-return]

    def _labels(self) -> np.ndarray | None:
        if not all("near" in v.reader.schema for v in self.views):
            return None
        leaves = [(leaf, int(self.offsets[s]) + offset)
                  for s, v in enumerate(self.views) for leaf, offset in v.vector().leaves]
        return copy_labels(self.reader, leaves, self.live(), self._publishers)

    def _publishers(self) -> list[str | None]:
        return [keys[0] if keys else None for keys in self.forward("publisher_facet")]

    def in_groups(self) -> np.ndarray | None:
        """True for each statement in a group of copies with other members
        (``None``: copies not grouped): the statements whose facet keys a
        shard cannot count alone (``query._facetparts``)."""
        def make() -> np.ndarray | None:
            labels = self.copy_labels()
            return None if labels is None else np.bincount(labels)[labels] > 1
        return self._cached("in_groups", make)  # type: ignore[no-any-return]

    def in_groups_bits(self, shard: int) -> np.ndarray | None:
        """Shard ``shard``'s part of :meth:`in_groups`, a bit a document (for its actor)."""
        def make() -> np.ndarray | None:
            found = self.in_groups()
            if found is None:
                return None
            start = int(self.offsets[shard])
            return np.packbits(found[start:start + int(self.views[shard].size)])
        return self._cached(f"in_groups_bits:{shard}", make)  # type: ignore[no-any-return]

    def copies(self, docnum: int) -> list[dict[str, Any]]:
        """The other copies of a global document, from every shard."""
        labels = self.copy_labels()
        groups = None if labels is None else self._cached("members", lambda: GroupMembers(labels))
        return copies_of(docnum, labels, self.live(), self.dates(), self.id_rank_array(),
                         self.reader.stored_fields, groups)

    # -- facets (``query.facets.FacetSource``) --------------------------------
    def forward(self, field: str) -> list[tuple[str, ...]]:
        def make() -> list[tuple[str, ...]]:
            out: list[tuple[str, ...]] = []
            for view in self.views:
                out.extend(view.forward(field))
            return out
        return self._cached(f"forward:{field}", make)  # type: ignore[no-any-return]

    def _pairs(self, field: str) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The field's keys, and (global document, key code) pairs as two arrays."""
        def make() -> tuple[list[str], np.ndarray, np.ndarray]:
            codes: dict[str, int] = {}
            docs: list[int] = []
            keys: list[int] = []
            for docnum, doc_keys in enumerate(self.forward(field)):
                for key in doc_keys:
                    docs.append(docnum)
                    keys.append(codes.setdefault(key, len(codes)))
            return list(codes), np.asarray(docs, dtype=np.int64), np.asarray(keys, dtype=np.int64)
        return self._cached(f"pairs:{field}", make)  # type: ignore[no-any-return]

    def count_keys(self, field: str, docnums: Any) -> dict[str, int]:
        names, docs, keys = self._pairs(field)
        selected = np.zeros(self.size, dtype=bool)
        selected[np.asarray(docnums, dtype=np.int64)] = True
        return count_pairs(names, docs, keys, selected, self.count_by)

    def display_name(self, field: str, key: str) -> str:
        """As one index shows it: from the first shard holding the key."""
        term = key.encode("utf-8")
        for view in self.views:
            if field in view.reader.schema and (field, term) in view.reader:
                return str(view.display_name(field, key))
        return key
