"""The collection statistics scoring reads, behind one seam.

Every number the ranking formula (``query.rank``) takes from the
collection (how many documents, how many hold a word, how often it occurs,
how long a field is on average) comes from a :class:`Statistics` provider,
never from a Whoosh searcher or scorer, as Lucene's ``Similarity`` takes
``CollectionStatistics`` and ``TermStatistics`` from its searcher:

- :class:`IndexStatistics`: one index, what a ``Searcher`` uses;
- :class:`SummedStatistics`: the sums over several indexes, so that one
  shard scores with the statistics of all of them (a two-phase, "dfs"
  search) and gives the score the same document has in one index built
  from all the shards (tests/query/test_statistics.py).

Counts include deleted documents, as Whoosh's ``doc_frequency``,
``frequency`` and ``doc_count_all`` do (the scores must not change when
a statement is replaced, until segments merge).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from indexer.storage.reader import term_postings

#: (field, indexed term) pairs: one word in several fields.
FieldTerms = Sequence[tuple[str, bytes]]


class Statistics(Protocol):
    """What scoring needs to know about the collection."""

    def doc_count(self) -> int:
        """Documents in the collection (deleted ones included)."""
        ...

    def doc_frequency(self, field: str, term: bytes) -> int:
        """Documents holding ``term`` in ``field``."""
        ...

    def doc_frequency_any(self, terms: FieldTerms) -> int:
        """Documents holding at least one of ``terms`` (a word searched in
        several fields counts each document once)."""
        ...

    def frequency(self, field: str, term: bytes) -> float:
        """Occurrences of ``term`` in ``field`` over the collection."""
        ...

    def field_length(self, field: str) -> float:
        """Total length of ``field`` (in terms) over the collection."""
        ...

    def average_field_length(self, field: str) -> float:
        """``field_length / doc_count`` (0 for an empty collection)."""
        ...


#: (field, term) -> the term's document numbers, deleted ones included.
PostingIds = Callable[[str, bytes], np.ndarray]


class IndexStatistics:
    """The statistics of one index, read from its reader.

    :param reader: the index's (top-level) Whoosh reader.
    :param posting_ids: reads a term's document numbers, to count the
        documents of a word in several fields (the evaluator passes its
        cached postings); by default read from the reader's segments.
    """

    def __init__(self, reader: Any, posting_ids: PostingIds | None = None) -> None:
        self.reader = reader
        self.posting_ids = posting_ids or self._read_ids
        self.size = int(reader.doc_count_all())

    def doc_count(self) -> int:
        return self.size

    def doc_frequency(self, field: str, term: bytes) -> int:
        return int(self.reader.doc_frequency(field, term))

    def doc_frequency_any(self, terms: FieldTerms) -> int:
        present = [(f, t) for f, t in terms if (f, t) in self.reader]
        if len(present) == 1:
            return self.doc_frequency(*present[0])
        holding = np.zeros(self.size, dtype=bool)
        for field, term in present:
            holding[self.posting_ids(field, term)] = True
        return int(np.count_nonzero(holding))

    def _read_ids(self, field: str, term: bytes) -> np.ndarray:
        return term_postings(list(self.reader.leaf_readers()), field, term)[0]

    def frequency(self, field: str, term: bytes) -> float:
        return float(self.reader.frequency(field, term))

    def field_length(self, field: str) -> float:
        return float(self.reader.field_length(field)) if field in self.reader.schema else 0.0

    def average_field_length(self, field: str) -> float:
        return self.field_length(field) / (self.size or 1)


class SummedStatistics:
    """The statistics of the union of collections: counts and lengths add
    up (their documents are disjoint), the average is the sums' ratio."""

    def __init__(self, parts: Sequence[Statistics]) -> None:
        self.parts = tuple(parts)

    def doc_count(self) -> int:
        return sum(p.doc_count() for p in self.parts)

    def doc_frequency(self, field: str, term: bytes) -> int:
        return sum(p.doc_frequency(field, term) for p in self.parts)

    def doc_frequency_any(self, terms: FieldTerms) -> int:
        return sum(p.doc_frequency_any(terms) for p in self.parts)

    def frequency(self, field: str, term: bytes) -> float:
        return float(sum(p.frequency(field, term) for p in self.parts))

    def field_length(self, field: str) -> float:
        return float(sum(p.field_length(field) for p in self.parts))

    def average_field_length(self, field: str) -> float:
        return self.field_length(field) / (self.doc_count() or 1)
