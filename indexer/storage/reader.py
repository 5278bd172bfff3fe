"""Opening an index read-only, and reading its posting lists whole.

The read side of the storage: what ``query`` uses. Opening takes no lock,
writes no file (not ``sift.json``, not the manifest) and loads none of the
writer's modules (``indexer.storage.store``, ``indexer.storage.segment``, ``whoosh.writing``):
a search process only reads the last committed table of contents, and a
commit running at the same moment in another process is tolerated by
retrying (:func:`indexer.storage.layout.retry_missing`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.filedb.filestore import FileStorage
from whoosh.util.numeric import byte_to_length

from indexer.storage.blocks import ValuesGetter, posting_arrays
from indexer.storage.claimranges import ClaimRanges, claim_ranges
from indexer.storage.codec import SiftLeafMatcher
from indexer.errors import IndexError_, IndexNotFoundError
from indexer.storage.layout import INDEX_NAME, META_FILE, index_exists, retry_missing

#: A term's postings: global document numbers, weights, and its blocks
#: as (first row, values getter), see :func:`term_postings`.
Postings = tuple[np.ndarray, np.ndarray, list[tuple[int, ValuesGetter]]]
#: The ``date`` column's value for an undated statement.
NO_DATE = 2**64 - 1
#: byte -> field length, Whoosh's lossy length encoding.
_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class _OpeningStorage(FileStorage):  # type: ignore[misc]
    """Whoosh leaves a damaged table of contents' file open when reading it
    fails: the files opened while an index opens are noted to close them
    then (and no longer noted once it is open)."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.opened: list[Any] | None = []

    def open_file(self, name: str, *args: Any, **kwargs: Any) -> Any:
        stream = super().open_file(name, *args, **kwargs)
        if self.opened is not None:
            self.opened.append(stream)
        return stream

    def close_opened(self) -> None:
        for stream in self.opened or ():
            stream.close()
        self.opened = None


def open_index(directory: Path) -> whoosh_index.Index:
    """Open an existing index for reading (memory-mapped, no lock, no writes).

    :raises IndexNotFoundError: no index there.
    :raises IndexError_: the index is damaged.
    """
    if not index_exists(directory):
        if (directory / META_FILE).exists():  # a first run killed before its first TOC
            raise IndexNotFoundError(
                f"nothing has been committed to the index at {directory} yet (its first run stopped "
                f"early); run `sift index PATH --index {directory}`"
            )
        raise IndexNotFoundError(
            f"no Sift index at {directory}; create one with `sift index PATH --index {directory}`"
        )
    storage = _OpeningStorage(str(directory))
    try:
        index = retry_missing(lambda: whoosh_index.FileIndex(storage, indexname=INDEX_NAME))
        storage.opened = None
        return index
    except Exception as exc:  # Whoosh raises many unrelated types here
        storage.close_opened()
        raise IndexError_(
            f"cannot open the index at {directory}: {exc}; run `sift check --index {directory}`"
        ) from exc


def open_searcher(ix: whoosh_index.Index, **kwargs: Any) -> Any:
    """``ix.searcher(**kwargs)`` on the latest commit, safe against a commit
    running at the same moment in another process."""
    return retry_missing(lambda: ix.searcher(**kwargs))


T = TypeVar("T")


class IndexArrays:
    """Per-document arrays of one index generation (liveness, field lengths,
    dates, claim ranges) and its posting lists as arrays, built lazily,
    shared by threads: what query evaluation reads (``query.vector``)."""

    def __init__(self, searcher: Any) -> None:
        self.size = searcher.doc_count_all()
        self.leaves = [(sub.reader(), offset) for sub, offset in searcher.leaf_searchers()]
        self._lock = threading.Lock()
        self._lengths: dict[str, np.ndarray] = {}
        self._live: np.ndarray | None = None
        self._dates: np.ndarray | None = None
        self._derived: dict[str, object] = {}

    def live(self) -> np.ndarray:
        """Whether each document is live (not deleted)."""
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

    def has_derived(self, key: str) -> bool:
        with self._lock:
            return key in self._derived

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """A table ``build`` makes from this generation, made once and kept
        as long as the generation (the query side keeps its own here)."""
        with self._lock:
            if key not in self._derived:
                self._derived[key] = build()
            return cast(T, self._derived[key])

    def claim_ranges(self, code: int) -> ClaimRanges:
        """The claim ranges of the field ``CLAIM_FIELDS[code]`` (the
        ``claim_spans`` column, decoded once for every query)."""
        return self.derived("claim_ranges", lambda: claim_ranges(self.leaves, self.size))[code]

    def postings(self, field: str, btext: bytes, within: np.ndarray | None = None) -> Postings:
        """Global document numbers and weights of one term, in order, and
        its blocks (see :func:`term_postings`; ``within``: at least those of
        these sorted documents). Deleted documents are included."""
        return term_postings(self.leaves, field, btext, within)




def unfiltered_postings(reader: Any, field: str, btext: bytes) -> Any:
    """The term's leaf matcher (of one segment's reader) at its first
    posting, deleted documents included: ``reader.postings`` would wrap it in
    a filter that builds a set of the deleted documents and steps over the
    leading ones, one posting at a time, on every call."""
    terms = getattr(reader, "_terms", None)
    if terms is not None and hasattr(terms, "matcher"):
        return terms.matcher(field, btext, reader.schema[field].format)
    matcher = reader.postings(field, btext)
    while hasattr(matcher, "child"):  # a deletion filter
        matcher = matcher.child
    return matcher


def term_postings(leaves: list[tuple[Any, int]], field: str, btext: bytes,
                  within: np.ndarray | None = None) -> Postings:
    """Global document numbers and weights of one term over the segment
    ``leaves`` (reader, first document number), in order, and its blocks:
    (first row, a function returning the block's values as (byte lengths,
    concatenation)), so that values are decoded only for the blocks that
    need them. Deleted documents are included.

    With ``within`` (sorted document numbers), Sift's blocks holding none
    of them are skipped (``blocks.posting_arrays``): every posting of a
    ``within`` document is there, others may be missing."""
    ids: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    blocks: list[tuple[int, ValuesGetter]] = []
    rows = 0
    for reader, offset in leaves:
        if (field, btext) not in reader:
            continue
        matcher = unfiltered_postings(reader, field, btext)
        if isinstance(matcher, SiftLeafMatcher):
            this: Any = matcher
            leaf_ids, leaf_weights, leaf_blocks = posting_arrays(
                this._postfile.get, this._startoffset, None if within is None else _local(within, reader, offset))
            ids.append(leaf_ids + offset)
            weights.append(leaf_weights)
            blocks.extend((rows + start, values) for start, values in leaf_blocks)
            rows += len(leaf_ids)
            continue
        for block_ids, block_weights, values in _whoosh_blocks(matcher):
            ids.append(block_ids + offset)
            weights.append(block_weights)
            blocks.append((rows, values))
            rows += len(block_ids)
    if not ids:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64), []
    return np.concatenate(ids), np.concatenate(weights), blocks


def _local(within: np.ndarray, reader: Any, offset: int) -> np.ndarray:
    """The sorted global numbers ``within`` that fall in the segment of
    ``reader`` starting at ``offset``, as its own numbers."""
    start, end = np.searchsorted(within, [offset, offset + reader.doc_count_all()])
    return np.asarray(within[start:end], dtype=np.int64) - offset


def _whoosh_blocks(matcher: Any) -> Iterator[tuple[np.ndarray, np.ndarray, ValuesGetter]]:
    """(ids, weights, values getter) per posting block of a leaf matcher
    in Whoosh's layouts (inlined lists, segments written before Sift's
    block layout); the getter returns (value byte lengths, values concatenated)."""
    if not hasattr(matcher, "_read_data"):  # inlined postings (ListMatcher)
        ids = np.asarray(matcher._ids, dtype=np.int64)
        weights = np.asarray(matcher._weights, dtype=np.float64) if matcher._weights else np.ones(len(ids))
        yield ids, weights, _values_of(matcher._values)
        return
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        if matcher._weights is None:
            matcher._read_weights()
        if matcher._values is None:
            matcher._read_values()
        yield (np.asarray(matcher._ids, dtype=np.int64), np.asarray(matcher._weights, dtype=np.float64),
               _values_of(matcher._values))
        matcher._next_block()


def _values_of(values: Any) -> ValuesGetter:
    return lambda: _joined(values)


def _joined(values: Any) -> tuple[np.ndarray, bytes]:
    return np.fromiter(map(len, values), dtype=np.int64, count=len(values)), b"".join(values)
