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

from indexer.codec import BLOCK_HEAD, SiftLeafMatcher, block_part
from indexer.schema import SiftPositions
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

    def postings(self, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray, list[tuple[int, Any]]]:
        """Global document numbers and weights of one term, in order, and
        its blocks: (first row, a function returning the block's values as
        (byte lengths, concatenation)), so that values are decoded only for
        the blocks that need them."""
        ids: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        blocks: list[tuple[int, Any]] = []
        rows = 0
        for reader, offset in self.leaves:
            if (field, btext) not in reader:
                continue
            matcher = reader.postings(field, btext)
            while hasattr(matcher, "child"):  # a deletion filter: applied later
                matcher = matcher.child
            for block_ids, block_weights, values in _blocks(matcher):
                ids.append(block_ids + offset)
                weights.append(block_weights)
                blocks.append((rows, values))
                rows += len(block_ids)
        if not ids:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64), []
        return np.concatenate(ids), np.concatenate(weights), blocks


def _blocks(matcher: Any) -> Any:
    """(ids, weights, values getter) per posting block of a leaf matcher;
    the getter returns (value byte lengths, values concatenated)."""
    if not hasattr(matcher, "_read_data"):  # inlined postings (ListMatcher)
        ids = np.asarray(matcher._ids, dtype=np.int64)
        weights = np.asarray(matcher._weights, dtype=np.float64) if matcher._weights else np.ones(len(ids))
        values = matcher._values
        yield ids, weights, lambda: _joined(values)
        return
    fast = isinstance(matcher, SiftLeafMatcher)
    while matcher.is_active():
        if fast:
            first = matcher.first_part()
            flag, count = BLOCK_HEAD.unpack_from(first)
            ids = np.cumsum(np.frombuffer(first, dtype="<u4", count=count, offset=BLOCK_HEAD.size).astype(np.int64))
            if flag == 0:
                weights = np.ones(count, dtype=np.float64)
            else:
                weights = np.frombuffer(first, dtype=np.float32, count=count,
                                        offset=BLOCK_HEAD.size + 4 * count).astype(np.float64)
            raw, compression = matcher.raw_block()
            yield ids, weights, _stored_values(raw, compression, count)
        else:
            if matcher._ids is None:
                matcher._read_ids()
            if matcher._weights is None:
                matcher._read_weights()
            if matcher._values is None:
                matcher._read_values()
            values = matcher._values
            yield (np.asarray(matcher._ids, dtype=np.int64), np.asarray(matcher._weights, dtype=np.float64),
                   lambda values=values: _joined(values))
        matcher._next_block()


def _stored_values(raw: bytes, compression: int, count: int) -> Any:
    def values() -> tuple[np.ndarray, bytes]:
        second = block_part(raw, compression, True)
        return np.frombuffer(second, dtype="<u4", count=count).astype(np.int64), second[4 * count:]
    return values


def _joined(values: Any) -> tuple[np.ndarray, bytes]:
    return np.fromiter(map(len, values), dtype=np.int64, count=len(values)), b"".join(values)


def _candidate_keys(ids: np.ndarray, blocks: list[tuple[int, Any]], candidates: np.ndarray) -> np.ndarray:
    """Position keys of the postings of ``candidates`` documents, reading
    only the blocks that hold one."""
    wanted = np.isin(ids, candidates, assume_unique=True)
    starts = np.asarray([start for start, _values in blocks], dtype=np.int64)
    needed = np.unique(np.searchsorted(starts, np.flatnonzero(wanted), side="right") - 1)
    if not len(needed):
        return np.empty(0, dtype=np.uint64)
    parts = [blocks[b][1]() for b in needed]
    rows = np.concatenate([np.arange(starts[b], starts[b + 1] if b + 1 < len(blocks) else len(ids)) for b in needed])
    encoded = (np.concatenate([lengths for lengths, _blob in parts]), b"".join(blob for _lengths, blob in parts))
    keys = _position_keys(ids[rows], encoded)
    return keys[np.isin((keys >> np.uint64(32)).astype(np.int64), candidates)]


def _position_keys(ids: np.ndarray, encoded: tuple[np.ndarray, bytes]) -> np.ndarray:
    """``document << 32 | position`` for every position of ``SiftPositions``
    values (a 4-byte count, then uint32 little-endian positions), in order."""
    lengths, blob = encoded
    words_per = lengths // 4
    words = np.frombuffer(blob, dtype="<u4")
    starts = np.cumsum(words_per) - words_per
    is_count = np.zeros(len(words), dtype=bool)
    is_count[starts] = True
    positions = words[~is_count].astype(np.uint64)
    docs = np.repeat(ids.astype(np.uint64), words_per - 1)
    return (docs << np.uint64(32)) | positions


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
        if type(q) is wq.Phrase and len(q.words) > 1:
            return self._phrase(q)
        return self._by_whoosh(q)

    def _or(self, parts: list[wq.Query]) -> Matches:
        return self._combine(parts, every=False)

    def _and(self, parts: list[wq.Query]) -> Matches:
        return self._combine(parts, every=True)

    def _combine(self, parts: list[wq.Query], every: bool) -> Matches:
        """Documents any part (``every``: all parts) matched; scores added
        (Whoosh's union and intersection matchers sum their children)."""
        if not parts:
            return self._empty()
        results = [self._eval(p) for p in parts]
        mask = results[0].mask.copy()
        score = results[0].score.copy()
        for r in results[1:]:
            if every:
                mask &= r.mask
            else:
                mask |= r.mask
            score += r.score
        return Matches(mask, np.where(mask, score, 0.0) if every else score)

    def _bytes(self, field: str, text: Any) -> bytes | None:
        schema = self.searcher.schema
        if field not in schema:
            return None
        try:
            return bytes(schema[field].to_bytes(text))
        except ValueError:
            return None

    def _scores(self, field: str, btext: bytes, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Whoosh's score of each posting, as ``query.rank`` computes it."""
        scorer = self.searcher.weighting.scorer(self.searcher, field, btext)
        if isinstance(scorer, SiftScorer):
            lengths = self.index.lengths(field)[ids]
            return np.asarray(scorer.idf * weights * scorer._k1_plus_1 / (weights + scorer._norm0 + scorer._norm1 * lengths))
        return weights  # an unscored field: the posting weight

    def _term(self, q: wq.Term) -> Matches:
        result = self._empty()
        btext = self._bytes(q.fieldname, q.text)
        if btext is None:
            return result
        ids, weights, _ = self.index.postings(q.fieldname, btext)
        if not len(ids):
            return result
        scores = self._scores(q.fieldname, btext, ids, weights)
        if q.boost != 1.0:
            scores = scores * q.boost
        result.mask[ids] = True
        result.score[ids] = scores
        return result

    def _phrase(self, q: wq.Phrase) -> Matches:
        """Documents with the words in order, each within ``slop`` positions
        of the previous one (Whoosh's ``SpanNear2``, ordered, mindist 1),
        scored as the sum of the words' scores."""
        field = q.fieldname
        schema = self.searcher.schema
        if field not in schema or not isinstance(schema[field].format, SiftPositions):
            return self._by_whoosh(q)
        result = self._empty()
        terms = []
        for word in q.words:
            btext = self._bytes(field, word)
            if btext is None:
                return result
            ids, weights, blocks = self.index.postings(field, btext)
            if not len(ids):
                return result
            terms.append((btext, ids, weights, blocks))
        common = terms[0][1]
        for _b, ids, _w, _blk in terms[1:]:
            common = np.intersect1d(common, ids, assume_unique=True)
        if not len(common):
            return result
        ends: np.ndarray | None = None
        for _b, ids, _w, blocks in terms:
            keys = _candidate_keys(ids, blocks, common)
            if ends is None:
                ends = keys
                continue
            follows = np.zeros(len(keys), dtype=bool)
            for distance in range(1, max(1, q.slop) + 1):
                follows |= np.isin(keys - np.uint64(distance), ends)
            ends = keys[follows]
            if not len(ends):
                return result
        assert ends is not None
        docs = np.unique((ends >> np.uint64(32)).astype(np.int64))
        score = np.zeros(self.size, dtype=np.float64)
        for btext, ids, weights, _v in terms:
            score[ids] += self._scores(field, btext, ids, weights)
        result.mask[docs] = True
        result.score[docs] = score[docs] * q.boost
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
        if not q.constantscore:
            return self._by_whoosh(q)
        constant = q.boost  # Whoosh's ConstantScoreQuery(range, boost)
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
