"""The ``claim_spans`` column of a whole index as sorted position keys.

``claims:`` queries keep a match only where its positions lie inside one of
the document's claim ranges for the field (``query._claims``). Checked one
document at a time (decoding the column value of each match) a common word
took seconds on 200,000 statements (issue 23); here the column is decoded
once per index generation, in a few numpy operations, into sorted keys
``document << 32 | position`` like those of ``query.vector``, so that a
whole posting list is checked with one binary search.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh.columns import VarBytesColumn

from indexer.errors import IndexError_
from indexer.schema import CLAIM_FIELDS

#: The ``claim_spans`` column (``indexer.schema.encode_claim_spans``).
SPANS_COLUMN = "claim_spans"
#: One range: field code, first position, end position (exclusive), each a C ``unsigned int``.
_RANGE_BYTES = 3 * np.dtype(np.uintc).itemsize
_SHIFT = np.uint64(32)


@dataclass(frozen=True)
class ClaimRanges:
    """The claim ranges of one field over the whole index.

    ``starts`` are the ranges' first keys, sorted; ``ends[i]`` is the largest
    end key (exclusive) of the ranges up to ``i``, so overlapping ranges need
    no merging; ``docs`` marks the documents with at least one range.
    """

    starts: np.ndarray
    ends: np.ndarray
    docs: np.ndarray

    def hold(self, first: np.ndarray, last: np.ndarray) -> np.ndarray:
        """Whether each match, from key ``first`` to key ``last`` (of the same
        document, ``first <= last``), lies inside one range: ``a <= first``
        and ``last < b``, as ``query._claims`` checks a span. (An end key of
        an earlier document is below every key of a later one.)"""
        before = np.searchsorted(self.starts, first, side="right") - 1  # the last range starting <= first
        found: np.ndarray = (before >= 0) & (self.ends[np.maximum(before, 0)] > last)
        return found


def claim_ranges(leaves: list[tuple[Any, int]], size: int) -> dict[int, ClaimRanges]:
    """The ranges of each field code (``CLAIM_FIELDS``) of the segment
    ``leaves`` (reader, first document number) of an index of ``size`` documents.

    :raises IndexError_: a column value is not a whole number of ranges.
    """
    values, docs = span_rows(leaves, size)
    return {code: ranges_of(values, docs, code, size) for code in range(len(CLAIM_FIELDS))}


def span_rows(leaves: list[tuple[Any, int]], size: int) -> tuple[np.ndarray, np.ndarray]:
    """Every range of the index in column order, as rows ``(field code,
    first, end)``, and each row's document as a key (``document << 32``):
    a document's rows follow its claims, less those without a range.

    :raises IndexError_: a column value is not a whole number of ranges.
    """
    lengths = np.zeros(size, dtype=np.int64)
    data: list[bytes] = []
    for reader, offset in leaves:
        count = reader.doc_count_all()
        if count and reader.has_column(SPANS_COLUMN):
            segment_lengths, blob = _segment_column(reader, count)
            if len(segment_lengths) != count or len(blob) != segment_lengths.sum():
                raise IndexError_(f"the {SPANS_COLUMN} column of a segment is truncated; run `sift check` on the index")
            lengths[offset:offset + count] = segment_lengths
            data.append(blob)
    if (lengths % _RANGE_BYTES).any():
        raise IndexError_(f"the {SPANS_COLUMN} column holds a value that is not a list of ranges; "
                          "run `sift check` on the index")
    values = np.frombuffer(b"".join(data), dtype=np.uintc).reshape(-1, 3)
    docs = np.repeat(np.arange(size, dtype=np.uint64), lengths // _RANGE_BYTES) << _SHIFT
    return values, docs


def ranges_of(values: np.ndarray, docs: np.ndarray, code: int, size: int) -> ClaimRanges:
    """The ranges of field ``code`` among the rows of :func:`span_rows` (or some of them)."""
    rows = values[:, 0] == code
    starts = docs[rows] | values[rows, 1].astype(np.uint64)
    ends = docs[rows] | values[rows, 2].astype(np.uint64)
    order = np.argsort(starts, kind="stable")
    starts, ends = starts[order], np.maximum.accumulate(ends[order])
    marked = np.zeros(size, dtype=bool)
    marked[(starts >> _SHIFT).astype(np.int64)] = True
    return ClaimRanges(starts, ends, marked)


def _segment_column(reader: Any, count: int) -> tuple[np.ndarray, bytes]:
    """One segment's column values: byte length per document, and the
    values concatenated. Whoosh's ``VarBytesColumn`` keeps the values one
    after another and their lengths in an array: both are read whole."""
    column = reader.column_reader(SPANS_COLUMN, translate=False)
    if isinstance(column, VarBytesColumn.Reader):
        lengths = np.asarray(column._lengths, dtype=np.int64)
        return lengths, column._dbfile.get(column._basepos, int(lengths.sum()))
    values = [column[d] for d in range(count)]  # another column type: value by value
    return np.fromiter(map(len, values), dtype=np.int64, count=count), b"".join(values)
