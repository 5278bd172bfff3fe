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

#: The key of an index generation's counted numbers (``IndexArrays.derived``).
TERM_NUMBERS = "term_numbers"
#: At most this many numbers are kept per generation (a server sees endless
#: distinct words): past it they are forgotten and counted again when asked.
KEPT_NUMBERS = 100_000

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


#: (field, term) -> the term's document numbers and posting weights,
#: deleted documents included (``indexer.storage.reader.IndexArrays.postings``).
PostingReader = Callable[[str, bytes], tuple[np.ndarray, np.ndarray, Any]]


class IndexStatistics:
    """The statistics of one index, counted from its posting lists (the
    evaluator reads them anyway: no lookup of Whoosh's term records). It
    keeps the postings it has read: make one per query or request.

    :param reader: the index's (top-level) Whoosh reader.
    :param postings: reads a term's postings (the evaluator passes its
        cache); by default read from the reader's segments.
    :param numbers: where the numbers counted are kept for the index
        generation (``IndexArrays.derived``): a later query of the same
        words then need not decode their whole posting lists (an AND reads
        a frequent word only where its rarer words match, ``query.vector``).
    """

    def __init__(self, reader: Any, postings: PostingReader | None = None,
                 numbers: dict[tuple[Any, ...], float] | None = None) -> None:
        self.reader = reader
        self.size = int(reader.doc_count_all())
        self._reader_of = postings or self._read
        self._known: dict[tuple[str, bytes], tuple[np.ndarray, np.ndarray]] = {}
        self._numbers = {} if numbers is None else numbers

    def _counted(self, key: tuple[Any, ...], count: Callable[[], float]) -> float:
        found = self._numbers.get(key)
        if found is None:
            if len(self._numbers) >= KEPT_NUMBERS:
                self._numbers.clear()
            found = self._numbers[key] = count()
        return found

    def _read(self, field: str, term: bytes) -> tuple[np.ndarray, np.ndarray, Any]:
        return term_postings(list(self.reader.leaf_readers()), field, term)

    def _posting(self, field: str, term: bytes) -> tuple[np.ndarray, np.ndarray]:
        key = (field, term)
        found = self._known.get(key)
        if found is None:
            ids, weights, _blocks = self._reader_of(field, term)
            found = self._known[key] = (ids, weights)
        return found

    def doc_count(self) -> int:
        return self.size

    def doc_frequency(self, field: str, term: bytes) -> int:
        return int(self._counted(("doc_frequency", field, term), lambda: len(self._posting(field, term)[0])))

    def doc_frequency_any(self, terms: FieldTerms) -> int:
        key = ("doc_frequency_any", tuple((f, t) for f, t in terms))
        return int(self._counted(key, lambda: self._count_any(terms)))

    def _count_any(self, terms: FieldTerms) -> int:
        lists = [ids for ids in (self._posting(f, t)[0] for f, t in terms) if len(ids)]
        if len(lists) <= 1:
            return len(lists[0]) if lists else 0
        holding = np.zeros(self.size, dtype=bool)
        for ids in lists:
            holding[ids] = True
        return int(np.count_nonzero(holding))

    def frequency(self, field: str, term: bytes) -> float:
        # Weights are whole numbers: the sum is exact, in any order.
        return self._counted(("frequency", field, term),
                             lambda: float(self._posting(field, term)[1].sum(dtype=np.float64)))

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
