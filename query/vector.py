"""Query evaluation over whole posting lists with numpy.

Whoosh evaluates a query one matching document at a time in Python, which
costs a few microseconds per match: a common word in a 200,000-statement
index takes a second. Sift needs every match anyway (exact totals, ties
broken by id, facets over all matches), so it evaluates the compiled Whoosh
query bottom-up on dense per-document arrays instead:

- a term reads its posting blocks (ids and weights) straight into arrays
  and scores them with the same BM25F formula as ``query.rank`` (the same
  float operations, in the same order);
- ``Or`` adds scores, ``And`` keeps documents every part matched and adds
  their scores, ``AndNot`` removes documents, a date range compares the
  date column;
- any other query (phrases, ``=word``, ``claims:``, fuzzy, ...) runs on
  Whoosh's own matchers, segment by segment, and its scores join the
  arrays the same way, so every query keeps Whoosh's meaning.

Scores equal Whoosh's up to the order of floating-point additions.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length
from whoosh.util.times import datetime_to_long

from query.rank import SiftScorer

#: byte -> field length, Whoosh's lossy length encoding.
_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
NO_DATE = 2**64 - 1


@dataclass
class Matches:
    """Which documents match (``mask``) and their scores (0 elsewhere)."""

    mask: np.ndarray
    score: np.ndarray


class VectorIndex:
    """Per-document arrays of one index generation, built lazily, shared by threads."""

    def __init__(self, searcher: Any) -> None:
        self.size = searcher.doc_count_all()
        self.leaves = [(sub.reader(), offset) for sub, offset in searcher.leaf_searchers()]
        self._lock = threading.Lock()
        self._lengths: dict[str, np.ndarray] = {}
        self._live: np.ndarray | None = None
        self._dates: np.ndarray | None = None

    def live(self) -> np.ndarray:
        with self._lock:
            if self._live is None:
                live = np.ones(self.size, dtype=bool)
                for reader, offset in self.leaves:
                    if reader.has_deletions():
                        dead = np.fromiter(reader._perdoc.deleted_docs(), dtype=np.int64)
                        live[dead + offset] = False
                self._live = live
            return self._live

    def lengths(self, field: str) -> np.ndarray:
        """Field length per document as Whoosh's scorer reads it (default 1)."""
        with self._lock:
            if field not in self._lengths:
                out = np.ones(self.size, dtype=np.float64)
                for reader, offset in self.leaves:
                    perdoc = reader._perdoc
                    count = reader.doc_count_all()
                    if perdoc.has_column(_lenfield(field)):
                        column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
                        codes = np.fromiter(column, dtype=np.uint8, count=count)
                        out[offset:offset + count] = _LENGTH_OF_BYTE[codes]
                self._lengths[field] = out
            return self._lengths[field]

    def dates(self) -> np.ndarray:
        """The ``date`` column as integers (``NO_DATE`` when undated)."""
        with self._lock:
            if self._dates is None:
                out = np.full(self.size, NO_DATE, dtype=np.uint64)
                for reader, offset in self.leaves:
                    count = reader.doc_count_all()
                    if reader.has_column("date"):
                        column = reader.column_reader("date", translate=False)
                        out[offset:offset + count] = np.fromiter((int(v) for v in column), dtype=np.uint64, count=count)
                self._dates = out
            return self._dates

    def postings(self, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
        """Global document numbers and weights of one term, in order."""
        ids: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        for reader, offset in self.leaves:
            if (field, btext) not in reader:
                continue
            matcher = reader.postings(field, btext)
            while hasattr(matcher, "child"):  # a deletion filter: applied later
                matcher = matcher.child
            for block_ids, block_weights in _blocks(matcher):
                ids.append(block_ids + offset)
                weights.append(block_weights)
        if not ids:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        return np.concatenate(ids), np.concatenate(weights)


def _blocks(matcher: Any) -> Any:
    """(ids, weights) arrays per posting block of a leaf matcher."""
    if not hasattr(matcher, "_read_data"):  # inlined postings (ListMatcher)
        ids = np.asarray(matcher._ids, dtype=np.int64)
        weights = np.asarray(matcher._weights, dtype=np.float64) if matcher._weights else np.ones(len(ids))
        yield ids, weights
        return
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        deltas = matcher._data[0]
        ids = np.cumsum(np.asarray(deltas, dtype=np.int64))
        if matcher._weights is None:
            matcher._read_weights()
        yield ids, np.asarray(matcher._weights, dtype=np.float64)
        matcher._next_block()


class Evaluator:
    """Evaluates compiled queries on one Whoosh searcher (see module docs)."""

    def __init__(self, searcher: Any, index: VectorIndex) -> None:
        self.searcher = searcher
        self.index = index
        self.size = index.size

    def run(self, q: wq.Query) -> Matches:
        result = self._eval(q)
        mask = result.mask & self.index.live()
        return Matches(mask, np.where(mask, result.score, 0.0))

    def _empty(self) -> Matches:
        return Matches(np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=np.float64))

    def _eval(self, q: wq.Query) -> Matches:
        if type(q) is wq.Term:
            return self._term(q)
        if type(q) is wq.Or:
            return self._or(q.subqueries)
        if type(q) is wq.And:
            return self._and(q.subqueries)
        if type(q) is wq.AndNot:
            positive, negative = self._eval(q.a), self._eval(q.b)
            mask = positive.mask & ~negative.mask
            return Matches(mask, np.where(mask, positive.score, 0.0))
        if type(q) is wq.DateRange:
            return self._date_range(q)
        return self._by_whoosh(q)

    def _or(self, parts: list[wq.Query]) -> Matches:
        if not parts:
            return self._empty()
        results = [self._eval(p) for p in parts]
        mask = results[0].mask.copy()
        score = results[0].score.copy()
        for r in results[1:]:
            mask |= r.mask
            score += r.score
        return Matches(mask, score)

    def _and(self, parts: list[wq.Query]) -> Matches:
        if not parts:
            return self._empty()
        results = [self._eval(p) for p in parts]
        mask = results[0].mask.copy()
        score = results[0].score.copy()
        for r in results[1:]:
            mask &= r.mask
            score += r.score
        return Matches(mask, np.where(mask, score, 0.0))

    def _term(self, q: wq.Term) -> Matches:
        field = q.fieldname
        schema = self.searcher.schema
        if field not in schema:
            return self._empty()
        fieldobj = schema[field]
        try:
            btext = fieldobj.to_bytes(q.text)
        except ValueError:
            return self._empty()
        ids, weights = self.index.postings(field, btext)
        result = self._empty()
        if not len(ids):
            return result
        scorer = self.searcher.weighting.scorer(self.searcher, field, btext)
        if isinstance(scorer, SiftScorer):
            lengths = self.index.lengths(field)[ids]
            scores = scorer.idf * weights * scorer._k1_plus_1 / (weights + scorer._norm0 + scorer._norm1 * lengths)
        else:  # an unscored field: the posting weight
            scores = weights
        if q.boost != 1.0:
            scores = scores * q.boost
        result.mask[ids] = True
        result.score[ids] = scores
        return result

    def _date_range(self, q: wq.DateRange) -> Matches:
        dates = self.index.dates()
        mask = dates != NO_DATE
        start, end = q.startdate, q.enddate
        if isinstance(start, datetime):
            low = np.uint64(datetime_to_long(start))
            mask &= (dates > low) if q.startexcl else (dates >= low)
        if isinstance(end, datetime):
            high = np.uint64(datetime_to_long(end))
            mask &= (dates < high) if q.endexcl else (dates <= high)
        # A constant score (Whoosh's ranges score every match the same):
        # read it from Whoosh's matcher on one matching document.
        constant = 0.0
        for sub, _offset in self.searcher.leaf_searchers():
            matcher = q.matcher(sub, self.searcher.context())
            if matcher.is_active():
                constant = matcher.score()
                break
        return Matches(mask, np.where(mask, constant, 0.0))

    def _by_whoosh(self, q: wq.Query) -> Matches:
        result = self._empty()
        context = self.searcher.context()
        for sub, offset in self.searcher.leaf_searchers():
            matcher = q.matcher(sub, context)
            ids: list[int] = []
            scores: list[float] = []
            while matcher.is_active():
                ids.append(matcher.id())
                scores.append(matcher.score())
                matcher.next()
            if ids:
                index = np.asarray(ids, dtype=np.int64) + offset
                result.mask[index] = True
                result.score[index] = scores
        return result
